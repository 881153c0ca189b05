//! The fixed words of the data: statuses, kinds of indicator, directions, kinds of
//! activity, aspects and compliance levels. Authors write them in YAML (kebab-case), the
//! open data carries them as written, and templates show them through the `label` filter.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(
    Debug, Deserialize, Serialize, JsonSchema, Clone, Copy, PartialEq, Eq, PartialOrd, Ord,
)]
#[serde(rename_all = "kebab-case")]
pub enum Aspect {
    ForceCapability,
    InternalCapability,
    ExternalCapability,
    BusinessEngagement,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum KpiKind {
    Count,
    Percent,
    Qualitative,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Up,
    Down,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    NotStarted,
    InProgress,
    Achieved,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ActivityKind {
    Meeting,
    Operation,
    Awareness,
    Training,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Compliance {
    Full,
    Partial,
    Not,
}

/// Human words for the enums, used by the template filter `label`.
pub fn label(word: &str) -> Option<&'static str> {
    Some(match word {
        "force-capability" => "Force capability",
        "internal-capability" => "Internal capability (HR, vetting, recruitment)",
        "external-capability" => "External capability (procurement and supply chain)",
        "business-engagement" => "Business engagement",
        "not-started" => "Not started",
        "in-progress" => "In progress",
        "achieved" => "Achieved",
        "count" => "Count",
        "percent" => "Percentage",
        "qualitative" => "Qualitative",
        "up" => "Higher is better",
        "down" => "Lower is better",
        "meeting" => "Meeting",
        "operation" => "Operation",
        "awareness" => "Awareness",
        "training" => "Training",
        "full" => "fully compliant",
        "partial" => "partially compliant",
        "not" => "not compliant",
        _ => return None,
    })
}
