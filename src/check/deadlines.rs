//! Deadlines, against a given day (`candour check --today`): statements due or overdue, and
//! updates the site's cadence has made overdue. Only `check` runs this; `build` and `serve`
//! never read the clock, so a built site does not depend on the day it is built.
//!
//! A statement is due six months after its period ends (the Home Office's recommendation;
//! s54 makes it a deadline only for organisations it applies to, so a voluntary statement is
//! told it is recommended, never late). Each statement year from the site's first statement
//! on is expected, each with the `basis` of the latest statement before it; a missing or
//! draft statement is warned about from 30 days before its date and more strongly once it
//! has passed. After a statement whose period the site inferred (`illustrative: [period]`)
//! no further statement is expected, as the site promises none.
//!
//! Updates follow the site's cadence (`reporting.updates`): with `six-monthly`, each half
//! year after the first statement's year; with `annual`, each year after it; with `none`,
//! no update is expected. An update is late `update_due_months` after its period ends when
//! the body has said so; when it has not ([`UNDATED_UPDATE_MONTHS`]) it is reported only six
//! months after its period ends, worded as not yet published rather than as overdue, since
//! the body set no date.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::date::Date;
use crate::model::period::Period;
use crate::model::{Basis, Cadence};
use crate::raw::{StatementFile, UpdateFile};

use super::documents::Parsed;

/// Days before a statement's date that `check` starts to say it is coming.
pub const DUE_SOON_DAYS: i64 = 30;

/// Months after an update's period ends that `check` reports it missing when site.yaml gives
/// no `update_due_months`: the same six months the Home Office recommends for a statement,
/// so a body that promised updates but no date is not told of one before it could fairly be
/// expected.
pub const UNDATED_UPDATE_MONTHS: u32 = 6;

/// How `check` judges deadlines: against which day, and whether a missed one fails the run.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub today: Date,
    /// `--deadlines error`: a deadline problem is an error (CI fails) rather than a warning.
    pub as_errors: bool,
}

/// What the deadline checks need to know of the site.
pub struct Calendar {
    pub year_starts: u32,
    /// How often updates are promised (`reporting.updates`).
    pub updates: Cadence,
    /// `reporting.update_due_months`: `None` when the body gave no date for its updates.
    pub update_due_months: Option<u32>,
}

/// Every deadline problem on `options.today`.
pub fn check(
    options: Options,
    calendar: &Calendar,
    statements: &[Parsed<StatementFile>],
    updates: &[Parsed<UpdateFile>],
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let today = options.today;
    let severity = if options.as_errors {
        Severity::Error
    } else {
        Severity::Warning
    };
    let Some(first) = statements.iter().map(|s| s.front.period).min() else {
        return problems;
    };
    let hint_deadlines = if options.as_errors {
        "it is an error because of `--deadlines error`"
    } else {
        "`candour check --deadlines error` makes this an error, for CI"
    };

    // Statements: each year from the first, once its date is 30 days away; none after a
    // statement whose period the site inferred.
    let latest_inferred = statements
        .iter()
        .max_by_key(|s| s.front.period)
        .is_some_and(|s| s.front.illustrative.field("period"));
    let last_expected = statements
        .iter()
        .map(|s| s.front.period.year_period())
        .max()
        .unwrap_or(first);
    let mut year = first.year_period();
    loop {
        if latest_inferred && year > last_expected {
            break;
        }
        let due = year.end(calendar.year_starts).add_months(6);
        let days = due.days() - today.days();
        if days > DUE_SOON_DAYS {
            break;
        }
        let existing = statements.iter().find(|s| s.front.period == year);
        let published = existing.is_some_and(|s| !s.front.draft);
        // Its own basis, or for a statement not yet written that of the latest before it.
        let required = existing
            .or_else(|| {
                statements
                    .iter()
                    .filter(|s| s.front.period < year)
                    .max_by_key(|s| s.front.period)
            })
            .is_some_and(|s| s.front.basis == Basis::Required);
        if !published {
            let what = match existing {
                Some(_) => format!("the {year} statement is still a draft"),
                None => format!("there is no {year} statement yet"),
            };
            let message = match (days >= 0, required) {
                (true, true) => format!("{what}: it is due by {}, {}", due.long(), in_days(days)),
                (true, false) => format!(
                    "{what}: the Home Office recommends publishing it by {}, {}",
                    due.long(),
                    in_days(days)
                ),
                (false, true) => format!(
                    "OVERDUE: {what}, and it was due by {}, {} ago",
                    due.long(),
                    plural(-days, "day")
                ),
                (false, false) => format!(
                    "NOT YET PUBLISHED: {what}; the Home Office recommends publishing within six months of the year's end, by {}, {} ago",
                    due.long(),
                    plural(-days, "day")
                ),
            };
            let d = match existing {
                Some(s) => s.error_at("draft", message),
                None => {
                    Diagnostic::error(format!("content/statements/{}.md", year.slug()), message)
                }
            };
            let hint = match existing {
                Some(_) => format!(
                    "publish it: remove `draft: true` and set `published:`; {hint_deadlines}"
                ),
                None => {
                    format!("`candour new statement --period {year}` starts it; {hint_deadlines}")
                }
            };
            problems.push(Diagnostic { severity, ..d }.with_hint(hint));
        }
        year = year.next();
    }

    // Updates: each period the cadence promises after the first statement's year, once it
    // is late.
    let mut period = match calendar.updates {
        Cadence::None => return problems,
        Cadence::SixMonthly => Period {
            year: first.year_period().year + 1,
            half: 1,
            ..first
        },
        Cadence::Annual => first.year_period().next(),
    };
    let months = calendar.update_due_months.unwrap_or(UNDATED_UPDATE_MONTHS);
    loop {
        let due = period.end(calendar.year_starts).add_months(months as i32);
        if due >= today {
            break;
        }
        let existing = updates.iter().find(|u| u.front.period == period);
        if existing.is_none_or(|u| u.front.draft) {
            let days = today.days() - due.days();
            let what = match existing {
                Some(_) => format!("the {period} update is still a draft"),
                None => format!("there is no {period} update yet"),
            };
            let message = match calendar.update_due_months {
                Some(_) => format!(
                    "{what}; it was due by {}, {} ago",
                    due.long(),
                    plural(days, "day")
                ),
                None => format!(
                    "{what}, more than six months after its period ended on {}: site.yaml promises {} updates (reporting.updates) but sets no date for them (reporting.update_due_months)",
                    period.end(calendar.year_starts).long(),
                    match calendar.updates {
                        Cadence::Annual => "annual",
                        _ => "six-monthly",
                    }
                ),
            };
            let d = match existing {
                Some(u) => u.error_at("draft", message),
                None => Diagnostic::error(format!("content/updates/{}.md", period.slug()), message),
            };
            let hint = match existing {
                Some(_) => format!("publish it: remove `draft: true`; {hint_deadlines}"),
                None => format!(
                    "`candour new update --period \"{period}\"` starts it; {hint_deadlines}"
                ),
            };
            problems.push(Diagnostic { severity, ..d }.with_hint(hint));
        }
        period = period.next();
    }
    problems
}

fn in_days(days: i64) -> String {
    match days {
        0 => "today".into(),
        1 => "tomorrow".into(),
        n => format!("in {n} days"),
    }
}

fn plural(n: i64, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
