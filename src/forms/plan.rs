//! Which indicators each unit reports at a quarter, and what its form shows of them.

use super::value::{Field, Value};
use crate::model::{Indicator, Kind, Program, Quarter, Roadmap, Unit};
use crate::review::evaluate;

/// The unit that reports `indicator`: its `owner`, else its program's unit. Every part
/// of the forms asks this one function.
pub fn reporting_unit<'a>(program: &'a Program, indicator: &'a Indicator) -> Option<&'a str> {
    indicator.owner_in(program)
}

/// One row of a unit's form: an indicator and what the form shows of it.
#[derive(Debug, Clone, PartialEq)]
pub struct FormRow {
    pub id: String,
    pub area: String,
    pub program: String,
    pub indicator: String,
    pub kind: Kind,
    /// Unit of measure (*satuan*).
    pub measure: String,
    /// The target at the quarter (numeric indicators).
    pub target: Option<f64>,
    /// The year-to-date target the review compares, where the kind adds up quarters.
    pub target_to_date: Option<f64>,
    /// Milestones: the quarter it is due.
    pub due: Option<Quarter>,
    /// The actual of the quarter before, for context.
    pub previous_actual: Option<f64>,
    /// The fill-in cells and what the document held when the form was made: the form
    /// shows these values and remembers them (see [`super::collect`]).
    pub made_from: Vec<(Field, Option<Value>)>,
}

/// One unit's form at a quarter.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitForm {
    pub unit: Unit,
    pub quarter: Quarter,
    pub rows: Vec<FormRow>,
}

/// Whether `indicator` has something to report at `quarter`: a numeric indicator with
/// a target at that quarter; a milestone not done before it and due by the end of its
/// year (a late one stays on the form until it is done).
pub fn reports_at(indicator: &Indicator, quarter: Quarter) -> bool {
    match indicator.kind {
        Kind::Milestone => {
            indicator
                .due
                .is_some_and(|due| due <= Quarter::last_of(quarter.year()))
                && indicator.done.is_none_or(|done| done >= quarter)
        }
        _ => indicator.target_at(quarter).is_some(),
    }
}

/// The forms at `quarter`: one per unit of the document that reports something then,
/// in the order of `units`. With `only`, just those unit ids.
pub fn plan(roadmap: &Roadmap, quarter: Quarter, only: Option<&[String]>) -> Vec<UnitForm> {
    let mut forms: Vec<UnitForm> = roadmap
        .units
        .iter()
        .filter(|unit| only.is_none_or(|ids| ids.contains(&unit.id)))
        .map(|unit| UnitForm {
            unit: unit.clone(),
            quarter,
            rows: Vec::new(),
        })
        .collect();
    for (area, program, indicator) in roadmap.indicators() {
        if !reports_at(indicator, quarter) {
            continue;
        }
        let Some(owner) = reporting_unit(program, indicator) else {
            continue;
        };
        let Some(form) = forms.iter_mut().find(|f| f.unit.id == owner) else {
            continue;
        };
        form.rows.push(row(
            roadmap,
            area.name.as_str(),
            program,
            indicator,
            quarter,
        ));
    }
    forms.retain(|form| !form.rows.is_empty());
    forms
}

fn row(
    roadmap: &Roadmap,
    area: &str,
    program: &Program,
    indicator: &Indicator,
    quarter: Quarter,
) -> FormRow {
    let adds_up = !matches!(indicator.kind, Kind::Level | Kind::Milestone);
    FormRow {
        id: indicator.id.clone(),
        area: area.to_owned(),
        program: program.name.clone(),
        indicator: indicator.name.clone(),
        kind: indicator.kind,
        measure: indicator.unit.clone(),
        target: indicator.target_at(quarter).map(|t| t.target),
        target_to_date: adds_up
            .then(|| evaluate(indicator, roadmap.rules, quarter).target)
            .flatten(),
        due: indicator.due,
        previous_actual: indicator
            .target_at(quarter.previous())
            .and_then(|t| t.actual),
        made_from: Field::for_kind(indicator.kind)
            .iter()
            .map(|&field| (field, field.current(indicator, quarter)))
            .collect(),
    }
}

/// The units that report something at `quarter`, as (id, name), in document order.
pub fn reporting_units(roadmap: &Roadmap, quarter: Quarter) -> Vec<(String, String)> {
    plan(roadmap, quarter, None)
        .into_iter()
        .map(|form| (form.unit.id, form.unit.name))
        .collect()
}

/// The units (id, name) that report something at `quarter` and have reported nothing
/// yet: no actual on any of their indicators then, no milestone of theirs done then.
pub fn not_reported(roadmap: &Roadmap, quarter: Quarter) -> Vec<(String, String)> {
    plan(roadmap, quarter, None)
        .into_iter()
        .filter(|form| {
            form.rows.iter().all(|row| {
                row.made_from.iter().all(|(field, value)| {
                    !matches!(field, Field::Actual | Field::Done) || value.is_none()
                })
            })
        })
        .map(|form| (form.unit.id, form.unit.name))
        .collect()
}
