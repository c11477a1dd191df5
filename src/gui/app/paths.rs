//! What the app does with a path from the system's file dialog or typed by the user:
//! open, save as, write the whole *rencana aksi* workbook, import; and the typed path
//! asked for where no dialog can open (see [`crate::gui::file_dialog`]).

use std::path::PathBuf;

use iced::Task;

use super::files::name_stem;
use super::{App, Dialog, Message};
use crate::export::{self, Format};
use crate::gui::dialog::typed_path::{self, TypedPath};
use crate::gui::file_dialog::{self, Chosen, Purpose};
use crate::gui::i18n::tr_with;
use crate::gui::notice::Tone;
use crate::gui::screen::review as review_screen;

impl App {
    /// The answer of the system's dialog for `purpose`: used, dropped (cancelled), or,
    /// when no dialog could open, asked for again as a typed path.
    pub(super) fn chosen(&mut self, purpose: Purpose, chosen: Chosen) -> Task<Message> {
        match chosen {
            Chosen::Path(path) => self.use_path(purpose, path),
            Chosen::Cancelled => {
                self.after_save_as = None;
                Task::none()
            }
            Chosen::Unavailable => {
                let suggested = self.suggested_path(purpose);
                self.ask_typed_path(purpose, suggested)
            }
        }
    }

    /// Where the typed path starts for `purpose`.
    fn suggested_path(&self, purpose: Purpose) -> PathBuf {
        let folder = file_dialog::default_folder(self.context().folder);
        match purpose {
            Purpose::SaveAs => {
                let (name, _) = self.save_as_suggestion();
                folder.join(name)
            }
            Purpose::ExportWhole => folder.join(whole_file_name(self)),
            Purpose::Export(format) => {
                folder.join(review_screen::export::suggested_name(self.quarter, format))
            }
            // A file to read: start in the folder, the user adds the name.
            Purpose::Open | Purpose::Import => {
                let mut shown = folder.into_os_string();
                shown.push(std::path::MAIN_SEPARATOR_STR);
                PathBuf::from(shown)
            }
        }
    }

    /// Shows "type the path" for `purpose`, its field focused.
    pub(super) fn ask_typed_path(&mut self, purpose: Purpose, suggested: PathBuf) -> Task<Message> {
        self.show(Dialog::TypedPath(TypedPath::new(purpose, suggested)));
        Task::batch([
            iced::widget::operation::focus(typed_path::INPUT_ID),
            iced::widget::operation::move_cursor_to_end(typed_path::INPUT_ID),
        ])
    }

    /// Does what `path` was asked for.
    pub(super) fn use_path(&mut self, purpose: Purpose, path: PathBuf) -> Task<Message> {
        match purpose {
            Purpose::Open => {
                self.open(&path);
                Task::none()
            }
            Purpose::SaveAs => {
                let pending = self.after_save_as.take();
                match pending {
                    Some(pending) if self.save_to(&path) => self.proceed(pending),
                    _ => {
                        self.save_to(&path);
                        Task::none()
                    }
                }
            }
            Purpose::Export(format) => self.update(Message::Review(
                review_screen::Message::ExportTo(format, path),
            )),
            Purpose::ExportWhole => {
                self.export_whole(&path);
                Task::none()
            }
            Purpose::Import => self.read_workbook(path),
        }
    }

    /// Asks where to write the whole roadmap as a *rencana aksi* workbook.
    pub(super) fn export_whole_dialog(&mut self) -> Task<Message> {
        let folder = self.context().folder.map(std::path::Path::to_owned);
        file_dialog::ask(Purpose::ExportWhole, Some(whole_file_name(self)), folder)
            .map(Message::ExportWholeChosen)
    }

    fn export_whole(&mut self, path: &std::path::Path) {
        let language = self.config.language;
        let path = review_screen::export::with_extension(path, Format::Xlsx);
        let shown = path.display().to_string();
        match export::export_whole(self.document.roadmap(), language, &path) {
            Ok(()) => self.say(Tone::Info, move |language| {
                tr_with(language, "app.whole_written", &[("path", &shown)])
            }),
            Err(error) => self.say(Tone::Error, move |language| {
                tr_with(
                    language,
                    "app.whole_failed",
                    &[("path", &shown), ("error", &error.describe(language))],
                )
            }),
        }
    }
}

/// `rencana-aksi-kabupaten-contoh-2025-2029.xlsx`.
fn whole_file_name(app: &App) -> String {
    format!(
        "rencana-aksi-{}.{}",
        name_stem(app.document.roadmap()),
        Format::Xlsx.extension()
    )
}
