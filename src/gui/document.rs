//! The open document: the roadmap with its history, where it lives on disk, and
//! whether it may be written.

use std::path::{Path, PathBuf};

use crate::edit::Editor;
use crate::file::Fingerprint;
use crate::model::Roadmap;
use crate::safety::LockGuard;

pub struct Document {
    pub editor: Editor,
    /// `None` until the document is first saved (the sample, a new roadmap).
    pub path: Option<PathBuf>,
    /// Opened read-only (someone else holds the file): Save goes to Save As.
    pub read_only: bool,
    /// The name shown when there is no path yet.
    pub untitled_name: String,
    /// The file as last read or written here, to notice changes made by others.
    pub fingerprint: Option<Fingerprint>,
    /// Our lock-owner file beside the document (shared drives); removed when dropped.
    pub lock: Option<LockGuard>,
}

impl Document {
    /// A document loaded from `path`, as it is on disk.
    pub fn opened(roadmap: Roadmap, path: PathBuf, fingerprint: Fingerprint) -> Self {
        Self {
            editor: Editor::new(roadmap),
            path: Some(path),
            read_only: false,
            untitled_name: String::new(),
            fingerprint: Some(fingerprint),
            lock: None,
        }
    }

    /// A document with no file yet. `changed` is false for the embedded sample (nothing
    /// to lose yet) and true for a new roadmap from a template.
    pub fn untitled(roadmap: Roadmap, name: impl Into<String>, changed: bool) -> Self {
        Self {
            editor: if changed {
                Editor::unsaved(roadmap)
            } else {
                Editor::new(roadmap)
            },
            path: None,
            read_only: false,
            untitled_name: name.into(),
            fingerprint: None,
            lock: None,
        }
    }

    pub fn roadmap(&self) -> &Roadmap {
        self.editor.roadmap()
    }

    pub fn is_dirty(&self) -> bool {
        self.editor.is_dirty()
    }

    /// The file name, as shown in the title bar.
    pub fn name(&self) -> String {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.untitled_name.clone())
    }

    /// `name — Reform Roadmap`, marked when there are unsaved changes.
    pub fn window_title(&self) -> String {
        let marker = if self.is_dirty() { "● " } else { "" };
        format!("{marker}{} — Reform Roadmap", self.name())
    }
}
