//! `content/site.yaml`: who publishes, how the site looks, and the accessibility statement's facts.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::date::Date;

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
    /// The reporting calendar: when the year starts and when updates are due.
    #[serde(default)]
    pub reporting: Option<Reporting>,
    /// How Markdown in statements, updates and pages is rendered.
    #[serde(default)]
    pub markdown: Option<MarkdownOptions>,
    /// How readers reach the organisation about the site: shown in the footer and on the 404 page.
    #[serde(default)]
    pub contact: Option<Contact>,
    /// The accessibility statement's facts.
    pub accessibility: Accessibility,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct Licence {
    /// The licence's name, such as Open Government Licence v3.0.
    pub name: String,
    /// Where the licence can be read (an https:// address).
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
    /// An email address, such as modern.slavery@example.org.
    #[serde(default)]
    pub email: Option<String>,
    /// A telephone number as it should be shown, such as 01632 960000.
    #[serde(default)]
    pub phone: Option<String>,
    /// A postal address, on one line.
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
    /// When the site was last tested for accessibility (YYYY-MM-DD).
    pub tested_on: Date,
    /// When the accessibility statement was first prepared (YYYY-MM-DD).
    pub prepared_on: Date,
    /// When the accessibility statement was last reviewed (YYYY-MM-DD).
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
    /// What is not accessible, in a sentence readers understand.
    pub issue: String,
    /// The WCAG 2.2 success criterion it fails, such as 1.1.1.
    #[serde(default)]
    pub wcag: Option<String>,
    /// When it will be fixed (YYYY-MM-DD).
    #[serde(default)]
    pub fix_by: Option<Date>,
}
