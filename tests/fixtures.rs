//! Sites of real public bodies (issue 10), built by the real binary the README way (in the
//! site's folder, no `--root`): a council with its own headings and no updates, a joint
//! statement of a Commissioner and a force, and a body that reports by calendar year. Each
//! is in `tests/browser/fixtures/`, so the browser suite checks it too; its site.yaml says
//! where it comes from. Each builds; its warnings and every page's `<main>` are snapshotted;
//! a section it has no content for has no page, navigation link, sitemap entry, open data or
//! home-page line; none promises an update it does not publish.

mod common;
use common::run;

use std::collections::BTreeMap;
use std::fs;

/// A fixture: its folder under tests/browser/fixtures/, the sections (by URL) it has, and
/// the open data it has (by dataset name).
struct Fixture {
    name: &'static str,
    sections: &'static [&'static str],
    datasets: &'static [&'static str],
    /// The day its `check` judges deadlines on (`--today`): in the year after its statement,
    /// before the next is due, so the snapshot shows the site's own warnings and does not
    /// change with the clock.
    today: &'static str,
}

const FIXTURES: &[Fixture] = &[
    Fixture {
        name: "council-stockton",
        sections: &["/statements/", "/action-plan/"],
        datasets: &["actions"],
        today: "2024-12-01",
    },
    Fixture {
        name: "joint-south-wales",
        sections: &["/statements/"],
        datasets: &[],
        today: "2024-06-01",
    },
    Fixture {
        name: "calendar-church",
        sections: &["/statements/"],
        datasets: &[],
        today: "2020-12-01",
    },
];

/// Every section a site can have, by URL, and its dataset if it has one.
const SECTIONS: &[(&str, Option<&str>)] = &[
    ("/statements/", None),
    ("/updates/", None),
    ("/performance/", Some("kpis")),
    ("/prevention-orders/", Some("prevention-orders")),
    ("/training/", Some("training")),
    ("/partnerships/", Some("partnerships")),
    ("/action-plan/", Some("actions")),
    ("/commitments/", Some("commitments")),
];

fn fixture_dir(name: &str) -> std::path::PathBuf {
    common::repo().join("tests/browser/fixtures").join(name)
}

/// Builds a fixture in its own folder into a temporary one: (its files, what it printed).
fn build(name: &str) -> (tempfile::TempDir, BTreeMap<String, String>, String) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    // --no-git: the fixture lives in candour's repository, whose commits are not the
    // body's history; without it every page would list them and its snapshot change with
    // each commit.
    let o = run(
        &["build", "--no-git", "--out", public.to_str().unwrap()],
        &fixture_dir(name),
    );
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{name} did not build:\n{stderr}");
    let mut files = BTreeMap::new();
    for e in walkdir::WalkDir::new(&public).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e
                .path()
                .strip_prefix(&public)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let text = fs::read(e.path())
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap();
            files.insert(rel, text);
        }
    }
    (out, files, stderr)
}

/// The `<main>` element of a built page.
fn main_of(html: &str) -> String {
    let start = html.find("<main").expect("page has <main>");
    let end = html.rfind("</main>").expect("page closes </main>") + "</main>".len();
    html[start..end].to_string()
}

/// The diagnostics `candour check` prints, without the timings line.
fn check(name: &str, today: &str) -> String {
    let o = run(&["check", "--today", today], &fixture_dir(name));
    assert!(o.status.success(), "{name}: check failed");
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .filter(|l| !l.contains(" ms") && !l.contains("µs"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn each_fixture_builds_and_its_pages_are_snapshotted() {
    let mut made = Vec::new();
    for f in FIXTURES {
        let (_out, files, _) = build(f.name);
        let name = f.name.replace('-', "_");
        insta::assert_snapshot!(format!("fixture_{name}_check"), check(f.name, f.today));
        made.push(format!("fixture_{name}_check"));
        for (path, text) in &files {
            if !path.ends_with(".html") {
                continue;
            }
            let page = path
                .trim_end_matches("index.html")
                .trim_end_matches(".html")
                .trim_end_matches('/')
                .replace(['/', '-'], "_");
            let page = if page.is_empty() { "home".into() } else { page };
            let snap = format!("fixture_{name}_{page}");
            insta::assert_snapshot!(snap.clone(), main_of(text));
            made.push(snap);
        }
    }
    common::only_these_snapshots("fixtures", "fixture_", &made);
}

#[test]
fn a_section_without_content_has_no_page_link_sitemap_entry_or_data() {
    for f in FIXTURES {
        let (_out, files, _) = build(f.name);
        let sitemap = &files["sitemap.xml"];
        let home = &files["index.html"];
        for (url, dataset) in SECTIONS {
            let has = f.sections.contains(url);
            let page = format!("{}index.html", &url[1..]);
            assert_eq!(files.contains_key(&page), has, "{}: {page}", f.name);
            let linked = files
                .iter()
                .filter(|(p, _)| p.ends_with(".html"))
                .filter(|(_, text)| text.contains(&format!("href=\"{url}\"")))
                .map(|(p, _)| p.clone())
                .collect::<Vec<_>>();
            if has {
                assert!(
                    home.contains(&format!("href=\"{url}\"")),
                    "{}: home lacks {url}",
                    f.name
                );
            } else {
                assert!(linked.is_empty(), "{}: {linked:?} link to {url}", f.name);
                assert!(
                    !sitemap.contains(&format!("{url}</loc>")),
                    "{}: sitemap lists {url}",
                    f.name
                );
            }
            if let Some(d) = dataset {
                let has_data = f.datasets.contains(d);
                for ext in ["json", "schema.json"] {
                    let file = format!("data/{d}.{ext}");
                    assert_eq!(files.contains_key(&file), has_data, "{}: {file}", f.name);
                }
                let csvs = files
                    .keys()
                    .filter(|p| p.starts_with(&format!("data/{d}")) && p.ends_with(".csv"))
                    .count();
                assert_eq!(csvs > 0, has_data, "{}: CSV of {d}", f.name);
            }
        }
    }
}

#[test]
fn no_fixture_promises_an_update_it_does_not_publish() {
    for f in FIXTURES {
        let (_out, files, _) = build(f.name);
        for (path, text) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
            let text = text.to_lowercase();
            for promise in [
                "next update",
                "next six-monthly",
                "update every six months",
                "is due by",
            ] {
                assert!(
                    !text.contains(promise),
                    "{}: {path} says “{promise}”",
                    f.name
                );
            }
        }
    }
}

#[test]
fn names_read_as_written_with_one_or_two_bodies() {
    for f in FIXTURES {
        let (_out, files, _) = build(f.name);
        for (path, text) in files
            .iter()
            .filter(|(p, _)| p.ends_with(".html") || p.ends_with(".xml"))
        {
            let lower = text.to_lowercase();
            assert!(
                !lower.contains("the the "),
                "{}: {path} says “the The”",
                f.name
            );
        }
    }
    let (_out, files, _) = build("joint-south-wales");
    let statements = &files["statements/index.html"];
    for body in [
        "The Police and Crime Commissioner for South Wales",
        "South Wales Police",
    ] {
        assert!(
            statements.contains(body) || statements.contains(&body.replacen("The ", "the ", 1)),
            "the joint statements page does not name {body}"
        );
    }
}

#[test]
fn dates_and_calendar_periods_show_at_their_precision() {
    let (_out, files, _) = build("calendar-church");
    let statement = &files["statements/2019/index.html"];
    assert!(
        statement.contains(">April 2020<"),
        "the approval shows as April 2020"
    );
    assert!(!statement.contains("1 April 2020"), "no day is made up");
    assert!(
        statement.contains("January to December 2019"),
        "a calendar year's span"
    );
}

/// The council's statement states no period: the one the site gives it is marked wherever
/// it is shown, and no deadline is judged from it.
#[test]
fn an_inferred_period_is_marked_illustrative() {
    let (_out, files, _) = build("council-stockton");
    let mark = "April 2023 to March 2024 (2023/24) <span class=\"tag tag-illustrative\">";
    assert!(files["statements/2023-24/index.html"].contains(mark));
    for page in ["statements/index.html", "index.html"] {
        let html = &files[page];
        let at = html.find("April 2023 to March 2024").expect(page);
        let line = &html[at..at + html[at..].find("</p>").unwrap()];
        assert!(line.contains("tag-illustrative"), "{page}: {line}");
    }
    // Nor is a next statement promised from it.
    assert!(!files["index.html"].contains("next-heading"));
}
