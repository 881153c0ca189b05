//! Invalid fixture sites: the example site with one mistake each, and the diagnostics
//! `candour check` prints for it, snapshot-tested so every change of wording is reviewed.

mod common;
use common::{copy_dir, repo};

use std::fs;
use std::process::Command;

/// One way to break a file of the example site.
enum Edit {
    /// Replace the first occurrence of the text.
    Replace(&'static str, &'static str),
    Append(&'static str),
    Write(Vec<u8>),
    /// Replace the first occurrence of each text, in order.
    Multi(Vec<(&'static str, &'static str)>),
    Remove,
    /// This edit to the file, then another to a second file.
    Then(Box<Edit>, &'static str, Box<Edit>),
}

use Edit::{Append, Multi, Remove, Replace, Then, Write};

fn cases() -> Vec<(&'static str, &'static str, Edit)> {
    vec![
        (
            "yaml_syntax",
            "site.yaml",
            Replace("title: \"Derbyshire", "title: [\"Derbyshire"),
        ),
        (
            "unknown_field",
            "statements/2019-20.md",
            Replace("title: Modern", "titel: Modern"),
        ),
        (
            "wrong_type",
            "data/prevention-orders.yaml",
            Replace("granted: 11", "granted: eleven"),
        ),
        (
            "negative_count",
            "data/prevention-orders.yaml",
            Replace("granted: 11", "granted: -3"),
        ),
        (
            "missing_field",
            "site.yaml",
            Replace("organisation: Derbyshire Constabulary\n", ""),
        ),
        ("duplicate_key", "site.yaml", Append("title: Again\n")),
        (
            "duplicate_key_in_map",
            "statements/2019-20.md",
            Replace(
                "  policies: policies\n",
                "  policies: policies\n  policies: due-diligence\n",
            ),
        ),
        (
            "bad_period",
            "updates/2020-21-h1.md",
            Replace("period: 2020/21 H1", "period: 2020/21 H3"),
        ),
        (
            "update_due_the_day_its_period_ends",
            "site.yaml",
            Replace(
                "  updates: six-monthly\n",
                "  updates: six-monthly\n  update_due_months: 0\n",
            ),
        ),
        (
            "update_due_months_with_no_updates",
            "site.yaml",
            Replace("  updates: six-monthly\n", "  update_due_months: 1\n"),
        ),
        (
            "a_field_marked_illustrative_twice",
            "data/actions.yaml",
            Replace(
                "illustrative: [owner, due, status]",
                "illustrative: [owner, due, due]",
            ),
        ),
        (
            "year_as_update_period",
            "updates/2020-21-h1.md",
            Replace("period: 2020/21 H1", "period: 2021/22"),
        ),
        (
            "year_as_update_period_with_no_updates_declared",
            "site.yaml",
            Then(
                Box::new(Replace("  updates: six-monthly\n", "")),
                "updates/2020-21-h1.md",
                Box::new(Replace("period: 2020/21 H1", "period: 2021/22")),
            ),
        ),
        (
            // site.yaml's own error is the one message: the update's period is not judged
            // against a cadence that could not be read.
            "year_as_update_period_when_site_yaml_has_errors",
            "site.yaml",
            Then(
                Box::new(Replace(
                    "organisation: Derbyshire Constabulary\n",
                    "organisation: Derbyshire Constabulary\norganisations:\n  - name: Derbyshire Constabulary\n",
                )),
                "updates/2020-21-h1.md",
                Box::new(Replace("period: 2020/21 H1", "period: 2021/22")),
            ),
        ),
        (
            "bad_date",
            "statements/2019-20.md",
            Replace("published: 2020-09-30", "published: 2020-02-30"),
        ),
        (
            "update_without_statement",
            "updates/2020-21-h2.md",
            Replace("statement: 2019/20", "statement: 2018/19"),
        ),
        (
            "activity_without_partnership",
            "data/partnerships.yaml",
            Replace(
                "    partnership: derby-and-derbyshire-modern-slavery-partnership",
                "    partnership: derby-and-derbyshire-modern-slavery-partnershp",
            ),
        ),
        (
            "duplicate_id",
            "data/partnerships.yaml",
            Replace(
                "  - id: anti-slavery-day-2019",
                "  - id: partnership-meeting-2019-06",
            ),
        ),
        (
            "evidence_unknown_page",
            "data/commitments.yaml",
            Replace("page: about", "page: abuot"),
        ),
        (
            "area_heading_missing",
            "statements/2019-20.md",
            Replace("  policies: policies", "  policies: our-policies"),
        ),
        (
            "area_not_covered",
            "statements/2019-20.md",
            Replace("  training: training\n", ""),
        ),
        (
            "unknown_area",
            "statements/2019-20.md",
            Replace(
                "  training: training\n",
                "  training: training\n  trainin: training\n",
            ),
        ),
        (
            "unsigned_statement",
            "statements/2019-20.md",
            Replace(
                "  signed_by:\n    - role: Chief Constable\n      signed_on: 2020-09-22\n",
                "  signed_by: []\n",
            ),
        ),
        // Every data field that holds a web address refuses a script scheme.
        (
            "javascript_url_in_a_training_resource",
            "data/training.yaml",
            Replace(
                "  - id: training-video-2019\n",
                "  - id: training-video-2019\n    url: javascript:alert(1)\n",
            ),
        ),
        (
            "javascript_url_in_a_partnership",
            "data/partnerships.yaml",
            Replace(
                "    role: member\n",
                "    role: member\n    url: \" JaVaScRiPt:alert(1)\"\n",
            ),
        ),
        (
            "javascript_url_in_the_charter",
            "data/commitments.yaml",
            Replace(
                "  signed_by: Police and Crime Commissioner\n",
                "  signed_by: Police and Crime Commissioner\n  url: javascript:alert(1)\n",
            ),
        ),
        (
            "data_url_in_evidence",
            "data/commitments.yaml",
            Replace(
                "        page: about",
                "        url: data:text/html,<script>alert(1)</script>",
            ),
        ),
        (
            "javascript_url_in_the_licence",
            "site.yaml",
            Append("licence:\n  name: Our licence\n  url: javascript:alert(1)\n"),
        ),
        (
            "javascript_link_in_markdown",
            "pages/about.md",
            Append("\n[Our policy](javascript:alert(1))\n"),
        ),
        (
            "unknown_enum_value",
            "data/kpis.yaml",
            Replace("kind: count", "kind: counts"),
        ),
        (
            "count_not_whole",
            "data/kpis.yaml",
            Replace("        value: 11", "        value: 2.5"),
        ),
        (
            "percent_over_100",
            "data/kpis.yaml",
            Replace("        value: 42", "        value: 142"),
        ),
        ("empty_file", "data/kpis.yaml", Write(Vec::new())),
        (
            "invalid_utf8",
            "pages/about.md",
            Write(b"---\ntitle: About\n---\n\nCaf\xe9 menu\n".to_vec()),
        ),
        (
            "tab_indentation",
            "site.yaml",
            Replace("  compliance: full", "\tcompliance: full"),
        ),
        (
            // The line before ends in a plain value, which the parser is still reading
            // when it meets the tab: the error must still be on the tab's line.
            "tab_indentation_after_a_plain_value",
            "data/kpis.yaml",
            Replace("        value: 61\n", "\tvalue: 61\n"),
        ),
        (
            "tab_after_colon",
            "data/kpis.yaml",
            Replace("        value: 61\n", "        value:\t61\n"),
        ),
        (
            "several_documents",
            "data/actions.yaml",
            Append("---\nactions: []\n"),
        ),
        ("alias_bomb", "data/kpis.yaml", Write(alias_bomb())),
        (
            "file_too_large",
            "data/actions.yaml",
            Write(vec![b'#'; 9 * 1024 * 1024]),
        ),
        (
            "no_front_matter",
            "pages/about.md",
            Write(b"# About\n\nText.\n".to_vec()),
        ),
        (
            "reserved_page_url",
            "pages/performance.md",
            Write(b"---\ntitle: Performance\n---\n\nText.\n".to_vec()),
        ),
        (
            "second_statement_same_period",
            "statements/copy.md",
            Write(fs::read(repo().join("content/statements/2019-20.md")).unwrap()),
        ),
        (
            "image_without_alt",
            "pages/about.md",
            Append("\n![](/files/chart.png)\n"),
        ),
        (
            "link_title_in_curly_quotes",
            "pages/about.md",
            Append("\nRead [our policy](https://x.org/policy “Our policy”) today.\n"),
        ),
        (
            "link_address_with_spaces",
            "statements/2019-20.md",
            Append(
                "\nSee [the annual report](annual report 2020.pdf) and ![a chart](my chart.png).\n",
            ),
        ),
        (
            "link_markup_that_is_not_a_link",
            "updates/2020-21-h1.md",
            Append(concat!(
                "\nWrite to [contact us] (/contact/), see {the about page}(/about/),\n",
                "［about］（/about/） or (about)[/about/], [the plan][plan],\n",
                "[[inner](/about/)](/contact/) or [Site](https://x.org Our site).\n",
            )),
        ),
        (
            "link_to_a_missing_page",
            "pages/about.md",
            Append(
                "\nSee [our performance](/performance/nope/) and [orders](/prevention-order/).\n",
            ),
        ),
        (
            "link_to_a_missing_static_file",
            "pages/about.md",
            Append(
                "\nRead [the policy](/docs/missing.pdf) and see ![a chart](/files/chart.png).\n",
            ),
        ),
        (
            "link_to_a_missing_heading_on_the_same_page",
            "statements/2019-20.md",
            Append("\nSee [how we train](#trainig) and [the approval](#approval).\n"),
        ),
        (
            "link_to_a_missing_heading_on_another_page",
            "pages/about.md",
            Append(concat!(
                "\nSee [the statement's training](../statements/2019-20/#trainig),\n",
                "[reporting](/contact/#reporting-slavery) and [the approval](/statements/2019-20/#approval).\n",
            )),
        ),
        (
            "relative_link_to_a_missing_page",
            "pages/about.md",
            Append("\nWrite to us: [contact](../contat/), [us](contact/).\n"),
        ),
        (
            // Root-relative links are to the site's own root, not the host's: /msa/contact/
            // would be published as /msa/msa/contact/.
            "links_on_a_site_under_a_base_path",
            "site.yaml",
            Then(
                Box::new(Replace(
                    "base_url: https://modern-slavery.example.org/",
                    "base_url: https://example.org/msa/",
                )),
                "pages/about.md",
                Box::new(Append(
                    "\nSee [contact](/contact/), [again](../contact/) and [wrong](/msa/contact/).\n",
                )),
            ),
        ),
        (
            "relative_link_in_the_notice",
            "site.yaml",
            Replace(
                "  details that are not in those sources are marked “illustrative”.",
                "  details that are not in those sources are marked “illustrative”. See\n  [about this site](about/).",
            ),
        ),
        (
            "low_contrast_colour",
            "site.yaml",
            Replace("colour: \"#1d3c6e\"", "colour: \"#999999\""),
        ),
        (
            "unknown_data_file",
            "data/kpi.yaml",
            Write(b"kpis: []\n".to_vec()),
        ),
        (
            "static_file_replacing_a_page",
            "static/contact/index.html",
            Write(b"<p>Contact us</p>\n".to_vec()),
        ),
        (
            // A 2,500-character line: only a window around the mistake is shown, and the
            // caret is under it though every character before it is two or three bytes.
            "long_line_shown_around_the_column",
            "pages/about.md",
            Append(leak(format!(
                "\n{}[here](/about/) {}\n",
                "Ça et là — ".repeat(150),
                "‘et puis’ ".repeat(100)
            ))),
        ),
        (
            "bom_is_accepted_but_bad_field_reported",
            "pages/contact.md",
            Write(b"\xef\xbb\xbf---\ntitle: Contact\nfooter: 2\n---\n\nText.\n".to_vec()),
        ),
        // Mistakes reported at their own line, in words an author understands.
        (
            "missing_colon",
            "data/actions.yaml",
            Replace("    owner: Head of HR\n", "    owner Head of HR\n"),
        ),
        (
            "missing_colon_in_a_list_item",
            "data/kpis.yaml",
            Replace("  - id: codes-of-conduct", "  - id codes-of-conduct"),
        ),
        (
            "non_breaking_space_after_a_colon",
            "site.yaml",
            Replace("colour: \"#1d3c6e\"", "colour:\u{a0}\"#1d3c6e\""),
        ),
        (
            "non_breaking_space_in_the_indentation",
            "site.yaml",
            Replace("  compliance: full", "\u{a0} compliance: full"),
        ),
        (
            "curly_quotes_around_a_value",
            "site.yaml",
            Replace(
                "title: \"Derbyshire Constabulary: Modern Slavery Statement\"",
                "title: \u{201c}Derbyshire Constabulary: Modern Slavery Statement\u{201d}",
            ),
        ),
        (
            "unclosed_quote",
            "site.yaml",
            Replace(
                "title: \"Derbyshire Constabulary: Modern Slavery Statement\"",
                "title: \"Derbyshire Constabulary: Modern Slavery Statement",
            ),
        ),
        (
            "en_dash_in_a_period",
            "data/kpis.yaml",
            Replace("      - period: 2019/20", "      - period: 2019\u{2013}20"),
        ),
        (
            "zero_width_space_in_a_period",
            "data/kpis.yaml",
            Replace("      - period: 2019/20", "      - period: 2019/20\u{200b}"),
        ),
        (
            "month_range_as_a_period",
            "statements/2019-20.md",
            Replace("period: 2019/20", "period: Apr-Sep 2021"),
        ),
        (
            "bad_date_in_a_nested_block",
            "statements/2019-20.md",
            Replace("  approved_on: 2020-09-15", "  approved_on: 2020-09-31"),
        ),
        (
            "bad_date_in_a_list_item",
            "data/actions.yaml",
            Replace("    due: 2021-06-30\n", "    due: 2021-06-31\n"),
        ),
        (
            "day_first_date",
            "statements/2019-20.md",
            Replace("published: 2020-09-30", "published: 30/09/2020"),
        ),
        (
            "percent_sign_in_a_figure",
            "data/kpis.yaml",
            Replace("        value: 42", "        value: 42%"),
        ),
        (
            "missing_field_in_a_nested_mapping",
            "site.yaml",
            Replace("    title: Force capability\n", ""),
        ),
        (
            "front_matter_of_only_a_comment",
            "pages/about.md",
            Write(b"---\n# About this site\n---\n\nText.\n".to_vec()),
        ),
        (
            "toml_front_matter",
            "pages/about.md",
            Write(b"+++\ntitle = \"About\"\n+++\n\nText.\n".to_vec()),
        ),
        (
            "old_mac_line_endings_are_lines",
            "pages/about.md",
            Write(b"---\rtitle: About\rfooter: 1\r---\r\rText.\r".to_vec()),
        ),
        (
            "mistakes_in_several_records_of_one_file",
            "data/kpis.yaml",
            Multi(vec![
                ("    kind: qualitative\n", "    kind: qualitatve\n"),
                ("    unit: orders\n", "    units: orders\n"),
                ("        value: 42\n", "        value: lots\n"),
            ]),
        ),
        // Files under other spellings are read, or an error says what to rename them to.
        (
            "data_file_with_yml_extension",
            "data/training.yml",
            Write(fs::read(repo().join("content/data/training.yaml")).unwrap()),
        ),
        (
            "page_with_markdown_extension",
            "pages/history.markdown",
            Write(b"---\ntitle: History\n---\n\nText.\n".to_vec()),
        ),
        (
            "misspelt_folder",
            "page/history.md",
            Write(b"---\ntitle: History\n---\n\nText.\n".to_vec()),
        ),
        (
            "published_before_its_period_ended",
            "statements/2019-20.md",
            Replace("published: 2020-09-30", "published: 2020-03"),
        ),
        (
            "required_statement_without_a_publication_date",
            "statements/2019-20.md",
            Replace("published: 2020-09-30\n", "basis: required\n"),
        ),
        (
            "statement_without_approval",
            "statements/2019-20.md",
            Replace("  approved_by: Strategic Priorities Assurance Board\n", ""),
        ),
        (
            "signature_that_names_nobody",
            "statements/2019-20.md",
            Replace(
                "    - role: Chief Constable\n      signed_on",
                "    - signed_on",
            ),
        ),
        (
            "unknown_illustrative_field",
            "statements/2019-20.md",
            Replace(
                "  illustrative: true\n",
                "  illustrative: [approved_on, signed_onn]\n",
            ),
        ),
        (
            "illustrative_neither_true_nor_a_list",
            "statements/2019-20.md",
            Replace("  illustrative: true\n", "  illustrative: sometimes\n"),
        ),
        (
            "unknown_aspect",
            "data/kpis.yaml",
            Replace("aspect: external-capability", "aspect: external-capabilty"),
        ),
        (
            "aspect_on_a_site_without_aspects",
            "site.yaml",
            Replace(
                "aspects:\n  - id: force-capability\n    title: Force capability\n    description: Victims, offenders and crime management, stakeholder engagement.\n  - id: internal-capability\n    title: Internal capability / HR and infrastructure\n    description: Vetting, on boarding, recruitment and agencies.\n  - id: external-capability\n    title: External capability, procurement and the supply chain\n  - id: business-engagement\n    title: Business engagement strategy\n",
                "",
            ),
        ),
        (
            "organisation_and_organisations",
            "site.yaml",
            Replace(
                "organisation: Derbyshire Constabulary\n",
                "organisation: Derbyshire Constabulary\norganisations:\n  - name: Derbyshire Constabulary\n",
            ),
        ),
        (
            "calendar_year_on_a_site_with_april_years",
            "data/prevention-orders.yaml",
            Replace("period: 2018/19", "period: 2018"),
        ),
        (
            "duplicate_aspect_id",
            "site.yaml",
            Replace("  - id: internal-capability", "  - id: force-capability"),
        ),
        (
            "half_year_update_on_a_site_with_annual_updates",
            "site.yaml",
            Replace("updates: six-monthly", "updates: annual"),
        ),
        (
            "late_required_statement",
            "statements/2019-20.md",
            // The example's date is illustrative, and never judged: a real one here.
            Multi(vec![
                ("published: 2020-09-30\n", "published: 2020-11\n"),
                ("illustrative: [published]\n", "basis: required\n"),
            ]),
        ),
        (
            "two_statements_with_one_title",
            "statements/2018-19.md",
            Write(
                fs::read_to_string(repo().join("content/statements/2019-20.md"))
                    .unwrap()
                    .replacen("period: 2019/20", "period: 2018/19", 1)
                    .replacen("published: 2020-09-30", "published: 2019-09-30", 1)
                    .into_bytes(),
            ),
        ),
        (
            "evidence_for_a_dataset_the_site_lacks",
            "data/training.yaml",
            Remove,
        ),
        (
            "evidence_for_a_dataset_without_records",
            "data/training.yaml",
            Write(b"courses: []\n".to_vec()),
        ),
    ]
}

/// A text made at run time, as the `'static` text an `Edit` takes.
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

fn alias_bomb() -> Vec<u8> {
    let mut s = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        let refs = vec![format!("*{prev}"); 9].join(",");
        s.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    s.into_bytes()
}

/// Makes an edit to `file` under `content`.
fn apply(content: &std::path::Path, file: &str, edit: Edit, name: &str) {
    let path = content.join(file);
    let bytes = match edit {
        Replace(from, to) => {
            let text = fs::read_to_string(&path).unwrap();
            assert!(text.contains(from), "{name}: '{from}' not in {file}");
            text.replacen(from, to, 1).into_bytes()
        }
        Append(more) => {
            let mut text = fs::read(&path).unwrap();
            text.extend_from_slice(more.as_bytes());
            text
        }
        Write(bytes) => bytes,
        Remove => {
            fs::remove_file(&path).unwrap();
            return;
        }
        Multi(edits) => {
            let mut text = fs::read_to_string(&path).unwrap();
            for (from, to) in edits {
                assert!(text.contains(from), "{name}: '{from}' not in {file}");
                text = text.replacen(from, to, 1);
            }
            text.into_bytes()
        }
        Then(first, second_file, second) => {
            apply(content, file, *first, name);
            apply(content, second_file, *second, name);
            return;
        }
    };
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
}

/// The output without the warnings for the registry answers the example's 2019/20 statement
/// (or a case's copy of it) leaves out (its sources do not give them; `tests/registry.rs`
/// checks each), and the summary line's warning count without them: each case's snapshot
/// shows its mistake.
fn without_registry_gaps(text: &str) -> String {
    let mut kept = Vec::new();
    let mut dropped = 0;
    for block in text.split("\n\n") {
        if block.starts_with("warning: the registry will ask") {
            dropped += 1;
        } else {
            kept.push(block);
        }
    }
    let mut out = kept.join("\n\n");
    if dropped > 0 {
        let last = out.trim_end().rsplit('\n').next().unwrap_or("").to_string();
        let fixed: Vec<String> = last
            .split(", ")
            .map(|part| {
                let n = part
                    .strip_suffix(" warnings")
                    .or(part.strip_suffix(" warning"))
                    .and_then(|n| n.parse::<usize>().ok());
                match n {
                    Some(n) => {
                        let n = n - dropped;
                        format!("{n} warning{}", if n == 1 { "" } else { "s" })
                    }
                    None => part.to_string(),
                }
            })
            .collect();
        out = out.replacen(&last, &fixed.join(", "), 1);
    }
    out
}

#[test]
fn invalid_sites_report_located_diagnostics() {
    let cases = cases();
    assert!(cases.len() >= 20);
    let mut made = Vec::new();
    for (name, file, edit) in cases {
        let site = tempfile::tempdir().unwrap();
        copy_dir(&repo().join("content"), &site.path().join("content"));
        apply(&site.path().join("content"), file, edit, name);
        let out = Command::new(env!("CARGO_BIN_EXE_candour"))
            // A fixed day, before any of the example's deadlines, so the snapshots never
            // depend on the day the tests run.
            .args([
                "check",
                "--today",
                "2021-06-01",
                "--root",
                site.path().to_str().unwrap(),
            ])
            .output()
            .unwrap();
        let text = without_registry_gaps(&String::from_utf8_lossy(&out.stderr));
        assert!(
            !text.contains("panicked") && !text.contains("RUST_BACKTRACE"),
            "{name}: {text}"
        );
        let has_error = text.contains("error: ");
        assert_eq!(
            out.status.code(),
            Some(if has_error { 1 } else { 0 }),
            "{name}: {text}"
        );
        assert!(text.contains("content/"), "{name} names no file: {text}");
        insta::assert_snapshot!(format!("invalid_{name}"), text);
        made.push(format!("invalid_{name}"));
    }
    common::only_these_snapshots("invalid", "invalid_", &made);
}
