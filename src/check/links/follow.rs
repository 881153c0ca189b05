//! Following a link: where an address written on a page goes (resolved against the page,
//! a base path taken off, `%20` decoded), and whether the site builds it and has its id.

use std::borrow::Cow;

use super::{Followed, Index, Page};
use crate::theme::ids::Ids;

impl Index {
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
        let id = self
            .aliases
            .get(url)
            .and_then(|a| a.get(id))
            .map_or(id, String::as_str);
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
