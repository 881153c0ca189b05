//! Trend charts laid out at build time: coordinates and words, drawn by the theme as SVG.
//!
//! The x axis is time. Each figure sits at the middle of the period it covers, and figures
//! for whole years and for half years are two series, two lines: a year's count and the
//! halves after it are never joined as if they followed one another at even steps, which
//! would make six months' figures read as a fall (issue 10, item 7). The room left for text
//! fits labels up to [`MAX_TEXT`] user units high, the size the theme's stylesheet gives
//! chart text on the narrowest screens, where the drawing is scaled down to about half.

use crate::i18n::Words;
use crate::model::period::Period;
use crate::model::{Chart, ChartLabel, ChartPoint, ChartSeries, ChartTarget, ChartTick, KpiValue};
use crate::raw::KpiKind;

const WIDTH: u32 = 640;
const HEIGHT: u32 = 340;
const LEFT: u32 = 90;
const RIGHT: u32 = 620;
const TOP: u32 = 40;
const BOTTOM: u32 = 250;
/// The largest chart text the theme draws, in user units (style.css, narrow screens).
const MAX_TEXT: f64 = 30.0;
/// The width of one character of chart text, as a share of its height (a generous
/// average for digits and the letters of period names).
const CHAR_WIDTH: f64 = 0.6;

/// A line chart of a numeric KPI's values on a time axis; `None` for qualitative KPIs or
/// no figures. `values` are oldest first; `year_starts` is the month the reporting year
/// starts (1–12), which places each period in time.
pub fn layout(
    title: &str,
    kind: KpiKind,
    unit: Option<&str>,
    values: &[KpiValue],
    target: Option<f64>,
    year_starts: u32,
    words: &Words,
) -> Option<Chart> {
    if kind == KpiKind::Qualitative {
        return None;
    }
    let figures: Vec<(&KpiValue, f64)> = values
        .iter()
        .filter_map(|v| v.value.map(|n| (v, n)))
        .collect();
    if figures.is_empty() {
        return None;
    }
    let top_value = figures
        .iter()
        .map(|(_, n)| *n)
        .chain(target)
        .fold(0.0_f64, f64::max);
    let top = if kind == KpiKind::Percent {
        100.0
    } else {
        nice_ceiling(top_value)
    };
    let step = top / 4.0;
    let span_y = f64::from(BOTTOM - TOP);
    let y_of = |n: f64| round1(f64::from(BOTTOM) - n / top * span_y);

    // The axis runs from the start of the first figure's reporting year to the end of the
    // last one's, in months.
    let first_year = figures.iter().map(|(v, _)| v.period.year_period()).min()?;
    let last_year = figures.iter().map(|(v, _)| v.period.year_period()).max()?;
    let axis_start = months(first_year, year_starts).0;
    let axis_end = months(last_year, year_starts).1;
    let span_x = f64::from(RIGHT - LEFT);
    let x_at = |month: f64| {
        round1(f64::from(LEFT) + span_x * (month - axis_start) / (axis_end - axis_start))
    };

    let mut years = Vec::new();
    let mut year = first_year;
    while year <= last_year {
        years.push(year);
        year = year.next();
    }
    let band = span_x / years.len() as f64;
    let x_ticks = years
        .iter()
        .map(|y| x_at(months(*y, year_starts).0))
        .chain(std::iter::once(f64::from(RIGHT)))
        .collect();
    let widest = years
        .iter()
        .map(|y| y.to_string().chars().count())
        .max()
        .unwrap_or(0);
    let every = text_width(widest).div_euclid(band) as usize + 1;
    let x_labels = years
        .iter()
        .enumerate()
        .filter(|(i, _)| (years.len() - 1 - i) % every == 0)
        .map(|(_, y)| {
            let (from, to) = months(*y, year_starts);
            ChartLabel {
                x: x_at((from + to) / 2.0),
                label: y.to_string(),
            }
        })
        .collect();
    let half_name = |half: u8| words.format("chart.half", &[("half", &half.to_string())]);
    let halves_labelled = text_width(half_name(1).chars().count()) < band / 2.0;

    let mut series = Vec::new();
    for (kind_name, name_key, is_half) in [
        ("year", "chart.years", false),
        ("half", "chart.halves", true),
    ] {
        let points: Vec<ChartPoint> = figures
            .iter()
            .filter(|(v, _)| v.period.is_half() == is_half)
            .map(|(v, n)| {
                let (from, to) = months(v.period, year_starts);
                ChartPoint {
                    x: x_at((from + to) / 2.0),
                    y: y_of(*n),
                    label: v.period.to_string(),
                    axis_label: (is_half && halves_labelled).then(|| half_name(v.period.half)),
                    display: v.display.clone(),
                    illustrative: v.illustrative,
                }
            })
            .collect();
        if points.is_empty() {
            continue;
        }
        let line = points
            .iter()
            .map(|p| format!("{},{}", p.x, p.y))
            .collect::<Vec<_>>()
            .join(" ");
        series.push(ChartSeries {
            kind: kind_name,
            name: words.word(name_key).to_string(),
            line,
            points,
        });
    }

    let y_ticks = (0..=4)
        .map(|i| {
            let value = step * f64::from(i);
            ChartTick {
                y: y_of(value),
                label: crate::format::format_number(value, kind),
            }
        })
        .collect();
    let unit_words = unit
        .map(|u| words.format("chart.unit", &[("unit", u)]))
        .unwrap_or_default();
    let series_words: Vec<String> = series
        .iter()
        .map(|s| {
            let points: Vec<String> = s
                .points
                .iter()
                .map(|p| {
                    words.format(
                        "chart.point",
                        &[("period", &p.label), ("value", &p.display)],
                    )
                })
                .collect();
            words.format(
                "chart.series",
                &[("name", &s.name), ("points", &points.join("; "))],
            )
        })
        .collect();
    let description = words.format(
        "chart.description",
        &[
            ("title", title),
            ("unit", &unit_words),
            ("start", &words.month_year(first_year.start(year_starts))),
            (
                "end",
                &words.month_year_after_to(last_year.end(year_starts)),
            ),
            ("series", &series_words.join(" ")),
        ],
    );
    let target = target.map(|t| {
        let label = words.format(
            "chart.target_value",
            &[("target", &crate::format::format_number(t, kind))],
        );
        place_target(y_of(t), label, &series)
    });
    Some(Chart {
        title: words.format("chart.title", &[("title", title), ("unit", &unit_words)]),
        description,
        width: WIDTH,
        height: HEIGHT,
        series,
        y_ticks,
        x_ticks,
        x_labels,
        plot_left: LEFT,
        plot_right: RIGHT,
        plot_top: TOP,
        plot_bottom: BOTTOM,
        target,
        any_illustrative: figures.iter().any(|(v, _)| v.illustrative),
    })
}

/// The target's label where it overlaps no point and no point's figure, at the largest
/// text: right of the plot above the line, then below it, then left above, then left
/// below; above at the right when every place overlaps.
fn place_target(y: f64, label: String, series: &[ChartSeries]) -> ChartTarget {
    // Boxes as (left, right, top, bottom) in user units, at the largest text.
    let width = label.chars().count() as f64 * CHAR_WIDTH * MAX_TEXT;
    let taken: Vec<(f64, f64, f64, f64)> = series
        .iter()
        .flat_map(|s| &s.points)
        .flat_map(|p| {
            let half = p.display.chars().count() as f64 * CHAR_WIDTH * MAX_TEXT / 2.0;
            // The figure's baseline is 0.8em above the point; the marker is 12 across.
            let figure = (
                p.x - half,
                p.x + half,
                p.y - 1.8 * MAX_TEXT,
                p.y - 0.6 * MAX_TEXT,
            );
            let marker = (p.x - 8.0, p.x + 8.0, p.y - 8.0, p.y + 8.0);
            [figure, marker]
        })
        .collect();
    let (above, below) = (-0.5, 1.2);
    let candidates = [
        (f64::from(RIGHT), "end", above),
        (f64::from(RIGHT), "end", below),
        (f64::from(LEFT) + 8.0, "start", above),
        (f64::from(LEFT) + 8.0, "start", below),
    ];
    let clear = |&(x, anchor, dy): &(f64, &str, f64)| {
        let (left, right) = if anchor == "end" {
            (x - width, x)
        } else {
            (x, x + width)
        };
        let baseline = y + dy * MAX_TEXT;
        let (top, bottom) = (baseline - MAX_TEXT, baseline + 0.25 * MAX_TEXT);
        taken
            .iter()
            .all(|&(l, r, t, b)| r <= left || l >= right || b <= top || t >= bottom)
    };
    let (x, anchor, dy) = candidates
        .iter()
        .find(|c| clear(c))
        .copied()
        .unwrap_or(candidates[0]);
    ChartTarget {
        y,
        label,
        x,
        anchor,
        dy,
    }
}

/// Where a period starts and ends (the month after its last), in months since year 0.
fn months(period: Period, year_starts: u32) -> (f64, f64) {
    let index = |d: crate::model::date::Date| f64::from(d.year) * 12.0 + f64::from(d.month - 1);
    (
        index(period.start(year_starts)),
        index(period.end(year_starts)) + 1.0,
    )
}

/// The room `chars` characters of the largest chart text take, with a gap after them.
fn text_width(chars: usize) -> f64 {
    chars as f64 * CHAR_WIDTH * MAX_TEXT + MAX_TEXT / 2.0
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The smallest of 1, 2, 2.5, 5 × 10^k that is at least `x` (and at least 4, so ticks are whole).
fn nice_ceiling(x: f64) -> f64 {
    if x <= 4.0 {
        return 4.0;
    }
    let magnitude = 10f64.powf(x.log10().floor());
    for m in [1.0, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0] {
        let candidate = m * magnitude;
        if candidate >= x && (candidate / 4.0).fract() == 0.0 {
            return candidate;
        }
    }
    10.0 * magnitude
}

#[cfg(test)]
mod tests;
