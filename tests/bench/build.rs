//! Build benchmark: times `candour build` on the example site and on synthetic sites.
//!
//! Run with `cargo bench --bench build`. Sizes come from `CANDOUR_BENCH_PAGES`
//! (default `1000,10000`); each synthetic site has N Markdown pages of about 4 KB and data
//! files with N/10 records. Wall time is the best of three runs; peak memory is the child's
//! VmHWM from /proc, sampled while it runs.
//!
//! Sites and output live in memory (`/dev/shm`) when the machine has it, so the figures
//! measure candour rather than the disk. One more build per size writes to the disk, timed
//! beside a plain copy of the same output tree to the same disk: the floor any generator
//! writing those files pays, so the ratio is comparable across noisy machines.
//!
//! The example is also built in two languages (`languages: [en-GB, cy]`, each statement,
//! update and page given a translation of its title, summary and text, the data left to the
//! original): twice the pages, which should cost about twice the time (issue 13). Each
//! binary's row prints that ratio, two languages over one.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

#[path = "synthetic.rs"]
mod synthetic;
use synthetic::generate;

const BIN: &str = env!("CARGO_BIN_EXE_candour");

fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sizes = synthetic::sizes();
    println!(
        "{:<22} {:>10} {:>12} {:>10}",
        "site", "pages", "best ms", "peak MiB"
    );
    let scratch = synthetic::scratch();
    let bins = synthetic::binaries(BIN);
    // The example's content alone, outside the repository: each binary then builds it with
    // its own built-in theme (the repository's themes/default/ would replace it) and without
    // git history, so two commits compare on the same work.
    let example = tempfile::tempdir_in(&scratch).expect("temp dir");
    copy_tree(&repo.join("content"), &example.path().join("content"));
    let one = compare("example", example.path(), &bins, &scratch);
    let two_languages = tempfile::tempdir_in(&scratch).expect("temp dir");
    copy_tree(&repo.join("content"), &two_languages.path().join("content"));
    bilingual(two_languages.path());
    let two = compare("example, en and cy", two_languages.path(), &bins, &scratch);
    for (((name, _), (one_ms, _)), (two_ms, _)) in bins.iter().zip(&one).zip(&two) {
        println!(
            "{:<22} two languages / one ({name}): time {:.2}",
            "",
            two_ms / one_ms
        );
    }
    for n in sizes {
        let dir = tempfile::tempdir_in(&scratch).expect("temp dir");
        generate(dir.path(), n);
        compare(&format!("synthetic {n}"), dir.path(), &bins, &scratch);
        disk_ratio(dir.path());
        if let Ok(keep) = std::env::var("CANDOUR_BENCH_KEEP") {
            generate(Path::new(&keep), n);
        }
    }
}

/// Makes the site at `root` bilingual: `languages: [en, cy]` in its site.yaml, and beside
/// each statement, update and page a `.cy.md` giving its title, summary and text (the
/// original's words: the work is the same whatever the language).
fn bilingual(root: &Path) {
    let content = root.join("content");
    let site = content.join("site.yaml");
    let text = fs::read_to_string(&site).unwrap();
    // `language: en-GB` becomes the first of the two.
    let languages = match text.lines().find(|l| l.starts_with("language:")) {
        Some(line) => text.replace(
            line,
            &format!("languages: [{}, cy]", line["language:".len()..].trim()),
        ),
        None => format!("{text}\nlanguages: [en, cy]\n"),
    };
    fs::write(&site, languages).unwrap();
    for dir in ["statements", "updates", "pages"] {
        for entry in walkdir::WalkDir::new(content.join(dir))
            .into_iter()
            .flatten()
        {
            let path = entry.path();
            if path.extension().is_none_or(|x| x != "md") {
                continue;
            }
            let text = fs::read_to_string(path).unwrap();
            let Some((front, body)) = text
                .strip_prefix("---\n")
                .and_then(|rest| rest.split_once("\n---\n"))
            else {
                continue;
            };
            let front: serde_norway::Mapping = serde_norway::from_str(front).unwrap();
            let mut texts = serde_norway::Mapping::new();
            for key in ["title", "summary"] {
                if let Some(value) = front.get(key) {
                    texts.insert(key.into(), value.clone());
                }
            }
            let yaml = serde_norway::to_string(&texts).unwrap();
            fs::write(
                path.with_extension("cy.md"),
                format!("---\n{yaml}---\n{body}"),
            )
            .unwrap();
        }
    }
}

/// Measures the site with each binary and prints a row each; with two, the ratio of their
/// times (head / base) and of their peak memory. Returns each binary's (best ms, peak MiB).
fn compare(label: &str, root: &Path, bins: &[(&str, String)], scratch: &Path) -> Vec<(f64, f64)> {
    let mut rows = Vec::new();
    for (name, bin) in bins {
        let (ms, mib, files) = measure(bin, root, scratch);
        let label = if bins.len() > 1 {
            format!("{label} ({name})")
        } else {
            label.to_string()
        };
        println!("{label:<22} {files:>10} {ms:>12.1} {mib:>10.1}");
        rows.push((ms, mib));
    }
    if let [(base_ms, base_mib), (head_ms, head_mib)] = rows[..] {
        println!(
            "{:<22} time head/base {:.3}; peak memory head/base {:.3}",
            "",
            head_ms / base_ms,
            head_mib / base_mib
        );
    }
    rows
}

/// One build onto the disk, against copying its output tree onto the same disk.
fn disk_ratio(root: &Path) {
    let disk = tempfile::tempdir().expect("temp dir");
    let started = Instant::now();
    let status = Command::new(BIN)
        .args([
            "build",
            "--root",
            root.to_str().unwrap(),
            "--out",
            disk.path().join("public").to_str().unwrap(),
        ])
        .stderr(std::process::Stdio::null())
        .status()
        .expect("candour starts");
    assert!(status.success());
    let build_ms = started.elapsed().as_secs_f64() * 1000.0;
    let started = Instant::now();
    copy_tree(&disk.path().join("public"), &disk.path().join("copy"));
    let copy_ms = started.elapsed().as_secs_f64() * 1000.0;
    println!(
        "{:<22} build to disk {build_ms:.0} ms; copying its output on the same disk {copy_ms:.0} ms; ratio {:.2}",
        "",
        build_ms / copy_ms
    );
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Best wall time of three builds, the largest peak memory seen, and the HTML pages built.
fn measure(bin: &str, root: &Path, scratch: &Path) -> (f64, f64, usize) {
    let out = tempfile::tempdir_in(scratch).expect("temp dir");
    let target = out.path().join("public");
    let mut best = f64::MAX;
    let mut peak_kib = 0u64;
    let mut last_line = String::new();
    for _ in 0..3 {
        let started = Instant::now();
        let mut child = Command::new(bin)
            .args([
                "build",
                "--root",
                root.to_str().unwrap(),
                "--out",
                target.to_str().unwrap(),
            ])
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("candour starts");
        let mut stderr = child.stderr.take().expect("piped stderr");
        let reader = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = std::io::Read::read_to_string(&mut stderr, &mut text);
            text
        });
        let status_file = format!("/proc/{}/status", child.id());
        let status = loop {
            if let Ok(text) = fs::read_to_string(&status_file)
                && let Some(kib) = text
                    .lines()
                    .find_map(|l| l.strip_prefix("VmHWM:"))
                    .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<u64>().ok())
            {
                peak_kib = peak_kib.max(kib);
            }
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        let report = reader.join().unwrap_or_default();
        assert!(
            status.success(),
            "build of {} failed: {report}",
            root.display()
        );
        if let Some(line) = report.lines().find(|l| l.starts_with("Built ")) {
            last_line = line.to_string();
        }
        best = best.min(started.elapsed().as_secs_f64() * 1000.0);
    }
    let pages = walkdir::WalkDir::new(&target)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count();
    eprintln!("  {last_line}");
    (best, peak_kib as f64 / 1024.0, pages)
}
