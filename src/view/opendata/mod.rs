//! Open data: each data file as JSON (its YAML's shape), as flat CSV tables, and its JSON Schema.

use serde::Serialize;

use crate::i18n::Words;
use crate::model::Data;
use crate::model::{DataTable, Dataset};
use crate::raw;
use crate::routes::Routes;

mod rows;

use rows::{
    ActionRow, ActivityRow, CommitmentRow, CourseRow, Figure, KpiRow, OrdersRow, PartnershipRow,
    ProgressRow, ResourceRow, header, text, text_opt, word,
};

/// The datasets, in the order the open-data page lists them; each one's title and
/// description are the words `dataset.NAME.title` and `dataset.NAME.description`.
const DATASETS: [&str; 7] = [
    "kpis",
    "prevention-orders",
    "training",
    "partnerships",
    "actions",
    "commitments",
    "registry",
];

/// A CSV table of one dataset, built once and both described and written.
#[derive(Debug)]
pub struct Table {
    pub dataset: &'static str,
    pub file: String,
    pub title: String,
    /// The header row: the row type's field names.
    pub columns: Vec<String>,
    pub rows: usize,
    /// The whole file: RFC 4180, CRLF line ends, spreadsheet formulas defused.
    pub text: String,
}

impl Table {
    /// A table of `rows`, each a serde row struct whose field names are the columns.
    fn of<R: Serialize + Default>(
        dataset: &'static str,
        file: &str,
        title: &str,
        rows: impl Iterator<Item = R>,
    ) -> Table {
        let columns = header::<R>();
        let mut writer = csv::WriterBuilder::new()
            .has_headers(false)
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        // Writing into memory cannot fail; every row type serializes to plain fields.
        let _ = writer.write_record(&columns);
        let mut count = 0;
        for row in rows {
            let _ = writer.serialize(row);
            count += 1;
        }
        let bytes = writer.into_inner().unwrap_or_default();
        Table {
            dataset,
            file: file.to_string(),
            title: title.to_string(),
            columns,
            rows: count,
            text: String::from_utf8(bytes).unwrap_or_default(),
        }
    }

    /// A table of rows already written as cells, under the header `columns`; each cell is
    /// source text, defused as [`rows::Text`] is.
    pub fn of_cells(
        dataset: &'static str,
        file: &str,
        title: &str,
        columns: &[&str],
        rows: impl Iterator<Item = Vec<String>>,
    ) -> Table {
        let mut writer = csv::WriterBuilder::new()
            .has_headers(false)
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        // Writing into memory cannot fail.
        let _ = writer.write_record(columns);
        let mut count = 0;
        for row in rows {
            let _ = writer.serialize(row.into_iter().map(rows::Text).collect::<Vec<_>>());
            count += 1;
        }
        let bytes = writer.into_inner().unwrap_or_default();
        Table {
            dataset,
            file: file.to_string(),
            title: title.to_string(),
            columns: columns.iter().map(|c| (*c).to_string()).collect(),
            rows: count,
            text: String::from_utf8(bytes).unwrap_or_default(),
        }
    }

    pub fn csv(&self) -> &str {
        &self.text
    }
}

/// Every CSV table of the site's data.
pub fn tables(data: &Data, words: &Words) -> Vec<Table> {
    let present = |name: &str| data.json.iter().any(|(n, _)| n == name);
    let mut out = Vec::new();
    if present("kpis") {
        let rows = data.kpis.iter().flat_map(|k| {
            k.values.iter().map(move |v| KpiRow {
                kpi_id: k.id.clone(),
                kpi_title: text(&k.title),
                aspect: k.aspect.clone(),
                kind: word(&k.kind),
                unit: text_opt(k.unit.as_ref()),
                direction: k.direction.as_ref().map(word),
                target: k.target.map(Figure),
                period: v.period.to_string(),
                value: v.value.map(Figure),
                status: v.status.map(raw::Status::word),
                summary: text_opt(v.summary.as_ref()),
                illustrative: v.illustrative,
                note: text_opt(v.note.as_ref()),
            })
        });
        out.push(Table::of(
            "kpis",
            "kpis",
            words.word("dataset.kpis.table"),
            rows,
        ));
    }
    if present("prevention-orders") {
        let rows = data.orders.iter().map(|o| OrdersRow {
            period: o.period.to_string(),
            stpo_applied: o.stpo.applied,
            stpo_granted: o.stpo.granted,
            stpo_interim: o.stpo.interim,
            stpo_breaches: o.stpo.breaches,
            stro_applied: o.stro.applied,
            stro_granted: o.stro.granted,
            stro_interim: o.stro.interim,
            stro_breaches: o.stro.breaches,
            illustrative: o.illustrative,
            source: text_opt(o.source.as_ref()),
        });
        out.push(Table::of(
            "prevention-orders",
            "prevention-orders",
            words.word("dataset.prevention-orders.table"),
            rows,
        ));
    }
    if present("training") {
        // A course with no figures per period still has its row (period and people empty):
        // it is on the training page, so it is in the data.
        let rows = data.courses.iter().flat_map(|c| {
            let row = move |period: Option<String>, people: Option<u64>, illustrative| CourseRow {
                course_id: c.id.clone(),
                course_title: text(&c.title),
                provider: text_opt(c.provider.as_ref()),
                audience: text(&c.audience.join("; ")),
                period,
                people,
                illustrative,
            };
            let counted = c
                .trained
                .iter()
                .map(move |t| row(Some(t.period.to_string()), Some(t.people), t.illustrative));
            let uncounted = c
                .trained
                .is_empty()
                .then(|| row(None, None, c.illustrative));
            counted.chain(uncounted)
        });
        out.push(Table::of(
            "training",
            "training-courses",
            words.word("dataset.training.courses_table"),
            rows,
        ));
        let rows = data.resources.iter().map(|r| ResourceRow {
            id: r.id.clone(),
            title: text(&r.title),
            kind: text(&r.kind),
            year: r.year,
            audience: text(&r.audience.join("; ")),
            url: text_opt(r.url.as_ref()),
            description: text(&r.description),
        });
        out.push(Table::of(
            "training",
            "training-resources",
            words.word("dataset.training.resources_table"),
            rows,
        ));
    }
    if present("partnerships") {
        let rows = data.partnerships.iter().map(|p| PartnershipRow {
            id: p.id.clone(),
            name: text(&p.name),
            role: text_opt(p.role.as_ref()),
            url: text_opt(p.url.as_ref()),
            description: text(&p.description),
        });
        out.push(Table::of(
            "partnerships",
            "partnerships",
            words.word("dataset.partnerships.table"),
            rows,
        ));
        let rows = data.activities.iter().map(|a| ActivityRow {
            id: a.id.clone(),
            partnership_id: a.partnership.clone(),
            date: a.date.to_string(),
            period: a.period.to_string(),
            kind: word(&a.kind),
            title: text(&a.title),
            description: text_opt(a.description.as_ref()),
            illustrative: a.illustrative,
        });
        out.push(Table::of(
            "partnerships",
            "partnership-activities",
            words.word("dataset.partnerships.activities_table"),
            rows,
        ));
    }
    if present("actions") {
        let rows = data.actions.iter().map(|a| ActionRow {
            id: a.id.clone(),
            title: text(&a.title),
            aspect: a.aspect.clone(),
            owner: text_opt(a.owner.as_ref()),
            due: a.due.map(|d| d.to_string()),
            status: a.status.map(raw::Status::word),
            illustrative: marks_cell(a.illustrative, &a.illustrative_fields),
        });
        out.push(Table::of(
            "actions",
            "actions",
            words.word("dataset.actions.table"),
            rows,
        ));
        let rows = data.actions.iter().flat_map(|a| {
            a.progress.iter().map(move |p| ProgressRow {
                action_id: a.id.clone(),
                period: p.period.to_string(),
                status: p.status.map(raw::Status::word),
                note: text(&p.note),
                illustrative: p.illustrative,
            })
        });
        out.push(Table::of(
            "actions",
            "action-progress",
            words.word("dataset.actions.progress_table"),
            rows,
        ));
    }
    if present("commitments") {
        let rows = data.commitments.iter().map(|c| CommitmentRow {
            id: c.id.clone(),
            text: text(&c.text),
            status: c.status.map(raw::Status::word),
            illustrative: marks_cell(c.illustrative, &c.illustrative_fields),
            evidence: text(
                &c.evidence
                    .iter()
                    .map(|e| format!("{} <{}>", e.title, e.url))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        });
        out.push(Table::of(
            "commitments",
            "commitments",
            words.word("dataset.commitments.table"),
            rows,
        ));
    }
    // A table with no rows is no data: a site whose courses have no resources, or whose
    // actions have no progress notes, publishes no empty file for them (the dataset's JSON
    // still has everything).
    out.retain(|t| t.rows > 0);
    out
}

/// The datasets for the open-data page: each one published as JSON (`json`, by name).
pub fn describe(
    json: &[(String, serde_json::Value)],
    tables: &[Table],
    routes: &Routes,
    words: &Words,
) -> Vec<Dataset> {
    DATASETS
        .iter()
        .filter(|name| json.iter().any(|(n, _)| n == *name))
        .map(|name| Dataset {
            name: (*name).to_string(),
            title: words.word(&format!("dataset.{name}.title")).to_string(),
            description: words
                .word(&format!("dataset.{name}.description"))
                .to_string(),
            json_url: routes.dataset_json(name),
            schema_url: routes.dataset_schema(name),
            page_url: page_of(name, routes),
            page_title: match *name {
                "registry" => words.word("statements.heading").to_string(),
                _ => words.word(&format!("dataset.{name}.title")).to_string(),
            },
            url: routes.dataset(name),
            tables: tables
                .iter()
                .filter(|t| t.dataset == *name)
                .map(|t| DataTable {
                    title: t.title.clone(),
                    csv_url: routes.dataset_csv(&t.file),
                    rows: t.rows,
                    columns: t.columns.clone(),
                })
                .collect(),
        })
        .collect()
}

/// The page that shows a dataset.
fn page_of(name: &str, routes: &Routes) -> String {
    match name {
        "kpis" => routes.performance(),
        "prevention-orders" => routes.orders(),
        "training" => routes.training(),
        "partnerships" => routes.partnerships(),
        "actions" => routes.actions(),
        "registry" => routes.statements(),
        _ => routes.commitments(),
    }
}

/// The JSON Schema of a data file as published: generated once per process.
pub fn schema_text(name: &str) -> Option<&'static [u8]> {
    static TEXTS: std::sync::OnceLock<Vec<(&'static str, Vec<u8>)>> = std::sync::OnceLock::new();
    let texts = TEXTS.get_or_init(|| {
        crate::source::load::DATA_FILES
            .iter()
            .chain(std::iter::once(&"registry"))
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
        "registry" => return Some(crate::registry::table::schema()),
        _ => return None,
    };
    serde_json::to_value(schema).ok()
}

/// A record's illustrative mark as a CSV cell: `true`, `false`, or its illustrative fields'
/// names joined by `; `.
fn marks_cell(all: bool, fields: &[String]) -> String {
    if all {
        "true".into()
    } else if fields.is_empty() {
        "false".into()
    } else {
        fields.join("; ")
    }
}

#[cfg(test)]
mod tests;
