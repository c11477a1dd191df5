//! A quarter of a year (*triwulan*): `2025-Q1` in files, "TW I 2025" in the Indonesian UI.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One quarter of one year. Orders chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    year: i32,
    /// 1..=4
    number: u8,
}

/// Why a text is not a quarter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{text}\" is not a quarter; write it as YEAR-QN, for example 2025-Q1")]
pub struct QuarterParseError {
    pub text: String,
}

impl Quarter {
    /// `number` must be 1..=4.
    pub fn new(year: i32, number: u8) -> Option<Self> {
        (1..=4).contains(&number).then_some(Self { year, number })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// 1..=4
    pub fn number(self) -> u8 {
        self.number
    }

    pub fn first_of(year: i32) -> Self {
        Self { year, number: 1 }
    }

    pub fn last_of(year: i32) -> Self {
        Self { year, number: 4 }
    }

    pub fn next(self) -> Self {
        if self.number == 4 {
            Self::first_of(self.year + 1)
        } else {
            Self {
                year: self.year,
                number: self.number + 1,
            }
        }
    }

    pub fn previous(self) -> Self {
        if self.number == 1 {
            Self::last_of(self.year - 1)
        } else {
            Self {
                year: self.year,
                number: self.number - 1,
            }
        }
    }

    /// Every quarter from `self` to `last`, both included.
    pub fn through(self, last: Quarter) -> impl Iterator<Item = Quarter> {
        std::iter::successors(Some(self), move |q| Some(q.next())).take_while(move |q| *q <= last)
    }

    /// The quarter a calendar date falls in.
    pub fn containing(date: chrono::NaiveDate) -> Self {
        use chrono::Datelike;
        Self {
            year: date.year(),
            number: (date.month0() / 3 + 1) as u8,
        }
    }

    /// The first day after this quarter ends.
    pub fn end_date_exclusive(self) -> chrono::NaiveDate {
        let next = self.next();
        chrono::NaiveDate::from_ymd_opt(next.year, u32::from(next.number - 1) * 3 + 1, 1)
            .expect("the first day of a quarter is a valid date")
    }

    /// The last quarter that has fully ended on `today`.
    pub fn last_ended(today: chrono::NaiveDate) -> Self {
        Self::containing(today).previous()
    }

    /// Roman numeral of the quarter, as written in "TW II 2025".
    pub fn roman(self) -> &'static str {
        ["I", "II", "III", "IV"][usize::from(self.number - 1)]
    }

    /// "TW II 2025"
    pub fn label_id(self) -> String {
        format!("TW {} {}", self.roman(), self.year)
    }

    /// "Q2 2025"
    pub fn label_en(self) -> String {
        format!("Q{} {}", self.number, self.year)
    }
}

/// A quarter's text (`2025-Q1`) without a heap allocation, for map look-ups in hot
/// loops (a review looks targets up thousands of times).
#[derive(Clone, Copy)]
pub struct QuarterKey {
    bytes: [u8; 16],
    len: usize,
}

impl QuarterKey {
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).expect("written from a formatted quarter")
    }
}

impl fmt::Write for QuarterKey {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let end = self.len + text.len();
        if end > self.bytes.len() {
            return Err(fmt::Error);
        }
        self.bytes[self.len..end].copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

impl Quarter {
    /// The quarter's text as a stack value: `quarter.key().as_str() == quarter.to_string()`.
    pub fn key(self) -> QuarterKey {
        use fmt::Write;
        let mut key = QuarterKey {
            bytes: [0; 16],
            len: 0,
        };
        write!(key, "{self}").expect("an i32 year and a digit fit in 16 bytes");
        key
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Four digits, as parsing requires: year 25 (a slip in a file) is `0025-Q1`, so
        // what loads always saves to text that loads again.
        write!(f, "{:04}-Q{}", self.year, self.number)
    }
}

impl FromStr for Quarter {
    type Err = QuarterParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || QuarterParseError {
            text: text.to_owned(),
        };
        let (year, number) = text.split_once("-Q").ok_or_else(error)?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) || number.len() != 1 {
            return Err(error());
        }
        let year: i32 = year.parse().map_err(|_| error())?;
        let number: u8 = number.parse().map_err(|_| error())?;
        Quarter::new(year, number).ok_or_else(error)
    }
}

impl Serialize for Quarter {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Quarter {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        for (text, parsed) in [
            ("2025-Q1", Quarter::new(2025, 1)),
            ("2029-Q4", Quarter::new(2029, 4)),
            ("0025-Q2", Quarter::new(25, 2)),
            ("2025-Q0", None),
            ("2025-Q5", None),
            ("2025Q1", None),
            ("25-Q1", None),
            ("2025-q1", None),
            ("2025-Q1 ", None),
            ("", None),
            ("+025-Q1", None),
        ] {
            assert_eq!(text.parse::<Quarter>().ok(), parsed, "{text}");
            if let Some(q) = parsed {
                assert_eq!(q.to_string(), text);
            }
        }
    }

    #[test]
    fn orders_and_steps_across_years() {
        let q4 = Quarter::new(2025, 4).unwrap();
        let q1 = Quarter::new(2026, 1).unwrap();
        assert!(q4 < q1);
        assert_eq!(q4.next(), q1);
        assert_eq!(q1.previous(), q4);
        let all: Vec<_> = Quarter::first_of(2025)
            .through(Quarter::last_of(2026))
            .collect();
        assert_eq!(all.len(), 8);
        assert_eq!(all[7], Quarter::last_of(2026));
    }

    #[test]
    fn keys_equal_the_text() {
        for quarter in [
            Quarter::new(2025, 1),
            Quarter::new(-44, 4),
            Quarter::new(i32::MIN, 3),
        ] {
            let quarter = quarter.unwrap();
            assert_eq!(quarter.key().as_str(), quarter.to_string());
        }
    }

    #[test]
    fn labels() {
        let q = Quarter::new(2025, 2).unwrap();
        assert_eq!(q.label_id(), "TW II 2025");
        assert_eq!(q.label_en(), "Q2 2025");
    }

    #[test]
    fn last_ended_by_date() {
        let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        for (today, expected) in [
            (d(2026, 11, 23), Quarter::new(2026, 3)),
            (d(2026, 1, 1), Quarter::new(2025, 4)),
            (d(2026, 3, 31), Quarter::new(2025, 4)),
            (d(2026, 4, 1), Quarter::new(2026, 1)),
        ] {
            assert_eq!(Some(Quarter::last_ended(today)), expected, "{today}");
        }
        assert_eq!(
            Quarter::new(2025, 4).unwrap().end_date_exclusive(),
            d(2026, 1, 1)
        );
    }
}
