//! "Impor dari Excel…": asking for the spreadsheet, reading it off the interface's
//! thread, the preview dialog, and the imported roadmap opened as a new document.

use std::path::PathBuf;
use std::sync::Arc;

use iced::Task;

use super::{App, Dialog, Message};
use crate::gui::dialog::import::ImportPreview;
use crate::gui::document::Document;
use crate::gui::file_dialog::{self, Purpose};
use crate::gui::i18n::tr;
use crate::gui::notice::{Notice, Tone};
use crate::import::{self, ImportError, Workbook};
use crate::model::Roadmap;

impl App {
    /// Asks the system's dialog for the spreadsheet, in the document's folder.
    pub(super) fn import_dialog(&self) -> Task<Message> {
        let folder = self.context().folder.map(std::path::Path::to_owned);
        file_dialog::ask(Purpose::Import, None, folder).map(Message::ImportFileChosen)
    }

    /// Reads the spreadsheet in the background (a large workbook takes a moment);
    /// answered by [`Message::WorkbookRead`].
    pub(super) fn read_workbook(&mut self, path: PathBuf) -> Task<Message> {
        Task::perform(
            async move { import::read(&path).map(Arc::new) },
            Message::WorkbookRead,
        )
    }

    /// The spreadsheet is read: its preview, or why it cannot be imported.
    pub(super) fn workbook_read(&mut self, result: Result<Arc<Workbook>, ImportError>) {
        match result {
            Ok(workbook) => self.show(Dialog::Import(Box::new(ImportPreview::new(workbook)))),
            Err(error) => self.say(Tone::Error, move |language| error.message(language)),
        }
    }

    /// Works on `roadmap`, made elsewhere, as a new untitled document: saving it asks
    /// where, so it never replaces a file unasked.
    pub(super) fn adopt(&mut self, roadmap: Roadmap, notice: Notice) {
        // Short: the header has one line for it, and the notice names the file.
        let name = tr(self.config.language, "app.import.untitled");
        self.replace_document(Document::untitled(roadmap, name, true));
        // A monev sheet brings its last report: show that quarter, not a later one
        // with nothing in it yet.
        if let Some(reported) = self.document.roadmap().latest_reported_quarter()
            && reported < self.quarter
        {
            self.quarter = reported;
            self.refresh();
        }
        self.notice = Some(notice);
    }
}
