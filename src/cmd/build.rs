//! `candour build`: check everything, render the site, and swap it into the output folder
//! only if the whole build succeeded.

use std::path::PathBuf;
use std::process::ExitCode;

use candour::check::config::Overrides;
use candour::diagnostic;
use candour::{site, write};

use super::{fail, print_human};

/// Build the site into a folder (public/ by default)
#[derive(clap::Args)]
pub struct Args {
    /// The site's root folder, holding content/
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Where to write the site; replaced as a whole only when the build succeeds
    #[arg(long, default_value = "public")]
    out: PathBuf,
    /// The address the site will be published at, e.g. https://example.org/msa/
    #[arg(long, value_parser = base_url)]
    base_url: Option<String>,
    /// Publish drafts (`draft: true`) too, with their "Draft — not published" banner
    #[arg(long)]
    drafts: bool,
    /// Build without git: no last-updated dates, change histories or changes page
    #[arg(long)]
    no_git: bool,
}

pub fn execute(args: Args) -> ExitCode {
    let root = args.root;
    if let Err(code) = super::site_root(&root) {
        return code;
    }
    let out = if args.out.is_relative() {
        root.join(&args.out)
    } else {
        args.out
    };
    if let Err(e) = write::check_target(&root, &out) {
        return fail(&e);
    }
    let staging = match write::stage(&out) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let overrides = Overrides {
        base_url: args.base_url,
        drafts: args.drafts,
        deadlines: None,
        git: !args.no_git,
    };
    let mut report = site::build(&root, &overrides, &staging);
    // Errors and warnings; notes (files passed over on purpose, such as editors' swap
    // files) are only counted here, and `candour check` lists them.
    print_human(report.diagnostics.iter().filter(|d| !d.is_note()));
    if !report.ok() {
        staging.abandon();
        eprintln!(
            "Build failed ({}); {} was left as it was.",
            diagnostic::summary(&report.diagnostics),
            out.display()
        );
        let io_only = report
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .all(|d| d.file.is_empty());
        return ExitCode::from(if io_only { 2 } else { 1 });
    }
    let notes = report.diagnostics.iter().filter(|d| d.is_note()).count();
    if notes > 0 {
        eprintln!(
            "{notes} file{} passed over on purpose (editor or system litter, hidden files); `candour check` lists them.",
            if notes == 1 { " was" } else { "s were" }
        );
    }
    // Swapping the new output in and deleting the old one is a step of its own.
    match report.steps.time("write", || staging.commit(&out)) {
        Ok(files) => {
            eprintln!(
                "Built {files} files into {} in {:.0} ms ({}; {}).",
                out.display(),
                report.steps.total(),
                report.steps.line(),
                diagnostic::summary(&report.diagnostics)
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

/// `--base-url`, refused before anything is built unless it is a web address.
fn base_url(text: &str) -> Result<String, String> {
    candour::scheme::web_address(text).map(|()| text.to_string())
}
