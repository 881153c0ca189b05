//! Links and images in Markdown to the site itself: each resolved against the page it is on
//! (a site published under a base path included) and checked against what the site builds,
//! and a link to `#id` against the ids its page has: its Markdown's and its template's.
//! Links to other sites, `mailto:` and `tel:` are not followed. What is said about a broken
//! link is `link_hints.rs`'s.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rayon::prelude::*;

use super::Checked;
use crate::check::link_hints::{self, Suggestions};
use crate::diagnostic::Diagnostic;
use crate::lines::LineIndex;
use crate::markdown::Rendered;
use crate::render;
use crate::source::Source;
use crate::theme::Theme;
use crate::theme::ids::{self as theme_ids, Ids};

/// Markdown whose links are checked, and the page it is on.
pub struct Doc<'a> {
    /// The URL of the page that shows it (`/about/`); `None` for the notice, on every page.
    pub page: Option<String>,
    pub source: &'a Source,
    pub body: &'a Rendered,
}

/// The links and images of one Markdown document to the site itself, as written and where.
/// Compact, since a large site has one for every page and they wait for the whole site.
#[derive(Clone, Debug, Default)]
pub struct SiteLinks {
    /// The addresses, one after another.
    urls: String,
    /// For each: where its address ends in `urls`, its line (1-based, of the file), the byte
    /// it starts at in the line, and the byte after its end when that is on the same line
    /// (else 0), with the top bit set for an image.
    at: Vec<[u32; 4]>,
}

/// One link of `SiteLinks`.
pub struct SiteLink<'a> {
    pub url: &'a str,
    pub line: usize,
    pub byte: usize,
    /// The byte after the link's end on its line; `None` when it ends on another.
    pub end: Option<usize>,
    pub image: bool,
}

const IMAGE: u32 = 1 << 31;

impl SiteLinks {
    pub fn push(&mut self, url: &str, line: usize, byte: usize, end: Option<usize>, image: bool) {
        let number = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.urls.push_str(url);
        let end = number(end.unwrap_or(0)).min(IMAGE - 1);
        self.at.push([
            number(self.urls.len()),
            number(line),
            number(byte),
            if image { end | IMAGE } else { end },
        ]);
    }

    /// Gives back the room kept for more.
    pub fn shrink_to_fit(&mut self) {
        self.urls.shrink_to_fit();
        self.at.shrink_to_fit();
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = SiteLink<'_>> {
        let mut start = 0;
        self.at.iter().map(move |&[end_of_url, line, byte, end]| {
            let url = self.urls.get(start..end_of_url as usize).unwrap_or("");
            start = end_of_url as usize;
            SiteLink {
                url,
                line: line as usize,
                byte: byte as usize,
                end: Some((end & !IMAGE) as usize).filter(|&e| e > 0),
                image: end & IMAGE != 0,
            }
        })
    }
}

/// Whether a link goes somewhere on the site itself: a path or a `#fragment`, not another
/// site (`https:`, `//host/`) or an address (`mailto:`, `tel:`).
pub fn is_site_link(url: &str) -> bool {
    let scheme = match (url.find(':'), url.find(['/', '?', '#'])) {
        (Some(c), Some(d)) => c < d,
        (Some(_), None) => true,
        (None, _) => false,
    };
    !url.is_empty() && !scheme && !url.starts_with("//")
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
pub fn check(checked: &Checked, theme: &Theme, docs: &[Doc<'_>]) -> (Index, Vec<Diagnostic>) {
    let mut index = Index::new(checked, theme, docs);
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
        let mut urls: HashMap<Box<str>, Option<Page>> = render::page_templates(checked)
            .into_iter()
            .map(|(url, template)| {
                let page = Page {
                    template,
                    ids: MarkdownIds::new(Vec::new()),
                };
                (url.into_boxed_str(), Some(page))
            })
            .collect();
        render::other_files(checked, theme, &mut |path| {
            let url = match path.strip_suffix("index.html") {
                Some(dir) if dir.is_empty() || dir.ends_with('/') => format!("/{dir}"),
                _ => format!("/{path}"),
            };
            urls.entry(url.into_boxed_str()).or_insert(None);
        });
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
                    link_hints::problem(self, doc.page.as_deref(), &link, followed, suggestions);
                link_hints::place(doc.source, &lines, &link, message, &mut budget).with_hint(hint)
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

    /// Where `href`, on the page at `page` (every page when `None`), goes.
    pub(crate) fn follow(&self, page: Option<&str>, href: &str) -> Followed {
        let (path, fragment) = href.split_once('#').unwrap_or((href, ""));
        let path = path.split('?').next().unwrap_or("");
        let fragment = Some(decode(fragment).into_owned()).filter(|f| !f.is_empty() && f != "top");
        let url = if path.is_empty() {
            match page {
                Some(page) => page.to_string(),
                None => return Followed::Found(String::new(), fragment),
            }
        } else if page.is_none() && !path.starts_with('/') {
            return Followed::Relative;
        } else {
            match resolve(path, page.unwrap_or("/"), &self.base_path) {
                Some(url) => url,
                None => return Followed::Away,
            }
        };
        match self.built(&url) {
            Some(url) => Followed::Found(url.into_owned(), fragment),
            None => Followed::Missing(url),
        }
    }

    /// The URL the site builds at `path`: the path itself, a page's URL without its last `/`,
    /// or with `index.html`.
    pub(crate) fn built<'p>(&self, path: &'p str) -> Option<Cow<'p, str>> {
        if self.urls.contains_key(path) {
            return Some(Cow::Borrowed(path));
        }
        let dir = match path.strip_suffix("index.html") {
            Some(dir) if dir.ends_with('/') => dir.to_string(),
            _ if !path.ends_with('/') => format!("{path}/"),
            _ => return None,
        };
        self.urls
            .contains_key(dir.as_str())
            .then_some(Cow::Owned(dir))
    }

    /// The page at `url`, if the URL is a page's (not a file's).
    pub(crate) fn page(&self, url: &str) -> Option<&Page> {
        self.urls.get(url).and_then(Option::as_ref)
    }

    /// The theme's ids on the page at `url`.
    pub(crate) fn theme_ids(&self, url: &str) -> Option<&Ids> {
        self.page(url).and_then(|p| self.theme.get(p.template))
    }

    /// Whether the page at `url` has an element with the id `id`.
    pub(crate) fn has_id(&self, url: &str, id: &str) -> bool {
        self.everywhere.contains(id)
            || self.page(url).is_some_and(|p| p.ids.contains(id))
            || self.theme_ids(url).is_some_and(|ids| ids.may_have(id))
    }
}

/// The path `path` (no fragment or query) goes to from the page at `page`, `%`-decoded, with
/// `.` and `..` resolved; `None` when it leaves the site, above its base path.
pub(crate) fn resolve(path: &str, page: &str, base_path: &str) -> Option<String> {
    // Most links are already site paths.
    if path.starts_with('/') && !path.contains("/.") && !path.contains('%') {
        return Some(path.to_string());
    }
    let joined = if path.starts_with('/') {
        Cow::Borrowed(path)
    } else {
        let dir = &page[..page.rfind('/').map_or(0, |i| i + 1)];
        Cow::Owned(format!("{dir}{path}"))
    };
    let segments: Vec<&str> = joined.trim_start_matches('/').split('/').collect();
    let mut out: Vec<&str> = Vec::with_capacity(segments.len());
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "." | ".." => {
                // Above the root of a site under a base path is outside it; a site at the
                // root of its host stays at the root, as browsers do.
                if *segment == ".." && out.pop().is_none() && !base_path.is_empty() {
                    return None;
                }
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    Some(decode(&format!("/{}", out.join("/"))).into_owned())
}

/// `%XX` escapes decoded, as a browser does before looking a path or id up.
pub(crate) fn decode(s: &str) -> Cow<'_, str> {
    if !s.contains('%') {
        return Cow::Borrowed(s);
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(decoded) => Cow::Owned(decoded),
        Err(_) => Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_against_the_page() {
        let r = |path, page, base| resolve(path, page, base);
        assert_eq!(
            r("../contact/", "/about/", "").as_deref(),
            Some("/contact/")
        );
        assert_eq!(
            r("contact/", "/about/", "").as_deref(),
            Some("/about/contact/")
        );
        assert_eq!(
            r("../2018-19/", "/statements/2019-20/", "").as_deref(),
            Some("/statements/2018-19/")
        );
        assert_eq!(r("./", "/about/", "").as_deref(), Some("/about/"));
        assert_eq!(r("..", "/a/b/", "").as_deref(), Some("/a/"));
        assert_eq!(r("x.pdf", "/404.html", "").as_deref(), Some("/x.pdf"));
        assert_eq!(
            r("my%20file.pdf", "/a/", "").as_deref(),
            Some("/a/my file.pdf")
        );
        assert_eq!(r("../../../x/", "/a/", "").as_deref(), Some("/x/"));
        assert_eq!(r("../../x/", "/a/", "/msa"), None);
        assert_eq!(r("/about/", "/a/", "/msa").as_deref(), Some("/about/"));
    }

    #[test]
    fn site_links_keep_what_was_pushed() {
        let mut links = SiteLinks::default();
        links.push("/a/", 3, 4, Some(20), false);
        links.push("#é", 5, 0, None, true);
        let got: Vec<(String, usize, usize, Option<usize>, bool)> = links
            .iter()
            .map(|l| (l.url.to_string(), l.line, l.byte, l.end, l.image))
            .collect();
        assert_eq!(
            got,
            [
                ("/a/".to_string(), 3, 4, Some(20), false),
                ("#é".to_string(), 5, 0, None, true)
            ]
        );
        assert!(is_site_link("/a/") && is_site_link("a/b:c") && is_site_link("#x"));
        assert!(
            !is_site_link("https://x.org")
                && !is_site_link("//x.org/")
                && !is_site_link("mailto:a@b")
        );
    }
}
