//! A progress update as templates see it, with the figures recorded for its period beside
//! those of the period before.

use std::sync::Arc;

use serde::Serialize;

use super::date::Date;
use super::period::Period;
use super::statement::Heading;
use super::{Activity, KpiKind, KpiValue, Orders, Status};

#[derive(Debug, Serialize)]
pub struct Update {
    pub title: String,
    pub period: Period,
    pub period_span: String,
    pub slug: String,
    pub url: String,
    /// When it was published, at the precision its source gives; `None` when not given.
    pub published: Option<Date>,
    /// True when the publication date is not from a published source.
    pub published_illustrative: bool,
    /// The day the Atom feed gives it: the first day its publication date can be or,
    /// without one, the last day of its period.
    pub feed_date: Date,
    /// The feed's `<published>`: the publication date only when the source gives it to the
    /// day (a month or a year is no instant, and an illustrative date is no fact).
    pub feed_published: Option<Date>,
    pub statement_title: String,
    pub statement_url: String,
    pub summary: Option<String>,
    /// A draft, shown only by `serve` and `build --drafts`, with a banner.
    pub draft: bool,
    pub body_html: Arc<str>,
    pub toc: Arc<[Heading]>,
    pub figures: UpdateFigures,
    /// When it last changed, and how (`History::default()` without git).
    pub history: super::History,
    /// The Markdown file it comes from (`content/statements/2019-20.md`).
    #[serde(skip)]
    pub source: String,
}

/// What an update page shows beside its narrative: this period against the one before.
#[derive(Debug, Serialize)]
pub struct UpdateFigures {
    pub previous_period: Period,
    pub kpis: Vec<KpiComparison>,
    pub orders: Option<OrdersComparison>,
    pub training: Vec<TrainingComparison>,
    pub activities: Vec<Activity>,
    pub previous_activity_count: usize,
    pub progress: Vec<ProgressItem>,
}

#[derive(Debug, Serialize)]
pub struct KpiComparison {
    pub id: String,
    pub title: String,
    pub url: String,
    pub kind: KpiKind,
    pub unit: Option<String>,
    pub current: Option<KpiValue>,
    pub previous: Option<KpiValue>,
}

#[derive(Debug, Serialize)]
pub struct OrdersComparison {
    pub current: Option<Orders>,
    pub previous: Option<Orders>,
}

#[derive(Debug, Serialize)]
pub struct TrainingComparison {
    pub course: String,
    pub current: Option<u64>,
    pub previous: Option<u64>,
    pub illustrative: bool,
}

#[derive(Debug, Serialize)]
pub struct ProgressItem {
    pub action_id: String,
    pub action_title: String,
    pub status: Option<Status>,
    pub note: String,
    pub illustrative: bool,
}
