//! `content/site.yaml` → the validated site settings.

use std::sync::Arc;

use crate::contrast;
use crate::diagnostic::Diagnostic;
use crate::markdown::anchors::Reserved;
use crate::markdown::{self, Origin, Rendered, Settings};
use crate::model::{Config, Sector};
use crate::raw::{Contact, SiteFile};
use crate::source::Source;
use crate::source::classify::is_language_tag;
use crate::source::yaml::{Document, Spans};

/// Command-line settings that override site.yaml.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    pub base_url: Option<String>,
    /// Keep drafts (`draft: true`) in the site: `serve` by default, `build --drafts`.
    pub drafts: bool,
    /// Check deadlines against a day: `check` only, so a build never reads the clock.
    pub deadlines: Option<super::deadlines::Options>,
    /// Read each file's history from git, when the site is in a repository: last-updated
    /// dates, change histories and the changes page. Off by default (and with `--no-git`).
    pub git: bool,
}

/// The theme `site.yaml` names, read before anything else is checked (the theme's ids shape
/// the Markdown's); `default` when it names none or cannot be read, which `validate` reports.
pub fn theme_name(source: &Source) -> String {
    let doc = Document {
        source,
        yaml: &source.text,
        line_offset: 0,
    };
    doc.parse::<SiteFile>("site settings file")
        .ok()
        .and_then(|(raw, _)| raw.theme)
        .unwrap_or_else(|| "default".into())
}

/// The site's languages, the default first, read before anything else is checked (each is
/// a version of the site to check and build): `languages`, or the one `language` (default
/// `en-GB`) when it gives none or cannot be read, which `validate` reports.
pub fn languages(source: &Source) -> Vec<String> {
    let doc = Document {
        source,
        yaml: &source.text,
        line_offset: 0,
    };
    let raw = doc
        .parse::<SiteFile>("site settings file")
        .ok()
        .map(|(raw, _)| raw);
    match raw {
        // Given both (an error), `languages` is the one kept: the error says to remove
        // `language`, and translation files then are not also refused one by one.
        Some(SiteFile {
            languages: Some(tags),
            ..
        }) if !tags.is_empty() && tags.iter().all(|t| is_language_tag(t)) => {
            let mut seen = Vec::new();
            for t in tags {
                if !seen.contains(&t) {
                    seen.push(t);
                }
            }
            seen
        }
        Some(SiteFile {
            language: Some(tag),
            ..
        }) => vec![tag],
        _ => vec!["en-GB".into()],
    }
}

/// Markdown `site.yaml` holds, rendered: the notice (on every page) and the accessibility
/// statement's exemptions, whose links are checked with the rest of the site's. Also where
/// `reporting.updates` is written, for what `check` says of the updates it promises.
#[derive(Default)]
pub struct SiteMarkdown {
    pub notice: Option<Rendered>,
    pub exemptions: Option<Rendered>,
    /// A diagnostic placed at `reporting.updates` (its message empty); `None` without one.
    pub updates_at: Option<Diagnostic>,
}

/// Reads and checks `site.yaml`; its Markdown's headings keep clear of `reserved`, and the
/// Markdown goes into `markdown`. `version` is the language of the site being checked, by
/// its place in `languages` (0, the default, for most sites).
pub fn validate(
    source: &Source,
    overrides: &Overrides,
    reserved: &Reserved,
    markdown: &mut SiteMarkdown,
    problems: &mut Vec<Diagnostic>,
    version: usize,
) -> Option<(Config, Settings)> {
    let doc = Document {
        source,
        yaml: &source.text,
        line_offset: 0,
    };
    let (raw, spans): (SiteFile, Spans) = match doc.parse("site settings file") {
        Ok(ok) => ok,
        Err(mut d) => {
            problems.append(&mut d);
            return None;
        }
    };
    let before = problems.len();
    let languages = languages(source);
    if raw.language.is_some() && raw.languages.is_some() {
        problems.push(
            doc.error_at(&spans, "language#key", "give `language` or `languages`, not both")
                .with_hint("a bilingual site lists its languages, the default first: `languages: [en, cy]`; remove `language`"),
        );
    }
    if let Some(tags) = &raw.languages {
        if tags.is_empty() {
            problems.push(
                doc.error_at(&spans, "languages", "`languages` lists no language")
                    .with_hint(
                        "list the site's languages, the default first: `languages: [en, cy]`",
                    ),
            );
        }
        for (i, tag) in tags.iter().enumerate() {
            let path = format!("languages[{i}]");
            if !is_language_tag(tag) {
                problems.push(
                    doc.error_at(&spans, &path, format!("'{tag}' is not a language tag"))
                        .with_hint("write a language as its two-letter code, such as en or cy"),
                );
            } else if tags[..i].contains(tag) {
                problems.push(doc.error_at(&spans, &path, format!("'{tag}' is listed twice")));
            } else if tags[..i]
                .iter()
                .any(|t| t.split('-').next() == tag.split('-').next())
            {
                problems.push(
                    doc.error_at(
                        &spans,
                        &path,
                        format!(
                            "a second version of '{}'",
                            tag.split('-').next().unwrap_or(tag)
                        ),
                    )
                    .with_hint(
                        "each language is one version of the site, under its two-letter code",
                    ),
                );
            }
        }
    }
    let language = languages
        .get(version)
        .cloned()
        .unwrap_or_else(|| "en-GB".into());
    markdown.updates_at = raw
        .reporting
        .as_ref()
        .and_then(|r| r.updates)
        .map(|_| doc.warning_at(&spans, "reporting.updates", ""));

    let base_url = overrides
        .base_url
        .clone()
        .or(raw.base_url.clone())
        .unwrap_or_else(|| "/".into());
    // `--base-url` was checked when the arguments were read (`scheme::web_address`).
    if crate::scheme::web_address(&base_url).is_err() && overrides.base_url.is_none() {
        problems.push(
            doc.error_at(
                &spans,
                "base_url",
                format!("'{base_url}' is not a web address"),
            )
            .with_hint("write it as https://example.org/ or leave it out"),
        );
    }
    if raw.base_url.is_none() && overrides.base_url.is_none() {
        problems.push(
            Diagnostic::warning(&source.path, "no `base_url`: the feed and sitemap.xml need the site's full web address")
                .at(&source.text, 1, 1)
                .with_hint("add `base_url: https://...` with the address the site is published at, or pass --base-url"),
        );
    }
    let organisations: Vec<String> = match (&raw.organisation, raw.organisations.as_slice()) {
        (Some(one), []) => vec![one.clone()],
        (None, several) if !several.is_empty() => several.iter().map(|o| o.name.clone()).collect(),
        (Some(_), _) => {
            problems.push(
                doc.error_at(&spans, "organisations", "both `organisation` and `organisations` are given")
                    .with_hint("give `organisation:` for one body, or list every body of a joint statement under `organisations:`"),
            );
            Vec::new()
        }
        (None, _) => {
            problems.push(
                Diagnostic::error(&source.path, "site.yaml does not say who publishes the site")
                    .at(&source.text, 1, 1)
                    .with_hint("add `organisation: NAME` for one body, or `organisations:` with a `- name:` line for each body of a joint statement"),
            );
            Vec::new()
        }
    };
    for (i, name) in organisations.iter().enumerate() {
        if name.trim().is_empty() {
            let path = if raw.organisation.is_some() {
                "organisation".to_string()
            } else {
                format!("organisations[{i}].name")
            };
            problems.push(
                doc.error_at(&spans, &path, "the organisation's name is empty")
                    .with_hint("write the body's name as it writes it"),
            );
        }
    }
    let mut aspect_ids: Vec<&str> = Vec::new();
    for (i, a) in raw.aspects.iter().enumerate() {
        if a.id.is_empty()
            || !a
                .id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            problems.push(
                doc.error_at(
                    &spans,
                    &format!("aspects[{i}].id"),
                    format!("'{}' is not a usable id", a.id),
                )
                .with_hint("ids use letters, digits, '-' and '_' only, such as force-capability"),
            );
        } else if aspect_ids.contains(&a.id.as_str()) {
            problems.push(
                doc.error_at(
                    &spans,
                    &format!("aspects[{i}].id"),
                    format!("a second aspect with the id '{}'", a.id),
                )
                .with_hint("give each aspect its own id"),
            );
        }
        aspect_ids.push(&a.id);
    }
    if organisations
        .iter()
        .any(|n| n.trim() == crate::init::PLACEHOLDER_NAME)
    {
        problems.push(
            doc.error_at(
                &spans,
                "organisation",
                "the organisation's name is still the starter's placeholder",
            )
            .with_hint("write the body's name as it writes it, such as Derbyshire Constabulary"),
        );
    }
    let a = &raw.accessibility;
    if a.prepared_on.is_none() {
        problems.push(
            Diagnostic { severity: crate::diagnostic::Severity::Warning, ..doc.error_at(&spans, "accessibility", "the accessibility statement does not say when it was prepared") }
                .with_hint("the accessibility regulations' model statement gives the date it was prepared: add `prepared_on:` under `accessibility:`"),
        );
    }
    if a.tested_on.is_none() || a.tested_by.is_none() {
        problems.push(
            Diagnostic { severity: crate::diagnostic::Severity::Warning, ..doc.error_at(&spans, "accessibility", "the accessibility statement does not say when and how the site was last tested") }
                .with_hint("test the site against WCAG 2.2 AA, then add `tested_on:` and `tested_by:` under `accessibility:`; the model statement asks for both"),
        );
    }
    let colour = raw.colour.clone().unwrap_or_else(|| "#1d3c6e".into());
    let mut colour_text = "#ffffff".to_string();
    match contrast::parse_hex(&colour) {
        None => problems.push(
            doc.error_at(&spans, "colour", format!("'{colour}' is not a colour"))
                .with_hint("write the colour as #rrggbb, for example #1d3c6e"),
        ),
        Some(rgb) => {
            let (white, black) = (
                contrast::ratio(rgb, contrast::WHITE),
                contrast::ratio(rgb, contrast::BLACK),
            );
            if white < 4.5 && black < 4.5 {
                problems.push(
                    doc.error_at(&spans, "colour", format!(
                        "text on {colour} would fail the 4.5:1 contrast minimum (white {white:.2}:1, black {black:.2}:1)"
                    ))
                    .with_hint("choose a darker or lighter organisation colour"),
                );
            } else if white < 4.5 {
                colour_text = "#0b0c0c".into();
                problems.push(
                    Diagnostic { severity: crate::diagnostic::Severity::Warning, ..doc.error_at(&spans, "colour", format!(
                        "white text on {colour} fails the 4.5:1 contrast minimum ({white:.2}:1), so the header text will be black"
                    )) }
                    .with_hint("use a darker colour if the header should have white text"),
                );
            }
        }
    }
    let reporting = raw.reporting.unwrap_or_default();
    let year_starts = reporting.year_starts.unwrap_or(4);
    if !(1..=12).contains(&year_starts) {
        problems.push(
            doc.error_at(
                &spans,
                "reporting.year_starts",
                format!("{year_starts} is not a month"),
            )
            .with_hint(
                "give the month the reporting year starts in as a number from 1 to 12; 4 is April",
            ),
        );
    }
    match (reporting.update_due_months, reporting.updates.unwrap_or_default()) {
        (Some(0), _) => problems.push(
            doc.error_at(&spans, "reporting.update_due_months", "an update cannot be due the day its period ends")
                .with_hint("give the number of months after the period's end that the body says its update is due, such as 1"),
        ),
        (Some(m), _) if m > 12 => problems.push(
            doc.error_at(&spans, "reporting.update_due_months", format!("{m} months is more than a year after the period"))
                .with_hint("give the number of months after the period's end that the body says its update is due, from 1 to 12"),
        ),
        (Some(_), crate::model::Cadence::None) => problems.push(
            doc.warning_at(&spans, "reporting.update_due_months", "the site publishes no updates (`reporting.updates` is none or not given), so no update is due")
                .with_hint("set `reporting.updates: six-monthly` or `annual`, or remove `update_due_months`"),
        ),
        _ => {}
    }
    if let Some(report) = &raw.report {
        for (key, number) in [
            ("emergency", &report.emergency),
            ("helpline", &report.helpline),
            ("non_emergency", &report.non_emergency),
        ] {
            let Some(number) = number else { continue };
            if key == "non_emergency" && number == NONE {
                continue;
            }
            if let Some(why) = not_a_phone_number(number) {
                let hint = if key == "non_emergency" {
                    "write the number as people dial it, such as \"101\" or \"0300 122 8694\"; `none` leaves the line out"
                } else {
                    "write the number as people dial it, such as \"999\" or \"08000 121 700\""
                };
                problems.push(
                    doc.error_at(
                        &spans,
                        &format!("report.{key}"),
                        format!("'{number}' is not a phone number: {why}"),
                    )
                    .with_hint(hint),
                );
            }
        }
    }
    let mut settings = markdown::Settings {
        unsafe_html: raw.markdown.is_some_and(|m| m.unsafe_html),
        base_path: crate::routes::base_path(&base_url),
        routes: crate::routes::Routes::of_version(version, &language),
        reserved: Arc::new(reserved.clone()),
    };
    let render_md = |text: &str, path: &str, template, settings: &markdown::Settings| {
        let (line, _) = spans.get(path).unwrap_or((1, 1));
        // Markdown not yet translated (marked whole as inline text by `check::translate`)
        // is rendered as it is and its HTML marked as blocks: the mark cannot span
        // paragraphs.
        let [open, close, ..] = crate::i18n::UNTRANSLATED;
        let whole = text
            .strip_prefix(open)
            .and_then(|t| t.strip_suffix(close))
            .filter(|t| !t.contains([open, close]));
        let mut rendered = markdown::render(
            whole.unwrap_or(text),
            &Origin {
                file: &source.path,
                text: &source.text,
                line_offset: line - 1,
                template,
            },
            settings,
        );
        if whole.is_some() {
            rendered.html = crate::i18n::mark_block(&rendered.html).into();
        }
        rendered
    };
    // The notice first: every page shows it, so every other heading keeps clear of its ids.
    let mut notice_html = None;
    let mut notice_ids = std::collections::BTreeSet::new();
    if let Some(text) = &raw.notice {
        let mut notice = render_md(text, "notice", None, &settings);
        problems.append(&mut notice.diagnostics);
        notice_ids = notice.headings.iter().map(|h| h.id.clone()).collect();
        notice_html = Some(notice.html.to_string());
        markdown.notice = Some(notice);
    }
    settings.reserved = Arc::new(reserved.after_notice(notice_ids));
    let mut exemptions_html = None;
    if let Some(text) = &raw.accessibility.exemptions {
        let exemptions = render_md(
            text,
            "accessibility.exemptions",
            Some("accessibility.html"),
            &settings,
        );
        let mut exemptions = exemptions;
        problems.append(&mut exemptions.diagnostics);
        exemptions_html = Some(exemptions.html.to_string());
        markdown.exemptions = Some(exemptions);
    }
    for (path, value) in [("licence.url", raw.licence.as_ref().map(|l| l.url.as_str()))] {
        if let Some(url) = value
            && let Err(why) = crate::scheme::check_url(url)
        {
            problems.push(
                doc.error_at(&spans, path, why)
                    .with_hint("use an https:// address"),
            );
        }
    }
    if problems[before..].iter().any(Diagnostic::is_error) {
        return None;
    }
    Some((
        Config {
            title: raw.title,
            organisation: organisations.join(" and "),
            organisation_in_text: organisations.join(" and "),
            joint: organisations.len() > 1,
            organisations,
            aspects: raw
                .aspects
                .iter()
                .map(|a| crate::model::Aspect {
                    id: a.id.clone(),
                    title: a.title.clone(),
                    description: a.description.clone(),
                })
                .collect(),
            sector: raw.sector,
            budget: raw.budget,
            description: raw.description.unwrap_or_default(),
            base_url: base_url.trim_end_matches('/').to_string(),
            language,
            languages,
            theme: raw.theme.unwrap_or_else(|| "default".into()),
            colour,
            colour_text,
            notice_html,
            licence: raw.licence,
            contact: raw.contact.unwrap_or_else(Contact::default),
            year_starts,
            updates: reporting.updates.unwrap_or_default(),
            accessibility: raw.accessibility,
            exemptions_html,
            report: report(raw.report.unwrap_or_default(), raw.sector),
            update_due_months: reporting.update_due_months,
        },
        settings,
    ))
}

/// The emergency number, and the Modern Slavery & Exploitation Helpline's, unless the site
/// gives others (the helpline: Unseen's, run for the Home Office; see its site).
pub const EMERGENCY: &str = "999";
pub const HELPLINE: &str = "08000 121 700";
/// The police non-emergency number, given by default on a site whose `sector` is `police`.
pub const POLICE_NON_EMERGENCY: &str = "101";

/// `report.non_emergency: none`: no non-emergency line, even on a police site.
pub const NONE: &str = "none";

/// Why `number` cannot be dialled (a `tel:` link is made of its digits): `None` when it is
/// digits, spaces and `-` or `()`, with a leading `+` and at least three digits.
fn not_a_phone_number(number: &str) -> Option<&'static str> {
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let other = number.char_indices().any(|(i, c)| {
        !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')') || (i == 0 && c == '+'))
    });
    if other {
        Some("it may hold only digits, spaces, '-', brackets and a leading '+'")
    } else if digits < 3 {
        Some("it has fewer than three digits")
    } else {
        None
    }
}

/// The numbers for reporting modern slavery, defaults filled in.
fn report(raw: crate::raw::ReportNumbers, sector: Option<Sector>) -> crate::model::Report {
    let phone = |number: String| crate::model::Phone {
        tel: crate::routes::tel(&number),
        number,
    };
    crate::model::Report {
        emergency: phone(raw.emergency.unwrap_or_else(|| EMERGENCY.into())),
        helpline: phone(raw.helpline.unwrap_or_else(|| HELPLINE.into())),
        non_emergency: match raw.non_emergency {
            Some(n) if n == NONE => None,
            Some(n) => Some(phone(n)),
            None => (sector == Some(Sector::Police)).then(|| phone(POLICE_NON_EMERGENCY.into())),
        },
    }
}
