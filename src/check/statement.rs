//! A statement's checks: the six areas of s54(5) each mapped to a heading or said not
//! covered, the s54(6) signature, the six-month deadline; and its model.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::i18n::Words;
use crate::model::date::Date;
use crate::model::period::Period;
use crate::model::{Approval, Area, Signature, Statement};
use crate::raw::{APPROVAL_MARKS, SIGNATURE_MARKS, STATEMENT_MARKS, StatementFile};

use super::documents::Parsed;

/// The six areas of s54(5) of the Modern Slavery Act 2015, in order: key, letter, and the
/// Act's wording in English for authors' messages (readers see `s54.KEY` of the theme's
/// translation table).
pub const AREAS: [(&str, &str, &str); 6] = [
    (
        "structure",
        "(a)",
        "The organisation's structure, its business and its supply chains",
    ),
    (
        "policies",
        "(b)",
        "Its policies in relation to slavery and human trafficking",
    ),
    (
        "due-diligence",
        "(c)",
        "Its due diligence processes in its business and supply chains",
    ),
    (
        "risk",
        "(d)",
        "The parts of its business and supply chains where there is a risk of slavery and human trafficking, and the steps taken to assess and manage that risk",
    ),
    (
        "effectiveness",
        "(e)",
        "Its effectiveness in ensuring slavery and human trafficking is not taking place, measured against performance indicators",
    ),
    (
        "training",
        "(f)",
        "The training about slavery and human trafficking available to its staff",
    ),
];

pub fn check(
    s: &Parsed<StatementFile>,
    url: String,
    year_starts: u32,
    site: &crate::registry::Body,
    words: &Words,
    anchors: &BTreeMap<String, String>,
    problems: &mut Vec<Diagnostic>,
) -> Statement {
    let f = &s.front;
    let ids: Vec<&str> = s.body.headings.iter().map(|h| h.id.as_str()).collect();
    for key in f.areas.keys().chain(f.not_covered.keys()) {
        if !AREAS.iter().any(|(k, ..)| k == key) {
            let section = if f.areas.contains_key(key) {
                "areas"
            } else {
                "not_covered"
            };
            let hint = match did_you_mean(key, AREAS.iter().map(|(k, ..)| *k)) {
                Some(best) => format!("did you mean '{best}'?"),
                None => format!(
                    "the areas are: {}",
                    AREAS
                        .iter()
                        .map(|(k, ..)| *k)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            problems.push(
                s.error_at(
                    &format!("{section}.{key}#key"),
                    format!("'{key}' is not one of the six areas of section 54(5)"),
                )
                .with_hint(hint),
            );
        }
    }
    let mut areas = Vec::new();
    for (key, letter, name) in AREAS {
        // In a translation, the heading in the place of the original's (`anchors`).
        let anchor = f.areas.get(key).map(|id| anchors.get(id).unwrap_or(id));
        let reason = f.not_covered.get(key);
        let mut heading = None;
        match (anchor, reason) {
            (Some(id), _) => match s.body.headings.iter().find(|h| &h.id == id) {
                Some(h) => {
                    if section_is_empty(&s.body.html, &h.id, h.level) {
                        problems.push(
                            s.warning_at(&format!("areas.{key}"), format!("the heading '{}', which covers area {letter}, has nothing under it, so the site would say an empty section covers {}", h.text, name.to_lowercase()))
                                .with_hint("write what the statement says about this area under its heading, or list the area under `not_covered:` with the reason"),
                        );
                    }
                    heading = Some(h.text.clone());
                }
                None => {
                    let hint = match did_you_mean(id, ids.iter().copied()) {
                        Some(best) => format!("did you mean '{best}'?"),
                        None if ids.is_empty() => "the statement has no headings; add a '## ' heading for this area".into(),
                        None => format!("the headings' ids are: {}", ids.join(", ")),
                    };
                    problems.push(s.error_at(&format!("areas.{key}"), format!("no heading in the statement has the id '{id}'")).with_hint(hint));
                }
            },
            (None, Some(_)) => {}
            (None, None) => problems.push(
                s.error_at(if f.areas.is_empty() { "title" } else { "areas#key" }, format!("the statement does not cover area {letter}, {}", name.to_lowercase()))
                    .with_hint(format!("map it to a heading under `areas:` (`{key}: heading-id`), or say why under `not_covered:`")),
            ),
        }
        areas.push(Area {
            key,
            letter,
            name: words.word(&format!("s54.{key}")).to_string(),
            anchor: anchor.cloned(),
            heading,
            reason: reason.cloned(),
        });
    }
    s.marks("illustrative", &f.illustrative, STATEMENT_MARKS, problems);
    if let Some((message, hint)) = f.period.wrong_form(year_starts) {
        problems.push(s.error_at("period", message).with_hint(hint));
    }
    s.marks(
        "approval.illustrative",
        &f.approval.illustrative,
        APPROVAL_MARKS,
        problems,
    );
    approval_gaps(s, problems);
    let published_illustrative = f.illustrative.field("published");
    let period_illustrative = f.illustrative.field("period");
    let deadline = f.period.end(year_starts).add_months(6);
    let required = f.basis == crate::model::Basis::Required;
    let on_time = match f.published {
        // A draft's date comes when it is published.
        None if f.draft => None,
        None if !required => {
            problems.push(
                s.warning_at("period", "the statement gives no publication date, so readers cannot see when it came out and the feed cannot date it")
                    .with_hint("add `published:` with the date the statement says, as precisely as it says it (2020-09-30, 2020-09 or 2020), or `draft: true` while it is being written"),
            );
            None
        }
        None => {
            problems.push(
                s.warning_at("period", "the statement gives no publication date, so whether it came out within six months of its period's end cannot be judged")
                    .with_hint("add `published:` with the date the statement says, as precisely as it says it (2020-09-30, 2020-09 or 2020); the Home Office asks for statements within six months of the year's end"),
            );
            None
        }
        Some(published) => {
            published_before_end(s, "published", published, f.period, year_starts, problems);
            judge(published, deadline)
                .filter(|_| required && !published_illustrative && !period_illustrative)
        }
    };
    if on_time == Some(false)
        && let Some(published) = f.published
    {
        problems.push(
            s.warning_at(
                "published",
                format!(
                    "published {} after the deadline of {}",
                    on_or_in(published),
                    deadline.long()
                ),
            )
            .with_hint("a statement is due six months after its period ends"),
        );
    }
    crate::registry::check(
        f.registry.as_ref(),
        &|path, message| s.error_at(path, message),
        problems,
    );
    let approval = Approval {
        approved_by: f.approval.approved_by.clone(),
        approved_on: f.approval.approved_on,
        signed_by: f
            .approval
            .signed_by
            .iter()
            .map(|s| Signature {
                name: s.name.clone(),
                role: s.role.clone(),
                signed_on: s.signed_on,
                illustrative: s.illustrative.all(),
                illustrative_fields: s.illustrative.fields(),
            })
            .collect(),
        illustrative: f.approval.illustrative.all(),
        illustrative_fields: f.approval.illustrative.fields(),
    };
    let period_span = words.span(f.period, year_starts);
    let registry = crate::registry::summary(
        f.registry.as_ref(),
        &crate::registry::Known {
            organisations: site.organisations.clone(),
            sector: site.sector,
            budget: site.budget,
            period_start: f.period.start(year_starts),
            period_end: f.period.end(year_starts),
            approval: &approval,
            areas: &areas,
        },
        words,
    );
    Statement {
        title: f.title.clone(),
        period: f.period,
        period_span,
        period_start: f.period.start(year_starts),
        period_end: f.period.end(year_starts),
        slug: f.period.slug(),
        url,
        basis: f.basis,
        published: f.published,
        published_illustrative,
        period_illustrative,
        feed_date: f
            .published
            .map_or(f.period.end(year_starts), Date::earliest),
        feed_published: f.published.filter(|d| {
            d.precision() == crate::model::date::Precision::Day && !published_illustrative
        }),
        deadline,
        on_time,
        summary: f.summary.clone(),
        draft: f.draft,
        approval,
        areas,
        body_html: s.body.html.clone(),
        intro_html: s.body.html[..first_heading(&s.body.html)].into(),
        sections_html: s.body.html[first_heading(&s.body.html)..].into(),
        toc: s.body.headings.clone(),
        update_urls: Vec::new(),
        registry,
        history: crate::model::History::default(),
        source: s.source.path.clone(),
    }
}

/// `on 30 September 2020`, `in September 2020`, `in 2020`.
pub fn on_or_in(date: Date) -> String {
    match date.precision() {
        crate::model::date::Precision::Day => format!("on {}", date.long()),
        _ => format!("in {}", date.long()),
    }
}

/// Whether a publication date falls within the deadline: `None` when the date is too coarse
/// to tell (`2020` against a deadline of 30 September 2020).
pub fn judge(published: Date, deadline: Date) -> Option<bool> {
    if published.latest() <= deadline {
        Some(true)
    } else if published.earliest() > deadline {
        Some(false)
    } else {
        None
    }
}

/// An error when a statement or update says it was published before its period ended: a
/// report on a period cannot come out before the period is over.
pub fn published_before_end<T>(
    doc: &Parsed<T>,
    path: &str,
    published: Date,
    period: Period,
    year_starts: u32,
    problems: &mut Vec<Diagnostic>,
) {
    let end = period.end(year_starts);
    if published.latest() <= end {
        problems.push(
            doc.error_at(
                path,
                format!(
                    "published {}, but the period {period} ends on {}: a report cannot come out before its period is over",
                    on_or_in(published),
                    end.long()
                ),
            )
            .with_hint("check the date's year and the period: a report comes out after the period it covers has ended"),
        );
    }
}

/// Warnings for what section 54(6) of the Modern Slavery Act 2015 asks of a statement that
/// the front matter does not give (approval by the board or equivalent, a signature), and an
/// error for a signature that names nobody.
fn approval_gaps(s: &Parsed<StatementFile>, problems: &mut Vec<Diagnostic>) {
    let a = &s.front.approval;
    let place = |paths: &[&'static str]| {
        paths
            .iter()
            .copied()
            .find(|p| s.spans.get(p).is_some())
            .unwrap_or("title")
    };
    if a.approved_by.is_none() {
        problems.push(
            s.warning_at(place(&["approval"]), "the statement does not say who approved it")
                .with_hint("section 54(6) of the Modern Slavery Act 2015 asks that a statement be approved by the board (or equivalent); add `approved_by:` as the statement names it, or leave it out if the statement does not say"),
        );
    }
    if a.signed_by.is_empty() {
        problems.push(
            s.warning_at(place(&["approval.signed_by", "approval"]), "the statement does not say who signed it")
                .with_hint("section 54(6) of the Modern Slavery Act 2015 asks for a director's (or equivalent's) signature; add `signed_by:` with the signatory's role or name, as the statement gives them"),
        );
    }
    for (i, sig) in a.signed_by.iter().enumerate() {
        let path = format!("approval.signed_by[{i}]");
        s.marks(
            &format!("{path}.illustrative"),
            &sig.illustrative,
            SIGNATURE_MARKS,
            problems,
        );
        if sig.name.is_none() && sig.role.is_none() {
            problems.push(
                s.error_at(&path, "a signature names nobody")
                    .with_hint("give the signatory's `role` (such as Chief Constable), their `name` where the statement gives it, or both"),
            );
        }
    }
}

/// Whether the section under the heading `id` (of `level`) in rendered Markdown holds
/// nothing before the next heading of its level or above: no text, list or table.
fn section_is_empty(html: &str, id: &str, level: u8) -> bool {
    let Some(at) = html.find(&format!("id=\"{id}\"")) else {
        return false;
    };
    let close = format!("</h{level}>");
    let Some(end) = html[at..].find(&close).map(|e| at + e + close.len()) else {
        return false;
    };
    let rest = &html[end..];
    let next = (1..=level)
        .filter_map(|l| rest.find(&format!("<h{l}")))
        .min()
        .unwrap_or(rest.len());
    rest[..next].trim().is_empty()
}

/// Where the first heading (`<h1>` to `<h6>`) of rendered Markdown starts, or its end when
/// it has none: what comes before is the body's opening words. (Text `<h2` in the Markdown
/// is escaped, so only a heading's tag matches.)
fn first_heading(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(at) = html[from..].find("<h") {
        let at = from + at;
        if bytes.get(at + 2).is_some_and(|b| (b'1'..=b'6').contains(b)) {
            return at;
        }
        from = at + 2;
    }
    html.len()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_section_is_empty_only_with_nothing_before_the_next_heading_of_its_level() {
        let html = "<h2 id=\"a\">A</h2>\n<h2 id=\"b\">B</h2>\n<p>Text.</p>\n<h2 id=\"c\">C</h2>\n<h3 id=\"d\">D</h3>\n";
        assert!(super::section_is_empty(html, "a", 2));
        assert!(!super::section_is_empty(html, "b", 2));
        // A subheading is something under it.
        assert!(!super::section_is_empty(html, "c", 2));
        assert!(super::section_is_empty(html, "d", 3));
    }

    #[test]
    fn opening_words_end_at_the_first_heading() {
        let html = "<p>We are a council.</p>\n<hr />\n<h2 id=\"a\">A</h2>\n<p>x</p>";
        assert_eq!(
            &html[..super::first_heading(html)],
            "<p>We are a council.</p>\n<hr />\n"
        );
        assert_eq!(super::first_heading("<p>no headings</p>"), 18);
        assert_eq!(super::first_heading("<h3>x</h3>"), 0);
    }
}
