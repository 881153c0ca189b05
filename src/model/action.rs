//! The action plan: actions and their progress notes per period.

use serde::Serialize;

use super::Status;
use super::date::Date;
use super::period::Period;

#[derive(Debug, Serialize)]
pub struct Action {
    pub id: String,
    /// The id of its section on the action plan, which links to it name (`routes::action_anchor`).
    pub anchor: String,
    pub title: String,
    /// The id of its aspect, if the site declares aspects.
    pub aspect: Option<String>,
    /// Its aspect's title.
    pub aspect_title: Option<String>,
    /// Who is responsible, by role, where the source says.
    pub owner: Option<String>,
    pub due: Option<Date>,
    pub status: Option<Status>,
    pub progress: Vec<Progress>,
    /// True when the whole action is not from a published source.
    pub illustrative: bool,
    /// Its fields that are not, when only some are (`due`).
    pub illustrative_fields: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Progress {
    pub period: Period,
    pub note: String,
    pub status: Option<Status>,
    pub illustrative: bool,
}
