//! A translation's body against its original's, section by section, and where each line of
//! the merged file (`translate::document`) comes from.
//!
//! A section is the text under a heading, up to the next heading of any level (the first is
//! the text before any heading). Sections are matched by heading position, as a translated
//! statement's headings are (`check::heading_mismatch`): when the translation has the
//! original's headings at the same levels, each of its sections that is empty where the
//! original's has text shows the original's text between the block marks of
//! [`crate::i18n::UNTRANSLATED`], each on a line of its own (so rendered as the only text of a
//! paragraph, which `markdown::render` takes away), and `check` warns with the headings still to
//! translate. A translation with no body at all shows the original's whole body, marked.
//!
//! Filling moves the translation's later lines down: [`places`] says where each line of the
//! merged file comes from, so `check` puts every diagnostic back at its real line
//! ([`repoint`]): in the translation, in the original for its text shown untranslated, and
//! never in the merged front matter's generated line of JSON.

use comrak::nodes::NodeValue;
use comrak::{Arena, parse_document};
use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::i18n::UNTRANSLATED;
use crate::source::{Source, split_front_matter};

/// Where a line of a merged translation comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// This line (1-based) of the translation file.
    Translation(usize),
    /// This line (1-based) of the original file: its text, shown untranslated.
    Original(usize),
    /// Made by candour: the merged front matter's line of JSON, a mark.
    Generated,
}

/// A heading of a Markdown body: its level and its lines (1-based, of the body; a setext
/// heading has two).
#[derive(Clone, Copy, Debug)]
struct Heading {
    level: u8,
    first: usize,
    last: usize,
}

fn headings(body: &str) -> Vec<Heading> {
    let arena = Arena::new();
    let root = parse_document(&arena, body, &crate::markdown::options(false));
    root.children()
        .filter_map(|n| {
            let data = n.data();
            match data.value {
                NodeValue::Heading(h) => Some(Heading {
                    level: h.level,
                    first: data.sourcepos.start.line,
                    last: data.sourcepos.end.line,
                }),
                _ => None,
            }
        })
        .collect()
}

/// The sections of `lines` (a body split in lines) after `heads`: for each, its lines
/// (0-based, end excluded). The first is the text before the first heading.
fn sections(lines: usize, heads: &[Heading]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(heads.len() + 1);
    let mut start = 0;
    for h in heads {
        out.push((start, h.first - 1));
        start = h.last;
    }
    out.push((start, lines));
    out
}

fn blank(lines: &[&str]) -> bool {
    lines.iter().all(|l| l.trim().is_empty())
}

/// A translation's body with its empty sections filled from the original, and where each of
/// its lines comes from.
pub struct Filled {
    pub body: String,
    /// Where each line of `body` comes from, in order.
    pub places: Vec<Place>,
    /// The translation's headings (as written, `#` marks taken off) whose sections show the
    /// original's text; `""` for the text before the first heading.
    pub untranslated: Vec<String>,
    /// The translation's headings whose text is the original heading's (in its place): text
    /// not yet translated, marked as such. A name or an acronym the same in both languages is
    /// counted too: the warning says so.
    pub same_headings: Vec<String>,
    /// The translation has no body at all, and shows the original's.
    pub whole: bool,
}

/// The body of a translation (`body`, from line `offset + 1` of its file) with each section
/// that is empty where the original's (`original`, from line `original_offset + 1`) has text
/// filled with the original's text, marked as untranslated.
pub fn fill(original: &str, original_offset: usize, body: &str, offset: usize) -> Filled {
    let t_lines: Vec<&str> = body.lines().collect();
    let o_lines: Vec<&str> = original.lines().collect();
    let own = |t_lines: &[&str]| Filled {
        body: body.to_string(),
        places: (1..=t_lines.len())
            .map(|n| Place::Translation(n + offset))
            .collect(),
        untranslated: Vec::new(),
        same_headings: Vec::new(),
        whole: false,
    };
    if blank(&o_lines) {
        return own(&t_lines);
    }
    let mut out = Filled {
        body: String::with_capacity(body.len() + original.len()),
        places: Vec::new(),
        untranslated: Vec::new(),
        same_headings: Vec::new(),
        whole: false,
    };
    if blank(&t_lines) {
        // Blank lines kept, so the end of the front matter keeps its place.
        for n in 0..t_lines.len() {
            out.body.push('\n');
            out.places.push(Place::Translation(n + 1 + offset));
        }
        // Each section marked by itself, and each heading's text inline, so no mark spans a
        // heading (a statement's opening text is shown apart from its sections).
        let o_heads = headings(original);
        for (i, &(from, to)) in sections(o_lines.len(), &o_heads).iter().enumerate() {
            if i > 0 {
                let h = o_heads[i - 1];
                for (n, line) in o_lines.iter().enumerate().take(h.last).skip(h.first - 1) {
                    let line = if n == h.first - 1 {
                        mark_heading(line)
                    } else {
                        line.to_string()
                    };
                    out.body.push_str(&line);
                    out.body.push('\n');
                    out.places.push(Place::Original(n + 1 + original_offset));
                }
            }
            if !blank(&o_lines[from..to]) {
                mark(&mut out, &o_lines, from, to, original_offset);
            }
        }
        out.whole = true;
        return out;
    }
    let (o_heads, t_heads) = (headings(original), headings(body));
    if o_heads.len() != t_heads.len()
        || o_heads
            .iter()
            .zip(&t_heads)
            .any(|(o, t)| o.level != t.level)
    {
        return own(&t_lines);
    }
    let o_sections = sections(o_lines.len(), &o_heads);
    let t_sections = sections(t_lines.len(), &t_heads);
    for (i, (&(os, oe), &(ts, te))) in o_sections.iter().zip(&t_sections).enumerate() {
        // The heading before this section (none for the first), as written; marked as
        // untranslated when its text is the original heading's.
        if i > 0 {
            let (h, o) = (t_heads[i - 1], o_heads[i - 1]);
            let text = heading_text(&t_lines[h.first - 1..h.last]);
            let same = !text.is_empty() && text == heading_text(&o_lines[o.first - 1..o.last]);
            if same {
                out.same_headings.push(text);
            }
            for (n, line) in t_lines.iter().enumerate().take(h.last).skip(h.first - 1) {
                if same && n == h.first - 1 {
                    out.body.push_str(&mark_heading(line));
                } else {
                    out.body.push_str(line);
                }
                out.body.push('\n');
                out.places.push(Place::Translation(n + 1 + offset));
            }
        }
        for (n, line) in t_lines.iter().enumerate().take(te).skip(ts) {
            out.body.push_str(line);
            out.body.push('\n');
            out.places.push(Place::Translation(n + 1 + offset));
        }
        if blank(&t_lines[ts..te]) && !blank(&o_lines[os..oe]) {
            out.untranslated.push(match i {
                0 => String::new(),
                _ => heading_text(&t_lines[t_heads[i - 1].first - 1..t_heads[i - 1].last]),
            });
            mark(&mut out, &o_lines, os, oe, original_offset);
        }
    }
    out
}

/// Adds the original's lines `from..to` (0-based), between the block marks.
fn mark(out: &mut Filled, o_lines: &[&str], from: usize, to: usize, original_offset: usize) {
    let [_, _, open, close] = UNTRANSLATED;
    let generated = |out: &mut Filled, text: String| {
        out.body.push_str(&text);
        out.places.push(Place::Generated);
    };
    generated(out, "\n".into());
    generated(out, format!("{open}\n"));
    generated(out, "\n".into());
    for (n, line) in o_lines.iter().enumerate().take(to).skip(from) {
        out.body.push_str(line);
        out.body.push('\n');
        out.places.push(Place::Original(n + 1 + original_offset));
    }
    generated(out, "\n".into());
    generated(out, format!("{close}\n"));
    generated(out, "\n".into());
}

/// A heading's first line with its text between the inline marks: `## Our approach` →
/// `## \u{E000}Our approach\u{E001}` (the id made of it is the same).
fn mark_heading(line: &str) -> String {
    let [open, close, ..] = UNTRANSLATED;
    let indent = line.len() - line.trim_start().len();
    let (lead, text) = line.split_at(indent);
    let hashes = text.len() - text.trim_start_matches('#').len();
    let (hashes, text) = text.split_at(hashes);
    let spaces = text.len() - text.trim_start().len();
    let (spaces, text) = text.split_at(spaces);
    // A closing run of `#`s stays outside.
    let body = text.trim_end();
    let body = if hashes.is_empty() {
        body
    } else {
        body.trim_end_matches('#').trim_end()
    };
    let tail = &text[body.len()..];
    format!("{lead}{hashes}{spaces}{open}{body}{close}{tail}")
}

/// A heading's text as written: `## Our approach` → `Our approach`; a setext heading's first
/// line.
fn heading_text(lines: &[&str]) -> String {
    let first = lines.first().map_or("", |l| l.trim());
    if first.starts_with('#') {
        first
            .trim_start_matches('#')
            .trim()
            .trim_end_matches('#')
            .trim()
            .to_string()
    } else {
        first.to_string()
    }
}

/// The warning that `filled`'s translation (`path`) leaves text untranslated, or `None`.
pub fn warning(path: &str, tag: &str, filled: &Filled) -> Option<Diagnostic> {
    if filled.whole {
        return Some(
            Diagnostic::warning(
                path,
                format!("the text is not yet translated into '{tag}': the page shows the original's, marked as such"),
            )
            .with_hint("write the translation under the front matter, with the original's headings in the same order and at the same levels"),
        );
    }
    let count = filled.untranslated.len();
    let headings = filled.same_headings.len();
    if count + headings == 0 {
        return None;
    }
    let named: Vec<String> = filled
        .untranslated
        .iter()
        .map(|h| {
            if h.is_empty() {
                "the text before the first heading".to_string()
            } else {
                format!("'{h}'")
            }
        })
        .chain(
            filled
                .same_headings
                .iter()
                .map(|h| format!("the heading '{h}'")),
        )
        .take(8)
        .collect();
    let more = match (count + headings).saturating_sub(named.len()) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    let what = match (count, headings) {
        (1, 0) => "section is".to_string(),
        (n, 0) => format!("{n} sections are"),
        (0, 1) => "heading is".to_string(),
        (0, n) => format!("{n} headings are"),
        (s, h) => format!(
            "{s} {} and {h} {} are",
            if s == 1 { "section" } else { "sections" },
            if h == 1 { "heading" } else { "headings" }
        ),
    };
    let what = if what.starts_with(|c: char| c.is_ascii_digit()) {
        what
    } else {
        format!("1 {what}")
    };
    let mut hint = "until it is translated, the page shows the original's text of each, marked as in the default language with a note saying so".to_string();
    if headings > 0 {
        hint.push_str("; a heading the same as the original's is counted as not translated, even a name or an acronym that is the same in both languages");
    }
    Some(
        Diagnostic::warning(
            path,
            format!(
                "{what} not yet translated into '{tag}': {}{more}",
                named.join(", ")
            ),
        )
        .with_hint(hint),
    )
}

/// Where each line of the merged file of `translation` (its front matter made one line of
/// JSON, its body filled from `original`'s) comes from; `None` when either has no front
/// matter (and nothing was merged).
pub fn places(original: &Source, translation: &Source) -> Option<Vec<Place>> {
    let ofm = split_front_matter(original).ok()?;
    let tfm = split_front_matter(translation).ok()?;
    let mut places = vec![Place::Translation(1), Place::Generated];
    // The blank lines the front matter is padded with, and its closing `---` (the third line
    // of the merged file when the translation's front matter is empty).
    let closing = tfm.body_line_offset;
    places.extend((3..=closing.max(3)).map(|n| Place::Translation(n.min(closing))));
    let filled = fill(
        ofm.body,
        ofm.body_line_offset,
        tfm.body,
        tfm.body_line_offset,
    );
    places.extend(filled.places);
    Some(places)
}

/// A diagnostic of `merged`, the merged file of `translation`, put at its real line: the
/// translation's, or the original's for its text shown untranslated (`d.file` then names
/// the original). One on the merged front matter's line of JSON is put at the line of the
/// field it is about: the translation's when it gives it, the original's otherwise; `None`
/// when `follow_on` (the translation's headings do not match, which is said already, and a
/// problem of the front matter is its consequence). A diagnostic without a line is kept.
pub fn repoint(
    d: Diagnostic,
    places: &[Place],
    merged: &Source,
    original: &Source,
    translation: &Source,
    follow_on: bool,
) -> Option<Diagnostic> {
    if d.line == 0 {
        return Some(d);
    }
    let moved = |d: Diagnostic, to: &Source, line: usize, column: usize| {
        Diagnostic {
            file: to.path.clone(),
            ..d
        }
        .at(&to.text, line, column)
    };
    let column = d.column;
    match places.get(d.line - 1) {
        Some(Place::Translation(n)) => Some(moved(d, translation, *n, column)),
        Some(Place::Original(n)) => Some(moved(d, original, *n, column)),
        Some(Place::Generated) if d.line == 2 && !follow_on => {
            let line = merged.text.lines().nth(1).unwrap_or("");
            let key = key_at(line, d.column);
            let given = |s: &Source| key.as_deref().and_then(|k| line_of(s, k));
            Some(match given(translation) {
                Some((n, c)) => moved(d, translation, n, c),
                None => match given(original) {
                    Some((n, c)) => moved(d, original, n, c),
                    None => moved(d, original, 1, 1),
                },
            })
        }
        Some(Place::Generated) => None,
        None => Some(d),
    }
}

/// The top-level key of the JSON object on `line` whose entry holds character `column`
/// (1-based).
fn key_at(json: &str, column: usize) -> Option<String> {
    // The merged line is the original's front matter as JSON; read the keys in order with
    // where each entry starts.
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(json) else {
        return None;
    };
    let mut best = None;
    let mut from = 0;
    for key in map.keys() {
        let quoted = serde_json::to_string(key).ok()?;
        // Each key appears, quoted and followed by a colon, at depth one; search on from the
        // previous one (values come before the next key).
        let needle = format!("{quoted}:");
        let Some(at) = json[from..].find(&needle).map(|i| i + from) else {
            continue;
        };
        if json[..at].chars().count() < column {
            best = Some(key.clone());
        }
        from = at + needle.len();
    }
    best
}

/// The line and column of the value of the top-level field `key` in `source`'s front matter.
fn line_of(source: &Source, key: &str) -> Option<(usize, usize)> {
    let fm = split_front_matter(source).ok()?;
    fm.yaml.lines().enumerate().find_map(|(n, l)| {
        let rest = l.strip_prefix(key)?.strip_prefix(':')?;
        let column = key.chars().count() + 2 + rest.len() - rest.trim_start().len();
        Some((n + 1 + fm.yaml_line_offset, column))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(path: &str, text: &str) -> Source {
        Source {
            path: path.into(),
            text: text.into(),
        }
    }

    #[test]
    fn a_heading_is_marked_inside_its_hashes() {
        let [open, close, ..] = UNTRANSLATED;
        assert_eq!(
            mark_heading("## Our approach ##"),
            format!("## {open}Our approach{close} ##")
        );
        assert_eq!(mark_heading("Setext"), format!("{open}Setext{close}"));
        assert_eq!(heading_text(&["### Gorfodaeth ###"]), "Gorfodaeth");
    }

    #[test]
    fn a_problem_on_the_generated_line_goes_to_the_field_it_is_about() {
        let original = source(
            "s.md",
            "---\ntitle: Statement\nperiod: 2022/23\nareas:\n  policies: our-approach\n---\nText.\n",
        );
        let translation = source("s.cy.md", "---\n# sylw\ntitle: Datganiad\n---\nTestun.\n");
        let json =
            r#"{"areas":{"policies":"our-approach"},"period":"2022/23","title":"Datganiad"}"#;
        let merged = source("s.cy.md", &format!("---\n{json}\n\n---\nTestun.\n"));
        let lines = places(&original, &translation).unwrap();
        assert_eq!(lines.len(), 5);
        let at = |key: &str| {
            let column = json[..json.find(key).unwrap()].chars().count() + 1;
            Diagnostic::error("s.cy.md", "x").at(&merged.text, 2, column + 2)
        };
        let d = repoint(
            at("\"title\""),
            &lines,
            &merged,
            &original,
            &translation,
            false,
        )
        .unwrap();
        assert_eq!((d.file.as_str(), d.line, d.column), ("s.cy.md", 3, 8));
        let d = repoint(
            at("\"areas\""),
            &lines,
            &merged,
            &original,
            &translation,
            false,
        )
        .unwrap();
        assert_eq!((d.file.as_str(), d.line, d.column), ("s.md", 4, 7));
        assert!(
            repoint(
                at("\"areas\""),
                &lines,
                &merged,
                &original,
                &translation,
                true
            )
            .is_none()
        );
        // The body keeps its line.
        let d = Diagnostic::error("s.cy.md", "x").at(&merged.text, 5, 1);
        let d = repoint(d, &lines, &merged, &original, &translation, true).unwrap();
        assert_eq!((d.line, d.source_line.as_deref()), (5, Some("Testun.")));
        // An empty front matter: the merged file's is a line longer, its body a line lower.
        let bare = source(
            "s.cy.md",
            "---
---
Testun.
",
        );
        assert_eq!(
            places(&original, &bare).unwrap(),
            [
                Place::Translation(1),
                Place::Generated,
                Place::Translation(2),
                Place::Translation(3)
            ]
        );
    }
}
