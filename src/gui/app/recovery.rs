//! Recovery copies: while the document has unsaved changes, a copy is written to the
//! user's data folder a few seconds after the last edit (off the UI thread), and
//! offered back at the next start after a crash or power cut.

use std::sync::Arc;
use std::time::Duration;

use iced::Task;
use iced::time::Instant;

use super::{App, Dialog, Message};
use crate::file::Fingerprint;
use crate::gui::dialog::file_prompts::{Recover, RecoveryAnswer};
use crate::gui::document::Document;
use crate::gui::i18n::tr_with;
use crate::gui::notice::Tone;
use crate::model::Roadmap;
use crate::safety::{LockOutcome, RecoveryError, RecoveryStore, lock};

/// Quiet time after the last edit before a copy is written.
pub const RECOVERY_DELAY: Duration = Duration::from_secs(3);

/// What one recovery write needs, taken from the app so the write can run elsewhere.
pub struct RecoveryJob {
    store: Arc<RecoveryStore>,
    path: Option<std::path::PathBuf>,
    roadmap: Roadmap,
}

impl RecoveryJob {
    pub fn run(self) -> Result<(), RecoveryError> {
        self.store
            .write(self.path.as_deref(), &self.roadmap)
            .map(|_| ())
    }
}

impl App {
    /// Notes an edit: a copy becomes due once the user pauses.
    pub(super) fn edited(&mut self, now: Instant) {
        self.edited_at = Some(now);
        self.recovery_due = self.recovery.is_some();
    }

    /// A second passed: write the copy if the user has paused long enough.
    pub(super) fn tick(&mut self, now: Instant) -> Task<Message> {
        match self.recovery_job(now) {
            Some(job) => Task::perform(async move { job.run() }, Message::RecoveryWritten),
            None => Task::none(),
        }
    }

    /// The write that is due at `now`, if any. A document back at its saved state has
    /// nothing to recover: its copy is removed instead. Public for the tests, which run
    /// it at a chosen `now` rather than wait for the ticks.
    #[doc(hidden)]
    pub fn recovery_job(&mut self, now: Instant) -> Option<RecoveryJob> {
        let edited_at = self.edited_at?;
        if !self.recovery_due || now.duration_since(edited_at) < RECOVERY_DELAY {
            return None;
        }
        self.recovery_due = false;
        if !self.document.is_dirty() {
            self.forget_recovery();
            return None;
        }
        Some(RecoveryJob {
            store: self.recovery.clone()?,
            path: self.document.path.clone(),
            roadmap: self.document.roadmap().clone(),
        })
    }

    /// Removes the copy of the open document (after a save, or when its changes are
    /// discarded on purpose).
    pub(super) fn forget_recovery(&mut self) {
        self.recovery_due = false;
        if let Some(store) = &self.recovery {
            let _ = store.remove_for(self.document.path.as_deref());
        }
    }

    pub(super) fn answer_recover(&mut self, answer: RecoveryAnswer) {
        let Some(Dialog::Recover(Recover { entries })) = self.dialogs.last_mut() else {
            return;
        };
        let Some(store) = self.recovery.clone() else {
            return;
        };
        match answer {
            RecoveryAnswer::Later => {
                self.dismiss();
            }
            RecoveryAnswer::Discard(index) => {
                if index < entries.len() {
                    let entry = entries.remove(index);
                    if let Err(error) = store.discard(&entry) {
                        self.say(Tone::Error, move |language| error.describe(language));
                    }
                }
            }
            RecoveryAnswer::Restore(index) => {
                if index >= entries.len() {
                    return;
                }
                let entry = entries.remove(index);
                match store.restore(&entry) {
                    Ok(roadmap) => {
                        store.adopt(&entry);
                        let name = entry
                            .document_path
                            .as_deref()
                            .and_then(|p| p.file_name())
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_else(|| {
                                crate::gui::i18n::tr(self.config.language, "app.untitled")
                            });
                        let document =
                            self.restored_document(roadmap, entry.document_path.clone(), &name);
                        self.replace_document(document);
                        // Keep the copy until the restored work is saved somewhere.
                        self.edited(Instant::now());
                        self.say(Tone::Info, move |language| {
                            tr_with(language, "app.recovered", &[("name", &name)])
                        });
                    }
                    Err(error) => self.say(Tone::Error, move |language| error.describe(language)),
                }
            }
        }
        if matches!(self.dialog(), Some(Dialog::Recover(recover)) if recover.entries.is_empty()) {
            self.dismiss();
        }
    }

    /// A restored copy is unsaved work: changed until saved, compared with the file as it
    /// is on disk now, and locked like any opened file.
    fn restored_document(
        &self,
        roadmap: Roadmap,
        path: Option<std::path::PathBuf>,
        name: &str,
    ) -> Document {
        let mut document = Document::untitled(roadmap, name, true);
        if let Some(path) = path {
            document.fingerprint = Fingerprint::read(&path).ok();
            match lock::acquire(&path) {
                LockOutcome::Acquired(guard) => document.lock = Some(guard),
                LockOutcome::HeldByOther(_) => document.read_only = true,
                LockOutcome::NotLocked(_) => {}
            }
            document.path = Some(path);
        }
        document
    }
}
