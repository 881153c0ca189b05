//! An annual statement as templates see it: its period, approval, the six areas of s54(5)
//! it covers and where, and its body.

use std::sync::Arc;

use serde::Serialize;

use super::date::Date;
use super::period::Period;

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
    /// The area's wording in the site's language (`s54.KEY` of the translation table).
    pub name: String,
    pub anchor: Option<String>,
    pub heading: Option<String>,
    pub reason: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Statement {
    pub title: String,
    pub period: Period,
    pub period_span: String,
    /// The period's first and last days.
    pub period_start: Date,
    pub period_end: Date,
    pub slug: String,
    pub url: String,
    pub basis: super::Basis,
    /// When it was published, at the precision its source gives; `None` when not given.
    pub published: Option<Date>,
    /// True when the publication date is not from a published source.
    pub published_illustrative: bool,
    /// True when the statement does not state its period and the site infers it
    /// (`illustrative: [period]`): shown with a mark, and no deadline is judged from it.
    pub period_illustrative: bool,
    /// The day the Atom feed gives it (the feed needs a whole date): the first day its
    /// publication date can be or, without one, the last day of its period.
    pub feed_date: Date,
    /// The feed's `<published>`: the publication date only when the source gives it to the
    /// day (a month or a year is no instant, and an illustrative date is no fact).
    pub feed_published: Option<Date>,
    /// Six months after the period ends.
    pub deadline: Date,
    /// Whether it was published within six months: only judged for a statement made under
    /// the legal duty, from a real (not illustrative) date precise enough to tell; `None`
    /// otherwise.
    pub on_time: Option<bool>,
    pub summary: Option<String>,
    /// A draft, shown only by `serve` and `build --drafts`, with a banner.
    pub draft: bool,
    pub approval: Approval,
    pub areas: Vec<Area>,
    pub body_html: Arc<str>,
    /// The body's opening words before its first heading (empty when it opens with one):
    /// the page shows them above the table of the six areas.
    pub intro_html: Arc<str>,
    /// The body from its first heading on.
    pub sections_html: Arc<str>,
    pub toc: Arc<[Heading]>,
    /// Updates that follow this statement up, oldest first.
    pub update_urls: Vec<String>,
    /// The Home Office registry's summary of the statement, in the registry's order.
    pub registry: super::registry::Summary,
    /// When it last changed, and how (`History::default()` without git).
    pub history: super::History,
    /// The Markdown file it comes from (`content/statements/2019-20.md`).
    #[serde(skip)]
    pub source: String,
}

/// Who approved a statement and who signed it: section 54(6) of the Modern Slavery Act 2015.
/// Each detail is shown only where the statement gives it.
#[derive(Debug, Serialize, Clone)]
pub struct Approval {
    /// The board or body that approved the statement.
    pub approved_by: Option<String>,
    pub approved_on: Option<Date>,
    pub signed_by: Vec<Signature>,
    /// True when all these details are not from the published statement.
    pub illustrative: bool,
    /// The details that are not, when only some are (`approved_on`).
    pub illustrative_fields: Vec<String>,
}

/// A signature, by role or name or both (a name only where the statement itself gives it).
#[derive(Debug, Serialize, Clone)]
pub struct Signature {
    pub name: Option<String>,
    pub role: Option<String>,
    pub signed_on: Option<Date>,
    /// True when the whole signature is not from the published statement.
    pub illustrative: bool,
    /// The details that are not, when only some are (`signed_on`).
    pub illustrative_fields: Vec<String>,
}
