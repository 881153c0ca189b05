//! Watching the site's sources: notify events, debounced into batches of changed paths.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{Config, Event, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

use crate::source::classify::is_ignored;
use crate::source::load::rel;

/// Quiet time that ends a batch of events (an editor's save is several events).
pub const QUIET: Duration = Duration::from_millis(5);
/// A batch never waits longer than this for quiet (a branch switch touching many files).
pub const MAX_WAIT: Duration = Duration::from_millis(250);

/// A batch of changes: root-relative paths, or `None` for "rescan everything".
pub type Batch = Option<BTreeSet<String>>;

pub struct Watch {
    watcher: Box<dyn Watcher + Send>,
    events: Receiver<notify::Result<Event>>,
    root: PathBuf,
    /// True when the OS watch failed and polling took over, or `--poll` asked for it.
    pub polling: bool,
}

/// Folders watched: the sources, the overrides and the themes (each if present), and the root
/// itself without recursion, so a new `templates/` or `themes/` folder is noticed.
fn targets(root: &Path) -> Vec<(PathBuf, RecursiveMode)> {
    let mut t = vec![(root.to_path_buf(), RecursiveMode::NonRecursive)];
    for dir in ["content", "templates", "themes", "i18n"] {
        let p = root.join(dir);
        if p.is_dir() {
            t.push((p, RecursiveMode::Recursive));
        }
    }
    t
}

impl Watch {
    pub fn start(root: &Path, poll: bool) -> Result<Watch, String> {
        let (tx, rx) = channel();
        if !poll {
            let tx2 = tx.clone();
            match RecommendedWatcher::new(
                move |e| {
                    let _ = tx2.send(e);
                },
                Config::default(),
            ) {
                Ok(mut w) => {
                    let mut failure = None;
                    for (path, mode) in targets(root) {
                        if let Err(e) = w.watch(&path, mode) {
                            failure = Some(e);
                            break;
                        }
                    }
                    match failure {
                        None => {
                            return Ok(Watch {
                                watcher: Box::new(w),
                                events: rx,
                                root: root.to_path_buf(),
                                polling: false,
                            });
                        }
                        Some(e) => eprintln!(
                            "warning: the system's file watch limit stopped candour watching every folder ({e}).\n  Raise it with: sudo sysctl fs.inotify.max_user_watches=524288 (add it to /etc/sysctl.conf to keep it).\n  Falling back to polling for changes, which is slower."
                        ),
                    }
                }
                Err(e) => eprintln!("warning: cannot watch files ({e}); falling back to polling"),
            }
        }
        let config = Config::default()
            .with_poll_interval(Duration::from_millis(200))
            .with_compare_contents(false);
        let mut w = PollWatcher::new(
            move |e| {
                let _ = tx.send(e);
            },
            config,
        )
        .map_err(|e| format!("cannot watch the site for changes: {e}"))?;
        for (path, mode) in targets(root) {
            w.watch(&path, mode)
                .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
        }
        Ok(Watch {
            watcher: Box::new(w),
            events: rx,
            root: root.to_path_buf(),
            polling: true,
        })
    }

    /// Waits for the next batch of relevant changes. `None` when the watcher has stopped.
    pub fn next(&mut self) -> Option<Batch> {
        let mut batch: BTreeSet<String> = BTreeSet::new();
        let mut rescan = false;
        let mut started: Option<Instant> = None;
        loop {
            let wait = match started {
                None => Duration::from_secs(3600),
                Some(t) if t.elapsed() >= MAX_WAIT => break,
                Some(_) => QUIET,
            };
            match self.events.recv_timeout(wait) {
                // Reads (including the rebuild's own) are not changes.
                Ok(Ok(event)) if matches!(event.kind, EventKind::Access(_)) => {}
                Ok(Ok(event)) => {
                    if event.need_rescan() {
                        rescan = true;
                    }
                    for path in &event.paths {
                        if let Some(r) = self.relevant(path) {
                            batch.insert(r);
                        }
                    }
                    if (rescan || !batch.is_empty()) && started.is_none() {
                        started = Some(Instant::now());
                    }
                }
                // An error from the OS watcher (such as a queue overflow): rescan.
                Ok(Err(_)) => {
                    rescan = true;
                    started.get_or_insert_with(Instant::now);
                }
                Err(RecvTimeoutError::Timeout) if started.is_some() => break,
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        // A sources folder made after the start (a first override in `templates/`) is
        // watched from now on; the rebuild this batch causes reads what it already holds.
        for dir in ["content", "templates", "themes", "i18n"] {
            let path = self.root.join(dir);
            if batch.contains(dir) && path.is_dir() {
                let _ = self.watcher.watch(&path, RecursiveMode::Recursive);
            }
        }
        Some(if rescan { None } else { Some(batch) })
    }

    /// The root-relative path of a source that matters, or `None` for litter and other files.
    fn relevant(&self, path: &Path) -> Option<String> {
        let r = rel(&self.root, path);
        // Litter and hidden files: the build passes over them too (the same list).
        if is_ignored(&r) {
            return None;
        }
        ["content", "templates", "themes", "i18n"]
            .iter()
            .any(|d| r == *d || r.starts_with(&format!("{d}/")))
            .then_some(r)
    }
}
