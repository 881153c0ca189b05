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
