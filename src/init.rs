//! `candour init`: a new site from the example embedded in the binary.

use std::fs;
use std::path::Path;

use crate::source::io_reason;

/// Writes the example site's `content/` and `i18n/` into `dir`, which must be empty or
/// absent; returns how many files it wrote.
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
    let content = crate::embedded::EXAMPLE.iter().map(|f| ("content", f));
    let words = crate::embedded::EXAMPLE_WORDS.iter().map(|f| ("i18n", f));
    for (folder, (rel, bytes)) in content.chain(words) {
        let target = dir.join(folder).join(rel);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {}", parent.display(), io_reason(&e)))?;
        }
        fs::write(&target, bytes)
            .map_err(|e| format!("cannot write {}: {}", target.display(), io_reason(&e)))?;
        count += 1;
    }
    Ok(count)
}
