//! An update's checks (a half year, following a statement that exists) and its model.

use crate::diagnostic::Diagnostic;
use crate::i18n::Words;
use crate::model::period::Period;
use crate::model::{Statement, Update};
use crate::raw::{UPDATE_MARKS, UpdateFile};
use crate::routes::Routes;

use super::data::known_periods;
use super::documents::Parsed;
use crate::model::Data;

/// Reports an update whose period does not fit the site's cadence (`None` when site.yaml
/// could not be read: not judged), or whose `statement` names a period no
/// statement covers (only when every statement could be read: `statements_complete`).
///
/// Returns whether its period was refused for the cadence: a half year on an annual site,
/// a whole year on a six-monthly one or one with no updates. Such an update is not counted
/// as any period's (references to its period and missing updates are then not reported:
/// one mistake, one message).
pub fn check(
    u: &Parsed<UpdateFile>,
    statement_periods: &[Period],
    statements_complete: bool,
    year_starts: u32,
    cadence: Option<crate::model::Cadence>,
    problems: &mut Vec<Diagnostic>,
) -> bool {
    let refused = match cadence {
        Some(crate::model::Cadence::Annual) => u.front.period.is_half(),
        Some(_) => !u.front.period.is_half(),
        None => false,
    };
    if cadence == Some(crate::model::Cadence::Annual) && u.front.period.is_half() {
        problems.push(
            u.error_at(
                "period",
                format!(
                    "this site's updates are annual (reporting.updates: annual), but {} is a half year",
                    u.front.period
                ),
            )
            .with_hint(format!(
                "write {}, or set `reporting.updates: six-monthly` in site.yaml",
                u.front.period.year_period()
            )),
        );
    }
    u.marks(
        "illustrative",
        &u.front.illustrative,
        UPDATE_MARKS,
        problems,
    );
    for (path, period) in [("period", u.front.period), ("statement", u.front.statement)] {
        if let Some((message, hint)) = period.wrong_form(year_starts) {
            problems.push(u.error_at(path, message).with_hint(hint));
        }
    }
    match u.front.published {
        Some(published) => super::statement::published_before_end(
            u,
            "published",
            published,
            u.front.period,
            year_starts,
            problems,
        ),
        // A draft is not published yet: its date comes when it is.
        None if u.front.draft => {}
        None => problems.push(
            u.warning_at("period", "the update gives no publication date")
                .with_hint("add `published:` with the date the update came out, as precisely as the source gives it (2020-10-30, 2020-10 or 2020)"),
        ),
    }
    // Unknown (site.yaml has errors of its own): not judged, so one mistake is one message.
    let whole = !u.front.period.is_half();
    let p = u.front.period;
    match cadence {
        Some(crate::model::Cadence::SixMonthly) if whole => problems.push(
            u.error_at(
                "period",
                format!("this site's updates are six-monthly (`reporting.updates` in site.yaml), but {p} is a whole year"),
            )
            .with_hint(format!("write {p} H1 or {p} H2; if the body publishes an update a year, set `reporting.updates: annual`")),
        ),
        Some(crate::model::Cadence::None) if whole => problems.push(
            u.error_at(
                "period",
                format!("{p} is a whole year, and site.yaml does not say the body publishes annual updates"),
            )
            .with_hint(format!("if it does, set `reporting.updates: annual` in site.yaml; for a half year write {p} H1 or {p} H2")),
        ),
        _ => {}
    }
    if u.front.published.is_none() && !u.front.draft {
        problems.push(
            u.error_at("title", "the update does not say when it was published")
                .with_hint(
                    "add `published: YYYY-MM-DD`, or `draft: true` while it is being written",
                ),
        );
    }
    if statements_complete && !statement_periods.contains(&u.front.statement) {
        problems.push(
            u.error_at(
                "statement",
                format!("there is no statement for {}", u.front.statement),
            )
            .with_hint(known_periods("statements", statement_periods)),
        );
    }
    refused
}

/// The update's model: its statement's title and address, its figures beside the period
/// before.
pub fn model(
    u: &Parsed<UpdateFile>,
    statements: &[Statement],
    routes: &Routes,
    words: &Words,
    year_starts: u32,
    data: &Data,
) -> Update {
    let st = statements.iter().find(|s| s.period == u.front.statement);
    Update {
        title: u.front.title.clone(),
        period: u.front.period,
        period_span: words.span(u.front.period, year_starts),
        slug: u.front.period.slug(),
        url: routes.update(u.front.period),
        published: u.front.published,
        published_illustrative: u.front.illustrative.field("published"),
        feed_date: u
            .front
            .published
            .map_or(u.front.period.end(year_starts), |d| d.earliest()),
        feed_published: u.front.published.filter(|d| {
            d.precision() == crate::model::date::Precision::Day
                && !u.front.illustrative.field("published")
        }),
        statement_title: st.map(|s| s.title.clone()).unwrap_or_default(),
        statement_url: st.map(|s| s.url.clone()).unwrap_or_default(),
        summary: u.front.summary.clone(),
        draft: u.front.draft,
        body_html: u.body.html.clone(),
        toc: u.body.headings.clone(),
        figures: crate::view::figures::of(u.front.period, data),
        history: crate::model::History::default(),
        source: u.source.path.clone(),
    }
}

/// Whether any dataset has a figure, a training count, an activity or a progress note for
/// `period`: an update without any has nothing to show beside its narrative.
pub fn has_figures(period: Period, data: &Data) -> bool {
    data.kpis
        .iter()
        .any(|k| k.values.iter().any(|v| v.period == period))
        || data.orders.iter().any(|o| o.period == period)
        || data
            .courses
            .iter()
            .any(|c| c.trained.iter().any(|t| t.period == period))
        || data.activities.iter().any(|a| a.period == period)
        || data
            .actions
            .iter()
            .any(|a| a.progress.iter().any(|p| p.period == period))
}
