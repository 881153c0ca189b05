//! Welsh pages of the bilingual fixtures through the real binary, run the README way: a
//! site's own words per language (`i18n/cy.yaml` beside `i18n/en.yaml`), and no English
//! text under `lang="cy"` (issue 13: English on a Welsh page is inside an element with
//! `lang="en"`, with a visible note or marker).

mod common;
use common::{copy_dir, repo};

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn run(site: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_candour"))
        .current_dir(site)
        .args(args)
        .output()
        .unwrap()
}

/// A copy of the fixture `name`, and where to build it.
fn fixture(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &repo().join("tests/browser/fixtures").join(name),
        dir.path(),
    );
    let out = dir.path().join("public");
    (dir, out)
}

fn build(site: &Path, out: &Path) -> String {
    let o = run(
        site,
        &["build", "--no-git", "--out", &out.to_string_lossy()],
    );
    let stderr = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(o.status.success(), "{stderr}");
    stderr
}

fn read(out: &Path, path: &str) -> String {
    fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A site's `i18n/en.yaml` replaces the theme's English words on English pages only, its
/// `i18n/cy.yaml` the Welsh words on Welsh pages only; a key replaced in the default
/// language but not the other shows the default's words there, marked untranslated, and is
/// a warning at that file, once, with the count and the keys.
#[test]
fn a_sites_own_words_apply_each_to_its_language_and_one_sided_ones_are_warned() {
    let (dir, out) = fixture("bilingual");
    let i18n = dir.path().join("i18n");
    fs::create_dir(&i18n).unwrap();
    fs::write(
        i18n.join("en.yaml"),
        "base:\n  built_with: \"Built by the Commissioner's office.\"\n  licence: \"No licence is offered: {licence} does not apply.\"\n",
    )
    .unwrap();
    fs::write(
        i18n.join("cy.yaml"),
        "base:\n  built_with: \"Adeiladwyd gan swyddfa'r Comisiynydd.\"\n",
    )
    .unwrap();
    let stderr = build(dir.path(), &out);
    let (en, cy) = (read(&out, "index.html"), read(&out, "cy/index.html"));
    assert!(en.contains("Built by the Commissioner's office."), "{en}");
    assert!(!en.contains("Adeiladwyd gan swyddfa"));
    assert!(cy.contains("Adeiladwyd gan swyddfa'r Comisiynydd."), "{cy}");
    assert!(!cy.contains("Built by the Commissioner"));
    // The licence sentence is replaced in English only: Welsh pages show the site's English
    // sentence marked as not yet translated, never the theme's Welsh licence claim.
    assert!(en.contains("No licence is offered"));
    assert!(
        cy.contains("<span lang=\"en\" class=\"untranslated\">No licence is offered"),
        "{cy}"
    );
    assert!(
        !cy.contains("yw'r drwydded ar gyfer yr holl gynnwys"),
        "{cy}"
    );
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("replaced here but not in"))
        .collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(
        warnings[0].contains("1 key is replaced here but not in i18n/cy.yaml")
            && warnings[0].contains("base.licence"),
        "{stderr}"
    );
    assert!(stderr.contains("--> i18n/en.yaml"), "{stderr}");

    // With the Welsh form given too, nothing is said.
    fs::write(
        i18n.join("cy.yaml"),
        "base:\n  built_with: \"Adeiladwyd gan swyddfa'r Comisiynydd.\"\n  licence: \"Nid oes trwydded: nid yw {licence} yn berthnasol.\"\n",
    )
    .unwrap();
    let stderr = build(dir.path(), &out);
    assert!(!stderr.contains("replaced here but not in"), "{stderr}");
    assert!(read(&out, "cy/index.html").contains("Nid oes trwydded"));

    // A site in one language is never told about another.
    fs::remove_file(i18n.join("cy.yaml")).unwrap();
    let site = dir.path().join("content/site.yaml");
    let text = fs::read_to_string(&site).unwrap();
    fs::write(
        &site,
        text.replace("languages: [en, cy]", "languages: [en]"),
    )
    .unwrap();
    fs::remove_file(dir.path().join("content/site.cy.yaml")).unwrap();
    for f in [
        "pages/about.cy.md",
        "statements/2022-23.cy.md",
        "data/cy/kpis.yaml",
    ] {
        fs::remove_file(dir.path().join("content").join(f)).unwrap();
    }
    let stderr = build(dir.path(), &out);
    assert!(!stderr.contains("replaced here but not in"), "{stderr}");
}

/// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;` and `&nbsp;` as the characters they stand for.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// An Atom feed with each `<content type="html">`'s escaped HTML unescaped: the markup
/// it stands for.
fn feed_content_unescaped(feed: &str) -> String {
    let mut out = String::new();
    let mut rest = feed;
    while let Some(at) = rest.find("<content type=\"html\"") {
        let open_end = at + rest[at..].find('>').unwrap() + 1;
        let close = open_end + rest[open_end..].find("</content>").unwrap();
        out.push_str(&rest[..open_end]);
        out.push_str(&unescape(&rest[open_end..close]));
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// `html` without its tags.
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The text of an HTML page (or an Atom feed, whose `content` is escaped HTML) with the
/// language each run of it is in: the nearest `lang` (or `xml:lang`) around it. The text of
/// the page's `<title>`, `<script>` and `<style>`, and attributes, are left out (an SVG's
/// `<title>` and `<desc>` and a feed's `<title>` are read).
fn text_by_language(page: &str) -> Vec<(String, String)> {
    const VOID: [&str; 12] = [
        "meta", "link", "br", "img", "input", "hr", "source", "wbr", "area", "col", "embed",
        "track",
    ];
    let mut stack: Vec<(String, Option<String>)> = Vec::new();
    let mut runs = Vec::new();
    let mut rest = page;
    let lang = |stack: &[(String, Option<String>)]| {
        stack
            .iter()
            .rev()
            .find_map(|(_, l)| l.clone())
            .unwrap_or_default()
    };
    while !rest.is_empty() {
        let next = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..next];
        // A page's `<title>` (in `<head>`) cannot mark a part of it; an SVG's or a feed's
        // is read.
        let skipped = stack.last().is_some_and(|(n, _)| {
            ["script", "style"].contains(&n.as_str())
                || (n == "title" && stack.iter().any(|(n, _)| n == "head"))
        });
        if !text.trim().is_empty() && !skipped {
            // An Atom feed's `content` is escaped HTML: its text without the markup.
            let text = strip_tags(&unescape(text));
            runs.push((lang(&stack), unescape(&text)));
        }
        rest = &rest[next..];
        let Some(end) = rest.find('>') else { break };
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim().to_ascii_lowercase();
            if let Some(at) = stack.iter().rposition(|(n, _)| *n == name) {
                stack.truncate(at);
            }
            continue;
        }
        let name: String = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if VOID.contains(&name.as_str()) || tag.ends_with('/') {
            continue;
        }
        let lang_of = |attr: &str| {
            tag.find(attr).map(|at| {
                let v = &tag[at + attr.len()..];
                v[..v.find('"').unwrap_or(v.len())].to_string()
            })
        };
        let own = lang_of(" xml:lang=\"").or_else(|| lang_of(" lang=\""));
        stack.push((name, own));
    }
    runs
}

/// The English texts a Welsh page must never show under `lang="cy"`: every run of the
/// theme's English words (`en.yaml`, split at placeholders and markup) of three words or
/// more that the Welsh table does not also have, and every text of three words or more of
/// the site's English sources that its Welsh sources do not also have. With the tables the
/// other way round (`cy.yaml`, `en.yaml`) and the sources too, the Welsh texts a page must
/// never mark English.
fn english_texts(
    english_sources: &[String],
    welsh_sources: &[String],
    [english_table, welsh_table]: [&str; 2],
) -> Vec<String> {
    fn strings(value: &serde_norway::Value, out: &mut Vec<String>) {
        match value {
            serde_norway::Value::String(s) => out.push(s.clone()),
            serde_norway::Value::Sequence(items) => items.iter().for_each(|v| strings(v, out)),
            serde_norway::Value::Mapping(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    fn texts(source: &str) -> Vec<String> {
        let mut out = Vec::new();
        let (yaml, body) = match source.strip_prefix("---\n") {
            Some(rest) => rest.split_once("\n---\n").unwrap_or((rest, "")),
            None => (source, ""),
        };
        if let Ok(value) = serde_norway::from_str::<serde_norway::Value>(yaml) {
            strings(&value, &mut out);
        }
        out.extend(body.lines().map(str::to_string));
        out
    }
    // Runs of plain words: split at placeholders, markup and Markdown's punctuation.
    fn runs(text: &str) -> Vec<String> {
        text.split([
            '{', '}', '<', '>', '[', ']', '(', ')', '*', '_', '`', '#', '\n',
        ])
        .map(|r| r.trim().trim_end_matches(['.', ',', ':', ';']).to_string())
        .filter(|r| r.split_whitespace().count() >= 3 && !r.contains('=') && !r.contains('@'))
        .collect()
    }
    let theme = repo().join("themes/default/i18n");
    let table = |f: &str| {
        let mut all = Vec::new();
        strings(
            &serde_norway::from_str(&fs::read_to_string(theme.join(f)).unwrap()).unwrap(),
            &mut all,
        );
        all
    };
    let welsh: Vec<String> = table(welsh_table)
        .iter()
        .chain(
            welsh_sources
                .iter()
                .flat_map(|s| texts(s))
                .collect::<Vec<_>>()
                .iter(),
        )
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let mut english: Vec<String> = table(english_table)
        .iter()
        .chain(
            english_sources
                .iter()
                .flat_map(|s| texts(s))
                .collect::<Vec<_>>()
                .iter(),
        )
        .flat_map(|s| runs(&s.split_whitespace().collect::<Vec<_>>().join(" ")))
        .filter(|r| !welsh.iter().any(|w| w.contains(r.as_str())))
        .collect();
    english.sort();
    english.dedup();
    english
}

/// Every file under `dir`, as a path relative to it.
fn files(dir: &Path) -> Vec<String> {
    let mut all = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                all.push(
                    p.strip_prefix(dir)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    all.sort();
    all
}

/// The English text on the Welsh pages and feed of a built site (`welsh` says which files
/// are Welsh): each English text under `lang="cy"`, with its file.
fn english_under_welsh(site: &Path, out: &Path, welsh: &dyn Fn(&str) -> bool) -> Vec<String> {
    let content = site.join("content");
    let (mut english_sources, mut welsh_sources) = (Vec::new(), Vec::new());
    let default_welsh = fs::read_to_string(content.join("site.yaml"))
        .unwrap()
        .contains("languages: [cy");
    for f in files(&content) {
        let text = fs::read_to_string(content.join(&f)).unwrap();
        let translation = f.contains(".cy.")
            || f.contains(".en.")
            || f.starts_with("data/cy/")
            || f.starts_with("data/en/");
        // The English files: the originals on an English-default site, the translations on a
        // Welsh-default one.
        if translation == default_welsh {
            english_sources.push(text);
        } else {
            welsh_sources.push(text);
        }
    }
    let english = english_texts(&english_sources, &welsh_sources, ["en.yaml", "cy.yaml"]);
    assert!(english.len() > 100, "{english:#?}");
    let welsh_texts = english_texts(&welsh_sources, &english_sources, ["cy.yaml", "en.yaml"]);
    assert!(welsh_texts.len() > 100, "{welsh_texts:#?}");
    let mut found = Vec::new();
    for f in files(out) {
        if !(f.ends_with(".html") || f.ends_with(".xml")) || !welsh(&f) || f == "sitemap.xml" {
            continue;
        }
        let mut page = read(out, &f);
        // An Atom feed's `content` is escaped HTML: read as the markup it stands for, so the
        // `lang` of the elements inside it counts.
        if f.ends_with(".xml") {
            page = feed_content_unescaped(&page);
        }
        for c in ['\u{E000}', '\u{E001}', '\u{E002}', '\u{E003}'] {
            assert!(
                !page.contains(c),
                "{f}: a mark of untranslated text is left"
            );
        }
        for (lang, text) in text_by_language(&page) {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let (wrong, said) = if lang.starts_with("cy") {
                (&english, "")
            } else if lang.starts_with("en") {
                (&welsh_texts, "Welsh under lang=\"en\": ")
            } else {
                continue;
            };
            for e in wrong {
                if text.contains(e.as_str()) {
                    found.push(format!("{f}: {said}“{e}” in “{text}”"));
                }
            }
        }
    }
    found
}

/// No English text is under `lang="cy"` on any Welsh page or in the Welsh feed of the two
/// bilingual fixtures, nor of the English-default one with its statement not yet translated
/// (an untranslated body, its contents list and its feed entry).
#[test]
fn no_english_under_lang_cy_on_welsh_pages() {
    let mut found = Vec::new();
    let (dir, out) = fixture("bilingual");
    build(dir.path(), &out);
    // The Welsh pages, and the root 404 page's Welsh part.
    let welsh = |f: &str| f.starts_with("cy/") || f == "404.html";
    found.extend(english_under_welsh(dir.path(), &out, &welsh));
    // A statement with one section not yet translated (its heading alone): the Welsh feed's
    // entry is in Welsh, the section's English inside it marked, as on the page.
    let statement = dir.path().join("content/statements/2022-23.cy.md");
    let text = fs::read_to_string(&statement).unwrap();
    let at = text.find("### Gorfodaeth\n").unwrap() + "### Gorfodaeth\n".len();
    fs::write(&statement, &text[..at]).unwrap();
    build(dir.path(), &out);
    let feed = read(&out, "cy/feed.xml");
    let entry = &feed[feed.find("<content type=\"html\"").unwrap()..];
    assert!(
        entry.starts_with("<content type=\"html\" xml:base=")
            && entry.contains("&lt;div lang=&quot;en&quot; class=&quot;untranslated&quot;&gt;"),
        "{feed}"
    );
    found.extend(
        english_under_welsh(dir.path(), &out, &welsh)
            .into_iter()
            .map(|f| format!("(a section untranslated) {f}")),
    );
    fs::remove_file(&statement).unwrap();
    fs::remove_file(dir.path().join("content/site.cy.yaml")).unwrap();
    // And with the accessibility statement's exemptions (the example site's words), which
    // no translation gives yet.
    let site = dir.path().join("content/site.yaml");
    let text = fs::read_to_string(&site).unwrap();
    fs::write(
        &site,
        text.replace(
            "accessibility:\n",
            "accessibility:\n  exemptions: >-\n    No content on this site is claimed as a disproportionate burden, and none\n    of it is outside the scope of the accessibility regulations.\n",
        ),
    )
    .unwrap();
    build(dir.path(), &out);
    let accessibility = read(&out, "cy/accessibility/index.html");
    assert!(
        accessibility
            .contains("<div lang=\"en\" class=\"untranslated\"><p>No content on this site"),
        "{accessibility}"
    );
    found.extend(
        english_under_welsh(dir.path(), &out, &welsh)
            .into_iter()
            .map(|f| format!("(statement untranslated) {f}")),
    );
    // The example site made bilingual with nothing translated yet: its KPIs' charts are
    // named and described in Welsh with their English titles marked.
    let example = common::example_copy();
    let site = example.path().join("content/site.yaml");
    let text = fs::read_to_string(&site).unwrap();
    fs::write(
        &site,
        text.replace("language: en-GB\n", "languages: [en, cy]\n"),
    )
    .unwrap();
    let out = example.path().join("public");
    build(example.path(), &out);
    let kpi = read(&out, "cy/performance/supplier-responses/index.html");
    assert!(
        kpi.contains("aria-labelledby=\"kpi-chart-name\" aria-describedby=\"kpi-chart-about\"")
            && kpi.contains("<p id=\"kpi-chart-name\" hidden><span lang=\"en\" class=\"untranslated\">Suppliers who responded on modern slavery</span>")
            && kpi.contains("<p id=\"kpi-chart-about\" hidden>Siart linell sy&#39;n dangos <span lang=\"en\"")
            && !kpi.contains("<title id=\"kpi-chart-title\">"),
        "{kpi}"
    );
    found.extend(
        english_under_welsh(example.path(), &out, &|f| f.starts_with("cy/"))
            .into_iter()
            .map(|f| format!("(the example, untranslated) {f}")),
    );
    let (dir, out) = fixture("bilingual-cy");
    build(dir.path(), &out);
    found.extend(
        english_under_welsh(dir.path(), &out, &|f| !f.starts_with("en/"))
            .into_iter()
            .map(|f| format!("(Welsh default) {f}")),
    );
    assert!(
        found.is_empty(),
        "English under lang=\"cy\":\n{}",
        found.join("\n")
    );
}

/// A link to a page not yet translated shows its English title marked `lang="en"` with a
/// short visible marker, "(Saesneg yn unig)"; the page-wide note is for untranslated text in
/// a page's own content, not for a footer link to such a page (issue 13).
#[test]
fn a_link_to_an_untranslated_page_is_marked_and_the_note_is_for_the_pages_own_text() {
    let (dir, out) = fixture("bilingual");
    build(dir.path(), &out);
    let link = "<a href=\"/cy/reporting/\"><span lang=\"en\" class=\"untranslated\">Report modern slavery</span> <span class=\"untranslated-link\">(Saesneg yn unig)</span></a>";
    for page in [
        "cy/index.html",
        "cy/about/index.html",
        "cy/data/index.html",
        "cy/statements/index.html",
    ] {
        let html = read(&out, page);
        assert!(html.contains(link), "{page}: {html}");
        assert!(
            !html.contains("untranslated-note"),
            "{page}: a note for a footer link"
        );
    }
    // The untranslated page itself has the note, for its own text.
    let reporting = read(&out, "cy/reporting/index.html");
    assert!(reporting.contains("class=\"untranslated-note\""));
    // English pages are as before: the title, no marker.
    let en = read(&out, "index.html");
    assert!(
        en.contains("<a href=\"/reporting/\">Report modern slavery</a>"),
        "{en}"
    );
}

/// On the Welsh changes page every commit message (written in English) is marked
/// `lang="en"`: a data file's as a document's; on the English page none is (issue 13).
#[test]
fn commit_messages_on_the_welsh_changes_page_are_marked_english() {
    let (dir, out) = fixture("bilingual");
    let git = |args: &[&str]| {
        let o = Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Communications team")
            .env("GIT_AUTHOR_EMAIL", "comms@example.org")
            .env("GIT_COMMITTER_NAME", "Communications team")
            .env("GIT_COMMITTER_EMAIL", "comms@example.org")
            .env("GIT_AUTHOR_DATE", "2023-10-02T12:00:00+00:00")
            .env("GIT_COMMITTER_DATE", "2023-10-02T12:00:00+00:00")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    git(&["init", "-q", "-b", "main"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "Publish the site in both languages"]);
    let o = run(dir.path(), &["build", "--out", &out.to_string_lossy()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let marked =
        "<span lang=\"en\" class=\"untranslated\">Publish the site in both languages</span></li>";
    let welsh = read(&out, "cy/changes/index.html");
    let entries: Vec<&str> = welsh
        .lines()
        .filter(|l| l.starts_with("<li id=\"change-"))
        .collect();
    // The data file's entry and the documents'.
    assert!(
        entries.iter().any(|e| e.contains("/cy/data/#kpis")) && entries.len() >= 4,
        "{welsh}"
    );
    for e in &entries {
        assert!(e.ends_with(marked), "{e}");
    }
    let english = read(&out, "changes/index.html");
    assert!(
        english.contains(": Publish the site in both languages</li>")
            && !english.contains("untranslated"),
        "{english}"
    );
}

/// No word but a preposition or conjunction follows a number in the theme's Welsh words:
/// after a numeral a noun mutates and its number varies ("2 weithgaredd", "3 gweithgaredd",
/// "20 o weithgareddau"), which a fixed pattern cannot make, so each such sentence puts the
/// number last ("Gweithgareddau partneriaeth yn {period}: {count}"). Dates' numbers are left
/// out: a month after a day's numeral stays unmutated ("30 Medi 2020").
#[test]
fn no_welsh_noun_follows_a_number() {
    const NUMBERS: [&str; 7] = [
        "count",
        "previous_count",
        "days",
        "n",
        "total",
        "value",
        "target",
    ];
    const ALLOWED: [&str; 5] = ["o", "yn", "i", "a", "ac"];
    fn strings(value: &serde_norway::Value, key: &str, out: &mut Vec<(String, String)>) {
        match value {
            serde_norway::Value::String(s) => out.push((key.to_string(), s.clone())),
            serde_norway::Value::Mapping(map) => {
                for (k, v) in map {
                    let k = k.as_str().unwrap_or_default();
                    strings(v, &format!("{key}.{k}"), out);
                }
            }
            _ => {}
        }
    }
    let table: serde_norway::Value = serde_norway::from_str(
        &fs::read_to_string(repo().join("themes/default/i18n/cy.yaml")).unwrap(),
    )
    .unwrap();
    let mut all = Vec::new();
    strings(&table, "", &mut all);
    let mut found = Vec::new();
    let mut checked = 0;
    for (key, text) in &all {
        for number in NUMBERS {
            let placeholder = format!("{{{number}}}");
            for (at, _) in text.match_indices(&placeholder) {
                checked += 1;
                let after = &text[at + placeholder.len()..];
                let Some(rest) = after.strip_prefix(' ') else {
                    continue;
                };
                let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
                if !word.is_empty() && !ALLOWED.contains(&word.as_str()) {
                    found.push(format!("{key}: “{text}”"));
                }
            }
        }
    }
    assert!(checked >= 8, "{checked} number placeholders");
    assert!(found.is_empty(), "{}", found.join("\n"));
}
