//! `content/data/prevention-orders.yaml`: Slavery and Trafficking Prevention and Risk Orders per period.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::OrderCounts;
use crate::model::period::Period;

/// `content/data/prevention-orders.yaml`.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct OrdersFile {
    /// The counts for each period, one entry per period.
    pub orders: Vec<RawOrders>,
}

/// Slavery and Trafficking Prevention and Risk Orders for one period: counts, never cases.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawOrders {
    /// The period the counts are for: a year (2019/20) or a half year (2020/21 H1).
    #[schemars(example = &"2020/21 H1")]
    pub period: Period,
    /// Prevention Orders (after conviction).
    #[serde(default)]
    pub stpo: OrderCounts,
    /// Risk Orders (no conviction needed).
    #[serde(default)]
    pub stro: OrderCounts,
    /// True when the figures are not from a published source.
    #[serde(default)]
    pub illustrative: bool,
    /// Where the figures come from.
    #[serde(default)]
    pub source: Option<String>,
}
