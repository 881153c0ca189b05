//! Sources → the validated `Site`: every file checked, every cross-reference resolved.

pub mod config;
pub mod data;
pub mod documents;
pub mod history;

pub mod links;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Severity, did_you_mean};
use crate::i18n::Words;
use crate::markdown::Settings;
use crate::markdown::anchors::Reserved;
use crate::model::period::Period;
use crate::model::{
    Approval, Area, Headline, Home, KpiComparison, Link, NextUpdate, OrdersComparison, Page,
    ProgressItem, Signature, Site, Statement, TrainingComparison, Update, UpdateFigures,
};
use crate::raw::{PageFile, StatementFile, UpdateFile};
use crate::routes::{self, Routes};
use crate::source::load::Sources;
use crate::source::reuse::Reuse;
use crate::theme::Theme;
use config::Overrides;
use data::{Known, known_periods};
use documents::{Parsed, is_slug};
use links::Doc;

/// The six areas of s54(5) of the Modern Slavery Act 2015, in order.
pub const AREAS: [(&str, &str, &str); 6] = [
    (
        "structure",
        "(a)",
        "The organisation's structure, its business and its supply chains",
    ),
    (
        "policies",
        "(b)",
        "Its policies in relation to slavery and human trafficking",
    ),
    (
        "due-diligence",
        "(c)",
        "Its due diligence processes in its business and supply chains",
    ),
    (
        "risk",
        "(d)",
        "The parts of its business and supply chains where there is a risk of slavery and human trafficking, and the steps taken to assess and manage that risk",
    ),
    (
        "effectiveness",
        "(e)",
        "Its effectiveness in ensuring slavery and human trafficking is not taking place, measured against performance indicators",
    ),
    (
        "training",
        "(f)",
        "The training about slavery and human trafficking available to its staff",
    ),
];

/// Checks everything; returns the site only when there are no errors. `theme` is the theme
/// the site will be rendered with (`None` when it could not be read): Markdown headings keep
/// clear of the ids its templates give elements.
pub fn validate(
    sources: &Sources,
    overrides: &Overrides,
    cache: Option<&dyn Reuse>,
    theme: Option<&Theme>,
) -> (Option<Checked>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let Some(site_source) = &sources.site else {
        return (None, problems);
    };
    let routes = Routes::default();
    let reserved = Reserved::of_theme(theme);
    let mut site_markdown = config::SiteMarkdown::default();
    let (config, settings) = match config::validate(
        site_source,
        overrides,
        &reserved,
        &mut site_markdown,
        &mut problems,
    ) {
        Some((config, settings)) => (Some(config), settings),
        None => (
            None,
            Settings {
                reserved: Arc::new(reserved.after_notice(Default::default())),
                ..Settings::default()
            },
        ),
    };
    let year_starts = config.as_ref().map_or(4, |c| c.year_starts);
    let language = config.as_ref().map_or("en", |c| c.language.as_str());
    let words = match theme {
        Some(theme) => theme.words(language),
        None => Theme::builtin().words(language),
    };

    let statements: Vec<Parsed<StatementFile>> = documents::parse_all(
        &sources.statements,
        "statement's front matter",
        &settings,
        cache,
        &mut problems,
    );
    let updates: Vec<Parsed<UpdateFile>> = documents::parse_all(
        &sources.updates,
        "update's front matter",
        &settings,
        cache,
        &mut problems,
    );
    let pages: Vec<Parsed<PageFile>> = documents::parse_all(
        &sources.pages,
        "page's front matter",
        &settings,
        cache,
        &mut problems,
    );

    // Which source claims which URL: two claims on one URL is an error.
    let mut urls: BTreeMap<String, String> = BTreeMap::new();
    let mut claim = |url: String, file: &str, problems: &mut Vec<Diagnostic>, d: Diagnostic| {
        if let Some(first) = urls.get(&url) {
            problems.push(d.with_hint(format!("{first} already makes the page {url}")));
        } else {
            urls.insert(url, file.to_string());
        }
    };

    let mut statement_models = Vec::new();
    for s in &statements {
        let url = routes.statement(s.front.period);
        claim(
            url.clone(),
            &s.source.path,
            &mut problems,
            s.error_at(
                "period",
                format!("a second statement for {}", s.front.period),
            ),
        );
        let mut model = statement(s, url, year_starts, &words, &mut problems);
        model.history = history::of_document(
            sources.history.as_deref(),
            &s.source.path,
            &[],
            &s.front.changes,
        );
        statement_models.push(model);
    }
    let statement_periods: Vec<Period> = statements.iter().map(|s| s.front.period).collect();
    // References to statements are only checked when every statement could be read.
    let statements_complete = statements.len() == sources.statements.len();

    let mut page_models = Vec::new();
    for p in &pages {
        let Some(mut page) = page(p, &routes, &mut problems) else {
            continue;
        };
        page.history = history::of_document(
            sources.history.as_deref(),
            &p.source.path,
            &[],
            &p.front.changes,
        );
        claim(
            page.url.clone(),
            &p.source.path,
            &mut problems,
            Diagnostic::error(&p.source.path, format!("two pages make {}", page.url)),
        );
        page_models.push(page);
    }
    page_models.sort_by(|a, b| {
        (a.footer_order.unwrap_or(u32::MAX), &a.title)
            .cmp(&(b.footer_order.unwrap_or(u32::MAX), &b.title))
    });

    let mut update_periods = Vec::new();
    for u in &updates {
        if !u.front.period.is_half() {
            problems.push(
                u.error_at(
                    "period",
                    format!(
                        "an update covers a half year, but {} is a whole year",
                        u.front.period
                    ),
                )
                .with_hint(format!(
                    "write {} H1 or {} H2",
                    u.front.period, u.front.period
                )),
            );
        }
        if statements_complete && !statement_periods.contains(&u.front.statement) {
            problems.push(
                u.error_at(
                    "statement",
                    format!("there is no statement for {}", u.front.statement),
                )
                .with_hint(known_periods("statements", &statement_periods)),
            );
        }
        let url = routes.update(u.front.period);
        claim(
            url,
            &u.source.path,
            &mut problems,
            u.error_at("period", format!("a second update for {}", u.front.period)),
        );
        update_periods.push(u.front.period);
    }

    // A page whose file has errors still has its address, from its file name: references
    // to it are not reported as well (one mistake, one message).
    let mut known_pages: Vec<String> = page_models.iter().map(|p| p.slug.clone()).collect();
    for s in &sources.pages {
        let stem = documents::stem_of(&s.path);
        if is_slug(stem) && !known_pages.iter().any(|p| p == stem) {
            known_pages.push(stem.to_string());
        }
    }
    let known = Known {
        pages: known_pages,
        statements: statement_periods.clone(),
        statements_complete,
        updates_complete: updates.len() == sources.updates.len(),
        updates: update_periods,
        datasets: sources.data.iter().map(|(name, _)| name.clone()).collect(),
        year_starts,
        routes: routes.clone(),
        words: words.clone(),
    };
    let data = data::validate(&sources.data, &known, cache, &mut problems);

    // Static files may not shadow generated pages.
    for file in &sources.static_files {
        let first = file.split('/').next().unwrap_or("");
        if routes::RESERVED.contains(&first) && first != "static"
            || routes::TOP_FILES.contains(&file.as_str())
        {
            problems.push(
                Diagnostic::error(
                    format!("content/static/{file}"),
                    "this file would replace a page candour makes",
                )
                .with_hint("move it into a sub-folder such as content/static/files/"),
            );
        }
        if let Some((slug, "index.html")) = file.split_once('/')
            && let Some(page) = page_models.iter().find(|p| p.slug == slug)
        {
            problems.push(
                Diagnostic::error(
                    format!("content/static/{file}"),
                    format!("this file would replace the page {} made from {}", page.url, page.source),
                )
                .with_hint("rename one of them, or move the file into a sub-folder such as content/static/files/"),
            );
        }
    }

    if problems.iter().any(Diagnostic::is_error) {
        return (None, problems);
    }
    let Some(config) = config else {
        return (None, problems);
    };

    let data_paths = history::data_paths(&sources.data);
    let mut update_models: Vec<Update> = updates
        .iter()
        .map(|u| {
            let st = statement_models
                .iter()
                .find(|s| s.period == u.front.statement);
            Update {
                title: u.front.title.clone(),
                period: u.front.period,
                period_span: words.span(u.front.period, year_starts),
                slug: u.front.period.slug(),
                url: routes.update(u.front.period),
                published: u.front.published,
                statement_title: st.map(|s| s.title.clone()).unwrap_or_default(),
                statement_url: st.map(|s| s.url.clone()).unwrap_or_default(),
                summary: u.front.summary.clone(),
                body_html: u.body.html.clone(),
                toc: u.body.headings.clone(),
                figures: figures(u.front.period, &data),
                history: history::of_document(
                    sources.history.as_deref(),
                    &u.source.path,
                    &data_paths,
                    &u.front.changes,
                ),
                source: u.source.path.clone(),
            }
        })
        .collect();
    update_models.sort_by_key(|u| std::cmp::Reverse(u.period));
    statement_models.sort_by_key(|s| std::cmp::Reverse(s.period));
    for s in &mut statement_models {
        let mut follow: Vec<&Update> = update_models
            .iter()
            .filter(|u| u.statement_url == s.url)
            .collect();
        follow.sort_by_key(|u| u.period);
        s.update_urls = follow.iter().map(|u| u.url.clone()).collect();
    }

    let home = home(
        &routes,
        &words,
        &config,
        &statement_models,
        &update_models,
        &data,
    );
    let tables = crate::view::opendata::tables(&data, &words);
    let datasets = crate::view::opendata::describe(&data, &tables, &routes, &words);
    let has_illustrative = data.kpis.iter().any(|k| k.any_illustrative)
        || data.orders.iter().any(|o| o.illustrative)
        || data.actions.iter().any(|a| a.illustrative)
        || data.commitments.iter().any(|c| c.illustrative)
        || statement_models.iter().any(|s| s.approval.illustrative);
    let mut site = Site {
        config,
        statements: statement_models,
        updates: update_models,
        footer_pages: page_models
            .iter()
            .filter(|p| p.footer_order.is_some())
            .map(|p| Link {
                title: p.title.clone(),
                url: p.url.clone(),
            })
            .collect(),
        pages: page_models,
        kpis: data.kpis,
        orders: data.orders,
        courses: data.courses,
        resources: data.resources,
        partnerships: data.partnerships,
        activities: data.activities,
        actions: data.actions,
        charter: data.charter,
        commitments: data.commitments,
        datasets,
        home,
        has_illustrative,
        changes: crate::model::Changes::default(),
    };
    site.changes = history::changes(
        sources.history.as_deref(),
        &site,
        &sources.data,
        &routes,
        &words,
    );
    let mut checked = Checked {
        site,
        markdown: settings,
        downloads: Downloads {
            json: data.json,
            tables,
        },
        static_files: sources.static_files.clone(),
        links: links::Index::default(),
        routes: routes.clone(),
    };
    // Links are checked once every page's address and ids are known.
    if let Some(theme) = theme {
        let mut docs = Vec::new();
        for s in &statements {
            docs.push(Doc {
                page: Some(routes.statement(s.front.period)),
                source: s.source,
                body: &s.body,
            });
        }
        for u in &updates {
            docs.push(Doc {
                page: Some(routes.update(u.front.period)),
                source: u.source,
                body: &u.body,
            });
        }
        for p in &pages {
            docs.push(Doc {
                page: Some(routes.page(p.stem())),
                source: p.source,
                body: &p.body,
            });
        }
        let site_markdown = [
            (None, &site_markdown.notice),
            (Some(routes.accessibility()), &site_markdown.exemptions),
        ];
        for (page, body) in site_markdown {
            if let Some(body) = body {
                docs.push(Doc {
                    page,
                    source: site_source,
                    body,
                });
            }
        }
        let (index, mut link_problems) = links::check(&checked, theme, &docs);
        if !link_problems.is_empty() {
            problems.append(&mut link_problems);
            return (None, problems);
        }
        checked.links = index;
    }
    (Some(checked), problems)
}

/// A site that passed every check: the model templates see, and what the build writes
/// beside its pages.
pub struct Checked {
    pub site: Site,
    /// How its Markdown was rendered (raw HTML, the base path of links, the ids headings
    /// keep clear of).
    pub markdown: Settings,
    pub downloads: Downloads,
    /// Files under `content/static/`, copied as they are, relative to it.
    pub static_files: Vec<String>,
    /// What the Markdown's links to the site were checked against: its URLs and ids.
    pub links: links::Index,
    /// The site's addresses.
    pub routes: Routes,
}

/// The data files as published: each as JSON in the shape of its YAML, and as CSV tables.
pub struct Downloads {
    /// By dataset name (`kpis`), in the order of `DATA_FILES`.
    pub json: Vec<(String, serde_json::Value)>,
    pub tables: Vec<crate::view::opendata::Table>,
}

/// A content page's model, or `None` (with the problem) when its file name cannot be its URL.
pub fn page(p: &Parsed<PageFile>, routes: &Routes, problems: &mut Vec<Diagnostic>) -> Option<Page> {
    let slug = p.stem().to_string();
    if !is_slug(&slug) {
        problems.push(
            Diagnostic::error(&p.source.path, format!("'{slug}' cannot be part of a web address"))
                .with_hint("name the file with lowercase letters, digits and hyphens, such as modern-slavery-act.md"),
        );
        return None;
    }
    let url = routes.page(&slug);
    if routes::RESERVED.contains(&slug.as_str()) {
        problems.push(
            Diagnostic::error(&p.source.path, format!("the page {url} is one candour makes itself"))
                .with_hint("rename the file; the built-in pages are /statements/, /updates/, /performance/, /prevention-orders/, /training/, /partnerships/, /action-plan/, /commitments/, /data/, /accessibility/ and /changes/"),
        );
        return None;
    }
    Some(Page {
        title: p.front.title.clone(),
        slug,
        url,
        summary: p.front.summary.clone(),
        footer_order: p.front.footer_order,
        body_html: p.body.html.clone(),
        source: p.source.path.clone(),
        toc: p.body.headings.clone(),
        history: crate::model::History::default(),
    })
}

fn statement(
    s: &Parsed<StatementFile>,
    url: String,
    year_starts: u32,
    words: &Words,
    problems: &mut Vec<Diagnostic>,
) -> Statement {
    let f = &s.front;
    let ids: Vec<&str> = s.body.headings.iter().map(|h| h.id.as_str()).collect();
    for key in f.areas.keys().chain(f.not_covered.keys()) {
        if !AREAS.iter().any(|(k, ..)| k == key) {
            let section = if f.areas.contains_key(key) {
                "areas"
            } else {
                "not_covered"
            };
            let hint = match did_you_mean(key, AREAS.iter().map(|(k, ..)| *k)) {
                Some(best) => format!("did you mean '{best}'?"),
                None => format!(
                    "the areas are: {}",
                    AREAS
                        .iter()
                        .map(|(k, ..)| *k)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            problems.push(
                s.error_at(
                    &format!("{section}.{key}#key"),
                    format!("'{key}' is not one of the six areas of section 54(5)"),
                )
                .with_hint(hint),
            );
        }
    }
    let mut areas = Vec::new();
    for (key, letter, name) in AREAS {
        let anchor = f.areas.get(key);
        let reason = f.not_covered.get(key);
        let mut heading = None;
        match (anchor, reason) {
            (Some(id), _) => match s.body.headings.iter().find(|h| &h.id == id) {
                Some(h) => heading = Some(h.text.clone()),
                None => {
                    let hint = match did_you_mean(id, ids.iter().copied()) {
                        Some(best) => format!("did you mean '{best}'?"),
                        None if ids.is_empty() => "the statement has no headings; add a '## ' heading for this area".into(),
                        None => format!("the headings' ids are: {}", ids.join(", ")),
                    };
                    problems.push(s.error_at(&format!("areas.{key}"), format!("no heading in the statement has the id '{id}'")).with_hint(hint));
                }
            },
            (None, Some(_)) => {}
            (None, None) => problems.push(
                s.error_at(if f.areas.is_empty() { "title" } else { "areas#key" }, format!("the statement does not cover area {letter}, {}", name.to_lowercase()))
                    .with_hint(format!("map it to a heading under `areas:` (`{key}: heading-id`), or say why under `not_covered:`")),
            ),
        }
        areas.push(Area {
            key,
            letter,
            name,
            anchor: anchor.cloned(),
            heading,
            reason: reason.cloned(),
        });
    }
    if f.approval.signed_by.is_empty() {
        problems.push(s.error_at("approval.signed_by", "the statement is not signed").with_hint("add at least one signature with role and signed_on; section 54(6) asks for a director's or equivalent's signature"));
    }
    let deadline = f.period.end(year_starts).add_months(6);
    if f.published > deadline {
        let d = s.error_at(
            "published",
            format!(
                "published on {} after the deadline of {}",
                f.published.long(),
                deadline.long()
            ),
        );
        problems.push(
            Diagnostic {
                severity: Severity::Warning,
                ..d
            }
            .with_hint("a statement is due six months after its period ends"),
        );
    }
    Statement {
        title: f.title.clone(),
        period: f.period,
        period_span: words.span(f.period, year_starts),
        slug: f.period.slug(),
        url,
        published: f.published,
        deadline,
        on_time: f.published <= deadline,
        summary: f.summary.clone(),
        approval: Approval {
            approved_by: f.approval.approved_by.clone(),
            approved_on: f.approval.approved_on,
            signed_by: f
                .approval
                .signed_by
                .iter()
                .map(|s| Signature {
                    name: s.name.clone(),
                    role: s.role.clone(),
                    signed_on: s.signed_on,
                })
                .collect(),
            illustrative: f.approval.illustrative,
        },
        areas,
        body_html: s.body.html.clone(),
        toc: s.body.headings.clone(),
        update_urls: Vec::new(),
        history: crate::model::History::default(),
        source: s.source.path.clone(),
    }
}

/// An update's figures: each dataset's values for the period beside the period before.
fn figures(period: Period, data: &data::Data) -> UpdateFigures {
    let previous = period.previous();
    let kpis = data
        .kpis
        .iter()
        .filter_map(|k| {
            let current = k.values.iter().find(|v| v.period == period).cloned();
            let prev = k.values.iter().find(|v| v.period == previous).cloned();
            (current.is_some() || prev.is_some()).then(|| KpiComparison {
                id: k.id.clone(),
                title: k.title.clone(),
                url: k.url.clone(),
                kind: k.kind,
                unit: k.unit.clone(),
                current,
                previous: prev,
            })
        })
        .collect();
    let current_orders = data.orders.iter().find(|o| o.period == period).cloned();
    let previous_orders = data.orders.iter().find(|o| o.period == previous).cloned();
    let orders =
        (current_orders.is_some() || previous_orders.is_some()).then_some(OrdersComparison {
            current: current_orders,
            previous: previous_orders,
        });
    let training = data
        .courses
        .iter()
        .filter_map(|c| {
            let at = |p: Period| c.trained.iter().find(|t| t.period == p);
            let (cur, prev) = (at(period), at(previous));
            (cur.is_some() || prev.is_some()).then(|| TrainingComparison {
                course: c.title.clone(),
                current: cur.map(|t| t.people),
                previous: prev.map(|t| t.people),
                illustrative: cur.is_some_and(|t| t.illustrative)
                    || prev.is_some_and(|t| t.illustrative),
            })
        })
        .collect();
    let progress = data
        .actions
        .iter()
        .flat_map(|a| {
            a.progress
                .iter()
                .filter(|p| p.period == period)
                .map(|p| ProgressItem {
                    action_id: a.id.clone(),
                    action_title: a.title.clone(),
                    status: p.status,
                    note: p.note.clone(),
                    illustrative: p.illustrative,
                })
        })
        .collect();
    UpdateFigures {
        previous_period: previous,
        kpis,
        orders,
        training,
        activities: data
            .activities
            .iter()
            .filter(|a| a.period == period)
            .cloned()
            .collect(),
        previous_activity_count: data
            .activities
            .iter()
            .filter(|a| a.period == previous)
            .count(),
        progress,
    }
}

fn home(
    routes: &Routes,
    words: &Words,
    config: &crate::model::Config,
    statements: &[Statement],
    updates: &[Update],
    data: &data::Data,
) -> Home {
    // The next update follows the latest one, or the first half after the latest statement.
    let next = match (updates.first(), statements.first()) {
        (Some(u), _) => Some(u.period.next()),
        (None, Some(s)) => Some(Period {
            year: s.period.year + 1,
            half: 1,
        }),
        _ => None,
    };
    let next_update = next.map(|p| NextUpdate {
        period: p,
        period_span: words.span(p, config.year_starts),
        due: p
            .end(config.year_starts)
            .add_months(config.update_due_months as i32),
    });
    let mut headlines = Vec::new();
    if let Some(o) = data.orders.iter().rev().find(|o| o.stpo.granted.is_some()) {
        headlines.push(Headline {
            label: words.word("headline.stpo_granted").to_string(),
            value: o.stpo.granted.unwrap_or(0).to_string(),
            period: o.period,
            url: routes.orders(),
            illustrative: o.illustrative,
        });
    }
    if let Some(period) = data
        .courses
        .iter()
        .flat_map(|c| c.trained.iter().map(|t| t.period))
        .max()
    {
        let trained: Vec<_> = data
            .courses
            .iter()
            .flat_map(|c| c.trained.iter())
            .filter(|t| t.period == period)
            .collect();
        headlines.push(Headline {
            label: words.word("headline.people_trained").to_string(),
            value: trained.iter().map(|t| t.people).sum::<u64>().to_string(),
            period,
            url: routes.training(),
            illustrative: trained.iter().any(|t| t.illustrative),
        });
    }
    if let Some(period) = data.activities.last().map(|a| a.period) {
        let acts: Vec<_> = data
            .activities
            .iter()
            .filter(|a| a.period == period)
            .collect();
        headlines.push(Headline {
            label: words.word("headline.partnership_activities").to_string(),
            value: acts.len().to_string(),
            period,
            url: routes.partnerships(),
            illustrative: acts.iter().any(|a| a.illustrative),
        });
    }
    if !data.actions.is_empty() {
        let done = data
            .actions
            .iter()
            .filter(|a| a.status == crate::raw::Status::Achieved)
            .count();
        let latest = data
            .actions
            .iter()
            .flat_map(|a| a.progress.iter().map(|p| p.period))
            .max();
        if let Some(period) = latest {
            headlines.push(Headline {
                label: words.format(
                    "headline.actions_achieved",
                    &[("total", &data.actions.len().to_string())],
                ),
                value: done.to_string(),
                period,
                url: routes.actions(),
                illustrative: data.actions.iter().any(|a| a.illustrative),
            });
        }
    }
    Home {
        next_update,
        headlines,
    }
}
