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
    let path = args.root.join(&started.path);
    if let Some(folder) = path.parent()
        && let Err(e) = std::fs::create_dir_all(folder)
    {
        return fail(&format!("could not make {}: {e}", folder.display()));
    }
    // create_new: an existing report is never replaced.
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    let mut file = match file {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "error: {} already exists; candour does not replace it. Edit it, or choose another period with --period.",
                started.path
            );
            return ExitCode::from(1);
        }
        Err(e) => return fail(&format!("could not write {}: {e}", started.path)),
    };
    if let Err(e) = file.write_all(started.text.as_bytes()) {
        return fail(&format!("could not write {}: {e}", started.path));
    }
    println!("Wrote {} (a draft for {}).", started.path, started.period);
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
