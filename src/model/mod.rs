//! The validated site that templates see: every reference resolved, every figure checked.
//!
//! Built from the raw types by `validate`; serialised once into the template context. URLs
//! here are root-relative (`/statements/2019-20/`); templates pass them through `url()` so a
//! site published under a sub-path still links correctly.

pub mod date;
pub mod period;

use std::sync::Arc;

use serde::Serialize;

use crate::model::date::Date;
use crate::model::period::Period;
use crate::raw::{
    Accessibility, Approval, Aspect, Charter, Contact, Direction, KpiKind, Licence, OrderCounts,
    Status,
};

#[derive(Debug, Serialize)]
pub struct Site {
    pub config: Config,
    /// Newest period first.
    pub statements: Vec<Statement>,
    /// Newest period first.
    pub updates: Vec<Update>,
    /// By footer order, then title.
    pub pages: Vec<Page>,
    /// The pages that have a `footer_order`, in that order: what every page's footer lists.
    pub footer_pages: Vec<Link>,
    pub kpis: Vec<Kpi>,
    /// Oldest period first.
    pub orders: Vec<Orders>,
    pub courses: Vec<Course>,
    pub resources: Vec<Resource>,
    pub partnerships: Vec<Partnership>,
    /// Oldest first.
    pub activities: Vec<Activity>,
    pub actions: Vec<Action>,
    pub charter: Option<Charter>,
    pub commitments: Vec<Commitment>,
    pub datasets: Vec<Dataset>,
    /// The CSV tables behind `datasets`.
    #[serde(skip)]
    pub tables: Vec<crate::view::opendata::Table>,
    /// Each data file as JSON, by dataset name.
    #[serde(skip)]
    pub json: Vec<(String, serde_json::Value)>,
    pub home: Home,
    /// Files under `content/static/`, copied as they are.
    #[serde(skip)]
    pub static_files: Vec<String>,
    /// True when any figure on the site is marked illustrative.
    pub has_illustrative: bool,
    /// What the Markdown's links to the site were checked against: its URLs and ids.
    #[serde(skip)]
    pub links: crate::check::links::Index,
}

#[derive(Debug, Serialize)]
pub struct Config {
    pub title: String,
    pub organisation: String,
    pub description: String,
    /// Absolute, without a trailing slash: `https://example.org/msa`.
    pub base_url: String,
    pub language: String,
    pub theme: String,
    /// `#rrggbb`
    pub colour: String,
    /// Black or white, whichever reads better on `colour`.
    pub colour_text: String,
    pub notice_html: Option<String>,
    pub licence: Licence,
    pub contact: Contact,
    pub year_starts: u32,
    pub accessibility: Accessibility,
    pub exemptions_html: Option<String>,
    /// How Markdown is rendered (raw HTML, the base path of links).
    #[serde(skip)]
    pub markdown: crate::markdown::Settings,
    #[serde(skip)]
    pub update_due_months: u32,
}

#[derive(Debug, Serialize, Clone)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// One of the six areas of s54(5) and where the statement covers it.
#[derive(Debug, Serialize)]
pub struct Area {
    pub key: &'static str,
    /// `(a)` to `(f)`
    pub letter: &'static str,
    pub name: &'static str,
    pub anchor: Option<String>,
    pub heading: Option<String>,
    pub reason: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Statement {
    pub title: String,
    pub period: Period,
    pub period_span: String,
    pub slug: String,
    pub url: String,
    pub published: Date,
    /// Six months after the period ends.
    pub deadline: Date,
    pub on_time: bool,
    pub summary: Option<String>,
    pub approval: Approval,
    pub areas: Vec<Area>,
    pub body_html: Arc<str>,
    pub toc: Arc<[Heading]>,
    /// Updates that follow this statement up, oldest first.
    pub update_urls: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Update {
    pub title: String,
    pub period: Period,
    pub period_span: String,
    pub slug: String,
    pub url: String,
    pub published: Date,
    pub statement_title: String,
    pub statement_url: String,
    pub summary: Option<String>,
    pub body_html: Arc<str>,
    pub toc: Arc<[Heading]>,
    pub figures: UpdateFigures,
}

/// What an update page shows beside its narrative: this period against the one before.
#[derive(Debug, Serialize)]
pub struct UpdateFigures {
    pub previous_period: Period,
    pub kpis: Vec<KpiComparison>,
    pub orders: Option<OrdersComparison>,
    pub training: Vec<TrainingComparison>,
    pub activities: Vec<Activity>,
    pub previous_activity_count: usize,
    pub progress: Vec<ProgressItem>,
}

#[derive(Debug, Serialize)]
pub struct KpiComparison {
    pub id: String,
    pub title: String,
    pub url: String,
    pub kind: KpiKind,
    pub unit: Option<String>,
    pub current: Option<KpiValue>,
    pub previous: Option<KpiValue>,
}

#[derive(Debug, Serialize)]
pub struct OrdersComparison {
    pub current: Option<Orders>,
    pub previous: Option<Orders>,
}

#[derive(Debug, Serialize)]
pub struct TrainingComparison {
    pub course: String,
    pub current: Option<u64>,
    pub previous: Option<u64>,
    pub illustrative: bool,
}

#[derive(Debug, Serialize)]
pub struct ProgressItem {
    pub action_id: String,
    pub action_title: String,
    pub status: Option<Status>,
    pub note: String,
    pub illustrative: bool,
}

#[derive(Debug, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// What `page.html` sees as `content`: the page with its body.
#[derive(Serialize)]
pub struct PageContext<'a> {
    #[serde(flatten)]
    pub page: &'a Page,
    pub body_html: &'a str,
    pub toc: &'a [Heading],
}

#[derive(Debug, Serialize)]
pub struct Page {
    pub title: String,
    pub slug: String,
    pub url: String,
    pub summary: Option<String>,
    pub footer_order: Option<u32>,
    /// Left out of the shared model (a large site's pages would be copied into every
    /// template's view of it); `page.html` gets it through `PageContext`.
    #[serde(skip)]
    pub body_html: Arc<str>,
    /// Left out of the shared model for the same reason; `page.html` gets it too.
    #[serde(skip)]
    pub toc: Arc<[Heading]>,
    /// The Markdown file it comes from (`content/pages/about.md`).
    #[serde(skip)]
    pub source: String,
}

#[derive(Debug, Serialize, Clone)]
pub struct KpiValue {
    pub period: Period,
    pub period_span: String,
    pub value: Option<f64>,
    /// The value as shown: `11`, `42.5%`.
    pub display: String,
    pub status: Option<Status>,
    pub summary: Option<String>,
    pub illustrative: bool,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Kpi {
    pub id: String,
    pub url: String,
    pub title: String,
    pub description: String,
    pub aspect: Aspect,
    pub kind: KpiKind,
    pub unit: Option<String>,
    pub direction: Option<Direction>,
    pub target: Option<f64>,
    /// Oldest period first.
    pub values: Vec<KpiValue>,
    pub latest: Option<KpiValue>,
    pub chart: Option<Chart>,
    pub any_illustrative: bool,
}

/// A line chart laid out at build time; the template only draws it.
#[derive(Debug, Serialize)]
pub struct Chart {
    pub title: String,
    pub description: String,
    pub width: u32,
    pub height: u32,
    /// The `points` attribute of the polyline.
    pub line: String,
    pub points: Vec<ChartPoint>,
    pub y_ticks: Vec<ChartTick>,
    pub plot_left: u32,
    pub plot_right: u32,
    pub plot_top: u32,
    pub plot_bottom: u32,
    pub target_y: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct ChartPoint {
    pub x: f64,
    pub y: f64,
    pub label: String,
    pub display: String,
    pub illustrative: bool,
}

#[derive(Debug, Serialize)]
pub struct ChartTick {
    pub y: f64,
    pub label: String,
}

#[derive(Debug, Serialize, Clone)]
pub struct Orders {
    pub period: Period,
    pub period_span: String,
    pub stpo: OrderCounts,
    pub stro: OrderCounts,
    pub illustrative: bool,
    pub source: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Course {
    pub id: String,
    pub title: String,
    pub provider: String,
    pub audience: Vec<String>,
    pub aspect: Option<Aspect>,
    pub description: Option<String>,
    pub trained: Vec<Trained>,
    pub total: u64,
}

#[derive(Debug, Serialize)]
pub struct Trained {
    pub period: Period,
    pub people: u64,
    pub illustrative: bool,
}

#[derive(Debug, Serialize)]
pub struct Resource {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub description: String,
    pub year: Option<i32>,
    pub audience: Vec<String>,
    pub url: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Partnership {
    pub id: String,
    pub name: String,
    pub description: String,
    pub role: Option<String>,
    pub url: Option<String>,
    /// Oldest first.
    pub activities: Vec<Activity>,
}

#[derive(Debug, Serialize, Clone)]
pub struct Activity {
    pub id: String,
    pub partnership: String,
    pub partnership_name: String,
    pub date: Date,
    pub period: Period,
    pub kind: crate::raw::ActivityKind,
    pub title: String,
    pub description: Option<String>,
    pub illustrative: bool,
}

#[derive(Debug, Serialize)]
pub struct Action {
    pub id: String,
    pub title: String,
    pub aspect: Aspect,
    pub owner: String,
    pub due: Date,
    pub status: Status,
    pub progress: Vec<Progress>,
    pub illustrative: bool,
}

#[derive(Debug, Serialize)]
pub struct Progress {
    pub period: Period,
    pub note: String,
    pub status: Option<Status>,
    pub illustrative: bool,
}

#[derive(Debug, Serialize)]
pub struct Commitment {
    pub id: String,
    pub text: String,
    pub status: Status,
    pub evidence: Vec<Evidence>,
    pub illustrative: bool,
}

#[derive(Debug, Serialize)]
pub struct Evidence {
    pub title: String,
    pub url: String,
}

/// One open dataset: a data file offered as JSON, as CSV tables and with its JSON Schema.
#[derive(Debug, Serialize)]
pub struct Dataset {
    pub name: String,
    pub title: String,
    pub description: String,
    pub json_url: String,
    pub schema_url: String,
    pub tables: Vec<DataTable>,
    /// The page that shows this data.
    pub page_url: String,
}

#[derive(Debug, Serialize)]
pub struct DataTable {
    pub title: String,
    pub csv_url: String,
    pub rows: usize,
    pub columns: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Home {
    pub next_update: Option<NextUpdate>,
    pub headlines: Vec<Headline>,
}

#[derive(Debug, Serialize)]
pub struct NextUpdate {
    pub period: Period,
    pub period_span: String,
    pub due: Date,
}

#[derive(Debug, Serialize)]
pub struct Headline {
    pub label: String,
    pub value: String,
    pub period: Period,
    pub url: String,
    pub illustrative: bool,
}

/// Human words for the enums, used by the template filter `label`.
pub fn label(word: &str) -> Option<&'static str> {
    Some(match word {
        "force-capability" => "Force capability",
        "internal-capability" => "Internal capability (HR, vetting, recruitment)",
        "external-capability" => "External capability (procurement and supply chain)",
        "business-engagement" => "Business engagement",
        "not-started" => "Not started",
        "in-progress" => "In progress",
        "achieved" => "Achieved",
        "count" => "Count",
        "percent" => "Percentage",
        "qualitative" => "Qualitative",
        "up" => "Higher is better",
        "down" => "Lower is better",
        "meeting" => "Meeting",
        "operation" => "Operation",
        "awareness" => "Awareness",
        "training" => "Training",
        "full" => "fully compliant",
        "partial" => "partially compliant",
        "not" => "not compliant",
        _ => return None,
    })
}
