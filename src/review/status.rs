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
    /// The target compared: the quarter's for `Level`, the year-to-date sum for `Count`,
    /// the year-to-date mean for `Average`; the lower bound of a range.
    pub target: Option<f64>,
    /// The upper bound compared, for a range target (version 2); none for a point.
    pub upper: Option<f64>,
    /// The actual compared, likewise.
    pub actual: Option<f64>,
}

impl Evaluation {
    fn without_value(status: Status) -> Self {
        Self {
            status,
            achievement: None,
            target: None,
            upper: None,
            actual: None,
        }
    }

    fn missing(lower: f64, upper: f64) -> Self {
        Self {
            target: Some(lower),
            upper: (upper != lower).then_some(upper),
            ..Self::without_value(Status::Missing)
        }
    }

    fn compared(lower: f64, upper: f64, actual: f64, direction: Direction, rules: Rules) -> Self {
        let achievement = range_achievement(lower, upper, actual, direction);
        Self {
            status: status_of(achievement, rules),
            achievement: Some(achievement),
            target: Some(lower),
            upper: (upper != lower).then_some(upper),
            actual: Some(actual),
        }
    }
}

/// Capaian (%) of `actual` against a point `target`, to 9 decimals (see
/// [`without_float_noise`]).
pub fn achievement(target: f64, actual: f64, direction: Direction) -> f64 {
    range_achievement(target, target, actual, direction)
}

/// Capaian (%) of `actual` against the range [`lower`, `upper`] (version 2), to 9
/// decimals. A point target is the range [t, t] and gives the version 1 formulas.
pub fn range_achievement(lower: f64, upper: f64, actual: f64, direction: Direction) -> f64 {
    without_float_noise(exact_achievement(lower, upper, actual, direction))
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

/// Which way "better" points on one side of a range.
#[derive(Clone, Copy)]
enum Better {
    Higher,
    Lower,
}

fn exact_achievement(lower: f64, upper: f64, actual: f64, direction: Direction) -> f64 {
    if (lower..=upper).contains(&actual) {
        return 100.0;
    }
    // Outside the range: the bound on the actual's side, and the direction that applies
    // there.
    let (bound, better) = match direction {
        Direction::HigherIsBetter if actual < lower => (lower, Better::Higher),
        Direction::HigherIsBetter => (upper, Better::Higher),
        Direction::LowerIsBetter if actual > upper => (upper, Better::Lower),
        Direction::LowerIsBetter => (lower, Better::Lower),
        Direction::WithinRange if actual < lower => (lower, Better::Higher),
        Direction::WithinRange => (upper, Better::Lower),
    };
    if bound <= 0.0 {
        // The ratio means nothing: met or beaten in the direction that applies, or not.
        let meets = match better {
            Better::Higher => actual >= bound,
            Better::Lower => actual <= bound,
        };
        return if meets { 100.0 } else { 0.0 };
    }
    match better {
        Better::Higher => actual / bound * 100.0,
        Better::Lower => (2.0 * bound - actual) / bound * 100.0,
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
            Some(entry) => {
                let (lower, upper) = entry.range();
                match entry.actual {
                    None => Evaluation::missing(lower, upper),
                    Some(actual) => {
                        Evaluation::compared(lower, upper, actual, indicator.direction, rules)
                    }
                }
            }
        },
        Kind::Count => year_to_date(indicator, rules, quarter, Combine::Sum),
        Kind::Average => year_to_date(indicator, rules, quarter, Combine::Mean),
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

/// How the year's quarters are combined: `Count` sums, `Average` takes means.
#[derive(Clone, Copy)]
enum Combine {
    Sum,
    Mean,
}

/// `Count` and `Average`: over the quarters of Q's year up to Q that have a target,
/// `missing` if any lacks an actual, else the sums (or means) compared.
fn year_to_date(
    indicator: &Indicator,
    rules: Rules,
    quarter: Quarter,
    combine: Combine,
) -> Evaluation {
    if indicator.target_at(quarter).is_none() {
        return Evaluation::without_value(Status::NoTarget);
    }
    let (mut lower, mut upper, mut actual) = (0.0, 0.0, 0.0);
    let mut entries = 0u32;
    let mut missing = false;
    for q in Quarter::first_of(quarter.year()).through(quarter) {
        if let Some(entry) = indicator.target_at(q) {
            let (l, u) = entry.range();
            lower += l;
            upper += u;
            entries += 1;
            match entry.actual {
                Some(a) => actual += a,
                None => missing = true,
            }
        }
    }
    if let Combine::Mean = combine {
        // At least the entry at Q is counted.
        let n = f64::from(entries);
        lower /= n;
        upper /= n;
        actual /= n;
    }
    if missing {
        Evaluation::missing(lower, upper)
    } else {
        Evaluation::compared(lower, upper, actual, indicator.direction, rules)
    }
}
