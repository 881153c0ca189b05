//! A content page (`content/pages/*.md`) and the links other pages make to it.

use std::sync::Arc;

use serde::Serialize;

use super::statement::Heading;

#[derive(Debug, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// What `page.html` sees as `content`: the page with its body.
#[derive(Serialize)]
pub struct PageContext<'a> {
    #[serde(flatten)]
    pub page: &'a Page,
    pub body_html: &'a str,
    pub toc: &'a [Heading],
}

#[derive(Debug, Serialize)]
pub struct Page {
    pub title: String,
    pub slug: String,
    pub url: String,
    pub summary: Option<String>,
    pub footer_order: Option<u32>,
    /// A draft, shown only by `serve` and `build --drafts`, with a banner.
    pub draft: bool,
    /// Left out of the shared model (a large site's pages would be copied into every
    /// template's view of it); `page.html` gets it through `PageContext`.
    #[serde(skip)]
    pub body_html: Arc<str>,
    /// Left out of the shared model for the same reason; `page.html` gets it too.
    #[serde(skip)]
    pub toc: Arc<[Heading]>,
    /// The Markdown file it comes from (`content/pages/about.md`).
    #[serde(skip)]
    pub source: String,
    /// When it last changed, and how (`History::default()` without git).
    pub history: super::History,
}
