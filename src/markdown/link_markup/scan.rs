//! Reading the text comrak left for bracketed markup that meant to be a link, and saying
//! what went wrong with it and what to type instead.

use super::*;

/// The part of a source line after byte `from` that markup found there can reach: bounded,
/// so that looking for it stays linear however long the line.
pub(super) fn near(src: &str, from: usize) -> &str {
    &src[from..crate::lines::floor_boundary(src, from + 8 * LIMIT)]
}

/// Brackets and parentheses, ASCII and full-width.
fn is_bracket(c: char) -> bool {
    matches!(
        c,
        '[' | ']' | '(' | ')' | '{' | '}' | '［' | '］' | '（' | '）'
    )
}

/// A paragraph's text by character, with where the next bracket after each one is.
struct Chars<'t> {
    text: &'t str,
    chars: Vec<(usize, char)>,
    /// For each character, the index of the next bracket at or after it.
    next_bracket: Vec<usize>,
}

impl<'t> Chars<'t> {
    fn new(text: &'t str) -> Chars<'t> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut next_bracket = vec![chars.len(); chars.len() + 1];
        for i in (0..chars.len()).rev() {
            next_bracket[i] = if is_bracket(chars[i].1) {
                i
            } else {
                next_bracket[i + 1]
            };
        }
        Chars {
            text,
            chars,
            next_bracket,
        }
    }

    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|c| c.1)
    }

    fn byte(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |c| c.0)
    }

    /// Characters `from` to `to`, not including `to`.
    fn slice(&self, from: usize, to: usize) -> &'t str {
        &self.text[self.byte(from)..self.byte(to)]
    }

    /// The end of the bracketed part that opens at `open`: the next bracket after it, if
    /// that is one of `close` and the part is no longer than `LIMIT`.
    fn enclosed(&self, open: usize, close: &[char]) -> Option<usize> {
        let end = self.next_bracket[open + 1];
        (self.at(end).is_some_and(|c| close.contains(&c)) && end - open <= LIMIT).then_some(end)
    }
}

/// Each piece of failed link markup in a paragraph's text: (byte where it starts, byte where
/// it ends, message, hint). Linear: each part looked at inside brackets ends at the next bracket, so no two
/// overlap, and none is longer than `LIMIT`.
pub(super) fn scan(text: &str) -> Vec<(usize, usize, String, String)> {
    let mut found = Vec::new();
    // No closing bracket, no link markup. Most paragraphs have none: each is looked for on
    // its own, which uses memchr, rather than all at once, character by character.
    if ![']', ')', '}', '］', '）']
        .iter()
        .any(|&c| text.contains(c))
    {
        return found;
    }
    let t = Chars::new(text);
    // Openers not yet closed: (index, the bracket).
    let mut openers: Vec<(usize, char)> = Vec::new();
    let mut i = 0;
    while let Some(c) = t.at(i) {
        match c {
            '[' | '［' | '{' => openers.push((i, c)),
            '(' | '（' => {
                // `(text)[address]`, the wrong way round.
                if let Some(close) = t.enclosed(i, &[')', '）'])
                    && close > i + 1
                    && t.at(close + 1) == Some('[')
                    && let Some(end) = t.enclosed(close + 1, &[']'])
                    && looks_like_address(t.slice(close + 2, end))
                {
                    found.push(report(
                        text,
                        t.byte(i),
                        t.byte(end + 1),
                        "the text and the address are the wrong way round".into(),
                        format!(
                            "write the text in square brackets, then the address in round ones: [{}]({})",
                            t.slice(i + 1, close),
                            t.slice(close + 2, end)
                        ),
                    ));
                    openers.clear();
                    i = end + 1;
                    continue;
                }
            }
            ']' | '］' | '}' => {
                let wanted = match c {
                    ']' => '[',
                    '］' => '［',
                    _ => '{',
                };
                // Mismatched openers above this one are left unclosed.
                if let Some(at) = openers.iter().rposition(|o| o.1 == wanted) {
                    let (open, _) = openers[at];
                    openers.truncate(at);
                    // An image's `!` is part of the markup.
                    let image = open > 0 && t.at(open - 1) == Some('!');
                    if let Some((end, message, hint)) = failed_link(&t, open, i, image) {
                        let start = if image { open - 1 } else { open };
                        found.push(report(text, t.byte(start), t.byte(end + 1), message, hint));
                        openers.clear();
                        i = end + 1;
                        continue;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// Why the bracketed text from `open` to `close`, and what follows it, did not become a
/// link, if it is link markup: (index of the markup's last character, message, hint).
fn failed_link(
    t: &Chars<'_>,
    open: usize,
    close: usize,
    image: bool,
) -> Option<(usize, String, String)> {
    let inner = t.slice(open + 1, close);
    // The text as the hints write it: `[text]`, or `![text]` for an image.
    let text = format!(
        "{}[{}]",
        if image { "!" } else { "" },
        inner.replace([LINK, OTHER], "…")
    );
    let (opener, closer) = (t.chars[open].1, t.chars[close].1);
    let after = t.at(close + 1);
    let spaces = t.chars[close + 1..]
        .iter()
        .take_while(|c| c.1 == ' ' || c.1 == '\t')
        .count();
    let paren = close + 1 + spaces;
    let in_parens = match t.at(paren) {
        Some('(' | '（') => t.enclosed(paren, &[')', '）']),
        _ => None,
    };
    let address = |end: usize| t.slice(paren + 1, end).trim();
    let ascii = opener == '[' && closer == ']';
    match (in_parens, after) {
        // `[text](…)` that comrak did not take for a link.
        (Some(end), Some('(')) if ascii && t.chars[end].1 == ')' => {
            let dest = address(end);
            let first = dest.split_whitespace().next().unwrap_or("");
            let rest = dest[first.len()..].trim_start();
            let why = if inner.contains(LINK) {
                (
                    "a link inside a link is not a link".to_string(),
                    "take the inner link out of the square brackets, or remove one of the two"
                        .to_string(),
                )
            } else if rest.starts_with(CURLY) {
                let title = rest.trim_matches(|c| CURLY.contains(&c) || c == ' ');
                (
                    "its title is in curly quotes".into(),
                    format!(
                        "put the title in straight quotes, {text}({first} \"{title}\"), or leave it out"
                    ),
                )
            } else if rest.is_empty() || rest.starts_with(['"', '\'']) {
                return None;
            } else if first.contains("://") && !rest.contains(['.', '/']) {
                (
                    "the address is followed by words that are not in quotes".into(),
                    format!(
                        "a title goes in straight quotes, {text}({first} \"{rest}\"); a space in an address is written %20"
                    ),
                )
            } else {
                (
                    "the address has a space in it".into(),
                    format!(
                        "write each space as %20, {text}({}), or put the address in angle brackets, {text}(<{dest}>)",
                        dest.split_whitespace().collect::<Vec<_>>().join("%20")
                    ),
                )
            };
            Some((end, why.0, why.1))
        }
        // `[text] (address)`.
        (Some(end), _)
            if ascii && spaces > 0 && t.chars[end].1 == ')' && looks_like_address(address(end)) =>
        {
            Some((
                end,
                "there is a space between ] and (".into(),
                format!("remove the space: {text}({})", address(end)),
            ))
        }
        // `{text}(address)`, `［text］（address）` and the like.
        (Some(end), _) if spaces == 0 && looks_like_address(address(end)) => {
            let why = if ascii {
                "it is written with full-width brackets".to_string()
            } else {
                format!("it is written with {opener} {closer} instead of [ ]")
            };
            Some((
                end,
                why,
                format!(
                    "use square brackets, then round ones: {text}({})",
                    address(end)
                ),
            ))
        }
        // `[text][ref]` with no `[ref]: address` line.
        (None, Some('[')) if ascii && !inner.trim().is_empty() => {
            let end = t.enclosed(close + 1, &[']'])?;
            let reference = t.slice(close + 2, end);
            let name = if reference.trim().is_empty() {
                inner
            } else {
                reference
            };
            Some((
                end,
                format!("there is no '[{name}]: address' line for it"),
                format!(
                    "add a line '[{name}]: https://...' below the paragraph, or write the link as {text}(address)"
                ),
            ))
        }
        _ => None,
    }
}

/// Curly and other typographic quotes, which a title in a link cannot be in.
const CURLY: [char; 9] = ['“', '”', '‘', '’', '„', '‚', '«', '»', '＂'];

/// Whether text in brackets reads as a web address or a path, so that
/// `[sic] (1990)` is not taken for a link.
fn looks_like_address(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.contains(char::is_whitespace) {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    [
        "http://", "https://", "mailto:", "tel:", "www.", "/", "#", "./", "../",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        || t.rsplit_once('.').is_some_and(|(name, ext)| {
            !name.is_empty()
                && (2..=4).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// A finding at byte `start` of the text, quoting the markup up to byte `end`.
fn report(
    text: &str,
    start: usize,
    end: usize,
    why: String,
    hint: String,
) -> (usize, usize, String, String) {
    let markup = text[start..end]
        .replace([LINK, OTHER], "…")
        .replace('\n', " ");
    let quoted: String = if markup.chars().count() > QUOTED {
        let mut q: String = markup.chars().take(QUOTED - 1).collect();
        q.push('…');
        q
    } else {
        markup
    };
    let thing = if text[start..].starts_with('!') {
        "an image"
    } else {
        "a link"
    };
    (
        start,
        end,
        format!("'{quoted}' is shown as written, not as {thing}: {why}"),
        hint,
    )
}
