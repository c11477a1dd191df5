//! Numbers and words as Indonesian users write them (`60,27`, `Rp 150.000.000`,
//! `TW II 2025`), with English as the alternative.

use std::fmt;
use std::str::FromStr;

use crate::model::Quarter;

/// The language of the interface and of reports.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Language {
    #[default]
    Indonesian,
    English,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Indonesian, Language::English];

    /// The locale code used by the translation files.
    pub fn code(self) -> &'static str {
        match self {
            Language::Indonesian => "id",
            Language::English => "en",
        }
    }

    /// The language's own name, as shown in a language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::Indonesian => "Bahasa Indonesia",
            Language::English => "English",
        }
    }

    fn separators(self) -> (char, char) {
        match self {
            Language::Indonesian => (',', '.'),
            Language::English => ('.', ','),
        }
    }

    /// `TW II 2025` or `Q2 2025`.
    pub fn quarter(self, quarter: Quarter) -> String {
        match self {
            Language::Indonesian => quarter.label_id(),
            Language::English => quarter.label_en(),
        }
    }

    /// The quarter without its year, as a column heading: `TW II` or `Q2`.
    pub fn quarter_of_year(self, quarter: Quarter) -> String {
        match self {
            Language::Indonesian => format!("TW {}", quarter.roman()),
            Language::English => format!("Q{}", quarter.number()),
        }
    }

    /// A number with at most `max_decimals` decimals, trailing zeros dropped, thousands
    /// grouped: `60,27`, `1.500`, `12,5` (Indonesian); `60.27`, `1,500` (English).
    pub fn number(self, value: f64, max_decimals: usize) -> String {
        if !value.is_finite() {
            return value.to_string();
        }
        let (decimal, thousands) = self.separators();
        let fixed = format!("{:.*}", max_decimals, value.abs());
        let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
        let fraction = fraction.trim_end_matches('0');
        let mut out = String::with_capacity(fixed.len() + 4);
        let negative = value < 0.0 && fixed.bytes().any(|b| b.is_ascii_digit() && b != b'0');
        if negative {
            out.push('-');
        }
        out.push_str(&group_thousands(whole, thousands));
        if !fraction.is_empty() {
            out.push(decimal);
            out.push_str(fraction);
        }
        out
    }

    /// Whole rupiah: `Rp 150.000.000` (Indonesian) or `Rp 150,000,000` (English).
    pub fn rupiah(self, amount: u64) -> String {
        format!(
            "Rp {}",
            group_thousands(&amount.to_string(), self.separators().1)
        )
    }

    /// A percentage with one decimal: `86,7%`.
    pub fn percent(self, value: f64) -> String {
        format!("{}%", self.number(value, 1))
    }

    /// A date as `15 April 2025` / `15 April 2025`.
    pub fn date(self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        const ID: [&str; 12] = [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let months = match self {
            Language::Indonesian => ID,
            Language::English => EN,
        };
        format!(
            "{} {} {}",
            date.day(),
            months[date.month0() as usize],
            date.year()
        )
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.native_name())
    }
}

impl FromStr for Language {
    type Err = String;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        match code {
            "id" => Ok(Language::Indonesian),
            "en" => Ok(Language::English),
            other => Err(format!("unknown language \"{other}\" (use id or en)")),
        }
    }
}

fn group_thousands(digits: &str, separator: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// Why typed text is not a number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{text}\" is not a number")]
pub struct NumberParseError {
    pub text: String,
}

/// Reads a number as a user types it, in either convention.
///
/// A comma is always the decimal separator (`12,5`), and dots beside a comma group
/// thousands (`1.234,5`). Without a comma a single dot is a decimal point (`12.5`),
/// while several dots group thousands (`1.234.567`). Spaces and a leading `Rp` are
/// ignored so that pasted amounts read too.
pub fn parse_number(text: &str) -> Result<f64, NumberParseError> {
    let error = || NumberParseError {
        text: text.to_owned(),
    };
    let trimmed = text.trim();
    let trimmed = trimmed.strip_prefix("Rp").unwrap_or(trimmed);
    let compact: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Err(error());
    }
    let normalized = if compact.contains(',') {
        if compact.matches(',').count() > 1 {
            return Err(error());
        }
        compact.replace('.', "").replace(',', ".")
    } else if compact.matches('.').count() > 1 {
        compact.replace('.', "")
    } else {
        compact
    };
    let valid = normalized
        .trim_start_matches(['-', '+'])
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.');
    if !valid || !normalized.chars().any(|c| c.is_ascii_digit()) {
        return Err(error());
    }
    normalized.parse().map_err(|_| error())
}

/// Reads a target as typed: one number (`75`), or a range of two (`70–80`, `70-80`,
/// `1.000.000 – 2.000.000`), its lower bound first; a range whose ends are equal is one number.
/// A dash is a range's dash only after a digit, so `-5` and `-5 – -3` read too.
pub fn parse_range(text: &str) -> Result<(f64, Option<f64>), NumberParseError> {
    let error = || NumberParseError {
        text: text.to_owned(),
    };
    let dash = text.char_indices().find(|&(at, c)| {
        matches!(c, '–' | '—' | '-')
            && text[..at]
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(|before| before.is_ascii_digit())
    });
    let Some((at, c)) = dash else {
        return Ok((parse_number(text)?, None));
    };
    let lower = parse_number(&text[..at]).map_err(|_| error())?;
    let upper = parse_number(&text[at + c.len_utf8()..]).map_err(|_| error())?;
    match lower.partial_cmp(&upper) {
        Some(std::cmp::Ordering::Less) => Ok((lower, Some(upper))),
        Some(std::cmp::Ordering::Equal) => Ok((lower, None)),
        _ => Err(error()),
    }
}

/// Reads whole rupiah as typed: `150000000`, `150.000.000`, `Rp 150.000.000`, and as
/// the English interface shows it, `150,000,000`. A separator groups thousands only:
/// each group after it has three digits (`1,5` is no amount of rupiah).
pub fn parse_rupiah(text: &str) -> Result<u64, NumberParseError> {
    let error = || NumberParseError {
        text: text.to_owned(),
    };
    let trimmed = text.trim();
    let trimmed = trimmed.strip_prefix("Rp").unwrap_or(trimmed);
    let compact: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
    let mut groups = compact.split(['.', ',']);
    let first = groups.next().unwrap_or_default();
    let grouped = groups.all(|group| group.len() == 3);
    let digits: String = compact
        .chars()
        .filter(|c| !matches!(c, '.' | ','))
        .collect();
    if first.is_empty() || !grouped || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(error());
    }
    digits.parse().map_err(|_| error())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers() {
        use Language::*;
        for (language, value, decimals, expected) in [
            (Indonesian, 60.27, 2, "60,27"),
            (Indonesian, 45.0, 2, "45"),
            (Indonesian, 12.5, 2, "12,5"),
            (Indonesian, 1500.0, 2, "1.500"),
            (Indonesian, 1234567.891, 2, "1.234.567,89"),
            (Indonesian, -3.5, 1, "-3,5"),
            (Indonesian, -0.001, 1, "0"),
            (Indonesian, 0.0, 2, "0"),
            (English, 60.27, 2, "60.27"),
            (English, 1500.0, 2, "1,500"),
            (English, 999.999, 2, "1,000"),
        ] {
            assert_eq!(language.number(value, decimals), expected, "{value}");
        }
    }

    #[test]
    fn formats_rupiah_and_percent() {
        assert_eq!(Language::Indonesian.rupiah(150_000_000), "Rp 150.000.000");
        assert_eq!(Language::English.rupiah(150_000_000), "Rp 150,000,000");
        assert_eq!(Language::Indonesian.rupiah(0), "Rp 0");
        assert_eq!(Language::Indonesian.percent(86.666), "86,7%");
    }

    #[test]
    fn parses_typed_numbers() {
        for (text, expected) in [
            ("12,5", Some(12.5)),
            ("12.5", Some(12.5)),
            ("1.234,5", Some(1234.5)),
            ("1.234.567", Some(1234567.0)),
            (" 45 ", Some(45.0)),
            ("-3,25", Some(-3.25)),
            ("Rp 150.000.000", Some(150000000.0)),
            ("", None),
            ("abc", None),
            ("1,2,3", None),
            ("12,5x", None),
            ("-", None),
            (",", None),
            ("inf", None),
            ("NaN", None),
        ] {
            assert_eq!(parse_number(text).ok(), expected, "{text:?}");
        }
    }

    #[test]
    fn parses_ranges() {
        for (text, expected) in [
            ("75", Some((75.0, None))),
            ("70–80", Some((70.0, Some(80.0)))),
            ("70-80", Some((70.0, Some(80.0)))),
            ("1.000.000 – 2.000.000", Some((1e6, Some(2e6)))),
            ("1,5-3,5", Some((1.5, Some(3.5)))),
            ("-5", Some((-5.0, None))),
            ("-5 – -3", Some((-5.0, Some(-3.0)))),
            ("70–70", Some((70.0, None))),
            ("80–70", None),
            ("70–", None),
            ("–80", None),
            ("70–80x", None),
            ("12,5x", None),
        ] {
            assert_eq!(parse_range(text).ok(), expected, "{text:?}");
        }
    }

    #[test]
    fn parses_rupiah() {
        for (text, expected) in [
            ("150000000", Some(150_000_000)),
            ("150.000.000", Some(150_000_000)),
            ("Rp 150.000.000", Some(150_000_000)),
            ("Rp150.000", Some(150_000)),
            ("-5", None),
            ("1,5", None),
            ("", None),
            ("150,000,000", Some(150_000_000)),
            ("Rp 150,000,000", Some(150_000_000)),
            ("1.50", None),
            ("1.5000", None),
            (".500", None),
        ] {
            assert_eq!(parse_rupiah(text).ok(), expected, "{text:?}");
        }
    }
}
