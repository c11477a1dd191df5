//! The editable fields of each kind of item, and how typed text becomes an edit.

use super::Selection;
use crate::edit::Edit;
use crate::locale::{parse_number, parse_rupiah};
use crate::model::IndicatorAt;
use crate::model::{Direction, Element, Kind, Quarter, Roadmap, Rules};

/// A text field of the selected item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Institution,
    Vision,
    PeriodStart,
    PeriodEnd,
    AtRiskBelow,
    BehindBelow,
    UnitId(usize),
    UnitName(usize),
    Id,
    Name,
    Goal,
    Note,
    Budget,
    MeasureUnit,
    Baseline,
}

impl Field {
    /// Number fields keep what was typed (the value may be invalid for a while).
    pub fn is_number(self) -> bool {
        matches!(
            self,
            Field::PeriodStart
                | Field::PeriodEnd
                | Field::AtRiskBelow
                | Field::BehindBelow
                | Field::Budget
                | Field::Baseline
        )
    }
}

/// A choice from a list, a checkbox or a toggle.
#[derive(Debug, Clone, PartialEq)]
pub enum Pick {
    Element(Element),
    Kind(Kind),
    Direction(Direction),
    /// The program's responsible unit by id.
    ProgramUnit(Option<String>),
    Due(Option<Quarter>),
    Done(Option<Quarter>),
    /// The indicator has rules of its own (starting from the document's).
    OwnRules(bool),
}

/// Which cell of the target grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cell {
    Target,
    Actual,
}

pub enum Outcome {
    /// Boxed: an edit carries a whole header or program, far larger than the others.
    Edit(Box<Edit>),
    /// Not a valid value: keep the text, change nothing.
    Invalid,
    /// The field does not belong to the selection.
    Nothing,
}

fn optional(text: &str) -> Option<String> {
    (!text.trim().is_empty()).then(|| text.to_owned())
}

fn number(text: &str) -> Result<Option<f64>, ()> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_number(text).map(Some).map_err(|_| ())
    }
}

/// The edit that typing `text` into `field` makes, for the item at `selection`.
pub fn edit(selection: Selection, field: Field, text: &str, roadmap: &Roadmap) -> Outcome {
    use Outcome::*;
    match (selection, field) {
        (_, Field::UnitId(u) | Field::UnitName(u)) => {
            let Some(mut unit) = roadmap.units.get(u).cloned() else {
                return Nothing;
            };
            if matches!(field, Field::UnitId(_)) {
                unit.id = text.trim().to_owned();
            } else {
                unit.name = text.to_owned();
            }
            Edit(Box::new(crate::edit::Edit::Unit(u, unit)))
        }
        (Selection::Document, _) => {
            let mut header = Box::new(roadmap.clone_header());
            match field {
                Field::Title => header.title = text.to_owned(),
                Field::Institution => header.institution = text.to_owned(),
                Field::Vision => header.vision = optional(text),
                Field::PeriodStart | Field::PeriodEnd => {
                    let Ok(year) = text.trim().parse::<i32>() else {
                        return Invalid;
                    };
                    if !(1900..=2200).contains(&year) {
                        return Invalid;
                    }
                    if field == Field::PeriodStart {
                        header.period.start = year;
                    } else {
                        header.period.end = year;
                    }
                }
                Field::AtRiskBelow | Field::BehindBelow => match number(text) {
                    Ok(Some(value)) => {
                        if field == Field::AtRiskBelow {
                            header.rules.at_risk_below = value;
                        } else {
                            header.rules.behind_below = value;
                        }
                    }
                    _ => return Invalid,
                },
                _ => return Nothing,
            }
            Edit(Box::new(crate::edit::Edit::Header(header)))
        }
        (Selection::Area(a), _) => {
            let Some(area) = roadmap.areas.get(a) else {
                return Nothing;
            };
            let mut area = area.clone_shallow();
            match field {
                Field::Id => area.id = text.trim().to_owned(),
                Field::Name => area.name = text.to_owned(),
                Field::Goal => area.goal = optional(text),
                Field::Note => area.note = optional(text),
                _ => return Nothing,
            }
            Edit(Box::new(crate::edit::Edit::Area(a, area)))
        }
        (Selection::Program(a, p), _) => {
            let Some(program) = roadmap.areas.get(a).and_then(|area| area.programs.get(p)) else {
                return Nothing;
            };
            let mut program = program.clone_shallow();
            match field {
                Field::Id => program.id = text.trim().to_owned(),
                Field::Name => program.name = text.to_owned(),
                Field::Note => program.note = optional(text),
                Field::Budget => {
                    program.budget = if text.trim().is_empty() {
                        None
                    } else {
                        match parse_rupiah(text) {
                            Ok(value) => Some(value),
                            Err(_) => return Invalid,
                        }
                    }
                }
                _ => return Nothing,
            }
            Edit(Box::new(crate::edit::Edit::Program(a, p, program)))
        }
        (Selection::Indicator(at), _) => {
            let Some(indicator) = roadmap.indicator(at) else {
                return Nothing;
            };
            let mut indicator = indicator.clone();
            let document_rules = roadmap.rules;
            match field {
                Field::Id => indicator.id = text.trim().to_owned(),
                Field::Name => indicator.name = text.to_owned(),
                Field::Note => indicator.note = optional(text),
                Field::MeasureUnit => indicator.unit = text.trim().to_owned(),
                Field::Baseline => match number(text) {
                    Ok(value) => indicator.baseline = value,
                    Err(()) => return Invalid,
                },
                Field::AtRiskBelow | Field::BehindBelow => {
                    let Ok(Some(value)) = number(text) else {
                        return Invalid;
                    };
                    let rules = indicator.rules.get_or_insert(document_rules);
                    if field == Field::AtRiskBelow {
                        rules.at_risk_below = value;
                    } else {
                        rules.behind_below = value;
                    }
                }
                _ => return Nothing,
            }
            Edit(Box::new(crate::edit::Edit::Indicator(
                at,
                Box::new(indicator),
            )))
        }
        (Selection::Units, _) => Nothing,
    }
}

/// The edit a choice makes, for the item at `selection`.
pub fn pick(selection: Selection, pick: Pick, roadmap: &Roadmap) -> Option<Edit> {
    match selection {
        Selection::Area(a) => {
            let Pick::Element(element) = pick else {
                return None;
            };
            let area = crate::model::Area {
                element,
                ..roadmap.areas.get(a)?.clone_shallow()
            };
            Some(Edit::Area(a, area))
        }
        Selection::Program(a, p) => {
            let Pick::ProgramUnit(unit) = pick else {
                return None;
            };
            let program = crate::model::Program {
                unit,
                ..roadmap.areas.get(a)?.programs.get(p)?.clone_shallow()
            };
            Some(Edit::Program(a, p, program))
        }
        Selection::Indicator(at) => {
            let mut indicator = roadmap.indicator(at)?.clone();
            match pick {
                Pick::Kind(kind) => indicator.kind = kind,
                Pick::Direction(direction) => indicator.direction = direction,
                Pick::Due(due) => indicator.due = due,
                Pick::Done(done) => indicator.done = done,
                Pick::OwnRules(own) => {
                    indicator.rules = own.then(|| indicator.rules.unwrap_or(roadmap.rules));
                }
                Pick::Element(_) | Pick::ProgramUnit(_) => return None,
            }
            Some(Edit::Indicator(at, Box::new(indicator)))
        }
        Selection::Document | Selection::Units => None,
    }
}

/// The rules shown for an indicator: its own or the document's.
pub fn rules_shown(roadmap: &Roadmap, at: IndicatorAt) -> Rules {
    roadmap
        .indicator(at)
        .and_then(|indicator| indicator.rules)
        .unwrap_or(roadmap.rules)
}
