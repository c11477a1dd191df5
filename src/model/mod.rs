//! The roadmap document, exactly as `roadmap-format.md` (format versions 1 and 2)
//! describes it. The version 2 additions are optional fields; [`Roadmap::lowest_format_version`]
//! says which version a document needs.
//!
//! Every struct denies unknown fields so that a typo in a hand-edited file is reported
//! with its name, line and column instead of being silently dropped.

mod address;
mod budget;
mod entry;
mod quarter;
mod scoring;
mod version;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use address::IndicatorAt;
pub use entry::{EntryError, Planned};
pub use quarter::{Quarter, QuarterKey, QuarterParseError};
pub use scoring::{Band, MissingScore, RatingScale, Scale, Scoring};

/// The newest `format_version` this program reads and writes.
pub const FORMAT_VERSION: u32 = 2;

/// The version a document that uses nothing newer is written as.
pub const FIRST_FORMAT_VERSION: u32 = 1;

/// One institution's reform plan over a multi-year period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roadmap {
    pub format_version: u32,
    pub title: String,
    pub institution: String,
    pub period: Period,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vision: Option<String>,
    #[serde(default)]
    pub rules: Rules,
    /// Version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<Scoring>,
    #[serde(default)]
    pub units: Vec<Unit>,
    #[serde(default)]
    pub areas: Vec<Area>,
    #[serde(default)]
    pub reviews: Vec<Review>,
}

/// The years a roadmap covers, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: i32,
    pub end: i32,
}

/// Thresholds on achievement (%) that decide a status: at or above `at_risk_below` is
/// on track, below `behind_below` is behind, in between is at risk.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    pub at_risk_below: f64,
    pub behind_below: f64,
}

/// An office responsible for programs (*perangkat daerah*, OPD).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    pub name: String,
}

/// Permenpan RB 3/2023 grouping of a change area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Element {
    #[default]
    Hard,
    Soft,
}

/// A change area (*area perubahan*).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub element: Element,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Version 2: the area's weight in the document's score (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    #[serde(default)]
    pub programs: Vec<Program>,
}

/// A piece of work inside an area, owned by one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    pub id: String,
    pub name: String,
    /// Id of the responsible [`Unit`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Whole rupiah.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Version 2: a *quick win*, tracked apart.
    #[serde(default, skip_serializing_if = "is_default")]
    pub quick_win: bool,
    /// Version 2: the budget (*pagu*) of each year, whole rupiah.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annual_budget: BTreeMap<i32, u64>,
    /// Version 2: rupiah spent in each quarter, keyed by quarter text like `targets`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub spent: BTreeMap<String, u64>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

/// How an indicator's quarterly targets are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Kind {
    /// Each quarter's target is the level to reach by the end of that quarter.
    #[default]
    Level,
    /// Each quarter's target is the amount for that quarter alone; progress is year to date.
    Count,
    /// Done or not by a due quarter.
    Milestone,
    /// Version 2: like `Count`, with means instead of sums (a quarterly index).
    Average,
}

/// Whether more or less is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Direction {
    #[default]
    HigherIsBetter,
    LowerIsBetter,
    /// Version 2: the actual must stay inside the target range (an inflation rate).
    WithinRange,
}

/// What is measured for a program (*indikator*).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub kind: Kind,
    /// Unit of measure ("%", "dokumen", ...).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub direction: Direction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// Replaces the document's rules for this indicator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Rules>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Version 2: the id of the unit that reports it; default the program's `unit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Version 2: the indicator's weight in the scores above it (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// Version 2: the measuring scale; values outside it are a warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
    /// Keyed by quarter text (`2025-Q1`). Kept as text so that a malformed key is a
    /// validation problem the user can fix, not a file that refuses to open.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub targets: BTreeMap<String, Target>,
    /// Milestones only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Quarter>,
    /// Milestones only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Quarter>,
    /// Version 2, milestones: *kendala* for a late milestone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obstacle: Option<String>,
    /// Version 2, milestones: *tindak lanjut* for a late milestone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<String>,
    /// Version 2, milestones: paths or links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Vec<String>>,
}

/// Planned and reported value for one quarter, with what a reviewer wrote about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub target: f64,
    /// Version 2: with it the target is the range [`target`, `upper`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// *Kendala*
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obstacle: Option<String>,
    /// *Tindak lanjut*
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<String>,
    /// Paths or links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Vec<String>>,
}

/// A recorded quarterly check-in (*monev triwulan*).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub quarter: Quarter,
    pub date: chrono::NaiveDate,
    pub reviewer: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Ids of the indicators flagged when the review was recorded.
    #[serde(default)]
    pub flagged: Vec<String>,
}

pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

impl Default for Rules {
    fn default() -> Self {
        Self {
            at_risk_below: 100.0,
            behind_below: 90.0,
        }
    }
}

impl Period {
    pub fn first_quarter(self) -> Quarter {
        Quarter::first_of(self.start)
    }

    pub fn last_quarter(self) -> Quarter {
        Quarter::last_of(self.end)
    }

    pub fn contains(self, quarter: Quarter) -> bool {
        (self.start..=self.end).contains(&quarter.year())
    }

    pub fn quarters(self) -> impl Iterator<Item = Quarter> {
        self.first_quarter().through(self.last_quarter())
    }

    pub fn years(self) -> std::ops::RangeInclusive<i32> {
        self.start..=self.end
    }

    /// The quarter a review defaults to on `today`: the last one that has ended,
    /// clamped into the period.
    pub fn default_review_quarter(self, today: chrono::NaiveDate) -> Quarter {
        Quarter::last_ended(today).clamp(self.first_quarter(), self.last_quarter())
    }
}

impl Target {
    pub fn planned(target: f64) -> Self {
        Self {
            target,
            upper: None,
            actual: None,
            note: None,
            obstacle: None,
            follow_up: None,
            evidence: None,
        }
    }

    /// A reviewer has written both *kendala* and *tindak lanjut*.
    pub fn is_explained(&self) -> bool {
        explained(&self.obstacle, &self.follow_up)
    }

    /// The range [lower, upper] this entry asks for (a point target is [t, t]).
    pub fn range(&self) -> (f64, f64) {
        (self.target, self.upper.unwrap_or(self.target))
    }
}

fn weight_or_one(weight: Option<f64>) -> f64 {
    weight.filter(|w| w.is_finite() && *w > 0.0).unwrap_or(1.0)
}

/// Both *kendala* and *tindak lanjut* are written (not only spaces).
fn explained(obstacle: &Option<String>, follow_up: &Option<String>) -> bool {
    let written = |text: &Option<String>| text.as_deref().is_some_and(|t| !t.trim().is_empty());
    written(obstacle) && written(follow_up)
}

impl Indicator {
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: Kind) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            kind,
            unit: String::new(),
            direction: Direction::default(),
            baseline: None,
            rules: None,
            note: None,
            targets: BTreeMap::new(),
            owner: None,
            weight: None,
            scale: None,
            due: None,
            done: None,
            obstacle: None,
            follow_up: None,
            evidence: None,
        }
    }

    /// A milestone's *kendala* and *tindak lanjut* are both written.
    pub fn is_explained(&self) -> bool {
        explained(&self.obstacle, &self.follow_up)
    }

    /// The weight in the scores above it: 1 when none is written, or when the one
    /// written is not a positive number (validation reports that).
    pub fn weight(&self) -> f64 {
        weight_or_one(self.weight)
    }

    /// The unit that reports it: its `owner`, else its program's `unit`.
    pub fn owner_in<'a>(&'a self, program: &'a Program) -> Option<&'a str> {
        self.owner.as_deref().or(program.unit.as_deref())
    }

    pub fn target_at(&self, quarter: Quarter) -> Option<&Target> {
        self.targets.get(quarter.key().as_str())
    }

    pub fn target_at_mut(&mut self, quarter: Quarter) -> Option<&mut Target> {
        self.targets.get_mut(quarter.key().as_str())
    }

    /// The rules in force for this indicator.
    pub fn rules_or(&self, document: Rules) -> Rules {
        self.rules.unwrap_or(document)
    }
}

impl Program {
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            unit: None,
            budget: None,
            note: None,
            quick_win: false,
            annual_budget: BTreeMap::new(),
            spent: BTreeMap::new(),
            indicators: Vec::new(),
        }
    }
}

impl Area {
    pub fn new(id: impl Into<String>, name: impl Into<String>, element: Element) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            element,
            goal: None,
            note: None,
            weight: None,
            programs: Vec::new(),
        }
    }

    /// The weight in the document's score, as [`Indicator::weight`].
    pub fn weight(&self) -> f64 {
        weight_or_one(self.weight)
    }
}

impl Roadmap {
    /// An empty roadmap for `institution` over `period`.
    pub fn new(title: impl Into<String>, institution: impl Into<String>, period: Period) -> Self {
        Self {
            format_version: FIRST_FORMAT_VERSION,
            title: title.into(),
            institution: institution.into(),
            period,
            vision: None,
            rules: Rules::default(),
            scoring: None,
            units: Vec::new(),
            areas: Vec::new(),
            reviews: Vec::new(),
        }
    }

    /// The scoring settings, the defaults when the document has none.
    pub fn scoring(&self) -> &Scoring {
        self.scoring.as_ref().unwrap_or(&Scoring::DEFAULT)
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// Every indicator in document order, with the area and program it belongs to.
    pub fn indicators(&self) -> impl Iterator<Item = (&Area, &Program, &Indicator)> {
        self.areas.iter().flat_map(|area| {
            area.programs.iter().flat_map(move |program| {
                program
                    .indicators
                    .iter()
                    .map(move |indicator| (area, program, indicator))
            })
        })
    }

    pub fn indicator_count(&self) -> usize {
        self.areas
            .iter()
            .flat_map(|a| &a.programs)
            .map(|p| p.indicators.len())
            .sum()
    }

    /// The last quarter any indicator has an actual for: how far reporting has got.
    pub fn latest_reported_quarter(&self) -> Option<Quarter> {
        self.indicators()
            .flat_map(|(_, _, indicator)| &indicator.targets)
            .filter(|(_, entry)| entry.actual.is_some())
            .filter_map(|(key, _)| key.parse::<Quarter>().ok())
            .max()
    }

    /// The review recorded for `quarter`, the latest one if several were.
    pub fn review_at(&self, quarter: Quarter) -> Option<&Review> {
        self.reviews.iter().rev().find(|r| r.quarter == quarter)
    }
}
