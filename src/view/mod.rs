//! Views of the checked site: what pages show beyond the records themselves (trend charts, open data).

pub mod chart;
pub mod opendata;
