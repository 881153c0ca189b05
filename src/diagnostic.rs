//! Author mistakes: one `Diagnostic` each, with place, source line and hint, rendered three ways.

use std::fmt::Write as _;

use serde::Serialize;

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
    /// The offending line of source, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<String>,
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

    /// Places the diagnostic at `line:column` of `text` (both 1-based), keeping that line.
    #[must_use]
    pub fn at(mut self, text: &str, line: usize, column: usize) -> Diagnostic {
        self.line = line;
        self.column = column.max(1);
        self.source_line = text.lines().nth(line.saturating_sub(1)).map(str::to_string);
        if let Some(src) = &self.source_line {
            // Underline the word that starts at the column, so carets cover a key or value.
            let rest: String = src.chars().skip(self.column - 1).collect();
            let word = rest
                .trim_end()
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != ':' && *c != ',')
                .count();
            self.width = word.max(1);
        }
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
            let before: String = src.chars().take(self.column.saturating_sub(1)).collect();
            let indent = before.replace('\t', "    ").chars().count();
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{number} | {shown}");
            let _ = writeln!(
                out,
                "{pad} | {}{}",
                " ".repeat(indent),
                "^".repeat(self.width)
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
    candidates
        .into_iter()
        .map(|c| (edit_distance(&word_lower, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= c.chars().count().max(word.chars().count()).div_ceil(3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_form_has_place_line_caret_and_hint() {
        let text = "title: x\ntitel: y\n";
        let d = Diagnostic::error("content/site.yaml", "unknown field `titel`")
            .at(text, 2, 1)
            .with_hint("did you mean `title`?");
        assert_eq!(
            d.human(),
            "error: unknown field `titel`\n  --> content/site.yaml:2:1\n  |\n2 | titel: y\n  | ^^^^^\n  = hint: did you mean `title`?\n"
        );
    }

    #[test]
    fn suggestions_are_close_matches_only() {
        let fields = ["title", "period", "published"];
        assert_eq!(did_you_mean("titel", fields), Some("title"));
        assert_eq!(did_you_mean("publshed", fields), Some("published"));
        assert_eq!(did_you_mean("colour", fields), None);
    }

    #[test]
    fn github_form_escapes() {
        let d = Diagnostic::error("a,b.yaml", "bad\nthing").at("x", 1, 1);
        assert_eq!(
            d.github(),
            "::error file=a%2Cb.yaml,line=1,col=1::bad%0Athing"
        );
    }
}
