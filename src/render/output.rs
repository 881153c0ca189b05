//! Where rendered files go: an `Output` sink. `Memory` keeps them (the dev server, tests);
//! `write::Staging` writes each into the staging folder as soon as it is rendered.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// A built file's contents: bytes, or a source file to copy as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// Shared, so the dev server can hand its files to the HTTP side without copying them.
    Bytes(Arc<[u8]>),
    Copy(std::path::PathBuf),
}

/// Where rendered files go: memory for the dev server and tests, a folder for `build`.
pub trait Output: Sync {
    /// Stores one file at a `/`-separated path relative to the output root.
    fn put(&self, path: &str, body: Body) -> Result<(), String>;
}

/// The in-memory output: path → contents, in a stable order.
#[derive(Default)]
pub struct Memory {
    pub files: Mutex<BTreeMap<String, Body>>,
}

impl Output for Memory {
    fn put(&self, path: &str, body: Body) -> Result<(), String> {
        self.files
            .lock()
            .map_err(|_| "output lock poisoned".to_string())?
            .insert(path.to_string(), body);
        Ok(())
    }
}

impl Memory {
    pub fn into_map(self) -> BTreeMap<String, Body> {
        self.files.into_inner().unwrap_or_default()
    }
}
