//! `candour init DIR`: start a new site.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use candour::init::Starter;

use super::fail;

/// Start a new site in DIR: a blank starter, or the demonstration site with --example
#[derive(clap::Args)]
pub struct Args {
    /// An empty or new folder
    dir: PathBuf,
    /// The organisation's name, as it writes it (else a placeholder `check` refuses)
    #[arg(long, conflicts_with = "example")]
    name: Option<String>,
    /// Write the demonstration site instead of a blank starter
    #[arg(long)]
    example: bool,
}

pub fn execute(args: Args) -> ExitCode {
    let dir = args.dir;
    let starter = if args.example {
        Starter::Example
    } else {
        Starter::Blank {
            name: args.name.as_deref(),
        }
    };
    let (year, month) = year_month(SystemTime::now());
    match candour::init::init(&dir, &starter, year, month) {
        Ok(n) => {
            eprintln!(
                "Wrote {n} files into {} (the site in content/, and {}, which checks pull requests and publishes the site on GitHub). Next: cd {} && candour serve",
                dir.display(),
                candour::init::WORKFLOW_PATH,
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

/// The calendar year and month (UTC) of a time.
fn year_month(t: SystemTime) -> (i32, u32) {
    let days = t
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month)
}
