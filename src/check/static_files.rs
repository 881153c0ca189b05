//! Files under `content/static/` may not replace a page candour makes.

use crate::diagnostic::Diagnostic;
use crate::model::Page;
use crate::routes;

/// Reports each static file (a path relative to `content/static/`) that would replace a
/// reserved page, a top-level file candour writes (`routes::TOP_FILES`) or a content page.
pub fn check(static_files: &[String], pages: &[Page], problems: &mut Vec<Diagnostic>) {
    for file in static_files {
        let first = file.split('/').next().unwrap_or("");
        if routes::RESERVED.contains(&first) && first != "static"
            || routes::TOP_FILES.contains(&file.as_str())
        {
            problems.push(
                Diagnostic::error(
                    format!("content/static/{file}"),
                    "this file would replace a page candour makes",
                )
                .with_hint("move it into a sub-folder such as content/static/files/"),
            );
        }
        if let Some((slug, "index.html")) = file.split_once('/')
            && let Some(page) = pages.iter().find(|p| p.slug == slug)
        {
            problems.push(
                Diagnostic::error(
                    format!("content/static/{file}"),
                    format!("this file would replace the page {} made from {}", page.url, page.source),
                )
                .with_hint("rename one of them, or move the file into a sub-folder such as content/static/files/"),
            );
        }
    }
}
