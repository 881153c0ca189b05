//! Translation files between two versions of a bilingual site, read from the files as a
//! translator writes them: the text of the data (`data/cy/*.yaml`) and of the site's
//! settings (`site.cy.yaml`) that changed, field by field, each at the page that shows it;
//! a translation deleted (its pages then show the original, marked as untranslated); and
//! one that may be out of date (its original's text changed while it did not).

use serde_json::Value;

use super::DocumentChange;
use super::fields::{Field, Record, TextKeys, fields};
use crate::check::translate::{
    self, DATA_TEXT_ANYWHERE, DOCUMENT_TEXT, SITE_TEXT, SITE_TEXT_UNDER,
};
use crate::i18n::{UNTRANSLATED, primary};
use crate::model::Site;
use crate::model::period::Period;
use crate::routes::{self, Routes};
use crate::source::Source;
use crate::source::classify::translation_of;
use crate::source::load::Sources;
use crate::source::split_front_matter;

const DATA: TextKeys<'static> = TextKeys {
    keys: &DATA_TEXT_ANYWHERE,
    under: &[],
};
const SETTINGS: TextKeys<'static> = TextKeys {
    keys: &SITE_TEXT,
    under: &SITE_TEXT_UNDER,
};

/// Whether `text` is (or holds) the original's, shown untranslated.
fn untranslated(text: &str) -> bool {
    text.contains(UNTRANSLATED)
}

/// The text of the data and of the site's settings that changed from `old` to `new` in
/// each other language of the site (`others`: the newer site in each), as documents of kind
/// `translation`: the site's words at that language's home page; the data's at the page
/// that shows each record (a KPI's own page, an action's place on the action plan...),
/// titled by the record's title in that language. Each line names a field as `check` does
/// (`kpis.code-of-practice.values[2022/23].summary: before → after`). Text untranslated on
/// both sides (the original's, which the default language's comparison covers) is left out,
/// and so is a file whose translation was deleted (said once, as such, by [`changes`]);
/// figures, and what candour writes itself (a chart's description), are not a translation's.
pub fn text_changes(old: &Sources, new: &Sources, others: &[Site]) -> Vec<DocumentChange> {
    let mut out = Vec::new();
    for site in others {
        let tag = &site.config.language;
        let language = primary(tag);
        let routes = Routes::language(language);
        let mut ignored = Vec::new();
        let (Some(old_v), Some(new_v)) = (
            translate::version(old, tag, &mut ignored),
            translate::version(new, tag, &mut ignored),
        ) else {
            continue;
        };
        let deleted = |original: &str| {
            let had = |s: &Sources| {
                s.translations.iter().any(|t| {
                    translation_of(&t.path).is_some_and(|(l, o)| l == language && o == original)
                })
            };
            had(old) && !had(new)
        };
        if let Some(original) = &new.site
            && !deleted(&original.path)
        {
            let lines = changed(
                &parsed(&old_v.site, SETTINGS),
                &parsed(&new_v.site, SETTINGS),
            );
            if !lines.is_empty() {
                out.push(DocumentChange {
                    kind: "translation",
                    title: format!("The site's words ({tag})"),
                    url: routes.home(),
                    change: "changed",
                    details: lines.into_iter().map(|(_, line)| line).collect(),
                    sections: Vec::new(),
                });
            }
        }
        for (name, after) in &new_v.data {
            let Some((_, before)) = old_v.data.iter().find(|(n, _)| n == name) else {
                continue;
            };
            if deleted(&after.path) {
                continue;
            }
            let after_fields = parsed(after, DATA);
            let lines = changed(&parsed(before, DATA), &after_fields);
            for (url, record, lines) in by_page(&routes, name, lines) {
                out.push(DocumentChange {
                    kind: "translation",
                    title: record
                        .and_then(|r| title_of(&after_fields, &r))
                        .unwrap_or_else(|| format!("content/data/{language}/{name}.yaml")),
                    url,
                    change: "changed",
                    details: lines,
                    sections: Vec::new(),
                });
            }
        }
    }
    out
}

/// The text fields of a YAML or JSON file (a data file, the site's settings, original or
/// merged with its translation); none when it cannot be read.
fn parsed(source: &Source, text: TextKeys<'_>) -> Vec<Field> {
    serde_norway::from_str::<Value>(&source.text)
        .map(|v| fields(&v, text))
        .unwrap_or_default()
}

/// Each field whose text differs from `old` to `new`, the newer file's then those only the
/// older has, as `path: before → after`, `path added: after` or `path removed (was:
/// before)`, the marks of untranslated text left out; with the record it belongs to. A
/// field untranslated on both sides is left out.
fn changed(old: &[Field], new: &[Field]) -> Vec<(Option<Record>, String)> {
    let mut out = Vec::new();
    let gone = old.iter().filter(|o| !new.iter().any(|n| n.path == o.path));
    for (field, before, after) in new
        .iter()
        .map(|n| {
            (
                n,
                old.iter().find(|o| o.path == n.path).map(|o| &o.text),
                Some(&n.text),
            )
        })
        .chain(gone.map(|o| (o, Some(&o.text), None)))
    {
        let (b, a) = (
            before.map_or("", String::as_str),
            after.map_or("", String::as_str),
        );
        if b == a || ((b.is_empty() || untranslated(b)) && (a.is_empty() || untranslated(a))) {
            continue;
        }
        let (b, a) = (super::plain(b), super::plain(a));
        let path = &field.path;
        let line = match (b.is_empty(), a.is_empty()) {
            (true, _) => format!("{path} added: {a}"),
            (_, true) => format!("{path} removed (was: {b})"),
            _ => format!("{path}: {b} → {a}"),
        };
        out.push((field.record.clone(), line));
    }
    out
}

/// `lines` (each with its record, of the data file `name`) gathered by the page that shows
/// them, in order: a KPI's page, the action plan at an action, the training page at a
/// course... (`routes`); text of no record, on the file's page.
fn by_page(
    routes: &Routes,
    name: &str,
    lines: Vec<(Option<Record>, String)>,
) -> Vec<(String, Option<Record>, Vec<String>)> {
    let mut out: Vec<(String, Option<Record>, Vec<String>)> = Vec::new();
    for (record, line) in lines {
        let url = page_of(routes, name, record.as_ref());
        match out.iter_mut().find(|(u, ..)| *u == url) {
            Some((_, _, lines)) => lines.push(line),
            None => out.push((url, record, vec![line])),
        }
    }
    out
}

/// The address of the page that shows `record` of the data file `name` (`routes`), at its
/// place when the page lists several; the file's page for text of no record.
fn page_of(routes: &Routes, name: &str, record: Option<&Record>) -> String {
    let at = |page: String, anchor: String| format!("{page}#{anchor}");
    let Some(r) = record else {
        return match name {
            "kpis" => routes.performance(),
            "prevention-orders" => routes.orders(),
            "training" => routes.training(),
            "partnerships" => routes.partnerships(),
            "actions" => routes.actions(),
            "commitments" => routes.commitments(),
            _ => routes.dataset(name),
        };
    };
    let key = r.key.as_str();
    match r.list.as_str() {
        "kpis" => routes.kpi(key),
        "actions" => at(routes.actions(), routes::action_anchor(key)),
        "commitments" => at(routes.commitments(), routes::commitment_anchor(key)),
        "courses" => at(routes.training(), routes::course_anchor(key)),
        "resources" => at(routes.training(), routes::resource_anchor(key)),
        "partnerships" => at(routes.partnerships(), routes::partnership_anchor(key)),
        "orders" => match Period::parse(key) {
            Ok(p) => at(routes.orders(), routes::orders_anchor(p)),
            Err(_) => routes.orders(),
        },
        _ => page_of(routes, name, None),
    }
}

/// A record's title (or name) among `fields`, as shown: the marks of untranslated text
/// left out.
fn title_of(fields: &[Field], record: &Record) -> Option<String> {
    ["title", "name"].iter().find_map(|k| {
        let path = format!("{}.{k}", record.path);
        fields
            .iter()
            .find(|f| f.path == path)
            .map(|f| super::plain(&f.text))
    })
}
/// The translations deleted from `old` to `new` whose original is still there, and those
/// whose original's text changed while they did not, as documents of kind `translation`
/// (`removed`, `outdated`), each at its language's address of the page (`others`: the
/// newer site in each other language).
pub fn changes(old: &Sources, new: &Sources, others: &[Site]) -> Vec<DocumentChange> {
    let mut out = Vec::new();
    for t in &old.translations {
        let Some((language, original)) = translation_of(&t.path) else {
            continue;
        };
        let Some(new_original) = original_in(new, &original) else {
            continue;
        };
        let url = url_of(others, language, &original, &t.path);
        match new.translations.iter().find(|n| n.path == t.path) {
            None => out.push(DocumentChange {
                kind: "translation",
                title: t.path.clone(),
                url,
                change: "removed",
                details: vec![format!(
                    "the '{language}' pages show {original} in the original, marked as untranslated, until it is translated again"
                )],
                sections: Vec::new(),
            }),
            Some(n) if n.text == t.text => {
                let Some(old_original) = original_in(old, &original) else {
                    continue;
                };
                if text_of(old_original) != text_of(new_original) {
                    out.push(DocumentChange {
                        kind: "translation",
                        title: t.path.clone(),
                        url,
                        change: "outdated",
                        details: vec![format!(
                            "{original} changed; its '{language}' translation did not: it may need the same change"
                        )],
                        sections: Vec::new(),
                    });
                }
            }
            Some(_) => {}
        }
    }
    out
}

/// The original file at `path` in `sources`.
fn original_in<'s>(sources: &'s Sources, path: &str) -> Option<&'s Source> {
    sources
        .site
        .iter()
        .chain(&sources.statements)
        .chain(&sources.updates)
        .chain(&sources.pages)
        .chain(sources.data.iter().map(|(_, s)| s))
        .find(|s| s.path == path)
}

/// The address in `language` of the page of `original` (translated by `translation`): a
/// statement's, update's or page's own; the home page for `site.yaml`; for a data file, the
/// page that lists its records (`/cy/performance/`, `/cy/action-plan/`).
fn url_of(others: &[Site], language: &str, original: &str, translation: &str) -> String {
    let routes = Routes::language(language);
    let Some(site) = others
        .iter()
        .find(|s| crate::i18n::primary(&s.config.language) == language)
    else {
        return routes.home();
    };
    site.statements
        .iter()
        .map(|s| (&s.source, &s.url))
        .chain(site.updates.iter().map(|u| (&u.source, &u.url)))
        .chain(site.pages.iter().map(|p| (&p.source, &p.url)))
        // A translated page's source is its translation; an untranslated one's, the original.
        .find(|(source, _)| *source == original || *source == translation)
        .map(|(_, url)| url.clone())
        .unwrap_or_else(|| match data_name(original) {
            Some(name) => page_of(&routes, name, None),
            None => routes.home(),
        })
}

/// The text a translation gives of `original` (not its facts): a Markdown file's title,
/// summary and body; `site.yaml`'s reader-facing words; a data file's text fields at any
/// depth. A file that cannot be read is its whole text.
fn text_of(original: &Source) -> Vec<Value> {
    let whole = || vec![Value::String(original.text.to_string())];
    if original.path.ends_with(".md") {
        let Ok(fm) = split_front_matter(original) else {
            return whole();
        };
        let front: serde_json::Map<String, Value> =
            serde_norway::from_str(fm.yaml).unwrap_or_default();
        let mut text: Vec<Value> = DOCUMENT_TEXT
            .iter()
            .map(|k| front.get(*k).cloned().unwrap_or(Value::Null))
            .collect();
        text.push(Value::String(fm.body.to_string()));
        return text;
    }
    let Ok(value) = serde_norway::from_str::<Value>(&original.text) else {
        return whole();
    };
    if original.path.starts_with("content/data/") {
        let mut text = Vec::new();
        texts(&value, &mut text);
        text
    } else {
        SITE_TEXT
            .iter()
            .map(|k| value.get(*k).cloned().unwrap_or(Value::Null))
            .collect()
    }
}

/// Every text field of a data file's `value`, at any depth, in order.
fn texts(value: &Value, out: &mut Vec<Value>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if DATA_TEXT_ANYWHERE.contains(&key.as_str()) && v.is_string() {
                    out.push(Value::String(format!(
                        "{key}: {}",
                        v.as_str().unwrap_or("")
                    )));
                } else {
                    texts(v, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| texts(v, out)),
        _ => {}
    }
}

/// A data file's name: `content/data/kpis.yaml` → `kpis`.
fn data_name(path: &str) -> Option<&str> {
    path.strip_prefix("content/data/")?.strip_suffix(".yaml")
}
