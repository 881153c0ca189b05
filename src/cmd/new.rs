//! `candour new update` / `candour new statement`: start the next report as a draft, and
//! say what data the new period still lacks.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use candour::check::config::Overrides;
use candour::model::period::Period;
use candour::site;
use candour::start::{self, Kind};

use super::{fail, print_human};

/// Start the next report due: a draft file with its period and headings
#[derive(clap::Args)]
pub struct Args {
    /// Which report: update or statement
    #[arg(value_enum)]
    kind: What,
    /// The period to start instead of the next one due, e.g. "2021/22 H1" or 2021/22
    #[arg(long, value_parser = parse_period)]
    period: Option<Period>,
    /// The site's root folder, holding content/
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum What {
    Update,
    Statement,
}

fn parse_period(text: &str) -> Result<Period, String> {
    Period::parse(text)
}

pub fn execute(args: Args) -> ExitCode {
    let overrides = Overrides {
        drafts: true,
        ..Overrides::default()
    };
    let report = site::check(&args.root, &overrides);
    let (Some(checked), Some(theme)) = (&report.site, &report.theme) else {
        print_human(report.diagnostics.iter().filter(|d| d.is_error()));
        eprintln!("The site has errors; fix them (`candour check`) before starting a new report.");
        return ExitCode::from(1);
    };
    let words = theme.words(&checked.site.config.language);
    let kind = match args.kind {
        What::Update => Kind::Update,
        What::Statement => Kind::Statement,
    };
    let started = match start::next(kind, checked, &words, args.period) {
        Ok(s) => s,
        Err(why) => {
            eprintln!("error: {why}");
            return ExitCode::from(1);
        }
    };
    // A bilingual site: the report's translation in each other language, text only.
    let others: Vec<(String, std::sync::Arc<candour::i18n::Words>)> = checked
        .others
        .iter()
        .map(|o| {
            let tag = o.site.config.language.clone();
            let words = theme.words(&tag);
            (tag, words)
        })
        .collect();
    let translations = start::translations(kind, &started, checked, &others);
    let files: Vec<(&str, &str)> = std::iter::once((started.path.as_str(), started.text.as_str()))
        .chain(
            translations
                .iter()
                .map(|t| (t.path.as_str(), t.text.as_str())),
        )
        .collect();
    // An existing report or translation is never replaced, and nothing is written unless
    // every file can be.
    for (rel, _) in &files {
        if std::fs::symlink_metadata(args.root.join(rel)).is_ok() {
            eprintln!(
                "error: {rel} already exists; candour does not replace it. Edit it, or choose another period with --period."
            );
            return ExitCode::from(1);
        }
    }
    for (rel, text) in &files {
        if let Err(code) = write_new(&args.root, rel, text) {
            return code;
        }
    }
    println!("Wrote {} (a draft for {}).", started.path, started.period);
    for t in &translations {
        println!(
            "Wrote {} (its translation: the title and headings only; the facts stay in {}).",
            t.path, started.path
        );
    }
    // A period chosen with --period may not be over: say so, as its figures cannot be known.
    let ends = started.period.end(checked.site.config.year_starts);
    let days = ends.days() - super::today().days();
    if days > 0 {
        println!(
            "Note: {} has not ended: it ends on {}, {days} day{} from today, and its figures cannot all be known before then.",
            started.period,
            ends.long(),
            if days == 1 { "" } else { "s" }
        );
    }
    if started.checklist.is_empty() {
        println!(
            "Nothing in the data files is missing for {}.",
            started.period
        );
    } else {
        println!(
            "Still to add for {} ({} item{}):",
            started.period,
            started.checklist.len(),
            if started.checklist.len() == 1 {
                ""
            } else {
                "s"
            }
        );
        for item in &started.checklist {
            println!("  [ ] {item}");
        }
        println!(
            "Figures added to the data files are published with the next build, whether or not the report is still a draft."
        );
    }
    ExitCode::SUCCESS
}

/// Writes `text` to the new file `rel` under `root`, making its folder; never replaces a file
/// (`create_new`). An `Err` is the exit code, the problem said.
fn write_new(root: &std::path::Path, rel: &str, text: &str) -> Result<(), ExitCode> {
    let path = root.join(rel);
    if let Some(folder) = path.parent()
        && let Err(e) = std::fs::create_dir_all(folder)
    {
        return Err(fail(&format!("could not make {}: {e}", folder.display())));
    }
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    let mut file = match file {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "error: {rel} already exists; candour does not replace it. Edit it, or choose another period with --period."
            );
            return Err(ExitCode::from(1));
        }
        Err(e) => return Err(fail(&format!("could not write {rel}: {e}"))),
    };
    file.write_all(text.as_bytes())
        .map_err(|e| fail(&format!("could not write {rel}: {e}")))
}
