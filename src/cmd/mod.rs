//! The subcommands, one file each: the arguments (`Args`) and `execute`, which calls the
//! library, prints what it found and returns the exit code (0 success, 1 problems in the
//! content, 2 usage or input/output errors).

pub mod build;
pub mod check;
pub mod init;
pub mod new;
#[cfg(feature = "serve")]
pub mod serve;

use std::io::Write as _;
use std::process::ExitCode;

use candour::diagnostic::Diagnostic;

/// A usage or input/output error: printed, exit code 2.
pub fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
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
