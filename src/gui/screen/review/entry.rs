//! What typing in the table does to an indicator: the actual of the quarter under
//! review, its *kendala*, *tindak lanjut* and note, and marking a milestone done.

use crate::locale::parse_number;
use crate::model::{EntryError, Indicator, Kind, Quarter};

/// A text of the quarter's entry that a reviewer writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextField {
    Obstacle,
    FollowUp,
    Note,
}

impl TextField {
    pub const ALL: [TextField; 3] = [TextField::Obstacle, TextField::FollowUp, TextField::Note];

    pub fn key(self) -> &'static str {
        match self {
            TextField::Obstacle => "review.obstacle",
            TextField::FollowUp => "review.follow_up",
            TextField::Note => "review.note",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            TextField::Obstacle => "obstacle",
            TextField::FollowUp => "follow-up",
            TextField::Note => "note",
        }
    }
}

/// Why typed text cannot be the actual.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActualError {
    NotANumber,
    /// The document's rules refuse it (see [`EntryError`]).
    Refused(EntryError),
}

impl ActualError {
    pub fn key(self) -> &'static str {
        match self {
            ActualError::NotANumber => "review.not_a_number",
            ActualError::Refused(EntryError::NoTarget | EntryError::ActualReported) => {
                "review.no_target_here"
            }
            ActualError::Refused(EntryError::Milestone) => "review.milestone_no_actual",
        }
    }
}

/// The indicator after typing `text` as its actual at `quarter` (this quarter's own
/// entry, also for `Count` indicators whose status is year to date). `Ok(None)` when
/// nothing changes; empty text clears the actual.
pub fn actual(
    indicator: &Indicator,
    quarter: Quarter,
    text: &str,
) -> Result<Option<Indicator>, ActualError> {
    let value = if text.trim().is_empty() {
        None
    } else {
        Some(parse_number(text).map_err(|_| ActualError::NotANumber)?)
    };
    indicator
        .with_actual(quarter, value)
        .map_err(ActualError::Refused)
}

/// The indicator after typing `text` into `field` of its entry at `quarter` (for a
/// milestone, its own *kendala* and *tindak lanjut*); `None` when there is nowhere to
/// write it or nothing changes. Empty text removes the field.
pub fn text(
    indicator: &Indicator,
    quarter: Quarter,
    field: TextField,
    text: &str,
) -> Option<Indicator> {
    let value = (!text.is_empty()).then(|| text.to_owned());
    if indicator.kind == Kind::Milestone {
        return milestone_text(indicator, field, value);
    }
    let entry = indicator.target_at(quarter)?;
    let slot = |entry: &crate::model::Target| match field {
        TextField::Obstacle => entry.obstacle.clone(),
        TextField::FollowUp => entry.follow_up.clone(),
        TextField::Note => entry.note.clone(),
    };
    if slot(entry) == value {
        return None;
    }
    let mut updated = indicator.clone();
    let entry = updated.target_at_mut(quarter)?;
    match field {
        TextField::Obstacle => entry.obstacle = value,
        TextField::FollowUp => entry.follow_up = value,
        TextField::Note => entry.note = value,
    }
    Some(updated)
}

/// A milestone has no quarterly entries: a late one is explained on the milestone
/// itself (format version 2), and has no note of the quarter.
fn milestone_text(
    indicator: &Indicator,
    field: TextField,
    value: Option<String>,
) -> Option<Indicator> {
    let slot = match field {
        TextField::Obstacle => &indicator.obstacle,
        TextField::FollowUp => &indicator.follow_up,
        TextField::Note => return None,
    };
    if *slot == value {
        return None;
    }
    let mut updated = indicator.clone();
    match field {
        TextField::Obstacle => updated.obstacle = value,
        TextField::FollowUp => updated.follow_up = value,
        TextField::Note => return None,
    }
    Some(updated)
}

/// The milestone marked done at `quarter` (or not done at all); `None` when it is not
/// a milestone or nothing changes.
pub fn milestone_done(indicator: &Indicator, quarter: Quarter, done: bool) -> Option<Indicator> {
    if indicator.kind != Kind::Milestone {
        return None;
    }
    let value = done.then_some(quarter);
    if indicator.done == value {
        return None;
    }
    Some(Indicator {
        done: value,
        ..indicator.clone()
    })
}

/// The stored actual of `indicator` at `quarter`, as the input shows it.
pub fn stored_actual(indicator: &Indicator, quarter: Quarter) -> Option<f64> {
    indicator.target_at(quarter).and_then(|entry| entry.actual)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Target;

    fn level() -> Indicator {
        let mut indicator = Indicator::new("x", "X", Kind::Level);
        indicator
            .targets
            .insert("2025-Q1".into(), Target::planned(45.0));
        let mut reported = Target::planned(50.0);
        reported.actual = Some(43.0);
        reported.obstacle = Some("Hujan".into());
        indicator.targets.insert("2025-Q2".into(), reported);
        indicator
    }

    #[test]
    fn typing_the_actual() {
        let q = |n| Quarter::new(2025, n).unwrap();
        let base = level();
        for (quarter, typed, expected) in [
            (q(1), "12,5", Ok(Some(Some(12.5)))),
            (q(1), "12.5", Ok(Some(Some(12.5)))),
            (q(1), "1.234,5", Ok(Some(Some(1234.5)))),
            (q(1), "", Ok(None)),
            (q(2), "43", Ok(None)),
            (q(2), " ", Ok(Some(None))),
            (q(2), "12,,5", Err(ActualError::NotANumber)),
            (q(2), "abc", Err(ActualError::NotANumber)),
            (q(3), "5", Err(ActualError::Refused(EntryError::NoTarget))),
            (q(3), "", Ok(None)),
        ] {
            let result = actual(&base, quarter, typed)
                .map(|changed| changed.map(|indicator| stored_actual(&indicator, quarter)));
            assert_eq!(result, expected, "{quarter} {typed:?}");
        }
        let milestone = Indicator::new("m", "M", Kind::Milestone);
        assert_eq!(
            actual(&milestone, q(1), "1"),
            Err(ActualError::Refused(EntryError::Milestone))
        );
    }

    #[test]
    fn writing_kendala_and_tindak_lanjut() {
        let q2 = Quarter::new(2025, 2).unwrap();
        let base = level();
        let updated = text(&base, q2, TextField::FollowUp, "Jadwal ulang").unwrap();
        let entry = updated.target_at(q2).unwrap();
        assert_eq!(entry.follow_up.as_deref(), Some("Jadwal ulang"));
        assert_eq!(entry.obstacle.as_deref(), Some("Hujan"));
        assert!(entry.is_explained());
        // Clearing removes the field; the same text changes nothing.
        let cleared = text(&base, q2, TextField::Obstacle, "").unwrap();
        assert_eq!(cleared.target_at(q2).unwrap().obstacle, None);
        assert!(text(&base, q2, TextField::Obstacle, "Hujan").is_none());
        // No entry at the quarter: nowhere to write.
        assert!(text(&base, Quarter::new(2025, 3).unwrap(), TextField::Note, "x").is_none());
    }

    #[test]
    fn explaining_a_late_milestone() {
        let q3 = Quarter::new(2025, 3).unwrap();
        let mut milestone = Indicator::new("m", "M", Kind::Milestone);
        milestone.due = Quarter::new(2025, 2);
        let written = text(&milestone, q3, TextField::Obstacle, "Regulasi belum terbit").unwrap();
        assert_eq!(written.obstacle.as_deref(), Some("Regulasi belum terbit"));
        assert!(!written.is_explained());
        let written = text(&written, q3, TextField::FollowUp, "Koordinasi TW IV").unwrap();
        assert!(written.is_explained());
        assert!(written.targets.is_empty(), "no quarterly entry is made up");
        assert!(text(&written, q3, TextField::FollowUp, "Koordinasi TW IV").is_none());
        assert_eq!(
            text(&written, q3, TextField::Obstacle, "")
                .unwrap()
                .obstacle,
            None
        );
        assert!(text(&written, q3, TextField::Note, "x").is_none());
    }

    #[test]
    fn marking_a_milestone() {
        let q3 = Quarter::new(2025, 3).unwrap();
        let mut milestone = Indicator::new("m", "M", Kind::Milestone);
        milestone.due = Quarter::new(2025, 2);
        let done = milestone_done(&milestone, q3, true).unwrap();
        assert_eq!(done.done, Some(q3));
        assert!(milestone_done(&done, q3, true).is_none());
        assert_eq!(milestone_done(&done, q3, false).unwrap().done, None);
        assert!(milestone_done(&level(), q3, true).is_none());
    }
}
