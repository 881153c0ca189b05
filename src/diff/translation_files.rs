//! Translation files between two versions of a bilingual site: one deleted (its pages then
//! show the original, marked as untranslated), and one that may be out of date (its
//! original's text changed while it did not).

use serde_json::Value;

use super::DocumentChange;
use crate::check::translate::{DATA_TEXT_ANYWHERE, DOCUMENT_TEXT, SITE_TEXT};
use crate::model::Site;
use crate::routes::Routes;
use crate::source::Source;
use crate::source::classify::translation_of;
use crate::source::load::Sources;
use crate::source::split_front_matter;

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

/// The address in `language` of the page of `original` (translated by `translation`): a statement's, update's or page's own;
/// the home page for `site.yaml`, the open-data page for a data file.
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
        .unwrap_or_else(|| {
            if original.starts_with("content/data/") {
                routes.data()
            } else {
                routes.home()
            }
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
