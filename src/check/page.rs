//! A content page's checks: its file name must make an address of its own.

use crate::diagnostic::Diagnostic;
use crate::model::Page;
use crate::raw::PageFile;
use crate::routes::{self, Routes};

use super::documents::{Parsed, is_slug};

/// A content page's model, or `None` (with the problem) when its file name cannot be its URL.
pub fn check(
    p: &Parsed<PageFile>,
    routes: &Routes,
    problems: &mut Vec<Diagnostic>,
) -> Option<Page> {
    let slug = p.stem().to_string();
    if !is_slug(&slug) {
        problems.push(
            Diagnostic::error(&p.source.path, format!("'{slug}' cannot be part of a web address"))
                .with_hint("name the file with lowercase letters, digits and hyphens, such as modern-slavery-act.md"),
        );
        return None;
    }
    let url = routes.page(&slug);
    if routes::RESERVED.contains(&slug.as_str()) {
        problems.push(
            Diagnostic::error(&p.source.path, format!("the page {url} is one candour makes itself"))
                .with_hint("rename the file; the built-in pages are /statements/, /updates/, /performance/, /prevention-orders/, /training/, /partnerships/, /action-plan/, /commitments/, /data/, /accessibility/ and /changes/"),
        );
        return None;
    }
    Some(Page {
        title: p.front.title.clone(),
        slug,
        url,
        summary: p.front.summary.clone(),
        footer_order: p.front.footer_order,
        draft: p.front.draft,
        body_html: p.body.html.clone(),
        source: p.source.path.clone(),
        toc: p.body.headings.clone(),
        history: crate::model::History::default(),
    })
}
