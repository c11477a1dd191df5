//! One indicator as a row of the review table shows it: where it sits, what the engine
//! compared and how the numbers read in the interface's language.

use crate::gui::contract::Context;
use crate::locale::Language;
use crate::model::{Area, Indicator, Kind, Program, Quarter, Target};
use crate::review::{IndicatorReview, Status};

/// What the table shows for `report.indicators[index]`.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub index: usize,
    pub review: &'a IndicatorReview,
    pub area: &'a Area,
    pub program: &'a Program,
    pub indicator: &'a Indicator,
    /// The responsible unit's name (its id when the unit is not in the list).
    pub unit: Option<&'a str>,
    pub quarter: Quarter,
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
        let area = context.roadmap.areas.get(review.area)?;
        let program = area.programs.get(review.program)?;
        let indicator = context.roadmap.indicator(review.at())?;
        let unit = program.unit.as_deref().map(|id| {
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

    /// `Area · Program · Unit`, the row's second line.
    pub fn place(&self) -> String {
        let mut place = format!("{} · {}", self.area.name, self.program.name);
        if let Some(unit) = self.unit {
            place.push_str(" · ");
            place.push_str(unit);
        }
        place
    }
}
