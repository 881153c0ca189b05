//! Type problems: serde stops at the first, so the file is read again as plain YAML and
//! checked record by record with serde_path_to_error, each problem placed at its value (its
//! key for an unknown field, its mapping for a missing one).

use schemars::JsonSchema;
use serde::de::DeserializeOwned;

use super::words::humanise;
use super::{Document, Place, Spans};
use crate::diagnostic::Diagnostic;
use crate::source::fields;

/// Per file, type errors in more records than this are not listed one by one.
const MAX_TYPE_ERRORS: usize = 25;

impl Document<'_> {
    /// Every type problem serde finds, one per record: serde stops at the first, so the
    /// file is read again as plain YAML and checked record by record, each record with a
    /// problem set aside so the next one's problem shows.
    pub(super) fn type_errors<T: DeserializeOwned + JsonSchema>(
        &self,
        first: &serde_norway::Error,
        spans: &Spans,
    ) -> Vec<Diagnostic> {
        let Ok(mut value) = serde_norway::from_str::<serde_norway::Value>(self.yaml) else {
            return vec![self.serde_error(first, spans)];
        };
        let schema = fields::schema::<T>();
        let mut problems = Vec::new();
        // Records set aside, by the path of their list (original indices) and index.
        let mut removed: Vec<(String, usize)> = Vec::new();
        // Mappings an unknown field was set aside from, by path.
        let mut unknown_in: Vec<String> = Vec::new();
        for _ in 0..MAX_TYPE_ERRORS {
            let err = match serde_path_to_error::deserialize::<_, T>(value.clone()) {
                Ok(_) => break,
                Err(err) => err,
            };
            let segments: Vec<Segment> = err.path().iter().map(Segment::from).collect();
            let (path, seq_at) = original_path(&segments, &removed);
            let raw = err.inner().to_string();
            // A field missing from a mapping whose unknown field was set aside is most likely
            // that field misspelt: said once, as the unknown one.
            if raw.starts_with("missing field") && unknown_in.contains(&path) {
                break;
            }
            problems.push(self.located(&raw, &path, spans, Some(&schema)));
            // Set aside the innermost record holding the problem; outside any list, the
            // field itself when it may be left out; or stop.
            let Some((list_path, original, current)) = seq_at else {
                let parent = path.rsplit_once('.').map_or("", |(p, _)| p);
                let optional = match segments.last() {
                    Some(Segment::Key(key)) if !raw.starts_with("missing field") => {
                        !fields::required(&schema, parent).contains(key)
                    }
                    _ => false,
                };
                if optional && remove_key(&mut value, &segments) {
                    if raw.starts_with("unknown field") {
                        unknown_in.push(parent.to_string());
                    }
                    continue;
                }
                break;
            };
            if !remove(&mut value, &segments, current) {
                break;
            }
            removed.push((list_path, original));
        }
        if problems.is_empty() {
            problems.push(self.serde_error(first, spans));
        }
        problems
    }

    /// A serde message about the value at `path`, placed at that value (or at its key for
    /// an unknown field, or at the mapping for a missing one).
    fn located(
        &self,
        raw: &str,
        path: &str,
        spans: &Spans,
        schema: Option<&serde_json::Value>,
    ) -> Diagnostic {
        let (message, mut hint) = humanise(raw);
        if let (Some(name), Some(schema)) = (raw.strip_prefix("missing field `"), schema) {
            let name = name.trim_end_matches('`');
            hint = Some(fields::missing_hint(schema, path, name));
        }
        let at = if raw.starts_with("unknown field") {
            format!("{path}#key")
        } else {
            path.to_string()
        };
        let place = spans
            .place(&at)
            .or_else(|| spans.place(path))
            .or_else(|| parent_place(spans, path));
        let mut d = match place {
            Some(p) => Diagnostic::error(&self.source.path, message)
                .at(&self.source.text, p.line, p.column)
                .with_width(p.width),
            None => self.diag(1, 1, message),
        };
        if let Some(h) = hint {
            d = d.with_hint(h);
        }
        d
    }

    /// Turns serde_norway's own error into a located diagnostic (when the plain-YAML
    /// reading cannot be used).
    fn serde_error(&self, err: &serde_norway::Error, spans: &Spans) -> Diagnostic {
        let full = err.to_string();
        let cut = ["at line ", " at position "]
            .iter()
            .filter_map(|m| full.find(m))
            .min()
            .unwrap_or(full.len());
        let raw = full[..cut].trim_end_matches([' ', ',']).to_string();
        let (path, raw) = match raw.find(": ") {
            Some(i) if !raw[..i].contains(' ') && !raw.starts_with("invalid") => {
                (raw[..i].to_string(), raw[i + 2..].to_string())
            }
            _ => (String::new(), raw),
        };
        if !path.is_empty() && spans.place(&path).is_some() {
            return self.located(&raw, &path, spans, None);
        }
        let (line, column) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
        let (message, hint) = humanise(&raw);
        let diag = self.diag(line, column, message);
        match hint {
            Some(h) => diag.with_hint(h),
            None => diag,
        }
    }
}

/// One step of a path into a YAML value.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
    Other,
}

impl From<&serde_path_to_error::Segment> for Segment {
    fn from(s: &serde_path_to_error::Segment) -> Segment {
        match s {
            serde_path_to_error::Segment::Seq { index } => Segment::Index(*index),
            serde_path_to_error::Segment::Map { key } => Segment::Key(key.clone()),
            _ => Segment::Other,
        }
    }
}

/// The span-index path (`kpis[2].values[0]`) of `segments`, whose list indices count the
/// records still present, in the original file's indices; and for the innermost list on
/// the way, its path, the record's original index and its current one.
fn original_path(
    segments: &[Segment],
    removed: &[(String, usize)],
) -> (String, Option<(String, usize, usize)>) {
    let mut path = String::new();
    let mut innermost = None;
    for s in segments {
        match s {
            Segment::Key(k) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Segment::Index(current) => {
                let gone: Vec<usize> = removed
                    .iter()
                    .filter(|(list, _)| *list == path)
                    .map(|(_, i)| *i)
                    .collect();
                // The current-th index that was not set aside.
                let original = (0..)
                    .filter(|i| !gone.contains(i))
                    .nth(*current)
                    .unwrap_or(*current);
                innermost = Some((path.clone(), original, *current));
                path.push_str(&format!("[{original}]"));
            }
            Segment::Other => {}
        }
    }
    (path, innermost)
}

/// The value `segments` lead to in `value`, through mappings, lists and tags; `None` when
/// the path is not there.
fn follow<'v>(
    value: &'v mut serde_norway::Value,
    segments: &[Segment],
) -> Option<&'v mut serde_norway::Value> {
    let mut at = value;
    for s in segments {
        at = match (s, at) {
            (Segment::Key(k), serde_norway::Value::Mapping(m)) => m.get_mut(k.as_str())?,
            (Segment::Index(i), serde_norway::Value::Sequence(list)) => list.get_mut(*i)?,
            (_, serde_norway::Value::Tagged(t)) => &mut t.value,
            _ => return None,
        };
    }
    Some(at)
}

/// Takes the field the last of `segments` names out of its mapping: false when the path is
/// not there.
fn remove_key(value: &mut serde_norway::Value, segments: &[Segment]) -> bool {
    let Some((Segment::Key(key), parents)) = segments.split_last() else {
        return false;
    };
    match follow(value, parents) {
        // In place: the fields after it keep their order, so problems are said top down.
        Some(serde_norway::Value::Mapping(m)) => m.shift_remove(key.as_str()).is_some(),
        _ => false,
    }
}

/// Removes from `value` the innermost list item on `segments`' way (its current index is
/// `index`). False when the path cannot be followed.
fn remove(value: &mut serde_norway::Value, segments: &[Segment], index: usize) -> bool {
    let Some(last) = segments
        .iter()
        .rposition(|s| matches!(s, Segment::Index(_)))
    else {
        return false;
    };
    match follow(value, &segments[..last]) {
        Some(serde_norway::Value::Sequence(list)) if index < list.len() => {
            list.remove(index);
            true
        }
        _ => false,
    }
}

/// The place of the nearest enclosing value that has one.
fn parent_place(spans: &Spans, path: &str) -> Option<Place> {
    let mut p = path;
    while let Some(i) = p.rfind(['.', '[']) {
        p = &p[..i];
        if let Some(place) = spans.place(p) {
            return Some(place);
        }
    }
    None
}
