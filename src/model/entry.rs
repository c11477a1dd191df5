//! The rules of a quarter's entry that every screen obeys: an actual is reported against
//! a target, so a quarter without a target takes no actual, and a target with an actual
//! reported against it cannot be removed; milestones are marked done, never given numbers.

use super::{Indicator, Kind, Quarter, Target};

/// Why an entry cannot be changed as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    #[error("the quarter has no target to report an actual against")]
    NoTarget,
    #[error("an actual is reported against this target")]
    ActualReported,
    #[error("milestones are marked done, not given numbers")]
    Milestone,
}

/// What a target cell holds: a point target, or the range [`target`, `upper`]
/// (format version 2).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Planned {
    pub target: f64,
    pub upper: Option<f64>,
}

impl Planned {
    pub fn point(target: f64) -> Self {
        Self {
            target,
            upper: None,
        }
    }
}

impl Indicator {
    /// The indicator with `actual` (or none) at `quarter`; `Ok(None)` when nothing
    /// changes. Clearing where nothing is reported always works.
    pub fn with_actual(
        &self,
        quarter: Quarter,
        actual: Option<f64>,
    ) -> Result<Option<Indicator>, EntryError> {
        if self.kind == Kind::Milestone {
            return Err(EntryError::Milestone);
        }
        match self.target_at(quarter) {
            None if actual.is_none() => Ok(None),
            None => Err(EntryError::NoTarget),
            Some(entry) if entry.actual == actual => Ok(None),
            Some(_) => {
                let mut updated = self.clone();
                if let Some(entry) = updated.target_at_mut(quarter) {
                    entry.actual = actual;
                }
                Ok(Some(updated))
            }
        }
    }

    /// The indicator with `planned` (or no target) at `quarter`; `Ok(None)` when
    /// nothing changes. A new target starts a planned entry; a point target replaces a
    /// range (and the other way round), keeping what was reported.
    pub fn with_target(
        &self,
        quarter: Quarter,
        planned: Option<Planned>,
    ) -> Result<Option<Indicator>, EntryError> {
        let key = quarter.to_string();
        let mut updated = self.clone();
        match (planned, self.targets.get(&key)) {
            (Some(planned), Some(entry))
                if entry.target == planned.target && entry.upper == planned.upper =>
            {
                return Ok(None);
            }
            (Some(planned), _) => {
                let entry = updated
                    .targets
                    .entry(key)
                    .or_insert_with(|| Target::planned(planned.target));
                entry.target = planned.target;
                entry.upper = planned.upper;
            }
            (None, None) => return Ok(None),
            (None, Some(entry)) if entry.actual.is_some() => {
                return Err(EntryError::ActualReported);
            }
            (None, Some(_)) => {
                updated.targets.remove(&key);
            }
        }
        Ok(Some(updated))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_actual_needs_a_target() {
        let q = |n| Quarter::new(2025, n).unwrap();
        let mut indicator = Indicator::new("x", "X", Kind::Level);
        indicator
            .targets
            .insert("2025-Q1".into(), Target::planned(45.0));
        let reported = indicator.with_actual(q(1), Some(40.0)).unwrap().unwrap();
        assert_eq!(reported.target_at(q(1)).unwrap().actual, Some(40.0));
        assert_eq!(reported.with_actual(q(1), Some(40.0)), Ok(None));
        assert_eq!(
            indicator.with_actual(q(2), Some(1.0)),
            Err(EntryError::NoTarget)
        );
        assert_eq!(indicator.with_actual(q(2), None), Ok(None));
        // The target an actual is reported against stays; an unreported one can go.
        assert_eq!(
            reported.with_target(q(1), None),
            Err(EntryError::ActualReported)
        );
        assert!(
            indicator
                .with_target(q(1), None)
                .unwrap()
                .unwrap()
                .targets
                .is_empty()
        );
        let milestone = Indicator::new("m", "M", Kind::Milestone);
        assert_eq!(
            milestone.with_actual(q(1), Some(1.0)),
            Err(EntryError::Milestone)
        );
    }

    #[test]
    fn a_range_target_and_back() {
        let q1 = Quarter::new(2025, 1).unwrap();
        let mut indicator = Indicator::new("x", "X", Kind::Level);
        indicator
            .targets
            .insert("2025-Q1".into(), Target::planned(45.0));
        let range = Planned {
            target: 70.0,
            upper: Some(80.0),
        };
        let ranged = indicator.with_target(q1, Some(range)).unwrap().unwrap();
        let entry = ranged.target_at(q1).unwrap();
        assert_eq!((entry.target, entry.upper), (70.0, Some(80.0)));
        assert_eq!(ranged.with_target(q1, Some(range)), Ok(None));
        let point = ranged
            .with_target(q1, Some(Planned::point(70.0)))
            .unwrap()
            .unwrap();
        assert_eq!(point.target_at(q1).unwrap().upper, None);
    }
}
