//! What each template is made from: which templates it loads (`extends`, `include`,
//! `import`, `from`), and which parts of the model it reads (`model.kpis`, `site.*`, from
//! minijinja's own list of each template's variables). Anything it cannot be sure of counts
//! as "everything": a template loaded by a computed name loads every template, and `model`
//! used whole reads every part. The link check uses what a template loads (the ids a page
//! has); the dev server uses both, to re-render only the pages a change reaches.

use std::collections::{BTreeMap, BTreeSet};

use minijinja::Environment;

use crate::model::PARTS;
use crate::theme::Theme;

/// What a template, with every template it loads, depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uses {
    /// Itself and every template it loads, directly or not.
    pub templates: BTreeSet<String>,
    /// The parts of the model read (`kpis`, `config` for `site`); `None` for all of them.
    pub reads: Option<BTreeSet<String>>,
}

/// Each template of the theme with every template it loads, directly or not, itself
/// included; a template that loads one by a computed name loads every template.
pub fn loads(theme: &Theme) -> BTreeMap<String, BTreeSet<String>> {
    let loads: BTreeMap<&str, Option<Vec<String>>> = theme
        .templates
        .iter()
        .map(|(name, t)| (name.as_str(), loaded(&t.text)))
        .collect();
    let all: BTreeSet<String> = theme.templates.keys().cloned().collect();
    let mut result = BTreeMap::new();
    for name in theme.templates.keys() {
        // The closure over `loads`; a computed name means any template.
        let mut seen = BTreeSet::from([name.clone()]);
        let mut queue = vec![name.as_str()];
        let mut dynamic = false;
        while let Some(next) = queue.pop() {
            match loads.get(next) {
                Some(Some(names)) => {
                    for n in names {
                        if seen.insert(n.clone()) {
                            queue.push(n);
                        }
                    }
                }
                Some(None) => dynamic = true,
                None => {}
            }
        }
        result.insert(name.clone(), if dynamic { all.clone() } else { seen });
    }
    result
}

/// `Uses` of every template in `env`.
pub fn uses(env: &Environment<'_>, theme: &Theme) -> BTreeMap<String, Uses> {
    let mut result = BTreeMap::new();
    for (name, templates) in loads(theme) {
        let mut reads = Some(BTreeSet::new());
        for t in &templates {
            let Ok(template) = env.get_template(t) else {
                continue;
            };
            for var in template.undeclared_variables(true) {
                let mut parts = var.split('.');
                let part = match (parts.next(), parts.next()) {
                    (Some("site"), _) => "config",
                    (Some("model"), Some(part)) if PARTS.contains(&part) => part,
                    // `model` whole, or through a method such as `model.items()`.
                    (Some("model"), _) => {
                        reads = None;
                        break;
                    }
                    _ => continue,
                };
                if let Some(r) = &mut reads {
                    r.insert(part.to_string());
                }
            }
        }
        result.insert(name, Uses { templates, reads });
    }
    result
}

/// The templates a template's tags load by name, or `None` when a name is computed.
fn loaded(text: &str) -> Option<Vec<String>> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{%") {
        let after = &rest[start + 2..];
        let end = after.find("%}").unwrap_or(after.len());
        let tag = after[..end].trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace());
        rest = &after[end..];
        let (keyword, args) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
        let expr = match keyword {
            "extends" | "include" => args
                .replace("ignore missing", " ")
                .replace("without context", " ")
                .replace("with context", " "),
            "import" => args
                .rsplit_once(" as ")
                .map_or(args, |(e, _)| e)
                .to_string(),
            "from" => args
                .split_once(" import ")
                .map_or(args, |(e, _)| e)
                .to_string(),
            _ => continue,
        };
        // Only string literals, alone or in a list, name templates for certain.
        let mut leftover = String::new();
        let mut chars = expr.chars();
        while let Some(c) = chars.next() {
            if c == '"' || c == '\'' {
                let name: String = chars.by_ref().take_while(|&q| q != c).collect();
                names.push(name);
            } else if !(c.is_whitespace() || c == '[' || c == ']' || c == ',') {
                leftover.push(c);
            }
        }
        if !leftover.is_empty() {
            return None;
        }
    }
    Some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_tags_are_read_and_computed_names_are_everything() {
        let text = "{% extends \"base.html\" %}{%- import 'macros.html' as m -%}\n{% include [\"a.html\", \"b.html\"] ignore missing with context %}{% from \"f.html\" import x %}{% if x %}{% endif %}";
        assert_eq!(
            loaded(text),
            Some(vec![
                "base.html".into(),
                "macros.html".into(),
                "a.html".into(),
                "b.html".into(),
                "f.html".into()
            ])
        );
        assert_eq!(loaded("{% include page.template %}"), None);
        assert_eq!(loaded("{% extends layout ~ \".html\" %}"), None);
    }

    fn theme(templates: &[(&str, &str)]) -> (Environment<'static>, Theme) {
        let mut theme = Theme::default();
        let mut env = Environment::new();
        for (name, text) in templates {
            theme.templates.insert(
                name.to_string(),
                crate::theme::Template {
                    origin: name.to_string(),
                    text: text.to_string(),
                },
            );
            env.add_template_owned(name.to_string(), text.to_string())
                .unwrap();
        }
        (env, theme)
    }

    #[test]
    fn reads_follow_loaded_templates() {
        let (env, theme) = theme(&[
            (
                "base.html",
                "{{ site.title }}{% for p in model.footer_pages %}{% endfor %}{% block c %}{% endblock %}",
            ),
            (
                "kpi.html",
                "{% extends \"base.html\" %}{% block c %}{{ kpi.title }}{{ model.datasets|length }}{% endblock %}",
            ),
            ("dump.html", "{{ model|tojson }}"),
            ("indexed.html", "{{ model[name] }}"),
            ("aliased.html", "{% set m = model %}{{ m.kpis }}"),
            (
                "method.html",
                "{% for k in model.keys() %}{{ k }}{% endfor %}",
            ),
            (
                "macro.html",
                "{% macro orders(x) %}{{ x }}{{ model.orders|length }}{% endmacro %}",
            ),
            (
                "calls.html",
                "{% import \"macro.html\" as mm %}{{ mm.orders(1) }}",
            ),
            ("any.html", "{% include name %}"),
        ]);
        let uses = uses(&env, &theme);
        let kpi = &uses["kpi.html"];
        assert_eq!(
            kpi.templates,
            BTreeSet::from(["base.html".into(), "kpi.html".into()])
        );
        assert_eq!(
            kpi.reads,
            Some(BTreeSet::from([
                "config".into(),
                "datasets".into(),
                "footer_pages".into()
            ]))
        );
        assert_eq!(uses["dump.html"].reads, None);
        assert_eq!(uses["indexed.html"].reads, None);
        assert_eq!(uses["aliased.html"].reads, None);
        assert_eq!(uses["method.html"].reads, None);
        assert_eq!(
            uses["calls.html"].reads,
            Some(BTreeSet::from(["orders".into()]))
        );
        assert_eq!(uses["any.html"].templates.len(), 9);
        assert_eq!(uses["any.html"].reads, None);
    }
}
