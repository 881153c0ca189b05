//! The subcommands, one file each: the arguments (`Args`) and `execute`, which calls the
//! library, prints what it found and returns the exit code (0 success, 1 problems in the
//! content, 2 usage or input/output errors).

pub mod build;
pub mod check;
pub mod diff;
pub mod init;
pub mod new;
#[cfg(feature = "serve")]
pub mod serve;

use std::io::Write as _;
use std::process::ExitCode;

use candour::diagnostic::Diagnostic;

/// A usage or input/output error: printed, exit code 2.
/// Today's date by the system clock, in UTC.
pub fn today() -> candour::model::date::Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    candour::model::date::Date::from_days(i64::try_from(seconds / 86_400).unwrap_or(0))
}

pub fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

/// Checks that `root` is a site's folder before anything is read: it exists, is a folder and
/// holds `content/`. Otherwise prints what is wrong, with a hint, and gives exit code 2 (a
/// usage error, as for every command: the content itself has not been looked at).
pub fn site_root(root: &std::path::Path) -> Result<(), ExitCode> {
    let shown = root.display();
    let (message, hint) = if !root.exists() {
        (
            format!("the site folder {shown} does not exist"),
            "pass the folder that holds content/ with --root, or run candour in it",
        )
    } else if !root.is_dir() {
        (
            format!("{shown} is not a folder"),
            "pass the folder that holds content/ with --root, or run candour in it",
        )
    } else if root.join("content").is_dir() {
        return Ok(());
    } else if root.join("site.yaml").is_file()
        || root
            .canonicalize()
            .is_ok_and(|r| r.file_name().is_some_and(|n| n == "content"))
    {
        (
            format!("{shown} looks like the content/ folder itself"),
            "run candour in the folder above it, which holds content/",
        )
    } else {
        let d = candour::source::load::no_content(root);
        eprintln!("error: {}", d.message);
        if let Some(hint) = &d.hint {
            eprintln!("  = hint: {hint}");
        }
        return Err(ExitCode::from(2));
    };
    eprintln!("error: {message}\n  = hint: {hint}");
    Err(ExitCode::from(2))
}

/// Prints diagnostics for people, on standard error.
pub fn print_human<'d>(diagnostics: impl IntoIterator<Item = &'d Diagnostic>) {
    // Buffered: a page with tens of thousands of mistakes is otherwise two writes each.
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    for d in diagnostics {
        let _ = writeln!(err, "{}", d.human());
    }
    let _ = err.flush();
}
