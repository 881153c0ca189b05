//! Author mistakes: one `Diagnostic` each, with place, source line and hint, rendered three ways.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt::Write as _;
use std::rc::Rc;
use std::sync::{Arc, Weak};

use serde::Serialize;

use crate::lines::LineIndex;

/// The most characters of a source line a diagnostic keeps: a longer line is cut to a window
/// around the column, with `…` where it was cut.
pub const WINDOW: usize = 120;
/// How many characters of a cut line come before the column, when there are that many.
const BEFORE: usize = 40;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    /// Something the build passed over on purpose, such as an editor's swap file: shown by
    /// `candour check`, counted by `candour build`, never shown by the dev server.
    Note,
}

/// One problem in the site's sources, found before anything is written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators; empty when about the site as a whole.
    pub file: String,
    /// 1-based; 0 when the problem has no line (a missing file, say).
    pub line: usize,
    /// 1-based, in characters; 0 when unknown.
    pub column: usize,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The offending line of source, as written; a window of it around the column when the
    /// line is longer than `WINDOW` characters, with `…` at each end that was cut.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<String>,
    /// Where the column falls in `source_line` (1-based, in characters): the column itself
    /// unless the line was cut; 0 without a source line.
    #[serde(skip_serializing_if = "is_zero")]
    pub source_column: usize,
    /// How many characters the caret underlines.
    #[serde(skip)]
    pub width: usize,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: 0,
            column: 0,
            message: message.into(),
            hint: None,
            source_line: None,
            source_column: 0,
            width: 1,
        }
    }

    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    pub fn note(file: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(file, message)
        }
    }

    pub fn is_note(&self) -> bool {
        self.severity == Severity::Note
    }

    /// Places the diagnostic at `line:column` of `text` (both 1-based, the column in
    /// characters), keeping that line. Placing many diagnostics in one shared text (`Arc<str>`,
    /// as sources are) reads the text once, not once per diagnostic.
    #[must_use]
    pub fn at<T: Text + ?Sized>(self, text: &T, line: usize, column: usize) -> Diagnostic {
        text.place(self, line, column)
    }

    /// Places the diagnostic at `line:column` (1-based, the column in characters) of `text`,
    /// with `index` the text's lines.
    #[must_use]
    pub fn at_column(
        self,
        index: &LineIndex,
        text: &str,
        line: usize,
        column: usize,
    ) -> Diagnostic {
        match index.line(text, line) {
            Some(src) => {
                let byte = index.byte_of_column(text, line, column.max(1));
                self.at_line(line, src, byte, column)
            }
            None => self.nowhere(line, column),
        }
    }

    /// Places the diagnostic at byte `byte` (0-based) of line `line` (1-based) of `text`, with
    /// `index` the text's lines.
    #[must_use]
    pub fn at_byte(self, index: &LineIndex, text: &str, line: usize, byte: usize) -> Diagnostic {
        match index.line(text, line) {
            Some(src) => {
                let column = index.char_column(text, line, byte);
                self.at_line(line, src, crate::lines::floor_boundary(src, byte), column)
            }
            None => self.nowhere(line, byte + 1),
        }
    }

    /// Places the diagnostic at `line`, whose text is `src`, at the character `column` (both
    /// 1-based), which starts at byte `byte` of `src`. Keeps at most `WINDOW` characters of
    /// the line around the column, and underlines the word that starts there.
    #[must_use]
    pub fn at_line(mut self, line: usize, src: &str, byte: usize, column: usize) -> Diagnostic {
        self.line = line;
        self.column = column.max(1);
        let byte = crate::lines::floor_boundary(src, byte);
        let (start, end) = window(src, byte);
        let mut shown = String::with_capacity(end - start + 8);
        if start > 0 {
            shown.push('…');
        }
        shown.push_str(&src[start..end]);
        if end < src.len() {
            shown.push('…');
        }
        self.source_column = src[start..byte].chars().count() + 1 + usize::from(start > 0);
        // Underline the word that starts at the column, so carets cover a key or value.
        let word = src[byte..end]
            .trim_end()
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != ':' && *c != ',')
            .count();
        self.width = word.max(1);
        self.source_line = Some(shown);
        self
    }

    /// A place with no source line to show (a line past the end of the text).
    fn nowhere(mut self, line: usize, column: usize) -> Diagnostic {
        self.line = line;
        self.column = column.max(1);
        self
    }

    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    #[must_use]
    pub fn with_width(mut self, width: usize) -> Diagnostic {
        self.width = width.max(1);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The place as `file:line:col`, or as much of it as is known.
    pub fn place(&self) -> String {
        match (self.line, self.column) {
            (0, _) => self.file.clone(),
            (l, 0) => format!("{}:{l}", self.file),
            (l, c) => format!("{}:{l}:{c}", self.file),
        }
    }

    /// The terminal form: message, place, source line with carets, hint.
    pub fn human(&self) -> String {
        let mut out = String::new();
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        let _ = writeln!(out, "{label}: {}", self.message);
        if !self.file.is_empty() {
            let _ = writeln!(out, "  --> {}", self.place());
        }
        if let Some(src) = &self.source_line {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            let shown = src.replace('\t', "    ");
            let before: String = src
                .chars()
                .take(self.source_column.saturating_sub(1))
                .collect();
            let indent = before.replace('\t', "    ").chars().count();
            // No carets past the end of what is shown.
            let left = src.chars().count().saturating_sub(before.chars().count());
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{number} | {shown}");
            let _ = writeln!(
                out,
                "{pad} | {}{}",
                " ".repeat(indent),
                "^".repeat(self.width.min(left).max(1))
            );
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "  = hint: {hint}");
        }
        out
    }

    /// A GitHub Actions workflow command, so the problem shows on the pull request's diff.
    pub fn github(&self) -> String {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut text = self.message.clone();
        if let Some(hint) = &self.hint {
            text.push_str(" (hint: ");
            text.push_str(hint);
            text.push(')');
        }
        let mut props = Vec::new();
        if !self.file.is_empty() {
            props.push(format!("file={}", escape_property(&self.file)));
        }
        if self.line > 0 {
            props.push(format!("line={}", self.line));
        }
        if self.column > 0 {
            props.push(format!("col={}", self.column));
        }
        format!("::{level} {}::{}", props.join(","), escape_data(&text))
    }
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Puts diagnostics in a stable order: by file, then place, then message.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
    });
}

/// The closing line of a report: `2 errors, 1 warning`, with `, 3 notes` when there are any.
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let notes = count(Severity::Note);
    format!(
        "{}, {}{}",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        if notes > 0 {
            format!(", {}", plural(notes, "note"))
        } else {
            String::new()
        }
    )
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let word_lower = word.to_lowercase();
    let word_len = word.chars().count();
    candidates
        .into_iter()
        .filter_map(|c| {
            let len = c.chars().count();
            let limit = len.max(word_len).div_ceil(3);
            // Words whose lengths differ by more than the limit are further apart than it.
            if len.abs_diff(word_len) > limit {
                return None;
            }
            let d = strsim::levenshtein(&word_lower, &c.to_lowercase());
            (d <= limit).then_some((d, c))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

mod place;

pub use place::Text;
use place::window;

/// Plain words for an I/O failure, without Rust's debug form.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "it does not exist".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let text = e.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

#[cfg(test)]
mod tests;
