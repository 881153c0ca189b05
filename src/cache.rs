//! What a long-running process (the dev server) keeps between builds: file texts by their
//! modification time and size, and rendered Markdown by its text. A one-off build uses none.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::Mutex;
use std::time::SystemTime;

use crate::diagnostic::Diagnostic;
use crate::markdown::Rendered;
use crate::source::Source;

#[derive(Default)]
pub struct Cache {
    sources: Mutex<HashMap<String, (SystemTime, u64, Source)>>,
    markdown: Mutex<HashMap<String, (u64, Rendered)>>,
}

impl Cache {
    /// Reads a file, or reuses the text read before if its time and size are unchanged.
    pub fn read(&self, root: &Path, rel: &str) -> Result<Source, Diagnostic> {
        let stamp = std::fs::metadata(root.join(rel))
            .ok()
            .and_then(|m| Some((m.modified().ok()?, m.len())));
        if let (Some((time, len)), Ok(map)) = (stamp, self.sources.lock())
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

    /// Rendered Markdown for a file's body, rendering only when the text changed.
    pub fn markdown(&self, key: &str, text: &str, render: impl FnOnce() -> Rendered) -> Rendered {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut hasher);
        let hash = hasher.finish();
        if let Ok(map) = self.markdown.lock()
            && let Some((h, rendered)) = map.get(key)
            && *h == hash
        {
            return rendered.clone();
        }
        let rendered = render();
        if let Ok(mut map) = self.markdown.lock() {
            map.insert(key.to_string(), (hash, rendered.clone()));
        }
        rendered
    }
}
