//! Handing the meeting a report: the native save dialog (behind a message, so tests
//! give the path directly), then the shared exporter writes HTML, XLSX or CSV.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use iced::Task;

use super::Message;
use crate::export::{self, Format};
use crate::gui::contract::{Context, Request};
use crate::gui::file_dialog::{self, Chosen, Purpose};
use crate::gui::i18n::{tr_count, tr_with};
use crate::gui::notice::{Notice, Tone};
use crate::model::Quarter;

/// `monev-2025-Q3.xlsx`: the quarter in the file's own notation sorts well in a folder.
pub fn suggested_name(quarter: Quarter, format: Format) -> String {
    format!("monev-{quarter}.{}", format.extension())
}

/// Asks where to save, in the document's folder; answers with [`Message::ExportTo`],
/// [`Message::ExportCancelled`] or, when no dialog can open here,
/// [`Message::ExportUnavailable`] (the app then asks for a typed path).
pub fn dialog(context: &Context<'_>, format: Format) -> Task<Message> {
    let name = suggested_name(context.quarter, format);
    let folder = context.folder.map(Path::to_owned);
    file_dialog::ask(Purpose::Export(format), Some(name), folder).map(move |chosen| match chosen {
        Chosen::Path(path) => Message::ExportTo(format, path),
        Chosen::Cancelled => Message::ExportCancelled,
        Chosen::Unavailable => Message::ExportUnavailable(format),
    })
}

/// The typed path offered when no dialog can open: the suggested name in the
/// document's folder (or the documents folder).
pub fn typed(context: &Context<'_>, format: Format) -> Request {
    let folder = file_dialog::default_folder(context.folder);
    Request::TypePath(
        Purpose::Export(format),
        folder.join(suggested_name(context.quarter, format)),
    )
}

/// `path` with the format's extension: dialogs do not always add it, and the exporter
/// chooses the format by it. A different extension is kept and the right one appended.
pub fn with_extension(path: &Path, format: Format) -> PathBuf {
    if Format::from_path(path) == Some(format) {
        return path.to_owned();
    }
    let mut name = OsString::from(path.as_os_str());
    name.push(".");
    name.push(format.extension());
    PathBuf::from(name)
}

/// Writes the report and says how it went. `untaken` typed actuals are not numbers, so
/// they are in neither the document nor the report: the notice says so, as saving does,
/// lest the meeting read those rows as not reported.
pub fn run(context: &Context<'_>, format: Format, path: &Path, untaken: usize) -> Notice {
    let path = with_extension(path, format);
    let shown = path.display().to_string();
    let language = context.language;
    let quarter = context.quarter;
    match export::export(context.roadmap, quarter, language, &path) {
        Ok(()) => {
            let tone = if untaken == 0 {
                Tone::Info
            } else {
                Tone::Error
            };
            Notice::said(tone, language, move |language| {
                let saved = tr_with(
                    language,
                    "review.exported",
                    &[("quarter", &language.quarter(quarter)), ("path", &shown)],
                );
                match untaken {
                    0 => saved,
                    _ => {
                        let left = tr_count(language, "review.export_untaken", untaken, &[]);
                        format!("{saved} {left}")
                    }
                }
            })
        }
        Err(error) => Notice::said(Tone::Error, language, move |language| {
            tr_with(
                language,
                "review.export_failed",
                &[("path", &shown), ("error", &error.describe(language))],
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_extensions() {
        let q = Quarter::new(2025, 3).unwrap();
        assert_eq!(suggested_name(q, Format::Xlsx), "monev-2025-Q3.xlsx");
        for (path, format, expected) in [
            ("a/laporan.html", Format::Html, "a/laporan.html"),
            ("a/laporan.HTM", Format::Html, "a/laporan.HTM"),
            ("a/laporan", Format::Csv, "a/laporan.csv"),
            ("a/laporan.v2", Format::Xlsx, "a/laporan.v2.xlsx"),
            ("a/laporan.csv", Format::Xlsx, "a/laporan.csv.xlsx"),
        ] {
            assert_eq!(
                with_extension(Path::new(path), format),
                PathBuf::from(expected),
                "{path}"
            );
        }
    }
}
