//! Why a file could not be imported, worded for the user in both languages.

use std::path::PathBuf;

use crate::locale::Language;

/// Why nothing was imported. Each names the file; cloneable so it can travel in a
/// GUI message.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.message(Language::English))]
pub enum ImportError {
    Io {
        file: PathBuf,
        detail: String,
    },
    TooLarge {
        file: PathBuf,
        size: u64,
        limit: u64,
    },
    /// No file content, or a workbook without a filled cell (pictures are not read).
    Empty {
        file: PathBuf,
    },
    Encrypted {
        file: PathBuf,
    },
    NotSpreadsheet {
        file: PathBuf,
    },
    /// A zip that inflates past the limit.
    Inflates {
        file: PathBuf,
        limit: u64,
    },
    /// The spreadsheet reader refused it.
    Damaged {
        file: PathBuf,
        detail: String,
    },
    SheetNotFound {
        file: PathBuf,
        sheet: String,
        sheets: Vec<String>,
    },
    /// No row of the sheet looks like a table header.
    NoHeader {
        file: PathBuf,
        sheet: String,
    },
    /// A header, but none of its columns holds the indicators.
    NoIndicatorColumn {
        file: PathBuf,
        sheet: String,
        row: usize,
        found: Vec<String>,
    },
    /// Quarter columns without a year, and no year anywhere to take it from.
    NoYear {
        file: PathBuf,
        sheet: String,
    },
    PeriodReversed {
        start: i32,
        end: i32,
    },
    /// The header was found but no row under it names an indicator.
    NoIndicators {
        file: PathBuf,
        sheet: String,
    },
}

/// The headings the importer looks for, as the message lists them.
pub const HEADINGS_LOOKED_FOR: &str = "NO, AREA PERUBAHAN, PROGRAM/KEGIATAN, PENANGGUNG JAWAB, INDIKATOR, URAIAN, SATUAN, TARGET, REALISASI, TAHUN, TRIWULAN, KENDALA, TINDAK LANJUT";

fn megabytes(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / 1_048_576.0)
}

impl ImportError {
    /// One line for the user, naming the file.
    pub fn message(&self, language: Language) -> String {
        let locale = language.code();
        let t = |key: &str, file: &PathBuf| {
            rust_i18n::t!(key, locale = locale, file = file.display()).into_owned()
        };
        match self {
            ImportError::Io { file, detail } => rust_i18n::t!(
                "import.error.io",
                locale = locale,
                file = file.display(),
                detail = detail
            )
            .into_owned(),
            ImportError::TooLarge { file, size, limit } => rust_i18n::t!(
                "import.error.too_large",
                locale = locale,
                file = file.display(),
                size = megabytes(*size),
                limit = megabytes(*limit)
            )
            .into_owned(),
            ImportError::Empty { file } => t("import.error.empty", file),
            ImportError::Encrypted { file } => t("import.error.encrypted", file),
            ImportError::NotSpreadsheet { file } => t("import.error.not_spreadsheet", file),
            ImportError::Inflates { file, limit } => rust_i18n::t!(
                "import.error.inflates",
                locale = locale,
                file = file.display(),
                limit = megabytes(*limit)
            )
            .into_owned(),
            ImportError::Damaged { file, detail } => rust_i18n::t!(
                "import.error.damaged",
                locale = locale,
                file = file.display(),
                detail = detail
            )
            .into_owned(),
            ImportError::SheetNotFound {
                file,
                sheet,
                sheets,
            } => rust_i18n::t!(
                "import.error.sheet_not_found",
                locale = locale,
                file = file.display(),
                sheet = sheet,
                sheets = sheets.join(", ")
            )
            .into_owned(),
            ImportError::NoHeader { file, sheet } => rust_i18n::t!(
                "import.error.no_header",
                locale = locale,
                file = file.display(),
                sheet = sheet,
                headings = HEADINGS_LOOKED_FOR
            )
            .into_owned(),
            ImportError::NoIndicatorColumn {
                file,
                sheet,
                row,
                found,
            } => rust_i18n::t!(
                "import.error.no_indicator_column",
                locale = locale,
                file = file.display(),
                sheet = sheet,
                row = row,
                found = found.join(", ")
            )
            .into_owned(),
            ImportError::NoYear { file, sheet } => rust_i18n::t!(
                "import.error.no_year",
                locale = locale,
                file = file.display(),
                sheet = sheet
            )
            .into_owned(),
            ImportError::PeriodReversed { start, end } => rust_i18n::t!(
                "cli.error.period_reversed",
                locale = locale,
                start = start,
                end = end
            )
            .into_owned(),
            ImportError::NoIndicators { file, sheet } => rust_i18n::t!(
                "import.error.no_indicators",
                locale = locale,
                file = file.display(),
                sheet = sheet
            )
            .into_owned(),
        }
    }
}
