//! Trend charts as the real binary draws them: the example site's KPI with figures for the
//! whole years 2018/19 and 2019/20 and the half years after them (issue 10, item 7).

mod common;
use common::example_copy;

use std::fs;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_candour");

/// The numbers of attribute `name` on each `<tag ` element of `svg`, in order.
fn numbers(svg: &str, tag: &str, name: &str) -> Vec<f64> {
    svg.split(&format!("<{tag} "))
        .skip(1)
        .map(|element| {
            let element = format!(" {}", &element[..element.find('>').unwrap()]);
            let needle = format!(" {name}=\"");
            let at = element
                .find(&needle)
                .unwrap_or_else(|| panic!("<{tag}> without {name}"))
                + needle.len();
            let value = &element[at..];
            value[..value.find('"').unwrap()].parse().unwrap()
        })
        .collect()
}

/// The x of each point of a `<polyline>` with class `class`.
fn line(svg: &str, class: &str) -> Vec<f64> {
    let start = svg
        .find(&format!("<polyline class=\"{class}\" points=\""))
        .unwrap_or_else(|| panic!("no {class} line"));
    let points = &svg[start..];
    let points = &points[points.find("points=\"").unwrap() + 8..];
    points[..points.find('"').unwrap()]
        .split(' ')
        .map(|p| p.split(',').next().unwrap().parse().unwrap())
        .collect()
}

#[test]
fn a_kpi_with_years_then_half_years_is_drawn_on_a_time_axis_as_two_series() {
    let site = example_copy();
    // The README way: from the site folder, no --root.
    let out = Command::new(BIN)
        .args(["build", "--out", "public"])
        .current_dir(site.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("candour runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = fs::read_to_string(
        site.path()
            .join("public/performance/prevention-orders/index.html"),
    )
    .unwrap();
    let svg = &html[html.find("<svg class=\"chart-svg\"").unwrap()..];
    let svg = &svg[..svg.find("</svg>").unwrap()];

    // 2018/19 and 2019/20 are round points on one solid line; 2020/21 H1 and H2 square
    // points on a dashed line of their own. The years' line stops at 2019/20.
    let years = numbers(svg, "circle", "cx");
    let halves: Vec<f64> = numbers(svg, "rect", "x").iter().map(|x| x + 5.0).collect();
    assert_eq!(years.len(), 2, "{svg}");
    assert_eq!(halves.len(), 2, "{svg}");
    assert_eq!(line(svg, "chart-line-year"), years);
    assert_eq!(line(svg, "chart-line-half"), halves);
    assert!(svg.contains("class=\"chart-line-half\"") && svg.contains("stroke-dasharray=\"9 7\""));

    // Each at the middle of its period on a time axis: the years' middles are twelve
    // months apart, the halves' six, and from 2019/20's middle (October 2019) to 2020/21
    // H1's (July 2020) is nine months.
    let month = (years[1] - years[0]) / 12.0;
    assert!(((halves[1] - halves[0]) - 6.0 * month).abs() < 0.2, "{svg}");
    assert!(((halves[0] - years[1]) - 9.0 * month).abs() < 0.2, "{svg}");

    // The description and the table say which figures are which.
    assert!(
        svg.contains("Whole years: 2018/19 11; 2019/20 9. Half years: 2020/21 H1 4; 2020/21 H2 5."),
        "{svg}"
    );
    let table = &html[html.find("<table").unwrap()..html.find("</table>").unwrap()];
    assert!(table.contains("<th scope=\"col\">Length</th>"), "{table}");
    for (period, length) in [
        ("2019/20", "Whole year"),
        ("2020/21 H1", "Half year"),
        ("2020/21 H2", "Half year"),
    ] {
        let row = &table[table.find(&format!("<th scope=\"row\">{period} ")).unwrap()..];
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(row.contains(&format!(">{length}</td>")), "{row}");
    }
    // And the key under the chart names both lines.
    assert!(html.contains("Whole years (12 months): solid line, round points"));
    assert!(html.contains("Half years (6 months): dashed line, square points"));
}
