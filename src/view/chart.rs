//! Trend charts laid out at build time: coordinates and words, drawn by the theme as SVG.

use crate::i18n::Words;
use crate::model::{Chart, ChartPoint, ChartTick, KpiValue};
use crate::raw::KpiKind;

const WIDTH: u32 = 640;
const HEIGHT: u32 = 260;
const LEFT: u32 = 64;
const RIGHT: u32 = 616;
const TOP: u32 = 20;
const BOTTOM: u32 = 210;

/// A line chart of a numeric KPI's values; `None` for qualitative KPIs or no figures.
pub fn layout(
    title: &str,
    kind: KpiKind,
    unit: Option<&str>,
    values: &[KpiValue],
    target: Option<f64>,
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
    let span_x = f64::from(RIGHT - LEFT);
    let span_y = f64::from(BOTTOM - TOP);
    let y_of = |n: f64| round1(f64::from(BOTTOM) - n / top * span_y);
    let n = figures.len();
    let points: Vec<ChartPoint> = figures
        .iter()
        .enumerate()
        .map(|(i, (v, value))| ChartPoint {
            x: if n == 1 {
                f64::from(LEFT) + span_x / 2.0
            } else {
                round1(f64::from(LEFT) + span_x * i as f64 / (n - 1) as f64)
            },
            y: y_of(*value),
            label: v.period.to_string(),
            display: v.display.clone(),
            illustrative: v.illustrative,
        })
        .collect();
    let line = points
        .iter()
        .map(|p| format!("{},{}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ");
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
    let series: Vec<String> = points
        .iter()
        .map(|p| {
            words.format(
                "chart.point",
                &[("period", &p.label), ("value", &p.display)],
            )
        })
        .collect();
    let (first, last) = (&points[0], &points[n - 1]);
    let count = n.to_string();
    let periods = words.format(
        if n == 1 {
            "chart.period"
        } else {
            "chart.periods"
        },
        &[("count", &count)],
    );
    let description = words.format(
        "chart.description",
        &[
            ("title", title),
            ("unit", &unit_words),
            ("periods", &periods),
            ("first", &first.label),
            ("last", &last.label),
            ("series", &series.join("; ")),
        ],
    );
    Some(Chart {
        title: words.format("chart.title", &[("title", title), ("unit", &unit_words)]),
        description,
        width: WIDTH,
        height: HEIGHT,
        line,
        points,
        y_ticks,
        plot_left: LEFT,
        plot_right: RIGHT,
        plot_top: TOP,
        plot_bottom: BOTTOM,
        target_y: target.map(y_of),
    })
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
mod tests {
    use super::*;
    use crate::model::period::Period;

    fn value(p: &str, n: f64) -> KpiValue {
        KpiValue {
            period: Period::parse(p).unwrap(),
            period_span: String::new(),
            value: Some(n),
            display: crate::format::format_number(n, KpiKind::Count),
            status: None,
            summary: None,
            illustrative: false,
            note: None,
        }
    }

    #[test]
    fn lays_out_points_inside_the_plot() {
        let values = [
            value("2018/19", 11.0),
            value("2019/20", 6.0),
            value("2020/21 H1", 0.0),
        ];
        let words = crate::theme::Theme::builtin().words("en");
        let chart = layout(
            "Orders",
            KpiKind::Count,
            Some("orders"),
            &values,
            None,
            &words,
        )
        .unwrap();
        assert_eq!(chart.points.len(), 3);
        assert_eq!(chart.points[0].x, f64::from(LEFT));
        assert_eq!(chart.points[2].x, f64::from(RIGHT));
        assert_eq!(chart.points[2].y, f64::from(BOTTOM));
        assert!(chart.points[0].y >= f64::from(TOP));
        assert!(
            chart
                .description
                .contains("2018/19 11; 2019/20 6; 2020/21 H1 0"),
            "{}",
            chart.description
        );
        assert_eq!(chart.y_ticks.last().unwrap().label, "20");
    }

    #[test]
    fn ceilings_are_round() {
        assert_eq!(nice_ceiling(11.0), 20.0);
        assert_eq!(nice_ceiling(3.0), 4.0);
        assert_eq!(nice_ceiling(240.0), 300.0);
        assert_eq!(nice_ceiling(100.0), 100.0);
    }
}
