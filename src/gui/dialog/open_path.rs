//! Opening a file by typing its path or picking a recent one: the way in that always
//! works, also where no native file dialog is available.

use std::path::PathBuf;

use iced::widget::{button, column, row, text, text_input};
use iced::{Element, Length};

use crate::gui::i18n::tr;
use crate::gui::icon::Icon;
use crate::gui::widget;
use crate::locale::Language;

#[derive(Debug, Clone, Default)]
pub struct State {
    pub path: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    PathChanged(String),
    Submit,
    Browse,
    Recent(PathBuf),
    Cancel,
}

pub enum Action {
    None,
    Open(PathBuf),
    Browse,
    Cancel,
}

impl State {
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::PathChanged(path) => {
                self.path = path;
                Action::None
            }
            Message::Submit if !self.path.trim().is_empty() => {
                Action::Open(PathBuf::from(self.path.trim()))
            }
            Message::Submit => Action::None,
            Message::Browse => Action::Browse,
            Message::Recent(path) => Action::Open(path),
            Message::Cancel => Action::Cancel,
        }
    }

    pub fn view<'a>(&'a self, language: Language, recent: &'a [PathBuf]) -> Element<'a, Message> {
        let mut content = column![
            text(tr(language, "app.open_title"))
                .size(20)
                .font(widget::bold()),
            row![
                text_input(&tr(language, "app.path_placeholder"), &self.path)
                    .id("open-path")
                    .on_input(Message::PathChanged)
                    .on_submit(Message::Submit)
                    .padding(8),
                button(text(tr(language, "app.open")))
                    .style(button::primary)
                    .padding([8, 14])
                    .on_press(Message::Submit),
            ]
            .spacing(8),
            widget::labeled_button(
                Icon::Folder,
                tr(language, "app.browse"),
                Some(Message::Browse)
            ),
        ]
        .spacing(14);
        if !recent.is_empty() {
            let mut list = column![
                text(tr(language, "app.recent"))
                    .size(13)
                    .style(widget::muted_text)
            ]
            .spacing(2);
            for path in recent {
                list = list.push(
                    button(text(path.display().to_string()).size(14))
                        .style(crate::gui::theme::tool)
                        .width(Length::Fill)
                        .on_press(Message::Recent(path.clone())),
                );
            }
            content = content.push(list);
        }
        content
            .push(row![
                iced::widget::space::horizontal(),
                button(text(tr(language, "app.cancel")))
                    .style(button::secondary)
                    .on_press(Message::Cancel)
            ])
            .into()
    }
}
