//! Front matter of a progress update, `content/updates/*.md`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::date::Date;
use crate::model::period::Period;

/// Front matter of `content/updates/*.md`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct UpdateFile {
    /// The update's title, such as Six-month update, April to September 2020.
    #[schemars(example = &"Six-month update, April to September 2020")]
    pub title: String,
    /// A half year, such as `2020/21 H1`.
    #[schemars(example = &"2020/21 H1")]
    pub period: Period,
    /// When the update was published (YYYY-MM-DD).
    #[schemars(example = &"2020-10-30")]
    pub published: Date,
    /// The statement this update follows up, by period.
    #[schemars(example = &"2019/20")]
    pub statement: Period,
    /// One paragraph shown in lists and the feed.
    #[serde(default)]
    pub summary: Option<String>,
    /// Notes for the public history of this page, each for one day: on that day's
    /// entry the note replaces the commit messages (`- date: 2021-03-12` /
    /// `note: Corrected the number of people trained`).
    #[serde(default)]
    pub changes: Vec<super::ChangeNote>,
}
