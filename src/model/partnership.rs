//! Partnerships and their dated activities.

use serde::Serialize;

use super::ActivityKind;
use super::date::Date;
use super::period::Period;

#[derive(Debug, Serialize)]
pub struct Partnership {
    pub id: String,
    /// The id of its section on the partnerships page, which links to it name (`routes::partnership_anchor`).
    pub anchor: String,
    pub name: String,
    pub description: String,
    pub role: Option<String>,
    pub url: Option<String>,
    /// Oldest first.
    pub activities: Vec<Activity>,
}

#[derive(Debug, Serialize, Clone)]
pub struct Activity {
    pub id: String,
    pub partnership: String,
    pub partnership_name: String,
    pub date: Date,
    pub period: Period,
    pub kind: ActivityKind,
    pub title: String,
    pub description: Option<String>,
    pub illustrative: bool,
}
