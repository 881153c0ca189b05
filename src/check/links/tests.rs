use super::*;

#[test]
fn paths_resolve_against_the_page() {
    let r = |path, page, base| resolve(path, page, base);
    assert_eq!(
        r("../contact/", "/about/", "").as_deref(),
        Some("/contact/")
    );
    assert_eq!(
        r("contact/", "/about/", "").as_deref(),
        Some("/about/contact/")
    );
    assert_eq!(
        r("../2018-19/", "/statements/2019-20/", "").as_deref(),
        Some("/statements/2018-19/")
    );
    assert_eq!(r("./", "/about/", "").as_deref(), Some("/about/"));
    assert_eq!(r("..", "/a/b/", "").as_deref(), Some("/a/"));
    assert_eq!(r("x.pdf", "/404.html", "").as_deref(), Some("/x.pdf"));
    assert_eq!(
        r("my%20file.pdf", "/a/", "").as_deref(),
        Some("/a/my file.pdf")
    );
    assert_eq!(r("../../../x/", "/a/", "").as_deref(), Some("/x/"));
    assert_eq!(r("../../x/", "/a/", "/msa"), None);
    assert_eq!(r("/about/", "/a/", "/msa").as_deref(), Some("/about/"));
}
