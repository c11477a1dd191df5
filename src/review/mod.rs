//! The quarterly review (*monev triwulan*): which targets are behind at a quarter, per
//! `roadmap-format.md`, with counts per area, the change since the previous quarter,
//! and scores and ratings (format version 2 rules).

mod score;
mod scorecard;
mod status;

use std::collections::HashSet;

pub use score::{Scores, WeightedMean, indicator_score};
pub use scorecard::{UnitStanding, scorecard};
pub use status::{Evaluation, Status, achievement, evaluate, range_achievement, status_of};

use crate::model::{IndicatorAt, Kind, Quarter, Roadmap};

/// One indicator's line in a review.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorReview {
    pub id: String,
    /// Where the indicator is: `roadmap.areas[area].programs[program].indicators[indicator]`.
    pub area: usize,
    pub program: usize,
    pub indicator: usize,
    pub evaluation: Evaluation,
    /// The score at the quarter, where there is one (see [`indicator_score`]).
    pub score: Option<f64>,
    /// Flagged, but lacks *kendala* or *tindak lanjut*: on the entry at the quarter for
    /// numbers, on the indicator for a late milestone.
    pub unexplained: bool,
}

impl IndicatorReview {
    /// Where the indicator is in the roadmap.
    pub fn at(&self) -> IndicatorAt {
        IndicatorAt::new(self.area, self.program, self.indicator)
    }

    pub fn status(&self) -> Status {
        self.evaluation.status
    }

    pub fn is_flagged(&self) -> bool {
        self.evaluation.status.is_flagged()
    }
}

/// How many indicators have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub on_track: usize,
    pub at_risk: usize,
    pub behind: usize,
    pub missing: usize,
    pub not_due: usize,
    pub no_target: usize,
}

impl Counts {
    pub fn add(&mut self, status: Status) {
        *self.slot(status) += 1;
    }

    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::OnTrack => self.on_track,
            Status::AtRisk => self.at_risk,
            Status::Behind => self.behind,
            Status::Missing => self.missing,
            Status::NotDue => self.not_due,
            Status::NoTarget => self.no_target,
        }
    }

    fn slot(&mut self, status: Status) -> &mut usize {
        match status {
            Status::OnTrack => &mut self.on_track,
            Status::AtRisk => &mut self.at_risk,
            Status::Behind => &mut self.behind,
            Status::Missing => &mut self.missing,
            Status::NotDue => &mut self.not_due,
            Status::NoTarget => &mut self.no_target,
        }
    }

    pub fn total(&self) -> usize {
        Status::ALL.iter().map(|&s| self.get(s)).sum()
    }

    pub fn flagged(&self) -> usize {
        self.behind + self.missing
    }

    /// Indicators that had something to assess at the quarter (everything but
    /// `not_due` and `no_target`).
    pub fn assessed(&self) -> usize {
        self.on_track + self.at_risk + self.behind + self.missing
    }
}

/// A whole review at one quarter.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewReport {
    pub quarter: Quarter,
    /// Every indicator of the document once, in document order.
    pub indicators: Vec<IndicatorReview>,
    pub summary: Counts,
    /// Per area, in document order (same index as `roadmap.areas`).
    pub areas: Vec<Counts>,
    /// Flagged now and not at the previous quarter, and `behind` now.
    pub newly_behind: Vec<String>,
    /// Flagged now and not at the previous quarter, and `missing` now.
    pub newly_missing: Vec<String>,
    /// Flagged at the previous quarter, `on_track` or `at_risk` now. One that is
    /// `not_due` or `no_target` now has not recovered: nothing was measured.
    pub recovered: Vec<String>,
    pub scores: Scores,
}

impl ReviewReport {
    pub fn flagged(&self) -> impl Iterator<Item = &IndicatorReview> {
        self.indicators.iter().filter(|line| line.is_flagged())
    }

    pub fn unexplained(&self) -> impl Iterator<Item = &IndicatorReview> {
        self.indicators.iter().filter(|line| line.unexplained)
    }

    /// Ids flagged at this quarter, in document order: what a recorded review keeps.
    pub fn flagged_ids(&self) -> Vec<String> {
        self.flagged().map(|line| line.id.clone()).collect()
    }

    pub fn get(&self, id: &str) -> Option<&IndicatorReview> {
        self.indicators.iter().find(|line| line.id == id)
    }

    /// Newly flagged since the previous quarter: newly behind, then newly missing.
    pub fn newly_flagged(&self) -> impl Iterator<Item = &String> {
        self.newly_behind.iter().chain(&self.newly_missing)
    }

    /// Newly flagged or recovered since the previous quarter.
    pub fn is_changed(&self, id: &str) -> bool {
        self.newly_flagged()
            .chain(&self.recovered)
            .any(|changed| changed == id)
    }
}

/// Evaluates every indicator of `roadmap` at `quarter`, without comparing with the
/// previous quarter.
pub fn evaluate_all(roadmap: &Roadmap, quarter: Quarter) -> Vec<IndicatorReview> {
    let scoring = roadmap.scoring();
    let mut lines = Vec::with_capacity(roadmap.indicator_count());
    for (a, area) in roadmap.areas.iter().enumerate() {
        for (p, program) in area.programs.iter().enumerate() {
            for (i, indicator) in program.indicators.iter().enumerate() {
                let evaluation = evaluate(indicator, roadmap.rules, quarter);
                let explained = match indicator.kind {
                    Kind::Milestone => indicator.is_explained(),
                    Kind::Level | Kind::Count | Kind::Average => indicator
                        .target_at(quarter)
                        .is_some_and(|entry| entry.is_explained()),
                };
                lines.push(IndicatorReview {
                    id: indicator.id.clone(),
                    area: a,
                    program: p,
                    indicator: i,
                    score: indicator_score(&evaluation, indicator.kind, scoring),
                    unexplained: evaluation.status.is_flagged() && !explained,
                    evaluation,
                });
            }
        }
    }
    lines
}

/// The review of `roadmap` at `quarter`.
///
/// "The review of the previous quarter" is the review recorded for that quarter when
/// there is one (what the meeting said then), and otherwise the statuses the document
/// gives at that quarter today.
pub fn review(roadmap: &Roadmap, quarter: Quarter) -> ReviewReport {
    let indicators = evaluate_all(roadmap, quarter);
    let mut summary = Counts::default();
    let mut areas = vec![Counts::default(); roadmap.areas.len()];
    for line in &indicators {
        summary.add(line.status());
        areas[line.area].add(line.status());
    }

    // Flagged at the previous quarter, per indicator in document order (the order of
    // `indicators`), so the comparison needs no id look-ups.
    let previous_quarter = quarter.previous();
    let previously_flagged: Vec<bool> = match roadmap.review_at(previous_quarter) {
        Some(recorded) => {
            let flagged: HashSet<&str> = recorded.flagged.iter().map(String::as_str).collect();
            indicators
                .iter()
                .map(|line| flagged.contains(line.id.as_str()))
                .collect()
        }
        None if roadmap.period.contains(previous_quarter) => roadmap
            .indicators()
            .map(|(_, _, indicator)| {
                evaluate(indicator, roadmap.rules, previous_quarter)
                    .status
                    .is_flagged()
            })
            .collect(),
        None => vec![false; indicators.len()],
    };
    let changed = |now: &[Status], then: bool| {
        indicators
            .iter()
            .zip(&previously_flagged)
            .filter(move |(line, was)| now.contains(&line.status()) && **was == then)
            .map(|(line, _)| line.id.clone())
            .collect::<Vec<_>>()
    };
    // Ids the recorded review flagged that are no longer in the document are left out.
    let newly_behind = changed(&[Status::Behind], false);
    let newly_missing = changed(&[Status::Missing], false);
    let recovered = changed(&[Status::OnTrack, Status::AtRisk], true);
    let scores = Scores::of(roadmap, &indicators, quarter);

    ReviewReport {
        quarter,
        indicators,
        summary,
        areas,
        newly_behind,
        newly_missing,
        recovered,
        scores,
    }
}
