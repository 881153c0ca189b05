//! Templates, theme files and translation tables, gathered at the start of a build in Zola's
//! lookup order: the site's `templates/` (and `i18n/`), then `themes/<theme>/`, then the
//! default theme embedded in the binary.

pub mod graph;
pub mod ids;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;
use crate::i18n::{self, Words};
use crate::source::Source;
use crate::source::classify::is_editor_litter;
use crate::source::load::rel;

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
    /// The words readers see, by language (`en`): the theme's `i18n/LANG.yaml` tables, each
    /// key taken from the last file in lookup order that has it.
    pub words: BTreeMap<String, Arc<Words>>,
    /// The site's own tables (`i18n/LANG.yaml` at its root), by language: the file and the
    /// keys it replaces, to tell which it replaces in one language only.
    pub site_tables: BTreeMap<String, (String, Vec<String>)>,
    /// Warnings met reading the theme (a key the site replaces in one language only),
    /// reported with the site's other diagnostics.
    pub warnings: Vec<Diagnostic>,
}

impl Theme {
    /// Reads the theme `name` and the site's overrides under `root`.
    pub fn load(root: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
        Theme::load_for(root, name, None)
    }

    /// [`Theme::load`] for a site in `languages` (`None`: every language): of the built-in
    /// default theme's tables only English (every site's fallback) and those languages' are
    /// read, so a site in English alone does not parse the Welsh table; every table of the
    /// theme's folder and the site's `i18n/` is read and checked, used or not.
    pub fn load_for(
        root: &Path,
        name: &str,
        languages: Option<&[String]>,
    ) -> Result<Theme, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let wanted = |language: &str| {
            language == "en"
                || languages.is_none_or(|l| l.iter().any(|t| i18n::primary(t) == language))
        };
        let mut theme = Theme::embedded(&mut problems, &wanted);
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
        let words = root.join("i18n");
        if words.is_dir() {
            theme.read_dir(root, &words, "i18n/", &mut problems);
        }
        if !problems.iter().any(Diagnostic::is_error) {
            theme.check_words(&mut problems);
        }
        if let Some(languages) = languages {
            theme.warnings = theme.one_sided(languages);
            theme.fall_back_to_default(languages);
        }
        if problems.iter().any(Diagnostic::is_error) {
            Err(problems)
        } else {
            Ok(theme)
        }
    }

    /// The default theme alone, as the binary carries it: for tests, and for words when a
    /// site's theme cannot be read.
    pub fn builtin() -> Theme {
        static BUILTIN: std::sync::OnceLock<Theme> = std::sync::OnceLock::new();
        BUILTIN
            .get_or_init(|| Theme::embedded(&mut Vec::new(), &|_| true))
            .clone()
    }

    /// The built-in default theme, with the translation tables of the languages `wanted`
    /// accepts.
    fn embedded(problems: &mut Vec<Diagnostic>, wanted: &dyn Fn(&str) -> bool) -> Theme {
        let mut theme = Theme::default();
        for (path, bytes) in crate::embedded::THEME {
            let table = path
                .strip_prefix("i18n/")
                .and_then(|f| f.strip_suffix(".yaml"));
            if table.is_some_and(|language| !wanted(language)) {
                continue;
            }
            theme.add(
                &format!("(built-in default theme)/{path}"),
                path,
                bytes.to_vec(),
                problems,
            );
        }
        theme
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
                Ok(bytes) => {
                    let path = format!("{prefix}{inner}");
                    if prefix == "i18n/" {
                        self.note_site_table(&origin, &path, &bytes);
                    }
                    self.add(&origin, &path, bytes, problems);
                }
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
        } else if let Some(file) = path.strip_prefix("i18n/")
            && let Some(language) = file.strip_suffix(".yaml")
            && !language.contains('/')
        {
            let read = Source::from_bytes(origin, bytes)
                .map_err(|d| vec![d])
                .and_then(|source| Words::parse(&source, language));
            match read {
                Ok(words) => match self.words.get_mut(language) {
                    Some(table) => Arc::make_mut(table).merge(words),
                    None => {
                        self.words.insert(language.to_string(), Arc::new(words));
                    }
                },
                Err(mut d) => problems.append(&mut d),
            }
        }
    }

    /// Records which keys the site's own table at `path` (`i18n/cy.yaml`) replaces. A table
    /// that cannot be read is reported by [`Theme::add`].
    fn note_site_table(&mut self, origin: &str, path: &str, bytes: &[u8]) {
        let Some(language) = path
            .strip_prefix("i18n/")
            .and_then(|f| f.strip_suffix(".yaml"))
            .filter(|l| !l.contains('/'))
        else {
            return;
        };
        let Ok(source) = Source::from_bytes(origin, bytes.to_vec()) else {
            return;
        };
        if let Ok(words) = Words::parse(&source, language) {
            let keys = words.keys().map(str::to_string).collect();
            self.site_tables
                .insert(language.to_string(), (origin.to_string(), keys));
        }
    }

    /// A warning for each of the site's own tables that replaces keys another of the site's
    /// `languages` does not: pages in that language show the default language's words for
    /// them, marked untranslated (when the table is the default language's), or the theme's
    /// words, which may say what the site meant to change (who publishes it, a licence
    /// claim). One per table and other language, with the count and the keys.
    fn one_sided(&self, languages: &[String]) -> Vec<Diagnostic> {
        let mut warnings = Vec::new();
        let primaries: Vec<&str> = languages.iter().map(|l| i18n::primary(l)).collect();
        if primaries.len() < 2 {
            return warnings;
        }
        let table = |language: &str| {
            self.site_tables
                .iter()
                .find(|(l, _)| *l == language || i18n::primary(l) == language)
                .map(|(_, t)| t)
        };
        for language in &primaries {
            let Some((file, keys)) = table(language) else {
                continue;
            };
            for other in primaries.iter().filter(|o| *o != language) {
                let theirs = table(other).map(|(_, k)| k.as_slice()).unwrap_or_default();
                let missing: Vec<&str> = keys
                    .iter()
                    .filter(|k| !theirs.contains(k))
                    .map(String::as_str)
                    .collect();
                if missing.is_empty() {
                    continue;
                }
                let count = missing.len();
                // The default language's words stand in, marked (`fall_back_to_default`);
                // another language's are the theme's.
                let shown = if *language == primaries[0] {
                    format!(
                        "this file's words for {}, marked as not yet translated",
                        if count == 1 { "it" } else { "them" }
                    )
                } else {
                    format!(
                        "the theme's words for {}",
                        if count == 1 { "it" } else { "them" }
                    )
                };
                warnings.push(
                    Diagnostic::warning(
                        file,
                        format!(
                            "{count} {} replaced here but not in i18n/{other}.yaml, so the '{other}' pages show {shown}: {}",
                            if count == 1 { "key is" } else { "keys are" },
                            missing.join(", ")
                        ),
                    )
                    .with_hint(format!(
                        "give the same {} in i18n/{other}.yaml, in that language, so both say what the site means (a licence, who publishes it)",
                        if count == 1 { "key" } else { "keys" }
                    )),
                );
            }
        }
        warnings
    }

    /// On a site in several languages, a key the site's own table replaces in the default
    /// language (the first of `languages`) and not in another is shown on that language's
    /// pages in the default language's words, marked untranslated (`lang` and the note), as
    /// any other text not yet translated: never the theme's generic words, which may say
    /// what the site meant to change (who publishes it, a licence claim).
    fn fall_back_to_default(&mut self, languages: &[String]) {
        let Some(default) = languages.first() else {
            return;
        };
        let table = |language: &str| {
            self.site_tables
                .iter()
                .find(|(l, _)| *l == language || i18n::primary(l) == language)
                .map(|(_, (_, keys))| keys.clone())
        };
        let Some(keys) = table(i18n::primary(default)) else {
            return;
        };
        let original = self.words(default);
        for other in languages.iter().skip(1).map(|l| i18n::primary(l)) {
            let theirs = table(other).unwrap_or_default();
            let Some(words) = self.words.get_mut(other) else {
                continue;
            };
            for key in keys.iter().filter(|k| !theirs.contains(k)) {
                if let Some(text) = original.get(key) {
                    Arc::make_mut(words).insert(key, i18n::mark_inline(text));
                }
            }
        }
    }

    /// The words for `language` (`en-GB` finds `en`), or English when the theme has no
    /// table for it.
    pub fn words(&self, language: &str) -> Arc<Words> {
        let primary = language.split(['-', '_']).next().unwrap_or(language);
        self.words
            .get(language)
            .or_else(|| self.words.get(primary))
            .or_else(|| self.words.get("en"))
            .cloned()
            .unwrap_or_else(|| Arc::new(Words::default()))
    }

    /// Every key a template names (`t("key")`) and every key Rust uses must be in each
    /// language's table: a missing one is an error at the template's line, or at the table.
    fn check_words(&self, problems: &mut Vec<Diagnostic>) {
        let rust = i18n::rust_keys();
        for (language, words) in &self.words {
            let file = format!("i18n/{language}.yaml");
            for key in words.missing(rust.iter().map(String::as_str)) {
                problems.push(
                    Diagnostic::error(&file, format!("the translation table has no `{key}`, which candour needs"))
                        .with_hint(format!("add `{key}` to i18n/{language}.yaml (the default theme's table lists every key)")),
                );
            }
            for (name, template) in &self.templates {
                for (key, line) in i18n::template_keys(&template.text) {
                    if words.get(&key).is_none() {
                        problems.push(
                            Diagnostic::error(
                                &template.origin,
                                format!("`{key}` is not in the {language} translation table"),
                            )
                            .at(&template.text, line, 1)
                            .with_hint(format!(
                                "add it to i18n/{language}.yaml, or correct the key in {name}"
                            )),
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site in English alone does not read the built-in Welsh table (a third of a small
    /// site's build was spent parsing it); a bilingual site does, and English is always there.
    #[test]
    fn only_the_sites_languages_built_in_tables_are_read() {
        let root = Path::new("/nonexistent");
        let en = Theme::load_for(root, "default", Some(&["en-GB".to_string()])).unwrap();
        assert!(en.words.contains_key("en") && !en.words.contains_key("cy"));
        let both = ["en".to_string(), "cy".to_string()];
        let bilingual = Theme::load_for(root, "default", Some(&both)).unwrap();
        assert!(bilingual.words.contains_key("en") && bilingual.words.contains_key("cy"));
        let welsh = Theme::load_for(root, "default", Some(&["cy".to_string()])).unwrap();
        assert!(welsh.words.contains_key("en") && welsh.words.contains_key("cy"));
        assert!(
            Theme::load(root, "default")
                .unwrap()
                .words
                .contains_key("cy")
        );
    }

    /// The default theme's Welsh table has every key of the English one and no other (bar
    /// the months after "i", which Welsh mutates): a Welsh page is never part English.
    #[test]
    fn the_welsh_table_has_the_english_keys() {
        let theme = Theme::builtin();
        let (en, cy) = (&theme.words["en"], &theme.words["cy"]);
        let keys = |w: &Words| -> Vec<String> {
            w.keys()
                .filter(|k| !i18n::optional(k))
                .map(str::to_string)
                .collect()
        };
        assert_eq!(keys(cy), keys(en));
        assert_eq!(cy.language, "cy");
        // Every month after "i" is there, each its soft-mutated form or the month itself.
        assert_eq!(cy.month(9, Some("months_after_to")), "Fedi");
        assert_eq!(cy.month(3, Some("months_after_to")), "Fawrth");
        assert_eq!(cy.month(1, Some("months_after_to")), "Ionawr");
        // A span's end, as a chart's description gives it: "i Fawrth 2021"; English as ever.
        let march = crate::model::date::Date::parse("2021-03-31").unwrap();
        assert_eq!(cy.month_year_after_to(march), "Fawrth 2021");
        assert_eq!(en.month_year_after_to(march), "March 2021");
    }

    /// The default theme's tables have every key its templates and Rust use, and no key
    /// that nothing uses, so words cannot go missing, nor dead ones pile up.
    #[test]
    fn the_default_theme_has_every_key_it_uses_and_uses_every_key() {
        let theme = Theme::builtin();
        assert!(theme.words.contains_key("en"));
        let mut problems = Vec::new();
        theme.check_words(&mut problems);
        let missing: Vec<String> = problems.iter().map(|d| d.message.clone()).collect();
        assert!(missing.is_empty(), "missing keys: {missing:#?}");
        for (language, words) in &theme.words {
            let unused = words.unused(theme.templates.values().map(|t| t.text.as_str()));
            assert!(
                unused.is_empty(),
                "keys of the default theme's i18n/{language}.yaml that no template and no Rust \
                 uses: {unused:#?}"
            );
        }
    }
}
