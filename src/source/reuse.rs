//! What a long-running process may keep between builds of the same site, and how the build
//! asks for it: file texts, and values made from a file's text (parsed front matter and
//! rendered Markdown, parsed data files). A one-off build keeps nothing and passes `None`;
//! the dev server passes its cache (`serve::cache`). The build's result is the same either
//! way.

use std::any::Any;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::source::Source;

/// A kept value of any type, shared between builds.
pub type Shared = Arc<dyn Any + Send + Sync>;

/// Memory between builds.
pub trait Reuse: Sync {
    /// The file at `rel` (root-relative). The text read before may be given back if the
    /// file's size and time are unchanged, unless `fresh` (a watcher said it changed: a
    /// coarse clock or an edit of the same size would hide that).
    fn read(&self, root: &Path, rel: &str, fresh: bool) -> Result<Source, Diagnostic>;

    /// The value kept under `key`, if it was made from this `text` with this `salt` (a hash
    /// of the settings it depends on).
    fn kept(&self, key: &str, text: &Arc<str>, salt: u64) -> Option<Shared>;

    /// Keeps `value`, made from `text` with `salt`, under `key` for the next build.
    fn store(&self, key: &str, text: &Arc<str>, salt: u64, value: Shared);
}

/// Reads a source, through `reuse` when there is one.
pub fn read(
    reuse: Option<&dyn Reuse>,
    root: &Path,
    rel: &str,
    fresh: bool,
) -> Result<Source, Diagnostic> {
    match reuse {
        Some(r) => r.read(root, rel, fresh),
        None => Source::read(root, rel),
    }
}

/// The value `make` gives for a file's `text` under `settings`, kept by `reuse` when there
/// is one and made again only when the text or the settings changed.
pub fn keep<V: Clone + Send + Sync + 'static>(
    reuse: Option<&dyn Reuse>,
    key: &str,
    text: &Arc<str>,
    settings: &impl Hash,
    make: impl FnOnce() -> V,
) -> V {
    let Some(reuse) = reuse else {
        return make();
    };
    // The type is part of the key: a path is read as one type, but nothing relies on it.
    let key = format!("{}:{key}", std::any::type_name::<V>());
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    settings.hash(&mut hasher);
    let salt = hasher.finish();
    if let Some(v) = reuse
        .kept(&key, text, salt)
        .and_then(|shared| shared.downcast_ref::<V>().cloned())
    {
        return v;
    }
    let value = make();
    reuse.store(&key, text, salt, Arc::new(value.clone()));
    value
}
