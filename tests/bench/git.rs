//! History benchmark: `candour build` with git history, against `--no-git`, and `candour
//! diff`, on the example site and on a synthetic site of N pages with C commits.
//!
//! Run with `cargo bench --bench git`. `CANDOUR_BENCH_PAGES` (default `10000`) and
//! `CANDOUR_BENCH_COMMITS` (default `1000`) choose the synthetic repository: the site of
//! `synthetic.rs` committed once whole, then each further commit changes one page (every
//! tenth, the indicators' data file instead), each a day after the last. It is written with
//! `git fast-import`, so making it takes seconds, and checked out. Times are the best of
//! three runs of the real binary, in milliseconds, each run the README way (in the site's
//! folder). `CANDOUR_BENCH_KEEP=DIR` keeps the synthetic repository in DIR.

use std::fs;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

#[path = "synthetic.rs"]
mod synthetic;

const BIN: &str = env!("CARGO_BIN_EXE_candour");

fn main() {
    let pages: Vec<usize> = if std::env::var_os("CANDOUR_BENCH_PAGES").is_some() {
        synthetic::sizes()
    } else {
        vec![10_000]
    };
    let commits: usize = std::env::var("CANDOUR_BENCH_COMMITS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    let scratch = synthetic::scratch();
    println!("{:<34} {:>12}", "what", "best ms");

    // The example site in a repository of its own, committed once.
    let example = tempfile::tempdir_in(&scratch).expect("temp dir");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &example.path().join("content"),
    );
    git(example.path(), &["init", "-q", "-b", "main"]);
    git(example.path(), &["add", "-A"]);
    git(
        example.path(),
        &["commit", "-q", "-m", "Publish the example site"],
    );
    report(example.path(), "example", &scratch);

    for n in pages {
        let dir = match std::env::var("CANDOUR_BENCH_KEEP") {
            Ok(keep) => {
                let _ = fs::remove_dir_all(&keep);
                fs::create_dir_all(&keep).unwrap();
                Err(std::path::PathBuf::from(keep))
            }
            Err(_) => Ok(tempfile::tempdir_in(&scratch).expect("temp dir")),
        };
        let root = match &dir {
            Ok(d) => d.path().to_path_buf(),
            Err(p) => p.clone(),
        };
        let started = Instant::now();
        synthetic::generate(&root, n);
        commit_history(&root, commits);
        println!(
            "{:<34} {:>12.0}",
            format!("making {n} pages, {commits} commits"),
            started.elapsed().as_secs_f64() * 1000.0
        );
        report(&root, &format!("synthetic {n}"), &scratch);
    }
}

/// Times a build with history, one without, and `candour diff` three ways.
fn report(root: &Path, name: &str, scratch: &Path) {
    let out = tempfile::tempdir_in(scratch).expect("temp dir");
    let public = out.path().join("public");
    let public = public.to_str().unwrap();
    for (what, args) in [
        ("build with history", vec!["build", "--out", public]),
        ("build --no-git", vec!["build", "--no-git", "--out", public]),
        ("diff HEAD~1 HEAD", vec!["diff", "HEAD~1", "HEAD"]),
        ("diff (branch point, work tree)", vec!["diff"]),
        (
            "diff --format markdown",
            vec!["diff", "--format", "markdown"],
        ),
    ] {
        if args[0] == "diff" && git_ok(root, &["rev-parse", "--verify", "-q", "HEAD~1"]).is_none() {
            // A repository of one commit has no HEAD~1.
            if args.len() == 3 && args[1] == "HEAD~1" {
                continue;
            }
        }
        let ms = best_of_three(root, &args);
        println!("{:<34} {:>12.1}", format!("{name}: {what}"), ms);
    }
}

fn best_of_three(root: &Path, args: &[&str]) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..3 {
        let started = Instant::now();
        let o = Command::new(BIN)
            .args(args)
            .current_dir(root)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .expect("candour runs");
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        assert!(
            o.status.success(),
            "candour {args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        best = best.min(ms);
    }
    best
}

/// Commits the site at `root` as `commits` commits, through `git fast-import`, and checks
/// the last one out.
fn commit_history(root: &Path, commits: usize) {
    let files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root.join("content"))
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, fs::read(e.path()).unwrap())
        })
        .collect();
    let pages: Vec<usize> = files
        .iter()
        .enumerate()
        .filter(|(_, (p, _))| p.starts_with("content/pages/"))
        .map(|(i, _)| i)
        .collect();
    let kpis = files
        .iter()
        .position(|(p, _)| p == "content/data/kpis.yaml")
        .expect("a kpis.yaml");
    let mut stream: Vec<u8> = Vec::new();
    let start = 1_614_600_000u64; // 1 March 2021
    let mut current: Vec<Vec<u8>> = files.iter().map(|(_, b)| b.clone()).collect();
    for c in 0..commits {
        let when = start + c as u64 * 86_400;
        let message = if c == 0 {
            "Publish the site".to_string()
        } else {
            format!("Change {c}")
        };
        let _ = write!(
            stream,
            "commit refs/heads/main\nauthor Bench <bench@example.org> {when} +0000\ncommitter Bench <bench@example.org> {when} +0000\ndata {}\n{message}\n",
            message.len()
        );
        let changed: Vec<usize> = if c == 0 {
            (0..files.len()).collect()
        } else if c % 10 == 0 {
            let text = String::from_utf8(current[kpis].clone()).unwrap();
            // One figure corrected: the first indicator's first value.
            let at = text.find("        value: ").expect("a value");
            let end = at + text[at..].find('\n').expect("a line");
            current[kpis] =
                format!("{}        value: {}{}", &text[..at], c % 97, &text[end..]).into_bytes();
            vec![kpis]
        } else {
            let i = pages[(c * 7919) % pages.len()];
            let mut text = current[i].clone();
            let _ = writeln!(text, "\nThis page was revised in change {c}.");
            current[i] = text;
            vec![i]
        };
        for i in changed {
            let _ = write!(
                stream,
                "M 100644 inline {}\ndata {}\n",
                files[i].0,
                current[i].len()
            );
            stream.extend_from_slice(&current[i]);
            stream.push(b'\n');
        }
        stream.push(b'\n');
    }
    git(root, &["init", "-q", "-b", "main"]);
    let mut child = Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(root)
        .stdin(Stdio::piped())
        .spawn()
        .expect("git runs");
    child.stdin.take().unwrap().write_all(&stream).unwrap();
    assert!(child.wait().unwrap().success(), "git fast-import");
    git(root, &["reset", "-q", "--hard", "main"]);
}

fn git(dir: &Path, args: &[&str]) {
    assert!(
        git_ok(dir, args).is_some(),
        "git {args:?} failed in {}",
        dir.display()
    );
}

fn git_ok(dir: &Path, args: &[&str]) -> Option<Vec<u8>> {
    let o = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Bench")
        .env("GIT_AUTHOR_EMAIL", "bench@example.org")
        .env("GIT_COMMITTER_NAME", "Bench")
        .env("GIT_COMMITTER_EMAIL", "bench@example.org")
        .output()
        .ok()?;
    o.status.success().then_some(o.stdout)
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}
