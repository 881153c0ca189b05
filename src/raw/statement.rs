//! Front matter of an annual statement, `content/statements/*.md`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::date::Date;
use crate::model::period::Period;

/// Front matter of `content/statements/*.md`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct StatementFile {
    /// The statement's title, such as Modern Slavery Statement 2019/20.
    pub title: String,
    /// The reporting year the statement covers, such as 2019/20.
    pub period: Period,
    /// When the statement was published (YYYY-MM-DD); compared with the deadline six months after the period ends. A draft leaves it out until it is published.
    #[serde(default)]
    pub published: Option<Date>,
    /// One paragraph shown in lists and the feed.
    #[serde(default)]
    pub summary: Option<String>,
    /// Who approved and signed the statement: section 54(6) of the Modern Slavery Act 2015. A draft may leave it out until it is approved.
    #[serde(default)]
    pub approval: Option<Approval>,
    /// s54(5) area → id of the heading in the body that covers it.
    #[serde(default)]
    pub areas: BTreeMap<String, String>,
    /// s54(5) area → why the statement does not cover it.
    #[serde(default)]
    pub not_covered: BTreeMap<String, String>,
    /// The Home Office registry's statement summary: what it asks beyond what candour knows.
    #[serde(default)]
    pub registry: Option<super::RegistryAnswers>,
    /// A draft: checked, shown by `candour serve` with a "Draft — not published" banner, and
    /// left out of `candour build` (its page, lists, feed, sitemap and open data) unless
    /// `--drafts` is given.
    #[serde(default)]
    pub draft: bool,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The board or body that approved the statement.
    pub approved_by: String,
    /// When the statement was approved (YYYY-MM-DD).
    pub approved_on: Date,
    /// Who signed the statement: section 54(6) asks for a director or equivalent.
    pub signed_by: Vec<Signature>,
    /// True when these approval details are not from the published statement.
    #[serde(default)]
    pub illustrative: bool,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// Optional: people appear by role; a name only where the statement itself gives it.
    #[serde(default)]
    pub name: Option<String>,
    /// The signatory's role, such as Chief Constable.
    pub role: String,
    /// When they signed (YYYY-MM-DD).
    pub signed_on: Date,
}
