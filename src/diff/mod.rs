//! `candour diff`: what a change does to what the public sees. Two versions of a site (each
//! a git revision, or the working tree) are checked into models, and the models compared:
//! statements, updates and pages added, removed or changed (which sections, in words
//! added and removed), each figure added, changed or removed, and warnings for what a
//! reviewer must not miss (a published statement deleted or moved, a published figure
//! corrected without a note). `render` writes the result for people and as Markdown.

mod fields;
mod figures;
mod render;
mod text;
mod translation_files;

pub use render::{human, markdown};

use std::path::Path;

use serde::Serialize;

use crate::check::config::Overrides;
use crate::diagnostic::Diagnostic;
use crate::git::Repo;
use crate::model::period::Period;
use crate::model::{History, Site};
use crate::source::load;

/// One version of a site: a revision of its repository, or the files on disk.
pub enum Version<'a> {
    /// The site's folder as it is now, changes not yet committed included.
    WorkTree,
    /// A revision as written (`main`, `HEAD~1`, a hash).
    Revision(&'a str),
    /// Where the current branch left the default branch.
    BranchPoint,
}

/// Why a diff could not be made.
#[derive(Debug)]
pub enum Failure {
    /// Not a git repository, or a revision that does not exist: git's words, made plain.
    Git(String),
    /// A version of the site has errors, so it has no model to compare: which version, and
    /// its diagnostics.
    Content(String, Vec<Diagnostic>),
}

/// What changed between two versions of a site.
#[derive(Debug, Serialize)]
pub struct Diff {
    /// The older version, for people: `1a2b3c4 Add the 2020/21 H2 update`.
    pub base: String,
    /// The newer version: a commit, or `the working tree`.
    pub head: String,
    pub documents: Vec<DocumentChange>,
    pub figures: Vec<FigureChange>,
    /// What a reviewer must not miss, in sentences.
    pub warnings: Vec<String>,
}

impl Diff {
    /// Whether nothing the public sees changed.
    pub fn is_empty(&self) -> bool {
        self.documents.is_empty() && self.figures.is_empty() && self.warnings.is_empty()
    }
}

/// A statement, update or page added, removed or changed.
#[derive(Debug, Serialize)]
pub struct DocumentChange {
    /// `statement`, `update`, `page`, or `translation` (a bilingual site's other languages).
    pub kind: &'static str,
    pub title: String,
    pub url: String,
    /// `added`, `removed` or `changed`; for a translation, also `outdated` (a section or
    /// field of its original changed, its own did not).
    pub change: &'static str,
    /// Details changed, each as `published: 30 April 2021 → 3 May 2021`; for a document
    /// added or removed, its period and published date, and how many words it has.
    pub details: Vec<String>,
    /// Sections whose words changed, in the order of the newer version.
    pub sections: Vec<SectionChange>,
}

/// A section (the text under one heading) of a statement, update or page that changed.
#[derive(Debug, Serialize)]
pub struct SectionChange {
    /// The heading's text; `Introduction` for the text before the first heading.
    pub heading: String,
    /// `added`, `removed` or `changed`.
    pub change: &'static str,
    pub words_added: usize,
    pub words_removed: usize,
}

/// One figure added, changed or removed.
#[derive(Debug, Serialize)]
pub struct FigureChange {
    /// The dataset's title: `Key performance indicators`.
    pub dataset: String,
    /// What the figure is: `Suppliers who responded`, `Review the supplier code: status`.
    pub figure: String,
    /// The period it is for, when it is for one (`2020/21 H2`).
    pub period: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Compares the site at `root` as it is in `base` and in `head`.
pub fn diff(root: &Path, base: Version<'_>, head: Version<'_>) -> Result<Diff, Failure> {
    let repo = Repo::discover(root).ok_or_else(|| {
        Failure::Git(format!(
            "{} is not in a git repository (or git is not installed); candour diff compares versions of a site kept in git",
            root.display()
        ))
    })?;
    let (base_name, base_site, base_others, base_sources) = side(root, &repo, &base)?;
    let (head_name, head_site, head_others, head_sources) = side(root, &repo, &head)?;
    let mut diff = compare(base_name, &base_site, head_name, &head_site);
    let files = translation_files::changes(&base_sources, &head_sources, &head_others);
    // A page whose translation was deleted shows its original again: that is said once, as
    // the deletion, not as every section replaced.
    let deleted: Vec<&str> = files
        .iter()
        .filter(|f| f.change == "removed")
        .map(|f| f.url.as_str())
        .collect();
    diff.documents.extend(
        translations(&base_others, &head_others)
            .into_iter()
            .filter(|d| !deleted.contains(&d.url.as_str())),
    );
    diff.documents.extend(translation_files::text_changes(
        &base_sources,
        &head_sources,
        &head_others,
    ));
    diff.documents.extend(files);
    Ok(diff)
}

/// The site as it is in `version`, checked into its model, with a name for people, the
/// site in each of its other languages (none for most sites), and its sources.
fn side(
    root: &Path,
    repo: &Repo,
    version: &Version<'_>,
) -> Result<(String, Site, Vec<Site>, load::Sources), Failure> {
    let (name, loaded) = match version {
        Version::WorkTree => ("the working tree".to_string(), load::load(root, None)),
        Version::Revision(_) | Version::BranchPoint => {
            let commit = match version {
                Version::Revision(r) => repo.resolve(r),
                _ => repo.branch_point(),
            }
            .map_err(Failure::Git)?;
            let loaded = load::load_revision(root, repo, &commit).map_err(Failure::Git)?;
            (repo.describe(&commit), loaded)
        }
    };
    let (sources, mut problems) = loaded;
    let (checked, mut more) = crate::check::validate(&sources, &Overrides::default(), None, None);
    problems.append(&mut more);
    match checked {
        Some(c) if !problems.iter().any(Diagnostic::is_error) => {
            let others = c.others.into_iter().map(|o| o.site).collect();
            Ok((name, c.site, others, sources))
        }
        _ => {
            problems.retain(Diagnostic::is_error);
            Err(Failure::Content(name, problems))
        }
    }
}

/// What changed from `old` to `new`.
pub fn compare(base: String, old: &Site, head: String, new: &Site) -> Diff {
    let mut documents = Vec::new();
    let mut warnings = Vec::new();
    let old_docs = text::documents(old);
    let new_docs = text::documents(new);
    for o in &old_docs {
        match new_docs.iter().find(|n| n.url == o.url) {
            Some(n) => {
                let details = text::details(o, n);
                let sections = text::sections(&o.body, &n.body);
                if !details.is_empty() || !sections.is_empty() {
                    documents.push(DocumentChange {
                        kind: n.kind,
                        title: n.title.clone(),
                        url: n.url.clone(),
                        change: "changed",
                        details,
                        sections,
                    });
                }
            }
            None => documents.push(DocumentChange {
                kind: o.kind,
                title: o.title.clone(),
                url: o.url.clone(),
                change: "removed",
                details: text::summary(o),
                sections: Vec::new(),
            }),
        }
    }
    for n in &new_docs {
        if !old_docs.iter().any(|o| o.url == n.url) {
            documents.push(DocumentChange {
                kind: n.kind,
                title: n.title.clone(),
                url: n.url.clone(),
                change: "added",
                details: text::summary(n),
                sections: Vec::new(),
            });
        }
    }
    warnings.extend(
        statements_kept(old, new)
            .into_iter()
            .map(|k| format!("{} ({}): {}", k.message, k.file, k.hint)),
    );
    let figures = figures::compare(old, new);
    warnings.extend(corrections(old, new, &figures));
    Diff {
        base,
        head,
        documents,
        figures,
        warnings,
    }
}

/// What changed in the statements, updates and pages of a bilingual site's other languages
/// (`old` and `new`: the site in each, as `Checked::others` gives them), as documents of
/// kind `translation`: a title, summary or text (a `.cy.md` file, or the original's text it
/// shows until translated), each at that language's address. Facts are language-free and
/// said once, by the default language's comparison, as are documents added or removed.
/// Text still untranslated counts as the original's words. The site's words and the data's
/// text are compared as their files give them (`translation_files::text_changes`).
pub fn translations(old: &[Site], new: &[Site]) -> Vec<DocumentChange> {
    let mut out = Vec::new();
    for n in new {
        let Some(o) = old.iter().find(|o| o.config.language == n.config.language) else {
            continue;
        };
        let mut old_docs = text::documents(o);
        let mut new_docs = text::documents(n);
        for d in old_docs.iter_mut().chain(new_docs.iter_mut()) {
            d.details
                .retain(|(name, _)| matches!(*name, "title" | "summary"));
            d.registry.clear();
            for (_, value) in &mut d.details {
                *value = plain(value);
            }
            d.body = plain(&d.body);
        }
        for od in &old_docs {
            let Some(nd) = new_docs.iter().find(|d| d.url == od.url) else {
                continue;
            };
            let details = text::details(od, nd);
            let sections = text::sections(&od.body, &nd.body);
            if !details.is_empty() || !sections.is_empty() {
                out.push(DocumentChange {
                    kind: "translation",
                    title: plain(&nd.title),
                    url: nd.url.clone(),
                    change: "changed",
                    details,
                    sections,
                });
            }
        }
    }
    out
}

/// `text` without the marks of untranslated text (`i18n::UNTRANSLATED`).
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !crate::i18n::UNTRANSLATED.contains(c))
        .collect()
}

/// A published statement deleted, or its period or published date changed.
#[derive(Debug)]
pub struct NotKept {
    /// The statement's file in the older version.
    pub file: String,
    pub message: String,
    /// Why it matters, and what to do.
    pub hint: String,
}

/// Each statement of `old` that `new` deleted, or whose period or published date it
/// changed: old statements stay published, unchanged, so that readers can compare years
/// (research on modern slavery statements finds bodies replacing or deleting them).
pub fn statements_kept(old: &Site, new: &Site) -> Vec<NotKept> {
    let mut out = Vec::new();
    for o in &old.statements {
        let same_file = new.statements.iter().find(|n| n.source == o.source);
        let same_period = new.statements.iter().find(|n| n.period == o.period);
        let (message, hint) = match (same_file, same_period) {
            (None, None) => (
                format!("the published statement for {} was deleted", o.period),
                "old statements stay online, so that readers can compare one year with another; restore the file".to_string(),
            ),
            (Some(n), _) if n.period != o.period => (
                format!(
                    "the published statement for {} now says its period is {}",
                    o.period, n.period
                ),
                "a published statement keeps its period, so that readers can compare years; write a new statement for the new period".to_string(),
            ),
            (Some(n), _) | (None, Some(n)) if n.published != o.published => (
                format!(
                    "the published statement for {} changed its published date from {} to {}",
                    o.period,
                    shown(o.published),
                    shown(n.published)
                ),
                "the date a statement was first published stays, so that readers know when it was made public; say what changed in a `changes:` note".to_string(),
            ),
            _ => continue,
        };
        out.push(NotKept {
            file: o.source.clone(),
            message,
            hint,
        });
    }
    out
}

/// `check`'s warnings for statements published at the branch point (see
/// [`statements_kept`]) that the site at `root` no longer keeps as they were. Nothing when
/// the site is not in git, there is no default branch, or the branch point's site has
/// errors.
pub fn check_kept(root: &Path, now: &Site) -> Vec<Diagnostic> {
    let Some(repo) = Repo::discover(root) else {
        return Vec::new();
    };
    let Ok((_, old, _, _)) = side(root, &repo, &Version::BranchPoint) else {
        return Vec::new();
    };
    statements_kept(&old, now)
        .into_iter()
        .map(|k| Diagnostic::warning(&k.file, k.message).with_hint(k.hint))
        .collect()
}

/// Warnings for figures of a period a statement or update of `old` had already published,
/// changed or removed in `new` without a new `changes:` note on that period's statement or
/// update: a correction the public history must explain.
fn corrections(old: &Site, new: &Site, figures: &[FigureChange]) -> Vec<String> {
    let mut warnings = Vec::new();
    for f in figures.iter().filter(|f| f.before.is_some()) {
        let Some(period) = f.period.as_deref().and_then(|p| Period::parse(p).ok()) else {
            continue;
        };
        let published = old
            .statements
            .iter()
            .map(|s| (s.period, &s.title, &s.url, &s.history))
            .chain(
                old.updates
                    .iter()
                    .map(|u| (u.period, &u.title, &u.url, &u.history)),
            )
            .find(|(p, ..)| *p == period || p.contains(period));
        let Some((_, title, url, old_history)) = published else {
            continue;
        };
        let new_history: Option<&History> = new
            .statements
            .iter()
            .map(|s| (&s.url, &s.history))
            .chain(new.updates.iter().map(|u| (&u.url, &u.history)))
            .find(|(u, _)| *u == url)
            .map(|(_, h)| h);
        let explained = new_history.is_some_and(|h| h.entries.len() > old_history.entries.len());
        if !explained {
            warnings.push(format!(
                "{}: {} for {}, already published in “{}”, was {}; add a `changes:` note to that document saying what was corrected and why, so its public history explains it",
                f.dataset,
                f.figure,
                period,
                title,
                match &f.after {
                    Some(after) => format!("corrected from {} to {after}", f.before.as_deref().unwrap_or("")),
                    None => "removed".to_string(),
                }
            ));
        }
    }
    warnings
}

/// A publication date for a warning: the date, or "no date" when none is given.
fn shown(date: Option<crate::model::date::Date>) -> String {
    date.map_or_else(|| "no date".to_string(), |d| d.long())
}
