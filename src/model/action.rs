//! The action plan: actions and their progress notes per period.

use serde::Serialize;

use super::date::Date;
use super::period::Period;
use super::{Aspect, Status};

#[derive(Debug, Serialize)]
pub struct Action {
    pub id: String,
    /// The id of its section on the action plan, which links to it name (`routes::action_anchor`).
    pub anchor: String,
    pub title: String,
    pub aspect: Aspect,
    pub owner: String,
    pub due: Date,
    pub status: Status,
    pub progress: Vec<Progress>,
    pub illustrative: bool,
}

#[derive(Debug, Serialize)]
pub struct Progress {
    pub period: Period,
    pub note: String,
    pub status: Option<Status>,
    pub illustrative: bool,
}
