//! Opening and saving: the unsaved-changes guard, atomic saves, locks on shared
//! drives, and changes made to the file by someone else.

use std::path::Path;

use iced::{Task, window};

use super::{App, Dialog, Message};
use crate::file::Fingerprint;
use crate::file::{self, LoadError, SaveError};
use crate::gui::dialog::file_prompts::{
    ChangedOnDisk, DiskAnswer, DiskChange, DiskPrompt, LockAnswer, Locked, Noticed, SaveChanges,
};
use crate::gui::dialog::new_document::NewDocument;
use crate::gui::dialog::{Pending, UnsavedAnswer};
use crate::gui::document::Document;
use crate::gui::file_dialog::{self, Purpose};
use crate::gui::i18n::{tr, tr_with};
use crate::gui::notice::{Notice, Tone};
use crate::locale::Language;
use crate::model::Roadmap;
use crate::safety::{self, DiskState, LockGuard, LockOutcome, lock};

impl App {
    /// Runs `pending` now, or asks first when there are unsaved changes.
    pub(super) fn guard(&mut self, pending: Pending) -> Task<Message> {
        if self.document.is_dirty() || self.untaken_entries() > 0 {
            let name = self.document.name();
            let untaken = super::untaken_words(self.config.language, self.untaken_entries());
            self.show(Dialog::Confirm(SaveChanges::new(pending, name, untaken)));
            Task::none()
        } else {
            self.proceed(pending)
        }
    }

    pub(super) fn proceed(&mut self, pending: Pending) -> Task<Message> {
        match pending {
            Pending::New => {
                self.show(Dialog::New(NewDocument::new(self.today)));
                iced::widget::operation::focus("new-institution")
            }
            Pending::Open => open_dialog(),
            Pending::Import => self.import_dialog(),
            Pending::ImportFile(path) => self.read_workbook(path),
            Pending::OpenFile(path) => {
                self.open(&path);
                Task::none()
            }
            Pending::Close(id) => {
                // Our lock goes now: the process may end before anything is dropped.
                if let Some(lock) = self.document.lock.take() {
                    lock.release();
                }
                window::close(id)
            }
        }
    }

    pub(super) fn answer(&mut self, answer: UnsavedAnswer) -> Task<Message> {
        let Some(Dialog::Confirm(SaveChanges { pending, .. })) = self.dismiss() else {
            return Task::none();
        };
        match answer {
            UnsavedAnswer::Cancel => Task::none(),
            UnsavedAnswer::Discard => {
                // The user chose to drop these changes: no copy to offer at next start.
                self.forget_recovery();
                self.proceed(pending)
            }
            UnsavedAnswer::Save => match self.document.path.clone() {
                Some(path) if !self.document.read_only => {
                    if self.disk_conflict().is_none() && self.save_to(&path) {
                        self.proceed(pending)
                    } else {
                        self.save()
                    }
                }
                // Nowhere to save yet: ask where, then do what was asked.
                _ => {
                    let task = self.save_as_dialog();
                    self.after_save_as = Some(pending);
                    task
                }
            },
        }
    }

    /// Opens `path`; on failure the open document stays as it was and the error is
    /// shown. Someone else's lock asks first.
    pub(super) fn open(&mut self, path: &Path) {
        let (roadmap, fingerprint) = match file::load_with_fingerprint(path) {
            Ok(loaded) => loaded,
            Err(error) => {
                self.notice = Some(load_error_notice(self.config.language, &error));
                return;
            }
        };
        let document = Document::opened(roadmap, path.to_owned(), fingerprint);
        match lock::acquire(path) {
            LockOutcome::Acquired(guard) => self.install(document, Some(guard)),
            LockOutcome::NotLocked(problem) => {
                self.install(document, None);
                self.say(Tone::Info, move |language| {
                    tr_with(
                        language,
                        "app.not_locked",
                        &[("reason", &problem.describe(language))],
                    )
                });
            }
            LockOutcome::HeldByOther(holder) => {
                self.show(Dialog::Locked(Locked {
                    document: Box::new(document),
                    holder,
                }));
            }
        }
    }

    /// The answer to "another user has this file open".
    pub(super) fn answer_locked(&mut self, answer: LockAnswer) {
        let Some(Dialog::Locked(Locked { document, .. })) = self.dismiss() else {
            return;
        };
        let mut document = *document;
        match answer {
            LockAnswer::Cancel => {}
            LockAnswer::ReadOnly => {
                document.read_only = true;
                self.install(document, None);
            }
            LockAnswer::OpenAnyway => {
                let path = document
                    .path
                    .clone()
                    .expect("an opened document has a path");
                let guard = match lock::force_acquire(&path) {
                    LockOutcome::Acquired(guard) => Some(guard),
                    LockOutcome::HeldByOther(_) | LockOutcome::NotLocked(_) => None,
                };
                self.install(document, guard);
            }
        }
    }

    fn install(&mut self, mut document: Document, lock: Option<LockGuard>) {
        document.lock = lock;
        let path = document.path.clone();
        self.replace_document(document);
        if let Some(path) = path {
            self.remember(&path);
        }
    }

    /// Works on `document` from now on. A notice about the one before goes with it
    /// ("saved to …" must not stand over a new roadmap); callers say their own after.
    pub(super) fn replace_document(&mut self, document: Document) {
        self.document = document;
        self.notice = None;
        self.quarter = self
            .document
            .roadmap()
            .period
            .default_review_quarter(self.today);
        self.refresh();
        self.screen = self.new_screen(self.tab());
        self.parked.clear();
    }

    /// Save: over the file when nobody changed it meanwhile, else ask; Save As when
    /// there is no file yet or the document is read-only.
    pub(super) fn save(&mut self) -> Task<Message> {
        match self.document.path.clone() {
            Some(path) if !self.document.read_only => {
                match self.disk_conflict() {
                    None => {
                        self.save_to(&path);
                    }
                    Some(change) => {
                        self.ask_changed(DiskPrompt {
                            change,
                            noticed: Noticed::BeforeSave,
                        });
                    }
                }
                Task::none()
            }
            _ => self.save_as_dialog(),
        }
    }

    /// What happened to the file on disk when it is not what this document last read
    /// or wrote: changed by someone else, or gone.
    pub(super) fn disk_conflict(&mut self) -> Option<DiskChange> {
        let path = self.document.path.as_deref()?;
        let known = self.document.fingerprint.as_ref()?;
        match safety::check(path, known) {
            DiskState::Unchanged { refreshed } => {
                if let Some(fresh) = refreshed {
                    self.document.fingerprint = Some(fresh);
                }
                None
            }
            DiskState::Changed { .. } => Some(DiskChange::Changed),
            DiskState::Missing => Some(DiskChange::Missing),
            // Nothing can be said; a save will report its own error if it fails.
            DiskState::Unreachable { .. } => None,
        }
    }

    /// The window came back to the front: say so if the file changed meanwhile.
    pub(super) fn check_disk_on_focus(&mut self) {
        if !self.dialogs.is_empty() {
            return;
        }
        if let Some(change) = self.disk_conflict() {
            self.ask_changed(DiskPrompt {
                change,
                noticed: Noticed::OnReturn,
            });
        }
    }

    /// Asks what to do about the file on disk, which is not what this document read.
    fn ask_changed(&mut self, prompt: DiskPrompt) {
        let path = self.document.path.clone().unwrap_or_default();
        let dirty = self.document.is_dirty();
        self.show(Dialog::ChangedOnDisk(ChangedOnDisk::new(
            prompt, path, dirty,
        )));
    }

    /// The answer to "the file changed on disk".
    pub(super) fn answer_changed(&mut self, answer: DiskAnswer) -> Task<Message> {
        let Some(Dialog::ChangedOnDisk(ChangedOnDisk { prompt, .. })) = self.dismiss() else {
            return Task::none();
        };
        let Some(path) = self.document.path.clone() else {
            return Task::none();
        };
        match answer {
            DiskAnswer::Cancel => Task::none(),
            DiskAnswer::SaveAs => self.save_as_dialog(),
            DiskAnswer::Reload => {
                match file::load_with_fingerprint(&path) {
                    Ok((roadmap, fingerprint)) => {
                        let lock = self.document.lock.take();
                        let read_only = self.document.read_only;
                        let mut document = Document::opened(roadmap, path, fingerprint);
                        document.read_only = read_only;
                        self.forget_recovery();
                        self.install(document, lock);
                    }
                    Err(error) => {
                        self.notice = Some(load_error_notice(self.config.language, &error))
                    }
                }
                Task::none()
            }
            DiskAnswer::KeepMine => {
                if prompt.keeping_saves() {
                    self.save_to(&path);
                } else if let Ok(seen) = Fingerprint::read(&path) {
                    // Mine wins over this version: the next save overwrites it without
                    // asking again, unless the file changes once more.
                    self.document.fingerprint = Some(seen);
                }
                Task::none()
            }
        }
    }

    /// Asks where to save with the system's dialog (answered by
    /// [`Message::SaveAsChosen`]), suggesting the document's name and folder.
    pub(super) fn save_as_dialog(&mut self) -> Task<Message> {
        // A Save As of its own: whatever the close prompt wanted is no longer waiting.
        self.after_save_as = None;
        let (name, folder) = self.save_as_suggestion();
        file_dialog::ask(Purpose::SaveAs, Some(name), folder).map(Message::SaveAsChosen)
    }

    /// The name and folder Save As suggests: the file's own, or one made from the
    /// institution and period for a document never saved.
    pub(super) fn save_as_suggestion(&self) -> (String, Option<std::path::PathBuf>) {
        let name = if self.document.path.is_some() {
            self.document.name()
        } else {
            suggested_file_name(self.document.roadmap())
        };
        let folder = self
            .document
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_owned);
        (name, folder)
    }

    /// Saves to `path`; true when it worked. A failure leaves the document open and
    /// changed, the file on disk untouched, and offers Save As.
    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        let language = self.config.language;
        match file::save_with_fingerprint(path, self.document.roadmap()) {
            Ok(fingerprint) => {
                self.forget_recovery();
                let moved = self.document.path.as_deref() != Some(path);
                self.document.editor.mark_saved();
                self.document.path = Some(path.to_owned());
                self.document.fingerprint = Some(fingerprint);
                self.document.read_only = false;
                self.remember(path);
                let name = self.document.name();
                let untaken = self.untaken_entries();
                let tone = if untaken == 0 {
                    Tone::Info
                } else {
                    Tone::Error
                };
                self.say(tone, move |language| {
                    let saved = tr_with(language, "app.saved", &[("name", &name)]);
                    match super::untaken_words(language, untaken) {
                        Some(untaken) => format!("{saved} {untaken}"),
                        None => saved,
                    }
                });
                if moved {
                    // The lock follows the document to its new file.
                    self.document.lock = None;
                    match lock::acquire(path) {
                        LockOutcome::Acquired(guard) => self.document.lock = Some(guard),
                        LockOutcome::HeldByOther(holder) => {
                            self.say(Tone::Info, move |language| {
                                tr_with(
                                    language,
                                    "app.save_as_locked",
                                    &[("holder", &holder.describe(language))],
                                )
                            });
                        }
                        LockOutcome::NotLocked(_) => {}
                    }
                }
                true
            }
            Err(error) => {
                self.notice = Some(save_error_notice(language, &error));
                false
            }
        }
    }

    pub(super) fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
        self.config.remember(&path);
        self.save_config();
    }

    pub(super) fn save_config(&self) {
        if let Some(path) = &self.config_path {
            // Losing the recent-files list is not worth interrupting anyone for.
            let _ = self.config.save(path);
        }
    }

    /// Shows `notice` in the notice bar, in the language of the moment.
    pub fn show_notice(&mut self, mut notice: Notice) {
        notice.reword(self.config.language);
        self.notice = Some(notice);
    }

    /// Shows a notice said in the user's language now and again after a switch.
    pub fn say(&mut self, tone: Tone, say: impl Fn(Language) -> String + Send + Sync + 'static) {
        self.notice = Some(Notice::said(tone, self.config.language, say));
    }
}

pub(super) fn open_dialog() -> Task<Message> {
    file_dialog::ask(Purpose::Open, None, None).map(Message::FileChosen)
}

/// `road-map-kabupaten-contoh-2025-2029.ron` from the document's institution and period.
pub(super) fn suggested_file_name(roadmap: &Roadmap) -> String {
    format!("road-map-{}.{}", name_stem(roadmap), file::EXTENSION)
}

/// `kabupaten-contoh-2025-2029`: the institution (without "Pemerintah") and period,
/// for the names of files made from the document.
pub(super) fn name_stem(roadmap: &Roadmap) -> String {
    let slug: String = roadmap
        .institution
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug
        .split('-')
        .filter(|part| !part.is_empty() && *part != "pemerintah")
        .collect::<Vec<_>>()
        .join("-");
    format!(
        "{}-{}-{}",
        if slug.is_empty() { "rb" } else { &slug },
        roadmap.period.start,
        roadmap.period.end,
    )
}

fn load_error_notice(language: Language, error: &LoadError) -> Notice {
    let error = error.clone();
    Notice::said(Tone::Error, language, move |language| {
        tr_with(
            language,
            "app.open_failed",
            &[("error", &error.describe(language))],
        )
    })
}

fn save_error_notice(language: Language, error: &SaveError) -> Notice {
    let error = error.clone();
    // The advice names the file, the cause and what to do, in the user's language.
    Notice::said(Tone::Error, language, move |language| {
        format!(
            "{} {}",
            error.advice(language),
            tr(language, "app.save_failed")
        )
    })
    // Always: whatever went wrong here, another place may work.
    .offering_save_as()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    pub(super) fn suggests_a_readable_file_name() {
        let roadmap = Roadmap::new(
            "RB",
            "Pemerintah Kabupaten Contoh",
            crate::model::Period {
                start: 2025,
                end: 2029,
            },
        );
        assert_eq!(
            suggested_file_name(&roadmap),
            "road-map-kabupaten-contoh-2025-2029.ron"
        );
    }
}
