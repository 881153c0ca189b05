//! actions.yaml: the action plan, each action's progress by period.

use crate::model::{Action, Progress};
use crate::raw;
use crate::routes;

use super::Checker;

/// Checks actions.yaml's records (unique ids, periods in order, references to pages, statements,
/// updates and datasets) and returns their models; problems are left in `c`.
pub fn check(raw: raw::ActionsFile, c: &mut Checker<'_>, known: &super::Known) -> Vec<Action> {
    c.ids("actions", raw.actions.iter().map(|k| k.id.as_str()));
    let mut out = Vec::new();
    for (i, a) in raw.actions.into_iter().enumerate() {
        let aspect_title = c.aspect(
            &format!("actions[{i}].aspect"),
            a.aspect.as_ref(),
            known.aspects.as_ref(),
        );
        c.marks(
            &format!("actions[{i}].illustrative"),
            &a.illustrative,
            raw::ACTION_MARKS,
        );
        c.periods(
            &format!("actions[{i}].progress"),
            a.progress.iter().map(|p| p.period),
        );
        let mut progress: Vec<Progress> = a
            .progress
            .into_iter()
            .map(|p| Progress {
                period: p.period,
                note: p.note,
                status: p.status,
                illustrative: p.illustrative,
            })
            .collect();
        progress.sort_by_key(|p| p.period);
        out.push(Action {
            anchor: routes::action_anchor(&a.id),
            id: a.id,
            title: a.title,
            aspect: aspect_title.as_ref().and(a.aspect),
            aspect_title,
            owner: a.owner,
            due: a.due,
            status: a.status,
            progress,
            illustrative: a.illustrative.all(),
            illustrative_fields: a.illustrative.fields(),
        });
    }
    out
}
