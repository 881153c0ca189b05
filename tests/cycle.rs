//! The reporting cycle through the real binary, from the site's folder with a fixed
//! `--today`: statements due soon and overdue (worded as the Home Office's recommendation
//! for a voluntary statement), updates missing by the cadence (`reporting.updates`, with or
//! without `update_due_months`), `--deadlines error`, an update with no figures, and the
//! home page's headlines all of one period.

mod common;
use common::{example_copy, run};

use std::fs;
use std::path::Path;

fn check_on(day: &str, dir: &Path) -> (Option<i32>, String) {
    let o = run(&["check", "--today", day], dir);
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// The deadline lines of `check`'s output (not the registry's questions).
fn deadline_lines(err: &str) -> Vec<&str> {
    err.lines()
        .filter(|l| {
            (l.starts_with("warning:") || l.starts_with("error:"))
                && !l.contains("the registry will ask")
        })
        .collect()
}

#[test]
fn each_deadline_state_on_a_fixed_day() {
    let site = example_copy();
    // Not due: months before the 2020/21 statement's date.
    let (code, err) = check_on("2021-06-01", site.path());
    assert_eq!(code, Some(0));
    assert!(deadline_lines(&err).is_empty(), "{err}");

    // Due soon: 20 days before 30 September 2021, worded as a recommendation.
    let (code, err) = check_on("2021-09-10", site.path());
    assert_eq!(code, Some(0));
    assert_eq!(
        deadline_lines(&err),
        [
            "warning: there is no 2020/21 statement yet: the Home Office recommends publishing it by 30 September 2021, in 20 days"
        ],
        "{err}"
    );
    // Said at the latest statement's period, never at a file that does not exist (a CI
    // annotation there would show nowhere).
    assert!(
        err.contains("--> content/statements/2019-20.md:3:9"),
        "{err}"
    );
    assert!(
        err.contains("`candour new statement --period 2020/21` starts it"),
        "{err}"
    );

    // Overdue: the statement. The 2021/22 H1 update the six-monthly cadence promises is not
    // yet judged: the example gives no update_due_months, so a missing update is reported
    // only six months after its period ends.
    let (code, err) = check_on("2021-11-15", site.path());
    assert_eq!(
        code,
        Some(0),
        "deadlines must not block an unrelated change by default"
    );
    let lines = deadline_lines(&err);
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].starts_with("warning: NOT YET PUBLISHED: there is no 2020/21 statement yet; the Home Office recommends publishing within six months of the year's end, by 30 September 2021, 46 days ago"), "{err}");
    assert!(
        !err.contains("late"),
        "a voluntary statement is never called late: {err}"
    );

    // Six months after the half year ended, the missing update is said, as not yet
    // published (the body set no date for it).
    let (_, err) = check_on("2022-04-15", site.path());
    let lines = deadline_lines(&err);
    assert_eq!(lines.len(), 2, "{err}");
    assert_eq!(
        lines[0],
        "warning: there is no 2021/22 H1 update yet, more than six months after its period ended on 30 September 2021: site.yaml promises six-monthly updates (reporting.updates) but sets no date for them (reporting.update_due_months)",
        "{err}"
    );
    // Said at the promise it breaks: site.yaml's `reporting.updates`.
    assert!(err.contains("--> content/site.yaml:36:12"), "{err}");
    assert!(!err.contains("content/updates/2021-22-h1.md"), "{err}");

    // Years later, each kind's missing periods in a row are one warning, not one each.
    let (_, err) = check_on("2026-11-30", site.path());
    assert_eq!(
        deadline_lines(&err),
        [
            "warning: there are no updates yet for the 10 half years from 2021/22 H1 to 2025/26 H2, more than six months after the first ended on 30 September 2021: site.yaml promises six-monthly updates (reporting.updates) but sets no date for them (reporting.update_due_months)",
            "warning: NOT YET PUBLISHED: there are no statements yet for the 6 years from 2020/21 to 2025/26; the Home Office recommends publishing each within six months of its year's end, the first by 30 September 2021, 1,887 days ago",
        ],
        "{err}"
    );
    assert!(
        err.contains("`candour new update --period \"2021/22 H1\"` starts the first"),
        "{err}"
    );

    // Where the body gives a date for its updates (a month after the half year ends, as the home page counts it), an update
    // is overdue from then.
    let site_yaml = site.path().join("content/site.yaml");
    let original = fs::read_to_string(&site_yaml).unwrap();
    fs::write(
        &site_yaml,
        original.replace(
            "  updates: six-monthly\n",
            "  updates: six-monthly\n  update_due_months: 1\n",
        ),
    )
    .unwrap();
    let (_, err) = check_on("2021-11-15", site.path());
    let lines = deadline_lines(&err);
    assert_eq!(lines.len(), 2, "{err}");
    assert_eq!(
        lines[0],
        "warning: there is no 2021/22 H1 update yet; it was due by 30 October 2021, 16 days ago",
        "{err}"
    );

    // A site that promises no updates (updates: none) is never told one is missing.
    fs::write(
        &site_yaml,
        original.replace("  updates: six-monthly\n", "  updates: none\n"),
    )
    .unwrap();
    let (_, err) = check_on("2022-04-15", site.path());
    assert_eq!(deadline_lines(&err).len(), 1, "{err}");
    assert!(!err.contains("update"), "{err}");
    fs::write(&site_yaml, &original).unwrap();

    // --deadlines error makes them errors, for CI.
    let o = run(
        &["check", "--today", "2021-11-15", "--deadlines", "error"],
        site.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("error: NOT YET PUBLISHED"));
    // Its hint says why it is an error, not to turn on what is already on.
    assert!(
        stderr.contains("it is an error because of `--deadlines error`"),
        "{stderr}"
    );
    assert!(!stderr.contains("makes this an error"), "{stderr}");

    // A draft statement is not published: it is still due, said at its `draft` key.
    let statement = fs::read_to_string(site.path().join("content/statements/2019-20.md"))
        .unwrap()
        .replace("period: 2019/20", "period: 2020/21\ndraft: true")
        .replace(
            "title: Modern Slavery Statement 2019/20",
            "title: Modern Slavery Statement 2020/21",
        );
    fs::write(site.path().join("content/statements/2020-21.md"), statement).unwrap();
    let (_, err) = check_on("2021-11-15", site.path());
    assert!(
        err.contains("the 2020/21 statement is still a draft"),
        "{err}"
    );
    assert!(err.contains("content/statements/2020-21.md:4:8"), "{err}");
    fs::remove_file(site.path().join("content/statements/2020-21.md")).unwrap();

    // Published late: said whatever the day, at its `published` date, for a statement made
    // under the legal duty (basis: required) whose date is from its source.
    let path = site.path().join("content/statements/2019-20.md");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace(
            "published: 2020-09-30\n",
            "basis: required\npublished: 2020-10-15\n",
        )
        .replace("illustrative: [published]\n", ""),
    )
    .unwrap();
    let (_, err) = check_on("2021-06-01", site.path());
    assert!(
        err.contains("published on 15 October 2020 after the deadline of 30 September 2020"),
        "{err}"
    );
    // The next statement, due under the same duty, is overdue rather than recommended.
    let (_, err) = check_on("2021-11-15", site.path());
    assert!(
        err.contains("warning: OVERDUE: there is no 2020/21 statement yet, and it was due by 30 September 2021, 46 days ago"),
        "{err}"
    );
}

#[test]
fn a_publication_date_after_today_is_a_warning() {
    let site = example_copy();
    let path = site.path().join("content/updates/2020-21-h2.md");
    let text = fs::read_to_string(&path).unwrap();
    let published = text
        .lines()
        .find_map(|l| l.strip_prefix("published: "))
        .unwrap()
        .to_string();
    // The example's date is illustrative, which is never judged; this copy's is given as
    // the source's. Test data, not the example's.
    let original = text.clone();
    fs::write(&path, text.replace("illustrative: [published]\n", "")).unwrap();
    assert_ne!(fs::read_to_string(&path).unwrap(), original);
    // Before the update's date: it is not out yet.
    let (code, err) = check_on("2021-04-01", site.path());
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("warning: published on 30 April 2021, which is after today (1 April 2021)"),
        "{published}: {err}"
    );
    assert!(err.contains("--> content/updates/2020-21-h2.md"), "{err}");
    // On its day, nothing.
    let (_, err) = check_on(&published, site.path());
    assert!(!err.contains("which is after today"), "{err}");
}

#[test]
fn the_built_site_does_not_depend_on_the_day() {
    // `build` takes no --today and reads no clock: two builds are the same, and `check`'s
    // day changes nothing it writes.
    let site = example_copy();
    let o = run(&["build", "--today", "2021-11-15"], site.path());
    assert_eq!(o.status.code(), Some(2), "build has no --today");
    assert!(run(&["build"], site.path()).status.success());
    let first = fs::read(site.path().join("public/index.html")).unwrap();
    let _ = check_on("2030-01-01", site.path());
    assert!(run(&["build"], site.path()).status.success());
    assert_eq!(
        first,
        fs::read(site.path().join("public/index.html")).unwrap()
    );
}

#[test]
fn an_update_whose_period_has_no_figures_is_a_warning() {
    let site = example_copy();
    fs::write(
        site.path().join("content/updates/2021-22-h1.md"),
        "---\ntitle: Six-month update, April to September 2021\nperiod: 2021/22 H1\npublished: 2021-10-29\nstatement: 2019/20\n---\n\nProgress.\n",
    )
    .unwrap();
    let (code, err) = check_on("2021-06-01", site.path());
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("warning: no dataset has a figure for 2021/22 H1, so this update shows none"),
        "{err}"
    );
    assert!(err.contains("content/updates/2021-22-h1.md:3:9"), "{err}");
}

#[test]
fn home_headlines_are_all_of_the_latest_period_with_figures() {
    let site = example_copy();
    let orders = site.path().join("content/data/prevention-orders.yaml");
    let mut text = fs::read_to_string(&orders).unwrap();
    text.push_str("  - period: 2021/22 H1\n    stpo:\n      granted: 3\n    illustrative: true\n");
    fs::write(&orders, text).unwrap();
    assert!(run(&["build"], site.path()).status.success());
    let home = fs::read_to_string(site.path().join("public/index.html")).unwrap();
    let periods: Vec<&str> = home
        .split("<span class=\"headline-period\">")
        .skip(1)
        .map(|s| &s[..s.find("</span>").unwrap()])
        .collect();
    // Only the orders have a 2021/22 H1 figure; the others are not set beside it.
    assert_eq!(periods, ["in 2021/22 H1"], "{home}");
}

#[test]
fn annual_updates_are_judged_a_year_at_a_time() {
    // A blank starter (its one statement, 2025/26) whose body publishes annual updates.
    let parent = tempfile::tempdir().unwrap();
    let o = run(
        &["init", "council", "--name", "Example Council"],
        parent.path(),
    );
    assert!(o.status.success());
    let site = parent.path().join("council");
    let yaml = site.join("content/site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    assert!(text.contains("  updates: none "), "{text}");
    fs::write(
        &yaml,
        text.replace("  updates: none ", "  updates: annual "),
    )
    .unwrap();
    // Six months after 2026/27 ended, with no date set: the year's update, not a half's.
    let (_, err) = check_on("2027-10-15", &site);
    let updates: Vec<&str> = deadline_lines(&err)
        .into_iter()
        .filter(|l| l.contains("update"))
        .collect();
    assert_eq!(
        updates,
        [
            "warning: there is no 2026/27 update yet, more than six months after its period ended on 31 March 2027: site.yaml promises annual updates (reporting.updates) but sets no date for them (reporting.update_due_months)"
        ],
        "{err}"
    );
    // With a date set, three months after the year: overdue from then.
    fs::write(
        &yaml,
        text.replace(
            "  updates: none ",
            "  update_due_months: 3\n  updates: annual ",
        ),
    )
    .unwrap();
    let (_, err) = check_on("2027-07-15", &site);
    let updates: Vec<&str> = deadline_lines(&err)
        .into_iter()
        .filter(|l| l.contains("update"))
        .collect();
    assert_eq!(
        updates,
        ["warning: there is no 2026/27 update yet; it was due by 30 June 2027, 15 days ago"],
        "{err}"
    );
}
