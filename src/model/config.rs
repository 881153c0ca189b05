//! The validated site settings templates see as `site`, with the licence, the contacts and
//! the accessibility statement's facts (shared with `raw::SiteFile`, which reads them).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Compliance;
use super::date::Date;

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
    /// How to report modern slavery: the home page and every footer.
    pub report: Report,
    #[serde(skip)]
    pub update_due_months: u32,
}

/// The numbers for reporting modern slavery, each as shown and as a `tel:` address.
#[derive(Debug, Serialize)]
pub struct Report {
    pub emergency: Phone,
    pub helpline: Phone,
    /// The police non-emergency number (101), on police sites.
    pub non_emergency: Option<Phone>,
}

/// A telephone number as people write it and its `tel:` address (`routes::tel`).
#[derive(Debug, Serialize)]
pub struct Phone {
    pub number: String,
    pub tel: String,
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
