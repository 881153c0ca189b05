//! What serde reads from the site's YAML: one struct per file shape, unknown fields refused.
//!
//! These types are the authors' contract. The JSON Schemas on the open-data page are generated
//! from them, so a field documented here is documented there.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::period::Period;

/// `content/site.yaml`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct SiteFile {
    /// The site's name, shown in the header and the window title.
    pub title: String,
    /// The organisation that publishes the reporting.
    pub organisation: String,
    /// One sentence about the site, for search engines and the feed.
    #[serde(default)]
    pub description: Option<String>,
    /// Absolute URL the site is published at; `--base-url` overrides it.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Language tag of the content, default `en-GB`.
    #[serde(default)]
    pub language: Option<String>,
    /// Theme folder under `themes/`, default `default`.
    #[serde(default)]
    pub theme: Option<String>,
    /// Organisation colour for the header, as `#rrggbb`.
    #[serde(default)]
    pub colour: Option<String>,
    /// A notice shown at the top of every page (Markdown, one paragraph).
    #[serde(default)]
    pub notice: Option<String>,
    /// Licence of the published data; default the Open Government Licence v3.0.
    #[serde(default)]
    pub licence: Option<Licence>,
    #[serde(default)]
    pub reporting: Option<Reporting>,
    #[serde(default)]
    pub markdown: Option<MarkdownOptions>,
    #[serde(default)]
    pub contact: Option<Contact>,
    /// The accessibility statement's facts.
    pub accessibility: Accessibility,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct Licence {
    pub name: String,
    pub url: String,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct Reporting {
    /// Month (1 to 12) the reporting year starts in; default 4 (April).
    #[serde(default)]
    pub year_starts: Option<u32>,
    /// Months after a half year ends that its update is due; default 1.
    #[serde(default)]
    pub update_due_months: Option<u32>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct MarkdownOptions {
    /// Let raw HTML in Markdown through unescaped. Off by default.
    #[serde(default)]
    pub unsafe_html: bool,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
}

/// Facts for the accessibility statement, in the order of the UK model statement.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    /// `full`, `partial` or `not` compliant with WCAG 2.2 AA.
    pub compliance: Compliance,
    /// Where to report an accessibility problem.
    pub contact: Contact,
    /// Working days within which the organisation replies.
    #[serde(default)]
    pub response_days: Option<u32>,
    /// Known problems, each with the WCAG criterion it fails and when it will be fixed.
    #[serde(default)]
    pub non_accessible: Vec<KnownIssue>,
    /// Content claimed as a disproportionate burden, or out of scope (Markdown).
    #[serde(default)]
    pub exemptions: Option<String>,
    /// How the site was tested.
    pub tested_by: String,
    pub tested_on: Date,
    pub prepared_on: Date,
    #[serde(default)]
    pub reviewed_on: Option<Date>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Compliance {
    Full,
    Partial,
    Not,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct KnownIssue {
    pub issue: String,
    #[serde(default)]
    pub wcag: Option<String>,
    #[serde(default)]
    pub fix_by: Option<Date>,
}

/// Front matter of `content/statements/*.md`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct StatementFile {
    pub title: String,
    pub period: Period,
    pub published: Date,
    /// One paragraph shown in lists and the feed.
    #[serde(default)]
    pub summary: Option<String>,
    pub approval: Approval,
    /// s54(5) area → id of the heading in the body that covers it.
    #[serde(default)]
    pub areas: BTreeMap<String, String>,
    /// s54(5) area → why the statement does not cover it.
    #[serde(default)]
    pub not_covered: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The board or body that approved the statement.
    pub approved_by: String,
    pub approved_on: Date,
    pub signed_by: Vec<Signature>,
    /// True when these approval details are not from the published statement.
    #[serde(default)]
    pub illustrative: bool,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// Optional: people appear by role; a name only where the statement itself gives it.
    #[serde(default)]
    pub name: Option<String>,
    pub role: String,
    pub signed_on: Date,
}

/// Front matter of `content/updates/*.md`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct UpdateFile {
    pub title: String,
    /// A half year, such as `2020/21 H1`.
    pub period: Period,
    pub published: Date,
    /// The statement this update follows up, by period.
    pub statement: Period,
    #[serde(default)]
    pub summary: Option<String>,
}

/// Front matter of `content/pages/*.md`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct PageFile {
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
    /// Position in the footer's list of pages; pages without it are not listed there.
    #[serde(default)]
    pub footer_order: Option<u32>,
}

/// `content/data/kpis.yaml`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct KpisFile {
    pub kpis: Vec<RawKpi>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawKpi {
    pub id: String,
    pub title: String,
    pub description: String,
    pub aspect: Aspect,
    pub kind: KpiKind,
    /// What is counted, such as `orders` or `% of staff`.
    #[serde(default)]
    pub unit: Option<String>,
    /// Which way is better: `up` or `down`. Not used for qualitative KPIs.
    #[serde(default)]
    pub direction: Option<Direction>,
    #[serde(default)]
    pub target: Option<f64>,
    #[serde(default)]
    pub values: Vec<RawKpiValue>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawKpiValue {
    pub period: Period,
    /// The figure, for `count` (whole, >= 0) and `percent` (0 to 100) KPIs.
    #[serde(default)]
    pub value: Option<f64>,
    /// For `qualitative` KPIs.
    #[serde(default)]
    pub status: Option<Status>,
    /// For `qualitative` KPIs: what was done, in a sentence or two.
    #[serde(default)]
    pub summary: Option<String>,
    /// True when the figure is not from a published source.
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(
    Debug, Deserialize, Serialize, JsonSchema, Clone, Copy, PartialEq, Eq, PartialOrd, Ord,
)]
#[serde(rename_all = "kebab-case")]
pub enum Aspect {
    ForceCapability,
    InternalCapability,
    ExternalCapability,
    BusinessEngagement,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum KpiKind {
    Count,
    Percent,
    Qualitative,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Up,
    Down,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    NotStarted,
    InProgress,
    Achieved,
}

/// `content/data/prevention-orders.yaml`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct OrdersFile {
    pub orders: Vec<RawOrders>,
}

/// Slavery and Trafficking Prevention and Risk Orders for one period: counts, never cases.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawOrders {
    pub period: Period,
    /// Prevention Orders (after conviction).
    #[serde(default)]
    pub stpo: OrderCounts,
    /// Risk Orders (no conviction needed).
    #[serde(default)]
    pub stro: OrderCounts,
    #[serde(default)]
    pub illustrative: bool,
    /// Where the figures come from.
    #[serde(default)]
    pub source: Option<String>,
}

/// Counts for one kind of order; a count left out was not published.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Default, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct OrderCounts {
    #[serde(default)]
    pub applied: Option<u64>,
    #[serde(default)]
    pub granted: Option<u64>,
    #[serde(default)]
    pub interim: Option<u64>,
    #[serde(default)]
    pub breaches: Option<u64>,
}

/// `content/data/training.yaml`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct TrainingFile {
    #[serde(default)]
    pub courses: Vec<RawCourse>,
    #[serde(default)]
    pub resources: Vec<RawResource>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawCourse {
    pub id: String,
    pub title: String,
    pub provider: String,
    /// Who takes it, by role.
    pub audience: Vec<String>,
    #[serde(default)]
    pub aspect: Option<Aspect>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub trained: Vec<RawTrained>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawTrained {
    pub period: Period,
    /// People who completed the course in the period.
    pub people: u64,
    #[serde(default)]
    pub illustrative: bool,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawResource {
    pub id: String,
    pub title: String,
    /// `video`, `guide`, `pack`, `e-learning` or `poster`.
    pub kind: String,
    pub description: String,
    /// Calendar year it was produced in.
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub audience: Vec<String>,
    #[serde(default)]
    pub url: Option<String>,
}

/// `content/data/partnerships.yaml`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct PartnershipsFile {
    pub partnerships: Vec<RawPartnership>,
    #[serde(default)]
    pub activities: Vec<RawActivity>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawPartnership {
    pub id: String,
    pub name: String,
    pub description: String,
    /// The force's part in it, such as `member` or `lead force`.
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawActivity {
    pub id: String,
    /// Id of the partnership it belongs to.
    pub partnership: String,
    pub date: Date,
    pub kind: ActivityKind,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ActivityKind {
    Meeting,
    Operation,
    Awareness,
    Training,
}

/// `content/data/actions.yaml`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct ActionsFile {
    pub actions: Vec<RawAction>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawAction {
    pub id: String,
    pub title: String,
    pub aspect: Aspect,
    /// Who is responsible, by role.
    pub owner: String,
    pub due: Date,
    pub status: Status,
    #[serde(default)]
    pub progress: Vec<RawProgress>,
    #[serde(default)]
    pub illustrative: bool,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawProgress {
    pub period: Period,
    pub note: String,
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    pub illustrative: bool,
}

/// `content/data/commitments.yaml`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct CommitmentsFile {
    pub charter: Charter,
    pub commitments: Vec<RawCommitment>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct Charter {
    pub title: String,
    /// Who signed it, by role.
    pub signed_by: String,
    pub signed_on: Date,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawCommitment {
    pub id: String,
    pub text: String,
    pub status: Status,
    #[serde(default)]
    pub evidence: Vec<RawEvidence>,
    #[serde(default)]
    pub illustrative: bool,
}

/// A link to evidence: exactly one of `page`, `dataset`, `statement`, `update` or `url`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawEvidence {
    pub title: String,
    /// Slug of a page in `content/pages/`.
    #[serde(default)]
    pub page: Option<String>,
    /// Name of a dataset: kpis, prevention-orders, training, partnerships, actions, commitments.
    #[serde(default)]
    pub dataset: Option<String>,
    #[serde(default)]
    pub statement: Option<Period>,
    #[serde(default)]
    pub update: Option<Period>,
    #[serde(default)]
    pub url: Option<String>,
}
