//! Deadlines, against a given day (`candour check --today`): statements due or overdue, and
//! updates the site's cadence has made overdue. Only `check` runs this; `build` and `serve`
//! never read the clock, so a built site does not depend on the day it is built.
//!
//! A statement is due six months after its period ends (the Home Office's recommendation;
//! s54 makes it a deadline only for organisations it applies to, so a voluntary statement is
//! told it is recommended, never late). Each statement year from the site's first statement
//! on is expected; a missing or draft statement is warned about from 30 days before its date
//! and more strongly once it has passed. Each half year after the first statement's year is
//! expected to have an update by `update_due_months` after it ends.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::date::Date;
use crate::model::period::Period;
use crate::raw::{StatementFile, UpdateFile};

use super::documents::Parsed;

/// Days before a statement's date that `check` starts to say it is coming.
pub const DUE_SOON_DAYS: i64 = 30;

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
    pub update_due_months: u32,
    /// Whether s54 applies (a legal deadline), rather than a voluntary statement.
    pub required: bool,
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
    let hint_deadlines = "`candour check --deadlines error` makes this an error, for CI";

    // Statements: each year from the first, once its date is 30 days away.
    let mut year = first.year_period();
    loop {
        let due = year.end(calendar.year_starts).add_months(6);
        let days = due.days() - today.days();
        if days > DUE_SOON_DAYS {
            break;
        }
        let existing = statements.iter().find(|s| s.front.period == year);
        let published = existing.is_some_and(|s| !s.front.draft);
        if !published {
            let what = match existing {
                Some(_) => format!("the {year} statement is still a draft"),
                None => format!("there is no {year} statement yet"),
            };
            let message = match (days >= 0, calendar.required) {
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

    // Updates: each half year after the first statement's year, once its due date has passed.
    let mut half = Period {
        year: first.year_period().year + 1,
        half: 1,
    };
    loop {
        let due = half
            .end(calendar.year_starts)
            .add_months(calendar.update_due_months as i32);
        if due >= today {
            break;
        }
        let existing = updates.iter().find(|u| u.front.period == half);
        if existing.is_none_or(|u| u.front.draft) {
            let days = today.days() - due.days();
            let message = match existing {
                Some(_) => format!(
                    "the {half} update is still a draft; it was due by {}, {} ago",
                    due.long(),
                    plural(days, "day")
                ),
                None => format!(
                    "there is no {half} update; it was due by {}, {} ago",
                    due.long(),
                    plural(days, "day")
                ),
            };
            let d = match existing {
                Some(u) => u.error_at("draft", message),
                None => Diagnostic::error(format!("content/updates/{}.md", half.slug()), message),
            };
            let hint = match existing {
                Some(_) => format!("publish it: remove `draft: true`; {hint_deadlines}"),
                None => {
                    format!("`candour new update --period \"{half}\"` starts it; {hint_deadlines}")
                }
            };
            problems.push(Diagnostic { severity, ..d }.with_hint(hint));
        }
        half = half.next();
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
