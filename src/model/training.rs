//! Training courses with the people trained per period, and training resources.

use serde::Serialize;

use super::period::Period;

#[derive(Debug, Serialize)]
pub struct Course {
    pub id: String,
    /// The id of its section on the training page, which links to it name (`routes::course_anchor`).
    pub anchor: String,
    pub title: String,
    /// Who provides it, where the source says.
    pub provider: Option<String>,
    pub audience: Vec<String>,
    /// The id of its aspect, if the site declares aspects.
    pub aspect: Option<String>,
    /// Its aspect's title.
    pub aspect_title: Option<String>,
    pub description: Option<String>,
    pub trained: Vec<Trained>,
    pub total: u64,
    /// True when the whole course is not from a published source.
    pub illustrative: bool,
    /// Its fields that are not, when only some are (`provider`).
    pub illustrative_fields: Vec<String>,
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
