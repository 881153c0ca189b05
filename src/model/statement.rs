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
    /// None only for a draft not yet given its date.
    pub published: Option<Date>,
    /// Six months after the period ends.
    pub deadline: Date,
    pub on_time: bool,
    pub summary: Option<String>,
    /// A draft, shown only by `serve` and `build --drafts`, with a banner.
    pub draft: bool,
    /// None only for a draft not yet approved.
    pub approval: Option<Approval>,
    pub areas: Vec<Area>,
    pub body_html: Arc<str>,
    pub toc: Arc<[Heading]>,
    /// Updates that follow this statement up, oldest first.
    pub update_urls: Vec<String>,
    /// The Home Office registry's summary of the statement, in the registry's order.
    pub registry: super::registry::Summary,
}

/// Who approved a statement and who signed it: section 54(6) of the Modern Slavery Act 2015.
#[derive(Debug, Serialize, Clone)]
pub struct Approval {
    /// The board or body that approved the statement.
    pub approved_by: String,
    pub approved_on: Date,
    pub signed_by: Vec<Signature>,
    /// True when these details are not from the published statement.
    pub illustrative: bool,
}

/// A signature, by role (and name only where the statement itself gives it).
#[derive(Debug, Serialize, Clone)]
pub struct Signature {
    pub name: Option<String>,
    pub role: String,
    pub signed_on: Date,
}
