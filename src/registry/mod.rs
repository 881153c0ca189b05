//! The Home Office modern slavery statement registry: a statement's summary in the
//! registry's order (the statement page's "Statement summary"), the answers the registry
//! will ask for that a statement does not yet give (`check`'s warnings), and the registry's
//! CSV row, JSON and JSON Schema (`table`).
//!
//! The registry's sections, questions, answer lists and CSV columns are those of its
//! published source (commit e77de954, April 2021), summarised in `research/registry.md`.

pub mod table;

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Words;
use crate::model::registry::{Summary, SummaryRow, SummarySection as Section};
use crate::model::{Approval, Area};
use crate::raw::{MAX_OTHER, MAX_PROGRESS, MAX_RISKS, MAX_SHORT, RegistryAnswers, Risk};

/// A sector or budget band as `site.yaml` writes it (`local-government`, `100m-500m`).
fn written<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The body that makes a site's statements, as `site.yaml` says: the organisations (one, or
/// each of a joint statement's), its sector and budget band.
#[derive(Debug, Default, Clone)]
pub struct Body {
    pub organisations: Vec<String>,
    pub sector: Option<crate::model::Sector>,
    pub budget: Option<crate::model::Budget>,
}

/// What a statement's summary is made from besides its `registry:` answers.
pub struct Known<'a> {
    /// The organisations the statement covers, the publishing one first.
    pub organisations: Vec<String>,
    /// The body's sector and budget band, from `site.yaml` (`sector:`, `budget:`).
    pub sector: Option<crate::model::Sector>,
    pub budget: Option<crate::model::Budget>,
    /// The period's first and last days.
    pub period_start: crate::model::date::Date,
    pub period_end: crate::model::date::Date,
    pub approval: &'a Approval,
    pub areas: &'a [Area],
}

/// The summary a statement page shows, in the registry's order; every answer the statement
/// does not give is an empty row (the page says it is not answered).
pub fn summary(answers: Option<&RegistryAnswers>, known: &Known<'_>, words: &Words) -> Summary {
    let empty = RegistryAnswers::default();
    let a = answers.unwrap_or(&empty);
    let w = |key: &str| words.word(key).to_string();
    let q = |key: &str| w(&format!("registry.question.{key}"));
    let row = |key: &str, answers: Vec<String>| SummaryRow {
        question: q(key),
        answers,
    };
    let section = |key: &str, rows: Vec<SummaryRow>| Section {
        key: key.to_string(),
        title: w(&format!("registry.section.{key}")),
        rows,
    };
    fn list<T: Copy>(
        words: &Words,
        values: Option<&Vec<T>>,
        list: &str,
        key: fn(T) -> &'static str,
    ) -> Vec<String> {
        values
            .map(|v| {
                v.iter()
                    .map(|o| {
                        words
                            .word(&format!("registry.{list}.{}", key(*o)))
                            .to_string()
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
    use crate::model::registry::*;
    let opt = |s: Option<&String>| s.map(|s| vec![s.clone()]).unwrap_or_default();

    let mut sections = vec![
        section(
            "organisations",
            vec![row("organisations", known.organisations.clone())],
        ),
        section(
            "period",
            vec![
                row(
                    "period",
                    vec![words.format(
                        "registry.period_span",
                        &[
                            ("start", &words.long_date(known.period_start)),
                            ("end", &words.long_date(known.period_end)),
                        ],
                    )],
                ),
                row(
                    "approving_person",
                    approving_person(known.approval).into_iter().collect(),
                ),
                row(
                    "approved_on",
                    approved_on(known.approval)
                        .map(|d| words.long_date(d))
                        .into_iter()
                        .collect(),
                ),
            ],
        ),
        section(
            "areas",
            AREA_ORDER
                .iter()
                .map(|key| {
                    let area = known.areas.iter().find(|x| x.key == *key);
                    let answer = match area.and_then(|x| x.reason.as_ref()) {
                        Some(reason) if area.is_some_and(|x| x.anchor.is_none()) => {
                            words.format("registry.not_covered", &[("reason", reason)])
                        }
                        _ => w("registry.covered"),
                    };
                    SummaryRow {
                        question: w(&format!("registry.area.{key}")),
                        answers: vec![answer],
                    }
                })
                .collect(),
        ),
        section(
            "sectors",
            vec![
                row(
                    "sectors",
                    // The registry's answer, as its CSV writes it (`Sector::registry_text`):
                    // every sector site.yaml may name is a public body's.
                    known
                        .sector
                        .map(|_| w("registry.public_sector"))
                        .into_iter()
                        .collect(),
                ),
                row(
                    "turnover",
                    known
                        .budget
                        .map(|x| w(&format!("registry.budget.{}", written(x))))
                        .into_iter()
                        .collect(),
                ),
            ],
        ),
        section(
            "years",
            vec![row(
                "years",
                a.years_producing
                    .map(|y| vec![w(&format!("registry.years.{}", y.key()))])
                    .unwrap_or_default(),
            )],
        ),
        section("policies", {
            let mut rows = vec![row(
                "policies",
                list(words, a.policies.as_ref(), Policy::LIST, Policy::key),
            )];
            if a.other_policies.is_some() {
                rows.push(row("other_policies", opt(a.other_policies.as_ref())));
            }
            rows
        }),
        section("training", {
            let mut rows = vec![row(
                "training",
                list(
                    words,
                    a.training.as_ref(),
                    TrainingTarget::LIST,
                    TrainingTarget::key,
                ),
            )];
            if a.other_training.is_some() {
                rows.push(row("other_training", opt(a.other_training.as_ref())));
            }
            rows
        }),
        section(
            "monitoring",
            vec![
                row(
                    "engagement",
                    list(
                        words,
                        a.engagement.as_ref(),
                        Engagement::LIST,
                        Engagement::key,
                    ),
                ),
                row(
                    "social_audits",
                    list(
                        words,
                        a.social_audits.as_ref(),
                        SocialAudit::LIST,
                        SocialAudit::key,
                    ),
                ),
                row(
                    "grievance",
                    list(
                        words,
                        a.grievance_mechanisms.as_ref(),
                        Grievance::LIST,
                        Grievance::key,
                    ),
                ),
                row("other_monitoring", opt(a.other_monitoring.as_ref())),
            ],
        ),
    ];
    match &a.risks {
        None => sections.push(section("risks", vec![row("risks", Vec::new())])),
        Some(risks) if risks.is_empty() => {
            sections.push(section(
                "risks",
                vec![row("risks", vec![w("registry.no_risks")])],
            ));
        }
        Some(risks) => {
            let count = risks.len().to_string();
            let rows = risks
                .iter()
                .enumerate()
                .flat_map(|(i, risk)| {
                    let n = (i + 1).to_string();
                    risk_rows(risk, words, &n, &count)
                })
                .collect();
            sections.push(section("risks", rows));
        }
    }
    let mut indicator_rows = vec![row(
        "ilo_indicators",
        list(
            words,
            a.ilo_indicators.as_ref(),
            Indicator::LIST,
            Indicator::key,
        ),
    )];
    if asks_actions(a) {
        indicator_rows.push(row(
            "ilo_actions",
            list(
                words,
                a.ilo_actions.as_ref(),
                Remediation::LIST,
                Remediation::key,
            ),
        ));
    }
    sections.push(section("indicators", indicator_rows));
    sections.push(section(
        "progress",
        vec![row("progress", opt(a.demonstrating_progress.as_ref()))],
    ));
    Summary { sections }
}

/// The rows of one risk: its description, then where, which tiers, whom, which countries
/// and what is done about it.
fn risk_rows(risk: &Risk, words: &Words, n: &str, count: &str) -> Vec<SummaryRow> {
    use crate::model::registry::*;
    let word = |list: &str, key: &str| words.word(&format!("registry.{list}.{key}")).to_string();
    let q = |key: &str| {
        words.format(
            &format!("registry.question.{key}"),
            &[("n", n), ("count", count)],
        )
    };
    let area = match (risk.area, &risk.other_area) {
        (RiskArea::Other, Some(text)) => text.clone(),
        (area, _) => word(RiskArea::LIST, area.key()),
    };
    let mut groups: Vec<String> = risk
        .groups
        .iter()
        .map(|g| word(Group::LIST, g.key()))
        .collect();
    if let Some(other) = &risk.other_groups {
        groups.push(other.clone());
    }
    let mut rows = vec![
        SummaryRow {
            question: words.format("registry.risk_title", &[("n", n), ("count", count)]),
            answers: vec![risk.description.clone()],
        },
        SummaryRow {
            question: q("risk_area"),
            answers: vec![area],
        },
    ];
    if risk.area == RiskArea::SupplyChains {
        rows.push(SummaryRow {
            question: q("tiers"),
            answers: risk
                .tiers
                .iter()
                .map(|t| word(Tier::LIST, t.key()))
                .collect(),
        });
    }
    rows.push(SummaryRow {
        question: q("groups"),
        answers: groups,
    });
    rows.push(SummaryRow {
        question: q("locations"),
        answers: risk.locations.clone(),
    });
    rows.push(SummaryRow {
        question: q("mitigation"),
        answers: risk.mitigation.iter().cloned().collect(),
    });
    rows
}

/// The registry's "approving person": the first signatory, `name (role)`, the name or the
/// role alone; none when the statement names no signatory, or when the approval, the
/// signature or the detail is illustrative (the registry takes real ones only).
pub fn approving_person(approval: &Approval) -> Option<String> {
    if approval.illustrative
        || approval
            .illustrative_fields
            .iter()
            .any(|f| f == "signed_by")
    {
        return None;
    }
    let s = approval.signed_by.first().filter(|s| !s.illustrative)?;
    let real = |field: &str, value: &Option<String>| {
        value
            .clone()
            .filter(|_| !s.illustrative_fields.iter().any(|f| f == field))
    };
    match (real("name", &s.name), real("role", &s.role)) {
        (Some(name), Some(role)) => Some(format!("{name} ({role})")),
        (Some(one), None) | (None, Some(one)) => Some(one),
        (None, None) => None,
    }
}

/// The registry's "date approved"; none when the statement does not give it or it is
/// illustrative.
pub fn approved_on(approval: &Approval) -> Option<crate::model::date::Date> {
    if approval.illustrative
        || approval
            .illustrative_fields
            .iter()
            .any(|f| f == "approved_on")
    {
        return None;
    }
    approval.approved_on
}

/// Whether the registry asks what was done about forced-labour indicators: only when the
/// statement refers to finding at least one.
fn asks_actions(a: &RegistryAnswers) -> bool {
    a.ilo_indicators.as_ref().is_some_and(|i| {
        i.iter()
            .any(|x| *x != crate::model::registry::Indicator::None)
    })
}

/// Checks a statement's `registry:` answers: a warning for each answer the registry will ask
/// for that the statement does not give (at the `registry:` key, or the title when there is
/// no block), and an error for what the registry would not accept (text over its limit, more
/// than three risks, `none` beside other answers, "other" text without `other`).
pub fn check(
    answers: Option<&RegistryAnswers>,
    at: &dyn Fn(&str, String) -> Diagnostic,
    problems: &mut Vec<Diagnostic>,
) {
    let warn = |path: &str, message: String| Diagnostic {
        severity: Severity::Warning,
        ..at(path, message)
    };
    let Some(a) = answers else {
        problems.push(
            warn(
                "title",
                "the statement has no `registry:` answers for the Home Office registry's summary".into(),
            )
            .with_hint("add a `registry:` block (years_producing, policies, training, engagement, social_audits, grievance_mechanisms, risks, ilo_indicators, demonstrating_progress); see the statement schema"),
        );
        return;
    };
    let mut missing = |key: &str, what: &str| {
        problems.push(
            warn(
                "registry#key",
                format!("the registry will ask {what}; the statement's `registry:` does not say"),
            )
            .with_hint(format!("add `{key}:` under `registry:`")),
        );
    };
    if a.years_producing.is_none() {
        missing(
            "years_producing",
            "how many years the organisation has produced statements",
        );
    }
    if a.policies.is_none() {
        missing("policies", "which provisions its policies include");
    }
    if a.training.is_none() {
        missing("training", "who was trained about modern slavery");
    }
    if a.engagement.is_none() {
        missing(
            "engagement",
            "who it engaged with to monitor working conditions",
        );
    }
    if a.social_audits.is_none() {
        missing("social_audits", "which social audits it used");
    }
    if a.grievance_mechanisms.is_none() {
        missing(
            "grievance_mechanisms",
            "which grievance mechanisms workers had",
        );
    }
    if a.risks.is_none() {
        missing(
            "risks",
            "its priority modern slavery risks (`[]` if it identified none)",
        );
    }
    if a.ilo_indicators.is_none() {
        missing(
            "ilo_indicators",
            "which ILO indicators of forced labour the statement refers to finding",
        );
    }
    if asks_actions(a) && a.ilo_actions.is_none() {
        missing(
            "ilo_actions",
            "what was done after finding indicators of forced labour",
        );
    }
    if a.demonstrating_progress.is_none() {
        missing(
            "demonstrating_progress",
            "how the statement demonstrates progress over time",
        );
    }

    let long = |path: &str, text: Option<&String>, max: usize, problems: &mut Vec<Diagnostic>| {
        if let Some(text) = text {
            // Counted as the registry will: without the marks a translated page puts around
            // text it shows untranslated (`i18n::UNTRANSLATED`).
            let n = text
                .chars()
                .filter(|c| !('\u{E000}'..='\u{E003}').contains(c))
                .count();
            if n > max {
                problems.push(
                    at(
                        path,
                        format!("{n} characters; the registry takes at most {max}"),
                    )
                    .with_hint("shorten it: the registry's form refuses longer text"),
                );
            }
        }
    };
    long(
        "registry.demonstrating_progress",
        a.demonstrating_progress.as_ref(),
        MAX_PROGRESS,
        problems,
    );
    long(
        "registry.other_monitoring",
        a.other_monitoring.as_ref(),
        MAX_SHORT,
        problems,
    );
    long(
        "registry.other_policies",
        a.other_policies.as_ref(),
        MAX_OTHER,
        problems,
    );
    long(
        "registry.other_training",
        a.other_training.as_ref(),
        MAX_OTHER,
        problems,
    );

    use crate::model::registry::*;
    exclusive(
        a.policies.as_deref(),
        Policy::None,
        "registry.policies",
        at,
        problems,
    );
    exclusive(
        a.training.as_deref(),
        TrainingTarget::None,
        "registry.training",
        at,
        problems,
    );
    exclusive(
        a.engagement.as_deref(),
        Engagement::None,
        "registry.engagement",
        at,
        problems,
    );
    exclusive(
        a.social_audits.as_deref(),
        SocialAudit::None,
        "registry.social_audits",
        at,
        problems,
    );
    exclusive(
        a.grievance_mechanisms.as_deref(),
        Grievance::None,
        "registry.grievance_mechanisms",
        at,
        problems,
    );
    exclusive(
        a.ilo_indicators.as_deref(),
        Indicator::None,
        "registry.ilo_indicators",
        at,
        problems,
    );
    exclusive(
        a.ilo_actions.as_deref(),
        Remediation::None,
        "registry.ilo_actions",
        at,
        problems,
    );
    // Actions taken after finding indicators, when none were found.
    if a.ilo_indicators.as_deref() == Some(&[Indicator::None][..])
        && a.ilo_actions
            .as_deref()
            .is_some_and(|x| x.iter().any(|r| *r != Remediation::None))
    {
        problems.push(
            warn(
                "registry.ilo_actions",
                "`ilo_actions` lists actions taken after finding indicators of forced labour, but `ilo_indicators` says none were found".into(),
            )
            .with_hint("list the indicators found in `ilo_indicators`, or set `ilo_actions: [none]`"),
        );
    }
    other_text(
        a.policies.as_deref(),
        Policy::Other,
        a.other_policies.is_some(),
        "policies",
        "other_policies",
        at,
        problems,
    );
    other_text(
        a.training.as_deref(),
        TrainingTarget::Other,
        a.other_training.is_some(),
        "training",
        "other_training",
        at,
        problems,
    );

    if let Some(risks) = &a.risks {
        if risks.len() > MAX_RISKS {
            problems.push(
                at(
                    &format!("registry.risks[{MAX_RISKS}]"),
                    format!(
                        "{} risks; the registry asks for at most {MAX_RISKS}",
                        risks.len()
                    ),
                )
                .with_hint("keep the three priority risks"),
            );
        }
        for (i, r) in risks.iter().enumerate() {
            let p = format!("registry.risks[{i}]");
            long(
                &format!("{p}.description"),
                Some(&r.description),
                MAX_SHORT,
                problems,
            );
            long(
                &format!("{p}.other_area"),
                r.other_area.as_ref(),
                MAX_SHORT,
                problems,
            );
            long(
                &format!("{p}.mitigation"),
                r.mitigation.as_ref(),
                MAX_PROGRESS,
                problems,
            );
            exclusive(
                Some(&r.tiers),
                Tier::DontKnow,
                &format!("{p}.tiers"),
                at,
                problems,
            );
            if r.area != RiskArea::SupplyChains && !r.tiers.is_empty() {
                problems.push(
                    at(
                        &format!("{p}.tiers"),
                        "tiers are for a risk in the supply chains".into(),
                    )
                    .with_hint("set `area: supply-chains`, or leave out `tiers:`"),
                );
            }
            if r.area == RiskArea::SupplyChains && r.tiers.is_empty() {
                problems.push(
                    warn(
                        &format!("{p}.area"),
                        "the registry will ask which supply-chain tiers the risk is in".into(),
                    )
                    .with_hint("add `tiers:` (tier-1, tier-2, tier-3-and-below or dont-know)"),
                );
            }
            if (r.area == RiskArea::Other) != r.other_area.is_some() {
                problems.push(
                    at(
                        &format!("{p}.area"),
                        "`other_area:` goes with `area: other`, and `area: other` needs it".into(),
                    )
                    .with_hint("say where the risk was in `other_area:`, with `area: other`"),
                );
            }
            other_text(
                Some(&r.groups),
                Group::Other,
                r.other_groups.is_some(),
                &format!("risks[{i}].groups"),
                &format!("risks[{i}].other_groups"),
                at,
                problems,
            );
        }
    }
}

/// An error when a list has its "none" answer beside others.
/// Also an error at each answer listed a second time (the registry's form ticks each once).
fn exclusive<T: PartialEq + Copy>(
    values: Option<&[T]>,
    none: T,
    path: &str,
    at: &dyn Fn(&str, String) -> Diagnostic,
    problems: &mut Vec<Diagnostic>,
) {
    for (i, v) in values.unwrap_or_default().iter().enumerate() {
        if values.unwrap_or_default()[..i].contains(v) {
            problems.push(
                at(
                    &format!("{path}[{i}]"),
                    "this answer is listed twice".into(),
                )
                .with_hint("list each answer once"),
            );
        }
    }
    if let Some(values) = values
        && values.contains(&none)
        && values.iter().any(|v| *v != none)
    {
        problems.push(
            at(path, "`none` cannot go with other answers".into())
                .with_hint("keep `none` alone, or remove it"),
        );
    }
}

/// An error when "other" text is given without `other` in its list, a warning when `other`
/// is listed with no text to say what.
fn other_text<T: PartialEq + Copy>(
    values: Option<&[T]>,
    other: T,
    has_text: bool,
    list: &str,
    text_key: &str,
    at: &dyn Fn(&str, String) -> Diagnostic,
    problems: &mut Vec<Diagnostic>,
) {
    let listed = values.is_some_and(|v| v.contains(&other));
    if has_text && !listed {
        problems.push(
            at(
                &format!("registry.{text_key}#key"),
                format!("`{text_key}` is given but `{list}` does not list `other`"),
            )
            .with_hint(format!("add `other` to `{list}`")),
        );
    } else if listed && !has_text {
        problems.push(
            Diagnostic {
                severity: Severity::Warning,
                ..at(
                    &format!("registry.{list}"),
                    format!("`{list}` lists `other` but does not say what"),
                )
            }
            .with_hint(format!("say what in `{text_key}:`")),
        );
    }
}
