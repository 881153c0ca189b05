//! candour: YAML data and Markdown in, an accessible transparency website out.

// Diagnostics are the error type throughout and are built once per problem; boxing them
// would add noise at every call site for no measurable gain.
#![allow(clippy::result_large_err)]

pub mod built;
pub mod check;
pub mod contrast;
pub mod diagnostic;
pub mod diff;
pub mod embedded;
pub mod format;
pub mod git;
pub mod i18n;
pub mod init;
pub mod lines;
pub mod lookalike;
pub mod markdown;
pub mod model;
pub mod raw;
pub mod registry;
pub mod render;
pub mod routes;
pub mod scheme;
#[cfg(feature = "serve")]
pub mod serve;
pub mod site;
pub mod source;
pub mod start;
pub mod theme;
pub mod view;
pub mod write;
