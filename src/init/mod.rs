//! `candour init`: a new site from the example embedded in the binary, with a GitHub
//! Actions workflow (`candour.yml`) that checks, compares and publishes it.

use std::fs;
use std::path::Path;

use crate::source::io_reason;

/// Writes the example site's `content/` into `dir`, which must be empty or absent.
pub fn init(dir: &Path) -> Result<usize, String> {
    if dir.is_file() {
        return Err(format!("{} is a file, not a folder", dir.display()));
    }
    if dir.is_dir() {
        let mut entries = fs::read_dir(dir)
            .map_err(|e| format!("cannot read {}: {}", dir.display(), io_reason(&e)))?;
        if entries.next().is_some() {
            return Err(format!(
                "{} is not empty; candour init only writes into an empty or new folder",
                dir.display()
            ));
        }
    }
    let mut count = 0;
    for (rel, bytes) in crate::embedded::EXAMPLE {
        let target = dir.join("content").join(rel);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {}", parent.display(), io_reason(&e)))?;
        }
        fs::write(&target, bytes)
            .map_err(|e| format!("cannot write {}: {}", target.display(), io_reason(&e)))?;
        count += 1;
    }
    workflow(dir)?;
    Ok(count + 1)
}

/// The workflow `init` writes, at [`WORKFLOW_PATH`]: on a pull request `candour check
/// --format github`, `candour diff --format markdown` as a comment, and a build; on the
/// default branch a build published to GitHub Pages.
pub const WORKFLOW: &str = include_str!("candour.yml");

/// Where the workflow goes, relative to the site's root.
pub const WORKFLOW_PATH: &str = ".github/workflows/candour.yml";

/// Writes [`WORKFLOW`] into the new site at `dir`.
pub fn workflow(dir: &Path) -> Result<(), String> {
    let target = dir.join(WORKFLOW_PATH);
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {}", parent.display(), io_reason(&e)))?;
    }
    fs::write(&target, WORKFLOW)
        .map_err(|e| format!("cannot write {}: {}", target.display(), io_reason(&e)))
}
