//! `content/data/training.yaml`: courses, the people trained per period, and resources.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::period::Period;

use crate::model::Illustrative;

/// `content/data/training.yaml`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct TrainingFile {
    /// The courses, each with the people who completed it per period.
    #[serde(default)]
    pub courses: Vec<RawCourse>,
    /// Training resources the organisation produced (videos, guides, packs).
    #[serde(default)]
    pub resources: Vec<RawResource>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawCourse {
    /// A unique id: letters, digits, '-' and '_'.
    #[schemars(example = &"first-responder-training")]
    pub id: String,
    /// The course's name.
    #[schemars(example = &"First responder training")]
    pub title: String,
    /// Who provides the course; optional, shown only where the source says.
    #[serde(default)]
    pub provider: Option<String>,
    /// Who takes it, by role.
    #[serde(default)]
    pub audience: Vec<String>,
    /// The id of the aspect (declared under `aspects:` in site.yaml) the course belongs to.
    #[serde(default)]
    pub aspect: Option<String>,
    /// What the course covers, in a sentence or two.
    #[serde(default)]
    pub description: Option<String>,
    /// The people who completed it, per period.
    #[serde(default)]
    pub trained: Vec<RawTrained>,
    /// true when the course is not from a published source, or a list of its fields that are not, such as [provider].
    #[serde(default)]
    pub illustrative: Illustrative,
}

/// The fields of a course `illustrative` may name.
pub const COURSE_MARKS: &[&str] = &["title", "provider", "audience", "description"];

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawTrained {
    /// The period: a year (2019/20) or a half year (2020/21 H1).
    #[schemars(example = &"2020/21 H1")]
    pub period: Period,
    /// People who completed the course in the period.
    #[schemars(example = 120)]
    pub people: u64,
    /// True when the figure is not from a published source.
    #[serde(default)]
    pub illustrative: bool,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawResource {
    /// A unique id: letters, digits, '-' and '_'.
    #[schemars(example = &"victim-pack")]
    pub id: String,
    /// The resource's name.
    #[schemars(example = &"Victim Pack")]
    pub title: String,
    /// `video`, `guide`, `pack`, `e-learning` or `poster`.
    #[schemars(example = &"guide")]
    pub kind: String,
    /// What the resource is, in a sentence or two.
    #[schemars(example = &"What first responders give to potential victims.")]
    pub description: String,
    /// Calendar year it was produced in.
    #[serde(default)]
    pub year: Option<i32>,
    /// Who it is for, by role.
    #[serde(default)]
    pub audience: Vec<String>,
    /// Where it can be seen or downloaded (an https:// or site address).
    #[serde(default)]
    pub url: Option<String>,
}
