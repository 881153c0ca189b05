//! What a checked site builds: every page, with its template and the item it shows, and
//! every other file, with what it is made of. One list, which rendering writes and the link
//! check reads, so a link is checked against exactly what the build makes.

use crate::i18n::Words;
use crate::model::Site;
use crate::routes::{self, Routes};
use crate::theme::Theme;
use crate::view::opendata::{self, Table};

/// One page to render: template, URL and the page-specific variable, if any.
pub struct Job {
    pub template: &'static str,
    pub url: String,
    pub title: String,
    /// (variable name, path into the model: list name and index)
    pub item: Option<(&'static str, &'static str, usize)>,
}

/// Every page of `site`, in a stable order; `words` gives the fixed pages' titles.
pub fn pages(site: &Site, routes: &Routes, words: &Words) -> Vec<Job> {
    let fixed = |template, url: String, key: &str| Job {
        template,
        url,
        title: words.word(key).to_string(),
        item: None,
    };
    let has = |key: &str| site.sections.iter().any(|s| s == key);
    let mut jobs = vec![
        Job {
            template: "index.html",
            url: routes.home(),
            title: site.config.title.clone(),
            item: None,
        },
        fixed("statements.html", routes.statements(), "page.statements"),
        fixed(
            "updates.html",
            routes.updates(),
            match site.config.updates {
                crate::model::Cadence::SixMonthly => "page.updates",
                crate::model::Cadence::Annual => "page.updates_annual",
                crate::model::Cadence::None => "page.updates_none",
            },
        ),
        fixed("performance.html", routes.performance(), "page.performance"),
        fixed("orders.html", routes.orders(), "page.orders"),
        fixed("training.html", routes.training(), "page.training"),
        fixed(
            "partnerships.html",
            routes.partnerships(),
            "page.partnerships",
        ),
        fixed("actions.html", routes.actions(), "page.actions"),
        fixed("commitments.html", routes.commitments(), "page.commitments"),
        fixed("data.html", routes.data(), "page.data"),
        fixed(
            "accessibility.html",
            routes.accessibility(),
            "page.accessibility",
        ),
        fixed("404.html", routes.not_found(), "page.not_found"),
        fixed("atom.xml", routes.feed(), "page.feed"),
        fixed("sitemap.xml", routes.sitemap(), "page.sitemap"),
        fixed("robots.txt", routes.robots(), "page.robots"),
    ];
    // A section's page exists only when the site has its content.
    jobs.retain(|j| match section_of(j.template) {
        Some(key) => has(key),
        None => true,
    });
    if !site.changes.entries.is_empty() {
        jobs.push(fixed("changes.html", routes.changes(), "page.changes"));
    }
    for (i, s) in site.statements.iter().enumerate() {
        jobs.push(Job {
            template: "statement.html",
            url: s.url.clone(),
            title: s.title.clone(),
            item: Some(("statement", "statements", i)),
        });
    }
    for (i, u) in site.updates.iter().enumerate() {
        jobs.push(Job {
            template: "update.html",
            url: u.url.clone(),
            title: u.title.clone(),
            item: Some(("update", "updates", i)),
        });
    }
    for (i, k) in site.kpis.iter().enumerate() {
        jobs.push(Job {
            template: "kpi.html",
            url: k.url.clone(),
            title: k.title.clone(),
            item: Some(("kpi", "kpis", i)),
        });
    }
    for (i, p) in site.pages.iter().enumerate() {
        jobs.push(Job {
            template: "page.html",
            url: p.url.clone(),
            title: p.title.clone(),
            item: Some(("content", "pages", i)),
        });
    }
    jobs
}

/// The navigation section (`i18n::NAV_KEYS`) a section's list page belongs to.
fn section_of(template: &str) -> Option<&'static str> {
    Some(match template {
        "statements.html" => "statements",
        "updates.html" => "updates",
        "performance.html" => "performance",
        "orders.html" => "orders",
        "training.html" => "training",
        "partnerships.html" => "partnerships",
        "actions.html" => "actions",
        "commitments.html" => "commitments",
        "data.html" => "data",
        _ => return None,
    })
}

/// The output path of every page (`statements/2019-20/index.html`), in a stable order.
pub fn page_paths(site: &Site, routes: &Routes) -> Vec<String> {
    pages(site, routes, &Words::default())
        .iter()
        .map(|j| routes::file_for(&j.url))
        .collect()
}

/// What a file that is not a page is made of.
pub enum Contents<'a> {
    /// Bytes known at build time: a theme file, a JSON Schema, a CSV table.
    Bytes(&'a [u8]),
    /// A dataset as JSON, in the shape of its YAML (written pretty-printed).
    Json(&'a serde_json::Value),
    /// A file under `content/static/`, by its path relative to that folder: copied.
    Static(&'a str),
}

/// The parts of a checked site that files other than pages come from.
pub struct Files<'a> {
    pub routes: &'a Routes,
    pub theme: &'a Theme,
    /// Paths relative to `content/static/`.
    pub static_files: &'a [String],
    /// Each dataset as JSON, by name (`kpis`).
    pub json: &'a [(String, serde_json::Value)],
    pub tables: &'a [Table],
}

impl Files<'_> {
    /// Each file that is not a page, by output path (`kpis.json` → `data/kpis.json`), with
    /// what it is made of: theme files, static files, then the open data.
    pub fn each(&self, each: &mut dyn FnMut(String, Contents<'_>)) {
        for (path, bytes) in &self.theme.static_files {
            each(
                routes::file_for(&self.routes.theme_file(path)),
                Contents::Bytes(bytes),
            );
        }
        for file in self.static_files {
            each(
                routes::file_for(&self.routes.static_file(file)),
                Contents::Static(file),
            );
        }
        for (name, json) in self.json {
            each(
                routes::file_for(&self.routes.dataset_json(name)),
                Contents::Json(json),
            );
            if let Some(schema) = opendata::schema_text(name) {
                each(
                    routes::file_for(&self.routes.dataset_schema(name)),
                    Contents::Bytes(schema),
                );
            }
        }
        for table in self.tables {
            each(
                routes::file_for(&self.routes.dataset_csv(&table.file)),
                Contents::Bytes(table.csv().as_bytes()),
            );
        }
    }
}
