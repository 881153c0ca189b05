//! `content/data/kpis.yaml`: key performance indicators and their value or status per period.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::period::Period;
use crate::model::{Direction, KpiKind, Status};

/// `content/data/kpis.yaml`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct KpisFile {
    /// The indicators, in the order they are listed.
    pub kpis: Vec<RawKpi>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawKpi {
    /// A unique id: letters, digits, '-' and '_'; the indicator's web address is /performance/ID/.
    #[schemars(example = &"supplier-responses")]
    pub id: String,
    /// The indicator's name.
    #[schemars(example = &"Suppliers who responded on modern slavery")]
    pub title: String,
    /// What the indicator measures, in a sentence or two.
    #[schemars(example = &"The share of suppliers written to who replied.")]
    pub description: String,
    /// The id of the aspect (declared under `aspects:` in site.yaml) the indicator belongs to; none when the site declares none.
    #[serde(default)]
    pub aspect: Option<String>,
    /// count (whole numbers), percent (0 to 100) or qualitative (a status and a summary).
    #[schemars(example = &"percent")]
    pub kind: KpiKind,
    /// What is counted, such as `orders` or `% of staff`.
    #[serde(default)]
    pub unit: Option<String>,
    /// Which way is better: `up` or `down`. Not used for qualitative KPIs.
    #[serde(default)]
    pub direction: Option<Direction>,
    /// The target, in the indicator's unit; drawn as a line on its chart.
    #[serde(default, serialize_with = "crate::model::scalar::figure")]
    pub target: Option<f64>,
    /// The value or status for each period, one entry per period.
    #[serde(default)]
    pub values: Vec<RawKpiValue>,
}

#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawKpiValue {
    /// The period the value is for: a year (2019/20) or a half year (2020/21 H1).
    #[schemars(example = &"2020/21 H1")]
    pub period: Period,
    /// The figure, for `count` (whole, >= 0) and `percent` (0 to 100) KPIs.
    #[serde(default, serialize_with = "crate::model::scalar::figure")]
    pub value: Option<f64>,
    /// For `qualitative` KPIs.
    #[serde(default)]
    pub status: Option<Status>,
    /// For `qualitative` KPIs: what was done, in a sentence or two.
    #[serde(default)]
    pub summary: Option<String>,
    /// True when the figure is not from a published source.
    #[serde(default)]
    pub illustrative: bool,
    /// A short note about the figure, such as where it comes from.
    #[serde(default)]
    pub note: Option<String>,
}
