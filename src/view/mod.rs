//! Views of the checked site: what pages show beyond the records themselves (trend charts, open data).

pub mod chart;
pub mod figures;
pub mod home;
pub mod opendata;
