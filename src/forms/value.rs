//! What one fill-in cell of a form holds, and where it lives in the document.

use crate::locale::Language;
use crate::model::{Indicator, Kind, Quarter, Target};

/// A fill-in column of the form. The order is the columns' order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// *Realisasi* of a numeric indicator at the quarter.
    Actual,
    /// A milestone reached this quarter ("Selesai"), in the realisasi column.
    Done,
    /// *Kendala*
    Obstacle,
    /// *Tindak lanjut*
    FollowUp,
    /// *Bukti dukung*: links or paths, one per line.
    Evidence,
    /// *Catatan*
    Note,
}

/// A value a cell brings or the document holds. An empty cell is `None`, never a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(f64),
    Text(String),
    Links(Vec<String>),
    /// The milestone is done.
    Done,
}

/// The word for a done milestone in the form's list, and what is read back.
pub const DONE_WORD: &str = "Selesai";
/// The other choice in the list; it brings nothing (a milestone is never "undone" by
/// a form).
pub const NOT_DONE_WORD: &str = "Belum";

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Actual,
        Field::Done,
        Field::Obstacle,
        Field::FollowUp,
        Field::Evidence,
        Field::Note,
    ];

    /// The machine key written above the form's header and in the hidden sheet.
    pub fn key(self) -> &'static str {
        match self {
            Field::Actual => "actual",
            Field::Done => "done",
            Field::Obstacle => "obstacle",
            Field::FollowUp => "follow_up",
            Field::Evidence => "evidence",
            Field::Note => "note",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The field's name for people, in `language`.
    pub fn label(self, language: Language) -> String {
        let key = match self {
            Field::Actual => "forms.field.actual",
            Field::Done => "forms.field.done",
            Field::Obstacle => "forms.field.obstacle",
            Field::FollowUp => "forms.field.follow_up",
            Field::Evidence => "forms.field.evidence",
            Field::Note => "forms.field.note",
        };
        rust_i18n::t!(key, locale = language.code()).into_owned()
    }

    /// The fields a form asks about for an indicator of `kind`.
    pub fn for_kind(kind: Kind) -> &'static [Field] {
        match kind {
            // The model keeps no kendala, tindak lanjut or bukti for a milestone.
            Kind::Milestone => &[Field::Done],
            _ => &[
                Field::Actual,
                Field::Obstacle,
                Field::FollowUp,
                Field::Evidence,
                Field::Note,
            ],
        }
    }

    /// What the document holds for this field of `indicator` at `quarter`.
    pub fn current(self, indicator: &Indicator, quarter: Quarter) -> Option<Value> {
        if self == Field::Done {
            return indicator
                .done
                .is_some_and(|done| done <= quarter)
                .then_some(Value::Done);
        }
        let entry = indicator.target_at(quarter)?;
        let text = |t: &Option<String>| {
            t.as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| Value::Text(t.to_owned()))
        };
        match self {
            Field::Actual => entry.actual.map(Value::Number),
            Field::Obstacle => text(&entry.obstacle),
            Field::FollowUp => text(&entry.follow_up),
            Field::Note => text(&entry.note),
            Field::Evidence => entry
                .evidence
                .as_ref()
                .filter(|links| !links.is_empty())
                .map(|links| Value::Links(links.clone())),
            Field::Done => unreachable!("handled above"),
        }
    }

    /// Writes `value` into this field of `indicator` at `quarter`. Returns false when
    /// the document has no place for it (the quarter's target entry is gone, or the
    /// value is of another field's type).
    pub fn set(self, indicator: &mut Indicator, quarter: Quarter, value: &Value) -> bool {
        if self == Field::Done {
            if *value != Value::Done {
                return false;
            }
            // Done earlier stays as it is; otherwise done this quarter.
            if indicator.done.is_none_or(|done| done > quarter) {
                indicator.done = Some(quarter);
            }
            return true;
        }
        let Some(entry) = indicator.target_at_mut(quarter) else {
            return false;
        };
        set_entry(self, entry, value)
    }
}

fn set_entry(field: Field, entry: &mut Target, value: &Value) -> bool {
    match (field, value) {
        (Field::Actual, Value::Number(n)) => entry.actual = Some(*n),
        (Field::Obstacle, Value::Text(t)) => entry.obstacle = Some(t.clone()),
        (Field::FollowUp, Value::Text(t)) => entry.follow_up = Some(t.clone()),
        (Field::Note, Value::Text(t)) => entry.note = Some(t.clone()),
        (Field::Evidence, Value::Links(links)) => entry.evidence = Some(links.clone()),
        _ => return false,
    }
    true
}

impl Value {
    /// The value as it is shown in a report or a cell, in `language`.
    pub fn display(&self, language: Language) -> String {
        match self {
            Value::Number(n) => language.number(*n, 6),
            Value::Text(t) => t.clone(),
            Value::Links(links) => links.join("\n"),
            Value::Done => DONE_WORD.to_owned(),
        }
    }

    /// Evidence typed in one cell: one link or path per line (or separated by `;`).
    pub fn links(text: &str) -> Option<Value> {
        let links: Vec<String> = text
            .split(['\n', '\r', ';'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        (!links.is_empty()).then_some(Value::Links(links))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Indicator, Kind, Target};

    fn q(text: &str) -> Quarter {
        text.parse().unwrap()
    }

    #[test]
    fn keys_round_trip() {
        for field in Field::ALL {
            assert_eq!(Field::from_key(field.key()), Some(field));
        }
        assert_eq!(Field::from_key("Actual"), None);
    }

    #[test]
    fn current_and_set() {
        let mut indicator = Indicator::new("a", "A", Kind::Level);
        indicator
            .targets
            .insert("2025-Q3".into(), Target::planned(10.0));
        let quarter = q("2025-Q3");
        assert_eq!(Field::Actual.current(&indicator, quarter), None);
        assert!(Field::Actual.set(&mut indicator, quarter, &Value::Number(12.5)));
        assert_eq!(
            Field::Actual.current(&indicator, quarter),
            Some(Value::Number(12.5))
        );
        // The wrong type of value, or a quarter without a target, has no place.
        assert!(!Field::Actual.set(&mut indicator, quarter, &Value::Text("x".into())));
        assert!(!Field::Note.set(&mut indicator, q("2025-Q4"), &Value::Text("x".into())));
        // Blank text reads as nothing.
        indicator.target_at_mut(quarter).unwrap().obstacle = Some("  ".into());
        assert_eq!(Field::Obstacle.current(&indicator, quarter), None);
    }

    #[test]
    fn done_is_never_moved_later_or_undone() {
        let mut milestone = Indicator::new("m", "M", Kind::Milestone);
        milestone.due = Some(q("2025-Q2"));
        assert_eq!(Field::Done.current(&milestone, q("2025-Q3")), None);
        assert!(Field::Done.set(&mut milestone, q("2025-Q3"), &Value::Done));
        assert_eq!(milestone.done, Some(q("2025-Q3")));
        assert!(Field::Done.set(&mut milestone, q("2025-Q4"), &Value::Done));
        assert_eq!(milestone.done, Some(q("2025-Q3")));
        assert_eq!(
            Field::Done.current(&milestone, q("2025-Q4")),
            Some(Value::Done)
        );
    }

    #[test]
    fn links_split_per_line() {
        assert_eq!(
            Value::links(" https://a \n\n b.pdf; c "),
            Some(Value::Links(vec![
                "https://a".into(),
                "b.pdf".into(),
                "c".into()
            ]))
        );
        assert_eq!(Value::links(" \n "), None);
    }
}
