//! The questions that keep work from being lost: save the changes first, unsaved work
//! found after a crash, a file changed by someone else, a file another user has open.
//! Each is a dialog on the one contract whose update hands its answer to the app
//! (`Request::Answer`): only the app holds the document the answer is about.

use std::path::{Path, PathBuf};

use iced::widget::{Column, button, column, row, space, text};
use iced::{Alignment, Element, Length};

use super::Pending;
use super::answer::Answer;
pub use super::answer::{DiskAnswer, LockAnswer, RecoveryAnswer, UnsavedAnswer};
use crate::gui::contract::{Action, Context, Request};
use crate::gui::document::Document;
use crate::gui::i18n::{tr, tr_with};
use crate::gui::icon::Icon;
use crate::gui::widget;
use crate::locale::Language;
use crate::safety::{LockInfo, RecoveryEntry};

/// "Save the changes to NAME?", asked before `pending` replaces or closes the document.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveChanges {
    pub pending: Pending,
    /// The document's name when asked.
    name: String,
    /// How many typed entries are not in the document, in words (they are lost on
    /// closing), when there are any.
    untaken: Option<String>,
}

impl SaveChanges {
    pub fn new(pending: Pending, name: String, untaken: Option<String>) -> Self {
        Self {
            pending,
            name,
            untaken,
        }
    }

    pub fn update(
        &mut self,
        answer: UnsavedAnswer,
        _context: &Context<'_>,
    ) -> Action<UnsavedAnswer> {
        Action::Request(Request::Answer(Answer::Unsaved(answer)))
    }

    pub fn view<'a>(&'a self, context: &Context<'a>) -> Element<'a, UnsavedAnswer> {
        super::confirm_discard(context.language, &self.name, self.untaken.clone())
    }
}

/// Unsaved work left by a crash, offered at start.
#[derive(Debug, Clone, PartialEq)]
pub struct Recover {
    pub entries: Vec<RecoveryEntry>,
}

impl Recover {
    pub fn update(
        &mut self,
        answer: RecoveryAnswer,
        _context: &Context<'_>,
    ) -> Action<RecoveryAnswer> {
        Action::Request(Request::Answer(Answer::Recovery(answer)))
    }

    pub fn view<'a>(&'a self, context: &Context<'a>) -> Element<'a, RecoveryAnswer> {
        recover(context.language, &self.entries)
    }
}

/// "The file changed on disk" (or is gone), about the document's file.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangedOnDisk {
    pub prompt: DiskPrompt,
    path: PathBuf,
    /// The document had unsaved changes when asked: reloading loses them.
    dirty: bool,
}

impl ChangedOnDisk {
    pub fn new(prompt: DiskPrompt, path: PathBuf, dirty: bool) -> Self {
        Self {
            prompt,
            path,
            dirty,
        }
    }

    pub fn update(&mut self, answer: DiskAnswer, _context: &Context<'_>) -> Action<DiskAnswer> {
        Action::Request(Request::Answer(Answer::Disk(answer)))
    }

    pub fn view<'a>(&'a self, context: &Context<'a>) -> Element<'a, DiskAnswer> {
        changed(context.language, &self.path, self.prompt, self.dirty)
    }
}

/// A file someone else has open, loaded but not yet shown.
pub struct Locked {
    pub document: Box<Document>,
    pub holder: LockInfo,
}

impl Locked {
    pub fn update(&mut self, answer: LockAnswer, _context: &Context<'_>) -> Action<LockAnswer> {
        Action::Request(Request::Answer(Answer::Lock(answer)))
    }

    pub fn view<'a>(&'a self, context: &Context<'a>) -> Element<'a, LockAnswer> {
        let path = self.document.path.as_deref().unwrap_or(Path::new(""));
        locked(context.language, path, &self.holder)
    }
}

/// What happened to the file on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskChange {
    /// Someone else saved over it.
    Changed,
    /// It is gone (moved, deleted, the share disconnected).
    Missing,
}

/// When the change was noticed: that decides what "keep mine" does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noticed {
    /// The window came back to the front.
    OnReturn,
    /// The user asked to save.
    BeforeSave,
}

/// "The file changed on disk", as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiskPrompt {
    pub change: DiskChange,
    pub noticed: Noticed,
}

impl DiskPrompt {
    /// "Keep mine" writes the file now (else it only stops asking until it changes again).
    pub fn keeping_saves(self) -> bool {
        self.noticed == Noticed::BeforeSave || self.change == DiskChange::Missing
    }
}

fn title<'a, M: 'a>(icon: Icon, words: String) -> Element<'a, M> {
    row![icon.sized(22), text(words).size(20).font(widget::bold())]
        .spacing(10)
        .align_y(Alignment::Center)
        .into()
}

fn recover<'a>(language: Language, entries: &'a [RecoveryEntry]) -> Element<'a, RecoveryAnswer> {
    let mut list: Column<'a, RecoveryAnswer> = column![].spacing(10);
    for (index, entry) in entries.iter().enumerate() {
        let restore = button(text(tr(language, "app.recover_restore")))
            .style(button::primary)
            .on_press_maybe((!entry.is_damaged()).then_some(RecoveryAnswer::Restore(index)));
        let discard = button(text(tr(language, "app.recover_discard")))
            .style(button::secondary)
            .on_press(RecoveryAnswer::Discard(index));
        list = list.push(widget::notice(
            widget::warning,
            column![
                text(entry.describe(language)).size(14),
                row![space::horizontal(), discard, restore].spacing(8),
            ]
            .spacing(8),
        ));
    }
    column![
        title(Icon::History, tr(language, "app.recover_title")),
        text(tr(language, "app.recover_body")),
        list,
        row![
            space::horizontal(),
            button(text(tr(language, "app.recover_later")))
                .style(button::secondary)
                .on_press(RecoveryAnswer::Later)
        ],
    ]
    .spacing(14)
    .into()
}

fn changed<'a>(
    language: Language,
    path: &Path,
    prompt: DiskPrompt,
    dirty: bool,
) -> Element<'a, DiskAnswer> {
    let missing = prompt.change == DiskChange::Missing;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (heading, body) = if missing {
        ("app.disk_missing_title", "app.disk_missing_body")
    } else {
        ("app.disk_changed_title", "app.disk_changed_body")
    };
    let mut content = column![
        title(
            Icon::Warning,
            tr_with(language, heading, &[("name", &name)])
        ),
        text(tr_with(
            language,
            body,
            &[("path", &path.display().to_string())]
        )),
    ]
    .spacing(14);
    if dirty && !missing {
        content = content.push(widget::notice(
            widget::warning,
            text(tr(language, "app.disk_reload_loses")).size(14),
        ));
    }
    let keep = if prompt.keeping_saves() {
        "app.disk_keep_save"
    } else {
        "app.disk_keep"
    };
    let mut buttons = row![
        button(text(tr(language, "app.cancel")))
            .style(button::secondary)
            .on_press(DiskAnswer::Cancel),
    ]
    .spacing(8);
    if !missing {
        buttons = buttons.push(
            button(text(tr(language, "app.disk_reload")))
                .style(button::secondary)
                .on_press(DiskAnswer::Reload),
        );
    }
    buttons = buttons
        .push(
            button(text(tr(language, "app.save_as")))
                .style(button::secondary)
                .on_press(DiskAnswer::SaveAs),
        )
        .push(
            button(text(tr(language, keep)))
                .style(button::primary)
                .on_press(DiskAnswer::KeepMine),
        );
    // Four answers in Indonesian do not fit one line of the card: let them wrap.
    content.push(buttons.wrap().vertical_spacing(8)).into()
}

fn locked<'a>(language: Language, path: &Path, holder: &LockInfo) -> Element<'a, LockAnswer> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut content = column![
        title(
            Icon::Lock,
            tr_with(language, "app.locked_title", &[("name", &name)])
        ),
        text(holder.describe(language)),
        text(tr(language, "app.locked_body"))
            .size(14)
            .style(widget::muted_text),
    ]
    .spacing(14);
    content = content.push(
        row![
            button(text(tr(language, "app.cancel")))
                .style(button::secondary)
                .on_press(LockAnswer::Cancel),
            space::horizontal(),
            button(text(tr(language, "app.locked_anyway")))
                .style(button::secondary)
                .on_press(LockAnswer::OpenAnyway),
            button(text(tr(language, "app.locked_read_only")))
                .style(button::primary)
                .on_press(LockAnswer::ReadOnly),
        ]
        .spacing(8)
        .width(Length::Fill),
    );
    content.into()
}
