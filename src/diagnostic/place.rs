//! Placing a diagnostic in its source: the line of any text (a source is indexed once, so
//! tens of thousands of diagnostics in one file stay linear), and the window of a long line
//! that is shown around the column.

use super::*;

/// The byte range of `src` to show for a column at byte `byte`: all of it when it is short,
/// else `WINDOW` characters, `BEFORE` of them before the column where the line allows.
pub(super) fn window(src: &str, byte: usize) -> (usize, usize) {
    if src.len() <= WINDOW {
        return (0, src.len());
    }
    let back = |from: usize, n: usize| {
        src[..from]
            .char_indices()
            .rev()
            .take(n)
            .last()
            .map_or(from, |(i, _)| i)
    };
    let start = back(byte, BEFORE);
    let end = src[start..]
        .char_indices()
        .nth(WINDOW)
        .map_or(src.len(), |(i, _)| start + i);
    if end == src.len() {
        // The column is near the end: show the whole window before it.
        (back(end, WINDOW), end)
    } else {
        (start, end)
    }
}

/// A text diagnostics can be placed in.
pub trait Text {
    /// `d` placed at `line:column` (1-based, the column in characters) of this text.
    fn place(&self, d: Diagnostic, line: usize, column: usize) -> Diagnostic;
}

impl Text for str {
    /// Reads the text from the top: for texts that get a diagnostic or two.
    fn place(&self, d: Diagnostic, line: usize, column: usize) -> Diagnostic {
        match self.lines().nth(line.saturating_sub(1)) {
            Some(src) => {
                let byte = src
                    .char_indices()
                    .nth(column.max(1) - 1)
                    .map_or(src.len(), |(i, _)| i);
                d.at_line(line, src, byte, column)
            }
            None => d.nowhere(line, column),
        }
    }
}

impl Text for String {
    fn place(&self, d: Diagnostic, line: usize, column: usize) -> Diagnostic {
        self.as_str().place(d, line, column)
    }
}

impl Text for Cow<'_, str> {
    fn place(&self, d: Diagnostic, line: usize, column: usize) -> Diagnostic {
        self.as_ref().place(d, line, column)
    }
}

thread_local! {
    /// The lines of the texts diagnostics were last placed in, most recent first. A `Weak`
    /// keeps its text's memory from being reused, so a text at the same address is the same
    /// text.
    static INDEXES: RefCell<Vec<(Weak<str>, Rc<LineIndex>)>> = const { RefCell::new(Vec::new()) };
}

impl Text for Arc<str> {
    /// Indexes the text's lines once, for every diagnostic placed in it on this thread.
    fn place(&self, d: Diagnostic, line: usize, column: usize) -> Diagnostic {
        let index = INDEXES.with(|cell| {
            let mut recent = cell.borrow_mut();
            let found = recent
                .iter()
                .position(|(text, _)| std::ptr::eq(text.as_ptr(), Arc::as_ptr(self)));
            let entry = match found {
                Some(i) => recent.remove(i),
                None => (Arc::downgrade(self), Rc::new(LineIndex::new(self))),
            };
            let index = Rc::clone(&entry.1);
            recent.insert(0, entry);
            recent.truncate(2);
            index
        });
        d.at_column(&index, self, line, column)
    }
}
