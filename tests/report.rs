//! "Report modern slavery" on the home page and in every page's footer, through the real
//! binary from the site's folder: 999, the Modern Slavery & Exploitation Helpline, the
//! body's own contact, and 101 on a police site, each a default `site.yaml` can change.

mod common;
use common::example_copy;

use std::fs;
use std::path::Path;
use std::process::Command;

fn build(dir: &Path) {
    let o = Command::new(env!("CARGO_BIN_EXE_candour"))
        .arg("build")
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn html_files(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "html") {
                out.push((p.display().to_string(), fs::read_to_string(&p).unwrap()));
            }
        }
    }
    out
}

#[test]
fn every_page_says_how_to_report_modern_slavery() {
    let site = example_copy();
    build(site.path());
    let pages = html_files(&site.path().join("public"));
    assert!(pages.len() > 15);
    for (path, html) in &pages {
        let footer = &html[html.find("<footer").unwrap_or_else(|| panic!("{path}"))..];
        for text in [
            "Report modern slavery",
            r#"<a href="tel:999">999</a>"#,
            r#"Modern Slavery & Exploitation Helpline on <a href="tel:08000121700">08000 121 700</a>"#,
            // The example is a police force's site.
            r#"<a href="tel:101">101</a>"#,
            "modern.slavery@example.org",
        ] {
            assert!(footer.contains(text), "{path}: {text}");
        }
    }
    let home = fs::read_to_string(site.path().join("public/index.html")).unwrap();
    let main = &home[home.find("<main").unwrap()..home.find("</main>").unwrap()];
    assert!(main.contains(r#"<h2 id="report-heading">Report modern slavery</h2>"#));
    assert!(main.contains(r#"<a href="tel:999">999</a>"#));

    // The police number comes with `sector: police`; another sector has none, and a site
    // may give another helpline number.
    let yaml = site.path().join("content/site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    assert!(text.contains("\nsector: police\n"), "{text}");
    fs::write(
        &yaml,
        text.replace("\nsector: police\n", "\nsector: other\n")
            .replace(
                "\ncontact:\n",
                "\nreport:\n  helpline: \"0800 0000 000\"\ncontact:\n",
            ),
    )
    .unwrap();
    build(site.path());
    let home = fs::read_to_string(site.path().join("public/index.html")).unwrap();
    assert!(!home.contains("tel:101"));
    assert!(home.contains(r#"<a href="tel:08000000000">0800 0000 000</a>"#));
    assert!(home.contains(r#"<a href="tel:999">999</a>"#));
}

#[test]
fn a_site_may_give_its_own_non_emergency_number() {
    // `report.non_emergency` replaces the police default, and gives one to any sector.
    let site = example_copy();
    let yaml = site.path().join("content/site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(
        &yaml,
        text.replace("\nsector: police\n", "\n").replace(
            "\ncontact:\n",
            "\nreport:\n  non_emergency: \"0300 122 8694\"\ncontact:\n",
        ),
    )
    .unwrap();
    build(site.path());
    let home = fs::read_to_string(site.path().join("public/index.html")).unwrap();
    assert!(!home.contains("tel:101"));
    assert!(
        home.contains(r#"<a href="tel:03001228694">0300 122 8694</a>"#),
        "{home}"
    );
}

#[test]
fn a_police_site_may_leave_out_the_non_emergency_line_and_numbers_are_checked() {
    let site = example_copy();
    let yaml = site.path().join("content/site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    // `none` leaves the line out, even where the police default would give 101.
    fs::write(
        &yaml,
        text.replace(
            "\ncontact:\n",
            "\nreport:\n  non_emergency: none\ncontact:\n",
        ),
    )
    .unwrap();
    build(site.path());
    let home = fs::read_to_string(site.path().join("public/index.html")).unwrap();
    assert!(!home.contains("tel:101"), "{home}");
    assert!(!home.contains(">none<"), "{home}");
    assert!(home.contains("tel:999"), "{home}");
    // A number that cannot be dialled is an error at its value, each one.
    fs::write(
        &yaml,
        text.replace(
            "\ncontact:\n",
            "\nreport:\n  emergency: \"\"\n  non_emergency: \"0800 CALL NOW\"\ncontact:\n",
        ),
    )
    .unwrap();
    let o = common::run(&["check"], site.path());
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("error: '' is not a phone number: it has fewer than three digits"),
        "{err}"
    );
    assert!(
        err.contains("error: '0800 CALL NOW' is not a phone number: it may hold only digits, spaces, '-', brackets and a leading '+'"),
        "{err}"
    );
}

#[test]
fn the_bodys_own_line_names_it_as_in_a_sentence() {
    // "About the Police and Crime Commissioner …", not "About The …".
    let site = example_copy();
    let yaml = site.path().join("content/site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(
        &yaml,
        text.replace(
            "organisation: Derbyshire Constabulary\n",
            "organisation: The Police and Crime Commissioner for Derbyshire\n",
        ),
    )
    .unwrap();
    build(site.path());
    let home = fs::read_to_string(site.path().join("public/index.html")).unwrap();
    assert!(
        home.contains("About the Police and Crime Commissioner for Derbyshire’s own work"),
        "{home}"
    );
    assert!(!home.contains("About The "), "{home}");
}
