//! Every file that is not a page: the theme's files, the site's static files, and the
//! open data (JSON, JSON Schemas, CSV tables).

use crate::check::Checked;
use crate::diagnostic::Diagnostic;
use crate::routes;
use crate::theme::Theme;

use super::{Body, Output};

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

fn pretty(value: &serde_json::Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
