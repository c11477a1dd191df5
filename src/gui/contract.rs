//! The one contract of every screen and dialog: `update(&mut self, Message, &Context)
//! -> Action<Message>` and `view(&self, &Context) -> Element<Message>`. A screen reads
//! the document through the [`Context`] and never changes it itself: it asks, with an
//! [`Action`], and the app carries the action out (see `ARCHITECTURE.md`).

use std::path::{Path, PathBuf};

use iced::{Task, window};

use super::dialog::answer::Answer;
use super::file_dialog::Purpose;
use super::notice::Notice;
use crate::edit::Edit;
use crate::locale::Language;
use crate::model::{Quarter, Roadmap};
use crate::review::ReviewReport;
use crate::validate::Problem;

/// What every screen and dialog may read while it draws or updates.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub roadmap: &'a Roadmap,
    /// The review at `quarter`, recomputed by the app whenever the document changes.
    pub report: &'a ReviewReport,
    pub quarter: Quarter,
    pub language: Language,
    /// Validation problems, recomputed with the report.
    pub problems: &'a [Problem],
    /// The document cannot be changed (opened read-only).
    pub read_only: bool,
    /// The folder of the document's file (`None` until it is saved): relative evidence
    /// paths start there, and file dialogs open there.
    pub folder: Option<&'a Path>,
    /// The app's window, once known: screenshots need it.
    pub window: Option<window::Id>,
    pub today: chrono::NaiveDate,
    /// Files opened lately, newest first.
    pub recent: &'a [PathBuf],
}

/// A change a screen asks the app to make to the document, as one undoable step.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub edits: Vec<Edit>,
    /// Edits made by typing in the same field share this key and undo together.
    pub coalesce: Option<String>,
}

impl Change {
    pub fn one(edit: Edit) -> Self {
        Self {
            edits: vec![edit],
            coalesce: None,
        }
    }

    pub fn typing(edit: Edit, key: impl Into<String>) -> Self {
        Self {
            edits: vec![edit],
            coalesce: Some(key.into()),
        }
    }
}

/// What a screen or dialog asks of the app after an update.
#[must_use]
pub enum Action<Message> {
    None,
    /// Run this task; its messages come back to the same screen or dialog.
    Run(Task<Message>),
    /// Apply through `App::change` (undo, dirty flag, read-only guard, recovery copy).
    Change(Change),
    /// Show this in the notice bar.
    Notify(Notice),
    /// What only the app can do: it holds the document, the quarter and the dialogs.
    Request(Request),
}

/// The things only the app can do, asked for by a screen or dialog.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Show the document at another quarter (the header's quarter, shared by all).
    SelectQuarter(Quarter),
    /// End the presentation, back to the screen it started from.
    EndPresentation,
    /// Close the dialog on top.
    CloseDialog,
    /// Close the dialog and open this file.
    OpenFile(PathBuf),
    /// Close the dialog and ask for a file with the system's dialog.
    ChooseFile,
    /// Close the dialog and work on this new document.
    Create(Box<Roadmap>),
    /// No file dialog could open: ask for a typed path for `Purpose`, starting with
    /// this suggestion.
    TypePath(Purpose, PathBuf),
    /// The answer to a file question (save changes, recover, changed on disk,
    /// locked): the app carries it out and closes the question.
    Answer(Answer),
    /// Close the dialog and work on this document made elsewhere (imported), as a new
    /// untitled one, saying so.
    Adopt(Box<Roadmap>, Notice),
    /// Close the dialog and use this path for `Purpose` (a typed path was given).
    UsePath(Purpose, PathBuf),
}
