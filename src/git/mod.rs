//! Everything candour reads from git, and the only module that runs it: the repository a
//! site is in, revisions, the files of a revision (`tree`) and each file's history
//! (`history`). It runs the `git` command (`std::process`) rather than linking a git
//! library: every author and CI runner has git, and the binary and its build stay small
//! (see ARCHITECTURE.md). What it gives the rest of candour is plain data (dates, messages,
//! file texts), never a git type.

mod history;
mod tree;

pub use history::{Commit, FileHistory, History};
pub use tree::{Entry, EntryKind};

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A git repository holding a site, seen from the site's root folder.
#[derive(Clone, Debug)]
pub struct Repo {
    /// The site's root folder, where git is run (paths are taken relative to it).
    root: PathBuf,
    /// The site's folder inside the repository, `/`-terminated, or empty at its top.
    prefix: String,
    /// Whether this copy of the repository lacks older history (a shallow clone).
    pub shallow: bool,
}

impl Repo {
    /// The repository the folder `root` is in, or `None` when it is in none (or git is not
    /// installed): a site outside git builds without history.
    pub fn discover(root: &Path) -> Option<Repo> {
        if !may_be_in_repository(root) {
            return None;
        }
        let out = run(
            root,
            &[
                "rev-parse",
                "--show-prefix",
                "--is-shallow-repository",
                "--verify",
                "--quiet",
                "HEAD",
            ],
        )
        .ok()?;
        let text = String::from_utf8_lossy(&out);
        let mut lines = text.lines();
        let prefix = lines.next()?.to_string();
        let shallow = lines.next()? == "true";
        Some(Repo {
            root: root.to_path_buf(),
            prefix,
            shallow,
        })
    }

    /// The site's folder inside the repository: empty, or `site/` (`/`-terminated).
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The commit a revision names (`main`, `HEAD~2`, a tag, a hash), in full. An unknown
    /// revision is an error in plain words.
    pub fn resolve(&self, revision: &str) -> Result<String, String> {
        if revision.starts_with('-') || revision.is_empty() {
            return Err(format!("'{revision}' is not a revision"));
        }
        let spec = format!("{revision}^{{commit}}");
        match run(
            &self.root,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                "--end-of-options",
                &spec,
            ],
        ) {
            Ok(out) => Ok(String::from_utf8_lossy(&out).trim().to_string()),
            Err(_) => Err(format!(
                "there is no commit '{revision}' in this repository{}",
                if self.shallow {
                    " (it is a shallow copy: older commits may be missing; fetch them with `git fetch --unshallow`)"
                } else {
                    " (check the branch, tag or commit name; `git log --oneline` lists commits)"
                }
            )),
        }
    }

    /// Where the current branch left the default branch: the merge base of HEAD with the
    /// first of `origin/HEAD`, `origin/main`, `origin/master`, `main`, `master` that
    /// exists. On the default branch itself that is HEAD.
    pub fn branch_point(&self) -> Result<String, String> {
        let default = ["origin/HEAD", "origin/main", "origin/master", "main", "master"]
            .into_iter()
            .find(|name| self.resolve(name).is_ok())
            .ok_or_else(|| {
                "this repository has no default branch (origin/HEAD, main or master) to compare with; name the revision: candour diff BASE".to_string()
            })?;
        let out = run(&self.root, &["merge-base", default, "HEAD"]).map_err(|e| {
            format!("{default} and HEAD have no commit in common ({e}); name the revision: candour diff BASE")
        })?;
        Ok(String::from_utf8_lossy(&out).trim().to_string())
    }

    /// A short name for a commit, for people: its first 7 hex digits and message subject.
    pub fn describe(&self, commit: &str) -> String {
        match run(&self.root, &["log", "-1", "--format=%h %s", commit, "--"]) {
            Ok(out) => String::from_utf8_lossy(&out).trim().to_string(),
            Err(_) => commit.chars().take(7).collect(),
        }
    }

    fn git(&self, args: &[&str]) -> Result<Vec<u8>, String> {
        run(&self.root, args)
    }
}

/// Whether git could find a repository holding the folder `dir`: git looks in it and in
/// each folder above it for a `.git` (a folder, or a file naming one) or for a folder that is
/// itself a repository without a work tree (`HEAD`, `objects/` and `refs/`), and
/// `git_command` clears `GIT_DIR`, the only way to point it elsewhere. When no folder has
/// either, the site is in no repository and git need not be run: starting it takes a few
/// milliseconds, a good part of building a small site. `true` when unsure (the folder
/// cannot be resolved): git then decides.
fn may_be_in_repository(dir: &Path) -> bool {
    let Ok(dir) = dir.canonicalize() else {
        return true;
    };
    dir.ancestors().any(|d| {
        d.join(".git").symlink_metadata().is_ok()
            || (d.join("HEAD").is_file() && d.join("objects").is_dir() && d.join("refs").is_dir())
    })
}

/// Runs git in `dir` with `args`; its standard output, or its error message in plain words.
fn run(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = git_command(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run git: {}", crate::diagnostic::io_reason(&e)))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(plain_error(&out.stderr))
    }
}

/// git in `dir`, with the settings that make its output the same for everyone: no pager,
/// no colour, no local config that changes what log prints, paths not quoted.
fn git_command(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .current_dir(dir)
        .env("GIT_PAGER", "cat")
        .env("LC_ALL", "C")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .args(["-c", "core.quotepath=off", "-c", "log.showSignature=false"]);
    command
}

/// git's message without its `fatal: ` prefix, on one line.
fn plain_error(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches("fatal: ")
                .trim_start_matches("error: ")
        })
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        "git failed".to_string()
    } else {
        lines.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::may_be_in_repository;
    use std::fs;

    #[test]
    fn a_folder_is_in_a_repository_when_it_or_a_folder_above_has_git() {
        let temp = tempfile::tempdir().unwrap();
        let site = temp.path().join("repo/site");
        fs::create_dir_all(&site).unwrap();
        // The system's temporary folder is in no repository.
        assert!(!may_be_in_repository(&site));
        // A work tree's `.git`, a folder or (in a linked work tree) a file, above the site.
        fs::create_dir(temp.path().join("repo/.git")).unwrap();
        assert!(may_be_in_repository(&site));
        fs::remove_dir(temp.path().join("repo/.git")).unwrap();
        fs::write(site.join(".git"), "gitdir: /elsewhere\n").unwrap();
        assert!(may_be_in_repository(&site));
        fs::remove_file(site.join(".git")).unwrap();
        // A repository without a work tree, holding the site.
        let bare = temp.path().join("repo");
        fs::write(bare.join("HEAD"), "ref: refs/heads/main\n").unwrap();
        fs::create_dir(bare.join("objects")).unwrap();
        assert!(!may_be_in_repository(&site));
        fs::create_dir(bare.join("refs")).unwrap();
        assert!(may_be_in_repository(&site));
        // A folder that cannot be resolved: git decides.
        assert!(may_be_in_repository(&temp.path().join("missing")));
    }
}
