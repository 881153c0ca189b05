//! Reads the site's sources from disk: the only input I/O of a build.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, did_you_mean};
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

fn missing_site(sources: &Sources, problems: &mut Vec<Diagnostic>) {
    if sources.site.is_none() && !problems.iter().any(|d| d.file == SITE) {
        problems.push(
            Diagnostic::error("content/site.yaml", "the site has no content/site.yaml")
                .with_hint("create it with at least title, organisation and accessibility; `candour init` writes an example"),
        );
    }
}

const SITE: &str = "content/site.yaml";

/// What a file under `content/` is to a build.
enum Kind {
    /// `site.yaml`, or a Markdown statement, update or page.
    Text,
    /// A data file, by name.
    Data(String),
    /// A file under `content/static/`, relative to it.
    Static(String),
    /// Not read and not published, with the diagnostic that says so (a note for litter and
    /// hidden files, a warning or error otherwise; none for what is inside a folder that
    /// was skipped as a whole).
    Skipped(Option<Diagnostic>),
}

/// What is at a path, as the file system says without following links.
#[derive(Clone, Copy, PartialEq, Eq)]
enum What {
    File,
    Symlink,
    /// A named pipe, socket or device: never opened (reading a pipe waits forever).
    Special,
}

/// The folders candour reads under `content/`.
const FOLDERS: [&str; 5] = ["statements", "updates", "pages", "data", "static"];

/// Whether a file at `path` (root-relative) would be read, or copied as a static file.
pub fn is_source(path: &str) -> bool {
    let name = path.rsplit('/').next();
    matches!(
        classify(path, name, What::File),
        Kind::Text | Kind::Data(_) | Kind::Static(_)
    )
}

/// Whether the walk skips a folder at `path` (root-relative) with all it holds, and why:
/// hidden folders (`.git`), litter folders (`__MACOSX`), folders with unusable names.
fn folder(path: &str, name: Option<&str>) -> Option<Kind> {
    let Some(name) = name else {
        return Some(Kind::Skipped(Some(bad_name(path, None))));
    };
    if name.chars().any(char::is_control) {
        return Some(Kind::Skipped(Some(bad_name(path, Some(name)))));
    }
    if is_hidden(path) {
        // Only the outermost hidden folder is reported; the walk never enters it.
        return Some(Kind::Skipped(Some(note(
            path,
            "this hidden folder is not published, nor anything in it",
        ))));
    }
    if is_litter_folder(name) {
        return Some(Kind::Skipped(Some(note(
            path,
            "this folder is left behind by the operating system, so it is not published",
        ))));
    }
    None
}

/// What the build does with the file at `path` (root-relative, `/`-separated), whose name
/// is `name` (`None` when not valid UTF-8).
fn classify(path: &str, name: Option<&str>, what: What) -> Kind {
    let Some(name) = name else {
        return Kind::Skipped(Some(bad_name(path, None)));
    };
    let inner = path.strip_prefix("content/").unwrap_or(path);
    // Inside a folder that is skipped as a whole: the folder says so.
    let parents: Vec<&str> = inner.split('/').collect();
    let parent_skipped = parents[..parents.len() - 1]
        .iter()
        .enumerate()
        .any(|(i, p)| {
            let folder_path = format!("content/{}", parents[..=i].join("/"));
            is_hidden(&folder_path) || is_litter_folder(p) || p.chars().any(char::is_control)
        });
    if parent_skipped {
        return Kind::Skipped(None);
    }
    if name.chars().any(char::is_control) {
        return Kind::Skipped(Some(bad_name(path, Some(name))));
    }
    if is_hidden(path) {
        return Kind::Skipped(Some(note(
            path,
            "hidden files (names starting with '.') are not published",
        )));
    }
    if let Some(what) = litter(name) {
        return Kind::Skipped(Some(note(
            path,
            format!("this is {what}, so it is not published"),
        )));
    }
    match what {
        What::Symlink => return Kind::Skipped(Some(symlink(path))),
        What::Special => {
            return Kind::Skipped(Some(
                Diagnostic::warning(path, "this is not a regular file (a named pipe, socket or device), so candour leaves it out and never opens it")
                    .with_hint("candour reads only ordinary files; remove it from content/"),
            ));
        }
        What::File => {}
    }
    if let Some(file) = inner.strip_prefix("static/") {
        return Kind::Static(file.to_string());
    }
    match parents.as_slice() {
        ["site.yaml"] => Kind::Text,
        ["statements" | "updates" | "pages", file] if file.ends_with(".md") => Kind::Text,
        ["statements" | "updates" | "pages", file]
            if markdown_spelling(file).is_some() =>
        {
            let stem = markdown_spelling(file).unwrap_or(file);
            Kind::Skipped(Some(
                Diagnostic::error(path, "candour reads Markdown files ending in .md, so this file would be left out")
                    .with_hint(format!("rename it to {stem}.md")),
            ))
        }
        ["data", file] => data_file(path, file),
        [folder_name, ..] if parents.len() > 1 && !FOLDERS.contains(folder_name) => {
            let hint = match did_you_mean(folder_name, FOLDERS) {
                Some(best) => format!("rename the folder content/{folder_name}/ to content/{best}/"),
                None => "Markdown goes in content/statements/, content/updates/ or content/pages/ (.md); data in content/data/ (.yaml); images and documents in content/static/".to_string(),
            };
            let d = Diagnostic::error(path, format!("candour does not read the folder content/{folder_name}/, so this file would be left out"));
            Kind::Skipped(Some(d.with_hint(hint)))
        }
        ["site.yml" | "site.YAML" | "Site.yaml" | "site.yaml.txt"] => Kind::Skipped(Some(
            Diagnostic::error(path, "candour reads the site's settings from content/site.yaml")
                .with_hint("rename this file to site.yaml"),
        )),
        _ => Kind::Skipped(Some(
            Diagnostic::warning(path, "candour does not read this file")
                .with_hint("Markdown goes in content/statements/, content/updates/ or content/pages/ (.md); data in content/data/ (.yaml); images and documents in content/static/"),
        )),
    }
}

/// A file directly in `content/data/`: one of the six data files, or an error that says
/// what to rename it to. Nothing an author puts there is dropped without a word.
fn data_file(path: &str, file: &str) -> Kind {
    if let Some(stem) = file.strip_suffix(".yaml")
        && DATA_FILES.contains(&stem)
    {
        return Kind::Data(stem.to_string());
    }
    let lower = file.to_ascii_lowercase();
    let stem = [".yaml", ".yml", ".yaml.txt", ".txt"]
        .iter()
        .find_map(|ext| lower.strip_suffix(ext))
        .unwrap_or(&lower);
    let (message, hint) = if DATA_FILES.contains(&stem) {
        (
            format!(
                "candour reads the {stem} data from {stem}.yaml, so this file would be left out"
            ),
            format!("rename it to {stem}.yaml"),
        )
    } else if let Some(best) = did_you_mean(stem, DATA_FILES) {
        (
            "candour does not read this data file".to_string(),
            format!("did you mean {best}.yaml? rename it to that if that is what it holds"),
        )
    } else {
        (
            "candour does not read this data file".to_string(),
            format!(
                "the data files candour reads are: {}.yaml; move other files out of content/data/",
                DATA_FILES.join(".yaml, ")
            ),
        )
    };
    Kind::Skipped(Some(Diagnostic::error(path, message).with_hint(hint)))
}

/// `about.markdown` → `about`: a Markdown file under another extension.
fn markdown_spelling(file: &str) -> Option<&str> {
    let lower = file.to_ascii_lowercase();
    [".md", ".markdown", ".mdown", ".mkd", ".md.txt"]
        .iter()
        .find(|ext| lower.ends_with(*ext))
        .map(|ext| &file[..file.len() - ext.len()])
}

/// Whether any part of a root-relative path below `content/` is hidden (starts with `.`).
/// `content/static/.well-known/` is not: public bodies publish `security.txt` there.
pub fn is_hidden(path: &str) -> bool {
    let inner = path.strip_prefix("content/").unwrap_or(path);
    inner.split('/').enumerate().any(|(i, part)| {
        part.starts_with('.') && !(i == 1 && part == ".well-known" && inner.starts_with("static/"))
    })
}

/// Whether the walk or the watcher should pass over `path` (root-relative) without a word
/// to the build: a hidden path, or litter. The build's notes for them come from the walk.
pub fn is_ignored(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    is_hidden(path) || is_editor_litter(name) || path.split('/').any(is_litter_folder)
}

fn note(path: &str, message: impl Into<String>) -> Diagnostic {
    Diagnostic::note(path, message)
}

fn bad_name(path: &str, name: Option<&str>) -> Diagnostic {
    let why = match name {
        None => "its name is not valid text (UTF-8)",
        Some(_) => "its name has a line break or another control character in it",
    };
    Diagnostic::error(
        path.replace(char::is_control, "?"),
        format!("this is left out because {why}"),
    )
    .with_hint("rename it with letters, digits, spaces, '-' and '_'")
}

fn symlink(path: &str) -> Diagnostic {
    Diagnostic::warning(
        path,
        "candour does not follow symbolic links, so this file is left out",
    )
    .with_hint("copy the file into content/ instead of linking to it")
}

fn what_of(meta: &std::fs::Metadata) -> What {
    if meta.file_type().is_symlink() {
        What::Symlink
    } else if meta.is_file() {
        What::File
    } else {
        What::Special
    }
}

/// The order a sorted walk visits paths in: by their parts, so `a/b.txt` comes before `a.txt`.
fn walk_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.split('/').cmp(b.split('/'))
}

impl Sources {
    /// The list a statement, update or page source belongs in.
    fn texts_of(&mut self, path: &str) -> &mut Vec<Source> {
        if path.starts_with("content/statements/") {
            &mut self.statements
        } else if path.starts_with("content/updates/") {
            &mut self.updates
        } else {
            &mut self.pages
        }
    }

    /// Takes the files at `changed` (root-relative) into sources `load` read before, with
    /// `problems` its diagnostics, so that they equal what `load` would read now. Returns
    /// `false`, changing nothing, when a change is not to single files (a folder made, or a
    /// folder that was there replaced by anything or gone, `content/` itself, `site.yaml`
    /// gone): then only a new `load` will do.
    pub fn patch(
        &mut self,
        problems: &mut Vec<Diagnostic>,
        changed: &std::collections::BTreeSet<String>,
        cache: Option<&dyn Reuse>,
    ) -> bool {
        if changed.contains("content") {
            return false;
        }
        let root = self.root.clone();
        let mut now = Vec::new();
        for path in changed.iter().filter(|p| p.starts_with("content/")) {
            // A folder that was here, whatever is here now (nothing, a file, a link to
            // another folder), takes everything that was in it along: only a walk will do.
            let folder = format!("{path}/");
            if self.holds(&folder) || problems.iter().any(|d| d.file.starts_with(&folder)) {
                return false;
            }
            match std::fs::symlink_metadata(root.join(path)) {
                Ok(m) if m.is_dir() => return false,
                Ok(m) => now.push((path, Some(what_of(&m)))),
                Err(_) if path == SITE => return false,
                Err(_) => now.push((path, None)),
            }
        }
        for (path, kind) in now {
            // Forget what the last load knew of this path.
            problems.retain(|d| d.file != *path);
            for list in [&mut self.statements, &mut self.updates, &mut self.pages] {
                list.retain(|s| s.path != *path);
            }
            self.data.retain(|(_, s)| s.path != *path);
            if let Some(file) = path.strip_prefix("content/static/") {
                self.static_files.retain(|f| f != file);
            }
            if path == SITE {
                self.site = None;
            }
            // And learn what it is now.
            let Some(what) = kind else {
                continue;
            };
            let name = path.rsplit('/').next();
            let read = |p: &str| reuse::read(cache, &root, p, true);
            match classify(path, name, what) {
                Kind::Text => match read(path) {
                    Ok(s) if s.path == SITE => self.site = Some(s),
                    Ok(s) => {
                        let list = self.texts_of(path);
                        let at = list.partition_point(|x| walk_order(&x.path, path).is_lt());
                        list.insert(at, s);
                    }
                    Err(d) => problems.push(d),
                },
                Kind::Data(stem) => match read(path) {
                    Ok(s) => {
                        let rank = |n: &str| DATA_FILES.iter().position(|d| *d == n);
                        let at = self.data.partition_point(|(n, _)| rank(n) < rank(&stem));
                        self.data.insert(at, (stem, s));
                    }
                    Err(d) => problems.push(d),
                },
                Kind::Static(file) => {
                    let at = self
                        .static_files
                        .partition_point(|f| walk_order(f, &file).is_lt());
                    self.static_files.insert(at, file);
                }
                Kind::Skipped(d) => problems.extend(d),
            }
        }
        missing_site(self, problems);
        true
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

/// What litter a file name is, if it is: the swap, backup and lock files editors, office
/// suites and operating systems leave beside the real ones. One list, read by the build's
/// walk, the theme's and the dev server's watcher alike.
pub fn litter(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    Some(if name.starts_with("~$") {
        "a Microsoft Office owner file (it holds who has the document open)"
    } else if name.starts_with(".~lock.") {
        "a LibreOffice lock file (it holds who has the document open)"
    } else if name.starts_with("._") {
        "a macOS AppleDouble file (resource data copied beside the real file)"
    } else if lower == "thumbs.db" || lower == "ehthumbs.db" || lower == "desktop.ini" {
        "a file Windows makes for its folder views"
    } else if name == ".DS_Store" || name == "Icon\r" {
        "a file macOS makes for its folder views"
    } else if name.starts_with(".#") || (name.starts_with('#') && name.ends_with('#')) {
        "an Emacs lock or auto-save file"
    } else if name.starts_with('.')
        && [".swp", ".swo", ".swx", ".swn"]
            .iter()
            .any(|e| name.ends_with(e))
        || name == "4913"
    {
        "a Vim swap file"
    } else if name.ends_with('~') {
        "an editor's backup copy"
    } else if lower.ends_with(".tmp") || lower.starts_with("~wr") {
        "a temporary file"
    } else {
        return None;
    })
}

/// Whether a file name is litter (see [`litter`]).
pub fn is_editor_litter(name: &str) -> bool {
    litter(name).is_some()
}

/// Folders the operating system leaves behind: never read, never published.
fn is_litter_folder(name: &str) -> bool {
    ["__MACOSX", "$RECYCLE.BIN", "System Volume Information"].contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::fs;

    /// Applies each change on disk, patches, and compares with a fresh load.
    #[test]
    fn patched_sources_equal_a_fresh_load() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |p: &str, text: &str| {
            let path = root.join(p);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        };
        write("content/site.yaml", "title: T\n");
        write("content/pages/b.md", "b");
        write("content/static/a/b.txt", "x");
        let (mut sources, mut problems) = load(root, None);
        type Change<'a> = (&'a str, Box<dyn Fn() + 'a>);
        let changes: Vec<Change> = vec![
            (
                "content/pages/a.md",
                Box::new(|| write("content/pages/a.md", "a")),
            ),
            (
                "content/pages/c.md",
                Box::new(|| write("content/pages/c.md", "c")),
            ),
            (
                "content/pages/b.md",
                Box::new(|| write("content/pages/b.md", "b2")),
            ),
            (
                "content/pages/a.md",
                Box::new(|| fs::remove_file(root.join("content/pages/a.md")).unwrap()),
            ),
            (
                "content/statements/s.md",
                Box::new(|| write("content/statements/s.md", "s")),
            ),
            (
                "content/updates/u.md",
                Box::new(|| write("content/updates/u.md", "u")),
            ),
            (
                "content/data/training.yaml",
                Box::new(|| write("content/data/training.yaml", "t")),
            ),
            (
                "content/data/kpis.yaml",
                Box::new(|| write("content/data/kpis.yaml", "k")),
            ),
            (
                "content/data/kpi.yaml",
                Box::new(|| write("content/data/kpi.yaml", "typo")),
            ),
            (
                "content/data/kpi.yaml",
                Box::new(|| fs::remove_file(root.join("content/data/kpi.yaml")).unwrap()),
            ),
            (
                "content/data/kpis.yaml",
                Box::new(|| fs::remove_file(root.join("content/data/kpis.yaml")).unwrap()),
            ),
            (
                "content/static/a.txt",
                Box::new(|| write("content/static/a.txt", "y")),
            ),
            (
                "content/static/a/c.txt",
                Box::new(|| write("content/static/a/c.txt", "z")),
            ),
            (
                "content/pages/notes.txt",
                Box::new(|| write("content/pages/notes.txt", "n")),
            ),
            (
                "content/pages/.b.md.swp",
                Box::new(|| write("content/pages/.b.md.swp", "swap")),
            ),
            (
                "content/pages/bad.md",
                Box::new(|| fs::write(root.join("content/pages/bad.md"), [0xff, 0xfe]).unwrap()),
            ),
            (
                "content/pages/bad.md",
                Box::new(|| write("content/pages/bad.md", "good")),
            ),
            (
                "content/site.yaml",
                Box::new(|| write("content/site.yaml", "title: U\n")),
            ),
            (
                "content/pages/link.md",
                Box::new(|| {
                    #[cfg(unix)]
                    std::os::unix::fs::symlink(
                        root.join("content/pages/b.md"),
                        root.join("content/pages/link.md"),
                    )
                    .unwrap();
                }),
            ),
        ];
        for (path, change) in changes {
            change();
            assert!(
                sources.patch(&mut problems, &BTreeSet::from([path.to_string()]), None),
                "{path} needed a new load"
            );
            let (fresh, mut fresh_problems) = load(root, None);
            assert_eq!(sources, fresh, "after {path}");
            let mut patched_problems = problems.clone();
            crate::diagnostic::sort(&mut patched_problems);
            crate::diagnostic::sort(&mut fresh_problems);
            assert_eq!(patched_problems, fresh_problems, "after {path}");
        }
        // Folders, made or gone, and a missing site.yaml need a new load.
        write("content/pages/sub/x.md", "x");
        assert!(!sources.patch(
            &mut problems,
            &BTreeSet::from(["content/pages/sub".to_string()]),
            None
        ));
        fs::remove_dir_all(root.join("content/static/a")).unwrap();
        assert!(!sources.patch(
            &mut problems,
            &BTreeSet::from(["content/static/a".to_string()]),
            None
        ));
        fs::remove_file(root.join("content/site.yaml")).unwrap();
        assert!(!sources.patch(
            &mut problems,
            &BTreeSet::from(["content/site.yaml".to_string()]),
            None
        ));
    }
}
