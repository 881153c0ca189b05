//! Every address the site has, in one place: pages, datasets and their downloads, the feed,
//! the theme's files, and the anchors other pages link to.
//!
//! Addresses are root-relative (`/statements/2019-20/`); a site published under a sub-path
//! gets its base path from the `url()` template function, and Markdown links theirs from
//! `markdown::Settings`. A language prefix (`/cy/`) or a new section is a change here only:
//! checks, views and templates take every address from these functions (templates through
//! the model's `url` fields and the `routes` context value), never build one.

use serde::Serialize;

use crate::model::period::Period;

/// The first path segments candour's own pages and files take; a content page or a static
/// file may not take one.
pub const RESERVED: [&str; 13] = [
    "statements",
    "updates",
    "performance",
    "prevention-orders",
    "training",
    "partnerships",
    "action-plan",
    "commitments",
    "data",
    "accessibility",
    "changes",
    "static",
    "theme",
];

/// Files candour writes at the top of the output, which a static file may not replace.
pub const TOP_FILES: [&str; 5] = [
    "index.html",
    "feed.xml",
    "sitemap.xml",
    "robots.txt",
    "404.html",
];

/// The addresses of one language version of the site: the default language's at the root
/// (`Routes::default()`), each other language's under its tag (`Routes::language("cy")`,
/// `/cy/...`). Downloads, theme and static files are shared by every language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Routes {
    /// Put before every address: empty, or `/cy` (no trailing slash).
    prefix: String,
}

impl Routes {
    /// The addresses of a language other than the default, under `/TAG/` (`/cy/`).
    pub fn language(tag: &str) -> Routes {
        Routes {
            prefix: format!("/{tag}"),
        }
    }

    /// The addresses of the version at place `version` of the site's languages (`tag`): the
    /// default's (the first) at the root, any other's under its primary tag (`/cy/`).
    pub fn of_version(version: usize, tag: &str) -> Routes {
        if version == 0 {
            Routes::default()
        } else {
            Routes::language(crate::i18n::primary(tag))
        }
    }

    /// A root-relative link written in a Markdown source (`/statements/2019-20/#policies`,
    /// `/about`) as it goes in this version: a page's address under this version's prefix
    /// (`/cy/statements/2019-20/#policies`), so a link in a translation stays in its
    /// language. `None` when it stays as written: in the default version, a link already
    /// under this version's prefix, and a file's address (its last segment has an
    /// extension other than `index.html`: a download, a theme or static file), which every
    /// language shares.
    pub fn localise(&self, link: &str) -> Option<String> {
        if self.prefix.is_empty() || !link.starts_with('/') || link.starts_with("//") {
            return None;
        }
        let path = link.split(['?', '#']).next().unwrap_or(link);
        if path == self.prefix || path.starts_with(&format!("{}/", self.prefix)) {
            return None;
        }
        let last = path.rsplit('/').next().unwrap_or("");
        if last.contains('.') && last != "index.html" {
            return None;
        }
        Some(self.at(link))
    }

    /// Put before every page address: `` or `/cy`.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The same page in the version `other` has: `/cy/statements/2019-20/` for
    /// `/statements/2019-20/`. `None` for an address this version has no page at (a
    /// download, shared by every language, or an address of another version).
    pub fn same_page_in(&self, url: &str, other: &Routes) -> Option<String> {
        let rest = url.strip_prefix(&self.prefix)?;
        rest.starts_with('/').then(|| other.at(rest))
    }

    fn at(&self, path: &str) -> String {
        format!("{}{path}", self.prefix)
    }

    pub fn home(&self) -> String {
        self.at("/")
    }
    pub fn statements(&self) -> String {
        self.at("/statements/")
    }
    pub fn updates(&self) -> String {
        self.at("/updates/")
    }
    pub fn performance(&self) -> String {
        self.at("/performance/")
    }
    pub fn orders(&self) -> String {
        self.at("/prevention-orders/")
    }
    pub fn training(&self) -> String {
        self.at("/training/")
    }
    pub fn partnerships(&self) -> String {
        self.at("/partnerships/")
    }
    pub fn actions(&self) -> String {
        self.at("/action-plan/")
    }
    pub fn commitments(&self) -> String {
        self.at("/commitments/")
    }
    pub fn data(&self) -> String {
        self.at("/data/")
    }
    pub fn accessibility(&self) -> String {
        self.at("/accessibility/")
    }
    /// The site's list of what was published or corrected, when: `/changes/`.
    pub fn changes(&self) -> String {
        self.at("/changes/")
    }
    pub fn feed(&self) -> String {
        self.at("/feed.xml")
    }
    pub fn sitemap(&self) -> String {
        self.at("/sitemap.xml")
    }
    pub fn robots(&self) -> String {
        self.at("/robots.txt")
    }
    pub fn not_found(&self) -> String {
        self.at("/404.html")
    }

    /// A statement's page: `/statements/2019-20/`.
    pub fn statement(&self, period: Period) -> String {
        format!("{}{}/", self.statements(), period.slug())
    }

    /// An update's page: `/updates/2020-21-h1/`.
    pub fn update(&self, period: Period) -> String {
        format!("{}{}/", self.updates(), period.slug())
    }

    /// An indicator's page: `/performance/ID/`.
    pub fn kpi(&self, id: &str) -> String {
        format!("{}{id}/", self.performance())
    }

    /// A content page, by its file name: `/about/`.
    pub fn page(&self, slug: &str) -> String {
        self.at(&format!("/{slug}/"))
    }

    /// A dataset's section of the open-data page: `/data/#kpis`.
    pub fn dataset(&self, name: &str) -> String {
        format!("{}#{name}", self.data())
    }

    /// A dataset as JSON: `/data/kpis.json`. Figures are the same in every language, so
    /// downloads are not prefixed.
    pub fn dataset_json(&self, name: &str) -> String {
        format!("/data/{name}.json")
    }

    /// A dataset's JSON Schema: `/data/kpis.schema.json`.
    pub fn dataset_schema(&self, name: &str) -> String {
        format!("/data/{name}.schema.json")
    }

    /// A CSV table: `/data/training-courses.csv`.
    pub fn dataset_csv(&self, file: &str) -> String {
        format!("/data/{file}.csv")
    }

    /// A file of the theme's `static/` folder: `/theme/style.css`.
    pub fn theme_file(&self, path: &str) -> String {
        format!("/theme/{path}")
    }

    /// A file of `content/static/`, published at the same path: `/files/report.pdf`.
    pub fn static_file(&self, path: &str) -> String {
        format!("/{path}")
    }

    /// The addresses of candour's own pages, as templates see them (`routes.feed`).
    pub fn fixed(&self) -> Fixed {
        Fixed {
            home: self.home(),
            statements: self.statements(),
            updates: self.updates(),
            performance: self.performance(),
            orders: self.orders(),
            training: self.training(),
            partnerships: self.partnerships(),
            actions: self.actions(),
            commitments: self.commitments(),
            data: self.data(),
            accessibility: self.accessibility(),
            changes: self.changes(),
            feed: self.feed(),
            sitemap: self.sitemap(),
            stylesheet: self.theme_file("style.css"),
        }
    }
}

/// The addresses of candour's own pages, as templates see them (`routes.feed`).
#[derive(Debug, Serialize)]
pub struct Fixed {
    pub home: String,
    pub statements: String,
    pub updates: String,
    pub performance: String,
    pub orders: String,
    pub training: String,
    pub partnerships: String,
    pub actions: String,
    pub commitments: String,
    pub data: String,
    pub accessibility: String,
    pub changes: String,
    pub feed: String,
    pub sitemap: String,
    pub stylesheet: String,
}

/// The id of a course's section on the training page (`course-ID`).
pub fn course_anchor(id: &str) -> String {
    format!("{COURSE}{id}")
}

/// The id of a resource's section on the training page (`resource-ID`).
pub fn resource_anchor(id: &str) -> String {
    format!("{RESOURCE}{id}")
}

/// The id of a partnership's section on the partnerships page (`partnership-ID`).
pub fn partnership_anchor(id: &str) -> String {
    format!("{PARTNERSHIP}{id}")
}

/// The id of an action's section on the action plan (`action-ID`).
pub fn action_anchor(id: &str) -> String {
    format!("{ACTION}{id}")
}

/// The id of a commitment on the commitments page (`commitment-ID`).
pub fn commitment_anchor(id: &str) -> String {
    format!("{COMMITMENT}{id}")
}

/// The id of a period's section on the prevention orders page (`orders-2019-20`).
pub fn orders_anchor(period: Period) -> String {
    format!("{ORDERS}{}", period.slug())
}

/// The id of a change on the changes page (`change-2021-03-12-1`): the `n`th change listed
/// for its day.
pub fn change_anchor(date: crate::model::date::Date, n: usize) -> String {
    format!("{CHANGE}{date}-{n}")
}

const CHANGE: &str = "change-";
const COURSE: &str = "course-";
const RESOURCE: &str = "resource-";
const PARTNERSHIP: &str = "partnership-";
const ACTION: &str = "action-";
const COMMITMENT: &str = "commitment-";
const ORDERS: &str = "orders-";

/// How the anchors above start, for the records the page made from `template` shows: a
/// template gives an element the model's `anchor` (`id="{{ c.anchor }}"`), and
/// `theme::ids` reads such an id as one of these starts and a value. Any start, for a
/// template of the site's own that may show any record.
pub fn anchor_starts(template: &str) -> &'static [&'static str] {
    match template {
        "training.html" => &[COURSE, RESOURCE],
        "partnerships.html" => &[PARTNERSHIP],
        "actions.html" => &[ACTION],
        "commitments.html" => &[COMMITMENT],
        "orders.html" => &[ORDERS],
        "changes.html" => &[CHANGE],
        _ => &[
            COURSE,
            RESOURCE,
            PARTNERSHIP,
            ACTION,
            COMMITMENT,
            ORDERS,
            CHANGE,
        ],
    }
}

/// A telephone number's address: `08000 121 700` → `tel:08000121700` (only digits and a
/// leading `+` kept).
pub fn tel(number: &str) -> String {
    let digits: String = number
        .chars()
        .enumerate()
        .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
        .map(|(_, c)| c)
        .collect();
    format!("tel:{digits}")
}

/// The output path of a URL: `/a/b/` → `a/b/index.html`, `/feed.xml` → `feed.xml`.
pub fn file_for(url: &str) -> String {
    let trimmed = url.trim_start_matches('/');
    if trimmed.is_empty() || trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        trimmed.to_string()
    }
}

/// The path part of the base URL, without a trailing slash: `https://x.org/msa` → `/msa`.
pub fn base_path(base_url: &str) -> String {
    let path = match base_url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
        None => base_url,
    };
    path.trim_end_matches('/').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let r = Routes::default();
        let p = Period::parse("2020/21 H1").unwrap();
        assert_eq!(r.update(p), "/updates/2020-21-h1/");
        assert_eq!(file_for(&r.update(p)), "updates/2020-21-h1/index.html");
        assert_eq!(file_for(&r.feed()), "feed.xml");
        assert_eq!(file_for(&r.home()), "index.html");
        assert_eq!(
            r.dataset_csv("training-courses"),
            "/data/training-courses.csv"
        );
        assert_eq!(base_path("https://x.org/msa/"), "/msa");
        assert_eq!(base_path("/"), "");
        assert_eq!(tel("08000 121 700"), "tel:08000121700");
        assert_eq!(tel("+44 1632 960000"), "tel:+441632960000");
    }

    #[test]
    fn a_language_is_a_prefix_of_pages_not_of_downloads() {
        let (en, cy) = (Routes::default(), Routes::language("cy"));
        let p = Period::parse("2019/20").unwrap();
        assert_eq!(cy.statement(p), "/cy/statements/2019-20/");
        assert_eq!(file_for(&cy.home()), "cy/index.html");
        assert_eq!(cy.dataset_json("kpis"), en.dataset_json("kpis"));
        assert_eq!(
            en.same_page_in(&en.statement(p), &cy).as_deref(),
            Some("/cy/statements/2019-20/")
        );
        assert_eq!(cy.same_page_in(&cy.home(), &en).as_deref(), Some("/"));
        assert_eq!(cy.same_page_in("/about/", &en), None);
    }

    #[test]
    fn a_link_to_a_page_stays_in_its_language_and_a_file_is_shared() {
        let (en, cy) = (Routes::default(), Routes::language("cy"));
        assert_eq!(en.localise("/statements/2022-23/"), None);
        for (link, welsh) in [
            ("/statements/2022-23/", "/cy/statements/2022-23/"),
            ("/statements/2022-23", "/cy/statements/2022-23"),
            ("/about/#contact", "/cy/about/#contact"),
            ("/about/index.html", "/cy/about/index.html"),
            ("/", "/cy/"),
            ("/data/?x=1", "/cy/data/?x=1"),
        ] {
            assert_eq!(cy.localise(link).as_deref(), Some(welsh), "{link}");
        }
        for shared in [
            "/data/kpis.csv",
            "/theme/style.css",
            "/files/report.pdf",
            "/cy/about/",
            "/cy",
            "//example.org/",
            "about/",
            "#top",
        ] {
            assert_eq!(cy.localise(shared), None, "{shared}");
        }
        assert_eq!(Routes::of_version(0, "cy"), Routes::default());
        assert_eq!(Routes::of_version(1, "en-GB"), Routes::language("en"));
    }
}
