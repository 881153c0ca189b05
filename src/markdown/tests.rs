use super::*;

fn md(text: &str) -> Rendered {
    render(
        text,
        &Origin {
            file: "p.md",
            text,
            line_offset: 0,
            template: None,
        },
        &Settings::default(),
    )
}

#[test]
fn headings_get_ids_and_no_anchor_links() {
    let r = md("## Due diligence\n\ntext\n\n## Due diligence\n");
    assert!(
        r.html
            .contains("<h2 id=\"due-diligence\">Due diligence</h2>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("id=\"due-diligence-1\""));
    assert_eq!(r.headings.len(), 2);
    assert!(r.diagnostics.is_empty());
}

#[test]
fn dangerous_links_and_raw_html_never_become_markup() {
    let r =
        md("[x](javascript:alert(1)) and <script>alert(1)</script>\n\n[y](JaVa\tScRiPt:alert(1))");
    assert!(!r.html.contains("javascript:"), "{}", r.html);
    assert!(!r.html.contains("<script>"), "{}", r.html);
    assert!(r.html.contains("&lt;script&gt;"));
    assert_eq!(r.diagnostics.iter().filter(|d| d.is_error()).count(), 1);
}

#[test]
fn root_relative_links_follow_the_base_path() {
    let settings = Settings {
        base_path: "/msa".into(),
        ..Settings::default()
    };
    let text = "[Data](/data/) [Top](#top) [Ext](https://a.org/x) ![Chart](/files/c.png)";
    let r = render(
        text,
        &Origin {
            file: "p.md",
            text,
            line_offset: 0,
            template: None,
        },
        &settings,
    );
    assert!(r.html.contains("href=\"/msa/data/\""), "{}", r.html);
    assert!(r.html.contains("href=\"#top\"") && r.html.contains("href=\"https://a.org/x\""));
    assert!(r.html.contains("src=\"/msa/files/c.png\""), "{}", r.html);
}

#[test]
fn text_is_gathered_through_nesting() {
    let messages = |text: &str| -> Vec<String> {
        md(text)
            .diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect()
    };
    assert!(messages("[Our ![logo](l.png) policy](/p/)").is_empty());
    assert!(messages("![a ![b ![c](x.png)](x.png)](x.png)").is_empty());
    assert_eq!(messages("[![](a.png)](/p/)").len(), 2);
    assert_eq!(messages("[ ![click](a.png) here ](/p/)").len(), 1);
    assert!(messages(&format!("[here {}](/p/)", "x".repeat(100))).is_empty());
    let r = md("## A [*linked* `code`](/x/) ![image](i.png)\n");
    assert_eq!(r.headings[0].text, "A linked code image");
    assert_eq!(r.headings[0].id, "a-linked-code-image");
}

#[test]
fn accessibility_lints() {
    let r = md(
        "# Title\n\n#### Deep\n\n![](a.png)\n\n[click here](/a/)\n\n[](/b/)\n\n| | |\n|-|-|\n|a|b|\n",
    );
    let messages: Vec<_> = r.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages.len(), 6, "{messages:?}");
    assert_eq!(r.diagnostics[0].line, 1);
}
