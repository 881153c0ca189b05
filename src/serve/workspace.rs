//! The dev server's site in memory, rebuilt after each change with as little work as needed.
//!
//! Two ways to rebuild:
//!
//! - **Page edits.** When every changed file is an existing content page (`content/pages/`)
//!   and what other pages see of it (title, summary, URL, footer place) is unchanged, only
//!   those files are read, parsed and checked, and only their pages are rendered, with the
//!   model and templates kept from the last good build. No other file is looked at: the
//!   watcher reports every change, so the others are as they were.
//! - **Anything else** runs all the checks (file texts and rendered Markdown come from the
//!   cache when unchanged). Then a page is re-rendered only when what it is made from
//!   changed (`depends`): a template it loads, a part of the model its templates read, the
//!   item it shows, or its Markdown file; every page when `site.yaml` changed, after a
//!   rescan, or when a folder came or went. Data, theme and static files are always redone.
//!
//! Either way the result equals a clean build of the same files; the tests check it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::cache::Cache;
use super::depends::{Changes, Fingerprint};
use crate::check::Checked;
use crate::check::config::Overrides;
use crate::check::documents::{self, Parsed};
use crate::diagnostic::Diagnostic;
use crate::model::Page;
use crate::raw::PageFile;
use crate::render::{Body, Memory, Renderer};
use crate::render::{JobInput, Keep};
use crate::site::Steps;
use crate::source::Source;
use crate::source::classify;
use crate::source::load::{self, Sources};
use crate::theme::graph::{self, Uses};
use crate::{check, diagnostic, site};

pub struct Workspace {
    pub root: PathBuf,
    pub overrides: Overrides,
    cache: Cache,
    /// The last good build: output path → contents.
    pub files: BTreeMap<String, Body>,
    /// The problems of the last rebuild; empty when it succeeded.
    pub errors: Vec<Diagnostic>,
    /// What the last good build was made from; `None` after a failure.
    fingerprint: Option<Fingerprint>,
    /// The last good build's model and renderer, for page edits.
    kept: Option<Kept>,
    /// The sources as last read, and the problems met reading them.
    loaded: Option<(Sources, Vec<Diagnostic>)>,
}

struct Kept {
    site: Checked,
    renderer: Renderer,
    /// What each template is made from, read off the renderer's compiled templates.
    uses: BTreeMap<String, Uses>,
}

/// What one rebuild did.
pub struct Outcome {
    /// Step name and milliseconds.
    pub steps: Steps,
    pub ok: bool,
    /// The output paths of the pages rendered, sorted.
    pub rendered: Vec<String>,
    pub files_changed: usize,
    pub ms: f64,
}

impl Workspace {
    pub fn new(root: &Path, overrides: Overrides) -> Workspace {
        Workspace {
            root: root.to_path_buf(),
            overrides,
            cache: Cache::default(),
            files: BTreeMap::new(),
            errors: Vec::new(),
            fingerprint: None,
            kept: None,
            loaded: None,
        }
    }

    /// Rebuilds after `changed` (paths relative to the root; empty means "anything").
    pub fn rebuild(&mut self, changed: &BTreeSet<String>) -> Outcome {
        let started = Instant::now();
        if !changed.is_empty()
            && !self.failing()
            && let Some(outcome) = self.pages_only(changed, started)
        {
            return outcome;
        }
        // The sources as last read, with the changed files read again; or all read afresh
        // after a rescan or a change to folders.
        let t = Instant::now();
        let patched = match self.loaded.as_mut() {
            Some((sources, problems)) if !changed.is_empty() => {
                sources.patch(problems, changed, Some(&self.cache))
            }
            _ => false,
        };
        // A walk reads again whatever the watcher named, and everything in a folder it
        // named (a size and time can stay the same through an edit); after a rescan, all.
        let (sources, problems) = match self.loaded.take() {
            Some(loaded) if patched => loaded,
            _ => {
                let (mut sources, mut problems) =
                    load::load_with(&self.root, Some(&self.cache), &|path| {
                        changed.is_empty() || load::is_named(changed, path)
                    });
                if self.overrides.git {
                    site::history(&self.root, &mut sources, &mut problems);
                }
                (sources, problems)
            }
        };
        let load_ms = t.elapsed().as_secs_f64() * 1000.0;
        let report = site::check_loaded(
            &self.root,
            &self.overrides,
            Some(&self.cache),
            &sources,
            problems.clone(),
            Steps(vec![("load", load_ms)]),
        );
        self.loaded = Some((sources, problems));
        let mut steps = report.steps;
        let (Some(site), Some(theme)) = (report.site, report.theme) else {
            return self.failed(report.diagnostics, started);
        };
        let now = steps.time("hash", || Fingerprint::of(&site, &theme));
        // After a rescan or a new walk nothing is assumed: every page is rendered (a page's
        // fingerprint leaves out its body, which only its file's own event tells of).
        // A site in several languages is rendered whole: a page's text can come from its
        // original or its translation, which the fingerprint does not follow.
        let before = if changed.is_empty() || !patched || !site.others.is_empty() {
            None
        } else {
            self.fingerprint.take()
        };
        let memory = Memory::default();
        let rendered = std::sync::Mutex::new(Vec::new());
        let changes = before.as_ref().map(|before| Changes { before, now: &now });
        let kept = self.kept.take().map(|k| {
            // Freeing a large site's model takes a while; nobody waits for it.
            std::thread::spawn(move || drop(k.site));
            (k.renderer, k.uses)
        });
        // What a failed render reports: as `candour build` would, the checks' warnings and then
        // the render's problems.
        let warnings = report.diagnostics;
        let changed_part = |name: &str| changes.as_ref().is_none_or(|c| c.part(name));
        let (keep, uses) = match (kept, changes.as_ref()) {
            (Some((renderer, uses)), Some(c)) => {
                let templates = !c.templates_or_settings();
                (
                    Some(Keep {
                        renderer,
                        templates,
                        changed: &changed_part,
                    }),
                    templates.then_some(uses),
                )
            }
            _ => (None, None),
        };
        let rendered_pages = steps.time("render", || {
            // What each template is made from: kept with the compiled templates, read anew
            // with them.
            let renderer = Renderer::next(keep, &site, &theme)?;
            let uses = uses.unwrap_or_else(|| graph::uses(renderer.environment(), &theme));
            let differs = changes.as_ref().map(|c| c.pages(|t| uses.get(t)));
            let wanted = |job: &JobInput<'_>| {
                let wanted = job.source.is_some_and(|s| changed.contains(s))
                    || differs.as_ref().is_none_or(|d| d(job.template, job.url));
                if wanted && let Ok(mut list) = rendered.lock() {
                    list.push(job.path.clone());
                }
                wanted
            };
            site::render(&site, &theme, &self.root, &renderer, &memory, &wanted)?;
            drop(differs);
            Ok((renderer, uses))
        });
        let (renderer, uses) = match rendered_pages {
            Ok(done) => done,
            Err(problems) => {
                return self.failed(site::with_render_problems(warnings, problems), started);
            }
        };
        let t = Instant::now();
        let fresh = memory.into_map();
        // Every language's pages (a site in one has one).
        let pages: std::collections::HashSet<String> = site
            .versions()
            .flat_map(|v| crate::built::page_paths(&v.site, &v.routes))
            .collect();
        let before = self.files.len();
        // What was not made again: pages not re-rendered stay; anything else has gone.
        self.files
            .retain(|path, _| fresh.contains_key(path) || pages.contains(path));
        let files_changed = before - self.files.len() + self.take(fresh);
        self.errors = warnings;
        self.fingerprint = Some(now);
        self.kept = Some(Kept {
            site,
            renderer,
            uses,
        });
        steps.push(("merge", t.elapsed().as_secs_f64() * 1000.0));
        Outcome {
            steps,
            ok: true,
            rendered: {
                let mut list = rendered.into_inner().unwrap_or_default();
                list.sort();
                list
            },
            files_changed,
            ms: started.elapsed().as_secs_f64() * 1000.0,
        }
    }

    /// The rebuild for edits to existing content pages that change nothing other pages show,
    /// or `None` when `changed` is anything else (or has errors) and needs the full path.
    fn pages_only(&mut self, changed: &BTreeSet<String>, started: Instant) -> Option<Outcome> {
        let t = Instant::now();
        let mut at = Vec::with_capacity(changed.len());
        let mut edited = BTreeSet::new();
        // A page of a site in several languages shows in each: the full path renders all.
        if !self.kept.as_ref()?.site.others.is_empty() {
            return None;
        }
        for path in changed {
            let meta = std::fs::symlink_metadata(self.root.join(path));
            if meta.is_err() && self.passing(path) {
                continue;
            }
            let pages = &self.kept.as_ref()?.site.site.pages;
            at.push(pages.iter().position(|p| &p.source == path)?);
            if !meta.ok()?.file_type().is_file() {
                return None;
            }
            edited.insert(path.clone());
        }
        let kept = self.kept.as_mut()?;
        // Read the edits into the sources the next full rebuild starts from, and take them
        // from there.
        let (loaded, load_problems) = self.loaded.as_mut()?;
        if !loaded.patch(load_problems, changed, Some(&self.cache)) {
            self.loaded = None;
            return None;
        }
        let changed = &edited;
        let sources: Vec<Source> = changed
            .iter()
            .map(|path| loaded.pages.iter().find(|s| s.path == *path).cloned())
            .collect::<Option<_>>()?;
        let mut problems = Vec::new();
        let parsed: Vec<Parsed<PageFile>> = documents::parse_all(
            &sources,
            "page's front matter",
            &kept.site.markdown,
            Some(&self.cache),
            &mut problems,
        );
        if parsed.len() != sources.len() || problems.iter().any(Diagnostic::is_error) {
            return None;
        }
        let mut pages = Vec::with_capacity(parsed.len());
        for (p, &i) in parsed.iter().zip(&at) {
            let page = check::page::check(p, &kept.site.routes, &mut problems)?;
            // What other pages show of it must be as it was.
            if seen(&page) != seen(&kept.site.site.pages[i]) {
                return None;
            }
            // Its links, and the links to it, must still resolve; else the full check reports.
            crate::check::links::recheck(&mut kept.site.links, &page.url, p.source, &p.body)?;
            pages.push(page);
        }
        let mut steps = Steps(vec![("read", t.elapsed().as_secs_f64() * 1000.0)]);

        self.errors.retain(|d| !changed.contains(&d.file));
        self.errors.append(&mut problems);
        diagnostic::sort(&mut self.errors);

        let t = Instant::now();
        for (page, i) in pages.into_iter().zip(at) {
            kept.site.site.pages[i] = page;
        }
        let memory = Memory::default();
        let failures = kept.renderer.pages(&kept.site.site, &memory, &|job| {
            job.source.is_some_and(|s| changed.contains(s))
        });
        let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;
        if !failures.is_empty() {
            let errors = site::with_render_problems(std::mem::take(&mut self.errors), failures);
            return Some(self.failed(errors, started));
        }
        steps.push(("render", ms(t)));

        let t = Instant::now();
        let fresh = memory.into_map();
        let rendered: Vec<String> = fresh.keys().cloned().collect();
        let files_changed = self.take(fresh);
        steps.push(("merge", ms(t)));
        Some(Outcome {
            steps,
            ok: true,
            rendered,
            files_changed,
            ms: ms(started),
        })
    }

    /// A failed rebuild: its problems are shown, the last good files stay served, and what
    /// was kept is no longer what the files say, so the next rebuild starts afresh.
    fn failed(&mut self, errors: Vec<Diagnostic>, started: Instant) -> Outcome {
        self.errors = errors;
        self.fingerprint = None;
        self.kept = None;
        Outcome {
            steps: Steps::default(),
            ok: false,
            rendered: Vec::new(),
            files_changed: 0,
            ms: started.elapsed().as_secs_f64() * 1000.0,
        }
    }

    /// Takes freshly made files into the served ones; returns how many differ.
    fn take(&mut self, fresh: BTreeMap<String, Body>) -> usize {
        let mut changed = 0;
        for (path, body) in fresh {
            if self.files.get(&path) != Some(&body) {
                changed += 1;
                self.files.insert(path, body);
            }
        }
        changed
    }

    /// Whether the last rebuild failed.
    pub fn failing(&self) -> bool {
        self.errors.iter().any(Diagnostic::is_error)
    }

    /// The paths of `changed` that are, or were, sources, to name in the log; judged before
    /// the rebuild they cause. A path there now is one the build sees (a source, a file it
    /// warns about, a template, a folder); a path gone since is named only if the last build
    /// saw it. Never editor litter, nor a tool's temporary file made and gone between two
    /// rebuilds (`sed -i`'s `sedXXXXXX`).
    pub fn sources_among(&self, changed: &BTreeSet<String>) -> Vec<String> {
        changed
            .iter()
            .filter(|path| {
                let name = path.rsplit('/').next().unwrap_or(path);
                !classify::is_editor_litter(name)
                    && (std::fs::symlink_metadata(self.root.join(path)).is_ok()
                        || !self.passing(path))
            })
            .cloned()
            .collect()
    }

    /// Whether a path that no longer exists is one the last build cannot have seen: a
    /// temporary file an editor or tool wrote and renamed over the real one between two
    /// rebuilds. Every other file under `content/` that a build sees is read (`sources`) or
    /// warned about (`errors`), every file under `templates/` and a theme's `templates/` is
    /// a template, and a theme's `static/` files are served under `theme/`; a folder that has
    /// gone counts if anything in it was seen. After a failure nothing is assumed of
    /// templates.
    fn passing(&self, path: &str) -> bool {
        let folder = format!("{path}/");
        let warned = self
            .errors
            .iter()
            .any(|d| d.file == path || d.file.starts_with(&folder));
        if path.starts_with("content/") {
            return !classify::is_source(path)
                && self.loaded.as_ref().is_some_and(|(s, _)| !s.holds(path))
                && !warned;
        }
        let in_theme = path.strip_prefix("themes/").and_then(|p| p.split_once('/'));
        if let Some(name) = path
            .strip_prefix("templates/")
            .or_else(|| in_theme.and_then(|(_, p)| p.strip_prefix("templates/")))
        {
            return !warned
                && self.fingerprint.as_ref().is_some_and(|f| {
                    !f.templates
                        .keys()
                        .any(|t| t == name || t.starts_with(&format!("{name}/")))
                });
        }
        if let Some(name) = in_theme.and_then(|(_, p)| p.strip_prefix("static/")) {
            let served = format!("theme/{name}");
            return !self
                .files
                .keys()
                .any(|f| *f == served || f.starts_with(&format!("{served}/")));
        }
        false
    }
}

/// What other pages can show of a content page: the whole of it as the model serialises it
/// (its body and contents list are left out of the model), so a field added to `Page` is
/// compared without anyone remembering to add it here.
fn seen(p: &Page) -> serde_json::Value {
    serde_json::to_value(p).unwrap_or(serde_json::Value::Null)
}
