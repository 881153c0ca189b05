use super::*;

fn cell(s: &str) -> String {
    let table = Table::of(
        "t",
        "t",
        "t",
        std::iter::once(PartnershipRow {
            name: text(s),
            ..PartnershipRow::default()
        }),
    );
    table.text.lines().nth(1).unwrap_or("").to_string()
}

#[test]
fn cells_are_quoted_and_defused() {
    assert_eq!(cell("a,b"), ",\"a,b\",,,");
    assert_eq!(cell("say \"hi\""), ",\"say \"\"hi\"\"\",,,");
    assert_eq!(cell("=SUM(A1)"), ",'=SUM(A1),,,");
    assert_eq!(cell("-3"), ",-3,,,");
    assert_eq!(cell("\tcmd"), ",'\tcmd,,,");
    assert_eq!(cell("-x"), ",'-x,,,");
    assert!(
        Table::of("t", "t", "t", std::iter::empty::<PartnershipRow>())
            .text
            .starts_with("id,name,role,url,description\r\n")
    );
}
