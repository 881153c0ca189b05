//! What each file under `content/` is to a build: a source to read, a static file to copy,
//! or something passed over, with the diagnostic that says so. Hidden files and editor,
//! office and operating-system litter are never read or published (a note); pipes and
//! other special files are never opened (a warning); a file under another spelling of a
//! name candour reads (`training.yml`, `about.markdown`, `content/page/`) is an error that
//! says what to rename it to.

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::source::load::DATA_FILES;

/// What a file under `content/` is to a build.
pub(super) enum Kind {
    /// `site.yaml`, or a Markdown statement, update or page.
    Text,
    /// A data file, by name.
    Data(String),
    /// A translation of a text or data file (`about.cy.md`, `data/cy/kpis.yaml`,
    /// `site.cy.yaml`): see [`translation_of`].
    Translation,
    /// A file under `content/static/`, relative to it.
    Static(String),
    /// Not read and not published, with the diagnostic that says so (a note for litter and
    /// hidden files, a warning or error otherwise; none for what is inside a folder that
    /// was skipped as a whole).
    Skipped(Option<Diagnostic>),
}

/// What is at a path, as the file system says without following links.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum What {
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
        Kind::Text | Kind::Data(_) | Kind::Static(_) | Kind::Translation
    )
}

/// Whether `tag` is a language tag candour can publish a version of the site under: a
/// language (two or three lowercase letters, BCP 47) and optionally a region (`en-GB`).
/// The language alone is its folder (`/cy/`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("");
    let region = parts.next();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_lowercase())
        && region.is_none_or(|r| r.len() == 2 && r.bytes().all(|b| b.is_ascii_uppercase()))
        && parts.next().is_none()
}

/// The language and the original of a translation file (root-relative paths):
/// `content/pages/about.cy.md` → (`cy`, `content/pages/about.md`), the same for statements
/// and updates; `content/data/cy/kpis.yaml` → (`cy`, `content/data/kpis.yaml`);
/// `content/site.cy.yaml` → (`cy`, `content/site.yaml`). The language is a tag
/// ([`is_language_tag`]); whether the site has it is checked later.
pub fn translation_of(path: &str) -> Option<(&str, String)> {
    let inner = path.strip_prefix("content/")?;
    let parts: Vec<&str> = inner.split('/').collect();
    let tag = |t: &str| is_language_tag(t) && !t.contains('-');
    match parts.as_slice() {
        [file] => {
            let language = file.strip_prefix("site.")?.strip_suffix(".yaml")?;
            tag(language).then(|| (language, "content/site.yaml".to_string()))
        }
        ["data", language, file] if tag(language) => {
            let stem = file.strip_suffix(".yaml")?;
            DATA_FILES
                .contains(&stem)
                .then(|| (*language, format!("content/data/{file}")))
        }
        [folder @ ("statements" | "updates" | "pages"), file] => {
            let (stem, language) = file.strip_suffix(".md")?.rsplit_once('.')?;
            tag(language).then(|| (language, format!("content/{folder}/{stem}.md")))
        }
        _ => None,
    }
}

/// Whether the walk skips a folder at `path` (root-relative) with all it holds, and why:
/// hidden folders (`.git`), litter folders (`__MACOSX`), folders with unusable names.
pub(super) fn folder(path: &str, name: Option<&str>) -> Option<Kind> {
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
pub(super) fn classify(path: &str, name: Option<&str>, what: What) -> Kind {
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
    if translation_of(path).is_some() {
        return Kind::Translation;
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
        ["data", file] => data_file(path, file, ""),
        // A data file's translation under another name (`data/cy/kpi.yaml`).
        ["data", language, file] if is_language_tag(language) && !language.contains('-') => {
            data_file(path, file, &format!("data/{language}/"))
        }
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
/// what to rename it to. Nothing an author puts there is dropped without a word. `folder`
/// is `""`, or `data/cy/` for a file of a translation's folder (never a data file itself:
/// those are translations), named in the hint.
fn data_file(path: &str, file: &str, folder: &str) -> Kind {
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
            format!("rename it to {folder}{stem}.yaml"),
        )
    } else if let Some(best) = did_you_mean(stem, DATA_FILES) {
        (
            "candour does not read this data file".to_string(),
            format!("did you mean {folder}{best}.yaml? rename it to that if that is what it holds"),
        )
    } else {
        (
            "candour does not read this data file".to_string(),
            format!(
                "the data files candour reads are: {}.yaml; move other files out of content/{}",
                DATA_FILES.join(".yaml, "),
                if folder.is_empty() { "data/" } else { folder }
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

pub(super) fn symlink(path: &str) -> Diagnostic {
    Diagnostic::warning(
        path,
        "candour does not follow symbolic links, so this file is left out",
    )
    .with_hint("copy the file into content/ instead of linking to it")
}

pub(super) fn what_of(meta: &std::fs::Metadata) -> What {
    if meta.file_type().is_symlink() {
        What::Symlink
    } else if meta.is_file() {
        What::File
    } else {
        What::Special
    }
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
