//! Cell values as people type them: numbers as numbers or text (`12,5`, `1.234,5`,
//! `60,27%`, `Rp 150.000.000`), polarity and kind words in either language.

use super::heading::words;
use super::table::Cell;
use crate::locale::{parse_number, parse_rupiah};
use crate::model::{Direction, Kind};

/// A number, no number (blank, `-`), or text that is not a number (returned).
pub fn number(cell: &Cell) -> Result<Option<f64>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) | Cell::Percent(n) => Ok(Some(*n)),
        Cell::Text(text) => {
            let trimmed = text.trim();
            if trimmed.is_empty() || trimmed.chars().all(|c| matches!(c, '-' | '–' | '—')) {
                return Ok(None);
            }
            // `Rp 2.500` is whole rupiah: its dot groups thousands.
            if trimmed.starts_with("Rp") && !trimmed.contains(',') {
                return parse_rupiah(trimmed)
                    .map(|n| Some(n as f64))
                    .map_err(|_| trimmed.to_owned());
            }
            let without_percent = trimmed.strip_suffix('%').unwrap_or(trimmed);
            parse_number(without_percent)
                .ok()
                .filter(|n| n.is_finite())
                .map(Some)
                .ok_or_else(|| trimmed.to_owned())
        }
    }
}

/// Whole rupiah from a number or text (`Rp 150.000.000`).
pub fn rupiah(cell: &Cell) -> Result<Option<u64>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) if *n >= 0.0 && *n <= u64::MAX as f64 => Ok(Some(n.round() as u64)),
        Cell::Number(n) => Err(format!("{n}")),
        Cell::Percent(n) => Err(format!("{n}%")),
        Cell::Text(text) => parse_rupiah(text)
            .map(Some)
            .or_else(|_| number(cell).map(|n| n.filter(|n| *n >= 0.0).map(|n| n.round() as u64)))
            .map_err(|_| text.trim().to_owned()),
    }
}

/// Positif/Negatif, Maksimal/Minimal, Higher/Lower is better, the app's own labels.
pub fn direction(text: &str) -> Option<Direction> {
    let words = words(text);
    let has = |list: &[&str]| words.iter().any(|word| list.contains(&word.as_str()));
    if has(&["rentang", "range", "kisaran", "within"]) {
        Some(Direction::WithinRange)
    } else if has(&[
        "negatif", "negative", "minimal", "minimum", "minimize", "min", "rendah", "lower", "turun",
        "menurun", "kecil",
    ]) {
        Some(Direction::LowerIsBetter)
    } else if has(&[
        "positif",
        "positive",
        "maksimal",
        "maksimum",
        "maximal",
        "maximum",
        "maximize",
        "max",
        "tinggi",
        "higher",
        "naik",
        "meningkat",
        "besar",
    ]) {
        Some(Direction::HigherIsBetter)
    } else {
        None
    }
}

/// Level, Count or Milestone, in either language.
pub fn kind(text: &str) -> Option<Kind> {
    let words = words(text);
    let has = |list: &[&str]| words.iter().any(|word| list.contains(&word.as_str()));
    if has(&["tonggak", "milestone", "milestones"]) {
        Some(Kind::Milestone)
    } else if has(&["rata", "average", "mean"]) {
        Some(Kind::Average)
    } else if has(&["jumlah", "count", "kumulatif"]) {
        Some(Kind::Count)
    } else if has(&["tingkat", "level", "persentase", "indeks"]) {
        Some(Kind::Level)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_typed() {
        for (cell, expected) in [
            (Cell::Number(12.5), Ok(Some(12.5))),
            (Cell::text("12,5"), Ok(Some(12.5))),
            (Cell::text("1.234,5"), Ok(Some(1234.5))),
            (Cell::text("60,27%"), Ok(Some(60.27))),
            (Cell::percent(0.6027), Ok(Some(60.27))),
            (Cell::percent(1.0), Ok(Some(100.0))),
            (Cell::percent(0.001), Ok(Some(0.1))),
            (Cell::text("Rp 150.000.000"), Ok(Some(150_000_000.0))),
            (Cell::text("Rp 2.500"), Ok(Some(2_500.0))),
            (Cell::text("Rp 2.500,5"), Ok(Some(2_500.5))),
            (Cell::text(" - "), Ok(None)),
            (Cell::Empty, Ok(None)),
            (Cell::text("Ada"), Err("Ada".to_owned())),
        ] {
            assert_eq!(number(&cell), expected, "{cell:?}");
        }
        assert_eq!(rupiah(&Cell::text("Rp 150.000.000")), Ok(Some(150_000_000)));
        assert_eq!(rupiah(&Cell::Number(2.5e8)), Ok(Some(250_000_000)));
        assert!(rupiah(&Cell::text("banyak")).is_err());
        assert!(rupiah(&Cell::percent(0.5)).is_err());
    }

    #[test]
    fn words_for_direction_and_kind() {
        for (text, expected) in [
            ("Positif", Some(Direction::HigherIsBetter)),
            ("NEGATIF", Some(Direction::LowerIsBetter)),
            ("Maksimal", Some(Direction::HigherIsBetter)),
            ("Minimal", Some(Direction::LowerIsBetter)),
            ("Makin rendah makin baik", Some(Direction::LowerIsBetter)),
            ("Higher is better", Some(Direction::HigherIsBetter)),
            ("?", None),
        ] {
            assert_eq!(direction(text), expected, "{text}");
        }
        assert_eq!(kind("Tonggak capaian"), Some(Kind::Milestone));
        assert_eq!(kind("Jumlah per triwulan"), Some(Kind::Count));
        assert_eq!(kind("Level"), Some(Kind::Level));
        assert_eq!(kind("lainnya"), None);
    }
}
