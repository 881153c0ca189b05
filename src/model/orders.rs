//! Slavery and Trafficking Prevention and Risk Orders for one period: counts, never cases.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::period::Period;

#[derive(Debug, Serialize, Clone)]
pub struct Orders {
    pub period: Period,
    /// The id of its section on the prevention orders page, which links to it name (`routes::orders_anchor`).
    pub anchor: String,
    pub period_span: String,
    pub stpo: OrderCounts,
    pub stro: OrderCounts,
    pub illustrative: bool,
    pub source: Option<String>,
}

/// Counts for one kind of order; a count left out was not published.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Default, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct OrderCounts {
    /// Applications made for an order.
    #[serde(default)]
    pub applied: Option<u64>,
    /// Orders made by the courts.
    #[serde(default)]
    pub granted: Option<u64>,
    /// Interim orders, made while an application is decided.
    #[serde(default)]
    pub interim: Option<u64>,
    /// Breaches of an order (a criminal offence).
    #[serde(default)]
    pub breaches: Option<u64>,
}
