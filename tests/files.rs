//! What is on disk besides ordinary sources, through the real binary: pipes, hidden files,
//! editor and office litter, unusable names, and the output folder's own leftovers. Nothing
//! hangs, nothing an author did not mean to publish is published, and candour cleans up
//! only what it made.

mod common;
use common::{example_copy, stderr};

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_candour");

/// Runs candour in `dir`, killing it if it has not finished in `limit`.
fn run_within(args: &[&str], dir: &Path, limit: Duration) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "candour {args:?} did not finish within {limit:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn run(args: &[&str], dir: &Path) -> Output {
    run_within(args, dir, Duration::from_secs(60))
}

/// Every file under `dir`, relative, `/`-separated.
fn files(dir: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

#[test]
fn pipes_are_skipped_with_a_warning_and_never_opened() {
    let site = example_copy();
    let content = site.path().join("content");
    mkfifo(&content.join("pages/pipe.md"));
    fs::create_dir_all(content.join("static/files")).unwrap();
    mkfifo(&content.join("static/files/pipe.pdf"));
    mkfifo(&content.join("data/kpis-pipe.yaml"));
    for args in [&["check"][..], &["build"][..]] {
        let o = run_within(args, site.path(), Duration::from_secs(20));
        let err = stderr(&o);
        for path in ["content/pages/pipe.md", "content/static/files/pipe.pdf"] {
            assert!(
                err.contains("warning: this is not a regular file") && err.contains(path),
                "{args:?}: {path} not reported: {err}"
            );
        }
        assert!(o.status.success(), "{args:?}: {err}");
    }
    let out = files(&site.path().join("public"));
    assert!(!out.iter().any(|f| f.contains("pipe")), "{out:?}");
}

#[test]
fn hidden_files_and_litter_are_never_published() {
    let site = example_copy();
    let content = site.path().join("content");
    let write = |rel: &str, bytes: &[u8]| {
        let path = content.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    };
    // A repository inside static/, and hidden files.
    write("static/.git/HEAD", b"ref: refs/heads/main\n");
    write("static/.git/config", b"[core]\n");
    write("static/.htaccess", b"Deny from all\n");
    write("static/docs/.secret.pdf", b"%PDF");
    write("pages/.draft.md", b"---\ntitle: Hidden\n---\n");
    // Published on purpose: security.txt.
    write(
        "static/.well-known/security.txt",
        b"Contact: mailto:security@example.org\n",
    );
    // Office, editor and operating-system litter.
    write("static/docs/~$report.docx", b"owner");
    write("static/docs/.~lock.report.docx#", b"A Person,host,2021");
    write("static/docs/Thumbs.db", b"x");
    write("static/docs/desktop.ini", b"[.ShellClassInfo]");
    write("static/docs/report.docx", b"real document");
    write("pages/._about.md", b"\x00\x05\x16\x07 AppleDouble \xff\xfe");
    write("pages/about.md~", b"backup");
    write("pages/.#about.md", b"lock");
    write("static/__MACOSX/docs/._report.docx", b"x");
    let out = site.path().join("public");
    // The output's own repository, as a deploy to GitHub Pages keeps it.
    fs::create_dir_all(out.join(".git")).unwrap();
    fs::write(out.join(".git/HEAD"), "ref: refs/heads/gh-pages\n").unwrap();

    let o = run(&["build"], site.path());
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    // No warning but the example's own registry gaps (tests/registry.rs); litter is a note.
    assert!(err.contains("0 errors, "), "{err}");
    assert!(
        err.lines()
            .filter(|l| l.starts_with("warning:"))
            .all(|l| l.starts_with("warning: the registry will ask")),
        "{err}"
    );
    let built = files(&out);
    assert!(built.contains(".well-known/security.txt"), "{built:?}");
    assert!(built.contains("docs/report.docx"), "{built:?}");
    for bad in [
        ".htaccess",
        "docs/.secret.pdf",
        "docs/~$report.docx",
        "docs/.~lock.report.docx#",
        "docs/Thumbs.db",
        "docs/desktop.ini",
        "__MACOSX/docs/._report.docx",
        "draft/index.html",
        ".git/config",
    ] {
        assert!(!built.contains(bad), "{bad} was published: {built:?}");
    }
    // The output's repository is the one that was there, untouched.
    assert_eq!(
        fs::read_to_string(out.join(".git/HEAD")).unwrap(),
        "ref: refs/heads/gh-pages\n"
    );
    assert!(!out.join(".git/config").exists());
    let siblings: Vec<String> = fs::read_dir(site.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("candour"))
        .collect();
    assert!(siblings.is_empty(), "{siblings:?}");

    // `check` names each one in a note, and says why.
    let o = run(&["check"], site.path());
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    for (path, why) in [
        ("content/static/.git", "hidden folder"),
        ("content/static/.htaccess", "hidden files"),
        (
            "content/static/docs/~$report.docx",
            "Microsoft Office owner file",
        ),
        ("content/static/docs/.~lock.report.docx#", "hidden files"),
        ("content/static/docs/Thumbs.db", "Windows"),
        ("content/static/docs/desktop.ini", "Windows"),
        ("content/pages/._about.md", "hidden files"),
        ("content/pages/about.md~", "backup"),
        ("content/static/__MACOSX", "operating system"),
    ] {
        let note = err
            .split("\n\n")
            .find(|block| {
                block.contains(&format!("--> {path}\n")) || block.ends_with(&format!("--> {path}"))
            })
            .unwrap_or_else(|| panic!("no note for {path}: {err}"));
        assert!(
            note.starts_with("note: ") && note.contains(why),
            "{path}: {note}"
        );
    }
    assert!(!err.contains("content/static/.git/HEAD"), "{err}");
}

#[test]
fn names_with_line_breaks_are_refused_before_anything_is_written() {
    let site = example_copy();
    let dir = site.path().join("content/static/files");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("report\n2021.pdf"), b"%PDF").unwrap();
    let o = run(&["build"], site.path());
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/static/files/report?2021.pdf")
            && err.contains("line break or another control character"),
        "{err}"
    );
    assert!(!site.path().join("public").exists());
    // Renamed, the site builds, and builds again over its own output.
    fs::rename(dir.join("report\n2021.pdf"), dir.join("report 2021.pdf")).unwrap();
    for _ in 0..2 {
        let o = run(&["build"], site.path());
        assert!(o.status.success(), "{}", stderr(&o));
    }
}

#[test]
fn a_killed_build_is_cleaned_up_by_the_next_one() {
    let site = example_copy();
    let root = site.path();
    assert!(run(&["build"], root).status.success());
    let out = root.join("public");
    // What a build killed half-way leaves: its staging folder, and one killed between the
    // two renames: the old output moved aside and no output at all.
    let staging = root.join(".public.candour-new-999999");
    fs::create_dir_all(staging.join("statements")).unwrap();
    fs::write(staging.join("statements/index.html"), "half").unwrap();
    fs::rename(&out, root.join(".public.candour-old-999998")).unwrap();
    // Folders that only look like candour's are not touched.
    fs::create_dir_all(root.join(".public.candour-new-mine")).unwrap();
    fs::create_dir_all(root.join("public.candour-new-1")).unwrap();
    let o = run(&["build"], root);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("index.html").exists());
    assert!(!staging.exists());
    assert!(!root.join(".public.candour-old-999998").exists());
    assert!(root.join(".public.candour-new-mine").exists());
    assert!(root.join("public.candour-new-1").exists());
}

/// Mounts a fresh tmpfs at `dir` and builds into it, in a private mount namespace when the
/// machine allows one (so nothing is left mounted), else with plain `mount`.
#[test]
fn a_mount_point_as_the_output_is_refused_before_anything_is_written() {
    let site = example_copy();
    let out = site.path().join("public");
    fs::create_dir_all(&out).unwrap();
    let script = format!(
        "mount -t tmpfs candour-test {out} && cd {root} && {bin} build --out {out}; code=$?; ls -A {out}; exit $code",
        out = out.display(),
        root = site.path().display(),
        bin = BIN,
    );
    let namespaced = Command::new("unshare")
        .args(["-rm", "sh", "-c", &script])
        .output();
    let o = match namespaced {
        Ok(o) if !String::from_utf8_lossy(&o.stderr).contains("mount:") => o,
        _ => {
            let o = Command::new("sh").args(["-c", &script]).output().unwrap();
            let _ = Command::new("umount").arg(&out).status();
            o
        }
    };
    let err = stderr(&o);
    assert!(
        !err.contains("mount:") && !err.contains("unshare:"),
        "this test needs to mount a tmpfs (root, or unprivileged user namespaces): {err}"
    );
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("is a mount point"), "{err}");
    // Nothing was written into it, and no staging folder was left beside it.
    assert!(String::from_utf8_lossy(&o.stdout).trim().is_empty());
    let leftovers: Vec<String> = fs::read_dir(site.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("candour"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn concurrent_builds_of_one_output_take_turns() {
    let site = example_copy();
    let children: Vec<_> = (0..3)
        .map(|_| {
            Command::new(BIN)
                .arg("build")
                .current_dir(site.path())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert!(site.path().join("public/index.html").exists());
    let leftovers: Vec<String> = fs::read_dir(site.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("candour"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
