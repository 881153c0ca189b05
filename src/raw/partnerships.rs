//! `content/data/partnerships.yaml`: partnerships and their dated activities.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::ActivityKind;
use crate::model::date::Date;

/// `content/data/partnerships.yaml`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct PartnershipsFile {
    /// The partnerships the organisation takes part in.
    pub partnerships: Vec<RawPartnership>,
    /// Dated activities of the partnerships.
    #[serde(default)]
    pub activities: Vec<RawActivity>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawPartnership {
    /// A unique id: letters, digits, '-' and '_'; activities name it.
    #[schemars(example = &"regional-group")]
    pub id: String,
    /// The partnership's name.
    #[schemars(example = &"Regional Modern Slavery Group")]
    pub name: String,
    /// What the partnership does, in a sentence or two.
    #[schemars(example = &"Forces of the region working together against modern slavery.")]
    pub description: String,
    /// The force's part in it, such as `member` or `lead force`.
    #[serde(default)]
    pub role: Option<String>,
    /// The partnership's website (an https:// address).
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawActivity {
    /// A unique id: letters, digits, '-' and '_'.
    #[schemars(example = &"regional-meeting-2020-10")]
    pub id: String,
    /// Id of the partnership it belongs to.
    #[schemars(example = &"regional-group")]
    pub partnership: String,
    /// When it happened (YYYY-MM-DD); its half year follows from it.
    #[schemars(example = &"2020-10-14")]
    pub date: Date,
    /// meeting, operation, awareness or training.
    #[schemars(example = &"meeting")]
    pub kind: ActivityKind,
    /// The activity's name.
    #[schemars(example = &"Regional group meeting")]
    pub title: String,
    /// What happened, in a sentence or two.
    #[serde(default)]
    pub description: Option<String>,
    /// True when the activity is not from a published source.
    #[serde(default)]
    pub illustrative: bool,
}
