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
    pub title: String,
    /// A half year, such as `2020/21 H1`.
    pub period: Period,
    /// When the update was published (YYYY-MM-DD). A draft leaves it out until it is published.
    #[serde(default)]
    pub published: Option<Date>,
    /// The statement this update follows up, by period.
    pub statement: Period,
    /// One paragraph shown in lists and the feed.
    #[serde(default)]
    pub summary: Option<String>,
    /// A draft: checked, shown by `candour serve` with a "Draft — not published" banner, and
    /// left out of `candour build` (its page, lists, feed, sitemap and open data) unless
    /// `--drafts` is given.
    #[serde(default)]
    pub draft: bool,
}
