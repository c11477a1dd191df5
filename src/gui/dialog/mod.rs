//! Dialogs shown over the window, each on the screens' contract (`update(&mut self,
//! Message, &Context) -> Action`, `view(&self, &Context)`). The file questions
//! ([`file_prompts`]) answer with `Request::Answer`, which the app carries out, since
//! only the app holds the document they are about.

pub mod answer;
pub mod collect;
pub mod file_prompts;
pub mod import;
pub mod new_document;
pub mod open_path;
pub mod typed_path;

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
    /// Import a spreadsheet as a new document.
    Import,
    /// Import this spreadsheet (dropped on the window) as a new document.
    ImportFile(std::path::PathBuf),
    OpenFile(std::path::PathBuf),
    Close(iced::window::Id),
}

pub use answer::UnsavedAnswer;

/// "Save the changes to NAME?" with Save / Don't save / Cancel; `untaken` says that
/// typed entries marked red are not in the document (and are lost on closing).
pub fn confirm_discard<'a>(
    language: Language,
    name: &str,
    untaken: Option<String>,
) -> Element<'a, UnsavedAnswer> {
    let title = super::i18n::tr_with(language, "app.unsaved_title", &[("name", name)]);
    let untaken = untaken.map(|words| text(words).style(text::danger));
    column![
        text(title).size(20).font(widget::bold()),
        text(tr(language, "app.unsaved_body")),
    ]
    .push(untaken)
    .push(
        row![
            button(text(tr(language, "app.discard")))
                .style(button::danger)
                .on_press(UnsavedAnswer::Discard),
            space::horizontal(),
            button(text(tr(language, "app.cancel")))
                .style(button::secondary)
                .on_press(UnsavedAnswer::Cancel),
            button(text(tr(language, "app.save")))
                .style(button::primary)
                .on_press(UnsavedAnswer::Save),
        ]
        .spacing(10)
        .width(Length::Fill),
    )
    .spacing(16)
    .into()
}
