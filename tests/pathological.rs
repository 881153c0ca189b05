//! Pathological Markdown through the real binary: a 1 MB page of each awkward shape must
//! check in time a linear algorithm needs. The bound is generous, since machines are shared
//! and this is a debug build: a quadratic algorithm takes minutes on these pages (nested
//! images took 55 s, 90,000 images without alt text on one line over a minute, in a release
//! build), a linear one a second or two.

mod common;
#[path = "common/pathological.rs"]
mod pathological;

use std::fs;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use pathological::Expect;

const BOUND: Duration = Duration::from_secs(20);

#[test]
fn a_1_mb_page_of_any_shape_checks_in_linear_time() {
    let site = common::example_copy();
    let content = site.path().join("content");
    fs::create_dir_all(content.join("static/patho")).unwrap();
    fs::write(content.join("static/patho/a.png"), b"PNG").unwrap();
    let mut slow = Vec::new();
    for (name, body, expect) in pathological::shapes() {
        fs::write(
            content.join("pages/patho.md"),
            format!("---\ntitle: Pathological\n---\n\n{body}"),
        )
        .unwrap();
        let started = Instant::now();
        let outcome = check_within_bound(site.path());
        let took = started.elapsed();
        eprintln!("{name}: {took:.2?}");
        let Some((status, text)) = outcome else {
            slow.push(format!("{name}: stopped after {took:.1?}"));
            continue;
        };
        assert!(
            !text.contains("panicked") && matches!(status.code(), Some(0 | 1)),
            "{name}: {}",
            tail(&text)
        );
        let summary = text.lines().last().unwrap_or("");
        match expect {
            Expect::Clean => assert_eq!(summary, "0 errors, 0 warnings", "{name}"),
            Expect::Count(message, n) => {
                let count = text.matches(message).count();
                assert_eq!(count, n, "{name}: {summary}");
                let all = text.lines().filter(|l| l.starts_with("  --> ")).count();
                assert_eq!(all, n, "{name}: other diagnostics too: {summary}");
                // Every source line shown is a window, not the whole line.
                let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
                assert!(longest < 200, "{name}: a line of {longest} characters");
            }
            Expect::Any => {}
        }
    }
    assert!(slow.is_empty(), "slower than {BOUND:?}: {slow:?}");
}

#[test]
fn a_data_file_with_tens_of_thousands_of_mistakes_checks_in_linear_time() {
    // 40,000 actions with one id: each duplicate is a diagnostic placed in a 4 MB file.
    let site = common::example_copy();
    let mut yaml = String::from("actions:\n");
    for i in 0..40_000 {
        yaml.push_str(&format!("  - id: same\n    title: Action {i}\n    aspect: external-capability\n    owner: Head of HR\n    due: 2021-06-30\n    status: in-progress\n"));
    }
    fs::write(site.path().join("content/data/actions.yaml"), yaml).unwrap();
    let started = Instant::now();
    let outcome = check_within_bound(site.path());
    let took = started.elapsed();
    let (status, text) = outcome.unwrap_or_else(|| panic!("stopped after {took:.1?}"));
    assert_eq!(status.code(), Some(1));
    assert_eq!(
        text.matches("  --> content/data/actions.yaml:").count(),
        39_999
    );
}

/// Runs `candour check` on the site, stopped at the bound (a quadratic check would otherwise
/// hold the test for minutes): its exit status and what it printed, or `None` if stopped.
fn check_within_bound(root: &Path) -> Option<(ExitStatus, String)> {
    let log = root.join("stderr.txt");
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_candour"))
        .args(["check", "--root", root.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Some((status, fs::read_to_string(&log).unwrap()));
        }
        if started.elapsed() > BOUND {
            child.kill().unwrap();
            child.wait().unwrap();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The end of a long text, to show in a failure.
fn tail(text: &str) -> &str {
    let mut start = text.len().saturating_sub(2000);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}
