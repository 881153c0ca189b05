//! Link markup that did not become a link, and would be published as written: a title in
//! curly quotes (`[text](https://x.org “Title”)`), an address with spaces
//! (`[text](my file.pdf)`), a space between `]` and `(`, curly or full-width brackets,
//! `(text)[address]` the wrong way round, a link inside a link, a reference with no
//! `[ref]: address` line. Found in the text comrak left, so real links are never flagged.

use std::cell::OnceCell;

use comrak::arena_tree::NodeEdge;
use comrak::nodes::{AstNode, NodeValue};

use crate::lines::LineIndex;

/// Link markup shown as text: where it starts in the Markdown, and what to say.
pub struct Found {
    /// 1-based, in the Markdown text.
    pub line: usize,
    /// 0-based byte offset in that line.
    pub byte: usize,
    /// How many characters of the line the markup takes.
    pub width: usize,
    pub message: String,
    pub hint: String,
}

/// Stands for a link in the text of a paragraph.
const LINK: char = '\u{E000}';
/// Stands for anything else that is not text: an image, code, raw HTML, a footnote mark.
const OTHER: char = '\u{E001}';
/// The longest address, or reference name, looked at.
const LIMIT: usize = 400;
/// The most of the markup quoted in a message.
const QUOTED: usize = 60;

/// Every piece of link markup in `markdown`'s tree (`root`) that did not become a link.
pub fn find<'a>(root: &'a AstNode<'a>, markdown: &str) -> Vec<Found> {
    let lines = OnceCell::new();
    let mut found = Vec::new();
    let mut flat = Flat::default();
    let mut inside: Option<&AstNode<'_>> = None;
    // A node whose content stands as one `LINK` or `OTHER`: its descendants are skipped.
    let mut skipping: Option<&AstNode<'_>> = None;
    for edge in root.traverse() {
        match edge {
            NodeEdge::Start(node) => {
                if skipping.is_some() {
                    continue;
                }
                let data = node.data();
                match &data.value {
                    NodeValue::Paragraph | NodeValue::Heading(_) | NodeValue::TableCell => {
                        // The buffers are kept from one paragraph to the next.
                        flat.text.clear();
                        flat.pieces.clear();
                        inside = Some(node);
                    }
                    _ if inside.is_none() => {}
                    NodeValue::Text(t) => {
                        flat.push_text(t, data.sourcepos.start.line, data.sourcepos.start.column);
                    }
                    NodeValue::SoftBreak | NodeValue::LineBreak => flat.text.push('\n'),
                    NodeValue::Link(link) if is_autolink(node, &link.url) => {}
                    NodeValue::Link(_) => {
                        flat.push_mark(
                            LINK,
                            data.sourcepos.start.line,
                            data.sourcepos.start.column,
                        );
                        skipping = Some(node);
                    }
                    NodeValue::Emph
                    | NodeValue::Strong
                    | NodeValue::Strikethrough
                    | NodeValue::Superscript
                    | NodeValue::Subscript
                    | NodeValue::Underline
                    | NodeValue::SpoileredText
                    | NodeValue::Highlight => {}
                    _ => {
                        flat.push_mark(
                            OTHER,
                            data.sourcepos.start.line,
                            data.sourcepos.start.column,
                        );
                        skipping = Some(node);
                    }
                }
            }
            NodeEdge::End(node) => {
                if skipping.is_some_and(|s| std::ptr::eq(s, node)) {
                    skipping = None;
                } else if skipping.is_none() && inside.is_some_and(|i| std::ptr::eq(i, node)) {
                    inside = None;
                    for (at, end, message, hint) in scan(&flat.text) {
                        let (line, byte) = flat.place(at, markdown, &lines);
                        let width = flat.width(at, end, line, byte, markdown, &lines);
                        found.push(Found {
                            line,
                            byte,
                            width,
                            message,
                            hint,
                        });
                    }
                }
            }
        }
    }
    found
}

/// A link that is its own address (`https://x.org` in text): its text is the text written.
fn is_autolink<'a>(node: &'a AstNode<'a>, url: &str) -> bool {
    let mut children = node.children();
    match (children.next(), children.next()) {
        (Some(child), None) => match &child.data().value {
            NodeValue::Text(t) => url.ends_with(t.as_ref() as &str),
            _ => false,
        },
        _ => false,
    }
}

/// The text of one paragraph, heading or table cell, with where each piece came from.
#[derive(Default)]
struct Flat {
    text: String,
    /// (byte offset in `text`, line, 1-based byte column), in order.
    pieces: Vec<(usize, usize, usize)>,
}

impl Flat {
    fn push_text(&mut self, text: &str, line: usize, column: usize) {
        self.pieces.push((self.text.len(), line, column));
        self.text.push_str(text);
    }

    fn push_mark(&mut self, mark: char, line: usize, column: usize) {
        self.pieces.push((self.text.len(), line, column));
        self.text.push(mark);
    }

    /// Where byte `at` of the text is in the Markdown: (line, 0-based byte in it). Text that
    /// comrak changed (`\[`, `&amp;`) moves what follows it, so the opening bracket is
    /// looked for on the line from where its piece starts.
    fn place(&self, at: usize, markdown: &str, lines: &OnceCell<LineIndex>) -> (usize, usize) {
        let i = self.pieces.partition_point(|p| p.0 <= at).saturating_sub(1);
        let Some(&(start, line, column)) = self.pieces.get(i) else {
            return (1, 0);
        };
        let guess = column.saturating_sub(1) + (at - start);
        let index = lines.get_or_init(|| LineIndex::new(markdown));
        let opening: String = self.text[at..].chars().take(2).collect();
        let found = index.line(markdown, line).and_then(|src| {
            let from = crate::lines::floor_boundary(src, guess);
            near(src, from).find(&opening).map(|i| from + i)
        });
        (line, found.unwrap_or(guess))
    }
}

impl Flat {
    /// How many characters the markup from byte `at` to byte `end` of the text takes on its
    /// line of the Markdown, which starts at `byte` of `line`: as many as in the text, unless
    /// the markup holds a link or code, whose text is shorter than what was written.
    fn width(
        &self,
        at: usize,
        end: usize,
        line: usize,
        byte: usize,
        markdown: &str,
        lines: &OnceCell<LineIndex>,
    ) -> usize {
        let markup = &self.text[at..end];
        let first_line = markup.lines().next().unwrap_or("");
        let Some(last_mark) = first_line.rfind([LINK, OTHER]) else {
            return first_line.chars().count().max(1);
        };
        // What follows the last link or code, looked for on the line.
        let tail = &first_line[last_mark + LINK.len_utf8()..];
        let index = lines.get_or_init(|| LineIndex::new(markdown));
        index
            .line(markdown, line)
            .and_then(|src| {
                let from = crate::lines::floor_boundary(src, byte);
                let end = near(src, from).find(tail)? + from + tail.len();
                Some(src[from..end].chars().count())
            })
            .unwrap_or_else(|| first_line.chars().count())
            .max(1)
    }
}

/// The part of a source line after byte `from` that markup found there can reach: bounded,
/// so that looking for it stays linear however long the line.
fn near(src: &str, from: usize) -> &str {
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
fn scan(text: &str) -> Vec<(usize, usize, String, String)> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use comrak::{Arena, Options, parse_document};

    fn found(markdown: &str) -> Vec<(usize, usize, String)> {
        let mut o = Options::default();
        o.extension.table = true;
        o.extension.footnotes = true;
        o.extension.strikethrough = true;
        o.extension.autolink = true;
        let arena = Arena::new();
        let root = parse_document(&arena, markdown, &o);
        find(root, markdown)
            .into_iter()
            .map(|f| (f.line, f.byte, f.message))
            .collect()
    }

    #[test]
    fn markup_that_is_not_a_link_is_found() {
        let cases = [
            (
                "[text](https://x.org “Title”)",
                "its title is in curly quotes",
            ),
            (
                "See [the report](annual report.pdf).",
                "the address has a space in it",
            ),
            ("![A chart](my chart.png)", "not as an image"),
            ("[text] (https://x.org)", "there is a space between ] and ("),
            ("{text}(/about/)", "written with { } instead of [ ]"),
            ("［text］（/about/）", "written with ［ ］ instead of [ ]"),
            ("[text]（/about/）", "full-width brackets"),
            ("(text)[/about/]", "the wrong way round"),
            ("[text][nowhere]", "no '[nowhere]: address' line"),
            ("[[a](/a/)](/b/)", "a link inside a link"),
            (
                "[Site](https://x.org Our site)",
                "words that are not in quotes",
            ),
        ];
        for (markdown, expected) in cases {
            let f = found(markdown);
            assert_eq!(f.len(), 1, "{markdown}: {:?}", f);
            assert!(f[0].2.contains(expected), "{markdown}: {}", f[0].2);
        }
    }

    #[test]
    fn links_and_ordinary_brackets_are_left_alone() {
        for markdown in [
            "[text](https://x.org \"Title\") [t](<my file.pdf>) [x](/a/ 'b')",
            "He said [sic] (1990) and [1] (see below) and f(x)[2].",
            "[defined][ref] and [ref]\n\n[ref]: /about/",
            "`[code](x y)` and\n\n    [indented](a b)\n",
            "[![image](a.png)](/b/) https://x.org/a_(b) (see [this](/c/))",
            "[[[[",
            "]]]] ((( ))) [](",
            "[text]( https://x.org )",
        ] {
            assert!(
                found(markdown).is_empty(),
                "{markdown}: {:?}",
                found(markdown)
            );
        }
    }

    #[test]
    fn the_place_is_the_opening_bracket() {
        let f = found("Intro.\n\nSome é \\* text [file](my file.pdf) and **![x](a b.png)**\n");
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!((f[0].0, f[0].1), (3, "Some é \\* text ".len()));
        assert_eq!(f[1].1, "Some é \\* text [file](my file.pdf) and **".len());
    }
}
