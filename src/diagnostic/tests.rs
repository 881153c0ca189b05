use super::*;

#[test]
fn human_form_has_place_line_caret_and_hint() {
    let text = "title: x\ntitel: y\n";
    let d = Diagnostic::error("content/site.yaml", "unknown field `titel`")
        .at(text, 2, 1)
        .with_hint("did you mean `title`?");
    assert_eq!(
        d.human(),
        "error: unknown field `titel`\n  --> content/site.yaml:2:1\n  |\n2 | titel: y\n  | ^^^^^\n  = hint: did you mean `title`?\n"
    );
}

#[test]
fn long_lines_are_cut_to_a_window_around_the_column() {
    // A 2,000-character line of multi-byte characters with the mistake in the middle.
    let line = format!("{}![](x.png) {}", "é".repeat(1000), "€".repeat(989));
    let text: std::sync::Arc<str> = format!("---\n{line}\n").into();
    let d = Diagnostic::error("p.md", "no alt").at(&text, 2, 1001);
    assert_eq!((d.line, d.column), (2, 1001));
    let src = d.source_line.clone().unwrap();
    assert_eq!(src.chars().count(), WINDOW + 2, "{src}");
    assert!(src.starts_with("…é") && src.ends_with("€…"), "{src}");
    assert_eq!(d.source_column, BEFORE + 2);
    let shown: String = src.chars().skip(d.source_column - 1).take(10).collect();
    assert_eq!(shown, "![](x.png)");
    assert_eq!(d.width, 10);
    let human = d.human();
    let caret_line = human.lines().nth(4).unwrap();
    let code_line = human.lines().nth(3).unwrap();
    let caret = caret_line.chars().position(|c| c == '^').unwrap();
    assert_eq!(code_line.chars().nth(caret), Some('!'), "{human}");
    // At either end of the line, the window is full and cut on one side only.
    let start = Diagnostic::error("p.md", "x").at(&text, 2, 1);
    let src = start.source_line.unwrap();
    assert!(!src.starts_with('…') && src.ends_with('…'));
    assert_eq!((start.source_column, src.chars().count()), (1, WINDOW + 1));
    let end = Diagnostic::error("p.md", "x").at(text.as_ref(), 2, 2000);
    let src = end.source_line.unwrap();
    assert!(src.starts_with('…') && !src.ends_with('…'));
    assert_eq!(src.chars().nth(end.source_column - 1), Some('€'));
    // Short lines are kept whole.
    let short = Diagnostic::error("p.md", "x").at("a\nshort line", 2, 7);
    assert_eq!(short.source_line.as_deref(), Some("short line"));
    assert_eq!(short.source_column, 7);
}

#[test]
fn suggestions_are_close_matches_only() {
    let fields = ["title", "period", "published"];
    assert_eq!(did_you_mean("titel", fields), Some("title"));
    assert_eq!(did_you_mean("publshed", fields), Some("published"));
    assert_eq!(did_you_mean("colour", fields), None);
}

#[test]
fn github_form_escapes() {
    let d = Diagnostic::error("a,b.yaml", "bad\nthing").at("x", 1, 1);
    assert_eq!(
        d.github(),
        "::error file=a%2Cb.yaml,line=1,col=1::bad%0Athing"
    );
}
