//! `candour check`: every check on the content, nothing written; problems for people, as
//! JSON, or as GitHub Actions annotations.

use std::path::PathBuf;
use std::process::ExitCode;

use candour::check::config::Overrides;
use candour::check::deadlines;
use candour::diagnostic::{self, Severity};
use candour::model::date::Date;
use candour::site;
use clap::ValueEnum;

use super::print_human;

/// Run every check on the content without writing anything
#[derive(clap::Args)]
pub struct Args {
    /// The site's root folder, holding content/
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// How to print problems: for people, as JSON, or as GitHub Actions annotations
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// The day to judge deadlines against (YYYY-MM-DD); default today, by the system clock (UTC)
    #[arg(long, value_parser = parse_day)]
    today: Option<Date>,
    /// What a missed or coming deadline is: a warning (the default, so it never blocks an
    /// unrelated change) or an error (CI fails)
    #[arg(long, value_enum, default_value_t = Deadlines::Warning)]
    deadlines: Deadlines,
    /// Check without git: no history, and no comparison with the branch point
    #[arg(long)]
    no_git: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Deadlines {
    Warning,
    Error,
}

/// A whole day: `--today 2021-11` is refused, as deadlines are judged to the day.
fn parse_day(text: &str) -> Result<Date, String> {
    let day = Date::parse(text)?;
    if day.precision() == candour::model::date::Precision::Day {
        Ok(day)
    } else {
        Err(format!(
            "'{text}' is not a whole day; give it as YYYY-MM-DD, such as 2021-11-15"
        ))
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Github,
}

pub fn execute(args: Args) -> ExitCode {
    if let Err(code) = super::site_root(&args.root) {
        return code;
    }
    let overrides = Overrides {
        git: !args.no_git,
        deadlines: Some(deadlines::Options {
            today: args.today.unwrap_or_else(super::today),
            as_errors: matches!(args.deadlines, Deadlines::Error),
        }),
        ..Overrides::default()
    };
    let mut report = site::check(&args.root, &overrides);
    // Statements published at the branch point stay as they were.
    if overrides.git
        && let Some(checked) = &report.site
    {
        let mut kept = candour::diff::check_kept(&args.root, &checked.site);
        if !kept.is_empty() {
            report.diagnostics.append(&mut kept);
            diagnostic::sort(&mut report.diagnostics);
        }
    }
    let count = |s: Severity| {
        report
            .diagnostics
            .iter()
            .filter(|d| d.severity == s)
            .count()
    };
    let errors = count(Severity::Error);
    match args.format {
        Format::Human => {
            print_human(&report.diagnostics);
            eprintln!("{}", diagnostic::summary(&report.diagnostics));
        }
        Format::Json => {
            let json = serde_json::json!({
                "ok": errors == 0,
                "errors": errors,
                "warnings": count(Severity::Warning),
                "notes": count(Severity::Note),
                "diagnostics": report.diagnostics,
            });
            println!(
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            );
        }
        Format::Github => {
            for d in &report.diagnostics {
                println!("{}", d.github());
            }
            eprintln!("{}", diagnostic::summary(&report.diagnostics));
        }
    }
    ExitCode::from(u8::from(errors > 0))
}
