//! serde's wording, rewritten for people who are not programmers: `expected a whole number,
//! 0 or more`, `did you mean 'title'?`, `write 85, without the % sign`.

use crate::diagnostic::did_you_mean;
use crate::model::scalar::HINT_MARK;

/// serde's wording, rewritten for people who are not programmers.
pub(super) fn humanise(raw: &str) -> (String, Option<String>) {
    if let Some(i) = raw.find(HINT_MARK) {
        return (
            raw[..i].to_string(),
            Some(raw[i + HINT_MARK.len_utf8()..].to_string()),
        );
    }
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let (name, expected) = split_expected(rest);
        return (
            format!("unknown field `{name}`"),
            Some(suggest(name, &expected, "the fields allowed here are")),
        );
    }
    if let Some(rest) = raw.strip_prefix("unknown variant `") {
        let (name, expected) = split_expected(rest);
        return (
            format!("`{name}` is not one of the allowed values"),
            Some(suggest(name, &expected, "the allowed values are")),
        );
    }
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let name = rest.trim_end_matches('`');
        return (
            format!("missing field `{name}`"),
            Some(format!("add a line `{name}: ...` to this mapping")),
        );
    }
    if let Some(rest) = raw.strip_prefix("duplicate field `") {
        let name = rest.trim_end_matches('`');
        return (
            format!("`{name}` is given twice"),
            Some("keep one of them".into()),
        );
    }
    if let Some(rest) = raw
        .strip_prefix("invalid type: ")
        .or_else(|| raw.strip_prefix("invalid value: "))
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return (
            format!(
                "expected {}, found {}",
                plain_type(expected),
                plain_found(found)
            ),
            number_hint(found, expected).or_else(|| type_hint(expected)),
        );
    }
    if raw.contains("repetition limit exceeded") {
        return (
            "this file expands its aliases too many times".into(),
            Some("write the values out in full instead of repeating them with '*' aliases".into()),
        );
    }
    if raw.contains("recursion limit exceeded") {
        return (
            "this file is nested too deeply".into(),
            Some("check the indentation".into()),
        );
    }
    if raw.contains("unknown anchor") {
        return (
            "this alias names an anchor that does not exist".into(),
            Some("define it with '&name' before using '*name'".into()),
        );
    }
    (raw.to_string(), None)
}

fn split_expected(rest: &str) -> (&str, Vec<&str>) {
    let (name, tail) = rest.split_once('`').unwrap_or((rest, ""));
    let expected = tail.split('`').skip(1).step_by(2).collect();
    (name, expected)
}

fn suggest(name: &str, expected: &[&str], lead: &str) -> String {
    match did_you_mean(name, expected.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None if expected.is_empty() => "this mapping takes no fields".into(),
        None => format!("{lead}: {}", expected.join(", ")),
    }
}

fn plain_type(expected: &str) -> String {
    let t = expected.trim();
    match t {
        "u64" | "u32" | "usize" => "a whole number, 0 or more".into(),
        "i64" | "i32" => "a whole number".into(),
        "f64" | "f32" => "a number".into(),
        "a boolean" => "true or false".into(),
        "a string" => "text".into(),
        "a sequence" => "a list".into(),
        "a map" => "a mapping of fields".into(),
        _ if t.starts_with("struct ") => "a mapping of fields".into(),
        _ if t.starts_with("enum ") => "one of the allowed words".into(),
        _ => t.to_string(),
    }
}

fn plain_found(found: &str) -> String {
    if let Some(s) = found.strip_prefix("string ") {
        return format!("the text {s}");
    }
    for (prefix, what) in [
        ("integer ", "the number "),
        ("floating point ", "the number "),
    ] {
        if let Some(n) = found.strip_prefix(prefix) {
            return format!("{what}{}", n.trim_matches('`'));
        }
    }
    match found {
        "sequence" => "a list".into(),
        "map" => "a mapping".into(),
        "unit value" => "nothing (an empty value)".into(),
        other => other.to_string(),
    }
}

/// What to write for a number typed as text: `85%` → `85`, `1,250` → `1250`.
fn number_hint(found: &str, expected: &str) -> Option<String> {
    let text = found.strip_prefix("string ")?.trim_matches('"');
    let numeric = ["u64", "u32", "usize", "i64", "i32", "f64", "f32"].contains(&expected.trim());
    if !numeric {
        return None;
    }
    let bare: String = text
        .trim()
        .trim_end_matches('%')
        .trim_start_matches('£')
        .chars()
        .filter(|c| *c != ',')
        .collect();
    if bare.is_empty() || bare == text || bare.parse::<f64>().is_err() {
        return None;
    }
    let what = if text.trim().ends_with('%') {
        "without the % sign: a percentage is given as a number from 0 to 100"
    } else if text.contains(',') {
        "without commas"
    } else {
        "as a plain number"
    };
    Some(format!("write {bare}, {what}"))
}

fn type_hint(expected: &str) -> Option<String> {
    match expected.trim() {
        "u64" | "u32" | "usize" => {
            Some("counts are whole numbers like 0, 3 or 11, without quotes".into())
        }
        "a sequence" => Some("write each item on its own line starting with '- '".into()),
        "a string" => Some("put the text in quotes if it looks like a number or a date".into()),
        t if t.starts_with("struct ") || t == "a map" => {
            Some("indent the fields below this key, one 'field: value' per line".into())
        }
        _ => None,
    }
}
