//! training.yaml: courses with the people trained each period, and resources.

use crate::model::{Course, Resource, Trained};
use crate::raw;
use crate::routes;

use super::Checker;

/// Checks training.yaml's records (unique ids, periods in order, references to pages, statements,
/// updates and datasets) and returns their models; problems are left in `c`.
pub fn check(
    raw: raw::TrainingFile,
    c: &mut Checker<'_>,
    known: &super::Known,
) -> (Vec<Course>, Vec<Resource>) {
    c.ids("courses", raw.courses.iter().map(|k| k.id.as_str()));
    c.ids("resources", raw.resources.iter().map(|k| k.id.as_str()));
    let mut courses = Vec::new();
    for (i, k) in raw.courses.into_iter().enumerate() {
        let aspect_title = c.aspect(
            &format!("courses[{i}].aspect"),
            k.aspect.as_ref(),
            known.aspects.as_ref(),
        );
        c.marks(
            &format!("courses[{i}].illustrative"),
            &k.illustrative,
            raw::COURSE_MARKS,
        );
        c.periods(
            &format!("courses[{i}].trained"),
            k.trained.iter().map(|t| t.period),
        );
        let mut trained: Vec<Trained> = k
            .trained
            .into_iter()
            .map(|t| Trained {
                period: t.period,
                people: t.people,
                illustrative: t.illustrative,
            })
            .collect();
        trained.sort_by_key(|t| t.period);
        courses.push(Course {
            total: trained.iter().map(|t| t.people).sum(),
            anchor: routes::course_anchor(&k.id),
            id: k.id,
            title: k.title,
            provider: k.provider,
            audience: k.audience,
            aspect: aspect_title.as_ref().and(k.aspect),
            aspect_title,
            description: k.description,
            trained,
            illustrative: k.illustrative.all(),
            illustrative_fields: k.illustrative.fields(),
        });
    }
    let mut resources = Vec::new();
    for (i, r) in raw.resources.into_iter().enumerate() {
        c.url(&format!("resources[{i}].url"), r.url.as_ref());
        resources.push(Resource {
            anchor: routes::resource_anchor(&r.id),
            id: r.id,
            title: r.title,
            kind: r.kind,
            description: r.description,
            year: r.year,
            audience: r.audience,
            url: r.url,
        });
    }
    (courses, resources)
}
