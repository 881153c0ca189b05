//! The home page's view: the next update due and the headline figures.

use crate::i18n::Words;
use crate::model::Data;
use crate::model::period::Period;
use crate::model::{Cadence, Headline, Home, NextReport, Statement, Update};
use crate::routes::Routes;

/// The home page's next update (after the latest update, or the first half after the latest
/// statement) and its headline figures, each the latest period that has one.
pub fn of(
    routes: &Routes,
    words: &Words,
    config: &crate::model::Config,
    statements: &[Statement],
    updates: &[Update],
    data: &Data,
) -> Home {
    let next = next_report(config, statements, updates).map(|(kind, period, required)| {
        // A statement is due (or recommended) six months after its year ends: section 54
        // and the Home Office guidance; an update only when the body has said when.
        let months = if kind == "statement" {
            Some(6)
        } else {
            config.update_due_months
        };
        NextReport {
            kind,
            required,
            period,
            period_span: words.span(period, config.year_starts),
            due: months.map(|m| period.end(config.year_starts).add_months(m as i32)),
        }
    });
    // Every headline is of one period: the latest that any of them has a figure for, so
    // the home page never sets one half year's figure beside another's.
    let latest = data
        .orders
        .iter()
        .filter(|o| o.stpo.granted.is_some())
        .map(|o| o.period)
        .chain(
            data.courses
                .iter()
                .flat_map(|c| c.trained.iter().map(|t| t.period)),
        )
        .chain(data.activities.iter().map(|a| a.period))
        .chain(
            data.actions
                .iter()
                .flat_map(|a| a.progress.iter().map(|p| p.period)),
        )
        .max();
    let mut headlines = Vec::new();
    if let Some(period) = latest {
        headlines = headlines_of(period, routes, words, data);
    }
    Home { next, headlines }
}

/// The headline figures of one period: each dataset that has a figure for it.
fn headlines_of(period: Period, routes: &Routes, words: &Words, data: &Data) -> Vec<Headline> {
    let mut headlines = Vec::new();
    if let Some(o) = data
        .orders
        .iter()
        .find(|o| o.period == period && o.stpo.granted.is_some())
    {
        headlines.push(Headline {
            label: words.word("headline.stpo_granted").to_string(),
            value: o.stpo.granted.unwrap_or(0).to_string(),
            period,
            url: routes.orders(),
            illustrative: o.illustrative,
        });
    }
    let trained: Vec<_> = data
        .courses
        .iter()
        .flat_map(|c| c.trained.iter())
        .filter(|t| t.period == period)
        .collect();
    if !trained.is_empty() {
        headlines.push(Headline {
            label: words.word("headline.people_trained").to_string(),
            value: trained.iter().map(|t| t.people).sum::<u64>().to_string(),
            period,
            url: routes.training(),
            illustrative: trained.iter().any(|t| t.illustrative),
        });
    }
    let acts: Vec<_> = data
        .activities
        .iter()
        .filter(|a| a.period == period)
        .collect();
    if !acts.is_empty() {
        headlines.push(Headline {
            label: words.word("headline.partnership_activities").to_string(),
            value: acts.len().to_string(),
            period,
            url: routes.partnerships(),
            illustrative: acts.iter().any(|a| a.illustrative),
        });
    }
    let reported = data
        .actions
        .iter()
        .any(|a| a.progress.iter().any(|p| p.period == period));
    if reported {
        let done = data
            .actions
            .iter()
            .filter(|a| a.status == Some(crate::raw::Status::Achieved))
            .count();
        headlines.push(Headline {
            label: words.format(
                "headline.actions_achieved",
                &[("total", &data.actions.len().to_string())],
            ),
            value: done.to_string(),
            period,
            url: routes.actions(),
            // The count is of statuses: illustrative when any action's status is.
            illustrative: data
                .actions
                .iter()
                .any(|a| a.illustrative || a.illustrative_fields.iter().any(|f| f == "status")),
        });
    }
    headlines
}

/// What the site's cadence says comes next: after the latest update (or the latest
/// statement) the next six-monthly or annual update; with no updates, the statement for the
/// year after the latest. Nothing before the first statement.
fn next_report(
    config: &crate::model::Config,
    statements: &[Statement],
    updates: &[Update],
) -> Option<(&'static str, Period, bool)> {
    let latest = statements.first()?;
    // A period the site inferred (`illustrative: [period]`) promises nothing after it.
    let after_statement = (!latest.period_illustrative).then_some(Period {
        year: latest.period.year + 1,
        ..latest.period
    });
    match config.updates {
        Cadence::SixMonthly => {
            let next = match updates.first() {
                Some(u) if u.period.is_half() => u.period.next(),
                _ => Period {
                    half: 1,
                    ..after_statement?
                },
            };
            Some(("six-monthly", next, false))
        }
        Cadence::Annual => {
            let next = match updates.first() {
                Some(u) if !u.period.is_half() => u.period.next(),
                _ => after_statement?,
            };
            Some(("annual", next, false))
        }
        Cadence::None => Some((
            "statement",
            after_statement?,
            latest.basis == crate::model::Basis::Required,
        )),
    }
}
