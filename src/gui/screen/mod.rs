//! The screens of the app. Each owns its `State`, `Message`, `update` (returning an
//! `Action` that the app carries out) and `view`, and reads the document through a
//! [`Context`]; none of them changes the document itself.

pub mod draft;
pub mod present;
pub mod review;

use crate::edit::Edit;
use crate::locale::Language;
use crate::model::{Quarter, Roadmap};
use crate::review::ReviewReport;
use crate::validate::Problem;

/// What every screen may read while it draws or updates.
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

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Draft,
    Review,
    Present,
}
