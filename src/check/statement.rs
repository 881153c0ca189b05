//! A statement's checks: the six areas of s54(5) each mapped to a heading or said not
//! covered, the s54(6) signature, the six-month deadline; and its model.

use crate::diagnostic::{Diagnostic, Severity, did_you_mean};
use crate::i18n::Words;
use crate::model::{Approval, Area, Signature, Statement};
use crate::raw::StatementFile;

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
    organisations: &[String],
    words: &Words,
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
        let anchor = f.areas.get(key);
        let reason = f.not_covered.get(key);
        let mut heading = None;
        match (anchor, reason) {
            (Some(id), _) => match s.body.headings.iter().find(|h| &h.id == id) {
                Some(h) => heading = Some(h.text.clone()),
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
    match &f.approval {
        Some(a) if a.signed_by.is_empty() => {
            problems.push(s.error_at("approval.signed_by", "the statement is not signed").with_hint("add at least one signature with role and signed_on; section 54(6) asks for a director's or equivalent's signature"));
        }
        Some(_) => {}
        None => {
            let d = s.error_at(
                "title",
                "the statement has no `approval:` yet: who approved it, when, and who signed it",
            );
            let d = if f.draft {
                Diagnostic {
                    severity: Severity::Warning,
                    ..d
                }
            } else {
                d
            };
            problems.push(d.with_hint("add `approval:` with approved_by, approved_on and signed_by (role, signed_on); section 54(6) of the Modern Slavery Act 2015"));
        }
    }
    let deadline = f.period.end(year_starts).add_months(6);
    if f.published.is_none() && !f.draft {
        problems.push(
            s.error_at("title", "the statement does not say when it was published")
                .with_hint(
                    "add `published: YYYY-MM-DD`, or `draft: true` while it is being written",
                ),
        );
    }
    if let Some(published) = f.published.filter(|p| *p > deadline) {
        let d = s.error_at(
            "published",
            format!(
                "published on {} after the deadline of {}",
                published.long(),
                deadline.long()
            ),
        );
        problems.push(
            Diagnostic {
                severity: Severity::Warning,
                ..d
            }
            .with_hint("a statement is due six months after its period ends"),
        );
    }
    crate::registry::check(
        f.registry.as_ref(),
        &|path, message| s.error_at(path, message),
        problems,
    );
    let approval = f.approval.as_ref().map(|a| Approval {
        approved_by: a.approved_by.clone(),
        approved_on: a.approved_on,
        signed_by: a
            .signed_by
            .iter()
            .map(|s| Signature {
                name: s.name.clone(),
                role: s.role.clone(),
                signed_on: s.signed_on,
            })
            .collect(),
        illustrative: a.illustrative,
    });
    let period_span = words.span(f.period, year_starts);
    let registry = crate::registry::summary(
        f.registry.as_ref(),
        &crate::registry::Known {
            organisations: organisations.to_vec(),
            period_start: f.period.start(year_starts),
            period_end: f.period.end(year_starts),
            approval: approval.as_ref(),
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
        published: f.published,
        deadline,
        on_time: f.published.is_none_or(|p| p <= deadline),
        summary: f.summary.clone(),
        draft: f.draft,
        approval,
        areas,
        body_html: s.body.html.clone(),
        toc: s.body.headings.clone(),
        update_urls: Vec::new(),
        registry,
    }
}
