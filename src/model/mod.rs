//! The roadmap document, exactly as `roadmap-format.md` (format_version 1) describes it.
//!
//! Every struct denies unknown fields so that a typo in a hand-edited file is reported
//! with its name, line and column instead of being silently dropped.

mod address;
mod entry;
mod quarter;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use address::IndicatorAt;
pub use entry::EntryError;
pub use quarter::{Quarter, QuarterKey, QuarterParseError};

/// The newest `format_version` this program reads and writes.
pub const FORMAT_VERSION: u32 = 1;

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
}

/// Whether more or less is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Direction {
    #[default]
    HigherIsBetter,
    LowerIsBetter,
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
}

/// Planned and reported value for one quarter, with what a reviewer wrote about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub target: f64,
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

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
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
            actual: None,
            note: None,
            obstacle: None,
            follow_up: None,
            evidence: None,
        }
    }

    /// A reviewer has written both *kendala* and *tindak lanjut*.
    pub fn is_explained(&self) -> bool {
        let written = |text: &Option<String>| text.as_deref().is_some_and(|t| !t.trim().is_empty());
        written(&self.obstacle) && written(&self.follow_up)
    }
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
            due: None,
            done: None,
        }
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
            programs: Vec::new(),
        }
    }
}

impl Roadmap {
    /// An empty roadmap for `institution` over `period`.
    pub fn new(title: impl Into<String>, institution: impl Into<String>, period: Period) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            title: title.into(),
            institution: institution.into(),
            period,
            vision: None,
            rules: Rules::default(),
            units: Vec::new(),
            areas: Vec::new(),
            reviews: Vec::new(),
        }
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
