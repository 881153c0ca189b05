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

/// A run of consecutive periods with no file at all, all past their date: said once, at the
/// first period's date, so a site that stopped publishing years ago gets one line per kind,
/// not one per period.
struct Missing {
    first: Period,
    last: Period,
    count: usize,
    /// The first period's date, and how many days ago it passed.
    due: Date,
    days_ago: i64,
    /// Statements only: made under the legal duty (`basis: required`).
    required: bool,
}

impl Missing {
    /// "2020/21", or "the 6 years from 2020/21 to 2025/26" (half years for six-monthly).
    fn periods(&self, unit: &str) -> String {
        if self.count == 1 {
            self.first.to_string()
        } else {
            format!(
                "the {} from {} to {}",
                plural(self.count as i64, unit),
                self.first,
                self.last
            )
        }
    }

    /// Extends the run with `period`, or says it cannot (not consecutive, another basis).
    fn extend(&mut self, period: Period, required: bool) -> bool {
        if self.last.next() == period && self.required == required {
            self.last = period;
            self.count += 1;
            true
        } else {
            false
        }
    }
}

/// Every deadline problem on `options.today`.
///
/// A statement or update that exists but is a draft is said at its `draft` key. Periods
/// with no file at all are said in runs ([`Missing`]): a statement's at the `period` of the
/// latest statement before it, an update's at `reporting.updates` in site.yaml (`updates_at`),
/// the promise it breaks; never at a file that does not exist.
pub fn check(
    options: Options,
    calendar: &Calendar,
    statements: &[Parsed<StatementFile>],
    updates: &[Parsed<UpdateFile>],
    updates_at: Option<&Diagnostic>,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let today = options.today;
    let severity = if options.as_errors {
        Severity::Error
    } else {
        Severity::Warning
    };
    // A publication date after the day judged: a typo, or a date planned rather than met.
    let future = |published: Option<Date>, illustrative: bool| {
        published.filter(|p| !illustrative && p.days() > today.days())
    };
    for s in statements {
        if let Some(p) = future(s.front.published, s.front.illustrative.field("published")) {
            problems.push(
                s.warning_at(
                    "published",
                    format!(
                        "published on {}, which is after today ({})",
                        p.long(),
                        today.long()
                    ),
                )
                .with_hint("give the day it came out; while it has not, mark it `draft: true`"),
            );
        }
    }
    for u in updates {
        if let Some(p) = future(u.front.published, u.front.illustrative.field("published")) {
            problems.push(
                u.warning_at(
                    "published",
                    format!(
                        "published on {}, which is after today ({})",
                        p.long(),
                        today.long()
                    ),
                )
                .with_hint("give the day it came out; while it has not, mark it `draft: true`"),
            );
        }
    }
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
    let mut runs: Vec<Missing> = Vec::new();
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
        match existing {
            _ if published => {}
            // Missing and past its date: part of a run, said below.
            None if days < 0 => {
                if !runs.last_mut().is_some_and(|r| r.extend(year, required)) {
                    runs.push(Missing {
                        first: year,
                        last: year,
                        count: 1,
                        due,
                        days_ago: -days,
                        required,
                    });
                }
            }
            _ => {
                let what = match existing {
                    Some(_) => format!("the {year} statement is still a draft"),
                    None => format!("there is no {year} statement yet"),
                };
                let message = statement_message(&what, days, due, required);
                let (d, hint) = match existing {
                    Some(s) => (
                        s.error_at("draft", message),
                        format!(
                            "publish it: remove `draft: true` and set `published:`; {hint_deadlines}"
                        ),
                    ),
                    None => (
                        previous(statements, year, message),
                        format!(
                            "`candour new statement --period {year}` starts it; {hint_deadlines}"
                        ),
                    ),
                };
                problems.push(Diagnostic { severity, ..d }.with_hint(hint));
            }
        }
        year = year.next();
    }
    for run in runs {
        let message = if run.count == 1 {
            let what = format!("there is no {} statement yet", run.first);
            statement_message(&what, -run.days_ago, run.due, run.required)
        } else {
            let what = format!("there are no statements yet for {}", run.periods("year"));
            let ago = plural(run.days_ago, "day");
            match run.required {
                true => format!(
                    "OVERDUE: {what}, and the first was due by {}, {ago} ago",
                    run.due.long()
                ),
                false => format!(
                    "NOT YET PUBLISHED: {what}; the Home Office recommends publishing each within six months of its year's end, the first by {}, {ago} ago",
                    run.due.long()
                ),
            }
        };
        let d = previous(statements, run.first, message);
        let hint = format!(
            "`candour new statement --period {}` starts {}; {hint_deadlines}",
            run.first,
            if run.count == 1 { "it" } else { "the first" }
        );
        problems.push(Diagnostic { severity, ..d }.with_hint(hint));
    }

    // Updates: each period the cadence promises after the first statement's year, once it
    // is late.
    let (mut period, unit, cadence) = match calendar.updates {
        Cadence::None => return problems,
        Cadence::SixMonthly => (
            Period {
                year: first.year_period().year + 1,
                half: 1,
                ..first
            },
            "half year",
            "six-monthly",
        ),
        Cadence::Annual => (first.year_period().next(), "year", "annual"),
    };
    let months = calendar.update_due_months.unwrap_or(UNDATED_UPDATE_MONTHS);
    let mut runs: Vec<Missing> = Vec::new();
    loop {
        let due = period.end(calendar.year_starts).add_months(months as i32);
        if due >= today {
            break;
        }
        let days = today.days() - due.days();
        match updates.iter().find(|u| u.front.period == period) {
            Some(u) if u.front.draft => {
                let message = match calendar.update_due_months {
                    Some(_) => format!(
                        "the {period} update is still a draft; it was due by {}, {} ago",
                        due.long(),
                        plural(days, "day")
                    ),
                    None => format!(
                        "the {period} update is still a draft, more than six months after its period ended on {}",
                        period.end(calendar.year_starts).long()
                    ),
                };
                let hint = format!("publish it: remove `draft: true`; {hint_deadlines}");
                problems.push(
                    Diagnostic {
                        severity,
                        ..u.error_at("draft", message)
                    }
                    .with_hint(hint),
                );
            }
            Some(_) => {}
            None => {
                if !runs.last_mut().is_some_and(|r| r.extend(period, false)) {
                    runs.push(Missing {
                        first: period,
                        last: period,
                        count: 1,
                        due,
                        days_ago: days,
                        required: false,
                    });
                }
            }
        }
        period = period.next();
    }
    for run in runs {
        let what = if run.count == 1 {
            format!("there is no {} update yet", run.first)
        } else {
            format!("there are no updates yet for {}", run.periods(unit))
        };
        let message = match calendar.update_due_months {
            Some(_) => format!(
                "{what}; {} was due by {}, {} ago",
                if run.count == 1 { "it" } else { "the first" },
                run.due.long(),
                plural(run.days_ago, "day")
            ),
            None => format!(
                "{what}, more than six months after {} ended on {}: site.yaml promises {cadence} updates (reporting.updates) but sets no date for them (reporting.update_due_months)",
                if run.count == 1 {
                    "its period"
                } else {
                    "the first"
                },
                run.first.end(calendar.year_starts).long(),
            ),
        };
        let d = match updates_at {
            Some(at) => Diagnostic {
                message,
                ..at.clone()
            },
            None => Diagnostic::error("content/site.yaml", message),
        };
        let hint = format!(
            "`candour new update --period \"{}\"` starts {}; {hint_deadlines}",
            run.first,
            if run.count == 1 { "it" } else { "the first" }
        );
        problems.push(Diagnostic { severity, ..d }.with_hint(hint));
    }
    problems
}

/// A statement's message when it is a draft or is due soon.
fn statement_message(what: &str, days: i64, due: Date, required: bool) -> String {
    match (days >= 0, required) {
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
    }
}

/// A diagnostic about a statement not yet written, at the `period` of the latest statement
/// before it (there is always one: statements are expected only after the first).
fn previous(statements: &[Parsed<StatementFile>], year: Period, message: String) -> Diagnostic {
    statements
        .iter()
        .filter(|s| s.front.period < year)
        .max_by_key(|s| s.front.period)
        .map(|s| s.error_at("period", message.clone()))
        .unwrap_or_else(|| Diagnostic::error("content/statements", message))
}

fn in_days(days: i64) -> String {
    match days {
        0 => "today".into(),
        1 => "tomorrow".into(),
        n => format!("in {n} days"),
    }
}

/// `1 day`, `46 days`, `1,887 days` (grouped as readers' figures are, `format_number`).
fn plural(n: i64, word: &str) -> String {
    let count = crate::format::format_number(n as f64, crate::model::KpiKind::Count);
    format!("{count} {word}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(super::plural(1, "day"), "1 day");
        assert_eq!(super::plural(46, "day"), "46 days");
        assert_eq!(super::plural(999, "day"), "999 days");
        assert_eq!(super::plural(1887, "day"), "1,887 days");
        assert_eq!(super::plural(1234567, "day"), "1,234,567 days");
    }
}
