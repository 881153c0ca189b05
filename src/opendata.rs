//! Open data: each data file as JSON (its YAML's shape), as flat CSV tables, and its JSON Schema.

use crate::data::{Data, status_word};
use crate::model::{DataTable, Dataset};
use crate::raw;

/// Dataset name → (title, what it holds, the page that shows it).
const ABOUT: [(&str, &str, &str, &str); 6] = [
    (
        "kpis",
        "Key performance indicators",
        "Each indicator and its value or status in each reporting period.",
        "/performance/",
    ),
    (
        "prevention-orders",
        "Prevention and risk orders",
        "Slavery and Trafficking Prevention Orders and Risk Orders per period: counts, never cases.",
        "/prevention-orders/",
    ),
    (
        "training",
        "Training",
        "Courses, the people trained on each per period, and the training resources produced.",
        "/training/",
    ),
    (
        "partnerships",
        "Partnerships",
        "The partnerships the organisation takes part in and their dated activities.",
        "/partnerships/",
    ),
    (
        "actions",
        "Action plan",
        "Each action, its owner by role, due date and status, and progress notes per period.",
        "/action-plan/",
    ),
    (
        "commitments",
        "Charter commitments",
        "The charter's commitments, their status and the evidence for each.",
        "/commitments/",
    ),
];

/// A CSV table of one dataset, built once and both described and written.
#[derive(Debug)]
pub struct Table {
    pub dataset: &'static str,
    pub file: String,
    pub title: String,
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn csv(&self) -> String {
        let mut out = String::new();
        let line = |cells: &mut dyn Iterator<Item = &str>, out: &mut String| {
            let row: Vec<String> = cells.map(csv_cell).collect();
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        };
        line(&mut self.columns.iter().copied(), &mut out);
        for row in &self.rows {
            line(&mut row.iter().map(String::as_str), &mut out);
        }
        out
    }
}

/// Quotes a cell when needed (RFC 4180), and defuses spreadsheet formulas.
fn csv_cell(cell: &str) -> String {
    let cell = if cell.starts_with(['=', '+', '@'])
        || (cell.starts_with('-') && cell.parse::<f64>().is_err())
    {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn word<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Every CSV table of the site's data.
pub fn tables(data: &Data) -> Vec<Table> {
    let present = |name: &str| data.json.iter().any(|(n, _)| n == name);
    let mut out = Vec::new();
    let mut table = |dataset: &'static str,
                     file: &str,
                     title: &str,
                     columns: Vec<&'static str>,
                     rows: Vec<Vec<String>>| {
        out.push(Table {
            dataset,
            file: file.to_string(),
            title: title.to_string(),
            columns,
            rows,
        });
    };
    if present("kpis") {
        let rows = data
            .kpis
            .iter()
            .flat_map(|k| {
                k.values.iter().map(move |v| {
                    vec![
                        k.id.clone(),
                        k.title.clone(),
                        word(&k.aspect),
                        word(&k.kind),
                        opt(k.unit.as_ref()),
                        opt(k.direction.as_ref().map(word)),
                        opt(k.target),
                        v.period.to_string(),
                        opt(v.value),
                        opt(v.status.map(status_word)),
                        opt(v.summary.as_ref()),
                        v.illustrative.to_string(),
                        opt(v.note.as_ref()),
                    ]
                })
            })
            .collect();
        table(
            "kpis",
            "kpis",
            "Indicator values by period",
            vec![
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
    }
    if present("prevention-orders") {
        let c = |o: &raw::OrderCounts| {
            vec![
                opt(o.applied),
                opt(o.granted),
                opt(o.interim),
                opt(o.breaches),
            ]
        };
        let rows = data
            .orders
            .iter()
            .map(|o| {
                let mut row = vec![o.period.to_string()];
                row.extend(c(&o.stpo));
                row.extend(c(&o.stro));
                row.push(o.illustrative.to_string());
                row.push(opt(o.source.as_ref()));
                row
            })
            .collect();
        table(
            "prevention-orders",
            "prevention-orders",
            "Orders by period",
            vec![
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
    }
    if present("training") {
        let rows = data
            .courses
            .iter()
            .flat_map(|c| {
                c.trained.iter().map(move |t| {
                    vec![
                        c.id.clone(),
                        c.title.clone(),
                        c.provider.clone(),
                        c.audience.join("; "),
                        t.period.to_string(),
                        t.people.to_string(),
                        t.illustrative.to_string(),
                    ]
                })
            })
            .collect();
        table(
            "training",
            "training-courses",
            "People trained per course and period",
            vec![
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
        let rows = data
            .resources
            .iter()
            .map(|r| {
                vec![
                    r.id.clone(),
                    r.title.clone(),
                    r.kind.clone(),
                    opt(r.year),
                    r.audience.join("; "),
                    opt(r.url.as_ref()),
                    r.description.clone(),
                ]
            })
            .collect();
        table(
            "training",
            "training-resources",
            "Training resources",
            vec![
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
    }
    if present("partnerships") {
        let rows = data
            .partnerships
            .iter()
            .map(|p| {
                vec![
                    p.id.clone(),
                    p.name.clone(),
                    opt(p.role.as_ref()),
                    opt(p.url.as_ref()),
                    p.description.clone(),
                ]
            })
            .collect();
        table(
            "partnerships",
            "partnerships",
            "Partnerships",
            vec!["id", "name", "role", "url", "description"],
            rows,
        );
        let rows = data
            .activities
            .iter()
            .map(|a| {
                vec![
                    a.id.clone(),
                    a.partnership.clone(),
                    a.date.to_string(),
                    a.period.to_string(),
                    word(&a.kind),
                    a.title.clone(),
                    opt(a.description.as_ref()),
                    a.illustrative.to_string(),
                ]
            })
            .collect();
        table(
            "partnerships",
            "partnership-activities",
            "Partnership activities",
            vec![
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
    }
    if present("actions") {
        let rows = data
            .actions
            .iter()
            .map(|a| {
                vec![
                    a.id.clone(),
                    a.title.clone(),
                    word(&a.aspect),
                    a.owner.clone(),
                    a.due.to_string(),
                    status_word(a.status).to_string(),
                    a.illustrative.to_string(),
                ]
            })
            .collect();
        table(
            "actions",
            "actions",
            "Actions",
            vec![
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
        let rows = data
            .actions
            .iter()
            .flat_map(|a| {
                a.progress.iter().map(move |p| {
                    vec![
                        a.id.clone(),
                        p.period.to_string(),
                        opt(p.status.map(status_word)),
                        p.note.clone(),
                        p.illustrative.to_string(),
                    ]
                })
            })
            .collect();
        table(
            "actions",
            "action-progress",
            "Progress notes",
            vec!["action_id", "period", "status", "note", "illustrative"],
            rows,
        );
    }
    if present("commitments") {
        let rows = data
            .commitments
            .iter()
            .map(|c| {
                vec![
                    c.id.clone(),
                    c.text.clone(),
                    status_word(c.status).to_string(),
                    c.illustrative.to_string(),
                    c.evidence
                        .iter()
                        .map(|e| format!("{} <{}>", e.title, e.url))
                        .collect::<Vec<_>>()
                        .join("; "),
                ]
            })
            .collect();
        table(
            "commitments",
            "commitments",
            "Commitments",
            vec!["id", "text", "status", "illustrative", "evidence"],
            rows,
        );
    }
    out
}

/// The datasets for the open-data page.
pub fn describe(data: &Data, tables: &[Table]) -> Vec<Dataset> {
    ABOUT
        .iter()
        .filter(|(name, ..)| data.json.iter().any(|(n, _)| n == name))
        .map(|(name, title, description, page)| Dataset {
            name: (*name).to_string(),
            title: (*title).to_string(),
            description: (*description).to_string(),
            json_url: format!("/data/{name}.json"),
            schema_url: format!("/data/{name}.schema.json"),
            page_url: (*page).to_string(),
            tables: tables
                .iter()
                .filter(|t| t.dataset == *name)
                .map(|t| DataTable {
                    title: t.title.clone(),
                    csv_url: format!("/data/{}.csv", t.file),
                    rows: t.rows.len(),
                    columns: t.columns.iter().map(|c| (*c).to_string()).collect(),
                })
                .collect(),
        })
        .collect()
}

/// The JSON Schema of a data file as published: generated once per process.
pub fn schema_text(name: &str) -> Option<&'static [u8]> {
    static TEXTS: std::sync::OnceLock<Vec<(&'static str, Vec<u8>)>> = std::sync::OnceLock::new();
    let texts = TEXTS.get_or_init(|| {
        crate::load::DATA_FILES
            .iter()
            .filter_map(|n| {
                let mut bytes = serde_json::to_vec_pretty(&schema(n)?).ok()?;
                bytes.push(b'\n');
                Some((*n, bytes))
            })
            .collect()
    });
    texts
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, b)| b.as_slice())
}

/// The JSON Schema of a data file, generated from the raw type serde reads it with.
pub fn schema(name: &str) -> Option<serde_json::Value> {
    let schema = match name {
        "kpis" => schemars::schema_for!(raw::KpisFile),
        "prevention-orders" => schemars::schema_for!(raw::OrdersFile),
        "training" => schemars::schema_for!(raw::TrainingFile),
        "partnerships" => schemars::schema_for!(raw::PartnershipsFile),
        "actions" => schemars::schema_for!(raw::ActionsFile),
        "commitments" => schemars::schema_for!(raw::CommitmentsFile),
        _ => return None,
    };
    serde_json::to_value(schema).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("-3"), "-3");
    }
}
