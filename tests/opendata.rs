//! Every CSV table of the example site, read back and compared column by column with the
//! YAML it was made from: a column out of step with its rows, a value lost or changed, or a
//! row missing shows here.

mod common;
use common::repo;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn yaml(name: &str) -> Value {
    serde_norway::from_str(
        &fs::read_to_string(repo().join(format!("content/data/{name}.yaml"))).unwrap(),
    )
    .unwrap()
}

/// A CSV file's header and rows, read with the csv crate.
fn read_csv(out: &Path, file: &str) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut reader = csv::Reader::from_path(out.join(format!("data/{file}.csv"))).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect();
    (header, rows)
}

/// Text as the YAML gives it, or empty for a field left out.
fn s(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 => format!("{}", f as i64),
            Some(f) => f.to_string(),
            None => n.to_string(),
        },
        Value::Array(items) => items.iter().map(s).collect::<Vec<_>>().join("; "),
        Value::Object(_) => panic!("an object is not a cell"),
    }
}

/// An `illustrative` mark as the CSV gives it: `true` or `false` for a whole record, the
/// marked fields joined by "; " for a list (`[owner, due]` → `owner; due`).
fn flag(v: &Value) -> String {
    match v.as_array() {
        Some(fields) => fields
            .iter()
            .map(|f| f.as_str().unwrap())
            .collect::<Vec<_>>()
            .join("; "),
        None => v.as_bool().unwrap_or(false).to_string(),
    }
}

/// Checks that the table has exactly `columns`, one row per expected row, each row equal
/// in every column the expectation names.
fn check(out: &Path, file: &str, columns: &[&str], expected: Vec<Vec<(&str, String)>>) {
    let (header, rows) = read_csv(out, file);
    assert_eq!(header, columns, "{file}: columns");
    assert_eq!(rows.len(), expected.len(), "{file}: rows");
    for want in expected {
        let found = rows.iter().any(|row| {
            want.iter()
                .all(|(col, value)| row.get(*col).is_some_and(|v| v == value))
        });
        assert!(found, "{file}: no row with {want:?}\nrows: {rows:#?}");
    }
}

#[test]
fn every_csv_table_matches_the_yaml_column_by_column() {
    let out = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_candour"))
        .args(["build", "--out", out.path().to_str().unwrap()])
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = out.path();

    let kpis = yaml("kpis");
    let mut rows = Vec::new();
    for k in kpis["kpis"].as_array().unwrap() {
        for v in k["values"].as_array().unwrap() {
            rows.push(vec![
                ("kpi_id", s(&k["id"])),
                ("kpi_title", s(&k["title"])),
                ("aspect", s(&k["aspect"])),
                ("kind", s(&k["kind"])),
                ("unit", s(&k["unit"])),
                ("direction", s(&k["direction"])),
                ("target", s(&k["target"])),
                ("period", s(&v["period"])),
                ("value", s(&v["value"])),
                ("status", s(&v["status"])),
                ("summary", s(&v["summary"])),
                ("illustrative", flag(&v["illustrative"])),
                ("note", s(&v["note"])),
            ]);
        }
    }
    check(
        out,
        "kpis",
        &[
            "kpi_id",
            "kpi_title",
            "aspect",
            "kind",
            "unit",
            "direction",
            "target",
            "period",
            "value",
            "status",
            "summary",
            "illustrative",
            "note",
        ],
        rows,
    );

    let orders = yaml("prevention-orders");
    let rows = orders["orders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            vec![
                ("period", s(&o["period"])),
                ("stpo_applied", s(&o["stpo"]["applied"])),
                ("stpo_granted", s(&o["stpo"]["granted"])),
                ("stpo_interim", s(&o["stpo"]["interim"])),
                ("stpo_breaches", s(&o["stpo"]["breaches"])),
                ("stro_applied", s(&o["stro"]["applied"])),
                ("stro_granted", s(&o["stro"]["granted"])),
                ("stro_interim", s(&o["stro"]["interim"])),
                ("stro_breaches", s(&o["stro"]["breaches"])),
                ("illustrative", flag(&o["illustrative"])),
                ("source", s(&o["source"])),
            ]
        })
        .collect();
    check(
        out,
        "prevention-orders",
        &[
            "period",
            "stpo_applied",
            "stpo_granted",
            "stpo_interim",
            "stpo_breaches",
            "stro_applied",
            "stro_granted",
            "stro_interim",
            "stro_breaches",
            "illustrative",
            "source",
        ],
        rows,
    );

    let training = yaml("training");
    let mut rows = Vec::new();
    for c in training["courses"].as_array().unwrap() {
        for t in c["trained"].as_array().unwrap() {
            rows.push(vec![
                ("course_id", s(&c["id"])),
                ("course_title", s(&c["title"])),
                ("provider", s(&c["provider"])),
                ("audience", s(&c["audience"])),
                ("period", s(&t["period"])),
                ("people", s(&t["people"])),
                ("illustrative", flag(&t["illustrative"])),
            ]);
        }
    }
    check(
        out,
        "training-courses",
        &[
            "course_id",
            "course_title",
            "provider",
            "audience",
            "period",
            "people",
            "illustrative",
        ],
        rows,
    );
    let rows = training["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            vec![
                ("id", s(&r["id"])),
                ("title", s(&r["title"])),
                ("kind", s(&r["kind"])),
                ("year", s(&r["year"])),
                ("audience", s(&r["audience"])),
                ("url", s(&r["url"])),
                ("description", s(&r["description"])),
            ]
        })
        .collect();
    check(
        out,
        "training-resources",
        &[
            "id",
            "title",
            "kind",
            "year",
            "audience",
            "url",
            "description",
        ],
        rows,
    );

    let partnerships = yaml("partnerships");
    let rows = partnerships["partnerships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            vec![
                ("id", s(&p["id"])),
                ("name", s(&p["name"])),
                ("role", s(&p["role"])),
                ("url", s(&p["url"])),
                ("description", s(&p["description"])),
            ]
        })
        .collect();
    check(
        out,
        "partnerships",
        &["id", "name", "role", "url", "description"],
        rows,
    );
    let rows = partnerships["activities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            vec![
                ("id", s(&a["id"])),
                ("partnership_id", s(&a["partnership"])),
                ("date", s(&a["date"])),
                ("kind", s(&a["kind"])),
                ("title", s(&a["title"])),
                ("description", s(&a["description"])),
                ("illustrative", flag(&a["illustrative"])),
            ]
        })
        .collect();
    check(
        out,
        "partnership-activities",
        &[
            "id",
            "partnership_id",
            "date",
            "period",
            "kind",
            "title",
            "description",
            "illustrative",
        ],
        rows,
    );

    let actions = yaml("actions");
    let mut rows = Vec::new();
    let mut progress = Vec::new();
    for a in actions["actions"].as_array().unwrap() {
        rows.push(vec![
            ("id", s(&a["id"])),
            ("title", s(&a["title"])),
            ("aspect", s(&a["aspect"])),
            ("owner", s(&a["owner"])),
            ("due", s(&a["due"])),
            ("status", s(&a["status"])),
            ("illustrative", flag(&a["illustrative"])),
        ]);
        for p in a["progress"].as_array().unwrap() {
            progress.push(vec![
                ("action_id", s(&a["id"])),
                ("period", s(&p["period"])),
                ("status", s(&p["status"])),
                ("note", s(&p["note"])),
                ("illustrative", flag(&p["illustrative"])),
            ]);
        }
    }
    check(
        out,
        "actions",
        &[
            "id",
            "title",
            "aspect",
            "owner",
            "due",
            "status",
            "illustrative",
        ],
        rows,
    );
    check(
        out,
        "action-progress",
        &["action_id", "period", "status", "note", "illustrative"],
        progress,
    );

    let commitments = yaml("commitments");
    let rows = commitments["commitments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            vec![
                ("id", s(&c["id"])),
                ("text", s(&c["text"])),
                ("status", s(&c["status"])),
                ("illustrative", flag(&c["illustrative"])),
            ]
        })
        .collect();
    check(
        out,
        "commitments",
        &["id", "text", "status", "illustrative", "evidence"],
        rows,
    );
    // Each commitment's evidence cell names every piece of evidence by its title.
    let (_, built) = read_csv(out, "commitments");
    for c in commitments["commitments"].as_array().unwrap() {
        let row = built.iter().find(|r| r["id"] == s(&c["id"])).unwrap();
        for e in c["evidence"].as_array().into_iter().flatten() {
            assert!(
                row["evidence"].contains(&format!("{} <", s(&e["title"]))),
                "{}: {}",
                s(&c["id"]),
                row["evidence"]
            );
        }
    }
}

#[test]
fn json_downloads_write_whole_figures_as_integers() {
    let out = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_candour"))
        .args(["build", "--out", out.path().to_str().unwrap()])
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = fs::read_to_string(out.path().join("data/kpis.json")).unwrap();
    assert!(!text.contains(".0,") && !text.contains(".0\n"), "{text}");
    let json: Value = serde_json::from_str(&text).unwrap();
    let orders = json["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == "prevention-orders")
        .unwrap();
    assert!(orders["values"][0]["value"].is_u64(), "{orders}");
}

/// A course the page lists without figures per period is in the CSV too (period and people
/// empty), and a table with no rows is not published as an empty file.
#[test]
fn a_course_without_counts_has_its_row_and_empty_tables_are_not_published() {
    let site = common::example_copy();
    let training = site.path().join("content/data/training.yaml");
    let text = fs::read_to_string(&training).unwrap();
    let course = "courses:\n  - id: uncounted\n    title: A course with no counts\n    audience:\n      - Everyone\n    aspect: force-capability\n";
    fs::write(&training, text.replacen("courses:\n", course, 1)).unwrap();
    let actions = site.path().join("content/data/actions.yaml");
    let text = fs::read_to_string(&actions).unwrap();
    // Every action without its progress notes.
    let kept: Vec<&str> = text.split("\n    progress:\n").collect();
    let mut without = kept[0].to_string();
    for part in &kept[1..] {
        // Drop the indented progress block up to the next action.
        let rest = part.find("\n  - id:").map_or("", |i| &part[i..]);
        without.push_str(rest);
    }
    fs::write(&actions, without).unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_candour"))
        .args(["build", "--out", out.path().to_str().unwrap()])
        .current_dir(site.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (_, rows) = read_csv(out.path(), "training-courses");
    let row = rows
        .iter()
        .find(|r| r["course_id"] == "uncounted")
        .expect("the course's row");
    assert_eq!((row["period"].as_str(), row["people"].as_str()), ("", ""));
    assert!(!out.path().join("data/action-progress.csv").exists());
    assert!(out.path().join("data/actions.csv").exists());
    let page = fs::read_to_string(out.path().join("data/index.html")).unwrap();
    assert!(!page.contains("action-progress.csv"));
}
