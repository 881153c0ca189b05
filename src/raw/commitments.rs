//! `content/data/commitments.yaml`: a charter's commitments, their status and evidence.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::date::Date;
use crate::model::period::Period;

use crate::model::Status;

/// `content/data/commitments.yaml`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct CommitmentsFile {
    /// The charter the commitments come from.
    pub charter: Charter,
    /// The commitments, in the charter's order.
    pub commitments: Vec<RawCommitment>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct Charter {
    /// The charter's name.
    #[schemars(example = &"Modern Slavery Charter")]
    pub title: String,
    /// Who signed it, by role.
    #[schemars(example = &"Police and Crime Commissioner")]
    pub signed_by: String,
    /// When it was signed (YYYY-MM-DD).
    #[schemars(example = &"2020-12-01")]
    pub signed_on: Date,
    /// What the charter is and what signing it means.
    #[serde(default)]
    pub description: Option<String>,
    /// Where the charter can be read (an https:// address).
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawCommitment {
    /// A unique id: letters, digits, '-' and '_'.
    #[schemars(example = &"supply-chain-review")]
    pub id: String,
    /// The commitment, worded as in the charter.
    #[schemars(example = &"Review our supply chains for modern slavery risks")]
    pub text: String,
    /// not-started, in-progress or achieved.
    #[schemars(example = &"in-progress")]
    pub status: Status,
    /// Links to evidence that the commitment is being met.
    #[serde(default)]
    pub evidence: Vec<RawEvidence>,
    /// True when the status is not from a published source.
    #[serde(default)]
    pub illustrative: bool,
}

/// A link to evidence: exactly one of `page`, `dataset`, `statement`, `update` or `url`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawEvidence {
    /// The link's text: what the evidence is.
    #[schemars(example = &"Modern Slavery Statement 2019/20")]
    pub title: String,
    /// Slug of a page in `content/pages/`.
    #[serde(default)]
    pub page: Option<String>,
    /// Name of a dataset: kpis, prevention-orders, training, partnerships, actions, commitments.
    #[serde(default)]
    pub dataset: Option<String>,
    /// The period of a statement on this site, such as 2019/20.
    #[serde(default)]
    pub statement: Option<Period>,
    /// The period of an update on this site, such as 2020/21 H2.
    #[serde(default)]
    pub update: Option<Period>,
    /// A web address (https://...).
    #[serde(default)]
    pub url: Option<String>,
}
