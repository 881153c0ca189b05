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
mod history;
mod home;
mod illustrative;
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
pub use history::*;
pub use home::*;
pub use illustrative::*;
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
pub const PARTS: [&str; 19] = [
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
    "changes",
    "sections",
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
    /// What was published or corrected, newest first (`/changes/`); empty without git.
    pub changes: Changes,
    /// The sections the site has content for, in navigation order (keys of
    /// `i18n::NAV_KEYS`, each `routes.KEY`): only these have a page, a navigation link, a
    /// home-page line and a sitemap entry.
    pub sections: Vec<String>,
}

/// The data of a site, as checked from its data files (`content/data/*.yaml`); a file
/// absent or invalid contributes nothing (`None`/empty).
#[derive(Default)]
pub struct Data {
    pub kpis: Vec<Kpi>,
    pub orders: Vec<Orders>,
    pub courses: Vec<Course>,
    pub resources: Vec<Resource>,
    pub partnerships: Vec<Partnership>,
    pub activities: Vec<Activity>,
    pub actions: Vec<Action>,
    pub charter: Option<Charter>,
    pub commitments: Vec<Commitment>,
    /// Each valid data file as JSON, in the shape of its YAML, for the open-data downloads.
    pub json: Vec<(String, serde_json::Value)>,
}
