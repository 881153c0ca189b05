//! The error overlay: the terminal's diagnostics, shown on top of every page after a failed rebuild.

use crate::diagnostic::Diagnostic;
use crate::render::escape_html;

/// A block of HTML to put at the top of `<body>`, with its own inline styles.
pub fn overlay(diagnostics: &[Diagnostic]) -> String {
    let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.is_error()).collect();
    let mut html = String::from(
        "<div id=\"candour-overlay\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(11,12,12,0.94);color:#ffffff;padding:1.5rem;font:16px/1.5 system-ui,sans-serif\">",
    );
    html.push_str(&format!(
        "<h2 style=\"color:#ffffff;margin-top:0\">The site could not be rebuilt: {} problem{}</h2><p>The page below is the last good build. Fix the file and save: this message goes away by itself.</p>",
        errors.len(),
        if errors.len() == 1 { "" } else { "s" }
    ));
    for d in errors {
        html.push_str("<pre style=\"white-space:pre-wrap;background:#0b0c0c;color:#ffffff;border-left:6px solid #ff8a80;padding:0.75rem;font:14px/1.4 ui-monospace,monospace\">");
        html.push_str(&escape_html(&d.human()));
        html.push_str("</pre>");
    }
    html.push_str("</div>");
    html
}
