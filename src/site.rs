//! The build pipeline as named steps: load, theme, validate, render, write.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::cache::Cache;
use crate::check;
use crate::check::Checked;
use crate::check::config::{self, Overrides};
use crate::diagnostic::{self, Diagnostic};
use crate::render::{self, Output};
use crate::source::load;
use crate::theme::Theme;

/// What was built, and every problem seen on the way.
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// Step name and milliseconds, in order.
    pub steps: Vec<(&'static str, f64)>,
    pub site: Option<Checked>,
    /// The theme, read once by the checks and used again by rendering.
    pub theme: Option<Theme>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.site.is_some() && !self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Loads and checks a site: every validation, nothing rendered.
pub fn check(root: &Path, overrides: &Overrides) -> Report {
    let t = Instant::now();
    let (sources, diagnostics) = load::load(root, None);
    let mut report = check_loaded(root, overrides, None, &sources, diagnostics);
    report.steps.insert(0, ("load", ms(t)));
    report
}

/// The checks of `check` on sources already read, with the problems met reading them.
pub fn check_loaded(
    root: &Path,
    overrides: &Overrides,
    cache: Option<&Cache>,
    sources: &load::Sources,
    mut diagnostics: Vec<Diagnostic>,
) -> Report {
    let mut steps = Vec::new();
    // The theme first: Markdown headings keep clear of the ids its templates give elements.
    let t = Instant::now();
    let mut theme = None;
    if let Some(site) = &sources.site {
        match Theme::load(root, &config::theme_name(site)) {
            Ok(t) => theme = Some(t),
            Err(mut problems) => diagnostics.append(&mut problems),
        }
    }
    steps.push(("theme", ms(t)));
    let t = Instant::now();
    let (site, mut more) = check::validate(sources, overrides, cache, theme.as_ref());
    diagnostics.append(&mut more);
    steps.push(("validate", ms(t)));
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
    let t = Instant::now();
    let static_root: PathBuf = root.join("content/static");
    let problems = render::render(site, theme, &static_root, out);
    report.steps.push(("render", ms(t)));
    if !problems.is_empty() {
        report.diagnostics =
            with_render_problems(std::mem::take(&mut report.diagnostics), problems);
        report.site = None;
    }
    report
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

/// Steps as printed: `load 1 ms, validate 3 ms`.
pub fn steps_line(steps: &[(&str, f64)]) -> String {
    let steps: Vec<String> = steps
        .iter()
        .map(|(n, ms)| format!("{n} {ms:.0} ms"))
        .collect();
    steps.join(", ")
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}
