//! The slides of an exposé (*ekspose*), made from the document at the review quarter:
//! pure data, no iced types, so the deck can be tested without a window.
//!
//! The deck, in order:
//! 1. **Title**: institution, title, period, vision and the quarter presented.
//! 2. **Overview**: one row per change area (element, programs, indicators, and the
//!    area's review counts drawn as a bar). At most [`OVERVIEW_ROWS`] areas a slide.
//! 3. **Scorecard**: every area's score and rating, and the document's
//!    ([`scores::SCORECARD_ROWS`] areas a slide).
//! 4. **One slide per area**: its goal, its programs with their responsible units, and
//!    up to [`KEY_INDICATORS`] key indicators charted as target against actual over
//!    the period. Key indicators are the area's `Level` and `Count` indicators that
//!    have a target in the period, worst status at the quarter first (what is behind
//!    is what the meeting must see), then in document order. At most
//!    [`PROGRAM_ROWS`] programs a slide; the charts go on the area's first slide and
//!    continuation slides list the remaining programs across the whole width.
//! 5. **Quick wins**: the programs marked `quick_win`, with status, score, rating and
//!    budget absorption; only when there are some.
//! 6. **Unit ranking**: the units by score with rating, as `review::scorecard` ranks
//!    them; only when the document has units.
//! 7. **Milestones** on a timeline over the period, ordered by due quarter: only when
//!    the document has milestones with a due quarter. At most [`MILESTONE_ROWS`] a
//!    slide.
//! 8. **Flagged targets** (behind or not reported at the quarter) with their *kendala*
//!    and *tindak lanjut*; always present, so that "nothing is behind" is said too. At
//!    most [`FLAGGED_ROWS`] a slide, and fewer when their text would not fit the
//!    slide's height ([`flagged_row_height`] against [`layout::CONTENT_HEIGHT`]).
//! 9. **Closing**: the notes of the latest review recorded at or before the quarter,
//!    [`NOTES_CHARS`] characters a slide (cut after a sentence); without a recorded
//!    review, a closing slide that says so.
//!
//! Long lists never shrink to fit: they continue on the next slide, whose heading says
//! "(lanjutan)". Single texts that no slide could hold are shortened with "…" to the
//! limits below (the document keeps them whole): names and titles are one or two
//! lines on a slide, goals and visions a short paragraph.

use super::layout::{self, BOLD};
use super::scores;
use crate::locale::Language;
use crate::model::{Indicator, Kind, Quarter, Roadmap, Rules};
use crate::review::{ReviewReport, evaluate};

pub const OVERVIEW_ROWS: usize = 8;
pub const PROGRAM_ROWS: usize = 6;
pub const KEY_INDICATORS: usize = 2;
pub const MILESTONE_ROWS: usize = 7;
pub const FLAGGED_ROWS: usize = 6;
pub const NOTES_CHARS: usize = 650;

const TITLE_CHARS: usize = 140;
const VISION_CHARS: usize = 320;
const GOAL_CHARS: usize = 220;
const NAME_CHARS: usize = 120;
const AREA_NAME_CHARS: usize = 60;
const MILESTONE_NAME_CHARS: usize = 100;
const EXPLANATION_CHARS: usize = 220;

pub use super::deck::*;
pub use super::words::*;

/// The deck for `roadmap` as reviewed in `report` (at `report.quarter`).
pub fn build(roadmap: &Roadmap, report: &ReviewReport) -> Vec<Slide> {
    let quarter = report.quarter;
    let mut slides = vec![Slide::Title(TitleSlide {
        title: layout::shorten(&roadmap.title, TITLE_CHARS),
        institution: layout::shorten(&roadmap.institution, TITLE_CHARS),
        period: roadmap.period,
        vision: written(&roadmap.vision).map(|v| layout::shorten(v, VISION_CHARS)),
        quarter,
    })];
    slides.extend(overview(roadmap, report));
    slides.extend(scores::scorecard_slides(roadmap, report));
    for a in 0..roadmap.areas.len() {
        slides.extend(area(roadmap, report, a));
    }
    slides.extend(scores::quick_win_slides(roadmap, report));
    slides.extend(scores::ranking_slides(roadmap, report));
    slides.extend(milestones(roadmap, report));
    slides.extend(flagged(roadmap, report));
    slides.extend(closing(roadmap, quarter));
    slides
}

fn overview(roadmap: &Roadmap, report: &ReviewReport) -> Vec<Slide> {
    let rows: Vec<AreaRow> = roadmap
        .areas
        .iter()
        .enumerate()
        .map(|(a, area)| AreaRow {
            name: layout::shorten(&area.name, AREA_NAME_CHARS),
            element: area.element,
            programs: area.programs.len(),
            indicators: area.programs.iter().map(|p| p.indicators.len()).sum(),
            counts: report.areas.get(a).copied().unwrap_or_default(),
        })
        .collect();
    pieces(rows, OVERVIEW_ROWS)
        .into_iter()
        .map(|(part, rows)| {
            Slide::Overview(OverviewSlide {
                quarter: report.quarter,
                summary: report.summary,
                rows,
                part,
            })
        })
        .collect()
}

fn area(roadmap: &Roadmap, report: &ReviewReport, a: usize) -> Vec<Slide> {
    let area = &roadmap.areas[a];
    let lines: Vec<_> = report.indicators.iter().filter(|l| l.area == a).collect();
    let programs: Vec<ProgramRow> = area
        .programs
        .iter()
        .enumerate()
        .map(|(p, program)| ProgramRow {
            name: layout::shorten(&program.name, NAME_CHARS),
            unit: program.unit.as_deref().map(|id| unit_name(roadmap, id)),
            indicators: program.indicators.len(),
            status: lines
                .iter()
                .filter(|l| l.program == p)
                .map(|l| l.status())
                .min(),
        })
        .collect();

    let mut keys: Vec<_> = lines
        .iter()
        .filter(|line| {
            let indicator = &area.programs[line.program].indicators[line.indicator];
            indicator.kind != Kind::Milestone
                && roadmap
                    .period
                    .quarters()
                    .any(|q| indicator.target_at(q).is_some())
        })
        .collect();
    // Stable: document order among equal statuses.
    keys.sort_by_key(|line| line.status());
    let charts: Vec<Series> = keys
        .into_iter()
        .take(KEY_INDICATORS)
        .map(|line| {
            let indicator = &area.programs[line.program].indicators[line.indicator];
            Series {
                id: indicator.id.clone(),
                name: layout::shorten(&indicator.name, NAME_CHARS),
                measure: indicator.unit.clone(),
                kind: indicator.kind,
                direction: indicator.direction,
                quarter: report.quarter,
                status: line.status(),
                achievement: line.evaluation.achievement,
                target: line.evaluation.target,
                actual: line.evaluation.actual,
                points: roadmap
                    .period
                    .quarters()
                    .map(|quarter| chart_point(indicator, roadmap.rules, quarter))
                    .collect(),
            }
        })
        .collect();

    let goal = written(&area.goal).map(|g| layout::shorten(g, GOAL_CHARS));
    let counts = report.areas.get(a).copied().unwrap_or_default();
    let beside_charts = !charts.is_empty();
    // The goal and the charts are on the area's first slide only.
    let budget = |part: usize| {
        let goal = goal.as_deref().filter(|_| part == 0);
        layout::CONTENT_HEIGHT - area_header_height(goal, program_width(beside_charts))
    };
    let parts = split_by_height(programs, PROGRAM_ROWS, budget, |row, part| {
        program_row_height(row, program_width(part == 0 && beside_charts))
    });
    let count = parts.len();
    parts
        .into_iter()
        .enumerate()
        .map(|(index, programs)| {
            let first = index == 0;
            Slide::Area(AreaSlide {
                area: a,
                name: layout::shorten(&area.name, AREA_NAME_CHARS),
                element: area.element,
                goal: goal.clone().filter(|_| first),
                counts,
                program_count: area.programs.len(),
                programs,
                charts: if first { charts.clone() } else { Vec::new() },
                part: Part { index, count },
            })
        })
        .collect()
}

/// One quarter of a chart: what the review compares at that quarter, so that the chart
/// and the status beside it measure the same thing. A level's entry at the quarter; a
/// `Count`'s sums and an `Average`'s means over its year up to the quarter (no actual
/// while one of those quarters lacks it); nothing where the quarter has no target.
fn chart_point(indicator: &Indicator, rules: Rules, quarter: Quarter) -> Point {
    let (target, actual) = match indicator.kind {
        Kind::Count | Kind::Average if indicator.target_at(quarter).is_some() => {
            let compared = evaluate(indicator, rules, quarter);
            (compared.target, compared.actual)
        }
        _ => {
            let entry = indicator.target_at(quarter);
            (entry.map(|e| e.target), entry.and_then(|e| e.actual))
        }
    };
    Point {
        quarter,
        target,
        actual,
    }
}

/// The width of the program list: beside the charts, or across the slide.
pub fn program_width(beside_charts: bool) -> f32 {
    if beside_charts {
        layout::column_width(&layout::AREA_COLUMNS, 0)
    } else {
        layout::CONTENT_WIDTH
    }
}

/// What an area slide shows above its program rows: the summary line, the goal
/// (wrapped at `width`, the program list's), and the list's heading.
pub fn area_header_height(goal: Option<&str>, width: f32) -> f32 {
    let small = layout::SMALL * layout::LINE;
    let goal = goal.map_or(0.0, |goal| {
        small + layout::height(goal, width, layout::BODY) + layout::STACK
    });
    small + layout::STACK + goal + small + layout::LIST_GAP
}

/// A program's row: its name, then its status and responsible unit beside each other.
pub fn program_row_height(row: &ProgramRow, width: f32) -> f32 {
    let name = layout::height(&row.name, width, layout::TABLE * BOLD);
    // Without a unit the row says so in a few words: one line.
    let unit = row
        .unit
        .as_deref()
        .map_or(layout::SMALL * layout::LINE, |unit| {
            layout::height(
                unit,
                width - layout::CHIP_WIDTH - layout::COLUMN_GAP,
                layout::SMALL,
            )
        });
    name + layout::ROW_SPACING + unit.max(layout::CHIP_HEIGHT) + 2.0 * layout::ROW_PADDING
}

/// `items` in slides of at most `max` rows whose heights (`height(item, slide)`, for
/// the slide it would go on) add up to at most `budget(slide)`; a row taller than the
/// budget still gets a slide of its own. One empty slide when there are no items.
fn split_by_height<T>(
    items: Vec<T>,
    max: usize,
    budget: impl Fn(usize) -> f32,
    height: impl Fn(&T, usize) -> f32,
) -> Vec<Vec<T>> {
    let mut parts: Vec<Vec<T>> = vec![Vec::new()];
    let mut used = 0.0;
    for item in items {
        let part = parts.len() - 1;
        let mut needed = height(&item, part);
        let full = parts.last().is_some_and(|current| {
            !current.is_empty() && (current.len() >= max || used + needed > budget(part))
        });
        if full {
            parts.push(Vec::new());
            used = 0.0;
            needed = height(&item, part + 1);
        }
        used += needed;
        parts.last_mut().expect("never empty").push(item);
    }
    parts
}

fn milestones(roadmap: &Roadmap, report: &ReviewReport) -> Vec<Slide> {
    let mut rows: Vec<MilestoneRow> = report
        .indicators
        .iter()
        .filter_map(|line| {
            let area = &roadmap.areas[line.area];
            let indicator = &area.programs[line.program].indicators[line.indicator];
            let due = indicator
                .due
                .filter(|_| indicator.kind == Kind::Milestone)?;
            Some(MilestoneRow {
                name: layout::shorten(&indicator.name, MILESTONE_NAME_CHARS),
                area: layout::shorten(&area.name, AREA_NAME_CHARS),
                due,
                done: indicator.done,
                status: line.status(),
                obstacle: written(&indicator.obstacle)
                    .map(|text| layout::shorten(text, EXPLANATION_CHARS)),
                quarter: report.quarter,
            })
        })
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    rows.sort_by_key(|row| row.due);
    let budget = layout::CONTENT_HEIGHT
        - layout::MILESTONE_AXIS
        - layout::MILESTONE_LEGEND
        - 2.0 * layout::STACK;
    let parts = split_by_height(
        rows,
        MILESTONE_ROWS,
        |_| budget,
        |row, _| milestone_row_height(row),
    );
    let count = parts.len();
    parts
        .into_iter()
        .enumerate()
        .map(|(index, rows)| {
            Slide::Milestones(MilestoneSlide {
                period: roadmap.period,
                quarter: report.quarter,
                rows,
                part: Part { index, count },
            })
        })
        .collect()
}

/// A milestone's row: its name over its status and dates; the timeline beside it
/// takes the same height. Measured with the Indonesian words, the longer ones.
pub fn milestone_row_height(row: &MilestoneRow) -> f32 {
    let width = layout::column_width(&layout::MILESTONE_COLUMNS, 0);
    let name = layout::height(&row.name, width, layout::TABLE * BOLD);
    let when = layout::height(
        &milestone_when(row, Language::Indonesian),
        width - layout::CHIP_WIDTH - layout::COLUMN_GAP,
        layout::CAPTION,
    );
    let obstacle = milestone_obstacle(row, Language::Indonesian).map_or(0.0, |text| {
        layout::ROW_SPACING + layout::height(&text, width, layout::CAPTION)
    });
    name + layout::ROW_SPACING
        + when.max(layout::CHIP_HEIGHT)
        + obstacle
        + 2.0 * layout::ROW_PADDING
}

fn flagged(roadmap: &Roadmap, report: &ReviewReport) -> Vec<Slide> {
    let quarter = report.quarter;
    let rows: Vec<FlaggedRow> = report
        .flagged()
        .map(|line| {
            let area = &roadmap.areas[line.area];
            let program = &area.programs[line.program];
            let indicator = &program.indicators[line.indicator];
            let entry = indicator.target_at(quarter);
            let explanation = |text: Option<&Option<String>>| {
                text.and_then(written)
                    .map(|t| layout::shorten(t, EXPLANATION_CHARS))
            };
            FlaggedRow {
                id: indicator.id.clone(),
                name: layout::shorten(&indicator.name, NAME_CHARS),
                area: layout::shorten(&area.name, AREA_NAME_CHARS),
                unit: program.unit.as_deref().map(|id| unit_name(roadmap, id)),
                kind: indicator.kind,
                measure: indicator.unit.clone(),
                status: line.status(),
                achievement: line.evaluation.achievement,
                target: line.evaluation.target,
                actual: line.evaluation.actual,
                due: indicator.due.filter(|_| indicator.kind == Kind::Milestone),
                quarter,
                // A milestone's kendala is on the milestone, a number's on its entry.
                obstacle: match indicator.kind {
                    Kind::Milestone => explanation(Some(&indicator.obstacle)),
                    _ => explanation(entry.map(|e| &e.obstacle)),
                },
                follow_up: match indicator.kind {
                    Kind::Milestone => explanation(Some(&indicator.follow_up)),
                    _ => explanation(entry.map(|e| &e.follow_up)),
                },
            }
        })
        .collect();
    let total = rows.len();
    let budget = layout::CONTENT_HEIGHT - flagged_header_height();
    let parts = split_by_height(
        rows,
        FLAGGED_ROWS,
        |_| budget,
        |row, _| flagged_row_height(row),
    );
    let count = parts.len();
    parts
        .into_iter()
        .enumerate()
        .map(|(index, rows)| {
            Slide::Flagged(FlaggedSlide {
                quarter,
                total,
                assessed: report.summary.assessed(),
                rows,
                part: Part { index, count },
            })
        })
        .collect()
}

/// The column headings of the flagged table.
pub fn flagged_header_height() -> f32 {
    layout::SMALL * layout::LINE + 2.0 * layout::ROW_PADDING
}

/// How tall a flagged row is drawn (design units): its tallest column, each column
/// wrapped at its width, plus padding. The texts a row can show are capped, so any
/// one row fits a slide.
pub fn flagged_row_height(row: &FlaggedRow) -> f32 {
    let columns = &layout::FLAGGED_COLUMNS;
    let width = |i| layout::column_width(columns, i);
    let meta = match &row.unit {
        Some(unit) => format!("{} · {unit}", row.area),
        None => row.area.clone(),
    };
    let indicator = layout::height(&row.name, width(0), layout::TABLE * BOLD)
        + layout::ROW_SPACING
        + layout::height(&meta, width(0), layout::CAPTION);
    // The status chip, the achievement, then the numbers (Indonesian: the longer words).
    let achievement = layout::CHIP_HEIGHT
        + layout::TABLE * layout::LINE
        + flagged_numbers(row, Language::Indonesian)
            .iter()
            .map(|line| layout::height(line, width(1), layout::CAPTION) + layout::ROW_SPACING)
            .sum::<f32>()
        + layout::ROW_SPACING;
    let explanation = |text: &Option<String>| {
        layout::height(text.as_deref().unwrap_or("—"), width(2), layout::TABLE)
    };
    let tallest = indicator
        .max(achievement)
        .max(explanation(&row.obstacle))
        .max(explanation(&row.follow_up));
    tallest + 2.0 * layout::ROW_PADDING
}

fn closing(roadmap: &Roadmap, quarter: Quarter) -> Vec<Slide> {
    // The latest review at or before the quarter; among several for one quarter, the
    // latest date, and among equal dates the one recorded last.
    let latest = roadmap
        .reviews
        .iter()
        .filter(|review| review.quarter <= quarter)
        .max_by_key(|review| (review.quarter, review.date));
    let Some(review) = latest else {
        return vec![Slide::Closing(ClosingSlide {
            quarter,
            review: None,
            part: Part::WHOLE,
        })];
    };
    let pieces: Vec<Option<String>> = match written(&review.notes) {
        Some(notes) => layout::split_text(notes, NOTES_CHARS)
            .into_iter()
            .map(Some)
            .collect(),
        None => vec![None],
    };
    let count = pieces.len();
    pieces
        .into_iter()
        .enumerate()
        .map(|(index, notes)| {
            Slide::Closing(ClosingSlide {
                quarter,
                review: Some(ReviewNotes {
                    quarter: review.quarter,
                    date: review.date,
                    reviewer: layout::shorten(&review.reviewer, NAME_CHARS),
                    notes,
                    flagged: review.flagged.len(),
                }),
                part: Part { index, count },
            })
        })
        .collect()
}

fn unit_name(roadmap: &Roadmap, id: &str) -> String {
    let name = roadmap.unit(id).map_or(id, |unit| unit.name.as_str());
    layout::shorten(name, NAME_CHARS)
}

fn written(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{Area, Element, Indicator, Period, Program, Target};
    use crate::review::review;

    fn q(text: &str) -> Quarter {
        text.parse().unwrap()
    }

    fn roadmap_with(programs: usize) -> Roadmap {
        let mut roadmap = Roadmap::new(
            "RB",
            "Pemerintah Kabupaten Contoh",
            Period {
                start: 2025,
                end: 2029,
            },
        );
        let mut area = Area::new("mp", "Manajemen Perubahan", Element::Soft);
        for p in 0..programs {
            let mut program = Program::new(format!("mp-{p}"), format!("Program {p}"));
            let mut indicator = Indicator::new(format!("mp-{p}-a"), "Indikator", Kind::Level);
            indicator.targets.insert(
                "2025-Q1".into(),
                Target {
                    actual: Some(if p % 2 == 0 { 10.0 } else { 5.0 }),
                    ..Target::planned(10.0)
                },
            );
            program.indicators.push(indicator);
            area.programs.push(program);
        }
        roadmap.areas.push(area);
        roadmap
    }

    #[test]
    fn area_programs_split_into_continuations() {
        for (programs, slides) in [(0, 1), (1, 1), (6, 1), (7, 2), (12, 2), (13, 3), (30, 5)] {
            let roadmap = roadmap_with(programs);
            let deck = build(&roadmap, &review(&roadmap, q("2025-Q1")));
            let areas: Vec<&AreaSlide> = deck
                .iter()
                .filter_map(|s| match s {
                    Slide::Area(a) => Some(a),
                    _ => None,
                })
                .collect();
            assert_eq!(areas.len(), slides, "{programs} programs");
            let shown: usize = areas.iter().map(|a| a.programs.len()).sum();
            assert_eq!(shown, programs);
            assert!(areas.iter().all(|a| a.programs.len() <= PROGRAM_ROWS));
            for (index, slide) in areas.iter().enumerate() {
                assert_eq!(
                    slide.part,
                    Part {
                        index,
                        count: slides
                    }
                );
                assert_eq!(slide.charts.is_empty(), index > 0 || programs == 0);
            }
        }
    }

    #[test]
    fn key_indicators_put_the_worst_first() {
        let roadmap = roadmap_with(4);
        let deck = build(&roadmap, &review(&roadmap, q("2025-Q1")));
        let Some(Slide::Area(area)) = deck.iter().find(|s| s.kind() == SlideKind::Area) else {
            panic!("no area slide");
        };
        // Programs 1 and 3 are behind (5 of 10); they come before the on-track ones.
        let ids: Vec<&str> = area.charts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["mp-1-a", "mp-3-a"]);
        assert_eq!(area.charts[0].points.len(), 20);
        assert_eq!(area.charts[0].points[0].actual, Some(5.0));
        assert_eq!(area.charts[0].points[1].target, None);
    }

    #[test]
    fn flagged_rows_split_by_count_and_by_height() {
        let long = "kendala yang ditulis panjang sekali ".repeat(10);
        for (count, text) in [(13, None), (8, Some(long))] {
            let mut roadmap = roadmap_with(0);
            let program = &mut roadmap.areas[0].programs;
            program.push(Program::new("p", "Program"));
            for i in 0..count {
                let mut indicator = Indicator::new(format!("i{i}"), "Indikator", Kind::Level);
                indicator.targets.insert(
                    "2025-Q1".into(),
                    Target {
                        actual: Some(1.0),
                        obstacle: text.clone(),
                        follow_up: text.clone(),
                        ..Target::planned(10.0)
                    },
                );
                program[0].indicators.push(indicator);
            }
            let deck = build(&roadmap, &review(&roadmap, q("2025-Q1")));
            let flagged: Vec<&FlaggedSlide> = deck
                .iter()
                .filter_map(|s| match s {
                    Slide::Flagged(f) => Some(f),
                    _ => None,
                })
                .collect();
            let shown: usize = flagged.iter().map(|f| f.rows.len()).sum();
            assert_eq!(shown, count);
            // Every row here is as tall as the first: as many as fit, at most the maximum.
            let budget = layout::CONTENT_HEIGHT - flagged_header_height();
            let fit = (budget / flagged_row_height(&flagged[0].rows[0])) as usize;
            let per_slide = fit.min(FLAGGED_ROWS);
            assert!(per_slide >= 1);
            assert!(flagged.iter().all(|f| f.rows.len() <= per_slide));
            assert_eq!(flagged.len(), count.div_ceil(per_slide), "{text:?}");
            if text.is_some() {
                assert!(
                    per_slide < FLAGGED_ROWS,
                    "long texts take fewer rows a slide"
                );
            }
            for slide in &flagged {
                let height: f32 = slide.rows.iter().map(flagged_row_height).sum();
                assert!(height + flagged_header_height() <= layout::CONTENT_HEIGHT);
            }
        }
    }

    #[test]
    fn closing_takes_the_latest_review_at_or_before_the_quarter() {
        use crate::model::Review;
        let mut roadmap = roadmap_with(1);
        let date = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
        for (quarter, day, notes) in [
            ("2025-Q2", date(7, 10), "kedua"),
            ("2025-Q1", date(4, 10), "pertama"),
            ("2025-Q2", date(7, 20), "kedua, diperbaiki"),
            ("2025-Q4", date(12, 20), "nanti"),
        ] {
            roadmap.reviews.push(Review {
                quarter: q(quarter),
                date: day,
                reviewer: "Tim RB".into(),
                notes: Some(notes.into()),
                flagged: vec![],
            });
        }
        for (quarter, expected) in [
            ("2025-Q1", Some("pertama")),
            ("2025-Q3", Some("kedua, diperbaiki")),
            ("2026-Q1", Some("nanti")),
        ] {
            let deck = build(&roadmap, &review(&roadmap, q(quarter)));
            let Some(Slide::Closing(closing)) = deck.last() else {
                panic!("the deck ends with a closing slide");
            };
            assert_eq!(
                closing.review.as_ref().and_then(|r| r.notes.as_deref()),
                expected
            );
        }
        roadmap.reviews.retain(|r| r.quarter > q("2025-Q1"));
        let deck = build(&roadmap, &review(&roadmap, q("2025-Q1")));
        assert!(matches!(deck.last(), Some(Slide::Closing(c)) if c.review.is_none()));
    }

    #[test]
    fn long_notes_continue_on_the_next_slide() {
        use crate::model::Review;
        let mut roadmap = roadmap_with(1);
        let notes = "Rapat monev membahas capaian seluruh perangkat daerah. ".repeat(30);
        roadmap.reviews.push(Review {
            quarter: q("2025-Q1"),
            date: NaiveDate::from_ymd_opt(2025, 4, 15).unwrap(),
            reviewer: "Tim RB".into(),
            notes: Some(notes.clone()),
            flagged: vec![],
        });
        let deck = build(&roadmap, &review(&roadmap, q("2025-Q1")));
        let pieces: Vec<String> = deck
            .iter()
            .filter_map(|s| match s {
                Slide::Closing(c) => c.review.as_ref()?.notes.clone(),
                _ => None,
            })
            .collect();
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|p| p.chars().count() <= NOTES_CHARS));
        assert_eq!(pieces.join(" "), notes.trim());
        let last = deck.last().unwrap();
        assert!(last.heading(Language::Indonesian).ends_with("(lanjutan)"));
        assert!(last.heading(Language::English).ends_with("(continued)"));
    }
}
