//! Model + templates → output files. No I/O: every file goes to an `Output` sink.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use minijinja::syntax::SyntaxConfig;
use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, Error, UndefinedBehavior, context};
use rayon::prelude::*;

use crate::check::Checked;
use crate::diagnostic::Diagnostic;
use crate::i18n::Words;
use crate::model::Site;
use crate::model::date::Date;
use crate::model::period::Period;
use crate::routes::{self, Routes};
use crate::theme::Theme;

/// A built file's contents: bytes, or a source file to copy as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// Shared, so the dev server can hand its files to the HTTP side without copying them.
    Bytes(Arc<[u8]>),
    Copy(std::path::PathBuf),
}

/// Where rendered files go: memory for the dev server and tests, a folder for `build`.
pub trait Output: Sync {
    /// Stores one file at a `/`-separated path relative to the output root.
    fn put(&self, path: &str, body: Body) -> Result<(), String>;
}

/// The in-memory output: path → contents, in a stable order.
#[derive(Default)]
pub struct Memory {
    pub files: Mutex<BTreeMap<String, Body>>,
}

impl Output for Memory {
    fn put(&self, path: &str, body: Body) -> Result<(), String> {
        self.files
            .lock()
            .map_err(|_| "output lock poisoned".to_string())?
            .insert(path.to_string(), body);
        Ok(())
    }
}

impl Memory {
    pub fn into_map(self) -> BTreeMap<String, Body> {
        self.files.into_inner().unwrap_or_default()
    }
}

/// One page to render: template, URL and the page-specific variable, if any.
struct Job {
    template: &'static str,
    url: String,
    title: String,
    /// (variable name, path into the model: list name and index)
    item: Option<(&'static str, &'static str, usize)>,
}

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
            jobs: jobs(site, &checked.routes, &theme.words(&site.config.language)),
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
        has_illustrative
    );
}

/// Every file that is not a page: theme files, static files, and the open data.
pub fn files(
    checked: &Checked,
    theme: &Theme,
    static_root: &std::path::Path,
    out: &dyn Output,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    each_file(checked, theme, &mut |path, body| {
        if let Err(e) = out.put(&path, body(static_root)) {
            problems.push(Diagnostic::error("", e));
        }
    });
    problems
}

/// How to make a file's contents, given the folder static files are copied from.
type MakeBody<'a> = &'a dyn Fn(&std::path::Path) -> Body;

/// Each file that is not a page, by output path, with how to make it: one list for
/// rendering the files and for naming them (`other_files`).
fn each_file(checked: &Checked, theme: &Theme, each: &mut dyn FnMut(String, MakeBody<'_>)) {
    for (path, bytes) in &theme.static_files {
        each(routes::file_for(&checked.routes.theme_file(path)), &|_| {
            Body::Bytes(bytes.as_slice().into())
        });
    }
    for file in &checked.static_files {
        each(
            routes::file_for(&checked.routes.static_file(file)),
            &|root| Body::Copy(root.join(file)),
        );
    }
    for (name, json) in &checked.downloads.json {
        each(
            routes::file_for(&checked.routes.dataset_json(name)),
            &|_| Body::Bytes(pretty(json).into()),
        );
        if let Some(schema) = crate::view::opendata::schema_text(name) {
            each(
                routes::file_for(&checked.routes.dataset_schema(name)),
                &|_| Body::Bytes(schema.into()),
            );
        }
    }
    for table in &checked.downloads.tables {
        each(
            routes::file_for(&checked.routes.dataset_csv(&table.file)),
            &|_| Body::Bytes(table.csv().as_bytes().into()),
        );
    }
}

/// The output path of every file that is not a page (`page_templates` has the pages).
pub fn other_files(checked: &Checked, theme: &Theme, each: &mut dyn FnMut(String)) {
    each_file(checked, theme, &mut |path, _| each(path));
}

/// The URL of every page, with the template it is rendered from.
pub fn page_templates(checked: &Checked) -> Vec<(String, &'static str)> {
    jobs(&checked.site, &checked.routes, &Words::default())
        .into_iter()
        .map(|j| (j.url, j.template))
        .collect()
}

fn pretty(value: &serde_json::Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// The output path of every rendered page, in a stable order.
pub fn page_paths(checked: &Checked) -> Vec<String> {
    jobs(&checked.site, &checked.routes, &Words::default())
        .iter()
        .map(|j| routes::file_for(&j.url))
        .collect()
}

fn jobs(site: &Site, routes: &Routes, words: &Words) -> Vec<Job> {
    let fixed = |template, url: String, key: &str| Job {
        template,
        url,
        title: words.word(key).to_string(),
        item: None,
    };
    let mut jobs = vec![
        Job {
            template: "index.html",
            url: routes.home(),
            title: site.config.title.clone(),
            item: None,
        },
        fixed("statements.html", routes.statements(), "page.statements"),
        fixed("updates.html", routes.updates(), "page.updates"),
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

/// A template error as a diagnostic at the template's file, line and column.
fn template_error(
    env: &Environment<'_>,
    origins: &BTreeMap<String, String>,
    err: &Error,
) -> Diagnostic {
    let name = err.name().unwrap_or("").to_string();
    let (origin, text) = env
        .get_template(&name)
        .ok()
        .map(|t| {
            (
                origins.get(&name).cloned().unwrap_or_else(|| name.clone()),
                t.source().to_string(),
            )
        })
        .unwrap_or_else(|| {
            (
                name.clone(),
                err.template_source().unwrap_or("").to_string(),
            )
        });
    let mut message = err.kind().to_string();
    if let Some(detail) = err.detail() {
        message = format!("{message}: {detail}");
    }
    let mut d = Diagnostic::error(origin, format!("template error: {message}"));
    if let Some(line) = err.line() {
        let column = err
            .range()
            .and_then(|r| {
                text.get(..r.start)
                    .map(|before| before.rsplit('\n').next().unwrap_or("").chars().count() + 1)
            })
            .unwrap_or(1);
        d = d.at(&text, line, column);
        if let Some(r) = err.range() {
            d = d.with_width(
                text.get(r)
                    .map_or(1, |s| s.lines().next().unwrap_or("").chars().count()),
            );
        }
    }
    d.with_hint(
        "fix the template; templates/ in the site root overrides the theme's file of the same name",
    )
}

fn environment(site: &Site, theme: &Theme) -> Result<Environment<'static>, Vec<Diagnostic>> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|name| {
        if [".html", ".htm", ".xml", ".svg"]
            .iter()
            .any(|ext| name.ends_with(ext))
        {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    env.set_syntax(
        SyntaxConfig::builder()
            .keep_trailing_newline(true)
            .build()
            .unwrap_or_default(),
    );
    // minijinja's HTML escaping also writes `/` as `&#x2f;`; URLs read better, and built-site
    // diffs stay clean, when only the five characters that matter are escaped.
    env.set_formatter(|out, state, value| {
        let plain = value
            .as_str()
            .map(str::to_string)
            .or_else(|| value.is_number().then(|| value.to_string()));
        match (state.auto_escape(), plain) {
            (AutoEscape::Html, Some(text)) if !value.is_safe() => out
                .write_str(&escape_html(&text))
                .map_err(|_| Error::new(minijinja::ErrorKind::WriteFailure, "write failed")),
            _ => minijinja::escape_formatter(out, state, value),
        }
    });
    let base_path = crate::routes::base_path(&site.config.base_url);
    let base_url = site.config.base_url.clone();
    env.add_function("url", move |path: &str| format!("{base_path}{path}"));
    env.add_function("abs_url", move |path: &str| format!("{base_url}{path}"));
    let words = theme.words(&site.config.language);
    let w = Arc::clone(&words);
    env.add_filter("long_date", move |iso: &str| {
        Date::parse(iso)
            .map(|d| w.long_date(d))
            .unwrap_or_else(|_| iso.to_string())
    });
    let w = Arc::clone(&words);
    env.add_filter("label", move |word: &str| {
        w.label(word)
            .map_or_else(|| word.to_string(), str::to_string)
    });
    // `t("key", name=value)`: the words for `key` in the site's language, each `{name}`
    // filled with its value (escaped, unless the value is already safe HTML, such as a
    // macro's output). The words themselves are the theme's, trusted like its templates.
    let w = Arc::clone(&words);
    env.add_function(
        "t",
        move |key: &str, kwargs: minijinja::value::Kwargs| -> Result<Value, Error> {
            let text = w.get(key).ok_or_else(|| {
                Error::new(
                    minijinja::ErrorKind::UndefinedError,
                    format!("`{key}` is not in the {} translation table", w.language),
                )
            })?;
            let mut args = Vec::new();
            for name in kwargs.args() {
                let value: Value = kwargs.get(name)?;
                let shown = match value.as_str() {
                    Some(s) if value.is_safe() => s.to_string(),
                    Some(s) => escape_html(s),
                    None => escape_html(&value.to_string()),
                };
                args.push((name, shown));
            }
            kwargs.assert_all_used()?;
            let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
            Ok(Value::from_safe_string(crate::i18n::fill(text, &args)))
        },
    );
    env.add_filter("slug", |period: &str| {
        Period::parse(period)
            .map(Period::slug)
            .unwrap_or_else(|_| period.to_string())
    });
    let mut problems = Vec::new();
    for (name, t) in &theme.templates {
        if let Err(e) = env.add_template_owned(name.clone(), t.text.clone()) {
            let mut d = template_error(&env, &BTreeMap::new(), &e);
            d.file = t.origin.clone();
            if let Some(line) = e.line() {
                let column = d.column;
                d = d.at(&t.text, line, column);
            }
            problems.push(d);
        }
    }
    if problems.is_empty() {
        Ok(env)
    } else {
        Err(problems)
    }
}

/// Escapes `& < > " '` for HTML text and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
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
