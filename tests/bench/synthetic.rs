//! The synthetic sites both benchmarks build: N pages of about 4 KB, data with N/10 records.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// Where the benchmarks make their sites: memory (`/dev/shm`) when there is one.
pub fn scratch() -> std::path::PathBuf {
    if Path::new("/dev/shm").is_dir() {
        "/dev/shm".into()
    } else {
        std::env::temp_dir()
    }
}

/// The synthetic site sizes to measure: `CANDOUR_BENCH_PAGES`, by default `1000,10000`.
pub fn sizes() -> Vec<usize> {
    std::env::var("CANDOUR_BENCH_PAGES")
        .unwrap_or_else(|_| "1000,10000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}

/// The binaries to measure, each with its label: this build's (`head`), and first, when
/// `CANDOUR_BENCH_BASE` names another candour binary (`tests/bench/compare` builds one from
/// an earlier commit), that one as `base`, so both are measured in one run on one machine.
#[allow(dead_code, reason = "the git benchmark measures one binary")]
pub fn binaries(head: &str) -> Vec<(&'static str, String)> {
    let mut bins = Vec::new();
    if let Ok(base) = std::env::var("CANDOUR_BENCH_BASE") {
        bins.push(("base", base));
    }
    bins.push(("head", head.to_string()));
    bins
}

/// Writes a site of `n` pages of about 4 KB and data files with n/10 records.
pub fn generate(root: &Path, n: usize) {
    let content = root.join("content");
    for dir in ["pages", "statements", "updates", "data"] {
        fs::create_dir_all(content.join(dir)).unwrap();
    }
    fs::write(content.join("site.yaml"), "title: Synthetic\norganisation: Benchmark Force\naspects:\n  - id: force-capability\n    title: Force capability\n  - id: internal-capability\n    title: Internal capability\nreporting:\n  updates: six-monthly\naccessibility:\n  compliance: full\n  contact:\n    email: a@example.org\n  tested_by: benchmark\n  tested_on: 2021-01-01\n  prepared_on: 2021-01-01\n").unwrap();
    fs::write(content.join("statements/2019-20.md"), "---\ntitle: Statement\nperiod: 2019/20\npublished: 2020-09-30\napproval:\n  approved_by: Board\n  approved_on: 2020-09-01\n  signed_by:\n    - role: Chief Constable\n      signed_on: 2020-09-02\nareas:\n  structure: a\n  policies: b\n  due-diligence: c\n  risk: d\n  effectiveness: e\n  training: f\n---\n\n## A\n\n## B\n\n## C\n\n## D\n\n## E\n\n## F\n").unwrap();
    fs::write(content.join("updates/2020-21-h1.md"), "---\ntitle: Update\nperiod: 2020/21 H1\npublished: 2020-10-30\nstatement: 2019/20\n---\n\n## Progress\n\nText.\n").unwrap();
    for i in 0..n {
        let mut page = format!(
            "---\ntitle: Synthetic page {i}\nsummary: Page number {i} of the benchmark.\n---\n\n"
        );
        for s in 0..4 {
            let _ = write!(
                page,
                "## Section {s}\n\nThe force worked with partners on modern slavery in period {s}, reviewing suppliers and training staff. See [the statement](/statements/2019-20/) and [page {}](/page-{}/) for more on how the work is measured and reported to the board.\n\n",
                (i + 1) % n,
                (i + 1) % n
            );
            page.push_str("- Risk assessment of the supply chain beyond Tier 1\n- Codes of conduct communicated to suppliers\n- Responses from suppliers reviewed by procurement\n\n");
            page.push_str("| Measure | 2019/20 | 2020/21 |\n|---|---|---|\n| Orders | 11 | 9 |\n| People trained | 120 | 240 |\n\n");
            page.push_str("Partnership working is essential in tackling modern slavery and human trafficking, and much of it is driven through the local partnership, which is open to agencies in the public, private and voluntary sectors.\n\n");
        }
        fs::write(content.join(format!("pages/page-{i}.md")), page).unwrap();
    }
    let records = (n / 10).max(1);
    let mut kpis = String::from("kpis:\n");
    let mut actions = String::from("actions:\n");
    let mut partnerships = String::from(
        "partnerships:\n  - id: p\n    name: Partnership\n    description: A partnership.\nactivities:\n",
    );
    let mut orders = String::from("orders:\n");
    for i in 0..records {
        let _ = write!(
            kpis,
            "  - id: kpi-{i}\n    title: Indicator {i}\n    description: Indicator {i} of the benchmark.\n    aspect: force-capability\n    kind: count\n    direction: up\n    values:\n      - period: 2019/20\n        value: {}\n      - period: 2020/21 H1\n        value: {}\n",
            i % 17,
            i % 13
        );
        let _ = write!(
            actions,
            "  - id: action-{i}\n    title: Action {i}\n    aspect: internal-capability\n    owner: Head of HR\n    due: 2021-03-31\n    status: in-progress\n    progress:\n      - period: 2020/21 H1\n        note: Work began on action {i}.\n"
        );
        let _ = write!(
            partnerships,
            "  - id: activity-{i}\n    partnership: p\n    date: 2020-0{}-15\n    kind: meeting\n    title: Meeting {i}\n",
            4 + i % 5
        );
    }
    for y in 0..records.min(50) {
        let _ = write!(
            orders,
            "  - period: {}/{:02}\n    stpo:\n      granted: {}\n",
            1970 + y,
            (1971 + y) % 100,
            y % 12
        );
    }
    fs::write(content.join("data/kpis.yaml"), kpis).unwrap();
    fs::write(content.join("data/actions.yaml"), actions).unwrap();
    fs::write(content.join("data/partnerships.yaml"), partnerships).unwrap();
    fs::write(content.join("data/prevention-orders.yaml"), orders).unwrap();
}
