//! Translation files between two versions of a bilingual site, read from the files as a
//! translator writes them: the text of the data (`data/cy/*.yaml`) and of the site's
//! settings (`site.cy.yaml`) that changed, field by field, each at the page that shows it;
//! a translation deleted (its pages then show the original, marked as untranslated); and
//! one that may be out of date (a section or field of its original changed while its own
//! did not).

use serde_json::Value;

use super::DocumentChange;
use super::fields::{Field, Record, Section, TextKeys, fields, sections};
use crate::check::translate::{
    self, DATA_TEXT_ANYWHERE, DOCUMENT_TEXT, DOCUMENT_TEXT_UNDER, SITE_TEXT, SITE_TEXT_UNDER,
    Version,
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
const DOCUMENT: TextKeys<'static> = TextKeys {
    keys: &DOCUMENT_TEXT,
    under: &DOCUMENT_TEXT_UNDER,
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
/// whose original's text changed somewhere while theirs did not there (see [`stale`]), as
/// documents of kind `translation` (`removed`, `outdated`), each at its language's address
/// of the page (a data file's outdated text, at each record's: `others`, the newer site in
/// each other language), an outdated one listing where.
pub fn changes(old: &Sources, new: &Sources, others: &[Site]) -> Vec<DocumentChange> {
    let mut out = Vec::new();
    // Each other language's files, made from the originals and their translations.
    let versions: Vec<(&str, Option<Version>, Option<Version>)> = others
        .iter()
        .map(|s| {
            let tag = s.config.language.as_str();
            let mut ignored = Vec::new();
            (
                primary(tag),
                translate::version(old, tag, &mut ignored),
                translate::version(new, tag, &mut ignored),
            )
        })
        .collect();
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
            Some(_) => {
                let Some(old_original) = original_in(old, &original) else {
                    continue;
                };
                let Some((_, Some(old_v), Some(new_v))) =
                    versions.iter().find(|(l, ..)| *l == language)
                else {
                    continue;
                };
                let (Some(old_merged), Some(new_merged)) = (
                    merged(old_v, &original, &t.path),
                    merged(new_v, &original, &t.path),
                ) else {
                    continue;
                };
                let lines = stale([old_original, new_original], [old_merged, new_merged]);
                let routes = Routes::language(language);
                let pages = match data_name(&original) {
                    Some(name) => by_page(&routes, name, lines),
                    None if lines.is_empty() => Vec::new(),
                    None => vec![(url, None, lines.into_iter().map(|(_, l)| l).collect())],
                };
                for (url, _, lines) in pages {
                    let mut details = vec![format!(
                        "{original} changed where its '{language}' translation did not: it may need the same change"
                    )];
                    details.extend(lines);
                    out.push(DocumentChange {
                        kind: "translation",
                        title: t.path.clone(),
                        url,
                        change: "outdated",
                        details,
                        sections: Vec::new(),
                    });
                }
            }
        }
    }
    out
}

/// The file of `version` made from `original` and its translation (at `translation`).
fn merged<'v>(version: &'v Version, original: &str, translation: &str) -> Option<&'v Source> {
    if data_name(original).is_some() {
        return version
            .data
            .iter()
            .map(|(_, s)| s)
            .find(|s| s.path == original);
    }
    std::iter::once(&version.site)
        .chain(&version.statements)
        .chain(&version.updates)
        .chain(&version.pages)
        .find(|s| s.path == translation)
}

/// Where the original changed (`originals`: older, newer) while its translation did not
/// (`merged`: each version's file made from the original and its translation), as lines
/// saying so, each with the data record it is in: a field whose text changed while the
/// translation's text there stayed as it was (text shown untranslated is the original's, so
/// it changed with it and is never said); for a Markdown file, the same of its front
/// matter's text and of each section of its body, matched by heading position (or the body
/// whole, when the headings do not match).
fn stale(originals: [&Source; 2], merged: [&Source; 2]) -> Vec<(Option<Record>, String)> {
    let path = originals[1].path.as_str();
    let keys = if data_name(path).is_some() {
        DATA
    } else if path.ends_with(".md") {
        DOCUMENT
    } else {
        SETTINGS
    };
    if !path.ends_with(".md") {
        let [o0, o1] = originals.map(|s| parsed(s, keys));
        let [m0, m1] = merged.map(|s| parsed(s, keys));
        return stale_fields([&o0, &o1], [&m0, &m1]);
    }
    // A Markdown file: its front matter's text and its body.
    let split = |s: &Source| -> Option<(Vec<Field>, Vec<Section>, String)> {
        let fm = split_front_matter(s).ok()?;
        let front = serde_norway::from_str::<Value>(fm.yaml).ok()?;
        let body = sections(fm.body);
        let whole = body
            .iter()
            .map(|s| s.words.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        Some((fields(&front, keys), body, whole))
    };
    let (Some(o0), Some(o1), Some(m0), Some(m1)) = (
        split(originals[0]),
        split(originals[1]),
        split(merged[0]),
        split(merged[1]),
    ) else {
        return Vec::new();
    };
    let mut out = stale_fields([&o0.0, &o1.0], [&m0.0, &m1.0]);
    let same = |a: &[Section], b: &[Section]| a.len() == b.len();
    if same(&o0.1, &o1.1) && same(&o1.1, &m0.1) && same(&m0.1, &m1.1) {
        for (i, (o, n)) in o0.1.iter().zip(&o1.1).enumerate() {
            let (mo, mn) = (&m0.1[i], &m1.1[i]);
            if o.words == n.words || mo.words != mn.words {
                continue;
            }
            out.push((
                None,
                match (&n.heading, &mn.heading) {
                    (Some(h), Some(t)) => format!(
                        "the original's section “{h}” changed, the translation's “{}” did not",
                        super::plain(t)
                    ),
                    _ => "the original's text before the first heading changed, the translation's did not".to_string(),
                },
            ));
        }
    } else if o0.2 != o1.2 && m0.2 == m1.2 {
        out.push((
            None,
            "the original's text changed, the translation's did not".to_string(),
        ));
    }
    out
}

/// Each field of the original (`originals`: older, newer) whose text changed while the
/// translation's there (`merged`) did not.
fn stale_fields(originals: [&[Field]; 2], merged: [&[Field]; 2]) -> Vec<(Option<Record>, String)> {
    let find = |fields: &[Field], path: &str| {
        fields
            .iter()
            .find(|f| f.path == path)
            .map(|f| f.text.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    let mut out = Vec::new();
    for f in originals[1] {
        let (Some(before), after) = (find(originals[0], &f.path), find(originals[1], &f.path))
        else {
            continue;
        };
        let (Some(m0), Some(m1)) = (find(merged[0], &f.path), find(merged[1], &f.path)) else {
            continue;
        };
        if Some(before) == after || m0 != m1 {
            continue;
        }
        out.push((
            f.record.clone(),
            format!(
                "the original's {} changed, the translation's did not",
                f.path
            ),
        ));
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

/// A data file's name: `content/data/kpis.yaml` → `kpis`.
fn data_name(path: &str) -> Option<&str> {
    path.strip_prefix("content/data/")?.strip_suffix(".yaml")
}
