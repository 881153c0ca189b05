//! YAML syntax errors placed at the mistake, not where the parser gave up: a tab or an
//! invisible character in the indentation, a missing `:`, an unclosed quote or bracket, a
//! value opened with curly quotes.

use super::Document;
use crate::diagnostic::Diagnostic;
use crate::lookalike;

impl Document<'_> {
    /// A YAML syntax error, placed at the mistake rather than where the parser gave up:
    /// a tab or an invisible character in the indentation, a missing `:` on an earlier
    /// line, a value opened with curly quotes. `line` is 1-based within the YAML.
    pub(super) fn syntax_error(&self, line: usize, column: usize, info: &str) -> Diagnostic {
        let lines: Vec<&str> = self.yaml.lines().collect();
        let text = |n: usize| lines.get(n.wrapping_sub(1)).copied().unwrap_or("");
        // Lines the mistake may be on, nearest first: the parser stops at most a few lines
        // after it, or on the line before it when that line ends in a plain value (it is
        // still reading the value when it meets the next line's tab).
        let near: Vec<usize> = [0isize, 1, -1, 2, -2, -3]
            .iter()
            .filter_map(|d| line.checked_add_signed(*d))
            .filter(|n| (1..=lines.len()).contains(n))
            .collect();
        for &n in &near {
            let l = text(n);
            let indent: String = l
                .chars()
                .take_while(|c| c.is_whitespace() || lookalike::lookalike(*c).is_some())
                .collect();
            if let Some(i) = indent.chars().position(|c| c == '\t') {
                return self
                    .diag(n, i + 1, "a tab is used to indent this line")
                    .with_hint("YAML indents with spaces only: replace the tab with spaces");
            }
            if let Some((i, odd)) = lookalike::first(&indent) {
                return self
                    .diag(n, i + 1, format!("this line is indented with {}", odd.name))
                    .with_hint(format!("replace it with {}", odd.instead));
            }
            // `title:` followed by a non-breaking space, or a key with a zero-width space.
            if let Some(colon) = key_colon(l) {
                let after = l[colon + 1..].chars().next();
                if after == Some('\t') {
                    let col = l[..=colon].chars().count() + 1;
                    return self
                        .diag(
                            n,
                            col,
                            format!("`{}` is followed by a tab", l[..=colon].trim()),
                        )
                        .with_hint(
                            "YAML needs a space after the ':'; replace the tab with a space",
                        );
                }
                if let Some(odd) = after.and_then(lookalike::lookalike) {
                    let col = l[..=colon].chars().count() + 1;
                    return self
                        .diag(
                            n,
                            col,
                            format!("`{}` is followed by {}", l[..=colon].trim(), odd.name),
                        )
                        .with_hint(format!(
                            "YAML needs an ordinary space after the ':'; type {}",
                            odd.instead
                        ));
                }
            }
        }
        // A bracket or quote opened and never closed: the parser reads on until it fails.
        for n in (1..=line.min(lines.len())).rev().take(6) {
            let rest = lines[n.min(lines.len())..line.min(lines.len())].join("\n");
            if let Some((col, what)) = unclosed(text(n), &rest) {
                return self
                    .diag(n, col, format!("this {what} is never closed"))
                    .with_width(1)
                    .with_hint(match what {
                        "quote" => {
                            "close the quote at the end of the text, or remove it".to_string()
                        }
                        _ => "close it, or remove it if the value is plain text".to_string(),
                    });
            }
        }
        // A value opened with a curly quote is not quoted, so a ': ' in it breaks the line.
        let l = text(line);
        if let Some(colon) = key_colon(l) {
            let value = l[colon + 1..].trim_start();
            if value.starts_with(['\u{201c}', '\u{2018}']) {
                let col = l.len() - value.len();
                return self
                    .diag(line, l[..col].chars().count() + 1, "this value starts with a curly quote, which YAML does not read as a quote")
                    .with_hint("type straight quotes around the text: \"like this\" (word processors turn them curly; turn off smart quotes, or retype them)");
            }
        }
        // A `field value` line with no colon, just before where the parser stopped.
        if info.contains("expect ':'") || info.contains("mapping values are not allowed") {
            let error_indent = indent_of(text(line));
            if let Some(n) = (1..line)
                .rev()
                .find(|&n| !text(n).trim().is_empty() && !text(n).trim_start().starts_with('#'))
            {
                let l = text(n);
                let body = l.trim_start().trim_start_matches("- ");
                let body_indent = l.len() - body.len();
                let looks_like_key = body.split_once(' ').is_some_and(|(word, _)| {
                    !word.is_empty()
                        && word
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                });
                if key_colon(l).is_none()
                    && looks_like_key
                    && (body_indent == error_indent
                        || body_indent + 2 == error_indent
                        || n + 1 == line)
                    && !l.trim_end().ends_with(['|', '>'])
                {
                    let word = body.split(' ').next().unwrap_or("");
                    let col = l[..body_indent].chars().count() + word.chars().count() + 1;
                    return self
                        .diag(n, col, format!("`{word}` has no ':' after it"))
                        .with_hint(format!(
                            "write `{word}: {}`, with a colon and a space after the field name",
                            body[word.len()..].trim()
                        ));
                }
            }
        }
        let hint = if info.contains("mapping values are not allowed") {
            "text that contains ': ' must be put in quotes, such as title: \"Strategy: the next steps\""
        } else {
            "check the indentation: fields of the same mapping start in the same column"
        };
        self.diag(line, column, format!("this is not valid YAML: {info}"))
            .with_hint(hint)
    }
}

/// The byte index of the `:` that ends a line's key (`key: value`, `- key: value`, `key:`),
/// or `None` when the line has no key. A colon inside quotes or not followed by a space
/// (or an invisible look-alike) does not count.
fn key_colon(line: &str) -> Option<usize> {
    let body = line.trim_start().trim_start_matches("- ");
    if body.starts_with(['"', '\'', '#']) {
        return None;
    }
    let start = line.len() - body.len();
    for (i, c) in body.char_indices() {
        if c == ':' {
            let next = body[i + 1..].chars().next();
            if next.is_none_or(|n| n == ' ' || n == '\t' || lookalike::lookalike(n).is_some()) {
                return Some(start + i);
            }
        }
    }
    None
}

/// The column (1-based) and kind of a `[`, `{` or quote that opens a line's value and is not
/// closed on that line nor in `rest`, the lines after it up to where the parser stopped.
fn unclosed(line: &str, rest: &str) -> Option<(usize, &'static str)> {
    let colon = key_colon(line)?;
    let value = line[colon + 1..].trim_start();
    let start = line.len() - value.len();
    let col = line[..start].chars().count() + 1;
    let all = format!("{}\n{rest}", value.trim_end());
    let count = |c: char| all.matches(c).count();
    match value.chars().next()? {
        '"' if count('"') % 2 == 1 => Some((col, "quote")),
        '\'' if count('\'') % 2 == 1 => Some((col, "quote")),
        '[' if count('[') > count(']') => Some((col, "bracket '['")),
        '{' if count('{') > count('}') => Some((col, "brace '{'")),
        _ => None,
    }
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}
