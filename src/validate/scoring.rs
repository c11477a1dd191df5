//! The version 2 rules: scoring settings, weights, owners, ranges, scales and budgets.

use super::checks::Problems;
use super::{Location, NumberField, ProblemKind};
use crate::model::{
    Direction, Indicator, IndicatorAt, Kind, Period, Program, Quarter, RatingScale, Roadmap,
};

/// The document's `scoring`.
pub(super) fn check_scoring(found: &mut Problems, roadmap: &Roadmap) {
    let Some(scoring) = &roadmap.scoring else {
        return;
    };
    if let Some(cap) = scoring.cap {
        if !cap.is_finite() {
            found.push(
                Location::Document,
                ProblemKind::NotFinite {
                    field: NumberField::Cap,
                    value: cap,
                },
            );
        } else if cap < 100.0 {
            found.push(Location::Document, ProblemKind::CapBelowHundred { cap });
        }
    }
    if let RatingScale::Custom(bands) = &scoring.rating
        && let Some(pair) = bands
            .windows(2)
            .find(|pair| pair[1].min.partial_cmp(&pair[0].min) != Some(std::cmp::Ordering::Less))
    {
        found.push(
            Location::Document,
            ProblemKind::BandsNotDescending {
                label: pair[1].label.clone(),
            },
        );
    }
}

/// A `weight` that is written must be a positive finite number.
pub(super) fn check_weight(found: &mut Problems, here: &Location, weight: Option<f64>) {
    if let Some(value) = weight.filter(|w| !(w.is_finite() && *w > 0.0)) {
        found.push(here.clone(), ProblemKind::BadWeight { value });
    }
}

/// A program's `spent`: quarter keys, inside the period, in a year with a budget.
/// `period` is `None` while the period itself is wrong.
pub(super) fn check_spending(
    found: &mut Problems,
    program: &Program,
    here: &Location,
    period: Option<Period>,
) {
    for key in program.spent.keys() {
        let Ok(quarter) = key.parse::<Quarter>() else {
            found.push(
                here.clone(),
                ProblemKind::MalformedQuarter { key: key.clone() },
            );
            continue;
        };
        if let Some(period) = period.filter(|p| !p.contains(quarter)) {
            found.push(
                here.clone(),
                ProblemKind::SpentOutsidePeriod { quarter, period },
            );
        } else if program.budget_of(quarter.year()).is_none() {
            found.push(here.clone(), ProblemKind::SpentWithoutBudget { quarter });
        }
    }
}

/// An indicator's version 2 fields: weight, owner, direction, scale, and each target
/// entry's `upper` and values against the scale.
pub(super) fn check_indicator(
    found: &mut Problems,
    roadmap: &Roadmap,
    indicator: &Indicator,
    place: IndicatorAt,
) {
    let here = Location::Indicator(place);
    check_weight(found, &here, indicator.weight);
    if let Some(owner) = &indicator.owner
        && roadmap.unit(owner).is_none()
    {
        found.push(
            here.clone(),
            ProblemKind::UnknownOwner {
                unit: owner.clone(),
            },
        );
    }
    let milestone = indicator.kind == Kind::Milestone;
    if milestone && indicator.direction == Direction::WithinRange {
        found.push(here.clone(), ProblemKind::WithinRangeOnMilestone);
    }
    let scale = indicator.scale.filter(|scale| {
        let valid = scale.min.is_finite() && scale.max.is_finite() && scale.min < scale.max;
        if !valid {
            found.push(
                here.clone(),
                ProblemKind::BadScale {
                    min: scale.min,
                    max: scale.max,
                },
            );
        }
        valid
    });
    let outside = |value: f64| {
        scale
            .filter(|scale| value.is_finite() && !scale.contains(value))
            .map(|scale| ProblemKind::OutsideScale {
                value,
                min: scale.min,
                max: scale.max,
            })
    };
    if let Some(problem) = indicator.baseline.and_then(outside) {
        found.push(here.clone(), problem);
    }
    for (key, entry) in &indicator.targets {
        if let Some(upper) = entry.upper {
            if milestone {
                found.push(Location::target(place, key), ProblemKind::UpperOnMilestone);
            }
            if !upper.is_finite() {
                let field = NumberField::Upper;
                found.push(
                    Location::target(place, key),
                    ProblemKind::NotFinite {
                        field,
                        value: upper,
                    },
                );
            } else if entry.target.is_finite() && upper < entry.target {
                let target = entry.target;
                found.push(
                    Location::target(place, key),
                    ProblemKind::UpperBelowTarget { upper, target },
                );
            }
        }
        let values = [Some(entry.target), entry.upper, entry.actual];
        if let Some(problem) = values.into_iter().flatten().find_map(outside) {
            found.push(Location::target(place, key), problem);
        }
    }
}
