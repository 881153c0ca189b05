//! The Home Office registry's summary: the registry CSV and JSON compared column by column
//! with statements' front matter, the statement page's "Statement summary", and `check`'s
//! warnings for answers a statement does not give — all through the real binary, run from
//! the site's folder as the README says.

mod common;
use common::{example_copy, repo, run, stderr};

use std::fs;
use std::path::Path;

/// A day before any of the example's deadlines: `check` then says nothing of them.
const TODAY: &str = "2021-06-01";

/// A second statement with every registry answer given: "other" texts, a "none", risks in
/// the supply chains and elsewhere, an area not covered. Test data, not the example's.
const FULL: &str = r#"---
title: Modern Slavery Statement 2020/21
period: 2020/21
published: 2021-09-20
approval:
  approved_by: Test Board
  approved_on: 2021-09-01
  signed_by:
    - name: A. Tester
      role: Chief Executive
      signed_on: 2021-09-02
areas:
  structure: structure
  policies: policies
  due-diligence: due-diligence
  risk: risk
  training: training
not_covered:
  effectiveness: "We are still developing our KPIs, with a comma"
registry:
  years_producing: 1-to-5
  policies: [freedom-of-movement, no-recruitment-fees, other]
  other_policies: "=A policy that starts like a formula"
  training: [procurement, wider-community]
  engagement: [none]
  social_audits: [own-staff, unannounced]
  grievance_mechanisms: [whistleblowing]
  other_monitoring: Supplier questionnaires
  risks:
    - description: Cleaning contracts
      area: supply-chains
      tiers: [tier-1, tier-2]
      groups: [migrants, other]
      other_groups: Agency workers
      locations: [United Kingdom, Romania]
      mitigation: Audits of the cleaning contractor.
    - description: Uniform manufacture
      area: other
      other_area: Framework agreements
      groups: [women]
      locations: [Bangladesh]
  ilo_indicators: [deception, debt-bondage]
  ilo_actions: [referral, investigations]
  demonstrating_progress: Our KPIs are in each six-monthly update.
---

## Structure

## Policies

## Due diligence

## Risk

## Training
"#;

/// Parses RFC 4180 CSV with CRLF line ends; a quoted cell may hold CRLF.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\r', false) if chars.peek() == Some(&'\n') => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => cell.push(c),
        }
    }
    rows
}

fn front_matter(path: &Path) -> serde_json::Value {
    let text = fs::read_to_string(path).unwrap();
    let yaml = text.split("---\n").nth(1).unwrap();
    serde_norway::from_str(yaml).unwrap()
}

/// The registry's wording for the options the fixtures use, written out independently of
/// candour's own table (research/registry.md §2).
fn registry_text(key: &str) -> &'static str {
    match key {
        "first-time" => "This is the first time",
        "1-to-5" => "1 to 5 years",
        "freedom-of-movement" => "Freedom of movement",
        "no-recruitment-fees" => "Prohibits the use of worker-paid recruitment fees",
        "other" => "Other",
        "procurement" => "Procurement staff",
        "wider-community" => "The wider community",
        "own-staff" => "Audit conducted by your staff",
        "unannounced" => "Unannounced audit",
        "whistleblowing" => {
            "Using anonymous whistleblowing services, such as a helpline or mobile phone app"
        }
        "supply-chains" => "Within your supply chains",
        "tier-1" => "Tier 1 suppliers",
        "tier-2" => "Tier 2 suppliers",
        "migrants" => "Migrants",
        "women" => "Women",
        "deception" => "Deception",
        "debt-bondage" => "Debt bondage",
        "referral" => "Referring potential victims to government services",
        "investigations" => "Supporting investigations by relevant authorities",
        other => panic!("no registry text written out for {other}"),
    }
}

fn ddmmyyyy(iso: &str) -> String {
    if iso.is_empty() {
        return String::new();
    }
    let p: Vec<&str> = iso.split('-').collect();
    format!("{}/{}/{}", p[2], p[1], p[0])
}

/// The organisation a registry row is for, and what `site.yaml` says of the body.
struct Row<'a> {
    organisation: &'a str,
    /// The publishing organisation, on a group statement's other rows.
    parent: Option<&'a str>,
    group: bool,
    /// `site.yaml`'s `sector:` and `budget:` in the registry's words, written out here.
    sectors: &'a str,
    turnover: &'a str,
}

/// What the registry CSV's row should hold for a statement, column by column, from its
/// front matter and `site.yaml` alone.
fn expected(fm: &serde_json::Value, body: &Row<'_>, url: &str) -> Vec<(String, String)> {
    let reg = &fm["registry"];
    let s = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
    let yes = |b: bool| if b { "Yes" } else { "No" }.to_string();
    // An answer list: the texts of everything but "none", CRLF-joined; its No… flag.
    let list = |v: &serde_json::Value| -> (String, String) {
        match v.as_array() {
            None => (String::new(), String::new()),
            Some(items) => {
                let keys: Vec<&str> = items.iter().map(|i| i.as_str().unwrap()).collect();
                let texts: Vec<&str> = keys
                    .iter()
                    .filter(|k| **k != "none")
                    .map(|k| registry_text(k))
                    .collect();
                (texts.join("\r\n"), yes(keys.contains(&"none")))
            }
        }
    };
    let texts = |v: &serde_json::Value| -> String {
        v.as_array()
            .map(|a| {
                a.iter()
                    .map(|x| x.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join("\r\n")
            })
            .unwrap_or_default()
    };
    let period = fm["period"].as_str().unwrap();
    let first: i32 = period[..4].parse().unwrap();
    let illustrative = fm["approval"]["illustrative"].as_bool().unwrap_or(false);
    let signer = &fm["approval"]["signed_by"][0];
    let person = match signer["name"].as_str() {
        Some(name) => format!("{name} ({})", s(&signer["role"])),
        None => s(&signer["role"]),
    };
    let mut cols: Vec<(String, String)> = vec![
        ("StatementYear".into(), (first + 1).to_string()),
        ("OrganisationName".into(), body.organisation.into()),
        ("Address".into(), String::new()),
        ("SectorType".into(), "Public".into()),
        ("CompanyNumber".into(), String::new()),
        ("LastUpdated".into(), String::new()),
        ("GroupSubmission".into(), yes(body.group)),
        ("ParentName".into(), body.parent.unwrap_or("").into()),
        ("StatementURL".into(), url.into()),
        ("EmailAddressNoURL".into(), String::new()),
        ("StatementSummaryURL".into(), String::new()),
        ("StatementStartDate".into(), format!("01/04/{first}")),
        ("StatementEndDate".into(), format!("31/03/{}", first + 1)),
        (
            "ApprovingPerson".into(),
            if illustrative { String::new() } else { person },
        ),
        (
            "DateApproved".into(),
            if illustrative {
                String::new()
            } else {
                ddmmyyyy(&s(&fm["approval"]["approved_on"]))
            },
        ),
    ];
    for (key, includes, reason) in [
        (
            "structure",
            "StatementIncludesOrgStructure",
            "NoOrgStructureReason",
        ),
        ("policies", "StatementIncludesPolicies", "NoPoliciesReason"),
        (
            "risk",
            "StatementIncludesRisksAssessment",
            "NoRiskAssessmentReason",
        ),
        (
            "due-diligence",
            "StatementIncludesDueDiligence",
            "NoDueDiligenceReason",
        ),
        ("training", "StatementIncludesTraining", "NoTrainingReason"),
        ("effectiveness", "StatementIncludesGoals", "NoGoalsReason"),
    ] {
        let covered = fm["areas"][key].is_string();
        cols.push((includes.into(), yes(covered)));
        cols.push((reason.into(), s(&fm["not_covered"][key])));
    }
    cols.push(("OrganisationSectors".into(), body.sectors.into()));
    cols.push(("OtherOrganisationSector".into(), String::new()));
    cols.push(("Turnover".into(), body.turnover.into()));
    cols.push((
        "YearsProducingStatements".into(),
        reg["years_producing"]
            .as_str()
            .map(registry_text)
            .unwrap_or("")
            .into(),
    ));
    let (l, n) = list(&reg["policies"]);
    cols.push(("Policies".into(), l));
    // A cell a spreadsheet would take for a formula keeps its text behind an apostrophe.
    let other = s(&reg["other_policies"]);
    let other = if other.starts_with('=') {
        format!("'{other}")
    } else {
        other
    };
    cols.push(("OtherPolicies".into(), other));
    cols.push(("NoPolicies".into(), n));
    let (l, n) = list(&reg["training"]);
    cols.push(("Training".into(), l));
    cols.push(("OtherTraining".into(), s(&reg["other_training"])));
    cols.push(("NoTraining".into(), n));
    for (key, column, no) in [
        ("engagement", "WorkingConditionsEngagement", "NoEngagement"),
        ("social_audits", "SocialAudits", "NoSocialAudits"),
        (
            "grievance_mechanisms",
            "GrievanceMechanisms",
            "NoGrievanceMechanisms",
        ),
    ] {
        let (l, n) = list(&reg[key]);
        cols.push((column.into(), l));
        cols.push((no.into(), n));
    }
    cols.push(("OtherMonitoring".into(), s(&reg["other_monitoring"])));
    let risks = reg["risks"].as_array();
    cols.push((
        "NoRisks".into(),
        risks.map(|r| yes(r.is_empty())).unwrap_or_default(),
    ));
    for n in 0..3 {
        let r = risks.and_then(|r| r.get(n)).cloned().unwrap_or_default();
        let area = match r["area"].as_str() {
            Some("other") => s(&r["other_area"]),
            Some(k) => registry_text(k).to_string(),
            None => String::new(),
        };
        let keyed = |v: &serde_json::Value| {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .map(|x| registry_text(x.as_str().unwrap()))
                        .collect::<Vec<_>>()
                        .join("\r\n")
                })
                .unwrap_or_default()
        };
        let groups = keyed(&r["groups"]).replace("Other", "Other vulnerable groups");
        let i = n + 1;
        cols.push((format!("Risk{i}"), s(&r["description"])));
        cols.push((format!("Risk{i}Area"), area));
        cols.push((format!("Risk{i}SupplyChainTier"), keyed(&r["tiers"])));
        cols.push((format!("Risk{i}GroupAffected"), groups));
        cols.push((format!("Risk{i}OtherGroupAffected"), s(&r["other_groups"])));
        cols.push((format!("Risk{i}Location"), texts(&r["locations"])));
        cols.push((format!("Risk{i}Mitigation"), s(&r["mitigation"])));
    }
    let (l, n) = list(&reg["ilo_indicators"]);
    cols.push(("ILOIndicatorsInStatement".into(), l));
    cols.push(("NoILOIndicatorsInStatement".into(), n));
    let (l, n) = list(&reg["ilo_actions"]);
    cols.push(("ILOIndicatorsActions".into(), l));
    cols.push(("ILOIndicatorsNoActions".into(), n));
    cols.push((
        "DemonstrateProgress".into(),
        s(&reg["demonstrating_progress"]),
    ));
    cols
}

#[test]
fn registry_csv_matches_each_statements_front_matter_column_by_column() {
    let site = example_copy();
    fs::write(site.path().join("content/statements/2020-21.md"), FULL).unwrap();
    // The example gives no budget (the seeds have none); this copy gives one.
    let yaml = site.path().join("content/site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(&yaml, format!("{text}budget: 100m-500m\n")).unwrap();
    let o = run(&["build"], site.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = fs::read(site.path().join("public/data/registry.csv")).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let rows = parse_csv(&text);
    let header = &rows[0];
    assert_eq!(header.len(), 71, "the registry's 71 columns");
    assert_eq!(header[0], "StatementYear");
    assert_eq!(header[70], "DemonstrateProgress");
    assert_eq!(rows.len(), 3, "a row per statement, newest first");
    let base = "https://modern-slavery.example.org";
    for (row, file) in rows[1..].iter().zip(["2020-21", "2019-20"]) {
        let path = site.path().join(format!("content/statements/{file}.md"));
        let body = Row {
            organisation: "Derbyshire Constabulary",
            parent: None,
            group: false,
            sectors: "Public sector",
            turnover: "£100 million to £500 million",
        };
        let want = expected(
            &front_matter(&path),
            &body,
            &format!("{base}/statements/{file}/"),
        );
        assert_eq!(want.len(), 71);
        for (i, (column, value)) in want.iter().enumerate() {
            assert_eq!(&header[i], column, "column {i}");
            assert_eq!(&row[i], value, "{file}: {column}");
        }
    }
    // The JSON holds the same records, typed; its schema names every column.
    let json: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(site.path().join("public/data/registry.json")).unwrap(),
    )
    .unwrap();
    let full = &json[0];
    assert_eq!(full["StatementStartDate"], "2020-04-01");
    assert_eq!(full["NoEngagement"], true);
    assert_eq!(full["WorkingConditionsEngagement"], serde_json::json!([]));
    assert_eq!(full["Risk2Area"], "Framework agreements");
    assert_eq!(json[1]["Policies"], serde_json::Value::Null);
    let schema: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(site.path().join("public/data/registry.schema.json")).unwrap(),
    )
    .unwrap();
    let properties = schema["items"]["properties"].as_object().unwrap();
    assert_eq!(properties.len(), 71);
    for (column, value) in full.as_object().unwrap() {
        assert!(properties.contains_key(column), "{column} in the schema");
        let types = properties[column]["type"].as_array().unwrap();
        let kind = match value {
            serde_json::Value::Null => "null",
            serde_json::Value::Bool(_) => "boolean",
            serde_json::Value::Number(_) => "integer",
            serde_json::Value::String(_) => "string",
            serde_json::Value::Array(_) => "array",
            serde_json::Value::Object(_) => "object",
        };
        assert!(
            types.iter().any(|t| t == kind),
            "{column}: {kind} in {types:?}"
        );
    }
    // The open-data page explains the download.
    let data = fs::read_to_string(site.path().join("public/data/index.html")).unwrap();
    assert!(data.contains("href=\"/data/registry.csv\""), "{data}");
    assert!(data.contains("Home Office modern slavery statement registry"));
}

/// A group (joint) statement: the registry has a row per organisation, the publishing one
/// first, the others naming it as their parent; each compared column by column.
#[test]
fn a_group_statements_registry_rows_name_each_organisation_and_its_parent() {
    let site = tempfile::tempdir().unwrap();
    common::copy_dir(
        &repo().join("tests/browser/fixtures/joint-south-wales"),
        site.path(),
    );
    // The fixture's statement gives no budget; this copy gives one, to compare `Turnover`.
    let yaml = site.path().join("content/site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(&yaml, format!("{text}budget: under-36m\n")).unwrap();
    // --no-git: the copy is in no repository of its own.
    let o = run(&["build", "--no-git"], site.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let text = fs::read_to_string(site.path().join("public/data/registry.csv")).unwrap();
    let rows = parse_csv(&text);
    assert_eq!(rows.len(), 3, "a row for each of the two organisations");
    let fm = front_matter(&site.path().join("content/statements/2022-23.md"));
    let url = "https://joint-south-wales.example.org/statements/2022-23/";
    let first = "The Police and Crime Commissioner for South Wales";
    for (row, (organisation, parent)) in rows[1..]
        .iter()
        .zip([(first, None), ("South Wales Police", Some(first))])
    {
        let body = Row {
            organisation,
            parent,
            group: true,
            sectors: "Public sector",
            turnover: "Under £36 million",
        };
        let want = expected(&fm, &body, url);
        assert_eq!(want.len(), 71);
        for (i, (column, value)) in want.iter().enumerate() {
            assert_eq!(&rows[0][i], column, "column {i}");
            assert_eq!(&row[i], value, "{organisation}: {column}");
        }
    }
}

#[test]
fn check_warns_for_each_answer_the_registry_will_ask_for() {
    let o = run(&["check", "--today", TODAY], &repo());
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let missing: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("warning: the registry will ask"))
        .collect();
    // The example answers years_producing and demonstrating_progress only.
    assert_eq!(missing.len(), 7, "{err}");
    for key in [
        "policies",
        "training",
        "engagement",
        "social_audits",
        "grievance_mechanisms",
        "risks",
        "ilo_indicators",
    ] {
        assert!(
            err.contains(&format!("add `{key}:` under `registry:`")),
            "{key}: {err}"
        );
    }
    // Each is placed at the statement's `registry:` key.
    let line = fs::read_to_string(repo().join("content/statements/2019-20.md"))
        .unwrap()
        .lines()
        .position(|l| l == "registry:")
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("content/statements/2019-20.md:{line}:1")),
        "{err}"
    );
    assert!(err.contains("0 errors, 7 warnings"), "{err}");

    // A full answer has none of them.
    let site = example_copy();
    fs::write(site.path().join("content/statements/2020-21.md"), FULL).unwrap();
    let o = run(
        &["check", "--today", TODAY, "--format", "json"],
        site.path(),
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.contains("2020-21.md\",\"line\":21"), "{out}");
}

#[test]
fn answers_the_registry_would_refuse_are_errors_at_their_value() {
    let site = example_copy();
    let long = "x".repeat(501);
    let bad = FULL
        .replace(
            "demonstrating_progress: Our KPIs are in each six-monthly update.",
            &format!("demonstrating_progress: {long}"),
        )
        .replace("engagement: [none]", "engagement: [none, government]")
        .replace(
            "  training: [procurement, wider-community]\n",
            "  training: [procurement]\n  other_training: Nobody\n",
        )
        .replace(
            "  ilo_indicators: [deception, debt-bondage]\n",
            "  ilo_indicators: [deception, debt-bondage]\n  risk_count: 4\n",
        );
    fs::write(
        site.path().join("content/statements/2020-21.md"),
        bad.replace("  risk_count: 4\n", ""),
    )
    .unwrap();
    let o = run(&["check", "--today", TODAY], site.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("501 characters; the registry takes at most 500"),
        "{err}"
    );
    assert!(err.contains("`none` cannot go with other answers"), "{err}");
    assert!(
        err.contains("`other_training` is given but `training` does not list `other`"),
        "{err}"
    );
    // An unknown answer is refused with the registry's options.
    fs::write(
        site.path().join("content/statements/2020-21.md"),
        FULL.replace("years_producing: 1-to-5", "years_producing: two"),
    )
    .unwrap();
    let err = stderr(&run(&["check", "--today", TODAY], site.path()));
    assert!(err.contains("first-time"), "{err}");
    // An answer listed twice is an error at the second; actions after no indicators, a warning.
    let twice = FULL
        .replace(
            "social_audits: [own-staff, unannounced]",
            "social_audits: [own-staff, unannounced, own-staff]",
        )
        .replace(
            "ilo_indicators: [deception, debt-bondage]",
            "ilo_indicators: [none]",
        );
    fs::write(site.path().join("content/statements/2020-21.md"), &twice).unwrap();
    let err = stderr(&run(&["check", "--today", TODAY], site.path()));
    let line = twice
        .lines()
        .position(|l| l.starts_with("  social_audits:"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!(
            "error: this answer is listed twice\n  --> content/statements/2020-21.md:{line}:43"
        )),
        "{err}"
    );
    assert!(
        err.contains("warning: `ilo_actions` lists actions taken after finding indicators of forced labour, but `ilo_indicators` says none were found"),
        "{err}"
    );
    // `none` twice is listed twice, not `none` beside other answers.
    fs::write(
        site.path().join("content/statements/2020-21.md"),
        FULL.replace("engagement: [none]", "engagement: [none, none]"),
    )
    .unwrap();
    let err = stderr(&run(&["check", "--today", TODAY], site.path()));
    assert!(err.contains("this answer is listed twice"), "{err}");
    assert!(!err.contains("cannot go with other answers"), "{err}");
    // Each unknown answer is said, not only the first.
    fs::write(
        site.path().join("content/statements/2020-21.md"),
        FULL.replace("years_producing: 1-to-5", "years_producing: two")
            .replace(
                "training: [procurement, wider-community]",
                "training: [procurment, wider-community]",
            )
            .replace("area: supply-chains", "area: supply-chain"),
    )
    .unwrap();
    let err = stderr(&run(&["check", "--today", TODAY], site.path()));
    for said in ["`two`", "`procurment`", "`supply-chain`"] {
        assert!(
            err.contains(&format!("error: {said} is not one of the allowed values")),
            "{said}: {err}"
        );
    }
    // More than three risks.
    let four = FULL.replace(
        "  ilo_indicators:",
        "    - {description: a, area: own-operations}\n    - {description: b, area: own-operations}\n  ilo_indicators:",
    );
    fs::write(site.path().join("content/statements/2020-21.md"), &four).unwrap();
    let err = stderr(&run(&["check", "--today", TODAY], site.path()));
    assert!(
        err.contains("4 risks; the registry asks for at most 3"),
        "{err}"
    );
    // Said at the fourth risk, not at the top of the file.
    let line = four
        .lines()
        .position(|l| l.contains("{description: b,"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("content/statements/2020-21.md:{line}:7")),
        "{err}"
    );
    // A risk's own problems are said at its line.
    let tierless = FULL.replace("      tiers: [tier-1, tier-2]\n", "");
    fs::write(site.path().join("content/statements/2020-21.md"), &tierless).unwrap();
    let err = stderr(&run(&["check", "--today", TODAY], site.path()));
    let line = tierless
        .lines()
        .position(|l| l == "      area: supply-chains")
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!(
            "warning: the registry will ask which supply-chain tiers the risk is in\n  --> content/statements/2020-21.md:{line}:13"
        )),
        "{err}"
    );
}

/// The `<main>` element of a built page.
fn main_of(html: &str) -> String {
    let start = html.find("<main").expect("page has <main>");
    let end = html.rfind("</main>").expect("page closes </main>") + "</main>".len();
    html[start..end].to_string()
}

#[test]
fn statement_summary_section_is_snapshotted() {
    let site = example_copy();
    fs::write(site.path().join("content/statements/2020-21.md"), FULL).unwrap();
    let o = run(&["build"], site.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let html =
        fs::read_to_string(site.path().join("public/statements/2020-21/index.html")).unwrap();
    let main = main_of(&html);
    let start = main.find("<section class=\"registry-summary\"").unwrap();
    let end = start + main[start..].find("</section>").unwrap() + "</section>".len();
    insta::assert_snapshot!("summary_full", &main[start..end]);
    common::only_these_snapshots("registry", "summary_", &["summary_full".to_string()]);
}
