//! Every file that is not a page: the theme's files, the site's static files, and the
//! open data (JSON, JSON Schemas, CSV tables).

use crate::built::Contents;
use crate::check::Checked;
use crate::diagnostic::Diagnostic;
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
    checked.files(theme).each(&mut |path, contents| {
        let body = match contents {
            Contents::Bytes(bytes) => Body::Bytes(bytes.into()),
            Contents::Json(json) => Body::Bytes(pretty(json).into()),
            Contents::Static(file) => Body::Copy(static_root.join(file)),
        };
        if let Err(e) = out.put(&path, body) {
            problems.push(Diagnostic::error("", e));
        }
    });
    problems
}

fn pretty(value: &serde_json::Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
