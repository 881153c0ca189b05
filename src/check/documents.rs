//! Markdown files with front matter (statements, updates, pages): parsed, rendered, checked.

use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::diagnostic::Diagnostic;
use crate::markdown::anchors::SHOW_MARKDOWN;
use crate::markdown::{self, Origin, Rendered, Settings};
use crate::source::reuse::{self, Reuse};
use crate::source::yaml::{Document, Spans};
use crate::source::{Source, split_front_matter};

/// A content file's typed front matter, where in the file each value is, and its body.
pub struct Parts<T> {
    pub front: T,
    pub spans: Spans,
    pub body: Rendered,
}

/// One content file, its front matter typed and its body rendered. The parts are shared
/// with the dev server's cache, so an unchanged file costs a reference, not a copy.
pub struct Parsed<'s, T> {
    parts: Arc<Parts<T>>,
    pub source: &'s Source,
}

impl<T> std::ops::Deref for Parsed<'_, T> {
    type Target = Parts<T>;
    fn deref(&self) -> &Parts<T> {
        &self.parts
    }
}

impl<T> Parsed<'_, T> {
    /// A diagnostic at a front matter path (`statement`, `areas.policies`).
    pub fn error_at(&self, path: &str, message: impl Into<String>) -> Diagnostic {
        let doc = Document {
            source: self.source,
            yaml: "",
            line_offset: 1,
        };
        doc.error_at(&self.spans, path, message)
    }

    /// A warning at the front matter's `path`.
    pub fn warning_at(&self, path: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: crate::diagnostic::Severity::Warning,
            ..self.error_at(path, message)
        }
    }

    /// Errors for each name in the `illustrative` list at `path` that is not one of `allowed`,
    /// with the closest as a hint.
    pub fn marks(
        &self,
        path: &str,
        mark: &crate::model::Illustrative,
        allowed: &[&str],
        problems: &mut Vec<Diagnostic>,
    ) {
        for (i, name) in mark.unknown(allowed) {
            problems.push(
                self.error_at(
                    &format!("{path}[{i}]"),
                    format!("'{name}' is not a field that can be marked illustrative here"),
                )
                .with_hint(super::marks_hint(name, allowed)),
            );
        }
        for (i, name) in mark.repeated() {
            problems.push(
                self.error_at(
                    &format!("{path}[{i}]"),
                    format!("'{name}' is already in this list"),
                )
                .with_hint("name each field once"),
            );
        }
    }

    /// The file name without `.md`.
    pub fn stem(&self) -> &str {
        stem_of(&self.source.path)
    }
}

/// Parses and renders every file in parallel; files with errors are left out of the result.
pub fn parse_all<'s, T: DeserializeOwned + schemars::JsonSchema + Send + Sync + 'static>(
    sources: &'s [Source],
    what: &str,
    settings: &Settings,
    cache: Option<&dyn Reuse>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Parsed<'s, T>> {
    let results: Vec<(Option<Parsed<'s, T>>, Vec<Diagnostic>)> = sources
        .par_iter()
        .map(|source| parse_one(source, what, settings, cache))
        .collect();
    let mut parsed = Vec::with_capacity(results.len());
    for (doc, mut diags) in results {
        problems.append(&mut diags);
        parsed.extend(doc);
    }
    parsed
}

/// What parsing one file gives: its parts (if the front matter is valid), and problems.
type Outcome<T> = (Option<Arc<Parts<T>>>, Vec<Diagnostic>);

fn parse_one<'s, T: DeserializeOwned + schemars::JsonSchema + Send + Sync + 'static>(
    source: &'s Source,
    what: &str,
    settings: &Settings,
    cache: Option<&dyn Reuse>,
) -> (Option<Parsed<'s, T>>, Vec<Diagnostic>) {
    let (parts, diags): Outcome<T> =
        reuse::keep(cache, &source.path, &source.text, settings, || {
            compute(source, what, settings)
        });
    (parts.map(|parts| Parsed { parts, source }), diags)
}

fn compute<T: DeserializeOwned + schemars::JsonSchema + Send>(
    source: &Source,
    what: &str,
    settings: &Settings,
) -> Outcome<T> {
    let fm = match split_front_matter(source) {
        Ok(fm) => fm,
        Err(d) => return (None, vec![d]),
    };
    let doc = Document {
        source,
        yaml: fm.yaml,
        line_offset: fm.yaml_line_offset,
    };
    let origin = Origin {
        file: &source.path,
        text: &source.text,
        line_offset: fm.body_line_offset,
        template: template_of(&source.path),
    };
    let body = markdown::render(fm.body, &origin, settings);
    match doc.parse::<T>(what) {
        Ok((front, spans)) => {
            let diags = body.diagnostics.clone();
            (Some(Arc::new(Parts { front, spans, body })), diags)
        }
        Err(mut d) => {
            d.extend(body.diagnostics.iter().cloned());
            (None, d)
        }
    }
}

/// The file name of a path without `.md`: `content/pages/about.md` → `about`; a
/// translation's is its original's (`about.cy.md` → `about`).
pub fn stem_of(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.strip_suffix(".md").unwrap_or(name);
    match crate::source::classify::translation_of(path) {
        Some(_) => stem.rsplit_once('.').map_or(stem, |(s, _)| s),
        None => stem,
    }
}

/// The template of the page that shows a content file: its folder says which.
fn template_of(path: &str) -> Option<&'static str> {
    let folder = path.strip_prefix("content/")?.split('/').next()?;
    let [statement, update, page, _] = SHOW_MARKDOWN;
    match folder {
        "statements" => Some(statement),
        "updates" => Some(update),
        "pages" => Some(page),
        _ => None,
    }
}

/// Whether a file name makes a clean URL segment: lowercase letters, digits and hyphens.
pub fn is_slug(stem: &str) -> bool {
    !stem.is_empty()
        && stem
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !stem.starts_with('-')
}
