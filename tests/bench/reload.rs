//! Edit-to-reload benchmark for `candour serve`.
//!
//! Run with `cargo bench --bench reload`. For the example site and synthetic sites of
//! `CANDOUR_BENCH_PAGES` pages (default `1000,10000`), it starts the server with default
//! settings, then makes each kind of edit 15 times (a sentence added to a Markdown page; an
//! indicator's title changed in `kpis.yaml`; a comment added to a copy of the theme's
//! `kpi.html` in `templates/`, the base binary's own when `CANDOUR_BENCH_BASE_THEME` names
//! it) and measures, from the write: the reload event reaching a client already waiting on
//! the live-reload endpoint, and the new text being served. It prints the median and the
//! worst of each.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};
use std::{fs, thread};

#[path = "../common/mod.rs"]
mod common;
#[path = "synthetic.rs"]
mod synthetic;

const BIN: &str = env!("CARGO_BIN_EXE_candour");
const EDITS: usize = 15;

fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scratch = synthetic::scratch();
    let sizes = synthetic::sizes();
    println!(
        "{:<28} {:>14} {:>14} {:>14} {:>14}",
        "site, edit", "event median", "event worst", "page median", "page worst"
    );
    let bins = synthetic::binaries(BIN);
    let example = tempfile::tempdir_in(&scratch).unwrap();
    common::copy_dir(&repo.join("content"), &example.path().join("content"));
    for (name, bin) in &bins {
        run(
            bin,
            &label("example", name, bins.len()),
            example.path(),
            &edits(
                &theme(repo, name),
                "content/pages/about.md",
                "/about/",
                "supply-chain-risk-assessment",
            ),
        );
    }
    for n in sizes {
        let dir = tempfile::tempdir_in(&scratch).unwrap();
        synthetic::generate(dir.path(), n);
        for (name, bin) in &bins {
            run(
                bin,
                &label(&format!("synthetic {n}"), name, bins.len()),
                dir.path(),
                &edits(
                    &theme(repo, name),
                    "content/pages/page-7.md",
                    "/page-7/",
                    "kpi-7",
                ),
            );
        }
    }
}

/// `example`, or `example (base)` when two binaries are compared.
fn label(site: &str, bin: &str, bins: usize) -> String {
    if bins > 1 {
        format!("{site} ({bin})")
    } else {
        site.to_string()
    }
}

/// The default theme of the binary `bin` (`base` or `head`), whose `kpi.html` the template
/// edit copies into the site: the working tree's, or for the base binary the earlier
/// commit's (`CANDOUR_BENCH_BASE_THEME`, set by `tests/bench/compare`), since a template of
/// one commit may use words or fields the other's candour does not have.
fn theme(repo: &Path, bin: &str) -> std::path::PathBuf {
    match std::env::var_os("CANDOUR_BENCH_BASE_THEME") {
        Some(dir) if bin == "base" => dir.into(),
        _ => repo.join("themes/default"),
    }
}

/// Makes the edited text from the original and a marker.
type Make = Box<dyn Fn(&str, &str) -> String>;

/// One kind of edit: the file, the page that shows it, and the edit.
struct Edit {
    what: &'static str,
    file: String,
    url: String,
    original: Option<String>,
    make: Make,
}

fn edits(theme: &Path, page: &str, page_url: &str, kpi: &str) -> Vec<Edit> {
    let theme = fs::read_to_string(theme.join("templates/kpi.html")).unwrap();
    vec![
        Edit {
            what: "page",
            file: page.into(),
            url: page_url.into(),
            original: None,
            make: Box::new(|text, marker| format!("{text}\n{marker}\n")),
        },
        Edit {
            what: "data",
            file: "content/data/kpis.yaml".into(),
            url: format!("/performance/{kpi}/"),
            original: None,
            make: Box::new({
                let id = format!("id: {kpi}\n    title: ");
                move |text, marker| text.replacen(&id, &format!("{id}{marker} "), 1)
            }),
        },
        Edit {
            what: "template",
            file: "templates/kpi.html".into(),
            url: format!("/performance/{kpi}/"),
            original: Some(theme),
            make: Box::new(|text, marker| {
                text.replacen(
                    "{% block content %}",
                    &format!("{{% block content %}}<!-- {marker} -->"),
                    1,
                )
            }),
        },
    ]
}

fn run(bin: &str, label: &str, root: &Path, edits: &[Edit]) {
    let server = common::start_serve(bin, root);
    let port = server.port;
    for edit in edits {
        let path = root.join(&edit.file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let original = match &edit.original {
            Some(text) => text.clone(),
            None => fs::read_to_string(&path).unwrap(),
        };
        let mut events = Vec::new();
        let mut pages = Vec::new();
        for i in 0..EDITS {
            // Let the previous save's events settle, then wait from the current generation.
            thread::sleep(Duration::from_millis(300));
            let since = poll(port, None);
            let waiter = thread::spawn(move || {
                let g = poll(port, Some(since));
                (g, Instant::now())
            });
            thread::sleep(Duration::from_millis(100));
            let marker = format!("Benchmark edit {i}.");
            let text = (edit.make)(&original, &marker);
            assert_ne!(
                text, original,
                "{label}: the {} edit changes nothing",
                edit.what
            );
            let started = Instant::now();
            fs::write(&path, text).unwrap();
            let (_, at) = waiter.join().unwrap();
            events.push(at.duration_since(started).as_secs_f64() * 1000.0);
            let deadline = Instant::now() + Duration::from_secs(30);
            loop {
                if get(port, &edit.url).contains(&marker) {
                    pages.push(started.elapsed().as_secs_f64() * 1000.0);
                    break;
                }
                assert!(Instant::now() < deadline, "{label}: edit never served");
                thread::sleep(Duration::from_micros(200));
            }
        }
        // Leave the site as it was, for the next edit and the next binary.
        match &edit.original {
            Some(_) => fs::remove_file(&path).unwrap(),
            None => fs::write(&path, &original).unwrap(),
        }
        let (em, ew) = stats(&mut events);
        let (pm, pw) = stats(&mut pages);
        let name = format!("{label}, {}", edit.what);
        println!("{name:<28} {em:>11.1} ms {ew:>11.1} ms {pm:>11.1} ms {pw:>11.1} ms");
    }
    drop(server);
}

fn stats(v: &mut [f64]) -> (f64, f64) {
    v.sort_by(f64::total_cmp);
    (v[v.len() / 2], v[v.len() - 1])
}

fn get(port: u16, target: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut body = String::new();
    let _ = s.read_to_string(&mut body);
    body
}

/// The current generation, or the next one after `since`.
fn poll(port: u16, since: Option<u64>) -> u64 {
    let target = match since {
        Some(g) => format!("/__candour/poll?since={g}"),
        None => "/__candour/poll".into(),
    };
    let body = get(port, &target);
    body.rsplit("\"generation\":")
        .next()
        .and_then(|t| t.trim_end_matches(['}', '\n']).parse().ok())
        .unwrap_or(0)
}
