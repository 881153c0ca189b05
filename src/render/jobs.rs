//! The pages a site has: one job each, with its template, address, title and the item it
//! shows (a statement, an update, an indicator, a content page).

use crate::check::Checked;
use crate::i18n::Words;
use crate::model::Site;
use crate::routes::{self, Routes};

/// One page to render: template, URL and the page-specific variable, if any.
pub(super) struct Job {
    pub(super) template: &'static str,
    pub(super) url: String,
    pub(super) title: String,
    /// (variable name, path into the model: list name and index)
    pub(super) item: Option<(&'static str, &'static str, usize)>,
}

/// What a page job is rendered from: its output path and, for content pages, the source file.
pub struct JobInput<'a> {
    pub path: String,
    pub url: &'a str,
    pub template: &'a str,
    pub source: Option<&'a str>,
}

/// The URL of every page, with the template it is rendered from.
pub fn page_templates(checked: &Checked) -> Vec<(String, &'static str)> {
    jobs(&checked.site, &checked.routes, &Words::default())
        .into_iter()
        .map(|j| (j.url, j.template))
        .collect()
}

/// The output path of every rendered page, in a stable order.
pub fn page_paths(checked: &Checked) -> Vec<String> {
    jobs(&checked.site, &checked.routes, &Words::default())
        .iter()
        .map(|j| routes::file_for(&j.url))
        .collect()
}

pub(super) fn jobs(site: &Site, routes: &Routes, words: &Words) -> Vec<Job> {
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
