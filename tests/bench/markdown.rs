//! Pathological Markdown benchmark: times `candour check` on the example site with one 1 MB
//! page of each awkward shape (`tests/common/pathological.rs`), best of three.
//!
//! Run with `cargo bench --bench markdown`. Every time should be well under a second: the
//! checks are linear in the page whatever its shape.

use std::fs;
use std::process::Command;
use std::time::Instant;

#[path = "../common/mod.rs"]
mod common;
#[path = "../common/pathological.rs"]
mod pathological;

const BIN: &str = env!("CARGO_BIN_EXE_candour");

fn main() {
    let site = common::example_copy();
    let content = site.path().join("content");
    fs::create_dir_all(content.join("static/patho")).expect("static folder");
    fs::write(content.join("static/patho/a.png"), b"PNG").expect("image");
    println!(
        "{:<46} {:>10} {:>12}",
        "shape (1 MB page)", "best ms", "diagnostics"
    );
    for (name, body, _) in pathological::shapes() {
        fs::write(
            content.join("pages/patho.md"),
            format!("---\ntitle: Pathological\n---\n\n{body}"),
        )
        .expect("page");
        let mut best = f64::MAX;
        let mut found = 0;
        for _ in 0..3 {
            let started = Instant::now();
            let out = Command::new(BIN)
                .args(["check", "--root", site.path().to_str().unwrap()])
                .output()
                .expect("candour starts");
            best = best.min(started.elapsed().as_secs_f64() * 1000.0);
            found = String::from_utf8_lossy(&out.stderr)
                .lines()
                .filter(|l| l.starts_with("  --> "))
                .count();
        }
        println!("{name:<46} {best:>10.1} {found:>12}");
    }
}
