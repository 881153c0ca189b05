//! The words readers see, by language: the theme's translation tables (`i18n/en.yaml`),
//! looked up through one function. Templates call `t("key")`; Rust asks for the few words
//! it writes into the model (headline labels, chart descriptions, month names, period
//! spans) through [`Words::word`]. Diagnostics for authors are not here: they stay in Rust,
//! in English.
//!
//! A table is YAML: nested mappings of text, flattened to dotted keys (`nav.statements`),
//! and lists (the months), numbered from 1 (`date.months.9`). Text may hold placeholders,
//! `{name}`, filled from the call's arguments. Tables are read in the theme's lookup order
//! (the built-in default theme, then `themes/NAME/i18n/`, then the site's `i18n/`), a later
//! file replacing single keys of an earlier one. Every key a template names with a literal
//! `t("...")`, and every key Rust uses ([`rust_keys`]), must exist: `Theme::check_words`
//! says which do not, at the template's line. The default theme's table has no key that
//! neither uses ([`Words::unused`]; a test in `theme` checks it), bar the optional month
//! lists ([`optional`]).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::model::date::{Date, Precision};
use crate::model::period::Period;
use crate::source::Source;
use crate::source::yaml::Document;

/// One language's words: dotted key → text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Words {
    /// The language tag the table is for (`en`), from its file name.
    pub language: String,
    words: BTreeMap<String, String>,
}

/// A translation file as YAML: text, a list of texts, or a mapping of either.
#[derive(Deserialize, JsonSchema)]
#[serde(untagged)]
enum Entry {
    Text(String),
    List(Vec<String>),
    Nested(BTreeMap<String, Entry>),
}

/// The keys Rust looks up; templates' keys are read off the templates.
pub const RUST_KEYS: &[&str] = &[
    "language.name",
    "untranslated.note",
    "untranslated.link",
    "date.long",
    "date.month_year",
    "names.and",
    "names.separator",
    "names.the",
    "names.the_in_text",
    "period.span_within_year",
    "period.span",
    "chart.title",
    "chart.description",
    "chart.unit",
    "chart.point",
    "s54.structure",
    "s54.policies",
    "s54.due-diligence",
    "s54.risk",
    "s54.effectiveness",
    "s54.training",
    "chart.series",
    "chart.years",
    "chart.halves",
    "chart.half",
    "chart.target_value",
    "headline.stpo_granted",
    "headline.people_trained",
    "headline.partnership_activities",
    "headline.actions_achieved",
    "page.statements",
    "page.updates",
    "page.updates_annual",
    "page.updates_none",
    "page.performance",
    "page.orders",
    "page.training",
    "page.partnerships",
    "page.actions",
    "page.commitments",
    "page.data",
    "page.accessibility",
    "page.changes",
    "page.not_found",
    "page.feed",
    "page.sitemap",
    "page.robots",
    "dataset.kpis.title",
    "dataset.kpis.description",
    "dataset.kpis.table",
    "dataset.prevention-orders.title",
    "dataset.prevention-orders.description",
    "dataset.prevention-orders.table",
    "dataset.training.title",
    "dataset.training.description",
    "dataset.training.courses_table",
    "dataset.training.resources_table",
    "dataset.partnerships.title",
    "dataset.partnerships.description",
    "dataset.partnerships.table",
    "dataset.partnerships.activities_table",
    "dataset.actions.title",
    "dataset.actions.description",
    "dataset.actions.table",
    "dataset.actions.progress_table",
    "dataset.commitments.title",
    "dataset.commitments.description",
    "dataset.commitments.table",
    "new.update_title",
    "new.update_title_annual",
    "new.statement_title",
    "new.area.structure",
    "new.area.policies",
    "new.area.due-diligence",
    "new.area.risk",
    "new.area.effectiveness",
    "new.area.training",
    "dataset.registry.title",
    "dataset.registry.description",
    "dataset.registry.table",
];

/// The lists of month names, `date.LIST.1` to `date.LIST.12`: `months`, which every table
/// has, and `months_after_to`, the months after "to" in a span where a language changes
/// their form (Welsh), which a table may have.
pub const MONTH_LISTS: [&str; 2] = ["months", "months_after_to"];

/// The sections of the site's navigation, each `nav.KEY` in the table.
pub const NAV_KEYS: &[&str] = &[
    "home",
    "statements",
    "updates",
    "performance",
    "orders",
    "training",
    "partnerships",
    "actions",
    "commitments",
    "data",
];

/// The words the `label` filter shows for the data's fixed words (`in-progress`).
pub const LABELS: &[&str] = &[
    "not-started",
    "in-progress",
    "achieved",
    "count",
    "percent",
    "qualitative",
    "up",
    "down",
    "meeting",
    "operation",
    "awareness",
    "training",
    "full",
    "partial",
    "not",
];

impl Words {
    /// Reads one translation file, for the language `language`.
    pub fn parse(source: &Source, language: &str) -> Result<Words, Vec<Diagnostic>> {
        let doc = Document {
            source,
            yaml: &source.text,
            line_offset: 0,
        };
        let (entries, _) = doc.parse::<BTreeMap<String, Entry>>("translation file")?;
        let mut words = Words {
            language: language.to_string(),
            words: BTreeMap::new(),
        };
        for (key, entry) in entries {
            flatten(&key, entry, &mut words.words);
        }
        Ok(words)
    }

    /// Takes every key of `later` over this table's.
    /// Sets `key` to `text`, replacing the table's.
    pub fn insert(&mut self, key: &str, text: String) {
        self.words.insert(key.to_string(), text);
    }

    pub fn merge(&mut self, later: Words) {
        self.words.extend(later.words);
    }

    /// The text of `key`, if the table has it.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.words.get(key).map(String::as_str)
    }

    /// The text of `key`; the key itself if the table lacks it (the key checks make sure
    /// it does not).
    pub fn word<'a>(&'a self, key: &'a str) -> &'a str {
        self.get(key).unwrap_or(key)
    }

    /// The text of `key` with each `{name}` replaced by its value in `args`.
    pub fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.word(key), args)
    }

    /// The name of a month (1 to 12), from `date.months`; `list` names another list of
    /// month names for a grammatical position (`date.months_after_to` in Welsh), falling
    /// back to `date.months`.
    pub fn month(&self, month: u32, list: Option<&str>) -> &str {
        let n = month.clamp(1, 12);
        list.and_then(|l| self.get(&format!("date.{l}.{n}")))
            .or_else(|| self.get(&format!("date.months.{n}")))
            .unwrap_or("")
    }

    /// Names joined as a list, "A", "A and B", "A, B and C" (`names.separator`,
    /// `names.and`); `in_text` for the middle of a sentence, where each name's leading
    /// article (`names.the`, "The ") becomes `names.the_in_text` ("the "); otherwise for a
    /// sentence's start, where only the first name keeps its capital.
    pub fn names(&self, names: &[String], in_text: bool) -> String {
        // Only a sentence's first word keeps its capital: "South Wales Police and the Police
        // and Crime Commissioner".
        let names: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                if in_text || i > 0 {
                    self.in_text(n)
                } else {
                    n.clone()
                }
            })
            .collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => self.format(
                "names.and",
                &[
                    ("names", &rest.join(self.word("names.separator"))),
                    ("last", last),
                ],
            ),
        }
    }

    /// A name as it reads in the middle of a sentence: "The Police and Crime Commissioner"
    /// becomes "the Police and Crime Commissioner" (`names.the` → `names.the_in_text`).
    pub fn in_text(&self, name: &str) -> String {
        let the = self.word("names.the");
        match name.strip_prefix(the) {
            Some(rest) if !the.is_empty() => format!("{}{rest}", self.word("names.the_in_text")),
            _ => name.to_string(),
        }
    }

    /// A name after "by", "of" or "under" where English puts "the" before it: "the
    /// Strategic Priorities Assurance Board"; a name that begins with the article keeps one
    /// ("The Police and Crime Commissioner" → "the Police and Crime Commissioner").
    pub fn with_the(&self, name: &str) -> String {
        let in_text = self.in_text(name);
        let the = self.word("names.the_in_text");
        if in_text.starts_with(the) {
            in_text
        } else {
            format!("{the}{in_text}")
        }
    }

    /// `30 September 2020`, by `date.long`; a date its source gives only to the month or the
    /// year is shown at that precision (`September 2020` by `date.month_year`, `2020`).
    pub fn long_date(&self, date: Date) -> String {
        match date.precision() {
            Precision::Year => return date.year.to_string(),
            Precision::Month => return self.month_year(date),
            Precision::Day => {}
        }
        self.format(
            "date.long",
            &[
                ("day", &date.day.to_string()),
                ("month", self.month(date.month, None)),
                ("year", &date.year.to_string()),
            ],
        )
    }

    /// `September 2020`, by `date.month_year`.
    pub fn month_year(&self, date: Date) -> String {
        self.format(
            "date.month_year",
            &[
                ("month", self.month(date.month, None)),
                ("year", &date.year.to_string()),
            ],
        )
    }

    /// `September 2020` as the end of a span, after "to" (`date.months_after_to` where the
    /// language has it: Welsh "i Fawrth 2021").
    pub fn month_year_after_to(&self, date: Date) -> String {
        self.format(
            "date.month_year",
            &[
                ("month", self.month(date.month, Some(MONTH_LISTS[1]))),
                ("year", &date.year.to_string()),
            ],
        )
    }

    /// The months a period covers: `April to September 2020` (`period.span_within_year`),
    /// `April 2019 to March 2020` (`period.span`).
    pub fn span(&self, period: Period, year_starts: u32) -> String {
        let (start, end) = (period.start(year_starts), period.end(year_starts));
        let after = Some(MONTH_LISTS[1]);
        if start.year == end.year {
            self.format(
                "period.span_within_year",
                &[
                    ("start", self.month(start.month, None)),
                    ("end", self.month(end.month, after)),
                    ("year", &end.year.to_string()),
                ],
            )
        } else {
            self.format(
                "period.span",
                &[
                    ("start", self.month(start.month, None)),
                    ("start_year", &start.year.to_string()),
                    ("end", self.month(end.month, after)),
                    ("end_year", &end.year.to_string()),
                ],
            )
        }
    }

    /// The words for the data's fixed words (`label.in-progress`), for the `label` filter.
    pub fn label(&self, word: &str) -> Option<&str> {
        self.get(&format!("label.{word}"))
    }

    /// Every key of this table that neither Rust ([`rust_keys`], [`optional`]) nor the
    /// templates (`template_keys` of each) use.
    pub fn unused<'t>(&self, templates: impl IntoIterator<Item = &'t str>) -> Vec<&str> {
        let mut used: std::collections::BTreeSet<String> = rust_keys().into_iter().collect();
        for text in templates {
            used.extend(template_keys(text).into_iter().map(|(key, _)| key));
        }
        self.keys()
            .filter(|k| !used.contains(*k) && !optional(k))
            .collect()
    }

    /// Every key this table lacks of `keys`.
    pub fn missing<'k>(&self, keys: impl IntoIterator<Item = &'k str>) -> Vec<&'k str> {
        keys.into_iter()
            .filter(|k| !self.words.contains_key(*k))
            .collect()
    }

    /// All keys, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.words.keys().map(String::as_str)
    }
}

/// Every key Rust needs in each table: [`RUST_KEYS`], the month names (`date.months.1` to
/// `.12`), the navigation's words (`nav.KEY` of [`NAV_KEYS`]) and the `label` filter's
/// (`label.WORD` of [`LABELS`]).
pub fn rust_keys() -> Vec<String> {
    let mut keys: Vec<String> = RUST_KEYS.iter().map(|k| (*k).to_string()).collect();
    keys.extend((1..=12).map(|n| format!("date.{}.{n}", MONTH_LISTS[0])));
    keys.extend(NAV_KEYS.iter().map(|k| format!("nav.{k}")));
    keys.extend(LABELS.iter().map(|w| format!("label.{w}")));
    keys.extend(crate::model::registry::word_keys());
    keys
}

/// Whether Rust uses `key` when a table has it, and does without: a month of
/// `date.months_after_to`.
pub fn optional(key: &str) -> bool {
    key.strip_prefix("date.")
        .and_then(|k| k.split_once('.'))
        .is_some_and(|(list, n)| {
            MONTH_LISTS[1..].contains(&list)
                && n.parse::<u32>().is_ok_and(|n| (1..=12).contains(&n))
        })
}

/// The marks around text shown in the default language on a page in another (a text not
/// yet translated): inline text (a title), and a block (a statement's body). Characters of
/// Unicode's private use area, which no source may hold (`check` refuses them); rendering
/// turns them into an element with the default language's `lang` (`render::untranslated`).
pub const UNTRANSLATED: [char; 4] = ['\u{E000}', '\u{E001}', '\u{E002}', '\u{E003}'];

/// `text` marked as untranslated inline text.
pub fn mark_inline(text: &str) -> String {
    format!("{}{text}{}", UNTRANSLATED[0], UNTRANSLATED[1])
}

/// `html` (blocks: paragraphs, headings) marked as untranslated.
pub fn mark_block(html: &str) -> String {
    format!("{}{html}{}", UNTRANSLATED[2], UNTRANSLATED[3])
}

/// The language of a tag, without its region: `en-GB` → `en`.
pub fn primary(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// `text` with each `{name}` replaced by its value in `args`; other braces stay.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn flatten(prefix: &str, entry: Entry, into: &mut BTreeMap<String, String>) {
    match entry {
        Entry::Text(text) => {
            into.insert(prefix.to_string(), text);
        }
        Entry::List(items) => {
            for (i, text) in items.into_iter().enumerate() {
                into.insert(format!("{prefix}.{}", i + 1), text);
            }
        }
        Entry::Nested(map) => {
            for (key, entry) in map {
                flatten(&format!("{prefix}.{key}"), entry, into);
            }
        }
    }
}

/// The keys a template names with literal `t("key")` or `t('key')` calls, with the line
/// each is on (1-based). A key made in the template (`t("nav." ~ key)`) is not one: its
/// family is checked from Rust (`NAV_KEYS`).
pub fn template_keys(text: &str) -> Vec<(String, usize)> {
    let mut keys = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("t(") {
            let before = rest[..at].chars().last();
            let after = &rest[at + 2..];
            rest = after;
            // `t(` as a whole name: not the end of `list(` or `format(`.
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            let after = after.trim_start();
            let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                continue;
            };
            if let Some(end) = after[1..].find(quote) {
                let next = after[end + 2..].trim_start().chars().next();
                if matches!(next, Some(')' | ',')) {
                    keys.push((after[1..1 + end].to_string(), n + 1));
                }
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests;
