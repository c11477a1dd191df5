//! A path typed instead of chosen: shown when the system's file dialog cannot open
//! (no XDG desktop portal and no zenity), so that Save As, the exports and the import
//! still work there, and say why the usual dialog did not appear.

use std::path::PathBuf;

use iced::widget::{button, column, row, space, text, text_input};
use iced::{Alignment, Element, Length};

use crate::gui::contract::{Action, Context, Request};
use crate::gui::file_dialog::{self, Purpose};
use crate::gui::i18n::{tr, tr_with};
use crate::gui::icon::Icon;
use crate::gui::widget;

/// The id of the path field, focused when the dialog opens.
pub const INPUT_ID: &str = "typed-path";

/// "Type the path": what it is for, and the text typed so far.
#[derive(Debug, Clone, PartialEq)]
pub struct TypedPath {
    purpose: Purpose,
    path: String,
    /// Why the last submit was not taken (or must be confirmed).
    problem: Option<Problem>,
}

/// What stands in the way of the typed path.
#[derive(Debug, Clone, PartialEq)]
enum Problem {
    /// A file to read is not there.
    Missing(PathBuf),
    /// The folder to write into is not there.
    NoFolder(PathBuf),
    /// A file is there already: submitting the same path again replaces it.
    Exists(PathBuf),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    PathChanged(String),
    Submit,
    Cancel,
}

impl TypedPath {
    /// Starts with `suggested` (a full path, or a folder for a file to read).
    pub fn new(purpose: Purpose, suggested: PathBuf) -> Self {
        Self {
            purpose,
            path: suggested.display().to_string(),
            problem: None,
        }
    }

    pub fn purpose(&self) -> Purpose {
        self.purpose
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn update(&mut self, message: Message, context: &Context<'_>) -> Action<Message> {
        match message {
            Message::PathChanged(path) => {
                self.path = path;
                self.problem = None;
                Action::None
            }
            Message::Submit if self.path.trim().is_empty() => Action::None,
            Message::Submit => {
                let folder = file_dialog::default_folder(context.folder);
                let path = file_dialog::resolve_typed(&self.path, &folder, self.purpose);
                match self.check(&path) {
                    Some(problem) => {
                        self.problem = Some(problem);
                        Action::None
                    }
                    None => Action::Request(Request::UsePath(self.purpose, path)),
                }
            }
            Message::Cancel => Action::Request(Request::CloseDialog),
        }
    }

    /// What stops `path` being used now; a file to be replaced is confirmed by
    /// submitting it a second time.
    fn check(&self, path: &std::path::Path) -> Option<Problem> {
        if self.purpose.reads() {
            return (!path.is_file()).then(|| Problem::Missing(path.to_owned()));
        }
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        if let Some(folder) = folder
            && !folder.is_dir()
        {
            return Some(Problem::NoFolder(folder.to_owned()));
        }
        let confirmed = matches!(&self.problem, Some(Problem::Exists(seen)) if seen == path);
        (path.exists() && !confirmed).then(|| Problem::Exists(path.to_owned()))
    }

    pub fn view<'a>(&'a self, context: &Context<'a>) -> Element<'a, Message> {
        let language = context.language;
        let title = match self.purpose {
            Purpose::Open => "app.open_title",
            Purpose::SaveAs => "app.save_as_title",
            Purpose::Export(_) => "app.export_title",
            Purpose::ExportWhole => "app.export_whole_title",
            Purpose::Import => "app.import.choose_title",
        };
        let replacing = matches!(self.problem, Some(Problem::Exists(_)));
        let action = match (self.purpose, replacing) {
            (_, true) => "app.typed_replace",
            (Purpose::Open, _) => "app.open",
            (Purpose::Import, _) => "app.import.next",
            (Purpose::SaveAs, _) => "app.save",
            (Purpose::Export(_) | Purpose::ExportWhole, _) => "app.typed_write",
        };
        let mut content = column![
            row![
                Icon::Folder.sized(22),
                text(tr(language, title)).size(20).font(widget::bold())
            ]
            .spacing(10)
            .align_y(Alignment::Center),
            widget::notice(
                widget::warning,
                text(tr(language, "app.no_file_dialog")).size(14)
            ),
            row![
                text_input(&tr(language, "app.path_placeholder"), &self.path)
                    .id(INPUT_ID)
                    .on_input(Message::PathChanged)
                    .on_submit(Message::Submit)
                    .padding(8),
            ],
        ]
        .spacing(14);
        if let Some(problem) = &self.problem {
            let (key, path) = match problem {
                Problem::Missing(path) => ("app.typed_missing", path),
                Problem::NoFolder(path) => ("app.typed_no_folder", path),
                Problem::Exists(path) => ("app.typed_exists", path),
            };
            let words = tr_with(language, key, &[("path", &path.display().to_string())]);
            content = content.push(text(words).size(14).style(if replacing {
                text::warning
            } else {
                text::danger
            }));
        }
        content
            .push(
                row![
                    space::horizontal(),
                    button(text(tr(language, "app.cancel")))
                        .style(button::secondary)
                        .on_press(Message::Cancel),
                    button(text(tr(language, action)))
                        .style(if replacing {
                            button::danger
                        } else {
                            button::primary
                        })
                        .on_press(Message::Submit),
                ]
                .spacing(8)
                .width(Length::Fill),
            )
            .into()
    }
}
