//! Statements, updates and pages compared as the public reads them: their details
//! (title, period, dates, approval) and their text, section by section, in words.

use std::collections::HashMap;

use crate::model::Site;

use super::SectionChange;

/// A statement, update or page as compared: its details as text, and its body's HTML.
pub(super) struct Doc {
    pub kind: &'static str,
    pub title: String,
    pub url: String,
    /// (name, value) pairs, in a fixed order.
    pub details: Vec<(&'static str, String)>,
    /// A statement's answers for the Home Office registry, by "section: question" (as its
    /// Statement summary shows them); empty for updates and pages.
    pub registry: std::collections::BTreeMap<String, String>,
    pub body: String,
}

/// Every statement, update and page of a site.
pub(super) fn documents(site: &Site) -> Vec<Doc> {
    let mut docs = Vec::new();
    for s in &site.statements {
        let a = &s.approval;
        let signed: Vec<String> = a
            .signed_by
            .iter()
            .map(|g| {
                let who = [g.name.as_deref(), g.role.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ");
                match g.signed_on {
                    Some(on) => format!("{who} on {}", on.long()),
                    None => who,
                }
            })
            .collect();
        let areas: Vec<String> = s
            .areas
            .iter()
            .map(|a| match (&a.heading, &a.reason) {
                (Some(h), _) => format!("{} {h}", a.letter),
                (None, Some(r)) => format!("{} not covered: {r}", a.letter),
                _ => format!("{} not covered", a.letter),
            })
            .collect();
        // A question asked again in one section (each priority risk's tiers, groups...) is
        // told apart by its place: "(risk 2)".
        let mut registry = std::collections::BTreeMap::new();
        for section in &s.registry.sections {
            let mut seen: std::collections::BTreeMap<&str, usize> = Default::default();
            for row in &section.rows {
                let n = seen.entry(row.question.as_str()).or_default();
                *n += 1;
                let key = match *n {
                    1 => format!("{}: {}", section.title, row.question),
                    n => format!("{}: {} ({n})", section.title, row.question),
                };
                registry.insert(key, row.answers.join("; "));
            }
        }
        docs.push(Doc {
            kind: "statement",
            registry,
            title: s.title.clone(),
            url: s.url.clone(),
            details: vec![
                ("title", s.title.clone()),
                ("period", s.period.to_string()),
                ("published", given(s.published)),
                ("summary", s.summary.clone().unwrap_or_default()),
                ("approved by", a.approved_by.clone().unwrap_or_default()),
                ("approved on", given(a.approved_on)),
                ("signed by", signed.join("; ")),
                ("areas", areas.join("; ")),
            ],
            body: s.body_html.to_string(),
        });
    }
    for u in &site.updates {
        docs.push(Doc {
            kind: "update",
            registry: Default::default(),
            title: u.title.clone(),
            url: u.url.clone(),
            details: vec![
                ("title", u.title.clone()),
                ("period", u.period.to_string()),
                ("published", given(u.published)),
                ("follows up", u.statement_title.clone()),
                ("summary", u.summary.clone().unwrap_or_default()),
            ],
            body: u.body_html.to_string(),
        });
    }
    for p in &site.pages {
        docs.push(Doc {
            kind: "page",
            registry: Default::default(),
            title: p.title.clone(),
            url: p.url.clone(),
            details: vec![
                ("title", p.title.clone()),
                ("summary", p.summary.clone().unwrap_or_default()),
            ],
            body: p.body_html.to_string(),
        });
    }
    docs
}

/// Each detail that differs: `published: 30 April 2021 → 3 May 2021`.
pub(super) fn details(old: &Doc, new: &Doc) -> Vec<String> {
    let mut out = Vec::new();
    for ((name, before), (_, after)) in old.details.iter().zip(&new.details) {
        if before != after {
            out.push(match (before.is_empty(), after.is_empty()) {
                (true, _) => format!("{name} added: {after}"),
                (_, true) => format!("{name} removed (was: {before})"),
                _ => format!("{name}: {before} → {after}"),
            });
        }
    }
    // The registry's answers, by question: what the body would submit changes with them.
    let questions: std::collections::BTreeSet<&String> =
        old.registry.keys().chain(new.registry.keys()).collect();
    for q in questions {
        let (before, after) = (old.registry.get(q), new.registry.get(q));
        if before != after {
            let (before, after) = (
                before.map_or("", String::as_str),
                after.map_or("", String::as_str),
            );
            out.push(match (before.is_empty(), after.is_empty()) {
                (true, _) => format!("registry answer added, {q}: {after}"),
                (_, true) => format!("registry answer removed, {q} (was: {before})"),
                _ => format!("registry answer, {q}: {before} → {after}"),
            });
        }
    }
    out
}

/// What an added or removed document is: its period and published date (statements and
/// updates), and its length in words.
pub(super) fn summary(doc: &Doc) -> Vec<String> {
    let mut out: Vec<String> = doc
        .details
        .iter()
        .filter(|(name, _)| matches!(*name, "period" | "published"))
        .map(|(name, value)| format!("{name}: {value}"))
        .collect();
    out.push(super::render::words(words(&doc.body).len()));
    out
}

/// A body split at its headings: (heading text, the words under it).
fn split(html: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = vec![("Introduction".to_string(), Vec::new())];
    let mut rest = html;
    while !rest.is_empty() {
        let next = find_heading(rest);
        let (before, heading) = match next {
            Some(at) => (&rest[..at], Some(at)),
            None => (rest, None),
        };
        if let Some(last) = out.last_mut() {
            last.1.extend(words(before));
        }
        let Some(at) = heading else { break };
        let end_tag = &rest[at + 1..at + 3];
        let close = format!("</{end_tag}>");
        let end = rest[at..]
            .find(&close)
            .map_or(rest.len(), |e| at + e + close.len());
        let text = words(&rest[at..end]).join(" ");
        out.push((text, Vec::new()));
        rest = &rest[end..];
    }
    if out[0].1.is_empty() {
        out.remove(0);
    }
    // Two sections with one heading are told apart by their place.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (heading, _) in &mut out {
        let n = seen.entry(heading.clone()).or_default();
        *n += 1;
        if *n > 1 {
            *heading = format!("{heading} ({n})");
        }
    }
    out
}

/// Where the next `<h1>`–`<h6>` starts.
fn find_heading(html: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(i) = html[from..].find("<h") {
        let at = from + i;
        if bytes.get(at + 2).is_some_and(|c| (b'1'..=b'6').contains(c))
            && bytes.get(at + 3).is_some_and(|c| *c == b'>' || *c == b' ')
        {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// The words of some HTML, tags left out and the common entities read.
fn words(html: &str) -> Vec<String> {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The sections whose words changed, in the order of the newer body, then those removed.
/// Words are counted as added and removed by how often each occurs: a word moved within a
/// section is no change, a word replaced is one removed and one added.
pub(super) fn sections(old: &str, new: &str) -> Vec<SectionChange> {
    if old == new {
        return Vec::new();
    }
    let old = split(old);
    let new = split(new);
    let mut out = Vec::new();
    for (heading, words_new) in &new {
        match old.iter().find(|(h, _)| h == heading) {
            Some((_, words_old)) if words_old == words_new => {}
            Some((_, words_old)) => {
                let (added, removed) = count(words_old, words_new);
                out.push(SectionChange {
                    heading: heading.clone(),
                    change: "changed",
                    words_added: added,
                    words_removed: removed,
                });
            }
            None => out.push(SectionChange {
                heading: heading.clone(),
                change: "added",
                words_added: words_new.len(),
                words_removed: 0,
            }),
        }
    }
    for (heading, words_old) in &old {
        if !new.iter().any(|(h, _)| h == heading) {
            out.push(SectionChange {
                heading: heading.clone(),
                change: "removed",
                words_added: 0,
                words_removed: words_old.len(),
            });
        }
    }
    out
}

/// (words added, words removed) from `old` to `new`, each word counted as often as it
/// occurs more (or fewer) times.
fn count(old: &[String], new: &[String]) -> (usize, usize) {
    let mut tally: HashMap<&str, i64> = HashMap::new();
    for w in new {
        *tally.entry(w).or_default() += 1;
    }
    for w in old {
        *tally.entry(w).or_default() -= 1;
    }
    let added = tally.values().filter(|n| **n > 0).sum::<i64>();
    let removed = -tally.values().filter(|n| **n < 0).sum::<i64>();
    (added as usize, removed as usize)
}

/// A date as the site shows it (`30 June 2023`, `June 2023`, `2023`), or nothing when the
/// source does not give one.
fn given(date: Option<crate::model::date::Date>) -> String {
    date.map(|d| d.long()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_split_at_headings_and_count_words() {
        let old = "<p>Intro words here.</p><h2 id=\"a\">Training</h2><p>We trained 40 officers.</p><h2 id=\"b\">Risk</h2><p>Same.</p>";
        let new = "<p>Intro words here.</p><h2 id=\"a\">Training</h2><p>We trained 61 officers and staff.</p><h3 id=\"c\">New</h3><p>More text.</p>";
        let changes = sections(old, new);
        let summary: Vec<(String, &str, usize, usize)> = changes
            .iter()
            .map(|c| (c.heading.clone(), c.change, c.words_added, c.words_removed))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("Training".to_string(), "changed", 3, 1),
                ("New".to_string(), "added", 2, 0),
                ("Risk".to_string(), "removed", 0, 1),
            ]
        );
        assert!(sections(old, old).is_empty());
    }
}
