//! The fixed words of the data: statuses, kinds of indicator, directions, kinds of
//! activity and compliance levels; and the aspects a site declares. Authors write them in YAML (kebab-case), the
//! open data carries them as written, and templates show them through the `label` filter.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One of the body's own headings for its work, declared in `site.yaml`.
#[derive(Debug, Serialize, Clone)]
pub struct Aspect {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
}

/// How often a site publishes progress updates between its statements
/// (`reporting.updates`): what the site promises next.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Cadence {
    /// An update for each half year.
    SixMonthly,
    /// An update for each year, between statements.
    Annual,
    /// No updates are promised: only the next statement is.
    #[default]
    None,
}

/// Whether a statement is made under the legal duty of section 54 (`required`: a
/// commercial organisation over the threshold) or in accordance with it by choice
/// (`voluntary`: most public bodies today). A voluntary statement is never called late or
/// "on time".
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    #[default]
    Voluntary,
    Required,
}

/// The Home Office registry's sector of a public body.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Sector {
    Police,
    LocalGovernment,
    Health,
    Education,
    Fire,
    CentralGovernment,
    Other,
}

impl Sector {
    /// The registry's answer to "Which sectors does your organisation operate in?" for this
    /// body: `Public sector`, the registry's one entry for a public body (its sector list,
    /// `StatementSectorTypes` id 1; `research/registry.md` §2.1). candour's finer sectors are
    /// all public bodies, so each gives that entry; the registry's other entries (such as
    /// "Education and research") are the body's own choice and are not guessed from it.
    pub fn registry_text(self) -> &'static str {
        "Public sector"
    }
}

/// The Home Office registry's turnover band, for a public body its budget.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    /// Under £36 million.
    #[serde(rename = "under-36m")]
    Under36m,
    /// £36 million to £60 million.
    #[serde(rename = "36m-60m")]
    From36mTo60m,
    /// £60 million to £100 million.
    #[serde(rename = "60m-100m")]
    From60mTo100m,
    /// £100 million to £500 million.
    #[serde(rename = "100m-500m")]
    From100mTo500m,
    /// Over £500 million.
    #[serde(rename = "over-500m")]
    Over500m,
}

impl Budget {
    /// The registry's own wording for the band, as its CSV's `Turnover` column writes it
    /// (`Statement.StatementTurnoverRanges`; `research/registry.md` §2.2).
    pub fn registry_text(self) -> &'static str {
        match self {
            Budget::Under36m => "Under £36 million",
            Budget::From36mTo60m => "£36 million to £60 million",
            Budget::From60mTo100m => "£60 million to £100 million",
            Budget::From100mTo500m => "£100 million to £500 million",
            Budget::Over500m => "Over £500 million",
        }
    }
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
