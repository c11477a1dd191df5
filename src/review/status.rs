//! The status of one indicator at one quarter, exactly per the spec's rules.

use crate::model::{Direction, Indicator, Kind, Quarter, Rules};

/// One indicator's standing at a review quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Behind,
    Missing,
    AtRisk,
    OnTrack,
    NotDue,
    NoTarget,
}

impl Status {
    /// Worst first: the order a reviewer reads them in.
    pub const ALL: [Status; 6] = [
        Status::Behind,
        Status::Missing,
        Status::AtRisk,
        Status::OnTrack,
        Status::NotDue,
        Status::NoTarget,
    ];

    /// The spec's order (its JSON `summary`): from done to not yet measurable. Bars and
    /// summaries read left to right in it.
    pub const PROGRESS_ORDER: [Status; 6] = [
        Status::OnTrack,
        Status::AtRisk,
        Status::Behind,
        Status::Missing,
        Status::NotDue,
        Status::NoTarget,
    ];

    /// The spec's name (`on_track`), used in JSON, CSV and translation keys.
    pub fn key(self) -> &'static str {
        match self {
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::Behind => "behind",
            Status::Missing => "missing",
            Status::NotDue => "not_due",
            Status::NoTarget => "no_target",
        }
    }

    /// Flagged at a review: behind, or nothing reported. At risk is a warning only.
    pub fn is_flagged(self) -> bool {
        matches!(self, Status::Behind | Status::Missing)
    }

    /// The status word in `language`.
    pub fn label(self, language: crate::locale::Language) -> String {
        let key = format!("status.{}", self.key());
        rust_i18n::t!(&key, locale = language.code()).into_owned()
    }
}

/// What the review engine computed for one indicator at one quarter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evaluation {
    pub status: Status,
    /// Capaian (%), where one was computed.
    pub achievement: Option<f64>,
    /// The target compared: the quarter's for `Level`, the year-to-date sum for `Count`.
    pub target: Option<f64>,
    /// The actual compared, likewise.
    pub actual: Option<f64>,
}

impl Evaluation {
    fn without_value(status: Status) -> Self {
        Self {
            status,
            achievement: None,
            target: None,
            actual: None,
        }
    }

    fn compared(target: f64, actual: f64, direction: Direction, rules: Rules) -> Self {
        let achievement = achievement(target, actual, direction);
        Self {
            status: status_of(achievement, rules),
            achievement: Some(achievement),
            target: Some(target),
            actual: Some(actual),
        }
    }
}

/// Capaian (%) of `actual` against `target`, to 9 decimals (see [`without_float_noise`]).
pub fn achievement(target: f64, actual: f64, direction: Direction) -> f64 {
    without_float_noise(exact_achievement(target, actual, direction))
}

/// Targets and actuals are decimals typed by people, and binary floating point turns
/// some exact ratios into a hair less: 0,99 of 1,1 (lower is better) or 0,09 of 0,1
/// come out as 89.99999999999999, which would put a 90% capaian below a 90% threshold
/// and call it behind. Nine decimals keep every real difference and drop that noise.
fn without_float_noise(value: f64) -> f64 {
    const SCALE: f64 = 1e9;
    // Beyond this the scaled value would lose whole units; such achievements are far
    // from any threshold anyway.
    if value.abs() < 1e6 {
        (value * SCALE).round() / SCALE
    } else {
        value
    }
}

fn exact_achievement(target: f64, actual: f64, direction: Direction) -> f64 {
    if target <= 0.0 {
        let meets = match direction {
            Direction::HigherIsBetter => actual >= target,
            Direction::LowerIsBetter => actual <= target,
        };
        return if meets { 100.0 } else { 0.0 };
    }
    match direction {
        Direction::HigherIsBetter => actual / target * 100.0,
        Direction::LowerIsBetter => (2.0 * target - actual) / target * 100.0,
    }
}

/// Status from an achievement under `rules`.
pub fn status_of(achievement: f64, rules: Rules) -> Status {
    if achievement >= rules.at_risk_below {
        Status::OnTrack
    } else if achievement >= rules.behind_below {
        Status::AtRisk
    } else {
        Status::Behind
    }
}

/// Evaluates `indicator` at `quarter` under the document's `rules` (the indicator's own
/// rules win where it has them).
pub fn evaluate(indicator: &Indicator, document_rules: Rules, quarter: Quarter) -> Evaluation {
    let rules = indicator.rules_or(document_rules);
    match indicator.kind {
        Kind::Level => match indicator.target_at(quarter) {
            None => Evaluation::without_value(Status::NoTarget),
            Some(entry) => match entry.actual {
                None => Evaluation {
                    target: Some(entry.target),
                    ..Evaluation::without_value(Status::Missing)
                },
                Some(actual) => {
                    Evaluation::compared(entry.target, actual, indicator.direction, rules)
                }
            },
        },
        Kind::Count => {
            if indicator.target_at(quarter).is_none() {
                return Evaluation::without_value(Status::NoTarget);
            }
            let mut target_sum = 0.0;
            let mut actual_sum = 0.0;
            let mut missing = false;
            for q in Quarter::first_of(quarter.year()).through(quarter) {
                if let Some(entry) = indicator.target_at(q) {
                    target_sum += entry.target;
                    match entry.actual {
                        Some(actual) => actual_sum += actual,
                        None => missing = true,
                    }
                }
            }
            if missing {
                Evaluation {
                    target: Some(target_sum),
                    ..Evaluation::without_value(Status::Missing)
                }
            } else {
                Evaluation::compared(target_sum, actual_sum, indicator.direction, rules)
            }
        }
        Kind::Milestone => match (indicator.due, indicator.done) {
            (None, _) => Evaluation::without_value(Status::NoTarget),
            (Some(_), Some(done)) if done <= quarter => Evaluation {
                achievement: Some(100.0),
                ..Evaluation::without_value(Status::OnTrack)
            },
            (Some(due), _) if due <= quarter => Evaluation {
                achievement: Some(0.0),
                ..Evaluation::without_value(Status::Behind)
            },
            (Some(_), _) => Evaluation::without_value(Status::NotDue),
        },
    }
}
