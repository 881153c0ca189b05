//! The one door to YAML: typed parsing with serde_norway, and a span index from saphyr-parser.
//!
//! serde_norway turns text into the raw types and says where the first mismatch is. It stops
//! there, and it cannot say where a value that parsed fine sits in the file, which later checks
//! (unknown ids, bad references) need. So a first pass with saphyr-parser reads the event stream
//! once to record where each value starts, and to catch what serde would let through or report
//! badly: duplicate keys in any mapping, several documents, and nesting too deep to be content.
//!
//! `scan` is that pass; `syntax` places a syntax error at the mistake rather than where the
//! parser gave up; `types` finds every type problem, one per record, and places each at its
//! value; `words` rewrites serde's wording for people.

mod scan;
mod syntax;
mod types;
mod words;

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::de::DeserializeOwned;

use crate::diagnostic::Diagnostic;
use crate::source::Source;
use crate::source::fields;

/// Where each value of a parsed file starts, by path: `kpis[2].values[0].period`; a key's
/// own place is at `path#key`.
#[derive(Default, Debug, Clone)]
pub struct Spans {
    pub(super) at: HashMap<String, Place>,
}

/// A place in a file: 1-based line and column (in characters), and how many characters the
/// value takes on its first line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    pub width: usize,
}

impl Spans {
    /// `(line, column)`, 1-based and counted from the top of the whole file.
    pub fn get(&self, path: &str) -> Option<(usize, usize)> {
        self.at.get(path).map(|p| (p.line, p.column))
    }

    /// The place of the value at `path`, with its width.
    pub fn place(&self, path: &str) -> Option<Place> {
        self.at.get(path).copied()
    }
}

/// A file's YAML, ready to be read as some type.
pub struct Document<'a> {
    pub source: &'a Source,
    pub yaml: &'a str,
    /// Lines in the file before the YAML (front matter starts after one `---` line).
    pub line_offset: usize,
}

impl Document<'_> {
    /// A diagnostic at a path of this document (the value, or the key with `path#key`),
    /// underlining the whole value; at the document's first line if the path is unknown.
    pub fn error_at(&self, spans: &Spans, path: &str, message: impl Into<String>) -> Diagnostic {
        self.place(spans, path, Diagnostic::error(&self.source.path, message))
    }

    /// A warning at the value `path` names, as [`Document::error_at`] places an error.
    pub fn warning_at(&self, spans: &Spans, path: &str, message: impl Into<String>) -> Diagnostic {
        self.place(spans, path, Diagnostic::warning(&self.source.path, message))
    }

    fn place(&self, spans: &Spans, path: &str, d: Diagnostic) -> Diagnostic {
        match spans.place(path) {
            Some(p) => d
                .at(&self.source.text, p.line, p.column)
                .with_width(p.width),
            None => d.at(&self.source.text, self.line_offset + 1, 1),
        }
    }

    /// Reads the YAML as `T`, or reports every problem found on the way: every syntax
    /// problem the scan finds, and the first type problem in each record of a list.
    pub fn parse<T: DeserializeOwned + JsonSchema + Send>(
        &self,
        what: &str,
    ) -> Result<(T, Spans), Vec<Diagnostic>> {
        if self
            .yaml
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        {
            let line = self.line_offset + 1;
            let needs = fields::required(&fields::schema::<T>(), "");
            let hint = if needs.is_empty() {
                "add the fields this file needs, one `field: value` per line".to_string()
            } else {
                format!(
                    "it needs at least {}, one `field: value` per line",
                    fields::list(&needs)
                )
            };
            return Err(vec![
                Diagnostic::error(&self.source.path, format!("this {what} is empty"))
                    .at(&self.source.text, line, 1)
                    .with_hint(hint),
            ]);
        }
        // The two passes read the same text independently: run them side by side.
        let (spans, value) = rayon::join(|| self.scan(), || serde_norway::from_str::<T>(self.yaml));
        let spans = spans?;
        match value {
            Ok(value) => Ok((value, spans)),
            Err(err) => Err(self.type_errors::<T>(&err, &spans)),
        }
    }

    pub(super) fn diag(
        &self,
        yaml_line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::error(&self.source.path, message).at(
            &self.source.text,
            yaml_line + self.line_offset,
            column,
        )
    }
}

#[cfg(test)]
mod tests;
