//! Heading ids: unique on their page, never empty, and never an id the theme gives another
//! element on the page that shows the Markdown (`## Main` would have made a second
//! `id="main"`; it becomes `main-1`). Also the ids Markdown gives other elements.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};

use comrak::nodes::{AstNode, NodeValue};

use crate::theme::Theme;
use crate::theme::ids::{self as theme_ids, Ids};

/// The id a heading gets when its text gives none (`## ★`).
pub const FALLBACK: &str = "section";

/// The templates that show Markdown: statements', updates' and content pages' bodies, and
/// the accessibility statement's exemptions. (The site notice is on every page.)
pub const SHOW_MARKDOWN: [&str; 4] = [
    "statement.html",
    "update.html",
    "page.html",
    "accessibility.html",
];

/// What heading ids must keep clear of, for Markdown on each kind of page: the theme's ids
/// that can clash with a heading's (those written whole, and those made after a fixed start;
/// one made from a value alone, `{{ d.name }}`, could be anything and is not held back).
/// Only what shapes some Markdown is kept, so that a template edit that changes no heading id
/// leaves the dev server's cached Markdown valid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reserved {
    /// By template that shows Markdown: the ids it, and every template it loads, gives.
    templates: BTreeMap<String, Ids>,
    /// The ids of every template, for the notice; dropped once the notice is rendered.
    every_page: Option<Ids>,
    /// The ids of the site notice's headings: every page shows the notice.
    notice: BTreeSet<String>,
    /// A hash of the above, made once: the dev server's cache hashes the Markdown settings
    /// for every document it looks up.
    hash: u64,
}

impl Hash for Reserved {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.hash.hash(state);
    }
}

impl Reserved {
    fn new(
        templates: BTreeMap<String, Ids>,
        every_page: Option<Ids>,
        notice: BTreeSet<String>,
    ) -> Reserved {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (&templates, &every_page, &notice).hash(&mut h);
        Reserved {
            templates,
            every_page,
            notice,
            hash: h.finish(),
        }
    }

    /// The ids of `theme`, for the notice and for the Markdown each template shows.
    pub fn of_theme(theme: Option<&Theme>) -> Reserved {
        let all = theme.map(theme_ids::of_theme).unwrap_or_default();
        let mut every_page = Ids::default();
        for ids in all.values() {
            every_page.extend(&ids.clashing());
        }
        let templates = all
            .into_iter()
            .filter(|(name, _)| SHOW_MARKDOWN.contains(&name.as_str()))
            .map(|(name, ids)| (name, ids.clashing()))
            .collect();
        Reserved::new(templates, Some(every_page), BTreeSet::new())
    }

    /// What the Markdown other than the notice keeps clear of: the theme's ids on its page,
    /// and the ids of the notice's headings.
    #[must_use]
    pub fn after_notice(&self, notice: BTreeSet<String>) -> Reserved {
        Reserved::new(self.templates.clone(), None, notice)
    }

    /// The theme's ids on pages made from `template`, or on any page when `None`.
    fn theme(&self, template: Option<&str>) -> Cow<'_, Ids> {
        let ids = match template {
            Some(t) => self.templates.get(t),
            None => self.every_page.as_ref(),
        };
        ids.map_or_else(|| Cow::Owned(Ids::default()), Cow::Borrowed)
    }
}

/// Gives the headings of one Markdown document their ids, in order.
pub struct Anchors<'r> {
    theme: Cow<'r, Ids>,
    notice: &'r BTreeSet<String>,
    /// Ids given so far: headings', and those the Markdown gives other elements (footnotes).
    used: HashSet<String>,
    /// For each id a heading's text makes, the number to try next: `id-1`, `id-2`...
    next: HashMap<String, usize>,
}

impl<'r> Anchors<'r> {
    /// For Markdown shown by `template` (every template when `None`).
    pub fn new(reserved: &'r Reserved, template: Option<&str>) -> Anchors<'r> {
        Anchors {
            theme: reserved.theme(template),
            notice: &reserved.notice,
            used: HashSet::new(),
            next: HashMap::new(),
        }
    }

    /// Keeps an id the Markdown gives another element (a footnote) from any heading.
    pub fn claim(&mut self, id: String) {
        self.used.insert(id);
    }

    /// The id of a heading with this text: GitHub's (lowercase, spaces as hyphens,
    /// punctuation dropped), numbered when taken (`-1`, `-2`...), `section` when empty, and
    /// moved under `section-` when the theme makes ids with that start on the page.
    pub fn id(&mut self, text: &str) -> String {
        let mut base = comrak::Anchorizer::new().anchorize(text);
        if base.is_empty() {
            base = FALLBACK.to_string();
        }
        if self.theme.open_prefix(&base) {
            let moved = format!("{FALLBACK}-{base}");
            if !self.theme.open_prefix(&moved) {
                base = moved;
            }
        }
        let mut n = self.next.get(&base).copied().unwrap_or(0);
        let mut tries = 0;
        let id = loop {
            let candidate = if n == 0 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            // Patterns are given up after a while: only finitely many ids are taken whole,
            // so the loop ends whatever the theme.
            let taken = self.used.contains(&candidate)
                || self.theme.exact.contains(&candidate)
                || self.notice.contains(&candidate)
                || (tries < 64 && self.theme.closed_pattern(&candidate));
            if !taken {
                break candidate;
            }
            n += 1;
            tries += 1;
        };
        self.next.insert(base, n + 1);
        self.used.insert(id.clone());
        id
    }
}

/// A heading's id before any is taken: GitHub's slug (`Due diligence` → `due-diligence`).
pub fn slug(text: &str) -> String {
    comrak::Anchorizer::new().anchorize(text)
}

/// The ids the Markdown gives elements other than headings: each footnote's (`fn-1`) and its
/// reference's (`fnref-1`), and, when raw HTML is let through, those its tags write.
pub fn other_ids<'a>(root: &'a AstNode<'a>, unsafe_html: bool) -> Vec<String> {
    let mut ids = Vec::new();
    for node in root.children() {
        if let NodeValue::FootnoteDefinition(f) = &node.data().value {
            ids.push(format!("fn-{}", f.name));
            ids.push(format!("fnref-{}", f.name));
        }
    }
    if unsafe_html {
        for node in root.descendants() {
            match &node.data().value {
                NodeValue::HtmlBlock(h) => ids.extend(html_ids(&h.literal)),
                NodeValue::HtmlInline(h) => ids.extend(html_ids(h)),
                _ => {}
            }
        }
    }
    ids
}

/// The values of the `id` attributes in a piece of HTML.
fn html_ids(html: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("id=") {
        let before = &rest[..at];
        rest = &rest[at + 3..];
        if !before.ends_with(char::is_whitespace) {
            continue;
        }
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'');
        let value = match quote {
            Some(q) => rest[1..].split(q).next().unwrap_or(""),
            None => rest
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or(""),
        };
        if !value.is_empty() {
            ids.push(value.to_string());
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reserved(exact: &[&str], patterns: &[(&str, &str)]) -> Reserved {
        let ids = Ids {
            exact: exact.iter().map(|s| s.to_string()).collect(),
            patterns: patterns
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        };
        Reserved::new(
            BTreeMap::from([("page.html".to_string(), ids)]),
            None,
            BTreeSet::from(["notice-heading".to_string()]),
        )
    }

    #[test]
    fn ids_keep_clear_of_the_theme_and_each_other() {
        let r = reserved(
            &["main", "main-1"],
            &[("aspect-", ""), ("fig-", "-caption")],
        );
        let mut a = Anchors::new(&r, Some("page.html"));
        let ids: Vec<String> = [
            "Main",
            "Main",
            "★",
            "Section",
            "",
            "Aspect ratio",
            "Fig x caption",
            "Notice heading",
            "Due diligence",
            "Due diligence",
            "Due diligence 1",
        ]
        .iter()
        .map(|t| a.id(t))
        .collect();
        assert_eq!(
            ids,
            [
                "main-2",
                "main-3",
                "section",
                "section-1",
                "section-2",
                "section-aspect-ratio",
                "fig-x-caption-1",
                "notice-heading-1",
                "due-diligence",
                "due-diligence-1",
                "due-diligence-1-1"
            ]
        );
        // Another page's template reserves nothing here.
        let mut other = Anchors::new(&r, Some("statement.html"));
        assert_eq!(other.id("Main"), "main");
    }

    #[test]
    fn a_theme_that_reserves_everything_still_ends() {
        let r = reserved(&[], &[("", ""), ("s", ""), ("m", "")]);
        let mut a = Anchors::new(&r, Some("page.html"));
        assert_eq!(a.id("Main"), "main");
        let digits: Vec<(String, String)> =
            (0..10).map(|d| ("x".to_string(), d.to_string())).collect();
        let r = Reserved::new(
            BTreeMap::from([(
                "page.html".to_string(),
                Ids {
                    exact: BTreeSet::new(),
                    patterns: digits.into_iter().collect(),
                },
            )]),
            None,
            BTreeSet::new(),
        );
        let mut a = Anchors::new(&r, Some("page.html"));
        assert!(a.id("x 1").starts_with("x-1"));
    }
}
