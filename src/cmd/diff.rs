//! `candour diff [BASE] [HEAD]`: what a change does to what the public sees, between two
//! git revisions, for people, as Markdown for a pull-request comment, or as JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use candour::diff::{self, Failure, Version};
use clap::ValueEnum;

use super::{fail, print_human};

/// Show what changed in the published statements, updates, pages and figures between two
/// git revisions
#[derive(clap::Args)]
pub struct Args {
    /// The older revision (a branch, tag or commit); default: where this branch left the
    /// default branch
    base: Option<String>,
    /// The newer revision; default: the working tree, changes not yet committed included
    head: Option<String>,
    /// The site's root folder, holding content/
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// How to print it: for people, as Markdown for a pull-request comment, or as JSON
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Markdown,
    Json,
}

pub fn execute(args: Args) -> ExitCode {
    let base = match &args.base {
        Some(r) => Version::Revision(r),
        None => Version::BranchPoint,
    };
    let head = match &args.head {
        Some(r) => Version::Revision(r),
        None => Version::WorkTree,
    };
    let diff = match diff::diff(&args.root, base, head) {
        Ok(d) => d,
        Err(Failure::Git(message)) => return fail(&message),
        Err(Failure::Content(version, problems)) => {
            print_human(&problems);
            eprintln!(
                "The site in {version} has errors, so it cannot be compared; `candour check` there lists them."
            );
            return ExitCode::from(1);
        }
    };
    match args.format {
        Format::Human => print!("{}", diff::human(&diff)),
        Format::Markdown => print!("{}", diff::markdown(&diff)),
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&diff).unwrap_or_default()
        ),
    }
    ExitCode::SUCCESS
}
