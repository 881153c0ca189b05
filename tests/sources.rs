//! The example site says only what its sources say (issue 10). Its notice promises that
//! everything not in its sources (the force's Modern Slavery Statement 2019/20 and the
//! Police and Crime Commissioner's press release of 1 December 2020, in the project's seeds)
//! is marked illustrative. This test holds it to that wherever the data model can tell a
//! fact from prose: every date, figure, target, status, owner, provider, approver and
//! signatory in the example's YAML and front matter, and every record that is itself a claim
//! (an indicator, a course, a resource, a partnership, an activity, an action, a commitment),
//! must be marked illustrative (on itself or on a record around it), carry a `source`, or be
//! one of the facts listed in `SOURCED` below with the words of its source. It lists every
//! fact that is none of these. Prose (titles, descriptions, summaries, Markdown) is not
//! checked here: the data model cannot tell a claim in it from its framing.

mod common;

use std::fmt::Write as _;
use std::fs;

use serde_json::Value;

/// A fact the sources state: where it is in the example (file, path), and the words of the
/// source that state it. Paths name list items by their `id`, else their `period`.
struct Sourced {
    file: &'static str,
    path: &'static str,
}

const STATEMENT: &str = "Modern Slavery Statement 2019/20";
const PRESS_RELEASE: &str = "the Police and Crime Commissioner’s press release of 1 December 2020";
const DEMONSTRATION: &str =
    "the demonstration's own accessibility facts (content/site.yaml says where each comes from)";

/// The facts of the example site that its sources state, each with its source's words.
const SOURCED: &[(&str, &str, &str, &str)] = &[
    // (file, path, source, the source's words)
    (
        "data/kpis.yaml",
        "kpis[supply-chain-risk-assessment]",
        STATEMENT,
        "will include measures such as: One - Risk assessment of our supply chain beyond Tier 1",
    ),
    (
        "data/kpis.yaml",
        "kpis[codes-of-conduct]",
        STATEMENT,
        "Two - Development of our codes of conduct and evaluation of suppliers communicated with",
    ),
    (
        "data/kpis.yaml",
        "kpis[supplier-responses]",
        STATEMENT,
        "Three - Number and quality of responses from suppliers",
    ),
    (
        "data/kpis.yaml",
        "kpis[business-engagement-strategy]",
        STATEMENT,
        "Four - Business engagement and community 'influence strategy' - review of how these have been enhanced and improved",
    ),
    (
        "data/kpis.yaml",
        "kpis[supply-chain-due-diligence]",
        STATEMENT,
        "Five - Actions taken to strengthen the supply chain due diligence, auditing and verification",
    ),
    (
        "data/kpis.yaml",
        "kpis[prevention-orders]",
        STATEMENT,
        "Our intention is to further promote and enhance the quality of these and encourage use by other forces and to track our success",
    ),
    (
        "data/kpis.yaml",
        "kpis[prevention-orders].values[2018/19].value",
        STATEMENT,
        "during 2018/19 the force successfully imposed 11 slavery and trafficking prevention orders",
    ),
    (
        "data/training.yaml",
        "courses[cips-modern-slavery]",
        PRESS_RELEASE,
        "Trains its corporate procurement team to understand modern slavery through the Chartered Institute of Procurement and Supply’s (CIPS) online course",
    ),
    (
        "data/training.yaml",
        "courses[cips-modern-slavery].provider",
        PRESS_RELEASE,
        "the Chartered Institute of Procurement and Supply’s (CIPS) online course",
    ),
    (
        "data/training.yaml",
        "resources[training-video-2019]",
        STATEMENT,
        "In 2019, the team developed a training video which has been disseminated to law enforcement agencies throughout the UK",
    ),
    (
        "data/training.yaml",
        "resources[training-video-2019].year",
        STATEMENT,
        "In 2019, the team developed a training video",
    ),
    (
        "data/training.yaml",
        "resources[first-responders-victim-pack]",
        STATEMENT,
        "Our specialist team has developed a new First Responders’ Victim Pack",
    ),
    (
        "data/partnerships.yaml",
        "partnerships[derby-and-derbyshire-modern-slavery-partnership]",
        STATEMENT,
        "We are part of the Derby and Derbyshire Modern Slavery Partnership",
    ),
    (
        "data/partnerships.yaml",
        "partnerships[derby-and-derbyshire-modern-slavery-partnership].role",
        STATEMENT,
        "We are part of the Derby and Derbyshire Modern Slavery Partnership",
    ),
    (
        "data/partnerships.yaml",
        "partnerships[regional-modern-slavery-strategic-group]",
        STATEMENT,
        "as the lead force for the Regional Modern Slavery Strategic Group",
    ),
    (
        "data/partnerships.yaml",
        "partnerships[regional-modern-slavery-strategic-group].role",
        STATEMENT,
        "as the lead force for the Regional Modern Slavery Strategic Group",
    ),
    (
        "data/actions.yaml",
        "actions[strategy-and-responsible-sourcing]",
        STATEMENT,
        "The development of an overarching modern slavery strategy and responsible sourcing programme",
    ),
    (
        "data/actions.yaml",
        "actions[collaboration-and-influence]",
        STATEMENT,
        "Increased collaboration with statutory stakeholders, the community and our suppliers in respect of business engagement and modern slavery “influence”",
    ),
    (
        "data/actions.yaml",
        "actions[training-in-high-risk-sectors]",
        STATEMENT,
        "Continue training and carrying out other awareness-raising activities in high-risk sectors of operation",
    ),
    (
        "data/actions.yaml",
        "actions[cross-functional-working-group]",
        STATEMENT,
        "Create a cross-functional modern slavery working group to oversee the modern slavery program",
    ),
    (
        "data/actions.yaml",
        "actions[share-best-practice]",
        STATEMENT,
        "Work within the policing sector to share best practices",
    ),
    (
        "data/actions.yaml",
        "actions[action-plan-and-performance-framework]",
        STATEMENT,
        "Develop our modern slavery action plan and a qualitative performance framework",
    ),
    (
        "data/actions.yaml",
        "actions[key-risk-indicators]",
        STATEMENT,
        "Develop more sophisticated key risk indicators for modern slavery",
    ),
    (
        "data/actions.yaml",
        "actions[supplier-awareness-and-engagement]",
        STATEMENT,
        "our action plan populated with measures to mitigate against this with activities such as the development of a supplier awareness and engagement strategy",
    ),
    (
        "data/commitments.yaml",
        "charter.signed_by",
        PRESS_RELEASE,
        "I am delighted to sign this Charter",
    ),
    (
        "data/commitments.yaml",
        "commitments[cips-procurement-training]",
        PRESS_RELEASE,
        "Trains its corporate procurement team to understand modern slavery through the Chartered Institute of Procurement and Supply’s (CIPS) online course.",
    ),
    (
        "data/commitments.yaml",
        "commitments[contractor-compliance]",
        PRESS_RELEASE,
        "Ensure contractors to comply fully with the Modern Slavery Act 2015 with contract termination as a potential sanction for non-compliance.",
    ),
    (
        "data/commitments.yaml",
        "commitments[abnormally-low-cost-tenders]",
        PRESS_RELEASE,
        "Challenge any abnormally low-cost tenders to ensure they do not rely upon the potential contractor practising modern slavery.",
    ),
    (
        "data/commitments.yaml",
        "commitments[trade-union-membership]",
        PRESS_RELEASE,
        "Highlight to its supplies that contracted workers are free to join a trade union",
    ),
    (
        "data/commitments.yaml",
        "commitments[publicise-whistle-blowing]",
        PRESS_RELEASE,
        "Publicise its whistle-blowing system for staff who suspect modern slavery.",
    ),
    (
        "data/commitments.yaml",
        "commitments[contractor-whistleblowing-policy]",
        PRESS_RELEASE,
        "Require its tendered contractors to adopt a whistleblowing policy",
    ),
    (
        "data/commitments.yaml",
        "commitments[review-contractual-spending]",
        PRESS_RELEASE,
        "Reviews its contractual spending regularly to identify any potential issues with modern slavery.",
    ),
    (
        "data/commitments.yaml",
        "commitments[annual-public-report]",
        PRESS_RELEASE,
        "Report publicly on the implementation of this policy annually to my Strategic Priorities Board.",
    ),
    (
        "site.yaml",
        "accessibility.compliance",
        DEMONSTRATION,
        "tests/browser/run passes on this site",
    ),
    (
        "site.yaml",
        "accessibility.tested_on",
        DEMONSTRATION,
        "the day tests/browser/run last passed on this site",
    ),
    (
        "site.yaml",
        "accessibility.prepared_on",
        DEMONSTRATION,
        "the day these facts were first committed",
    ),
    (
        "site.yaml",
        "accessibility.reviewed_on",
        DEMONSTRATION,
        "the day they were last checked",
    ),
];

/// Keys whose value is a fact: a date, a figure, a target, a status, who owns, provides,
/// approves or signs. (`name` only under `signed_by`, where it is a signatory's.)
const FACT_KEYS: &[&str] = &[
    "published",
    "approved_by",
    "approved_on",
    "signed_by",
    "signed_on",
    "role",
    "owner",
    "due",
    "status",
    "provider",
    "target",
    "value",
    "people",
    "year",
    "date",
    "applied",
    "granted",
    "interim",
    "breaches",
    "compliance",
    "response_days",
    "tested_on",
    "prepared_on",
    "reviewed_on",
    "fix_by",
];

/// Lists whose every record is itself a claim (that the body has this indicator, runs this
/// course, took part in this activity...).
const CLAIM_LISTS: &[&str] = &[
    "kpis",
    "courses",
    "resources",
    "partnerships",
    "activities",
    "actions",
    "commitments",
];

/// A list item's name in a path: its `id`, else its `period`, else its place.
fn item_name(item: &Value, index: usize) -> String {
    for key in ["id", "period"] {
        if let Some(v) = item.get(key).and_then(Value::as_str) {
            return v.to_string();
        }
    }
    index.to_string()
}

/// Whether a mapping marks `key` (or, with `None`, the whole record) as illustrative:
/// `illustrative: true`, or `illustrative: [key, ...]` naming it.
fn marks(record: &Value, key: Option<&str>) -> bool {
    match record.get("illustrative") {
        Some(Value::Bool(true)) => true,
        Some(Value::Array(fields)) => key.is_some_and(|k| fields.iter().any(|f| f == k)),
        _ => false,
    }
}

/// Walks a file's YAML, collecting every fact and claim record as (path, shown value,
/// marked or carrying a source).
fn facts(value: &Value, path: &str, covered: bool, out: &mut Vec<(String, String, bool)>) {
    match value {
        Value::Object(map) => {
            let covered = covered || marks(value, None) || map.contains_key("source");
            for (key, v) in map {
                let at = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let fact = FACT_KEYS.contains(&key.as_str())
                    || (key == "name" && path.contains("signed_by"));
                if fact && !v.is_null() && !v.is_object() && !v.is_array() {
                    out.push((at.clone(), shown(v), covered || marks(value, Some(key))));
                }
                if let Value::Array(items) = v {
                    for (i, item) in items.iter().enumerate() {
                        let item_at = format!("{at}[{}]", item_name(item, i));
                        if CLAIM_LISTS.contains(&key.as_str()) && item.is_object() {
                            let claim =
                                covered || marks(item, None) || item.get("source").is_some();
                            out.push((item_at.clone(), "(the record)".into(), claim));
                        }
                        facts(item, &item_at, covered, out);
                    }
                } else if v.is_object() {
                    facts(v, &at, covered || marks(value, Some(key)), out);
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                facts(
                    item,
                    &format!("{path}[{}]", item_name(item, i)),
                    covered,
                    out,
                );
            }
        }
        _ => {}
    }
}

fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Every YAML file of the example's content and the front matter of its statements and
/// updates, as (path under content/, value).
fn example_yaml() -> Vec<(String, Value)> {
    let content = common::repo().join("content");
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&content).sort_by_file_name() {
        let entry = entry.unwrap();
        let rel = entry
            .path()
            .strip_prefix(&content)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = match entry.path().extension().and_then(|e| e.to_str()) {
            Some("yaml") => fs::read_to_string(entry.path()).unwrap(),
            Some("md") if rel.starts_with("statements/") || rel.starts_with("updates/") => {
                let text = fs::read_to_string(entry.path()).unwrap();
                let rest = text.strip_prefix("---\n").expect("front matter");
                rest[..rest.find("\n---").expect("front matter ends")].to_string()
            }
            _ => continue,
        };
        let value: Value = serde_norway::from_str(&text)
            .unwrap_or_else(|e| panic!("content/{rel} is not YAML: {e}"));
        files.push((rel, value));
    }
    files
}

#[test]
fn every_fact_of_the_example_is_sourced_or_marked_illustrative() {
    let sourced: Vec<Sourced> = SOURCED
        .iter()
        .map(|&(file, path, source, words)| {
            assert!(!source.is_empty() && !words.is_empty());
            Sourced { file, path }
        })
        .collect();
    let mut unsourced = String::new();
    let mut found = vec![false; sourced.len()];
    let mut count = 0;
    for (file, value) in example_yaml() {
        let mut all = Vec::new();
        facts(&value, "", false, &mut all);
        for (path, shown, covered) in all {
            count += 1;
            let listed = sourced
                .iter()
                .position(|s| s.file == file && s.path == path);
            if let Some(i) = listed {
                found[i] = true;
            } else if !covered {
                let _ = writeln!(unsourced, "content/{file}: {path} = {shown}");
            }
        }
    }
    assert!(
        count > 100,
        "only {count} facts found: is the walk reading the example?"
    );
    let stale: Vec<String> = sourced
        .iter()
        .zip(&found)
        .filter(|(_, found)| !**found)
        .map(|(s, _)| format!("content/{}: {}", s.file, s.path))
        .collect();
    assert!(
        stale.is_empty(),
        "SOURCED lists facts the example no longer has:\n{}",
        stale.join("\n")
    );
    assert!(
        unsourced.is_empty(),
        "facts of the example site that no source states and nothing marks illustrative \
         (mark them `illustrative`, give them a `source`, or leave them out):\n{unsourced}"
    );
}
