//! Lines of a text by number, and columns as bytes or characters, each found without reading
//! the text from the top: what lets a file with thousands of diagnostics place them all in
//! time proportional to the file, not to the file times the number of diagnostics.

use std::cell::RefCell;
use std::collections::HashMap;

/// Where each line of a text starts, with the lines as `str::lines` splits them.
#[derive(Debug)]
pub struct LineIndex {
    /// Byte offset of each line's first character.
    starts: Vec<u32>,
    /// Whether each line is ASCII, so that its byte and character columns agree.
    ascii: Vec<bool>,
    /// For each line that is not ASCII and had a column converted: (byte, characters before
    /// it) at a character starting every `STEP` bytes or so, so that a conversion, in any
    /// order, reads at most `STEP` bytes of the line.
    marks: RefCell<HashMap<usize, Vec<(u32, u32)>>>,
}

const STEP: usize = 256;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = Vec::new();
        let mut ascii = Vec::new();
        // Sources are capped far below 4 GiB; a longer text is indexed as far as u32 reaches.
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let Ok(at) = u32::try_from(start) else { break };
            starts.push(at);
            ascii.push(line.is_ascii());
            start += line.len();
        }
        LineIndex {
            starts,
            ascii,
            marks: RefCell::new(HashMap::new()),
        }
    }

    /// Line `n` (1-based) of `text`, the text this index was made from, without its line end.
    pub fn line<'t>(&self, text: &'t str, n: usize) -> Option<&'t str> {
        let i = n.checked_sub(1)?;
        let start = *self.starts.get(i)? as usize;
        let end = self
            .starts
            .get(i + 1)
            .map_or(text.len(), |&next| next as usize);
        let line = text.get(start..end)?;
        let line = line.strip_suffix('\n').unwrap_or(line);
        Some(line.strip_suffix('\r').unwrap_or(line))
    }

    /// The 1-based character column of byte `byte` (0-based) of line `n` of `text`.
    pub fn char_column(&self, text: &str, n: usize, byte: usize) -> usize {
        let Some(line) = self.line(text, n) else {
            return byte + 1;
        };
        let byte = floor_boundary(line, byte);
        if self.ascii.get(n - 1).copied().unwrap_or(false) {
            return byte + 1;
        }
        let (from_byte, from_char) = self.mark(n, line, |m| m.0 as usize <= byte);
        from_char + line[from_byte..byte].chars().count() + 1
    }

    /// The byte offset in line `n` of `text` of its 1-based character column `column`; the
    /// line's length when the column is past its end.
    pub fn byte_of_column(&self, text: &str, n: usize, column: usize) -> usize {
        let Some(line) = self.line(text, n) else {
            return 0;
        };
        let wanted = column.saturating_sub(1);
        if self.ascii.get(n - 1).copied().unwrap_or(false) {
            return wanted.min(line.len());
        }
        let (from_byte, from_char) = self.mark(n, line, |m| m.1 as usize <= wanted);
        line[from_byte..]
            .char_indices()
            .nth(wanted - from_char)
            .map_or(line.len(), |(i, _)| from_byte + i)
    }

    /// The last mark of line `n` (whose text is `line`) that `before` accepts, as (byte,
    /// characters before it); the marks are made the first time the line is asked about.
    fn mark(&self, n: usize, line: &str, before: impl Fn(&(u32, u32)) -> bool) -> (usize, usize) {
        let mut marks = self.marks.borrow_mut();
        let marks = marks.entry(n).or_insert_with(|| {
            let mut marks = Vec::with_capacity(line.len() / STEP + 1);
            let mut next = 0;
            for (chars, (i, _)) in line.char_indices().enumerate() {
                if i >= next {
                    marks.push((
                        u32::try_from(i).unwrap_or(u32::MAX),
                        u32::try_from(chars).unwrap_or(u32::MAX),
                    ));
                    next = i + STEP;
                }
            }
            marks
        });
        let k = marks.partition_point(|m| before(m));
        k.checked_sub(1)
            .and_then(|k| marks.get(k))
            .map_or((0, 0), |&(b, c)| (b as usize, c as usize))
    }
}

/// `byte`, moved back to the start of the character it falls in, and at most `s.len()`.
pub fn floor_boundary(s: &str, byte: usize) -> usize {
    let mut b = byte.min(s.len());
    while !s.is_char_boundary(b) {
        b -= 1;
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_those_of_str_lines() {
        for text in ["", "a", "a\n", "a\nb", "a\r\nb\r\n", "\n\n", "é\nx\n\ny"] {
            let index = LineIndex::new(text);
            let expected: Vec<&str> = text.lines().collect();
            let got: Vec<&str> = (1..=expected.len() + 1)
                .map_while(|n| index.line(text, n))
                .collect();
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn columns_of_a_long_line_in_any_order() {
        let line = "é€".repeat(5000);
        let text = format!("x\n{line}\n");
        let index = LineIndex::new(&text);
        for char in [9999, 0, 5001, 17, 9998, 2, 4000] {
            let byte = line.char_indices().nth(char).unwrap().0;
            assert_eq!(index.char_column(&text, 2, byte), char + 1);
            assert_eq!(index.byte_of_column(&text, 2, char + 1), byte);
            // Inside a character: its start.
            assert_eq!(index.char_column(&text, 2, byte + 1), char + 1);
        }
        assert_eq!(index.byte_of_column(&text, 2, 20_000), line.len());
    }

    #[test]
    fn columns_count_characters_in_any_order() {
        let text = "abc\n€uro and ünï\nz";
        let index = LineIndex::new(text);
        assert_eq!(index.char_column(text, 1, 2), 3);
        // "€" is three bytes: byte 3 is the 2nd character, byte 10 the 9th.
        assert_eq!(index.char_column(text, 2, 3), 2);
        assert_eq!(index.char_column(text, 2, 10), 9);
        assert_eq!(index.char_column(text, 2, 0), 1);
        assert_eq!(index.byte_of_column(text, 2, 9), 10);
        assert_eq!(index.byte_of_column(text, 2, 2), 3);
        assert_eq!(index.byte_of_column(text, 2, 99), "€uro and ünï".len());
        assert_eq!(index.byte_of_column(text, 3, 1), 0);
    }
}
