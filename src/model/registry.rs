//! The Home Office modern slavery statement registry's fixed answer lists, and a statement's
//! summary in the registry's order as templates see it.
//!
//! Each list is an enum whose YAML spelling is a kebab-case key and whose
//! [`registry_text`](Policy::registry_text) is the registry's own wording, the text its CSV
//! download writes (the `[Description]` of the registry's enums, commit e77de954 of its
//! published source; see `research/registry.md` §2). Readers see the theme's words for
//! each option (`registry.LIST.KEY`), which in English are the same texts, except that the
//! page speaks of the organisation where the registry's form speaks to it ("Suppliers" for
//! "Your suppliers").

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Defines one of the registry's answer lists: the enum, every option in the registry's
/// order (`ALL`), its YAML key, and the registry's text for it.
macro_rules! options {
    ($(#[$meta:meta])* $name:ident = $list:literal { $($(#[$vmeta:meta])* $variant:ident = $key:literal => $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $key)] $variant,)*
        }
        impl $name {
            /// Every option, in the registry's order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
            /// The list's name in the translation table (`registry.LIST.KEY`).
            pub const LIST: &'static str = $list;
            /// How authors write the option in YAML.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)* }
            }
            /// The registry's own wording, as its CSV download writes it.
            pub fn registry_text(self) -> &'static str {
                match self { $($name::$variant => $text,)* }
            }
        }
    };
}

options! {
    /// How many years the organisation has produced modern slavery statements.
    YearsProducing = "years" {
        /// This is the first statement.
        FirstTime = "first-time" => "This is the first time",
        /// One to five years.
        OneToFive = "1-to-5" => "1 to 5 years",
        /// More than five years.
        MoreThanFive = "more-than-5" => "More than 5 years",
    }
}

options! {
    /// A provision the organisation's policies include about modern slavery; `none` stands alone.
    Policy = "policies" {
        /// Freedom of workers to terminate employment.
        FreedomToTerminate = "freedom-to-terminate" => "Freedom of workers to terminate employment",
        /// Freedom of movement.
        FreedomOfMovement = "freedom-of-movement" => "Freedom of movement",
        /// Freedom of association.
        FreedomOfAssociation = "freedom-of-association" => "Freedom of association",
        /// Prohibits any threat of violence, harassment and intimidation.
        ViolenceHarassment = "no-violence-harassment-intimidation" => "Prohibits any threat of violence, harassment and intimidation",
        /// Prohibits worker-paid recruitment fees.
        RecruitmentFees = "no-recruitment-fees" => "Prohibits the use of worker-paid recruitment fees",
        /// Prohibits compulsory overtime.
        CompulsoryOvertime = "no-compulsory-overtime" => "Prohibits compulsory overtime",
        /// Prohibits child labour.
        ChildLabour = "no-child-labour" => "Prohibits child labour",
        /// Prohibits discrimination.
        Discrimination = "no-discrimination" => "Prohibits discrimination",
        /// Prohibits confiscation of workers' identity documents.
        DocumentRetention = "no-document-retention" => "Prohibits confiscation of workers' original identification documents",
        /// Provides access to remedy for victims.
        RemedyAccess = "access-to-remedy" => "Provides access to remedy, compensation and justice for victims of modern slavery",
        /// Another provision, described in `other_policies`.
        Other = "other" => "Other",
        /// The policies include none of these provisions.
        None = "none" => "Your organisation's policies do not include any of these provisions in relation to modern slavery",
    }
}

options! {
    /// Who the organisation trained about modern slavery in the period; `none` stands alone.
    TrainingTarget = "training" {
        /// The whole organisation.
        WholeOrganisation = "whole-organisation" => "Your whole organisation",
        /// Front line staff.
        FrontLineStaff = "front-line-staff" => "Your front line staff",
        /// Human resources.
        HumanResources = "human-resources" => "Human resources",
        /// Executive-level staff.
        Executives = "executives" => "Executive-level staff",
        /// Procurement staff.
        Procurement = "procurement" => "Procurement staff",
        /// Suppliers.
        Suppliers = "suppliers" => "Your suppliers",
        /// The wider community.
        WiderCommunity = "wider-community" => "The wider community",
        /// Others, described in `other_training`.
        Other = "other" => "Other",
        /// No training about modern slavery in the period.
        None = "none" => "Your organisation did not provide training on modern slavery during the period of the statement",
    }
}

options! {
    /// Who the organisation engaged with to monitor working conditions; `none` stands alone.
    Engagement = "engagement" {
        /// Its suppliers.
        Suppliers = "suppliers" => "Your suppliers",
        /// Trade unions or worker representative groups.
        TradeUnions = "trade-unions" => "Trade unions or worker representative groups",
        /// Civil society organisations.
        CivilSociety = "civil-society" => "Civil society organisations",
        /// Professional auditors.
        Auditors = "professional-auditors" => "Professional auditors",
        /// Workers within the organisation.
        OwnWorkers = "own-workers" => "Workers within your organisation",
        /// Workers within the supply chain.
        SupplierWorkers = "supplier-workers" => "Workers within your supply chain",
        /// Central or local government.
        Government = "government" => "Central or local government",
        /// Law enforcement, such as police, GLAA and labour market inspectorates.
        LawEnforcement = "law-enforcement" => "Law enforcement, such as police, GLAA and other local labour market inspectorates",
        /// Businesses in the same industry or sector.
        Businesses = "businesses" => "Businesses in your industry or sector",
        /// No engagement with others to monitor working conditions.
        None = "none" => "Your organisation did not engage with others to help monitor working conditions across your operations and supply chain",
    }
}

options! {
    /// A kind of social audit used to look for signs of forced labour; `none` stands alone.
    SocialAudit = "audits" {
        /// An audit by the organisation's own staff.
        OwnStaff = "own-staff" => "Audit conducted by your staff",
        /// A third-party audit the organisation arranged.
        ThirdParty = "third-party" => "Third party audit arranged by your organisation",
        /// An audit by the supplier's staff.
        SupplierStaff = "supplier-staff" => "Audit conducted by your supplier\u{2019}s staff",
        /// A third-party audit the supplier arranged.
        SupplierThirdParty = "supplier-third-party" => "Third party audit arranged by your supplier",
        /// An announced audit.
        Announced = "announced" => "Announced audit",
        /// An unannounced audit.
        Unannounced = "unannounced" => "Unannounced audit",
        /// No social audits in the period.
        None = "none" => "Your organisation did not carry out any social audits during the period of the statement",
    }
}

options! {
    /// A grievance mechanism workers had; `none` stands alone.
    Grievance = "grievance" {
        /// Anonymous whistleblowing services, such as a helpline or app.
        Whistleblowing = "whistleblowing" => "Using anonymous whistleblowing services, such as a helpline or mobile phone app",
        /// Trade unions or other worker representative groups.
        WorkerVoice = "worker-voice" => "Through trade unions or other worker representative groups",
        /// No process for workers to raise concerns.
        None = "none" => "There were no processes in your operations or supply chains for workers to raise concerns or make complaints",
    }
}

options! {
    /// Where a risk was most likely to occur.
    RiskArea = "risk_area" {
        /// In the organisation's own operations.
        OwnOperations = "own-operations" => "Within your own operations",
        /// In its supply chains (say which `tiers`).
        SupplyChains = "supply-chains" => "Within your supply chains",
        /// Elsewhere, described in `other_area`.
        Other = "other" => "Other",
    }
}

options! {
    /// A supply-chain tier a risk was in; `dont-know` stands alone.
    Tier = "tier" {
        /// Tier 1 suppliers: direct suppliers.
        Tier1 = "tier-1" => "Tier 1 suppliers",
        /// Tier 2 suppliers: through tier 1.
        Tier2 = "tier-2" => "Tier 2 suppliers",
        /// Tier 3 suppliers and below.
        Tier3 = "tier-3-and-below" => "Tier 3 suppliers and below",
        /// Not known.
        DontKnow = "dont-know" => "Don't know",
    }
}

options! {
    /// A group a risk was most likely to affect.
    Group = "group" {
        /// Women.
        Women = "women" => "Women",
        /// Migrants.
        Migrants = "migrants" => "Migrants",
        /// Refugees.
        Refugees = "refugees" => "Refugees",
        /// Children.
        Children = "children" => "Children",
        /// Other vulnerable groups, described in `other_groups`.
        Other = "other" => "Other vulnerable groups",
    }
}

options! {
    /// An ILO indicator of forced labour the statement refers to finding; `none` stands alone.
    Indicator = "ilo" {
        /// Abuse of vulnerability.
        Vulnerability = "abuse-of-vulnerability" => "Abuse of vulnerability",
        /// Deception.
        Deception = "deception" => "Deception",
        /// Restriction of movement.
        Movement = "restriction-of-movement" => "Restriction of movement",
        /// Isolation.
        Isolation = "isolation" => "Isolation",
        /// Physical and sexual violence.
        Violence = "violence" => "Physical and sexual violence",
        /// Intimidation and threats.
        Threats = "intimidation-and-threats" => "Intimidation and threats",
        /// Retention of identity documents.
        Documents = "retention-of-documents" => "Retention of identity documents",
        /// Withholding of wages.
        Wages = "withholding-of-wages" => "Withholding of wages",
        /// Debt bondage.
        Debt = "debt-bondage" => "Debt bondage",
        /// Abusive working and living conditions.
        Conditions = "abusive-conditions" => "Abusive working and living conditions",
        /// Excessive overtime.
        Overtime = "excessive-overtime" => "Excessive overtime",
        /// The statement does not refer to finding any.
        None = "none" => "My statement does not refer to finding any ILO indicators of forced labour",
    }
}

options! {
    /// An action taken after finding indicators of forced labour; `none` stands alone.
    Remediation = "remediation" {
        /// Financial remediation, including repaying recruitment fees.
        Repayment = "repayment" => "Financial remediation, including repayment of recruitment fees",
        /// A change in policy.
        PolicyChange = "policy-change" => "Change in policy",
        /// A change in training.
        TrainingChange = "training-change" => "Change in training",
        /// Referring potential victims to government services.
        Referral = "referral" => "Referring potential victims to government services",
        /// Supporting victims through an NGO.
        NgoSupport = "ngo-support" => "Supporting victims via NGO",
        /// Supporting investigations by the authorities.
        Investigations = "investigations" => "Supporting investigations by relevant authorities",
        /// Another action.
        Other = "other" => "Other",
        /// The statement does not refer to any.
        None = "none" => "My statement does not refer to actions taken in response to finding indicators of forced labour",
    }
}

/// Every answer list as (list name, option keys): the translation table has a word for
/// each (`registry.LIST.KEY`).
pub fn option_keys() -> Vec<(&'static str, Vec<&'static str>)> {
    fn keys<T: Copy>(all: &[T], key: fn(T) -> &'static str) -> Vec<&'static str> {
        all.iter().map(|o| key(*o)).collect()
    }
    vec![
        (
            YearsProducing::LIST,
            keys(YearsProducing::ALL, YearsProducing::key),
        ),
        (Policy::LIST, keys(Policy::ALL, Policy::key)),
        (
            TrainingTarget::LIST,
            keys(TrainingTarget::ALL, TrainingTarget::key),
        ),
        (Engagement::LIST, keys(Engagement::ALL, Engagement::key)),
        (SocialAudit::LIST, keys(SocialAudit::ALL, SocialAudit::key)),
        (Grievance::LIST, keys(Grievance::ALL, Grievance::key)),
        (RiskArea::LIST, keys(RiskArea::ALL, RiskArea::key)),
        (Tier::LIST, keys(Tier::ALL, Tier::key)),
        (Group::LIST, keys(Group::ALL, Group::key)),
        (Indicator::LIST, keys(Indicator::ALL, Indicator::key)),
        (Remediation::LIST, keys(Remediation::ALL, Remediation::key)),
    ]
}

/// A statement's registry summary as the statement page shows it: sections in the
/// registry's order, each a summary list of questions and answers, every word already in
/// the site's language.
#[derive(Debug, Serialize, Clone)]
pub struct Summary {
    pub sections: Vec<SummarySection>,
}

/// One section of the summary (`Policies`), with its rows.
#[derive(Debug, Serialize, Clone)]
pub struct SummarySection {
    /// Which section: its heading's id is `registry-KEY` (`registry-policies`).
    pub key: String,
    pub title: String,
    pub rows: Vec<SummaryRow>,
}

/// One question and the statement's answer: none (not answered), or one or more lines.
#[derive(Debug, Serialize, Clone)]
pub struct SummaryRow {
    pub question: String,
    /// Empty when the statement does not answer it.
    pub answers: Vec<String>,
}

/// The six recommended areas in the registry's order, each as candour's s54(5) key: the
/// registry asks for structure, policies, risk assessment, due diligence, training, then
/// goals and KPIs (s54(5)(e), effectiveness).
pub const AREA_ORDER: [&str; 6] = [
    "structure",
    "policies",
    "risk",
    "due-diligence",
    "training",
    "effectiveness",
];

/// The budget bands `site.yaml` may name (`budget:`), as written: each is
/// `registry.budget.KEY`.
pub const BUDGETS: [&str; 5] = ["under-36m", "36m-60m", "60m-100m", "100m-500m", "over-500m"];

/// The translation-table keys the registry summary uses from Rust.
pub fn word_keys() -> Vec<String> {
    let mut keys: Vec<String> = [
        "registry.not_answered",
        "registry.period_span",
        "registry.covered",
        "registry.not_covered",
        "registry.no_risks",
        "registry.risk_title",
        "registry.section.organisations",
        "registry.section.period",
        "registry.section.areas",
        "registry.section.sectors",
        "registry.section.years",
        "registry.section.policies",
        "registry.section.training",
        "registry.section.monitoring",
        "registry.section.risks",
        "registry.section.indicators",
        "registry.section.progress",
        "registry.question.organisations",
        "registry.question.period",
        "registry.question.approving_person",
        "registry.question.approved_on",
        "registry.question.sectors",
        "registry.question.turnover",
        "registry.question.years",
        "registry.question.policies",
        "registry.question.other_policies",
        "registry.question.training",
        "registry.question.other_training",
        "registry.question.engagement",
        "registry.question.social_audits",
        "registry.question.grievance",
        "registry.question.other_monitoring",
        "registry.question.risks",
        "registry.question.risk",
        "registry.question.risk_area",
        "registry.question.tiers",
        "registry.question.groups",
        "registry.question.locations",
        "registry.question.mitigation",
        "registry.question.ilo_indicators",
        "registry.question.ilo_actions",
        "registry.question.progress",
        "registry.public_sector",
    ]
    .iter()
    .map(|k| (*k).to_string())
    .collect();
    keys.extend(AREA_ORDER.iter().map(|a| format!("registry.area.{a}")));
    keys.extend(BUDGETS.iter().map(|b| format!("registry.budget.{b}")));
    for (list, options) in option_keys() {
        keys.extend(options.iter().map(|o| format!("registry.{list}.{o}")));
    }
    keys
}
