//! Nothing lost, as the app does it: recovery copies after a crash, a file changed by
//! someone else, a file another user has open.

use std::path::{Path, PathBuf};
use std::time::Duration;

use iced::time::Instant;
use reform_roadmap::file;
use reform_roadmap::gui::app::{App, Message, Options, RECOVERY_DELAY};
use reform_roadmap::gui::dialog::file_prompts::{
    DiskAnswer, DiskChange, DiskPrompt, LockAnswer, Noticed, RecoveryAnswer,
};
use reform_roadmap::gui::notice::Tone;
use reform_roadmap::gui::screen::draft::{self, Field, Selection};
use reform_roadmap::safety::{LockInfo, RecoveryStore, lock};

struct Fixture {
    folder: tempfile::TempDir,
    path: PathBuf,
}

impl Fixture {
    fn new() -> Self {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("roadmap.ron");
        file::save(&path, &reform_roadmap::sample::sample()).unwrap();
        Self { folder, path }
    }

    fn recovery_folder(&self) -> PathBuf {
        self.folder.path().join("recovery")
    }

    fn app(&self) -> App {
        App::new(Options {
            file: Some(self.path.clone()),
            config_path: None,
            recovery_folder: Some(self.recovery_folder()),
            today: chrono::NaiveDate::from_ymd_opt(2025, 11, 1).unwrap(),
        })
    }
}

fn retitle(app: &mut App, title: &str) {
    let _ = app.update(Message::Draft(draft::Message::Select(Selection::Document)));
    let _ = app.update(Message::Draft(draft::Message::FieldChanged(
        Field::Title,
        title.to_owned(),
    )));
}

fn write_recovery_after_pause(app: &mut App) {
    let later = Instant::now() + RECOVERY_DELAY + Duration::from_millis(10);
    let job = app
        .recovery_job(later)
        .expect("a copy is due after the pause");
    job.run().unwrap();
}

#[test]
fn a_recovery_copy_is_written_after_a_pause_and_offered_after_a_crash() {
    let fixture = Fixture::new();
    let mut app = fixture.app();
    assert!(app.recovery_offered().is_none());
    retitle(&mut app, "Belum disimpan");
    assert!(
        app.recovery_job(Instant::now()).is_none(),
        "not while typing"
    );
    write_recovery_after_pause(&mut app);
    drop(app); // the crash: nothing saved

    let mut app = fixture.app();
    let offered = app.recovery_offered().expect("offered at start");
    assert_eq!(offered.len(), 1);
    assert_eq!(
        offered[0]
            .document_path
            .as_deref()
            .map(Path::canonicalize)
            .unwrap()
            .unwrap(),
        fixture.path.canonicalize().unwrap()
    );
    let _ = app.update(Message::RecoveryAnswered(RecoveryAnswer::Restore(0)));
    assert!(app.recovery_offered().is_none());
    assert_eq!(app.roadmap().title, "Belum disimpan");
    assert!(
        app.document().is_dirty(),
        "restored work is unsaved until saved"
    );
    assert_eq!(app.document().path.as_deref(), Some(fixture.path.as_path()));

    let _ = app.update(Message::Save);
    assert_eq!(file::load(&fixture.path).unwrap().title, "Belum disimpan");
    assert!(
        RecoveryStore::new(fixture.recovery_folder())
            .list()
            .is_empty(),
        "a clean save removes the copy"
    );
}

#[test]
fn a_recovery_copy_can_be_discarded() {
    let fixture = Fixture::new();
    let mut app = fixture.app();
    retitle(&mut app, "Dibuang");
    write_recovery_after_pause(&mut app);
    drop(app);
    let mut app = fixture.app();
    let _ = app.update(Message::RecoveryAnswered(RecoveryAnswer::Discard(0)));
    assert!(app.recovery_offered().is_none());
    assert_eq!(app.roadmap().title, reform_roadmap::sample::sample().title);
    assert!(
        RecoveryStore::new(fixture.recovery_folder())
            .list()
            .is_empty()
    );
}

#[test]
fn undoing_back_to_the_saved_state_removes_the_copy() {
    let fixture = Fixture::new();
    let mut app = fixture.app();
    retitle(&mut app, "Sementara");
    write_recovery_after_pause(&mut app);
    let _ = app.update(Message::Undo);
    let later = Instant::now() + RECOVERY_DELAY + Duration::from_millis(10);
    assert!(app.recovery_job(later).is_none());
    assert!(
        RecoveryStore::new(fixture.recovery_folder())
            .list()
            .is_empty()
    );
}

fn someone_else_saves(path: &Path, title: &str) {
    let mut roadmap = file::load(path).unwrap();
    roadmap.title = title.to_owned();
    // A different length, so even a coarse clock cannot hide the change.
    file::save(path, &roadmap).unwrap();
}

#[test]
fn a_change_on_disk_is_noticed_when_the_window_regains_focus() {
    let fixture = Fixture::new();
    let mut app = fixture.app();
    retitle(&mut app, "Versi saya");
    someone_else_saves(&fixture.path, "Versi rekan kerja yang lebih panjang");
    let _ = app.update(Message::WindowFocused);
    assert_eq!(
        app.disk_prompt(),
        Some(DiskPrompt {
            change: DiskChange::Changed,
            noticed: Noticed::OnReturn,
        })
    );
    let _ = app.update(Message::DiskChangeAnswered(DiskAnswer::Reload));
    assert_eq!(app.roadmap().title, "Versi rekan kerja yang lebih panjang");
    assert!(!app.document().is_dirty());
    let _ = app.update(Message::WindowFocused);
    assert_eq!(app.disk_prompt(), None, "nothing new on disk");
}

#[test]
fn saving_over_a_file_changed_by_someone_else_asks_first() {
    let fixture = Fixture::new();
    let mut app = fixture.app();
    retitle(&mut app, "Versi saya");
    someone_else_saves(&fixture.path, "Versi rekan kerja yang lebih panjang");
    let _ = app.update(Message::Save);
    assert_eq!(
        app.disk_prompt(),
        Some(DiskPrompt {
            change: DiskChange::Changed,
            noticed: Noticed::BeforeSave,
        })
    );
    assert_eq!(
        file::load(&fixture.path).unwrap().title,
        "Versi rekan kerja yang lebih panjang",
        "never overwritten silently"
    );
    let _ = app.update(Message::DiskChangeAnswered(DiskAnswer::Cancel));
    assert!(app.document().is_dirty());

    let _ = app.update(Message::Save);
    let _ = app.update(Message::DiskChangeAnswered(DiskAnswer::KeepMine));
    assert_eq!(file::load(&fixture.path).unwrap().title, "Versi saya");
    assert!(!app.document().is_dirty());
}

#[test]
fn keep_mine_on_focus_lets_the_next_save_overwrite_without_asking_again() {
    let fixture = Fixture::new();
    let mut app = fixture.app();
    retitle(&mut app, "Versi saya");
    someone_else_saves(&fixture.path, "Versi rekan kerja yang lebih panjang");
    let _ = app.update(Message::WindowFocused);
    let _ = app.update(Message::DiskChangeAnswered(DiskAnswer::KeepMine));
    assert_eq!(app.roadmap().title, "Versi saya");
    let _ = app.update(Message::Save);
    assert_eq!(app.disk_prompt(), None);
    assert_eq!(file::load(&fixture.path).unwrap().title, "Versi saya");
}

#[test]
fn a_deleted_file_is_noticed_and_can_be_saved_again() {
    let fixture = Fixture::new();
    let mut app = fixture.app();
    retitle(&mut app, "Versi saya");
    std::fs::remove_file(&fixture.path).unwrap();
    let _ = app.update(Message::Save);
    assert_eq!(
        app.disk_prompt(),
        Some(DiskPrompt {
            change: DiskChange::Missing,
            noticed: Noticed::BeforeSave,
        })
    );
    let _ = app.update(Message::DiskChangeAnswered(DiskAnswer::KeepMine));
    assert_eq!(file::load(&fixture.path).unwrap().title, "Versi saya");
}

fn foreign_lock(path: &Path) {
    let holder = LockInfo {
        user: "budi".into(),
        machine: "PC-BAPPEDA-03".into(),
        since: Some(chrono::Local::now().fixed_offset()),
        pid: Some(4242),
    };
    std::fs::write(lock::lock_path(path), holder.to_line()).unwrap();
}

#[test]
fn our_lock_is_written_on_open_and_removed_on_close() {
    let fixture = Fixture::new();
    let mut app = fixture.app();
    let lock_file = lock::lock_path(&fixture.path);
    assert!(lock_file.exists(), "others can see the file is open");
    let _ = app.update(Message::CloseRequested(iced::window::Id::unique()));
    assert!(!lock_file.exists(), "closing removes the lock");
}

#[test]
fn a_file_open_elsewhere_asks_and_read_only_cannot_save_over_it() {
    let fixture = Fixture::new();
    foreign_lock(&fixture.path);
    let mut app = fixture.app();
    let holder = app.lock_prompt().expect("asked before opening");
    assert_eq!(holder.user, "budi");
    let _ = app.update(Message::LockAnswered(LockAnswer::ReadOnly));
    assert!(app.document().read_only);
    assert_eq!(app.document().path.as_deref(), Some(fixture.path.as_path()));

    retitle(&mut app, "Tidak boleh");
    assert_ne!(
        app.roadmap().title,
        "Tidak boleh",
        "a read-only document is not edited"
    );
    assert_eq!(app.notice().unwrap().tone, Tone::Error);
    let before = std::fs::read(&fixture.path).unwrap();
    let _ = app.update(Message::Save);
    assert_eq!(
        std::fs::read(&fixture.path).unwrap(),
        before,
        "Save goes to Save As"
    );
    assert!(
        std::fs::read_to_string(lock::lock_path(&fixture.path))
            .unwrap()
            .starts_with("budi,"),
        "their lock stays"
    );
}

#[test]
fn a_file_open_elsewhere_can_be_opened_anyway() {
    let fixture = Fixture::new();
    foreign_lock(&fixture.path);
    let mut app = fixture.app();
    let _ = app.update(Message::LockAnswered(LockAnswer::OpenAnyway));
    assert!(!app.document().read_only);
    let ours = lock::holder(&fixture.path).unwrap();
    assert_eq!(
        ours,
        LockInfo {
            since: ours.since,
            pid: ours.pid,
            ..LockInfo::current()
        }
    );
}

#[test]
fn a_recovery_prompt_never_hides_a_lock_prompt() {
    let fixture = Fixture::new();
    let mut app = fixture.app();
    retitle(&mut app, "Belum disimpan");
    write_recovery_after_pause(&mut app);
    drop(app);
    foreign_lock(&fixture.path);

    let mut app = fixture.app();
    assert!(app.recovery_offered().is_some(), "recovery first");
    let _ = app.update(Message::RecoveryAnswered(RecoveryAnswer::Later));
    assert_eq!(
        app.lock_prompt().map(|holder| holder.user.as_str()),
        Some("budi")
    );
    let _ = app.update(Message::LockAnswered(LockAnswer::ReadOnly));
    assert_eq!(app.document().path.as_deref(), Some(fixture.path.as_path()));
}
