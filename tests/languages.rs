//! Bilingual sites through the real binary, run the README way (in the site's folder): the
//! two South Wales fixtures (English default with Welsh under /cy/, and Welsh default with
//! English under /en/). Switching languages lands on the same page, untranslated text is
//! marked as English with a note, dates are Welsh, the sitemap's alternates validate, and a
//! translation that gives a figure or a fact is refused.

mod common;
use common::{copy_dir, repo};

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn build(site: &Path, out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_candour"))
        .current_dir(site)
        .args(["build", "--out"])
        .arg(out)
        .output()
        .unwrap()
}

fn fixture(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &repo().join("tests/browser/fixtures").join(name),
        dir.path(),
    );
    let out = dir.path().join("public");
    (dir, out)
}

fn built(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, out) = fixture(name);
    let o = build(dir.path(), &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (dir, out)
}

fn read(out: &Path, path: &str) -> String {
    fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The `href` of the language switch's link on a page.
fn switch(html: &str) -> String {
    let nav = &html[html
        .find("class=\"language-switch\"")
        .expect("a language switch")..];
    let at = nav.find("href=\"").unwrap() + 6;
    nav[at..at + nav[at..].find('"').unwrap()].to_string()
}

fn html_pages(out: &Path) -> Vec<String> {
    let mut pages = Vec::new();
    for entry in walkdir(out) {
        if entry.ends_with("index.html") {
            pages.push(entry);
        }
    }
    pages
}

fn walkdir(dir: &Path) -> Vec<String> {
    let mut all = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                all.push(
                    p.strip_prefix(dir)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    all.sort();
    all
}

#[test]
fn every_page_switches_to_the_same_page_in_the_other_language_and_back() {
    for (name, other, count) in [("bilingual", "cy", 18), ("bilingual-cy", "en", 16)] {
        let (_dir, out) = built(name);
        let pages = html_pages(&out);
        // Every page, in each language (sections exist only with content).
        assert_eq!(pages.len(), count, "{name}: {pages:?}");
        for page in &pages {
            let url = format!("/{}", page.trim_end_matches("index.html"));
            let html = read(&out, page);
            let there = switch(&html);
            let in_other = url.starts_with(&format!("/{other}/"));
            let expected = if in_other {
                url.strip_prefix(&format!("/{other}")).unwrap().to_string()
            } else {
                format!("/{other}{url}")
            };
            assert_eq!(there, expected, "{name}: the switch on {url}");
            let back = read(
                &out,
                &format!("{}index.html", there.trim_start_matches('/')),
            );
            assert_eq!(switch(&back), url, "{name}: the switch back from {there}");
            // The page says its language, and names both in its head.
            let lang = if in_other {
                other
            } else if other == "cy" {
                "en"
            } else {
                "cy"
            };
            assert!(
                html.contains(&format!("<html lang=\"{lang}\">")),
                "{name} {url}"
            );
            assert!(html.contains("<link rel=\"alternate\" hreflang=\"cy\""));
            assert!(html.contains("<link rel=\"alternate\" hreflang=\"en\""));
        }
    }
}

#[test]
fn untranslated_text_is_marked_as_english_with_a_note() {
    let (_dir, out) = built("bilingual");
    // No reporting.cy.md: the Welsh page shows the English, marked, with the Welsh note.
    let page = read(&out, "cy/reporting/index.html");
    assert!(
        page.contains("<div lang=\"en\" class=\"untranslated\">"),
        "{page}"
    );
    assert!(page.contains("<span lang=\"en\" class=\"untranslated\">Report modern slavery</span>"));
    assert!(page.contains("<p class=\"untranslated-note\">Nid yw peth o&#39;r testun ar y dudalen hon ar gael yn Gymraeg eto"));
    // ... and its title in the window title, where no element can go, plain.
    assert!(page.contains("<title>Report modern slavery – Datganiad Caethwasiaeth Fodern</title>"));
    // A translated page's text is Welsh: English only in the footer's link to the page above.
    let about = read(&out, "cy/about/index.html");
    assert!(!about.contains("<div lang=\"en\""), "{about}");
    assert_eq!(
        about.matches("lang=\"en\" class=\"untranslated\"").count(),
        1,
        "{about}"
    );
    // The KPI's title is translated; its value's summary is not yet.
    let kpi = read(&out, "cy/performance/code-of-practice/index.html");
    assert!(
        kpi.contains("<h1>Cydymffurfio â&#39;r Cod Ymarfer"),
        "{kpi}"
    );
    assert!(kpi.contains("<span lang=\"en\" class=\"untranslated\">The statement says"));
    // Text among a statement's facts (reasons an area is not covered) is the original's in
    // every language for now: marked too, never silently English.
    let statement = read(&out, "cy/statements/2022-23/index.html");
    assert!(statement.contains(
        "Ni ymdrinnir ag ef: <span lang=\"en\" class=\"untranslated\">The published statement"
    ));
    // No mark is left anywhere, in any file.
    for file in walkdir(&out) {
        let bytes = fs::read(out.join(&file)).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(['\u{E000}', '\u{E001}', '\u{E002}', '\u{E003}']),
            "{file}"
        );
    }
    // The English site says nothing of translations.
    assert!(!read(&out, "reporting/index.html").contains("untranslated"));
}

#[test]
fn dates_and_spans_are_welsh_on_welsh_pages() {
    let (_dir, out) = built("bilingual");
    let page = read(&out, "cy/statements/2022-23/index.html");
    assert!(page.contains("Ebrill 2022 i Fawrth 2023"), "{page}");
    assert!(!page.contains("April") && !page.contains("March"));
    let en = read(&out, "statements/2022-23/index.html");
    assert!(en.contains("April 2022 to March 2023"));
    // A whole date: the day, the month's Welsh name, the year, "ar" before it.
    let access = read(&out, "cy/accessibility/index.html");
    assert!(
        access.contains("ar <time datetime=\"2024-01-11\">11 Ionawr 2024</time>"),
        "{access}"
    );
    assert!(read(&out, "accessibility/index.html").contains("11 January 2024"));
    // The coverage table links to the Welsh heading in the same place as the English one.
    assert!(
        page.contains("<a href=\"#ein-dull\">Ein dull</a>"),
        "{page}"
    );
    assert!(en.contains("<a href=\"#our-approach\">Our approach</a>"));
}

#[test]
fn one_sitemap_lists_both_languages_with_alternates_and_validates() {
    let (_dir, out) = built("bilingual");
    assert!(!out.join("cy/sitemap.xml").exists() && !out.join("cy/robots.txt").exists());
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains("<url><loc>https://bilingual.example.org/cy/statements/2022-23/</loc><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://bilingual.example.org/statements/2022-23/\"/><xhtml:link rel=\"alternate\" hreflang=\"cy\" href=\"https://bilingual.example.org/cy/statements/2022-23/\"/></url>"), "{sitemap}");
    // A feed per language.
    assert!(read(&out, "cy/feed.xml").contains("xml:lang=\"cy\""));
    assert!(read(&out, "feed.xml").contains("xml:lang=\"en\""));
    let schema = repo().join("tests/browser/sitemap.xsd");
    let Ok(o) = Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(&schema)
        .arg(out.join("sitemap.xml"))
        .output()
    else {
        panic!("xmllint is needed (apt-get install libxml2-utils)");
    };
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn a_translation_gives_text_only() {
    let cases: [(&str, &str, &str, &str); 4] = [
        (
            "content/data/cy/kpis.yaml",
            "kpis:\n  code-of-practice:\n    title: Teitl\n    kind: ansoddol\n",
            "`kind` is not text to translate: it comes from content/data/kpis.yaml alone",
            "content/data/cy/kpis.yaml:4:5",
        ),
        (
            "content/data/cy/kpis.yaml",
            "kpis:\n  code-of-practise:\n    title: Teitl\n",
            "there is no `code-of-practise` in content/data/kpis.yaml's `kpis`",
            "did you mean 'code-of-practice'?",
        ),
        (
            "content/statements/2022-23.cy.md",
            "---\ntitle: Teitl\nperiod: 2023/24\n---\n## Beth yw caethwasiaeth fodern?\n## Ein dull\n### Gorfodaeth\n",
            "`period` is not text to translate: it comes from content/statements/2022-23.md alone",
            "content/statements/2022-23.cy.md:3:1",
        ),
        (
            "content/statements/2022-23.cy.md",
            "---\ntitle: Teitl\n---\n## Beth yw caethwasiaeth fodern?\n### Ein dull\n### Gorfodaeth\n",
            "the headings do not match content/statements/2022-23.md's: heading 2 (\"Ein dull\") is level 3 here, but its original (\"Our approach\") is level 2",
            "content/statements/2022-23.cy.md:5:1",
        ),
    ];
    for (file, text, message, place) in cases {
        let (dir, out) = fixture("bilingual");
        fs::write(dir.path().join(file), text).unwrap();
        let o = build(dir.path(), &out);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "{file}: {err}");
        assert!(err.contains(message), "{file}: {err}");
        assert!(err.contains(place), "{file}: {err}");
    }
}

/// Runs candour in `dir` (the README way: the site's folder, no --root).
fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_candour"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn new_statement_writes_the_draft_and_its_translation_and_replaces_neither() {
    let (dir, out) = fixture("bilingual");
    let o = run(dir.path(), &["new", "statement"]);
    let said = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        said.starts_with("Wrote content/statements/2023-24.md (a draft for 2023/24).\nWrote content/statements/2023-24.cy.md (its translation: the title and headings only; the facts stay in content/statements/2023-24.md).\n"),
        "{said}"
    );
    let original = fs::read_to_string(dir.path().join("content/statements/2023-24.md")).unwrap();
    assert!(
        original.contains("period: 2023/24\ndraft: true\n"),
        "{original}"
    );
    // The translation: its title and the six headings in Welsh, and no fact at all.
    let welsh = fs::read_to_string(dir.path().join("content/statements/2023-24.cy.md")).unwrap();
    assert_eq!(
        welsh,
        "---\ntitle: Datganiad Caethwasiaeth Fodern 2023/24\n---\n\n## Ein sefydliad a'n cadwyni cyflenwi\n\n## Polisïau\n\n## Diwydrwydd dyladwy\n\n## Asesiad risg\n\n## Mesur effeithiolrwydd\n\n## Hyfforddiant\n"
    );
    // The two check together (the headings match by position), and the draft's translation
    // is left out of a build with the draft.
    let o = run(dir.path(), &["check", "--today", "2024-01-01"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run(dir.path(), &["build", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for gone in ["statements/2023-24", "cy/statements/2023-24"] {
        assert!(!out.join(gone).exists(), "{gone}");
    }
    assert!(!read(&out, "cy/statements/index.html").contains("2023/24"));
    assert!(!read(&out, "sitemap.xml").contains("2023-24"));
    // With --drafts both are built, the Welsh one with the Welsh banner and headings, and
    // its coverage table linking to the Welsh heading in the original's place.
    let o = run(
        dir.path(),
        &["build", "--drafts", "--out", out.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = read(&out, "cy/statements/2023-24/index.html");
    assert!(page.contains("Drafft – heb ei gyhoeddi."), "{page}");
    assert!(
        page.contains("<td><a href=\"#polisïau\">Polisïau</a></td>"),
        "{page}"
    );
    assert!(read(&out, "statements/2023-24/index.html").contains("Draft — not published."));
    // Run again: both exist, and neither is replaced.
    let o = run(dir.path(), &["new", "statement", "--period", "2023/24"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("content/statements/2023-24.md already exists")
    );
    // Only the translation there (a translation of nothing, which check refuses): nothing
    // is written.
    fs::remove_file(dir.path().join("content/statements/2023-24.md")).unwrap();
    let o = run(dir.path(), &["new", "statement", "--period", "2023/24"]);
    assert_eq!(o.status.code(), Some(1));
    let said = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(
        said.contains("there is no content/statements/2023-24.md for this to translate"),
        "{said}"
    );
    assert!(!dir.path().join("content/statements/2023-24.md").exists());
    assert_eq!(
        fs::read_to_string(dir.path().join("content/statements/2023-24.cy.md")).unwrap(),
        welsh
    );
}

#[test]
fn new_update_writes_the_translation_too() {
    let (dir, _out) = fixture("bilingual");
    let site = dir.path().join("content/site.yaml");
    let text = fs::read_to_string(&site).unwrap();
    fs::write(&site, format!("{text}reporting:\n  updates: annual\n")).unwrap();
    let o = run(dir.path(), &["new", "update"]);
    let said = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(said.contains("Wrote content/updates/2023-24.md (a draft for 2023/24).\nWrote content/updates/2023-24.cy.md (its translation"), "{said}");
    let welsh = fs::read_to_string(dir.path().join("content/updates/2023-24.cy.md")).unwrap();
    assert!(
        welsh.starts_with("---\ntitle: Diweddariad cynnydd, Ebrill 2023 i Fawrth 2024\n---\n\n## Ein sefydliad a'n cadwyni cyflenwi\n"),
        "{welsh}"
    );
    assert!(!welsh.contains("period") && !welsh.contains("draft") && !welsh.contains("statement:"));
    let o = run(dir.path(), &["check", "--today", "2024-01-01"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn the_registry_summary_and_report_modern_slavery_are_welsh_on_welsh_pages() {
    let (dir, out) = fixture("bilingual");
    // The statement's own words, as a test answer (the fixture gives no registry answers).
    let path = dir.path().join("content/statements/2022-23.md");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen(
            "areas:\n",
            "registry:\n  demonstrating_progress: A local action plan underpins this statement.\nareas:\n",
            1,
        ),
    )
    .unwrap();
    let o = build(dir.path(), &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let cy = read(&out, "cy/statements/2022-23/index.html");
    assert!(cy.contains(">Crynodeb o'r datganiad</h2>"), "{cy}");
    assert!(cy.contains("Dangos cynnydd"), "{cy}");
    assert!(cy.contains("Heb ei ateb"), "{cy}");
    // The answer is the statement's text, in English: marked so.
    assert!(
        cy.contains("<span lang=\"en\" class=\"untranslated\">A local action plan underpins this statement.</span>"),
        "{cy}"
    );
    assert!(!cy.contains("Statement summary") && !cy.contains("Not answered"));
    let en = read(&out, "statements/2022-23/index.html");
    assert!(en.contains(">Statement summary</h2>") && !en.contains("untranslated"));
    // Every Welsh page's footer: the report-modern-slavery words in Welsh, with the Welsh
    // name of the body from site.cy.yaml and the police non-emergency number (sector: police).
    for page in html_pages(&out).iter().filter(|p| p.starts_with("cy/")) {
        let html = read(&out, page);
        for words in [
            "Rhoi gwybod am gaethwasiaeth fodern",
            "ffoniwch y Llinell Gymorth Caethwasiaeth Fodern a Chamfanteisio ar",
            "I gysylltu â'r heddlu pan nad yw'n argyfwng, ffoniwch",
            "Ynglŷn â gwaith a chadwyni cyflenwi Comisiynydd yr Heddlu a Throseddu De Cymru ei hun",
        ] {
            assert!(html.contains(words), "{page}: {words}\n{html}");
        }
        assert!(!html.contains("Report modern slavery</h3>"), "{page}");
    }
}

#[test]
fn a_fact_is_warned_about_once_at_the_original_not_at_its_translation() {
    let (dir, _out) = fixture("bilingual");
    let o = run(dir.path(), &["check", "--today", "2026-01-01"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let said = String::from_utf8_lossy(&o.stderr).into_owned();
    for warning in [
        "warning: the statement does not say who approved it\n  --> content/statements/2022-23.md:",
        "warning: the statement has no `registry:` answers",
        "warning: NOT YET PUBLISHED: there are no statements yet",
    ] {
        assert_eq!(said.matches(warning).count(), 1, "{warning}\n{said}");
    }
    // The translation is named only for its own text not yet translated (the reasons an
    // area is not covered), never for a fact of its original.
    assert_eq!(
        said.matches("--> content/statements/2022-23.cy.md").count(),
        said.matches("not yet translated into 'cy': not_covered.")
            .count(),
        "{said}"
    );
}

#[test]
fn a_joint_statements_bodies_are_named_in_welsh_from_site_cy_yaml() {
    let (dir, out) = fixture("bilingual");
    let content = dir.path().join("content");
    let edit = |file: &str, from: &str, to: &str| {
        let path = content.join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file}: {from}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    // The joint statement's two bodies, as the fixture joint-south-wales names them, and
    // their Welsh names as the Welsh statement and the force write them.
    edit(
        "site.yaml",
        "organisation: The Police and Crime Commissioner for South Wales\n",
        "organisations:\n  - name: The Police and Crime Commissioner for South Wales\n  - name: South Wales Police\n",
    );
    edit(
        "site.cy.yaml",
        "organisation: Comisiynydd yr Heddlu a Throseddu De Cymru\n",
        "organisations:\n  - name: Comisiynydd yr Heddlu a Throseddu De Cymru\n  - name: Heddlu De Cymru\n",
    );
    let o = build(dir.path(), &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let cy = read(&out, "cy/statements/index.html");
    assert!(
        cy.contains("Comisiynydd yr Heddlu a Throseddu De Cymru a Heddlu De Cymru"),
        "{cy}"
    );
    assert!(
        read(&out, "statements/index.html")
            .contains("The Police and Crime Commissioner for South Wales and South Wales Police")
    );
    // Names a Welsh page has no Welsh for are the original's, marked.
    edit(
        "site.cy.yaml",
        "organisations:\n  - name: Comisiynydd yr Heddlu a Throseddu De Cymru\n  - name: Heddlu De Cymru\n",
        "",
    );
    let o = build(dir.path(), &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(read(&out, "cy/statements/index.html").contains(
        "<span lang=\"en\" class=\"untranslated\">The Police and Crime Commissioner for South Wales</span>"
    ));
    // One name for two bodies is refused.
    let path = content.join("site.cy.yaml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        format!("{text}organisations:\n  - name: Heddlu De Cymru\n"),
    )
    .unwrap();
    let o = run(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("error: `organisations` gives 1 entry, but content/site.yaml lists 2")
    );
}

#[test]
fn the_aspects_headings_are_marked_as_the_originals_on_welsh_pages() {
    let (dir, out) = fixture("bilingual");
    let content = dir.path().join("content");
    // Enforcement: the first of the statement's four key areas.
    let site = content.join("site.yaml");
    let text = fs::read_to_string(&site).unwrap();
    fs::write(
        &site,
        format!("{text}aspects:\n  - id: enforcement\n    title: Enforcement\n"),
    )
    .unwrap();
    let kpis = content.join("data/kpis.yaml");
    let text = fs::read_to_string(&kpis).unwrap();
    fs::write(
        &kpis,
        text.replacen(
            "    kind: qualitative\n",
            "    aspect: enforcement\n    kind: qualitative\n",
            1,
        ),
    )
    .unwrap();
    let o = build(dir.path(), &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let cy = read(&out, "cy/performance/index.html");
    assert!(
        cy.contains("<span lang=\"en\" class=\"untranslated\">Enforcement</span>"),
        "{cy}"
    );
    assert!(read(&out, "performance/index.html").contains(">Enforcement</h2>"));
}

#[test]
fn a_missing_site_translation_is_a_warning() {
    // Without site.cy.yaml every Welsh page's header is the English title and names: said.
    let (dir, _) = fixture("bilingual");
    let o = run(dir.path(), &["check"]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(
        !err.contains("the site's title, description and names"),
        "{err}"
    );
    fs::remove_file(dir.path().join("content/site.cy.yaml")).unwrap();
    let o = run(dir.path(), &["check"]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("warning: not yet translated into 'cy': the site's title, description and names show in the original on the 'cy' pages\n  --> content/site.yaml"),
        "{err}"
    );
    assert!(err.contains("as content/site.cy.yaml"), "{err}");
}
