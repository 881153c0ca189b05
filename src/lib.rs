//! candour: YAML data and Markdown in, an accessible transparency website out.

// Diagnostics are the error type throughout and are built once per problem; boxing them
// would add noise at every call site for no measurable gain.
#![allow(clippy::result_large_err)]

pub mod anchors;
pub mod cache;
pub mod chart;
pub mod config;
pub mod contrast;
pub mod data;
pub mod date;
pub mod depends;
pub mod diagnostic;
pub mod documents;
pub mod embedded;
pub mod fields;
pub mod init;
pub mod lines;
pub mod link_hints;
pub mod link_markup;
pub mod links;
pub mod load;
pub mod lookalike;
pub mod markdown;
pub mod model;
pub mod opendata;
pub mod output;
pub mod period;
pub mod raw;
pub mod render;
#[cfg(feature = "serve")]
pub mod serve;
pub mod site;
pub mod source;
pub mod theme;
pub mod theme_ids;
pub mod validate;
pub mod yaml;
