//! Writing a build to disk: into a temporary sibling folder, swapped in only when complete.
//!
//! candour deletes only what it wrote: each output folder holds a manifest of its files, and a
//! folder with files not in the manifest (other than `.git`) is refused rather than emptied.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::render::{Body, Output};
use crate::source::io_reason;

/// The list of files candour wrote, kept in the output folder.
pub const MANIFEST: &str = ".candour-manifest";

/// Writes files into a staging folder as they are rendered.
pub struct Staging {
    pub dir: PathBuf,
    written: Mutex<BTreeSet<String>>,
    /// Held from staging to commit: one build at a time writes into the output's folder.
    _lock: Option<fs::File>,
}

impl Output for Staging {
    fn put(&self, path: &str, body: Body) -> Result<(), String> {
        if path
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..")
        {
            return Err(format!(
                "refusing to write outside the output folder: {path}"
            ));
        }
        // Never a hidden file (the output's own `.git` above all), never a name the
        // manifest's one-name-per-line could not hold.
        if path
            .split('/')
            .enumerate()
            .any(|(i, part)| part.starts_with('.') && !(i == 0 && part == ".well-known"))
            || path.chars().any(char::is_control)
        {
            return Err(format!(
                "refusing to write the hidden or unnamable file {path:?}"
            ));
        }
        let target = self.dir.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {}", parent.display(), io_reason(&e)))?;
        }
        match body {
            Body::Bytes(bytes) => fs::write(&target, bytes),
            Body::Copy(from) => match fs::symlink_metadata(&from) {
                // Copied only if it is still an ordinary file: never through a link, never
                // from a pipe.
                Ok(m) if m.is_file() => fs::copy(&from, &target).map(|_| ()),
                Ok(_) => Err(std::io::Error::other("it is no longer an ordinary file")),
                Err(e) => Err(e),
            },
        }
        .map_err(|e| format!("cannot write {}: {}", target.display(), io_reason(&e)))?;
        self.written
            .lock()
            .map_err(|_| "output lock poisoned".to_string())?
            .insert(path.to_string());
        Ok(())
    }
}

/// Why an output folder is refused, before anything is built.
pub fn check_target(root: &Path, out: &Path) -> Result<(), String> {
    let root = fs::canonicalize(root).map_err(|e| {
        format!(
            "cannot open the site folder {}: {}",
            root.display(),
            io_reason(&e)
        )
    })?;
    let out_abs = absolute(out)?;
    if out_abs == root {
        return Err(format!(
            "the output folder {} is the site's root folder",
            out.display()
        ));
    }
    if root.starts_with(&out_abs) {
        return Err(format!(
            "the output folder {} contains the site's sources",
            out.display()
        ));
    }
    for source_dir in ["content", "templates", "themes"] {
        if out_abs.starts_with(root.join(source_dir)) {
            return Err(format!(
                "the output folder {} is inside the site's {source_dir}/ folder",
                out.display()
            ));
        }
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
        && fs::canonicalize(&home).is_ok_and(|h| h == out_abs)
    {
        return Err(format!(
            "the output folder {} is the home folder",
            out.display()
        ));
    }
    if out_abs.parent().is_none() {
        return Err("the output folder is the root of the file system".into());
    }
    if out_abs.is_file() {
        return Err(format!("{} is a file, not a folder", out.display()));
    }
    if out_abs.is_dir() && is_mount_point(&out_abs) {
        return Err(format!(
            "the output folder {} is a mount point; candour swaps in a finished build by renaming the folder, which cannot be done to a mount point, so nothing was written. Use a folder inside it, such as --out {}",
            out.display(),
            out.join("site").display()
        ));
    }
    if out_abs.is_dir() {
        let strangers = foreign_files(&out_abs);
        if !strangers.is_empty() {
            let shown: Vec<_> = strangers.iter().take(5).cloned().collect();
            return Err(format!(
                "the output folder {} holds files candour did not write ({}{}); candour will not delete them",
                out.display(),
                shown.join(", "),
                if strangers.len() > 5 { ", ..." } else { "" }
            ));
        }
    }
    Ok(())
}

/// Whether `dir` is where a file system is mounted: its device differs from its parent's,
/// or (a bind mount of the same device) the system's mount table lists it.
fn is_mount_point(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        let Some(parent) = dir.parent() else {
            return true;
        };
        if let (Ok(a), Ok(b)) = (fs::metadata(dir), fs::metadata(parent))
            && a.dev() != b.dev()
        {
            return true;
        }
        // /proc/self/mountinfo: the fifth field is the mount point, with spaces as \040.
        if let Ok(table) = fs::read_to_string("/proc/self/mountinfo") {
            let wanted = dir.to_string_lossy().replace(' ', "\\040");
            return table
                .lines()
                .any(|line| line.split(' ').nth(4) == Some(wanted.as_str()));
        }
        false
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        false
    }
}

/// An absolute, normalised form of a path that may not exist yet.
fn absolute(path: &Path) -> Result<PathBuf, String> {
    if let Ok(p) = fs::canonicalize(path) {
        return Ok(p);
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| format!("{} is not a usable output folder", path.display()))?;
    let parent = fs::canonicalize(parent)
        .map_err(|e| format!("cannot use {}: {}", parent.display(), io_reason(&e)))?;
    Ok(parent.join(name))
}

fn manifest_of(dir: &Path) -> BTreeSet<String> {
    fs::read_to_string(dir.join(MANIFEST))
        .map(|t| t.lines().map(str::to_string).collect())
        .unwrap_or_default()
}

/// Files in an existing output folder that candour's manifest does not list (`.git` excepted).
fn foreign_files(dir: &Path) -> Vec<String> {
    let manifest = manifest_of(dir);
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| e.file_name() != ".git" || e.depth() != 1)
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .map(|e| crate::source::load::rel(dir, e.path()))
        .filter(|rel| rel != MANIFEST && !manifest.contains(rel))
        .collect()
}

/// Makes the staging folder beside `out`. First it takes the output's lock (a second build
/// of the same output waits for the first), and tidies what a killed build of this output
/// left: staging folders are removed, and an old output moved aside but never deleted is
/// put back. Only folders named as candour names them are touched.
pub fn stage(out: &Path) -> Result<Staging, String> {
    let out = absolute(out)?;
    let parent = out.parent().map(Path::to_path_buf).unwrap_or_default();
    fs::create_dir_all(&parent)
        .map_err(|e| format!("cannot create {}: {}", parent.display(), io_reason(&e)))?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    // The lock is on the folder that holds the output (no lock file is left behind); where
    // a folder cannot be opened as a file (Windows), builds are not serialised.
    let lock = fs::File::open(&parent).ok();
    if let Some(l) = &lock {
        l.lock()
            .map_err(|e| format!("cannot lock {}: {}", parent.display(), io_reason(&e)))?;
    }
    tidy(&parent, &name, &out)?;
    let dir = parent.join(format!(".{name}.candour-new-{}", std::process::id()));
    fs::create_dir(&dir)
        .map_err(|e| format!("cannot create {}: {}", dir.display(), io_reason(&e)))?;
    Ok(Staging {
        dir,
        written: Mutex::new(BTreeSet::new()),
        _lock: lock,
    })
}

/// Cleans up after a build of `out` that was killed (the caller holds the lock, so no build
/// of it is running): `.NAME.candour-new-*` folders go; a `.NAME.candour-old-*` folder is
/// the previous output, put back if `out` is missing, otherwise emptied of what its
/// manifest lists (its `.git` moved back into `out` first).
fn tidy(parent: &Path, name: &str, out: &Path) -> Result<(), String> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Ok(());
    };
    let new_prefix = format!(".{name}.candour-new-");
    let old_prefix = format!(".{name}.candour-old-");
    let mut leftovers: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    leftovers.sort();
    for path in leftovers {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let ours = |prefix: &str| {
            file.strip_prefix(prefix)
                .is_some_and(|pid| !pid.is_empty() && pid.chars().all(|c| c.is_ascii_digit()))
        };
        if !path.is_dir() || path.is_symlink() {
            continue;
        }
        if ours(&new_prefix) {
            fs::remove_dir_all(&path).map_err(|e| {
                format!(
                    "cannot remove {}, left by a build that was stopped: {}",
                    path.display(),
                    io_reason(&e)
                )
            })?;
        } else if ours(&old_prefix) {
            if !out.exists() {
                fs::rename(&path, out).map_err(|e| {
                    format!(
                        "cannot put back the previous output from {}: {}",
                        path.display(),
                        io_reason(&e)
                    )
                })?;
            } else {
                if path.join(".git").exists() && !out.join(".git").exists() {
                    let _ = fs::rename(path.join(".git"), out.join(".git"));
                }
                remove_written(&path);
            }
        }
    }
    Ok(())
}

impl Staging {
    /// Removes the staging folder: the build failed and the old output stays as it was.
    pub fn abandon(self) {
        let _ = fs::remove_dir_all(&self.dir);
    }

    /// Swaps the finished build in for `out`, keeping `out/.git`, deleting only what candour wrote.
    pub fn commit(self, out: &Path) -> Result<usize, String> {
        let dir = self.dir.clone();
        let result = self.swap_in(out);
        if result.is_err() {
            // Nothing half-made stays behind: the old output is where it was.
            let _ = fs::remove_dir_all(&dir);
        }
        result
    }

    fn swap_in(self, out: &Path) -> Result<usize, String> {
        let written = self.written.into_inner().unwrap_or_default();
        let mut list: String = written.iter().map(|p| format!("{p}\n")).collect();
        if list.is_empty() {
            list.push('\n');
        }
        fs::write(self.dir.join(MANIFEST), list)
            .map_err(|e| format!("cannot write the manifest: {}", io_reason(&e)))?;
        let out = absolute(out)?;
        if out.exists() {
            let old = self.dir.with_file_name(format!(
                ".{}.candour-old-{}",
                out.file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default(),
                std::process::id()
            ));
            fs::rename(&out, &old)
                .map_err(|e| format!("cannot move the old output aside: {}", io_reason(&e)))?;
            if let Err(e) = fs::rename(&self.dir, &out) {
                let _ = fs::rename(&old, &out);
                return Err(format!(
                    "cannot move the new output into place: {}",
                    io_reason(&e)
                ));
            }
            if old.join(".git").exists() {
                let _ = fs::rename(old.join(".git"), out.join(".git"));
            }
            remove_written(&old);
        } else {
            fs::rename(&self.dir, &out)
                .map_err(|e| format!("cannot move the new output into place: {}", io_reason(&e)))?;
        }
        Ok(written.len())
    }
}

/// Deletes the files a manifest lists, then the folders left empty; anything else stays.
fn remove_written(dir: &Path) {
    for rel in manifest_of(dir) {
        if !rel.split('/').any(|p| p == ".." || p.is_empty()) {
            let _ = fs::remove_file(dir.join(&rel));
        }
    }
    let _ = fs::remove_file(dir.join(MANIFEST));
    let mut dirs: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_dir())
        .map(|e| e.path().to_path_buf())
        .collect();
    dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    for d in dirs {
        let _ = fs::remove_dir(d);
    }
}
