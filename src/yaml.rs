//! The one door to YAML: typed parsing with serde_norway, and a span index from saphyr-parser.
//!
//! serde_norway turns text into the raw types and says where the first mismatch is. It stops
//! there, and it cannot say where a value that parsed fine sits in the file, which later checks
//! (unknown ids, bad references) need. So a first pass with saphyr-parser reads the event stream
//! once to record where each value starts, and to catch what serde would let through or report
//! badly: duplicate keys in any mapping, several documents, and nesting too deep to be content.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, Span};
use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::source::Source;

/// Deeper nesting than this is refused before serde sees it.
const MAX_DEPTH: usize = 48;
/// More aliases than this in one file are refused (they can expand exponentially).
const MAX_ALIASES: usize = 64;
/// Separates a custom error's message from its hint (see [`custom_error`]).
const HINT_MARK: char = '\u{1f}';

/// Where each value of a parsed file starts, by path: `kpis[2].values[0].period`.
#[derive(Default, Debug, Clone)]
pub struct Spans {
    at: HashMap<String, (usize, usize)>,
    /// Scalar values in document order, with their place.
    values: Vec<(String, (usize, usize))>,
}

impl Spans {
    /// `(line, column)`, 1-based and counted from the top of the whole file.
    pub fn get(&self, path: &str) -> Option<(usize, usize)> {
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
    /// A diagnostic at a path of this document, or at its first line if the path is unknown.
    pub fn error_at(&self, spans: &Spans, path: &str, message: impl Into<String>) -> Diagnostic {
        let (line, column) = spans.get(path).unwrap_or((self.line_offset + 1, 1));
        Diagnostic::error(&self.source.path, message).at(&self.source.text, line, column)
    }

    /// Reads the YAML as `T`, or reports every problem found on the way.
    pub fn parse<T: DeserializeOwned + Send>(
        &self,
        what: &str,
    ) -> Result<(T, Spans), Vec<Diagnostic>> {
        if self
            .yaml
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        {
            let line = self.line_offset + 1;
            return Err(vec![
                Diagnostic::error(&self.source.path, format!("this {what} is empty"))
                    .at(&self.source.text, line, 1)
                    .with_hint("see README.md for the fields it needs"),
            ]);
        }
        // The two passes read the same text independently: run them side by side.
        let (spans, value) = rayon::join(|| self.scan(), || serde_norway::from_str::<T>(self.yaml));
        let spans = spans?;
        match value {
            Ok(value) => Ok((value, spans)),
            Err(err) => Err(vec![self.serde_error(&err, &spans)]),
        }
    }

    fn diag(&self, yaml_line: usize, column: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.source.path, message).at(
            &self.source.text,
            yaml_line + self.line_offset,
            column,
        )
    }

    /// The saphyr-parser pass: spans, duplicate keys, documents, depth and aliases.
    fn scan(&self) -> Result<Spans, Vec<Diagnostic>> {
        enum Frame {
            Map {
                path: String,
                keys: HashMap<String, usize>,
                key: Option<String>,
            },
            Seq {
                path: String,
                index: usize,
            },
        }
        fn child_path(frame: &Frame) -> Option<String> {
            match frame {
                Frame::Map {
                    path, key: Some(k), ..
                } if path.is_empty() => Some(k.clone()),
                Frame::Map {
                    path, key: Some(k), ..
                } => Some(format!("{path}.{k}")),
                Frame::Map { key: None, .. } => None,
                Frame::Seq { path, index } => Some(format!("{path}[{index}]")),
            }
        }
        // After a value is complete, the parent moves on to its next key or item.
        fn advance(frame: Option<&mut Frame>) {
            match frame {
                Some(Frame::Map { key, .. }) => *key = None,
                Some(Frame::Seq { index, .. }) => *index += 1,
                None => {}
            }
        }

        let mut spans = Spans::default();
        let mut problems = Vec::new();
        let mut stack: Vec<Frame> = Vec::new();
        let mut documents = 0;
        let mut aliases = 0;
        let mut parser = Parser::new_from_str(self.yaml);
        let place = |span: &Span| (span.start.line(), span.start.col() + 1);
        while let Some(next) = parser.next_event() {
            let (event, span) = match next {
                Ok(pair) => pair,
                Err(e) => {
                    let (line, col) = (e.marker().line(), e.marker().col() + 1);
                    problems.push(
                        self.diag(line, col, format!("this is not valid YAML: {}", e.info()))
                            .with_hint(syntax_hint(self.yaml, line)),
                    );
                    return Err(problems);
                }
            };
            let (line, col) = place(&span);
            let file_place = (line + self.line_offset, col);
            match event {
                Event::DocumentStart(_) => {
                    documents += 1;
                    if documents > 1 {
                        problems.push(
                            self.diag(line, col, "this file holds more than one YAML document")
                                .with_hint("remove the '---' line and merge the documents, or move the second one to its own file"),
                        );
                        return Err(problems);
                    }
                }
                Event::Scalar(..) | Event::Alias(..)
                    if matches!(stack.last(), Some(Frame::Map { key: None, .. })) =>
                {
                    let key = match &event {
                        Event::Scalar(..) => text_of(&event),
                        _ => String::from("*alias"),
                    };
                    if let Some(Frame::Map {
                        keys,
                        key: slot,
                        path,
                    }) = stack.last_mut()
                    {
                        if let Some(first) = keys.get(&key) {
                            problems.push(
                                self.diag(
                                    line,
                                    col,
                                    format!("`{key}` is given twice in the same mapping"),
                                )
                                .with_hint(format!(
                                    "the first `{key}` is on line {}; keep one of them",
                                    first + self.line_offset
                                )),
                            );
                        } else {
                            keys.insert(key.clone(), line);
                        }
                        let full = if path.is_empty() {
                            key.clone()
                        } else {
                            format!("{path}.{key}")
                        };
                        spans.at.insert(format!("{full}#key"), file_place);
                        *slot = Some(key);
                    }
                }
                Event::Scalar(..) | Event::Alias(..) => {
                    if matches!(event, Event::Alias(..)) {
                        aliases += 1;
                        if aliases > MAX_ALIASES {
                            problems.push(
                                self.diag(line, col, format!("this file uses more than {MAX_ALIASES} aliases"))
                                    .with_hint("write the values out in full instead of repeating them with '*' aliases"),
                            );
                            return Err(problems);
                        }
                    }
                    let path = stack.last().map_or(Some(String::new()), child_path);
                    if let Some(path) = path {
                        spans.at.insert(path, file_place);
                    }
                    spans.values.push((text_of(&event), file_place));
                    advance(stack.last_mut());
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    if matches!(stack.last(), Some(Frame::Map { key: None, .. })) {
                        problems.push(
                            self.diag(line, col, "a key here is a list or mapping; keys must be plain words")
                                .with_hint("check the indentation and that the line has the form 'field: value'"),
                        );
                        return Err(problems);
                    }
                    if stack.len() >= MAX_DEPTH {
                        problems.push(
                            self.diag(
                                line,
                                col,
                                format!("this value is nested more than {MAX_DEPTH} levels deep"),
                            )
                            .with_hint(
                                "content files never need such deep nesting; check the indentation",
                            ),
                        );
                        return Err(problems);
                    }
                    let path = stack
                        .last()
                        .map_or(Some(String::new()), child_path)
                        .unwrap_or_default();
                    spans.at.insert(path.clone(), file_place);
                    stack.push(if matches!(event, Event::MappingStart(..)) {
                        Frame::Map {
                            path,
                            keys: HashMap::new(),
                            key: None,
                        }
                    } else {
                        Frame::Seq { path, index: 0 }
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                    advance(stack.last_mut());
                }
                _ => {}
            }
        }
        if problems.is_empty() {
            Ok(spans)
        } else {
            Err(problems)
        }
    }

    /// Turns serde_norway's error into a located diagnostic with plain words and a hint.
    fn serde_error(&self, err: &serde_norway::Error, spans: &Spans) -> Diagnostic {
        let full = err.to_string();
        let cut = ["at line ", " at position "]
            .iter()
            .filter_map(|m| full.find(m))
            .min()
            .unwrap_or(full.len());
        let raw = full[..cut].trim_end_matches([' ', ',']).to_string();
        // Split off serde_norway's `path.to[0].field: ` prefix; the place says it better.
        let (path, raw) = match raw.find(": ") {
            Some(i) if !raw[..i].contains(' ') && !raw.starts_with("invalid") => {
                (raw[..i].to_string(), raw[i + 2..].to_string())
            }
            _ => (String::new(), raw),
        };
        let (line, column) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
        // A value that failed its own check (a period, a date) is placed by the span index,
        // since serde_norway reports the mapping that holds it.
        // serde_norway places it at the top of the file, so find the quoted value instead.
        let quoted = raw
            .strip_prefix('\'')
            .and_then(|r| r.split_once('\''))
            .map(|(v, _)| v);
        let found = spans.get(&path).filter(|_| !path.is_empty()).or_else(|| {
            quoted.and_then(|q| {
                spans
                    .values
                    .iter()
                    .find(|(v, _)| v.trim() == q)
                    .map(|(_, at)| *at)
            })
        });
        let (line, column) = match found {
            Some((l, c)) if raw.contains(HINT_MARK) || raw.starts_with('\'') => {
                (l - self.line_offset, c)
            }
            _ => (line, column),
        };
        let (message, hint) = humanise(&raw);
        let diag = self.diag(line, column, message);
        match hint {
            Some(h) => diag.with_hint(h),
            None => diag,
        }
    }
}

fn text_of(event: &Event<'_>) -> String {
    match event {
        Event::Scalar(text, ..) => text.to_string(),
        _ => String::new(),
    }
}

fn syntax_hint(yaml: &str, line: usize) -> String {
    let text = yaml.lines().nth(line.saturating_sub(1)).unwrap_or("");
    if text.contains('\t') {
        "YAML does not allow tabs for indentation; indent with spaces".into()
    } else {
        "check the indentation, and put quotes around text that contains ': ' or starts with a symbol".into()
    }
}

/// serde's wording, rewritten for people who are not programmers.
fn humanise(raw: &str) -> (String, Option<String>) {
    if let Some(i) = raw.find(HINT_MARK) {
        return (
            raw[..i].to_string(),
            Some(raw[i + HINT_MARK.len_utf8()..].to_string()),
        );
    }
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let (name, expected) = split_expected(rest);
        return (
            format!("unknown field `{name}`"),
            Some(suggest(name, &expected, "the fields allowed here are")),
        );
    }
    if let Some(rest) = raw.strip_prefix("unknown variant `") {
        let (name, expected) = split_expected(rest);
        return (
            format!("`{name}` is not one of the allowed values"),
            Some(suggest(name, &expected, "the allowed values are")),
        );
    }
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let name = rest.trim_end_matches('`');
        return (
            format!("missing field `{name}`"),
            Some(format!("add a line `{name}: ...` to this mapping")),
        );
    }
    if let Some(rest) = raw.strip_prefix("duplicate field `") {
        let name = rest.trim_end_matches('`');
        return (
            format!("`{name}` is given twice"),
            Some("keep one of them".into()),
        );
    }
    if let Some(rest) = raw
        .strip_prefix("invalid type: ")
        .or_else(|| raw.strip_prefix("invalid value: "))
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return (
            format!(
                "expected {}, found {}",
                plain_type(expected),
                plain_found(found)
            ),
            type_hint(expected),
        );
    }
    if raw.contains("repetition limit exceeded") {
        return (
            "this file expands its aliases too many times".into(),
            Some("write the values out in full instead of repeating them with '*' aliases".into()),
        );
    }
    if raw.contains("recursion limit exceeded") {
        return (
            "this file is nested too deeply".into(),
            Some("check the indentation".into()),
        );
    }
    if raw.contains("unknown anchor") {
        return (
            "this alias names an anchor that does not exist".into(),
            Some("define it with '&name' before using '*name'".into()),
        );
    }
    (raw.to_string(), None)
}

fn split_expected(rest: &str) -> (&str, Vec<&str>) {
    let (name, tail) = rest.split_once('`').unwrap_or((rest, ""));
    let expected = tail.split('`').skip(1).step_by(2).collect();
    (name, expected)
}

fn suggest(name: &str, expected: &[&str], lead: &str) -> String {
    match did_you_mean(name, expected.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None if expected.is_empty() => "this mapping takes no fields".into(),
        None => format!("{lead}: {}", expected.join(", ")),
    }
}

fn plain_type(expected: &str) -> String {
    let t = expected.trim();
    match t {
        "u64" | "u32" | "usize" => "a whole number, 0 or more".into(),
        "i64" | "i32" => "a whole number".into(),
        "f64" | "f32" => "a number".into(),
        "a boolean" => "true or false".into(),
        "a string" => "text".into(),
        "a sequence" => "a list".into(),
        "a map" => "a mapping of fields".into(),
        _ if t.starts_with("struct ") => "a mapping of fields".into(),
        _ if t.starts_with("enum ") => "one of the allowed words".into(),
        _ => t.to_string(),
    }
}

fn plain_found(found: &str) -> String {
    if let Some(s) = found.strip_prefix("string ") {
        return format!("the text {s}");
    }
    for (prefix, what) in [
        ("integer ", "the number "),
        ("floating point ", "the number "),
    ] {
        if let Some(n) = found.strip_prefix(prefix) {
            return format!("{what}{}", n.trim_matches('`'));
        }
    }
    match found {
        "sequence" => "a list".into(),
        "map" => "a mapping".into(),
        "unit value" => "nothing (an empty value)".into(),
        other => other.to_string(),
    }
}

fn type_hint(expected: &str) -> Option<String> {
    match expected.trim() {
        "u64" | "u32" | "usize" => {
            Some("counts are whole numbers like 0, 3 or 11, without quotes".into())
        }
        "a sequence" => Some("write each item on its own line starting with '- '".into()),
        "a string" => Some("put the text in quotes if it looks like a number or a date".into()),
        t if t.starts_with("struct ") || t == "a map" => {
            Some("indent the fields below this key, one 'field: value' per line".into())
        }
        _ => None,
    }
}

/// Reads any scalar as text, so a period written as `2019` reaches the period check.
pub fn scalar_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    struct Text;
    impl serde::de::Visitor<'_> for Text {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("text")
        }
        fn visit_str<E>(self, v: &str) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_i64<E>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_u64<E>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E>(self, v: f64) -> Result<String, E> {
            Ok(v.to_string())
        }
    }
    d.deserialize_str(Text)
}

/// A deserialisation error with a hint, split apart again by the diagnostic.
pub fn custom_error<E: serde::de::Error>(message: &str) -> E {
    match message.split_once("; ") {
        Some((m, h)) => E::custom(format!("{m}{HINT_MARK}{h}")),
        None => E::custom(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Thing {
        title: String,
        count: u64,
        #[serde(default)]
        tags: Vec<String>,
    }

    fn parse(yaml: &str) -> Result<(Thing, Spans), Vec<Diagnostic>> {
        let source = Source {
            path: "t.yaml".into(),
            text: yaml.into(),
        };
        Document {
            source: &source,
            yaml,
            line_offset: 0,
        }
        .parse("file")
    }

    #[test]
    fn records_spans_of_values_and_keys() {
        let (_, spans) = parse("title: x\ncount: 3\ntags:\n  - a\n  - b\n").unwrap();
        assert_eq!(spans.get("count"), Some((2, 8)));
        assert_eq!(spans.get("tags[1]"), Some((5, 5)));
        assert_eq!(spans.get("tags#key"), Some((3, 1)));
    }

    #[test]
    fn duplicate_key_points_at_the_second() {
        let errs = parse("title: x\ncount: 3\ntitle: y\n").unwrap_err();
        assert_eq!((errs[0].line, errs[0].column), (3, 1));
        assert!(errs[0].message.contains("twice"));
    }

    #[test]
    fn unknown_field_suggests() {
        let errs = parse("titel: x\ncount: 3\n").unwrap_err();
        assert_eq!(errs[0].message, "unknown field `titel`");
        assert_eq!(errs[0].hint.as_deref(), Some("did you mean `title`?"));
        assert_eq!(errs[0].line, 1);
    }

    #[test]
    fn negative_count_is_explained() {
        let errs = parse("title: x\ncount: -2\n").unwrap_err();
        assert!(
            errs[0].message.contains("whole number, 0 or more"),
            "{}",
            errs[0].message
        );
        assert_eq!(errs[0].line, 2);
    }

    #[test]
    fn hostile_inputs_are_diagnostics() {
        let bomb = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n";
        assert!(parse(bomb).is_err());
        assert!(
            parse("title: x\n---\ntitle: y\n").unwrap_err()[0]
                .message
                .contains("more than one")
        );
        assert!(parse("title: x\n\tcount: 3\n").is_err());
        assert!(parse(&"[".repeat(500)).is_err());
        assert!(parse("").unwrap_err()[0].message.contains("empty"));
    }
}
