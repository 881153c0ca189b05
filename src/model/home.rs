//! What the home page shows beyond the latest reports: the next update and headline figures.

use serde::Serialize;

use super::date::Date;
use super::period::Period;

#[derive(Debug, Serialize)]
pub struct Home {
    /// The next report the site's cadence says is due, if any.
    pub next: Option<NextReport>,
    pub headlines: Vec<Headline>,
}

/// The next report due: a six-monthly or annual update, or (with no updates) the next
/// statement.
#[derive(Debug, Serialize)]
pub struct NextReport {
    /// `six-monthly`, `annual` or `statement`.
    pub kind: &'static str,
    /// For a statement: true when the latest is made under the legal duty, so the six
    /// months are a deadline, not a recommendation.
    pub required: bool,
    pub period: Period,
    pub period_span: String,
    /// When it is due: always for a statement, for an update only with
    /// `reporting.update_due_months`.
    pub due: Option<Date>,
}

#[derive(Debug, Serialize)]
pub struct Headline {
    pub label: String,
    pub value: String,
    pub period: Period,
    pub url: String,
    pub illustrative: bool,
}
