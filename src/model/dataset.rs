//! The open datasets as the open-data page describes them.

use serde::Serialize;

/// One open dataset: a data file offered as JSON, as CSV tables and with its JSON Schema.
#[derive(Debug, Serialize)]
pub struct Dataset {
    pub name: String,
    pub title: String,
    pub description: String,
    pub json_url: String,
    pub schema_url: String,
    pub tables: Vec<DataTable>,
    /// The page that shows this data, and its title (for the registry's summaries, which
    /// each statement's page shows, the statements list).
    pub page_url: String,
    pub page_title: String,
    /// Its section of the open-data page (`routes.dataset`), for other pages to link to.
    pub url: String,
}

#[derive(Debug, Serialize)]
pub struct DataTable {
    pub title: String,
    pub csv_url: String,
    pub rows: usize,
    pub columns: Vec<String>,
}
