//! Reads the site's sources from disk: the only input I/O of a build.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;
use crate::source::classify::{Kind, What, classify, folder};
use crate::source::reuse::{self, Reuse};
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
    /// Translations of the files above (`content/pages/about.cy.md`,
    /// `content/data/cy/kpis.yaml`, `content/site.cy.yaml`), in walk order.
    pub translations: Vec<Source>,
}

/// Reads `ROOT/content`. Unreadable and unexpected files become diagnostics.
pub fn load(root: &Path, cache: Option<&dyn Reuse>) -> (Sources, Vec<Diagnostic>) {
    load_with(root, cache, &|_| false)
}

/// `load`, reading again every file for which `fresh` is true (root-relative path) rather
/// than taking the cache's text because its size and time look unchanged: the dev server
/// passes the paths a watcher named, and everything in a folder it named.
pub fn load_with(
    root: &Path,
    cache: Option<&dyn Reuse>,
    fresh: &(dyn Fn(&str) -> bool + Sync),
) -> (Sources, Vec<Diagnostic>) {
    let read = |rel: &str| reuse::read(cache, root, rel, fresh(rel));
    let mut sources = Sources {
        root: root.to_path_buf(),
        ..Sources::default()
    };
    let mut problems = Vec::new();
    let content = root.join("content");
    if !content.is_dir() {
        problems.push(no_content(root));
        return (sources, problems);
    }

    let mut texts: Vec<String> = Vec::new();
    let mut translations: Vec<String> = Vec::new();
    let mut data = Vec::new();
    let mut walk = WalkDir::new(&content)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
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
        if entry.depth() == 0 {
            continue;
        }
        let path = rel(root, entry.path());
        let kind = if entry.file_type().is_dir() {
            match folder(&path, entry.file_name().to_str()) {
                Some(kind) => {
                    walk.skip_current_dir();
                    kind
                }
                None => continue,
            }
        } else {
            let what = if entry.file_type().is_symlink() {
                What::Symlink
            } else if entry.file_type().is_file() {
                What::File
            } else {
                What::Special
            };
            classify(&path, entry.file_name().to_str(), what)
        };
        match kind {
            Kind::Text => texts.push(path),
            Kind::Data(stem) => data.push((stem, path)),
            Kind::Translation => translations.push(path),
            Kind::Static(file) => sources.static_files.push(file),
            Kind::Skipped(d) => problems.extend(d),
        }
    }

    let results: Vec<Result<Source, Diagnostic>> = texts.par_iter().map(|p| read(p)).collect();
    for result in results {
        match result {
            Ok(s) if s.path == SITE => sources.site = Some(s),
            Ok(s) => sources.texts_of(&s.path).push(s),
            Err(d) => problems.push(d),
        }
    }
    for result in translations.par_iter().map(|p| read(p)).collect::<Vec<_>>() {
        match result {
            Ok(s) => sources.translations.push(s),
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
    missing_site(&sources, &mut problems);
    (sources, problems)
}

/// The problem of a root with no `content/` folder, and what to do about it.
pub fn no_content(root: &Path) -> Diagnostic {
    Diagnostic::error(
        "content",
        format!("there is no content/ folder in {}", root.display()),
    )
    .with_hint(
        "run candour in the site's root folder, pass --root, or start a site with `candour init DIR`",
    )
}

pub(super) fn missing_site(sources: &Sources, problems: &mut Vec<Diagnostic>) {
    if sources.site.is_none() && !problems.iter().any(|d| d.file == SITE) {
        problems.push(
            Diagnostic::error("content/site.yaml", "the site has no content/site.yaml")
                .with_hint("create it with at least title, organisation and accessibility; `candour init` writes an example"),
        );
    }
}

pub(super) const SITE: &str = "content/site.yaml";
impl Sources {
    /// The list a statement, update or page source belongs in.
    pub(super) fn texts_of(&mut self, path: &str) -> &mut Vec<Source> {
        if path.starts_with("content/statements/") {
            &mut self.statements
        } else if path.starts_with("content/updates/") {
            &mut self.updates
        } else {
            &mut self.pages
        }
    }

    /// Whether any file read, or any static file, has a path starting with `prefix`
    /// (root-relative: `content/pages/`).
    pub fn holds(&self, prefix: &str) -> bool {
        self.texts().any(|s| s.path.starts_with(prefix))
            || self
                .static_files
                .iter()
                .any(|f| format!("content/static/{f}").starts_with(prefix))
    }

    fn texts(&self) -> impl Iterator<Item = &Source> {
        self.site
            .iter()
            .chain(&self.statements)
            .chain(&self.updates)
            .chain(&self.pages)
            .chain(&self.translations)
            .chain(self.data.iter().map(|(_, s)| s))
    }
}

/// Whether `path` is one of `named` or inside one of them (root-relative paths).
pub fn is_named(named: &std::collections::BTreeSet<String>, path: &str) -> bool {
    named.contains(path)
        || path
            .match_indices('/')
            .any(|(at, _)| named.contains(&path[..at]))
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
