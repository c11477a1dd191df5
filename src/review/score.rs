//! Scores and ratings (format version 2 rules, computed for every document): each
//! indicator's score at a quarter, and the weighted means of programs, areas, units
//! and the document, with budget absorption per program.

use std::collections::HashMap;

use super::{Evaluation, IndicatorReview, Status};
use crate::model::{Kind, MissingScore, Roadmap, Scoring};

/// An indicator's score at a quarter: its achievement limited to [0, cap] (milestones
/// 100 or 0); 0 or none when `missing`; none when nothing was due or targeted.
pub fn indicator_score(evaluation: &Evaluation, kind: Kind, scoring: &Scoring) -> Option<f64> {
    let score = match evaluation.status {
        Status::OnTrack | Status::AtRisk | Status::Behind => match kind {
            Kind::Milestone => match evaluation.status {
                Status::OnTrack => 100.0,
                _ => 0.0,
            },
            Kind::Level | Kind::Count | Kind::Average => {
                let capped = evaluation.achievement?.max(0.0);
                scoring.cap.map_or(capped, |cap| capped.min(cap))
            }
        },
        Status::Missing => match scoring.missing {
            MissingScore::Zero => 0.0,
            MissingScore::Exclude => return None,
        },
        Status::NotDue | Status::NoTarget => return None,
    };
    // Non-finite numbers are validation errors; they score nothing rather than
    // poisoning every mean above them.
    score.is_finite().then_some(score)
}

/// A weighted mean built one score at a time.
#[derive(Debug, Clone, Copy, Default)]
pub struct WeightedMean {
    sum: f64,
    weight: f64,
}

impl WeightedMean {
    pub fn add(&mut self, score: Option<f64>, weight: f64) {
        if let Some(score) = score {
            self.sum += score * weight;
            self.weight += weight;
        }
    }

    /// None when nothing was added.
    pub fn value(self) -> Option<f64> {
        (self.weight > 0.0).then(|| self.sum / self.weight)
    }
}

/// Every score of a review above the indicators.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scores {
    /// The weighted mean (area `weight`) of the areas' scores.
    pub document: Option<f64>,
    /// Per area, same index as `roadmap.areas`.
    pub areas: Vec<Option<f64>>,
    /// Per program: `programs[area][program]`.
    pub programs: Vec<Vec<Option<f64>>>,
    /// Budget absorption (%) per program: `absorption[area][program]`.
    pub absorption: Vec<Vec<Option<f64>>>,
    /// Per unit, same index as `roadmap.units`: the indicators it owns.
    pub units: Vec<Option<f64>>,
}

impl Scores {
    /// The scores of `roadmap`'s review lines (`lines` in document order, with their
    /// indicator scores).
    pub fn of(
        roadmap: &Roadmap,
        lines: &[IndicatorReview],
        quarter: crate::model::Quarter,
    ) -> Self {
        let unit_index = unit_index(roadmap);
        let mut programs: Vec<Vec<WeightedMean>> = roadmap
            .areas
            .iter()
            .map(|area| vec![WeightedMean::default(); area.programs.len()])
            .collect();
        let mut areas = vec![WeightedMean::default(); roadmap.areas.len()];
        let mut units = vec![WeightedMean::default(); roadmap.units.len()];
        for line in lines {
            let program = &roadmap.areas[line.area].programs[line.program];
            let indicator = &program.indicators[line.indicator];
            let weight = indicator.weight();
            programs[line.area][line.program].add(line.score, weight);
            areas[line.area].add(line.score, weight);
            if let Some(&unit) = indicator
                .owner_in(program)
                .and_then(|id| unit_index.get(id))
            {
                units[unit].add(line.score, weight);
            }
        }
        let areas: Vec<Option<f64>> = areas.into_iter().map(WeightedMean::value).collect();
        let mut document = WeightedMean::default();
        for (area, score) in roadmap.areas.iter().zip(&areas) {
            document.add(*score, area.weight());
        }
        Self {
            document: document.value(),
            areas,
            programs: programs
                .into_iter()
                .map(|area| area.into_iter().map(WeightedMean::value).collect())
                .collect(),
            absorption: roadmap
                .areas
                .iter()
                .map(|area| {
                    area.programs
                        .iter()
                        .map(|p| p.absorption(quarter))
                        .collect()
                })
                .collect(),
            units: units.into_iter().map(WeightedMean::value).collect(),
        }
    }
}

/// Unit id → index in `roadmap.units`; the first of duplicated ids (a validation error).
pub(crate) fn unit_index(roadmap: &Roadmap) -> HashMap<&str, usize> {
    let mut index = HashMap::with_capacity(roadmap.units.len());
    for (i, unit) in roadmap.units.iter().enumerate() {
        index.entry(unit.id.as_str()).or_insert(i);
    }
    index
}
