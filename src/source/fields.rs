//! What the raw types ask of a mapping, read from their JSON Schema (the one published on
//! the open-data page): the fields a mapping needs, for hints about a missing field or an
//! empty file.

use schemars::JsonSchema;
use serde_json::Value;

/// The JSON Schema of a raw type, as JSON.
pub fn schema<T: JsonSchema>() -> Value {
    serde_json::to_value(schemars::schema_for!(T)).unwrap_or(Value::Null)
}

/// The required fields of the mapping at `path` (a span-index path such as
/// `approval.signed_by[0]`; empty for the top), in the schema's order.
pub fn required(schema: &Value, path: &str) -> Vec<String> {
    let Some(at) = follow(schema, path) else {
        return Vec::new();
    };
    at.get("required")
        .and_then(Value::as_array)
        .map(|r| {
            r.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// `title`, `` `title` and `period` ``, `` `a`, `b` and `c` ``.
pub fn list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The hint for a missing field `name` in the mapping at `path`: the line to add, with an
/// example value where the schema has one, and every field the mapping needs.
pub fn missing_hint(schema: &Value, path: &str, name: &str) -> String {
    let example = follow(schema, path)
        .and_then(|m| m.get("properties"))
        .and_then(|p| p.get(name))
        .map(|p| resolve(schema, p))
        .and_then(|p| p.get("examples"))
        .and_then(Value::as_array)
        .and_then(|e| e.first())
        .map(|e| match e {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        });
    let line = match example {
        Some(e) => format!("such as `{name}: {e}`"),
        None => format!("`{name}: ...`"),
    };
    let needs = required(schema, path);
    if needs.len() > 1 {
        format!(
            "add a line {line} to this mapping; it needs {}",
            list(&needs)
        )
    } else {
        format!("add a line {line} to this mapping")
    }
}

/// The schema of the value at `path`, following `$ref`s, optional values and list items.
fn follow<'a>(schema: &'a Value, path: &str) -> Option<&'a Value> {
    let mut at = resolve(schema, schema);
    for step in steps(path) {
        at = match step {
            Step::Key(k) => resolve(schema, at.get("properties")?.get(k)?),
            Step::Item => resolve(schema, at.get("items")?),
        };
    }
    Some(at)
}

enum Step<'a> {
    Key(&'a str),
    Item,
}

fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let key = part.split('[').next().unwrap_or(part);
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        for _ in part.matches('[') {
            out.push(Step::Item);
        }
    }
    out
}

/// A schema with its `$ref` followed and, for an optional value (`anyOf` with null), the
/// value's own schema.
fn resolve<'a>(root: &'a Value, mut at: &'a Value) -> &'a Value {
    for _ in 0..8 {
        if let Some(r) = at.get("$ref").and_then(Value::as_str) {
            let name = r.rsplit('/').next().unwrap_or("");
            match root.get("$defs").and_then(|d| d.get(name)) {
                Some(next) => at = next,
                None => return at,
            }
        } else if let Some(alternatives) = at
            .get("anyOf")
            .or_else(|| at.get("oneOf"))
            .and_then(Value::as_array)
        {
            match alternatives
                .iter()
                .find(|a| a.get("type").and_then(Value::as_str) != Some("null"))
            {
                Some(next) => at = next,
                None => return at,
            }
        } else {
            return at;
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raw::{KpisFile, StatementFile};

    #[test]
    fn required_fields_follow_the_path() {
        let s = schema::<StatementFile>();
        assert!(required(&s, "").contains(&"title".to_string()));
        assert!(required(&s, "").contains(&"period".to_string()));
        assert!(required(&s, "approval").is_empty());
        let k = schema::<KpisFile>();
        assert!(required(&k, "kpis[0]").contains(&"kind".to_string()));
        assert!(required(&k, "kpis[0].values[0]").contains(&"period".to_string()));
        assert_eq!(
            list(&["a".into(), "b".into(), "c".into()]),
            "`a`, `b` and `c`"
        );
    }
}
