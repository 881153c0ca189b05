//! `content/site.yaml`: who publishes, how the site looks, and the accessibility statement's facts.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Accessibility, Contact, Licence};

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
    /// How to report modern slavery, on the home page and in every page's footer.
    #[serde(default)]
    pub report: Option<ReportNumbers>,
    /// The accessibility statement's facts.
    pub accessibility: Accessibility,
}

/// The numbers the home page and every footer give for reporting modern slavery; each has a
/// default a site can change.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct ReportNumbers {
    /// The emergency number; default 999.
    #[serde(default)]
    pub emergency: Option<String>,
    /// The Modern Slavery & Exploitation Helpline's number; default 08000 121 700.
    #[serde(default)]
    pub helpline: Option<String>,
    /// The police non-emergency number, such as 101: a police site gives it.
    #[serde(default)]
    pub non_emergency: Option<String>,
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
