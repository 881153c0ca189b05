//! One struct per CSV table's row, its fields the columns in order, and the cell types that
//! write sources' text and figures safely.

use serde::Serialize;

/// The field names of a row type, as its header row.
pub fn header<R: Serialize + Default>() -> Vec<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.serialize(R::default());
    let bytes = writer.into_inner().unwrap_or_default();
    let text = String::from_utf8(bytes).unwrap_or_default();
    text.lines()
        .next()
        .unwrap_or("")
        .split(',')
        .map(str::to_string)
        .collect()
}

/// Text from the site's sources in a CSV cell: a cell a spreadsheet would read as a formula
/// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is defused with a leading
/// apostrophe; a negative number stays a number.
#[derive(Default)]
pub struct Text(pub String);

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let cell = &self.0;
        if cell.starts_with(['=', '+', '@', '\t', '\r'])
            || (cell.starts_with('-') && cell.parse::<f64>().is_err())
        {
            s.collect_str(&format_args!("'{cell}"))
        } else {
            s.serialize_str(cell)
        }
    }
}

pub fn text(s: &str) -> Text {
    Text(s.to_string())
}

pub fn text_opt(s: Option<&String>) -> Option<Text> {
    s.map(|s| text(s))
}

/// A figure as written: `11`, `42.5` (a whole number without `.0`).
#[derive(Default)]
pub struct Figure(pub f64);

impl Serialize for Figure {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// An enum's word as the YAML spells it: `in-progress`.
pub fn word<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[derive(Serialize, Default)]
pub struct KpiRow {
    pub kpi_id: String,
    pub kpi_title: Text,
    pub aspect: Option<String>,
    pub kind: String,
    pub unit: Option<Text>,
    pub direction: Option<String>,
    pub target: Option<Figure>,
    pub period: String,
    pub value: Option<Figure>,
    pub status: Option<&'static str>,
    pub summary: Option<Text>,
    pub illustrative: bool,
    pub note: Option<Text>,
}

#[derive(Serialize, Default)]
pub struct OrdersRow {
    pub period: String,
    pub stpo_applied: Option<u64>,
    pub stpo_granted: Option<u64>,
    pub stpo_interim: Option<u64>,
    pub stpo_breaches: Option<u64>,
    pub stro_applied: Option<u64>,
    pub stro_granted: Option<u64>,
    pub stro_interim: Option<u64>,
    pub stro_breaches: Option<u64>,
    pub illustrative: bool,
    pub source: Option<Text>,
}

#[derive(Serialize, Default)]
pub struct CourseRow {
    pub course_id: String,
    pub course_title: Text,
    pub provider: Option<Text>,
    pub audience: Text,
    /// Empty for a course the site gives no figures for.
    pub period: Option<String>,
    pub people: Option<u64>,
    pub illustrative: bool,
}

#[derive(Serialize, Default)]
pub struct ResourceRow {
    pub id: String,
    pub title: Text,
    pub kind: Text,
    pub year: Option<i32>,
    pub audience: Text,
    pub url: Option<Text>,
    pub description: Text,
}

#[derive(Serialize, Default)]
pub struct PartnershipRow {
    pub id: String,
    pub name: Text,
    pub role: Option<Text>,
    pub url: Option<Text>,
    pub description: Text,
}

#[derive(Serialize, Default)]
pub struct ActivityRow {
    pub id: String,
    pub partnership_id: String,
    pub date: String,
    pub period: String,
    pub kind: String,
    pub title: Text,
    pub description: Option<Text>,
    pub illustrative: bool,
}

#[derive(Serialize, Default)]
pub struct ActionRow {
    pub id: String,
    pub title: Text,
    pub aspect: Option<String>,
    pub owner: Option<Text>,
    pub due: Option<String>,
    pub status: Option<&'static str>,
    /// `true`, `false`, or the names of the illustrative fields (`due; owner`).
    pub illustrative: String,
}

#[derive(Serialize, Default)]
pub struct ProgressRow {
    pub action_id: String,
    pub period: String,
    pub status: Option<&'static str>,
    pub note: Text,
    pub illustrative: bool,
}

#[derive(Serialize, Default)]
pub struct CommitmentRow {
    pub id: String,
    pub text: Text,
    pub status: Option<&'static str>,
    /// `true`, `false`, or the names of the illustrative fields (`status`).
    pub illustrative: String,
    pub evidence: Text,
}
