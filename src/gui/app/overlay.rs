//! The open dialog drawn over the page: each dialog's view, and what a click
//! beside it means.

use iced::Element;

use super::typing::untaken_words;
use super::{App, Dialog, Message};
use crate::gui::dialog::file_prompts::{self, DiskAnswer, LockAnswer, RecoveryAnswer};
use crate::gui::dialog::{self, UnsavedAnswer};
use crate::gui::widget;

impl App {
    /// `page` under the open dialog, if any.
    pub(super) fn with_dialog<'a>(&'a self, page: Element<'a, Message>) -> Element<'a, Message> {
        let language = self.config.language;
        let context = self.context();
        match self.dialog() {
            None => page,
            Some(Dialog::Confirm(_)) => widget::modal(
                page,
                dialog::confirm_discard(
                    language,
                    &self.document.name(),
                    untaken_words(language, self.untaken_entries()),
                )
                .map(Message::UnsavedAnswered),
                Message::UnsavedAnswered(UnsavedAnswer::Cancel),
            ),
            Some(Dialog::New(state)) => widget::modal(
                page,
                state.view(&context).map(Message::NewDocument),
                Message::CloseDialog,
            ),
            Some(Dialog::Recover(entries)) => widget::modal(
                page,
                file_prompts::recover(language, entries).map(Message::RecoveryAnswered),
                Message::RecoveryAnswered(RecoveryAnswer::Later),
            ),
            Some(Dialog::ChangedOnDisk(prompt)) => widget::modal(
                page,
                file_prompts::changed(
                    language,
                    self.document
                        .path
                        .as_deref()
                        .unwrap_or(std::path::Path::new("")),
                    *prompt,
                    self.document.is_dirty(),
                )
                .map(Message::DiskChangeAnswered),
                Message::DiskChangeAnswered(DiskAnswer::Cancel),
            ),
            Some(Dialog::Locked { document, holder }) => widget::modal(
                page,
                file_prompts::locked(
                    language,
                    document.path.as_deref().unwrap_or(std::path::Path::new("")),
                    holder,
                )
                .map(Message::LockAnswered),
                Message::LockAnswered(LockAnswer::Cancel),
            ),
            Some(Dialog::OpenPath(state)) => widget::modal(
                page,
                state.view(&context).map(Message::OpenPath),
                Message::CloseDialog,
            ),
            Some(Dialog::Import(state)) => widget::modal_wide(
                page,
                state.view(&context).map(Message::ImportPreview),
                Message::CloseDialog,
            ),
            Some(Dialog::TypedPath(state)) => widget::modal(
                page,
                state.view(&context).map(Message::TypedPath),
                Message::CloseDialog,
            ),
        }
    }
}
