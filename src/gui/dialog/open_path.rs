//! Opening a file by typing its path or picking a recent one: the way in that always
//! works, also where no native file dialog is available.

use std::path::PathBuf;

use iced::widget::{button, column, row, text, text_input};
use iced::{Element, Length};

use crate::gui::contract::{Action, Context, Request};
use crate::gui::i18n::tr;
use crate::gui::icon::Icon;
use crate::gui::widget;

/// "Open by path": a path typed or pasted, or one of the recent files.
#[derive(Debug, Clone, Default)]
pub struct OpenPath {
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

impl OpenPath {
    pub fn update(&mut self, message: Message, _context: &Context<'_>) -> Action<Message> {
        match message {
            Message::PathChanged(path) => {
                self.path = path;
                Action::None
            }
            Message::Submit if !self.path.trim().is_empty() => {
                Action::Request(Request::OpenFile(PathBuf::from(self.path.trim())))
            }
            Message::Submit => Action::None,
            Message::Browse => Action::Request(Request::ChooseFile),
            Message::Recent(path) => Action::Request(Request::OpenFile(path)),
            Message::Cancel => Action::Request(Request::CloseDialog),
        }
    }

    pub fn view<'a>(&'a self, context: &Context<'a>) -> Element<'a, Message> {
        let (language, recent) = (context.language, context.recent);
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
