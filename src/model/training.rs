//! Training courses with the people trained per period, and training resources.

use serde::Serialize;

use super::Aspect;
use super::period::Period;

#[derive(Debug, Serialize)]
pub struct Course {
    pub id: String,
    /// The id of its section on the training page, which links to it name (`routes::course_anchor`).
    pub anchor: String,
    pub title: String,
    pub provider: String,
    pub audience: Vec<String>,
    pub aspect: Option<Aspect>,
    pub description: Option<String>,
    pub trained: Vec<Trained>,
    pub total: u64,
}

#[derive(Debug, Serialize)]
pub struct Trained {
    pub period: Period,
    pub people: u64,
    pub illustrative: bool,
}

#[derive(Debug, Serialize)]
pub struct Resource {
    pub id: String,
    /// The id of its section on the training page, which links to it name (`routes::resource_anchor`).
    pub anchor: String,
    pub title: String,
    pub kind: String,
    pub description: String,
    pub year: Option<i32>,
    pub audience: Vec<String>,
    pub url: Option<String>,
}
