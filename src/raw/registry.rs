//! The `registry:` block of a statement's front matter: what the Home Office modern slavery
//! statement registry asks beyond what candour knows from the statement and `site.yaml`.
//! Every answer is optional; `candour check` warns about each one missing. Lists are the
//! registry's answer lists (`model::registry`); "other" answers are free text.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::registry::{
    Engagement, Grievance, Group, Indicator, Policy, Remediation, RiskArea, SocialAudit, Tier,
    TrainingTarget, YearsProducing,
};

/// Most characters the registry takes for "demonstrating progress" and a risk's actions.
pub const MAX_PROGRESS: usize = 500;
/// Most characters the registry takes for a risk's description and other free text.
pub const MAX_SHORT: usize = 200;
/// Most characters the registry takes for other policies and other training.
pub const MAX_OTHER: usize = 256;
/// Most risks the registry asks about.
pub const MAX_RISKS: usize = 3;

/// The registry's questions a statement answers in its front matter (`registry:`).
#[derive(Debug, Default, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct RegistryAnswers {
    /// How many years the organisation has produced statements: first-time, 1-to-5 or more-than-5.
    #[serde(default)]
    pub years_producing: Option<YearsProducing>,
    /// The provisions its policies include; `[none]` when they include none of them.
    #[serde(default)]
    pub policies: Option<Vec<Policy>>,
    /// The other provisions, when `policies` lists `other` (at most 256 characters).
    #[serde(default)]
    pub other_policies: Option<String>,
    /// Who was trained about modern slavery in the period; `[none]` when nobody was.
    #[serde(default)]
    pub training: Option<Vec<TrainingTarget>>,
    /// Who else was trained, when `training` lists `other` (at most 256 characters).
    #[serde(default)]
    pub other_training: Option<String>,
    /// Who it engaged with to monitor working conditions; `[none]` when nobody.
    #[serde(default)]
    pub engagement: Option<Vec<Engagement>>,
    /// The social audits it used to look for forced labour; `[none]` when none.
    #[serde(default)]
    pub social_audits: Option<Vec<SocialAudit>>,
    /// The grievance mechanisms workers had; `[none]` when none.
    #[serde(default)]
    pub grievance_mechanisms: Option<Vec<Grievance>>,
    /// Other ways it monitored working conditions (at most 200 characters).
    #[serde(default)]
    pub other_monitoring: Option<String>,
    /// Up to three priority risks; `[]` when it identified none.
    #[serde(default)]
    pub risks: Option<Vec<Risk>>,
    /// ILO indicators of forced labour the statement refers to finding; `[none]` when none.
    #[serde(default)]
    pub ilo_indicators: Option<Vec<Indicator>>,
    /// Actions taken after finding the indicators; `[none]` when the statement names none.
    #[serde(default)]
    pub ilo_actions: Option<Vec<Remediation>>,
    /// How the statement shows progress over time (at most 500 characters).
    #[serde(default)]
    pub demonstrating_progress: Option<String>,
}

/// One priority modern slavery risk.
#[derive(Debug, Deserialize, Serialize, JsonSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// The risk, briefly (at most 200 characters).
    pub description: String,
    /// Where it was most likely to occur: own-operations, supply-chains or other.
    pub area: RiskArea,
    /// Where, when `area` is other (at most 200 characters).
    #[serde(default)]
    pub other_area: Option<String>,
    /// The supply-chain tiers, when `area` is supply-chains.
    #[serde(default)]
    pub tiers: Vec<Tier>,
    /// Who it was most likely to affect.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// The other vulnerable groups, when `groups` lists `other`.
    #[serde(default)]
    pub other_groups: Option<String>,
    /// The countries it was in, by name as GOV.UK's country register writes them (United Kingdom).
    #[serde(default)]
    pub locations: Vec<String>,
    /// Actions or plans to address it (at most 500 characters).
    #[serde(default)]
    pub mitigation: Option<String>,
}
