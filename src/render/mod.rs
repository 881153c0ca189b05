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
use crate::routes;
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
        Ok(Renderer {
            templates,
            model: Value::from(parts.clone()),
            parts,
            config: Value::from(Serde(&site.config)),
            routes: Value::from(Serde(checked.routes.fixed())),
            jobs: built::pages(site, &checked.routes, &theme.words(&site.config.language)),
        })
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
        let page = context! { url => job.url.clone(), title => job.title.clone(), kind => job.template.split('.').next().unwrap_or("") };
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
        template
            .render(context! { site => &self.config, model => &self.model, routes => &self.routes, page => page, ..item })
            .map_err(|e| self.template_error(&e))
    }

    fn template_error(&self, err: &Error) -> Diagnostic {
        template_error(&self.templates.env, &self.templates.origins, err)
    }
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
