//! A language other than the default: its sources made from the originals and their
//! translations, so the same checks build its version of the site.
//!
//! A translation holds only text. A statement's, update's or page's (`about.cy.md`) front
//! matter may give `title` and `summary`, and its body replaces the original's; every fact
//! (period, dates, approval, areas...) comes from the original alone. `data/cy/NAME.yaml`
//! gives, by list and id, the text fields of the original's records (`kpis: {ID: {title:
//! ...}}`), never a figure. `site.cy.yaml` gives the site's reader-facing words (title,
//! organisation, description, notice, licence). `check` refuses a fact, an unknown field
//! or id (with the closest known one), and says per file how many texts are not yet
//! translated.
//!
//! Each version's file is the original with its translation laid over it. Text left
//! untranslated keeps the original's words between the marks of [`crate::i18n::UNTRANSLATED`],
//! which rendering turns into an element with the default language's `lang` and a note
//! (`render::untranslated`). A Markdown file's merged front matter is written on one line,
//! padded to the translation's line count, so the translation's body keeps its line numbers
//! and every diagnostic on it points into the translation file.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::i18n::{mark_inline, primary};
use crate::source::classify::translation_of;
use crate::source::load::Sources;
use crate::source::yaml::Document;
use crate::source::{Source, split_front_matter};

/// The text fields of a statement's, update's or page's front matter.
pub const DOCUMENT_TEXT: [&str; 2] = ["title", "summary"];

/// Text in a statement's facts, shown in the original in every other language for now: who
/// approved it and the signatories' roles (with `not_covered`'s reasons).
const DOCUMENT_FACT_TEXT: [&str; 2] = ["approved_by", "role"];

/// The free text of a statement's `registry:` answers (its Statement summary): the original's
/// in every language for now, marked as such.
const REGISTRY_TEXT: [&str; 9] = [
    "other_policies",
    "other_training",
    "other_monitoring",
    "demonstrating_progress",
    "description",
    "other_area",
    "other_groups",
    "locations",
    "mitigation",
];

/// The reader-facing words of `site.yaml` a `site.LANG.yaml` may give.
/// `organisations` gives a joint statement's bodies' names in order, as site.yaml does
/// (`- name: ...`), and nothing else of them.
pub const SITE_TEXT: [&str; 6] = [
    "title",
    "organisation",
    "organisations",
    "description",
    "notice",
    "licence",
];

/// Text of `site.yaml` no translation file gives yet: shown in the default language.
const SITE_UNTRANSLATABLE: [&str; 3] = ["tested_by", "issue", "address"];

/// The text fields of each data file's records, by file and list: what `data/LANG/FILE`
/// may give by id.
pub const DATA_TEXT: &[(&str, &str, &[&str])] = &[
    ("kpis", "kpis", &["title", "description", "unit"]),
    ("training", "courses", &["title", "provider", "description"]),
    ("training", "resources", &["title", "description"]),
    (
        "partnerships",
        "partnerships",
        &["name", "description", "role"],
    ),
    ("partnerships", "activities", &["title", "description"]),
    ("actions", "actions", &["title", "owner"]),
    ("commitments", "commitments", &["text"]),
];

/// Every text field of the data files, at any depth (a KPI value's summary, a progress
/// note, the charter's title, a course's audience): marked as in the original unless the
/// translation gives it. Ids, references, dates, periods, statuses and kinds are not text.
pub const DATA_TEXT_ANYWHERE: [&str; 13] = [
    "title",
    "description",
    "summary",
    "note",
    "source",
    "name",
    "role",
    "owner",
    "signed_by",
    "provider",
    "text",
    "unit",
    "audience",
];

/// The sources of one language's version of the site.
pub struct Version {
    pub site: Source,
    pub statements: Vec<Source>,
    pub updates: Vec<Source>,
    pub pages: Vec<Source>,
    pub data: Vec<(String, Source)>,
    /// The files whose body is the original's, untranslated: their HTML is marked whole.
    pub untranslated_bodies: Vec<String>,
    /// For each translated Markdown file, the original it translates (by path).
    pub originals: BTreeMap<String, String>,
}

/// The sources of the version of the site in `tag` (not the default language).
pub fn version(sources: &Sources, tag: &str, problems: &mut Vec<Diagnostic>) -> Option<Version> {
    let site = sources.site.as_ref()?;
    let language = primary(tag);
    let translation = |original: &str| {
        sources
            .translations
            .iter()
            .find(|t| translation_of(&t.path).is_some_and(|(l, o)| l == language && o == original))
    };
    if translation(&site.path).is_none() {
        problems.push(
            Diagnostic::warning(
                &site.path,
                format!("not yet translated into '{tag}': the site's title, description and names show in the original on the '{tag}' pages"),
            )
            .with_hint(format!("add the translation beside it, as {}", translated_name(&site.path, language))),
        );
    }
    let mut version = Version {
        site: site_version(site, translation(&site.path), problems),
        statements: Vec::new(),
        updates: Vec::new(),
        pages: Vec::new(),
        data: Vec::new(),
        untranslated_bodies: Vec::new(),
        originals: BTreeMap::new(),
    };
    for (list, into) in [
        (&sources.statements, &mut version.statements),
        (&sources.updates, &mut version.updates),
        (&sources.pages, &mut version.pages),
    ] {
        for original in list {
            let t = translation(&original.path);
            let merged = document(original, t, tag, problems);
            match t {
                Some(t) => {
                    version
                        .originals
                        .insert(t.path.clone(), original.path.clone());
                }
                None => {
                    problems.push(
                        Diagnostic::warning(
                            &original.path,
                            format!("not yet translated into '{tag}': its title, summary and text show in the original on the '{tag}' pages"),
                        )
                        .with_hint(format!("add the translation beside it, as {}", translated_name(&original.path, language))),
                    );
                    version.untranslated_bodies.push(original.path.clone());
                }
            }
            into.push(merged);
        }
    }
    for (name, original) in &sources.data {
        version.data.push((
            name.clone(),
            data(name, original, translation(&original.path), tag, problems),
        ));
    }
    Some(version)
}

/// `content/pages/about.md` → `content/pages/about.cy.md`.
fn translated_name(path: &str, language: &str) -> String {
    for ext in [".md", ".yaml"] {
        if let Some(stem) = path.strip_suffix(ext) {
            return format!("{stem}.{language}{ext}");
        }
    }
    path.to_string()
}

/// Translation files whose language the site does not have, or whose original is missing.
pub fn check_files(sources: &Sources, languages: &[String], problems: &mut Vec<Diagnostic>) {
    // The marks of untranslated text may not come from a source.
    for s in sources
        .site
        .iter()
        .chain(&sources.statements)
        .chain(&sources.updates)
        .chain(&sources.pages)
        .chain(&sources.translations)
        .chain(sources.data.iter().map(|(_, s)| s))
    {
        if let Some(at) = s.text.find(crate::i18n::UNTRANSLATED) {
            let line = s.text[..at].matches('\n').count() + 1;
            let column = s.text[..at]
                .rsplit('\n')
                .next()
                .map_or(0, |l| l.chars().count())
                + 1;
            problems.push(
                Diagnostic::error(&s.path, "this file holds a private-use character (U+E000 to U+E003) candour uses to mark untranslated text")
                    .at(&s.text, line, column)
                    .with_hint("delete the character; it shows as nothing or a box in most editors"),
            );
        }
    }
    let originals: Vec<&str> = sources
        .site
        .iter()
        .chain(&sources.statements)
        .chain(&sources.updates)
        .chain(&sources.pages)
        .chain(sources.data.iter().map(|(_, s)| s))
        .map(|s| s.path.as_str())
        .collect();
    for t in &sources.translations {
        let Some((language, original)) = translation_of(&t.path) else {
            continue;
        };
        if !languages.iter().skip(1).any(|l| primary(l) == language) {
            let hint = if primary(&languages[0]) == language {
                format!(
                    "'{language}' is the site's default language: its text goes in {original} itself"
                )
            } else {
                format!(
                    "add '{language}' to `languages` in content/site.yaml (the default first, such as [en, {language}]), or remove this file"
                )
            };
            problems.push(
                Diagnostic::error(
                    &t.path,
                    format!("the site has no language '{language}' to translate into"),
                )
                .with_hint(hint),
            );
        } else if !originals.contains(&original.as_str()) {
            problems.push(
                Diagnostic::error(&t.path, format!("there is no {original} for this to translate"))
                    .with_hint("a translation gives the text of a file in the default language; add that file, or rename this one after it"),
            );
        }
    }
}

/// A statement, update or page in `tag`: the original's front matter with the
/// translation's text laid over it, and the translation's body (or the original's,
/// untranslated).
fn document(
    original: &Source,
    translation: Option<&Source>,
    tag: &str,
    problems: &mut Vec<Diagnostic>,
) -> Source {
    let Ok(fm) = split_front_matter(original) else {
        return original.clone();
    };
    let Ok(mut front) = serde_norway::from_str::<Map<String, Value>>(fm.yaml) else {
        return original.clone();
    };
    // Text among the facts, which a translation does not give yet: who approved and signed
    // (by role), why an area is not covered. Shown in the original, marked.
    mark_deep(&mut front, &DOCUMENT_FACT_TEXT);
    if let Some(Value::Object(registry)) = front.get_mut("registry") {
        mark_deep(registry, &REGISTRY_TEXT);
    }
    if let Some(Value::Object(reasons)) = front.get_mut("not_covered") {
        for reason in reasons.values_mut() {
            if let Value::String(text) = reason {
                *text = mark_inline(text);
            }
        }
    }
    let Some(t) = translation else {
        for key in DOCUMENT_TEXT {
            mark(&mut front, key);
        }
        return padded(original, &front, fm.body, fm.body_line_offset);
    };
    let tfm = match split_front_matter(t) {
        Ok(tfm) => tfm,
        Err(d) => {
            problems.push(d);
            return original.clone();
        }
    };
    let texts = text_fields(t, tfm.yaml, 1, &original.path, &DOCUMENT_TEXT, problems);
    let mut untranslated = Vec::new();
    for key in DOCUMENT_TEXT {
        match texts.get(key) {
            Some(text) => {
                front.insert(key.to_string(), Value::String(text.clone()));
            }
            None if front.contains_key(key) => {
                untranslated.push(key);
                mark(&mut front, key);
            }
            None => {}
        }
    }
    if !untranslated.is_empty() {
        problems.push(not_yet(&t.path, tag, untranslated.len(), &untranslated));
    }
    let filled =
        super::translation_body::fill(fm.body, fm.body_line_offset, tfm.body, tfm.body_line_offset);
    problems.extend(super::translation_body::warning(&t.path, tag, &filled));
    padded(t, &front, &filled.body, tfm.body_line_offset)
}

/// `---`, the front matter as one line of JSON (which is YAML), blank lines up to the
/// closing `---` at line `closing`, then `body`: the body keeps its lines.
fn padded(of: &Source, front: &Map<String, Value>, body: &str, closing: usize) -> Source {
    let json = serde_json::to_string(front).unwrap_or_default();
    let blanks = closing.saturating_sub(3);
    Source {
        path: of.path.clone(),
        text: format!("---\n{json}\n{}---\n{body}", "\n".repeat(blanks)).into(),
    }
}

/// The text fields a translation's YAML gives, each checked: a field that is not one of
/// `allowed` is refused, as a fact of `original` or as unknown.
fn text_fields(
    t: &Source,
    yaml: &str,
    line_offset: usize,
    original: &str,
    allowed: &[&str],
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<String, String> {
    let mut texts = BTreeMap::new();
    if yaml
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return texts;
    }
    let doc = Document {
        source: t,
        yaml,
        line_offset,
    };
    let (fields, spans) = match doc.parse::<BTreeMap<String, Value>>("translation") {
        Ok(ok) => ok,
        Err(mut d) => {
            problems.append(&mut d);
            return texts;
        }
    };
    for (key, value) in fields {
        if !allowed.contains(&key.as_str()) {
            problems.push(refused(&doc, &spans, &key, &key, original, allowed));
            continue;
        }
        match value {
            Value::String(text) => {
                texts.insert(key, text);
            }
            // `licence` is a mapping of text (name, url).
            Value::Object(map) if map.values().all(Value::is_string) => {
                texts.insert(key, serde_json::to_string(&map).unwrap_or_default());
            }
            // `organisations`: each body's name, as site.yaml lists them.
            Value::Array(items)
                if items.iter().all(|i| {
                    i.as_object().is_some_and(|m| {
                        m.len() == 1 && m.get("name").is_some_and(Value::is_string)
                    })
                }) =>
            {
                texts.insert(key, serde_json::to_string(&items).unwrap_or_default());
            }
            _ => problems.push(
                doc.error_at(&spans, &key, format!("`{key}` should be text"))
                    .with_hint("write the translated text after the colon"),
            ),
        }
    }
    texts
}

/// The problem of a field a translation may not give, at `path`.
fn refused(
    doc: &Document<'_>,
    spans: &crate::source::yaml::Spans,
    path: &str,
    key: &str,
    original: &str,
    allowed: &[&str],
) -> Diagnostic {
    let at = format!("{path}#key");
    match did_you_mean(key, allowed.iter().copied()) {
        Some(best) if best != key => doc
            .error_at(spans, &at, format!("a translation has no field `{key}`"))
            .with_hint(format!("did you mean `{best}`? a translation gives only text: {}", allowed.join(", "))),
        _ => doc
            .error_at(spans, &at, format!("`{key}` is not text to translate: it comes from {original} alone"))
            .with_hint(format!("a translation gives only text ({}); figures, periods, dates and statuses are the original's, so the two can never disagree", allowed.join(", "))),
    }
}

/// The warning that a translation lacks some of its original's text.
fn not_yet(path: &str, tag: &str, count: usize, fields: &[impl AsRef<str>]) -> Diagnostic {
    let listed: Vec<&str> = fields.iter().take(8).map(AsRef::as_ref).collect();
    let more = if fields.len() > listed.len() {
        format!(" and {} more", fields.len() - listed.len())
    } else {
        String::new()
    };
    Diagnostic::warning(
        path,
        format!(
            "{count} {} not yet translated into '{tag}': {}{more}",
            if count == 1 { "text is" } else { "texts are" },
            listed.join(", ")
        ),
    )
    .with_hint("until it is translated, the page shows the original text, marked as in the default language with a note saying so")
}

/// Marks the text at `key` as untranslated.
fn mark(map: &mut Map<String, Value>, key: &str) {
    if let Some(Value::String(text)) = map.get_mut(key) {
        *text = mark_inline(text);
    }
}

/// `site.yaml` in another language: the original's settings, with `site.LANG.yaml`'s text
/// first (so its lines keep their numbers) and every other setting after it, each on one
/// line. Text no translation gives is marked.
fn site_version(
    original: &Source,
    translation: Option<&Source>,
    problems: &mut Vec<Diagnostic>,
) -> Source {
    let Ok(mut settings) = serde_norway::from_str::<Map<String, Value>>(&original.text) else {
        return original.clone();
    };
    // Text the translation cannot give yet stays in the default language, the aspects'
    // headings too (site.yaml's `aspects:`, which no translation gives yet).
    mark_deep(&mut settings, &SITE_UNTRANSLATABLE);
    if let Some(Value::Array(aspects)) = settings.get_mut("aspects") {
        for aspect in aspects.iter_mut().filter_map(Value::as_object_mut) {
            mark(aspect, "title");
            mark(aspect, "description");
        }
    }
    let (path, head, given) = match translation {
        Some(t) => {
            let texts = text_fields(t, &t.text, 0, &original.path, &SITE_TEXT, problems);
            (t.path.clone(), format!("{}\n", t.text.trim_end()), texts)
        }
        None => (original.path.clone(), String::new(), BTreeMap::new()),
    };
    if let (Some(t), Some(names)) = (translation, given.get("organisations")) {
        let count = |v: Option<&Value>| v.and_then(Value::as_array).map_or(0, Vec::len);
        let given = count(serde_json::from_str::<Value>(names).ok().as_ref());
        let original = count(settings.get("organisations"));
        if given != original {
            problems.push(
                Diagnostic::error(
                    &t.path,
                    format!(
                        "`organisations` gives {given} {}, but {} lists {original} bodies",
                        if given == 1 { "name" } else { "names" },
                        original_path(t)
                    ),
                )
                .with_hint(
                    "give each body's name in the same order as site.yaml, one `- name:` each",
                ),
            );
        }
    }
    let mut tail = String::new();
    for (key, value) in &mut settings {
        if given.contains_key(key) {
            continue;
        }
        if SITE_TEXT.contains(&key.as_str()) {
            if let Value::String(text) = value {
                *text = mark_inline(text);
            }
            if let Value::Object(map) = value {
                for v in map.values_mut() {
                    if let Value::String(text) = v {
                        *text = mark_inline(text);
                    }
                }
            }
            if let Value::Array(items) = value {
                for item in items {
                    if let Some(Value::String(text)) = item.get_mut("name") {
                        *text = mark_inline(text);
                    }
                }
            }
        }
        let line = serde_json::to_string(value).unwrap_or_default();
        tail.push_str(&format!("{key}: {line}\n"));
    }
    let untranslated: Vec<&str> = SITE_TEXT
        .iter()
        .copied()
        .filter(|k| settings.contains_key(*k) && !given.contains_key(*k))
        .collect();
    if let Some(t) = translation
        && !untranslated.is_empty()
    {
        let tag = translation_of(&t.path).map_or("", |(l, _)| l);
        problems.push(not_yet(&t.path, tag, untranslated.len(), &untranslated));
    }
    Source {
        path,
        text: format!("{head}{tail}").into(),
    }
}

/// The file a translation translates, by its path (`content/site.yaml`).
fn original_path(t: &Source) -> String {
    translation_of(&t.path).map_or_else(|| t.path.clone(), |(_, o)| o)
}

/// Marks every text at a key of `keys`, at any depth.
fn mark_deep(map: &mut Map<String, Value>, keys: &[&str]) {
    for (key, value) in map.iter_mut() {
        match value {
            Value::String(text) if keys.contains(&key.as_str()) => *text = mark_inline(text),
            Value::Array(items) if keys.contains(&key.as_str()) => {
                for item in items {
                    if let Value::String(text) = item {
                        *text = mark_inline(text);
                    }
                }
            }
            Value::Object(inner) => mark_deep(inner, keys),
            Value::Array(items) => {
                for item in items {
                    if let Value::Object(inner) = item {
                        mark_deep(inner, keys);
                    }
                }
            }
            _ => {}
        }
    }
}

/// A data file in `tag`: the original's records with the translation's text laid over
/// them by id. Written as JSON (which is YAML): nothing in it is reported, since the
/// original was checked as it is and the translation on its own.
fn data(
    name: &str,
    original: &Source,
    translation: Option<&Source>,
    tag: &str,
    problems: &mut Vec<Diagnostic>,
) -> Source {
    let Ok(Value::Object(mut file)) = serde_norway::from_str::<Value>(&original.text) else {
        return original.clone();
    };
    let lists: Vec<(&str, &[&str])> = DATA_TEXT
        .iter()
        .filter(|(f, ..)| *f == name)
        .map(|(_, list, fields)| (*list, *fields))
        .collect();
    // The translation's text, by list, id and field.
    let mut given: BTreeMap<(String, String, String), String> = BTreeMap::new();
    if let Some(t) = translation {
        given = data_translation(t, &original.path, &file, &lists, problems);
    }
    mark_deep(&mut file, &DATA_TEXT_ANYWHERE);
    let mut untranslated = Vec::new();
    for (list, fields) in &lists {
        let Some(Value::Array(records)) = file.get_mut(*list) else {
            continue;
        };
        for record in records {
            let Value::Object(record) = record else {
                continue;
            };
            let id = record
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            for field in *fields {
                let key = (list.to_string(), id.clone(), field.to_string());
                match (given.remove(&key), record.get_mut(*field)) {
                    (Some(text), Some(value)) => *value = Value::String(text),
                    (None, Some(Value::String(_))) => {
                        untranslated.push(format!("{list}.{id}.{field}"));
                    }
                    _ => {}
                }
            }
        }
    }
    if !untranslated.is_empty() {
        let at = translation.map_or(original.path.as_str(), |t| t.path.as_str());
        problems.push(not_yet(at, tag, untranslated.len(), &untranslated).with_hint(format!(
            "give them by id in content/data/{}/{name}.yaml, such as `{}: {{ID: {{title: ...}}}}`; until then the pages show the original text, marked as in the default language",
            primary(tag),
            lists.first().map_or("kpis", |(l, _)| l)
        )));
    }
    Source {
        path: original.path.clone(),
        text: serde_json::to_string(&file).unwrap_or_default().into(),
    }
}

/// The text a data translation gives, by (list, id, field), each checked against the
/// original's lists, ids and text fields.
fn data_translation(
    t: &Source,
    original: &str,
    file: &Map<String, Value>,
    lists: &[(&str, &[&str])],
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<(String, String, String), String> {
    let mut given = BTreeMap::new();
    let doc = Document {
        source: t,
        yaml: &t.text,
        line_offset: 0,
    };
    let parsed = doc
        .parse::<BTreeMap<String, BTreeMap<String, BTreeMap<String, Value>>>>("data translation");
    let (lists_given, spans) = match parsed {
        Ok(ok) => ok,
        Err(mut d) => {
            problems.append(&mut d);
            return given;
        }
    };
    let list_names: Vec<&str> = lists.iter().map(|(l, _)| *l).collect();
    for (list, records) in lists_given {
        let Some((_, fields)) = lists.iter().find(|(l, _)| *l == list) else {
            let hint = if list_names.is_empty() {
                format!("{original} has no text to translate by id")
            } else {
                match did_you_mean(&list, list_names.iter().copied()) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => format!("the lists are: {}", list_names.join(", ")),
                }
            };
            problems.push(
                doc.error_at(
                    &spans,
                    &format!("{list}#key"),
                    format!("{original} has no list `{list}` to translate"),
                )
                .with_hint(hint),
            );
            continue;
        };
        let ids: Vec<&str> = match file.get(&list) {
            Some(Value::Array(records)) => records
                .iter()
                .filter_map(|r| r.get("id").and_then(Value::as_str))
                .collect(),
            _ => Vec::new(),
        };
        for (id, texts) in records {
            let at = format!("{list}.{id}");
            if !ids.contains(&id.as_str()) {
                let hint = match did_you_mean(&id, ids.iter().copied()) {
                    Some(best) => format!("did you mean '{best}'?"),
                    None => format!("the ids in {original}'s `{list}` are: {}", ids.join(", ")),
                };
                problems.push(
                    doc.error_at(
                        &spans,
                        &format!("{at}#key"),
                        format!("there is no `{id}` in {original}'s `{list}`"),
                    )
                    .with_hint(hint),
                );
                continue;
            }
            for (field, value) in texts {
                let path = format!("{at}.{field}");
                if !fields.contains(&field.as_str()) {
                    problems.push(refused(&doc, &spans, &path, &field, original, fields));
                    continue;
                }
                match value {
                    Value::String(text) => {
                        given.insert((list.clone(), id.clone(), field), text);
                    }
                    _ => problems.push(
                        doc.error_at(&spans, &path, format!("`{field}` should be text"))
                            .with_hint("write the translated text after the colon"),
                    ),
                }
            }
        }
    }
    given
}
