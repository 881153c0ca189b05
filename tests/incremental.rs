//! Sequences of edits after which the dev server's incremental rebuild must equal a clean
//! build of the same files: the same files and warnings when it succeeds, failing when it
//! fails, with the same problems.

mod common;
use common::example_copy;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use candour::check::config::Overrides;
use candour::render::{Body, Memory};
use candour::serve::workspace::{Outcome, Workspace};

struct Site {
    dir: tempfile::TempDir,
    ws: Workspace,
    ov: Overrides,
}

fn text_of(body: &Body) -> String {
    match body {
        Body::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        Body::Copy(p) => format!("<copy of {}>", p.display()),
    }
}

/// A short description of how two sets of files differ.
fn differences(mine: &BTreeMap<String, Body>, clean: &BTreeMap<String, Body>) -> String {
    let mut out = String::new();
    let keys: BTreeSet<&String> = mine.keys().chain(clean.keys()).collect();
    for k in keys {
        match (mine.get(k), clean.get(k)) {
            (Some(_), None) => out += &format!("\n  {k}: only in the incremental build"),
            (None, Some(_)) => out += &format!("\n  {k}: missing from the incremental build"),
            (Some(a), Some(b)) if a != b => {
                let (a, b) = (text_of(a), text_of(b));
                let line = a
                    .lines()
                    .zip(b.lines())
                    .find(|(x, y)| x != y)
                    .map(|(x, y)| format!("incremental {x:?} / clean {y:?}"))
                    .unwrap_or_else(|| format!("lengths {} / {}", a.len(), b.len()));
                out += &format!("\n  {k}: differs: {line}");
            }
            _ => {}
        }
    }
    out
}

impl Site {
    fn new() -> Site {
        Site::with(Overrides {
            base_url: Some("http://127.0.0.1:8000".into()),
            drafts: true,
            ..Overrides::default()
        })
    }

    fn with(ov: Overrides) -> Site {
        let dir = example_copy();
        let mut ws = Workspace::new(dir.path(), ov.clone());
        assert!(ws.rebuild(&BTreeSet::new()).ok, "{:?}", ws.errors);
        Site { dir, ws, ov }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap()
    }

    fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{from} not in {rel}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    fn remove(&self, rel: &str) {
        fs::remove_file(self.path(rel)).unwrap();
    }

    fn rebuild(&mut self, paths: &[&str]) -> Outcome {
        self.ws
            .rebuild(&paths.iter().map(|p| p.to_string()).collect())
    }

    /// The incremental result equals a clean build: files and warnings when it succeeds,
    /// failing when it fails.
    fn check(&self, after: &str) {
        let memory = Memory::default();
        let report = candour::site::build(self.root(), &self.ov, &memory);
        if report.ok() {
            assert!(
                !self.ws.failing(),
                "after {after}: incremental failed where a clean build succeeds: {:?}",
                self.ws.errors
            );
            assert_eq!(self.ws.errors, report.diagnostics, "warnings after {after}");
            let clean = memory.into_map();
            let d = differences(&self.ws.files, &clean);
            assert!(
                d.is_empty(),
                "files differ from a clean build after {after}:{d}"
            );
        } else {
            assert!(
                self.ws.failing(),
                "after {after}: incremental succeeded where a clean build fails: {:?}",
                report.diagnostics
            );
        }
    }

    /// Like `check`, and on failure the problems shown equal a clean build's.
    fn check_errors(&self, after: &str) {
        self.check(after);
        let report = candour::site::build(self.root(), &self.ov, &Memory::default());
        if !report.ok() {
            assert_eq!(
                self.ws.errors, report.diagnostics,
                "problems after {after} differ from a clean build's"
            );
        }
    }

    fn step(&mut self, paths: &[&str], after: &str) -> Outcome {
        let o = self.rebuild(paths);
        self.check(after);
        o
    }
}

const ABOUT: &str = "content/pages/about.md";
const CONTACT: &str = "content/pages/contact.md";
const STATEMENT: &str = "content/statements/2019-20.md";
const H1: &str = "content/updates/2020-21-h1.md";
const SITE: &str = "content/site.yaml";
const COMMITMENTS: &str = "content/data/commitments.yaml";
const KPIS: &str = "content/data/kpis.yaml";

#[test]
fn statement_and_update_markdown_edits() {
    let mut s = Site::new();
    s.edit(
        STATEMENT,
        "## Introduction",
        "## Introduction\n\nAn added line.",
    );
    s.step(&[STATEMENT], "a statement body edit");
    s.edit(STATEMENT, "## Introduction", "## Opening words");
    s.step(&[STATEMENT], "a statement heading edit");
    s.edit(H1, "## What we did", "## What we did\n\nMore done.");
    s.step(&[H1], "an update body edit");
    s.edit(H1, "An illustrative first", "A first");
    s.step(&[H1], "an update summary edit");
    // An area anchor that no longer exists: an error, then its fix.
    s.edit(STATEMENT, "## Policies", "## Our policies");
    s.step(&[STATEMENT], "breaking an area heading");
    s.edit(STATEMENT, "## Our policies", "## Policies");
    s.step(&[STATEMENT], "fixing an area heading");
}

#[test]
fn toc_override_and_heading_edits() {
    let mut s = Site::new();
    s.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<ol>{% for h in content.toc %}<li>{{ h.id }} {{ h.text }}</li>{% endfor %}</ol>{{ content.body_html|safe }}{% endblock %}",
    );
    s.step(&["templates/page.html"], "a toc override");
    s.edit(ABOUT, "## What this site is", "## What this site really is");
    let o = s.step(&[ABOUT], "a heading edit");
    assert_eq!(o.rendered, ["about/index.html"]);
    s.edit(ABOUT, "## What this site really is", "What this site is");
    s.step(&[ABOUT], "removing a heading");
}

#[test]
fn a_template_id_that_a_heading_had() {
    // The theme now gives an element the id a heading had: the heading's id moves, though
    // the Markdown file did not change (the theme's ids are part of its cache key).
    let mut s = Site::new();
    let theme = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/page.html"),
    )
    .unwrap();
    s.write(
        "templates/page.html",
        &theme.replace(
            "<div class=\"prose\">",
            "<p id=\"what-this-site-is\"></p>\n<div class=\"prose\">",
        ),
    );
    s.step(&["templates/page.html"], "a template id a heading had");
    let about = text_of(&s.ws.files["about/index.html"]);
    assert!(about.contains("<h2 id=\"what-this-site-is-1\">"), "{about}");
    s.remove("templates/page.html");
    s.step(&["templates/page.html"], "removing the template");
    let about = text_of(&s.ws.files["about/index.html"]);
    assert!(about.contains("<h2 id=\"what-this-site-is\">"), "{about}");
}

#[test]
fn links_between_pages_after_page_edits() {
    let mut s = Site::new();
    let page_edit = |o: &Outcome| o.steps.first().map(|s| s.0) == Some("read");
    // A link to a heading on another page, added by a page edit, stays a page edit.
    s.edit(
        ABOUT,
        "## What this site is",
        "## What this site is\n\nSee [reporting](/contact/#reporting-modern-slavery).",
    );
    let o = s.step(&[ABOUT], "a link to a heading on another page");
    assert!(page_edit(&o) && o.ok, "{:?}", s.ws.errors);
    // That heading goes: the link to it is broken, as in a clean build.
    s.edit(
        CONTACT,
        "## Reporting modern slavery",
        "## Reporting slavery",
    );
    s.rebuild(&[CONTACT]);
    s.check_errors("removing a heading another page links to");
    assert!(s.ws.failing());
    s.edit(
        CONTACT,
        "## Reporting slavery",
        "## Reporting modern slavery",
    );
    s.rebuild(&[CONTACT]);
    s.check_errors("restoring it");
    assert!(!s.ws.failing());
    // A broken link, and a link to a heading of its own page that goes.
    s.edit(
        ABOUT,
        "See [reporting]",
        "See [nowhere](/nowhere/), [reporting]",
    );
    s.rebuild(&[ABOUT]);
    s.check_errors("a broken link");
    s.edit(
        ABOUT,
        "[nowhere](/nowhere/)",
        "[where](#where-the-content-comes-from)",
    );
    let o = s.rebuild(&[ABOUT]);
    s.check_errors("a link to a heading of its own page");
    assert!(o.ok);
    s.edit(ABOUT, "## Where the content comes from", "## Sources");
    s.rebuild(&[ABOUT]);
    s.check_errors("removing the heading its own link names");
    assert!(s.ws.failing());
    // The link removed by a page edit no longer holds the heading it named.
    s.edit(ABOUT, "## Sources", "## Where the content comes from");
    s.edit(ABOUT, "See [where](#where-the-content-comes-from), [reporting](/contact/#reporting-modern-slavery).", "");
    s.rebuild(&[ABOUT]);
    s.check_errors("removing the links");
    let o = s.step(&[CONTACT], "nothing");
    assert!(o.ok);
    s.edit(
        CONTACT,
        "## Reporting modern slavery",
        "## Reporting slavery",
    );
    let o = s.rebuild(&[CONTACT]);
    s.check_errors("removing a heading nothing links to any more");
    assert!(o.ok && page_edit(&o), "{:?}", s.ws.errors);
}

#[test]
fn page_then_data_referencing_it() {
    let mut s = Site::new();
    s.edit(
        ABOUT,
        "## What this site is",
        "## What this site is\n\nEdited.",
    );
    s.step(&[ABOUT], "a page edit");
    s.edit(COMMITMENTS, "page: about", "page: contact");
    s.step(&[COMMITMENTS], "evidence moved to another page");
    s.edit(COMMITMENTS, "page: contact", "page: nowhere");
    s.step(&[COMMITMENTS], "evidence at an unknown page");
    s.edit(COMMITMENTS, "page: nowhere", "page: about");
    s.step(&[COMMITMENTS], "evidence fixed");
}

#[test]
fn renaming_a_page_in_one_batch() {
    let mut s = Site::new();
    // The commitments' evidence points at `about`: renaming it is an error until fixed.
    let text = s.read(ABOUT);
    s.remove(ABOUT);
    s.write("content/pages/about-us.md", &text);
    s.step(&[ABOUT, "content/pages/about-us.md"], "renaming about.md");
    s.edit(COMMITMENTS, "page: about", "page: about-us");
    s.step(&[COMMITMENTS], "fixing the reference");
    // And back, with the reference, in one batch.
    s.remove("content/pages/about-us.md");
    s.write(ABOUT, &text);
    s.edit(COMMITMENTS, "page: about-us", "page: about");
    s.step(
        &[ABOUT, "content/pages/about-us.md", COMMITMENTS],
        "renaming back with the data",
    );
    // A rename of a page with no references.
    let contact = s.read(CONTACT);
    s.remove(CONTACT);
    s.write("content/pages/get-in-touch.md", &contact);
    s.step(
        &[CONTACT, "content/pages/get-in-touch.md"],
        "renaming contact.md",
    );
}

#[test]
fn mixed_batches() {
    let mut s = Site::new();
    s.edit(
        ABOUT,
        "## What this site is",
        "## What this site is\n\nEdited.",
    );
    s.edit(KPIS, "title: ", "title: Edited ");
    s.step(&[ABOUT, KPIS], "a page and a data edit");
    s.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h2>{{ content.title }}</h2>{{ content.body_html|safe }}{% endblock %}",
    );
    s.edit(ABOUT, "Edited.", "Edited again.");
    s.step(
        &[ABOUT, "templates/page.html"],
        "a page and a template edit",
    );
    s.edit(CONTACT, "---\n\n", "---\n\nContact edit.\n\n");
    s.write("README.md", "readme");
    s.step(
        &[CONTACT, "README.md"],
        "a page edit with a README in the batch",
    );
    s.edit(ABOUT, "Edited again.", "Edited again.  ");
    s.step(&[ABOUT], "a whitespace-only edit");
    s.edit(KPIS, "title: Edited ", "title:  Edited ");
    s.step(&[KPIS], "a whitespace-only data edit");
    s.edit(ABOUT, "Edited again.", "Edited thrice.");
    s.edit(STATEMENT, "## Introduction", "## Introduction\n\nMore.");
    s.step(&[ABOUT, STATEMENT], "a page and a statement edit");
}

#[test]
fn static_files_and_folders() {
    let mut s = Site::new();
    s.write("content/static/new/deeper/a.txt", "a");
    s.step(
        &["content/static/new"],
        "a new folder reported as the folder",
    );
    s.write("content/static/new/deeper/b.txt", "b");
    s.step(
        &["content/static/new/deeper/b.txt"],
        "a file in that folder",
    );
    fs::remove_dir_all(s.path("content/static/new")).unwrap();
    s.step(&["content/static/new"], "the folder removed");
    s.write("content/static/other/x.txt", "x");
    s.step(
        &["content/static/other", "content/static/other/x.txt"],
        "folder and file",
    );
}

#[test]
fn deleting_and_restoring_data_files() {
    let mut s = Site::new();
    for name in [
        "kpis",
        "training",
        "partnerships",
        "actions",
        "prevention-orders",
    ] {
        let rel = format!("content/data/{name}.yaml");
        let text = s.read(&rel);
        s.remove(&rel);
        s.step(&[&rel], &format!("deleting {rel}"));
        s.write(&rel, &text);
        s.step(&[&rel], &format!("restoring {rel}"));
    }
    let text = s.read(COMMITMENTS);
    s.remove(COMMITMENTS);
    s.step(&[COMMITMENTS], "deleting commitments");
    s.write(COMMITMENTS, &text);
    s.step(&[COMMITMENTS], "restoring commitments");
}

#[test]
fn overrides_that_include_each_other() {
    let mut s = Site::new();
    s.write(
        "templates/part.html",
        "<p class=part>one {{ site.title }}</p>",
    );
    s.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}{% include \"part.html\" %}{{ content.body_html|safe }}{% endblock %}",
    );
    s.step(
        &["templates/part.html", "templates/page.html"],
        "two overrides",
    );
    s.write(
        "templates/part.html",
        "<p class=part>two {{ model.kpis|length }}</p>",
    );
    s.step(&["templates/part.html"], "the included one changed");
    s.edit(KPIS, "title: ", "title: X ");
    s.step(&[KPIS], "data the included one reads");
    s.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}{% include \"missing.html\" ignore missing %}{{ content.body_html|safe }}{% endblock %}",
    );
    s.step(&["templates/page.html"], "an include of a missing template");
    s.write("templates/missing.html", "<p>now here</p>");
    s.step(&["templates/missing.html"], "the missing template made");
    s.write(
        "templates/macros2.html",
        "{% macro f() %}{{ model.orders|length }}{% endmacro %}",
    );
    s.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}{% from \"macros2.html\" import f %}{{ f() }}{{ content.body_html|safe }}{% endblock %}",
    );
    s.step(
        &["templates/macros2.html", "templates/page.html"],
        "a macro import",
    );
    s.edit(
        "content/data/prevention-orders.yaml",
        "orders:",
        "orders:\n  # c",
    );
    s.step(&["content/data/prevention-orders.yaml"], "orders comment");
    fs::remove_dir_all(s.path("templates")).unwrap();
    s.step(&["templates"], "templates/ removed");
}

#[test]
fn errors_then_other_edits_then_fixes() {
    let mut s = Site::new();
    s.edit(ABOUT, "title: About this site", "titel: About this site");
    s.step(&[ABOUT], "a page error");
    s.edit(CONTACT, "---\n\n", "---\n\nContact edit.\n\n");
    s.step(&[CONTACT], "another page edited while failing");
    s.edit(KPIS, "title: ", "title: Edited ");
    s.step(&[KPIS], "a data edit while failing");
    s.edit(ABOUT, "titel: About this site", "title: About this site");
    s.step(&[ABOUT], "the fix");
    // A data error, a page edit, the fix.
    s.edit(KPIS, "title: Edited ", "titl: Edited ");
    s.step(&[KPIS], "a data error");
    s.edit(ABOUT, "## What this site is", "## What this site is\n\nX.");
    s.step(&[ABOUT], "a page edit while data fails");
    s.edit(KPIS, "titl: Edited ", "title: Edited ");
    s.step(&[KPIS], "the data fix");
    // A template syntax error, a page edit, the fix.
    s.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}{{ content.title }{% endblock %}",
    );
    s.step(&["templates/page.html"], "a template syntax error");
    s.edit(ABOUT, "X.", "Y.");
    s.step(&[ABOUT], "a page edit while a template fails");
    s.remove("templates/page.html");
    s.step(&["templates/page.html"], "the template removed");
}

#[test]
fn site_settings() {
    let mut s = Site::new();
    s.edit(SITE, "colour: \"#1d3c6e\"", "colour: \"#2d3c6e\"");
    s.step(&[SITE], "colour");
    s.edit(
        SITE,
        "updates: six-monthly",
        "updates: six-monthly\n  update_due_months: 2",
    );
    s.step(&[SITE], "update_due_months");
    s.edit(SITE, "year_starts: 4", "year_starts: 1");
    s.step(&[SITE], "year_starts");
    s.edit(SITE, "language: en-GB", "language: en");
    s.step(&[SITE], "language");
    s.edit(SITE, "language: en", "theme: nothere\nlanguage: en");
    s.step(&[SITE], "a missing theme");
    s.edit(SITE, "theme: nothere\n", "");
    s.step(&[SITE], "the theme fixed");
}

#[test]
fn base_url_without_an_override() {
    let mut s = Site::with(Overrides::default());
    s.edit(
        SITE,
        "base_url: https://modern-slavery.example.org/",
        "base_url: https://example.org/msa/",
    );
    s.step(&[SITE], "a base_url with a path");
    s.edit(
        ABOUT,
        "## What this site is",
        "## What this site is\n\n[The data](/data/).",
    );
    s.step(&[ABOUT], "a root-relative link in a page");
    s.edit(SITE, "base_url: https://example.org/msa/\n", "");
    s.step(&[SITE], "no base_url");
}

#[test]
fn new_and_deleted_pages_and_footer() {
    let mut s = Site::new();
    s.write(
        "content/pages/extra.md",
        "---\ntitle: Extra\n---\n\nExtra.\n",
    );
    s.step(&["content/pages/extra.md"], "a new page");
    s.edit(
        "content/pages/extra.md",
        "title: Extra",
        "title: Extra\nfooter_order: 5",
    );
    s.step(&["content/pages/extra.md"], "into the footer");
    s.edit("content/pages/extra.md", "Extra.", "Extra body.");
    s.step(&["content/pages/extra.md"], "a body edit");
    s.edit(ABOUT, "footer_order: 1", "footer_order: 9");
    s.step(&[ABOUT], "footer order");
    s.edit(ABOUT, "summary: >-", "summary: >-\n  New.");
    s.step(&[ABOUT], "summary");
    s.remove("content/pages/extra.md");
    s.step(&["content/pages/extra.md"], "deleting the page");
    // A page with a symbolic link.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(s.path(ABOUT), s.path("content/pages/link.md")).unwrap();
        s.step(&["content/pages/link.md"], "a symlinked page");
        s.remove("content/pages/link.md");
        s.step(&["content/pages/link.md"], "the link removed");
    }
}

/// Moving a source folder away (`mv content/data /elsewhere`) is one event for the folder.
#[test]
fn a_vanished_source_folder() {
    let mut s = Site::new();
    let away = tempfile::tempdir().unwrap();
    fs::rename(s.path("content/updates"), away.path().join("updates")).unwrap();
    s.step(&["content/updates"], "moving content/updates away");
}

#[test]
fn a_vanished_data_folder() {
    let mut s = Site::new();
    let away = tempfile::tempdir().unwrap();
    fs::rename(s.path("content/data"), away.path().join("data")).unwrap();
    s.step(&["content/data"], "moving content/data away");
}

/// A folder replaced by another (`mv new-pages content/pages`): one event for the folder.
#[test]
fn a_replaced_pages_folder() {
    let mut s = Site::new();
    let away = tempfile::tempdir().unwrap();
    let staged = away.path().join("pages");
    common::copy_dir(&s.path("content/pages"), &staged);
    let about = fs::read_to_string(staged.join("about.md")).unwrap();
    fs::write(
        staged.join("about.md"),
        about.replace(
            "## What this site is",
            "## What this site is\n\nFrom the new folder.",
        ),
    )
    .unwrap();
    fs::rename(s.path("content/pages"), away.path().join("old")).unwrap();
    fs::rename(&staged, s.path("content/pages")).unwrap();
    s.step(&["content/pages"], "replacing content/pages");
}

#[test]
fn markdown_unsafe_html_setting() {
    let mut s = Site::new();
    s.edit(
        ABOUT,
        "## What this site is",
        "## What this site is\n\n<em>raw</em> html.",
    );
    s.step(&[ABOUT], "raw HTML in a page");
    s.edit(
        SITE,
        "language: en-GB",
        "language: en-GB\nmarkdown:\n  unsafe_html: true",
    );
    s.step(&[SITE], "turning on unsafe_html");
}

#[test]
fn render_errors_are_those_of_a_clean_build() {
    let mut s = Site::new();
    // Every page fails at the same place.
    let base = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html"),
    )
    .unwrap();
    s.write(
        "templates/base.html",
        &base.replacen("<body>", "<body>{{ site.no_such_setting.x }}", 1),
    );
    s.rebuild(&["templates/base.html"]);
    s.check_errors("a base template every page fails in");
}

#[test]
fn page_render_errors_keep_the_warnings() {
    let mut s = Site::new();
    // A warning on the contact page, kept through what follows.
    s.edit(CONTACT, "---\n\n", "---\n\n[here](/about/)\n\n");
    s.step(&[CONTACT], "a warning");
    s.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ content.toc[0].text }}</h1>{{ content.body_html|safe }}{% endblock %}",
    );
    s.step(&["templates/page.html"], "a toc override");
    let text = s.read(ABOUT);
    s.write(ABOUT, &text.replace("## ", ""));
    s.rebuild(&[ABOUT]);
    s.check_errors("a page the template cannot render (page-edit path)");
}

#[test]
fn a_static_file_where_a_page_is() {
    let mut s = Site::new();
    s.write("content/static/contact/index.html", "<p>static</p>");
    s.step(
        &["content/static/contact/index.html"],
        "a static file at a page's path",
    );
    assert!(
        s.ws.errors
            .iter()
            .any(|d| d.message.contains("would replace the page /contact/")),
        "{:?}",
        s.ws.errors
    );
    s.edit(CONTACT, "---\n\n", "---\n\nContact edit.\n\n");
    s.step(&[CONTACT], "editing that page");
}

#[test]
fn quick_same_size_edits() {
    let mut s = Site::new();
    for i in 0..20 {
        s.edit(
            ABOUT,
            &format!(
                "## What this site is{}",
                if i == 0 {
                    String::new()
                } else {
                    format!("\n\nv{:02}", i - 1)
                }
            ),
            &format!("## What this site is\n\nv{i:02}"),
        );
        // First edit changes size; later ones keep it.
        s.step(&[ABOUT], &format!("quick edit {i}"));
    }
}

#[test]
fn a_static_file_where_a_page_is_removed() {
    let mut s = Site::new();
    s.write("content/static/contact/index.html", "<p>static</p>");
    s.step(
        &["content/static/contact/index.html"],
        "a static file at a page's path",
    );
    s.remove("content/static/contact/index.html");
    s.step(&["content/static/contact/index.html"], "removing it");
}

/// Templates kept because their text is unchanged keep the file they came from, too.
#[test]
fn a_template_that_moves_file_with_the_same_text() {
    let mut s = Site::new();
    let text = "{% extends \"base.html\" %}{% block content %}<h1>{{ content.toc[0].text }}</h1>{{ content.body_html|safe }}{% endblock %}";
    s.write("templates/page.html", text);
    s.write("themes/default/templates/page.html", text);
    s.step(
        &["templates/page.html", "themes/default/templates/page.html"],
        "the same template twice",
    );
    s.remove("templates/page.html");
    s.step(&["templates/page.html"], "the override removed");
    let about = s.read(ABOUT);
    s.write(ABOUT, &about.replace("## ", ""));
    s.rebuild(&[ABOUT]);
    s.check_errors("a page the theme's template cannot render");
}

/// On file systems with coarse timestamps an edit can keep both the size and the time;
/// a file the watcher names is read again whatever they say.
#[test]
fn an_edit_that_keeps_size_and_time() {
    let mut s = Site::new();
    for (path, from, to) in [
        (ABOUT, "What this site is", "What this-site is"),
        (KPIS, "title: ", "title- "),
    ] {
        let file = s.path(path);
        let time = fs::metadata(&file).unwrap().modified().unwrap();
        s.edit(path, from, to);
        fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(time)
            .unwrap();
        s.step(&[path], "an edit keeping size and time");
    }
}

/// Whatever takes a folder's place in one batch (a link, a file, nothing, another folder)
/// and whatever a link gives way to, the files equal a clean build's: nothing of what was
/// in the folder is kept, nothing is reached through a link.
#[test]
fn a_folder_replaced_by_anything() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("passwd"), "outside the site").unwrap();
    fs::write(outside.path().join("a.txt"), "outside too").unwrap();
    type Change = fn(&Site, &Path);
    let cases: [(&str, &[&str], Change); 7] = [
        (
            "a folder replaced by a link to another folder",
            &["content/static/docs"],
            |s, outside| {
                fs::rename(s.path("content/static/docs"), outside.join("old-docs")).unwrap();
                std::os::unix::fs::symlink(outside, s.path("content/static/docs")).unwrap();
            },
        ),
        (
            "a folder replaced by a file",
            &["content/static/docs"],
            |s, outside| {
                fs::rename(s.path("content/static/docs"), outside.join("old-docs")).unwrap();
                s.write("content/static/docs", "now a file");
            },
        ),
        (
            "a folder moved away",
            &["content/static/docs"],
            |s, outside| {
                fs::rename(s.path("content/static/docs"), outside.join("old-docs")).unwrap();
            },
        ),
        (
            "a folder renamed",
            &["content/static/docs", "content/static/papers"],
            |s, _| {
                fs::rename(
                    s.path("content/static/docs"),
                    s.path("content/static/papers"),
                )
                .unwrap();
            },
        ),
        (
            "a folder replaced by a link to a folder in the site",
            &["content/static/docs"],
            |s, _| {
                fs::rename(s.path("content/static/docs"), s.path("content/static/kept")).unwrap();
                std::os::unix::fs::symlink("kept", s.path("content/static/docs")).unwrap();
            },
        ),
        (
            "the static folder replaced by a link",
            &["content/static"],
            |s, outside| {
                fs::rename(s.path("content/static"), outside.join("old-static")).unwrap();
                std::os::unix::fs::symlink(outside, s.path("content/static")).unwrap();
            },
        ),
        (
            "the pages folder replaced by a link",
            &["content/pages"],
            |s, outside| {
                common::copy_dir(&s.path("content/pages"), &outside.join("pages"));
                fs::rename(s.path("content/pages"), outside.join("old-pages")).unwrap();
                std::os::unix::fs::symlink(outside.join("pages"), s.path("content/pages")).unwrap();
            },
        ),
    ];
    for (what, named, change) in cases {
        let mut s = Site::new();
        s.write("content/static/docs/passwd", "public");
        s.write("content/static/docs/a.txt", "a");
        s.step(&["content/static/docs"], "a new static folder");
        let outside = tempfile::tempdir_in(outside.path()).unwrap();
        fs::write(outside.path().join("passwd"), "outside the site").unwrap();
        change(&s, outside.path());
        s.step(named, what);
        // And back: the link, or the file, gives way to a folder again.
        for path in named {
            let p = s.path(path);
            if fs::symlink_metadata(&p).is_ok_and(|m| !m.is_dir()) {
                fs::remove_file(&p).unwrap();
                s.write(&format!("{path}/back.txt"), "back");
            }
        }
        s.step(named, &format!("{what}, then a folder again"));
    }
}

/// One batch that makes a folder and edits a file keeping its size and time: the walk the
/// folder causes reads the named file again, and every file in a named folder.
#[test]
fn a_new_folder_and_an_edit_that_keeps_size_and_time() {
    let keep_time = |s: &Site, path: &str, edit: &dyn Fn()| {
        let file = s.path(path);
        let time = fs::metadata(&file).unwrap().modified().unwrap();
        edit();
        fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(time)
            .unwrap();
    };
    let mut s = Site::new();
    s.write("content/static/new/a.txt", "a");
    keep_time(&s, ABOUT, &|| {
        s.edit(ABOUT, "What this site is", "What THIS site is")
    });
    s.step(
        &["content/static/new", ABOUT],
        "a new folder and an edit keeping size and time",
    );
    // A pages folder replaced by a copy in which one page was edited, keeping its size and
    // time (`cp -p`, a checkout of another branch).
    let away = tempfile::tempdir().unwrap();
    let staged = away.path().join("pages");
    common::copy_dir(&s.path("content/pages"), &staged);
    let about = fs::read_to_string(s.path(ABOUT)).unwrap();
    let time = fs::metadata(s.path(ABOUT)).unwrap().modified().unwrap();
    fs::write(
        staged.join("about.md"),
        about.replacen("What THIS site is", "What this SITE is", 1),
    )
    .unwrap();
    for entry in fs::read_dir(&staged).unwrap() {
        let entry = entry.unwrap();
        let original = s.path("content/pages").join(entry.file_name());
        let time = fs::metadata(original).map_or(time, |m| m.modified().unwrap());
        fs::File::options()
            .write(true)
            .open(entry.path())
            .unwrap()
            .set_modified(time)
            .unwrap();
    }
    fs::rename(s.path("content/pages"), away.path().join("old")).unwrap();
    fs::rename(&staged, s.path("content/pages")).unwrap();
    s.step(
        &["content/pages"],
        "a pages folder replaced by one with an edit keeping size and time",
    );
}
