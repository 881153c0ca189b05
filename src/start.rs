//! `candour new update` and `candour new statement`: the next report's file, started from a
//! site that passed its checks. What it writes is a draft (`draft: true`) with its period, the
//! statement an update follows, and headings to write under; it never writes a figure. What
//! the data still lacks for the new period is returned as a checklist, for people to fill in.

use crate::check::Checked;
use crate::i18n::Words;
use crate::model::Cadence;
use crate::model::period::Period;

/// Which report to start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Update,
    Statement,
}

/// A report ready to write: where (relative to the site's root), its text, and the data
/// the period still lacks, one line each.
#[derive(Debug)]
pub struct Started {
    pub path: String,
    pub period: Period,
    pub text: String,
    pub checklist: Vec<String>,
}

/// A report's translation file in another language of a bilingual site: where (relative to
/// the site's root, `content/statements/2021-22.cy.md`) and its text.
#[derive(Debug)]
pub struct Translation {
    pub path: String,
    pub text: String,
}

/// The translation files of a report `next` started, one per other language of the site
/// (`others`: each language's tag, such as `cy`, and its words). A translation holds text
/// only (`check::translate`): the title in that language and the original's headings in
/// their places, each in that language where the theme has the words (the s54(5) areas), or
/// as the site declares them (its aspects, which have one wording); never a fact (period,
/// dates, draft), which the original alone gives.
pub fn translations(
    kind: Kind,
    started: &Started,
    checked: &Checked,
    others: &[(String, std::sync::Arc<Words>)],
) -> Vec<Translation> {
    let year_starts = checked.site.config.year_starts;
    let period = started.period;
    let annual = checked.site.config.updates == Cadence::Annual;
    others
        .iter()
        .map(|(tag, words)| {
            let (title, headings) = match kind {
                Kind::Update => (
                    words.format(
                        if annual {
                            "new.update_title_annual"
                        } else {
                            "new.update_title"
                        },
                        &[("span", &words.span(period, year_starts))],
                    ),
                    outline(&aspects_in(checked, tag), words),
                ),
                Kind::Statement => (
                    words.format("new.statement_title", &[("period", &period.to_string())]),
                    crate::check::statement::AREAS
                        .iter()
                        .map(|(key, ..)| words.word(&format!("new.area.{key}")).to_string())
                        .collect(),
                ),
            };
            let mut text = format!("---\ntitle: {}\n---\n", yaml_text(&title));
            for heading in headings {
                text.push_str(&format!("\n## {heading}\n"));
            }
            let language = crate::i18n::primary(tag);
            Translation {
                path: match started.path.strip_suffix(".md") {
                    Some(stem) => format!("{stem}.{language}.md"),
                    None => format!("{}.{language}", started.path),
                },
                text,
            }
        })
        .collect()
}

/// The next report of `kind` for a checked site (drafts kept), or for `period`; an `Err`
/// says why not, in a sentence.
///
/// An update follows the site's cadence (`reporting.updates`): with `six-monthly` its default
/// period is the half after the latest update, or the first half after the latest statement;
/// with `annual` the year after the latest update or statement; with `none` there is no
/// update to start (an `Err`). It follows the latest statement of an earlier year. A
/// statement's default period is the year after the latest statement. An update's body has a
/// heading per aspect the site declares (a statement: one per s54(5) area, mapped under
/// `areas:`).
pub fn next(
    kind: Kind,
    checked: &Checked,
    words: &Words,
    period: Option<Period>,
) -> Result<Started, String> {
    let site = &checked.site;
    let year_starts = site.config.year_starts;
    // A period in the other calendar's form would be written, then refused by `check`.
    if let Some((message, hint)) = period.and_then(|p| p.wrong_form(year_starts)) {
        return Err(format!("{message}; {hint}"));
    }
    match kind {
        Kind::Update => {
            let annual = match site.config.updates {
                Cadence::None => {
                    return Err(
                        "this site promises no updates between its statements (`reporting.updates: none` in site.yaml): start the next statement with `candour new statement`, or set `reporting.updates` to six-monthly or annual".into(),
                    );
                }
                Cadence::SixMonthly => false,
                Cadence::Annual => true,
            };
            let period = match period {
                Some(p) if !annual && !p.is_half() => {
                    return Err(format!(
                        "this site's updates are six-monthly, so an update covers a half year, but {p} is a whole year: write {p} H1 or {p} H2"
                    ));
                }
                Some(p) if annual && p.is_half() => {
                    return Err(format!(
                        "this site's updates are annual (reporting.updates: annual), so an update covers a year, but {p} is a half year: write {}",
                        p.year_period()
                    ));
                }
                Some(p) => p,
                // Run twice by mistake, `new` would start the period after an unfinished
                // draft: the draft comes first.
                None if site.updates.first().is_some_and(|u| u.draft) => {
                    let u = &site.updates[0];
                    return Err(format!(
                        "the {} update ({}) is still a draft: finish and publish it first, or start another period with --period",
                        u.period, u.source
                    ));
                }
                None => match (site.updates.first(), site.statements.first()) {
                    (Some(u), _) if u.period.is_half() != annual => u.period.next(),
                    (_, Some(s)) if annual => s.period.year_period().next(),
                    (_, Some(s)) => Period {
                        year: s.period.year + 1,
                        half: 1,
                        ..s.period
                    },
                    (_, None) => {
                        return Err(
                            "the site has no statement for an update to follow: start one with `candour new statement`".into(),
                        );
                    }
                },
            };
            // Its period may already have an update under another file name.
            let path = format!("content/updates/{}.md", period.slug());
            // (Under its own name, `new` refuses to replace the file.)
            if let Some(u) = site
                .updates
                .iter()
                .find(|u| u.period == period && u.source != path)
            {
                return Err(format!(
                    "{} is already the {period} update: edit it, or choose another period with --period",
                    u.source
                ));
            }
            let Some(statement) = site.statements.iter().find(|s| s.period.year < period.year)
            else {
                return Err(format!(
                    "no statement of a year before {period} for the update to follow"
                ));
            };
            let span = words.span(period, year_starts);
            let mut text = format!(
                "---\ntitle: {}\nperiod: {period}\nstatement: {}\ndraft: true\n# published: the day it is published (YYYY-MM-DD), with `draft: true` removed\n---\n",
                yaml_text(&words.format(
                    if annual {
                        "new.update_title_annual"
                    } else {
                        "new.update_title"
                    },
                    &[("span", &span)]
                )),
                statement.period,
            );
            for heading in outline(&aspects_in(checked, &checked.site.config.language), words) {
                text.push_str(&format!("\n## {heading}\n"));
            }
            Ok(Started {
                path,
                period,
                text,
                checklist: missing(checked, period),
            })
        }
        Kind::Statement => {
            let period = match period {
                Some(p) if p.is_half() => {
                    return Err(format!(
                        "a statement covers a whole year, but {p} is a half year: write {}",
                        p.year_period()
                    ));
                }
                Some(p) => p,
                None if site.statements.first().is_some_and(|s| s.draft) => {
                    let s = &site.statements[0];
                    return Err(format!(
                        "the {} statement ({}) is still a draft: finish and publish it first, or start another year with --period",
                        s.period, s.source
                    ));
                }
                None => match site.statements.first() {
                    Some(s) => s.period.next(),
                    None => {
                        return Err(
                            "the site has no statement to follow: say which year with --period"
                                .into(),
                        );
                    }
                },
            };
            let path = format!("content/statements/{}.md", period.slug());
            if let Some(s) = site
                .statements
                .iter()
                .find(|s| s.period == period && s.source != path)
            {
                return Err(format!(
                    "{} is already the {period} statement: edit it, or choose another year with --period",
                    s.source
                ));
            }
            // A duty under s54 stays one: the latest earlier statement's basis carries over.
            let required = site
                .statements
                .iter()
                .find(|s| s.period < period)
                .is_some_and(|s| s.basis == crate::model::Basis::Required);
            let mut text = format!(
                "---\ntitle: {}\nperiod: {period}\n{}draft: true\n# published: the day it is published (YYYY-MM-DD), with `draft: true` removed\n# approval: section 54(6); `candour check` reports it missing until it is filled in\n#   approved_by: the board or body that approved it\n#   approved_on: YYYY-MM-DD\n#   signed_by:\n#     - role: who signed it, such as Chief Constable\n#       signed_on: YYYY-MM-DD\nareas:\n",
                yaml_text(&words.format("new.statement_title", &[("period", &period.to_string())])),
                if required { "basis: required\n" } else { "" },
            );
            let areas: Vec<(&str, String)> = crate::check::statement::AREAS
                .iter()
                .map(|(key, ..)| (*key, words.word(&format!("new.area.{key}")).to_string()))
                .collect();
            for (key, heading) in &areas {
                text.push_str(&format!(
                    "  {key}: {}\n",
                    crate::markdown::anchors::slug(heading)
                ));
            }
            text.push_str("---\n");
            for (_, heading) in &areas {
                text.push_str(&format!("\n## {heading}\n"));
            }
            Ok(Started {
                path,
                period,
                text,
                checklist: missing(checked, period),
            })
        }
    }
}

/// An update's headings: each aspect the site declares (`aspects:` in site.yaml), in its
/// order, or else the six areas of s54(5).
fn outline(aspects: &[String], words: &Words) -> Vec<String> {
    if aspects.is_empty() {
        crate::check::statement::AREAS
            .iter()
            .map(|(key, ..)| words.word(&format!("new.area.{key}")).to_string())
            .collect()
    } else {
        aspects.to_vec()
    }
}

/// The aspects' headings in the language `tag`: as `site.LANG.yaml` gives them, else (or
/// where it gives none) as site.yaml words them, without the marks of untranslated text.
fn aspects_in(checked: &Checked, tag: &str) -> Vec<String> {
    let config = checked
        .others
        .iter()
        .map(|o| &o.site.config)
        .find(|c| c.language == tag)
        .unwrap_or(&checked.site.config);
    config
        .aspects
        .iter()
        .map(|a| a.title.replace(crate::i18n::UNTRANSLATED, ""))
        .collect()
}

/// What the data has no entry for in `period`: each indicator without a value or status, the
/// prevention orders, each course without its people trained, each action not achieved
/// without a progress note. A statement's year counts the entries of its halves too.
pub fn missing(checked: &Checked, period: Period) -> Vec<String> {
    let site = &checked.site;
    let covers = |p: Period| p == period || period.contains(p);
    let mut out = Vec::new();
    for k in &site.kpis {
        if !k.values.iter().any(|v| covers(v.period)) {
            out.push(format!(
                "content/data/kpis.yaml: {} ({}) has no value for {period}",
                k.id, k.title
            ));
        }
    }
    if checked
        .downloads
        .json
        .iter()
        .any(|(n, _)| n == "prevention-orders")
        && !site.orders.iter().any(|o| covers(o.period))
    {
        out.push(format!(
            "content/data/prevention-orders.yaml: no orders for {period}"
        ));
    }
    for c in &site.courses {
        if !c.trained.iter().any(|t| covers(t.period)) {
            out.push(format!(
                "content/data/training.yaml: {} ({}) has no people trained for {period}",
                c.id, c.title
            ));
        }
    }
    for a in &site.actions {
        if a.status != Some(crate::model::Status::Achieved)
            && !a.progress.iter().any(|p| covers(p.period))
        {
            out.push(format!(
                "content/data/actions.yaml: {} ({}) has no progress note for {period}",
                a.id, a.title
            ));
        }
    }
    out
}

/// A one-line YAML string, quoted when YAML would read it otherwise.
fn yaml_text(text: &str) -> String {
    let plain = !text.is_empty()
        && !text.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c) || c.is_whitespace())
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(char::is_whitespace);
    if plain {
        text.to_string()
    } else {
        format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
    }
}
