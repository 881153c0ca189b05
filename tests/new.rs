//! `candour new update` and `candour new statement` through the real binary, from the
//! site's folder: the next period, the draft written, the checklist of missing data (never a
//! figure written), refusal to replace a file, and `--period`.

mod common;
use common::{example_copy, run, stderr, stdout};

use std::fs;

#[test]
fn new_update_starts_the_half_after_the_latest_with_a_checklist() {
    let site = example_copy();
    let o = run(&["new", "update"], site.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stdout(&o);
    // The next period after 2020/21 H2.
    assert!(
        said.starts_with("Wrote content/updates/2021-22-h1.md (a draft for 2021/22 H1).\n"),
        "{said}"
    );
    let path = site.path().join("content/updates/2021-22-h1.md");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with(
        "---\ntitle: Six-month update, April to September 2021\nperiod: 2021/22 H1\nstatement: 2019/20\ndraft: true\n"
    ), "{text}");
    // A heading per aspect site.yaml declares, and no figure anywhere.
    for heading in ["## Force capability\n", "## Business engagement strategy\n"] {
        assert!(text.contains(heading), "{text}");
    }
    let body = text.splitn(3, "---\n").nth(2).unwrap();
    assert!(
        !body.chars().any(|c| c.is_ascii_digit()),
        "a figure in {body}"
    );
    // The checklist names each dataset entry the period lacks.
    let kpis = fs::read_to_string(site.path().join("content/data/kpis.yaml")).unwrap();
    let kpi_count = kpis.lines().filter(|l| l.starts_with("  - id: ")).count();
    let listed = said
        .lines()
        .filter(|l| l.starts_with("  [ ] content/data/kpis.yaml: "))
        .count();
    assert_eq!(listed, kpi_count, "{said}");
    // Figures are not held back by the draft: the officer is told so.
    assert!(
        said.ends_with("Figures added to the data files are published with the next build, whether or not the report is still a draft.\n"),
        "{said}"
    );
    assert!(
        said.contains("  [ ] content/data/prevention-orders.yaml: no orders for 2021/22 H1"),
        "{said}"
    );
    assert!(
        said.contains("content/data/training.yaml: first-responder-training"),
        "{said}"
    );
    assert!(
        said.contains("content/data/actions.yaml: key-risk-indicators"),
        "{said}"
    );
    // The site still checks (the draft is checked in full), and builds without it.
    let o = run(&["check", "--today", "2021-06-01"], site.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(run(&["build"], site.path()).status.success());
    assert!(
        !site
            .path()
            .join("public/updates/2021-22-h1/index.html")
            .exists()
    );

    // A draft has no publication date yet, and is not warned for it.
    let o = run(&["check", "--today", "2021-11-15"], site.path());
    assert!(
        !stderr(&o).contains("gives no publication date"),
        "{}",
        stderr(&o)
    );

    // A second run refuses to replace it, and leaves it as it was.
    fs::write(&path, format!("{text}\nMy notes.\n")).unwrap();
    let o = run(&["new", "update", "--period", "2021/22 H1"], site.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o)
            .contains("content/updates/2021-22-h1.md already exists; candour does not replace it"),
        "{}",
        stderr(&o)
    );
    assert!(fs::read_to_string(&path).unwrap().ends_with("My notes.\n"));

    // Without --period, run again by mistake, it does not start the half after an
    // unfinished draft: it names the draft.
    let o = run(&["new", "update"], site.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o)
            .contains("the 2021/22 H1 update (content/updates/2021-22-h1.md) is still a draft"),
        "{}",
        stderr(&o)
    );
    assert!(!site.path().join("content/updates/2021-22-h2.md").exists());
    // --period still starts another.
    let o = run(&["new", "update", "--period", "2021/22 H2"], site.path());
    assert!(
        stdout(&o).starts_with("Wrote content/updates/2021-22-h2.md"),
        "{}",
        stdout(&o)
    );
    // A period long over gets no note; one not yet ended is said to be so.
    assert!(!stdout(&o).contains("has not ended"), "{}", stdout(&o));
    let o = run(&["new", "update", "--period", "2090/91 H1"], site.path());
    assert!(
        stdout(&o).contains("Note: 2090/91 H1 has not ended: it ends on 30 September 2090, "),
        "{}",
        stdout(&o)
    );
    fs::remove_file(site.path().join("content/updates/2090-91-h1.md")).unwrap();
    // A whole year is not an update's period.
    let o = run(&["new", "update", "--period", "2022/23"], site.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("an update covers a half year"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn new_statement_starts_the_next_year_as_a_draft() {
    let site = example_copy();
    let o = run(&["new", "statement"], site.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("Wrote content/statements/2020-21.md (a draft for 2020/21).\n"),
        "{}",
        stdout(&o)
    );
    let text = fs::read_to_string(site.path().join("content/statements/2020-21.md")).unwrap();
    assert!(
        text.starts_with(
            "---\ntitle: Modern Slavery Statement 2020/21\nperiod: 2020/21\ndraft: true\n"
        ),
        "{text}"
    );
    // The six areas mapped to the headings written below.
    for (key, id, heading) in [
        (
            "structure",
            "our-organisation-and-supply-chains",
            "Our organisation and supply chains",
        ),
        ("due-diligence", "due-diligence", "Due diligence"),
        (
            "effectiveness",
            "measuring-effectiveness",
            "Measuring effectiveness",
        ),
    ] {
        assert!(text.contains(&format!("\n  {key}: {id}\n")), "{text}");
        assert!(text.contains(&format!("\n## {heading}\n")), "{text}");
    }
    // Its approval is reported until it is filled in (a warning, as for any statement that
    // does not say it); the draft does not block the site.
    let o = run(&["check", "--today", "2021-06-01"], site.path());
    assert!(o.status.success(), "{}", stderr(&o));
    for gap in [
        "the statement does not say who approved it",
        "the statement does not say who signed it",
    ] {
        assert!(stderr(&o).contains(gap), "{}", stderr(&o));
    }
    // Refused the second time; another year with --period.
    let o = run(&["new", "statement", "--period", "2020/21"], site.path());
    assert_eq!(o.status.code(), Some(1));
    let o = run(&["new", "statement", "--period", "2022/23"], site.path());
    assert!(
        stdout(&o).starts_with("Wrote content/statements/2022-23.md"),
        "{}",
        stdout(&o)
    );
    // A period in the other calendar's form is refused before anything is written.
    let o = run(&["new", "statement", "--period", "2024"], site.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o)
            .contains("'2024' is a calendar year, but this site's reporting year starts in April"),
        "{}",
        stderr(&o)
    );
    assert!(!site.path().join("content/statements/2024.md").exists());
    // A year that already has a statement under another file name is refused, naming it.
    fs::rename(
        site.path().join("content/statements/2022-23.md"),
        site.path().join("content/statements/next.md"),
    )
    .unwrap();
    let o = run(&["new", "statement", "--period", "2022/23"], site.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("content/statements/next.md is already the 2022/23 statement"),
        "{}",
        stderr(&o)
    );
    fs::rename(
        site.path().join("content/statements/next.md"),
        site.path().join("content/statements/2022-23.md"),
    )
    .unwrap();
    // Published without approval: still a warning at its own file, never a guess.
    let path = site.path().join("content/statements/2022-23.md");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("draft: true\n", "published: 2023-09-01\n"),
    )
    .unwrap();
    let o = run(&["check", "--today", "2021-06-01"], site.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("warning: the statement does not say who approved it\n  --> content/statements/2022-23.md"),
        "{}",
        stderr(&o)
    );
    // A statement made under the legal duty is followed by one under it too.
    let path = site.path().join("content/statements/2022-23.md");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replacen("period: 2022/23\n", "period: 2022/23\nbasis: required\n", 1),
    )
    .unwrap();
    let o = run(&["new", "statement"], site.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let text = fs::read_to_string(site.path().join("content/statements/2023-24.md")).unwrap();
    assert!(
        text.contains("\nperiod: 2023/24\nbasis: required\ndraft: true\n"),
        "{text}"
    );
}

#[test]
fn new_update_follows_the_sites_cadence() {
    let site = example_copy();
    let site_yaml = site.path().join("content/site.yaml");
    let original = fs::read_to_string(&site_yaml).unwrap();
    // updates: none promises no update: a clear refusal, and nothing written.
    fs::write(
        &site_yaml,
        original.replace("  updates: six-monthly\n", "  updates: none\n"),
    )
    .unwrap();
    let o = run(&["new", "update"], site.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("this site promises no updates between its statements (`reporting.updates: none` in site.yaml)"),
        "{}",
        stderr(&o)
    );
    assert!(!site.path().join("content/updates/2021-22-h1.md").exists());
    // Annual updates cover a year: on a blank starter (its one statement, 2025/26) the next
    // is the year after the statement, titled a progress update.
    let parent = tempfile::tempdir().unwrap();
    let starter = parent.path().join("council");
    let o = run(
        &["init", "council", "--name", "Example Council"],
        parent.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let yaml = starter.join("content/site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    assert!(text.contains("  updates: none "), "{text}");
    fs::write(
        &yaml,
        text.replace("  updates: none ", "  updates: annual "),
    )
    .unwrap();
    let site = starter;
    let o = run(&["new", "update"], &site);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("Wrote content/updates/2026-27.md (a draft for 2026/27).\n"),
        "{}",
        stdout(&o)
    );
    let text = fs::read_to_string(site.join("content/updates/2026-27.md")).unwrap();
    assert!(
        text.starts_with("---\ntitle: Progress update, April 2026 to March 2027\nperiod: 2026/27\nstatement: 2025/26\n"),
        "{text}"
    );
    let o = run(&["new", "update", "--period", "2021/22 H1"], &site);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("this site's updates are annual"),
        "{}",
        stderr(&o)
    );
}
