//! The tests' window into the app: state the window shows only as pixels (which
//! dialog is open, what a notice says, the screen's own state), read here so that
//! `tests/gui` can check it without parsing the view. Nothing in the app calls these,
//! hence hidden from the documentation; the app's own code reads the fields.

use super::{App, Dialog, Screen};
use crate::gui::dialog::file_prompts::DiskPrompt;
use crate::gui::dialog::import::ImportPreview;
use crate::gui::notice::Notice;
use crate::gui::screen::draft::Drafting;
use crate::review::ReviewReport;
use crate::safety::{LockInfo, RecoveryEntry};

#[doc(hidden)]
impl App {
    /// The notice in the bar under the header, if any.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The review at the quarter shown.
    pub fn report(&self) -> &ReviewReport {
        &self.report
    }

    /// The draft screen, while it is shown.
    pub fn draft(&self) -> Option<&Drafting> {
        match &self.screen {
            Screen::Draft(state) => Some(state),
            _ => None,
        }
    }

    /// The recovery copies offered at start, while that dialog is open.
    pub fn recovery_offered(&self) -> Option<&[RecoveryEntry]> {
        match self.dialog() {
            Some(Dialog::Recover(recover)) => Some(&recover.entries),
            _ => None,
        }
    }

    /// What "the file changed on disk" asks about, while it is asked.
    pub fn disk_prompt(&self) -> Option<DiskPrompt> {
        match self.dialog() {
            Some(Dialog::ChangedOnDisk(question)) => Some(question.prompt),
            _ => None,
        }
    }

    /// Who holds the file, while "another user has it open" is asked.
    pub fn lock_prompt(&self) -> Option<&LockInfo> {
        match self.dialog() {
            Some(Dialog::Locked(locked)) => Some(&locked.holder),
            _ => None,
        }
    }

    /// A dialog asking whether to save is open.
    pub fn is_confirming(&self) -> bool {
        matches!(self.dialog(), Some(Dialog::Confirm(_)))
    }

    /// The import preview, while it is open.
    pub fn import_preview(&self) -> Option<&ImportPreview> {
        match self.dialog() {
            Some(Dialog::Import(preview)) => Some(preview),
            _ => None,
        }
    }
}
