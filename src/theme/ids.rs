//! The ids a theme's templates give elements, read off the templates' text: what a Markdown
//! heading on a page must keep clear of, and what a link to `#id` on that page may name.
//!
//! An id written whole (`id="main"`) is known exactly. One made from a value is known by the
//! text around the value: `id="aspect-{{ aspect }}"`, or `id="{{ aid }}"` after
//! `{% set aid = "action-" ~ a.id %}`, is any id that starts `aspect-` or `action-`. Which
//! values there are is not read (that would mean rendering), so a link to `#action-nope` on
//! the action plan is taken as one the page may have. A record's anchor from the model,
//! `id="{{ a.anchor }}"`, starts as `routes` makes the anchors of the records its page shows
//! (`routes::anchor_starts`): `action-` on the action plan.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::routes;
use crate::theme::Theme;

/// Ids a template writes, or makes from a value.
#[derive(Clone, Debug, Default, Hash, PartialEq, Eq)]
pub struct Ids {
    /// Written out whole: `id="main"`.
    pub exact: BTreeSet<String>,
    /// Made from a value, as the text before the value and after it: `id="aspect-{{ a }}"`
    /// is `("aspect-", "")`, `id="{{ id }}-title"` is `("", "-title")`.
    pub patterns: BTreeSet<(String, String)>,
}

impl Ids {
    /// Whether an element may have this id: one written whole, or one a pattern may make.
    pub fn may_have(&self, id: &str) -> bool {
        self.exact.contains(id) || self.patterns.iter().any(|p| makes(p, id))
    }

    /// Whether a pattern with a fixed start, and nothing after its value, may make `id`:
    /// numbering the id (`-1`) cannot move it out of such a pattern.
    pub fn open_prefix(&self, id: &str) -> bool {
        self.patterns
            .iter()
            .any(|p| !p.0.is_empty() && p.1.is_empty() && makes(p, id))
    }

    /// Whether a pattern with a fixed start and a fixed end may make `id`. A pattern with no
    /// fixed start (`{{ d.name }}`) could make any id, so it is not counted.
    pub fn closed_pattern(&self, id: &str) -> bool {
        self.patterns
            .iter()
            .any(|p| !p.0.is_empty() && !p.1.is_empty() && makes(p, id))
    }

    /// Those that can clash with a heading's id: written whole, or made after a fixed start.
    #[must_use]
    pub fn clashing(&self) -> Ids {
        Ids {
            exact: self.exact.clone(),
            patterns: self
                .patterns
                .iter()
                .filter(|p| !p.0.is_empty())
                .cloned()
                .collect(),
        }
    }

    pub fn extend(&mut self, other: &Ids) {
        self.exact.extend(other.exact.iter().cloned());
        self.patterns.extend(other.patterns.iter().cloned());
    }
}

/// Whether the pattern `(before, after)` may make `id`, from a value of one character or more.
fn makes((before, after): &(String, String), id: &str) -> bool {
    id.len() > before.len() + after.len() && id.starts_with(before) && id.ends_with(after)
}

/// The ids each template of the theme gives, with those of every template it loads.
pub fn of_theme(theme: &Theme) -> BTreeMap<String, Ids> {
    let own: HashMap<&str, Ids> = theme
        .templates
        .iter()
        .map(|(name, t)| (name.as_str(), read(&t.text, routes::anchor_starts(name))))
        .collect();
    super::graph::loads(theme)
        .into_iter()
        .map(|(name, loads)| {
            let mut ids = Ids::default();
            for t in &loads {
                if let Some(more) = own.get(t.as_str()) {
                    ids.extend(more);
                }
            }
            (name, ids)
        })
        .collect()
}

/// The ids one template's text gives elements; `anchors` are how the model's anchors of the
/// records its page shows start.
fn read(text: &str, anchors: &[&str]) -> Ids {
    let sets = variables(text);
    let mut ids = Ids::default();
    let mut rest = text;
    while let Some(at) = rest.find("id=") {
        let before = &rest[..at];
        let after = &rest[at + 3..];
        rest = after;
        // `id=` as a whole attribute name, not the end of `data-id=` or `aria-labelledby=`.
        if !before.ends_with(char::is_whitespace) {
            continue;
        }
        let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        let Some(end) = after[1..].find(quote) else {
            continue;
        };
        let value = &after[1..=end];
        rest = &after[end + 2..];
        let Some(open) = value
            .find(['{'])
            .filter(|&i| value[i..].starts_with("{{") || value[i..].starts_with("{%"))
        else {
            ids.exact.insert(value.to_string());
            continue;
        };
        let close = value
            .rfind("}}")
            .max(value.rfind("%}"))
            .map_or(value.len(), |i| i + 2)
            .max(open);
        let (prefix, suffix) = (&value[..open], &value[close..]);
        // `{{ name }}` alone, where `name` was set from a text: that text starts the id.
        let expr = value[open..close]
            .trim_start_matches("{{")
            .trim_end_matches("}}");
        let expr = expr.trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace());
        let whole = prefix.is_empty() && value[open..].starts_with("{{");
        if whole && is_anchor(expr) {
            for start in anchors {
                ids.patterns
                    .insert(((*start).to_string(), suffix.to_string()));
            }
            continue;
        }
        let known = whole.then(|| sets.get(expr)).flatten();
        match known {
            Some(values) => {
                for v in values {
                    match v {
                        Set::Whole(whole) => {
                            ids.exact.insert(format!("{whole}{suffix}"));
                        }
                        Set::Starts(start) => {
                            ids.patterns.insert((start.clone(), suffix.to_string()));
                        }
                        Set::Anchor => {
                            for start in anchors {
                                ids.patterns
                                    .insert(((*start).to_string(), suffix.to_string()));
                            }
                        }
                        Set::Unknown => {
                            ids.patterns.insert((String::new(), suffix.to_string()));
                        }
                    }
                }
            }
            None => {
                ids.patterns
                    .insert((prefix.to_string(), suffix.to_string()));
            }
        }
    }
    ids
}

/// What a `{% set name = ... %}` gives `name`, as far as ids go.
enum Set {
    /// A text alone: `"main"`.
    Whole(String),
    /// A text and then more: `"action-" ~ a.id`.
    Starts(String),
    /// A record's anchor from the model: `a.anchor`.
    Anchor,
    Unknown,
}

/// Whether an expression is a record's anchor from the model: `a.anchor`, `o.anchor`.
fn is_anchor(expr: &str) -> bool {
    expr.strip_suffix(".anchor").is_some_and(|record| {
        !record.is_empty()
            && record
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
    })
}

/// Every `{% set name = value %}` of a template, by name.
fn variables(text: &str) -> HashMap<&str, Vec<Set>> {
    let mut sets: HashMap<&str, Vec<Set>> = HashMap::new();
    let mut rest = text;
    while let Some(start) = rest.find("{%") {
        let after = &rest[start + 2..];
        let end = after.find("%}").unwrap_or(after.len());
        let tag = after[..end].trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace());
        rest = &after[end..];
        let Some(("set", args)) = tag.split_once(char::is_whitespace) else {
            continue;
        };
        let Some((name, value)) = args.split_once('=') else {
            continue;
        };
        let value = value.trim();
        let set = match value.chars().next() {
            Some(q @ ('"' | '\'')) => match value[1..].find(q) {
                Some(i) if value[i + 2..].trim().is_empty() => Set::Whole(value[1..=i].into()),
                Some(i) if value[i + 2..].trim_start().starts_with('~') => {
                    Set::Starts(value[1..=i].into())
                }
                _ => Set::Unknown,
            },
            _ if is_anchor(value) => Set::Anchor,
            _ => Set::Unknown,
        };
        sets.entry(name.trim()).or_default().push(set);
    }
    sets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_read_whole_or_as_patterns() {
        let ids = read(
            concat!(
                "<main id=\"main\"><h2 id='feedback'>x</h2><div data-id=\"no\" aria-labelledby=\"no\">\n",
                "<h2 id=\"aspect-{{ aspect }}\">{% set aid = \"action-\" ~ a.id %}<h3 id=\"{{ aid }}\">",
                "<caption id=\"{{ aid }}-caption\"><title id=\"{{ id }}-title\"><h2 id=\"{{ d.name }}\">",
                "{%- set whole = 'fixed' -%}<p id=\"{{ whole }}\"><p id=\"}}odd{{\"><p id=\"x{y\">"
            ),
            &[],
        );
        assert_eq!(
            ids.exact,
            BTreeSet::from([
                "main".into(),
                "feedback".into(),
                "fixed".into(),
                "x{y".into()
            ])
        );
        let patterns: Vec<(&str, &str)> = ids
            .patterns
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(
            patterns,
            [
                ("", ""),
                ("", "-title"),
                ("action-", ""),
                ("action-", "-caption"),
                ("aspect-", ""),
                ("}}odd", "{{")
            ]
        );
        assert!(ids.may_have("aspect-x") && ids.may_have("anything"));
        assert!(ids.open_prefix("action-plan") && !ids.open_prefix("actions"));
        assert!(ids.closed_pattern("action-a-caption") && !ids.closed_pattern("chart-title"));
    }

    #[test]
    fn anchors_from_the_model_start_as_routes_makes_them() {
        let ids = read(
            concat!(
                "{% set cid = c.anchor %}<h3 id=\"{{ cid }}\"><caption id=\"{{ cid }}-caption\">",
                "<li id=\"{{ r.anchor }}\"><p id=\"{{ anchor }}\"><p id=\"x-{{ r.anchor }}\">"
            ),
            &["course-", "resource-"],
        );
        let patterns: Vec<(&str, &str)> = ids
            .patterns
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(
            patterns,
            [
                ("", ""),
                ("course-", ""),
                ("course-", "-caption"),
                ("resource-", ""),
                ("resource-", "-caption"),
                ("x-", "")
            ]
        );
    }

    #[test]
    fn the_default_theme_statement_page_ids() {
        let theme = Theme::load(std::path::Path::new("/nonexistent"), "default").unwrap();
        let ids = of_theme(&theme);
        let statement = &ids["statement.html"];
        for id in [
            "main",
            "statement-approval",
            "statement-contents",
            "coverage-caption",
        ] {
            assert!(statement.exact.contains(id), "{id}");
        }
        assert!(!statement.exact.contains("feedback"));
        assert!(ids["actions.html"].open_prefix("action-plan"));
        assert!(
            ids["training.html"].open_prefix("course-a")
                && ids["training.html"].open_prefix("resource-a")
        );
        assert!(ids["training.html"].closed_pattern("course-a-caption"));
        assert!(ids["partnerships.html"].closed_pattern("partnership-a-caption"));
        assert!(ids["orders.html"].closed_pattern("orders-2019-20-caption"));
        assert!(ids["commitments.html"].open_prefix("commitment-a"));
        assert!(!ids["commitments.html"].may_have("action-a"));
        assert!(!statement.open_prefix("action-plan"));
    }
}
