//! Invisible and look-alike characters that authors paste from Word, Outlook and Excel:
//! what each is called, and what to type instead.
//!
//! YAML and candour's own forms (periods, dates, ids) need plain ASCII where structure is:
//! a non-breaking space after `title:` is not a space to YAML, a curly quote does not quote,
//! and `2019–20` (an en dash) is not `2019/20`. Text values may hold any of these; the
//! checks name them only where they break something.

/// A character that looks like another, or like nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lookalike {
    pub ch: char,
    /// `a non-breaking space (U+00A0)`.
    pub name: &'static str,
    /// What to type instead, in words: `an ordinary space`.
    pub instead: &'static str,
    /// The plain character it stands for, or `None` when it should simply be deleted.
    pub plain: Option<char>,
}

/// What `c` is, if it is a character people paste without seeing it.
pub fn lookalike(c: char) -> Option<Lookalike> {
    let (name, instead, plain) = match c {
        '\u{00a0}' => (
            "a non-breaking space (U+00A0)",
            "an ordinary space",
            Some(' '),
        ),
        '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
            ("a special-width space", "an ordinary space", Some(' '))
        }
        '\u{200b}' => ("a zero-width space (U+200B)", "nothing: delete it", None),
        '\u{200c}' => (
            "a zero-width non-joiner (U+200C)",
            "nothing: delete it",
            None,
        ),
        '\u{200d}' => ("a zero-width joiner (U+200D)", "nothing: delete it", None),
        '\u{2060}' => ("a word joiner (U+2060)", "nothing: delete it", None),
        '\u{feff}' => (
            "a zero-width no-break space (U+FEFF)",
            "nothing: delete it",
            None,
        ),
        '\u{00ad}' => ("a soft hyphen (U+00AD)", "nothing: delete it", None),
        '\u{2018}' | '\u{2019}' => ("a curly single quote", "a straight quote (')", Some('\'')),
        '\u{201c}' | '\u{201d}' => (
            "a curly double quote",
            "a straight double quote (\")",
            Some('"'),
        ),
        '\u{2013}' => ("an en dash (–)", "a hyphen (-)", Some('-')),
        '\u{2014}' => ("an em dash (—)", "a hyphen (-)", Some('-')),
        '\u{2212}' => ("a minus sign (−)", "a hyphen (-)", Some('-')),
        '\u{2010}' | '\u{2011}' => ("a Unicode hyphen", "a hyphen (-)", Some('-')),
        '\u{2044}' | '\u{2215}' | '\u{ff0f}' => ("a look-alike slash", "a slash (/)", Some('/')),
        '\u{ff1a}' => ("a full-width colon (：)", "a colon (:)", Some(':')),
        '\u{2028}' | '\u{2029}' => (
            "a Unicode line separator",
            "an ordinary line break",
            Some('\n'),
        ),
        _ => return None,
    };
    Some(Lookalike {
        ch: c,
        name,
        instead,
        plain,
    })
}

/// The first look-alike character in `text`, with its column in characters (0-based).
pub fn first(text: &str) -> Option<(usize, Lookalike)> {
    text.chars()
        .enumerate()
        .find_map(|(i, c)| lookalike(c).map(|l| (i, l)))
}

/// `text` with every look-alike replaced by the character it stands for (or removed).
pub fn plain(text: &str) -> String {
    text.chars()
        .filter_map(|c| match lookalike(c) {
            Some(l) => l.plain,
            None => Some(c),
        })
        .collect()
}

/// A sentence naming the first look-alike in `text`, for an error about that text:
/// `it has a zero-width space (U+200B) after '2019/20'; type nothing: delete it`.
pub fn explain(text: &str) -> Option<String> {
    let (at, l) = first(text)?;
    let before: String = text.chars().take(at).collect();
    let place = if before.trim().is_empty() {
        "at the start".to_string()
    } else {
        format!("after '{}'", before.trim())
    };
    Some(match l.plain {
        Some(' ') => format!(
            "it has {} {place}, which looks like a space but is not one",
            l.name
        ),
        Some(p) => format!(
            "it has {} {place}, which looks like '{p}' but is not",
            l.name
        ),
        None => format!("it has {} {place}, which cannot be seen", l.name),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_plain_forms() {
        assert_eq!(
            first("ab\u{a0}c").map(|(i, l)| (i, l.plain)),
            Some((2, Some(' ')))
        );
        assert_eq!(plain("2019\u{2013}20\u{200b}"), "2019-20");
        assert_eq!(
            first("plain text, ‘none’? no: curly").map(|(i, _)| i),
            Some(12)
        );
        assert!(
            explain("2019/20\u{200b}")
                .unwrap()
                .contains("zero-width space")
        );
        assert!(explain("ok").is_none());
    }
}
