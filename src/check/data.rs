//! The six data files → validated model records, with ids, counts and references checked.

use std::collections::{BTreeMap, HashMap};

use crate::diagnostic::{Diagnostic, Severity, did_you_mean};
use crate::format::format_number;
use crate::i18n::Words;
use crate::model::date::Date;
use crate::model::period::Period;
use crate::model::{
    Action, Activity, Charter, Commitment, Course, Evidence, Kpi, KpiValue, Orders, Partnership,
    Progress, Resource, Trained,
};
use crate::raw::{self, KpiKind};
use crate::routes::{self, Routes};
use crate::scheme::check_url;
use crate::source::Source;
use crate::source::reuse::{self, Reuse};
use crate::source::yaml::{Document, Spans};
use std::sync::Arc;

/// What data may point at, gathered from the other sources first.
pub struct Known {
    pub pages: Vec<String>,
    pub statements: Vec<Period>,
    /// False when a statement file has errors, so its period is unknown.
    pub statements_complete: bool,
    pub updates: Vec<Period>,
    /// False when an update file has errors, so its period is unknown.
    pub updates_complete: bool,
    /// The data files present (`kpis`), read without errors or not: what evidence may
    /// point at. A file with errors reports them itself.
    pub datasets: Vec<String>,
    pub year_starts: u32,
    pub routes: Routes,
    /// The words readers see, for the site's language.
    pub words: Arc<Words>,
}

/// The data of a site; each file left out (`None`/empty) if absent or invalid.
#[derive(Default)]
pub struct Data {
    pub kpis: Vec<Kpi>,
    pub orders: Vec<Orders>,
    pub courses: Vec<Course>,
    pub resources: Vec<Resource>,
    pub partnerships: Vec<Partnership>,
    pub activities: Vec<Activity>,
    pub actions: Vec<Action>,
    pub charter: Option<Charter>,
    pub commitments: Vec<Commitment>,
    /// Each valid data file as JSON, in the shape of its YAML, for the open-data downloads.
    pub json: Vec<(String, serde_json::Value)>,
}

/// A data file being checked: reports problems at YAML paths.
struct Checker<'a> {
    doc: Document<'a>,
    spans: Spans,
    problems: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, path: &str, message: impl Into<String>, hint: Option<String>) {
        let d = self.doc.error_at(&self.spans, path, message);
        self.problems.push(match hint {
            Some(h) => d.with_hint(h),
            None => d,
        });
    }

    fn warn(&mut self, path: &str, message: impl Into<String>, hint: impl Into<String>) {
        let d = self
            .doc
            .error_at(&self.spans, path, message)
            .with_hint(hint);
        self.problems.push(Diagnostic {
            severity: Severity::Warning,
            ..d
        });
    }

    fn line_of(&self, path: &str) -> usize {
        self.spans.get(path).map_or(0, |(l, _)| l)
    }

    /// Ids: present, well formed and unique within `list`.
    fn ids<'i>(&mut self, list: &str, ids: impl Iterator<Item = &'i str>) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.enumerate() {
            let path = format!("{list}[{i}].id");
            if !id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                || id.is_empty()
            {
                self.error(
                    &path,
                    format!("'{id}' is not a usable id"),
                    Some("ids use letters, digits, '-' and '_' only, such as stpo-granted".into()),
                );
            }
            if let Some(first) = seen.get(id) {
                let line = self.line_of(&format!("{list}[{first}].id"));
                self.error(
                    &path,
                    format!("the id '{id}' is used twice"),
                    Some(format!(
                        "the first is on line {line}; ids must be unique in a file"
                    )),
                );
            } else {
                seen.insert(id, i);
            }
        }
    }

    /// Each period at most once in a list of per-period records.
    fn periods(&mut self, list: &str, periods: impl Iterator<Item = Period>) {
        let mut seen: HashMap<Period, usize> = HashMap::new();
        for (i, p) in periods.enumerate() {
            let path = format!("{list}[{i}].period");
            if let Some(first) = seen.get(&p) {
                let line = self.line_of(&format!("{list}[{first}].period"));
                self.error(
                    &path,
                    format!("{p} is given twice"),
                    Some(format!(
                        "the first is on line {line}; give one entry per period"
                    )),
                );
            } else {
                seen.insert(p, i);
            }
        }
    }

    fn url(&mut self, path: &str, url: Option<&String>) {
        if let Some(url) = url
            && let Err(why) = check_url(url)
        {
            self.error(path, why, Some("use an https:// address".into()));
        }
    }
}

/// Validates every data file present. Problems are appended; invalid files contribute nothing.
pub fn validate(
    files: &[(String, Source)],
    known: &Known,
    cache: Option<&dyn Reuse>,
    problems: &mut Vec<Diagnostic>,
) -> Data {
    let mut data = Data::default();
    for (name, source) in files {
        let doc = Document {
            source,
            yaml: &source.text,
            line_offset: 0,
        };
        let mut json = None;
        macro_rules! parse {
            ($t:ty) => {{
                let parsed = reuse::keep(cache, &source.path, &source.text, &"data", || {
                    doc.parse::<$t>("data file")
                });
                match parsed {
                    Ok((raw, spans)) => {
                        json = serde_json::to_value(&raw).ok();
                        (
                            raw,
                            Checker {
                                doc,
                                spans,
                                problems: Vec::new(),
                            },
                        )
                    }
                    Err(mut d) => {
                        problems.append(&mut d);
                        continue;
                    }
                }
            }};
        }
        let ok = match name.as_str() {
            "kpis" => {
                let (raw, mut c) = parse!(raw::KpisFile);
                let kpis = kpis(raw, &mut c, known);
                finish(&mut c, problems).then(|| data.kpis = kpis)
            }
            "prevention-orders" => {
                let (raw, mut c) = parse!(raw::OrdersFile);
                c.periods("orders", raw.orders.iter().map(|o| o.period));
                let mut orders: Vec<Orders> = raw
                    .orders
                    .into_iter()
                    .map(|o| Orders {
                        period_span: known.words.span(o.period, known.year_starts),
                        anchor: routes::orders_anchor(o.period),
                        period: o.period,
                        stpo: o.stpo,
                        stro: o.stro,
                        illustrative: o.illustrative,
                        source: o.source,
                    })
                    .collect();
                orders.sort_by_key(|o| o.period);
                finish(&mut c, problems).then(|| data.orders = orders)
            }
            "training" => {
                let (raw, mut c) = parse!(raw::TrainingFile);
                let (courses, resources) = training(raw, &mut c);
                finish(&mut c, problems).then(|| {
                    data.courses = courses;
                    data.resources = resources;
                })
            }
            "partnerships" => {
                let (raw, mut c) = parse!(raw::PartnershipsFile);
                let (partnerships, activities) = partnerships(raw, &mut c, known.year_starts);
                finish(&mut c, problems).then(|| {
                    data.partnerships = partnerships;
                    data.activities = activities;
                })
            }
            "actions" => {
                let (raw, mut c) = parse!(raw::ActionsFile);
                let actions = actions(raw, &mut c);
                finish(&mut c, problems).then(|| data.actions = actions)
            }
            "commitments" => {
                let (raw, mut c) = parse!(raw::CommitmentsFile);
                let commitments = commitments(raw.commitments, &mut c, known);
                c.url("charter.url", raw.charter.url.as_ref());
                finish(&mut c, problems).then(|| {
                    data.charter = Some(Charter {
                        title: raw.charter.title,
                        signed_by: raw.charter.signed_by,
                        signed_on: raw.charter.signed_on,
                        description: raw.charter.description,
                        url: raw.charter.url,
                    });
                    data.commitments = commitments;
                })
            }
            _ => None,
        };
        if let (Some(()), Some(json)) = (ok, json) {
            data.json.push((name.clone(), json));
        }
    }
    data
}

fn finish(c: &mut Checker<'_>, problems: &mut Vec<Diagnostic>) -> bool {
    let ok = !c.problems.iter().any(Diagnostic::is_error);
    problems.append(&mut c.problems);
    ok
}

fn kpis(raw: raw::KpisFile, c: &mut Checker<'_>, known: &Known) -> Vec<Kpi> {
    c.ids("kpis", raw.kpis.iter().map(|k| k.id.as_str()));
    let mut out = Vec::new();
    for (i, k) in raw.kpis.into_iter().enumerate() {
        c.periods(
            &format!("kpis[{i}].values"),
            k.values.iter().map(|v| v.period),
        );
        let unit = k.unit.clone();
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
                        .map(|s| {
                            known
                                .words
                                .label(status_word(s))
                                .unwrap_or_default()
                                .to_string()
                        })
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
            aspect: k.aspect,
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

pub fn status_word(s: raw::Status) -> &'static str {
    match s {
        raw::Status::NotStarted => "not-started",
        raw::Status::InProgress => "in-progress",
        raw::Status::Achieved => "achieved",
    }
}

fn training(raw: raw::TrainingFile, c: &mut Checker<'_>) -> (Vec<Course>, Vec<Resource>) {
    c.ids("courses", raw.courses.iter().map(|k| k.id.as_str()));
    c.ids("resources", raw.resources.iter().map(|k| k.id.as_str()));
    let mut courses = Vec::new();
    for (i, k) in raw.courses.into_iter().enumerate() {
        c.periods(
            &format!("courses[{i}].trained"),
            k.trained.iter().map(|t| t.period),
        );
        let mut trained: Vec<Trained> = k
            .trained
            .into_iter()
            .map(|t| Trained {
                period: t.period,
                people: t.people,
                illustrative: t.illustrative,
            })
            .collect();
        trained.sort_by_key(|t| t.period);
        courses.push(Course {
            total: trained.iter().map(|t| t.people).sum(),
            anchor: routes::course_anchor(&k.id),
            id: k.id,
            title: k.title,
            provider: k.provider,
            audience: k.audience,
            aspect: k.aspect,
            description: k.description,
            trained,
        });
    }
    let mut resources = Vec::new();
    for (i, r) in raw.resources.into_iter().enumerate() {
        c.url(&format!("resources[{i}].url"), r.url.as_ref());
        resources.push(Resource {
            anchor: routes::resource_anchor(&r.id),
            id: r.id,
            title: r.title,
            kind: r.kind,
            description: r.description,
            year: r.year,
            audience: r.audience,
            url: r.url,
        });
    }
    (courses, resources)
}

/// The half year a date falls in.
pub fn half_of(date: Date, year_starts: u32) -> Period {
    let months_in =
        (date.year * 12 + date.month as i32 - 1) - (date.year * 12 + year_starts as i32 - 1);
    let year = if months_in < 0 {
        date.year - 1
    } else {
        date.year
    };
    let offset = months_in.rem_euclid(12);
    Period {
        year,
        half: if offset < 6 { 1 } else { 2 },
    }
}

fn partnerships(
    raw: raw::PartnershipsFile,
    c: &mut Checker<'_>,
    year_starts: u32,
) -> (Vec<Partnership>, Vec<Activity>) {
    c.ids(
        "partnerships",
        raw.partnerships.iter().map(|k| k.id.as_str()),
    );
    c.ids("activities", raw.activities.iter().map(|k| k.id.as_str()));
    let names: BTreeMap<&str, &str> = raw
        .partnerships
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let mut activities = Vec::new();
    for (i, a) in raw.activities.iter().enumerate() {
        let Some(name) = names.get(a.partnership.as_str()) else {
            let hint = match did_you_mean(&a.partnership, names.keys().copied()) {
                Some(best) => format!("did you mean '{best}'?"),
                None => format!(
                    "the partnerships are: {}",
                    names.keys().copied().collect::<Vec<_>>().join(", ")
                ),
            };
            c.error(
                &format!("activities[{i}].partnership"),
                format!("there is no partnership '{}'", a.partnership),
                Some(hint),
            );
            continue;
        };
        activities.push(Activity {
            id: a.id.clone(),
            partnership: a.partnership.clone(),
            partnership_name: (*name).to_string(),
            date: a.date,
            period: half_of(a.date, year_starts),
            kind: a.kind,
            title: a.title.clone(),
            description: a.description.clone(),
            illustrative: a.illustrative,
        });
    }
    activities.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    let mut out = Vec::new();
    for (i, p) in raw.partnerships.into_iter().enumerate() {
        c.url(&format!("partnerships[{i}].url"), p.url.as_ref());
        out.push(Partnership {
            activities: activities
                .iter()
                .filter(|a| a.partnership == p.id)
                .cloned()
                .collect(),
            anchor: routes::partnership_anchor(&p.id),
            id: p.id,
            name: p.name,
            description: p.description,
            role: p.role,
            url: p.url,
        });
    }
    (out, activities)
}

fn actions(raw: raw::ActionsFile, c: &mut Checker<'_>) -> Vec<Action> {
    c.ids("actions", raw.actions.iter().map(|k| k.id.as_str()));
    let mut out = Vec::new();
    for (i, a) in raw.actions.into_iter().enumerate() {
        c.periods(
            &format!("actions[{i}].progress"),
            a.progress.iter().map(|p| p.period),
        );
        let mut progress: Vec<Progress> = a
            .progress
            .into_iter()
            .map(|p| Progress {
                period: p.period,
                note: p.note,
                status: p.status,
                illustrative: p.illustrative,
            })
            .collect();
        progress.sort_by_key(|p| p.period);
        out.push(Action {
            anchor: routes::action_anchor(&a.id),
            id: a.id,
            title: a.title,
            aspect: a.aspect,
            owner: a.owner,
            due: a.due,
            status: a.status,
            progress,
            illustrative: a.illustrative,
        });
    }
    out
}

fn commitments(
    raw: Vec<raw::RawCommitment>,
    c: &mut Checker<'_>,
    known: &Known,
) -> Vec<Commitment> {
    c.ids("commitments", raw.iter().map(|k| k.id.as_str()));
    let mut out = Vec::new();
    for (i, k) in raw.into_iter().enumerate() {
        let mut evidence = Vec::new();
        for (j, e) in k.evidence.into_iter().enumerate() {
            let path = format!("commitments[{i}].evidence[{j}]");
            let targets = [
                e.page.is_some(),
                e.dataset.is_some(),
                e.statement.is_some(),
                e.update.is_some(),
                e.url.is_some(),
            ];
            if targets.iter().filter(|t| **t).count() != 1 {
                c.error(
                    &path,
                    "evidence must point at exactly one thing",
                    Some("give one of page, dataset, statement, update or url".into()),
                );
                continue;
            }
            let url = if let Some(page) = &e.page {
                if known.pages.contains(page) {
                    known.routes.page(page)
                } else {
                    let hint = match did_you_mean(page, known.pages.iter().map(String::as_str)) {
                        Some(best) => format!("did you mean '{best}'?"),
                        None => format!("the pages are: {}", known.pages.join(", ")),
                    };
                    c.error(
                        &format!("{path}.page"),
                        format!("there is no page '{page}' in content/pages/"),
                        Some(hint),
                    );
                    continue;
                }
            } else if let Some(name) = &e.dataset {
                if known.datasets.contains(name) {
                    known.routes.dataset(name)
                } else {
                    let (message, hint) = if crate::source::load::DATA_FILES
                        .contains(&name.as_str())
                    {
                        (
                            format!("the site has no {name} data, so there is nothing to link to"),
                            format!("add content/data/{name}.yaml, or remove this evidence"),
                        )
                    } else {
                        (
                            format!("there is no dataset '{name}'"),
                            match did_you_mean(name, crate::source::load::DATA_FILES) {
                                Some(best) => format!("did you mean '{best}'?"),
                                None => format!(
                                    "the datasets are: {}",
                                    crate::source::load::DATA_FILES.join(", ")
                                ),
                            },
                        )
                    };
                    c.error(&format!("{path}.dataset"), message, Some(hint));
                    continue;
                }
            } else if let Some(p) = e.statement {
                if known.statements_complete && !known.statements.contains(&p) {
                    c.error(
                        &format!("{path}.statement"),
                        format!("there is no statement for {p}"),
                        Some(known_periods("statements", &known.statements)),
                    );
                    continue;
                }
                known.routes.statement(p)
            } else if let Some(p) = e.update {
                if known.updates_complete && !known.updates.contains(&p) {
                    c.error(
                        &format!("{path}.update"),
                        format!("there is no update for {p}"),
                        Some(known_periods("updates", &known.updates)),
                    );
                    continue;
                }
                known.routes.update(p)
            } else {
                let url = e.url.clone().unwrap_or_default();
                c.url(&format!("{path}.url"), Some(&url));
                url
            };
            evidence.push(Evidence {
                title: e.title,
                url,
            });
        }
        out.push(Commitment {
            anchor: routes::commitment_anchor(&k.id),
            id: k.id,
            text: k.text,
            status: k.status,
            evidence,
            illustrative: k.illustrative,
        });
    }
    out
}

/// `the statements are for: 2019/20, 2020/21`.
pub fn known_periods(what: &str, periods: &[Period]) -> String {
    if periods.is_empty() {
        return format!("the site has no {what} yet");
    }
    let list: Vec<String> = periods.iter().map(ToString::to_string).collect();
    format!("the {what} are for: {}", list.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_follow_the_year_start() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(half_of(d("2020-04-01"), 4).to_string(), "2020/21 H1");
        assert_eq!(half_of(d("2020-09-30"), 4).to_string(), "2020/21 H1");
        assert_eq!(half_of(d("2020-10-01"), 4).to_string(), "2020/21 H2");
        assert_eq!(half_of(d("2021-03-31"), 4).to_string(), "2020/21 H2");
        assert_eq!(half_of(d("2021-01-15"), 1).to_string(), "2021/22 H1");
    }

    #[test]
    fn numbers_are_grouped() {}
}
