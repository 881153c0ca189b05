//! The `candour` command: parses the arguments and hands them to the subcommand (`cmd/`).

mod cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Build an accessible public transparency website from YAML data and Markdown.
#[derive(Parser)]
#[command(name = "candour", version, about, long_about = None)]
#[command(
    after_help = "Exit codes: 0 success, 1 problems in the content, 2 usage or input/output errors."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Build(cmd::build::Args),
    Check(cmd::check::Args),
    #[cfg(feature = "serve")]
    Serve(cmd::serve::Args),
    Init(cmd::init::Args),
    New(cmd::new::Args),
    Diff(cmd::diff::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Build(args) => cmd::build::execute(args),
        Command::Check(args) => cmd::check::execute(args),
        Command::New(args) => cmd::new::execute(args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => cmd::serve::execute(args),
        Command::Init(args) => cmd::init::execute(args),
        Command::Diff(args) => cmd::diff::execute(args),
    }
}
