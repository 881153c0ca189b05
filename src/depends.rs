//! What each page is made from, so the dev server re-renders only the pages a change reaches.
//!
//! Two halves. `Uses`, read off the templates once per theme: which templates a template
//! loads (`extends`, `include`, `import`, `from`), and which parts of the model they read
//! (`model.kpis`, `site.*`), from minijinja's own list of each template's variables. Anything
//! it cannot be sure of counts as "everything": a template loaded by a computed name loads
//! every template, and `model` used whole reads every part. And `Fingerprint`, taken of each
//! build: a hash of every part of the model, of every page's own item, and of every template.
//! A page is re-rendered when a template it loads, a part of the model it reads, or its own
//! item changed between two fingerprints.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};

use minijinja::Environment;
use serde::Serialize;

use crate::check::Checked;
use crate::markdown::Settings;
use crate::model::Site;
use crate::theme::Theme;

/// What a template, with every template it loads, depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uses {
    /// Itself and every template it loads, directly or not.
    pub templates: BTreeSet<String>,
    /// The parts of the model read (`kpis`, `config` for `site`); `None` for all of them.
    pub reads: Option<BTreeSet<String>>,
}

/// Each template of the theme with every template it loads, directly or not, itself
/// included; a template that loads one by a computed name loads every template.
pub fn loads(theme: &Theme) -> BTreeMap<String, BTreeSet<String>> {
    let loads: BTreeMap<&str, Option<Vec<String>>> = theme
        .templates
        .iter()
        .map(|(name, t)| (name.as_str(), loaded(&t.text)))
        .collect();
    let all: BTreeSet<String> = theme.templates.keys().cloned().collect();
    let mut result = BTreeMap::new();
    for name in theme.templates.keys() {
        // The closure over `loads`; a computed name means any template.
        let mut seen = BTreeSet::from([name.clone()]);
        let mut queue = vec![name.as_str()];
        let mut dynamic = false;
        while let Some(next) = queue.pop() {
            match loads.get(next) {
                Some(Some(names)) => {
                    for n in names {
                        if seen.insert(n.clone()) {
                            queue.push(n);
                        }
                    }
                }
                Some(None) => dynamic = true,
                None => {}
            }
        }
        result.insert(name.clone(), if dynamic { all.clone() } else { seen });
    }
    result
}

/// `Uses` of every template in `env`.
pub fn uses(env: &Environment<'_>, theme: &Theme) -> BTreeMap<String, Uses> {
    let mut result = BTreeMap::new();
    for (name, templates) in loads(theme) {
        let mut reads = Some(BTreeSet::new());
        for t in &templates {
            let Ok(template) = env.get_template(t) else {
                continue;
            };
            for var in template.undeclared_variables(true) {
                let mut parts = var.split('.');
                let part = match (parts.next(), parts.next()) {
                    (Some("site"), _) => "config",
                    (Some("model"), Some(part)) if PARTS.contains(&part) => part,
                    // `model` whole, or through a method such as `model.items()`.
                    (Some("model"), _) => {
                        reads = None;
                        break;
                    }
                    _ => continue,
                };
                if let Some(r) = &mut reads {
                    r.insert(part.to_string());
                }
            }
        }
        result.insert(name, Uses { templates, reads });
    }
    result
}

/// The templates a template's tags load by name, or `None` when a name is computed.
fn loaded(text: &str) -> Option<Vec<String>> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{%") {
        let after = &rest[start + 2..];
        let end = after.find("%}").unwrap_or(after.len());
        let tag = after[..end].trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace());
        rest = &after[end..];
        let (keyword, args) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
        let expr = match keyword {
            "extends" | "include" => args
                .replace("ignore missing", " ")
                .replace("without context", " ")
                .replace("with context", " "),
            "import" => args
                .rsplit_once(" as ")
                .map_or(args, |(e, _)| e)
                .to_string(),
            "from" => args
                .split_once(" import ")
                .map_or(args, |(e, _)| e)
                .to_string(),
            _ => continue,
        };
        // Only string literals, alone or in a list, name templates for certain.
        let mut leftover = String::new();
        let mut chars = expr.chars();
        while let Some(c) = chars.next() {
            if c == '"' || c == '\'' {
                let name: String = chars.by_ref().take_while(|&q| q != c).collect();
                names.push(name);
            } else if !(c.is_whitespace() || c == '[' || c == ']' || c == ',') {
                leftover.push(c);
            }
        }
        if !leftover.is_empty() {
            return None;
        }
    }
    Some(names)
}

/// Hashes of a build's model parts, page items and templates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fingerprint {
    pub parts: BTreeMap<&'static str, u64>,
    /// By page URL: the statement, update, indicator or content page it shows.
    pub items: HashMap<String, u64>,
    pub templates: BTreeMap<String, u64>,
    /// The translation tables: every page shows their words.
    pub words: u64,
}

/// Feeds serialized JSON into a hasher without building it.
struct HashWriter(std::collections::hash_map::DefaultHasher);

impl std::io::Write for HashWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn hash_json(value: &impl Serialize) -> u64 {
    let mut w = HashWriter(std::collections::hash_map::DefaultHasher::new());
    // Writing into a hasher cannot fail; the model's types always serialize.
    let _ = serde_json::to_writer(&mut w, value);
    w.0.finish()
}

/// The parts of the model, as templates see it (`model.<part>`).
pub const PARTS: [&str; 17] = [
    "config",
    "statements",
    "updates",
    "pages",
    "footer_pages",
    "kpis",
    "orders",
    "courses",
    "resources",
    "partnerships",
    "activities",
    "actions",
    "charter",
    "commitments",
    "datasets",
    "home",
    "has_illustrative",
];

/// The parts of the model with their hashes.
/// `parts_cover_the_model` checks this list against the model's fields.
fn parts(
    site: &Site,
    markdown: &Settings,
    items: &mut HashMap<String, u64>,
) -> BTreeMap<&'static str, u64> {
    // A list of page items: each item's hash by its page's URL, and the list's own hash.
    fn list<'a, T: Serialize + 'a>(
        list: impl Iterator<Item = (&'a String, &'a T)>,
        items: &mut HashMap<String, u64>,
    ) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for (url, item) in list {
            let hash = hash_json(item);
            hash.hash(&mut h);
            items.insert(url.clone(), hash);
        }
        h.finish()
    }
    let statements = list(site.statements.iter().map(|s| (&s.url, s)), items);
    let updates = list(site.updates.iter().map(|u| (&u.url, u)), items);
    let kpis = list(site.kpis.iter().map(|k| (&k.url, k)), items);
    let pages = list(site.pages.iter().map(|p| (&p.url, p)), items);
    BTreeMap::from([
        // The Markdown settings are no part of what templates see, but shape every body.
        ("config", {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            hash_json(&site.config).hash(&mut h);
            markdown.hash(&mut h);
            h.finish()
        }),
        ("statements", statements),
        ("updates", updates),
        ("pages", pages),
        ("footer_pages", hash_json(&site.footer_pages)),
        ("kpis", kpis),
        ("orders", hash_json(&site.orders)),
        ("courses", hash_json(&site.courses)),
        ("resources", hash_json(&site.resources)),
        ("partnerships", hash_json(&site.partnerships)),
        ("activities", hash_json(&site.activities)),
        ("actions", hash_json(&site.actions)),
        ("charter", hash_json(&site.charter)),
        ("commitments", hash_json(&site.commitments)),
        ("datasets", hash_json(&site.datasets)),
        ("home", hash_json(&site.home)),
        ("has_illustrative", hash_json(&site.has_illustrative)),
    ])
}

impl Fingerprint {
    pub fn of(checked: &Checked, theme: &Theme) -> Fingerprint {
        let mut items = HashMap::new();
        let parts = parts(&checked.site, &checked.markdown, &mut items);
        let templates = theme
            .templates
            .iter()
            .map(|(name, t)| {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                (&t.origin, &t.text).hash(&mut h);
                (name.clone(), h.finish())
            })
            .collect();
        let mut h = std::collections::hash_map::DefaultHasher::new();
        theme.words.hash(&mut h);
        Fingerprint {
            parts,
            items,
            templates,
            words: h.finish(),
        }
    }
}

/// What changed from the build `before` fingerprints to the build `now` does.
pub struct Changes<'a> {
    pub before: &'a Fingerprint,
    pub now: &'a Fingerprint,
}

impl Changes<'_> {
    /// Whether the part of the model `name` (`kpis`) changed.
    pub fn part(&self, name: &str) -> bool {
        self.now.parts.get(name) != self.before.parts.get(name)
    }

    /// Whether any template, or the settings the template functions use, changed.
    pub fn templates_or_settings(&self) -> bool {
        self.everything() || self.now.templates != self.before.templates
    }

    /// Whether every page may differ: the settings or the words changed.
    fn everything(&self) -> bool {
        self.part("config") || self.now.words != self.before.words
    }

    /// Whether a page rendered from the template `template` (showing the item at `url`, if
    /// any) may differ, with `uses` what each template depends on. Settings (`site.yaml`)
    /// reach every page: they also shape every URL and every Markdown body.
    pub fn pages<'u>(
        &'u self,
        uses: impl Fn(&str) -> Option<&'u Uses> + 'u,
    ) -> impl Fn(&str, &str) -> bool + Sync + 'u
    where
        Self: Sync,
    {
        let everything = self.everything();
        // Decided once per template, not once per page.
        let by_template: HashMap<String, bool> = self
            .now
            .templates
            .keys()
            .map(|name| (name.clone(), everything || self.template(uses(name))))
            .collect();
        move |template: &str, url: &str| {
            by_template.get(template).copied().unwrap_or(true)
                || self.now.items.get(url) != self.before.items.get(url)
        }
    }

    fn template(&self, uses: Option<&Uses>) -> bool {
        let Some(uses) = uses else {
            return true;
        };
        uses.templates
            .iter()
            .any(|t| self.now.templates.get(t) != self.before.templates.get(t))
            || match &uses.reads {
                None => self.now.parts != self.before.parts,
                Some(reads) => reads.iter().any(|r| self.part(r)),
            }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_tags_are_read_and_computed_names_are_everything() {
        let text = "{% extends \"base.html\" %}{%- import 'macros.html' as m -%}\n{% include [\"a.html\", \"b.html\"] ignore missing with context %}{% from \"f.html\" import x %}{% if x %}{% endif %}";
        assert_eq!(
            loaded(text),
            Some(vec![
                "base.html".into(),
                "macros.html".into(),
                "a.html".into(),
                "b.html".into(),
                "f.html".into()
            ])
        );
        assert_eq!(loaded("{% include page.template %}"), None);
        assert_eq!(loaded("{% extends layout ~ \".html\" %}"), None);
    }

    fn theme(templates: &[(&str, &str)]) -> (Environment<'static>, Theme) {
        let mut theme = Theme::default();
        let mut env = Environment::new();
        for (name, text) in templates {
            theme.templates.insert(
                name.to_string(),
                crate::theme::Template {
                    origin: name.to_string(),
                    text: text.to_string(),
                },
            );
            env.add_template_owned(name.to_string(), text.to_string())
                .unwrap();
        }
        (env, theme)
    }

    #[test]
    fn reads_follow_loaded_templates() {
        let (env, theme) = theme(&[
            (
                "base.html",
                "{{ site.title }}{% for p in model.footer_pages %}{% endfor %}{% block c %}{% endblock %}",
            ),
            (
                "kpi.html",
                "{% extends \"base.html\" %}{% block c %}{{ kpi.title }}{{ model.datasets|length }}{% endblock %}",
            ),
            ("dump.html", "{{ model|tojson }}"),
            ("indexed.html", "{{ model[name] }}"),
            ("aliased.html", "{% set m = model %}{{ m.kpis }}"),
            (
                "method.html",
                "{% for k in model.keys() %}{{ k }}{% endfor %}",
            ),
            (
                "macro.html",
                "{% macro orders(x) %}{{ x }}{{ model.orders|length }}{% endmacro %}",
            ),
            (
                "calls.html",
                "{% import \"macro.html\" as mm %}{{ mm.orders(1) }}",
            ),
            ("any.html", "{% include name %}"),
        ]);
        let uses = uses(&env, &theme);
        let kpi = &uses["kpi.html"];
        assert_eq!(
            kpi.templates,
            BTreeSet::from(["base.html".into(), "kpi.html".into()])
        );
        assert_eq!(
            kpi.reads,
            Some(BTreeSet::from([
                "config".into(),
                "datasets".into(),
                "footer_pages".into()
            ]))
        );
        assert_eq!(uses["dump.html"].reads, None);
        assert_eq!(uses["indexed.html"].reads, None);
        assert_eq!(uses["aliased.html"].reads, None);
        assert_eq!(uses["method.html"].reads, None);
        assert_eq!(
            uses["calls.html"].reads,
            Some(BTreeSet::from(["orders".into()]))
        );
        assert_eq!(uses["any.html"].templates.len(), 9);
        assert_eq!(uses["any.html"].reads, None);
    }

    #[test]
    fn parts_cover_the_model() {
        let report = crate::site::check(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
            &crate::check::config::Overrides::default(),
        );
        let checked = report.site.expect("the example site builds");
        let site = &checked.site;
        let serialized = serde_json::to_value(site).unwrap();
        let fields: BTreeSet<&str> = serialized
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut items = HashMap::new();
        let listed: BTreeSet<&str> = parts(site, &checked.markdown, &mut items)
            .keys()
            .copied()
            .collect();
        assert_eq!(fields, listed);
        assert_eq!(listed, BTreeSet::from(PARTS));
        assert_eq!(
            items.len(),
            site.statements.len() + site.updates.len() + site.kpis.len() + site.pages.len()
        );
    }
}
