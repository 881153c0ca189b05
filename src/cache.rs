//! What a long-running process (the dev server) keeps between builds: file texts by their
//! modification time and size, and parsed documents (front matter and Markdown) by their
//! text. A one-off build uses none.

use std::any::Any;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use crate::diagnostic::Diagnostic;
use crate::source::Source;

/// A cached value of any document type, shared between rebuilds.
type Shared = Arc<dyn Any + Send + Sync>;
type Entry = (Arc<str>, u64, Shared);

#[derive(Default)]
pub struct Cache {
    sources: Mutex<HashMap<String, (SystemTime, u64, Source)>>,
    /// By path: the text it was parsed from, a hash of the settings, the result.
    documents: Mutex<HashMap<String, Entry>>,
}

impl Cache {
    /// Reads a file, or reuses the text read before if its time and size are unchanged.
    pub fn read(&self, root: &Path, rel: &str) -> Result<Source, Diagnostic> {
        self.read_if(root, rel, true)
    }

    /// Reads a file a watcher said changed. Its time and size may not show it (file systems
    /// with coarse timestamps, an edit that keeps the size), so the text is read again.
    pub fn reread(&self, root: &Path, rel: &str) -> Result<Source, Diagnostic> {
        self.read_if(root, rel, false)
    }

    fn read_if(&self, root: &Path, rel: &str, reuse: bool) -> Result<Source, Diagnostic> {
        let stamp = std::fs::metadata(root.join(rel))
            .ok()
            .and_then(|m| Some((m.modified().ok()?, m.len())));
        if reuse
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

    /// A parsed document, recomputed only when its text or the Markdown settings changed.
    pub fn document<V: Clone + Send + Sync + 'static>(
        &self,
        key: &str,
        text: &Arc<str>,
        settings: &impl Hash,
        make: impl FnOnce() -> V,
    ) -> V {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        settings.hash(&mut hasher);
        let salt = hasher.finish();
        if let Ok(map) = self.documents.lock()
            && let Some((old_text, old_salt, value)) = map.get(key)
            && *old_salt == salt
            && (Arc::ptr_eq(old_text, text) || **old_text == **text)
            && let Some(v) = value.downcast_ref::<V>()
        {
            return v.clone();
        }
        let value = make();
        if let Ok(mut map) = self.documents.lock() {
            map.insert(
                key.to_string(),
                (Arc::clone(text), salt, Arc::new(value.clone())),
            );
        }
        value
    }
}
