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

/// The processor time (user + system) a check may take: a few seconds for a linear check of
/// these inputs in a debug build, minutes for a quadratic one. Processor time rather than
/// wall time, so a machine shared with other builds does not fail the test.
const BOUND: Duration = Duration::from_secs(20);

/// How long to wait in wall time before giving up on a check that gets no processor at all.
const WALL_LIMIT: Duration = Duration::from_secs(600);

#[test]
fn a_1_mb_page_of_any_shape_checks_in_linear_time() {
    let site = common::example_copy();
    let content = site.path().join("content");
    fs::create_dir_all(content.join("static/patho")).unwrap();
    fs::write(content.join("static/patho/a.png"), b"PNG").unwrap();
    // What the example says without the page (its registry gaps): each shape adds to it.
    let (_, baseline) = check_within_bound(site.path()).expect("the example checks in time");
    let baseline_summary = baseline.lines().last().unwrap_or("").to_string();
    let baseline_count = baseline.lines().filter(|l| l.starts_with("  --> ")).count();
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
            slow.push(format!(
                "{name}: stopped after {took:.1?} (over {BOUND:?} of processor time)"
            ));
            continue;
        };
        assert!(
            !text.contains("panicked") && matches!(status.code(), Some(0 | 1)),
            "{name}: {}",
            tail(&text)
        );
        let summary = text.lines().last().unwrap_or("");
        match expect {
            Expect::Clean => assert_eq!(summary, baseline_summary, "{name}"),
            Expect::Count(message, n) => {
                let count = text.matches(message).count();
                assert_eq!(count, n, "{name}: {summary}");
                let all = text.lines().filter(|l| l.starts_with("  --> ")).count();
                assert_eq!(
                    all,
                    n + baseline_count,
                    "{name}: other diagnostics too: {summary}"
                );
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

/// Runs `candour check` on the site (deadlines judged on a fixed day, 1 December 2020, so
/// the clock adds nothing), stopped when its processor time passes the bound (a
/// quadratic check would otherwise hold the test for minutes): its exit status and what it
/// printed, or `None` if stopped.
fn check_within_bound(root: &Path) -> Option<(ExitStatus, String)> {
    let log = root.join("stderr.txt");
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_candour"))
        .args([
            "check",
            "--root",
            root.to_str().unwrap(),
            "--today",
            "2020-12-01",
        ])
        .stdout(Stdio::null())
        .stderr(fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Some((status, fs::read_to_string(&log).unwrap()));
        }
        if cpu_time(child.id()).is_some_and(|t| t > BOUND) || started.elapsed() > WALL_LIMIT {
            child.kill().unwrap();
            child.wait().unwrap();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The processor time a running process has used, from `/proc/PID/stat` (utime and stime,
/// fields 14 and 15, in clock ticks of 1/100 s on Linux).
fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// The end of a long text, to show in a failure.
fn tail(text: &str) -> &str {
    let mut start = text.len().saturating_sub(2000);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}
