//! `candour init`: a new site, either a blank starter for a new body or the demonstration
//! site embedded in the binary (`--example`), with a GitHub Actions workflow (`candour.yml`)
//! that checks, compares and publishes it.

use std::fs;
use std::path::Path;

use crate::model::period::Period;
use crate::source::io_reason;

/// The organisation's name in a starter written without `--name`: `check` refuses it, so
/// no site is published under it.
pub const PLACEHOLDER_NAME: &str = "YOUR ORGANISATION'S NAME";

/// What `init` writes.
pub enum Starter<'a> {
    /// `site.yaml` with the body's name (or [`PLACEHOLDER_NAME`]) and one statement whose
    /// headings are the six areas of s54(5): no notice, no data files, nothing invented.
    Blank { name: Option<&'a str> },
    /// The demonstration site.
    Example,
}

/// Writes a new site's `content/` (and, for the example, its word overrides in `i18n/`) into `dir`, which must be empty or absent; `year` is the
/// current calendar year and `month` (1 to 12) the current month, which choose the starter
/// statement's period (the last reporting year to have ended). Returns the files written.
pub fn init(dir: &Path, starter: &Starter<'_>, year: i32, month: u32) -> Result<usize, String> {
    if dir.is_file() {
        return Err(format!("{} is a file, not a folder", dir.display()));
    }
    if dir.is_dir() {
        let mut entries = fs::read_dir(dir)
            .map_err(|e| format!("cannot read {}: {}", dir.display(), io_reason(&e)))?;
        if entries.next().is_some() {
            return Err(format!(
                "{} is not empty; candour init only writes into an empty or new folder",
                dir.display()
            ));
        }
    }
    let files: Vec<(String, Vec<u8>)> = match starter {
        Starter::Example => {
            let content = crate::embedded::EXAMPLE.iter().map(|f| ("content", f));
            let words = crate::embedded::EXAMPLE_WORDS.iter().map(|f| ("i18n", f));
            content
                .chain(words)
                .map(|(folder, (rel, bytes))| (format!("{folder}/{rel}"), bytes.to_vec()))
                .collect()
        }
        Starter::Blank { name } => blank(*name, year, month)
            .into_iter()
            .map(|(rel, bytes)| (format!("content/{rel}"), bytes))
            .collect(),
    };
    for (rel, bytes) in &files {
        let target = dir.join(rel);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {}", parent.display(), io_reason(&e)))?;
        }
        fs::write(&target, bytes)
            .map_err(|e| format!("cannot write {}: {}", target.display(), io_reason(&e)))?;
    }
    workflow(dir)?;
    Ok(files.len() + 1)
}

/// The workflow `init` writes, at [`WORKFLOW_PATH`]: on a pull request `candour check
/// --format github`, `candour diff --format markdown` as a comment, and a build; on the
/// default branch a build published to GitHub Pages.
pub const WORKFLOW: &str = include_str!("candour.yml");

/// Where the workflow goes, relative to the site's root.
pub const WORKFLOW_PATH: &str = ".github/workflows/candour.yml";

/// Writes [`WORKFLOW`] into the new site at `dir`.
pub fn workflow(dir: &Path) -> Result<(), String> {
    let target = dir.join(WORKFLOW_PATH);
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {}", parent.display(), io_reason(&e)))?;
    }
    fs::write(&target, WORKFLOW)
        .map_err(|e| format!("cannot write {}: {}", target.display(), io_reason(&e)))
}

/// The blank starter's files: the reporting year starts in April, and the statement is for
/// the last year to have ended by `year`-`month`.
fn blank(name: Option<&str>, year: i32, month: u32) -> Vec<(String, Vec<u8>)> {
    let name = name.map_or(PLACEHOLDER_NAME.to_string(), |n| n.trim().to_string());
    let quoted = serde_json::to_string(&name).unwrap_or_default();
    let ended = if month >= 4 { year - 1 } else { year - 2 };
    let period = Period {
        year: ended,
        half: 0,
        calendar: false,
    };
    let site = format!(
        "# Site settings: see the README for every field.\n\
         title: Modern Slavery Statement\n\
         organisation: {quoted}\n\
         # sector: local-government  # police, health, education, fire, central-government or other\n\
         # base_url: https://...  # the address the site will be published at\n\
         reporting:\n  \
           year_starts: 4        # April; 1 for calendar years\n  \
           updates: none         # six-monthly or annual if you publish progress updates\n\
         accessibility:\n  \
           # Say `full` or `partial` only once the site has been tested against WCAG 2.2 AA,\n  \
           # then add tested_on, tested_by and prepared_on.\n  \
           compliance: not\n  \
           contact: {{}}\n"
    );
    let ids = [
        (
            "structure",
            "our-organisation-and-supply-chains",
            "Our organisation and supply chains",
        ),
        ("policies", "policies", "Policies"),
        ("due-diligence", "due-diligence", "Due diligence"),
        ("risk", "risk-assessment", "Risk assessment"),
        (
            "effectiveness",
            "measuring-effectiveness",
            "Measuring effectiveness",
        ),
        ("training", "training", "Training"),
    ];
    let mut statement = format!(
        "---\ntitle: Modern Slavery Statement {period}\nperiod: {period}\n\
         draft: true                # remove once it is published, and set `published:`\n\
         # published: YYYY-MM-DD, once it is (YYYY-MM or YYYY if that is all you know)\n\
         # basis: required, if section 54 applies to you; voluntary otherwise (the default)\n\
         # approval: approved_by, approved_on and signed_by, as the statement gives them\nareas:\n"
    );
    for (key, id, _) in ids {
        statement.push_str(&format!("  {key}: {id}\n"));
    }
    statement.push_str("---\n");
    for (_, _, heading) in ids {
        statement.push_str(&format!("\n## {heading}\n"));
    }
    vec![
        ("site.yaml".into(), site.into_bytes()),
        (
            format!("statements/{}.md", period.slug()),
            statement.into_bytes(),
        ),
    ]
}
