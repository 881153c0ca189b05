//! The registry's CSV download, row for row: `registry.csv` (one row per organisation a
//! statement covers, the registry's 71 columns in its order, cells written as the registry
//! writes them), `registry.json` (the same records, typed) and its JSON Schema.
//!
//! Cell forms (`research/registry.md` §5): booleans `Yes`/`No`, dates `dd/MM/yyyy`,
//! several answers in one cell joined by CRLF, an answer list's "none" as an empty list
//! cell with its `No…` column `Yes`, "other" as the word `Other` with the text in its own
//! column. Unlike the registry's writer, quotes inside a cell are doubled (RFC 4180) and a
//! cell a spreadsheet would read as a formula keeps its text behind an apostrophe.

use serde_json::{Map, Value, json};

use crate::model::date::Date;
use crate::model::registry::*;
use crate::model::{Config, Statement};
use crate::raw::RegistryAnswers;

/// What a column holds, for the JSON Schema and the CSV cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Int,
    Bool,
    Date,
    /// Several texts: an array in JSON, joined by CRLF in the CSV.
    List,
}

use Kind::{Bool, Date as D, Int, List, Text};

/// The registry's CSV columns in its order (`StatementSummaryDownloadModel`, April 2021).
pub const COLUMNS: [(&str, Kind); 71] = [
    ("StatementYear", Int),
    ("OrganisationName", Text),
    ("Address", Text),
    ("SectorType", Text),
    ("CompanyNumber", Text),
    ("LastUpdated", D),
    ("GroupSubmission", Bool),
    ("ParentName", Text),
    ("StatementURL", Text),
    ("EmailAddressNoURL", Text),
    ("StatementSummaryURL", Text),
    ("StatementStartDate", D),
    ("StatementEndDate", D),
    ("ApprovingPerson", Text),
    ("DateApproved", D),
    ("StatementIncludesOrgStructure", Bool),
    ("NoOrgStructureReason", Text),
    ("StatementIncludesPolicies", Bool),
    ("NoPoliciesReason", Text),
    ("StatementIncludesRisksAssessment", Bool),
    ("NoRiskAssessmentReason", Text),
    ("StatementIncludesDueDiligence", Bool),
    ("NoDueDiligenceReason", Text),
    ("StatementIncludesTraining", Bool),
    ("NoTrainingReason", Text),
    ("StatementIncludesGoals", Bool),
    ("NoGoalsReason", Text),
    ("OrganisationSectors", List),
    ("OtherOrganisationSector", Text),
    ("Turnover", Text),
    ("YearsProducingStatements", Text),
    ("Policies", List),
    ("OtherPolicies", Text),
    ("NoPolicies", Bool),
    ("Training", List),
    ("OtherTraining", Text),
    ("NoTraining", Bool),
    ("WorkingConditionsEngagement", List),
    ("NoEngagement", Bool),
    ("SocialAudits", List),
    ("NoSocialAudits", Bool),
    ("GrievanceMechanisms", List),
    ("NoGrievanceMechanisms", Bool),
    ("OtherMonitoring", Text),
    ("NoRisks", Bool),
    ("Risk1", Text),
    ("Risk1Area", Text),
    ("Risk1SupplyChainTier", List),
    ("Risk1GroupAffected", List),
    ("Risk1OtherGroupAffected", Text),
    ("Risk1Location", List),
    ("Risk1Mitigation", Text),
    ("Risk2", Text),
    ("Risk2Area", Text),
    ("Risk2SupplyChainTier", List),
    ("Risk2GroupAffected", List),
    ("Risk2OtherGroupAffected", Text),
    ("Risk2Location", List),
    ("Risk2Mitigation", Text),
    ("Risk3", Text),
    ("Risk3Area", Text),
    ("Risk3SupplyChainTier", List),
    ("Risk3GroupAffected", List),
    ("Risk3OtherGroupAffected", Text),
    ("Risk3Location", List),
    ("Risk3Mitigation", Text),
    ("ILOIndicatorsInStatement", List),
    ("NoILOIndicatorsInStatement", Bool),
    ("ILOIndicatorsActions", List),
    ("ILOIndicatorsNoActions", Bool),
    ("DemonstrateProgress", Text),
];

/// The registry's CSV columns for the six recommended areas, by candour's s54(5) key.
const AREA_COLUMNS: [(&str, &str, &str); 6] = [
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
];

/// One statement as the registry would hold it.
pub struct Entry<'a> {
    pub statement: &'a Statement,
    pub answers: Option<&'a RegistryAnswers>,
    /// The statement page's absolute address.
    pub url: String,
}

/// The registry's records: one per organisation a statement covers, statements newest
/// first as given. Each record maps every column to its JSON value (null when not known).
pub fn records(entries: &[Entry<'_>], config: &Config) -> Vec<Map<String, Value>> {
    let mut out = Vec::new();
    for e in entries {
        let mut base = record(e);
        if let Some(sector) = config.sector {
            base.insert(
                "OrganisationSectors".into(),
                json!([sector.registry_text()]),
            );
        }
        if let Some(budget) = config.budget {
            base.insert("Turnover".into(), json!(budget.registry_text()));
        }
        let organisations = &config.organisations;
        for (i, name) in organisations.iter().enumerate() {
            let mut r = base.clone();
            r.insert("OrganisationName".into(), json!(name));
            r.insert("GroupSubmission".into(), json!(organisations.len() > 1));
            if i > 0 {
                r.insert("ParentName".into(), json!(organisations[0]));
            }
            out.push(r);
        }
    }
    out
}

fn record(e: &Entry<'_>) -> Map<String, Value> {
    let s = e.statement;
    let empty = RegistryAnswers::default();
    let a = e.answers.unwrap_or(&empty);
    let mut r: Map<String, Value> = COLUMNS
        .iter()
        .map(|(c, _)| ((*c).to_string(), Value::Null))
        .collect();
    let mut set = |column: &str, value: Value| {
        debug_assert!(r.contains_key(column), "{column} is not a registry column");
        r.insert(column.to_string(), value);
    };
    set("StatementYear", json!(s.deadline.year));
    set("SectorType", json!("Public"));
    // OrganisationSectors and Turnover come from site.yaml (`records`).
    set("StatementURL", json!(e.url));
    set("StatementStartDate", date(s.period_start));
    set("StatementEndDate", date(s.period_end));
    if let Some(person) = super::approving_person(&s.approval) {
        set("ApprovingPerson", json!(person));
    }
    // The registry takes a whole date: a month or a year alone is left out.
    if let Some(d) = super::approved_on(&s.approval)
        .filter(|d| d.precision() == crate::model::date::Precision::Day)
    {
        set("DateApproved", date(d));
    }
    for (key, includes, reason) in AREA_COLUMNS {
        if let Some(area) = s.areas.iter().find(|x| x.key == key) {
            set(includes, json!(area.anchor.is_some()));
            if area.anchor.is_none() {
                set(reason, json!(area.reason));
            }
        }
    }
    if let Some(y) = a.years_producing {
        set("YearsProducingStatements", json!(y.registry_text()));
    }
    let (list, none) = answer_list(a.policies.as_deref(), Policy::None, Policy::registry_text);
    set("Policies", list);
    set("NoPolicies", none);
    set("OtherPolicies", json!(a.other_policies));
    let (list, none) = answer_list(
        a.training.as_deref(),
        TrainingTarget::None,
        TrainingTarget::registry_text,
    );
    set("Training", list);
    set("NoTraining", none);
    set("OtherTraining", json!(a.other_training));
    let (list, none) = answer_list(
        a.engagement.as_deref(),
        Engagement::None,
        Engagement::registry_text,
    );
    set("WorkingConditionsEngagement", list);
    set("NoEngagement", none);
    let (list, none) = answer_list(
        a.social_audits.as_deref(),
        SocialAudit::None,
        SocialAudit::registry_text,
    );
    set("SocialAudits", list);
    set("NoSocialAudits", none);
    let (list, none) = answer_list(
        a.grievance_mechanisms.as_deref(),
        Grievance::None,
        Grievance::registry_text,
    );
    set("GrievanceMechanisms", list);
    set("NoGrievanceMechanisms", none);
    set("OtherMonitoring", json!(a.other_monitoring));
    if let Some(risks) = &a.risks {
        set("NoRisks", json!(risks.is_empty()));
        for (i, risk) in risks.iter().take(crate::raw::MAX_RISKS).enumerate() {
            let n = i + 1;
            set(&format!("Risk{n}"), json!(risk.description));
            let area = match (risk.area, &risk.other_area) {
                (RiskArea::Other, Some(text)) => text.clone(),
                (area, _) => area.registry_text().to_string(),
            };
            set(&format!("Risk{n}Area"), json!(area));
            set(
                &format!("Risk{n}SupplyChainTier"),
                texts(&risk.tiers, Tier::registry_text),
            );
            set(
                &format!("Risk{n}GroupAffected"),
                texts(&risk.groups, Group::registry_text),
            );
            set(
                &format!("Risk{n}OtherGroupAffected"),
                json!(risk.other_groups),
            );
            set(&format!("Risk{n}Location"), json!(risk.locations));
            set(&format!("Risk{n}Mitigation"), json!(risk.mitigation));
        }
    }
    let (list, none) = answer_list(
        a.ilo_indicators.as_deref(),
        Indicator::None,
        Indicator::registry_text,
    );
    set("ILOIndicatorsInStatement", list);
    set("NoILOIndicatorsInStatement", none);
    let (list, none) = answer_list(
        a.ilo_actions.as_deref(),
        Remediation::None,
        Remediation::registry_text,
    );
    set("ILOIndicatorsActions", list);
    set("ILOIndicatorsNoActions", none);
    set("DemonstrateProgress", json!(a.demonstrating_progress));
    r
}

fn date(d: Date) -> Value {
    json!(d.to_string())
}

fn texts<T: Copy>(values: &[T], text: fn(T) -> &'static str) -> Value {
    json!(values.iter().map(|v| text(*v)).collect::<Vec<_>>())
}

/// A list answer as the registry writes it: the texts of the options chosen (none for
/// "none"), and its `No…` flag; both null when the statement does not answer.
fn answer_list<T: Copy + PartialEq>(
    values: Option<&[T]>,
    none: T,
    text: fn(T) -> &'static str,
) -> (Value, Value) {
    match values {
        None => (Value::Null, Value::Null),
        Some(v) => {
            let chosen: Vec<T> = v.iter().copied().filter(|x| *x != none).collect();
            (texts(&chosen, text), json!(v.contains(&none)))
        }
    }
}

/// The registry's column names, in its order: `registry.csv`'s header row.
pub fn column_names() -> [&'static str; COLUMNS.len()] {
    COLUMNS.map(|(c, _)| c)
}

/// `registry.csv`'s rows, one per record, each cell as the registry writes it (the header
/// is [`column_names`]; `view::opendata::Table::of_cells` writes them, CRLF line ends).
pub fn rows(records: &[Map<String, Value>]) -> impl Iterator<Item = Vec<String>> + '_ {
    records.iter().map(|r| {
        COLUMNS
            .iter()
            .map(|(column, kind)| cell(r.get(*column).unwrap_or(&Value::Null), *kind))
            .collect::<Vec<_>>()
    })
}

/// One cell as the registry writes it.
fn cell(value: &Value, kind: Kind) -> String {
    match (value, kind) {
        (Value::Null, _) => String::new(),
        (Value::Bool(b), _) => if *b { "Yes" } else { "No" }.to_string(),
        (Value::String(s), Kind::Date) => match Date::parse(s) {
            Ok(d) => format!("{:02}/{:02}/{:04}", d.day, d.month, d.year),
            Err(_) => s.clone(),
        },
        (Value::String(s), _) => s.clone(),
        (Value::Array(items), _) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\r\n"),
        (other, _) => other.to_string(),
    }
}

/// `registry.json`: the records as an array.
pub fn json(records: &[Map<String, Value>]) -> Value {
    Value::Array(records.iter().cloned().map(Value::Object).collect())
}

/// The JSON Schema of `registry.json`: an array of records, each column typed.
pub fn schema() -> Value {
    let properties: Map<String, Value> = COLUMNS
        .iter()
        .map(|(column, kind)| {
            let t = match kind {
                Kind::Text => json!({"type": ["string", "null"]}),
                Kind::Int => json!({"type": ["integer", "null"]}),
                Kind::Bool => json!({"type": ["boolean", "null"]}),
                Kind::Date => json!({"type": ["string", "null"], "format": "date"}),
                Kind::List => json!({"type": ["array", "null"], "items": {"type": "string"}}),
            };
            ((*column).to_string(), t)
        })
        .collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Home Office modern slavery statement registry: statement summaries",
        "description": "One record per organisation a statement covers, in the registry's CSV columns (StatementSummaryDownloadModel). Null: the statement does not say. Lists: the registry's answer texts; an answer list's \"none\" is an empty list with its No… column true.",
        "type": "array",
        "items": {
            "type": "object",
            "properties": properties,
            "required": COLUMNS.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
            "additionalProperties": false
        }
    })
}
