//! Front matter of an annual statement, `content/statements/*.md`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::Illustrative;
use crate::model::date::Date;
use crate::model::period::Period;

/// Front matter of `content/statements/*.md`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct StatementFile {
    /// The statement's title, such as Modern Slavery Statement 2019/20.
    #[schemars(example = &"Modern Slavery Statement 2019/20")]
    pub title: String,
    /// The reporting year the statement covers, such as 2019/20.
    #[schemars(example = &"2019/20")]
    pub period: Period,
    /// `voluntary` (the default: made in accordance with section 54 by choice, as most public bodies do) or `required` (made under its legal duty). Only a required statement is judged against the six-month deadline.
    #[serde(default)]
    pub basis: crate::model::Basis,
    /// When the statement was published (YYYY-MM-DD, or YYYY-MM or YYYY as the source gives it); compared with the six months after the period ends. Optional: without it no deadline is judged (a warning); a draft leaves it out until it is published.
    #[serde(default)]
    pub published: Option<Date>,
    /// One paragraph shown in lists and the feed.
    #[serde(default)]
    pub summary: Option<String>,
    /// Who approved and signed the statement: section 54(6) of the Modern Slavery Act 2015. Each detail is optional: a gap is a warning, never to be filled in with a guess.
    #[serde(default)]
    pub approval: Approval,
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
    /// Notes for the public history of this page, each for one day: on that day's
    /// entry the note replaces the commit messages (`- date: 2021-03-12` /
    /// `note: Corrected the number of people trained`).
    #[serde(default)]
    pub changes: Vec<super::ChangeNote>,
    /// `[published]` when the publication date is not from a published source, `[period]` when the statement does not state the period it covers and the site infers it (`true` marks every detail of the front matter).
    #[serde(default)]
    pub illustrative: Illustrative,
}

/// The fields of a statement's front matter `illustrative` may name.
pub const STATEMENT_MARKS: &[&str] = &["period", "published"];
/// The fields of an approval `illustrative` may name.
pub const APPROVAL_MARKS: &[&str] = &["approved_by", "approved_on", "signed_by"];
/// The fields of a signature `illustrative` may name.
pub const SIGNATURE_MARKS: &[&str] = &["name", "role", "signed_on"];

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The board or body that approved the statement, as the statement names it.
    #[serde(default)]
    pub approved_by: Option<String>,
    /// When the statement was approved (YYYY-MM-DD, YYYY-MM or YYYY).
    #[serde(default)]
    pub approved_on: Option<Date>,
    /// Who signed the statement: section 54(6) asks for a director or equivalent.
    #[serde(default)]
    pub signed_by: Vec<Signature>,
    /// true when these approval details are not from the published statement, or a list of those that are not, such as [approved_on].
    #[serde(default)]
    pub illustrative: Illustrative,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// Optional: people appear by role; a name only where the statement itself gives it.
    #[serde(default)]
    pub name: Option<String>,
    /// The signatory's role, such as Chief Constable. A signature gives a name, a role or both.
    #[serde(default)]
    pub role: Option<String>,
    /// When they signed (YYYY-MM-DD, YYYY-MM or YYYY), where the statement says.
    #[serde(default)]
    pub signed_on: Option<Date>,
    /// true when this signature is not from the published statement, or a list of its fields that are not, such as [signed_on].
    #[serde(default)]
    pub illustrative: Illustrative,
}
