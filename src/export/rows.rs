//! The data every report format shows, built once from the review engine so that the
//! HTML, XLSX and CSV outputs cannot disagree about a status or a number.

use std::collections::HashMap;

use crate::model::{Direction, Element, Kind, Quarter, Review, Roadmap};
use crate::review::{Counts, Status, review, scorecard};

/// One indicator's line in a report.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportRow {
    pub id: String,
    /// Index into `roadmap.areas` (and [`Report::areas`]).
    pub area_index: usize,
    /// Index into the area's programs, to group rows by program.
    pub program_index: usize,
    pub area: String,
    pub program: String,
    /// Whole rupiah, the program's.
    pub budget: Option<u64>,
    /// The responsible unit's name; its id when the id is not among the document's
    /// units (validation reports that), `None` when the program names no unit.
    pub responsible: Option<String>,
    pub indicator: String,
    pub kind: Kind,
    pub direction: Direction,
    /// Unit of measure ("%", "dokumen", ...); may be empty.
    pub measure: String,
    /// The values the engine compared: the quarter's for `Level`, the year-to-date sums
    /// for `Count`, none for milestones.
    pub target: Option<f64>,
    /// The upper bound of a range target (format version 2).
    pub upper: Option<f64>,
    pub actual: Option<f64>,
    pub achievement: Option<f64>,
    pub status: Status,
    /// The score at the quarter (format version 2 rules).
    pub score: Option<f64>,
    /// The id of the unit that reports it: its `owner`, else the program's unit.
    pub owner: Option<String>,
    /// The program is a *quick win*.
    pub quick_win: bool,
    /// Flagged without both *kendala* and *tindak lanjut*.
    pub unexplained: bool,
    /// What was written on the entry at the review quarter (on the indicator for a
    /// milestone).
    pub obstacle: Option<String>,
    pub follow_up: Option<String>,
    pub note: Option<String>,
    pub evidence: Vec<String>,
    /// Milestones only.
    pub due: Option<Quarter>,
    /// Milestones only; `None` when done after the review quarter.
    pub done: Option<Quarter>,
}

impl ReportRow {
    pub fn is_flagged(&self) -> bool {
        self.status.is_flagged()
    }
}

/// One change area's counts and score.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaSummary {
    pub name: String,
    pub element: Element,
    pub counts: Counts,
    pub unexplained: usize,
    /// Its weight in the document's score.
    pub weight: f64,
    pub score: Option<f64>,
    /// The rating of `score` under the document's scale; none without a score or scale.
    pub rating: Option<String>,
}

/// One unit's line on the scorecard, best score first.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRow {
    /// 1 for the best score.
    pub rank: usize,
    pub id: String,
    pub name: String,
    pub score: Option<f64>,
    pub rating: Option<String>,
    /// Indicators it reports (`owner`, else the program's unit).
    pub indicators: usize,
    pub flagged: usize,
    pub unexplained: usize,
    /// Budget absorption (*serapan*, %) in the year to date.
    pub absorption: Option<f64>,
}

/// Everything a report of `roadmap` at `quarter` shows.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    pub roadmap: &'a Roadmap,
    pub quarter: Quarter,
    /// One per indicator, in document order.
    pub rows: Vec<ReportRow>,
    pub summary: Counts,
    /// Same order and index as `roadmap.areas`.
    pub areas: Vec<AreaSummary>,
    /// Indices into `rows`: flagged now and not at the previous quarter, behind now.
    pub newly_behind: Vec<usize>,
    /// Likewise, missing now.
    pub newly_missing: Vec<usize>,
    /// Flagged at the previous quarter, on track or at risk now.
    pub recovered: Vec<usize>,
    /// The latest review recorded at `quarter`, if any.
    pub recorded: Option<&'a Review>,
    /// The document's score (weighted mean of the areas') and its rating.
    pub score: Option<f64>,
    pub rating: Option<String>,
    /// The unit scorecard, best score first; empty when the document has no units.
    pub units: Vec<UnitRow>,
}

impl<'a> Report<'a> {
    pub fn build(roadmap: &'a Roadmap, quarter: Quarter) -> Self {
        let reviewed = review(roadmap, quarter);
        let rows: Vec<ReportRow> = reviewed
            .indicators
            .iter()
            .map(|line| {
                let area = &roadmap.areas[line.area];
                let program = &area.programs[line.program];
                let indicator = &program.indicators[line.indicator];
                let entry = indicator.target_at(quarter);
                let written = |text: Option<&String>| {
                    text.map(|t| t.trim())
                        .filter(|text| !text.is_empty())
                        .map(str::to_owned)
                };
                let on_entry = |field: fn(&crate::model::Target) -> &Option<String>| {
                    written(entry.and_then(|e| field(e).as_ref()))
                };
                let milestone = indicator.kind == Kind::Milestone;
                // A milestone's kendala and tindak lanjut are on the indicator.
                let explanation = |on_milestone: &Option<String>, field| {
                    if milestone {
                        written(on_milestone.as_ref())
                    } else {
                        on_entry(field)
                    }
                };
                ReportRow {
                    id: line.id.clone(),
                    area_index: line.area,
                    program_index: line.program,
                    area: area.name.clone(),
                    program: program.name.clone(),
                    budget: program.budget,
                    responsible: program.unit.as_ref().map(|id| {
                        roadmap
                            .unit(id)
                            .map_or_else(|| id.clone(), |unit| unit.name.clone())
                    }),
                    indicator: indicator.name.clone(),
                    kind: indicator.kind,
                    direction: indicator.direction,
                    measure: indicator.unit.clone(),
                    target: line.evaluation.target,
                    upper: line.evaluation.upper,
                    actual: line.evaluation.actual,
                    achievement: line.evaluation.achievement,
                    status: line.status(),
                    score: line.score,
                    owner: indicator.owner_in(program).map(str::to_owned),
                    quick_win: program.quick_win,
                    unexplained: line.unexplained,
                    obstacle: explanation(&indicator.obstacle, |e| &e.obstacle),
                    follow_up: explanation(&indicator.follow_up, |e| &e.follow_up),
                    note: on_entry(|e| &e.note),
                    evidence: if milestone {
                        indicator.evidence.clone()
                    } else {
                        entry.and_then(|e| e.evidence.clone())
                    }
                    .unwrap_or_default(),
                    due: indicator.due,
                    // As at the review quarter: a report of TW II does not know
                    // that the milestone was done in TW III.
                    done: indicator.done.filter(|done| *done <= quarter),
                }
            })
            .collect();

        let rate = |score: Option<f64>| {
            score
                .and_then(|s| roadmap.scoring().rating.rate(s))
                .map(str::to_owned)
        };
        let areas = roadmap
            .areas
            .iter()
            .zip(&reviewed.areas)
            .enumerate()
            .map(|(index, (area, counts))| {
                let score = reviewed.scores.areas.get(index).copied().flatten();
                AreaSummary {
                    name: area.name.clone(),
                    element: area.element,
                    counts: *counts,
                    unexplained: rows
                        .iter()
                        .filter(|row| row.area_index == index && row.unexplained)
                        .count(),
                    weight: area.weight(),
                    score,
                    rating: rate(score),
                }
            })
            .collect();
        let units = scorecard(roadmap, &reviewed)
            .into_iter()
            .enumerate()
            .map(|(at, standing)| {
                let unit = &roadmap.units[standing.unit];
                UnitRow {
                    rank: at + 1,
                    id: unit.id.clone(),
                    name: unit.name.clone(),
                    score: standing.score,
                    rating: rate(standing.score),
                    indicators: standing.owned,
                    flagged: standing.flagged,
                    unexplained: standing.unexplained,
                    absorption: standing.absorption,
                }
            })
            .collect();

        // Ids are unique in a valid document; with duplicates the first one stands for
        // them all, as validation already tells the user.
        let mut position: HashMap<&str, usize> = HashMap::with_capacity(rows.len());
        for (index, row) in rows.iter().enumerate() {
            position.entry(row.id.as_str()).or_insert(index);
        }
        let indices = |ids: &[String]| -> Vec<usize> {
            ids.iter()
                .filter_map(|id| position.get(id.as_str()).copied())
                .collect()
        };
        let newly_behind = indices(&reviewed.newly_behind);
        let newly_missing = indices(&reviewed.newly_missing);
        let recovered = indices(&reviewed.recovered);

        Report {
            roadmap,
            quarter,
            summary: reviewed.summary,
            areas,
            newly_behind,
            newly_missing,
            recovered,
            recorded: roadmap.review_at(quarter),
            score: reviewed.scores.document,
            rating: rate(reviewed.scores.document),
            units,
            rows,
        }
    }

    pub fn flagged(&self) -> impl Iterator<Item = &ReportRow> {
        self.rows.iter().filter(|row| row.is_flagged())
    }

    pub fn unexplained_count(&self) -> usize {
        self.rows.iter().filter(|row| row.unexplained).count()
    }

    /// Whether any row's target and actual are year-to-date sums.
    pub fn has_counts(&self) -> bool {
        self.rows
            .iter()
            .any(|row| row.kind == Kind::Count && row.target.is_some())
    }
}

/// Text a spreadsheet would run as a formula (or as DDE) when it starts a cell.
pub fn starts_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Area, Indicator, Period, Program, Target, Unit};

    fn roadmap() -> Roadmap {
        let mut roadmap = Roadmap::new(
            "RM",
            "Kab",
            Period {
                start: 2025,
                end: 2026,
            },
        );
        roadmap.units.push(Unit {
            id: "bagor".into(),
            name: "Bagian Organisasi".into(),
        });
        let mut area = Area::new("a", "Area A", Element::Soft);
        let mut program = Program::new("p", "Program P");
        program.unit = Some("bagor".into());
        let mut level = Indicator::new("i1", "Level", Kind::Level);
        level.targets.insert(
            "2025-Q2".into(),
            Target {
                actual: Some(40.0),
                obstacle: Some("  ".into()),
                follow_up: Some("Rapat ulang".into()),
                ..Target::planned(50.0)
            },
        );
        let mut count = Indicator::new("i2", "Count", Kind::Count);
        count.targets.insert(
            "2025-Q1".into(),
            Target {
                actual: Some(5.0),
                ..Target::planned(5.0)
            },
        );
        count.targets.insert(
            "2025-Q2".into(),
            Target {
                actual: Some(5.0),
                evidence: Some(vec!["a.pdf".into()]),
                ..Target::planned(5.0)
            },
        );
        program.indicators = vec![level, count];
        let mut orphan = Program::new("q", "Program Q");
        orphan.unit = Some("hilang".into());
        orphan
            .indicators
            .push(Indicator::new("i3", "Milestone", Kind::Milestone));
        area.programs = vec![program, orphan];
        roadmap.areas.push(area);
        roadmap
    }

    #[test]
    fn rows_follow_the_engine_in_document_order() {
        let roadmap = roadmap();
        let quarter = Quarter::new(2025, 2).unwrap();
        let report = Report::build(&roadmap, quarter);
        let engine = review(&roadmap, quarter);
        assert_eq!(report.rows.len(), engine.indicators.len());
        for (row, line) in report.rows.iter().zip(&engine.indicators) {
            assert_eq!(row.id, line.id);
            assert_eq!(row.status, line.status());
            assert_eq!(row.achievement, line.evaluation.achievement);
            assert_eq!(row.unexplained, line.unexplained);
        }
        let level = &report.rows[0];
        assert_eq!(level.status, Status::Behind);
        // A blank kendala is not written: the engine calls the entry unexplained too.
        assert_eq!(level.obstacle, None);
        assert!(level.unexplained);
        assert_eq!(level.responsible.as_deref(), Some("Bagian Organisasi"));
        let count = &report.rows[1];
        assert_eq!((count.target, count.actual), (Some(10.0), Some(10.0)));
        assert_eq!(count.evidence, vec!["a.pdf".to_owned()]);
        assert_eq!(report.rows[2].responsible.as_deref(), Some("hilang"));
        assert_eq!(report.areas[0].unexplained, 1);
        assert_eq!(report.newly_behind, vec![0]);
    }

    #[test]
    fn a_milestone_is_done_only_from_the_quarter_it_was_done() {
        let mut roadmap = roadmap();
        let milestone = &mut roadmap.areas[0].programs[1].indicators[0];
        milestone.due = Quarter::new(2025, 2);
        milestone.done = Quarter::new(2025, 3);
        for (quarter, done, status) in [
            (2, None, Status::Behind),
            (3, Quarter::new(2025, 3), Status::OnTrack),
            (4, Quarter::new(2025, 3), Status::OnTrack),
        ] {
            let report = Report::build(&roadmap, Quarter::new(2025, quarter).unwrap());
            let row = &report.rows[2];
            assert_eq!((row.done, row.status), (done, status), "Q{quarter}");
            assert_eq!(row.due, Quarter::new(2025, 2));
        }
    }

    #[test]
    fn formula_starts() {
        for (text, risky) in [
            ("=1+1", true),
            ("+62", true),
            ("-", true),
            ("@SUM(A1)", true),
            ("\tx", true),
            ("\rx", true),
            ("a=b", false),
            ("", false),
            ("'=x", false),
        ] {
            assert_eq!(starts_like_formula(text), risky, "{text:?}");
        }
    }
}
