//! partnerships.yaml: partnerships and the activities of each period.

use std::collections::BTreeMap;

use crate::diagnostic::did_you_mean;
use crate::model::{Activity, Partnership};
use crate::raw;
use crate::routes;

use super::{Checker, half_of};

/// Checks partnerships.yaml's records (unique ids, periods in order, references to pages, statements,
/// updates and datasets) and returns their models; problems are left in `c`.
pub fn check(
    raw: raw::PartnershipsFile,
    c: &mut Checker<'_>,
    year_starts: u32,
) -> (Vec<Partnership>, Vec<Activity>) {
    c.ids(
        "partnerships",
        raw.partnerships.iter().map(|k| k.id.as_str()),
    );
    c.ids("activities", raw.activities.iter().map(|k| k.id.as_str()));
    let names: BTreeMap<&str, &str> = raw
        .partnerships
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let mut activities = Vec::new();
    for (i, a) in raw.activities.iter().enumerate() {
        let Some(name) = names.get(a.partnership.as_str()) else {
            let hint = match did_you_mean(&a.partnership, names.keys().copied()) {
                Some(best) => format!("did you mean '{best}'?"),
                None => format!(
                    "the partnerships are: {}",
                    names.keys().copied().collect::<Vec<_>>().join(", ")
                ),
            };
            c.error(
                &format!("activities[{i}].partnership"),
                format!("there is no partnership '{}'", a.partnership),
                Some(hint),
            );
            continue;
        };
        activities.push(Activity {
            id: a.id.clone(),
            partnership: a.partnership.clone(),
            partnership_name: (*name).to_string(),
            date: a.date,
            period: half_of(a.date, year_starts),
            kind: a.kind,
            title: a.title.clone(),
            description: a.description.clone(),
            illustrative: a.illustrative,
        });
    }
    activities.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    let mut out = Vec::new();
    for (i, p) in raw.partnerships.into_iter().enumerate() {
        c.url(&format!("partnerships[{i}].url"), p.url.as_ref());
        out.push(Partnership {
            activities: activities
                .iter()
                .filter(|a| a.partnership == p.id)
                .cloned()
                .collect(),
            anchor: routes::partnership_anchor(&p.id),
            id: p.id,
            name: p.name,
            description: p.description,
            role: p.role,
            url: p.url,
        });
    }
    (out, activities)
}
