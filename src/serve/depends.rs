//! What each page is made from, so the dev server re-renders only the pages a change
//! reaches. A `Fingerprint` is taken of each build: a hash of every part of the model, of
//! every page's own item, of every template and of the words. A page is re-rendered when a
//! template it loads, a part of the model it reads (`theme::graph::Uses`), or its own item
//! changed between two fingerprints; every page when the settings or the words changed.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};

use serde::Serialize;

use crate::check::Checked;
use crate::markdown::Settings;
use crate::model::Site;
use crate::theme::Theme;
use crate::theme::graph::Uses;

/// The parts of the model that say which pages there are (each item of a list is a page; a
/// section's page exists only with content, the Changes page only with changes): what the
/// sitemap lists (`built::pages`).
const SITEMAP_LISTS: [&str; 6] = [
    "statements",
    "updates",
    "kpis",
    "pages",
    "sections",
    "changes",
];

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
        ("changes", hash_json(&site.changes)),
        ("sections", hash_json(&site.sections)),
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
        // The sitemap lists every page of every language (`page.sitemap`, made by the
        // renderer from the list of pages, `built::pages`), which the parts its template
        // reads do not tell of.
        let pages_listed = SITEMAP_LISTS.iter().any(|p| self.part(p));
        move |template: &str, url: &str| {
            (template == "sitemap.xml" && pages_listed)
                || by_template.get(template).copied().unwrap_or(true)
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
    use crate::model::PARTS;
    use std::collections::BTreeSet;

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
