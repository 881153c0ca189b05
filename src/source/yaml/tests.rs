use super::*;
use serde::Deserialize;

#[derive(Deserialize, Debug, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Thing {
    title: String,
    count: u64,
    #[serde(default)]
    tags: Vec<String>,
}

fn parse(yaml: &str) -> Result<(Thing, Spans), Vec<Diagnostic>> {
    let source = Source {
        path: "t.yaml".into(),
        text: yaml.into(),
    };
    Document {
        source: &source,
        yaml,
        line_offset: 0,
    }
    .parse("file")
}

#[test]
fn records_spans_of_values_and_keys() {
    let (_, spans) = parse("title: x\ncount: 3\ntags:\n  - a\n  - b\n").unwrap();
    assert_eq!(spans.get("count"), Some((2, 8)));
    assert_eq!(spans.get("tags[1]"), Some((5, 5)));
    assert_eq!(spans.get("tags#key"), Some((3, 1)));
}

#[test]
fn duplicate_key_points_at_the_second() {
    let errs = parse("title: x\ncount: 3\ntitle: y\n").unwrap_err();
    assert_eq!((errs[0].line, errs[0].column), (3, 1));
    assert!(errs[0].message.contains("twice"));
}

#[test]
fn unknown_field_suggests() {
    let errs = parse("titel: x\ncount: 3\n").unwrap_err();
    assert_eq!(errs[0].message, "unknown field `titel`");
    assert_eq!(errs[0].hint.as_deref(), Some("did you mean `title`?"));
    assert_eq!(errs[0].line, 1);
}

#[test]
fn negative_count_is_explained() {
    let errs = parse("title: x\ncount: -2\n").unwrap_err();
    assert!(
        errs[0].message.contains("whole number, 0 or more"),
        "{}",
        errs[0].message
    );
    assert_eq!(errs[0].line, 2);
}

#[test]
fn hostile_inputs_are_diagnostics() {
    let bomb = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n";
    assert!(parse(bomb).is_err());
    assert!(
        parse("title: x\n---\ntitle: y\n").unwrap_err()[0]
            .message
            .contains("more than one")
    );
    assert!(parse("title: x\n\tcount: 3\n").is_err());
    assert!(parse(&"[".repeat(500)).is_err());
    assert!(parse("").unwrap_err()[0].message.contains("empty"));
}

#[derive(Deserialize, Debug, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Answers {
    title: String,
    #[serde(default)]
    first: Option<u64>,
    #[serde(default)]
    second: Option<u64>,
    #[serde(default)]
    list: Vec<u64>,
}

fn parse_answers(yaml: &str) -> Vec<Diagnostic> {
    let source = Source {
        path: "t.yaml".into(),
        text: yaml.into(),
    };
    Document {
        source: &source,
        yaml,
        line_offset: 0,
    }
    .parse::<Answers>("file")
    .unwrap_err()
}

#[test]
fn each_optional_fields_problem_is_said_not_only_the_first() {
    // Optional fields are set aside one by one, a list's item by item: every problem shows.
    let errs = parse_answers("first: -1\nsecond: x\nlist: [1, -2]\nextra: 1\ntitle: [x]\n");
    let lines: Vec<usize> = errs.iter().map(|e| e.line).collect();
    assert_eq!(lines, [1, 2, 3, 4, 5], "{errs:#?}");
    // A required field cannot be set aside: its problem is the last said.
    let errs = parse_answers("title: [x]\nfirst: -1\n");
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!(errs[0].line, 1);
}

#[test]
fn a_misspelt_required_field_is_said_once_as_unknown() {
    // `titel` set aside leaves `title` missing: not said a second time.
    let errs = parse_answers("titel: x\nfirst: -1\n");
    let messages: Vec<&str> = errs.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert_eq!(messages[0], "unknown field `titel`");
    assert!(messages[1].contains("whole number"), "{messages:?}");
}
