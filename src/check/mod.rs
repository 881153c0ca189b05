//! Sources → the validated `Site`: every file checked, every cross-reference resolved.

pub mod config;
pub mod data;
pub mod deadlines;
pub mod documents;
pub mod history;

pub mod links;
pub mod page;
pub mod statement;
pub mod static_files;
pub mod translate;
pub mod translation_body;
pub mod update;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::markdown::Settings;
use crate::markdown::anchors::Reserved;
use crate::model::period::Period;
use crate::model::{Link, Site, Update};
use crate::raw::{PageFile, StatementFile, UpdateFile};
use crate::routes::Routes;
use crate::source::load::Sources;
use crate::source::reuse::Reuse;
use crate::theme::Theme;
use config::Overrides;
use data::Known;
use documents::{Parsed, is_slug};
use links::Doc;

/// Checks everything; returns the site only when there are no errors. `theme` is the theme
/// the site will be rendered with (`None` when it could not be read): Markdown headings keep
/// clear of the ids its templates give elements. A site in several languages is checked
/// once per language (`translate`), each version with its own addresses and words.
pub fn validate(
    sources: &Sources,
    overrides: &Overrides,
    cache: Option<&dyn Reuse>,
    theme: Option<&Theme>,
) -> (Option<Checked>, Vec<Diagnostic>) {
    let Some(site_source) = &sources.site else {
        return (None, Vec::new());
    };
    let languages = config::languages(site_source);
    let all: Vec<Routes> = languages
        .iter()
        .enumerate()
        .map(|(i, tag)| Routes::of_version(i, tag))
        .collect();
    let mut problems = Vec::new();
    translate::check_files(sources, &languages, &mut problems);
    if let Some(theme) = theme {
        for tag in &languages[1..] {
            if !theme.words.contains_key(crate::i18n::primary(tag)) {
                problems.push(
                    Diagnostic::error(&site_source.path, format!("the theme has no words for '{tag}'"))
                        .with_hint(format!("add i18n/{}.yaml with every key of the theme's i18n/en.yaml, or remove '{tag}' from `languages`", crate::i18n::primary(tag))),
                );
            }
        }
    }
    let (first, mut more) = version(sources, overrides, cache, theme, 0, &all, None);
    problems.append(&mut more);
    let mut others = Vec::new();
    for (i, tag) in languages.iter().enumerate().skip(1) {
        let Some(translated) = translate::version(sources, tag, &mut problems) else {
            continue;
        };
        let (checked, more) = version(sources, overrides, cache, theme, i, &all, Some(&translated));
        // A problem of an original file is the default language's to report, and so is one
        // a translation only echoes from its original's facts (its front matter is the
        // original's: "the statement does not say who approved it").
        for d in repointed(more, sources, &translated) {
            let d = on_the_sites_real_line(d, sources, &translated);
            let original = !sources.translations.iter().any(|t| t.path == d.file);
            let said = |file: &str| {
                problems
                    .iter()
                    .any(|p| p.file == file && p.message == d.message)
            };
            let echoed = translated.originals.get(&d.file).is_some_and(|o| said(o));
            if !(echoed || original && (said(&d.file) || !d.is_error())) {
                problems.push(d);
            }
        }
        others.extend(checked);
    }
    crate::diagnostic::sort(&mut problems);
    problems.dedup();
    match first {
        Some(mut first)
            if others.len() + 1 == languages.len()
                && !problems.iter().any(Diagnostic::is_error) =>
        {
            first.others = others;
            (Some(first), problems)
        }
        _ => (None, problems),
    }
}

/// Checks one language's version of the site (`version`, its place in `languages`; `all`,
/// every version's addresses): the default's from the sources as they are, another's from
/// its `translated` sources.
fn version(
    sources: &Sources,
    overrides: &Overrides,
    cache: Option<&dyn Reuse>,
    theme: Option<&Theme>,
    version: usize,
    all: &[Routes],
    translated: Option<&translate::Version>,
) -> (Option<Checked>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let Some(site_source) = translated.map(|t| &t.site).or(sources.site.as_ref()) else {
        return (None, problems);
    };
    let (statement_sources, update_sources, page_sources, data_sources) = match translated {
        Some(t) => (&t.statements, &t.updates, &t.pages, &t.data),
        None => (
            &sources.statements,
            &sources.updates,
            &sources.pages,
            &sources.data,
        ),
    };
    let untranslated =
        |path: &str| translated.is_some_and(|t| t.untranslated_bodies.iter().any(|p| p == path));
    let body_html = |path: &str, html: &std::sync::Arc<str>| -> std::sync::Arc<str> {
        if untranslated(path) {
            crate::i18n::mark_block(html).into()
        } else {
            html.clone()
        }
    };
    // The contents list of an untranslated body names its headings in the default language.
    let toc = |path: &str, toc: &std::sync::Arc<[crate::model::Heading]>| {
        if !untranslated(path) {
            return toc.clone();
        }
        toc.iter()
            .map(|h| crate::model::Heading {
                text: crate::i18n::mark_inline(&h.text),
                ..h.clone()
            })
            .collect()
    };
    let routes = all[version].clone();
    let reserved = Reserved::of_theme(theme);
    let mut site_markdown = config::SiteMarkdown::default();
    let (config, settings) = match config::validate(
        site_source,
        overrides,
        &reserved,
        &mut site_markdown,
        &mut problems,
        version,
    ) {
        Some((config, settings)) => (Some(config), settings),
        None => (
            None,
            Settings {
                reserved: Arc::new(reserved.after_notice(Default::default())),
                routes: all[version].clone(),
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
        statement_sources,
        "statement's front matter",
        &settings,
        cache,
        &mut problems,
    );
    let updates: Vec<Parsed<UpdateFile>> = documents::parse_all(
        update_sources,
        "update's front matter",
        &settings,
        cache,
        &mut problems,
    );
    let pages: Vec<Parsed<PageFile>> = documents::parse_all(
        page_sources,
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

    // A translated statement's headings are the original's, by position: the areas' ids
    // name the original's headings, and each is the translation's heading in its place.
    let originals: Vec<Parsed<StatementFile>> = match translated {
        Some(_) => documents::parse_all(
            &sources.statements,
            "statement's front matter",
            &settings,
            cache,
            &mut Vec::new(),
        ),
        None => Vec::new(),
    };
    // Who makes the statements, as site.yaml says: the registry's organisations, sector and
    // budget band.
    let body = crate::registry::Body {
        organisations: config
            .as_ref()
            .map(|c| c.organisations.clone())
            .unwrap_or_default(),
        sector: config.as_ref().and_then(|c| c.sector),
        budget: config.as_ref().and_then(|c| c.budget),
    };
    let mut statement_models = Vec::new();
    // For each translated statement's page, its original's heading ids that are another here:
    // a link to one (written in the original's text) goes to the heading in its place.
    let mut heading_aliases: links::Aliases = Default::default();
    // Title → the first statement with it (its file and period).
    let mut titles: BTreeMap<&str, (&str, Period)> = BTreeMap::new();
    for s in &statements {
        let mut anchors = BTreeMap::new();
        if let Some(original) = original_of(translated, &originals, s.source) {
            anchors = matched_headings(
                s,
                original,
                Some(
                    "a translation has the original's headings, in the same order and at the same levels, so each area of section 54(5) finds its heading",
                ),
                &mut problems,
            );
        }
        match titles.get(s.front.title.trim()) {
            // The same period again is reported as a second statement for it.
            Some((first, period)) if *period != s.front.period => problems.push(
                s.warning_at("title", format!("another statement, {first}, has the title '{}'", s.front.title.trim()))
                    .with_hint(format!("readers tell statements apart by their titles in lists, the feed and search results: give each its period, such as Modern Slavery Statement {}", s.front.period)),
            ),
            Some(_) => {}
            None => {
                titles.insert(s.front.title.trim(), (&s.source.path, s.front.period));
            }
        }
        let url = routes.statement(s.front.period);
        let moved = moved_ids(&anchors);
        if !moved.is_empty() {
            heading_aliases.insert(url.clone(), moved);
        }
        claim(
            url.clone(),
            &s.source.path,
            &mut problems,
            s.error_at(
                "period",
                format!("a second statement for {}", s.front.period),
            ),
        );
        let mut model =
            statement::check(s, url, year_starts, &body, &words, &anchors, &mut problems);
        model.body_html = body_html(&s.source.path, &model.body_html);
        // The page shows the opening text and the sections apart: each marked, when there is
        // one, so an untranslated statement's text is never English under another `lang`.
        for part in [&mut model.intro_html, &mut model.sections_html] {
            if !part.trim().is_empty() {
                *part = body_html(&s.source.path, part);
            }
        }
        model.toc = toc(&s.source.path, &model.toc);
        if untranslated(&s.source.path) {
            for area in &mut model.areas {
                area.heading = area.heading.as_deref().map(crate::i18n::mark_inline);
            }
        }
        model.history = history_of(sources, translated, &s.source.path, &[], &s.front.changes);
        statement_models.push(model);
    }
    let statement_periods: Vec<Period> = statements.iter().map(|s| s.front.period).collect();
    // References to statements are only checked when every statement could be read.
    let statements_complete = statements.len() == statement_sources.len();

    // An update's or page's translation has the original's headings too: an update's are
    // its aspects', and a page's are where the original's text of an empty section goes.
    if translated.is_some() {
        let original_updates: Vec<Parsed<UpdateFile>> = documents::parse_all(
            &sources.updates,
            "update's front matter",
            &settings,
            cache,
            &mut Vec::new(),
        );
        for u in &updates {
            if let Some(original) = original_of(translated, &original_updates, u.source) {
                let anchors = matched_headings(
                    u,
                    original,
                    Some(
                        "a translation has the original's headings, in the same order and at the same levels: they are the aspects the update reports on, as its original's",
                    ),
                    &mut problems,
                );
                let moved = moved_ids(&anchors);
                if !moved.is_empty() {
                    heading_aliases.insert(routes.update(u.front.period), moved);
                }
            }
        }
        let original_pages: Vec<Parsed<PageFile>> = documents::parse_all(
            &sources.pages,
            "page's front matter",
            &settings,
            cache,
            &mut Vec::new(),
        );
        for p in &pages {
            if let Some(original) = original_of(translated, &original_pages, p.source) {
                // A link to the original's heading (`/about/#where-the-content-comes-from`)
                // goes to the heading in its place here, as for a statement.
                let anchors = matched_headings(p, original, None, &mut problems);
                let moved = moved_ids(&anchors);
                if !moved.is_empty() {
                    heading_aliases.insert(routes.page(p.stem()), moved);
                }
            }
        }
    }

    let mut page_models = Vec::new();
    for p in &pages {
        let Some(mut page) = page::check(p, &routes, &mut problems) else {
            continue;
        };
        page.body_html = body_html(&p.source.path, &page.body_html);
        page.toc = toc(&p.source.path, &page.toc);
        page.history = history_of(sources, translated, &p.source.path, &[], &p.front.changes);
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

    let mut refused_updates = 0;
    for u in &updates {
        refused_updates += usize::from(update::check(
            u,
            &statement_periods,
            statements_complete,
            year_starts,
            config.as_ref().map(|c| c.updates),
            &mut problems,
        ));
        claim(
            routes.update(u.front.period),
            &u.source.path,
            &mut problems,
            u.error_at("period", format!("a second update for {}", u.front.period)),
        );
    }

    // A page whose file has errors still has its address, from its file name: references
    // to it are not reported as well (one mistake, one message).
    let mut known_pages: Vec<String> = page_models.iter().map(|p| p.slug.clone()).collect();
    for s in page_sources {
        let stem = documents::stem_of(&s.path);
        if is_slug(stem) && !known_pages.iter().any(|p| p == stem) {
            known_pages.push(stem.to_string());
        }
    }
    // Data may not point at a draft unless drafts are kept: the build leaves it out.
    let draft_pages: Vec<String> = pages
        .iter()
        .filter(|p| p.front.draft && !overrides.drafts)
        .map(|p| p.stem().to_string())
        .collect();
    known_pages.retain(|p| !draft_pages.contains(p));
    let published = |draft: bool| overrides.drafts || !draft;
    let known = Known {
        pages: known_pages,
        statements: statements
            .iter()
            .filter(|s| published(s.front.draft))
            .map(|s| s.front.period)
            .collect(),
        statements_complete,
        // An update whose period the cadence refused is reported already.
        updates_complete: updates.len() == update_sources.len() && refused_updates == 0,
        updates: updates
            .iter()
            .filter(|u| published(u.front.draft))
            .map(|u| u.front.period)
            .collect(),
        draft_statements: statements
            .iter()
            .filter(|s| !published(s.front.draft))
            .map(|s| s.front.period)
            .collect(),
        draft_pages,
        draft_updates: updates
            .iter()
            .filter(|u| !published(u.front.draft))
            .map(|u| u.front.period)
            .collect(),
        datasets: data_sources.iter().map(|(name, _)| name.clone()).collect(),
        empty: Vec::new(),
        year_starts,
        aspects: config.as_ref().map(|c| {
            c.aspects
                .iter()
                .map(|a| (a.id.clone(), a.title.clone()))
                .collect()
        }),
        routes: routes.clone(),
        words: words.clone(),
    };
    let data = data::validate(data_sources, &known, cache, &mut problems);

    static_files::check(&sources.static_files, &page_models, &mut problems);
    for u in &updates {
        // A whole year as an update's period is reported already.
        if u.front.period.is_half() && !update::has_figures(u.front.period, &data) {
            problems.push(Diagnostic {
                severity: crate::diagnostic::Severity::Warning,
                ..u.error_at(
                    "period",
                    format!("no dataset has a figure for {}, so this update shows none", u.front.period),
                )
            }
            .with_hint(format!("add the period's figures to the data files (a KPI value, orders, people trained, an activity or a progress note for {})", u.front.period)));
        }
    }

    // Deadlines only once every statement and update could be read: one that could not is
    // reported already, and is not missing.
    // A translation's deadlines are its original's, said once, by the default language.
    let all_read =
        statements_complete && updates.len() == update_sources.len() && refused_updates == 0;
    if let (Some(options), Some(c), true, None) =
        (overrides.deadlines, &config, all_read, translated)
    {
        let calendar = deadlines::Calendar {
            year_starts,
            updates: c.updates,
            update_due_months: c.update_due_months,
        };
        problems.extend(deadlines::check(
            options,
            &calendar,
            &statements,
            &updates,
            site_markdown.updates_at.as_ref(),
        ));
    }
    if problems.iter().any(Diagnostic::is_error) {
        return (None, problems);
    }
    let Some(mut config) = config else {
        return (None, problems);
    };
    config.organisation = words.names(&config.organisations, false);
    config.organisation_in_text = words.names(&config.organisations, true);

    let data_paths = history::data_paths(&sources.data);
    let mut update_models: Vec<Update> = updates
        .iter()
        .map(|u| {
            let mut model =
                update::model(u, &statement_models, &routes, &words, year_starts, &data);
            model.body_html = body_html(&u.source.path, &model.body_html);
            model.toc = toc(&u.source.path, &model.toc);
            model.history = history_of(
                sources,
                translated,
                &u.source.path,
                &data_paths,
                &u.front.changes,
            );
            model
        })
        .collect();
    update_models.sort_by_key(|u| std::cmp::Reverse(u.period));
    statement_models.sort_by_key(|s| std::cmp::Reverse(s.period));
    if !overrides.drafts {
        // Drafts were checked like the rest; a build without `--drafts` leaves them out. A
        // published update cannot follow a statement that is not published.
        for u in &updates {
            let follows_draft = statements
                .iter()
                .any(|s| s.front.period == u.front.statement && s.front.draft);
            if follows_draft && !u.front.draft {
                problems.push(
                    u.error_at(
                        "statement",
                        format!("this update follows the {} statement, which is a draft", u.front.statement),
                    )
                    .with_hint("publish the statement first (remove its `draft: true`), or mark this update `draft: true` too"),
                );
            }
        }
        if problems.iter().any(Diagnostic::is_error) {
            return (None, problems);
        }
        statement_models.retain(|s| !s.draft);
        update_models.retain(|u| !u.draft);
        page_models.retain(|p| !p.draft);
    }
    for s in &mut statement_models {
        let mut follow: Vec<&Update> = update_models
            .iter()
            .filter(|u| u.statement_url == s.url)
            .collect();
        follow.sort_by_key(|u| u.period);
        s.update_urls = follow.iter().map(|u| u.url.clone()).collect();
    }

    let home = crate::view::home::of(
        &routes,
        &words,
        &config,
        &statement_models,
        &update_models,
        &data,
    );
    // A dataset is published only when its section has content (a file with no records
    // makes no page, no CSV and no JSON).
    let mut data = data;
    let has = |name: &str, data: &crate::model::Data| data::has_records(data, name);
    let json = std::mem::take(&mut data.json);
    data.json = json
        .into_iter()
        .filter(|(name, _)| has(name, &data))
        .collect();
    let mut tables = crate::view::opendata::tables(&data, &words);
    let mut json = std::mem::take(&mut data.json);
    // The registry's summary of every statement the site publishes (issue 11).
    if !statement_models.is_empty() {
        let (table, records) =
            registry_download(&statements, &statement_models, &config, &routes, &words);
        tables.push(table);
        json.push(("registry".to_string(), records));
    }
    let datasets = crate::view::opendata::describe(&json, &tables, &routes, &words);
    let has_illustrative = data.kpis.iter().any(|k| k.any_illustrative)
        || data.orders.iter().any(|o| o.illustrative)
        || data
            .actions
            .iter()
            .any(|a| a.illustrative || !a.illustrative_fields.is_empty())
        || data
            .commitments
            .iter()
            .any(|c| c.illustrative || !c.illustrative_fields.is_empty())
        || data
            .courses
            .iter()
            .any(|c| c.illustrative || !c.illustrative_fields.is_empty())
        || statement_models.iter().any(|s| {
            s.published_illustrative
                || s.period_illustrative
                || s.approval.illustrative
                || !s.approval.illustrative_fields.is_empty()
        });
    let sections = crate::i18n::NAV_KEYS
        .iter()
        .filter(|key| match **key {
            "statements" => !statement_models.is_empty(),
            "updates" => !update_models.is_empty(),
            "performance" => has("kpis", &data),
            "orders" => has("prevention-orders", &data),
            "training" => has("training", &data),
            "partnerships" => has("partnerships", &data),
            "actions" => has("actions", &data),
            "commitments" => has("commitments", &data),
            "data" => !datasets.is_empty(),
            _ => true,
        })
        .map(|key| (*key).to_string())
        .collect();
    let mut site = Site {
        sections,
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
    if !heading_aliases.is_empty() {
        let base = &settings.base_path;
        let fix = |html: &mut Arc<str>, own: Option<&str>| {
            if let Some(new) = links::follow_aliases(html, base, &heading_aliases, own) {
                *html = new.into();
            }
        };
        for st in &mut site.statements {
            let own = Some(st.url.as_str());
            fix(&mut st.body_html, own);
            fix(&mut st.intro_html, own);
            fix(&mut st.sections_html, own);
        }
        for u in &mut site.updates {
            fix(&mut u.body_html, None);
        }
        for p in &mut site.pages {
            fix(&mut p.body_html, None);
        }
    }
    let mut checked = Checked {
        site,
        markdown: settings,
        downloads: Downloads { json, tables },
        static_files: sources.static_files.clone(),
        links: links::Index::default(),
        routes: routes.clone(),
        others: Vec::new(),
        elsewhere: Vec::new(),
    };
    // The same pages in the other languages: Markdown may link to them too.
    let own = crate::built::pages(&checked.site, &routes, &crate::i18n::Words::default());
    for other in all.iter().filter(|r| **r != routes) {
        checked.elsewhere.extend(
            own.iter()
                .filter_map(|j| routes.same_page_in(&j.url, other)),
        );
    }
    // Links are checked once every page's address and ids are known.
    if let Some(theme) = theme {
        let mut docs = Vec::new();
        // A draft's links are checked when drafts are kept (`check` does both).
        let shown = |draft: bool| overrides.drafts || !draft;
        for s in statements.iter().filter(|s| shown(s.front.draft)) {
            docs.push(Doc {
                page: Some(routes.statement(s.front.period)),
                source: s.source,
                body: &s.body,
            });
        }
        for u in updates.iter().filter(|u| shown(u.front.draft)) {
            docs.push(Doc {
                page: Some(routes.update(u.front.period)),
                source: u.source,
                body: &u.body,
            });
        }
        for p in pages.iter().filter(|p| shown(p.front.draft)) {
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
        let mut drafts = std::collections::HashMap::new();
        if !overrides.drafts {
            for s in statements.iter().filter(|s| s.front.draft) {
                drafts.insert(routes.statement(s.front.period), s.source.path.clone());
            }
            for u in updates.iter().filter(|u| u.front.draft) {
                drafts.insert(routes.update(u.front.period), u.source.path.clone());
            }
            for p in pages.iter().filter(|p| p.front.draft) {
                drafts.insert(routes.page(p.stem()), p.source.path.clone());
            }
        }
        let (index, mut link_problems) =
            links::check(&checked, theme, &docs, drafts, heading_aliases);
        if !link_problems.is_empty() {
            problems.append(&mut link_problems);
            return (None, problems);
        }
        checked.links = index;
    }
    (Some(checked), problems)
}

/// The change history of a statement, update or page at `path` (with the files in `also`
/// that its page shows too). A translation's is its original's, whose facts it shows, with
/// the translation's own commits counted for its last-updated date; its notes, written in
/// the default language, are marked as such.
fn history_of(
    sources: &Sources,
    translated: Option<&translate::Version>,
    path: &str,
    also: &[String],
    notes: &[crate::raw::ChangeNote],
) -> crate::model::History {
    let history = sources.history.as_deref();
    let Some(t) = translated else {
        return history::of_document(history, path, also, notes);
    };
    let original = t.originals.get(path).map_or(path, String::as_str);
    let mut also = also.to_vec();
    if original != path {
        also.push(path.to_string());
    }
    let mut h = history::of_document(history, original, &also, notes);
    for entry in &mut h.entries {
        entry.note = crate::i18n::mark_inline(&entry.note);
    }
    h
}

/// The registry's CSV table and JSON records: one statement after another, newest first.
fn registry_download(
    sources: &[Parsed<StatementFile>],
    statements: &[crate::model::Statement],
    config: &crate::model::Config,
    routes: &Routes,
    words: &crate::i18n::Words,
) -> (crate::view::opendata::Table, serde_json::Value) {
    use crate::registry::table;
    let entries: Vec<table::Entry> = statements
        .iter()
        .map(|s| table::Entry {
            statement: s,
            answers: sources
                .iter()
                .find(|p| p.front.period == s.period)
                .and_then(|p| p.front.registry.as_ref()),
            url: format!("{}{}", config.base_url, routes.statement(s.period)),
        })
        .collect();
    let records = table::records(&entries, config);
    (
        crate::view::opendata::Table::of_cells(
            "registry",
            "registry",
            words.word("dataset.registry.table"),
            &table::column_names(),
            table::rows(&records),
        ),
        table::json(&records),
    )
}

/// The hint for an `illustrative` list naming `name`, not one of `allowed`.
pub fn marks_hint(name: &str, allowed: &[&str]) -> String {
    match crate::diagnostic::did_you_mean(name, allowed.iter().copied()) {
        Some(best) => format!("did you mean '{best}'?"),
        None => format!(
            "the fields that can be marked are: {}; `illustrative: true` marks the whole record",
            allowed.join(", ")
        ),
    }
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
    /// The site in each other language, in the order of `languages` (none for most sites);
    /// each has its own `routes`.
    pub others: Vec<Checked>,
    /// The addresses of the same pages in the other languages, which links may go to.
    pub elsewhere: Vec<String>,
}

impl Checked {
    /// Every language's version of the site, the default first: its model (`site`, whose
    /// `config.language` says which) and its addresses (`routes`).
    pub fn versions(&self) -> impl Iterator<Item = &Checked> {
        std::iter::once(self).chain(&self.others)
    }
}

impl Checked {
    /// The parts of the site that files other than pages are made from, with `theme`.
    pub fn files<'a>(&'a self, theme: &'a Theme) -> crate::built::Files<'a> {
        crate::built::Files {
            routes: &self.routes,
            theme,
            static_files: &self.static_files,
            json: &self.downloads.json,
            tables: &self.downloads.tables,
        }
    }
}

/// The data files as published: each as JSON in the shape of its YAML, and as CSV tables.
pub struct Downloads {
    /// By dataset name (`kpis`), in the order of `DATA_FILES`.
    pub json: Vec<(String, serde_json::Value)>,
    pub tables: Vec<crate::view::opendata::Table>,
}
/// The original of `translation`, among `originals`, when it is a translation.
fn original_of<'a, 's, T>(
    translated: Option<&translate::Version>,
    originals: &'a [Parsed<'s, T>],
    translation: &crate::source::Source,
) -> Option<&'a Parsed<'s, T>> {
    let path = translated?.originals.get(&translation.path)?;
    originals.iter().find(|p| &p.source.path == path)
}

/// Whether a translation's headings match its original's by position (same number, order and
/// levels): each original heading's id with the translation's in its place, or empty with
/// the mismatch said: an error with the hint `error` (a statement's or update's, whose areas
/// and aspects name their headings), else a warning (a page's, whose empty sections then
/// stay empty).
fn matched_headings<T>(
    translation: &Parsed<'_, T>,
    original: &Parsed<'_, T>,
    error: Option<&str>,
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<String, String> {
    let differences = heading_mismatch(&original.body.headings, &translation.body.headings);
    if differences.is_empty() {
        return original
            .body
            .headings
            .iter()
            .zip(translation.body.headings.iter())
            .map(|(o, t)| (o.id.clone(), t.id.clone()))
            .collect();
    }
    let lines = heading_lines(translation.source);
    for (place, why) in differences {
        let message = format!("{HEADINGS_DO_NOT_MATCH} {}'s: {why}", original.source.path);
        let d = if let Some(hint) = error {
            Diagnostic::error(&translation.source.path, message).with_hint(hint)
        } else {
            Diagnostic::warning(&translation.source.path, message)
                .with_hint("give the translation the original's headings, in the same order and at the same levels: a section left empty then shows the original's text, marked, until it is translated")
        };
        // At the heading the difference is about, or where a missing one would be; at the
        // body's first line when the translation has no heading at all.
        let line = place
            .and_then(|n| lines.get(n).or(lines.last()).copied())
            .unwrap_or_else(|| body_first_line(translation.source));
        problems.push(d.at(&translation.source.text, line, 1));
    }
    BTreeMap::new()
}

/// The 1-based lines of a content file's headings, in order, as comrak reads its body with
/// the options `markdown::render` uses: the `n`th is the line of `body.headings[n]`.
fn heading_lines(source: &crate::source::Source) -> Vec<usize> {
    let Ok(fm) = crate::source::split_front_matter(source) else {
        return Vec::new();
    };
    let options = crate::markdown::options(false);
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, fm.body, &options);
    root.descendants()
        .filter_map(|n| {
            let data = n.data.borrow();
            matches!(data.value, comrak::nodes::NodeValue::Heading(_))
                .then(|| data.sourcepos.start.line + fm.body_line_offset)
        })
        .collect()
}

/// The first line of a content file's body (after its front matter), 1-based.
fn body_first_line(source: &crate::source::Source) -> usize {
    crate::source::split_front_matter(source)
        .map(|fm| fm.body_line_offset + 1)
        .unwrap_or(1)
}

/// The original's heading ids that are the translation's under another id (`our-approach`
/// → `ein-dull`), from `matched_headings`: a link to the original's id is followed to the
/// translation's. An id the translation has too stays its own heading's.
fn moved_ids(anchors: &BTreeMap<String, String>) -> std::collections::HashMap<String, String> {
    anchors
        .iter()
        .filter(|(o, t)| o != t && !anchors.values().any(|v| v == *o))
        .map(|(o, t)| (o.clone(), t.clone()))
        .collect()
}

/// The start of the error that a translation's headings do not match its original's.
const HEADINGS_DO_NOT_MATCH: &str = "the headings do not match";

/// The diagnostics of a version in another language with each on a translation's merged
/// file put at its real line (`translation_body::repoint`): the translation's, or the
/// original's for its text shown untranslated; one on the merged front matter's generated
/// line of JSON at the field it is about, or not said when the translation's headings do not
/// match (its consequence: an area's heading not found).
fn repointed(
    more: Vec<Diagnostic>,
    sources: &Sources,
    translated: &translate::Version,
) -> Vec<Diagnostic> {
    let mismatched: Vec<String> = more
        .iter()
        .filter(|d| d.message.starts_with(HEADINGS_DO_NOT_MATCH))
        .map(|d| d.file.clone())
        .collect();
    let mut places = BTreeMap::new();
    more.into_iter()
        .filter_map(|d| {
            let Some(original_path) = translated.originals.get(&d.file) else {
                return Some(d);
            };
            let find = |list: &[crate::source::Source], path: &str| {
                list.iter().find(|s| s.path == path).cloned()
            };
            let all: Vec<&Vec<crate::source::Source>> = vec![
                &translated.statements,
                &translated.updates,
                &translated.pages,
            ];
            let merged = all.iter().find_map(|l| find(l, &d.file));
            let original = [&sources.statements, &sources.updates, &sources.pages]
                .iter()
                .find_map(|l| find(l, original_path));
            let translation = find(&sources.translations, &d.file);
            let (Some(merged), Some(original), Some(translation)) = (merged, original, translation)
            else {
                return Some(d);
            };
            let places = places
                .entry(d.file.clone())
                .or_insert_with(|| translation_body::places(&original, &translation));
            let Some(places) = places else {
                return Some(d);
            };
            let follow_on = mismatched.contains(&d.file);
            translation_body::repoint(d, places, &merged, &original, &translation, follow_on)
        })
        .collect()
}

/// A diagnostic of a translation of `site.yaml` (`site.cy.yaml`) put at its real line, never
/// on the merged file's generated JSON (`translate::site_version`, each setting on the line
/// the translation gives it): at the string the diagnostic's column is at, found in the
/// translation from that line on (a nested value is on a later line), or else at that line.
fn on_the_sites_real_line(
    d: Diagnostic,
    sources: &Sources,
    translated: &translate::Version,
) -> Diagnostic {
    if d.line == 0 || d.file != translated.site.path {
        return d;
    }
    let Some(real) = sources.translations.iter().find(|t| t.path == d.file) else {
        return d;
    };
    let merged = translated.site.text.lines().nth(d.line - 1).unwrap_or("");
    let rest: String = merged.chars().skip(d.column.saturating_sub(1)).collect();
    let value = serde_json::Deserializer::from_str(&rest)
        .into_iter::<serde_json::Value>()
        .next()
        .and_then(Result::ok)
        .and_then(|v| v.as_str().map(str::to_owned))
        .filter(|v| !v.is_empty());
    let lines: Vec<&str> = real.text.lines().collect();
    let from = (d.line - 1).min(lines.len().saturating_sub(1));
    let found = value.and_then(|v| {
        (from..lines.len()).find_map(|n| {
            let at = lines[n].find(&v)?;
            Some((n + 1, lines[n][..at].chars().count() + 1))
        })
    });
    let (line, column) = found.unwrap_or_else(|| {
        let l = lines.get(from).copied().unwrap_or("");
        (
            from + 1,
            l.chars().take_while(|c| c.is_whitespace()).count() + 1,
        )
    });
    let text = real.text.clone();
    Diagnostic {
        source_line: None,
        ..d
    }
    .at(&*text, line, column)
}

/// How a translation's headings differ from the original's, at most
/// `MAX_HEADING_DIFFERENCES` of them, each with the place (0-based) among the translation's
/// headings it is about: a heading at another level, or a heading missing or added. The two
/// lists are aligned by their levels (the texts are in different languages) with the fewest
/// changes; a heading missing from a run of headings at one level could be any of the run,
/// so the run is named.
fn heading_mismatch(
    original: &[crate::model::Heading],
    translation: &[crate::model::Heading],
) -> Vec<(Option<usize>, String)> {
    let (n, m) = (original.len(), translation.len());
    let same = n == m
        && original
            .iter()
            .zip(translation)
            .all(|(o, t)| o.level == t.level);
    if same {
        return Vec::new();
    }
    let count = || {
        let has = match m {
            0 => "no headings".to_string(),
            1 => "1 heading".to_string(),
            m => format!("{m} headings"),
        };
        let original = match n {
            0 => "none".to_string(),
            n => n.to_string(),
        };
        format!("this has {has}, the original {original}")
    };
    // An alignment costs a cell per pair: too long a pair of lists is only counted.
    if n.saturating_mul(m) > 1_000_000 {
        return vec![(None, count())];
    }
    let ops = align_levels(original, translation);
    let mut out = Vec::new();
    let mut k = 0;
    while k < ops.len() {
        match ops[k] {
            Step::Same(..) => k += 1,
            Step::Level(i, j) => {
                let (o, t) = (&original[i], &translation[j]);
                out.push((
                    Some(j),
                    format!(
                        "heading {} (\"{}\") is level {} here, but its original (\"{}\") is level {}",
                        j + 1,
                        t.text,
                        t.level,
                        o.text,
                        o.level
                    ),
                ));
                k += 1;
            }
            Step::Missing(i, j) => {
                let (a, b) = run(original, i);
                let missing = ops[k..]
                    .iter()
                    .take_while(|s| matches!(s, Step::Missing(x, _) if *x <= b))
                    .count();
                k += missing;
                // Where the run starts in the translation: the heading that may stand for
                // any of the run.
                let at = j - ops_before_in_run(&ops[..k - missing], a);
                out.push((
                    Some(at),
                    format!(
                        "{}: {}",
                        count(),
                        absent(original, a, b, missing, "the original's", "none here")
                    ),
                ));
            }
            Step::Extra(_, j) => {
                let (a, b) = run(translation, j);
                let extra = ops[k..]
                    .iter()
                    .take_while(|s| matches!(s, Step::Extra(_, y) if *y <= b))
                    .count();
                k += extra;
                out.push((
                    Some(a),
                    format!(
                        "{}: {}",
                        count(),
                        absent(translation, a, b, extra, "this file's", "no original")
                    ),
                ));
            }
        }
    }
    if out.len() > MAX_HEADING_DIFFERENCES {
        let more = out.len() - MAX_HEADING_DIFFERENCES;
        out.truncate(MAX_HEADING_DIFFERENCES);
        if let Some((_, last)) = out.last_mut() {
            last.push_str(&format!(
                " (and {more} more difference{})",
                if more == 1 { "" } else { "s" }
            ));
        }
    }
    out
}

/// The most differences of headings reported for one translation.
const MAX_HEADING_DIFFERENCES: usize = 5;

/// One step of an alignment of an original's headings (`i`) with a translation's (`j`).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    /// The same level.
    Same(usize, usize),
    /// Matched, at another level.
    Level(usize, usize),
    /// The original's heading `i` has none in the translation, before its heading `j`.
    Missing(usize, usize),
    /// The translation's heading `j` has none in the original, before its heading `i`.
    Extra(usize, usize),
}

/// The cheapest alignment of two lists of headings by level (edit distance: a changed level
/// or a heading missing or added costs 1), in order, a change of level preferred.
fn align_levels(
    original: &[crate::model::Heading],
    translation: &[crate::model::Heading],
) -> Vec<Step> {
    let (n, m) = (original.len(), translation.len());
    // cost[i][j]: aligning original[i..] with translation[j..].
    let mut cost = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..=n).rev() {
        for j in (0..=m).rev() {
            cost[i][j] = if i == n {
                m - j
            } else if j == m {
                n - i
            } else {
                let pair = usize::from(original[i].level != translation[j].level);
                (cost[i + 1][j + 1] + pair)
                    .min(cost[i + 1][j] + 1)
                    .min(cost[i][j + 1] + 1)
            };
        }
    }
    let (mut i, mut j, mut steps) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m {
            let pair = usize::from(original[i].level != translation[j].level);
            if cost[i][j] == cost[i + 1][j + 1] + pair {
                steps.push(if pair == 0 {
                    Step::Same(i, j)
                } else {
                    Step::Level(i, j)
                });
                i += 1;
                j += 1;
                continue;
            }
        }
        if i < n && (j == m || cost[i][j] == cost[i + 1][j] + 1) {
            steps.push(Step::Missing(i, j));
            i += 1;
        } else {
            steps.push(Step::Extra(i, j));
            j += 1;
        }
    }
    steps
}

/// The run of consecutive headings at the level of `list[at]` that holds it, as first and
/// last place.
fn run(list: &[crate::model::Heading], at: usize) -> (usize, usize) {
    let level = list[at].level;
    let mut a = at;
    while a > 0 && list[a - 1].level == level {
        a -= 1;
    }
    let mut b = at;
    while b + 1 < list.len() && list[b + 1].level == level {
        b += 1;
    }
    (a, b)
}

/// How many of the steps just before a missing heading matched the original's headings of
/// its run from `a` on: the missing heading's place in the translation less this is where
/// the run starts there.
fn ops_before_in_run(steps: &[Step], a: usize) -> usize {
    steps
        .iter()
        .rev()
        .take_while(|s| matches!(s, Step::Same(i, _) | Step::Level(i, _) if *i >= a))
        .count()
}

/// "the original's heading 15 ("Partnership working", level 3) has none here", or for a
/// run of headings at one level of which `count` have none: "1 of the original's headings
/// 15 to 16 at level 3 ("Partnership working", "Measures...") has none here".
fn absent(
    list: &[crate::model::Heading],
    a: usize,
    b: usize,
    count: usize,
    whose: &str,
    none: &str,
) -> String {
    if a == b {
        return format!(
            "{whose} heading {} (\"{}\", level {}) has {none}",
            a + 1,
            list[a].text,
            list[a].level
        );
    }
    let names: Vec<String> = list[a..=b]
        .iter()
        .take(4)
        .map(|h| format!("\"{}\"", h.text))
        .collect();
    let more = if b - a + 1 > 4 { ", ..." } else { "" };
    let verb = if count == 1 { "has" } else { "have" };
    format!(
        "{count} of {whose} headings {} to {} at level {} ({}{more}) {verb} {none}; by their levels alone it cannot be told which",
        a + 1,
        b + 1,
        list[a].level,
        names.join(", ")
    )
}
