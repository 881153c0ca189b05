//! What the integration tests and benchmarks share: the repository, and copies of its sites.

#![allow(dead_code)]

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the example site's `content/` in a temporary folder: with the theme's own
/// words, not the demonstration's (`i18n/`), so tests read the sentences every site gets.
pub fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("content"), &dir.path().join("content"));
    dir
}

/// A copy of the whole example site, its own words (`i18n/`) included: the pages as the
/// demonstration publishes them.
pub fn example_site_copy() -> tempfile::TempDir {
    let dir = example_copy();
    copy_dir(&repo().join("i18n"), &dir.path().join("i18n"));
    dir
}

/// A running `candour serve`, stopped when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    /// What it printed after its address, line by line (kept, so it never blocks writing).
    pub log: std::sync::mpsc::Receiver<String>,
}

impl Server {
    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `candour serve` (the binary `bin`) as the README says to: in the site's folder
/// `root`, with no `--root`, on a free loopback port. Its port is read from the address it
/// prints, since it moves to the next port if that one is taken.
pub fn start_serve(bin: &str, root: &Path) -> Server {
    start_serve_in(bin, root, &[])
}

/// Starts `candour serve` in the folder `cwd` with more arguments (such as `--root ..`).
// The child is killed and waited for when the `Server` is dropped.
#[allow(clippy::zombie_processes)]
pub fn start_serve_in(bin: &str, cwd: &Path, args: &[&str]) -> Server {
    let free = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(bin)
        .current_dir(cwd)
        .args(["serve", "--port", &free.to_string()])
        .args(args)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut said = Vec::new();
    while Instant::now() < deadline {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(100)) {
            if let Some(rest) = line.split(" at http://127.0.0.1:").nth(1) {
                let port = rest.split('/').next().unwrap().parse().unwrap();
                return Server {
                    child,
                    port,
                    log: rx,
                };
            }
            said.push(line);
        }
    }
    panic!("candour serve did not start: {}", said.join("\n"));
}

/// The snapshot files of one family (`tests/snapshots/{binary}__{prefix}*.snap`): fails for
/// any that the test owning the family did not just assert, so a snapshot whose case was
/// removed or renamed cannot linger. `made` holds the names given to `assert_snapshot!`.
/// Every family is listed in `tests/snapshot_files.rs`, which fails for any other file.
pub fn only_these_snapshots(binary: &str, prefix: &str, made: &[String]) {
    let start = format!("{binary}__{prefix}");
    let mut orphans = Vec::new();
    for entry in fs::read_dir(repo().join("tests/snapshots")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(snapshot) = name
            .strip_suffix(".snap")
            .and_then(|n| n.strip_prefix(&format!("{binary}__")))
            && name.starts_with(&start)
            && !made.iter().any(|m| m == snapshot)
        {
            orphans.push(name);
        }
    }
    assert!(
        orphans.is_empty(),
        "snapshot files no test makes any more (delete them, or restore their cases): {orphans:?}"
    );
}

/// One HTTP/1.1 GET to the dev server on `port` with the `Host` header `host`; returns the
/// status and the body.
pub fn request(port: u16, target: &str, host: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// Runs the candour binary of the test crate in `dir` (the README way: the site's folder, no
/// `--root`), without colour, and waits for it.
pub fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_candour"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("candour runs")
}

/// What a command printed on standard output.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// What a command printed on standard error.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
