//! The system's file dialogs (rfd), and telling "no dialog could open" apart from
//! "the user cancelled".
//!
//! rfd 0.17 on Linux asks the XDG desktop portal over D-Bus, falls back to `zenity`,
//! and when both fail only logs the error and returns `None`, exactly as for Cancel.
//! Where neither exists (a bare X server, minimal desktops, some remote sessions)
//! every Save As and export would then do nothing and say nothing. So before asking
//! we check that one of the two can answer, and a `None` that comes back sooner than
//! anyone could have pressed Cancel is taken as "no dialog opened" too: the caller
//! then offers a typed path ([`crate::gui::dialog::typed_path`]). A leaf: it imports
//! no screen, dialog or app.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use iced::Task;

use crate::export::Format;

/// What came back from a file dialog.
#[derive(Debug, Clone, PartialEq)]
pub enum Chosen {
    Path(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown here: ask for a typed path instead.
    Unavailable,
}

/// What a file is asked for: decides the dialog's filter and the name it suggests,
/// and what the app does with the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Open a roadmap.
    Open,
    /// Save the roadmap under a new name.
    SaveAs,
    /// Write the review report of the header's quarter.
    Export(Format),
    /// The whole roadmap as a *rencana aksi* workbook (`export --whole`).
    ExportWhole,
    /// A spreadsheet to import.
    Import,
}

impl Purpose {
    /// The file must exist already (else a new one is written).
    pub fn reads(self) -> bool {
        matches!(self, Purpose::Open | Purpose::Import)
    }

    /// The extension a written file gets when the typed name has none.
    pub fn extension(self) -> Option<&'static str> {
        match self {
            Purpose::SaveAs => Some(crate::file::EXTENSION),
            Purpose::Export(format) => Some(format.extension()),
            Purpose::ExportWhole => Some(Format::Xlsx.extension()),
            Purpose::Open | Purpose::Import => None,
        }
    }

    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Purpose::Open | Purpose::SaveAs => ("Road map (RON)", &["ron"]),
            Purpose::Export(Format::Html) => ("HTML", &["html", "htm"]),
            Purpose::Export(Format::Xlsx) | Purpose::ExportWhole => ("Excel (XLSX)", &["xlsx"]),
            Purpose::Export(Format::Csv) => ("CSV", &["csv"]),
            Purpose::Import => (
                "Excel, LibreOffice, CSV",
                &["xlsx", "xlsm", "xls", "ods", "csv", "txt"],
            ),
        }
    }
}

/// A `None` from rfd sooner than this after asking was no dialog at all: a person
/// needs longer to see a dialog and press Cancel.
const NO_ANSWER_WITHIN: Duration = Duration::from_millis(400);

/// Asks the system's dialog for a file for `purpose`, suggesting `name` in `folder`.
pub fn ask(purpose: Purpose, name: Option<String>, folder: Option<PathBuf>) -> Task<Chosen> {
    Task::perform(
        async move {
            if !chooser_available() {
                return Chosen::Unavailable;
            }
            let (label, extensions) = purpose.filter();
            let mut dialog = rfd::AsyncFileDialog::new().add_filter(label, extensions);
            if let Some(name) = name {
                dialog = dialog.set_file_name(name);
            }
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            let asked = Instant::now();
            let handle = if purpose.reads() {
                dialog.pick_file().await
            } else {
                dialog.save_file().await
            };
            answer(handle.map(|h| h.path().to_owned()), asked.elapsed())
        },
        std::convert::identity,
    )
}

/// What rfd's answer means, given how long it took.
fn answer(path: Option<PathBuf>, waited: Duration) -> Chosen {
    match path {
        Some(path) => Chosen::Path(path),
        None if waited < NO_ANSWER_WITHIN => Chosen::Unavailable,
        None => Chosen::Cancelled,
    }
}

/// Whether rfd has a way to show a dialog here. On Linux: `zenity` on the `PATH`, or a
/// D-Bus session bus (where the portal may answer; when it does not, the quick `None`
/// is caught by [`NO_ANSWER_WITHIN`]). Elsewhere the system always has one.
pub fn chooser_available() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let on_path = |name: &str| {
        std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(name).is_file()))
    };
    let session_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|a| !a.is_empty())
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| Path::new(&dir).join("bus").exists());
    on_path("zenity") || session_bus
}

/// Where a typed path starts and a relative one is taken from: the document's
/// folder, else the user's documents folder, else the home folder.
pub fn default_folder(document_folder: Option<&Path>) -> PathBuf {
    if let Some(folder) = document_folder.filter(|f| !f.as_os_str().is_empty()) {
        return folder.to_owned();
    }
    directories::UserDirs::new()
        .map(|dirs| {
            dirs.document_dir()
                .map(Path::to_owned)
                .unwrap_or_else(|| dirs.home_dir().to_owned())
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

/// A path as people type it: `~/x` in the home folder, a bare name or relative path
/// in `folder`, and, for a file to be written, the purpose's extension when the name
/// has none.
pub fn resolve_typed(typed: &str, folder: &Path, purpose: Purpose) -> PathBuf {
    let typed = typed.trim();
    let path = match typed
        .strip_prefix("~/")
        .or_else(|| typed.strip_prefix("~\\"))
    {
        Some(rest) => directories::UserDirs::new()
            .map(|dirs| dirs.home_dir().join(rest))
            .unwrap_or_else(|| PathBuf::from(typed)),
        None => PathBuf::from(typed),
    };
    let path = if path.is_relative() {
        folder.join(path)
    } else {
        path
    };
    match purpose.extension() {
        Some(extension) if path.extension().is_none() => path.with_extension(extension),
        _ => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_paths_are_completed_as_people_expect() {
        let folder = Path::new("/data/rb");
        for (typed, purpose, expected) in [
            ("baru", Purpose::SaveAs, "/data/rb/baru.ron"),
            ("  sub/baru.ron ", Purpose::SaveAs, "/data/rb/sub/baru.ron"),
            (
                "/tmp/laporan",
                Purpose::Export(Format::Html),
                "/tmp/laporan.html",
            ),
            ("/tmp/lengkap", Purpose::ExportWhole, "/tmp/lengkap.xlsx"),
            ("rencana", Purpose::Open, "/data/rb/rencana"),
            ("rencana.xlsx", Purpose::Import, "/data/rb/rencana.xlsx"),
        ] {
            assert_eq!(
                resolve_typed(typed, folder, purpose),
                PathBuf::from(expected),
                "{typed}"
            );
        }
    }

    #[test]
    fn an_instant_none_is_no_dialog_and_a_late_one_a_cancel() {
        let path = PathBuf::from("/tmp/x.ron");
        assert_eq!(
            answer(Some(path.clone()), Duration::ZERO),
            Chosen::Path(path)
        );
        assert_eq!(answer(None, Duration::from_millis(5)), Chosen::Unavailable);
        assert_eq!(answer(None, Duration::from_secs(3)), Chosen::Cancelled);
    }

    #[test]
    fn the_document_folder_comes_first() {
        assert_eq!(
            default_folder(Some(Path::new("/data/rb"))),
            PathBuf::from("/data/rb")
        );
    }
}
