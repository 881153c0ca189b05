//! Reads the site's sources from disk: the only input I/O of a build.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::cache::Cache;
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::source::{Source, io_reason};

/// The data files a site may have, by name without `.yaml`.
pub const DATA_FILES: [&str; 6] = [
    "kpis",
    "prevention-orders",
    "training",
    "partnerships",
    "actions",
    "commitments",
];

/// Everything a build reads, in memory.
#[derive(Default)]
pub struct Sources {
    pub root: PathBuf,
    pub site: Option<Source>,
    pub statements: Vec<Source>,
    pub updates: Vec<Source>,
    pub pages: Vec<Source>,
    /// By data file name (`kpis`), in `DATA_FILES` order.
    pub data: Vec<(String, Source)>,
    /// Files under `content/static/`, relative to it, sorted.
    pub static_files: Vec<String>,
}

/// Reads `ROOT/content`. Unreadable and unexpected files become diagnostics.
pub fn load(root: &Path, cache: Option<&Cache>) -> (Sources, Vec<Diagnostic>) {
    let read = |rel: &str| match cache {
        Some(c) => c.read(root, rel),
        None => Source::read(root, rel),
    };
    let mut sources = Sources {
        root: root.to_path_buf(),
        ..Sources::default()
    };
    let mut problems = Vec::new();
    let content = root.join("content");
    if !content.is_dir() {
        problems.push(
            Diagnostic::error("content", format!("there is no content/ folder in {}", root.display()))
                .with_hint("run candour in the site's root folder, pass --root, or start a site with `candour init DIR`"),
        );
        return (sources, problems);
    }

    let mut texts: Vec<String> = Vec::new();
    let mut data = Vec::new();
    for entry in WalkDir::new(&content)
        .follow_links(false)
        .sort_by_file_name()
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| rel(root, p))
                    .unwrap_or_else(|| "content".into());
                let reason = e
                    .io_error()
                    .map_or_else(|| "a folder loop".to_string(), io_reason);
                problems.push(Diagnostic::error(
                    path,
                    format!("cannot read this: {reason}"),
                ));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let path = rel(root, entry.path());
        if entry.file_type().is_symlink() {
            problems.push(
                Diagnostic::warning(
                    &path,
                    "candour does not follow symbolic links, so this file is left out",
                )
                .with_hint("copy the file into content/ instead of linking to it"),
            );
            continue;
        }
        let inner = path.strip_prefix("content/").unwrap_or(&path);
        let name = entry.file_name().to_string_lossy();
        if is_editor_litter(&name) {
            continue;
        }
        if let Some(file) = inner.strip_prefix("static/") {
            sources.static_files.push(file.to_string());
            continue;
        }
        let parts: Vec<&str> = inner.split('/').collect();
        match parts.as_slice() {
            ["site.yaml"] => texts.push(path.clone()),
            ["statements" | "updates" | "pages", file] if file.ends_with(".md") => texts.push(path.clone()),
            ["data", file] if file.ends_with(".yaml") => {
                let stem = file.trim_end_matches(".yaml");
                if DATA_FILES.contains(&stem) {
                    data.push((stem.to_string(), path.clone()));
                } else {
                    let hint = match did_you_mean(stem, DATA_FILES) {
                        Some(best) => format!("did you mean {best}.yaml?"),
                        None => format!("the data files candour reads are: {}.yaml", DATA_FILES.join(".yaml, ")),
                    };
                    problems.push(Diagnostic::warning(&path, "candour does not read this data file").with_hint(hint));
                }
            }
            _ => problems.push(
                Diagnostic::warning(&path, "candour does not read this file")
                    .with_hint("Markdown goes in content/statements/, content/updates/ or content/pages/ (.md); data in content/data/ (.yaml); images and documents in content/static/"),
            ),
        }
    }

    let results: Vec<Result<Source, Diagnostic>> = texts.par_iter().map(|p| read(p)).collect();
    for result in results {
        match result {
            Ok(s) if s.path == "content/site.yaml" => sources.site = Some(s),
            Ok(s) if s.path.starts_with("content/statements/") => sources.statements.push(s),
            Ok(s) if s.path.starts_with("content/updates/") => sources.updates.push(s),
            Ok(s) => sources.pages.push(s),
            Err(d) => problems.push(d),
        }
    }
    data.sort_by_key(|(name, _)| DATA_FILES.iter().position(|n| n == name));
    for (name, path) in data {
        match read(&path) {
            Ok(s) => sources.data.push((name, s)),
            Err(d) => problems.push(d),
        }
    }
    if sources.site.is_none() && !problems.iter().any(|d| d.file == "content/site.yaml") {
        problems.push(
            Diagnostic::error("content/site.yaml", "the site has no content/site.yaml")
                .with_hint("create it with at least title, organisation and accessibility; `candour init` writes an example"),
        );
    }
    (sources, problems)
}

/// `content/pages/about.md` for a path under the root.
pub fn rel(root: &Path, path: &Path) -> String {
    let inner = path.strip_prefix(root).unwrap_or(path);
    inner
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Swap, backup and lock files editors leave beside the real ones.
pub fn is_editor_litter(name: &str) -> bool {
    name.starts_with(".#")
        || name.starts_with('.')
            && (name.ends_with(".swp") || name.ends_with(".swo") || name.ends_with(".swx"))
        || name.ends_with('~')
        || name.ends_with(".tmp")
        || name == ".DS_Store"
        || name == "4913"
        || (name.starts_with('#') && name.ends_with('#'))
}
