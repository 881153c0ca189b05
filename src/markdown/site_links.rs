//! The links and images of a Markdown document to the site itself, kept compactly as the
//! Markdown is rendered, for `check::links` to follow once the whole site is known.

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

#[cfg(test)]
mod tests {
    use super::*;

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
