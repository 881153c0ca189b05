//! The `candour` command: parses arguments, calls the library, prints diagnostics, sets the exit code.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use candour::check::config::Overrides;
use candour::diagnostic::{self, Diagnostic};
use candour::{site, write};
use clap::{Parser, Subcommand, ValueEnum};

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
    /// Build the site into a folder (public/ by default)
    Build {
        /// The site's root folder, holding content/
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site; replaced as a whole only when the build succeeds
        #[arg(long, default_value = "public")]
        out: PathBuf,
        /// The address the site will be published at, e.g. https://example.org/msa/
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Run every check on the content without writing anything
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// How to print problems: for people, as JSON, or as GitHub Actions annotations
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Preview the site: build it in memory, serve it on this computer, rebuild on every save
    #[cfg(feature = "serve")]
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port to listen on; the next free one is used if it is taken
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// Address to listen on; anything but loopback lets other machines see the preview
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the default browser
        #[arg(long)]
        open: bool,
        /// Poll for changes instead of using the system's file events (network drives, containers)
        #[arg(long)]
        poll: bool,
    },
    /// Start a new site in DIR from the built-in example
    Init {
        /// An empty or new folder
        dir: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Github,
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
        Command::Build {
            root,
            out,
            base_url,
        } => build(&root, &out, Overrides { base_url }),
        Command::Check { root, format } => check(&root, format),
        #[cfg(feature = "serve")]
        Command::Serve {
            root,
            port,
            bind,
            open,
            poll,
        } => {
            match candour::serve::run(&candour::serve::Options {
                root,
                port,
                bind,
                open,
                poll,
            }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(d) => {
                    print_human(&[d]);
                    ExitCode::from(2)
                }
            }
        }
        Command::Init { dir } => match candour::init::init(&dir) {
            Ok(n) => {
                eprintln!(
                    "Wrote {n} files into {}. Next: cd {} && candour build",
                    dir.join("content").display(),
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        },
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

fn print_human(diagnostics: &[Diagnostic]) {
    // Buffered: a page with tens of thousands of mistakes is otherwise two writes each.
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    for d in diagnostics {
        let _ = writeln!(err, "{}", d.human());
    }
    let _ = err.flush();
}

/// What `build` prints: errors and warnings. Notes (files passed over on purpose, such as
/// editors' swap files) are only counted; `candour check` lists them.
fn print_problems(diagnostics: &[Diagnostic]) {
    for d in diagnostics.iter().filter(|d| !d.is_note()) {
        eprintln!("{}", d.human());
    }
}

fn build(root: &Path, out: &Path, overrides: Overrides) -> ExitCode {
    if !root.is_dir() {
        return fail(&format!(
            "the site folder {} does not exist",
            root.display()
        ));
    }
    let out = if out.is_relative() {
        root.join(out)
    } else {
        out.to_path_buf()
    };
    if let Err(e) = write::check_target(root, &out) {
        return fail(&e);
    }
    let staging = match write::stage(&out) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let started = std::time::Instant::now();
    let report = site::build(root, &overrides, &staging);
    print_problems(&report.diagnostics);
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
    match staging.commit(&out) {
        Ok(files) => {
            eprintln!(
                "Built {files} files into {} in {:.0} ms ({}; {}).",
                out.display(),
                started.elapsed().as_secs_f64() * 1000.0,
                site::steps_line(&report.steps),
                diagnostic::summary(&report.diagnostics)
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

fn check(root: &Path, format: Format) -> ExitCode {
    let report = site::check(root, &Overrides::default());
    let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
    match format {
        Format::Human => {
            print_human(&report.diagnostics);
            eprintln!("{}", diagnostic::summary(&report.diagnostics));
        }
        Format::Json => {
            let count = |s: diagnostic::Severity| {
                report
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == s)
                    .count()
            };
            let json = serde_json::json!({
                "ok": errors == 0,
                "errors": errors,
                "warnings": count(diagnostic::Severity::Warning),
                "notes": count(diagnostic::Severity::Note),
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
