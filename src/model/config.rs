//! The validated site settings templates see as `site`, with the licence, the contacts and
//! the accessibility statement's facts (shared with `raw::SiteFile`, which reads them).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::Date;
use super::{Aspect, Budget, Compliance, Sector};

#[derive(Debug, Serialize)]
pub struct Config {
    pub title: String,
    /// The publishing body, or the bodies of a joint statement joined as a list ("A and
    /// B", "A, B and C"), as written: for the start of a sentence and headers.
    pub organisation: String,
    /// The same in the middle of a sentence: each name's leading "The" in lower case
    /// ("the Police and Crime Commissioner for South Wales and South Wales Police").
    pub organisation_in_text: String,
    /// Each body's name as written, in order; one for a single body.
    pub organisations: Vec<String>,
    /// True when several bodies publish together: sentences take plural verbs.
    pub joint: bool,
    /// The body's own headings for its work, in the order declared; none when it declares none.
    pub aspects: Vec<Aspect>,
    pub sector: Option<Sector>,
    pub budget: Option<Budget>,
    pub description: String,
    /// Absolute, without a trailing slash: `https://example.org/msa`.
    pub base_url: String,
    /// The language of this version of the site (`en-GB`, or `cy` in a bilingual site).
    pub language: String,
    /// Every language of the site, the default first (one for most sites).
    pub languages: Vec<String>,
    pub theme: String,
    /// `#rrggbb`
    pub colour: String,
    /// Black or white, whichever reads better on `colour`.
    pub colour_text: String,
    pub notice_html: Option<String>,
    /// The licence site.yaml gives; `None`: the theme's default in the page's language
    /// (`base.licence_name`, `base.licence_url`: the Open Government Licence v3.0, in its
    /// Welsh version on Welsh pages).
    pub licence: Option<Licence>,
    pub contact: Contact,
    pub year_starts: u32,
    /// How often updates are published: `six-monthly`, `annual` or `none`.
    pub updates: super::Cadence,
    pub accessibility: Accessibility,
    pub exemptions_html: Option<String>,
    /// How to report modern slavery: the home page and every footer.
    pub report: Report,
    /// Months after an update's period ends that it is due (`reporting.update_due_months`);
    /// `None` when the body has not said, and then no date is promised.
    #[serde(skip)]
    pub update_due_months: Option<u32>,
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
    /// How the site was tested; with `tested_on`, once it has been.
    #[serde(default)]
    pub tested_by: Option<String>,
    /// When the site was last tested for accessibility (YYYY-MM-DD); absent until it has been (a warning).
    #[serde(default)]
    pub tested_on: Option<Date>,
    /// When the accessibility statement was first prepared (YYYY-MM-DD); the model statement asks for it (a warning when absent).
    #[serde(default)]
    pub prepared_on: Option<Date>,
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
