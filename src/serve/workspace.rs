//! The dev server's site in memory, rebuilt after each change with as little work as needed.
//!
//! Every rebuild runs all the checks (file texts and rendered Markdown come from the cache
//! when unchanged). Pages are re-rendered only when what they are made from changed: all of
//! them when the theme, the settings or the shared model changed; otherwise only the content
//! pages whose source file changed. Data, theme and static files are always redone (cheap).
//! The result equals a clean build of the same files; the tests check it.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::cache::Cache;
use crate::config::Overrides;
use crate::diagnostic::Diagnostic;
use crate::render::{self, Body, Memory};
use crate::site;

pub struct Workspace {
    pub root: PathBuf,
    pub overrides: Overrides,
    cache: Cache,
    /// The last good build: output path → contents.
    pub files: BTreeMap<String, Body>,
    /// The problems of the last rebuild; empty when it succeeded.
    pub errors: Vec<Diagnostic>,
    fingerprint: Option<(u64, u64)>,
}

/// What one rebuild did.
pub struct Outcome {
    /// Step name and milliseconds.
    pub steps: Vec<(&'static str, f64)>,
    pub ok: bool,
    pub pages_rendered: usize,
    pub files_changed: usize,
    pub ms: f64,
}

fn hash_of(value: &impl Hash) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

impl Workspace {
    pub fn new(root: &Path, overrides: Overrides) -> Workspace {
        Workspace {
            root: root.to_path_buf(),
            overrides,
            cache: Cache::default(),
            files: BTreeMap::new(),
            errors: Vec::new(),
            fingerprint: None,
        }
    }

    /// Rebuilds after `changed` (paths relative to the root; empty means "anything").
    pub fn rebuild(&mut self, changed: &BTreeSet<String>) -> Outcome {
        let started = Instant::now();
        let report = site::check_cached(&self.root, &self.overrides, Some(&self.cache));
        let failed = |this: &mut Workspace, diagnostics: Vec<Diagnostic>| {
            this.errors = diagnostics;
            Outcome {
                steps: Vec::new(),
                ok: false,
                pages_rendered: 0,
                files_changed: 0,
                ms: started.elapsed().as_secs_f64() * 1000.0,
            }
        };
        let mut steps = report.steps.clone();
        let t = Instant::now();
        let (Some(site), Some(theme)) = (report.site, report.theme) else {
            return failed(self, report.diagnostics);
        };
        let theme_hash = hash_of(&(
            theme
                .templates
                .iter()
                .map(|(n, t)| (n, &t.text))
                .collect::<Vec<_>>(),
            &theme.static_files,
        ));
        let model_hash = hash_of(&serde_json::to_vec(&site).unwrap_or_default());
        steps.push(("hash", t.elapsed().as_secs_f64() * 1000.0));
        let t = Instant::now();
        let everything = changed.is_empty() || self.fingerprint != Some((theme_hash, model_hash));
        let memory = Memory::default();
        let static_root = self.root.join("content/static");
        let rendered = std::sync::atomic::AtomicUsize::new(0);
        let problems = render::render_some(
            &site,
            &theme,
            &static_root,
            &site.static_files,
            &memory,
            &|job| {
                let wanted = everything || job.source.is_some_and(|s| changed.contains(s));
                if wanted {
                    rendered.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
                wanted
            },
        );
        if !problems.is_empty() {
            return failed(self, problems);
        }
        steps.push(("render", t.elapsed().as_secs_f64() * 1000.0));
        let t = Instant::now();
        let fresh = memory.into_map();
        let pages: BTreeSet<String> = render::page_paths(&site).into_iter().collect();
        let mut files = BTreeMap::new();
        let mut files_changed = 0;
        for (path, body) in fresh {
            if self.files.get(&path) != Some(&body) {
                files_changed += 1;
            }
            files.insert(path, body);
        }
        for (path, body) in std::mem::take(&mut self.files) {
            if pages.contains(&path) && !files.contains_key(&path) {
                files.insert(path, body);
            } else if !files.contains_key(&path) {
                files_changed += 1;
            }
        }
        self.files = files;
        self.errors = report
            .diagnostics
            .into_iter()
            .filter(|d| !d.is_error())
            .collect();
        self.fingerprint = Some((theme_hash, model_hash));
        steps.push(("merge", t.elapsed().as_secs_f64() * 1000.0));
        Outcome {
            steps,
            ok: true,
            pages_rendered: rendered.into_inner(),
            files_changed,
            ms: started.elapsed().as_secs_f64() * 1000.0,
        }
    }

    /// Whether the last rebuild failed.
    pub fn failing(&self) -> bool {
        self.errors.iter().any(Diagnostic::is_error)
    }
}
