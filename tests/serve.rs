//! `candour serve` through the real binary on a free loopback port: pages, live reload,
//! the error overlay, saves by rename, deletions, and requests that must be refused.

mod common;
use common::{Server, copy_dir, example_copy, repo, request, start_serve, start_serve_in};

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use candour::check::config::Overrides;
use candour::diagnostic::Diagnostic;
use candour::render::{Body, Memory};
use candour::serve::workspace::Workspace;

fn start(root: &Path) -> Server {
    start_serve(env!("CARGO_BIN_EXE_candour"), root)
}

fn get(server: &Server, path: &str) -> (u16, String) {
    request(server.port, path, &format!("127.0.0.1:{}", server.port))
}

fn generation(html: &str) -> u64 {
    let at = html
        .find("data-generation=\"")
        .expect("reload script injected")
        + "data-generation=\"".len();
    html[at..].split('"').next().unwrap().parse().unwrap()
}

/// Waits, as the browser's script does, until the server reports a newer generation.
fn wait_for_reload(server: &Server, since: u64) -> u64 {
    let (status, body) = get(server, &format!("/__candour/poll?since={since}"));
    assert_eq!(status, 200);
    let generation: u64 = body
        .trim_start_matches("{\"generation\":")
        .trim_end_matches('}')
        .parse()
        .unwrap();
    assert!(generation > since, "no reload event: {body}");
    generation
}

/// Follows reload events until `path` shows (or, with `present` false, stops showing) `text`.
/// A save can arrive as several file events, so the first reload may show a half-written file.
fn reload_until(server: &Server, mut since: u64, path: &str, text: &str, present: bool) -> u64 {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        since = wait_for_reload(server, since);
        if get(server, path).1.contains(text) == present {
            return since;
        }
        assert!(
            Instant::now() < deadline,
            "{path} never {} {text}",
            if present { "showed" } else { "stopped showing" }
        );
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} not in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn pages_are_served_with_the_reload_script_and_edits_reload() {
    let site = example_copy();
    let server = start(site.path());
    let (status, home) = get(&server, "/");
    assert_eq!(status, 200);
    assert!(home.contains("<script src=\"/__candour/reload.js\""));
    let (status, js) = get(&server, "/__candour/reload.js");
    assert_eq!(status, 200);
    assert!(js.contains("location.reload"));

    // A Markdown page.
    let g = generation(&get(&server, "/about/").1);
    edit(
        &site.path().join("content/pages/about.md"),
        "## What this site is",
        "## What this site is\n\nFreshly edited paragraph.",
    );
    let g = wait_for_reload(&server, g);
    assert!(
        get(&server, "/about/")
            .1
            .contains("Freshly edited paragraph.")
    );

    // A data file.
    edit(
        &site.path().join("content/data/training.yaml"),
        "title: ",
        "title: Renamed course ",
    );
    let g = reload_until(&server, g, "/training/", "Renamed course", true);

    // A template override.
    fs::create_dir_all(site.path().join("templates")).unwrap();
    fs::write(site.path().join("templates/404.html"), "{% extends \"base.html\" %}{% block content %}<h1>Lost? Custom template</h1>{% endblock %}").unwrap();
    let g = reload_until(&server, g, "/no-such-page/", "Custom template", true);
    let (status, body) = get(&server, "/no-such-page/");
    assert_eq!(status, 404);
    assert!(body.contains("Custom template"), "{body}");
    // templates/ did not exist when the server started; it is watched now it does.
    edit(
        &site.path().join("templates/404.html"),
        "Custom template",
        "Custom template, edited",
    );
    let g = reload_until(
        &server,
        g,
        "/no-such-page/",
        "Custom template, edited",
        true,
    );

    // An invalid edit: overlay with the diagnostic, last good page underneath; the fix clears it.
    let about = site.path().join("content/pages/about.md");
    edit(&about, "title: About this site", "titel: About this site");
    let g = reload_until(&server, g, "/about/", "unknown field `titel`", true);
    let (_, page) = get(&server, "/about/");
    assert!(page.contains("candour-overlay"), "{page}");
    assert!(
        page.contains("unknown field `titel`") && page.contains("content/pages/about.md:2:1"),
        "{page}"
    );
    assert!(page.contains("Freshly edited paragraph."));
    edit(&about, "titel: About this site", "title: About this site");
    reload_until(&server, g, "/about/", "candour-overlay", false);
}

/// The other tests start the server as the README says: in the site's folder, no `--root`.
/// Every other way of naming the folder must see edits too (file events name absolute,
/// resolved paths, which a root such as `.` or `../site` does not prefix as written).
#[test]
fn every_spelling_of_the_root_sees_edits() {
    let outer = tempfile::tempdir().unwrap();
    let outer = outer.path();
    let site = outer.join("site");
    copy_dir(&repo().join("content"), &site.join("content"));
    fs::create_dir_all(site.join("notes")).unwrap();
    fs::create_dir_all(outer.join("elsewhere")).unwrap();
    std::os::unix::fs::symlink(&site, outer.join("link")).unwrap();
    let absolute_link = outer.join("link").to_string_lossy().into_owned();
    let cases: [(&str, &Path, &[&str]); 8] = [
        ("--root .", &site, &["--root", "."]),
        ("--root ./", &site, &["--root", "./"]),
        (
            "--root .. from a subfolder",
            &site.join("notes"),
            &["--root", ".."],
        ),
        ("--root site", outer, &["--root", "site"]),
        (
            "--root ../site",
            &outer.join("elsewhere"),
            &["--root", "../site"],
        ),
        ("--root link (a symbolic link)", outer, &["--root", "link"]),
        ("--root /absolute/link", outer, &["--root", &absolute_link]),
        (
            "in a folder reached through a link",
            &outer.join("link"),
            &[],
        ),
    ];
    let about = site.join("content/pages/about.md");
    for (i, (what, cwd, args)) in cases.into_iter().enumerate() {
        let server = start_serve_in(env!("CARGO_BIN_EXE_candour"), cwd, args);
        let g = generation(&get(&server, "/about/").1);
        let marker = format!("Edit {i} seen with {what}.");
        fs::write(
            &about,
            fs::read_to_string(&about).unwrap() + &format!("\n{marker}\n"),
        )
        .unwrap();
        reload_until(&server, g, "/about/", &marker, true);
    }
}

/// `serve` where there is no site says what to do, as `build` does.
#[test]
fn serve_outside_a_site_gives_the_hint_build_gives() {
    let empty = tempfile::tempdir().unwrap();
    let hint = "hint: run candour in the site's root folder, pass --root, or start a site with `candour init DIR`";
    for command in ["build", "serve"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_candour"))
            .arg(command)
            .current_dir(empty.path())
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{command}: {text}");
        assert!(
            text.contains("there is no content/ folder") && text.contains(hint),
            "{command}: {text}"
        );
    }
}

#[test]
fn saves_by_rename_and_deletions_are_seen() {
    let site = example_copy();
    let server = start(site.path());
    let page = site.path().join("content/pages/contact.md");
    let g = generation(&get(&server, "/contact/").1);
    // Editors often write a temporary file and rename it over the original.
    let text = fs::read_to_string(&page).unwrap() + "\nSaved by rename.\n";
    let temp = site.path().join("content/pages/.contact.md.tmp");
    fs::write(&temp, text).unwrap();
    fs::rename(&temp, &page).unwrap();
    let g = reload_until(&server, g, "/contact/", "Saved by rename.", true);
    // A new page, then its deletion.
    fs::write(
        site.path().join("content/pages/new-page.md"),
        "---\ntitle: Brand new\n---\n\nHello.\n",
    )
    .unwrap();
    let g = reload_until(&server, g, "/new-page/", "Brand new", true);
    fs::remove_file(site.path().join("content/pages/new-page.md")).unwrap();
    reload_until(&server, g, "/new-page/", "Brand new", false);
    assert_eq!(get(&server, "/new-page/").0, 404);
}

/// A branch switch: hundreds of files made, changed and deleted at once, a new folder. Once
/// the server has caught up, every file it serves is the one a clean build makes.
#[test]
fn a_branch_switch_ends_as_a_clean_build() {
    let site = example_copy();
    let root = site.path();
    let server = start(root);
    let pages = root.join("content/pages");
    for i in 0..300 {
        fs::write(
            pages.join(format!("page-{i}.md")),
            format!("---\ntitle: Page {i}\n---\n\nText of page {i}.\n"),
        )
        .unwrap();
    }
    edit(
        &pages.join("about.md"),
        "title: About this site",
        "title: About",
    );
    edit(
        &root.join("content/data/kpis.yaml"),
        "title: ",
        "title: Switched ",
    );
    fs::create_dir_all(root.join("content/static/files")).unwrap();
    fs::write(root.join("content/static/files/a.txt"), "a").unwrap();
    for i in (0..300).step_by(3) {
        fs::remove_file(pages.join(format!("page-{i}.md"))).unwrap();
    }

    let files = until_clean(&server, root, &["page-0/index.html"], "a branch switch");
    assert_eq!(
        files.len(),
        51 + 200 + 1,
        "the switch is in the clean build (the example's 51 files, the registry's CSV, JSON and schema among them; 200 pages, a.txt)"
    );
}

/// Waits until the server serves what a clean build of `root` makes: every file of it, the
/// same, and none of `gone` that the build does not make (404). Returns the build's paths.
fn until_clean(server: &Server, root: &Path, gone: &[&str], after: &str) -> BTreeSet<String> {
    let overrides = Overrides {
        base_url: Some(format!("http://127.0.0.1:{}", server.port)),
        // `serve` shows drafts by default.
        drafts: true,
        ..Overrides::default()
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (files, _) = clean(root, &overrides);
        let mut differing = Vec::new();
        for (path, body) in &files {
            let expected = match body {
                Body::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
                Body::Copy(p) => String::from_utf8_lossy(&fs::read(p).unwrap()).into_owned(),
            };
            let (status, served) = get(server, &format!("/{path}"));
            if status != 200 || without_reload_script(&served) != expected {
                differing.push(path.clone());
            }
        }
        for path in gone {
            if !files.contains_key(*path) && get(server, &format!("/{path}")).0 != 404 {
                differing.push(format!("{path} (not in a clean build)"));
            }
        }
        if differing.is_empty() {
            return files.into_keys().collect();
        }
        assert!(
            Instant::now() < deadline,
            "after {after}, still differing from a clean build: {:?}",
            &differing[..differing.len().min(10)]
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Folder-level changes, each in one batch: a static folder replaced by a link (to a folder
/// outside the site holding a `passwd`), by a file, by a folder again, renamed, moved away;
/// `content/static` itself replaced by a link, then gone. After each the server serves what
/// a clean build makes, and nothing else.
#[test]
fn folder_changes_leave_what_a_clean_build_serves() {
    let site = example_copy();
    let root = site.path();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("passwd"), "root:x:0:0 outside the site").unwrap();
    fs::write(outside.path().join("a.txt"), "outside too").unwrap();
    let away = tempfile::tempdir().unwrap();
    let static_dir = root.join("content/static");
    let docs = static_dir.join("docs");
    fs::create_dir_all(&docs).unwrap();
    fs::write(docs.join("passwd"), "public").unwrap();
    fs::write(docs.join("a.txt"), "a").unwrap();
    // Its name alone makes `/docs` a redirect to `/docs/`, whether or not it can be read.
    fs::write(docs.join("index.html"), "<p>Documents</p>").unwrap();
    let server = start(root);
    let mut seen: BTreeSet<String> = until_clean(&server, root, &[], "the start");
    let link = |to: &Path, at: &Path| std::os::unix::fs::symlink(to, at).unwrap();
    type Step<'a> = (&'a str, Box<dyn Fn() + 'a>);
    let steps: Vec<Step> = vec![
        (
            "docs replaced by a link to a folder outside",
            Box::new(|| {
                fs::rename(&docs, away.path().join("docs-1")).unwrap();
                link(outside.path(), &docs);
            }),
        ),
        (
            "the link replaced by a folder",
            Box::new(|| {
                fs::remove_file(&docs).unwrap();
                fs::create_dir(&docs).unwrap();
                fs::write(docs.join("passwd"), "public again").unwrap();
            }),
        ),
        (
            "docs replaced by a file",
            Box::new(|| {
                fs::rename(&docs, away.path().join("docs-2")).unwrap();
                fs::write(&docs, "a file now").unwrap();
            }),
        ),
        (
            "the file replaced by a folder",
            Box::new(|| {
                fs::remove_file(&docs).unwrap();
                fs::create_dir(&docs).unwrap();
                fs::write(docs.join("a.txt"), "a again").unwrap();
            }),
        ),
        (
            "docs renamed",
            Box::new(|| fs::rename(&docs, static_dir.join("papers")).unwrap()),
        ),
        (
            "papers replaced by a link to a folder in the site",
            Box::new(|| {
                fs::create_dir_all(static_dir.join("kept")).unwrap();
                fs::rename(static_dir.join("papers"), static_dir.join("kept/papers")).unwrap();
                link(Path::new("kept/papers"), &static_dir.join("papers"));
            }),
        ),
        (
            "content/static replaced by a link",
            Box::new(|| {
                fs::rename(&static_dir, away.path().join("static")).unwrap();
                link(&away.path().join("static"), &static_dir);
            }),
        ),
        (
            "content/static moved away",
            Box::new(|| fs::remove_file(&static_dir).unwrap()),
        ),
    ];
    for (what, change) in steps {
        change();
        let gone: BTreeSet<&str> = seen
            .iter()
            .map(String::as_str)
            .chain(["docs", "docs/passwd", "papers/a.txt", "passwd"])
            .collect();
        let gone: Vec<&str> = gone.into_iter().collect();
        let now = until_clean(&server, root, &gone, what);
        seen.extend(now);
    }
}

/// Between a folder becoming a link and the rebuild that follows, the last build still names
/// the files that were in it; none of them is read through the link. Requests are made all
/// the while (`--poll` leaves the server a while to notice).
#[test]
fn a_file_behind_a_new_link_is_never_served() {
    let site = example_copy();
    let root = site.path();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("passwd"), "root:x:0:0 outside the site").unwrap();
    let away = tempfile::tempdir().unwrap();
    let static_dir = root.join("content/static");
    let cases: [(&str, &Path); 2] = [
        ("docs/passwd", &static_dir.join("docs")),
        ("passwd", &static_dir),
    ];
    for (i, (file, replaced)) in cases.into_iter().enumerate() {
        fs::create_dir_all(static_dir.join("docs")).unwrap();
        fs::write(static_dir.join(file), "public").unwrap();
        let server = start_serve_in(env!("CARGO_BIN_EXE_candour"), root, &["--poll"]);
        assert_eq!(get(&server, &format!("/{file}")), (200, "public".into()));
        let (port, host) = (server.port, format!("127.0.0.1:{}", server.port));
        let leaked = std::sync::atomic::AtomicBool::new(false);
        let answers = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|scope| {
            scope.spawn(|| {
                let until = Instant::now() + Duration::from_secs(3);
                while Instant::now() < until {
                    let (_, body) = request(port, &format!("/{file}"), &host);
                    if body.contains("outside the site") {
                        leaked.store(true, std::sync::atomic::Ordering::SeqCst);
                    }
                    answers.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                }
            });
            std::thread::sleep(Duration::from_millis(300));
            fs::rename(replaced, away.path().join(format!("moved-{i}"))).unwrap();
            std::os::unix::fs::symlink(outside.path(), replaced).unwrap();
        });
        assert!(
            !leaked.into_inner(),
            "/{file} was served from outside the site through a link"
        );
        assert!(answers.into_inner() > 10);
        assert_eq!(get(&server, &format!("/{file}")).0, 404);
        fs::remove_file(replaced).unwrap();
    }
}

/// One batch that makes a folder and edits a page keeping its size and time: the walk the
/// folder causes reads the page again.
#[test]
fn a_new_folder_and_an_edit_keeping_size_and_time_are_both_seen() {
    let site = example_copy();
    let root = site.path();
    let server = start(root);
    let about = root.join("content/pages/about.md");
    let g = generation(&get(&server, "/about/").1);
    let time = fs::metadata(&about).unwrap().modified().unwrap();
    fs::create_dir_all(root.join("content/static/new")).unwrap();
    fs::write(root.join("content/static/new/a.txt"), "a").unwrap();
    edit(&about, "What this site is", "What THIS site is");
    fs::File::options()
        .write(true)
        .open(&about)
        .unwrap()
        .set_modified(time)
        .unwrap();
    reload_until(&server, g, "/about/", "What THIS site is", true);
    assert_eq!(get(&server, "/new/a.txt"), (200, "a".into()));
}

/// The next line the server logs that starts with `start`.
fn log_line(server: &Server, start: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match server.log.recv_timeout(left) {
            Ok(line) if line.starts_with(start) => return line,
            Ok(_) => {}
            Err(_) => break,
        }
    }
    panic!("the server logged no line starting {start:?}");
}

/// The rebuild log names the sources that changed, never an editor's or a tool's temporary
/// file: `sed -i` writes `sedXXXXXX` beside the file and renames it over, vim writes `4913`
/// and a swap file, and a file made and deleted between two rebuilds was never seen.
#[test]
fn the_rebuild_log_names_sources_only() {
    let site = example_copy();
    let root = site.path();
    fs::create_dir_all(root.join("templates")).unwrap();
    fs::write(
        root.join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>Lost</h1>{% endblock %}",
    )
    .unwrap();
    let server = start(root);
    let sed = |script: &str, file: &str| {
        let status = std::process::Command::new("sed")
            .args(["-i", script, file])
            .current_dir(root)
            .status()
            .unwrap();
        assert!(status.success());
    };
    let cases: [(&str, &dyn Fn()); 4] = [
        ("content/data/training.yaml", &|| {
            sed("s/title: /title: Renamed /", "content/data/training.yaml");
        }),
        ("templates/404.html", &|| {
            sed("s/Lost/Lost here/", "templates/404.html")
        }),
        ("content/pages/about.md", &|| {
            let about = root.join("content/pages/about.md");
            fs::write(root.join("content/pages/4913"), "").unwrap();
            fs::remove_file(root.join("content/pages/4913")).unwrap();
            fs::write(root.join("content/pages/.about.md.swp"), "swap").unwrap();
            fs::write(root.join("content/pages/scratch-1"), "made and gone").unwrap();
            fs::remove_file(root.join("content/pages/scratch-1")).unwrap();
            edit(
                &about,
                "## What this site is",
                "## What this site is\n\nEdited.",
            );
            fs::remove_file(root.join("content/pages/.about.md.swp")).unwrap();
        }),
        ("content/static/new/a.txt", &|| {
            fs::create_dir_all(root.join("content/static/new")).unwrap();
            fs::write(root.join("content/static/new/.a.txt.tmp"), "a").unwrap();
            fs::rename(
                root.join("content/static/new/.a.txt.tmp"),
                root.join("content/static/new/a.txt"),
            )
            .unwrap();
        }),
    ];
    let mut sources: Vec<&str> = Vec::new();
    for (source, change) in cases {
        sources.push(source);
        // Let the last change's events settle into their own batch first.
        std::thread::sleep(Duration::from_millis(400));
        while server.log.try_recv().is_ok() {}
        change();
        // On a loaded machine the last change's events may still come as a batch of their
        // own: a few lines are read until one names this source, each naming sources only.
        let mut found = false;
        for _ in 0..4 {
            let line = log_line(&server, "rebuilt");
            let named = line
                .strip_prefix("rebuilt after ")
                .and_then(|rest| rest.split(": ").next())
                .unwrap_or_default()
                .replace(" and ", ", ");
            // A source, or a new folder it is in (a file made in a folder just made may
            // reach the watcher only as the folder).
            let is = |part: &str, s: &str| part == s || s.starts_with(&format!("{part}/"));
            for part in named.split(", ") {
                assert!(
                    sources.iter().any(|s| is(part, s)) || part.ends_with(" more"),
                    "the log names {part:?}, no source: {line}"
                );
            }
            if named.split(", ").any(|part| is(part, source)) {
                found = true;
                break;
            }
        }
        assert!(found, "{source}: no rebuild named it");
    }
}

/// A served HTML page without the live-reload script the server adds to it.
fn without_reload_script(html: &str) -> String {
    match html.find("<script src=\"/__candour/reload.js\"") {
        Some(at) => {
            let end = html[at..]
                .find("</script>")
                .map_or(html.len(), |e| at + e + 9);
            format!("{}{}", &html[..at], &html[end..])
        }
        None => html.to_string(),
    }
}

#[test]
fn traversal_and_foreign_hosts_are_refused() {
    let site = example_copy();
    fs::create_dir_all(site.path().join("content/static/files")).unwrap();
    fs::write(
        site.path().join("content/static/files/report.txt"),
        "public",
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        "/etc/passwd",
        site.path().join("content/static/files/passwd"),
    )
    .unwrap();
    let server = start(site.path());
    assert_eq!(get(&server, "/files/report.txt").0, 200);
    let root = site.path().to_string_lossy().to_string();
    for target in [
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/files/..%2f..%2f..%2fetc%2fpasswd",
        "/files%5c..%5c..%5cetc%5cpasswd",
        "//etc/passwd",
        "http://127.0.0.1/etc/passwd",
        "/files/report.txt%00.html",
        "/files/passwd",
        "/content/site.yaml",
        "/.candour-manifest",
    ] {
        let (status, body) = get(&server, target);
        assert_eq!(status, 404, "{target}");
        assert!(
            !body.contains(&root) && !body.contains("root:x:0"),
            "{target} leaks: {body}"
        );
    }
    for host in ["evil.example", "evil.example:80", "127.0.0.1.evil.example"] {
        assert_eq!(request(server.port, "/", host).0, 403, "{host}");
    }
    assert_eq!(
        request(server.port, "/", &format!("localhost:{}", server.port)).0,
        200
    );
    // No permissive cross-origin header.
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    write!(stream, "GET / HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nOrigin: http://evil.example\r\nConnection: close\r\n\r\n", server.port).unwrap();
    let mut raw = String::new();
    let _ = stream.read_to_string(&mut raw);
    assert!(
        !raw.to_ascii_lowercase()
            .contains("access-control-allow-origin")
    );
}

/// Sends `text` as it is and returns the whole answer.
fn raw(port: u16, text: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(text.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

/// Requests whose Host is missing or said twice get 400, whatever the values: a browser or a
/// proxy may have used either one.
#[test]
fn requests_without_exactly_one_host_are_refused() {
    let site = example_copy();
    let server = start(site.path());
    let port = server.port;
    let ok = format!("127.0.0.1:{port}");
    let cases = [
        format!("GET / HTTP/1.1\r\nHost: {ok}\r\nHost: {ok}\r\nConnection: close\r\n\r\n"),
        format!("GET / HTTP/1.1\r\nHost: {ok}\r\nHost: evil.example\r\nConnection: close\r\n\r\n"),
        format!("GET / HTTP/1.1\r\nHost: evil.example\r\nHost: {ok}\r\nConnection: close\r\n\r\n"),
        format!(
            "GET / HTTP/1.1\r\nHost: {ok}\r\nhost: localhost:{port}\r\nConnection: close\r\n\r\n"
        ),
        "GET / HTTP/1.1\r\nConnection: close\r\n\r\n".to_string(),
        "GET / HTTP/1.0\r\n\r\n".to_string(),
    ];
    for case in &cases {
        let answer = raw(port, case);
        let status = answer.lines().next().unwrap_or_default();
        assert!(
            status.starts_with("HTTP/1.") && status.contains(" 400 "),
            "{case:?} got {answer}"
        );
        assert!(!answer.contains("__candour"), "{case:?} got a page");
    }
    let answer = raw(
        port,
        &format!("GET / HTTP/1.1\r\nHost: {ok}\r\nConnection: close\r\n\r\n"),
    );
    assert!(answer.starts_with("HTTP/1.1 200 "), "{answer}");
}

/// Clients that ask for a large file, or for page after page on one connection, and never
/// read the answers must not hold back anyone else's request.
#[test]
fn stuck_readers_do_not_hold_back_other_requests() {
    let site = example_copy();
    fs::create_dir_all(site.path().join("content/static")).unwrap();
    fs::write(
        site.path().join("content/static/big.bin"),
        vec![b'x'; 16 << 20],
    )
    .unwrap();
    let server = start(site.path());
    let port = server.port;
    let host = format!("127.0.0.1:{port}");
    let mut stuck = Vec::new();
    for _ in 0..60 {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(stream, "GET /big.bin HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
        stuck.push(stream);
    }
    for _ in 0..4 {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        for _ in 0..20 {
            write!(stream, "GET /big.bin HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
        }
        stuck.push(stream);
    }
    std::thread::sleep(Duration::from_millis(500));
    for _ in 0..3 {
        let started = Instant::now();
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(2)))
            .unwrap();
        write!(
            stream,
            "GET /contact/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let answer = String::from_utf8_lossy(&answer);
        assert!(
            answer.starts_with("HTTP/1.1 200 ")
                && answer.contains("</html>")
                && started.elapsed() < Duration::from_secs(2),
            "with 64 stuck clients, a request got {:?} after {:?}",
            answer.lines().next(),
            started.elapsed()
        );
    }
    // Nothing waits for ever on them: a write that blocks gives up after five seconds, and
    // the connection then gets no more answers. A client that starts reading after that gets
    // what was already on its way and no more, where one that was still being waited for
    // would get the whole file.
    std::thread::sleep(Duration::from_secs(15));
    let whole = 16 << 20;
    let readers: Vec<_> = stuck
        .drain(..60)
        .map(|mut stream| {
            std::thread::spawn(move || {
                stream
                    .set_read_timeout(Some(Duration::from_secs(2)))
                    .unwrap();
                let mut got = 0;
                let mut buffer = vec![0; 1 << 20];
                while let Ok(n @ 1..) = stream.read(&mut buffer) {
                    got += n;
                }
                got
            })
        })
        .collect();
    let given_up = readers
        .into_iter()
        .map(|r| r.join().unwrap())
        .filter(|got| *got < whole)
        .count();
    assert!(
        given_up >= 50,
        "only {given_up} of 60 clients that stopped reading were given up"
    );
    drop(stuck);
}

/// `/statements` is sent on to `/statements/` with its query string.
#[test]
fn a_redirect_to_the_folder_keeps_the_query() {
    let site = example_copy();
    let server = start(site.path());
    let port = server.port;
    for (target, location) in [
        (
            "/statements?year=2019&x=%20y",
            "/statements/?year=2019&x=%20y",
        ),
        ("/statements?", "/statements/?"),
        ("/statements", "/statements/"),
        ("/statements/2019-20?a=b", "/statements/2019-20/?a=b"),
    ] {
        let answer = raw(
            port,
            &format!(
                "GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
            ),
        );
        assert!(answer.starts_with("HTTP/1.1 301 "), "{target}: {answer}");
        let found = answer
            .lines()
            .find_map(|l| l.strip_prefix("Location: "))
            .unwrap_or_default();
        assert_eq!(found, location, "{target}");
    }
}

/// One answer read from a connection: its head (status line and headers) and its body, as
/// long as its Content-Length says (none after a HEAD request). `None` if the connection
/// ended or timed out first.
fn answer(reader: &mut impl BufRead, head: bool) -> Option<(String, Vec<u8>)> {
    let mut text = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        text.push_str(&line);
        if line == "\r\n" {
            break;
        }
    }
    let length = text
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<usize>().unwrap())
        })
        .expect("every answer has a Content-Length");
    let mut body = vec![0; if head { 0 } else { length }];
    reader.read_exact(&mut body).ok()?;
    Some((text, body))
}

/// How long after `since` the server closed `stream` (read as it comes), or `None` if it
/// was still open `limit` after `since`.
fn closed_after(stream: &TcpStream, since: Instant, limit: Duration) -> Option<Duration> {
    let mut buffer = [0; 4096];
    loop {
        let left = limit.checked_sub(since.elapsed())?;
        stream
            .set_read_timeout(Some(left.max(Duration::from_millis(1))))
            .unwrap();
        match (&*stream).read(&mut buffer) {
            Ok(0) => return Some(since.elapsed()),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {
                return Some(since.elapsed());
            }
            Err(_) => return None,
        }
    }
}

/// Browsers open sockets before they know what to ask (preconnect), several at once, and
/// keep up to six per host: eight connections that reach the server together, each then
/// asking for a file, are all answered at once. The server is held on one core and stopped
/// while they are opened, so that they arrive in one burst, as on a busy machine; tiny_http's
/// thread pool queued all but four of them behind connections held open. A fresh server
/// each round, as the pool's first threads were the ones that hung.
#[test]
fn connections_that_arrive_together_are_all_answered() {
    let site = example_copy();
    let run = |command: &str, args: &[&str]| {
        let out = std::process::Command::new(command)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{command} {args:?}: {out:?}");
    };
    for round in 0..3 {
        let server = start(site.path());
        let (port, pid) = (server.port, server.pid().to_string());
        run("taskset", &["-a", "-p", "-c", "0", &pid]);
        run("kill", &["-STOP", &pid]);
        let streams: Vec<TcpStream> = (0..8)
            .map(|_| {
                let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
                write!(
                    stream,
                    "GET /theme/style.css HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
                )
                .unwrap();
                stream
            })
            .collect();
        run("kill", &["-CONT", &pid]);
        let started = Instant::now();
        // Every connection stays open until all have been read: one closed frees its thread.
        let mut answered = 0;
        for stream in &streams {
            let left = Duration::from_secs(2).saturating_sub(started.elapsed());
            stream
                .set_read_timeout(Some(left.max(Duration::from_millis(1))))
                .unwrap();
            if let Some((head, body)) = answer(&mut BufReader::new(stream), false)
                && head.starts_with("HTTP/1.1 200 ")
                && String::from_utf8_lossy(&body).contains("body")
            {
                answered += 1;
            }
        }
        assert_eq!(
            answered, 8,
            "round {round}: of 8 connections, answered in 2 s"
        );
    }
}

/// Connections opened and left idle (more than the server runs at once) do not stop a new
/// request being answered: the one idle longest is closed to make room.
#[test]
fn idle_connections_do_not_stop_new_requests() {
    let site = example_copy();
    let server = start(site.path());
    let port = server.port;
    let idle: Vec<TcpStream> = (0..300)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    for _ in 0..3 {
        let started = Instant::now();
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(2)))
            .unwrap();
        write!(
            stream,
            "GET /contact/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
        )
        .unwrap();
        let got = answer(&mut BufReader::new(stream), false);
        assert!(
            got.as_ref()
                .is_some_and(|(head, _)| head.starts_with("HTTP/1.1 200 "))
                && started.elapsed() < Duration::from_secs(2),
            "with 300 idle connections, a request got {:?} after {:?}",
            got.map(|(head, _)| head),
            started.elapsed()
        );
    }
    drop(idle);
}

/// Clients that send their request a byte a second (slowloris) hold up no one else, and are
/// cut off once a request head has taken its bound (10 s).
#[test]
fn slow_request_heads_hold_up_no_one_and_are_cut_off() {
    let site = example_copy();
    let server = start(site.path());
    let port = server.port;
    let head = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");
    let slow: Vec<_> = (0..8)
        .map(|_| {
            let started = Instant::now();
            let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
            let reader = stream.try_clone().unwrap();
            let head = head.clone();
            std::thread::spawn(move || {
                // Never the whole head: at most 30 of its bytes, then it waits.
                for byte in head.bytes().take(30) {
                    if stream.write_all(&[byte]).is_err() {
                        break;
                    }
                    std::thread::sleep(Duration::from_secs(1));
                }
            });
            std::thread::spawn(move || closed_after(&reader, started, Duration::from_secs(25)))
        })
        .collect();
    std::thread::sleep(Duration::from_secs(2));
    for _ in 0..3 {
        let started = Instant::now();
        let (status, body) = get(&server, "/contact/");
        assert!(
            status == 200 && body.contains("</html>") && started.elapsed() < Duration::from_secs(2),
            "with 8 slow clients, a request got {status} after {:?}",
            started.elapsed()
        );
    }
    for closed in slow {
        let closed = closed.join().unwrap();
        assert!(
            closed.is_some_and(|t| t >= Duration::from_secs(9) && t <= Duration::from_secs(15)),
            "a client sending a byte a second was closed after {closed:?}, not about 10 s"
        );
    }
}

/// Over the number of connections served at once, none of them idle, a new connection is
/// answered 503 at once rather than left waiting; room made again, it is served.
#[test]
fn connections_over_the_bound_are_refused_at_once() {
    let site = example_copy();
    let server = start(site.path());
    let port = server.port;
    let busy: Vec<TcpStream> = (0..256)
        .map(|_| {
            let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
            stream.write_all(b"GET / HTTP/1.1\r\n").unwrap();
            stream
        })
        .collect();
    std::thread::sleep(Duration::from_secs(1));
    let started = Instant::now();
    let refused = raw(
        port,
        &format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"),
    );
    assert!(
        refused.starts_with("HTTP/1.1 503 ") && started.elapsed() < Duration::from_secs(2),
        "over the bound, a request got {:?} after {:?}",
        refused.lines().next(),
        started.elapsed()
    );
    let (head, body) = refused.split_once("\r\n\r\n").unwrap();
    assert!(
        head.contains(&format!("\r\nContent-Length: {}\r\n", body.len())),
        "{refused}"
    );
    drop(busy);
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(get(&server, "/contact/").0, 200);
}

/// An accept error (here: too many open files) is said once and waited out; the server
/// goes on answering once it has file descriptors again.
#[test]
fn accept_errors_do_not_stop_the_server() {
    let site = example_copy();
    let wrapper = site.path().join("candour-64-files");
    fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nulimit -n 64\nexec '{}' \"$@\"\n",
            env!("CARGO_BIN_EXE_candour")
        ),
    )
    .unwrap();
    fs::set_permissions(&wrapper, fs::Permissions::from_mode(0o755)).unwrap();
    let server = start_serve_in(wrapper.to_str().unwrap(), site.path(), &[]);
    let port = server.port;
    let many: Vec<TcpStream> = (0..80)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(1500));
    let said: Vec<String> = server.log.try_iter().collect();
    drop(many);
    std::thread::sleep(Duration::from_millis(500));
    let started = Instant::now();
    let answer = TcpStream::connect(("127.0.0.1", port)).map(|mut stream| {
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let _ = write!(
            stream,
            "GET /contact/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        );
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        answer
    });
    assert!(
        answer
            .as_ref()
            .is_ok_and(|a| a.starts_with("HTTP/1.1 200 ") && a.contains("</html>")),
        "after running out of file descriptors, a request got {:?} after {:?}",
        answer.map(|a| a.lines().next().map(str::to_string)),
        started.elapsed()
    );
    let accept_errors = said.iter().filter(|l| l.contains("cannot accept")).count();
    assert_eq!(accept_errors, 1, "the accept error said once: {said:?}");
}

/// HEAD is answered with the headers GET would have, Content-Length included, and no body;
/// the next answer on the connection follows straight after.
#[test]
fn head_requests_get_headers_only() {
    let site = example_copy();
    let server = start(site.path());
    let port = server.port;
    for target in ["/theme/style.css", "/about/", "/no-such-page/"] {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        write!(
            stream,
            "HEAD {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n\
             GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let (head, _) = answer(&mut reader, true).expect("an answer to HEAD");
        let (get_head, body) = answer(&mut reader, false).expect("an answer to GET");
        let mut rest = Vec::new();
        let _ = reader.read_to_end(&mut rest);
        assert!(rest.is_empty(), "{target}: more after the GET: {rest:?}");
        let length = |h: &str| {
            h.lines()
                .find(|l| l.starts_with("Content-Length:"))
                .map(str::to_string)
        };
        assert_eq!(head.lines().next(), get_head.lines().next(), "{target}");
        assert_eq!(length(&head), length(&get_head), "{target}");
        assert_eq!(
            length(&get_head),
            Some(format!("Content-Length: {}", body.len()))
        );
    }
}

/// Only GET and HEAD are served; other methods get 405, and a request with a body gets 413
/// (or 400 for a chunked one), each on a connection then closed.
#[test]
fn other_methods_and_request_bodies_are_refused() {
    let site = example_copy();
    let server = start(site.path());
    let port = server.port;
    let host = format!("127.0.0.1:{port}");
    let cases = [
        (
            format!("POST / HTTP/1.1\r\nHost: {host}\r\nContent-Length: 3\r\n\r\na=b"),
            "405",
        ),
        (
            format!("PUT /about/ HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\n\r\n"),
            "405",
        ),
        (
            format!("DELETE /about/ HTTP/1.1\r\nHost: {host}\r\n\r\n"),
            "405",
        ),
        (format!("OPTIONS * HTTP/1.1\r\nHost: {host}\r\n\r\n"), "405"),
        (
            format!("GET / HTTP/1.1\r\nHost: {host}\r\nContent-Length: 5\r\n\r\nhello"),
            "413",
        ),
        (
            format!(
                "GET / HTTP/1.1\r\nHost: {host}\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
            ),
            "400",
        ),
    ];
    for (case, status) in &cases {
        let started = Instant::now();
        let answer = raw(port, case);
        assert!(
            answer.starts_with(&format!("HTTP/1.1 {status} "))
                && started.elapsed() < Duration::from_secs(3),
            "{case:?} got {:?} after {:?} (the connection must close)",
            answer.lines().next(),
            started.elapsed()
        );
        assert!(!answer.contains("</html>"), "{case:?} got a page");
        if *status == "405" {
            assert!(answer.contains("\r\nAllow: GET, HEAD\r\n"), "{answer}");
        }
    }
}

/// A request head over 16 KiB, or with too many header lines, is refused (431) and the
/// connection closed.
#[test]
fn oversized_request_heads_are_refused() {
    let site = example_copy();
    let server = start(site.path());
    let port = server.port;
    let host = format!("127.0.0.1:{port}");
    let long = "a".repeat(20 << 10);
    let many: String = (0..200).map(|i| format!("X-Header-{i}: {i}\r\n")).collect();
    for case in [
        format!("GET / HTTP/1.1\r\nHost: {host}\r\nX-Long: {long}\r\n\r\n"),
        format!("GET / HTTP/1.1\r\nHost: {host}\r\n{many}\r\n"),
    ] {
        let started = Instant::now();
        let answer = raw(port, &case);
        let status = answer.lines().next().unwrap_or_default();
        assert!(
            (status.starts_with("HTTP/1.1 431 ") || status.starts_with("HTTP/1.1 400 "))
                && started.elapsed() < Duration::from_secs(3),
            "a {}-byte head got {status:?} after {:?}",
            case.len(),
            started.elapsed()
        );
    }
}

/// Keep-alive: requests sent together on one connection are answered in order, and one
/// more after them; the connection, left idle, is closed after its bound (15 s).
#[test]
fn keep_alive_answers_in_order_and_idle_connections_close() {
    let site = example_copy();
    let server = start(site.path());
    let port = server.port;
    let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let ask = |targets: &[&str]| {
        let text: String = targets
            .iter()
            .map(|t| format!("GET {t} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"))
            .collect();
        (&stream).write_all(text.as_bytes()).unwrap();
    };
    ask(&["/about/", "/theme/style.css"]);
    let (first, page) = answer(&mut reader, false).expect("a first answer");
    let (second, css) = answer(&mut reader, false).expect("a second answer");
    assert!(
        first.starts_with("HTTP/1.1 200 ") && String::from_utf8_lossy(&page).contains("</html>")
    );
    assert!(second.starts_with("HTTP/1.1 200 ") && second.contains("text/css"));
    assert!(!css.is_empty());
    ask(&["/contact/"]);
    let (third, _) = answer(&mut reader, false).expect("a third answer");
    assert!(third.starts_with("HTTP/1.1 200 "), "{third}");
    let idle = Instant::now();
    let closed = closed_after(&stream, idle, Duration::from_secs(25));
    assert!(
        closed.is_some_and(|t| t >= Duration::from_secs(14) && t <= Duration::from_secs(20)),
        "an idle keep-alive connection was closed after {closed:?}, not about 15 s"
    );
}

/// HTTP/1.0 (even asking to keep alive) and `Connection: close` end the connection after
/// the answer.
#[test]
fn http_1_0_and_connection_close_end_the_connection() {
    let site = example_copy();
    let server = start(site.path());
    let port = server.port;
    let host = format!("127.0.0.1:{port}");
    for case in [
        format!("GET /about/ HTTP/1.0\r\nHost: {host}\r\n\r\n"),
        format!("GET /about/ HTTP/1.0\r\nHost: {host}\r\nConnection: keep-alive\r\n\r\n"),
        format!("GET /about/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        format!("GET /about/ HTTP/1.1\r\nHost: {host}\r\nConnection: foo, Close\r\n\r\n"),
    ] {
        let started = Instant::now();
        let answer = raw(port, &case);
        assert!(
            answer.contains(" 200 ")
                && answer.ends_with("</html>\n")
                && started.elapsed() < Duration::from_secs(2),
            "{case:?} got {:?}, closed after {:?}",
            answer.lines().next(),
            started.elapsed()
        );
    }
}

/// The files and the warnings of a clean build of `root`.
fn clean(root: &Path, overrides: &Overrides) -> (BTreeMap<String, Body>, Vec<Diagnostic>) {
    let memory = Memory::default();
    let report = candour::site::build(root, overrides, &memory);
    assert!(report.ok(), "{:?}", report.diagnostics);
    (memory.into_map(), report.diagnostics)
}

fn assert_clean(workspace: &Workspace, root: &Path, overrides: &Overrides, after: &str) {
    let (files, warnings) = clean(root, overrides);
    assert_eq!(workspace.errors, warnings, "warnings after {after}");
    assert!(
        workspace.files == files,
        "files differ from a clean build after {after}"
    );
}

#[test]
fn incremental_rebuilds_equal_a_clean_build() {
    let site = example_copy();
    let root = site.path();
    let overrides = Overrides {
        base_url: Some("http://127.0.0.1:8000".into()),
        drafts: true,
        ..Overrides::default()
    };
    let mut workspace = Workspace::new(root, overrides.clone());
    assert!(workspace.rebuild(&BTreeSet::new()).ok);
    let about = root.join("content/pages/about.md");
    // Each step: the file changed, the change, and a check of the pages it re-rendered.
    type Step<'a> = (&'a str, Box<dyn Fn() + 'a>, fn(&[String]) -> bool);
    let all = |r: &[String]| {
        [
            "index.html",
            "about/index.html",
            "accessibility/index.html",
            "404.html",
        ]
        .iter()
        .all(|p| r.iter().any(|x| x == p))
    };
    let steps: Vec<Step> = vec![
        (
            "content/pages/about.md",
            Box::new(|| {
                edit(
                    &about,
                    "## What this site is",
                    "## What this site is\n\nBody edit.",
                )
            }),
            |r| r == ["about/index.html"],
        ),
        // The about page is in every page's footer.
        (
            "content/pages/about.md",
            Box::new(|| edit(&about, "title: About this site", "title: About candour")),
            all,
        ),
        // Indicators are on the performance pages, in the updates' figures and the home page;
        // not on the content pages or the accessibility statement.
        (
            "content/data/kpis.yaml",
            Box::new(|| {
                edit(
                    &root.join("content/data/kpis.yaml"),
                    "title: ",
                    "title: Edited ",
                )
            }),
            |r| {
                r.iter().any(|p| p == "performance/index.html")
                    && r.iter().any(|p| p.starts_with("updates/"))
                    && !r
                        .iter()
                        .any(|p| p == "about/index.html" || p == "accessibility/index.html")
            },
        ),
        (
            "content/site.yaml",
            Box::new(|| {
                edit(
                    &root.join("content/site.yaml"),
                    "organisation: Derbyshire Constabulary",
                    "organisation: Example Force",
                )
            }),
            all,
        ),
        (
            "content/pages/extra.md",
            Box::new(|| {
                fs::write(
                    root.join("content/pages/extra.md"),
                    "---\ntitle: Extra\nfooter_order: 3\n---\n\nExtra page.\n",
                )
                .unwrap()
            }),
            all,
        ),
        (
            "content/static/files/a.txt",
            Box::new(|| {
                fs::create_dir_all(root.join("content/static/files")).unwrap();
                fs::write(root.join("content/static/files/a.txt"), "a").unwrap();
            }),
            |r| r.is_empty(),
        ),
        (
            "content/pages/extra.md",
            Box::new(|| fs::remove_file(root.join("content/pages/extra.md")).unwrap()),
            all,
        ),
        // A template re-renders the pages that use it, and only those.
        (
            "templates/page.html",
            Box::new(|| {
                fs::create_dir_all(root.join("templates")).unwrap();
                // It keeps the page's history (and the id its heading has): a template that gives
                // elements other ids changes what every page's headings keep clear of.
                fs::write(root.join("templates/page.html"), "{% extends \"base.html\" %}{% import \"macros.html\" as m %}{% block content %}<h1>{{ content.title }}</h1>{{ content.body_html|safe }}{{ m.history(content.history) }}{% endblock %}").unwrap();
            }),
            |r| r == ["about/index.html", "contact/index.html"],
        ),
        (
            "templates/kpi.html",
            Box::new(|| {
                let theme = fs::read_to_string(
                    Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/kpi.html"),
                )
                .unwrap();
                fs::write(
                    root.join("templates/kpi.html"),
                    format!("{theme}{{# edited #}}\n"),
                )
                .unwrap();
            }),
            |r| {
                !r.is_empty()
                    && r.iter()
                        .all(|p| p.starts_with("performance/") && p != "performance/index.html")
            },
        ),
        (
            "templates/kpi.html",
            Box::new(|| fs::remove_file(root.join("templates/kpi.html")).unwrap()),
            |r| r.iter().all(|p| p.starts_with("performance/")),
        ),
    ];
    for (path, step, expected) in steps {
        step();
        let outcome = workspace.rebuild(&BTreeSet::from([path.to_string()]));
        assert!(outcome.ok, "{path}: {:?}", workspace.errors);
        assert_clean(&workspace, root, &overrides, path);
        assert!(
            expected(&outcome.rendered),
            "{path} re-rendered {:?}",
            outcome.rendered
        );
    }
    // A new heading (the page's contents list) and a new warning take the page-edit path,
    // which reads, checks and renders that page only; the warning goes with its text.
    let about_key = "content/pages/about.md".to_string();
    edit(
        &about,
        "## Where the content comes from",
        "## Where it comes from\n\nSee [here](/contact/).",
    );
    let outcome = workspace.rebuild(&BTreeSet::from([about_key.clone()]));
    assert_eq!(outcome.steps.first().map(|s| s.0), Some("read"));
    assert_eq!(outcome.rendered, ["about/index.html"]);
    assert!(
        workspace
            .errors
            .iter()
            .any(|d| d.file == about_key && !d.is_error())
    );
    assert_clean(&workspace, root, &overrides, "a new heading and a warning");
    edit(&about, "See [here](/contact/).", "See the contact page.");
    workspace.rebuild(&BTreeSet::from([about_key.clone()]));
    assert!(!workspace.errors.iter().any(|d| d.file == about_key));
    assert_clean(&workspace, root, &overrides, "removing the warning");

    // A save through a temporary file renamed over the page (as `sed -i` and many editors
    // do) reports both paths; the vanished one is no source, so it stays a page edit.
    let temp = root.join("content/pages/sedX1a2b3");
    fs::write(
        &temp,
        fs::read_to_string(&about).unwrap() + "\nSaved by rename.\n",
    )
    .unwrap();
    fs::rename(&temp, &about).unwrap();
    let outcome = workspace.rebuild(&BTreeSet::from([
        about_key.clone(),
        "content/pages/sedX1a2b3".to_string(),
    ]));
    assert_eq!(outcome.steps.first().map(|s| s.0), Some("read"));
    assert_clean(&workspace, root, &overrides, "a save by rename");
    // A file the last build warned about is not passing: its going changes the warnings.
    let stray = root.join("content/pages/notes.txt");
    fs::write(&stray, "notes").unwrap();
    workspace.rebuild(&BTreeSet::from(["content/pages/notes.txt".to_string()]));
    assert!(
        workspace
            .errors
            .iter()
            .any(|d| d.file == "content/pages/notes.txt")
    );
    fs::remove_file(&stray).unwrap();
    workspace.rebuild(&BTreeSet::from(["content/pages/notes.txt".to_string()]));
    assert_clean(
        &workspace,
        root,
        &overrides,
        "deleting a file that had a warning",
    );

    // A body-only edit re-renders just that page.
    edit(&about, "Body edit.", "Body edited again.");
    let outcome = workspace.rebuild(&BTreeSet::from([about_key.clone()]));
    assert_eq!(outcome.rendered, ["about/index.html"]);
    assert_eq!(outcome.steps.first().map(|s| s.0), Some("read"));
    assert_clean(&workspace, root, &overrides, "a body edit");

    // An error in a page fails the rebuild and keeps the last good files; the fix clears it.
    let good = workspace.files.clone();
    edit(&about, "Body edited again.", "![](/static/chart.png)");
    assert!(!workspace.rebuild(&BTreeSet::from([about_key.clone()])).ok);
    assert!(workspace.failing());
    assert!(workspace.files == good);
    edit(&about, "![](/static/chart.png)", "Body fixed.");
    assert!(workspace.rebuild(&BTreeSet::from([about_key.clone()])).ok);
    assert_clean(&workspace, root, &overrides, "fixing an error");

    // A page edit that the template cannot render fails; so does any later rebuild until
    // it is fixed, even one for another file, because a clean build would fail too.
    fs::write(
        root.join("templates/page.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>{{ content.toc[0].text }}</h1>{{ content.body_html|safe }}{% endblock %}",
    )
    .unwrap();
    assert!(
        workspace
            .rebuild(&BTreeSet::from(["templates/page.html".to_string()]))
            .ok
    );
    assert_clean(
        &workspace,
        root,
        &overrides,
        "a template using the contents list",
    );
    let text = fs::read_to_string(&about).unwrap();
    let headless = text.replace("## ", "");
    fs::write(&about, &headless).unwrap();
    assert!(!workspace.rebuild(&BTreeSet::from([about_key.clone()])).ok);
    let contact = root.join("content/pages/contact.md");
    let contact_text = fs::read_to_string(&contact).unwrap();
    fs::write(&contact, format!("{contact_text}\nMore.\n")).unwrap();
    assert!(
        !workspace
            .rebuild(&BTreeSet::from(["content/pages/contact.md".to_string()]))
            .ok
    );
    fs::write(&about, &text).unwrap();
    assert!(workspace.rebuild(&BTreeSet::from([about_key])).ok);
    assert_clean(&workspace, root, &overrides, "fixing a render error");
}

/// A bilingual site previews both languages, and an edit to a translation, or to an
/// original the other language shows untranslated, reloads the page in both.
#[test]
fn a_bilingual_site_previews_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("tests/browser/fixtures/bilingual"), dir.path());
    let server = start(dir.path());
    let (status, cy) = get(&server, "/cy/about/");
    assert_eq!(status, 200);
    assert!(cy.contains("<html lang=\"cy\">") && cy.contains("<h1>Ynglŷn â&#39;r wefan hon</h1>"));
    let since = generation(&cy);
    let content = dir.path().join("content");
    edit(
        &content.join("pages/about.cy.md"),
        "title: Ynglŷn â'r wefan hon",
        "title: Am y wefan hon",
    );
    let since = reload_until(
        &server,
        since,
        "/cy/about/",
        "<h1>Am y wefan hon</h1>",
        true,
    );
    // The English page is as it was; an English page shown untranslated in Welsh follows
    // its original.
    assert!(
        get(&server, "/about/")
            .1
            .contains("<h1>About this site</h1>")
    );
    edit(
        &content.join("pages/reporting.md"),
        "title: Report modern slavery",
        "title: Report it",
    );
    reload_until(
        &server,
        since,
        "/cy/reporting/",
        "<span lang=\"en\" class=\"untranslated\">Report it</span>",
        true,
    );
}

/// An address under a language version's folder the site does not have gets that version's
/// own 404 page (`/cy/404.html` for `/cy/...`, `/en/404.html` on a Welsh-default site),
/// headed in its language; any other gets the root `/404.html` (issue 13).
#[test]
fn a_missing_address_in_a_language_version_gets_that_versions_404_page() {
    for (fixture, other, other_heading, default_heading) in [
        (
            "bilingual",
            "cy",
            "<h1>Heb ddod o hyd i&#39;r dudalen</h1>",
            "<h1>Page not found</h1>",
        ),
        (
            "bilingual-cy",
            "en",
            "<h1>Page not found</h1>",
            "<h1>Heb ddod o hyd i&#39;r dudalen</h1>",
        ),
    ] {
        let site = tempfile::tempdir().unwrap();
        copy_dir(
            &repo().join("tests/browser/fixtures").join(fixture),
            site.path(),
        );
        let server = start(site.path());
        for path in [
            format!("/{other}/nope/"),
            format!("/{other}/statements/nope"),
        ] {
            let (status, body) = get(&server, &path);
            assert_eq!(status, 404, "{fixture} {path}");
            assert!(
                body.contains(&format!("<html lang=\"{other}")),
                "{fixture} {path}: {body}"
            );
            let heading = body.find("<h1").unwrap();
            assert!(
                body[heading..].starts_with(other_heading),
                "{fixture} {path}: {body}"
            );
        }
        let (status, body) = get(&server, "/nope/");
        assert_eq!(status, 404);
        let heading = body.find("<h1").unwrap();
        assert!(
            body[heading..].starts_with(default_heading),
            "{fixture}: {body}"
        );
    }
}
