//! The six data files → validated model records, with ids, counts and references checked.

use crate::diagnostic::Diagnostic;
use crate::i18n::Words;
use crate::model::date::Date;
use crate::model::period::Period;
use crate::model::{Charter, Data, Orders};
use crate::raw;
use crate::routes::{self, Routes};
use crate::source::Source;
use crate::source::reuse::{self, Reuse};
use crate::source::yaml::Document;
use std::sync::Arc;

mod actions;
mod commitments;
mod kpis;
mod partnerships;
mod records;
mod training;

use records::Checker;

/// What data may point at, gathered from the other sources first.
#[derive(Clone)]
pub struct Known {
    pub pages: Vec<String>,
    pub statements: Vec<Period>,
    /// False when a statement file has errors, so its period is unknown.
    pub statements_complete: bool,
    pub updates: Vec<Period>,
    /// False when an update file has errors, so its period is unknown.
    pub updates_complete: bool,
    /// The periods of drafts a build leaves out: data pointing at one is told it is a draft.
    pub draft_statements: Vec<Period>,
    pub draft_updates: Vec<Period>,
    /// The draft pages a build leaves out, by file stem.
    pub draft_pages: Vec<String>,
    /// The data files present (`kpis`), read without errors or not: what evidence may
    /// point at. A file with errors reports them itself.
    pub datasets: Vec<String>,
    /// Those of them read without errors that hold no records, so the site has no section
    /// for them; filled in by [`validate`] before the commitments are checked.
    pub empty: Vec<String>,
    pub year_starts: u32,
    /// The aspects site.yaml declares: (id, title); `None` when site.yaml has errors, so
    /// records' aspects are not checked (one mistake, one message).
    pub aspects: Option<Vec<(String, String)>>,
    pub routes: Routes,
    /// The words readers see, for the site's language.
    pub words: Arc<Words>,
}

/// Validates every data file present. Problems are appended; invalid files contribute nothing.
pub fn validate(
    files: &[(String, Source)],
    known: &Known,
    cache: Option<&dyn Reuse>,
    problems: &mut Vec<Diagnostic>,
) -> Data {
    let mut data = Data::default();
    // The commitments last: their evidence may link to another dataset's section, which
    // exists only when that file has records.
    let (last, first): (Vec<_>, Vec<_>) = files.iter().partition(|(name, _)| name == "commitments");
    let mut known_now = known.clone();
    let known = &mut known_now;
    for (name, source) in first.into_iter().chain(last) {
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
                                year_starts: known.year_starts,
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
                let kpis = kpis::check(raw, &mut c, known);
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
                let (courses, resources) = training::check(raw, &mut c, known);
                finish(&mut c, problems).then(|| {
                    data.courses = courses;
                    data.resources = resources;
                })
            }
            "partnerships" => {
                let (raw, mut c) = parse!(raw::PartnershipsFile);
                let (partnerships, activities) =
                    partnerships::check(raw, &mut c, known.year_starts);
                finish(&mut c, problems).then(|| {
                    data.partnerships = partnerships;
                    data.activities = activities;
                })
            }
            "actions" => {
                let (raw, mut c) = parse!(raw::ActionsFile);
                let actions = actions::check(raw, &mut c, known);
                finish(&mut c, problems).then(|| data.actions = actions)
            }
            "commitments" => {
                let (raw, mut c) = parse!(raw::CommitmentsFile);
                let commitments = commitments::check(raw.commitments, &mut c, known);
                if let Some(charter) = &raw.charter {
                    c.url("charter.url", charter.url.as_ref());
                    c.marks(
                        "charter.illustrative",
                        &charter.illustrative,
                        raw::CHARTER_MARKS,
                    );
                }
                finish(&mut c, problems).then(|| {
                    data.charter = raw.charter.map(|charter| Charter {
                        illustrative: charter.illustrative.all(),
                        illustrative_fields: charter.illustrative.fields(),
                        title: charter.title,
                        signed_by: charter.signed_by,
                        signed_on: charter.signed_on,
                        description: charter.description,
                        url: charter.url,
                    });
                    data.commitments = commitments;
                })
            }
            _ => None,
        };
        if ok.is_some() && !has_records(&data, name) {
            known.empty.push(name.clone());
        }
        if let (Some(()), Some(json)) = (ok, json) {
            data.json.push((name.clone(), json));
        }
    }
    data
}

/// Whether the dataset `name` (`kpis`) has records, and so a section, a page and open data:
/// a file with none makes nothing.
pub fn has_records(data: &Data, name: &str) -> bool {
    match name {
        "kpis" => !data.kpis.is_empty(),
        "prevention-orders" => !data.orders.is_empty(),
        "training" => !data.courses.is_empty() || !data.resources.is_empty(),
        "partnerships" => !data.partnerships.is_empty(),
        "actions" => !data.actions.is_empty(),
        "commitments" => !data.commitments.is_empty() || data.charter.is_some(),
        _ => true,
    }
}

fn finish(c: &mut Checker<'_>, problems: &mut Vec<Diagnostic>) -> bool {
    let ok = !c.problems.iter().any(Diagnostic::is_error);
    problems.append(&mut c.problems);
    ok
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
        calendar: year_starts == 1,
    }
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
        assert_eq!(half_of(d("2021-01-15"), 1).to_string(), "2021 H1");
        assert_eq!(half_of(d("2021-07"), 1).to_string(), "2021 H2");
    }

    #[test]
    fn numbers_are_grouped() {}
}
