//! Source files as read from disk: size-capped, UTF-8 checked, BOM stripped, front matter split.

pub mod classify;
pub mod fields;
pub mod load;
mod patch;
pub mod reuse;

pub mod yaml;

use std::path::Path;

use crate::diagnostic::Diagnostic;

/// Larger source files are refused rather than read.
pub const MAX_SOURCE_BYTES: u64 = 8 * 1024 * 1024;

/// A text file of the site, by its path relative to the root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Relative to the site root, `/`-separated: how diagnostics name it.
    pub path: String,
    /// Shared, so caches can keep it and tell an unchanged file by pointer.
    pub text: std::sync::Arc<str>,
}

impl Source {
    /// Reads a file, turning every way it can be unreadable into a diagnostic.
    pub fn read(root: &Path, rel: &str) -> Result<Source, Diagnostic> {
        use std::io::Read as _;
        let full = root.join(rel);
        let unreadable = |e: std::io::Error| {
            Diagnostic::error(rel, format!("cannot read this file: {}", io_reason(&e)))
        };
        // Only ordinary files are opened: opening a named pipe waits for a writer forever.
        let meta = std::fs::symlink_metadata(&full).map_err(unreadable)?;
        if !meta.is_file() {
            return Err(Diagnostic::warning(
                rel,
                "this is not a regular file, so candour leaves it out and never opens it",
            ));
        }
        let mut file = std::fs::File::open(&full).map_err(unreadable)?;
        // What was opened, in case the path changed in between.
        let meta = file.metadata().map_err(unreadable)?;
        if !meta.is_file() {
            return Err(Diagnostic::warning(
                rel,
                "this is not a regular file, so candour leaves it out and never opens it",
            ));
        }
        if meta.len() > MAX_SOURCE_BYTES {
            return Err(too_large(rel, meta.len()));
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        // Read one byte past the limit, in case the file grew since it was measured.
        (&mut file)
            .take(MAX_SOURCE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        if bytes.len() as u64 > MAX_SOURCE_BYTES {
            return Err(too_large(rel, bytes.len() as u64));
        }
        Source::from_bytes(rel, bytes)
    }

    /// Decodes bytes as UTF-8 (a leading byte-order mark is dropped). A file with the old
    /// Mac line endings (a carriage return alone) is read as lines: each lone `\r` becomes
    /// `\n`, so lines and columns in diagnostics are the ones an editor shows.
    pub fn from_bytes(rel: &str, bytes: Vec<u8>) -> Result<Source, Diagnostic> {
        match String::from_utf8(bytes) {
            Ok(mut text) => {
                if text.starts_with('\u{feff}') {
                    text.drain(..3);
                }
                if text.contains('\r') {
                    text = lone_carriage_returns_as_newlines(&text);
                }
                Ok(Source {
                    path: rel.to_string(),
                    text: text.into(),
                })
            }
            Err(e) => {
                let bytes = e.as_bytes();
                let valid = e.utf8_error().valid_up_to();
                let good = String::from_utf8_lossy(&bytes[..valid]);
                let line = good.matches('\n').count() + 1;
                let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                let lossy = String::from_utf8_lossy(bytes);
                Err(Diagnostic::error(rel, "this file is not valid UTF-8 text")
                    .at(&lossy, line, column)
                    .with_hint("save the file with UTF-8 encoding (most editors offer it under 'Save with encoding')"))
            }
        }
    }
}

/// `a\rb\r\nc` → `a\nb\r\nc`: Windows line endings stay, old Mac ones become Unix ones.
fn lone_carriage_returns_as_newlines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

pub(crate) fn too_large(rel: &str, len: u64) -> Diagnostic {
    Diagnostic::error(
        rel,
        format!(
            "this file is {len} bytes, over the {} MiB limit for a source file",
            MAX_SOURCE_BYTES / 1024 / 1024
        ),
    )
    .with_hint("split it into smaller files, or move large documents to content/static/")
}

pub use crate::diagnostic::io_reason;

/// A Markdown file split at its front matter.
pub struct FrontMatter<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// Lines before the YAML starts (the opening `---`), to count lines from the file's top.
    pub yaml_line_offset: usize,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
    /// Lines before the body starts.
    pub body_line_offset: usize,
}

/// Splits `---\nyaml\n---\nmarkdown`. Front matter is required of every content file.
pub fn split_front_matter(source: &Source) -> Result<FrontMatter<'_>, Diagnostic> {
    let text: &str = &source.text;
    let first_line = text.lines().next().unwrap_or("");
    if first_line.trim_end() == "+++" {
        return Err(Diagnostic::error(&source.path, "this file has TOML front matter (between '+++' lines); candour reads YAML front matter only")
            .at(text, 1, 1)
            .with_width(3)
            .with_hint("put the fields between '---' lines and write them as YAML, `title: About us` instead of `title = \"About us\"`"));
    }
    if first_line.trim_end() != "---" {
        return Err(Diagnostic::error(&source.path, "this file has no front matter")
            .at(text, 1, 1)
            .with_hint("start the file with a line '---', the YAML fields (title, period...), then another '---' line"));
    }
    let yaml_start = text.find('\n').map_or(text.len(), |nl| nl + 1);
    let mut offset = yaml_start;
    // The opening `---` is line 1, so the n-th line after it is line n + 2.
    for (n, line) in text[yaml_start..].split_inclusive('\n').enumerate() {
        let line_no = n + 2;
        if line.trim_end() == "---" {
            return Ok(FrontMatter {
                yaml: &text[yaml_start..offset],
                yaml_line_offset: 1,
                body: &text[offset + line.len()..],
                body_line_offset: line_no,
            });
        }
        offset += line.len();
    }
    Err(
        Diagnostic::error(&source.path, "the front matter is never closed")
            .at(text, 1, 1)
            .with_hint("end the YAML fields with a line holding only '---'"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> Source {
        Source {
            path: "a.md".into(),
            text: text.into(),
        }
    }

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let s = src("---\ntitle: x\nperiod: y\n---\n# Body\n");
        let fm = split_front_matter(&s).unwrap();
        assert_eq!(fm.yaml, "title: x\nperiod: y\n");
        assert_eq!(fm.yaml_line_offset, 1);
        assert_eq!(fm.body, "# Body\n");
        assert_eq!(fm.body_line_offset, 4);
        let crlf = src("---\r\ntitle: x\r\n---\r\nbody");
        assert_eq!(split_front_matter(&crlf).unwrap().yaml, "title: x\r\n");
    }

    #[test]
    fn refuses_missing_and_unclosed_front_matter() {
        assert!(split_front_matter(&src("# Title\n")).is_err());
        assert!(split_front_matter(&src("---\ntitle: x\n")).is_err());
    }

    #[test]
    fn bom_dropped_and_bad_utf8_located() {
        let s = Source::from_bytes("a", b"\xEF\xBB\xBFtitle: x".to_vec()).unwrap();
        assert_eq!(&*s.text, "title: x");
        let d = Source::from_bytes("a", b"ok\nab\xFFc".to_vec()).unwrap_err();
        assert_eq!((d.line, d.column), (2, 3));
        let mac = Source::from_bytes("a", b"---\rtitle: x\r---\r\r\nbody".to_vec()).unwrap();
        assert_eq!(&*mac.text, "---\ntitle: x\n---\n\r\nbody");
    }
}
