//! Markdown files with front matter (statements, updates, pages): parsed, rendered, checked.

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::cache::Cache;
use crate::diagnostic::Diagnostic;
use crate::markdown::{self, Origin, Rendered, Settings};
use crate::source::{Source, split_front_matter};
use crate::yaml::{Document, Spans};

/// One content file, its front matter typed and its body rendered.
pub struct Parsed<'s, T> {
    pub front: T,
    pub spans: Spans,
    pub source: &'s Source,
    pub body: Rendered,
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

    /// The file name without `.md`.
    pub fn stem(&self) -> &str {
        let name = self
            .source
            .path
            .rsplit('/')
            .next()
            .unwrap_or(&self.source.path);
        name.strip_suffix(".md").unwrap_or(name)
    }
}

/// Parses and renders every file in parallel; files with errors are left out of the result.
pub fn parse_all<'s, T: DeserializeOwned + Clone + Send + Sync + 'static>(
    sources: &'s [Source],
    what: &str,
    settings: &Settings,
    cache: Option<&Cache>,
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

/// What parsing one file gives: typed front matter (if valid), the rendered body, problems.
type Outcome<T> = (Option<(T, Spans)>, Rendered, Vec<Diagnostic>);

fn parse_one<'s, T: DeserializeOwned + Clone + Send + Sync + 'static>(
    source: &'s Source,
    what: &str,
    settings: &Settings,
    cache: Option<&Cache>,
) -> (Option<Parsed<'s, T>>, Vec<Diagnostic>) {
    let (typed, body, diags): Outcome<T> = match cache {
        Some(c) => c.document(&source.path, &source.text, settings, || {
            compute(source, what, settings)
        }),
        None => compute(source, what, settings),
    };
    let parsed = typed.map(|(front, spans)| Parsed {
        front,
        spans,
        source,
        body,
    });
    (parsed, diags)
}

fn compute<T: DeserializeOwned>(source: &Source, what: &str, settings: &Settings) -> Outcome<T> {
    let empty = || Rendered {
        html: String::new(),
        headings: Vec::new(),
        diagnostics: Vec::new(),
    };
    let fm = match split_front_matter(source) {
        Ok(fm) => fm,
        Err(d) => return (None, empty(), vec![d]),
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
    };
    let body = markdown::render(fm.body, &origin, settings);
    match doc.parse::<T>(what) {
        Ok((front, spans)) => {
            let diags = body.diagnostics.clone();
            (Some((front, spans)), body, diags)
        }
        Err(mut d) => {
            d.extend(body.diagnostics.iter().cloned());
            (None, body, d)
        }
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
