//! A diff written for people (a terminal) and as Markdown for a pull-request comment.

use std::fmt::Write as _;

use super::{Diff, DocumentChange, FigureChange};

/// GitHub refuses a comment longer than 65,536 characters; the Markdown stays under this,
/// leaving room for what a workflow adds around it.
pub const MARKDOWN_LIMIT: usize = 60_000;

/// `2020/21 H2 42% → 61%`, `2020/21 H2 added: 61%`, `2020/21 H2 removed (was 42%)`.
fn figure_change(f: &FigureChange) -> String {
    let period = f
        .period
        .as_deref()
        .map(|p| format!("{p} "))
        .unwrap_or_default();
    match (&f.before, &f.after) {
        (Some(b), Some(a)) => format!("{period}{b} → {a}"),
        (None, Some(a)) => format!("{period}added: {a}"),
        (Some(b), None) => format!("{period}removed (was {b})"),
        (None, None) => period.trim_end().to_string(),
    }
}

/// What changed in a document's sections, as one line each: `“Training”: 12 words added, 3 removed`.
fn section_lines(d: &DocumentChange) -> Vec<String> {
    d.sections
        .iter()
        .map(|s| match s.change {
            "added" => format!("section “{}” added ({})", s.heading, words(s.words_added)),
            "removed" => format!(
                "section “{}” removed ({})",
                s.heading,
                words(s.words_removed)
            ),
            _ => format!(
                "section “{}”: {} word{} added, {} removed",
                s.heading,
                s.words_added,
                if s.words_added == 1 { "" } else { "s" },
                s.words_removed
            ),
        })
        .collect()
}

/// `1 word`, `12 words`.
pub(super) fn words(n: usize) -> String {
    format!("{n} word{}", if n == 1 { "" } else { "s" })
}

/// The kinds of document in the order the report lists them, with their heading.
const KINDS: [(&str, &str); 4] = [
    ("statement", "Statements"),
    ("update", "Updates"),
    ("page", "Pages"),
    ("translation", "Translations"),
];

/// The diff for people: a heading line, then each part that has changes.
pub fn human(diff: &Diff) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "What changed for the public, from {} to {}",
        diff.base, diff.head
    );
    if diff.is_empty() {
        let _ = writeln!(out, "\nNothing the public sees changed.");
        return out;
    }
    if !diff.warnings.is_empty() {
        let _ = writeln!(out, "\nWarnings");
        for w in &diff.warnings {
            let _ = writeln!(out, "  ! {w}");
        }
    }
    for (kind, heading) in KINDS {
        let docs: Vec<&DocumentChange> = diff.documents.iter().filter(|d| d.kind == kind).collect();
        if docs.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{heading}");
        for d in docs {
            let _ = writeln!(out, "  {:<8} {} ({})", d.change, d.title, d.url);
            for line in d.details.iter().chain(&section_lines(d)) {
                let _ = writeln!(out, "           {line}");
            }
        }
    }
    if !diff.figures.is_empty() {
        let _ = writeln!(out, "\nFigures");
        let mut dataset = "";
        for f in &diff.figures {
            if f.dataset != dataset {
                dataset = &f.dataset;
                let _ = writeln!(out, "  {dataset}");
            }
            let _ = writeln!(out, "    {}: {}", f.figure, figure_change(f));
        }
    }
    out
}

/// Text for a Markdown table cell: pipes escaped, on one line.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
        .replace('<', "&lt;")
}

/// The diff as Markdown for a pull-request comment: a heading, warnings, then a table per
/// part. Kept under [`MARKDOWN_LIMIT`]: rows that do not fit are left out, with a note
/// saying how many and how to see them all.
pub fn markdown(diff: &Diff) -> String {
    markdown_within(diff, MARKDOWN_LIMIT)
}

/// [`markdown`] within `limit` characters.
pub fn markdown_within(diff: &Diff, limit: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "### What this change does to the published site\n");
    let _ = writeln!(out, "From {} to {}.\n", cell(&diff.base), cell(&diff.head));
    if diff.is_empty() {
        let _ = writeln!(out, "Nothing the public sees changed.");
        return out;
    }
    // Every row, by part, written until the budget runs out.
    let mut parts: Vec<(String, String, Vec<String>)> = Vec::new();
    if !diff.warnings.is_empty() {
        parts.push((
            "#### Warnings\n\n".to_string(),
            String::new(),
            diff.warnings
                .iter()
                .map(|w| format!("- ⚠️ {}\n", cell(w)))
                .collect(),
        ));
    }
    for (kind, heading) in KINDS {
        let rows: Vec<String> = diff
            .documents
            .iter()
            .filter(|d| d.kind == kind)
            .map(|d| {
                let what: Vec<String> = d.details.iter().cloned().chain(section_lines(d)).collect();
                format!(
                    "| {} | {} (`{}`) | {} |\n",
                    d.change,
                    cell(&d.title),
                    cell(&d.url),
                    cell(&what.join("; "))
                )
            })
            .collect();
        if !rows.is_empty() {
            parts.push((
                format!("#### {heading}\n\n"),
                "| | | What changed |\n|---|---|---|\n".to_string(),
                rows,
            ));
        }
    }
    if !diff.figures.is_empty() {
        parts.push((
            "#### Figures\n\n".to_string(),
            "| Dataset | Figure | Period | Before | After |\n|---|---|---|---:|---:|\n".to_string(),
            diff.figures
                .iter()
                .map(|f| {
                    format!(
                        "| {} | {} | {} | {} | {} |\n",
                        cell(&f.dataset),
                        cell(&f.figure),
                        cell(f.period.as_deref().unwrap_or("")),
                        cell(f.before.as_deref().unwrap_or("—")),
                        cell(f.after.as_deref().unwrap_or("—"))
                    )
                })
                .collect(),
        ));
    }
    let total: usize = parts.iter().map(|p| p.2.len()).sum();
    // Room kept for the note that says what was left out.
    let budget = limit.saturating_sub(300);
    let mut shown = 0;
    'parts: for (heading, table_head, rows) in &parts {
        if out.len() + heading.len() + table_head.len() > budget {
            break;
        }
        out.push_str(heading);
        out.push_str(table_head);
        for row in rows {
            if out.len() + row.len() > budget {
                out.push('\n');
                break 'parts;
            }
            out.push_str(row);
            shown += 1;
        }
        out.push('\n');
    }
    if shown < total {
        let _ = writeln!(
            out,
            "*{} more change{} not shown: this comment is kept under GitHub's size limit. Run `candour diff` to see them all.*",
            total - shown,
            if total - shown == 1 { " is" } else { "s are" }
        );
    }
    out
}
