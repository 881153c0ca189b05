//! Bringing sources read before up to date with a set of changed paths, as a new walk
//! would read them: the dev server's way to read only what a save touched.

use std::collections::BTreeSet;

use crate::diagnostic::Diagnostic;
use crate::source::classify::{Kind, classify, what_of};
use crate::source::load::{DATA_FILES, SITE, Sources, missing_site};
use crate::source::reuse::{self, Reuse};

impl Sources {
    /// Takes the files at `changed` (root-relative) into sources `load` read before, with
    /// `problems` its diagnostics, so that they equal what `load` would read now. Returns
    /// `false`, changing nothing, when a change is not to single files (a folder made, or a
    /// folder that was there replaced by anything or gone, `content/` itself, `site.yaml`
    /// gone): then only a new `load` will do.
    pub fn patch(
        &mut self,
        problems: &mut Vec<Diagnostic>,
        changed: &BTreeSet<String>,
        cache: Option<&dyn Reuse>,
    ) -> bool {
        if changed.contains("content") {
            return false;
        }
        let root = self.root.clone();
        let mut now = Vec::new();
        for path in changed.iter().filter(|p| p.starts_with("content/")) {
            // A folder that was here, whatever is here now (nothing, a file, a link to
            // another folder), takes everything that was in it along: only a walk will do.
            let folder = format!("{path}/");
            if self.holds(&folder) || problems.iter().any(|d| d.file.starts_with(&folder)) {
                return false;
            }
            match std::fs::symlink_metadata(root.join(path)) {
                Ok(m) if m.is_dir() => return false,
                Ok(m) => now.push((path, Some(what_of(&m)))),
                Err(_) if path == SITE => return false,
                Err(_) => now.push((path, None)),
            }
        }
        for (path, kind) in now {
            // Forget what the last load knew of this path.
            problems.retain(|d| d.file != *path);
            for list in [&mut self.statements, &mut self.updates, &mut self.pages] {
                list.retain(|s| s.path != *path);
            }
            self.data.retain(|(_, s)| s.path != *path);
            self.translations.retain(|s| s.path != *path);
            if let Some(file) = path.strip_prefix("content/static/") {
                self.static_files.retain(|f| f != file);
            }
            if path == SITE {
                self.site = None;
            }
            // And learn what it is now.
            let Some(what) = kind else {
                continue;
            };
            let name = path.rsplit('/').next();
            let read = |p: &str| reuse::read(cache, &root, p, true);
            match classify(path, name, what) {
                Kind::Text => match read(path) {
                    Ok(s) if s.path == SITE => self.site = Some(s),
                    Ok(s) => {
                        let list = self.texts_of(path);
                        let at = list.partition_point(|x| walk_order(&x.path, path).is_lt());
                        list.insert(at, s);
                    }
                    Err(d) => problems.push(d),
                },
                Kind::Data(stem) => match read(path) {
                    Ok(s) => {
                        let rank = |n: &str| DATA_FILES.iter().position(|d| *d == n);
                        let at = self.data.partition_point(|(n, _)| rank(n) < rank(&stem));
                        self.data.insert(at, (stem, s));
                    }
                    Err(d) => problems.push(d),
                },
                Kind::Translation => match read(path) {
                    Ok(s) => {
                        let list = &mut self.translations;
                        let at = list.partition_point(|x| walk_order(&x.path, path).is_lt());
                        list.insert(at, s);
                    }
                    Err(d) => problems.push(d),
                },
                Kind::Static(file) => {
                    let at = self
                        .static_files
                        .partition_point(|f| walk_order(f, &file).is_lt());
                    self.static_files.insert(at, file);
                }
                Kind::Skipped(d) => problems.extend(d),
            }
        }
        missing_site(self, problems);
        true
    }
}

/// The order a sorted walk visits paths in: by their parts, so `a/b.txt` comes before `a.txt`.
fn walk_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.split('/').cmp(b.split('/'))
}

#[cfg(test)]
mod tests {
    use crate::source::load::load;
    use std::collections::BTreeSet;
    use std::fs;

    /// Applies each change on disk, patches, and compares with a fresh load.
    #[test]
    fn patched_sources_equal_a_fresh_load() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |p: &str, text: &str| {
            let path = root.join(p);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        };
        write("content/site.yaml", "title: T\n");
        write("content/pages/b.md", "b");
        write("content/static/a/b.txt", "x");
        let (mut sources, mut problems) = load(root, None);
        type Change<'a> = (&'a str, Box<dyn Fn() + 'a>);
        let changes: Vec<Change> = vec![
            (
                "content/pages/a.md",
                Box::new(|| write("content/pages/a.md", "a")),
            ),
            (
                "content/pages/c.md",
                Box::new(|| write("content/pages/c.md", "c")),
            ),
            (
                "content/pages/b.md",
                Box::new(|| write("content/pages/b.md", "b2")),
            ),
            (
                "content/pages/a.md",
                Box::new(|| fs::remove_file(root.join("content/pages/a.md")).unwrap()),
            ),
            (
                "content/statements/s.md",
                Box::new(|| write("content/statements/s.md", "s")),
            ),
            (
                "content/updates/u.md",
                Box::new(|| write("content/updates/u.md", "u")),
            ),
            (
                "content/data/training.yaml",
                Box::new(|| write("content/data/training.yaml", "t")),
            ),
            (
                "content/data/kpis.yaml",
                Box::new(|| write("content/data/kpis.yaml", "k")),
            ),
            (
                "content/data/kpi.yaml",
                Box::new(|| write("content/data/kpi.yaml", "typo")),
            ),
            (
                "content/data/kpi.yaml",
                Box::new(|| fs::remove_file(root.join("content/data/kpi.yaml")).unwrap()),
            ),
            (
                "content/data/kpis.yaml",
                Box::new(|| fs::remove_file(root.join("content/data/kpis.yaml")).unwrap()),
            ),
            (
                "content/static/a.txt",
                Box::new(|| write("content/static/a.txt", "y")),
            ),
            (
                "content/static/a/c.txt",
                Box::new(|| write("content/static/a/c.txt", "z")),
            ),
            (
                "content/pages/notes.txt",
                Box::new(|| write("content/pages/notes.txt", "n")),
            ),
            (
                "content/pages/.b.md.swp",
                Box::new(|| write("content/pages/.b.md.swp", "swap")),
            ),
            (
                "content/pages/bad.md",
                Box::new(|| fs::write(root.join("content/pages/bad.md"), [0xff, 0xfe]).unwrap()),
            ),
            (
                "content/pages/bad.md",
                Box::new(|| write("content/pages/bad.md", "good")),
            ),
            (
                "content/site.yaml",
                Box::new(|| write("content/site.yaml", "title: U\n")),
            ),
            (
                "content/pages/link.md",
                Box::new(|| {
                    #[cfg(unix)]
                    std::os::unix::fs::symlink(
                        root.join("content/pages/b.md"),
                        root.join("content/pages/link.md"),
                    )
                    .unwrap();
                }),
            ),
        ];
        for (path, change) in changes {
            change();
            assert!(
                sources.patch(&mut problems, &BTreeSet::from([path.to_string()]), None),
                "{path} needed a new load"
            );
            let (fresh, mut fresh_problems) = load(root, None);
            assert_eq!(sources, fresh, "after {path}");
            let mut patched_problems = problems.clone();
            crate::diagnostic::sort(&mut patched_problems);
            crate::diagnostic::sort(&mut fresh_problems);
            assert_eq!(patched_problems, fresh_problems, "after {path}");
        }
        // Folders, made or gone, and a missing site.yaml need a new load.
        write("content/pages/sub/x.md", "x");
        assert!(!sources.patch(
            &mut problems,
            &BTreeSet::from(["content/pages/sub".to_string()]),
            None
        ));
        fs::remove_dir_all(root.join("content/static/a")).unwrap();
        assert!(!sources.patch(
            &mut problems,
            &BTreeSet::from(["content/static/a".to_string()]),
            None
        ));
        fs::remove_file(root.join("content/site.yaml")).unwrap();
        assert!(!sources.patch(
            &mut problems,
            &BTreeSet::from(["content/site.yaml".to_string()]),
            None
        ));
    }
}
