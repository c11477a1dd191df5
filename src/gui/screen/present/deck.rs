//! The slides of a deck as data: what each kind of slide shows, in the order
//! `slides::build` makes them. Pure data, no iced types.

use chrono::NaiveDate;

use super::layout::{self, BOLD};
use crate::gui::i18n::{tr, tr_with};
use crate::locale::Language;
use crate::model::{Direction, Element, Kind, Period, Quarter};
use crate::review::{Counts, Status};

#[derive(Debug, Clone, PartialEq)]
pub enum Slide {
    Title(TitleSlide),
    Overview(OverviewSlide),
    Scorecard(ScorecardSlide),
    Area(AreaSlide),
    QuickWins(QuickWinSlide),
    Ranking(RankingSlide),
    Milestones(MilestoneSlide),
    Flagged(FlaggedSlide),
    Closing(ClosingSlide),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SlideKind {
    Title,
    Overview,
    Scorecard,
    Area,
    QuickWins,
    Ranking,
    Milestones,
    Flagged,
    Closing,
}

/// Which piece of a split slide this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub index: usize,
    pub count: usize,
}

impl Part {
    pub(super) const WHOLE: Part = Part { index: 0, count: 1 };

    pub fn continued(self) -> bool {
        self.index > 0
    }
}

/// `items` in slides of at most `max`; one empty slide when there are none.
pub(super) fn pieces<T>(items: Vec<T>, max: usize) -> Vec<(Part, Vec<T>)> {
    let mut pieces: Vec<Vec<T>> = Vec::new();
    for item in items {
        match pieces.last_mut() {
            Some(piece) if piece.len() < max => piece.push(item),
            _ => pieces.push(vec![item]),
        }
    }
    if pieces.is_empty() {
        pieces.push(Vec::new());
    }
    let count = pieces.len();
    pieces
        .into_iter()
        .enumerate()
        .map(|(index, piece)| (Part { index, count }, piece))
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct TitleSlide {
    pub title: String,
    pub institution: String,
    pub period: Period,
    pub vision: Option<String>,
    pub quarter: Quarter,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OverviewSlide {
    pub quarter: Quarter,
    /// All indicators of the document.
    pub summary: Counts,
    pub rows: Vec<AreaRow>,
    pub part: Part,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AreaRow {
    pub name: String,
    pub element: Element,
    pub programs: usize,
    pub indicators: usize,
    pub counts: Counts,
}

/// A score and its rating (none where the document rates nothing).
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub score: Option<f64>,
    pub rating: Option<String>,
}

/// Every area's score and rating at the quarter, and the document's.
#[derive(Debug, Clone, PartialEq)]
pub struct ScorecardSlide {
    pub quarter: Quarter,
    pub document: Scored,
    pub rows: Vec<AreaScore>,
    pub part: Part,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AreaScore {
    pub name: String,
    pub element: Element,
    pub scored: Scored,
    /// Indicators of the area that have a score at the quarter.
    pub scored_indicators: usize,
}

/// The programs marked as quick wins, with how they stand at the quarter.
#[derive(Debug, Clone, PartialEq)]
pub struct QuickWinSlide {
    pub quarter: Quarter,
    pub rows: Vec<QuickWinRow>,
    pub part: Part,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuickWinRow {
    pub name: String,
    pub area: String,
    pub unit: Option<String>,
    /// The worst status among its indicators at the quarter.
    pub status: Option<Status>,
    pub scored: Scored,
    /// Budget absorption (%) in the quarter's year to date.
    pub absorption: Option<f64>,
}

/// The units ranked by score (the domain's scorecard), best first.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingSlide {
    pub quarter: Quarter,
    pub rows: Vec<UnitRow>,
    pub part: Part,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitRow {
    /// 1 for the best; units without a score have none.
    pub rank: Option<usize>,
    pub name: String,
    pub scored: Scored,
    /// Indicators it reports, and of those flagged and flagged without explanation.
    pub owned: usize,
    pub flagged: usize,
    pub unexplained: usize,
    pub absorption: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AreaSlide {
    /// Index in `roadmap.areas`.
    pub area: usize,
    pub name: String,
    pub element: Element,
    pub goal: Option<String>,
    pub counts: Counts,
    /// Programs of the whole area (this slide shows some of them).
    pub program_count: usize,
    pub programs: Vec<ProgramRow>,
    /// Key indicators (first slide of the area only).
    pub charts: Vec<Series>,
    pub part: Part,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProgramRow {
    pub name: String,
    /// The responsible unit's name (its id when the id names no unit).
    pub unit: Option<String>,
    pub indicators: usize,
    /// The worst status among its indicators at the quarter.
    pub status: Option<Status>,
}

/// One indicator's targets and actuals over the period, for a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub id: String,
    pub name: String,
    /// Unit of measure.
    pub measure: String,
    pub kind: Kind,
    pub direction: Direction,
    pub quarter: Quarter,
    pub status: Status,
    pub achievement: Option<f64>,
    /// What the review compared at the quarter: the quarter's target and actual for a
    /// level, the year to date (sums for `Count`, means for `Average`) otherwise.
    pub target: Option<f64>,
    pub actual: Option<f64>,
    /// Every quarter of the period, in order, measured as `target` and `actual` are.
    pub points: Vec<Point>,
}

impl Series {
    /// How the chart's values are measured.
    pub fn basis(&self) -> Basis {
        match self.kind {
            Kind::Count => Basis::YearToDate,
            Kind::Average => Basis::MeanToDate,
            Kind::Level | Kind::Milestone => Basis::Quarter,
        }
    }
}

/// How a chart's values are measured, as the review measures its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Each quarter's own target and actual.
    Quarter,
    /// Sums over the year up to each quarter.
    YearToDate,
    /// Means over the year up to each quarter.
    MeanToDate,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub quarter: Quarter,
    pub target: Option<f64>,
    pub actual: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneSlide {
    pub period: Period,
    pub quarter: Quarter,
    pub rows: Vec<MilestoneRow>,
    pub part: Part,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MilestoneRow {
    pub name: String,
    pub area: String,
    pub due: Quarter,
    pub done: Option<Quarter>,
    pub status: Status,
    /// Late (done late, or overdue): its *kendala*, where one is written.
    pub obstacle: Option<String>,
    /// When the slide is presented.
    pub quarter: Quarter,
}

/// A milestone against its due quarter, as the slide shows it: the review's status
/// says "on track" for one done a quarter late, but the slide must show it was late.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    /// Done at or before its due quarter.
    OnTime,
    /// Done, after its due quarter.
    DoneLate,
    /// Due at or before the quarter presented and not done by then.
    Overdue,
    /// Not due yet and not done.
    NotDue,
}

impl MilestoneRow {
    pub fn timing(&self) -> Timing {
        match self.done.filter(|&done| done <= self.quarter) {
            Some(done) if done <= self.due => Timing::OnTime,
            Some(_) => Timing::DoneLate,
            None if self.due <= self.quarter => Timing::Overdue,
            None => Timing::NotDue,
        }
    }

    /// Done late or overdue.
    pub fn is_late(&self) -> bool {
        matches!(self.timing(), Timing::DoneLate | Timing::Overdue)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlaggedSlide {
    pub quarter: Quarter,
    /// Flagged indicators in the whole deck.
    pub total: usize,
    /// Indicators that had something to assess at the quarter: with none, "nothing
    /// is behind" would say more than the document does.
    pub assessed: usize,
    pub rows: Vec<FlaggedRow>,
    pub part: Part,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlaggedRow {
    pub id: String,
    pub name: String,
    pub area: String,
    pub unit: Option<String>,
    pub kind: Kind,
    pub measure: String,
    pub status: Status,
    pub achievement: Option<f64>,
    /// What was compared (year to date for `Count`).
    pub target: Option<f64>,
    pub actual: Option<f64>,
    /// Milestones: when it was due.
    pub due: Option<Quarter>,
    /// When the slide is presented.
    pub quarter: Quarter,
    pub obstacle: Option<String>,
    pub follow_up: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClosingSlide {
    pub quarter: Quarter,
    pub review: Option<ReviewNotes>,
    pub part: Part,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewNotes {
    pub quarter: Quarter,
    pub date: NaiveDate,
    pub reviewer: String,
    /// This slide's piece of the notes.
    pub notes: Option<String>,
    /// How many indicators the review flagged when it was recorded.
    pub flagged: usize,
}

impl Slide {
    pub fn kind(&self) -> SlideKind {
        match self {
            Slide::Title(_) => SlideKind::Title,
            Slide::Overview(_) => SlideKind::Overview,
            Slide::Scorecard(_) => SlideKind::Scorecard,
            Slide::Area(_) => SlideKind::Area,
            Slide::QuickWins(_) => SlideKind::QuickWins,
            Slide::Ranking(_) => SlideKind::Ranking,
            Slide::Milestones(_) => SlideKind::Milestones,
            Slide::Flagged(_) => SlideKind::Flagged,
            Slide::Closing(_) => SlideKind::Closing,
        }
    }

    pub fn part(&self) -> Part {
        match self {
            Slide::Title(_) => Part::WHOLE,
            Slide::Overview(slide) => slide.part,
            Slide::Scorecard(slide) => slide.part,
            Slide::Area(slide) => slide.part,
            Slide::QuickWins(slide) => slide.part,
            Slide::Ranking(slide) => slide.part,
            Slide::Milestones(slide) => slide.part,
            Slide::Flagged(slide) => slide.part,
            Slide::Closing(slide) => slide.part,
        }
    }

    /// The heading shown on the slide, "(lanjutan)" on a continuation.
    pub fn heading(&self, language: Language) -> String {
        let quarter = |q: Quarter| language.quarter(q);
        let heading = match self {
            Slide::Title(slide) => slide.title.clone(),
            Slide::Overview(slide) => tr_with(
                language,
                "present.overview.title",
                &[("quarter", &quarter(slide.quarter))],
            ),
            Slide::Scorecard(slide) => tr_with(
                language,
                "present.scorecard.title",
                &[("quarter", &quarter(slide.quarter))],
            ),
            Slide::Area(slide) => slide.name.clone(),
            Slide::QuickWins(slide) => tr_with(
                language,
                "present.quick_wins.title",
                &[("quarter", &quarter(slide.quarter))],
            ),
            Slide::Ranking(slide) => tr_with(
                language,
                "present.ranking.title",
                &[("quarter", &quarter(slide.quarter))],
            ),
            Slide::Milestones(_) => tr(language, "present.milestones.title"),
            Slide::Flagged(slide) => tr_with(
                language,
                "present.flagged.title",
                &[("quarter", &quarter(slide.quarter))],
            ),
            Slide::Closing(slide) => match &slide.review {
                Some(review) => tr_with(
                    language,
                    "present.closing.title",
                    &[("quarter", &quarter(review.quarter))],
                ),
                None => tr(language, "present.closing.heading"),
            },
        };
        // One line on the slide, the "(lanjutan)" always visible.
        let room = layout::chars_per_line(layout::CONTENT_WIDTH, layout::HEADING * BOLD);
        if self.part().continued() {
            let suffix = tr(language, "present.continued");
            let room = room.saturating_sub(suffix.chars().count() + 1);
            format!("{} {suffix}", layout::shorten(&heading, room))
        } else {
            layout::shorten(&heading, room)
        }
    }
}
