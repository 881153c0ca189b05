//! A key performance indicator with its values by period and its trend chart, laid out at
//! build time.

use serde::Serialize;

use super::period::Period;
use super::{Direction, KpiKind, Status};

#[derive(Debug, Serialize, Clone)]
pub struct KpiValue {
    pub period: Period,
    pub period_span: String,
    pub value: Option<f64>,
    /// The value as shown: `11`, `42.5%`.
    pub display: String,
    pub status: Option<Status>,
    pub summary: Option<String>,
    pub illustrative: bool,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Kpi {
    pub id: String,
    pub url: String,
    pub title: String,
    pub description: String,
    /// The id of its aspect, if the site declares aspects.
    pub aspect: Option<String>,
    /// Its aspect's title.
    pub aspect_title: Option<String>,
    pub kind: KpiKind,
    pub unit: Option<String>,
    pub direction: Option<Direction>,
    pub target: Option<f64>,
    /// Oldest period first.
    pub values: Vec<KpiValue>,
    pub latest: Option<KpiValue>,
    pub chart: Option<Chart>,
    pub any_illustrative: bool,
}

/// A line chart laid out at build time; the template only draws it.
#[derive(Debug, Serialize)]
pub struct Chart {
    pub title: String,
    pub description: String,
    pub width: u32,
    pub height: u32,
    /// The `points` attribute of the polyline.
    pub line: String,
    pub points: Vec<ChartPoint>,
    pub y_ticks: Vec<ChartTick>,
    pub plot_left: u32,
    pub plot_right: u32,
    pub plot_top: u32,
    pub plot_bottom: u32,
    pub target_y: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct ChartPoint {
    pub x: f64,
    pub y: f64,
    pub label: String,
    pub display: String,
    pub illustrative: bool,
}

#[derive(Debug, Serialize)]
pub struct ChartTick {
    pub y: f64,
    pub label: String,
}
