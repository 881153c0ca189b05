//! When a statement, update or page last changed and what changed, as the public sees it:
//! from the commits that changed its source (and, for an update, the data it shows), with
//! the author's own `changes:` notes in place of commit messages on their day.

use serde::Serialize;

use super::date::Date;

/// A document's history. Empty (no date, no entries) for a site built without git.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct History {
    /// The day of the newest commit that changed what the page shows; `None` without git,
    /// or when a shallow copy of the repository does not reach back to it.
    pub last_updated: Option<Date>,
    /// Newest first.
    pub entries: Vec<HistoryEntry>,
    /// True when the repository is a shallow copy that stops after this document existed:
    /// older changes are not known, and none is invented.
    pub cut: bool,
}

/// One change: its day and what it was.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct HistoryEntry {
    pub date: Date,
    /// The author's `changes:` note for the day, or the commit message's first line.
    pub note: String,
    /// True for the commit that added the file.
    pub added: bool,
}

/// The site-wide list of changes (`/changes/`): what was published or corrected, newest
/// first. Empty for a site built without git.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Changes {
    pub url: String,
    pub entries: Vec<Change>,
    /// True when the repository is a shallow copy: older changes are not listed.
    pub cut: bool,
}

/// One change of the site.
#[derive(Clone, Debug, Serialize)]
pub struct Change {
    pub date: Date,
    /// The title of what changed (a statement, an update, a page, a dataset).
    pub title: String,
    pub url: String,
    pub note: String,
    /// `published` (a statement or update, on its published date), `added` (a file's
    /// first commit) or `changed`.
    pub kind: &'static str,
    /// Unique on the changes page and in the feed: `change-2021-03-12-1`.
    pub anchor: String,
}
