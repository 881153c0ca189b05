//! One way to lay a translation over its original, for every kind of file: the translation
//! mirrors the original's structure and gives only its text.
//!
//! - A mapping is matched key by key (`not_covered: {structure: ...}`, `approval:
//!   {approved_by: ...}`, `accessibility: {tested_by: ...}`).
//! - A list of records is matched by each record's `id` where they have one (`kpis: {ID:
//!   {...}}`, `aspects: {ID: {...}}`), by `period` where they have one (`values: {2022/23:
//!   {summary: ...}}`, `progress: {2020/21 H1: {note: ...}}`), and otherwise by position, as
//!   a list of the same length (`signed_by: [{role: ...}]`, `non_accessible: [{issue: ...}]`;
//!   `{}` for a record with nothing to give).
//! - A list of text (a course's `audience`) is given whole, by position, the same length.
//!
//! A string is text when its key is one of the file's text keys, or when it sits anywhere
//! under one of its text mappings (`not_covered`'s reasons, `licence`), when the original
//! gives that mapping: one it leaves to the theme's default is refused. Everything else
//! (figures, periods, dates, statuses, ids, kinds, booleans, references) comes from the
//! original alone and is refused. Every text of the original the translation does not give
//! is marked untranslated and listed, so the warning counts it.

use serde_json::{Map, Value};

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::i18n::mark_inline;
use crate::model::period::Period;
use crate::source::yaml::{Document, Spans};

/// What counts as text in one kind of file.
pub struct Texts<'a> {
    /// A string (or list of strings) at one of these keys, at any depth, is text.
    pub keys: &'a [&'a str],
    /// Every string anywhere under one of these keys is text (`not_covered`'s reasons).
    pub under: &'a [&'a str],
}

/// The translation being laid over an original: where to report, and what it lacks.
pub struct Overlay<'a, 'd> {
    /// The translation's YAML and its spans; `None` when there is no translation.
    pub doc: Option<(&'a Document<'d>, &'a Spans)>,
    /// The original's path, as messages name it (`content/data/kpis.yaml`).
    pub original: &'a str,
    pub texts: Texts<'a>,
    pub problems: &'a mut Vec<Diagnostic>,
    /// Every text of the original the translation does not give, by its path
    /// (`kpis.code-of-practice.values[2022/23].summary`).
    pub untranslated: Vec<String>,
}

/// How the records of a list are matched.
enum Match {
    Id,
    Period,
    Position,
}

impl Overlay<'_, '_> {
    /// Lays `given` (the translation's mapping, or nothing) over the original's mapping.
    pub fn map(&mut self, original: &mut Map<String, Value>, given: Option<&Map<String, Value>>) {
        self.mapping(original, given, "", "", false);
    }

    fn error(&mut self, at: &str, message: String, hint: String) {
        if let Some((doc, spans)) = self.doc {
            self.problems
                .push(doc.error_at(spans, at, message).with_hint(hint));
        }
    }

    fn is_text(&self, key: &str, under: bool) -> bool {
        under || self.texts.keys.contains(&key)
    }

    /// Whether `value`, at `key`, holds any text.
    fn has_text(&self, key: &str, value: &Value, under: bool) -> bool {
        let under = under || self.texts.under.contains(&key);
        match value {
            Value::String(_) => self.is_text(key, under),
            Value::Array(items) => items.iter().any(|i| match i {
                Value::String(_) => self.is_text(key, under),
                _ => self.has_text(key, i, under),
            }),
            Value::Object(map) => map.iter().any(|(k, v)| self.has_text(k, v, under)),
            _ => false,
        }
    }

    fn mapping(
        &mut self,
        original: &mut Map<String, Value>,
        given: Option<&Map<String, Value>>,
        shown: &str,
        at: &str,
        under: bool,
    ) {
        let join = |base: &str, key: &str| {
            if base.is_empty() {
                key.to_string()
            } else {
                format!("{base}.{key}")
            }
        };
        if let Some(given) = given {
            for (key, value) in given {
                let here = join(at, key);
                match original.get(key) {
                    Some(o) if self.has_text(key, o, under) => {}
                    // A mapping of text the original leaves to its default (`licence`): the
                    // default's words are the theme's in each language, and a translation
                    // that gave its own would claim on its pages what the original's do not.
                    None if self.texts.under.contains(&key.as_str()) => {
                        self.error(
                            &format!("{here}#key"),
                            format!("{} gives no `{key}`: a translation gives only the text of what its original gives", self.original),
                            format!("the pages in every language show the theme's default in their own words; to give your own `{key}`, give it in {} and its words in this language here", self.original),
                        );
                    }
                    // A mapping or a list of records with nothing to translate in it.
                    Some(o)
                        if o.is_object()
                            || o.as_array().is_some_and(|a| {
                                a.is_empty() || a.iter().any(Value::is_object)
                            }) =>
                    {
                        self.error(
                        &format!("{here}#key"),
                        format!("{}'s `{key}` has no text to translate", self.original),
                        format!("a translation gives only text ({}); figures, periods, dates, statuses and ids are the original's, so the two can never disagree", self.texts.keys.join(", ")),
                    );
                    }
                    Some(_) => self.fact(&here, key),
                    None => {
                        let texts: Vec<&str> = original
                            .iter()
                            .filter(|(k, v)| self.has_text(k, v, under))
                            .map(|(k, _)| k.as_str())
                            .collect();
                        let best = did_you_mean(key, texts.iter().copied());
                        if let Some(best) = best.filter(|b| *b != key) {
                            self.error(
                                &format!("{here}#key"),
                                format!("a translation has no field `{key}` here"),
                                format!("did you mean `{best}`? a translation gives only the text its original has: {}", texts.join(", ")),
                            );
                        } else if self.is_text(key, under) || value.is_object() || value.is_array()
                        {
                            self.error(
                                &format!("{here}#key"),
                                format!("{} has no `{key}` here to translate", self.original),
                                "a translation gives only the text its original has; add it to the original first".to_string(),
                            );
                        } else {
                            self.fact(&here, key);
                        }
                    }
                }
            }
        }
        for (key, value) in original.iter_mut() {
            let g = given.and_then(|g| g.get(key));
            let under = under || self.texts.under.contains(&key.as_str());
            if !self.has_text(key, value, under) {
                continue;
            }
            self.value(value, g, &join(shown, key), &join(at, key), key, under);
        }
    }

    /// The refusal of a fact given at `at`.
    fn fact(&mut self, at: &str, key: &str) {
        let original = self.original.to_string();
        self.error(
            &format!("{at}#key"),
            format!("`{key}` is not text to translate: it comes from {original} alone"),
            format!("a translation gives only text ({}); figures, periods, dates, statuses and ids are the original's, so the two can never disagree", self.texts.keys.join(", ")),
        );
    }

    fn value(
        &mut self,
        original: &mut Value,
        given: Option<&Value>,
        shown: &str,
        at: &str,
        key: &str,
        under: bool,
    ) {
        match original {
            Value::String(text) => match given {
                None => {
                    *text = mark_inline(text);
                    self.untranslated.push(shown.to_string());
                }
                Some(Value::String(t)) => *text = t.clone(),
                Some(_) => self.error(
                    at,
                    format!("`{key}` should be text"),
                    "write the translated text after the colon".to_string(),
                ),
            },
            Value::Object(map) => match given {
                None => self.mapping(map, None, shown, at, under),
                Some(Value::Object(g)) => self.mapping(map, Some(g), shown, at, under),
                Some(_) => self.error(
                    at,
                    format!("`{key}` should be a mapping, as in {}", self.original),
                    "give its text field by field, such as `title: ...` indented below it"
                        .to_string(),
                ),
            },
            Value::Array(items) => self.list(items, given, shown, at, key, under),
            _ => {}
        }
    }

    fn list(
        &mut self,
        items: &mut [Value],
        given: Option<&Value>,
        shown: &str,
        at: &str,
        key: &str,
        under: bool,
    ) {
        let by = |field: &str| {
            !items.is_empty()
                && items
                    .iter()
                    .all(|i| i.get(field).is_some_and(Value::is_string))
        };
        let how = if by("id") {
            Match::Id
        } else if by("period") {
            Match::Period
        } else {
            Match::Position
        };
        let name = |i: &Value, field: &str| {
            i.get(field)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        match (how, given) {
            (Match::Position, None) => {
                for (n, item) in items.iter_mut().enumerate() {
                    self.item(item, None, &format!("{shown}[{}]", n + 1), at, key, under);
                }
            }
            (Match::Position, Some(Value::Array(g))) => {
                if g.len() != items.len() {
                    let count = items.len();
                    let skip = if items.iter().all(Value::is_string) {
                        ""
                    } else {
                        " (`{}` for one with nothing to translate)"
                    };
                    self.error(
                        at,
                        format!(
                            "`{key}` gives {} {}, but {} lists {count}",
                            g.len(),
                            if g.len() == 1 { "entry" } else { "entries" },
                            self.original
                        ),
                        format!("give one for each of the original's {count}, in the same order{skip}"),
                    );
                    return;
                }
                for (n, (item, g)) in items.iter_mut().zip(g).enumerate() {
                    let here = format!("{at}[{n}]");
                    self.item(item, Some(g), &format!("{shown}[{}]", n + 1), &here, key, under);
                }
            }
            (Match::Position, Some(_)) => self.error(
                at,
                format!("`{key}` should be a list, as in {}", self.original),
                format!("give one `- ...` for each of the original's {}, in the same order (`- {{}}` for one with nothing to translate)", items.len()),
            ),
            (how @ (Match::Id | Match::Period), given) => {
                let field = if matches!(how, Match::Id) {
                    "id"
                } else {
                    "period"
                };
                let names: Vec<String> = items.iter().map(|i| name(i, field)).collect();
                let mut matched: Vec<Option<(&String, &Value)>> = vec![None; items.len()];
                match given {
                    None => {}
                    Some(Value::Object(g)) => {
                        for (k, v) in g {
                            let found = match how {
                                Match::Id => names.iter().position(|n| n == k),
                                Match::Period => {
                                    let want = Period::parse(k).ok();
                                    names.iter().position(|n| {
                                        n == k
                                            || want.is_some_and(|w| {
                                                Period::parse(n).is_ok_and(|p| {
                                                    p.year == w.year && p.half == w.half
                                                })
                                            })
                                    })
                                }
                                Match::Position => None,
                            };
                            match found {
                                Some(i) => matched[i] = Some((k, v)),
                                None => {
                                    let hint = match did_you_mean(k, names.iter().map(String::as_str)) {
                                        Some(best) => format!("did you mean '{best}'?"),
                                        None => format!("the {field}s in {}'s `{key}` are: {}", self.original, names.join(", ")),
                                    };
                                    let what = if field == "id" { "" } else { "period " };
                                    self.error(
                                        &format!("{at}.{k}#key"),
                                        format!("there is no {what}`{k}` in {}'s `{key}`", self.original),
                                        hint,
                                    );
                                }
                            }
                        }
                    }
                    Some(_) => {
                        let example = names.first().cloned().unwrap_or_default();
                        self.error(
                            at,
                            format!("`{key}` should be a mapping by {field}"),
                            format!("give each record's text under its {field}, as `{key}: {{{example}: {{...}}}}`; the {field} itself comes from {}", self.original),
                        );
                    }
                }
                for ((item, g), n) in items.iter_mut().zip(matched).zip(names) {
                    let sep = if field == "id" {
                        format!("{shown}.{n}")
                    } else {
                        format!("{shown}[{n}]")
                    };
                    // Where the translation gives it, by the key it writes (`2022/23`).
                    let (written, g) = match g {
                        Some((k, v)) => (k.as_str(), Some(v)),
                        None => (n.as_str(), None),
                    };
                    self.item(item, g, &sep, &format!("{at}.{written}"), key, under);
                }
            }
        }
    }

    /// One item of a list: a record, or a text.
    fn item(
        &mut self,
        item: &mut Value,
        given: Option<&Value>,
        shown: &str,
        at: &str,
        key: &str,
        under: bool,
    ) {
        match item {
            Value::Object(map) => match given {
                None | Some(Value::Null) => self.mapping(map, None, shown, at, under),
                Some(Value::Object(g)) => self.mapping(map, Some(g), shown, at, under),
                Some(_) => self.error(
                    at,
                    format!(
                        "each of `{key}` should be a mapping of its text, as in {}",
                        self.original
                    ),
                    "give the record's text field by field, such as `- title: ...`".to_string(),
                ),
            },
            Value::String(_) => self.value(item, given, shown, at, key, under),
            _ => {}
        }
    }
}
