use super::*;
use crate::model::period::Period;

fn value(p: &str, n: f64) -> KpiValue {
    let period = Period::parse(p).unwrap();
    KpiValue {
        half_year: period.is_half(),
        period,
        period_span: String::new(),
        value: Some(n),
        display: crate::format::format_number(n, KpiKind::Count),
        status: None,
        summary: None,
        illustrative: false,
        note: None,
    }
}

fn chart(values: &[KpiValue]) -> Chart {
    let words = crate::theme::Theme::builtin().words("en");
    layout(
        "Orders",
        KpiKind::Count,
        Some("orders"),
        values,
        None,
        4,
        &words,
    )
    .unwrap()
}

/// Each point's x, by period, from every series.
fn xs(chart: &Chart) -> Vec<(String, f64)> {
    chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| (p.label.clone(), p.x)))
        .collect()
}

#[test]
fn lays_out_points_inside_the_plot() {
    let chart = chart(&[
        value("2018/19", 11.0),
        value("2019/20", 6.0),
        value("2020/21 H1", 0.0),
    ]);
    let points: Vec<&ChartPoint> = chart.series.iter().flat_map(|s| &s.points).collect();
    assert_eq!(points.len(), 3);
    for p in &points {
        assert!(p.x > f64::from(LEFT) && p.x < f64::from(RIGHT), "{p:?}");
        assert!(p.y >= f64::from(TOP) && p.y <= f64::from(BOTTOM), "{p:?}");
    }
    assert_eq!(points[2].y, f64::from(BOTTOM));
    assert_eq!(chart.y_ticks.last().unwrap().label, "20");
}

#[test]
fn years_and_halves_are_two_series_placed_by_their_middles_in_time() {
    let chart = chart(&[
        value("2018/19", 310.0),
        value("2019/20", 420.0),
        value("2020/21 H1", 150.0),
        value("2020/21 H2", 240.0),
    ]);
    let kinds: Vec<(&str, usize)> = chart
        .series
        .iter()
        .map(|s| (s.kind, s.points.len()))
        .collect();
    assert_eq!(kinds, [("year", 2), ("half", 2)]);
    assert_eq!(chart.series[0].name, "Whole years");
    assert_eq!(chart.series[1].name, "Half years");
    // The axis runs April 2018 to March 2021: 36 months over the plot's width. Each
    // point is at its period's middle: months 6, 18, 27 and 33.
    let per_month = f64::from(RIGHT - LEFT) / 36.0;
    let at = |m: f64| round1(f64::from(LEFT) + per_month * m);
    let expected: Vec<(String, f64)> = [
        ("2018/19", 6.0),
        ("2019/20", 18.0),
        ("2020/21 H1", 27.0),
        ("2020/21 H2", 33.0),
    ]
    .iter()
    .map(|(p, m)| ((*p).to_string(), at(*m)))
    .collect();
    assert_eq!(xs(&chart), expected);
    // Distances are proportional to time: the halves' middles are six months apart,
    // the years' twelve, and the last year's middle is nine months before the first half's.
    let x = |i: usize| expected[i].1;
    assert!(((x(3) - x(2)) * 2.0 - (x(1) - x(0))).abs() < 0.2);
    assert!(((x(2) - x(1)) / (x(1) - x(0)) - 0.75).abs() < 0.01);
    // The years' line does not run into the halves: each line joins its own points.
    assert_eq!(chart.series[0].line.split(' ').count(), 2);
    assert_eq!(chart.series[1].line.split(' ').count(), 2);
    // Ticks at the four year boundaries; each year named under its middle.
    assert_eq!(chart.x_ticks, [at(0.0), at(12.0), at(24.0), at(36.0)]);
    let labels: Vec<(&str, f64)> = chart
        .x_labels
        .iter()
        .map(|l| (l.label.as_str(), l.x))
        .collect();
    assert_eq!(
        labels,
        [
            ("2018/19", at(6.0)),
            ("2019/20", at(18.0)),
            ("2020/21", at(30.0))
        ]
    );
    let axis: Vec<Option<&str>> = chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.axis_label.as_deref()))
        .collect();
    assert_eq!(axis, [None, None, Some("H1"), Some("H2")]);
    // The description says which figures are which.
    assert!(
        chart.description.contains(
            "from April 2018 to March 2021, each figure placed at the middle of the period it covers. \
             Whole years: 2018/19 310; 2019/20 420. Half years: 2020/21 H1 150; 2020/21 H2 240."
        ),
        "{}",
        chart.description
    );
}

#[test]
fn a_calendar_reporting_year_places_periods_by_its_own_months() {
    let words = crate::theme::Theme::builtin().words("en");
    let values = [value("2019/20", 4.0), value("2020/21 H2", 2.0)];
    let chart = layout("Orders", KpiKind::Count, None, &values, None, 1, &words).unwrap();
    assert!(
        chart
            .description
            .contains("from January 2019 to December 2020"),
        "{}",
        chart.description
    );
    let per_month = f64::from(RIGHT - LEFT) / 24.0;
    let expected = [
        (
            "2019/20".to_string(),
            round1(f64::from(LEFT) + per_month * 6.0),
        ),
        (
            "2020/21 H2".to_string(),
            round1(f64::from(LEFT) + per_month * 21.0),
        ),
    ];
    assert_eq!(xs(&chart), expected);
}

#[test]
fn only_halves_make_one_series() {
    let chart = chart(&[value("2020/21 H1", 20.0), value("2020/21 H2", 70.0)]);
    assert_eq!(chart.series.len(), 1);
    assert_eq!(chart.series[0].kind, "half");
    let mid = f64::from(LEFT + RIGHT) / 2.0;
    let quarter = f64::from(RIGHT - LEFT) / 4.0;
    assert_eq!(
        xs(&chart).iter().map(|(_, x)| *x).collect::<Vec<_>>(),
        [round1(mid - quarter), round1(mid + quarter)]
    );
}

#[test]
fn narrow_years_keep_every_other_name_and_drop_the_halves_names() {
    let values: Vec<KpiValue> = (2010..2022)
        .map(|y| value(&format!("{y}/{:02} H1", (y + 1) % 100), 1.0))
        .collect();
    let chart = chart(&values);
    assert_eq!(chart.x_ticks.len(), 13);
    // Twelve years in 530 units leave 44 each: too narrow for a name of seven
    // characters at the largest text, so names are kept every few years, always the last.
    assert!(chart.x_labels.len() < 12 && chart.x_labels.len() > 1);
    assert_eq!(chart.x_labels.last().unwrap().label, "2021/22");
    for pair in chart.x_labels.windows(2) {
        assert!(pair[1].x - pair[0].x >= text_width(7), "{pair:?}");
    }
    assert!(
        chart.series[0]
            .points
            .iter()
            .all(|p| p.axis_label.is_none())
    );
}

#[test]
fn the_targets_label_keeps_clear_of_the_figures() {
    let words = crate::theme::Theme::builtin().words("en");
    let percent = |p: &str, n: f64| KpiValue {
        display: crate::format::format_number(n, KpiKind::Percent),
        ..value(p, n)
    };
    let values = [percent("2020/21 H1", 42.0), percent("2020/21 H2", 61.0)];
    let target = |t: f64| {
        layout(
            "Replies",
            KpiKind::Percent,
            None,
            &values,
            Some(t),
            4,
            &words,
        )
        .unwrap()
        .target
        .unwrap()
    };
    // Far above the figures: at the right, above the line.
    let high = target(100.0);
    assert_eq!(
        (high.anchor, high.dy, high.label.as_str()),
        ("end", -0.5, "Target: 100%")
    );
    // Just above 61%, whose figure is under the right end's place: at the left.
    let near = target(75.0);
    assert_eq!((near.anchor, near.dy), ("start", -0.5));
    assert_eq!(near.x, f64::from(LEFT) + 8.0);
}

#[test]
fn ceilings_are_round() {
    assert_eq!(nice_ceiling(11.0), 20.0);
    assert_eq!(nice_ceiling(3.0), 4.0);
    assert_eq!(nice_ceiling(240.0), 300.0);
    assert_eq!(nice_ceiling(100.0), 100.0);
}
