//! Templates and theme files, gathered at the start of a build in Zola's lookup order:
//! the site's `templates/`, then `themes/<theme>/`, then the default theme embedded in the binary.

pub mod ids;

use std::collections::BTreeMap;
use std::path::Path;

use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;
use crate::source::Source;
use crate::source::load::{is_editor_litter, rel};

/// A template's text and the file it came from (for diagnostics).
#[derive(Clone, Debug)]
pub struct Template {
    pub origin: String,
    pub text: String,
}

/// Everything rendering needs from the theme, in memory.
#[derive(Clone, Debug, Default)]
pub struct Theme {
    /// By name (`statement.html`, `partials/chart.svg`).
    pub templates: BTreeMap<String, Template>,
    /// Files published under `/theme/`, by path relative to the theme's `static/`.
    pub static_files: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// Reads the theme `name` and the site's overrides under `root`.
    pub fn load(root: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
        let mut theme = Theme::default();
        let mut problems = Vec::new();
        for (path, bytes) in crate::embedded::THEME {
            theme.add(
                &format!("(built-in default theme)/{path}"),
                path,
                bytes.to_vec(),
                &mut problems,
            );
        }
        let dir = root.join("themes").join(name);
        if dir.is_dir() {
            theme.read_dir(root, &dir, "", &mut problems);
        } else if name != "default" {
            problems.push(
                Diagnostic::error(
                    "content/site.yaml",
                    format!("there is no theme '{name}' in themes/"),
                )
                .with_hint(
                    "remove `theme:` to use the built-in default theme, or add the theme's folder",
                ),
            );
        }
        let overrides = root.join("templates");
        if overrides.is_dir() {
            theme.read_dir(root, &overrides, "templates/", &mut problems);
        }
        if problems.iter().any(Diagnostic::is_error) {
            Err(problems)
        } else {
            Ok(theme)
        }
    }

    /// Reads a theme folder (`prefix` "") or a site `templates/` folder (`prefix` "templates/").
    fn read_dir(&mut self, root: &Path, dir: &Path, prefix: &str, problems: &mut Vec<Diagnostic>) {
        for entry in WalkDir::new(dir)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if !entry.file_type().is_file()
                || is_editor_litter(&entry.file_name().to_string_lossy())
            {
                continue;
            }
            let origin = rel(root, entry.path());
            let inner = rel(dir, entry.path());
            match std::fs::read(entry.path()) {
                Ok(bytes) => self.add(&origin, &format!("{prefix}{inner}"), bytes, problems),
                Err(e) => problems.push(Diagnostic::error(
                    &origin,
                    format!("cannot read this file: {}", crate::source::io_reason(&e)),
                )),
            }
        }
    }

    fn add(&mut self, origin: &str, path: &str, bytes: Vec<u8>, problems: &mut Vec<Diagnostic>) {
        if let Some(name) = path.strip_prefix("templates/") {
            match Source::from_bytes(origin, bytes) {
                Ok(s) => {
                    self.templates.insert(
                        name.to_string(),
                        Template {
                            origin: origin.to_string(),
                            text: s.text.to_string(),
                        },
                    );
                }
                Err(d) => problems.push(d),
            }
        } else if let Some(name) = path.strip_prefix("static/") {
            self.static_files.insert(name.to_string(), bytes);
        }
    }
}
