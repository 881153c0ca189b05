//! A data file being checked: problems at YAML paths, ids, periods, references.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::period::Period;
use crate::scheme::check_url;
use crate::source::yaml::{Document, Spans};

/// A data file being checked: reports problems at YAML paths.
pub struct Checker<'a> {
    pub doc: Document<'a>,
    pub spans: Spans,
    pub problems: Vec<Diagnostic>,
    /// The month the site's reporting year starts: periods are written to match it.
    pub year_starts: u32,
}

impl Checker<'_> {
    pub fn error(&mut self, path: &str, message: impl Into<String>, hint: Option<String>) {
        let d = self.doc.error_at(&self.spans, path, message);
        self.problems.push(match hint {
            Some(h) => d.with_hint(h),
            None => d,
        });
    }

    pub fn warn(&mut self, path: &str, message: impl Into<String>, hint: impl Into<String>) {
        let d = self
            .doc
            .error_at(&self.spans, path, message)
            .with_hint(hint);
        self.problems.push(Diagnostic {
            severity: Severity::Warning,
            ..d
        });
    }

    /// Errors for each name in the `illustrative` list at `path` that is not one of `allowed`.
    pub fn marks(&mut self, path: &str, mark: &crate::model::Illustrative, allowed: &[&str]) {
        for (i, name) in mark.unknown(allowed) {
            self.error(
                &format!("{path}[{i}]"),
                format!("'{name}' is not a field that can be marked illustrative here"),
                Some(crate::check::marks_hint(name, allowed)),
            );
        }
        for (i, name) in mark.repeated() {
            self.error(
                &format!("{path}[{i}]"),
                format!("'{name}' is already in this list"),
                Some("name each field once".to_string()),
            );
        }
    }

    /// A record's `aspect` at `path` checked against the aspects site.yaml declares
    /// (`known`: id, title); the aspect's title when it is one of them.
    pub fn aspect(
        &mut self,
        path: &str,
        aspect: Option<&String>,
        known: Option<&Vec<(String, String)>>,
    ) -> Option<String> {
        let id = aspect?;
        let known = known?;
        if let Some((_, title)) = known.iter().find(|(k, _)| k == id) {
            return Some(title.clone());
        }
        let hint = if known.is_empty() {
            "site.yaml declares no aspects: declare the body's own headings under `aspects:` there, or leave `aspect` out".to_string()
        } else {
            match crate::diagnostic::did_you_mean(id, known.iter().map(|(k, _)| k.as_str())) {
                Some(best) => format!("did you mean '{best}'?"),
                None => format!(
                    "the aspects site.yaml declares are: {}",
                    known
                        .iter()
                        .map(|(k, _)| k.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        };
        self.error(path, format!("there is no aspect '{id}'"), Some(hint));
        None
    }

    pub fn line_of(&self, path: &str) -> usize {
        self.spans.get(path).map_or(0, |(l, _)| l)
    }

    /// Ids: present, well formed and unique within `list`.
    pub fn ids<'i>(&mut self, list: &str, ids: impl Iterator<Item = &'i str>) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.enumerate() {
            let path = format!("{list}[{i}].id");
            if !id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                || id.is_empty()
            {
                self.error(
                    &path,
                    format!("'{id}' is not a usable id"),
                    Some("ids use letters, digits, '-' and '_' only, such as stpo-granted".into()),
                );
            }
            if let Some(first) = seen.get(id) {
                let line = self.line_of(&format!("{list}[{first}].id"));
                self.error(
                    &path,
                    format!("the id '{id}' is used twice"),
                    Some(format!(
                        "the first is on line {line}; ids must be unique in a file"
                    )),
                );
            } else {
                seen.insert(id, i);
            }
        }
    }

    /// Each period at most once in a list of per-period records.
    pub fn periods(&mut self, list: &str, periods: impl Iterator<Item = Period>) {
        let mut seen: HashMap<Period, usize> = HashMap::new();
        for (i, p) in periods.enumerate() {
            let path = format!("{list}[{i}].period");
            if let Some((message, hint)) = p.wrong_form(self.year_starts) {
                self.error(&path, message, Some(hint));
            }
            if let Some(first) = seen.get(&p) {
                let line = self.line_of(&format!("{list}[{first}].period"));
                self.error(
                    &path,
                    format!("{p} is given twice"),
                    Some(format!(
                        "the first is on line {line}; give one entry per period"
                    )),
                );
            } else {
                seen.insert(p, i);
            }
        }
    }

    pub fn url(&mut self, path: &str, url: Option<&String>) {
        if let Some(url) = url
            && let Err(why) = check_url(url)
        {
            self.error(path, why, Some("use an https:// address".into()));
        }
    }
}
