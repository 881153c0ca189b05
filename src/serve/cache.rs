//! What the dev server keeps between builds (`source::Reuse`): file texts by their
//! modification time and size, and parsed documents (front matter and Markdown, data files)
//! by their text and settings.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use crate::diagnostic::Diagnostic;
use crate::source::Source;
use crate::source::reuse::{Reuse, Shared};

type Entry = (Arc<str>, u64, Shared);

#[derive(Default)]
pub struct Cache {
    sources: Mutex<HashMap<String, (SystemTime, u64, Source)>>,
    /// By path: the text it was parsed from, a hash of the settings, the result.
    documents: Mutex<HashMap<String, Entry>>,
}

impl Reuse for Cache {
    /// Reads a file, or reuses the text read before if its time and size are unchanged and
    /// it is not `fresh`.
    fn read(&self, root: &Path, rel: &str, fresh: bool) -> Result<Source, Diagnostic> {
        let stamp = std::fs::metadata(root.join(rel))
            .ok()
            .and_then(|m| Some((m.modified().ok()?, m.len())));
        if !fresh
            && let (Some((time, len)), Ok(map)) = (stamp, self.sources.lock())
            && let Some((t, l, source)) = map.get(rel)
            && *t == time
            && *l == len
        {
            return Ok(source.clone());
        }
        let source = Source::read(root, rel)?;
        if let (Some((time, len)), Ok(mut map)) = (stamp, self.sources.lock()) {
            map.insert(rel.to_string(), (time, len, source.clone()));
        }
        Ok(source)
    }

    fn kept(&self, key: &str, text: &Arc<str>, salt: u64) -> Option<Shared> {
        let map = self.documents.lock().ok()?;
        let (old_text, old_salt, value) = map.get(key)?;
        (*old_salt == salt && (Arc::ptr_eq(old_text, text) || **old_text == **text))
            .then(|| Arc::clone(value))
    }

    fn store(&self, key: &str, text: &Arc<str>, salt: u64, value: Shared) {
        if let Ok(mut map) = self.documents.lock() {
            map.insert(key.to_string(), (Arc::clone(text), salt, value));
        }
    }
}
