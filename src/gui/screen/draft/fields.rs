//! The editable fields of each kind of item, and how typed text becomes an edit.

use super::Selection;
use crate::edit::Edit;
use crate::gui::typed::exact;
use crate::locale::{parse_number, parse_range, parse_rupiah};
use crate::model::{Band, IndicatorAt, MissingScore, RatingScale, Scale, Scoring};
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
    /// Version 2: an area's or an indicator's weight in the score (empty: 1).
    Weight,
    /// Version 2: an indicator's measuring scale, typed as a range (`0–5`).
    Scale,
    /// Version 2: the document's score cap (empty: none).
    Cap,
    /// Version 2: a program's budget (*pagu*) of a year.
    AnnualBudget(i32),
    /// Version 2: what a program spent in a quarter.
    Spent(Quarter),
    /// Version 2: the lowest score of a custom rating band, and its label.
    BandMin(usize),
    BandLabel(usize),
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
                | Field::Weight
                | Field::Scale
                | Field::Cap
                | Field::AnnualBudget(_)
                | Field::Spent(_)
                | Field::BandMin(_)
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
    /// Version 2: the unit that reports the indicator (`None`: the program's).
    Owner(Option<String>),
    /// Version 2: the program is a quick win.
    QuickWin(bool),
    /// Version 2: what a `missing` indicator scores.
    Missing(MissingScore),
    /// Version 2: the rating scale (a custom one starts from Permendagri 86's bands).
    Rating(RatingChoice),
    AddBand,
    RemoveBand(usize),
}

/// The rating scales offered, without a custom scale's bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatingChoice {
    None,
    Sakip,
    Permendagri86,
    Custom,
}

impl RatingChoice {
    pub const ALL: [RatingChoice; 4] = [
        RatingChoice::None,
        RatingChoice::Sakip,
        RatingChoice::Permendagri86,
        RatingChoice::Custom,
    ];

    pub fn of(scale: &RatingScale) -> Self {
        match scale {
            RatingScale::None => RatingChoice::None,
            RatingScale::Sakip => RatingChoice::Sakip,
            RatingScale::Permendagri86 => RatingChoice::Permendagri86,
            RatingScale::Custom(_) => RatingChoice::Custom,
        }
    }
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

/// A weight: empty is the default (1); else a positive finite number.
fn weight(text: &str) -> Result<Option<f64>, ()> {
    match number(text)? {
        Some(value) if !(value.is_finite() && value > 0.0) => Err(()),
        value => Ok(value),
    }
}

/// A scale typed as a range, `0–5`; empty is none. One number is not a scale.
fn scale(text: &str) -> Result<Option<Scale>, ()> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match parse_range(text) {
        Ok((min, Some(max))) => Ok(Some(Scale { min, max })),
        _ => Err(()),
    }
}

/// Whole rupiah; empty is none.
fn rupiah(text: &str) -> Result<Option<u64>, ()> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_rupiah(text).map(Some).map_err(|_| ())
    }
}

/// Puts `value` at `key` of `map`, or takes the key out when there is no value.
fn set<K: Ord, V>(map: &mut std::collections::BTreeMap<K, V>, key: K, value: Option<V>) {
    match value {
        Some(value) => {
            map.insert(key, value);
        }
        None => {
            map.remove(&key);
        }
    }
}

/// The document's scoring settings after `change`; none when they are the defaults,
/// so that a document using nothing of version 2 is still written as version 1.
fn with_scoring(header: &mut Roadmap, change: impl FnOnce(&mut Scoring)) {
    let mut scoring = header.scoring.clone().unwrap_or(Scoring::DEFAULT);
    change(&mut scoring);
    header.scoring = (scoring != Scoring::DEFAULT).then_some(scoring);
}

/// The bands of a custom rating scale, when the document has one.
fn bands(header: &Roadmap) -> Option<&Vec<Band>> {
    match &header.scoring.as_ref()?.rating {
        RatingScale::Custom(bands) => Some(bands),
        _ => None,
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
                // A cap below 100 would mark down what met its target.
                Field::Cap => match number(text) {
                    Ok(cap) if cap.is_none_or(|cap| cap.is_finite() && cap >= 100.0) => {
                        with_scoring(&mut header, |scoring| scoring.cap = cap)
                    }
                    _ => return Invalid,
                },
                Field::BandMin(b) | Field::BandLabel(b) => {
                    if bands(&header).is_none_or(|bands| b >= bands.len()) {
                        return Nothing;
                    }
                    let min = match field {
                        Field::BandMin(_) => match number(text) {
                            Ok(Some(min)) if min.is_finite() => Some(min),
                            _ => return Invalid,
                        },
                        _ => None,
                    };
                    with_scoring(&mut header, |scoring| {
                        if let RatingScale::Custom(bands) = &mut scoring.rating {
                            match min {
                                Some(min) => bands[b].min = min,
                                None => bands[b].label = text.to_owned(),
                            }
                        }
                    });
                }
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
                Field::Weight => match weight(text) {
                    Ok(value) => area.weight = value,
                    Err(()) => return Invalid,
                },
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
                Field::AnnualBudget(year) => match rupiah(text) {
                    Ok(value) => set(&mut program.annual_budget, year, value),
                    Err(()) => return Invalid,
                },
                Field::Spent(quarter) => match rupiah(text) {
                    Ok(value) => set(&mut program.spent, quarter.to_string(), value),
                    Err(()) => return Invalid,
                },
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
                Field::Weight => match weight(text) {
                    Ok(value) => indicator.weight = value,
                    Err(()) => return Invalid,
                },
                Field::Scale => match scale(text) {
                    Ok(value) => indicator.scale = value,
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
        Selection::Document => {
            let mut header = Box::new(roadmap.clone_header());
            match pick {
                Pick::Missing(missing) => {
                    with_scoring(&mut header, |scoring| scoring.missing = missing)
                }
                Pick::Rating(choice) => {
                    if RatingChoice::of(&roadmap.scoring().rating) == choice {
                        return None;
                    }
                    let rating = match choice {
                        RatingChoice::None => RatingScale::None,
                        RatingChoice::Sakip => RatingScale::Sakip,
                        RatingChoice::Permendagri86 => RatingScale::Permendagri86,
                        RatingChoice::Custom => RatingScale::Custom(permendagri_86_bands()),
                    };
                    with_scoring(&mut header, |scoring| scoring.rating = rating);
                }
                Pick::AddBand | Pick::RemoveBand(_) => {
                    bands(&header)?;
                    with_scoring(&mut header, |scoring| {
                        if let RatingScale::Custom(bands) = &mut scoring.rating {
                            match pick {
                                Pick::RemoveBand(b) if b < bands.len() => {
                                    bands.remove(b);
                                }
                                Pick::AddBand => {
                                    // Below the lowest band, so the order stays descending.
                                    let min =
                                        bands.last().map_or(0.0, |band| (band.min - 10.0).max(0.0));
                                    bands.push(Band {
                                        min,
                                        label: String::new(),
                                    });
                                }
                                _ => {}
                            }
                        }
                    });
                }
                _ => return None,
            }
            Some(Edit::Header(header))
        }
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
            let mut program = roadmap.areas.get(a)?.programs.get(p)?.clone_shallow();
            match pick {
                Pick::ProgramUnit(unit) => program.unit = unit,
                Pick::QuickWin(quick_win) => program.quick_win = quick_win,
                _ => return None,
            }
            Some(Edit::Program(a, p, program))
        }
        Selection::Indicator(at) => {
            let mut indicator = roadmap.indicator(at)?.clone();
            match pick {
                Pick::Kind(kind) => {
                    indicator.kind = kind;
                    // A milestone is done or not: no range for it to be within.
                    if kind == Kind::Milestone && indicator.direction == Direction::WithinRange {
                        indicator.direction = Direction::HigherIsBetter;
                    }
                }
                Pick::Direction(direction) => indicator.direction = direction,
                Pick::Due(due) => indicator.due = due,
                Pick::Done(done) => indicator.done = done,
                Pick::OwnRules(own) => {
                    indicator.rules = own.then(|| indicator.rules.unwrap_or(roadmap.rules));
                }
                Pick::Owner(owner) => indicator.owner = owner,
                _ => return None,
            }
            Some(Edit::Indicator(at, Box::new(indicator)))
        }
        Selection::Units => None,
    }
}

/// Permendagri 86/2017's bands as custom ones (the same closed bands), a start that
/// reads like the official scale for a region to adjust.
fn permendagri_86_bands() -> Vec<Band> {
    [
        (91.0, "Sangat Tinggi"),
        (76.0, "Tinggi"),
        (66.0, "Sedang"),
        (51.0, "Rendah"),
        (0.0, "Sangat Rendah"),
    ]
    .into_iter()
    .map(|(min, label)| Band {
        min,
        label: label.to_owned(),
    })
    .collect()
}

/// A number field of the item at `selection` as the document holds it, as exact text
/// (see [`crate::gui::typed::exact`]); `None` when the field is not a number field of
/// that item.
pub fn stored_text(selection: Selection, field: Field, roadmap: &Roadmap) -> Option<String> {
    match selection {
        Selection::Document => header_text(roadmap, field),
        Selection::Program(a, p) => program_text(roadmap.areas.get(a)?.programs.get(p)?, field),
        Selection::Indicator(at) => indicator_text(roadmap.indicator(at)?, field, roadmap.rules),
        Selection::Area(a) => area_text(roadmap.areas.get(a)?, field),
        Selection::Units => None,
    }
}

/// The number field as `edit` would leave it, as exact text.
pub fn edited_text(edit: &Edit, field: Field, roadmap: &Roadmap) -> Option<String> {
    match edit {
        Edit::Header(header) => header_text(header, field),
        Edit::Area(_, area) => area_text(area, field),
        Edit::Program(_, _, program) => program_text(program, field),
        Edit::Indicator(_, indicator) => indicator_text(indicator, field, roadmap.rules),
        _ => None,
    }
}

fn header_text(header: &Roadmap, field: Field) -> Option<String> {
    Some(match field {
        Field::PeriodStart => exact(Some(header.period.start)),
        Field::PeriodEnd => exact(Some(header.period.end)),
        Field::AtRiskBelow => exact(Some(header.rules.at_risk_below)),
        Field::BehindBelow => exact(Some(header.rules.behind_below)),
        Field::Cap => exact(header.scoring().cap),
        Field::BandMin(b) => exact(Some(bands(header)?.get(b)?.min)),
        _ => return None,
    })
}

fn area_text(area: &crate::model::Area, field: Field) -> Option<String> {
    (field == Field::Weight).then(|| exact(area.weight))
}

fn program_text(program: &crate::model::Program, field: Field) -> Option<String> {
    Some(match field {
        Field::Budget => exact(program.budget),
        Field::AnnualBudget(year) => exact(program.budget_of(year)),
        Field::Spent(quarter) => exact(program.spent.get(quarter.key().as_str())),
        _ => return None,
    })
}

fn indicator_text(
    indicator: &crate::model::Indicator,
    field: Field,
    document_rules: Rules,
) -> Option<String> {
    let rules = indicator.rules.unwrap_or(document_rules);
    Some(match field {
        Field::Baseline => exact(indicator.baseline),
        Field::Weight => exact(indicator.weight),
        Field::Scale => match indicator.scale {
            Some(scale) => format!("{}–{}", exact(Some(scale.min)), exact(Some(scale.max))),
            None => String::new(),
        },
        Field::AtRiskBelow => exact(Some(rules.at_risk_below)),
        Field::BehindBelow => exact(Some(rules.behind_below)),
        _ => return None,
    })
}

/// The rules shown for an indicator: its own or the document's.
pub fn rules_shown(roadmap: &Roadmap, at: IndicatorAt) -> Rules {
    roadmap
        .indicator(at)
        .and_then(|indicator| indicator.rules)
        .unwrap_or(roadmap.rules)
}
