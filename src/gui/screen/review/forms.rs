//! The OPD forms panel of the review screen: **Formulir OPD** writes the quarter's
//! forms into a folder; **Kumpulkan** reads returned forms (file dialog, dropped files,
//! or a typed path) into a preview dialog; below, the units that have not reported yet.
//!
//! Native dialogs answer through messages, so tests give the paths directly; a typed
//! path is always offered beside them, since a dialog may fail to open at all.

use std::path::{Path, PathBuf};

use iced::widget::{Column, column, row, text, text_input};
use iced::{Element, Length, Task};

use crate::forms::{FormError, not_reported, write_forms};
use crate::gui::contract::{Action, Context, Request};
use crate::gui::dialog::collect::{self, CollectPreview};
use crate::gui::i18n::{tr, tr_with};
use crate::gui::icon::Icon;
use crate::gui::notice::{Notice, Tone};
use crate::gui::widget;

/// The panel's state and the open preview, if any.
/// Why the forms were not written.
enum Failure {
    /// The folder could not be made: the operating system's words.
    Folder(String),
    Forms(FormError),
}

#[derive(Debug, Default)]
pub struct Forms {
    /// Where the forms go, as typed (or chosen).
    folder: String,
    /// A returned form's path, as typed.
    returned: String,
    preview: Option<CollectPreview>,
}

#[derive(Debug, Clone)]
pub enum Message {
    FolderChanged(String),
    ChooseFolder,
    /// The folder dialog's answer (`None`: cancelled, or no dialog could open).
    FolderChosen(Option<PathBuf>),
    WriteForms,
    ReturnedChanged(String),
    ChooseReturned,
    /// The file dialog's answer (empty: cancelled, or no dialog could open).
    ReturnedChosen(Vec<PathBuf>),
    /// Reads the typed path.
    CollectTyped,
    /// Files dropped on the window: added to the open preview, or a new one.
    FilesDropped(Vec<PathBuf>),
    Preview(collect::Message),
}

impl Forms {
    pub fn preview(&self) -> Option<&CollectPreview> {
        self.preview.as_ref()
    }

    pub fn folder(&self) -> &str {
        &self.folder
    }

    pub fn update(&mut self, message: Message, context: &Context<'_>) -> Action<Message> {
        match message {
            Message::FolderChanged(folder) => {
                self.folder = folder;
                Action::None
            }
            Message::ChooseFolder => Action::Run(choose_folder(context.folder)),
            Message::FolderChosen(Some(folder)) => {
                self.folder = folder.display().to_string();
                self.write(context)
            }
            // Cancelled, or no dialog could open: the typed path stays offered.
            Message::FolderChosen(None) => Action::None,
            Message::WriteForms => self.write(context),
            Message::ReturnedChanged(path) => {
                self.returned = path;
                Action::None
            }
            Message::ChooseReturned => Action::Run(choose_returned(context.folder)),
            Message::CollectTyped => {
                let path = self.returned.trim();
                if path.is_empty() {
                    return Action::None;
                }
                let path = PathBuf::from(path);
                self.open_preview(vec![path], context)
            }
            Message::ReturnedChosen(files) | Message::FilesDropped(files) => {
                self.open_preview(files, context)
            }
            Message::Preview(message) => {
                let Some(preview) = self.preview.as_mut() else {
                    return Action::None;
                };
                match preview.update(message, context) {
                    Action::None => Action::None,
                    Action::Run(task) => Action::Run(task.map(Message::Preview)),
                    Action::Notify(notice) => Action::Notify(notice),
                    Action::Change(change) => {
                        // Applied: the preview has done its work.
                        self.preview = None;
                        Action::Change(change)
                    }
                    Action::Request(Request::CloseDialog) => {
                        self.preview = None;
                        Action::None
                    }
                    Action::Request(request) => Action::Request(request),
                }
            }
        }
    }

    fn open_preview(&mut self, files: Vec<PathBuf>, context: &Context<'_>) -> Action<Message> {
        if files.is_empty() {
            return Action::None;
        }
        match self.preview.as_mut() {
            Some(preview) => preview.add(files, context),
            None => self.preview = Some(CollectPreview::new(files, context)),
        }
        Action::None
    }

    fn write(&mut self, context: &Context<'_>) -> Action<Message> {
        let language = context.language;
        let folder = self.folder.trim();
        let folder = if folder.is_empty() {
            default_folder(context)
        } else {
            PathBuf::from(folder)
        };
        self.folder = folder.display().to_string();
        // The operating system's own words for a folder it cannot make; the forms'
        // errors say themselves in the user's language.
        let written = std::fs::create_dir_all(&folder)
            .map_err(|error| Failure::Folder(error.to_string()))
            .and_then(|()| {
                write_forms(context.roadmap, context.quarter, &folder, None, language)
                    .map_err(Failure::Forms)
            });
        let shown = folder.display().to_string();
        let quarter = context.quarter;
        Action::Notify(match written {
            Ok(paths) => {
                let count = paths.len().to_string();
                Notice::said(Tone::Info, language, move |language| {
                    tr_with(
                        language,
                        "forms.gui.written",
                        &[
                            ("count", &count),
                            ("quarter", &language.quarter(quarter)),
                            ("folder", &shown),
                        ],
                    )
                })
            }
            Err(failure) => Notice::said(Tone::Error, language, move |language| {
                let error = match &failure {
                    Failure::Folder(error) => error.clone(),
                    Failure::Forms(error) => error.message(language),
                };
                tr_with(
                    language,
                    "forms.gui.write_failed",
                    &[("folder", &shown), ("error", &error)],
                )
            }),
        })
    }

    /// The panel beside the table.
    pub fn view<'a>(&'a self, context: &Context<'a>) -> Element<'a, Message> {
        let language = context.language;
        let quarter = language.quarter(context.quarter);
        let folder_placeholder = default_folder(context).display().to_string();
        let write = widget::section(
            tr(language, "forms.gui.forms_title"),
            column![
                text(tr_with(
                    language,
                    "forms.gui.forms_help",
                    &[("quarter", &quarter)]
                ))
                .size(13),
                row![
                    text_input(&folder_placeholder, &self.folder)
                        .on_input(Message::FolderChanged)
                        .on_submit(Message::WriteForms)
                        .size(13),
                    widget::tool_button(
                        Icon::Folder,
                        tr(language, "forms.gui.choose_folder"),
                        Some(Message::ChooseFolder)
                    ),
                ]
                .spacing(4),
                widget::labeled_button(
                    Icon::Export,
                    tr(language, "forms.gui.write"),
                    Some(Message::WriteForms)
                ),
            ]
            .spacing(8),
        );
        let gather = widget::section(
            tr(language, "forms.gui.collect_title"),
            column![
                text(tr(language, "forms.gui.collect_help")).size(13),
                widget::labeled_button(
                    Icon::Open,
                    tr(language, "forms.gui.collect"),
                    (!context.read_only).then_some(Message::ChooseReturned)
                ),
                row![
                    text_input(&tr(language, "forms.gui.typed_form"), &self.returned)
                        .on_input(Message::ReturnedChanged)
                        .on_submit(Message::CollectTyped)
                        .size(13),
                    widget::tool_button(
                        Icon::Check,
                        tr(language, "forms.gui.read_typed"),
                        Some(Message::CollectTyped)
                    ),
                ]
                .spacing(4),
            ]
            .spacing(8),
        );
        let missing = not_reported(context.roadmap, context.quarter);
        let mut waiting: Column<'a, Message> = column![].spacing(4);
        if missing.is_empty() {
            waiting = waiting.push(text(tr(language, "forms.gui.all_reported")).size(13));
        }
        for (_, name) in missing {
            waiting = waiting.push(text(format!("• {name}")).size(13));
        }
        column![
            write,
            gather,
            widget::section(
                tr_with(language, "forms.gui.not_reported", &[("quarter", &quarter)]),
                waiting
            ),
        ]
        .spacing(22)
        .width(Length::Fill)
        .into()
    }

    /// The preview over `base`, when one is open.
    pub fn over<'a>(
        &'a self,
        base: Element<'a, super::Message>,
        context: &Context<'a>,
    ) -> Element<'a, super::Message> {
        match &self.preview {
            None => base,
            // The conflicts' choices are work: a stray click beside must not drop them.
            Some(preview) => widget::modal_holding_work(
                base,
                preview
                    .view(context)
                    .map(|m| super::Message::Forms(Message::Preview(m))),
            ),
        }
    }
}

/// The screen's action for what the forms panel asked.
pub fn lift(action: Action<Message>) -> Action<super::Message> {
    match action {
        Action::None => Action::None,
        Action::Run(task) => Action::Run(task.map(super::Message::Forms)),
        Action::Change(change) => Action::Change(change),
        Action::Notify(notice) => Action::Notify(notice),
        Action::Request(request) => Action::Request(request),
    }
}

/// `formulir TW III 2025` beside the document, or in the working folder.
fn default_folder(context: &Context<'_>) -> PathBuf {
    let name = format!("formulir {}", context.language.quarter(context.quarter));
    context.folder.unwrap_or(Path::new("")).join(name)
}

fn choose_folder(start: Option<&Path>) -> Task<Message> {
    let start = start.map(Path::to_owned);
    Task::perform(
        async move {
            let mut dialog = rfd::AsyncFileDialog::new();
            if let Some(start) = start {
                dialog = dialog.set_directory(start);
            }
            dialog.pick_folder().await.map(|h| h.path().to_owned())
        },
        Message::FolderChosen,
    )
}

fn choose_returned(start: Option<&Path>) -> Task<Message> {
    let start = start.map(Path::to_owned);
    Task::perform(
        async move {
            let mut dialog = rfd::AsyncFileDialog::new()
                .add_filter("Excel / LibreOffice", &["xlsx", "ods", "xls"]);
            if let Some(start) = start {
                dialog = dialog.set_directory(start);
            }
            dialog
                .pick_files()
                .await
                .map(|handles| handles.iter().map(|h| h.path().to_owned()).collect())
                .unwrap_or_default()
        },
        Message::ReturnedChosen,
    )
}
