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
}

#[derive(Clone, Copy, ValueEnum)]
enum Deadlines {
    Warning,
    Error,
}

fn parse_day(text: &str) -> Result<Date, String> {
    Date::parse(text)
}

/// Today's date by the system clock, in UTC.
fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days(i64::try_from(seconds / 86_400).unwrap_or(0))
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Github,
}

pub fn execute(args: Args) -> ExitCode {
    let overrides = Overrides {
        deadlines: Some(deadlines::Options {
            today: args.today.unwrap_or_else(today),
            as_errors: matches!(args.deadlines, Deadlines::Error),
        }),
        ..Overrides::default()
    };
    let report = site::check(&args.root, &overrides);
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
