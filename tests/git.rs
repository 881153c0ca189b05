//! The site in git, through the real binary run the README way (in the site's folder):
//! `candour diff`, last-updated dates and change histories, the changes page and the feed,
//! and `check`'s warnings for published statements. Each test makes a real repository in a
//! temporary folder, committing with fixed dates (`GIT_AUTHOR_DATE`, `GIT_COMMITTER_DATE`)
//! so that what is built from it is the same on every run.

mod common;
use common::{stderr, stdout};

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_candour");

/// A git repository in a temporary folder holding a copy of the example site, at `site`
/// inside it (the top, or a subfolder).
struct Repo {
    _dir: tempfile::TempDir,
    top: PathBuf,
    site: PathBuf,
}

impl Repo {
    /// The example site committed on `main` on 1 March 2021.
    fn example() -> Repo {
        Repo::example_in("")
    }

    /// A fixture of the browser suite (`tests/browser/fixtures/NAME`) committed on `main`
    /// on 1 March 2021.
    fn fixture(name: &str) -> Repo {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path().join("repo");
        common::copy_dir(
            &common::repo().join("tests/browser/fixtures").join(name),
            &top,
        );
        let repo = Repo {
            _dir: dir,
            site: top.clone(),
            top,
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.commit_all("2021-03-01", "Publish the site");
        repo
    }

    /// The example site in English and Welsh (`languages: [en, cy]`), with `files` (path
    /// under the site, text) added: translations. Committed on `main` on 1 March 2021.
    fn example_bilingual(files: &[(&str, &str)]) -> Repo {
        let repo = Repo::example();
        repo.edit(
            "content/site.yaml",
            "language: en-GB\n",
            "languages: [en, cy]\n",
        );
        for (path, text) in files {
            let path = repo.path(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        repo.commit_all("2021-03-01", "The site in Welsh too");
        repo
    }

    fn example_in(sub: &str) -> Repo {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path().join("repo");
        let site = if sub.is_empty() {
            top.clone()
        } else {
            top.join(sub)
        };
        common::copy_dir(&common::repo().join("content"), &site.join("content"));
        let repo = Repo {
            _dir: dir,
            top,
            site,
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.commit_all("2021-03-01", "Publish the example site");
        repo
    }

    /// Runs git in the repository's top folder, with no user or system settings.
    fn git_at(&self, date: &str, args: &[&str]) -> Output {
        let stamp = format!("{date}T12:00:00+00:00");
        let o = Command::new("git")
            .args(args)
            .current_dir(&self.top)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Communications team")
            .env("GIT_AUTHOR_EMAIL", "comms@example.org")
            .env("GIT_COMMITTER_NAME", "Communications team")
            .env("GIT_COMMITTER_EMAIL", "comms@example.org")
            .env("GIT_AUTHOR_DATE", &stamp)
            .env("GIT_COMMITTER_DATE", &stamp)
            .output()
            .expect("git runs");
        assert!(
            o.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        o
    }

    fn git(&self, args: &[&str]) -> Output {
        self.git_at("2021-03-01", args)
    }

    fn commit_all(&self, date: &str, message: &str) {
        self.git_at(date, &["add", "-A"]);
        self.git_at(date, &["commit", "-q", "-m", message]);
    }

    /// A file of the site, by its path under the site's root.
    fn path(&self, rel: &str) -> PathBuf {
        self.site.join(rel)
    }

    /// Replaces `from` by `to` in a file of the site; it must be there.
    fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = fs::read_to_string(self.path(rel)).unwrap();
        assert!(text.contains(from), "{rel} has no {from:?}");
        fs::write(self.path(rel), text.replacen(from, to, 1)).unwrap();
    }

    /// Runs candour in the site's folder.
    fn candour(&self, args: &[&str]) -> Output {
        run_in(&self.site, args)
    }

    /// Builds the site into `out` (under the temporary folder) and returns its files.
    fn build(&self, extra: &[&str]) -> BTreeMap<String, String> {
        let out = self._dir.path().join("out");
        let _ = fs::remove_dir_all(&out);
        let mut args = vec!["build", "--out", out.to_str().unwrap()];
        args.extend(extra);
        let o = self.candour(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        files(&out)
    }
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("candour runs")
}

/// Every text file under a folder, by path.
fn files(dir: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy();
            (
                rel.replace('\\', "/"),
                String::from_utf8_lossy(&fs::read(e.path()).unwrap()).into_owned(),
            )
        })
        .collect()
}

/// The `<main>` of a page.
fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>") + "</main>".len();
    &html[start..end]
}

/// The history section of a page, if it has one.
fn history_of(html: &str) -> Option<&str> {
    let start = html.find("<section class=\"history\"")?;
    let end = start + html[start..].find("</section>")? + "</section>".len();
    Some(&html[start..end])
}

/// Output with commit hashes (seven hex digits before a space) as `<commit>`: a hash
/// changes whenever the example site's text does.
fn without_hashes(text: &str) -> String {
    let mut out = String::new();
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.len() == 7 && word.chars().all(|c| c.is_ascii_hexdigit()) {
            out.push_str("<commit>");
        } else {
            out.push_str(word);
        }
    }
    out
}

/// A realistic change to the example site: a corrected figure, a new update, a changed
/// action status.
fn realistic_change(repo: &Repo) {
    repo.edit(
        "content/data/kpis.yaml",
        "      - period: 2020/21 H1\n        value: 42\n",
        "      - period: 2020/21 H1\n        value: 44\n",
    );
    repo.edit(
        "content/data/actions.yaml",
        "    status: in-progress",
        "    status: achieved",
    );
    fs::write(
        repo.path("content/updates/2021-22-h1.md"),
        "---\ntitle: Six-month update, April to September 2021\nperiod: 2021/22 H1\npublished: 2021-10-29\nstatement: 2019/20\n---\n\nThis update is an illustrative example of a six-monthly update, to show how a new\nupdate appears in `candour diff`. Its words are not from a published source.\n",
    )
    .unwrap();
}

#[test]
fn diff_of_a_realistic_change_for_people_and_as_markdown() {
    let repo = Repo::example();
    realistic_change(&repo);
    // The default: the branch point (main itself here) against the working tree.
    let human = repo.candour(&["diff"]);
    assert!(human.status.success(), "{}", stderr(&human));
    insta::assert_snapshot!("diff_realistic_human", without_hashes(&stdout(&human)));
    let markdown = repo.candour(&["diff", "--format", "markdown"]);
    assert!(markdown.status.success(), "{}", stderr(&markdown));
    insta::assert_snapshot!(
        "diff_realistic_markdown",
        without_hashes(&stdout(&markdown))
    );
    common::only_these_snapshots(
        "git",
        "diff_",
        &[
            "diff_realistic_human".into(),
            "diff_realistic_markdown".into(),
        ],
    );
    let json = repo.candour(&["diff", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(value["figures"].as_array().unwrap().len(), 2);
    assert_eq!(value["documents"][0]["change"], "added");
    // Committed, the same change between two revisions says the same.
    repo.commit_all("2021-10-29", "Publish the April to September 2021 update");
    let committed = repo.candour(&["diff", "HEAD~1", "HEAD"]);
    assert_eq!(
        stdout(&committed).lines().skip(1).collect::<Vec<_>>(),
        stdout(&human).lines().skip(1).collect::<Vec<_>>()
    );
}

#[test]
fn a_corrected_kpi_is_a_warning_until_a_note_explains_it() {
    let repo = Repo::example();
    repo.edit(
        "content/data/kpis.yaml",
        "      - period: 2020/21 H1\n        value: 42\n",
        "      - period: 2020/21 H1\n        value: 44\n",
    );
    repo.commit_all("2021-05-10", "Correct the share of suppliers who responded");
    let diff = stdout(&repo.candour(&["diff", "HEAD~1", "HEAD"]));
    assert!(
        diff.contains("Suppliers who responded on modern slavery: 2020/21 H1 42% → 44%"),
        "{diff}"
    );
    assert!(diff.contains("already published in “Six-month update, April to September 2020”"));
    // A note on the update for that period explains the correction: no warning.
    repo.edit(
        "content/updates/2020-21-h1.md",
        "statement: 2019/20\n",
        "statement: 2019/20\nchanges:\n  - date: 2021-05-10\n    note: Corrected the share of suppliers who responded, from 42% to 44%.\n",
    );
    repo.commit_all("2021-05-10", "Say why the figure was corrected");
    let diff = stdout(&repo.candour(&["diff", "HEAD~2", "HEAD"]));
    assert!(diff.contains("42% → 44%"), "{diff}");
    assert!(!diff.contains("Warnings"), "{diff}");

    // The update's page: last updated on the day its figures changed, the note in its
    // history in place of that day's commit messages; the changes page and the feed say it.
    let site = repo.build(&[]);
    let update = &site["updates/2020-21-h1/index.html"];
    assert!(
        update.contains("<dt>Last updated</dt>\n<dd><time datetime=\"2021-05-10\">10 May 2021</time> — <a href=\"#history\">see all updates</a></dd>"),
        "{}",
        main_of(update)
    );
    let history = history_of(update).expect("a history");
    assert!(history.contains("Corrected the share of suppliers who responded, from 42% to 44%."));
    assert!(
        !history.contains("Say why the figure was corrected"),
        "{history}"
    );
    let changes = main_of(&site["changes/index.html"]);
    assert!(
        changes.contains("Key performance indicators</a> was changed: Correct the share of suppliers who responded"),
        "{changes}"
    );
    let feed = &site["feed.xml"];
    assert!(
        feed.contains("<title>Changed: Key performance indicators</title>"),
        "{feed}"
    );
    assert!(feed.contains("<title>Changed: Six-month update, April to September 2020</title>"));
}

#[test]
fn a_statement_added_then_deleted() {
    let repo = Repo::example();
    let text = fs::read_to_string(repo.path("content/statements/2019-20.md")).unwrap();
    let next = text
        .replacen(
            "title: Modern Slavery Statement 2019/20",
            "title: Modern Slavery Statement 2020/21",
            1,
        )
        .replacen("period: 2019/20", "period: 2020/21", 1)
        .replacen("published: 2020-09-30", "published: 2021-09-30", 1);
    assert_ne!(text, next);
    fs::write(repo.path("content/statements/2020-21.md"), next).unwrap();
    repo.commit_all("2021-09-30", "Publish the statement for 2020/21");
    let added = stdout(&repo.candour(&["diff", "HEAD~1", "HEAD"]));
    assert!(
        added.contains(
            "Statements\n  added    Modern Slavery Statement 2020/21 (/statements/2020-21/)"
        ),
        "{added}"
    );
    let site = repo.build(&[]);
    assert!(
        main_of(&site["changes/index.html"])
            .contains("Modern Slavery Statement 2020/21</a> was published.")
    );

    // Deleted in the working tree: the diff and check both warn, saying why it matters.
    fs::remove_file(repo.path("content/statements/2020-21.md")).unwrap();
    let removed = stdout(&repo.candour(&["diff"]));
    assert!(
        removed.contains("removed  Modern Slavery Statement 2020/21"),
        "{removed}"
    );
    assert!(
        removed.contains("the published statement for 2020/21 was deleted"),
        "{removed}"
    );
    let check = repo.candour(&["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(
        stderr(&check).contains("warning: the published statement for 2020/21 was deleted"),
        "{}",
        stderr(&check)
    );
    assert!(stderr(&check).contains("readers can compare one year with another"));
    // And with --no-git, no comparison.
    let quiet = repo.candour(&["check", "--no-git"]);
    assert!(
        !stderr(&quiet).contains("published statement"),
        "{}",
        stderr(&quiet)
    );

    // Its published date changed instead: a warning too.
    repo.git(&["checkout", "-q", "--", "."]);
    repo.edit(
        "content/statements/2020-21.md",
        "published: 2021-09-30",
        "published: 2021-09-29",
    );
    let check = stderr(&repo.candour(&["check", "--format", "human"]));
    assert!(
        check.contains("changed its published date from 30 September 2021 to 29 September 2021"),
        "{check}"
    );
}

/// A section of one word is said in the singular, added or removed.
#[test]
fn a_section_of_one_word_is_one_word() {
    let repo = Repo::example();
    let about = "content/pages/about.md";
    let text = fs::read_to_string(repo.path(about)).unwrap();
    fs::write(repo.path(about), format!("{text}\n## Contact\n\nSoon.\n")).unwrap();
    let out = stdout(&repo.candour(&["diff"]));
    assert!(out.contains("section “Contact” added (1 word)\n"), "{out}");
    repo.commit_all("2021-03-02", "A contact section");
    fs::write(repo.path(about), &text).unwrap();
    let out = stdout(&repo.candour(&["diff"]));
    assert!(
        out.contains("section “Contact” removed (1 word)\n"),
        "{out}"
    );
}

#[test]
fn a_page_deleted_and_a_page_renamed() {
    let repo = Repo::example();
    repo.edit(
        "content/pages/contact.md",
        "title: Contact us",
        "title: Contact the force",
    );
    repo.commit_all("2021-04-01", "Retitle the contact page");
    repo.git_at(
        "2021-05-01",
        &[
            "mv",
            "content/pages/contact.md",
            "content/pages/contact-us.md",
        ],
    );
    repo.commit_all("2021-05-01", "Move the contact page to /contact-us/");
    let site = repo.build(&[]);
    // History follows the file through its rename, back to the commit that added it.
    let history = history_of(&site["contact-us/index.html"]).expect("a history");
    for line in [
        "1 May 2021</time>: Move the contact page to /contact-us/",
        "1 April 2021</time>: Retitle the contact page",
        "1 March 2021</time>: Publish the example site",
    ] {
        assert!(history.contains(line), "{history}");
    }
    assert!(history.contains("<details>\n<summary>Show all updates</summary>"));
    let renamed = stdout(&repo.candour(&["diff", "HEAD~1", "HEAD"]));
    assert!(
        renamed.contains("removed  Contact the force (/contact/)"),
        "{renamed}"
    );
    assert!(
        renamed.contains("added    Contact the force (/contact-us/)"),
        "{renamed}"
    );

    fs::remove_file(repo.path("content/pages/contact-us.md")).unwrap();
    repo.commit_all("2021-06-01", "Remove the contact page");
    let diff = stdout(&repo.candour(&["diff", "HEAD~1", "HEAD"]));
    assert!(
        diff.contains("Pages\n  removed  Contact the force (/contact-us/)"),
        "{diff}"
    );
    let site = repo.build(&[]);
    assert!(!site.contains_key("contact-us/index.html"));
}

#[test]
fn a_merge_lists_the_branch_commits_with_their_own_dates() {
    let repo = Repo::example();
    repo.git_at("2021-03-02", &["checkout", "-q", "-b", "correction"]);
    repo.edit(
        "content/pages/contact.md",
        "title: Contact us",
        "title: Contact the force",
    );
    repo.commit_all("2021-03-05", "Retitle the contact page");
    repo.git_at("2021-03-06", &["checkout", "-q", "main"]);
    repo.edit(
        "content/pages/about.md",
        "title: About this site",
        "title: About this website",
    );
    repo.commit_all("2021-03-07", "Retitle the about page");
    repo.git_at(
        "2021-03-09",
        &[
            "merge",
            "-q",
            "--no-ff",
            "-m",
            "Merge the contact correction",
            "correction",
        ],
    );
    let site = repo.build(&[]);
    let contact = &site["contact/index.html"];
    assert!(
        contact
            .contains("<time datetime=\"2021-03-05\">5 March 2021</time> — <a href=\"#history\">")
    );
    let history = history_of(contact).unwrap();
    assert!(history.contains("Retitle the contact page"));
    assert!(
        !history.contains("Merge the contact correction"),
        "{history}"
    );
    // The diff across the merge: the branch's change.
    let diff = stdout(&repo.candour(&["diff", "HEAD^1", "HEAD"]));
    assert!(
        diff.contains("title: Contact us → Contact the force"),
        "{diff}"
    );
    assert!(!diff.contains("About this"), "{diff}");
}

#[test]
fn a_shallow_clone_says_its_history_is_cut_and_invents_no_date() {
    let repo = Repo::example();
    repo.edit(
        "content/pages/about.md",
        "title: About this site",
        "title: About this website",
    );
    repo.commit_all("2021-04-01", "Retitle the about page");
    let clone = repo._dir.path().join("clone");
    let url = format!("file://{}", repo.top.display());
    let o = Command::new("git")
        .args(["clone", "-q", "--depth", "1", &url])
        .arg(&clone)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = repo._dir.path().join("shallow-out");
    let o = run_in(&clone, &["build", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let site = files(&out);
    let about = &site["about/index.html"];
    // Only the one commit is here, and it shows every file as added: not a date to show.
    assert!(!about.contains("Last updated"), "{}", main_of(about));
    let history = history_of(about).expect("a history saying it is cut");
    assert!(history.contains("Earlier changes are not in this copy of the site's history"));
    assert!(!history.contains("Retitle the about page"), "{history}");
    let changes = main_of(&site["changes/index.html"]);
    assert!(
        changes.contains("Earlier changes are not in this copy"),
        "{changes}"
    );
    // A revision the clone does not have: exit 2, in plain words.
    let o = run_in(&clone, &["diff", "HEAD~1"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("there is no commit 'HEAD~1' in this repository (it is a shallow copy"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn uncommitted_changes_are_the_working_tree_and_dates_stay_the_commits() {
    let repo = Repo::example();
    repo.edit(
        "content/pages/about.md",
        "title: About this site",
        "title: About this website",
    );
    let first = repo.build(&[]);
    let second = repo.build(&[]);
    assert_eq!(first, second, "two builds of one commit differ");
    // The uncommitted title shows, dated by the last commit: never by today or a file time.
    let about = &first["about/index.html"];
    assert!(about.contains("<h1>About this website</h1>"));
    assert!(about.contains("<time datetime=\"2021-03-01\">1 March 2021</time>"));
    let diff = stdout(&repo.candour(&["diff"]));
    assert!(diff.contains("to the working tree"), "{diff}");
    assert!(
        diff.contains("title: About this site → About this website"),
        "{diff}"
    );
}

#[test]
fn a_site_in_a_subfolder() {
    let repo = Repo::example_in("site");
    repo.edit(
        "content/pages/about.md",
        "title: About this site",
        "title: About this website",
    );
    repo.commit_all("2021-04-01", "Retitle the about page");
    let site = repo.build(&[]);
    let about = &site["about/index.html"];
    assert!(
        about.contains("<time datetime=\"2021-04-01\">1 April 2021</time>"),
        "{}",
        main_of(about)
    );
    let diff = stdout(&repo.candour(&["diff", "HEAD~1"]));
    assert!(
        diff.contains("title: About this site → About this website"),
        "{diff}"
    );
}

#[test]
fn without_git_the_site_is_built_as_outside_a_repository() {
    let repo = Repo::example();
    repo.edit(
        "content/pages/about.md",
        "title: About this site",
        "title: About this website",
    );
    repo.commit_all("2021-04-01", "Retitle the about page");
    let without = repo.build(&["--no-git"]);
    assert!(!without.contains_key("changes/index.html"));
    // The same files as a copy of the same content in no repository.
    let outside = tempfile::tempdir().unwrap();
    common::copy_dir(&repo.path("content"), &outside.path().join("content"));
    let out = outside.path().join("public");
    let o = run_in(outside.path(), &["build", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(without, files(&out));
    // And with git, the history is there.
    let with = repo.build(&[]);
    assert!(with.contains_key("changes/index.html"));
    assert!(with["about/index.html"].contains("Last updated"));
}

#[test]
fn a_revision_that_does_not_exist_is_exit_2_in_plain_words() {
    let repo = Repo::example();
    let o = repo.candour(&["diff", "no-such-branch"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: there is no commit 'no-such-branch' in this repository (check the branch, tag or commit name; `git log --oneline` lists commits)\n"
    );
    assert!(stdout(&o).is_empty());
    // Nothing changed: exit 0, and it says so.
    let o = repo.candour(&["diff", "HEAD", "HEAD"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).ends_with("Nothing the public sees changed.\n"),
        "{}",
        stdout(&o)
    );
    // Outside a repository: exit 2.
    let outside = common::example_copy();
    let o = run_in(outside.path(), &["diff"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is not in a git repository"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn diff_reads_git_objects_and_leaves_the_work_tree_alone() {
    let repo = Repo::example();
    realistic_change(&repo);
    let site_files = || {
        let mut f = files(&repo.site);
        f.retain(|path, _| !path.starts_with(".git/"));
        f
    };
    let before = site_files();
    let status = stdout(&repo.git(&["status", "--porcelain"]));
    let o = repo.candour(&["diff", "--format", "json"]);
    assert!(o.status.success());
    assert_eq!(site_files(), before);
    assert_eq!(stdout(&repo.git(&["status", "--porcelain"])), status);
}

#[test]
fn markdown_is_cut_under_the_comment_limit_with_a_note() {
    let repo = Repo::example();
    // Many figures: every training course's count for a new period.
    let mut text = fs::read_to_string(repo.path("content/data/kpis.yaml")).unwrap();
    let long = "x".repeat(70);
    for n in 0..900 {
        text = text.replacen(
            "kpis:\n",
            &format!("kpis:\n  - id: extra-{n}\n    title: Extra {n} {long}\n    description: A test indicator.\n    aspect: force-capability\n    kind: count\n    values:\n      - period: 2019/20\n        value: {n}\n"),
            1,
        );
    }
    fs::write(repo.path("content/data/kpis.yaml"), text).unwrap();
    let o = repo.candour(&["diff", "--format", "markdown"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.len() < 60_000, "{}", md.len());
    assert!(
        md.contains("more changes are not shown: this comment is kept under GitHub's size limit"),
        "{}",
        &md[md.len() - 300..]
    );
}

/// The words of a shell command line: split at spaces, quotes removed, `$NAME` and
/// `"$NAME"` filled from `vars`; stops at a redirection (`>`).
fn shell_words(line: &str, vars: &[(&str, &str)]) -> Vec<String> {
    let mut words = Vec::new();
    for word in line.split_whitespace() {
        if word.starts_with('>') || word == "||" {
            break;
        }
        let mut w = word.trim_matches('"').to_string();
        for (name, value) in vars {
            w = w.replace(&format!("${name}"), value);
        }
        assert!(!w.contains('$'), "no value for {w} in {line}");
        words.push(w);
    }
    words
}

#[test]
fn init_writes_a_workflow_whose_candour_commands_run() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("site");
    let o = run_in(
        dir.path(),
        &[
            "init",
            "--name",
            "Borough Council",
            target.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = fs::read_to_string(target.join(".github/workflows/candour.yml")).unwrap();
    let yaml: serde_json::Value = serde_norway::from_str(&text).expect("the workflow is YAML");
    // On a pull request and on pushes to the default branch.
    assert!(yaml["on"]["pull_request"].is_null() && yaml["on"].get("pull_request").is_some());
    assert_eq!(yaml["on"]["push"]["branches"][0], "main");
    let review = &yaml["jobs"]["review"];
    let publish = &yaml["jobs"]["publish"];
    assert_eq!(publish["permissions"]["pages"], "write");
    assert_eq!(review["permissions"]["pull-requests"], "write");
    // Both check out the whole history, which dates and diffs need.
    for job in [review, publish] {
        assert_eq!(job["steps"][0]["uses"], "actions/checkout@v4");
        assert_eq!(job["steps"][0]["with"]["fetch-depth"], 0);
    }
    let runs: Vec<(&str, String)> = ["review", "publish"]
        .iter()
        .flat_map(|job| {
            yaml["jobs"][job]["steps"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|s| Some((*job, s["run"].as_str()?.to_string())))
        })
        .collect();
    let commands: Vec<(&str, String)> = runs
        .iter()
        .flat_map(|(job, run)| {
            run.lines()
                .map(str::trim)
                .filter(|l| l.starts_with("candour "))
                .map(|l| (*job, l.to_string()))
                .collect::<Vec<_>>()
        })
        .collect();
    let names: Vec<&str> = commands.iter().map(|(_, c)| c.as_str()).collect();
    assert_eq!(
        names,
        [
            "candour check --format github",
            "candour diff \"origin/$BASE_REF\" --format markdown > candour-diff.md",
            "candour build",
            "candour build --base-url \"$BASE_URL\"",
        ]
    );
    // Installed the way the README says.
    let readme = fs::read_to_string(common::repo().join("README.md")).unwrap();
    let install = "cargo install --locked --git \"$CANDOUR_GIT\" candour";
    assert!(runs.iter().any(|(_, r)| r.contains(install)));
    assert!(
        readme.contains("cargo install --locked --git"),
        "the README says how to install"
    );

    // Each command runs in the new site, made a repository the way GitHub checks it out:
    // it exists, its flags parse, and it succeeds.
    let repo = Repo {
        top: target.clone(),
        site: target.clone(),
        _dir: dir,
    };
    repo.git(&["init", "-q", "-b", "main"]);
    // The starter's statement is a draft; this site has published it.
    for e in fs::read_dir(target.join("content/statements")).unwrap() {
        let path = e.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let published: String = text
            .lines()
            .filter(|l| !l.starts_with("draft: true"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_ne!(published, text, "the starter's statement is a draft");
        fs::write(&path, published).unwrap();
    }
    repo.commit_all("2021-03-01", "Start the site");
    repo.git(&["update-ref", "refs/remotes/origin/main", "HEAD"]);
    // The starter's one statement, whichever period it is for.
    let statement = fs::read_dir(target.join("content/statements"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .next()
        .unwrap();
    let title = fs::read_to_string(target.join("content/statements").join(&statement))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("title: ").map(str::to_string))
        .unwrap();
    repo.edit(
        &format!("content/statements/{statement}"),
        &format!("title: {title}"),
        "title: Our statement",
    );
    repo.commit_all("2021-03-02", "Retitle the statement");
    let vars = [
        ("BASE_REF", "main"),
        ("BASE_URL", "https://example.github.io/site/"),
    ];
    for (_, command) in &commands {
        let words = shell_words(command, &vars);
        let args: Vec<&str> = words[1..].iter().map(String::as_str).collect();
        let o = repo.candour(&args);
        assert_eq!(o.status.code(), Some(0), "{command}: {}", stderr(&o));
        if args[0] == "diff" {
            let expected = format!("title: {title} → Our statement");
            assert!(stdout(&o).contains(&expected), "{}", stdout(&o));
        }
    }
    // A flag that does not exist would have failed: the parser is the real one.
    let o = repo.candour(&["diff", "--format", "markdwn"]);
    assert_eq!(o.status.code(), Some(2));
}

/// A change to what the registry would be told shows as a registry answer: changed, added
/// and removed.
#[test]
fn diff_names_registry_answers_changed() {
    let repo = Repo::example();
    repo.edit(
        "content/statements/2019-20.md",
        "  years_producing: first-time\n",
        "  years_producing: 1-to-5\n",
    );
    let o = repo.candour(&["diff"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("registry answer, "), "{out}");
    assert!(out.contains("This is the first time →"), "{out}");
    repo.edit(
        "content/statements/2019-20.md",
        "  years_producing: 1-to-5\n",
        "",
    );
    let out = stdout(&repo.candour(&["diff"]));
    assert!(out.contains("registry answer removed, "), "{out}");
}

/// Each priority risk's answers are told apart: a change to the first risk is not hidden by
/// the second's answers to the same questions.
#[test]
fn diff_tells_each_priority_risk_apart() {
    let risks = "  years_producing: first-time\n  risks:\n    - description: Cleaning contracts\n      area: supply-chains\n      tiers: [tier-1, tier-2]\n      locations: [United Kingdom]\n      mitigation: Audits of the cleaning contractor.\n    - description: Uniform manufacture\n      area: supply-chains\n      tiers: [tier-1]\n      locations: [Bangladesh]\n      mitigation: Supplier questionnaires.\n";
    let repo = Repo::example();
    repo.edit(
        "content/statements/2019-20.md",
        "  years_producing: first-time\n",
        risks,
    );
    repo.commit_all("2021-03-02", "Add two risks");
    repo.edit(
        "content/statements/2019-20.md",
        "Audits of the cleaning contractor.",
        "Unannounced audits of the cleaning contractor.",
    );
    let o = repo.candour(&["diff"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("Audits of the cleaning contractor. → Unannounced audits"),
        "{out}"
    );
    assert!(!out.contains("Supplier questionnaires. →"), "{out}");
}

/// A bilingual site's translations are compared too: a Welsh statement's title and text, a
/// heading renamed, the site's Welsh words and the data's Welsh text, each at its Welsh
/// address; nothing of the English site is said to change.
#[test]
fn diff_names_changes_to_translations() {
    let repo = Repo::fixture("bilingual");
    assert!(stdout(&repo.candour(&["diff"])).contains("Nothing the public sees changed."));
    let statement = "content/statements/2022-23.cy.md";
    repo.edit(
        statement,
        "title: Datganiad Caethwasiaeth Fodern 2023-2024",
        "title: Datganiad Caethwasiaeth Fodern 2023 i 2024",
    );
    repo.edit(
        statement,
        "yn bedwar prif faes.",
        "yn bedwar maes allweddol.",
    );
    repo.edit(
        statement,
        "## Beth yw caethwasiaeth fodern?",
        "## Beth yw caethwasiaeth fodern heddiw?",
    );
    repo.edit(
        "content/site.cy.yaml",
        "title: Datganiad Caethwasiaeth Fodern\n",
        "title: Datganiadau Caethwasiaeth Fodern\n",
    );
    repo.edit(
        "content/data/cy/kpis.yaml",
        "    title: Cydymffurfio â'r Cod Ymarfer",
        "    title: Cydymffurfiaeth â'r Cod Ymarfer",
    );
    let o = repo.candour(&["diff"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("\nTranslations\n"), "{out}");
    assert!(
        !out.contains("\nStatements\n") && !out.contains("\nFigures\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "changed  Datganiad Caethwasiaeth Fodern 2023 i 2024 (/cy/statements/2022-23/)"
        ),
        "{out}"
    );
    assert!(
        out.contains("title: Datganiad Caethwasiaeth Fodern 2023-2024 → Datganiad Caethwasiaeth Fodern 2023 i 2024"),
        "{out}"
    );
    assert!(
        out.contains("section “Ein dull”: 2 words added, 2 removed"),
        "{out}"
    );
    assert!(
        out.contains("section “Beth yw caethwasiaeth fodern heddiw” added"),
        "{out}"
    );
    assert!(
        out.contains("section “Beth yw caethwasiaeth fodern” removed"),
        "{out}"
    );
    assert!(out.contains("The site's words (cy) (/cy/)"), "{out}");
    assert!(
        out.contains("title: Datganiad Caethwasiaeth Fodern → Datganiadau Caethwasiaeth Fodern"),
        "{out}"
    );
    assert!(
        out.contains("changed  Cydymffurfiaeth â'r Cod Ymarfer Cyflogaeth Foesegol mewn Cadwyni Cyflenwi (/cy/performance/code-of-practice/)"),
        "{out}"
    );
    assert!(
        out.contains("kpis.code-of-practice.title: Cydymffurfio â'r Cod Ymarfer Cyflogaeth Foesegol mewn Cadwyni Cyflenwi → Cydymffurfiaeth â'r Cod Ymarfer Cyflogaeth Foesegol mewn Cadwyni Cyflenwi"),
        "{out}"
    );
    // A page translated at last: its Welsh page's text was the English, marked; now Welsh.
    fs::write(
        repo.path("content/pages/reporting.cy.md"),
        "---\ntitle: Rhoi gwybod am gaethwasiaeth fodern\n---\nMewn argyfwng, ffoniwch 999.\n",
    )
    .unwrap();
    let out = stdout(&repo.candour(&["diff"]));
    assert!(
        out.contains("title: Report modern slavery → Rhoi gwybod am gaethwasiaeth fodern"),
        "{out}"
    );
}

/// A figure is not a translation: a KPI's value corrected on a bilingual site is said once,
/// under Figures, though the Welsh chart's description (candour's words) changes with it.
#[test]
fn a_figure_changed_on_a_bilingual_site_is_no_translation_change() {
    let repo = Repo::example_bilingual(&[]);
    let kpis = "content/data/kpis.yaml";
    repo.edit(
        kpis,
        "      - period: 2020/21 H2\n        value: 61\n",
        "      - period: 2020/21 H2\n        value: 62\n",
    );
    let o = repo.candour(&["diff"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("Suppliers who responded on modern slavery: 2020/21 H2 61% → 62%"),
        "{out}"
    );
    assert!(!out.contains("Translations"), "{out}");
}

/// The data's Welsh text is named as `check` names it, by id and period, at the page that
/// shows it: a KPI's own Welsh page, an action's place on the Welsh action plan.
#[test]
fn diff_names_the_datas_text_by_period_at_its_page() {
    let repo = Repo::example_bilingual(&[
        (
            "content/data/cy/kpis.yaml",
            "kpis:\n  supply-chain-risk-assessment:\n    title: Asesu risg y gadwyn gyflenwi\n    values:\n      2019/20:\n        summary: Mesur i'w olrhain.\n",
        ),
        (
            "content/data/cy/actions.yaml",
            "actions:\n  strategy-and-responsible-sourcing:\n    progress:\n      2020/21 H1:\n        note: Cwmpas rhaglen.\n",
        ),
    ]);
    repo.edit(
        "content/data/cy/kpis.yaml",
        "summary: Mesur i'w olrhain.",
        "summary: Mesur i'w olrhain o hyn ymlaen.",
    );
    repo.edit(
        "content/data/cy/actions.yaml",
        "note: Cwmpas rhaglen.",
        "note: Cwmpas y rhaglen.",
    );
    let o = repo.candour(&["diff"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains(
            "Translations\n  changed  Asesu risg y gadwyn gyflenwi (/cy/performance/supply-chain-risk-assessment/)\n           kpis.supply-chain-risk-assessment.values[2019/20].summary: Mesur i'w olrhain. → Mesur i'w olrhain o hyn ymlaen.\n"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "(/cy/action-plan/#action-strategy-and-responsible-sourcing)\n           actions.strategy-and-responsible-sourcing.progress[2020/21 H1].note: Cwmpas rhaglen. → Cwmpas y rhaglen.\n"
        ),
        "{out}"
    );
    // Each is where the Welsh site shows it.
    let site = repo.build(&[]);
    assert!(site.contains_key("cy/performance/supply-chain-risk-assessment/index.html"));
    assert!(
        site["cy/action-plan/index.html"]
            .contains("id=\"action-strategy-and-responsible-sourcing\"")
    );
    // An English text of the data, untranslated, is not a translation's change.
    repo.git(&["checkout", "-q", "--", "."]);
    repo.edit(
        "content/data/kpis.yaml",
        "main suppliers; answers are being assessed.",
        "main suppliers; their answers are being assessed.",
    );
    let out = stdout(&repo.candour(&["diff"]));
    assert!(!out.contains("Translations"), "{out}");
}

/// A translation deleted is said once, as such: not also as its page's every section and
/// field replaced by the original's.
#[test]
fn a_deleted_translation_is_one_entry() {
    let repo = Repo::fixture("bilingual");
    for path in [
        "content/statements/2022-23.cy.md",
        "content/data/cy/kpis.yaml",
        "content/site.cy.yaml",
    ] {
        fs::remove_file(repo.path(path)).unwrap();
    }
    let o = repo.candour(&["diff"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for (path, url) in [
        (
            "content/statements/2022-23.cy.md",
            "/cy/statements/2022-23/",
        ),
        ("content/data/cy/kpis.yaml", "/cy/performance/"),
        ("content/site.cy.yaml", "/cy/"),
    ] {
        assert!(
            out.contains(&format!("  removed  {path} ({url})\n")),
            "{path}: {out}"
        );
    }
    // Three entries of two lines each, and nothing else.
    assert_eq!(
        out.lines().filter(|l| l.starts_with("  ")).count(),
        6,
        "{out}"
    );
    assert!(!out.contains("section “"), "{out}");
}

/// "May be out of date" is said per section of a Markdown file (matched by heading position)
/// and per field of the data: the original's changed where the translation's did not, though
/// the translation changed elsewhere. Text shown untranslated follows its original by itself.
#[test]
fn a_translation_is_outdated_where_its_original_changed_and_it_did_not() {
    let repo = Repo::fixture("bilingual");
    let original = "content/statements/2022-23.md";
    let translation = "content/statements/2022-23.cy.md";
    repo.edit(
        original,
        "human trafficking.",
        "human trafficking, in any form.",
    );
    repo.edit(
        translation,
        "yn bedwar prif faes.",
        "yn bedwar maes allweddol.",
    );
    let kpis = "content/data/kpis.yaml";
    // The description is translated, the value's summary is not.
    repo.edit(kpis, "which the four Welsh", "which all four Welsh");
    repo.edit(
        kpis,
        "underpins\n          the commitment",
        "underpins\n          its commitment",
    );
    repo.edit(
        "content/data/cy/kpis.yaml",
        "title: Cydymffurfio â'r Cod",
        "title: Cydymffurfiaeth â'r Cod",
    );
    let o = repo.candour(&["diff"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains(&format!(
            "  outdated {translation} (/cy/statements/2022-23/)\n           {original} changed where its 'cy' translation did not: it may need the same change\n           the original's section “What is modern slavery?” changed, the translation's “Beth yw caethwasiaeth fodern?” did not\n"
        )),
        "{out}"
    );
    assert!(
        out.contains(
            "  outdated content/data/cy/kpis.yaml (/cy/performance/code-of-practice/)\n           content/data/kpis.yaml changed where its 'cy' translation did not: it may need the same change\n           the original's kpis.code-of-practice.description changed, the translation's did not\n"
        ),
        "{out}"
    );
    assert!(!out.contains("values[2022/23].summary changed"), "{out}");
    // The translated section changed with the original's: nothing is outdated there.
    repo.edit(
        translation,
        "a masnachu pobl.",
        "a masnachu pobl, o unrhyw fath.",
    );
    let out = stdout(&repo.candour(&["diff"]));
    assert!(!out.contains(&format!("outdated {translation}")), "{out}");
    // A page's headings no longer match its translation's (a warning for pages): its text is
    // compared whole.
    let about = fs::read_to_string(repo.path("content/pages/about.md")).unwrap();
    fs::write(
        repo.path("content/pages/about.md"),
        format!("{about}\n## Contact\n\nSoon.\n"),
    )
    .unwrap();
    let out = stdout(&repo.candour(&["diff"]));
    assert!(
        out.contains("  outdated content/pages/about.cy.md (/cy/about/)\n           content/pages/about.md changed where its 'cy' translation did not: it may need the same change\n           the original's text changed, the translation's did not\n"),
        "{out}"
    );
}

/// A deleted translation, and one left as it was while its original's text changed, are
/// reported under Translations; an original whose facts alone changed leaves its translation
/// current. Both the English-default and the Welsh-default fixtures.
#[test]
fn diff_names_deleted_and_possibly_outdated_translations() {
    for (fixture, tag, translation) in [
        ("bilingual", "cy", "content/statements/2022-23.cy.md"),
        ("bilingual-cy", "en", "content/statements/2022-23.en.md"),
    ] {
        let repo = Repo::fixture(fixture);
        // A fact of the original changed: its translation has nothing to follow.
        let original = "content/statements/2022-23.md";
        let text = fs::read_to_string(repo.path(original)).unwrap();
        fs::write(
            repo.path(original),
            text.replacen(
                "period: 2022/23\n",
                "period: 2022/23\npublished: 2023-09\n",
                1,
            ),
        )
        .unwrap();
        let out = stdout(&repo.candour(&["diff"]));
        assert!(!out.contains("outdated"), "{fixture}: {out}");
        // Its text changed, the translation's did not.
        let text = fs::read_to_string(repo.path(original)).unwrap();
        let last = text.trim_end().rsplit('\n').next().unwrap().to_string();
        fs::write(
            repo.path(original),
            text.replacen(&last, &format!("{last} (amended)"), 1),
        )
        .unwrap();
        let o = repo.candour(&["diff"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains("\nTranslations\n"), "{fixture}: {out}");
        assert!(
            out.contains(&format!(
                "outdated {translation} (/{tag}/statements/2022-23/)\n           {original} changed where its '{tag}' translation did not: it may need the same change\n           the original's section “"
            )),
            "{fixture}: {out}"
        );
        // Its last section changed too: nothing to say of it; a blank line is no change.
        let t = fs::read_to_string(repo.path(translation)).unwrap();
        fs::write(repo.path(translation), format!("{t}\n")).unwrap();
        assert!(stdout(&repo.candour(&["diff"])).contains("outdated"));
        let last = t.trim_end().rsplit('\n').next().unwrap().to_string();
        fs::write(
            repo.path(translation),
            t.replacen(&last, &format!("{last} (2)"), 1),
        )
        .unwrap();
        let out = stdout(&repo.candour(&["diff"]));
        assert!(!out.contains("outdated"), "{fixture}: {out}");
        // The data's translation deleted: its text falls back to the original.
        repo.git(&["checkout", "-q", "--", "."]);
        let data = format!("content/data/{tag}/kpis.yaml");
        fs::remove_file(repo.path(&data)).unwrap();
        let o = repo.candour(&["diff", "--format", "markdown"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains(&data), "{fixture}: {out}");
        assert!(out.contains("removed"), "{fixture}: {out}");
        assert!(
            out.contains(&format!(
                "the '{tag}' pages show content/data/kpis.yaml in the original, marked as untranslated, until it is translated again"
            )),
            "{fixture}: {out}"
        );
        // At the page that shows the file's records.
        assert!(
            out.contains(&format!("(`/{tag}/performance/`)")),
            "{fixture}: {out}"
        );
        // Said once: not also as each of its texts replaced by the original's.
        assert!(!out.contains("| changed |"), "{fixture}: {out}");
    }
}
