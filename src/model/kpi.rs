//! A key performance indicator with its values by period and its trend chart, laid out at
//! build time.

use serde::Serialize;

use super::period::Period;
use super::{Direction, KpiKind, Status};

#[derive(Debug, Serialize, Clone)]
pub struct KpiValue {
    pub period: Period,
    pub period_span: String,
    /// Whether the period is a half year (its chart draws halves as a series of their own).
    pub half_year: bool,
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

/// A line chart on a time axis, laid out at build time; the template only draws it. Units
/// are the SVG's user units (`width` × `height`); x grows with time, y with the value down.
#[derive(Debug, Serialize)]
pub struct Chart {
    pub title: String,
    pub description: String,
    pub width: u32,
    pub height: u32,
    /// One series per period length (whole years, then half years), each with its figures.
    pub series: Vec<ChartSeries>,
    pub y_ticks: Vec<ChartTick>,
    /// The x of each boundary between reporting years on the axis, first to last.
    pub x_ticks: Vec<f64>,
    /// The reporting years' names, each centred under its year (some left out when the
    /// years are too narrow for them).
    pub x_labels: Vec<ChartLabel>,
    pub plot_left: u32,
    pub plot_right: u32,
    pub plot_top: u32,
    pub plot_bottom: u32,
    /// The target's line and its label, when the KPI has a target.
    pub target: Option<ChartTarget>,
    /// Whether any point is an illustrative figure (drawn hollow, with a key).
    pub any_illustrative: bool,
}

/// The figures of one period length, drawn as one line.
#[derive(Debug, Serialize)]
pub struct ChartSeries {
    /// `year` or `half`: what the theme draws the line and points by.
    pub kind: &'static str,
    /// Its name, from the words (`Whole years`).
    pub name: String,
    /// The `points` attribute of the polyline.
    pub line: String,
    pub points: Vec<ChartPoint>,
}

#[derive(Debug, Serialize)]
pub struct ChartPoint {
    /// At the middle of the period on the time axis.
    pub x: f64,
    pub y: f64,
    /// The period (`2020/21 H1`).
    pub label: String,
    /// What is written under the axis at `x` (`H1`), or none (a whole year's point sits
    /// over its year's name).
    pub axis_label: Option<String>,
    pub display: String,
    pub illustrative: bool,
}

#[derive(Debug, Serialize)]
pub struct ChartTick {
    pub y: f64,
    pub label: String,
}

#[derive(Debug, Serialize)]
pub struct ChartLabel {
    pub x: f64,
    pub label: String,
}

/// A target drawn as a line across the plot, with its label placed clear of the points'
/// figures: at the plot's right or left end, above or below the line.
#[derive(Debug, Serialize)]
pub struct ChartTarget {
    pub y: f64,
    /// `Target: 75%`.
    pub label: String,
    /// Where the label is anchored, and how: `start` (its left end) or `end` (its right).
    pub x: f64,
    pub anchor: &'static str,
    /// Its baseline's offset from the line, in em: above (negative) or below.
    pub dy: f64,
}
