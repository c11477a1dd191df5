//! The units ranked by score at a quarter: what a reward-and-punishment meeting reads.

use super::ReviewReport;
use super::score::unit_index;
use crate::model::Roadmap;

/// One unit's line on the scorecard.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitStanding {
    /// Index in `roadmap.units`.
    pub unit: usize,
    pub score: Option<f64>,
    /// Indicators it reports (`owner`, else the program's `unit`).
    pub owned: usize,
    /// Of those, flagged at the quarter.
    pub flagged: usize,
    /// Of those, flagged without *kendala* or *tindak lanjut*.
    pub unexplained: usize,
    /// Spending in the year to date over the year's budget (%), over the programs the
    /// unit is responsible for that have a budget that year; none when none has.
    pub absorption: Option<f64>,
}

/// Every unit of `roadmap`, best score first; units without a score last; ties (and
/// the unscored) keep the order of `units`.
pub fn scorecard(roadmap: &Roadmap, report: &ReviewReport) -> Vec<UnitStanding> {
    let index = unit_index(roadmap);
    let mut standings: Vec<UnitStanding> = (0..roadmap.units.len())
        .map(|unit| UnitStanding {
            unit,
            score: report.scores.units.get(unit).copied().flatten(),
            owned: 0,
            flagged: 0,
            unexplained: 0,
            absorption: None,
        })
        .collect();
    for line in &report.indicators {
        let program = &roadmap.areas[line.area].programs[line.program];
        let indicator = &program.indicators[line.indicator];
        if let Some(&unit) = indicator.owner_in(program).and_then(|id| index.get(id)) {
            let standing = &mut standings[unit];
            standing.owned += 1;
            standing.flagged += usize::from(line.is_flagged());
            standing.unexplained += usize::from(line.unexplained);
        }
    }
    let year = report.quarter.year();
    let mut money = vec![(0u64, 0u64); roadmap.units.len()];
    for program in roadmap.areas.iter().flat_map(|area| &area.programs) {
        let budget = program.budget_of(year).filter(|&b| b > 0);
        let unit = program.unit.as_deref().and_then(|id| index.get(id));
        if let (Some(budget), Some(&unit)) = (budget, unit) {
            money[unit].0 += program.spent_to_date(report.quarter);
            money[unit].1 += budget;
        }
    }
    for (standing, (spent, budget)) in standings.iter_mut().zip(money) {
        standing.absorption = (budget > 0).then(|| spent as f64 / budget as f64 * 100.0);
    }
    // Stable: equal scores keep the order of `units`.
    standings.sort_by(|a, b| match (a.score, b.score) {
        (Some(a), Some(b)) => b.total_cmp(&a),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    standings
}
