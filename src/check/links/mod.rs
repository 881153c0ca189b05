//! Links and images in Markdown to the site itself: each resolved against the page it is on
//! (a site published under a base path included) and checked against what the site builds,
//! and a link to `#id` against the ids its page has: its Markdown's and its template's.
//! Links to other sites, `mailto:` and `tel:` are not followed. What is said about a broken
//! link is `hints.rs`'s.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rayon::prelude::*;

use super::Checked;
mod follow;
mod hints;

pub(crate) use follow::{decode, resolve};

use crate::diagnostic::Diagnostic;
use crate::i18n::Words;
use crate::lines::LineIndex;
use crate::markdown::Rendered;
use crate::markdown::site_links::SiteLink;
use crate::source::Source;
use crate::theme::Theme;
use crate::theme::ids::{self as theme_ids, Ids};
use hints::Suggestions;

/// Markdown whose links are checked, and the page it is on.
pub struct Doc<'a> {
    /// The URL of the page that shows it (`/about/`); `None` for the notice, on every page.
    pub page: Option<String>,
    pub source: &'a Source,
    pub body: &'a Rendered,
}

/// What links are checked against: every URL the site builds and the ids of each page. Kept
/// with the model (`Site::links`), so that a page edit in the dev server checks that page
/// alone (`recheck`).
#[derive(Debug, Default)]
pub struct Index {
    pub(crate) base_path: String,
    /// Every URL the site builds (pages as `/about/`, other files as `/data/kpis.csv`), with
    /// what a page has.
    pub(crate) urls: HashMap<Box<str>, Option<Page>>,
    /// The ids each template, with every template it loads, gives.
    pub(crate) theme: BTreeMap<String, Ids>,
    /// The ids every page has: the notice's headings', and those every page's template writes.
    pub(crate) everywhere: HashSet<String>,
    /// For each page, the ids links on other pages name on it, by the linking page ("" for
    /// the notice): a page edit that takes one away needs the full check.
    inbound: HashMap<String, BTreeMap<String, BTreeSet<String>>>,
    /// The URL each draft would have, with its file: a build without `--drafts` leaves
    /// them out, and a link to one is told so rather than offered another page.
    pub(crate) drafts: HashMap<String, String>,
    /// Heading ids a page answers to besides its own, by page: a translated statement's
    /// original's ids, each for the translation's heading in its place.
    pub(crate) aliases: Aliases,
}

/// For each page, ids another version of it has (its original's heading ids), each with the
/// id of the heading in its place on this page.
pub type Aliases = HashMap<String, HashMap<String, String>>;

/// `html` with each link to a heading by an id of `aliases` (`href="{base}{page}#{id}"`, or
/// `href="#{id}"` on the page at `own`) pointing at the heading in its place; `None` when no
/// link changes.
pub fn follow_aliases(
    html: &str,
    base_path: &str,
    aliases: &Aliases,
    own: Option<&str>,
) -> Option<String> {
    if !html.contains('#') {
        return None;
    }
    let mut out = std::borrow::Cow::Borrowed(html);
    for (page, ids) in aliases {
        let bare = page.strip_suffix('/').unwrap_or(page);
        let mut targets = vec![format!("{base_path}{page}"), format!("{base_path}{bare}")];
        if own == Some(page.as_str()) {
            targets.push(String::new());
        }
        for target in &targets {
            for (from, to) in ids {
                let written = format!("href=\"{target}#{from}\"");
                if out.contains(&written) {
                    out = std::borrow::Cow::Owned(
                        out.replace(&written, &format!("href=\"{target}#{to}\"")),
                    );
                }
            }
        }
    }
    match out {
        std::borrow::Cow::Owned(html) => Some(html),
        std::borrow::Cow::Borrowed(_) => None,
    }
}

/// A page: its template, and the ids of the Markdown on it.
#[derive(Debug)]
pub(crate) struct Page {
    pub(crate) template: &'static str,
    pub(crate) ids: MarkdownIds,
}

/// The ids of a page's Markdown (headings', footnotes'): a few in one piece, as most pages
/// have, or a set when there are many.
#[derive(Debug)]
pub(crate) enum MarkdownIds {
    /// Each id followed by a newline.
    Few(Box<str>),
    Many(HashSet<Box<str>>),
}

impl MarkdownIds {
    fn new(mut ids: Vec<&str>) -> MarkdownIds {
        ids.sort_unstable();
        ids.dedup();
        if ids.len() > 16 {
            return MarkdownIds::Many(ids.into_iter().map(Box::from).collect());
        }
        let mut few = String::new();
        for id in ids {
            few.push_str(id);
            few.push('\n');
        }
        MarkdownIds::Few(few.into())
    }

    fn is_empty(&self) -> bool {
        match self {
            MarkdownIds::Few(few) => few.is_empty(),
            MarkdownIds::Many(many) => many.is_empty(),
        }
    }

    pub(crate) fn contains(&self, id: &str) -> bool {
        match self {
            MarkdownIds::Few(few) => few.split_terminator('\n').any(|i| i == id),
            MarkdownIds::Many(many) => many.contains(id),
        }
    }

    /// In order.
    pub(crate) fn sorted(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = match self {
            MarkdownIds::Few(few) => few.split_terminator('\n').collect(),
            MarkdownIds::Many(many) => many.iter().map(|i| &**i).collect(),
        };
        ids.sort_unstable();
        ids
    }
}

/// Where a link goes.
pub(crate) enum Followed {
    /// Outside the site: above the base path it is published under.
    Away,
    /// A relative path in the notice, which every page shows: somewhere else from each.
    Relative,
    /// A path the site does not build.
    Missing(String),
    /// A page or file the site builds (its URL; empty for "every page", from the notice), and
    /// the id named on it, if any.
    Found(String, Option<String>),
}

/// Checks the links of every document: returns what they were checked against, and the
/// problems. Links are followed in parallel; the few broken ones are then described in
/// order, so that suggestions, within their budget, are the same every time.
///
/// `drafts` maps the URL of each draft the build leaves out to its file; `aliases`, the ids
/// each page answers to besides its own (`follow_aliases` has pointed links at its own).
pub fn check(
    checked: &Checked,
    theme: &Theme,
    docs: &[Doc<'_>],
    drafts: HashMap<String, String>,
    aliases: Aliases,
) -> (Index, Vec<Diagnostic>) {
    let mut index = Index::new(checked, theme, docs);
    index.drafts = drafts;
    index.aliases = aliases;
    let followed: Vec<(Vec<Broken<'_>>, Inbound)> =
        docs.par_iter().map(|doc| index.follow_all(doc)).collect();
    let mut suggestions = Suggestions::default();
    let mut problems = Vec::new();
    for (doc, (broken, inbound)) in docs.iter().zip(followed) {
        problems.extend(index.describe(doc, broken, &mut suggestions));
        index.add_inbound(doc.page.as_deref().unwrap_or(""), inbound);
    }
    (index, problems)
}

/// A broken link, and where it goes.
type Broken<'a> = (SiteLink<'a>, Followed);

/// The ids links name on each page, by its URL.
type Inbound = BTreeMap<String, BTreeSet<String>>;

/// A content page at `url`, edited in the dev server, rechecked alone: `Some` when its links
/// still resolve and no link on another page names an id it no longer has (the index then
/// holds its new ids and links), `None` when the full check must run and report.
pub fn recheck(index: &mut Index, url: &str, source: &Source, body: &Rendered) -> Option<()> {
    let ids = MarkdownIds::new(ids_of(body).collect());
    let template = match index.urls.get(url) {
        Some(Some(page)) => page.template,
        _ => return None,
    };
    let theme = index.theme.get(template);
    let kept = |id: &String| {
        ids.contains(id) || index.everywhere.contains(id) || theme.is_some_and(|t| t.may_have(id))
    };
    if let Some(from) = index.inbound.get(url)
        && !from
            .iter()
            .filter(|(page, _)| page.as_str() != url)
            .all(|(_, fragments)| fragments.iter().all(kept))
    {
        return None;
    }
    if let Some(Some(page)) = index.urls.get_mut(url) {
        page.ids = ids;
    }
    let doc = Doc {
        page: Some(url.to_string()),
        source,
        body,
    };
    let (broken, inbound) = index.follow_all(&doc);
    if !broken.is_empty() {
        return None;
    }
    for from in index.inbound.values_mut() {
        from.remove(url);
    }
    index.add_inbound(url, inbound);
    Some(())
}

/// The ids a piece of Markdown gives elements.
fn ids_of(body: &Rendered) -> impl Iterator<Item = &str> {
    body.headings
        .iter()
        .map(|h| h.id.as_str())
        .chain(body.other_ids.iter().map(String::as_str))
}

impl Index {
    fn new(checked: &Checked, theme: &Theme, docs: &[Doc<'_>]) -> Index {
        let mut urls: HashMap<Box<str>, Option<Page>> =
            crate::built::pages(&checked.site, &checked.routes, &Words::default())
                .into_iter()
                .map(|job| {
                    let (url, template) = (job.url, job.template);
                    let page = Page {
                        template,
                        ids: MarkdownIds::new(Vec::new()),
                    };
                    (url.into_boxed_str(), Some(page))
                })
                .collect();
        checked.files(theme).each(&mut |path, _| {
            let url = match path.strip_suffix("index.html") {
                Some(dir) if dir.is_empty() || dir.ends_with('/') => format!("/{dir}"),
                _ => format!("/{path}"),
            };
            urls.entry(url.into_boxed_str()).or_insert(None);
        });
        for url in &checked.elsewhere {
            urls.entry(url.as_str().into()).or_insert(None);
        }
        let mut everywhere = HashSet::new();
        let ids: Vec<MarkdownIds> = docs
            .par_iter()
            .map(|doc| MarkdownIds::new(ids_of(doc.body).collect()))
            .collect();
        for (doc, ids) in docs.iter().zip(ids) {
            match &doc.page {
                Some(url) => {
                    if let Some(Some(page)) = urls.get_mut(url.as_str()) {
                        // Two documents on one page (none today) share its ids.
                        page.ids = if page.ids.is_empty() {
                            ids
                        } else {
                            let mut both = page.ids.sorted();
                            both.extend(ids.sorted());
                            MarkdownIds::new(both)
                        };
                    }
                }
                None => everywhere.extend(ids_of(doc.body).map(str::to_string)),
            }
        }
        let theme = theme_ids::of_theme(theme);
        // The ids written whole in the template of every HTML page (the notice's pages).
        let mut common: Option<BTreeSet<&String>> = None;
        let html = urls.iter().filter_map(|(url, page)| {
            let page = page.as_ref()?;
            (url.ends_with('/') || url.ends_with(".html")).then_some(page.template)
        });
        for template in html.collect::<BTreeSet<_>>() {
            let exact: BTreeSet<&String> = theme
                .get(template)
                .map(|i| i.exact.iter().collect())
                .unwrap_or_default();
            common = Some(match common {
                None => exact,
                Some(c) => c.intersection(&exact).copied().collect(),
            });
        }
        everywhere.extend(common.unwrap_or_default().into_iter().cloned());
        Index {
            base_path: checked.markdown.base_path.clone(),
            urls,
            theme,
            everywhere,
            inbound: HashMap::new(),
            drafts: HashMap::new(),
            aliases: HashMap::new(),
        }
    }

    /// The broken links of one document, and the ids its links name on each page.
    fn follow_all<'d>(&self, doc: &'d Doc<'_>) -> (Vec<Broken<'d>>, Inbound) {
        let mut broken = Vec::new();
        let mut inbound = Inbound::new();
        for link in doc.body.links.iter() {
            // Most links are to a page as it is written: nothing to resolve or decode.
            if !link.url.contains(['#', '?', '%']) && self.urls.contains_key(link.url) {
                continue;
            }
            let followed = self.follow(doc.page.as_deref(), link.url);
            if let Followed::Found(url, Some(id)) = &followed
                && self.page(url).is_some()
            {
                inbound.entry(url.clone()).or_default().insert(id.clone());
            }
            if self.broken(&followed) {
                broken.push((link, followed));
            }
        }
        (broken, inbound)
    }

    /// Whether a link, followed, is broken.
    fn broken(&self, followed: &Followed) -> bool {
        match followed {
            Followed::Away | Followed::Found(_, None) => false,
            Followed::Relative | Followed::Missing(_) => true,
            // An id named from the notice: one every page has.
            Followed::Found(url, Some(id)) if url.is_empty() => !self.everywhere.contains(id),
            // A file's fragments (a PDF's page) are not checked.
            Followed::Found(url, Some(id)) => self.page(url).is_some() && !self.has_id(url, id),
        }
    }

    /// The problems of one document's broken links.
    fn describe(
        &self,
        doc: &Doc<'_>,
        broken: Vec<Broken<'_>>,
        suggestions: &mut Suggestions,
    ) -> Vec<Diagnostic> {
        if broken.is_empty() {
            return Vec::new();
        }
        let lines = LineIndex::new(&doc.source.text);
        let mut budget = 4 * doc.source.text.len() + 65_536;
        broken
            .into_iter()
            .map(|(link, followed)| {
                let (message, hint) =
                    hints::problem(self, doc.page.as_deref(), &link, followed, suggestions);
                hints::place(doc.source, &lines, &link, message, hint, &mut budget)
            })
            .collect()
    }

    fn add_inbound(&mut self, from: &str, inbound: Inbound) {
        for (url, ids) in inbound {
            self.inbound
                .entry(url)
                .or_default()
                .entry(from.to_string())
                .or_default()
                .extend(ids);
        }
    }
}

#[cfg(test)]
mod tests;
