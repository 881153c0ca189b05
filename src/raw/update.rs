//! Front matter of a progress update, `content/updates/*.md`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::Illustrative;
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
    /// When the update was published (YYYY-MM-DD, YYYY-MM or YYYY). Optional: without it no deadline is judged (a warning); a draft leaves it out until it is published.
    #[serde(default)]
    pub published: Option<Date>,
    /// The statement this update follows up, by period.
    #[schemars(example = &"2019/20")]
    pub statement: Period,
    /// One paragraph shown in lists and the feed.
    #[serde(default)]
    pub summary: Option<String>,
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
    /// `[published]` when the publication date is not from a published source.
    #[serde(default)]
    pub illustrative: Illustrative,
}

/// The fields of an update's front matter `illustrative` may name.
pub const UPDATE_MARKS: &[&str] = &["published"];
