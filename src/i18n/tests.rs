use super::*;

fn words(yaml: &str) -> Words {
    let source = Source {
        path: "i18n/en.yaml".into(),
        text: yaml.into(),
    };
    Words::parse(&source, "en").unwrap()
}

#[test]
fn nested_keys_lists_and_placeholders() {
    let w = words(
        "nav:\n  home: Home\ndate:\n  long: \"{day} {month} {year}\"\n  month_year: \"{month} {year}\"\n  months: [January, February, March, April, May, June, July, August, September, October, November, December]\nperiod:\n  span_within_year: \"{start} to {end} {year}\"\n  span: \"{start} {start_year} to {end} {end_year}\"\n",
    );
    assert_eq!(w.word("nav.home"), "Home");
    assert_eq!(w.word("date.months.9"), "September");
    let d = Date::parse("2020-09-30").unwrap();
    assert_eq!(w.long_date(d), "30 September 2020");
    assert_eq!(w.long_date(Date::parse("2017-06").unwrap()), "June 2017");
    assert_eq!(w.long_date(Date::parse("2017").unwrap()), "2017");
    let p = Period::parse("2020/21 H1").unwrap();
    assert_eq!(w.span(p, 4), "April to September 2020");
    assert_eq!(
        w.span(Period::parse("2019/20").unwrap(), 4),
        "April 2019 to March 2020"
    );
    assert_eq!(
        fill("{a} and {b} {c}", &[("a", "1"), ("b", "2")]),
        "1 and 2 {c}"
    );
}

#[test]
fn unused_keys_are_those_nothing_names() {
    let w = words(
        "nav:\n  home: Home\nx:\n  used: a\n  dead: b\ndate:\n  months_after_to: [a, b, c, d, e, f, g, h, i, j, k, l, m]\n",
    );
    // The thirteenth month is no month.
    assert_eq!(
        w.unused(["{{ t(\"x.used\") }}"]),
        vec!["date.months_after_to.13", "x.dead"]
    );
    assert!(optional("date.months_after_to.12") && !optional("date.months.12"));
}

#[test]
fn template_keys_are_found() {
    let keys = template_keys(
        "{{ t(\"nav.home\") }} {{ list(x) }}\n{{ t('a.b', n=1) }}{{ format(\"x\") }} {{ t(\"nav.\" ~ k) }}",
    );
    assert_eq!(
        keys,
        vec![("nav.home".to_string(), 1), ("a.b".to_string(), 2)]
    );
}

#[test]
fn names_join_and_lose_their_capital_article_in_a_sentence() {
    let w = words(
        "names:\n  and: \"{names} and {last}\"\n  separator: \", \"\n  the: \"The \"\n  the_in_text: \"the \"\n",
    );
    let one = vec!["Derbyshire Constabulary".to_string()];
    let two = vec![
        "The Police and Crime Commissioner for South Wales".to_string(),
        "South Wales Police".to_string(),
    ];
    let three = vec![
        "The Mayor".to_string(),
        "A Council".to_string(),
        "The Trust".to_string(),
    ];
    assert_eq!(w.names(&one, true), "Derbyshire Constabulary");
    assert_eq!(
        w.names(&two, false),
        "The Police and Crime Commissioner for South Wales and South Wales Police"
    );
    assert_eq!(
        w.names(&two, true),
        "the Police and Crime Commissioner for South Wales and South Wales Police"
    );
    assert_eq!(w.names(&three, true), "the Mayor, A Council and the Trust");
    // At a sentence's start only the first name keeps its capital.
    assert_eq!(w.names(&three, false), "The Mayor, A Council and the Trust");
    let police_first = vec![two[1].clone(), two[0].clone()];
    assert_eq!(
        w.names(&police_first, false),
        "South Wales Police and the Police and Crime Commissioner for South Wales"
    );
    assert_eq!(
        w.with_the("Strategic Priorities Assurance Board"),
        "the Strategic Priorities Assurance Board"
    );
    assert_eq!(
        w.with_the("The Police and Crime Commissioner"),
        "the Police and Crime Commissioner"
    );
    // "Theatre" does not begin with the article.
    assert_eq!(w.with_the("Theatre Board"), "the Theatre Board");
}

/// No name follows a word that mutates it in the Welsh table: code cannot mutate a name
/// reliably, so each sentence is worded with the name first or after a word that leaves it
/// alone (research/welsh/terms.md, "Ranges: the rule": am, ar, at, dan, dros, drwy, gan,
/// heb, hyd, i, o, tan, wrth give the soft mutation; "y" a feminine noun's). Placeholders
/// that hold no name are not judged: figures, dates and periods (digits), addresses of
/// email and the web, links whose text the table gives, a span's end (`i {end}`, whose
/// month comes in its mutated form, `date.months_after_to`), and `{by}` and `{charter}`,
/// which the templates give with the article (`|the`: "gan y Bwrdd").
#[test]
fn no_welsh_name_follows_a_word_that_mutates_it() {
    let source = Source {
        path: "i18n/cy.yaml".into(),
        text: include_str!("../../themes/default/i18n/cy.yaml").into(),
    };
    let cy = Words::parse(&source, "cy").unwrap();
    const MUTATING: [&str; 17] = [
        "am",
        "ar",
        "at",
        "dan",
        "dros",
        "drwy",
        "trwy",
        "gan",
        "heb",
        "hyd",
        "i",
        "o",
        "tan",
        "wrth",
        "y",
        "gwblhaodd",
        "â",
    ];
    const NOT_NAMES: [&str; 24] = [
        "total",
        "count",
        "date",
        "period",
        "previous",
        "previous_count",
        "email",
        "number",
        "phone",
        "url",
        "website",
        "link",
        "days",
        "n",
        "value",
        "points",
        "year",
        "start_year",
        "end_year",
        "day",
        "month",
        "by",
        "charter",
        "status",
    ];
    let mut found = Vec::new();
    for key in cy.keys() {
        let text = cy.word(key);
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let before = rest[..open].trim_end();
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else { break };
            let name = &after[..close];
            rest = &after[close + 1..];
            let word = before
                .rsplit([' ', '\'', '"'])
                .next()
                .unwrap_or("")
                .to_lowercase();
            let span_end = name == "end" && word == "i";
            // "A a B": the aspirate mutation after "a" (C, P, T), which no wording of a list
            // avoids; listed for review in cy-review.md.
            let list = key == "names.and";
            if MUTATING.contains(&word.as_str()) && !NOT_NAMES.contains(&name) && !span_end && !list
            {
                found.push(format!("{key}: “{word} {{{name}}}” in “{text}”"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "a name after a mutating word:\n{}",
        found.join("\n")
    );
}
