//! One indicator as a row of the review table shows it: where it sits, what the engine
//! compared and how the numbers read in the interface's language.

use crate::gui::contract::Context;
use crate::locale::Language;
use crate::model::{Area, Indicator, Kind, Program, Quarter, Target};
use crate::review::{IndicatorReview, Status};
use crate::text::shorten_at_word;

/// The longest names on a row's second line, in characters, however wide the row.
const AREA_MAX: usize = 40;
const PROGRAM_MAX: usize = 60;
const UNIT_MAX: usize = 50;
/// However narrow the row, a name keeps this much.
const NAME_MIN: usize = 10;

/// What the table shows for `report.indicators[index]`.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub index: usize,
    pub review: &'a IndicatorReview,
    pub area: &'a Area,
    pub program: &'a Program,
    pub indicator: &'a Indicator,
    /// The reporting unit's name (`owner`, else the program's `unit`; its id when the
    /// unit is not in the list).
    pub unit: Option<&'a str>,
    pub quarter: Quarter,
    /// The program's score at the quarter (the engine's).
    pub program_score: Option<f64>,
    /// The program's budget absorption at the quarter (the engine's), where it has a
    /// budget that year.
    pub absorption: Option<f64>,
}

/// How change since the previous quarter reads on a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    NewlyBehind,
    NewlyMissing,
    Recovered,
}

impl<'a> Line<'a> {
    pub fn new(context: &Context<'a>, index: usize) -> Option<Self> {
        let review = context.report.indicators.get(index)?;
        let scores = &context.report.scores;
        let area = context.roadmap.areas.get(review.area)?;
        let program = area.programs.get(review.program)?;
        let indicator = context.roadmap.indicator(review.at())?;
        let unit = indicator.owner_in(program).map(|id| {
            context
                .roadmap
                .unit(id)
                .map_or(id, |unit| unit.name.as_str())
        });
        Some(Self {
            index,
            review,
            area,
            program,
            indicator,
            unit,
            quarter: context.report.quarter,
            program_score: scores
                .programs
                .get(review.area)
                .and_then(|area| area.get(review.program))
                .copied()
                .flatten(),
            absorption: scores
                .absorption
                .get(review.area)
                .and_then(|area| area.get(review.program))
                .copied()
                .flatten(),
        })
    }

    pub fn status(&self) -> Status {
        self.review.status()
    }

    /// The quarter's own entry (target, actual, *kendala*, ...).
    pub fn entry(&self) -> Option<&'a Target> {
        self.indicator.target_at(self.quarter)
    }

    /// `Count` indicators are judged on sums from TW I of the year to this quarter.
    pub fn is_year_to_date(&self) -> bool {
        matches!(self.indicator.kind, Kind::Count | Kind::Average)
    }

    /// The target the engine compared (year to date for `Count`); for a milestone, its
    /// due quarter.
    pub fn target_text(&self, language: Language) -> String {
        match self.indicator.kind {
            Kind::Milestone => self
                .indicator
                .due
                .map(|due| language.quarter(due))
                .unwrap_or_else(|| "—".into()),
            Kind::Level | Kind::Count | Kind::Average => self
                .review
                .evaluation
                .target
                .or_else(|| self.entry().map(|entry| entry.target))
                .map(|value| language.number(value, 2))
                .unwrap_or_else(|| "—".into()),
        }
    }

    /// The actual the engine compared, where it was computed.
    pub fn compared_actual_text(&self, language: Language) -> Option<String> {
        self.review
            .evaluation
            .actual
            .map(|value| language.number(value, 2))
    }

    /// Capaian: `86,7%`, or a dash where none was computed.
    pub fn achievement_text(&self, language: Language) -> String {
        self.review
            .evaluation
            .achievement
            .map(|value| language.percent(value))
            .unwrap_or_else(|| "—".into())
    }

    /// The *kendala* and *tindak lanjut* written for the row: the quarter's entry's, or
    /// a milestone's own. Blank text counts as not written.
    pub fn explanation(&self) -> (Option<&'a str>, Option<&'a str>) {
        let (obstacle, follow_up) = match self.indicator.kind {
            Kind::Milestone => (&self.indicator.obstacle, &self.indicator.follow_up),
            Kind::Level | Kind::Count | Kind::Average => match self.entry() {
                Some(entry) => (&entry.obstacle, &entry.follow_up),
                None => return (None, None),
            },
        };
        let written = |text: &'a Option<String>| text.as_deref().filter(|t| !t.trim().is_empty());
        (written(obstacle), written(follow_up))
    }

    /// Whether *kendala* and *tindak lanjut* can be written here: a quarter's entry, or a
    /// milestone with a due quarter.
    pub fn takes_explanation(&self) -> bool {
        match self.indicator.kind {
            Kind::Milestone => self.indicator.due.is_some(),
            Kind::Level | Kind::Count | Kind::Average => self.entry().is_some(),
        }
    }

    /// Whether the actual can be typed here: numeric, with a target at the quarter.
    pub fn takes_actual(&self) -> bool {
        self.indicator.kind != Kind::Milestone && self.entry().is_some()
    }

    /// The milestone is done at or before the quarter.
    pub fn milestone_done(&self) -> bool {
        self.indicator.done.is_some_and(|done| done <= self.quarter)
    }

    pub fn trend(&self, context: &Context<'_>) -> Option<Trend> {
        let id = &self.review.id;
        if context.report.newly_behind.contains(id) {
            Some(Trend::NewlyBehind)
        } else if context.report.newly_missing.contains(id) {
            Some(Trend::NewlyMissing)
        } else if context.report.recovered.contains(id) {
            Some(Trend::Recovered)
        } else {
            None
        }
    }

    /// `Area · Program · Unit`, the row's second line, in at most about `room`
    /// characters: each name cut at a word with "…" when long, so that all three show.
    pub fn place(&self, room: usize) -> String {
        let names = [
            self.area.name.as_str(),
            self.program.name.as_str(),
            self.unit.unwrap_or_default(),
        ];
        // The unit and the program say most; the area is in the summary above too.
        let mut shares = [room / 4, 0, room * 2 / 5];
        shares[1] = room.saturating_sub(shares[0] + shares[2] + 6);
        // What a short name leaves goes to the long ones, the unit's first.
        let mut spare = 0;
        for (share, name) in shares.iter_mut().zip(names) {
            let length = name.chars().count();
            if length < *share {
                spare += *share - length;
                *share = length;
            }
        }
        for i in [2, 1, 0] {
            let wanted = names[i].chars().count().saturating_sub(shares[i]);
            let given = wanted.min(spare);
            shares[i] += given;
            spare -= given;
        }
        let limits = [AREA_MAX, PROGRAM_MAX, UNIT_MAX];
        let cut = |i: usize| shorten_at_word(names[i], shares[i].clamp(NAME_MIN, limits[i]));
        let mut place = format!("{} · {}", cut(0), cut(1));
        if self.unit.is_some() {
            place.push_str(" · ");
            place.push_str(&cut(2));
        }
        place
    }
}
