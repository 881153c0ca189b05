//! candour: YAML data and Markdown in, an accessible transparency website out.

pub mod date;
pub mod diagnostic;
pub mod period;
pub mod raw;
pub mod source;
pub mod yaml;
