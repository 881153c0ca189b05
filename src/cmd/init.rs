//! `candour init DIR`: start a new site.

use std::path::PathBuf;
use std::process::ExitCode;

use super::fail;

/// Start a new site in DIR from the built-in example
#[derive(clap::Args)]
pub struct Args {
    /// An empty or new folder
    dir: PathBuf,
}

pub fn execute(args: Args) -> ExitCode {
    let dir = args.dir;
    match candour::init::init(&dir) {
        Ok(n) => {
            eprintln!(
                "Wrote {n} files into {} (the site in content/, and {}, which checks pull requests and publishes the site on GitHub). Next: cd {} && candour build",
                dir.display(),
                candour::init::WORKFLOW_PATH,
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}
