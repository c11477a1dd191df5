//! What a problem is: its kind, its severity and its message in the user's language.

use std::fmt;

use super::Location;
use crate::locale::Language;
use crate::model::{Period, Quarter, Rules};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// The word shown before a problem.
    pub fn label(self, language: Language) -> String {
        let key = match self {
            Severity::Error => "validate.severity.error",
            Severity::Warning => "validate.severity.warning",
        };
        rust_i18n::t!(key, locale = language.code()).into_owned()
    }
}

/// The kinds of item that carry an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    Unit,
    Area,
    Program,
    Indicator,
}

impl Item {
    /// The item's noun, lower case: "indikator", "indicator".
    pub fn noun(self, language: Language) -> String {
        let key = match self {
            Item::Unit => "validate.item.unit",
            Item::Area => "validate.item.area",
            Item::Program => "validate.item.program",
            Item::Indicator => "validate.item.indicator",
        };
        rust_i18n::t!(key, locale = language.code()).into_owned()
    }
}

/// A number field that must be finite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberField {
    Target,
    Actual,
    Baseline,
    AtRiskBelow,
    BehindBelow,
    Upper,
    Cap,
}

impl NumberField {
    fn label(self, language: Language) -> String {
        let key = match self {
            NumberField::Target => "validate.field.target",
            NumberField::Actual => "validate.field.actual",
            NumberField::Baseline => "validate.field.baseline",
            NumberField::AtRiskBelow => "validate.field.at_risk_below",
            NumberField::BehindBelow => "validate.field.behind_below",
            NumberField::Upper => "validate.field.upper",
            NumberField::Cap => "validate.field.cap",
        };
        rust_i18n::t!(key, locale = language.code()).into_owned()
    }
}

/// A milestone's quarter field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MilestoneField {
    Due,
    Done,
}

impl MilestoneField {
    fn name(self) -> &'static str {
        match self {
            MilestoneField::Due => "due",
            MilestoneField::Done => "done",
        }
    }
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    PeriodReversed {
        start: i32,
        end: i32,
    },
    EmptyId {
        item: Item,
    },
    EmptyName {
        item: Item,
    },
    /// The id is already used by the item at `first`.
    DuplicateId {
        item: Item,
        id: String,
        first: Location,
    },
    UnknownUnit {
        unit: String,
    },
    MalformedQuarter {
        key: String,
    },
    TargetOutsidePeriod {
        quarter: Quarter,
        period: Period,
    },
    NotFinite {
        field: NumberField,
        value: f64,
    },
    RulesReversed {
        rules: Rules,
    },
    MilestoneWithTargets {
        count: usize,
    },
    NumericWithMilestoneField {
        field: MilestoneField,
    },
    MilestoneOutsidePeriod {
        field: MilestoneField,
        quarter: Quarter,
        period: Period,
    },
    ReviewOutsidePeriod {
        quarter: Quarter,
        period: Period,
    },
    // Version 2.
    CapBelowHundred {
        cap: f64,
    },
    BandsNotDescending {
        /// The first band whose `min` is not below the one before it.
        label: String,
    },
    BadWeight {
        value: f64,
    },
    UnknownOwner {
        unit: String,
    },
    WithinRangeOnMilestone,
    BadScale {
        min: f64,
        max: f64,
    },
    UpperBelowTarget {
        upper: f64,
        target: f64,
    },
    UpperOnMilestone,
    OutsideScale {
        value: f64,
        min: f64,
        max: f64,
    },
    SpentOutsidePeriod {
        quarter: Quarter,
        period: Period,
    },
    SpentWithoutBudget {
        quarter: Quarter,
    },
}

impl ProblemKind {
    /// How serious this kind of problem is.
    pub fn severity(&self) -> Severity {
        match self {
            ProblemKind::TargetOutsidePeriod { .. }
            | ProblemKind::MilestoneOutsidePeriod { .. }
            | ProblemKind::ReviewOutsidePeriod { .. }
            | ProblemKind::OutsideScale { .. }
            | ProblemKind::SpentOutsidePeriod { .. }
            | ProblemKind::SpentWithoutBudget { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// A stable name for the kind (also the translation key's last part).
    pub fn key(&self) -> &'static str {
        match self {
            ProblemKind::PeriodReversed { .. } => "period_reversed",
            ProblemKind::EmptyId { .. } => "empty_id",
            ProblemKind::EmptyName { .. } => "empty_name",
            ProblemKind::DuplicateId { .. } => "duplicate_id",
            ProblemKind::UnknownUnit { .. } => "unknown_unit",
            ProblemKind::MalformedQuarter { .. } => "malformed_quarter",
            ProblemKind::TargetOutsidePeriod { .. } => "target_outside_period",
            ProblemKind::NotFinite { .. } => "not_finite",
            ProblemKind::RulesReversed { .. } => "rules_reversed",
            ProblemKind::MilestoneWithTargets { .. } => "milestone_with_targets",
            ProblemKind::NumericWithMilestoneField { .. } => "numeric_with_milestone_field",
            ProblemKind::MilestoneOutsidePeriod { .. } => "milestone_outside_period",
            ProblemKind::ReviewOutsidePeriod { .. } => "review_outside_period",
            ProblemKind::CapBelowHundred { .. } => "cap_below_hundred",
            ProblemKind::BandsNotDescending { .. } => "bands_not_descending",
            ProblemKind::BadWeight { .. } => "bad_weight",
            ProblemKind::UnknownOwner { .. } => "unknown_owner",
            ProblemKind::WithinRangeOnMilestone => "within_range_on_milestone",
            ProblemKind::BadScale { .. } => "bad_scale",
            ProblemKind::UpperBelowTarget { .. } => "upper_below_target",
            ProblemKind::UpperOnMilestone => "upper_on_milestone",
            ProblemKind::OutsideScale { .. } => "outside_scale",
            ProblemKind::SpentOutsidePeriod { .. } => "spent_outside_period",
            ProblemKind::SpentWithoutBudget { .. } => "spent_without_budget",
        }
    }
}

/// One problem found by [`validate`].
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub severity: Severity,
    pub location: Location,
    pub kind: ProblemKind,
}

impl Problem {
    pub(super) fn new(location: Location, kind: ProblemKind) -> Self {
        Self {
            severity: kind.severity(),
            location,
            kind,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// What is wrong, in `language`, as one sentence (without where: see
    /// [`Location::describe`]).
    pub fn message(&self, language: Language) -> String {
        let locale = language.code();
        let key = format!("validate.problem.{}", self.kind.key());
        let key = key.as_str();
        let period_text = |period: &Period| format!("{}–{}", period.start, period.end);
        let text = match &self.kind {
            ProblemKind::PeriodReversed { start, end } => {
                rust_i18n::t!(key, locale = locale, start = start, end = end)
            }
            ProblemKind::EmptyId { item } | ProblemKind::EmptyName { item } => {
                rust_i18n::t!(key, locale = locale, item = item.noun(language))
            }
            ProblemKind::DuplicateId { item, id, .. } => {
                rust_i18n::t!(key, locale = locale, item = item.noun(language), id = id)
            }
            ProblemKind::UnknownUnit { unit } => rust_i18n::t!(key, locale = locale, unit = unit),
            ProblemKind::MalformedQuarter { key: written } => {
                rust_i18n::t!(key, locale = locale, written = written)
            }
            ProblemKind::TargetOutsidePeriod { quarter, period }
            | ProblemKind::ReviewOutsidePeriod { quarter, period }
            | ProblemKind::SpentOutsidePeriod { quarter, period } => rust_i18n::t!(
                key,
                locale = locale,
                quarter = language.quarter(*quarter),
                period = period_text(period)
            ),
            ProblemKind::NotFinite { field, value } => rust_i18n::t!(
                key,
                locale = locale,
                field = field.label(language),
                value = value
            ),
            ProblemKind::RulesReversed { rules } => rust_i18n::t!(
                key,
                locale = locale,
                behind = language.number(rules.behind_below, 2),
                at_risk = language.number(rules.at_risk_below, 2)
            ),
            ProblemKind::CapBelowHundred { cap } => {
                rust_i18n::t!(key, locale = locale, cap = language.number(*cap, 2))
            }
            ProblemKind::BandsNotDescending { label } => {
                rust_i18n::t!(key, locale = locale, label = label)
            }
            ProblemKind::BadWeight { value } => {
                rust_i18n::t!(key, locale = locale, value = language.number(*value, 2))
            }
            ProblemKind::UnknownOwner { unit } => rust_i18n::t!(key, locale = locale, unit = unit),
            ProblemKind::WithinRangeOnMilestone | ProblemKind::UpperOnMilestone => {
                rust_i18n::t!(key, locale = locale)
            }
            ProblemKind::BadScale { min, max } => rust_i18n::t!(
                key,
                locale = locale,
                min = language.number(*min, 2),
                max = language.number(*max, 2)
            ),
            ProblemKind::UpperBelowTarget { upper, target } => rust_i18n::t!(
                key,
                locale = locale,
                upper = language.number(*upper, 2),
                target = language.number(*target, 2)
            ),
            ProblemKind::OutsideScale { value, min, max } => rust_i18n::t!(
                key,
                locale = locale,
                value = language.number(*value, 2),
                min = language.number(*min, 2),
                max = language.number(*max, 2)
            ),
            ProblemKind::SpentWithoutBudget { quarter } => rust_i18n::t!(
                key,
                locale = locale,
                quarter = language.quarter(*quarter),
                year = quarter.year()
            ),
            ProblemKind::MilestoneWithTargets { count } => {
                rust_i18n::t!(key, locale = locale, count = count)
            }
            ProblemKind::NumericWithMilestoneField { field } => {
                rust_i18n::t!(key, locale = locale, field = field.name())
            }
            ProblemKind::MilestoneOutsidePeriod {
                field,
                quarter,
                period,
            } => rust_i18n::t!(
                key,
                locale = locale,
                field = field.name(),
                quarter = language.quarter(*quarter),
                period = period_text(period)
            ),
        };
        text.into_owned()
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}
