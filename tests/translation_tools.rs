//! The author's side of a bilingual site, through the real binary run the README way (in the
//! site's folder): a translation's empty sections shown in the original and counted by
//! `check`, headings matched by position for statements, updates and pages, every
//! diagnostic of a translation at a real line of a real file, and links in a translation's
//! Markdown staying in its language.

mod common;
use common::{copy_dir, repo, run, stderr};

use std::fs;
use std::path::Path;

fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &repo().join("tests/browser/fixtures").join(name),
        dir.path(),
    );
    dir
}

fn write(dir: &Path, path: &str, text: &str) {
    fs::write(dir.join(path), text).unwrap();
}

fn read(dir: &Path, path: &str) -> String {
    fs::read_to_string(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `check`'s diagnostics as JSON.
fn diagnostics(dir: &Path) -> Vec<serde_json::Value> {
    let o = run(&["check", "--no-git", "--format", "json"], dir);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", common::stdout(&o), stderr(&o)));
    v["diagnostics"].as_array().unwrap().clone()
}

/// Builds into `public/` and gives the page at `path` (`cy/statements/2022-23/`), or the
/// build's complaint.
fn page(dir: &Path, path: &str) -> String {
    let o = run(&["build", "--no-git", "--out", "public"], dir);
    assert!(o.status.success(), "{}", stderr(&o));
    read(dir, &format!("public/{path}index.html"))
}

/// The statement's `<main>`, from the first heading of its text on.
fn sections(html: &str) -> &str {
    let main = &html[html.find("<main").unwrap()..];
    &main[..main.find("</main>").unwrap()]
}

const UNTRANSLATED: &str = "<div lang=\"en\" class=\"untranslated\">";

#[test]
fn a_translations_empty_sections_show_the_original_marked_and_are_counted() {
    let dir = fixture("bilingual");
    // What `candour new statement` writes for Welsh: the headings, nothing under them; one
    // section translated.
    write(
        dir.path(),
        "content/statements/2022-23.cy.md",
        "---\ntitle: Datganiad Caethwasiaeth Fodern 2023-2024\nsummary: Crynodeb.\n---\n\n## Beth yw caethwasiaeth fodern?\n\n## Ein dull\n\nGellir rhannu ein dull yn bedwar prif faes.\n\n### Gorfodaeth\n",
    );
    let said = diagnostics(dir.path());
    let warning = said
        .iter()
        .find(|d| {
            d["file"] == "content/statements/2022-23.cy.md"
                && d["message"].as_str().is_some_and(|m| m.contains("section"))
        })
        .expect("a warning on the translation");
    assert_eq!(
        warning["message"],
        "3 sections are not yet translated into 'cy': the text before the first heading, 'Beth yw caethwasiaeth fodern?', 'Gorfodaeth'"
    );
    assert_eq!(warning["severity"], "warning");
    let html = page(dir.path(), "cy/statements/2022-23/");
    let main = sections(&html);
    // The note, and each empty section's English inside lang="en", the translated one not.
    assert!(main.contains("class=\"untranslated-note\""), "{main}");
    let opening = "In accordance with Section 54 of the Modern Slavery Act 2015";
    let modern = "Modern slavery includes slavery, servitude";
    let enforcement = "South Wales Police will take an active part in enforcement";
    for english in [opening, modern, enforcement] {
        let at = main
            .find(english)
            .unwrap_or_else(|| panic!("{english}: {main}"));
        let open = main[..at].rfind(UNTRANSLATED).expect("marked");
        assert!(
            !main[open..at].contains("</div>"),
            "{english} is inside the mark"
        );
    }
    assert!(!main.contains("Our approach to identifying"), "{main}");
    let approach = main.find("Gellir rhannu").unwrap();
    assert!(
        main[..approach].rfind("</div>") > main[..approach].rfind(UNTRANSLATED),
        "the translated section is not marked"
    );
    // No mark is left as a paragraph of its own.
    assert!(
        !main.contains("<p><div") && !main.contains("<p></div>"),
        "{main}"
    );
    // The headings are the translation's, in the contents and the s54(5) table.
    assert!(main.contains("<h2 id=\"ein-dull\">Ein dull</h2>"), "{main}");
    assert!(
        main.contains("<td><a href=\"#ein-dull\">Ein dull</a></td>"),
        "{main}"
    );
    // A translated section is not counted; with every section written, no warning.
    let english = read(dir.path(), "content/statements/2022-23.md");
    assert!(english.contains("## Our approach"));
    write(
        dir.path(),
        "content/statements/2022-23.cy.md",
        "---\ntitle: Datganiad\nsummary: Crynodeb.\n---\nTestun.\n\n## Un\n\nA.\n\n## Dau\n\nB.\n\n### Tri\n\nC.\n",
    );
    // (Its front matter's `not_covered` reasons, which it does not give, are said apart.)
    assert!(
        !diagnostics(dir.path()).iter().any(|d| {
            d["file"] == "content/statements/2022-23.cy.md"
                && d["message"].as_str().is_some_and(|m| m.contains("section"))
        }),
        "a whole translation has nothing to say"
    );
}

#[test]
fn a_translation_with_no_body_shows_the_original_body_marked_and_is_warned_about() {
    let dir = fixture("bilingual");
    write(
        dir.path(),
        "content/statements/2022-23.cy.md",
        "---\ntitle: Datganiad\nsummary: Crynodeb.\n---\n",
    );
    write(
        dir.path(),
        "content/pages/about.cy.md",
        "---\ntitle: Ynglŷn â'r wefan hon\n---\n\n",
    );
    let said = diagnostics(dir.path());
    for file in [
        "content/statements/2022-23.cy.md",
        "content/pages/about.cy.md",
    ] {
        assert!(
            said.iter().any(|d| d["file"] == file
                && d["severity"] == "warning"
                && d["message"]
                    == "the text is not yet translated into 'cy': the page shows the original's, marked as such"),
            "{file}: {said:#?}"
        );
        // Not a heading mismatch: the original's headings are shown.
        assert!(
            !said
                .iter()
                .any(|d| d["file"] == file && d["severity"] == "error")
        );
    }
    let main = sections(&page(dir.path(), "cy/statements/2022-23/")).to_string();
    assert!(
        main.contains("<h2 id=\"our-approach\"><span lang=\"en\" class=\"untranslated\">Our approach</span></h2>"),
        "{main}"
    );
    let at = main.find("Modern slavery includes").unwrap();
    assert!(
        main[..at].ends_with(&format!("{UNTRANSLATED}\n<p>")),
        "{main}"
    );
    let about = read(dir.path(), "public/cy/about/index.html");
    let at = about.find("This site publishes").unwrap();
    assert!(
        about[..at].ends_with(&format!("{UNTRANSLATED}\n<p>")),
        "{about}"
    );
}

#[test]
fn an_updates_headings_are_matched_to_the_originals_and_a_pages_are_warned_about() {
    let dir = fixture("bilingual");
    let site = read(dir.path(), "content/site.yaml");
    write(
        dir.path(),
        "content/site.yaml",
        &format!("{site}reporting:\n  updates: annual\n"),
    );
    let o = run(&["new", "update"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let welsh = read(dir.path(), "content/updates/2023-24.cy.md");
    // One heading too few.
    let fewer = welsh.replacen("\n## Hyfforddiant\n", "\n", 1);
    assert_ne!(fewer, welsh);
    write(dir.path(), "content/updates/2023-24.cy.md", &fewer);
    write(
        dir.path(),
        "content/pages/about.cy.md",
        "---\ntitle: Ynglŷn\n---\nTestun.\n\n## Pennawd nad yw yn y gwreiddiol\n\nMwy.\n",
    );
    let said = diagnostics(dir.path());
    let update = said
        .iter()
        .find(|d| d["file"] == "content/updates/2023-24.cy.md" && d["severity"] == "error")
        .unwrap_or_else(|| panic!("{said:#?}"));
    assert_eq!(
        update["message"],
        "the headings do not match content/updates/2023-24.md's: this has 5 headings, the original 6: 1 of the original's headings 1 to 6 at level 2 (\"Our organisation and supply chains\", \"Policies\", \"Due diligence\", \"Risk assessment\", ...) has none here; by their levels alone it cannot be told which"
    );
    let page = said
        .iter()
        .find(|d| {
            d["file"] == "content/pages/about.cy.md"
                && d["message"].as_str().unwrap().starts_with("the headings")
        })
        .unwrap_or_else(|| panic!("{said:#?}"));
    assert_eq!(page["severity"], "warning");
    assert_eq!(
        page["message"],
        "the headings do not match content/pages/about.md's: this has 1 heading, the original none: this file's heading 1 (\"Pennawd nad yw yn y gwreiddiol\", level 2) has no original"
    );
}

/// Every diagnostic of a translation (`.cy.md`, `.en.md`) with a line is at a line of that
/// file as written, never at the generated line of JSON its merged front matter is.
fn assert_real_lines(dir: &Path, said: &[serde_json::Value]) {
    for d in said {
        let file = d["file"].as_str().unwrap();
        let line = d["line"].as_u64().unwrap() as usize;
        if line == 0 {
            continue;
        }
        let quoted = d["source_line"].as_str().unwrap_or("");
        assert!(!quoted.starts_with("{\""), "{d:#}");
        let text = read(dir, file);
        let real = text
            .lines()
            .nth(line - 1)
            .unwrap_or_else(|| panic!("{d:#}"));
        assert!(
            real.contains(quoted.trim_matches('…')),
            "{file}:{line} is '{real}', not '{quoted}'"
        );
    }
}

#[test]
fn no_diagnostic_of_a_translation_points_into_its_generated_front_matter() {
    for (name, path) in [
        ("bilingual", "content/statements/2022-23.cy.md"),
        ("bilingual-cy", "content/statements/2022-23.en.md"),
    ] {
        let dir = fixture(name);
        let text = read(dir.path(), path);
        // The translation's headings at other levels than the original's: the areas' heading
        // ids are not found in it, which is the mismatch's doing and not said again.
        let changed = text.replacen("\n## ", "\n### ", 1);
        assert_ne!(changed, text);
        write(dir.path(), path, &changed);
        let said = diagnostics(dir.path());
        let mine: Vec<_> = said.iter().filter(|d| d["file"] == path).collect();
        assert!(
            mine.iter().any(|d| d["message"]
                .as_str()
                .unwrap()
                .starts_with("the headings do not match")),
            "{name}: {mine:#?}"
        );
        assert!(!mine.iter().any(|d| d["line"] == 2), "{name}: {mine:#?}");
        assert_real_lines(dir.path(), &said);
    }
    // A section shown in the original moves the translation's later lines down in the merged
    // file: a broken link below is still said at its own line.
    let dir = fixture("bilingual");
    write(
        dir.path(),
        "content/statements/2022-23.cy.md",
        "---\ntitle: Datganiad\nsummary: Crynodeb.\n---\n\n## Beth yw caethwasiaeth fodern?\n\n## Ein dull\n\nGweler [y dudalen](/dim-tudalen/).\n\n### Gorfodaeth\n\nTestun.\n",
    );
    let said = diagnostics(dir.path());
    let link = said
        .iter()
        .find(|d| d["severity"] == "error")
        .unwrap_or_else(|| panic!("{said:#?}"));
    assert_eq!(link["file"], "content/statements/2022-23.cy.md");
    assert_eq!(link["line"], 10, "{link:#}");
    assert_real_lines(dir.path(), &said);
}

#[test]
fn a_link_in_a_translation_goes_to_the_page_in_its_language_and_a_file_stays() {
    for (name, translation, original, prefix) in [
        (
            "bilingual",
            "content/pages/about.cy.md",
            "content/pages/about.md",
            "cy",
        ),
        (
            "bilingual-cy",
            "content/pages/about.en.md",
            "content/pages/about.md",
            "en",
        ),
    ] {
        let dir = fixture(name);
        let links = "\n[Statement](/statements/2022-23/) [Data](/data/kpis.csv) [Open data](/data/) [Home](/) [Style](/theme/style.css)\n";
        for path in [translation, original] {
            let text = read(dir.path(), path);
            write(dir.path(), path, &format!("{text}{links}"));
        }
        let html = page(dir.path(), &format!("{prefix}/about/"));
        for (text, href) in [
            ("Statement", format!("/{prefix}/statements/2022-23/")),
            ("Data", "/data/kpis.csv".to_string()),
            ("Open data", format!("/{prefix}/data/")),
            ("Home", format!("/{prefix}/")),
            ("Style", "/theme/style.css".to_string()),
        ] {
            let a = format!("<a href=\"{href}\">{text}</a>");
            assert!(html.contains(&a), "{name}: {a}");
        }
        // The default language's page links as written.
        let default = read(dir.path(), "public/about/index.html");
        assert!(
            default.contains("<a href=\"/statements/2022-23/\">Statement</a>"),
            "{name}"
        );
        // The link checker follows the translated address: a page only one language would
        // have is not there.
        let text = read(dir.path(), translation);
        write(
            dir.path(),
            translation,
            &text.replace("/statements/2022-23/", "/statements/2019-20/"),
        );
        let said = diagnostics(dir.path());
        assert!(
            said.iter().any(|d| d["file"] == translation
                && d["message"]
                    == "the link '/statements/2019-20/' goes to a page this site does not have"),
            "{name}: {said:#?}"
        );
    }
}

#[test]
fn a_link_to_a_statements_heading_goes_to_the_heading_in_its_place_in_the_translation() {
    let dir = fixture("bilingual");
    // An untranslated page (the English text on the Welsh page) and a translation link to
    // the statement's "Our approach" by its English id; the Welsh statement's heading in
    // that place is "Ein dull".
    let link = "\nSee [our approach](/statements/2022-23/#our-approach).\n";
    let reporting = read(dir.path(), "content/pages/reporting.md");
    write(
        dir.path(),
        "content/pages/reporting.md",
        &format!("{reporting}{link}"),
    );
    let about = read(dir.path(), "content/pages/about.cy.md");
    write(
        dir.path(),
        "content/pages/about.cy.md",
        &format!(
            "{about}\nGweler [ein dull](/statements/2022-23/#our-approach) ac [eto](/statements/2022-23/#ein-dull).\n"
        ),
    );
    let html = page(dir.path(), "cy/reporting/");
    assert!(
        html.contains("<a href=\"/cy/statements/2022-23/#ein-dull\">our approach</a>"),
        "{html}"
    );
    let html = read(dir.path(), "public/cy/about/index.html");
    assert!(
        html.contains("<a href=\"/cy/statements/2022-23/#ein-dull\">ein dull</a>"),
        "{html}"
    );
    assert!(html.contains("<a href=\"/cy/statements/2022-23/#ein-dull\">eto</a>"));
    // The English page links as written.
    assert!(
        read(dir.path(), "public/reporting/index.html")
            .contains("<a href=\"/statements/2022-23/#our-approach\">our approach</a>")
    );
    // An id neither version has is still said.
    write(
        dir.path(),
        "content/pages/about.cy.md",
        &format!("{about}\n[Dim](/statements/2022-23/#dim-pennawd).\n"),
    );
    let said = diagnostics(dir.path());
    assert!(
        said.iter().any(|d| d["file"] == "content/pages/about.cy.md"
            && d["message"]
                == "the link '/statements/2022-23/#dim-pennawd' goes to no heading on /cy/statements/2022-23/"),
        "{said:#?}"
    );
}

#[test]
fn an_untranslated_statements_text_is_marked_as_the_original() {
    let dir = fixture("bilingual");
    fs::remove_file(dir.path().join("content/statements/2022-23.cy.md")).unwrap();
    let html = page(dir.path(), "cy/statements/2022-23/");
    let main = sections(&html);
    for english in [
        "In accordance with Section 54 of the Modern Slavery Act 2015",
        "<h2 id=\"our-approach\">Our approach</h2>",
    ] {
        let at = main
            .find(english)
            .unwrap_or_else(|| panic!("{english}: {main}"));
        let open = main[..at]
            .rfind(UNTRANSLATED)
            .unwrap_or_else(|| panic!("{english} is not marked: {main}"));
        assert!(!main[open..at].contains("</div>"), "{english}: {main}");
    }
}

/// The `check` errors on the statement's translation that say its headings do not match:
/// (message, line) each.
fn heading_errors(dir: &Path) -> Vec<(String, u64)> {
    diagnostics(dir)
        .iter()
        .filter(|d| {
            d["file"] == "content/statements/2022-23.cy.md"
                && d["message"]
                    .as_str()
                    .unwrap()
                    .starts_with("the headings do not match")
        })
        .map(|d| {
            (
                d["message"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn each_heading_that_does_not_match_is_reported_at_its_own_line() {
    let dir = fixture("bilingual");
    let path = "content/statements/2022-23.cy.md";
    let text = read(dir.path(), path);
    let line_of =
        |text: &str, heading: &str| text.lines().position(|l| l == heading).unwrap() as u64 + 1;
    // A heading at another level: named, at its line.
    let deeper = text.replacen("\n## Ein dull\n", "\n### Ein dull\n", 1);
    write(dir.path(), path, &deeper);
    assert_eq!(
        heading_errors(dir.path()),
        [(
            "the headings do not match content/statements/2022-23.md's: heading 2 (\"Ein dull\") is level 3 here, but its original (\"Our approach\") is level 2".to_string(),
            line_of(&deeper, "### Ein dull")
        )]
    );
    // A heading missing from a run of two at level 2: both named, since by levels either
    // could be the one, at the heading that stands for the run.
    let start = text.find("## Ein dull").unwrap();
    let end = text.find("### Gorfodaeth").unwrap();
    let fewer = format!("{}{}", &text[..start], &text[end..]);
    write(dir.path(), path, &fewer);
    assert_eq!(
        heading_errors(dir.path()),
        [(
            "the headings do not match content/statements/2022-23.md's: this has 2 headings, the original 3: 1 of the original's headings 1 to 2 at level 2 (\"What is modern slavery?\", \"Our approach\") has none here; by their levels alone it cannot be told which".to_string(),
            line_of(&fewer, "## Beth yw caethwasiaeth fodern?")
        )]
    );
    // A heading at another level and one added at the end: both reported, each named.
    let both = format!("{deeper}\n#### Manylion\n\nTestun.\n");
    write(dir.path(), path, &both);
    assert_eq!(
        heading_errors(dir.path()),
        [
            (
                "the headings do not match content/statements/2022-23.md's: heading 2 (\"Ein dull\") is level 3 here, but its original (\"Our approach\") is level 2".to_string(),
                line_of(&both, "### Ein dull")
            ),
            (
                "the headings do not match content/statements/2022-23.md's: this has 4 headings, the original 3: this file's heading 4 (\"Manylion\", level 4) has no original".to_string(),
                line_of(&both, "#### Manylion")
            ),
        ]
    );
    // One heading too many, after the first: named at its line.
    let more = text.replacen(
        "\n## Ein dull\n",
        "\n## Ychwanegol\n\nTestun.\n\n## Ein dull\n",
        1,
    );
    write(dir.path(), path, &more);
    assert_eq!(
        heading_errors(dir.path()),
        [(
            "the headings do not match content/statements/2022-23.md's: this has 4 headings, the original 3: 1 of this file's headings 1 to 3 at level 2 (\"Beth yw caethwasiaeth fodern?\", \"Ychwanegol\", \"Ein dull\") has no original; by their levels alone it cannot be told which".to_string(),
            line_of(&more, "## Beth yw caethwasiaeth fodern?")
        )]
    );
}

#[test]
fn a_heading_left_as_the_originals_is_counted_and_marked_as_untranslated() {
    let dir = fixture("bilingual");
    let path = "content/statements/2022-23.cy.md";
    let text = read(dir.path(), path);
    // What `candour new update` writes for a heading whose Welsh is not given: the original's.
    let english = text.replacen("\n## Ein dull\n", "\n## Our approach\n", 1);
    assert_ne!(english, text);
    write(dir.path(), path, &english);
    let said = diagnostics(dir.path());
    let warning = said
        .iter()
        .find(|d| {
            d["file"] == path
                && d["message"]
                    .as_str()
                    .unwrap()
                    .contains("heading is not yet")
        })
        .unwrap_or_else(|| panic!("{said:#?}"));
    assert_eq!(
        warning["message"],
        "1 heading is not yet translated into 'cy': the heading 'Our approach'"
    );
    assert_eq!(warning["severity"], "warning");
    let html = page(dir.path(), "cy/statements/2022-23/");
    let main = sections(&html);
    assert!(
        main.contains("<span lang=\"en\" class=\"untranslated\">Our approach</span></h2>"),
        "{main}"
    );
    // Its Welsh heading: not marked, not counted.
    assert!(
        main.contains(">Beth yw caethwasiaeth fodern?</h2>"),
        "{main}"
    );
}

#[test]
fn a_problem_in_the_sites_translation_is_at_its_real_line() {
    let dir = fixture("bilingual");
    let site = read(dir.path(), "content/site.yaml");
    write(
        dir.path(),
        "content/site.yaml",
        &format!(
            "{site}licence:\n  name: Open Government Licence v3.0\n  url: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/\n"
        ),
    );
    let welsh = read(dir.path(), "content/site.cy.yaml");
    let welsh = format!("{welsh}licence:\n  name: Trwydded\n  url: \"javascript:alert(1)\"\n");
    write(dir.path(), "content/site.cy.yaml", &welsh);
    let said = diagnostics(dir.path());
    let error = said
        .iter()
        .find(|d| d["file"] == "content/site.cy.yaml" && d["severity"] == "error")
        .unwrap_or_else(|| panic!("{said:#?}"));
    assert_eq!(
        error["line"].as_u64().unwrap() as usize,
        welsh.lines().count(),
        "{error:#}"
    );
    assert_eq!(error["source_line"], "  url: \"javascript:alert(1)\"");
    assert_real_lines(dir.path(), &said);
}

#[test]
fn language_and_languages_both_given_is_one_error_at_the_line_its_hint_names() {
    let dir = fixture("bilingual");
    let site = read(dir.path(), "content/site.yaml");
    let both = format!("{site}language: en-GB\n");
    write(dir.path(), "content/site.yaml", &both);
    let said = diagnostics(dir.path());
    let errors: Vec<_> = said.iter().filter(|d| d["severity"] == "error").collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(
        errors[0]["message"],
        "give `language` or `languages`, not both"
    );
    assert!(
        errors[0]["hint"]
            .as_str()
            .unwrap()
            .contains("remove `language`")
    );
    assert_eq!(errors[0]["source_line"], "language: en-GB");
    assert_eq!(
        errors[0]["line"].as_u64().unwrap() as usize,
        both.lines().count()
    );
}

#[test]
fn the_hint_for_an_untranslated_data_file_shows_its_own_shape_and_following_it_works() {
    let dir = fixture("bilingual");
    fs::copy(
        repo().join("content/data/prevention-orders.yaml"),
        dir.path().join("content/data/prevention-orders.yaml"),
    )
    .unwrap();
    let warning = |said: &[serde_json::Value]| {
        said.iter()
            .find(|d| {
                d["message"]
                    .as_str()
                    .unwrap()
                    .contains("not yet translated")
                    && d["hint"]
                        .as_str()
                        .is_some_and(|h| h.contains("cy/prevention-orders.yaml"))
            })
            .unwrap_or_else(|| panic!("{said:#?}"))
            .clone()
    };
    let said = diagnostics(dir.path());
    let first = warning(&said);
    let hint = first["hint"].as_str().unwrap();
    // Orders are by period: the example is the first text not translated, in its place.
    let example = hint.split('`').nth(1).unwrap();
    assert_eq!(example, "orders: {2018/19: {source: ...}}");
    write(
        dir.path(),
        "content/data/cy/prevention-orders.yaml",
        &format!(
            "{}\n",
            example.replace("...", "Datganiad Caethwasiaeth Fodern 2019/20")
        ),
    );
    let said = diagnostics(dir.path());
    assert!(!said.iter().any(|d| d["severity"] == "error"), "{said:#?}");
    let count = |d: &serde_json::Value| {
        d["message"]
            .as_str()
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse::<usize>()
            .unwrap()
    };
    assert_eq!(count(&warning(&said)) + 1, count(&first));
}

#[test]
fn an_empty_translation_is_one_not_yet_written_and_a_bare_one_is_told_its_own_fields() {
    let dir = fixture("bilingual");
    // What an editor's "new file" leaves: nothing. A warning, the page in the original.
    write(dir.path(), "content/pages/about.cy.md", "");
    let said = diagnostics(dir.path());
    let mine: Vec<_> = said
        .iter()
        .filter(|d| d["file"] == "content/pages/about.cy.md")
        .collect();
    assert_eq!(mine.len(), 1, "{mine:#?}");
    assert_eq!(mine[0]["severity"], "warning");
    assert_eq!(
        mine[0]["message"],
        "this translation is empty: its title, summary and text show in the original on the 'cy' pages"
    );
    let html = page(dir.path(), "cy/about/");
    assert!(html.contains("class=\"untranslated-note\""), "{html}");
    // Text with no front matter: an error whose hint names only what a translation gives.
    write(dir.path(), "content/pages/about.cy.md", "Testun.\n");
    let said = diagnostics(dir.path());
    let error = said
        .iter()
        .find(|d| d["file"] == "content/pages/about.cy.md" && d["severity"] == "error")
        .unwrap_or_else(|| panic!("{said:#?}"));
    assert_eq!(error["message"], "this file has no front matter");
    let hint = error["hint"].as_str().unwrap();
    assert!(hint.contains("(title, summary)"), "{hint}");
    assert!(!hint.contains("period"), "{hint}");
}

#[test]
fn a_misnamed_data_translation_is_told_the_name_it_may_mean() {
    let dir = fixture("bilingual");
    write(dir.path(), "content/data/cy/kpi.yaml", "kpis: {}\n");
    let said = diagnostics(dir.path());
    let d = said
        .iter()
        .find(|d| d["file"] == "content/data/cy/kpi.yaml")
        .unwrap_or_else(|| panic!("{said:#?}"));
    assert_eq!(d["message"], "candour does not read this data file");
    assert_eq!(
        d["hint"],
        "did you mean data/cy/kpis.yaml? rename it to that if that is what it holds"
    );
}

#[test]
fn a_link_to_a_pages_heading_goes_to_the_heading_in_its_place_in_the_translation() {
    let dir = fixture("bilingual");
    let about = read(dir.path(), "content/pages/about.md");
    write(
        dir.path(),
        "content/pages/about.md",
        &format!("{about}\n## Where the content comes from\n\nThe published statement.\n"),
    );
    let welsh = read(dir.path(), "content/pages/about.cy.md");
    write(
        dir.path(),
        "content/pages/about.cy.md",
        &format!(
            "{welsh}\nGweler [o ble](/about/#where-the-content-comes-from).\n\n## O ble daw'r cynnwys\n\nY datganiad cyhoeddedig.\n"
        ),
    );
    let said = diagnostics(dir.path());
    assert!(!said.iter().any(|d| d["severity"] == "error"), "{said:#?}");
    let html = page(dir.path(), "cy/about/");
    assert!(
        html.contains("<a href=\"/cy/about/#o-ble-dawr-cynnwys\">o ble</a>"),
        "{html}"
    );
    // A link to no heading: said as written, at its address, not the Welsh version's.
    let text = read(dir.path(), "content/pages/about.cy.md");
    write(
        dir.path(),
        "content/pages/about.cy.md",
        &text.replace("#where-the-content-comes-from", "#o-ble-dawr-cynnws"),
    );
    let said = diagnostics(dir.path());
    let error = said
        .iter()
        .find(|d| d["severity"] == "error")
        .unwrap_or_else(|| panic!("{said:#?}"));
    assert_eq!(
        error["message"],
        "the link '/about/#o-ble-dawr-cynnws' goes to no heading on this page"
    );
    assert_eq!(error["hint"], "did you mean '/about/#o-ble-dawr-cynnwys'?");
    assert_eq!(
        error["source_line"],
        "Gweler [o ble](/about/#o-ble-dawr-cynnws)."
    );
    assert_eq!(error["column"], "Gweler [o ble](".len() + 1);
}
