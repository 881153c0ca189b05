//! The snapshot files themselves: each belongs to a test that makes it, none waits for
//! review, and nothing in the environment lets a missing or changed snapshot pass.
//!
//! insta finds unreferenced snapshots only through `cargo insta test --unreferenced=reject`,
//! and the README's test command is plain `cargo test`. So each family of snapshots has one
//! test that asserts all of it and then fails for any file of the family it did not assert
//! (`common::only_these_snapshots`), and this file fails for any file of no family.

mod common;

use std::fs;

/// Each family (`binary__prefix`) and the test that owns it.
const FAMILIES: [(&str, &str); 5] = [
    (
        "cli__page_",
        "tests/cli.rs: main_of_every_page_kind_is_snapshotted",
    ),
    (
        "registry__summary_",
        "tests/registry.rs: statement_summary_section_is_snapshotted",
    ),
    (
        "invalid__invalid_",
        "tests/invalid.rs: invalid_sites_report_located_diagnostics",
    ),
    (
        "git__diff_",
        "tests/git.rs: diff_of_a_realistic_change_for_people_and_as_markdown",
    ),
    (
        "fixtures__fixture_",
        "tests/fixtures.rs: each_fixture_builds_and_its_pages_are_snapshotted",
    ),
];

#[test]
fn every_snapshot_file_belongs_to_a_test() {
    let mut strays = Vec::new();
    let mut pending = Vec::new();
    let mut counts = [0; FAMILIES.len()];
    for entry in fs::read_dir(common::repo().join("tests/snapshots")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".snap.new") || name.ends_with(".pending-snap") {
            pending.push(name);
        } else if let Some(family) = FAMILIES
            .iter()
            .position(|(prefix, _)| name.starts_with(prefix) && name.ends_with(".snap"))
        {
            counts[family] += 1;
        } else {
            strays.push(name);
        }
    }
    assert!(
        pending.is_empty(),
        "snapshots waiting for review (`cargo insta review`, or delete them): {pending:?}"
    );
    assert!(
        strays.is_empty(),
        "snapshot files no test makes (delete them, or add their test to FAMILIES in {}): {strays:?}",
        file!()
    );
    for ((prefix, owner), count) in FAMILIES.iter().zip(counts) {
        assert!(count > 0, "no {prefix}* snapshot, which {owner} makes");
    }
}

/// `INSTA_UPDATE=always`, `unseen` or `force`, or `INSTA_FORCE_PASS`, make a missing or
/// changed snapshot pass (the file is written instead); the suite must not pass so.
/// `cargo insta test` sets them itself to collect changes for review, which is allowed.
#[test]
fn snapshots_are_compared_not_written() {
    if std::env::var("INSTA_CARGO_INSTA").as_deref() == Ok("1") {
        return;
    }
    let update = std::env::var("INSTA_UPDATE").unwrap_or_default();
    assert!(
        !matches!(update.as_str(), "always" | "1" | "unseen" | "force"),
        "INSTA_UPDATE={update} writes snapshots instead of checking them; run the tests again without it"
    );
    let force = std::env::var("INSTA_FORCE_PASS").unwrap_or_default();
    assert!(
        force.is_empty() || force == "0",
        "INSTA_FORCE_PASS={force} lets a changed snapshot pass; run the tests again without it"
    );
    for config in ["insta.yaml", ".config/insta.yaml"] {
        assert!(
            !common::repo().join(config).exists(),
            "{config} could change when snapshots are written; this suite relies on insta's defaults"
        );
    }
}
