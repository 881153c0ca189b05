//! Each file's history: the commits that changed it, read in one `git log` over the site's
//! `content/`, following renames.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::date::Date;

use super::Repo;

/// A commit that changed a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commit {
    /// The day it was committed, in the committer's own time zone.
    pub date: Date,
    /// The first line of its message.
    pub subject: String,
    /// True for the commit that added the file (under this or an earlier name).
    pub added: bool,
}

/// What git knows of one file's past.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileHistory {
    /// Newest first.
    pub commits: Vec<Commit>,
    /// True when the copy of the repository is shallow and the file was already there at
    /// the oldest commit it has: what came before is not known.
    pub cut: bool,
}

/// The history of every file under the site's `content/`, from HEAD back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    /// By path at HEAD, relative to the site's root (`content/kpis.yaml`).
    pub files: BTreeMap<String, FileHistory>,
    /// True when the repository is a shallow copy.
    pub shallow: bool,
}

impl History {
    /// The history of the file at `path` (site-relative), empty when git has none (a new
    /// file not yet committed).
    pub fn of(&self, path: &str) -> Option<&FileHistory> {
        self.files.get(path)
    }
}

impl Repo {
    /// Reads the history of every file under `content/` that HEAD has, following renames
    /// (`git log -M`). Commits a merge brought in are each listed with their own date; the
    /// merge itself changed nothing of its own. Files changed but not committed count as
    /// they were at HEAD: dates come from commits only, so two builds of one commit agree.
    pub fn history(&self) -> Result<History, String> {
        let out = self.git(&[
            "log",
            "-z",
            "-M",
            "--relative",
            "--name-status",
            "--format=%x01%H%x00%cI%x00%s%x00",
            "HEAD",
            "--",
            "content",
        ])?;
        let boundary = self.shallow_boundary();
        Ok(parse(&out, &boundary, self.shallow))
    }

    /// The commits a shallow copy stops at: git shows them as adding every file they have.
    fn shallow_boundary(&self) -> BTreeSet<String> {
        if !self.shallow {
            return BTreeSet::new();
        }
        let Ok(path) = self.git(&["rev-parse", "--git-path", "shallow"]) else {
            return BTreeSet::new();
        };
        let path = String::from_utf8_lossy(&path).trim().to_string();
        std::fs::read_to_string(self.root.join(path))
            .map(|t| t.lines().map(str::to_string).collect())
            .unwrap_or_default()
    }
}

/// What each path is in older commits, walking back from HEAD.
enum Name {
    /// The file now at this path.
    Now(String),
    /// A different, older file: a later commit added or renamed something into the path.
    Gone,
}

/// `git log -z --name-status` output → each file's commits, newest first.
fn parse(out: &[u8], boundary: &BTreeSet<String>, shallow: bool) -> History {
    let mut history = History {
        shallow,
        ..History::default()
    };
    let mut names: BTreeMap<String, Name> = BTreeMap::new();
    let text = String::from_utf8_lossy(out);
    for record in text.split('\u{1}').filter(|r| !r.is_empty()) {
        let mut fields = record.split('\0');
        let (Some(hash), Some(date), Some(subject)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let Ok(date) = Date::parse(date.get(..10).unwrap_or("")) else {
            continue;
        };
        let cut = boundary.contains(hash);
        let mut fields = fields
            .map(|f| f.trim_start_matches('\n'))
            .filter(|f| !f.is_empty());
        while let Some(status) = fields.next() {
            let two_paths = status.starts_with('R') || status.starts_with('C');
            let (old, path) = if two_paths {
                match (fields.next(), fields.next()) {
                    (Some(old), Some(new)) => (Some(old), new),
                    _ => break,
                }
            } else {
                match fields.next() {
                    Some(p) => (None, p),
                    None => break,
                }
            };
            let current = match names.get(path) {
                Some(Name::Gone) => continue,
                Some(Name::Now(c)) => c.clone(),
                None => path.to_string(),
            };
            if status.starts_with('D') {
                // Deleted here and not added back since: no file of HEAD's.
                names.insert(path.to_string(), Name::Gone);
                continue;
            }
            let file = history.files.entry(current.clone()).or_default();
            if cut {
                // A shallow copy's oldest commit shows every file as added: not a change.
                file.cut = true;
                names.insert(path.to_string(), Name::Gone);
                continue;
            }
            let added = status.starts_with('A') || status.starts_with('C');
            file.commits.push(Commit {
                date,
                subject: subject.to_string(),
                added,
            });
            if added {
                // Before it was added, another file (or none) had this path.
                names.insert(path.to_string(), Name::Gone);
            } else if let (Some(old), true) = (old, status.starts_with('R')) {
                // Older commits know the file by its old name.
                names.insert(path.to_string(), Name::Gone);
                names.insert(old.to_string(), Name::Now(current));
            }
        }
    }
    history
}
