//! Which link schemes may become links: https, http, mailto, tel and relative addresses.
//! Every other scheme (`javascript:`, `data:`, `vbscript:`, `file:`) is refused wherever an
//! address comes from: Markdown, data files, site.yaml.

/// What to write instead, for a refused link.
pub const URL_HINT: &str =
    "links may use https:, http:, mailto: or tel:, or be relative such as /statements/ or #section";

/// Allows https, http, mailto, tel and relative URLs; refuses every other scheme.
pub fn check_url(url: &str) -> Result<(), String> {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let scheme_end = cleaned.find(':');
    let first_delim = cleaned.find(['/', '?', '#']);
    let scheme = match (scheme_end, first_delim) {
        (Some(c), Some(d)) if d < c => None,
        (Some(c), _) => Some(&cleaned[..c]),
        (None, _) => None,
    };
    match scheme.map(str::to_ascii_lowercase).as_deref() {
        None | Some("https" | "http" | "mailto" | "tel") => Ok(()),
        Some(other) => Err(format!(
            "the link '{}' uses '{other}:', which is not allowed",
            url.trim()
        )),
    }
}

/// Whether `text` can be the address a site is published at (`site.yaml`'s `base_url`, or
/// `candour build --base-url`): a path from the root (`/msa/`) or an `https://` or
/// `http://` address with a host and no spaces. Every page's absolute address, the feed's
/// and the sitemap's are made from it.
///
/// # Errors
/// Says what is wrong, for the author: `'not-a-url' is not a web address`.
pub fn web_address(text: &str) -> Result<(), String> {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    let ok = match rest {
        Some(rest) => {
            let host = rest.split('/').next().unwrap_or("");
            !host.is_empty()
        }
        None => text.starts_with('/') && !text.starts_with("//"),
    } && !text.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(())
    } else {
        Err(format!(
            "'{text}' is not a web address: write it as https://example.org/ (or a path such as /msa/)"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        for ok in [
            "https://a.org",
            "http://a",
            "mailto:a@b",
            "tel:+44",
            "/x/",
            "#top",
            "../a.pdf",
            "a/b:c",
        ] {
            assert!(check_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "javascript:x",
            "data:text/html,x",
            "vbscript:x",
            " JAVASCRIPT:x",
            "file:///etc/passwd",
        ] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
    }
}
