//! `content/site.yaml`: who publishes, how the site looks, and the accessibility statement's facts.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Accessibility, Budget, Contact, Licence, Sector};

/// `content/site.yaml`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct SiteFile {
    /// The site's name, shown in the header and the window title.
    #[schemars(example = &"Modern Slavery Statement")]
    pub title: String,
    /// The organisation that publishes the reporting. For a joint or group statement of several bodies, give `organisations` instead.
    #[serde(default)]
    pub organisation: Option<String>,
    /// The bodies of a joint or group statement, in the order the statement names them (instead of `organisation`).
    #[serde(default)]
    pub organisations: Vec<RawOrganisation>,
    /// The registry's sector for a public body: police, local-government, health, education, fire, central-government or other.
    #[serde(default)]
    pub sector: Option<Sector>,
    /// The registry's budget band for a public body (its turnover band): under-36m, 36m-60m, 60m-100m, 100m-500m or over-500m.
    #[serde(default)]
    pub budget: Option<Budget>,
    /// One sentence about the site, for search engines and the feed.
    #[serde(default)]
    pub description: Option<String>,
    /// Absolute URL the site is published at; `--base-url` overrides it.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Language tag of the content, default `en-GB`. A bilingual site gives `languages`
    /// instead.
    #[serde(default)]
    pub language: Option<String>,
    /// The site's languages, the default first, such as `[en, cy]`: the default language is
    /// published at the root, each other under /TAG/ (/cy/), from translation files beside
    /// the originals (about.cy.md, data/cy/kpis.yaml, site.cy.yaml).
    #[serde(default)]
    pub languages: Option<Vec<String>>,
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
    /// The body's own headings for its work (optional): each record's `aspect` names one by id, and the performance page and action plan group by them.
    #[serde(default)]
    pub aspects: Vec<RawAspect>,
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
    /// The police non-emergency number; default 101 when `sector` is `police`, none otherwise;
    /// `none` leaves it out.
    #[serde(default)]
    pub non_emergency: Option<String>,
}

/// One of the body's own headings for its work, such as Derbyshire Constabulary's four aspects.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawAspect {
    /// A unique id: letters, digits, '-' and '_'; records name the aspect by it.
    #[schemars(example = &"force-capability")]
    pub id: String,
    /// The heading, as the statement words it.
    #[schemars(example = &"Force capability")]
    pub title: String,
    /// What it covers, in a sentence, as the statement says it.
    #[serde(default)]
    pub description: Option<String>,
}

/// One body of a joint or group statement.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawOrganisation {
    /// The body's name as it writes it, such as The Police and Crime Commissioner for South Wales.
    #[schemars(example = &"The Police and Crime Commissioner for South Wales")]
    pub name: String,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct Reporting {
    /// Month (1 to 12) the reporting year starts in; default 4 (April).
    #[serde(default)]
    pub year_starts: Option<u32>,
    /// How often progress updates are published between statements: six-monthly, annual or none (the default). The site promises the next update only when this says one is due.
    #[serde(default)]
    pub updates: Option<crate::model::Cadence>,
    /// Months after an update's period ends that it is due, where the body has said so;
    /// without it the site names the next update but promises no date.
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
