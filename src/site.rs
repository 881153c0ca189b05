//! The pipeline, as named and timed steps: load, theme, check, render (then `write`, in
//! `cmd/build.rs`, swaps the output in). `candour check` runs the first three, `candour
//! build` all of them; the dev server runs the same steps, passing in what it kept from the
//! last build (sources already read, a cache, the last renderer) and which pages to render.

use std::path::Path;
use std::time::Instant;

use crate::check::config::{self, Overrides};
use crate::check::{self, Checked};
use crate::diagnostic::{self, Diagnostic};
use crate::render::{self, JobInput, Output, Renderer};
use crate::source::load::{self, Sources};
use crate::source::reuse::Reuse;
use crate::theme::Theme;

/// What was built, and every problem seen on the way.
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// Step name and milliseconds, in order; they add up to the whole.
    pub steps: Steps,
    pub site: Option<Checked>,
    /// The theme, read once by the checks and used again by rendering.
    pub theme: Option<Theme>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.site.is_some() && !self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// The steps of a run and how long each took.
#[derive(Clone, Debug, Default)]
pub struct Steps(pub Vec<(&'static str, f64)>);

impl std::ops::Deref for Steps {
    type Target = [(&'static str, f64)];
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl Steps {
    /// Runs `f` as the step `name`.
    pub fn time<T>(&mut self, name: &'static str, f: impl FnOnce() -> T) -> T {
        let t = Instant::now();
        let value = f();
        self.0.push((name, t.elapsed().as_secs_f64() * 1000.0));
        value
    }

    /// Adds a step timed elsewhere.
    pub fn push(&mut self, step: (&'static str, f64)) {
        self.0.push(step);
    }

    /// `load 1 ms, theme 0 ms, check 3 ms`.
    pub fn line(&self) -> String {
        let steps: Vec<String> = self
            .0
            .iter()
            .map(|(n, ms)| format!("{n} {ms:.0} ms"))
            .collect();
        steps.join(", ")
    }

    /// All the steps' milliseconds.
    pub fn total(&self) -> f64 {
        self.0.iter().map(|(_, ms)| ms).sum()
    }
}

/// Loads and checks a site: every check, nothing rendered.
///
/// Unless `overrides.drafts` is set, a site with drafts is checked twice: as `build`
/// publishes it (drafts left out, so a published page's link to a draft is found) and as
/// `serve` shows it (drafts kept, so every draft is checked whole, its links too). The
/// problems of both are reported once each.
pub fn check(root: &Path, overrides: &Overrides) -> Report {
    let mut steps = Steps::default();
    let (mut sources, mut diagnostics) = steps.time("load", || load::load(root, None));
    if overrides.git {
        steps.time("history", || history(root, &mut sources, &mut diagnostics));
    }
    let has_drafts = !overrides.drafts
        && sources
            .statements
            .iter()
            .chain(&sources.updates)
            .chain(&sources.pages)
            .any(|s| {
                crate::source::split_front_matter(s)
                    .is_ok_and(|fm| fm.yaml.lines().any(|l| l.trim_end() == "draft: true"))
            });
    let mut report = check_loaded(root, overrides, None, &sources, diagnostics.clone(), steps);
    if has_drafts {
        let with_drafts = Overrides {
            drafts: true,
            ..overrides.clone()
        };
        let more = check_loaded(
            root,
            &with_drafts,
            None,
            &sources,
            diagnostics,
            Steps::default(),
        );
        for d in more.diagnostics {
            if !report.diagnostics.contains(&d) {
                report.diagnostics.push(d);
            }
        }
        diagnostic::sort(&mut report.diagnostics);
    }
    report
}

/// Reads what git knows of each source's past into `sources`, when the site is in a git
/// repository; outside one, nothing (the site is built without history). A repository git
/// cannot read is a warning, and the build goes on without history.
pub fn history(root: &Path, sources: &mut Sources, diagnostics: &mut Vec<Diagnostic>) {
    let Some(repo) = crate::git::Repo::discover(root) else {
        return;
    };
    match repo.history() {
        Ok(h) => sources.history = Some(std::sync::Arc::new(h)),
        Err(e) => diagnostics.push(
            Diagnostic::warning("content", format!("cannot read the history of the site's files from git: {e}"))
                .with_hint("the site is built without last-updated dates and change histories; `--no-git` says so on purpose"),
        ),
    }
}

/// The steps of `check` after `load`, on sources already read with the problems met reading
/// them; `reuse` is what a long-running process kept from the last build.
pub fn check_loaded(
    root: &Path,
    overrides: &Overrides,
    reuse: Option<&dyn Reuse>,
    sources: &Sources,
    mut diagnostics: Vec<Diagnostic>,
    mut steps: Steps,
) -> Report {
    // The theme first: Markdown headings keep clear of the ids its templates give elements,
    // and the model's words come from its translation table.
    let theme = steps.time("theme", || {
        let site = sources.site.as_ref()?;
        let languages = config::languages(site);
        match Theme::load_for(root, &config::theme_name(site), Some(&languages)) {
            Ok(t) => {
                diagnostics.extend(t.warnings.iter().cloned());
                Some(t)
            }
            Err(mut problems) => {
                diagnostics.append(&mut problems);
                None
            }
        }
    });
    let (site, mut more) = steps.time("check", || {
        check::validate(sources, overrides, reuse, theme.as_ref())
    });
    diagnostics.append(&mut more);
    diagnostic::sort(&mut diagnostics);
    let site = if diagnostics.iter().any(Diagnostic::is_error) {
        None
    } else {
        site
    };
    Report {
        diagnostics,
        steps,
        site,
        theme,
    }
}

/// Loads, checks and renders a site into `out`. Nothing is rendered if any check fails.
pub fn build(root: &Path, overrides: &Overrides, out: &dyn Output) -> Report {
    let mut report = check(root, overrides);
    let (Some(site), Some(theme)) = (&report.site, &report.theme) else {
        return report;
    };
    let rendered = report.steps.time("render", || {
        let renderer = Renderer::new(site, theme)?;
        render(site, theme, root, &renderer, out, &|_| true)
    });
    if let Err(problems) = rendered {
        report.diagnostics =
            with_render_problems(std::mem::take(&mut report.diagnostics), problems);
        report.site = None;
    }
    report
}

/// Renders a checked site into `out` with `renderer` (made for it, anew or from the last
/// build's with `Renderer::next`): each page `wanted` accepts, then every other file (theme
/// and static files, open data).
pub fn render(
    checked: &Checked,
    theme: &Theme,
    root: &Path,
    renderer: &Renderer,
    out: &dyn Output,
    wanted: &(dyn Fn(&JobInput<'_>) -> bool + Sync),
) -> Result<(), Vec<Diagnostic>> {
    let mut problems = renderer.all_pages(checked, out, wanted);
    problems.append(&mut render::files(
        checked,
        theme,
        &root.join("content/static"),
        out,
    ));
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// A build's problems when rendering failed: the checks' warnings, then each render
/// problem once (a template error repeats on every page that uses the template).
pub fn with_render_problems(
    mut diagnostics: Vec<Diagnostic>,
    mut problems: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    diagnostic::sort(&mut problems);
    problems.dedup();
    diagnostics.append(&mut problems);
    diagnostics
}
