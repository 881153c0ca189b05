//! What serde reads from the site's YAML: one struct per file shape, unknown fields refused.
//!
//! These types are the authors' contract. The JSON Schemas on the open-data page are generated
//! from them, so every field's doc comment is the description a reader of the schema sees
//! (`every_property_is_described` checks that none is missing). One file per input shape.

mod actions;
mod commitments;
mod kpis;
mod orders;
mod page;
mod partnerships;
mod registry;
mod site;
mod statement;
mod training;
mod update;

pub use actions::*;
pub use commitments::*;
pub use kpis::*;
pub use orders::*;
pub use page::*;
pub use partnerships::*;
pub use registry::*;
pub use site::*;
pub use statement::*;
pub use training::*;
pub use update::*;

// Plain values the model shares: authors write them as the model holds them.
pub use crate::model::{
    Accessibility, ActivityKind, Basis, Budget, Cadence, Compliance, Contact, Direction,
    Illustrative, KnownIssue, KpiKind, Licence, OrderCounts, Sector, Status,
};

/// A note for the public history of a statement, update or page (`changes:` in its
/// front matter): what changed on a day, in the author's words.
#[derive(Debug, serde::Deserialize, serde::Serialize, schemars::JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct ChangeNote {
    /// The day of the change, `YYYY-MM-DD`.
    #[schemars(example = &"2021-03-12")]
    pub date: crate::model::date::Date,
    /// What changed, in a sentence.
    #[schemars(example = &"Corrected the number of people trained")]
    pub note: String,
}

#[cfg(test)]
mod tests {
    use schemars::JsonSchema;
    use serde_json::Value;

    /// Every property of a schema, with its path, and whether it has a description.
    fn undescribed<T: JsonSchema>() -> Vec<String> {
        let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
        let mut missing = Vec::new();
        let mut objects = vec![("".to_string(), &schema)];
        if let Some(Value::Object(defs)) = schema.get("$defs") {
            objects.extend(defs.iter().map(|(name, def)| (name.clone(), def)));
        }
        for (owner, object) in objects {
            let Some(Value::Object(properties)) = object.get("properties") else {
                continue;
            };
            for (name, property) in properties {
                let described = property
                    .get("description")
                    .and_then(Value::as_str)
                    .is_some_and(|d| !d.trim().is_empty());
                if !described {
                    missing.push(format!("{}{owner}.{name}", std::any::type_name::<T>()));
                }
            }
        }
        missing
    }

    #[test]
    fn every_property_is_described() {
        let mut missing = Vec::new();
        missing.extend(undescribed::<super::SiteFile>());
        missing.extend(undescribed::<super::StatementFile>());
        missing.extend(undescribed::<super::UpdateFile>());
        missing.extend(undescribed::<super::PageFile>());
        missing.extend(undescribed::<super::KpisFile>());
        missing.extend(undescribed::<super::OrdersFile>());
        missing.extend(undescribed::<super::TrainingFile>());
        missing.extend(undescribed::<super::PartnershipsFile>());
        missing.extend(undescribed::<super::ActionsFile>());
        missing.extend(undescribed::<super::CommitmentsFile>());
        assert!(
            missing.is_empty(),
            "{} properties have no description (a doc comment on the field):\n{}",
            missing.len(),
            missing.join("\n")
        );
    }
}
