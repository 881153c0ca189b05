//! `content/data/actions.yaml`: the action plan and progress notes per period.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::date::Date;
use crate::model::period::Period;

use crate::model::{Illustrative, Status};

/// `content/data/actions.yaml`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct ActionsFile {
    /// The actions of the plan.
    pub actions: Vec<RawAction>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawAction {
    /// A unique id: letters, digits, '-' and '_'.
    #[schemars(example = &"strategy-and-responsible-sourcing")]
    pub id: String,
    /// What will be done.
    #[schemars(example = &"Develop a responsible sourcing programme")]
    pub title: String,
    /// The id of the aspect (declared under `aspects:` in site.yaml) the action belongs to; none when the site declares none.
    #[serde(default)]
    pub aspect: Option<String>,
    /// Who is responsible, by role; optional, shown only where the source says.
    #[serde(default)]
    pub owner: Option<String>,
    /// When it is due (YYYY-MM-DD, YYYY-MM or YYYY); optional, shown only where the source says.
    #[serde(default)]
    pub due: Option<Date>,
    /// not-started, in-progress or achieved; optional, shown only where the source says.
    #[serde(default)]
    pub status: Option<Status>,
    /// Progress notes, one per period.
    #[serde(default)]
    pub progress: Vec<RawProgress>,
    /// true when the action is not from a published source, or a list of its fields that are not, such as [owner, due].
    #[serde(default)]
    pub illustrative: Illustrative,
}

/// The fields of an action `illustrative` may name.
pub const ACTION_MARKS: &[&str] = &["title", "aspect", "owner", "due", "status"];

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawProgress {
    /// The period: a year (2019/20) or a half year (2020/21 H1).
    #[schemars(example = &"2020/21 H1")]
    pub period: Period,
    /// What happened in the period, in a sentence or two.
    #[schemars(example = &"Suppliers were written to about modern slavery.")]
    pub note: String,
    /// The action's status at the end of the period.
    #[serde(default)]
    pub status: Option<Status>,
    /// True when the note is not from a published source.
    #[serde(default)]
    pub illustrative: bool,
}
