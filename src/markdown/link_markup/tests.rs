use super::*;
use comrak::{Arena, Options, parse_document};

fn found(markdown: &str) -> Vec<(usize, usize, String)> {
    let mut o = Options::default();
    o.extension.table = true;
    o.extension.footnotes = true;
    o.extension.strikethrough = true;
    o.extension.autolink = true;
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &o);
    find(root, markdown)
        .into_iter()
        .map(|f| (f.line, f.byte, f.message))
        .collect()
}

#[test]
fn markup_that_is_not_a_link_is_found() {
    let cases = [
        (
            "[text](https://x.org “Title”)",
            "its title is in curly quotes",
        ),
        (
            "See [the report](annual report.pdf).",
            "the address has a space in it",
        ),
        ("![A chart](my chart.png)", "not as an image"),
        ("[text] (https://x.org)", "there is a space between ] and ("),
        ("{text}(/about/)", "written with { } instead of [ ]"),
        ("［text］（/about/）", "written with ［ ］ instead of [ ]"),
        ("[text]（/about/）", "full-width brackets"),
        ("(text)[/about/]", "the wrong way round"),
        ("[text][nowhere]", "no '[nowhere]: address' line"),
        ("[[a](/a/)](/b/)", "a link inside a link"),
        (
            "[Site](https://x.org Our site)",
            "words that are not in quotes",
        ),
    ];
    for (markdown, expected) in cases {
        let f = found(markdown);
        assert_eq!(f.len(), 1, "{markdown}: {:?}", f);
        assert!(f[0].2.contains(expected), "{markdown}: {}", f[0].2);
    }
}

#[test]
fn links_and_ordinary_brackets_are_left_alone() {
    for markdown in [
        "[text](https://x.org \"Title\") [t](<my file.pdf>) [x](/a/ 'b')",
        "He said [sic] (1990) and [1] (see below) and f(x)[2].",
        "[defined][ref] and [ref]\n\n[ref]: /about/",
        "`[code](x y)` and\n\n    [indented](a b)\n",
        "[![image](a.png)](/b/) https://x.org/a_(b) (see [this](/c/))",
        "[[[[",
        "]]]] ((( ))) [](",
        "[text]( https://x.org )",
    ] {
        assert!(
            found(markdown).is_empty(),
            "{markdown}: {:?}",
            found(markdown)
        );
    }
}

#[test]
fn the_place_is_the_opening_bracket() {
    let f = found("Intro.\n\nSome é \\* text [file](my file.pdf) and **![x](a b.png)**\n");
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!((f[0].0, f[0].1), (3, "Some é \\* text ".len()));
    assert_eq!(f[1].1, "Some é \\* text [file](my file.pdf) and **".len());
}
