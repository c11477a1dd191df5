//! What the importer understood: the column mapping, the counts, each row it skipped
//! and why, and the cells it could not read.

use super::detect::{Column, Layout};
use crate::locale::Language;

/// Why a row with content was not read as an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SkipReason {
    /// *Mengetahui*, a name and NIP, a place and date under the table.
    Signature,
    /// `Jumlah`, `Total`, `Rata-rata`.
    Total,
    /// Content, but no indicator name (and no area or program either).
    NoIndicator,
    /// The indicator cell holds a number (a stray column-number row).
    NumberAsName,
    /// Long layout: the row's quarter is missing or not a quarter.
    NoQuarter,
}

impl SkipReason {
    pub fn message(self, language: Language) -> String {
        let key = match self {
            SkipReason::Signature => "import.skip.signature",
            SkipReason::Total => "import.skip.total",
            SkipReason::NoIndicator => "import.skip.no_indicator",
            SkipReason::NumberAsName => "import.skip.number_as_name",
            SkipReason::NoQuarter => "import.skip.no_quarter",
        };
        rust_i18n::t!(key, locale = language.code()).into_owned()
    }
}

/// A row left out, 1-based as the spreadsheet numbers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRow {
    pub row: usize,
    pub reason: SkipReason,
}

/// Something in one cell that was not read as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarningKind {
    /// Text where a number belongs; the value is left out.
    NotANumber {
        text: String,
    },
    /// A realisasi without a target in the same quarter; left out (a target is
    /// required).
    ActualWithoutTarget,
    /// Kendala, tindak lanjut or bukti dukung on a row with no target to hold it.
    TextWithoutTarget,
    UnknownPolarity {
        text: String,
    },
    UnknownKind {
        text: String,
    },
    /// Long layout: the year is not a year.
    NotAYear {
        text: String,
    },
    /// Long layout: the same indicator and quarter again; the later row wins.
    RepeatedQuarter {
        quarter: String,
    },
    /// A program named with a different unit than on its first row; the first kept.
    SecondUnit {
        unit: String,
    },
    /// The sheet is larger than the importer reads; the rest was left out.
    SheetTruncated,
}

/// A warning at a cell (`F12`), or at the sheet when `cell` is empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub cell: String,
    pub kind: WarningKind,
}

impl Warning {
    pub fn message(&self, language: Language) -> String {
        let locale = language.code();
        let text = match &self.kind {
            WarningKind::NotANumber { text } => {
                rust_i18n::t!("import.warn.not_a_number", locale = locale, text = text)
            }
            WarningKind::ActualWithoutTarget => {
                rust_i18n::t!("import.warn.actual_without_target", locale = locale)
            }
            WarningKind::TextWithoutTarget => {
                rust_i18n::t!("import.warn.text_without_target", locale = locale)
            }
            WarningKind::UnknownPolarity { text } => {
                rust_i18n::t!("import.warn.unknown_polarity", locale = locale, text = text)
            }
            WarningKind::UnknownKind { text } => {
                rust_i18n::t!("import.warn.unknown_kind", locale = locale, text = text)
            }
            WarningKind::NotAYear { text } => {
                rust_i18n::t!("import.warn.not_a_year", locale = locale, text = text)
            }
            WarningKind::RepeatedQuarter { quarter } => rust_i18n::t!(
                "import.warn.repeated_quarter",
                locale = locale,
                quarter = quarter
            ),
            WarningKind::SecondUnit { unit } => {
                rust_i18n::t!("import.warn.second_unit", locale = locale, unit = unit)
            }
            WarningKind::SheetTruncated => {
                rust_i18n::t!("import.warn.sheet_truncated", locale = locale)
            }
        };
        if self.cell.is_empty() {
            text.into_owned()
        } else {
            format!("{}: {text}", self.cell)
        }
    }
}

/// How many of each were made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub areas: usize,
    pub programs: usize,
    pub indicators: usize,
    pub targets: usize,
    pub units: usize,
}

/// What an import understood, for the command line's summary and the preview.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    pub sheet: String,
    pub layout: Layout,
    /// 1-based, first and last row of the header.
    pub header_rows: (usize, usize),
    pub columns: Vec<Column>,
    pub counts: Counts,
    pub skipped: Vec<SkippedRow>,
    pub warnings: Vec<Warning>,
}
