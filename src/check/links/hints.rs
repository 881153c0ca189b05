//! What is said about a broken link to the site: the message, the place of its address, and
//! a hint, with a `did you mean` looked for among the site's URLs or its page's ids.

use std::collections::HashMap;

use super::{Followed, Index, decode, resolve};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::lines::LineIndex;
use crate::markdown::site_links::SiteLink;
use crate::source::Source;

/// How many URLs or ids, in all, a check compares broken links with for `did you mean`:
/// each broken address costs a pass over every URL of the site, each broken id one over
/// every id of its page, so a page of thousands of broken links on a large site would
/// otherwise be quadratic. Past it, hints say what to do without a suggestion.
const COMPARISONS: usize = 1_000_000;

/// How many lines after a link's own its address is looked for: Markdown from `site.yaml`
/// is a YAML value, folded, so its lines are not the file's.
const LOOKAHEAD: usize = 50;

/// How far before the end of a link its address is looked for, beside the address's own
/// length: room for a title.
const TAIL: usize = 512;

/// What is wrong with a broken link on the page at `page` (every page when `None`),
/// followed: (message, hint).
pub(crate) fn problem(
    index: &Index,
    page: Option<&str>,
    link: &SiteLink<'_>,
    followed: Followed,
    suggestions: &mut Suggestions,
) -> (String, String) {
    let href = link.url;
    let what = if link.image { "the image" } else { "the link" };
    match followed {
        Followed::Missing(url) => missing(index, page, link, &url, suggestions),
        Followed::Found(url, Some(id)) => {
            let message = if url.is_empty() {
                format!(
                    "{what} '{href}' is in the notice, which every page shows, but not every page has that id"
                )
            } else if page == Some(url.as_str()) {
                format!("{what} '{href}' goes to no heading on this page")
            } else {
                format!("{what} '{href}' goes to no heading on {url}")
            };
            let before = href.split('#').next().unwrap_or("");
            let hint = match suggestions.id(index, &url, &id) {
                Some(best) => format!("did you mean '{before}#{best}'?"),
                None => suggestions.headings(index, &url),
            };
            (message, hint)
        }
        // A relative link in the notice (the only other broken kind).
        _ => (
            format!(
                "{what} '{href}' is in the notice, which every page shows, so it goes somewhere different from each"
            ),
            format!(
                "write the address from the site's root: '{}'",
                resolve(href, "/", "").unwrap_or_else(|| "/".into())
            ),
        ),
    }
}

/// A link to a path the site does not build (`url`, resolved).
fn missing(
    index: &Index,
    page: Option<&str>,
    link: &SiteLink<'_>,
    url: &str,
    suggestions: &mut Suggestions,
) -> (String, String) {
    let href = link.url;
    let what = if link.image { "the image" } else { "the link" };
    let file = url
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'));
    let kind = if file { "file" } else { "page" };
    let path = href.split(['#', '?']).next().unwrap_or(href);
    let goes = if link.image { "is" } else { "goes to" };
    let draft = index
        .drafts
        .get(url)
        .or_else(|| index.drafts.get(&format!("{url}/")));
    if let Some(file) = draft {
        return (
            format!("{what} '{href}' {goes} a draft, {file}, which is not published"),
            "publish the draft first (remove its `draft: true`), or leave the link out until it is; `candour build --drafts` builds drafts for a preview".into(),
        );
    }
    let message = if decode(path) == url {
        format!("{what} '{href}' {goes} a {kind} this site does not have")
    } else {
        format!("{what} '{href}' {goes} {url}, a {kind} this site does not have")
    };
    // The same address from the site's root, or without the base path, is built.
    let from_root = (!path.starts_with('/'))
        .then(|| resolve(path, "/", ""))
        .flatten()
        .filter(|u| index.built(u).is_some());
    let base = index.base_path.as_str();
    let under_base = url
        .strip_prefix(base)
        .filter(|rest| !base.is_empty() && rest.starts_with('/') && index.built(rest).is_some());
    let hint = if let Some(root) = from_root {
        format!(
            "an address without a leading / goes from this page's own, {}; did you mean '{root}'?",
            page.unwrap_or("/")
        )
    } else if let Some(rest) = under_base {
        format!(
            "addresses from the root leave out the base path {base}, which is added when the site is built: '{rest}'"
        )
    } else if let Some(best) = suggestions.url(url, index) {
        format!("did you mean '{best}'?")
    } else if href.starts_with("www.") {
        format!("to link to another website, start the address with https://: 'https://{href}'")
    } else if file {
        format!(
            "files in content/static/ are published at the same path: this needs content/static{url}"
        )
    } else {
        "a content page's address is its file name: content/pages/about.md is /about/".into()
    };
    (message, hint)
}

/// `did you mean` for broken links: looked for once per address or id, within a budget of
/// `COMPARISONS`, so that a page of thousands of broken links stays linear.
pub struct Suggestions {
    /// Comparisons left.
    budget: usize,
    /// The site's URLs in order, so that ties are broken the same way every time.
    sorted: Vec<String>,
    made: HashMap<String, Option<String>>,
    /// The ids of each page, in order.
    ids: HashMap<String, Vec<String>>,
    ids_made: HashMap<(String, String), Option<String>>,
    /// The hint naming each page's headings.
    headings: HashMap<String, String>,
}

impl Default for Suggestions {
    fn default() -> Suggestions {
        Suggestions {
            budget: COMPARISONS,
            sorted: Vec::new(),
            made: HashMap::new(),
            ids: HashMap::new(),
            ids_made: HashMap::new(),
            headings: HashMap::new(),
        }
    }
}

impl Suggestions {
    /// Whether `n` more comparisons are within the budget, which they then use.
    fn afford(&mut self, n: usize) -> bool {
        let ok = n <= self.budget;
        if ok {
            self.budget -= n;
        }
        ok
    }

    fn url(&mut self, url: &str, index: &Index) -> Option<String> {
        if let Some(made) = self.made.get(url) {
            return made.clone();
        }
        if !self.afford(index.urls.len()) {
            return None;
        }
        if self.sorted.is_empty() {
            self.sorted = index.urls.keys().map(|u| u.to_string()).collect();
            self.sorted.sort();
        }
        let best = did_you_mean(url, self.sorted.iter().map(String::as_str)).map(str::to_string);
        self.made.insert(url.to_string(), best.clone());
        best
    }

    /// A near spelling of `id` among the ids of the page at `url` (`""`: every page), or else
    /// one with it in it (`statement-approval` for `approval`).
    fn id(&mut self, index: &Index, url: &str, id: &str) -> Option<String> {
        let key = (url.to_string(), id.to_string());
        if let Some(made) = self.ids_made.get(&key) {
            return made.clone();
        }
        let ids = self.ids.entry(url.to_string()).or_insert_with(|| {
            let mut ids: Vec<String> = index.everywhere.iter().cloned().collect();
            if let Some(page) = index.page(url) {
                ids.extend(page.ids.sorted().into_iter().map(str::to_string));
            }
            if let Some(theme) = index.theme_ids(url) {
                ids.extend(theme.exact.iter().cloned());
            }
            ids.sort_unstable();
            ids.dedup();
            ids
        });
        let n = ids.len();
        if !self.afford(n) {
            return None;
        }
        let ids = &self.ids[url];
        let best = did_you_mean(id, ids.iter().map(String::as_str))
            .or_else(|| {
                ids.iter()
                    .map(String::as_str)
                    .filter(|c| c.contains(id))
                    .min_by_key(|c| c.len())
            })
            .map(str::to_string);
        self.ids_made.insert(key, best.clone());
        best
    }

    /// A hint naming the headings of the page at `url`.
    fn headings(&mut self, index: &Index, url: &str) -> String {
        self.headings
            .entry(url.to_string())
            .or_insert_with(|| {
                let ids = index.page(url).map(|p| p.ids.sorted()).unwrap_or_default();
                let shown: Vec<String> = ids.iter().take(12).map(|id| format!("#{id}")).collect();
                match ids.len() {
                    0 => "link to the page without '#...', or to a heading it has".into(),
                    n if n > shown.len() => {
                        format!("its headings' ids include {}", shown.join(", "))
                    }
                    _ => format!("its headings' ids are {}", shown.join(", ")),
                }
            })
            .clone()
    }
}

/// An error at the link's address, or at the link when the address is not found (a
/// reference link's address is on another line). `budget` is how many more bytes of the
/// file looking for addresses may read: a link spans most of a long line when links nest,
/// and looking through it for every one would be quadratic.
pub(crate) fn place(
    source: &Source,
    index: &LineIndex,
    link: &SiteLink<'_>,
    message: String,
    hint: String,
    budget: &mut usize,
) -> Diagnostic {
    let text = &source.text;
    // The address as written: the link's own, or, in a language version (`/cy/about/`),
    // the one its Markdown gave before `Routes::localise` put the language first.
    let written: Vec<&str> = std::iter::once(link.url)
        .chain(
            link.url
                .strip_prefix('/')
                .and_then(|rest| rest.find('/').map(|i| &rest[i..]))
                .filter(|w| w.len() > 1),
        )
        .collect();
    let needles: Vec<(String, &str)> = written
        .iter()
        .flat_map(|w| [(format!("({w}"), *w), (format!("(<{w}"), *w)])
        .collect();
    let mut find = |src: &str| {
        if src.len() > *budget {
            *budget = 0;
            return None;
        }
        *budget -= src.len();
        needles
            .iter()
            .filter_map(|(n, w)| src.rfind(n.as_str()).map(|i| (i + n.len() - w.len(), *w)))
            .max()
    };
    let mut address = index.line(text, link.line).and_then(|src| {
        let end = link.end.unwrap_or(src.len()).min(src.len());
        // The address follows `(` (or `(<`) near the end: only a title comes after it.
        let from = crate::lines::floor_boundary(
            src,
            end.saturating_sub(link.url.len() + TAIL).max(link.byte),
        );
        find(src.get(from..end)?).map(|(at, w)| (link.line, from + at, w))
    });
    if address.is_none() {
        address = (link.line + 1..=link.line + LOOKAHEAD)
            .map_while(|n| index.line(text, n).map(|src| (n, src)))
            .find_map(|(n, src)| find(src).map(|(at, w)| (n, at, w)));
    }
    // Said as written, not as the version's address.
    let as_written = |said: String, w: &str| {
        let prefix = &link.url[..link.url.len() - w.len()];
        if prefix.is_empty() {
            return said;
        }
        said.replace(&format!("'{prefix}/"), "'/")
    };
    match address {
        Some((line, byte, w)) => Diagnostic::error(&source.path, as_written(message, w))
            .at_byte(index, text, line, byte)
            .with_width(w.chars().count())
            .with_hint(as_written(hint, w)),
        None => Diagnostic::error(&source.path, message)
            .at_byte(index, text, link.line, link.byte)
            .with_hint(hint),
    }
}
