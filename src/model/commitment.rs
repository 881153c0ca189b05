//! A charter's commitments with their status and evidence.

use serde::Serialize;

use super::Status;
use super::date::Date;

#[derive(Debug, Serialize)]
pub struct Commitment {
    pub id: String,
    /// The id of its section on the commitments page, which links to it name (`routes::commitment_anchor`).
    pub anchor: String,
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

/// The charter the commitments come from.
#[derive(Debug, Serialize, Clone)]
pub struct Charter {
    pub title: String,
    /// Who signed it, by role.
    pub signed_by: String,
    pub signed_on: Date,
    pub description: Option<String>,
    pub url: Option<String>,
}
