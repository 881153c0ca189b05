//! kpis.yaml: key performance indicators, their values by period, targets and charts.

use crate::format::format_number;
use crate::model::{Kpi, KpiValue};
use crate::raw::{self, KpiKind};

use super::{Checker, Known};

/// Checks kpis.yaml's records (unique ids, periods in order, references to pages, statements,
/// updates and datasets) and returns their models; problems are left in `c`.
pub fn check(raw: raw::KpisFile, c: &mut Checker<'_>, known: &Known) -> Vec<Kpi> {
    c.ids("kpis", raw.kpis.iter().map(|k| k.id.as_str()));
    let mut out = Vec::new();
    for (i, k) in raw.kpis.into_iter().enumerate() {
        c.periods(
            &format!("kpis[{i}].values"),
            k.values.iter().map(|v| v.period),
        );
        let unit = k.unit.clone();
        let aspect_title = c.aspect(
            &format!("kpis[{i}].aspect"),
            k.aspect.as_ref(),
            known.aspects.as_ref(),
        );
        let mut values = Vec::new();
        for (j, v) in k.values.into_iter().enumerate() {
            let path = format!("kpis[{i}].values[{j}]");
            let display = match k.kind {
                KpiKind::Qualitative => {
                    if v.status.is_none() {
                        c.error(&path, format!("this value of the qualitative KPI '{}' has no status", k.id), Some("add `status: not-started`, `in-progress` or `achieved`, and a short `summary`".into()));
                    }
                    if v.value.is_some() {
                        c.error(
                            &format!("{path}.value"),
                            "a qualitative KPI takes a status, not a number",
                            Some(
                                "remove `value`, or change the KPI's `kind` to count or percent"
                                    .into(),
                            ),
                        );
                    }
                    v.status
                        .map(|s| known.words.label(s.word()).unwrap_or_default().to_string())
                        .unwrap_or_default()
                }
                KpiKind::Count | KpiKind::Percent => match v.value {
                    None => {
                        c.error(
                            &path,
                            format!("this value of the KPI '{}' has no `value`", k.id),
                            Some("add `value:` with the figure for the period".into()),
                        );
                        String::new()
                    }
                    Some(n) => {
                        let vpath = format!("{path}.value");
                        if k.kind == KpiKind::Count
                            && (n < 0.0 || n.fract() != 0.0 || !n.is_finite())
                        {
                            c.error(
                                &vpath,
                                format!("{n} is not a count"),
                                Some("counts are whole numbers, 0 or more".into()),
                            );
                        }
                        if k.kind == KpiKind::Percent && !(0.0..=100.0).contains(&n) {
                            c.error(
                                &vpath,
                                format!("{n} is not a percentage"),
                                Some("percentages run from 0 to 100".into()),
                            );
                        }
                        format_number(n, k.kind)
                    }
                },
            };
            values.push(KpiValue {
                period_span: known.words.span(v.period, known.year_starts),
                half_year: v.period.is_half(),
                period: v.period,
                value: v.value,
                display,
                status: v.status,
                summary: v.summary,
                illustrative: v.illustrative,
                note: v.note,
            });
        }
        values.sort_by_key(|v| v.period);
        if k.kind != KpiKind::Qualitative && k.direction.is_none() {
            c.warn(
                &format!("kpis[{i}].id"),
                format!("the KPI '{}' does not say which way is better", k.id),
                "add `direction: up` or `direction: down`",
            );
        }
        let chart = crate::view::chart::layout(
            &k.title,
            k.kind,
            unit.as_deref(),
            &values,
            k.target,
            known.year_starts,
            &known.words,
        );
        out.push(Kpi {
            url: known.routes.kpi(&k.id),
            latest: values.last().cloned(),
            any_illustrative: values.iter().any(|v| v.illustrative),
            id: k.id,
            title: k.title,
            description: k.description,
            aspect: aspect_title.as_ref().and(k.aspect.clone()),
            aspect_title,
            kind: k.kind,
            unit,
            direction: k.direction,
            target: k.target,
            values,
            chart,
        });
    }
    out
}
