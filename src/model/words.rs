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

impl Status {
    /// The word as YAML and the open data write it: `in-progress`.
    pub fn word(self) -> &'static str {
        match self {
            Status::NotStarted => "not-started",
            Status::InProgress => "in-progress",
            Status::Achieved => "achieved",
        }
    }
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
