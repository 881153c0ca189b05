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
    pub status: Option<Status>,
    pub evidence: Vec<Evidence>,
    /// True when the whole commitment is not from a published source.
    pub illustrative: bool,
    /// Its fields that are not, when only some are (`status`).
    pub illustrative_fields: Vec<String>,
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
    /// Who signed it, by role, where the source says.
    pub signed_by: Option<String>,
    /// At the precision the source gives.
    pub signed_on: Option<Date>,
    pub description: Option<String>,
    pub url: Option<String>,
    /// True when all these details are not from a published source.
    pub illustrative: bool,
    /// The details that are not, when only some are (`signed_on`).
    pub illustrative_fields: Vec<String>,
}
