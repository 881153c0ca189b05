//! The files of a revision, read from git's objects without checking anything out:
//! `git ls-tree` for the list, one `git cat-file --batch` for the texts.

use std::collections::BTreeMap;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::process::Stdio;

use super::{Repo, git_command, plain_error};

/// What an entry of a revision's tree is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    Folder,
    File,
    /// A symbolic link (mode 120000).
    Link,
    /// A submodule (a commit inside the tree).
    Submodule,
}

/// One entry of a revision's tree.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Relative to the site's root, `/`-separated: `content/kpis.yaml`.
    pub path: String,
    pub kind: EntryKind,
    /// The object id (what `blobs` reads).
    pub object: String,
    /// For a file, its size in bytes.
    pub size: u64,
}

impl Repo {
    /// Every entry under `folder` (site-relative, such as `content`) at `commit`, folders
    /// included, each folder before what it holds. `None` when the revision has no such
    /// folder.
    pub fn entries(&self, commit: &str, folder: &str) -> Result<Option<Vec<Entry>>, String> {
        let spec = format!("{commit}:{}{folder}", self.prefix);
        // An object that is not there is not an error here: the site had no such folder.
        if self
            .git(&["cat-file", "-e", "--end-of-options", &spec])
            .is_err()
        {
            return Ok(None);
        }
        let out = self.git(&[
            "ls-tree",
            "--full-tree",
            "-r",
            "-t",
            "-l",
            "-z",
            "--end-of-options",
            &spec,
        ])?;
        let mut entries = Vec::new();
        for record in out.split(|b| *b == 0).filter(|r| !r.is_empty()) {
            let record = String::from_utf8_lossy(record);
            // `<mode> SP <type> SP <object> SP+ <size> TAB <path>`
            let Some((head, path)) = record.split_once('\t') else {
                continue;
            };
            let fields: Vec<&str> = head.split_whitespace().collect();
            let [mode, kind, object, size] = fields[..] else {
                continue;
            };
            let kind = match (mode, kind) {
                (_, "tree") => EntryKind::Folder,
                (_, "commit") => EntryKind::Submodule,
                ("120000", _) => EntryKind::Link,
                _ => EntryKind::File,
            };
            entries.push(Entry {
                path: format!("{folder}/{path}"),
                kind,
                object: object.to_string(),
                size: size.parse().unwrap_or(0),
            });
        }
        Ok(Some(entries))
    }

    /// The contents of the objects `ids`, by id, read through one `git cat-file --batch`.
    pub fn blobs(&self, ids: &[&str]) -> Result<BTreeMap<String, Vec<u8>>, String> {
        let mut child = git_command(&self.root)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run git: {}", crate::diagnostic::io_reason(&e)))?;
        let mut stdin = child.stdin.take().ok_or("cannot write to git")?;
        let request: String = ids.iter().map(|id| format!("{id}\n")).collect();
        // Written from another thread: git answers as it reads, and a full pipe each way
        // would otherwise wait forever.
        let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
        let mut out = BufReader::new(child.stdout.take().ok_or("cannot read from git")?);
        let mut blobs = BTreeMap::new();
        let mut header = String::new();
        for id in ids {
            header.clear();
            out.read_line(&mut header)
                .map_err(|e| format!("cannot read from git: {e}"))?;
            // `<object> <type> <size>`, or `<object> missing`
            let fields: Vec<&str> = header.split_whitespace().collect();
            let size: usize = match fields[..] {
                [_, _, size] => size
                    .parse()
                    .map_err(|_| "git answered in an unknown form")?,
                _ => return Err(format!("git has no object {id}")),
            };
            let mut bytes = vec![0; size + 1];
            out.read_exact(&mut bytes)
                .map_err(|e| format!("cannot read from git: {e}"))?;
            bytes.pop();
            blobs.insert((*id).to_string(), bytes);
        }
        let _ = writer.join();
        let output = child
            .wait_with_output()
            .map_err(|e| format!("cannot read from git: {e}"))?;
        if !output.status.success() {
            return Err(plain_error(&output.stderr));
        }
        Ok(blobs)
    }
}
