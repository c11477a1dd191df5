//! A file dropped on the window goes where it belongs: a roadmap is opened, a returned
//! OPD form is collected on the review screen, and any other spreadsheet is imported,
//! each as its own command would (unsaved changes asked about first).

use std::path::{Path, PathBuf};

use iced::Task;

use super::{App, Message};
use crate::file;
use crate::forms;
use crate::gui::dialog::Pending;
use crate::gui::screen::Tab;
use crate::gui::screen::review::{self as review_screen, forms::Message as FormsMessage};

/// What a dropped file is taken for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dropped {
    /// A `.ron` file: a roadmap to open.
    Roadmap,
    /// A workbook with the forms' hidden sheet.
    Form,
    /// Anything else: a spreadsheet to import (the importer says why, if it is not one).
    Spreadsheet,
}

impl Dropped {
    fn of(path: &Path) -> Self {
        let is_roadmap = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(file::EXTENSION));
        if is_roadmap {
            Self::Roadmap
        } else if forms::is_form(path) {
            Self::Form
        } else {
            Self::Spreadsheet
        }
    }
}

impl App {
    pub(super) fn file_dropped(&mut self, path: PathBuf) -> Task<Message> {
        // The slides show the document as it is, and an open dialog is answered first:
        // a drop never piles a second question on the first.
        if self.presentation().is_some() || !self.dialogs.is_empty() {
            return Task::none();
        }
        let collecting = self
            .review()
            .is_some_and(|review| review.forms().preview().is_some());
        match Dropped::of(&path) {
            Dropped::Roadmap => self.guard(Pending::OpenFile(path)),
            // While forms are being collected, a file that is none joins them and is
            // listed as refused with the reason, beside the forms dropped with it.
            Dropped::Form => self.collect(path),
            Dropped::Spreadsheet if collecting => self.collect(path),
            Dropped::Spreadsheet => self.guard(Pending::ImportFile(path)),
        }
    }

    /// Adds `path` to the forms collected on the review screen (shown if it was not).
    fn collect(&mut self, path: PathBuf) -> Task<Message> {
        self.switch_to(Tab::Review);
        self.update(Message::Review(review_screen::Message::Forms(
            FormsMessage::FilesDropped(vec![path]),
        )))
    }
}
