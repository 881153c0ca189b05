//! The validated site that templates see: every reference resolved, every figure checked.
//!
//! Built from the raw types by `check`; serialised once into the template context. The model
//! is the leaf of the crate: its types depend on nothing but each other, dates and periods
//! (`model_is_a_leaf` checks it). URLs here are root-relative (`/statements/2019-20/`);
//! templates pass them through `url()` so a site published under a sub-path still links
//! correctly.

pub mod date;
pub mod period;
pub mod registry;
pub mod scalar;

mod action;
mod commitment;
mod config;
mod dataset;
mod home;
mod kpi;
mod orders;
mod page;
mod partnership;
mod statement;
mod training;
mod update;
mod words;

pub use action::*;
pub use commitment::*;
pub use config::*;
pub use dataset::*;
pub use home::*;
pub use kpi::*;
pub use orders::*;
pub use page::*;
pub use partnership::*;
pub use statement::*;
pub use training::*;
pub use update::*;
pub use words::*;

use serde::Serialize;

/// The parts of the model, as templates see it (`model.<part>`): the fields of `Site`
/// (`render` builds the model by part; the dev server hashes each).
pub const PARTS: [&str; 17] = [
    "config",
    "statements",
    "updates",
    "pages",
    "footer_pages",
    "kpis",
    "orders",
    "courses",
    "resources",
    "partnerships",
    "activities",
    "actions",
    "charter",
    "commitments",
    "datasets",
    "home",
    "has_illustrative",
];

/// Everything templates see of a site: `site` is its `config`, `model` the whole.
#[derive(Debug, Serialize)]
pub struct Site {
    pub config: Config,
    /// Newest period first.
    pub statements: Vec<Statement>,
    /// Newest period first.
    pub updates: Vec<Update>,
    /// By footer order, then title.
    pub pages: Vec<Page>,
    /// The pages that have a `footer_order`, in that order: what every page's footer lists.
    pub footer_pages: Vec<Link>,
    pub kpis: Vec<Kpi>,
    /// Oldest period first.
    pub orders: Vec<Orders>,
    pub courses: Vec<Course>,
    pub resources: Vec<Resource>,
    pub partnerships: Vec<Partnership>,
    /// Oldest first.
    pub activities: Vec<Activity>,
    pub actions: Vec<Action>,
    pub charter: Option<Charter>,
    pub commitments: Vec<Commitment>,
    pub datasets: Vec<Dataset>,
    pub home: Home,
    /// True when any figure on the site is marked illustrative.
    pub has_illustrative: bool,
}

#[cfg(test)]
mod tests {
    /// The model imports nothing of the crate but its own files: no rendering, checking,
    /// reading or open-data type can creep into what templates see.
    #[test]
    fn model_is_a_leaf() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            // Tests may use the crate; what the model is made of may not.
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for (n, line) in code.lines().enumerate() {
                let mut rest = line;
                while let Some(at) = rest.find("crate::") {
                    let after = &rest[at + "crate::".len()..];
                    assert!(
                        after.starts_with("model") || after.starts_with("lookalike"),
                        "{}:{}: the model uses {}",
                        path.display(),
                        n + 1,
                        after
                            .split(|c: char| !c.is_alphanumeric() && c != '_' && c != ':')
                            .next()
                            .unwrap_or("")
                    );
                    rest = after;
                }
            }
        }
    }
}
