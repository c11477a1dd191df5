//! Dialogs shown over the window: "save changes?", a new roadmap, open by path.

pub mod new_document;
pub mod open_path;
pub mod safety;

use iced::widget::{button, column, row, space, text};
use iced::{Element, Length};

use super::i18n::tr;
use super::widget;
use crate::locale::Language;

/// What the user wanted to do when unsaved changes stood in the way.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    New,
    Open,
    OpenFile(std::path::PathBuf),
    Close(iced::window::Id),
}

/// The answers to "save changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    Cancel,
}

/// "Save the changes to NAME?" with Save / Don't save / Cancel.
pub fn confirm_discard<'a>(language: Language, name: &str) -> Element<'a, Answer> {
    let title = super::i18n::tr_with(language, "app.unsaved_title", &[("name", name)]);
    column![
        text(title).size(20).font(widget::bold()),
        text(tr(language, "app.unsaved_body")),
        row![
            button(text(tr(language, "app.discard")))
                .style(button::danger)
                .on_press(Answer::Discard),
            space::horizontal(),
            button(text(tr(language, "app.cancel")))
                .style(button::secondary)
                .on_press(Answer::Cancel),
            button(text(tr(language, "app.save")))
                .style(button::primary)
                .on_press(Answer::Save),
        ]
        .spacing(10)
        .width(Length::Fill),
    ]
    .spacing(16)
    .into()
}
