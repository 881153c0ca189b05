//! The minijinja environment: strict undefined values, HTML escaping by file extension,
//! the theme's templates, and the functions and filters templates use (`url`, `abs_url`,
//! `t`, `long_date`, `label`, `slug`, `link_title`, `marked`; the tests `whole_day`,
//! `whole_month`, `untranslated` and `wholly_untranslated`); and template errors as
//! diagnostics.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::Arc;

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, UndefinedBehavior};

use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::model::date::Date;
use crate::model::period::Period;
use crate::theme::Theme;

/// A template error as a diagnostic at the template's file, line and column.
pub(super) fn template_error(
    env: &Environment<'_>,
    origins: &BTreeMap<String, String>,
    err: &Error,
) -> Diagnostic {
    let name = err.name().unwrap_or("").to_string();
    let (origin, text) = env
        .get_template(&name)
        .ok()
        .map(|t| {
            (
                origins.get(&name).cloned().unwrap_or_else(|| name.clone()),
                t.source().to_string(),
            )
        })
        .unwrap_or_else(|| {
            (
                name.clone(),
                err.template_source().unwrap_or("").to_string(),
            )
        });
    let mut message = err.kind().to_string();
    if let Some(detail) = err.detail() {
        message = format!("{message}: {detail}");
    }
    let mut d = Diagnostic::error(origin, format!("template error: {message}"));
    if let Some(line) = err.line() {
        let column = err
            .range()
            .and_then(|r| {
                text.get(..r.start)
                    .map(|before| before.rsplit('\n').next().unwrap_or("").chars().count() + 1)
            })
            .unwrap_or(1);
        d = d.at(&text, line, column);
        if let Some(r) = err.range() {
            d = d.with_width(
                text.get(r)
                    .map_or(1, |s| s.lines().next().unwrap_or("").chars().count()),
            );
        }
    }
    d.with_hint(
        "fix the template; templates/ in the site root overrides the theme's file of the same name",
    )
}

pub(super) fn environment(
    site: &Site,
    theme: &Theme,
) -> Result<Environment<'static>, Vec<Diagnostic>> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|name| {
        if [".html", ".htm", ".xml", ".svg"]
            .iter()
            .any(|ext| name.ends_with(ext))
        {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    env.set_syntax(
        SyntaxConfig::builder()
            .keep_trailing_newline(true)
            .build()
            .unwrap_or_default(),
    );
    // minijinja's HTML escaping also writes `/` as `&#x2f;`; URLs read better, and built-site
    // diffs stay clean, when only the five characters that matter are escaped. Text is
    // escaped straight into the output, with no copy of it on the way.
    env.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), AutoEscape::Html) && !value.is_safe() {
            let written = if let Some(text) = value.as_str() {
                write_escaped(out, text)
            } else if value.is_number() {
                // Digits, signs and points: nothing to escape.
                write!(out, "{value}")
            } else {
                return minijinja::escape_formatter(out, state, value);
            };
            return written
                .map_err(|_| Error::new(minijinja::ErrorKind::WriteFailure, "write failed"));
        }
        minijinja::escape_formatter(out, state, value)
    });
    let base_path = crate::routes::base_path(&site.config.base_url);
    let base_url = site.config.base_url.clone();
    env.add_function("url", move |path: &str| format!("{base_path}{path}"));
    env.add_function("abs_url", move |path: &str| format!("{base_url}{path}"));
    let words = theme.words(&site.config.language);
    let w = Arc::clone(&words);
    // `text is untranslated`: text (or HTML) holding text not yet in the page's language,
    // between `i18n::UNTRANSLATED`'s marks; the Atom feed gives such an element the default
    // language's `xml:lang`, as rendering drops the marks in anything but HTML.
    env.add_test("untranslated", |text: &str| {
        let [open, _, open_block, _] = crate::i18n::UNTRANSLATED;
        text.contains([open, open_block])
    });
    // `title|link_title`: a link's text that names another page. When the title is not yet
    // translated (marked), it is shown as in the default language (`lang`) with a short
    // marker after it (`untranslated.link`, "(Saesneg yn unig)"), and without the marks, so
    // a link to an untranslated page does not put the page-wide note on every page that
    // links to it (the footer's). Escaped like any text.
    let default_language = crate::i18n::primary(
        site.config
            .languages
            .first()
            .unwrap_or(&site.config.language),
    )
    .to_string();
    let feed_language = default_language.clone();
    let marker = escape_html(words.word("untranslated.link"));
    env.add_filter("link_title", move |title: &str| {
        let [open, close, ..] = crate::i18n::UNTRANSLATED;
        match title.strip_prefix(open).and_then(|t| t.strip_suffix(close)) {
            Some(inner) if !inner.contains([open, close]) => Value::from_safe_string(format!(
                "<span lang=\"{default_language}\" class=\"untranslated\">{}</span> <span class=\"untranslated-link\">{marker}</span>",
                escape_html(inner)
            )),
            _ => Value::from(title),
        }
    });
    // `html is wholly_untranslated`: every text of `html` (outside its tags) is between
    // untranslated text's marks: the Atom feed's `content` is then all in the default
    // language (its `xml:lang`); otherwise it is in the feed's, with `html|marked` marking
    // the untranslated parts inside it.
    env.add_test("wholly_untranslated", wholly_untranslated);
    // `html|marked`: HTML for an Atom feed's escaped `content` (not yet escaped: the
    // feed's escaping does that) with its untranslated parts in elements with the default
    // language's `lang`, as the HTML page has them (`render::untranslated`); all of it
    // untranslated, the marks are dropped, as the `content`'s `xml:lang` says so.
    env.add_filter("marked", move |html: &str| marked(html, &feed_language));
    // `iso is whole_day`: a date given to the day (not a month or a year), as Date reads it.
    env.add_test("whole_day", |iso: &str| {
        Date::parse(iso).is_ok_and(|d| d.precision() == crate::model::date::Precision::Day)
    });
    // `iso is whole_month`: a date given to the month.
    env.add_test("whole_month", |iso: &str| {
        Date::parse(iso).is_ok_and(|d| d.precision() == crate::model::date::Precision::Month)
    });
    env.add_filter("long_date", move |iso: &str| {
        Date::parse(iso)
            .map(|d| w.long_date(d))
            .unwrap_or_else(|_| iso.to_string())
    });
    // `name|the`: a name after "by", "of" or "under", with "the" before it once ("the
    // Board", "the Police and Crime Commissioner" from "The Police and Crime Commissioner").
    let w = Arc::clone(&words);
    env.add_filter("the", move |name: &str| w.with_the(name));
    let w = Arc::clone(&words);
    env.add_filter("label", move |word: &str| {
        w.label(word)
            .map_or_else(|| word.to_string(), str::to_string)
    });
    // `t("key", name=value)`: the words for `key` in the site's language, each `{name}`
    // filled with its value (escaped, unless the value is already safe HTML, such as a
    // macro's output). The words themselves are the theme's, trusted like its templates.
    // Each key's words are made a template value once: a call without arguments, most of
    // them, returns it as it is (`fill` with no arguments changes nothing).
    let table: HashMap<String, Value> = words
        .keys()
        .map(|key| {
            (
                key.to_string(),
                Value::from_safe_string(words.word(key).to_string()),
            )
        })
        .collect();
    let language = words.language.clone();
    env.add_function(
        "t",
        move |key: &str, kwargs: minijinja::value::Kwargs| -> Result<Value, Error> {
            let words = table.get(key).ok_or_else(|| {
                Error::new(
                    minijinja::ErrorKind::UndefinedError,
                    format!("`{key}` is not in the {language} translation table"),
                )
            })?;
            if kwargs.args().next().is_none() {
                return Ok(words.clone());
            }
            let mut args = Vec::new();
            for name in kwargs.args() {
                let value: Value = kwargs.get(name)?;
                let shown = match value.as_str() {
                    Some(s) if value.is_safe() => s.to_string(),
                    Some(s) => escape_html(s),
                    None => escape_html(&value.to_string()),
                };
                args.push((name, shown));
            }
            kwargs.assert_all_used()?;
            let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
            let text = words.as_str().unwrap_or_default();
            Ok(Value::from_safe_string(crate::i18n::fill(text, &args)))
        },
    );
    env.add_filter("slug", |period: &str| {
        Period::parse(period)
            .map(Period::slug)
            .unwrap_or_else(|_| period.to_string())
    });
    let mut problems = Vec::new();
    for (name, t) in &theme.templates {
        if let Err(e) = env.add_template_owned(name.clone(), t.text.clone()) {
            let mut d = template_error(&env, &BTreeMap::new(), &e);
            d.file = t.origin.clone();
            if let Some(line) = e.line() {
                let column = d.column;
                d = d.at(&t.text, line, column);
            }
            problems.push(d);
        }
    }
    if problems.is_empty() {
        Ok(env)
    } else {
        Err(problems)
    }
}

/// Whether every text of `html` outside its tags is between `i18n::UNTRANSLATED`'s marks
/// (at least one pair): "Dim" or `<p>Dim</p>` with English between marks around it is not.
fn wholly_untranslated(html: &str) -> bool {
    let [open, close, open_block, close_block] = crate::i18n::UNTRANSLATED;
    let (mut depth, mut in_tag, mut any) = (0usize, false, false);
    for c in html.chars() {
        match c {
            c if c == open || c == open_block => {
                depth += 1;
                any = true;
            }
            c if c == close || c == close_block => depth = depth.saturating_sub(1),
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if depth == 0 && !in_tag && !c.is_whitespace() => return false,
            _ => {}
        }
    }
    any
}

/// `html` with its untranslated parts (between `i18n::UNTRANSLATED`'s marks) in elements
/// with `lang`: `<span lang="en" class="untranslated">` inline, `<div ...>` for blocks; the
/// marks alone dropped when all of it is untranslated (`wholly_untranslated`).
fn marked(html: &str, lang: &str) -> String {
    let [open, close, open_block, close_block] = crate::i18n::UNTRANSLATED;
    if wholly_untranslated(html) {
        return html.replace([open, close, open_block, close_block], "");
    }
    let mut out = String::with_capacity(html.len() + 64);
    for c in html.chars() {
        match c {
            c if c == open => {
                out.push_str(&format!("<span lang=\"{lang}\" class=\"untranslated\">"));
            }
            c if c == open_block => {
                out.push_str(&format!("<div lang=\"{lang}\" class=\"untranslated\">"));
            }
            c if c == close => out.push_str("</span>"),
            c if c == close_block => out.push_str("</div>"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes `& < > " '` for HTML text and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let _ = write_escaped(&mut out, text);
    out
}

/// Writes `text` to `out` with `& < > " '` escaped, the text between them as whole slices.
fn write_escaped(out: &mut impl fmt::Write, text: &str) -> fmt::Result {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
        out.write_str(&rest[..at])?;
        out.write_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        })?;
        rest = &rest[at + 1..];
    }
    out.write_str(rest)
}
