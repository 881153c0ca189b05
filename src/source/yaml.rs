//! The one door to YAML: typed parsing with serde_norway, and a span index from saphyr-parser.
//!
//! serde_norway turns text into the raw types and says where the first mismatch is. It stops
//! there, and it cannot say where a value that parsed fine sits in the file, which later checks
//! (unknown ids, bad references) need. So a first pass with saphyr-parser reads the event stream
//! once to record where each value starts, and to catch what serde would let through or report
//! badly: duplicate keys in any mapping, several documents, and nesting too deep to be content.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, Span};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::lookalike;
use crate::model::scalar::HINT_MARK;
use crate::source::Source;
use crate::source::fields;

/// Deeper nesting than this is refused before serde sees it.
const MAX_DEPTH: usize = 48;
/// More aliases than this in one file are refused (they can expand exponentially).
const MAX_ALIASES: usize = 64;

/// Where each value of a parsed file starts, by path: `kpis[2].values[0].period`; a key's
/// own place is at `path#key`.
#[derive(Default, Debug, Clone)]
pub struct Spans {
    at: HashMap<String, Place>,
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

/// Per file, type errors in more records than this are not listed one by one.
const MAX_TYPE_ERRORS: usize = 25;

impl Document<'_> {
    /// A diagnostic at a path of this document (the value, or the key with `path#key`),
    /// underlining the whole value; at the document's first line if the path is unknown.
    pub fn error_at(&self, spans: &Spans, path: &str, message: impl Into<String>) -> Diagnostic {
        match spans.place(path) {
            Some(p) => Diagnostic::error(&self.source.path, message)
                .at(&self.source.text, p.line, p.column)
                .with_width(p.width),
            None => Diagnostic::error(&self.source.path, message).at(
                &self.source.text,
                self.line_offset + 1,
                1,
            ),
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
        let place = |span: &Span| {
            let width = if span.end.line() == span.start.line() {
                span.end.col().saturating_sub(span.start.col())
            } else {
                0
            };
            Place {
                line: span.start.line() + self.line_offset,
                column: span.start.col() + 1,
                width: width.max(1),
            }
        };
        while let Some(next) = parser.next_event() {
            let (event, span) = match next {
                Ok(pair) => pair,
                Err(e) => {
                    let (line, col) = (e.marker().line(), e.marker().col() + 1);
                    problems.push(self.syntax_error(line, col, e.info()));
                    return Err(problems);
                }
            };
            let (line, col) = (span.start.line(), span.start.col() + 1);
            let file_place = place(&span);
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
                    spans.at.insert(
                        path.clone(),
                        Place {
                            width: 1,
                            ..file_place
                        },
                    );
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

    /// A YAML syntax error, placed at the mistake rather than where the parser gave up:
    /// a tab or an invisible character in the indentation, a missing `:` on an earlier
    /// line, a value opened with curly quotes. `line` is 1-based within the YAML.
    fn syntax_error(&self, line: usize, column: usize, info: &str) -> Diagnostic {
        let lines: Vec<&str> = self.yaml.lines().collect();
        let text = |n: usize| lines.get(n.wrapping_sub(1)).copied().unwrap_or("");
        // Lines the mistake may be on: the parser stops at most a few lines after it.
        let from = line.saturating_sub(3).max(1);
        let near = (from..=line.min(lines.len()).max(from)).rev();
        for n in near.clone() {
            let l = text(n);
            let indent: String = l
                .chars()
                .take_while(|c| c.is_whitespace() || lookalike::lookalike(*c).is_some())
                .collect();
            if let Some(i) = indent.chars().position(|c| c == '\t') {
                return self
                    .diag(n, i + 1, "a tab is used to indent this line")
                    .with_hint("YAML indents with spaces only: replace the tab with spaces");
            }
            if let Some((i, odd)) = lookalike::first(&indent) {
                return self
                    .diag(n, i + 1, format!("this line is indented with {}", odd.name))
                    .with_hint(format!("replace it with {}", odd.instead));
            }
            // `title:` followed by a non-breaking space, or a key with a zero-width space.
            if let Some(colon) = key_colon(l) {
                let after = l[colon + 1..].chars().next();
                if let Some(odd) = after.and_then(lookalike::lookalike) {
                    let col = l[..=colon].chars().count() + 1;
                    return self
                        .diag(
                            n,
                            col,
                            format!("`{}` is followed by {}", l[..=colon].trim(), odd.name),
                        )
                        .with_hint(format!(
                            "YAML needs an ordinary space after the ':'; type {}",
                            odd.instead
                        ));
                }
            }
        }
        // A bracket or quote opened and never closed: the parser reads on until it fails.
        for n in (1..=line.min(lines.len())).rev().take(6) {
            let rest = lines[n.min(lines.len())..line.min(lines.len())].join("\n");
            if let Some((col, what)) = unclosed(text(n), &rest) {
                return self
                    .diag(n, col, format!("this {what} is never closed"))
                    .with_width(1)
                    .with_hint(match what {
                        "quote" => {
                            "close the quote at the end of the text, or remove it".to_string()
                        }
                        _ => "close it, or remove it if the value is plain text".to_string(),
                    });
            }
        }
        // A value opened with a curly quote is not quoted, so a ': ' in it breaks the line.
        let l = text(line);
        if let Some(colon) = key_colon(l) {
            let value = l[colon + 1..].trim_start();
            if value.starts_with(['\u{201c}', '\u{2018}']) {
                let col = l.len() - value.len();
                return self
                    .diag(line, l[..col].chars().count() + 1, "this value starts with a curly quote, which YAML does not read as a quote")
                    .with_hint("type straight quotes around the text: \"like this\" (word processors turn them curly; turn off smart quotes, or retype them)");
            }
        }
        // A `field value` line with no colon, just before where the parser stopped.
        if info.contains("expect ':'") || info.contains("mapping values are not allowed") {
            let error_indent = indent_of(text(line));
            if let Some(n) = (1..line)
                .rev()
                .find(|&n| !text(n).trim().is_empty() && !text(n).trim_start().starts_with('#'))
            {
                let l = text(n);
                let body = l.trim_start().trim_start_matches("- ");
                let body_indent = l.len() - body.len();
                let looks_like_key = body.split_once(' ').is_some_and(|(word, _)| {
                    !word.is_empty()
                        && word
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                });
                if key_colon(l).is_none()
                    && looks_like_key
                    && (body_indent == error_indent
                        || body_indent + 2 == error_indent
                        || n + 1 == line)
                    && !l.trim_end().ends_with(['|', '>'])
                {
                    let word = body.split(' ').next().unwrap_or("");
                    let col = l[..body_indent].chars().count() + word.chars().count() + 1;
                    return self
                        .diag(n, col, format!("`{word}` has no ':' after it"))
                        .with_hint(format!(
                            "write `{word}: {}`, with a colon and a space after the field name",
                            body[word.len()..].trim()
                        ));
                }
            }
        }
        let hint = if info.contains("mapping values are not allowed") {
            "text that contains ': ' must be put in quotes, such as title: \"Strategy: the next steps\""
        } else {
            "check the indentation: fields of the same mapping start in the same column"
        };
        self.diag(line, column, format!("this is not valid YAML: {info}"))
            .with_hint(hint)
    }

    /// Every type problem serde finds, one per record: serde stops at the first, so the
    /// file is read again as plain YAML and checked record by record, each record with a
    /// problem set aside so the next one's problem shows.
    fn type_errors<T: DeserializeOwned + JsonSchema>(
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
        for _ in 0..MAX_TYPE_ERRORS {
            let err = match serde_path_to_error::deserialize::<_, T>(value.clone()) {
                Ok(_) => break,
                Err(err) => err,
            };
            let segments: Vec<Segment> = err.path().iter().map(Segment::from).collect();
            let (path, seq_at) = original_path(&segments, &removed);
            problems.push(self.located(&err.inner().to_string(), &path, spans, Some(&schema)));
            // Set aside the innermost record holding the problem, or stop.
            let Some((list_path, original, current)) = seq_at else {
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

/// Removes from `value` the innermost list item on `segments`' way (its current index is
/// `index`). False when the path cannot be followed.
fn remove(value: &mut serde_norway::Value, segments: &[Segment], index: usize) -> bool {
    let Some(last) = segments
        .iter()
        .rposition(|s| matches!(s, Segment::Index(_)))
    else {
        return false;
    };
    let mut at = value;
    for s in &segments[..last] {
        at = match (s, at) {
            (Segment::Key(k), serde_norway::Value::Mapping(m)) => match m.get_mut(k.as_str()) {
                Some(v) => v,
                None => return false,
            },
            (Segment::Index(i), serde_norway::Value::Sequence(list)) => match list.get_mut(*i) {
                Some(v) => v,
                None => return false,
            },
            (_, serde_norway::Value::Tagged(t)) => &mut t.value,
            _ => return false,
        };
    }
    match at {
        serde_norway::Value::Sequence(list) if index < list.len() => {
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

/// The byte index of the `:` that ends a line's key (`key: value`, `- key: value`, `key:`),
/// or `None` when the line has no key. A colon inside quotes or not followed by a space
/// (or an invisible look-alike) does not count.
fn key_colon(line: &str) -> Option<usize> {
    let body = line.trim_start().trim_start_matches("- ");
    if body.starts_with(['"', '\'', '#']) {
        return None;
    }
    let start = line.len() - body.len();
    for (i, c) in body.char_indices() {
        if c == ':' {
            let next = body[i + 1..].chars().next();
            if next.is_none_or(|n| n == ' ' || n == '\t' || lookalike::lookalike(n).is_some()) {
                return Some(start + i);
            }
        }
    }
    None
}

/// The column (1-based) and kind of a `[`, `{` or quote that opens a line's value and is not
/// closed on that line nor in `rest`, the lines after it up to where the parser stopped.
fn unclosed(line: &str, rest: &str) -> Option<(usize, &'static str)> {
    let colon = key_colon(line)?;
    let value = line[colon + 1..].trim_start();
    let start = line.len() - value.len();
    let col = line[..start].chars().count() + 1;
    let all = format!("{}\n{rest}", value.trim_end());
    let count = |c: char| all.matches(c).count();
    match value.chars().next()? {
        '"' if count('"') % 2 == 1 => Some((col, "quote")),
        '\'' if count('\'') % 2 == 1 => Some((col, "quote")),
        '[' if count('[') > count(']') => Some((col, "bracket '['")),
        '{' if count('{') > count('}') => Some((col, "brace '{'")),
        _ => None,
    }
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

fn text_of(event: &Event<'_>) -> String {
    match event {
        Event::Scalar(text, ..) => text.to_string(),
        _ => String::new(),
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
            number_hint(found, expected).or_else(|| type_hint(expected)),
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

/// What to write for a number typed as text: `85%` → `85`, `1,250` → `1250`.
fn number_hint(found: &str, expected: &str) -> Option<String> {
    let text = found.strip_prefix("string ")?.trim_matches('"');
    let numeric = ["u64", "u32", "usize", "i64", "i32", "f64", "f32"].contains(&expected.trim());
    if !numeric {
        return None;
    }
    let bare: String = text
        .trim()
        .trim_end_matches('%')
        .trim_start_matches('£')
        .chars()
        .filter(|c| *c != ',')
        .collect();
    if bare.is_empty() || bare == text || bare.parse::<f64>().is_err() {
        return None;
    }
    let what = if text.trim().ends_with('%') {
        "without the % sign: a percentage is given as a number from 0 to 100"
    } else if text.contains(',') {
        "without commas"
    } else {
        "as a plain number"
    };
    Some(format!("write {bare}, {what}"))
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug, schemars::JsonSchema)]
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
