//! Welsh pages of the bilingual fixtures through the real binary, run the README way: a
//! site's own words per language (`i18n/cy.yaml` beside `i18n/en.yaml`), and no English
//! text under `lang="cy"` (issue 13: English on a Welsh page is inside an element with
//! `lang="en"`, with a visible note or marker).

mod common;
use common::{copy_dir, repo};

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn run(site: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_candour"))
        .current_dir(site)
        .args(args)
        .output()
        .unwrap()
}

/// A copy of the fixture `name`, and where to build it.
fn fixture(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &repo().join("tests/browser/fixtures").join(name),
        dir.path(),
    );
    let out = dir.path().join("public");
    (dir, out)
}

fn build(site: &Path, out: &Path) -> String {
    let o = run(
        site,
        &["build", "--no-git", "--out", &out.to_string_lossy()],
    );
    let stderr = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(o.status.success(), "{stderr}");
    stderr
}

fn read(out: &Path, path: &str) -> String {
    fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A site's `i18n/en.yaml` replaces the theme's English words on English pages only, its
/// `i18n/cy.yaml` the Welsh words on Welsh pages only; a key replaced in one language but
/// not the other is a warning at that file, once, with the count and the keys.
#[test]
fn a_sites_own_words_apply_each_to_its_language_and_one_sided_ones_are_warned() {
    let (dir, out) = fixture("bilingual");
    let i18n = dir.path().join("i18n");
    fs::create_dir(&i18n).unwrap();
    fs::write(
        i18n.join("en.yaml"),
        "base:\n  built_with: \"Built by the Commissioner's office.\"\n  licence: \"No licence is offered: {licence} does not apply.\"\n",
    )
    .unwrap();
    fs::write(
        i18n.join("cy.yaml"),
        "base:\n  built_with: \"Adeiladwyd gan swyddfa'r Comisiynydd.\"\n",
    )
    .unwrap();
    let stderr = build(dir.path(), &out);
    let (en, cy) = (read(&out, "index.html"), read(&out, "cy/index.html"));
    assert!(en.contains("Built by the Commissioner's office."), "{en}");
    assert!(!en.contains("Adeiladwyd gan swyddfa"));
    assert!(cy.contains("Adeiladwyd gan swyddfa'r Comisiynydd."), "{cy}");
    assert!(!cy.contains("Built by the Commissioner"));
    // The licence sentence is replaced in English only: Welsh pages keep the theme's.
    assert!(en.contains("No licence is offered"));
    assert!(!cy.contains("No licence is offered"));
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("replaced here but not in"))
        .collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(
        warnings[0].contains("1 key is replaced here but not in i18n/cy.yaml")
            && warnings[0].contains("base.licence"),
        "{stderr}"
    );
    assert!(stderr.contains("--> i18n/en.yaml"), "{stderr}");

    // With the Welsh form given too, nothing is said.
    fs::write(
        i18n.join("cy.yaml"),
        "base:\n  built_with: \"Adeiladwyd gan swyddfa'r Comisiynydd.\"\n  licence: \"Nid oes trwydded: nid yw {licence} yn berthnasol.\"\n",
    )
    .unwrap();
    let stderr = build(dir.path(), &out);
    assert!(!stderr.contains("replaced here but not in"), "{stderr}");
    assert!(read(&out, "cy/index.html").contains("Nid oes trwydded"));

    // A site in one language is never told about another.
    fs::remove_file(i18n.join("cy.yaml")).unwrap();
    let site = dir.path().join("content/site.yaml");
    let text = fs::read_to_string(&site).unwrap();
    fs::write(
        &site,
        text.replace("languages: [en, cy]", "languages: [en]"),
    )
    .unwrap();
    fs::remove_file(dir.path().join("content/site.cy.yaml")).unwrap();
    for f in [
        "pages/about.cy.md",
        "statements/2022-23.cy.md",
        "data/cy/kpis.yaml",
    ] {
        fs::remove_file(dir.path().join("content").join(f)).unwrap();
    }
    let stderr = build(dir.path(), &out);
    assert!(!stderr.contains("replaced here but not in"), "{stderr}");
}
