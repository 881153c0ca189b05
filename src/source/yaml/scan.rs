//! The saphyr-parser pass over a file's YAML: where each value is, duplicate keys in any
//! mapping, a second document, nesting deeper than 48 levels, more than 64 aliases.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, Span};

use super::{Document, Place, Spans};
use crate::diagnostic::Diagnostic;

/// Deeper nesting than this is refused before serde sees it.
const MAX_DEPTH: usize = 48;
/// More aliases than this in one file are refused (they can expand exponentially).
const MAX_ALIASES: usize = 64;

impl Document<'_> {
    /// The saphyr-parser pass: spans, duplicate keys, documents, depth and aliases.
    pub(super) fn scan(&self) -> Result<Spans, Vec<Diagnostic>> {
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
}

fn text_of(event: &Event<'_>) -> String {
    match event {
        Event::Scalar(text, ..) => text.to_string(),
        _ => String::new(),
    }
}
