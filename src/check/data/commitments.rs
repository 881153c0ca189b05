//! commitments.yaml: a charter and the commitments made under it.

use crate::diagnostic::did_you_mean;
use crate::model::{Commitment, Evidence};
use crate::raw;
use crate::routes;

use super::{Checker, Known, known_periods};

/// The hint for evidence that points at a draft.
const DRAFT_HINT: &str = "publish the draft first (remove its `draft: true`), or add this evidence when it is; `candour build --drafts` builds drafts for a preview";

/// Checks commitments.yaml's records (unique ids, periods in order, references to pages, statements,
/// updates and datasets) and returns their models; problems are left in `c`.
pub fn check(raw: Vec<raw::RawCommitment>, c: &mut Checker<'_>, known: &Known) -> Vec<Commitment> {
    c.ids("commitments", raw.iter().map(|k| k.id.as_str()));
    let mut out = Vec::new();
    for (i, k) in raw.into_iter().enumerate() {
        c.marks(
            &format!("commitments[{i}].illustrative"),
            &k.illustrative,
            raw::COMMITMENT_MARKS,
        );
        let mut evidence = Vec::new();
        for (j, e) in k.evidence.into_iter().enumerate() {
            let path = format!("commitments[{i}].evidence[{j}]");
            let targets = [
                e.page.is_some(),
                e.dataset.is_some(),
                e.statement.is_some(),
                e.update.is_some(),
                e.url.is_some(),
            ];
            if targets.iter().filter(|t| **t).count() != 1 {
                c.error(
                    &path,
                    "evidence must point at exactly one thing",
                    Some("give one of page, dataset, statement, update or url".into()),
                );
                continue;
            }
            let url = if let Some(page) = &e.page {
                if known.pages.contains(page) {
                    known.routes.page(page)
                } else if known.draft_pages.contains(page) {
                    c.error(
                        &format!("{path}.page"),
                        format!("the page '{page}' is a draft, which is not published"),
                        Some(DRAFT_HINT.into()),
                    );
                    continue;
                } else {
                    let hint = match did_you_mean(page, known.pages.iter().map(String::as_str)) {
                        Some(best) => format!("did you mean '{best}'?"),
                        None => format!("the pages are: {}", known.pages.join(", ")),
                    };
                    c.error(
                        &format!("{path}.page"),
                        format!("there is no page '{page}' in content/pages/"),
                        Some(hint),
                    );
                    continue;
                }
            } else if let Some(name) = &e.dataset {
                if known.empty.contains(name) {
                    c.error(
                        &format!("{path}.dataset"),
                        format!("content/data/{name}.yaml has no records, so the site has no {name} section to link to"),
                        Some(format!("add the {name} records this evidence refers to, or remove this evidence")),
                    );
                    continue;
                } else if known.datasets.contains(name) {
                    known.routes.dataset(name)
                } else {
                    let (message, hint) = if crate::source::load::DATA_FILES
                        .contains(&name.as_str())
                    {
                        (
                            format!("the site has no {name} data, so there is nothing to link to"),
                            format!("add content/data/{name}.yaml, or remove this evidence"),
                        )
                    } else {
                        (
                            format!("there is no dataset '{name}'"),
                            match did_you_mean(name, crate::source::load::DATA_FILES) {
                                Some(best) => format!("did you mean '{best}'?"),
                                None => format!(
                                    "the datasets are: {}",
                                    crate::source::load::DATA_FILES.join(", ")
                                ),
                            },
                        )
                    };
                    c.error(&format!("{path}.dataset"), message, Some(hint));
                    continue;
                }
            } else if let Some(p) = e.statement {
                if known.draft_statements.contains(&p) {
                    c.error(
                        &format!("{path}.statement"),
                        format!("the {p} statement is a draft, which is not published"),
                        Some(DRAFT_HINT.into()),
                    );
                    continue;
                }
                if known.statements_complete && !known.statements.contains(&p) {
                    c.error(
                        &format!("{path}.statement"),
                        format!("there is no statement for {p}"),
                        Some(known_periods("statements", &known.statements)),
                    );
                    continue;
                }
                known.routes.statement(p)
            } else if let Some(p) = e.update {
                if known.draft_updates.contains(&p) {
                    c.error(
                        &format!("{path}.update"),
                        format!("the {p} update is a draft, which is not published"),
                        Some(DRAFT_HINT.into()),
                    );
                    continue;
                }
                if known.updates_complete && !known.updates.contains(&p) {
                    c.error(
                        &format!("{path}.update"),
                        format!("there is no update for {p}"),
                        Some(known_periods("updates", &known.updates)),
                    );
                    continue;
                }
                known.routes.update(p)
            } else {
                let url = e.url.clone().unwrap_or_default();
                c.url(&format!("{path}.url"), Some(&url));
                url
            };
            evidence.push(Evidence {
                title: e.title,
                url,
            });
        }
        out.push(Commitment {
            anchor: routes::commitment_anchor(&k.id),
            id: k.id,
            text: k.text,
            status: k.status,
            evidence,
            illustrative: k.illustrative.all(),
            illustrative_fields: k.illustrative.fields(),
        });
    }
    out
}
