//! The quarterly review handed to the meeting (*monev triwulan*): a printable HTML
//! report, an Excel workbook or a CSV table, all built from the same rows
//! ([`rows::Report`]) so that the formats cannot disagree.

pub mod csv;
pub mod html;
pub mod rows;
pub mod whole;
pub mod xlsx;

use std::path::{Path, PathBuf};

use crate::file::{SaveError, write_atomically_without_backup};
use crate::locale::Language;
use crate::model::{Quarter, Roadmap};

pub use rows::{AreaSummary, Report, ReportRow, UnitRow};

/// A report format, chosen by the file name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Html,
    Xlsx,
    Csv,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Html, Format::Xlsx, Format::Csv];

    /// The format for `path` by its extension (`.html`/`.htm`, `.xlsx`, `.csv`, any
    /// letter case), `None` for anything else.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "html" | "htm" => Some(Format::Html),
            "xlsx" => Some(Format::Xlsx),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// The usual extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
        }
    }
}

/// Why a report was not written. Cloneable so it can travel in a GUI message.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ExportError {
    #[error(
        "{}: unknown report format; the name must end in .html, .xlsx or .csv",
        path.display()
    )]
    UnknownFormat { path: PathBuf },
    #[error("could not build the Excel workbook: {message}")]
    Workbook { message: String },
    /// A name Windows cannot hold: refused on every system, since the file travels.
    #[error(transparent)]
    BadName(#[from] crate::file::names::BadFileName),
    #[error(transparent)]
    Save(#[from] SaveError),
}

impl ExportError {
    /// The message for the user, in `language`: which file and what to do.
    pub fn describe(&self, language: Language) -> String {
        let locale = language.code();
        match self {
            ExportError::UnknownFormat { path } => rust_i18n::t!(
                "export.cli.unknown_format",
                locale = locale,
                path = path.display()
            )
            .into_owned(),
            ExportError::Workbook { message } => {
                rust_i18n::t!("export.workbook_failed", locale = locale, detail = message)
                    .into_owned()
            }
            ExportError::BadName(bad) => bad.message(language),
            ExportError::Save(error) => error.advice(language),
        }
    }
}

/// The report's bytes in `format`, dated `printed` (the HTML shows the date).
pub fn render(
    roadmap: &Roadmap,
    quarter: Quarter,
    language: Language,
    format: Format,
    printed: chrono::NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    let report = Report::build(roadmap, quarter);
    Ok(match format {
        Format::Html => html::render(&report, language, printed).into_bytes(),
        Format::Xlsx => xlsx::render(&report, language)?,
        Format::Csv => csv::render(&report, language),
    })
}

/// Writes the review of `roadmap` at `quarter` to `path`, in the format its extension
/// names. The file appears whole or not at all; an existing file is kept as
/// `NAME.bak`, as for roadmaps.
pub fn export(
    roadmap: &Roadmap,
    quarter: Quarter,
    language: Language,
    path: &Path,
) -> Result<(), ExportError> {
    let format = Format::from_path(path).ok_or_else(|| ExportError::UnknownFormat {
        path: path.to_owned(),
    })?;
    crate::file::names::check_path(path)?;
    let today = chrono::Local::now().date_naive();
    let bytes = render(roadmap, quarter, language, format, today)?;
    write_atomically_without_backup(path, &bytes)?;
    Ok(())
}

/// Writes the whole roadmap (every year and quarter) to `path` as a *rencana aksi*
/// workbook in the wide layout (see [`whole`]), atomically.
pub fn export_whole(roadmap: &Roadmap, language: Language, path: &Path) -> Result<(), ExportError> {
    if Format::from_path(path) != Some(Format::Xlsx) {
        return Err(ExportError::UnknownFormat {
            path: path.to_owned(),
        });
    }
    let bytes = whole::workbook(roadmap, language)?;
    write_atomically_without_backup(path, &bytes)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_by_extension() {
        for (name, format) in [
            ("laporan.html", Some(Format::Html)),
            ("laporan.HTM", Some(Format::Html)),
            ("dir.x/laporan.xlsx", Some(Format::Xlsx)),
            ("laporan.Csv", Some(Format::Csv)),
            ("laporan.pdf", None),
            ("laporan.xls", None),
            ("laporan", None),
            (".csv", None),
            ("laporan.csv.bak", None),
        ] {
            assert_eq!(Format::from_path(Path::new(name)), format, "{name}");
        }
        for format in Format::ALL {
            let name = format!("x.{}", format.extension());
            assert_eq!(Format::from_path(Path::new(&name)), Some(format));
        }
    }

    #[test]
    fn unknown_extension_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("laporan.pdf");
        let roadmap = Roadmap::new(
            "t",
            "i",
            crate::model::Period {
                start: 2025,
                end: 2025,
            },
        );
        let error = export(
            &roadmap,
            Quarter::new(2025, 1).unwrap(),
            Language::Indonesian,
            &path,
        )
        .unwrap_err();
        assert!(matches!(error, ExportError::UnknownFormat { .. }));
        assert!(error.to_string().contains("laporan.pdf"));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn export_errors_read_in_the_users_language() {
        let storage_full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        let errors = [
            ExportError::UnknownFormat {
                path: PathBuf::from("laporan.pdf"),
            },
            ExportError::Workbook {
                message: "zip".into(),
            },
            ExportError::BadName(crate::file::names::check_file_name("a:b.xlsx").unwrap_err()),
            ExportError::Save(SaveError::new(Path::new("laporan.xlsx"), &storage_full)),
        ];
        for error in &errors {
            let id = error.describe(Language::Indonesian);
            let en = error.describe(Language::English);
            assert_ne!(id, en, "{error:?}");
            assert!(!id.contains("could not"), "English words in {id:?}");
        }
    }
}
