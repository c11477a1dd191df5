//! The version 1 rules, walking the document in order.

use std::collections::HashMap;

use super::{Item, Location, MilestoneField, NumberField, Problem, ProblemKind, scoring};
use crate::model::{Indicator, IndicatorAt, Kind, Period, Quarter, Roadmap, Rules};

/// Every problem in `roadmap`, in document order.
pub fn validate(roadmap: &Roadmap) -> Vec<Problem> {
    let mut found = Problems::default();
    let period = roadmap.period;
    // With a reversed period every quarter is "outside"; only the period is reported.
    let period_ok = period.start <= period.end;
    if !period_ok {
        found.push(
            Location::Document,
            ProblemKind::PeriodReversed {
                start: period.start,
                end: period.end,
            },
        );
    }
    check_rules(&mut found, Location::Document, roadmap.rules);
    scoring::check_scoring(&mut found, roadmap);

    let mut ids = Ids::default();
    for (u, unit) in roadmap.units.iter().enumerate() {
        let here = Location::Unit { unit: u };
        check_identity(
            &mut found,
            &mut ids,
            Item::Unit,
            &unit.id,
            &unit.name,
            &here,
        );
    }
    for (a, area) in roadmap.areas.iter().enumerate() {
        let here = Location::Area { area: a };
        check_identity(
            &mut found,
            &mut ids,
            Item::Area,
            &area.id,
            &area.name,
            &here,
        );
        scoring::check_weight(&mut found, &here, area.weight);
        for (p, program) in area.programs.iter().enumerate() {
            let here = Location::Program {
                area: a,
                program: p,
            };
            check_identity(
                &mut found,
                &mut ids,
                Item::Program,
                &program.id,
                &program.name,
                &here,
            );
            if let Some(unit) = &program.unit
                && roadmap.unit(unit).is_none()
            {
                found.push(
                    here.clone(),
                    ProblemKind::UnknownUnit { unit: unit.clone() },
                );
            }
            scoring::check_spending(&mut found, program, &here, period_ok.then_some(period));
            for (i, indicator) in program.indicators.iter().enumerate() {
                let place = IndicatorAt::new(a, p, i);
                check_identity(
                    &mut found,
                    &mut ids,
                    Item::Indicator,
                    &indicator.id,
                    &indicator.name,
                    &Location::Indicator(place),
                );
                check_indicator(&mut found, indicator, place, period_ok.then_some(period));
                scoring::check_indicator(&mut found, roadmap, indicator, place);
            }
        }
    }
    if period_ok {
        for (r, review) in roadmap.reviews.iter().enumerate() {
            if !period.contains(review.quarter) {
                found.push(
                    Location::Review { review: r },
                    ProblemKind::ReviewOutsidePeriod {
                        quarter: review.quarter,
                        period,
                    },
                );
            }
        }
    }
    found.0
}

#[derive(Default)]
pub(super) struct Problems(Vec<Problem>);

impl Problems {
    pub(super) fn push(&mut self, location: Location, kind: ProblemKind) {
        self.0.push(Problem::new(location, kind));
    }
}

/// First location of every id, per kind of item.
#[derive(Default)]
struct Ids<'a>(HashMap<(Item, &'a str), Location>);

fn check_identity<'a>(
    found: &mut Problems,
    ids: &mut Ids<'a>,
    item: Item,
    id: &'a str,
    name: &str,
    here: &Location,
) {
    if id.trim().is_empty() {
        found.push(here.clone(), ProblemKind::EmptyId { item });
    } else if let Some(first) = ids.0.get(&(item, id)) {
        found.push(
            here.clone(),
            ProblemKind::DuplicateId {
                item,
                id: id.to_owned(),
                first: first.clone(),
            },
        );
    } else {
        ids.0.insert((item, id), here.clone());
    }
    if name.trim().is_empty() {
        found.push(here.clone(), ProblemKind::EmptyName { item });
    }
}

fn check_rules(found: &mut Problems, here: Location, rules: Rules) {
    let mut finite = true;
    for (field, value) in [
        (NumberField::AtRiskBelow, rules.at_risk_below),
        (NumberField::BehindBelow, rules.behind_below),
    ] {
        if !value.is_finite() {
            finite = false;
            found.push(here.clone(), ProblemKind::NotFinite { field, value });
        }
    }
    if finite && rules.behind_below > rules.at_risk_below {
        found.push(here, ProblemKind::RulesReversed { rules });
    }
}

/// `period` is `None` while the period itself is wrong.
fn check_indicator(
    found: &mut Problems,
    indicator: &Indicator,
    place: IndicatorAt,
    period: Option<Period>,
) {
    let here = Location::Indicator(place);
    if let Some(value) = indicator.baseline.filter(|v| !v.is_finite()) {
        found.push(
            here.clone(),
            ProblemKind::NotFinite {
                field: NumberField::Baseline,
                value,
            },
        );
    }
    if let Some(rules) = indicator.rules {
        check_rules(found, here.clone(), rules);
    }
    let milestone_fields = [
        (MilestoneField::Due, indicator.due),
        (MilestoneField::Done, indicator.done),
    ];
    if indicator.kind == Kind::Milestone {
        if !indicator.targets.is_empty() {
            found.push(
                here.clone(),
                ProblemKind::MilestoneWithTargets {
                    count: indicator.targets.len(),
                },
            );
        }
        if let Some(period) = period {
            for (field, quarter) in milestone_fields {
                if let Some(quarter) = quarter.filter(|q| !period.contains(*q)) {
                    found.push(
                        here.clone(),
                        ProblemKind::MilestoneOutsidePeriod {
                            field,
                            quarter,
                            period,
                        },
                    );
                }
            }
        }
    } else {
        for (field, quarter) in milestone_fields {
            if quarter.is_some() {
                found.push(
                    here.clone(),
                    ProblemKind::NumericWithMilestoneField { field },
                );
            }
        }
    }
    for (key, entry) in &indicator.targets {
        match key.parse::<Quarter>() {
            Err(_) => found.push(
                Location::target(place, key),
                ProblemKind::MalformedQuarter { key: key.clone() },
            ),
            Ok(quarter) => {
                if let Some(period) = period.filter(|p| !p.contains(quarter)) {
                    found.push(
                        Location::target(place, key),
                        ProblemKind::TargetOutsidePeriod { quarter, period },
                    );
                }
            }
        }
        for (field, value) in [
            (NumberField::Target, Some(entry.target)),
            (NumberField::Actual, entry.actual),
        ] {
            if let Some(value) = value.filter(|v| !v.is_finite()) {
                found.push(
                    Location::target(place, key),
                    ProblemKind::NotFinite { field, value },
                );
            }
        }
    }
}
