//! Model + templates → output files. No I/O: every file goes to an `Output` sink.
//!
//! `Renderer` holds the compiled templates (`environment`) and the model as templates see it,
//! built part by part; it renders the site's pages (`crate::built::pages`), and `files` the rest.

mod environment;
mod files;
mod output;

pub use environment::escape_html;
pub use files::files;
pub use output::{Body, Memory, Output};

use std::collections::BTreeMap;

use minijinja::value::{Serde, Value};
use minijinja::{Environment, Error, context};
use rayon::prelude::*;

use crate::built::{self, Job};
use crate::check::Checked;
use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::routes::{self, Routes};
use crate::theme::Theme;
use environment::{environment, template_error};

/// What a page job is rendered from: its output path and, for content pages, the source file.
pub struct JobInput<'a> {
    pub path: String,
    pub url: &'a str,
    pub template: &'a str,
    pub source: Option<&'a str>,
}

/// The templates, ready to render, and the model as templates see it. Made once per build;
/// the dev server keeps it, and makes the next one from it (`Renderer::next`).
pub struct Renderer {
    templates: Templates,
    /// The model as templates see it, and the same by part (`kpis`) for reuse.
    model: Value,
    parts: BTreeMap<&'static str, Value>,
    config: Value,
    /// The addresses of candour's own pages, as templates see them (`routes.feed`).
    routes: Value,
    jobs: Vec<Job>,
    /// This version's addresses, and every version's (the default first): language tag,
    /// addresses, and the language's name in itself (`language.name`).
    own: Routes,
    versions: Vec<(String, Routes, String)>,
    /// Every page of every version for the sitemap, with its addresses in each language.
    sitemap: Value,
    /// The renderers of the site's other languages (`Checked::others`).
    others: Vec<Renderer>,
    /// The note on a page with text not yet in its language (`untranslated.note`), as HTML.
    note: String,
    /// The 404 page's content in each of the site's other languages (tag, HTML), shown
    /// after this language's: static hosts serve one `/404.html` for every address, a
    /// Welsh one too, so each version's 404 page speaks every language, its own first.
    not_found: Vec<NotFoundPart>,
}

/// The 404 page's content in one language, shown on another language's 404 page.
#[derive(Clone, serde::Serialize)]
struct NotFoundPart {
    lang: String,
    html: String,
}

/// A page the sitemap lists, and its addresses in every language.
#[derive(serde::Serialize)]
struct SitemapEntry {
    url: String,
    alternates: Vec<Alternate>,
}

/// A page's address in one language: for the language switch, `<link rel="alternate">` and
/// the sitemap.
#[derive(serde::Serialize)]
struct Alternate {
    lang: String,
    name: String,
    url: String,
    current: bool,
}

/// The compiled templates.
struct Templates {
    env: Environment<'static>,
    /// Template name → the file it came from, for diagnostics.
    origins: BTreeMap<String, String>,
}

/// What a new renderer may take from the last one (the dev server decides, by what changed).
pub struct Keep<'a> {
    pub renderer: Renderer,
    /// Keep the compiled templates: no template, setting or word changed.
    pub templates: bool,
    /// Whether a part of the model (`kpis`) changed; the others are kept.
    pub changed: &'a dyn Fn(&str) -> bool,
}

impl Renderer {
    pub fn new(checked: &Checked, theme: &Theme) -> Result<Renderer, Vec<Diagnostic>> {
        Renderer::next(None, checked, theme)
    }

    /// A renderer for `checked`, taking from the last one what `keep` says did not change:
    /// the compiled templates, and the parts of the model that are the same.
    pub fn next(
        keep: Option<Keep<'_>>,
        checked: &Checked,
        theme: &Theme,
    ) -> Result<Renderer, Vec<Diagnostic>> {
        let site = &checked.site;
        let (templates, mut parts) = match keep {
            Some(keep) => {
                let templates = keep.templates.then_some(keep.renderer.templates);
                let mut parts = keep.renderer.parts;
                parts.retain(|name, _| !(keep.changed)(name));
                (templates, parts)
            }
            None => (None, BTreeMap::new()),
        };
        let templates = match templates {
            Some(t) => t,
            None => {
                let env = environment(site, theme)?;
                Templates {
                    env,
                    origins: theme
                        .templates
                        .iter()
                        .map(|(name, t)| (name.clone(), t.origin.clone()))
                        .collect(),
                }
            }
        };
        model_parts(site, &mut parts);
        let versions: Vec<(String, Routes, String)> = checked
            .versions()
            .map(|v| {
                let tag = v.site.config.language.clone();
                let name = theme.words(&tag).word("language.name").to_string();
                (tag, v.routes.clone(), name)
            })
            .collect();
        let mut others = Vec::new();
        for other in &checked.others {
            let mut r = Renderer::next(None, other, theme)?;
            r.versions = versions.clone();
            r.jobs.retain(|j| !ONCE.contains(&j.template));
            others.push(r);
        }
        let jobs = built::pages(site, &checked.routes, &theme.words(&site.config.language));
        let not_found_title = jobs
            .iter()
            .find(|j| j.template == "404.html")
            .map(|j| j.title.clone());
        let mut renderer = Renderer {
            templates,
            model: Value::from(parts.clone()),
            parts,
            config: Value::from(Serde(&site.config)),
            routes: Value::from(Serde(checked.routes.fixed())),
            jobs,
            own: checked.routes.clone(),
            versions,
            sitemap: Value::UNDEFINED,
            others,
            note: escape_html(theme.words(&site.config.language).word("untranslated.note")),
            not_found: Vec::new(),
        };
        renderer.sitemap = Value::from(Serde(renderer.sitemap_entries()));
        renderer.share_not_found(not_found_title)?;
        Ok(renderer)
    }

    /// Gives each version's 404 page the content of every other version's, in the site's
    /// order of languages (none for a site in one language).
    fn share_not_found(&mut self, title: Option<String>) -> Result<(), Vec<Diagnostic>> {
        let Some(title) = title.filter(|_| !self.others.is_empty()) else {
            return Ok(());
        };
        let mut parts = vec![self.not_found_part(&title).map_err(|d| vec![d])?];
        for other in &self.others {
            let title = other
                .jobs
                .iter()
                .find(|j| j.template == "404.html")
                .map_or_else(|| title.clone(), |j| j.title.clone());
            parts.push(other.not_found_part(&title).map_err(|d| vec![d])?);
        }
        let others_of = |i: usize| -> Vec<NotFoundPart> {
            parts
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, p)| p.clone())
                .collect()
        };
        self.not_found = others_of(0);
        for (i, other) in self.others.iter_mut().enumerate() {
            other.not_found = others_of(i + 1);
        }
        Ok(())
    }

    /// This version's 404 content (the `content` block of `404.html`, rendered with
    /// `page.part` true), its untranslated text marked, for another version's 404 page.
    fn not_found_part(&self, title: &str) -> Result<NotFoundPart, Diagnostic> {
        let env = &self.templates.env;
        let template = env
            .get_template("404.html")
            .map_err(|e| self.template_error(&e))?;
        let page = context! { url => self.own.not_found(), title => title, kind => "404", alternates => Value::from(Vec::<Value>::new()), sitemap => Value::UNDEFINED, part => true, parts => Value::from(Vec::<Value>::new()) };
        let html = template
            .render_captured(context! { site => &self.config, model => &self.model, routes => &self.routes, page => page })
            .and_then(|mut captured| captured.with_state_mut(|state| state.render_block("content")))
            .map_err(|e| self.template_error(&e))?;
        let lang = self
            .versions
            .iter()
            .find(|(_, r, _)| *r == self.own)
            .map_or_else(String::new, |(l, ..)| l.clone());
        Ok(NotFoundPart {
            lang: crate::i18n::primary(&lang).to_string(),
            html: untranslated(html, "404.html", &self.versions, &self.note),
        })
    }

    /// The pages the sitemap lists: every HTML page but the 404 of every version, each with
    /// its addresses in every language (none when the site has one).
    fn sitemap_entries(&self) -> Vec<SitemapEntry> {
        let mut entries = Vec::new();
        for r in std::iter::once(self).chain(&self.others) {
            for job in &r.jobs {
                if job.template.ends_with(".html") && job.template != "404.html" {
                    entries.push(SitemapEntry {
                        url: job.url.clone(),
                        alternates: r.alternates(&job.url),
                    });
                }
            }
        }
        entries
    }

    /// The page at `url` in each language, when the site has more than one.
    fn alternates(&self, url: &str) -> Vec<Alternate> {
        if self.versions.len() < 2 {
            return Vec::new();
        }
        self.versions
            .iter()
            .filter_map(|(lang, routes, name)| {
                Some(Alternate {
                    lang: crate::i18n::primary(lang).to_string(),
                    name: name.clone(),
                    url: self.own.same_page_in(url, routes)?,
                    current: *routes == self.own,
                })
            })
            .collect()
    }

    /// Renders every page of every language `wanted` accepts into `out`: `checked` must be
    /// the site this renderer was made from.
    pub fn all_pages(
        &self,
        checked: &crate::check::Checked,
        out: &dyn Output,
        wanted: &(dyn Fn(&JobInput<'_>) -> bool + Sync),
    ) -> Vec<Diagnostic> {
        let mut problems = self.pages(&checked.site, out, wanted);
        for (r, other) in self.others.iter().zip(&checked.others) {
            problems.extend(r.pages(&other.site, out, wanted));
        }
        problems
    }

    /// Renders the pages `wanted` accepts into `out`, in parallel. `site` must be the site
    /// this renderer was made from, or differ from it only in what the model leaves out
    /// (content pages' bodies and contents lists).
    pub fn pages(
        &self,
        site: &Site,
        out: &dyn Output,
        wanted: &(dyn Fn(&JobInput<'_>) -> bool + Sync),
    ) -> Vec<Diagnostic> {
        self.jobs
            .par_iter()
            .filter(|job| {
                let source = match job.item {
                    Some((_, "pages", i)) => site.pages.get(i).map(|p| p.source.as_str()),
                    _ => None,
                };
                wanted(&JobInput {
                    path: routes::file_for(&job.url),
                    url: &job.url,
                    template: job.template,
                    source,
                })
            })
            .filter_map(|job| {
                let result = self.render_job(site, job).and_then(|text| {
                    out.put(
                        &routes::file_for(&job.url),
                        Body::Bytes(text.into_bytes().into()),
                    )
                    .map_err(|e| Diagnostic::error("", e))
                });
                result.err()
            })
            .collect()
    }

    /// The compiled templates: what the dev server reads each template's uses from.
    pub fn environment(&self) -> &Environment<'static> {
        &self.templates.env
    }

    fn render_job(&self, site: &Site, job: &Job) -> Result<String, Diagnostic> {
        let env = &self.templates.env;
        let template = env
            .get_template(job.template)
            .map_err(|e| self.template_error(&e))?;
        let alternates = Value::from(Serde(self.alternates(&job.url)));
        let sitemap = if job.template == "sitemap.xml" {
            self.sitemap.clone()
        } else {
            Value::UNDEFINED
        };
        let parts = if job.template == "404.html" {
            Value::from(Serde(&self.not_found))
        } else {
            Value::UNDEFINED
        };
        let page = context! { url => job.url.clone(), title => job.title.clone(), kind => job.template.split('.').next().unwrap_or(""), alternates, sitemap, part => false, parts };
        let item = match job.item {
            Some((name, "pages", i)) => {
                let page = &site.pages[i];
                let value = Value::from(Serde(crate::model::PageContext {
                    page,
                    body_html: &page.body_html,
                    toc: &page.toc,
                }));
                context! { ..Value::from(BTreeMap::from([(name, value)])) }
            }
            Some((name, list, i)) => {
                let value = self
                    .model
                    .get_attr(list)
                    .and_then(|l| l.get_item(&Value::from(i)))
                    .unwrap_or_default();
                context! { ..Value::from(BTreeMap::from([(name, value)])) }
            }
            None => context! {},
        };
        let text = template
            .render(context! { site => &self.config, model => &self.model, routes => &self.routes, page => page, ..item })
            .map_err(|e| self.template_error(&e))?;
        Ok(untranslated(text, job.template, &self.versions, &self.note))
    }

    fn template_error(&self, err: &Error) -> Diagnostic {
        template_error(&self.templates.env, &self.templates.origins, err)
    }
}

/// The files only the default language has: one sitemap and one robots.txt for the site.
const ONCE: [&str; 2] = ["sitemap.xml", "robots.txt"];

/// A page with its untranslated text (between `i18n::UNTRANSLATED`'s marks) shown as in the
/// default language: inline text in `<span lang="en">`, blocks in `<div lang="en">`, and a
/// note at the start of `<main>` (the `untranslated.note` words) that some text is not yet
/// in the page's language. Where an element cannot hold one (an attribute, `<title>`, an
/// SVG's `<desc>`, any file but HTML) the marks are dropped.
fn untranslated(
    text: String,
    template: &str,
    versions: &[(String, Routes, String)],
    note: &str,
) -> String {
    let [open, close, open_block, close_block] = crate::i18n::UNTRANSLATED;
    if !text.contains([open, open_block]) {
        return text;
    }
    let html = template.ends_with(".html");
    let lang = versions
        .first()
        .map_or("en", |(l, ..)| crate::i18n::primary(l));
    let mut out = String::with_capacity(text.len() + 256);
    let mut in_tag = false;
    let mut plain_until: Option<&str> = None;
    let mut marked = false;
    let mut rest = text.as_str();
    while let Some(c) = rest.chars().next() {
        let len = c.len_utf8();
        match c {
            '<' if plain_until.is_none() => {
                in_tag = true;
                for (element, end) in [
                    ("<title", "</title"),
                    ("<desc", "</desc"),
                    ("<textarea", "</textarea"),
                ] {
                    if rest.starts_with(element) {
                        plain_until = Some(end);
                    }
                }
                out.push(c);
            }
            '<' => {
                if plain_until.is_some_and(|end| rest.starts_with(end)) {
                    plain_until = None;
                    in_tag = true;
                }
                out.push(c);
            }
            '>' => {
                in_tag = false;
                out.push(c);
            }
            c if [open, close, open_block, close_block].contains(&c) => {
                if html && !in_tag && plain_until.is_none() {
                    marked = true;
                    out.push_str(&match c {
                        c if c == open => format!("<span lang=\"{lang}\" class=\"untranslated\">"),
                        c if c == close => "</span>".to_string(),
                        c if c == open_block => {
                            format!("<div lang=\"{lang}\" class=\"untranslated\">")
                        }
                        _ => "</div>".to_string(),
                    });
                }
            }
            c => out.push(c),
        }
        rest = &rest[len..];
    }
    if marked
        && let Some(at) = out.find("<main")
        && let Some(end) = out[at..].find('>')
    {
        let at = at + end + 1;
        let note = format!("\n<p class=\"untranslated-note\">{note}</p>");
        out.insert_str(at, &note);
    }
    out
}

/// Adds to `parts` the parts of the model, as templates see it (`model.<part>`), it lacks.
/// `the_model_is_its_parts` checks them against the whole.
fn model_parts(site: &Site, parts: &mut BTreeMap<&'static str, Value>) {
    macro_rules! part {
        ($($name:ident),*) => {
            $(parts
                .entry(stringify!($name))
                .or_insert_with(|| Value::from(Serde(&site.$name)));)*
        };
    }
    part!(
        config,
        statements,
        updates,
        pages,
        footer_pages,
        kpis,
        orders,
        courses,
        resources,
        partnerships,
        activities,
        actions,
        charter,
        commitments,
        datasets,
        home,
        has_illustrative,
        changes,
        sections
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_is_its_parts() {
        let report = crate::site::check(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
            &crate::check::config::Overrides::default(),
        );
        let site = report.site.expect("the example site builds").site;
        let mut parts = BTreeMap::new();
        model_parts(&site, &mut parts);
        assert_eq!(Value::from(parts), Value::from(Serde(&site)));
    }
}
