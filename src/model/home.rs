//! What the home page shows beyond the latest reports: the next update and headline figures.

use serde::Serialize;

use super::date::Date;
use super::period::Period;

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
