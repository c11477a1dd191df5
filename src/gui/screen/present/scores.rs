//! The slides of scores: the areas' scores and ratings (with the document's), the quick
//! wins, and the units ranked. Every number is the review engine's (`review::Scores`,
//! `review::scorecard`, the document's rating scale); nothing is recomputed here.

use super::deck::{
    AreaScore, QuickWinRow, QuickWinSlide, RankingSlide, ScorecardSlide, Scored, Slide, UnitRow,
    pieces,
};
use super::layout;
use crate::model::Roadmap;
use crate::review::{ReviewReport, scorecard};

/// Areas on one scorecard slide.
pub const SCORECARD_ROWS: usize = 8;
/// Quick wins on one slide.
pub const QUICK_WIN_ROWS: usize = 6;
/// Units on one ranking slide.
pub const RANKING_ROWS: usize = 8;

const NAME_CHARS: usize = 110;
const AREA_NAME_CHARS: usize = 60;

/// A score with the document's rating of it.
fn scored(roadmap: &Roadmap, score: Option<f64>) -> Scored {
    Scored {
        score,
        rating: score
            .and_then(|s| roadmap.scoring().rating.rate(s))
            .map(str::to_owned),
    }
}

/// The areas' scores and ratings; always present, so that "nothing scored yet" is said.
pub fn scorecard_slides(roadmap: &Roadmap, report: &ReviewReport) -> Vec<Slide> {
    let rows: Vec<AreaScore> = roadmap
        .areas
        .iter()
        .enumerate()
        .map(|(a, area)| AreaScore {
            name: layout::shorten(&area.name, AREA_NAME_CHARS),
            element: area.element,
            scored: scored(roadmap, report.scores.areas.get(a).copied().flatten()),
            scored_indicators: report
                .indicators
                .iter()
                .filter(|line| line.area == a && line.score.is_some())
                .count(),
        })
        .collect();
    let document = scored(roadmap, report.scores.document);
    pieces(rows, SCORECARD_ROWS)
        .into_iter()
        .map(|(part, rows)| {
            Slide::Scorecard(ScorecardSlide {
                quarter: report.quarter,
                document: document.clone(),
                rows,
                part,
            })
        })
        .collect()
}

/// The quick-win programs in document order; no slide when there are none.
pub fn quick_win_slides(roadmap: &Roadmap, report: &ReviewReport) -> Vec<Slide> {
    let mut rows = Vec::new();
    for (a, area) in roadmap.areas.iter().enumerate() {
        for (p, program) in area.programs.iter().enumerate() {
            if !program.quick_win {
                continue;
            }
            let score = report
                .scores
                .programs
                .get(a)
                .and_then(|programs| programs.get(p))
                .copied()
                .flatten();
            rows.push(QuickWinRow {
                name: layout::shorten(&program.name, NAME_CHARS),
                area: layout::shorten(&area.name, AREA_NAME_CHARS),
                unit: program.unit.as_deref().map(|id| {
                    let name = roadmap.unit(id).map_or(id, |unit| unit.name.as_str());
                    layout::shorten(name, NAME_CHARS)
                }),
                status: report
                    .indicators
                    .iter()
                    .filter(|line| line.area == a && line.program == p)
                    .map(|line| line.status())
                    .min(),
                scored: scored(roadmap, score),
                absorption: report
                    .scores
                    .absorption
                    .get(a)
                    .and_then(|programs| programs.get(p))
                    .copied()
                    .flatten(),
            });
        }
    }
    if rows.is_empty() {
        return Vec::new();
    }
    pieces(rows, QUICK_WIN_ROWS)
        .into_iter()
        .map(|(part, rows)| {
            Slide::QuickWins(QuickWinSlide {
                quarter: report.quarter,
                rows,
                part,
            })
        })
        .collect()
}

/// The units ranked by score, best first, as the domain's scorecard orders them; no
/// slide for a document without units.
pub fn ranking_slides(roadmap: &Roadmap, report: &ReviewReport) -> Vec<Slide> {
    if roadmap.units.is_empty() {
        return Vec::new();
    }
    let rows: Vec<UnitRow> = scorecard(roadmap, report)
        .into_iter()
        .enumerate()
        .map(|(i, standing)| UnitRow {
            rank: standing.score.map(|_| i + 1),
            name: layout::shorten(&roadmap.units[standing.unit].name, NAME_CHARS),
            scored: scored(roadmap, standing.score),
            owned: standing.owned,
            flagged: standing.flagged,
            unexplained: standing.unexplained,
            absorption: standing.absorption,
        })
        .collect();
    pieces(rows, RANKING_ROWS)
        .into_iter()
        .map(|(part, rows)| {
            Slide::Ranking(RankingSlide {
                quarter: report.quarter,
                rows,
                part,
            })
        })
        .collect()
}
