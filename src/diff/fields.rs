//! The text of a file as a translator sees it: each text field, named as `check` names one
//! not yet translated (`kpis.code-of-practice.values[2022/23].summary`,
//! `accessibility.non_accessible[1].issue`), and a Markdown body's sections, matched by
//! heading position as `check::translation_body` matches a translation's to its original's.
//!
//! The names follow `check::translate::overlay`: a mapping's keys joined by `.`; a list of
//! records by each record's `id` (`.ID`) when every record has one, else by `period`
//! (`[2022/23]`, as the original writes it), else by place from 1 (`[1]`); a list of text
//! by place. A string is text when its key is one of the file's text keys, or anywhere under
//! one of its text mappings.

use comrak::nodes::NodeValue;
use comrak::{Arena, parse_document};
use serde_json::{Map, Value};

/// One text of a file.
#[derive(Debug)]
pub(super) struct Field {
    /// Where it is, as `check` names it: `kpis.code-of-practice.values[2022/23].summary`.
    pub path: String,
    pub text: String,
    /// The record of a top-level list it belongs to; `None` for text outside such a list
    /// (`charter.title`).
    pub record: Option<Record>,
}

/// A record of a top-level list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Record {
    /// The list's key: `kpis`.
    pub list: String,
    /// The record's id, period or place from 1: `code-of-practice`, `2019/20`, `2`.
    pub key: String,
    /// Where it is, as its fields' paths start: `kpis.code-of-practice`, `orders[2019/20]`.
    pub path: String,
}

/// What counts as text in one kind of file (`check::translate`'s `*_TEXT` and
/// `*_TEXT_UNDER`).
#[derive(Clone, Copy)]
pub(super) struct TextKeys<'a> {
    pub keys: &'a [&'a str],
    pub under: &'a [&'a str],
}

/// Every text of `value` (a file's mapping): a mapping's by key (serde_json's maps are
/// sorted), a list's in its order.
pub(super) fn fields(value: &Value, text: TextKeys<'_>) -> Vec<Field> {
    let mut out = Vec::new();
    if let Value::Object(map) = value {
        mapping(map, "", false, None, text, &mut out);
    }
    out
}

fn join(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_string()
    } else {
        format!("{base}.{key}")
    }
}

fn mapping(
    map: &Map<String, Value>,
    shown: &str,
    under: bool,
    record: Option<&Record>,
    text: TextKeys<'_>,
    out: &mut Vec<Field>,
) {
    for (key, value) in map {
        let under = under || text.under.contains(&key.as_str());
        let here = join(shown, key);
        match value {
            Value::String(s) if under || text.keys.contains(&key.as_str()) => out.push(Field {
                path: here,
                text: s.clone(),
                record: record.cloned(),
            }),
            Value::Object(m) => mapping(m, &here, under, record, text, out),
            Value::Array(items) => list(items, &here, key, under, record, text, out),
            _ => {}
        }
    }
}

fn list(
    items: &[Value],
    shown: &str,
    key: &str,
    under: bool,
    record: Option<&Record>,
    text: TextKeys<'_>,
    out: &mut Vec<Field>,
) {
    let by = |field: &str| {
        !items.is_empty()
            && items
                .iter()
                .all(|i| i.get(field).is_some_and(Value::is_string))
    };
    let field = if by("id") {
        Some("id")
    } else if by("period") {
        Some("period")
    } else {
        None
    };
    for (n, item) in items.iter().enumerate() {
        let (name, here) = match field {
            Some(f) => {
                let name = item.get(f).and_then(Value::as_str).unwrap_or_default();
                let here = if f == "id" {
                    format!("{shown}.{name}")
                } else {
                    format!("{shown}[{name}]")
                };
                (name.to_string(), here)
            }
            None => ((n + 1).to_string(), format!("{shown}[{}]", n + 1)),
        };
        let mine = Record {
            list: key.to_string(),
            key: name,
            path: here.clone(),
        };
        let record = record.or(Some(&mine));
        match item {
            Value::Object(m) => mapping(m, &here, under, record, text, out),
            Value::String(s) if under || text.keys.contains(&key) => out.push(Field {
                path: here,
                text: s.clone(),
                record: record.cloned(),
            }),
            _ => {}
        }
    }
}

/// A section of a Markdown body: the text under a heading, up to the next heading of any
/// level, with its heading; the first is the text before any heading.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Section {
    /// The heading's text, `#` marks taken off; `None` for the text before the first heading.
    pub heading: Option<String>,
    /// The section's words, heading included, one space between each: a change of spacing
    /// alone is no change.
    pub words: String,
}

/// The sections of a Markdown body (`body`), in order, the first being the text before the
/// first heading (empty when it starts with one).
pub(super) fn sections(body: &str) -> Vec<Section> {
    let arena = Arena::new();
    let root = parse_document(&arena, body, &crate::markdown::options(false));
    // Each heading's first line (1-based).
    let heads: Vec<usize> = root
        .children()
        .filter_map(|n| {
            let data = n.data();
            matches!(data.value, NodeValue::Heading(_)).then_some(data.sourcepos.start.line)
        })
        .collect();
    let lines: Vec<&str> = body.lines().collect();
    let words = |from: usize, to: usize| {
        lines[from.min(lines.len())..to.min(lines.len())]
            .iter()
            .flat_map(|l| l.split_whitespace())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out = Vec::with_capacity(heads.len() + 1);
    let first = heads.first().map_or(lines.len(), |start| start - 1);
    out.push(Section {
        heading: None,
        words: words(0, first),
    });
    for (i, &start) in heads.iter().enumerate() {
        let end = heads.get(i + 1).map_or(lines.len(), |next| next - 1);
        // An ATX heading's text without its `#` marks; a setext heading's first line.
        let line = lines.get(start - 1).copied().unwrap_or_default().trim();
        let heading = if line.starts_with('#') {
            line.trim_start_matches('#')
                .trim_end()
                .trim_end_matches('#')
                .trim()
        } else {
            line
        };
        out.push(Section {
            heading: Some(heading.to_string()),
            words: words(start - 1, end),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_named_by_id_then_period_then_place() {
        let value: Value = serde_norway::from_str(
            "kpis:\n  - id: a\n    title: A\n    kind: percent\n    values:\n      - period: 2022/23\n        value: 4\n        summary: S\n    audience: [x, y]\nsigned_by:\n  - role: R\n",
        )
        .unwrap();
        let keys = TextKeys {
            keys: &["title", "summary", "audience", "role"],
            under: &[],
        };
        // path = text, then the record: its list, key and path.
        let got: Vec<String> = fields(&value, keys)
            .into_iter()
            .map(|f| {
                let r = f.record.unwrap();
                format!("{} = {} in {} {} {}", f.path, f.text, r.list, r.key, r.path)
            })
            .collect();
        assert_eq!(
            got,
            [
                "kpis.a.audience[1] = x in kpis a kpis.a",
                "kpis.a.audience[2] = y in kpis a kpis.a",
                "kpis.a.title = A in kpis a kpis.a",
                "kpis.a.values[2022/23].summary = S in kpis a kpis.a",
                "signed_by[1].role = R in signed_by 1 signed_by[1]",
            ]
        );
    }

    #[test]
    fn sections_are_split_at_every_heading() {
        let got = sections("Opening\ntext.\n\n## One ##\n\nA  b.\n\nTwo\n---\n\nC.\n");
        let shown: Vec<(Option<&str>, &str)> = got
            .iter()
            .map(|s| (s.heading.as_deref(), s.words.as_str()))
            .collect();
        assert_eq!(
            shown,
            vec![
                (None, "Opening text."),
                (Some("One"), "## One ## A b."),
                (Some("Two"), "Two --- C."),
            ]
        );
        assert_eq!(sections("## A\n")[0].words, "");
    }
}
