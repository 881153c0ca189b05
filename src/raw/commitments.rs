//! `content/data/commitments.yaml`: a charter's commitments, their status and evidence.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::date::Date;
use crate::model::period::Period;

use crate::model::{Illustrative, Status};

/// `content/data/commitments.yaml`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct CommitmentsFile {
    /// The charter the commitments come from, if any.
    #[serde(default)]
    pub charter: Option<Charter>,
    /// The commitments, in the charter's order.
    pub commitments: Vec<RawCommitment>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct Charter {
    /// The charter's name.
    #[schemars(example = &"Modern Slavery Charter")]
    pub title: String,
    /// Who signed it, by role, where the source says.
    #[serde(default)]
    pub signed_by: Option<String>,
    /// When it was signed (YYYY-MM-DD, YYYY-MM or YYYY), at the precision the source gives.
    #[serde(default)]
    pub signed_on: Option<Date>,
    /// What the charter is and what signing it means.
    #[serde(default)]
    pub description: Option<String>,
    /// Where the charter can be read (an https:// address).
    #[serde(default)]
    pub url: Option<String>,
    /// true when these details are not from a published source, or a list of the fields that are not, such as [signed_on].
    #[serde(default)]
    pub illustrative: Illustrative,
}

/// The fields of a charter `illustrative` may name.
pub const CHARTER_MARKS: &[&str] = &["signed_by", "signed_on", "description"];
/// The fields of a commitment `illustrative` may name.
pub const COMMITMENT_MARKS: &[&str] = &["text", "status", "evidence"];

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawCommitment {
    /// A unique id: letters, digits, '-' and '_'.
    #[schemars(example = &"supply-chain-review")]
    pub id: String,
    /// The commitment, worded as in the charter.
    #[schemars(example = &"Review our supply chains for modern slavery risks")]
    pub text: String,
    /// not-started, in-progress or achieved; optional, shown only where the source says.
    #[serde(default)]
    pub status: Option<Status>,
    /// Links to evidence that the commitment is being met.
    #[serde(default)]
    pub evidence: Vec<RawEvidence>,
    /// true when the commitment is not from a published source, or a list of its fields that are not, such as [status].
    #[serde(default)]
    pub illustrative: Illustrative,
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
