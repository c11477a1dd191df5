//! The open dialog drawn over the page: each dialog's view, and what a click
//! beside it means.

use iced::Element;

use super::{App, Dialog, Message};
use crate::gui::dialog::file_prompts::{DiskAnswer, LockAnswer, RecoveryAnswer, UnsavedAnswer};
use crate::gui::widget;

impl App {
    /// `page` under the open dialog, if any.
    pub(super) fn with_dialog<'a>(&'a self, page: Element<'a, Message>) -> Element<'a, Message> {
        let context = self.context();
        match self.dialog() {
            None => page,
            Some(Dialog::Confirm(state)) => widget::modal(
                page,
                state.view(&context).map(Message::UnsavedAnswered),
                Message::UnsavedAnswered(UnsavedAnswer::Cancel),
            ),
            Some(Dialog::New(state)) => widget::modal(
                page,
                state.view(&context).map(Message::NewDocument),
                Message::CloseDialog,
            ),
            Some(Dialog::Recover(state)) => widget::modal(
                page,
                state.view(&context).map(Message::RecoveryAnswered),
                Message::RecoveryAnswered(RecoveryAnswer::Later),
            ),
            Some(Dialog::ChangedOnDisk(state)) => widget::modal(
                page,
                state.view(&context).map(Message::DiskChangeAnswered),
                Message::DiskChangeAnswered(DiskAnswer::Cancel),
            ),
            Some(Dialog::Locked(state)) => widget::modal(
                page,
                state.view(&context).map(Message::LockAnswered),
                Message::LockAnswered(LockAnswer::Cancel),
            ),
            Some(Dialog::OpenPath(state)) => widget::modal(
                page,
                state.view(&context).map(Message::OpenPath),
                Message::CloseDialog,
            ),
            Some(Dialog::Import(state)) => {
                widget::modal_wide(page, state.view(&context).map(Message::ImportPreview))
            }
            Some(Dialog::TypedPath(state)) => widget::modal(
                page,
                state.view(&context).map(Message::TypedPath),
                Message::CloseDialog,
            ),
        }
    }
}
