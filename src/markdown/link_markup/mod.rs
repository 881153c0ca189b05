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

mod scan;

use scan::{near, scan};

#[cfg(test)]
mod tests;
