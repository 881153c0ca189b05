//! What of a record is not from a published source: `illustrative: true` marks the whole
//! record, `illustrative: [due, owner]` only those fields, so a real record keeps its real
//! details unmarked beside one illustrative date.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A record's illustrative mark, as written: none, the whole record, or some of its fields.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Illustrative {
    #[default]
    No,
    All,
    /// The names of the record's fields that are illustrative, as written.
    Fields(Vec<String>),
}

impl Illustrative {
    /// True when the whole record is illustrative.
    pub fn all(&self) -> bool {
        matches!(self, Illustrative::All)
    }

    /// True when `field` is illustrative: the whole record is, or the list names it.
    pub fn field(&self, field: &str) -> bool {
        match self {
            Illustrative::No => false,
            Illustrative::All => true,
            Illustrative::Fields(f) => f.iter().any(|f| f == field),
        }
    }

    /// True when anything of the record is illustrative.
    pub fn any(&self) -> bool {
        match self {
            Illustrative::No => false,
            Illustrative::All => true,
            Illustrative::Fields(f) => !f.is_empty(),
        }
    }

    /// The fields named (empty for `true` and `false`).
    pub fn fields(&self) -> Vec<String> {
        match self {
            Illustrative::Fields(f) => f.clone(),
            _ => Vec::new(),
        }
    }

    /// The names a list gives again after their first time, with their index.
    pub fn repeated(&self) -> Vec<(usize, &str)> {
        match self {
            Illustrative::Fields(f) => f
                .iter()
                .enumerate()
                .filter(|(i, name)| f[..*i].contains(name))
                .map(|(i, name)| (i, name.as_str()))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The named fields that are not among `allowed`, with their place in the list.
    pub fn unknown<'a>(&'a self, allowed: &[&str]) -> Vec<(usize, &'a str)> {
        match self {
            Illustrative::Fields(f) => f
                .iter()
                .enumerate()
                .filter(|(_, name)| !allowed.contains(&name.as_str()))
                .map(|(i, name)| (i, name.as_str()))
                .collect(),
            _ => Vec::new(),
        }
    }
}

#[derive(Deserialize, Serialize)]
#[serde(untagged)]
enum Written {
    Whole(bool),
    Fields(Vec<String>),
}

impl<'de> Deserialize<'de> for Illustrative {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Written::deserialize(d).map_err(|_| {
            serde::de::Error::custom(
                "expected true, false, or a list of the fields that are illustrative, such as [due, owner]",
            )
        })? {
            Written::Whole(true) => Ok(Illustrative::All),
            Written::Whole(false) => Ok(Illustrative::No),
            Written::Fields(f) => Ok(Illustrative::Fields(f)),
        }
    }
}

impl Serialize for Illustrative {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Illustrative::No => s.serialize_bool(false),
            Illustrative::All => s.serialize_bool(true),
            Illustrative::Fields(f) => f.serialize(s),
        }
    }
}

impl JsonSchema for Illustrative {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Illustrative".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "true when the whole record is not from a published source; or a list of the fields that are not, such as [due, owner].",
            "anyOf": [
                { "type": "boolean" },
                { "type": "array", "items": { "type": "string" } }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_a_record_or_its_fields() {
        let some = Illustrative::Fields(vec!["due".into(), "ownr".into()]);
        assert!(some.field("due") && !some.field("status") && some.any() && !some.all());
        assert_eq!(some.unknown(&["due", "owner"]), vec![(1, "ownr")]);
        assert!(Illustrative::All.field("anything"));
        assert!(!Illustrative::No.any());
    }
}
