//! `content/data/actions.yaml`: the action plan and progress notes per period.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::date::Date;
use crate::model::period::Period;

use crate::model::{Aspect, Status};

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
    /// Which aspect of the response the action belongs to.
    #[schemars(example = &"external-capability")]
    pub aspect: Aspect,
    /// Who is responsible, by role.
    #[schemars(example = &"Head of Procurement")]
    pub owner: String,
    /// When it is due (YYYY-MM-DD).
    #[schemars(example = &"2021-03-31")]
    pub due: Date,
    /// not-started, in-progress or achieved.
    #[schemars(example = &"in-progress")]
    pub status: Status,
    /// Progress notes, one per period.
    #[serde(default)]
    pub progress: Vec<RawProgress>,
    /// True when the action's details are not from a published source.
    #[serde(default)]
    pub illustrative: bool,
}

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
