//! Integration tests: fixture sites built and checked by the real `candour` binary.

mod common;
use common::{example_copy, example_site_copy, repo, run, stderr};

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_candour");

/// Every file under a folder with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn build(site: &Path, out: &Path) -> Output {
    run(
        &[
            "build",
            "--root",
            site.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        site,
    )
}

/// The `<main>` element of a built page, so theme chrome does not churn snapshots.
fn main_of(html: &str) -> String {
    let start = html.find("<main").expect("page has <main>");
    let end = html.rfind("</main>").expect("page closes </main>") + "</main>".len();
    html[start..end].to_string()
}

#[test]
fn example_site_builds_without_warnings() {
    let out = tempfile::tempdir().unwrap();
    let o = build(&repo(), &out.path().join("public"));
    assert!(o.status.success(), "{}", stderr(&o));
    // The only warnings are the Home Office registry's questions the 2019/20 statement does
    // not answer, since its sources do not (tests/registry.rs checks them one by one).
    let err = stderr(&o);
    let warnings = err.lines().filter(|l| l.starts_with("warning:")).count();
    let registry = err
        .lines()
        .filter(|l| l.starts_with("warning: the registry will ask"))
        .count();
    assert_eq!(warnings, registry, "{err}");
    assert!(
        err.contains(&format!("0 errors, {registry} warnings")),
        "{err}"
    );
    let files = tree(&out.path().join("public"));
    for page in [
        "index.html",
        "statements/index.html",
        "statements/2019-20/index.html",
        "updates/index.html",
        "updates/2020-21-h1/index.html",
        "updates/2020-21-h2/index.html",
        "performance/index.html",
        "prevention-orders/index.html",
        "training/index.html",
        "partnerships/index.html",
        "action-plan/index.html",
        "commitments/index.html",
        "data/index.html",
        "accessibility/index.html",
        "about/index.html",
        "contact/index.html",
        "feed.xml",
        "sitemap.xml",
        "robots.txt",
        "404.html",
        "data/kpis.json",
        "data/kpis.csv",
        "data/kpis.schema.json",
        "theme/style.css",
    ] {
        assert!(files.contains_key(page), "missing {page}");
    }
    // The dev server's live-reload script is added when serving, never built into the site.
    for (path, bytes) in &files {
        assert!(
            !String::from_utf8_lossy(bytes).contains("__candour"),
            "{path} has the reload script"
        );
    }
}

#[test]
fn main_of_every_page_kind_is_snapshotted() {
    // A copy outside git: pages without history, the same whatever this repository's commits
    // (tests/git.rs snapshots pages with history).
    let site = example_site_copy();
    let out = tempfile::tempdir().unwrap();
    let o = build(site.path(), out.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let mut made = Vec::new();
    for (name, page) in [
        ("home", "index.html"),
        ("statements", "statements/index.html"),
        ("statement", "statements/2019-20/index.html"),
        ("updates", "updates/index.html"),
        ("update", "updates/2020-21-h2/index.html"),
        ("performance", "performance/index.html"),
        ("kpi", "performance/prevention-orders/index.html"),
        ("orders", "prevention-orders/index.html"),
        ("training", "training/index.html"),
        ("partnerships", "partnerships/index.html"),
        ("actions", "action-plan/index.html"),
        ("commitments", "commitments/index.html"),
        ("data", "data/index.html"),
        ("accessibility", "accessibility/index.html"),
        ("page", "about/index.html"),
        ("not_found", "404.html"),
    ] {
        let html =
            fs::read_to_string(out.path().join(page)).unwrap_or_else(|_| panic!("{page} built"));
        insta::assert_snapshot!(format!("page_{name}"), main_of(&html));
        made.push(format!("page_{name}"));
    }
    common::only_these_snapshots("cli", "page_", &made);
}

#[test]
fn two_builds_are_byte_identical() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    assert!(build(&repo(), &a.path().join("p")).status.success());
    assert!(build(&repo(), &b.path().join("p")).status.success());
    assert_eq!(tree(&a.path().join("p")), tree(&b.path().join("p")));
}

#[test]
fn failed_build_leaves_the_old_output_untouched() {
    let site = example_copy();
    let out = site.path().join("public");
    assert!(build(site.path(), &out).status.success());
    fs::create_dir_all(out.join(".git")).unwrap();
    fs::write(out.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    let before = tree(&out);
    // A template that fails while rendering one page kind, after others were written.
    fs::create_dir_all(site.path().join("templates")).unwrap();
    fs::write(site.path().join("templates/page.html"), "{% extends \"base.html\" %}{% block content %}<h1>{{ content.no_such_field }}</h1>{% endblock %}").unwrap();
    let o = build(site.path(), &out);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("templates/page.html:1:"),
        "{}",
        stderr(&o)
    );
    assert_eq!(tree(&out), before);
    let leftovers: Vec<_> = fs::read_dir(site.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().contains("candour-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // A good build replaces the output and keeps .git.
    fs::remove_dir_all(site.path().join("templates")).unwrap();
    assert!(build(site.path(), &out).status.success());
    assert!(out.join(".git/HEAD").exists());
}

#[test]
fn a_base_url_that_is_not_a_web_address_is_refused_before_building() {
    let site = example_copy();
    for bad in [
        "not-a-url",
        "javascript:alert(1)",
        "https://",
        "//example.org/",
        "https://a b/",
    ] {
        let o = run(&["build", "--base-url", bad], site.path());
        assert_eq!(o.status.code(), Some(2), "{bad}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("is not a web address"),
            "{bad}: {}",
            stderr(&o)
        );
        assert!(
            !site.path().join("public").exists(),
            "{bad}: something was built"
        );
    }
    for good in [
        "https://example.org/msa/",
        "http://localhost:8000/",
        "/msa/",
    ] {
        let o = run(&["build", "--base-url", good], site.path());
        assert!(o.status.success(), "{good}: {}", stderr(&o));
    }
}

#[test]
fn a_root_that_is_not_a_site_is_a_usage_error_that_says_why() {
    let site = example_copy();
    let file = site.path().join("content/site.yaml");
    let cases = [
        (site.path().join("absent"), "does not exist"),
        (file, "is not a folder"),
        (
            site.path().join("content"),
            "looks like the content/ folder itself",
        ),
        (
            site.path().join("content/pages"),
            "there is no content/ folder in",
        ),
    ];
    for (root, says) in cases {
        for command in ["check", "build", "serve"] {
            let o = run(&[command, "--root", root.to_str().unwrap()], site.path());
            assert_eq!(
                o.status.code(),
                Some(2),
                "{command} {}: {}",
                root.display(),
                stderr(&o)
            );
            assert!(
                stderr(&o).contains(says),
                "{command} {}: {}",
                root.display(),
                stderr(&o)
            );
        }
    }
    // From inside content/, as people do: the hint says where to go.
    let o = run(&["check"], &site.path().join("content"));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("run candour in the folder above it"));
}

#[test]
fn dangerous_output_folders_are_refused() {
    let site = example_copy();
    let home = tempfile::tempdir().unwrap();
    let root = site.path().to_str().unwrap().to_string();
    let foreign = site.path().join("mine");
    fs::create_dir_all(&foreign).unwrap();
    fs::write(foreign.join("notes.txt"), "keep me").unwrap();
    for (out, why) in [
        (root.clone(), "is the site's root folder"),
        (
            format!("{root}/content"),
            "is inside the site's content/ folder",
        ),
        (
            format!("{root}/content/x"),
            "is inside the site's content/ folder",
        ),
        (
            site.path().parent().unwrap().to_str().unwrap().to_string(),
            "contains the site's sources",
        ),
        (
            home.path().to_str().unwrap().to_string(),
            "is the home folder",
        ),
        (
            foreign.to_str().unwrap().to_string(),
            "holds files candour did not write",
        ),
    ] {
        let o = Command::new(BIN)
            .args(["build", "--root", &root, "--out", &out])
            .env("HOME", home.path())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{out}: {}", stderr(&o));
        assert!(stderr(&o).contains(why), "{out}: {}", stderr(&o));
    }
    assert_eq!(
        fs::read_to_string(foreign.join("notes.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn script_in_yaml_and_markdown_never_becomes_markup() {
    let site = example_copy();
    let page = site.path().join("content/pages/about.md");
    let text = fs::read_to_string(&page).unwrap();
    let text = text.replacen("title: ", "title: <script>alert('t')</script>", 1);
    fs::write(
        &page,
        format!("{text}\n\n<script>alert('m')</script>\n\n<img src=x onerror=alert(1)>\n"),
    )
    .unwrap();
    let out = site.path().join("public");
    let o = build(site.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = fs::read_to_string(out.join("about/index.html")).unwrap();
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img src=x"), "{html}");
    assert!(html.contains("&lt;script&gt;alert("), "{html}");
}

#[test]
fn javascript_links_are_errors_in_markdown_and_data() {
    let site = example_copy();
    let page = site.path().join("content/pages/about.md");
    let text = fs::read_to_string(&page).unwrap();
    fs::write(
        &page,
        format!("{text}\n[Our policy](javascript:alert(1))\n"),
    )
    .unwrap();
    let data = site.path().join("content/data/training.yaml");
    let yaml = fs::read_to_string(&data).unwrap();
    // A field that holds a web address (a course has none: `url` there would only be an
    // unknown field, and never reach the address check).
    let yaml = yaml.replacen(
        "  - id: training-video-2019\n",
        "  - id: training-video-2019\n    url: \"JavaScript:alert(1)\"\n",
        1,
    );
    fs::write(&data, yaml).unwrap();
    let out = site.path().join("public");
    let o = build(site.path(), &out);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("content/pages/about.md:") && err.contains("uses 'javascript:'"),
        "{err}"
    );
    assert!(
        err.contains("content/data/training.yaml:")
            && err.contains("the link 'JavaScript:alert(1)' uses 'javascript:'")
            && !err.contains("unknown field"),
        "{err}"
    );
    assert!(!out.exists());
}

/// Parses RFC 4180 CSV, enough for the downloads.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => cell.push(c),
        }
    }
    rows
}

#[test]
fn csv_and_json_downloads_match_the_yaml() {
    let out = tempfile::tempdir().unwrap();
    assert!(build(&repo(), out.path()).status.success());
    for name in [
        "kpis",
        "prevention-orders",
        "training",
        "partnerships",
        "actions",
        "commitments",
    ] {
        let yaml: serde_json::Value = serde_norway::from_str(
            &fs::read_to_string(repo().join(format!("content/data/{name}.yaml"))).unwrap(),
        )
        .unwrap();
        let json: serde_json::Value = serde_json::from_str(
            &fs::read_to_string(out.path().join(format!("data/{name}.json"))).unwrap(),
        )
        .unwrap();
        // Every field the author wrote is in the download with the same value.
        assert_subset(&yaml, &json, name);
        let schema: serde_json::Value = serde_json::from_str(
            &fs::read_to_string(out.path().join(format!("data/{name}.schema.json"))).unwrap(),
        )
        .unwrap();
        assert!(schema["properties"].is_object(), "{name} schema");
    }
    let yaml: serde_json::Value =
        serde_norway::from_str(&fs::read_to_string(repo().join("content/data/kpis.yaml")).unwrap())
            .unwrap();
    let rows = parse_csv(&fs::read_to_string(out.path().join("data/kpis.csv")).unwrap());
    let header = &rows[0];
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    let values: usize = yaml["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["values"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(rows.len() - 1, values);
    for kpi in yaml["kpis"].as_array().unwrap() {
        for v in kpi["values"].as_array().unwrap() {
            let period = v["period"].as_str().unwrap();
            let row = rows
                .iter()
                .find(|r| {
                    r[col("kpi_id")] == kpi["id"].as_str().unwrap() && r[col("period")] == period
                })
                .expect("row per value");
            if let Some(n) = v["value"].as_f64() {
                assert_eq!(row[col("value")].parse::<f64>().unwrap(), n);
            }
            assert_eq!(
                row[col("illustrative")],
                v["illustrative"].as_bool().unwrap_or(false).to_string()
            );
        }
    }
    let orders =
        parse_csv(&fs::read_to_string(out.path().join("data/prevention-orders.csv")).unwrap());
    let granted = orders[0].iter().position(|h| h == "stpo_granted").unwrap();
    assert!(
        orders
            .iter()
            .any(|r| r[0] == "2018/19" && r[granted] == "11")
    );
}

fn assert_subset(yaml: &serde_json::Value, json: &serde_json::Value, at: &str) {
    match (yaml, json) {
        (serde_json::Value::Object(a), serde_json::Value::Object(b)) => {
            for (k, v) in a {
                assert_subset(
                    v,
                    b.get(k)
                        .unwrap_or_else(|| panic!("{at}.{k} missing from JSON")),
                    &format!("{at}.{k}"),
                );
            }
        }
        (serde_json::Value::Array(a), serde_json::Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "{at}");
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                assert_subset(x, y, &format!("{at}[{i}]"));
            }
        }
        (serde_json::Value::Number(a), serde_json::Value::Number(b)) => {
            assert_eq!(a.as_f64(), b.as_f64(), "{at}")
        }
        (a, b) => assert_eq!(a, b, "{at}"),
    }
}

#[test]
fn check_formats_and_exit_codes() {
    let site = example_copy();
    let root = site.path().to_str().unwrap();
    assert_eq!(
        run(&["check", "--root", root], site.path()).status.code(),
        Some(0)
    );
    let kpis = site.path().join("content/data/kpis.yaml");
    let text = fs::read_to_string(&kpis)
        .unwrap()
        .replacen("kind: count", "kind: counts", 1);
    fs::write(&kpis, text).unwrap();
    let o = run(&["check", "--root", root, "--format", "json"], site.path());
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["ok"], false);
    assert_eq!(json["diagnostics"][0]["file"], "content/data/kpis.yaml");
    assert!(json["diagnostics"][0]["line"].as_u64().unwrap() > 1);
    let o = run(
        &["check", "--root", root, "--format", "github"],
        site.path(),
    );
    assert!(
        String::from_utf8_lossy(&o.stdout).starts_with("::error file=content/data/kpis.yaml,line=")
    );
    assert_eq!(
        run(&["check", "--format", "xml"], site.path())
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"], site.path()).status.code(), Some(2));
    assert_eq!(run(&["--help"], site.path()).status.code(), Some(0));
}

/// The values of one attribute (`id`, `href`) in a page, as written (entities decoded).
fn attributes(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let value = &html[i + needle.len()..];
            value[..value.find('"').unwrap()]
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect()
}

/// `%XX` escapes decoded, as a browser does before looking a path or fragment up.
fn percent_decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every problem with the links and ids of a built site, read from its HTML as a browser
/// would follow them: an id used twice or empty on a page, a link or image to a path the
/// site does not have (under `base_path`), or to an id its target page does not have.
fn link_problems(out: &Path, base_path: &str) -> Vec<String> {
    let files = tree(out);
    let pages: BTreeMap<String, String> = files
        .iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path.clone(), String::from_utf8_lossy(bytes).into_owned()))
        .collect();
    let ids: BTreeMap<&str, Vec<String>> = pages
        .iter()
        .map(|(path, html)| (path.as_str(), attributes(html, "id")))
        .collect();
    let mut problems = Vec::new();
    for (path, html) in &pages {
        let mut seen = std::collections::BTreeSet::new();
        for id in &ids[path.as_str()] {
            if id.is_empty() || !seen.insert(id) {
                problems.push(format!("{path}: id '{id}' empty or repeated"));
            }
        }
        // The page's URL path, as the browser resolves relative links against it.
        let dir = format!("{base_path}/{path}");
        let dir = &dir[..=dir.rfind('/').unwrap()];
        for link in attributes(html, "href")
            .into_iter()
            .chain(attributes(html, "src"))
        {
            if link.contains(':') || link.starts_with("//") {
                continue;
            }
            let (target, fragment) = link.split_once('#').unwrap_or((&link, ""));
            let target = target.split('?').next().unwrap();
            let file = if target.is_empty() {
                path.clone()
            } else {
                let absolute = if target.starts_with('/') {
                    target.to_string()
                } else {
                    format!("{dir}{target}")
                };
                let mut segments: Vec<&str> = Vec::new();
                for segment in absolute.split('/').skip(1) {
                    match segment {
                        "." => {}
                        ".." => {
                            segments.pop();
                        }
                        s => segments.push(s),
                    }
                }
                let resolved = percent_decoded(&format!("/{}", segments.join("/")));
                let Some(inside) = resolved.strip_prefix(&format!("{base_path}/")) else {
                    problems.push(format!("{path}: '{link}' leaves the site"));
                    continue;
                };
                let mut file = inside.to_string();
                if file.is_empty() || file.ends_with('/') {
                    file.push_str("index.html");
                }
                file
            };
            if !files.contains_key(&file) {
                problems.push(format!(
                    "{path}: '{link}' goes to {file}, which is not built"
                ));
                continue;
            }
            let fragment = percent_decoded(fragment);
            if !fragment.is_empty()
                && fragment != "top"
                && let Some(target_ids) = ids.get(file.as_str())
                && !target_ids.contains(&fragment)
            {
                problems.push(format!("{path}: '{link}': {file} has no id '{fragment}'"));
            }
        }
    }
    problems
}

#[test]
fn the_example_site_has_no_broken_internal_links() {
    // As built, and built under a base path: every href and src on every page goes to a
    // file the build made, and every #id to an element of its page.
    let out = tempfile::tempdir().unwrap();
    let root = repo();
    for (base_url, base_path) in [(None, ""), (Some("https://example.org/msa/"), "/msa")] {
        let public = out
            .path()
            .join(format!("public{}", base_path.replace('/', "-")));
        let mut args = vec![
            "build",
            "--root",
            root.to_str().unwrap(),
            "--out",
            public.to_str().unwrap(),
        ];
        args.extend(base_url.map(|u| ["--base-url", u]).into_iter().flatten());
        let o = run(&args, &root);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(link_problems(&public, base_path), Vec::<String>::new());
    }
}

#[test]
fn heading_ids_keep_clear_of_the_themes_and_are_never_empty() {
    let site = example_copy();
    let content = site.path().join("content");
    let append = |file: &str, more: &str| {
        let path = content.join(file);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("{text}\n{more}")).unwrap();
    };
    append(
        "statements/2019-20.md",
        "## Statement approval\n\n## Statement contents\n\n## Main\n\n## ★\n\n## ★\n\n[Approval](#statement-approval-1)\n",
    );
    append("updates/2020-21-h2.md", "## Update figures\n\n## Main\n");
    append("pages/about.md", "## Main\n\n## ★\n\n## Section\n");
    let out = site.path().join("public");
    let o = build(site.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(link_problems(&out, ""), Vec::<String>::new());
    let statement = fs::read_to_string(out.join("statements/2019-20/index.html")).unwrap();
    for heading in [
        "<h2 id=\"statement-approval-1\">Statement approval</h2>",
        "<h2 id=\"statement-contents-1\">Statement contents</h2>",
        "<h2 id=\"main-1\">Main</h2>",
        "<h2 id=\"section\">★</h2>",
        "<h2 id=\"section-1\">★</h2>",
    ] {
        assert!(statement.contains(heading), "{heading}");
    }
    assert!(statement.contains("<a href=\"#section\">★</a>"));
    let about = fs::read_to_string(out.join("about/index.html")).unwrap();
    assert!(about.contains("<h2 id=\"section-1\">Section</h2>"));
}

#[test]
fn json_diagnostics_keep_a_window_of_a_long_line() {
    let site = example_copy();
    let page = site.path().join("content/pages/about.md");
    let text = fs::read_to_string(&page).unwrap();
    let before = "Ça et là — ".repeat(3000);
    fs::write(
        &page,
        format!("{text}\n{before}[here](/about/) {}\n", "‘x’ ".repeat(3000)),
    )
    .unwrap();
    let root = site.path().to_str().unwrap();
    let o = run(&["check", "--root", root, "--format", "json"], site.path());
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = &json["diagnostics"][0];
    assert_eq!(d["column"], 33001, "{d}");
    let line = d["source_line"].as_str().unwrap();
    assert!(line.chars().count() <= 122, "{line}");
    assert!(line.starts_with('…') && line.ends_with('…'), "{line}");
    let at = d["source_column"].as_u64().unwrap() as usize;
    let from: String = line.chars().skip(at - 1).take(15).collect();
    assert_eq!(from, "[here](/about/)", "{d}");
}

#[test]
fn init_writes_the_example_and_refuses_a_full_folder() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("new-site");
    assert!(
        run(&["init", "--example", target.to_str().unwrap()], dir.path())
            .status
            .success()
    );
    assert_eq!(
        run(&["check", "--root", target.to_str().unwrap()], dir.path())
            .status
            .code(),
        Some(0)
    );
    // The written site is the whole example, its own words included: it builds to the
    // same files as the repository's (without its git history, which the copy has not).
    let ours = dir.path().join("ours");
    let theirs = dir.path().join("theirs");
    let no_git = |site: &Path, out: &Path| {
        let (site, out) = (site.to_str().unwrap(), out.to_str().unwrap());
        let args = ["build", "--no-git", "--root", site, "--out", out];
        run(&args, dir.path()).status.success()
    };
    assert!(no_git(&repo(), &ours));
    assert!(no_git(&target, &theirs));
    let (ours, theirs) = (tree(&ours), tree(&theirs));
    assert_eq!(
        ours.keys().collect::<Vec<_>>(),
        theirs.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &ours {
        assert!(theirs[path] == *bytes, "{path} differs from the example's");
    }
    let o = run(&["init", target.to_str().unwrap()], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is not empty"));
}

/// Replaces the first `from` in a file of a site's `content/`.
fn edit(site: &Path, file: &str, from: &str, to: &str) {
    let path = site.join("content").join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "'{from}' not in {file}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Builds a site the README way (in its folder, no `--root`) and returns its pages' text.
fn built(site: &Path) -> BTreeMap<String, String> {
    let o = run(&["build"], site);
    assert!(o.status.success(), "{}", stderr(&o));
    tree(&site.join("public"))
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html") || p.ends_with(".xml"))
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect()
}

#[test]
fn sentences_read_right_for_one_two_and_three_bodies_and_names_beginning_with_the() {
    let one = "organisation: Derbyshire Constabulary\n";
    let cases: [(&str, &[&str]); 3] = [
        (
            "organisation: The Derbyshire Force\n",
            &[
                "<p class=\"lead\">The Derbyshire Force publishes a statement",
                "What the Derbyshire Force has said it will do",
                "Published by the Derbyshire Force.",
                "<author><name>The Derbyshire Force</name></author>",
            ],
        ),
        (
            "organisations:\n  - name: The Police and Crime Commissioner for Derbyshire\n  - name: Derbyshire Constabulary\n",
            &[
                "<p class=\"lead\">The Police and Crime Commissioner for Derbyshire and Derbyshire Constabulary publish a joint statement",
                "What the Police and Crime Commissioner for Derbyshire and Derbyshire Constabulary have said they will do",
                "Published by the Police and Crime Commissioner for Derbyshire and Derbyshire Constabulary.",
                "<author><name>The Police and Crime Commissioner for Derbyshire</name></author>\n<author><name>Derbyshire Constabulary</name></author>",
                "are committed to making their website accessible",
            ],
        ),
        (
            "organisations:\n  - name: The Mayor\n  - name: A Council\n  - name: The Trust\n",
            &[
                // Only the sentence's first word keeps its capital.
                "<p class=\"lead\">The Mayor, A Council and the Trust publish a joint statement",
                "The Mayor, A Council and the Trust are committed to making their website accessible",
                "the partnerships the Mayor, A Council and the Trust take part in",
                "Published by the Mayor, A Council and the Trust.",
            ],
        ),
    ];
    for (yaml, expected) in cases {
        let site = example_copy();
        edit(site.path(), "site.yaml", one, yaml);
        edit(
            site.path(),
            "data/commitments.yaml",
            "signed_by: Police and Crime Commissioner",
            "signed_by: The Police and Crime Commissioner",
        );
        let pages = built(site.path());
        let all: String = pages.values().cloned().collect();
        for text in expected {
            assert!(all.contains(text), "{yaml}: no '{text}'");
        }
        assert!(
            !all.contains("the The ") && !all.contains("The the "),
            "{yaml}"
        );
        assert!(
            pages["commitments/index.html"]
                .contains("Signed by the Police and Crime Commissioner."),
            "{yaml}"
        );
    }
}

#[test]
fn partial_dates_are_shown_at_their_precision_and_never_judged_beyond_it() {
    let site = example_copy();
    edit(
        site.path(),
        "statements/2019-20.md",
        "illustrative: [published]\n",
        "basis: required\n",
    );
    edit(
        site.path(),
        "statements/2019-20.md",
        "published: 2020-09-30\n",
        "published: 2020\n",
    );
    edit(
        site.path(),
        "data/commitments.yaml",
        "signed_by: Police and Crime Commissioner\n",
        "signed_by: Police and Crime Commissioner\n  signed_on: 2020-12\n",
    );
    let pages = built(site.path());
    let statement = &pages["statements/2019-20/index.html"];
    assert!(
        statement.contains("<time datetime=\"2020\">2020</time>"),
        "{statement}"
    );
    // 2020 may be before or after the deadline of 30 September 2020: no judgement.
    assert!(!statement.contains("Deadline"), "{statement}");
    assert!(
        pages["commitments/index.html"].contains("<time datetime=\"2020-12\">December 2020</time>")
    );
    // A required statement with a whole date is judged; a voluntary one never is.
    edit(
        site.path(),
        "statements/2019-20.md",
        "published: 2020\n",
        "published: 2020-09-30\n",
    );
    assert!(built(site.path())["statements/2019-20/index.html"].contains("published on time"));
    edit(
        site.path(),
        "statements/2019-20.md",
        "basis: required\n",
        "",
    );
    assert!(!built(site.path())["statements/2019-20/index.html"].contains("Deadline"));
}

#[test]
fn a_site_promises_only_the_report_its_cadence_makes_due() {
    let site = example_copy();
    let pages = built(site.path());
    assert!(pages["index.html"].contains("The next six-monthly update will cover 2021/22 H1"));
    edit(
        site.path(),
        "site.yaml",
        "updates: six-monthly",
        "updates: none",
    );
    let pages = built(site.path());
    let home = &pages["index.html"];
    assert!(!home.contains("six-monthly update will cover"), "{home}");
    assert!(
        home.contains("The next statement will cover 2020/21 (April 2020 to March 2021). The Home Office recommends"),
        "{home}"
    );
    assert!(!pages["updates/index.html"].contains("every six months"));
    assert!(!pages["updates/index.html"].contains("The next update will cover"));
}

#[test]
fn calendar_year_sites_write_2023_and_2023_h1() {
    let site = tempfile::tempdir().unwrap();
    let content = site.path().join("content");
    fs::create_dir_all(content.join("statements")).unwrap();
    fs::create_dir_all(content.join("updates")).unwrap();
    fs::write(
        content.join("site.yaml"),
        "title: Modern Slavery Statement\norganisation: A Calendar Body\nbase_url: https://example.org/\nreporting:\n  year_starts: 1\n  updates: annual\naccessibility:\n  compliance: partial\n  contact:\n    email: a@example.org\n  tested_by: the body's own staff\n  tested_on: 2024-03\n  prepared_on: 2024\n",
    )
    .unwrap();
    let areas = [
        "structure",
        "policies",
        "due-diligence",
        "risk",
        "effectiveness",
        "training",
    ];
    let mut statement = String::from(
        "---\ntitle: Modern Slavery Statement 2023\nperiod: 2023\npublished: 2024-06\napproval:\n  approved_by: The Board\n  signed_by:\n    - role: Chief Executive\nareas:\n",
    );
    for a in areas {
        statement.push_str(&format!("  {a}: {a}\n"));
    }
    statement.push_str("---\n\n");
    for a in areas {
        statement.push_str(&format!("## {a}\n\nText.\n\n"));
    }
    fs::write(content.join("statements/2023.md"), statement).unwrap();
    fs::write(
        content.join("updates/2024.md"),
        "---\ntitle: Update for 2024\nperiod: 2024\npublished: 2025-02\nstatement: 2023\n---\n\nProgress.\n",
    )
    .unwrap();
    let pages = built(site.path());
    assert!(pages["statements/2023/index.html"].contains("January to December 2023 (2023)"));
    assert!(pages["statements/2023/index.html"].contains("approved by the Board."));
    assert!(pages["updates/2024/index.html"].contains("<h1>Update for 2024</h1>"));
    assert!(
        pages["index.html"]
            .contains("The next annual update will cover 2025 (January to December 2025)"),
        "{}",
        pages["index.html"]
    );
}

#[test]
fn a_section_without_content_has_no_page_link_sitemap_entry_or_open_data() {
    let site = example_copy();
    fs::remove_file(site.path().join("content/data/prevention-orders.yaml")).unwrap();
    // A file with no records is no content either.
    fs::write(
        site.path().join("content/data/actions.yaml"),
        "actions: []\n",
    )
    .unwrap();
    let o = run(&["build"], site.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = site.path().join("public");
    let files = tree(&out);
    for gone in [
        "prevention-orders/index.html",
        "action-plan/index.html",
        "data/prevention-orders.csv",
        "data/prevention-orders.json",
        "data/prevention-orders.schema.json",
        "data/actions.csv",
        "data/actions.json",
    ] {
        assert!(!files.contains_key(gone), "{gone} was built");
    }
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        for address in [
            "\"/prevention-orders/",
            ".org/prevention-orders/",
            "\"/action-plan/",
            ".org/action-plan/",
            "/data/actions.",
            "/data/#actions",
            "/data/#prevention-orders",
        ] {
            assert!(!text.contains(address), "{path} names {address}");
        }
    }
    let home = String::from_utf8_lossy(&files["index.html"]).into_owned();
    assert!(home.contains("href=\"/training/\""), "{home}");
    assert!(
        !home.contains("Prevention orders") && !home.contains("Action plan"),
        "{home}"
    );
}

#[test]
fn a_statement_s_opening_words_come_before_the_table_of_areas() {
    let site = example_copy();
    edit(
        site.path(),
        "statements/2019-20.md",
        "---\n\n## Introduction",
        "---\n\nWe are the force for Derbyshire.\n\n## Introduction",
    );
    let page = &built(site.path())["statements/2019-20/index.html"];
    let words = page
        .find("We are the force for Derbyshire.")
        .expect("opening words shown");
    let table = page.find("id=\"statement-coverage\"").unwrap();
    let contents = page.find("id=\"statement-contents\"").unwrap();
    assert!(words < contents && contents < table, "{page}");
    assert_eq!(page.matches("We are the force for Derbyshire.").count(), 1);
}

#[test]
fn init_writes_a_blank_starter_with_the_six_areas_and_nothing_invented() {
    let dir = tempfile::tempdir().unwrap();
    let named = dir.path().join("council");
    let o = run(
        &[
            "init",
            "--name",
            "The Borough Council",
            named.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let files = tree(&named);
    let names: Vec<&String> = files.keys().collect();
    // site.yaml, one statement, and the review workflow (issue 12): no data files.
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(
        files.contains_key(".github/workflows/candour.yml"),
        "{names:?}"
    );
    let site = String::from_utf8_lossy(&files["content/site.yaml"]).into_owned();
    assert!(
        site.contains("organisation: \"The Borough Council\""),
        "{site}"
    );
    assert!(!site.contains("notice:"), "{site}");
    let statement = files
        .iter()
        .find(|(p, _)| p.starts_with("content/statements/"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap();
    for heading in [
        "## Our organisation and supply chains",
        "## Policies",
        "## Due diligence",
        "## Risk assessment",
        "## Measuring effectiveness",
        "## Training",
    ] {
        assert!(statement.contains(heading), "{statement}");
    }
    // A draft until the body publishes it, as `candour new statement` writes one.
    assert!(statement.contains("\ndraft: true "), "{statement}");
    // It checks and builds, with warnings for what the body still has to give.
    let o = run(&["check"], &named);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("does not say who approved it"));
    // Its six headings are empty: each area's claim of coverage is warned until written.
    assert_eq!(stderr(&o).matches("has nothing under it").count(), 6);
    let pages = built(&named);
    assert!(!pages.contains_key("prevention-orders/index.html"));
    assert!(!pages.values().any(|p| p.contains("Illustrative")));
    // Without --name the placeholder stops check.
    let unnamed = dir.path().join("unnamed");
    assert!(
        run(&["init", unnamed.to_str().unwrap()], dir.path())
            .status
            .success()
    );
    let o = run(&["check"], &unnamed);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("still the starter's placeholder"));
}

/// The feed's `<published>` is a fact or nothing: not an illustrative date, not a month or a
/// year made into a day, not the period's end.
#[test]
fn the_feed_gives_only_real_whole_publication_dates() {
    let published = |site: &Path| {
        let feed = built(site).remove("feed.xml").unwrap();
        feed.matches("<published>2020-09-30").count()
    };
    let site = example_copy();
    // The example's date is illustrative.
    assert_eq!(published(site.path()), 0);
    edit(
        site.path(),
        "statements/2019-20.md",
        "illustrative: [published]\n",
        "",
    );
    assert_eq!(published(site.path()), 1);
    edit(
        site.path(),
        "statements/2019-20.md",
        "published: 2020-09-30",
        "published: 2020-09",
    );
    let feed = built(site.path()).remove("feed.xml").unwrap();
    assert!(!feed.contains("<published>2020-09-01"), "{feed}");
}
