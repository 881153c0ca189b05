//! A language other than the default: its sources made from the originals and their
//! translations, so the same checks build its version of the site.
//!
//! A translation holds only text, laid out as its original is (`overlay`): a statement's,
//! update's or page's (`about.cy.md`) front matter may give its text at any depth (`title`,
//! `summary`, `approval: {approved_by, signed_by: [{role}]}`, `not_covered`'s reasons, the
//! registry answers' own words), and its body replaces the original's; `data/cy/NAME.yaml`
//! gives the data's text, records by id and per-period records by period (`kpis: {ID:
//! {title: ..., values: {2022/23: {summary: ...}}}}`, `charter: {title: ...}`);
//! `site.cy.yaml` gives the site's reader-facing words (title, organisation or each body's
//! name, description, notice, licence, the aspects by id, the contact address, the
//! accessibility statement's wording). `check` refuses a fact, an unknown field, id or
//! period (with the closest known one) and a list of another length, and says per file how
//! many texts are not yet translated, and which.
//!
//! Each version's file is the original with its translation laid over it. Text left
//! untranslated keeps the original's words between the marks of [`crate::i18n::UNTRANSLATED`],
//! which rendering turns into an element with the default language's `lang` and a note
//! (`render::untranslated`). A Markdown file's merged front matter is written on one line,
//! padded to the translation's line count, so the translation's body starts at its own line.
//! A section the translation leaves empty is filled with the original's, marked
//! ([`crate::check::translation_body`]), which also says where each merged line comes from,
//! so every diagnostic is put back at its real file and line.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::diagnostic::Diagnostic;
use crate::i18n::primary;
use crate::source::classify::translation_of;
use crate::source::load::Sources;
use crate::source::yaml::{Document, Spans};
use crate::source::{Source, split_front_matter};

mod overlay;
use overlay::{Overlay, Texts};

/// The text of a statement's, update's or page's front matter, at any depth: its title and
/// summary, who approved it and the signatories' roles, and its `registry:` answers' free
/// text (the Statement summary's). `not_covered`'s reasons are text too
/// (`DOCUMENT_TEXT_UNDER`); names, dates, periods, areas and the registry's chosen answers
/// are facts. The `changes` notes are the page history's, which shows every note of the
/// original as in the default language (`check::history_of`).
pub const DOCUMENT_TEXT: [&str; 13] = [
    "title",
    "summary",
    "approved_by",
    "role",
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

/// The mappings of a front matter whose every string is text: `not_covered: {AREA: reason}`.
pub const DOCUMENT_TEXT_UNDER: [&str; 1] = ["not_covered"];

/// The reader-facing words of `site.yaml`, at any depth: the site's title, organisation (or
/// each body's `name`), description and notice, the aspects' titles and descriptions, the
/// contact address, and the accessibility statement's wording (each issue, the WCAG success
/// criterion it fails, which has no official Welsh name, the exemptions, who tested). The
/// `licence` (name and address) is text whole.
pub const SITE_TEXT: [&str; 10] = [
    "title",
    "organisation",
    "description",
    "notice",
    "name",
    "issue",
    "exemptions",
    "wcag",
    "tested_by",
    "address",
];

/// The mappings of `site.yaml` whose every string is text.
pub const SITE_TEXT_UNDER: [&str; 1] = ["licence"];

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
    /// For each translated Markdown file and `site.LANG.yaml`, the original it translates
    /// (by path).
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
    // A problem of the site's settings is the original's to report, once.
    if let Some(t) = translation(&site.path) {
        version.originals.insert(t.path.clone(), site.path.clone());
    }
    for (list, into) in [
        (&sources.statements, &mut version.statements),
        (&sources.updates, &mut version.updates),
        (&sources.pages, &mut version.pages),
    ] {
        for original in list {
            let t = translation(&original.path);
            // An empty translation (as an editor makes a new file) is one not yet written:
            // a warning, its page shown in the original, marked, as without the file.
            let empty = t.filter(|t| t.text.trim().is_empty());
            if let Some(e) = empty {
                problems.push(
                    Diagnostic::warning(
                        &e.path,
                        format!("this translation is empty: its title, summary and text show in the original on the '{tag}' pages"),
                    )
                    .with_hint(TRANSLATION_FRONT_MATTER),
                );
                version.untranslated_bodies.push(original.path.clone());
                into.push(document(original, None, tag, problems));
                continue;
            }
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

/// How a translation of a statement, update or page starts: its front matter gives text only.
const TRANSLATION_FRONT_MATTER: &str = "start the file with a line '---', the text it translates (title, summary), another '---' line, then the text under the original's headings";

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
    let texts = || Texts {
        keys: &DOCUMENT_TEXT,
        under: &DOCUMENT_TEXT_UNDER,
    };
    let Some(t) = translation else {
        let mut overlay = Overlay {
            doc: None,
            original: &original.path,
            texts: texts(),
            problems,
            untranslated: Vec::new(),
        };
        overlay.map(&mut front, None);
        return padded(original, &front, fm.body, fm.body_line_offset);
    };
    let tfm = match split_front_matter(t) {
        Ok(tfm) => tfm,
        Err(d) => {
            // A translation's front matter gives text only: the hint names no fact.
            let d = if d.message == "this file has no front matter" {
                d.with_hint(TRANSLATION_FRONT_MATTER)
            } else {
                d
            };
            problems.push(d);
            return original.clone();
        }
    };
    let doc = Document {
        source: t,
        yaml: tfm.yaml,
        line_offset: 1,
    };
    let Some((given, spans)) = translation_yaml(&doc, problems) else {
        return original.clone();
    };
    let mut overlay = Overlay {
        doc: Some((&doc, &spans)),
        original: &original.path,
        texts: texts(),
        problems,
        untranslated: Vec::new(),
    };
    overlay.map(&mut front, Some(&given));
    let untranslated = overlay.untranslated;
    if !untranslated.is_empty() {
        problems.push(not_yet(&t.path, tag, untranslated.len(), &untranslated));
    }
    let filled =
        super::translation_body::fill(fm.body, fm.body_line_offset, tfm.body, tfm.body_line_offset);
    problems.extend(super::translation_body::warning(&t.path, tag, &filled));
    padded(t, &front, &filled.body, tfm.body_line_offset)
}

/// A translation's YAML as a mapping, with its spans; an empty mapping when it gives
/// nothing (only comments), `None` (with the problems) when it cannot be read.
fn translation_yaml(
    doc: &Document<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Option<(Map<String, Value>, Spans)> {
    if doc
        .yaml
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Some((Map::new(), Spans::default()));
    }
    match doc.parse::<Map<String, Value>>("translation") {
        Ok(ok) => Some(ok),
        Err(mut d) => {
            problems.append(&mut d);
            None
        }
    }
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

/// `site.yaml` in another language: the original's settings with `site.LANG.yaml`'s text
/// laid over them, written as one flow mapping over the translation's lines: each setting
/// the translation gives on its own line there (so a problem in its text points into the
/// translation), every other setting on the first line. Text no translation gives is
/// marked, and counted in the translation's warning.
fn site_version(
    original: &Source,
    translation: Option<&Source>,
    problems: &mut Vec<Diagnostic>,
) -> Source {
    let Ok(mut settings) = serde_norway::from_str::<Map<String, Value>>(&original.text) else {
        return original.clone();
    };
    let texts = || Texts {
        keys: &SITE_TEXT,
        under: &SITE_TEXT_UNDER,
    };
    let Some(t) = translation else {
        let mut overlay = Overlay {
            doc: None,
            original: &original.path,
            texts: texts(),
            problems,
            untranslated: Vec::new(),
        };
        overlay.map(&mut settings, None);
        return Source {
            path: original.path.clone(),
            text: serde_json::to_string(&settings).unwrap_or_default().into(),
        };
    };
    let doc = Document {
        source: t,
        yaml: &t.text,
        line_offset: 0,
    };
    let (given, spans) = translation_yaml(&doc, problems).unwrap_or_default();
    let mut overlay = Overlay {
        doc: Some((&doc, &spans)),
        original: &original.path,
        texts: texts(),
        problems,
        untranslated: Vec::new(),
    };
    overlay.map(&mut settings, Some(&given));
    let untranslated = overlay.untranslated;
    if !untranslated.is_empty() {
        let tag = translation_of(&t.path).map_or("", |(l, _)| l);
        problems.push(not_yet(&t.path, tag, untranslated.len(), &untranslated));
    }
    // Each setting on the line the translation gives it at, the rest on the first line.
    let lines = t.text.lines().count().max(1);
    let mut at: Vec<Vec<String>> = vec![Vec::new(); lines];
    for (key, value) in &settings {
        let line = spans
            .get(&format!("{key}#key"))
            .filter(|_| given.contains_key(key))
            .map_or(1, |(line, _)| line.clamp(1, lines));
        let key = serde_json::to_string(key).unwrap_or_default();
        let value = serde_json::to_string(value).unwrap_or_default();
        at[line - 1].push(format!("{key}: {value}"));
    }
    let mut text = String::from("{");
    let mut first = true;
    for (n, entries) in at.iter().enumerate() {
        if n > 0 {
            text.push('\n');
        }
        for entry in entries {
            if !first {
                text.push_str(", ");
            }
            text.push_str(entry);
            first = false;
        }
    }
    text.push_str("}\n");
    Source {
        path: t.path.clone(),
        text: text.into(),
    }
}

/// A data file in `tag`: the original's records with the translation's text laid over
/// them by id. Written as JSON (which is YAML): nothing in it is reported, since the
/// original was checked as it is and the translation on its own.
/// The shape a translation gives an untranslated text in, from its path as the warning
/// lists it: `orders[2019/20].source` → `orders: {2019/20: {source: ...}}`,
/// `kpis.code-of-practice.values[2022/23].summary` → `kpis: {code-of-practice: {values:
/// {2022/23: {summary: ...}}}}`. `None` for a path through a list by position
/// (`evidence[2].title`: the translation gives the whole list), which is no short example.
fn example_of(path: &str) -> Option<String> {
    let mut keys = Vec::new();
    for part in path.split('.') {
        let (key, brackets) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            keys.push(key.to_string());
        }
        for inner in brackets.split('[') {
            let Some(inner) = inner.strip_suffix(']') else {
                continue;
            };
            // A position (counted from 1), not a period (2019/20, 2020/21 H1, 2020).
            if inner.parse::<usize>().is_ok_and(|n| n < 1000) {
                return None;
            }
            keys.push(inner.to_string());
        }
    }
    let last = keys.pop()?;
    let mut out = format!("{last}: ...");
    for key in keys.iter().rev() {
        out = format!("{key}: {{{out}}}");
    }
    Some(out)
}

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
    let doc = translation.map(|t| Document {
        source: t,
        yaml: &t.text,
        line_offset: 0,
    });
    let given = doc.as_ref().and_then(|d| translation_yaml(d, problems));
    let mut overlay = Overlay {
        doc: doc.as_ref().zip(given.as_ref().map(|(_, s)| s)),
        original: &original.path,
        texts: Texts {
            keys: &DATA_TEXT_ANYWHERE,
            under: &[],
        },
        problems,
        untranslated: Vec::new(),
    };
    overlay.map(&mut file, given.as_ref().map(|(g, _)| g));
    let untranslated = overlay.untranslated;
    if !untranslated.is_empty() {
        let at = translation.map_or(original.path.as_str(), |t| t.path.as_str());
        let example = untranslated
            .iter()
            .find_map(|path| example_of(path))
            .or_else(|| {
                file.iter().find_map(|(list, v)| {
                    let id = v.as_array()?.first()?.get("id")?.as_str()?;
                    Some(format!("{list}: {{{id}: {{title: ...}}}}"))
                })
            })
            .unwrap_or_else(|| "charter: {title: ...}".to_string());
        problems.push(not_yet(at, tag, untranslated.len(), &untranslated).with_hint(format!(
            "give them in content/data/{}/{name}.yaml, laid out as the original is with lists of records by id or period, such as `{example}`; until then the pages show the original text, marked as in the default language",
            primary(tag),
        )));
    }
    Source {
        path: original.path.clone(),
        text: serde_json::to_string(&file).unwrap_or_default().into(),
    }
}
