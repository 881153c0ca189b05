//! Pathological Markdown pages of about 1 MB each, one per awkward shape, shared by the
//! timed test (`tests/pathological.rs`) and the benchmark (`tests/bench/markdown.rs`).

#![allow(dead_code)]

use std::fmt::Write as _;

pub const SIZE: usize = 1_000_000;

/// `unit` repeated to about `size` bytes.
fn fill(unit: &str, size: usize) -> String {
    unit.repeat(size / unit.len())
}

/// `open` repeated, then `middle`, then `close` as often as `open`: about `size` bytes.
fn nested(open: &str, middle: &str, close: &str, size: usize) -> String {
    let n = (size - middle.len()) / (open.len() + close.len());
    format!("{}{middle}{}", open.repeat(n), close.repeat(n))
}

fn numbered(size: usize, line: impl Fn(usize) -> String) -> String {
    let mut text = String::with_capacity(size + 64);
    let mut i = 0;
    while text.len() < size {
        text.push_str(&line(i));
        i += 1;
    }
    text
}

/// What `candour check` must say of a shape, beside taking linear time.
pub enum Expect {
    /// Nothing: no error or warning.
    Clean,
    /// Exactly this many diagnostics with this message.
    Count(&'static str, usize),
    /// Whatever it says, so long as it does not fail.
    Any,
}

use Expect::{Any, Clean, Count};

const NO_ALT: &str = "this image has no alternative text";
const CURLY_TITLE: &str = "[text](https://x.org “Title”)\n\n";

/// Each shape's name, its Markdown body, and what `check` must say of it. The page is
/// `content/pages/patho.md`, and `content/static/patho/a.png` exists.
pub fn shapes() -> Vec<(&'static str, String, Expect)> {
    let mb = SIZE;
    let mut footnotes = String::new();
    for i in 0..25_000 {
        let _ = write!(footnotes, "Text[^{i}].\n\n");
    }
    for i in 0..25_000 {
        let _ = writeln!(footnotes, "[^{i}]: Note {i}.");
    }
    vec![
        // Images inside images inside a link: the text of each was read again for each
        // one around it.
        ("nested images", nested("![", "x", "](a.png)", mb), Clean),
        (
            "nested images in a link",
            format!("[{}](/about/)", nested("![", "x", "](a.png)", mb - 20)),
            Clean,
        ),
        (
            "nested images with text",
            nested("![a ", "x", "](a.png)", mb),
            Clean,
        ),
        // The innermost is a link; the one around it is markup shown as text (reported once).
        (
            "nested brackets",
            nested("[", "x", "](/about/)", mb),
            Count("a link inside a link", 1),
        ),
        ("unclosed brackets", fill("[", mb), Clean),
        ("unclosed image brackets", fill("![", mb), Clean),
        ("nested blockquotes", fill(">", mb) + " x\n", Clean),
        ("nested lists", fill("- ", mb) + "x\n", Clean),
        ("deep emphasis", nested("*_", "x", "_*", mb), Clean),
        ("unclosed emphasis", fill("*a ", mb), Clean),
        // Tens of thousands of diagnostics: each found its line from the top of the file.
        (
            "50k images without alt text",
            fill("![](a.png)\n\n", 50_000 * 12),
            Count(NO_ALT, 50_000),
        ),
        (
            "one 1 MB line of images without alt text",
            fill("![](a.png) ", mb),
            Count(NO_ALT, mb / 11),
        ),
        (
            "one 1 MB line of multi-byte text and images",
            fill("★ ![](a.png) ", mb),
            Count(NO_ALT, mb / 15),
        ),
        (
            "vague links",
            fill("[click here](/about/)\n\n", mb),
            Count("the link text 'click here' does not say where", mb / 23),
        ),
        (
            "links without text",
            fill("[](/about/)\n", mb),
            Count("this link has no text", mb / 12),
        ),
        (
            "skipped heading levels",
            fill("## A\n\n#### B\n\n", mb),
            Count("heading level skips from h2 to h4", mb / 14),
        ),
        ("50k links", fill("[About](/about/)\n", 50_000 * 17), Clean),
        ("50k same headings", fill("## Same\n\n", 50_000 * 9), Clean),
        (
            "50k headings",
            numbered(mb, |i| format!("## Heading {i}\n\n")),
            Clean,
        ),
        ("one 1 MB line", fill("word ", mb), Clean),
        (
            "one 1 MB heading",
            format!("## {}\n", fill("word ", mb)),
            Clean,
        ),
        (
            "1 MB table",
            format!("| A | B |\n|---|---|\n{}", fill("| x | 1 |\n", mb)),
            Clean,
        ),
        (
            "wide table",
            format!("|{}\n|{}\n", fill(" a |", mb / 2), fill("---|", mb / 2)),
            Clean,
        ),
        ("many footnotes", footnotes, Clean),
        (
            "HTML-like text",
            fill("<div><a href=\"x\" onclick=\"y\">t</a></div>\n", mb),
            Clean,
        ),
        ("unclosed HTML tags", fill("<a ", mb), Clean),
        ("backticks", fill("`a", mb), Clean),
        ("angle brackets", fill("<", mb), Any),
        // Links to pages, files and headings the site does not have: each an error.
        (
            "50k links to a missing page",
            fill("[The page](/nope/)\n", mb),
            Count("goes to a page this site does not have", mb / 19),
        ),
        {
            let body = numbered(mb, |i| format!("[Page {i}](../nope-{i}/)\n"));
            let n = body.lines().count();
            (
                "links to as many different missing pages",
                body,
                Count("a page this site does not have", n),
            )
        },
        (
            "50k links to a missing heading",
            fill("[Part](#nope)\n", mb),
            Count("goes to no heading on this page", mb / 14),
        ),
        // Each nested image is an error whose address is looked for in its line.
        (
            "nested images of a missing file",
            nested("![", "x", "](gone.png)", mb),
            Count("a file this site does not have", (mb - 1) / 13),
        ),
        (
            "nested images of a missing file, with multi-byte text",
            nested("★![", "x", "](gone.png)", mb),
            Count("a file this site does not have", (mb - 1) / 16),
        ),
        // comrak expands only so many references; past that the rest are text (and warned
        // about as such).
        (
            "reference links to a missing page before a long line",
            format!(
                "{}\n\n{}\n\n[r]: /gone/\n",
                fill("[x][r] ", mb / 2),
                fill("word ", mb / 2)
            ),
            Any,
        ),
        {
            let body = numbered(mb, |i| format!("## Part {i}\n\n[Part](#nope-{i})\n\n"));
            let n = body.lines().filter(|l| l.starts_with('[')).count();
            (
                "headings and links to as many missing headings",
                body,
                Count("goes to no heading on this page", n),
            )
        },
        // Link markup that is not a link, each reported.
        (
            "curly-quoted titles",
            fill(CURLY_TITLE, mb),
            Count("its title is in curly quotes", mb / CURLY_TITLE.len()),
        ),
        (
            "one 1 MB line of addresses with spaces",
            fill("[a](b c) ", mb),
            Count("the address has a space in it", mb / 9),
        ),
        // Written as entities, so where each is in the line cannot be read off the text.
        (
            "one 1 MB line of entity brackets and addresses with spaces",
            fill("&#91;x](a b) ", mb),
            Count("the address has a space in it", mb / 13),
        ),
        ("unclosed link addresses", fill("[](", mb), Clean),
        (
            "brackets then words in parentheses",
            fill("[x] (y z) ", mb),
            Clean,
        ),
    ]
}
