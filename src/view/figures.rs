//! An update's figures: each dataset's values for its period beside the period before.

use crate::model::Data;
use crate::model::period::Period;
use crate::model::{
    KpiComparison, OrdersComparison, ProgressItem, TrainingComparison, UpdateFigures,
};

/// An update's figures: each dataset's values for the period beside the period before.
pub fn of(period: Period, data: &Data) -> UpdateFigures {
    let previous = period.previous();
    let kpis = data
        .kpis
        .iter()
        .filter_map(|k| {
            let current = k.values.iter().find(|v| v.period == period).cloned();
            let prev = k.values.iter().find(|v| v.period == previous).cloned();
            (current.is_some() || prev.is_some()).then(|| KpiComparison {
                id: k.id.clone(),
                title: k.title.clone(),
                url: k.url.clone(),
                kind: k.kind,
                unit: k.unit.clone(),
                current,
                previous: prev,
            })
        })
        .collect();
    let current_orders = data.orders.iter().find(|o| o.period == period).cloned();
    let previous_orders = data.orders.iter().find(|o| o.period == previous).cloned();
    let orders =
        (current_orders.is_some() || previous_orders.is_some()).then_some(OrdersComparison {
            current: current_orders,
            previous: previous_orders,
        });
    let training = data
        .courses
        .iter()
        .filter_map(|c| {
            let at = |p: Period| c.trained.iter().find(|t| t.period == p);
            let (cur, prev) = (at(period), at(previous));
            (cur.is_some() || prev.is_some()).then(|| TrainingComparison {
                course: c.title.clone(),
                current: cur.map(|t| t.people),
                previous: prev.map(|t| t.people),
                illustrative: cur.is_some_and(|t| t.illustrative)
                    || prev.is_some_and(|t| t.illustrative),
            })
        })
        .collect();
    let progress = data
        .actions
        .iter()
        .flat_map(|a| {
            a.progress
                .iter()
                .filter(|p| p.period == period)
                .map(|p| ProgressItem {
                    action_id: a.id.clone(),
                    action_title: a.title.clone(),
                    status: p.status,
                    note: p.note.clone(),
                    illustrative: p.illustrative,
                })
        })
        .collect();
    UpdateFigures {
        previous_period: previous,
        kpis,
        orders,
        training,
        activities: data
            .activities
            .iter()
            .filter(|a| a.period == period)
            .cloned()
            .collect(),
        previous_activity_count: data
            .activities
            .iter()
            .filter(|a| a.period == previous)
            .count(),
        progress,
    }
}
