//! Front matter of a content page, `content/pages/*.md`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Front matter of `content/pages/*.md`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct PageFile {
    /// The page's title, its only level-1 heading.
    #[schemars(example = &"About this site")]
    pub title: String,
    /// One sentence shown under the title and in search results.
    #[serde(default)]
    pub summary: Option<String>,
    /// Position in the footer's list of pages; pages without it are not listed there.
    #[serde(default)]
    pub footer_order: Option<u32>,
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
}
