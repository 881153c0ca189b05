//! Translations of nested text through the real binary, run the README way (in the site's
//! folder): a translation mirrors its original's structure (records by id, per-period
//! records by period, other lists by position) and gives any of its text; every fact in it
//! is refused; every text it does not give is counted in its file's warning.
//!
//! The sites are copies of the bilingual fixture (the South Wales Commissioner's statement)
//! with a few texts added, each English with its published Welsh: the statement's own
//! (Enforcement / Gorfodaeth, Chief Constable / Prif Gwnstabl, the Code of Practice's name,
//! its action plan sentence), and an accessibility issue as HM Revenue and Customs'
//! accessible documents policy words it in English and Welsh (gov.uk, `.cy`).

mod common;
use common::{copy_dir, repo};

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// Runs candour in `dir` (the site's folder, no --root).
fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_candour"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("tests/browser/fixtures/bilingual"), dir.path());
    dir
}

/// Replaces `from` (which must be there) with `to` in `file` under content/.
fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join("content").join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file}: {from}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn write(dir: &Path, file: &str, text: &str) {
    fs::write(dir.join("content").join(file), text).unwrap();
}

fn read(dir: &Path, page: &str) -> String {
    fs::read_to_string(dir.join("public").join(page)).unwrap_or_else(|e| panic!("{page}: {e}"))
}

const ACTION_PLAN: &str =
    "An action plan to deliver the Code's commitments underpins that commitment.";
const ACTION_PLAN_CY: &str =
    "Mae cynllun gweithredu i gyflawni'r ymrwymiadau yn y Cod yn ategu'r ymroddiad hwn.";
const ISSUE: &str = "Not marked up in a way that allows screen reader users to understand them.";
const ISSUE_CY: &str =
    "Heb eu marcio mewn ffordd sy'n caniatáu i ddefnyddwyr darllenwyr sgrin eu deall.";

/// The bilingual fixture with an aspect, a signatory, an action with a progress note, a
/// charter and a KPI value's summary, and their Welsh.
fn site_with_nested_text() -> tempfile::TempDir {
    let dir = fixture();
    let d = dir.path();
    edit(
        d,
        "site.yaml",
        "contact:\n",
        "aspects:\n  - id: enforcement\n    title: Enforcement\ncontact:\n",
    );
    edit(
        d,
        "site.yaml",
        "Some older PDF reports are not tagged for screen readers.",
        ISSUE,
    );
    edit(
        d,
        "site.cy.yaml",
        "# The accessibility",
        "aspects:\n  enforcement:\n    title: Gorfodaeth\n# The accessibility",
    );
    edit(
        d,
        "site.cy.yaml",
        "    - {}\n",
        &format!("    - issue: \"{ISSUE_CY}\"\n"),
    );
    edit(
        d,
        "statements/2022-23.md",
        "areas:\n",
        "approval:\n  signed_by:\n    - role: Chief Constable\nareas:\n",
    );
    edit(
        d,
        "statements/2022-23.cy.md",
        "---\nYn unol",
        "approval:\n  signed_by:\n    - role: Prif Gwnstabl\n---\nYn unol",
    );
    edit(
        d,
        "data/kpis.yaml",
        "    kind: qualitative\n",
        "    aspect: enforcement\n    kind: qualitative\n",
    );
    edit(
        d,
        "data/kpis.yaml",
        "        summary: >-\n          The statement says an action plan to deliver the Code's commitments underpins\n          the commitment to comply with it.\n",
        &format!("        summary: \"{ACTION_PLAN}\"\n"),
    );
    let cy_kpis = fs::read_to_string(d.join("content/data/cy/kpis.yaml")).unwrap();
    write(
        d,
        "data/cy/kpis.yaml",
        &format!("{cy_kpis}    values:\n      2022/23:\n        summary: \"{ACTION_PLAN_CY}\"\n"),
    );
    write(
        d,
        "data/actions.yaml",
        &format!(
            "actions:\n  - id: code-action-plan\n    title: The Code of Practice's action plan\n    aspect: enforcement\n    progress:\n      - period: 2022/23\n        note: \"{ACTION_PLAN}\"\n"
        ),
    );
    write(
        d,
        "data/cy/actions.yaml",
        &format!(
            "actions:\n  code-action-plan:\n    progress:\n      2022/23:\n        note: \"{ACTION_PLAN_CY}\"\n"
        ),
    );
    write(
        d,
        "data/commitments.yaml",
        "charter:\n  title: Code of Practice on Ethical Employment in Supply Chains\n  signed_on: 2017\ncommitments: []\n",
    );
    write(
        d,
        "data/cy/commitments.yaml",
        "charter:\n  title: Cod Ymarfer Cyflogaeth Foesegol mewn Cadwyni Cyflenwi\n",
    );
    dir
}

/// Every HTML page under `dir` whose text holds `what`.
fn pages_with(dir: &Path, what: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.join("public")];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html")
                && fs::read_to_string(&p).unwrap().contains(what)
            {
                found.push(
                    p.strip_prefix(dir.join("public"))
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    found.sort();
    found
}

fn html(text: &str) -> String {
    text.replace('\'', "&#39;")
}

#[test]
fn nested_texts_are_translated_on_the_welsh_pages_and_only_there() {
    let dir = site_with_nested_text();
    let d = dir.path();
    let o = run(d, &["build", "--out", "public"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for (english, welsh, page) in [
        (
            ACTION_PLAN,
            ACTION_PLAN_CY,
            "performance/code-of-practice/index.html",
        ),
        (ACTION_PLAN, ACTION_PLAN_CY, "action-plan/index.html"),
        (
            "Code of Practice on Ethical Employment in Supply Chains",
            "Cod Ymarfer Cyflogaeth Foesegol mewn Cadwyni Cyflenwi",
            "commitments/index.html",
        ),
        (ISSUE, ISSUE_CY, "accessibility/index.html"),
        ("Enforcement", "Gorfodaeth", "performance/index.html"),
        (
            "Chief Constable",
            "Prif Gwnstabl",
            "statements/2022-23/index.html",
        ),
    ] {
        let en = read(d, page);
        let cy = read(d, &format!("cy/{page}"));
        assert!(en.contains(&html(english)), "{page}: {english}");
        assert!(cy.contains(&html(welsh)), "cy/{page}: {welsh}");
        assert!(!en.contains(&html(welsh)), "{page}: {welsh}");
        assert!(
            pages_with(d, &html(welsh))
                .iter()
                .all(|p| p.starts_with("cy/")),
            "{welsh}"
        );
    }
}

#[test]
fn nested_texts_not_given_are_counted_where_they_can_be_given() {
    let dir = site_with_nested_text();
    let d = dir.path();
    // The texts the fixture's translations leave out, counted by hand from its files.
    let o = run(d, &["check", "--no-git"]);
    let said = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{said}");
    for (warning, file) in [
        (
            "warning: 1 text is not yet translated into 'cy': kpis.code-of-practice.values[2022/23].summary",
            "",
        ),
        (
            "warning: 1 text is not yet translated into 'cy': actions.code-action-plan.title\n",
            "content/data/cy/actions.yaml",
        ),
        // The issue is given; the WCAG criterion's name, which has no official Welsh
        // form, is not.
        (
            "warning: 1 text is not yet translated into 'cy': accessibility.non_accessible[1].wcag\n",
            "content/site.cy.yaml",
        ),
        (
            "warning: 5 texts are not yet translated into 'cy': not_covered.due-diligence, not_covered.effectiveness, not_covered.risk, not_covered.structure, not_covered.training\n",
            "content/statements/2022-23.cy.md",
        ),
    ] {
        if file.is_empty() {
            assert!(!said.contains(warning), "{said}");
        } else {
            assert!(
                said.contains(&format!("{warning}  --> {file}")),
                "{warning}\n{said}"
            );
        }
    }
    assert!(!said.contains("commitments.yaml"), "{said}");
    // Without its translation, a data file's every text is counted at the original.
    fs::remove_file(d.join("content/data/cy/actions.yaml")).unwrap();
    let o = run(d, &["check", "--no-git"]);
    let said = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(said.contains("warning: 2 texts are not yet translated into 'cy': actions.code-action-plan.progress[2022/23].note, actions.code-action-plan.title\n  --> content/data/actions.yaml"), "{said}");
}

#[test]
fn a_fact_inside_nested_text_is_refused() {
    for (file, from, to, message, place, hint) in [
        (
            "data/cy/kpis.yaml",
            "summary:",
            "value: 3\n        summary:",
            "`value` is not text to translate: it comes from content/data/kpis.yaml alone",
            "content/data/cy/kpis.yaml:11:9",
            "a translation gives only text",
        ),
        (
            "data/cy/kpis.yaml",
            "summary:",
            "status: achieved\n        summary:",
            "`status` is not text to translate: it comes from content/data/kpis.yaml alone",
            "content/data/cy/kpis.yaml:11:9",
            "a translation gives only text",
        ),
        (
            "data/cy/actions.yaml",
            "        note:",
            "        period: 2023/24\n        note:",
            "`period` is not text to translate: it comes from content/data/actions.yaml alone",
            "content/data/cy/actions.yaml:5:9",
            "a translation gives only text",
        ),
        (
            "data/cy/kpis.yaml",
            "2022/23:",
            "2021/22:",
            "there is no period `2021/22` in content/data/kpis.yaml's `values`",
            "content/data/cy/kpis.yaml:10:7",
            "did you mean '2022/23'?",
        ),
        (
            "data/cy/actions.yaml",
            "2022/23:",
            "2022/23 H1:",
            "there is no period `2022/23 H1` in content/data/actions.yaml's `progress`",
            "content/data/cy/actions.yaml:4:7",
            "did you mean '2022/23'?",
        ),
        (
            "statements/2022-23.cy.md",
            "    - role: Prif Gwnstabl\n",
            "    - role: Prif Gwnstabl\n    - role: Comisiynydd\n",
            "`signed_by` gives 2 entries, but content/statements/2022-23.md lists 1",
            "content/statements/2022-23.cy.md:6:5",
            "in the same order",
        ),
        (
            "site.cy.yaml",
            "    title: Gorfodaeth\n",
            "    title: Gorfodaeth\n    id: gorfodaeth\n",
            "`id` is not text to translate: it comes from content/site.yaml alone",
            "content/site.cy.yaml:8:5",
            "a translation gives only text",
        ),
        (
            "statements/2022-23.cy.md",
            "approval:\n",
            "registry:\n  other_policies: Polisi\napproval:\n",
            "content/statements/2022-23.md has no `registry` here to translate",
            "content/statements/2022-23.cy.md:4:1",
            "add it to the original first",
        ),
        (
            "data/cy/commitments.yaml",
            "charter:",
            "commitments:\n  code: {text: Cod}\ncharter:",
            "content/data/commitments.yaml's `commitments` has no text to translate",
            "content/data/cy/commitments.yaml:1:1",
            "a translation gives only text",
        ),
        (
            "site.cy.yaml",
            "  enforcement:",
            "  enforcment:",
            "there is no `enforcment` in content/site.yaml's `aspects`",
            "content/site.cy.yaml:6:3",
            "did you mean 'enforcement'?",
        ),
    ] {
        let dir = site_with_nested_text();
        let d = dir.path();
        edit(d, file, from, to);
        let o = run(d, &["check", "--no-git"]);
        let said = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(1), "{file}: {said}");
        assert_eq!(said.matches("error:").count(), 1, "{file}: {said}");
        let at = said
            .find(message)
            .unwrap_or_else(|| panic!("{message}\n{said}"));
        assert!(said[at..].contains(place), "{place}\n{said}");
        assert!(said[at..].contains(hint), "{hint}\n{said}");
    }
}

#[test]
fn site_settings_in_a_translation_are_one_clear_error_each_inside_the_file() {
    for (added, message) in [
        (
            "language: cy\n",
            "error: `language` is not text to translate: it comes from content/site.yaml alone\n  --> content/site.cy.yaml:5:1",
        ),
        (
            "languages: [cy, en]\n",
            "error: `languages` is not text to translate: it comes from content/site.yaml alone\n  --> content/site.cy.yaml:5:1",
        ),
        (
            "aspects:\n  - title: Gorfodaeth\n",
            "error: `aspects` should be a mapping by id\n  --> content/site.cy.yaml:6:3",
        ),
        // A licence the original does not give, even its name alone: refused at its line,
        // never a complaint about the merged file's generated text.
        (
            "licence:\n  name: Trwydded Llywodraeth Agored fersiwn 3.0\n",
            "error: content/site.yaml gives no `licence`: a translation gives only the text of what its original gives\n  --> content/site.cy.yaml:5:1\n  |\n5 | licence:",
        ),
    ] {
        let dir = site_with_nested_text();
        let d = dir.path();
        let path = d.join("content/site.cy.yaml");
        // The fixture's own Welsh, without the aspects this test gives its own way.
        let text = fs::read_to_string(&path).unwrap();
        let text = text.replace("aspects:\n  enforcement:\n    title: Gorfodaeth\n", "");
        let cut = text.find("# The accessibility").unwrap();
        fs::write(&path, format!("{}{added}{}", &text[..cut], &text[cut..])).unwrap();
        let o = run(d, &["check", "--no-git"]);
        let said = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(said.matches("error:").count(), 1, "{added}: {said}");
        assert!(said.contains(message), "{message}\n{said}");
    }
}

#[test]
fn a_new_updates_translation_has_the_aspects_welsh_headings_and_passes_check() {
    let dir = site_with_nested_text();
    let d = dir.path();
    edit(
        d,
        "site.yaml",
        "contact:\n",
        "reporting:\n  updates: annual\ncontact:\n",
    );
    let o = run(d, &["new", "update"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let welsh = fs::read_to_string(d.join("content/updates/2023-24.cy.md")).unwrap();
    assert!(welsh.contains("\n## Gorfodaeth\n"), "{welsh}");
    let english = fs::read_to_string(d.join("content/updates/2023-24.md")).unwrap();
    assert!(english.contains("\n## Enforcement\n"), "{english}");
    let o = run(d, &["check", "--no-git"]);
    let said = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{said}");
    assert!(!said.contains("updates/2023-24.cy.md"), "{said}");
}
