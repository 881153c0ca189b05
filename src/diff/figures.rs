//! Every figure a site publishes, as one list of (what, period, value) per dataset, and the
//! figures that differ between two versions.

use std::collections::BTreeMap;

use crate::i18n::Words;
use crate::model::{KpiKind, Site, Status};
use crate::theme::Theme;

use super::FigureChange;

/// A figure's place: dataset, record, period and field. Its order is the order of the
/// report: by dataset in the data files' order, then as the records come.
type Key = (usize, String, Option<String>, &'static str);

/// (dataset title, what the figure is, its value as shown).
type Figure = (String, String, String);

/// The figures that differ between `old` and `new`, by dataset.
pub(super) fn compare(old: &Site, new: &Site) -> Vec<FigureChange> {
    let words = Theme::builtin().words("en");
    let old = figures(old, &words);
    let new = figures(new, &words);
    let mut out = Vec::new();
    let keys: std::collections::BTreeSet<&Key> = old.keys().chain(new.keys()).collect();
    for key in keys {
        let (before, after) = (old.get(key), new.get(key));
        if before.map(|f| &f.2) == after.map(|f| &f.2) {
            continue;
        }
        let Some((dataset, figure, _)) = after.or(before) else {
            continue;
        };
        out.push(FigureChange {
            dataset: dataset.clone(),
            figure: figure.clone(),
            period: key.2.clone(),
            before: before.map(|f| f.2.clone()),
            after: after.map(|f| f.2.clone()),
        });
    }
    out
}

fn label(words: &Words, status: Status) -> String {
    let key = match status {
        Status::NotStarted => "label.not-started",
        Status::InProgress => "label.in-progress",
        Status::Achieved => "label.achieved",
    };
    words.word(key).to_string()
}

/// A long text cut to a reviewer's glance: at most 80 characters, `…` where cut.
fn short(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= 80 {
        return text;
    }
    let cut: String = text.chars().take(79).collect();
    format!("{}…", cut.trim_end())
}

/// Every figure of a site, by its place.
fn figures(site: &Site, words: &Words) -> BTreeMap<Key, Figure> {
    let mut out = BTreeMap::new();
    let title = |name: &str| words.word(&format!("dataset.{name}.title")).to_string();
    // Records are numbered in their file's order, so the report follows it.
    let mut put = |dataset: usize,
                   record: String,
                   period: Option<String>,
                   field: &'static str,
                   figure: Figure| {
        out.insert((dataset, record, period, field), figure);
    };
    let kpis = title("kpis");
    for k in &site.kpis {
        let record = k.id.clone();
        for v in &k.values {
            let value = match k.kind {
                KpiKind::Qualitative => {
                    let status = v.status.map(|s| label(words, s)).unwrap_or_default();
                    match &v.summary {
                        Some(s) => format!("{status}: {}", short(s)),
                        None => status,
                    }
                }
                _ => v.display.clone(),
            };
            put(
                0,
                record.clone(),
                Some(v.period.to_string()),
                "value",
                (kpis.clone(), k.title.clone(), value),
            );
        }
        if let Some(target) = k.target {
            put(
                0,
                record,
                None,
                "target",
                (
                    kpis.clone(),
                    format!("{}, target", k.title),
                    target.to_string(),
                ),
            );
        }
    }
    let orders = title("prevention-orders");
    for o in &site.orders {
        let period = Some(o.period.to_string());
        for (name, counts) in [("STPO", &o.stpo), ("STRO", &o.stro)] {
            for (field, n) in [
                ("applied for", counts.applied),
                ("granted", counts.granted),
                ("interim", counts.interim),
                ("breaches", counts.breaches),
            ] {
                if let Some(n) = n {
                    put(
                        1,
                        format!("{name} {field}"),
                        period.clone(),
                        field,
                        (orders.clone(), format!("{name}s {field}"), n.to_string()),
                    );
                }
            }
        }
    }
    let training = title("training");
    for c in &site.courses {
        for t in &c.trained {
            put(
                2,
                c.id.clone(),
                Some(t.period.to_string()),
                "trained",
                (
                    training.clone(),
                    format!("{}, people trained", c.title),
                    t.people.to_string(),
                ),
            );
        }
    }
    let partnerships = title("partnerships");
    for a in &site.activities {
        put(
            3,
            format!("{}{}", a.date, a.id),
            Some(a.period.to_string()),
            "activity",
            (
                partnerships.clone(),
                format!("{}, activity", a.partnership_name),
                format!("{} ({})", short(&a.title), a.date.long()),
            ),
        );
    }
    let actions = title("actions");
    for a in &site.actions {
        let record = a.id.clone();
        if let Some(status) = a.status {
            put(
                4,
                record.clone(),
                None,
                "status",
                (
                    actions.clone(),
                    format!("{}, status", a.title),
                    label(words, status),
                ),
            );
        }
        for p in &a.progress {
            let value = match p.status {
                Some(s) => format!("{}: {}", label(words, s), short(&p.note)),
                None => short(&p.note),
            };
            put(
                4,
                record.clone(),
                Some(p.period.to_string()),
                "progress",
                (actions.clone(), format!("{}, progress", a.title), value),
            );
        }
    }
    let commitments = title("commitments");
    for c in &site.commitments {
        if let Some(status) = c.status {
            put(
                5,
                c.id.clone(),
                None,
                "status",
                (
                    commitments.clone(),
                    format!("{}, status", short(&c.text)),
                    label(words, status),
                ),
            );
        }
    }
    out
}
