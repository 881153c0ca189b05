//! Drafts (`draft: true` on a statement, update or page) through the real binary, from the
//! site's folder: left out of `build` and everything that lists them unless `--drafts`,
//! shown by `serve` with a banner, and checked in full.

mod common;
use common::{example_copy, run, start_serve, stderr};

use std::fs;
use std::path::Path;

const BIN: &str = env!("CARGO_BIN_EXE_candour");
const BANNER: &str = "Draft — not published.";

const STATEMENT: &str = "---
title: Modern Slavery Statement 2020/21
period: 2020/21
published: 2021-09-20
draft: true
approval:
  approved_by: Test Board
  approved_on: 2021-09-01
  signed_by:
    - role: Chief Executive
      signed_on: 2021-09-02
areas:
  structure: structure
  policies: policies
  due-diligence: due-diligence
  risk: risk
  effectiveness: effectiveness
  training: training
---

## Structure

## Policies

## Due diligence

## Risk

## Effectiveness

## Training
";

const UPDATE: &str = "---
title: Six-month update, April to September 2021
period: 2021/22 H1
published: 2021-10-30
statement: 2020/21
draft: true
---

Progress on [the statement](/statements/2020-21/).
";

const PAGE: &str = "---
title: Our plans
draft: true
footer_order: 9
---

Plans for next year.
";

/// The example site with a draft statement, a draft update following it and a draft page.
fn site_with_drafts() -> tempfile::TempDir {
    let site = example_copy();
    let c = site.path().join("content");
    fs::write(c.join("statements/2020-21.md"), STATEMENT).unwrap();
    fs::write(c.join("updates/2021-22-h1.md"), UPDATE).unwrap();
    fs::write(c.join("pages/plans.md"), PAGE).unwrap();
    site
}

fn read(dir: &Path, file: &str) -> String {
    fs::read_to_string(dir.join(file)).unwrap_or_else(|_| panic!("{file} built"))
}

#[test]
fn drafts_are_left_out_of_a_build_and_everything_that_lists_it() {
    let site = site_with_drafts();
    let o = run(&["build"], site.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = site.path().join("public");
    for gone in [
        "statements/2020-21/index.html",
        "updates/2021-22-h1/index.html",
        "plans/index.html",
    ] {
        assert!(!out.join(gone).exists(), "{gone} was built");
    }
    for (file, text) in [
        ("statements/index.html", "/statements/2020-21/"),
        ("updates/index.html", "/updates/2021-22-h1/"),
        ("index.html", "/statements/2020-21/"),
        ("index.html", "/updates/2021-22-h1/"),
        ("index.html", "/plans/"),
        ("about/index.html", "/plans/"),
        ("feed.xml", "/statements/2020-21/"),
        ("feed.xml", "/updates/2021-22-h1/"),
        ("sitemap.xml", "/statements/2020-21/"),
        ("sitemap.xml", "/updates/2021-22-h1/"),
        ("sitemap.xml", "/plans/"),
        ("data/registry.csv", "/statements/2020-21/"),
        ("data/registry.json", "/statements/2020-21/"),
    ] {
        assert!(!read(&out, file).contains(text), "{file} names {text}");
    }
    for file in walk(&out) {
        assert!(
            !read(&out, &file).contains(BANNER),
            "{file} has the draft banner"
        );
    }

    // With --drafts they are published, each with its banner, and listed.
    let o = run(&["build", "--drafts", "--out", "with-drafts"], site.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = site.path().join("with-drafts");
    for page in [
        "statements/2020-21/index.html",
        "updates/2021-22-h1/index.html",
        "plans/index.html",
    ] {
        assert!(read(&out, page).contains(BANNER), "{page} has no banner");
    }
    assert!(!read(&out, "statements/2019-20/index.html").contains(BANNER));
    assert!(read(&out, "statements/index.html").contains("/statements/2020-21/"));
    // Each list names a draft as one after its title, and only a draft.
    const TAG: &str = "<strong class=\"tag tag-draft\">Draft</strong>";
    for (file, title) in [
        (
            "statements/index.html",
            "Modern Slavery Statement 2020/21</a>",
        ),
        (
            "updates/index.html",
            "Six-month update, April to September 2021</a>",
        ),
        ("index.html", "Modern Slavery Statement 2020/21</a>"),
    ] {
        let html = read(&out, file);
        assert!(html.contains(&format!("{title} {TAG}")), "{file}: {html}");
        assert_eq!(
            html.matches(TAG).count(),
            1 + usize::from(file == "index.html"),
            "{file}"
        );
    }
    assert!(read(&out, "sitemap.xml").contains("/plans/"));
    assert!(read(&out, "feed.xml").contains("/updates/2021-22-h1/"));
    assert!(read(&out, "data/registry.csv").contains("/statements/2020-21/"));
}

fn walk(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .extension()
                .is_some_and(|x| x == "html" || x == "xml" || x == "csv")
            {
                files.push(p.strip_prefix(dir).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    files
}

#[test]
fn a_draft_is_checked_in_full() {
    let site = site_with_drafts();
    // A broken link and a bad date in a draft are errors, as in any page.
    fs::write(
        site.path().join("content/updates/2021-22-h1.md"),
        UPDATE
            .replace("/statements/2020-21/", "/statements/2020-22/")
            .replace("published: 2021-10-30", "published: 2021-10-32"),
    )
    .unwrap();
    let o = run(&["check"], site.path());
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("2021-22-h1.md"), "{err}");
    assert!(err.contains("2021-10-32"), "{err}");
    fs::write(
        site.path().join("content/updates/2021-22-h1.md"),
        UPDATE.replace("/statements/2020-21/", "/statements/2020-22/"),
    )
    .unwrap();
    let err = stderr(&run(&["check"], site.path()));
    assert!(
        err.contains("/statements/2020-22/"),
        "the draft's broken link: {err}"
    );

    // A published update cannot follow a draft statement, nor a published page link to a draft.
    fs::write(
        site.path().join("content/updates/2021-22-h1.md"),
        UPDATE.replace("draft: true\n", ""),
    )
    .unwrap();
    let o = run(&["check"], site.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("which is a draft"), "{}", stderr(&o));
    let o = run(&["build", "--drafts"], site.path());
    assert!(o.status.success(), "{}", stderr(&o));

    // Evidence that points at a draft update says so, not that there is no such update.
    let h2 = site.path().join("content/updates/2020-21-h2.md");
    let original = fs::read_to_string(&h2).unwrap();
    fs::write(&h2, original.replacen("---\n", "---\ndraft: true\n", 1)).unwrap();
    let err = stderr(&run(&["check"], site.path()));
    assert!(
        err.contains("error: the 2020/21 H2 update is a draft, which is not published\n  --> content/data/commitments.yaml"),
        "{err}"
    );
    assert!(!err.contains("there is no update for"), "{err}");
    fs::write(&h2, original).unwrap();
    // And so does evidence that points at a draft page.
    let commitments = site.path().join("content/data/commitments.yaml");
    let original = fs::read_to_string(&commitments).unwrap();
    fs::write(
        &commitments,
        original.replacen("page: about", "page: plans", 1),
    )
    .unwrap();
    let err = stderr(&run(&["check"], site.path()));
    assert!(
        err.contains("error: the page 'plans' is a draft, which is not published\n  --> content/data/commitments.yaml"),
        "{err}"
    );
    fs::write(&commitments, original).unwrap();

    // A published page's link to a draft says so, not "did you mean" another page.
    fs::write(site.path().join("content/updates/2021-22-h1.md"), UPDATE).unwrap();
    let about = site.path().join("content/pages/about.md");
    let text = fs::read_to_string(&about).unwrap();
    fs::write(&about, format!("{text}\nSee [our plans](/plans/).\n")).unwrap();
    let err = stderr(&run(&["check"], site.path()));
    assert!(
        err.contains("error: the link '/plans/' goes to a draft, content/pages/plans.md, which is not published"),
        "{err}"
    );
    assert!(!err.contains("did you mean"), "{err}");
    let o = run(&["build", "--drafts"], site.path());
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn serve_shows_drafts_with_their_banner_unless_told_not_to() {
    let site = site_with_drafts();
    let server = start_serve(BIN, site.path());
    let (status, body) = get(server.port, "/statements/2020-21/");
    assert_eq!(status, 200);
    assert!(body.contains(BANNER), "{body}");
    let (_, list) = get(server.port, "/statements/");
    assert!(list.contains("/statements/2020-21/"));
    drop(server);
    let server = common::start_serve_in(BIN, site.path(), &["--no-drafts"]);
    let (status, _) = get(server.port, "/statements/2020-21/");
    assert_eq!(status, 404);
}

fn get(port: u16, target: &str) -> (u16, String) {
    common::request(port, target, &format!("127.0.0.1:{port}"))
}
