//! Where the system's file dialog cannot open (no XDG portal, no zenity: a bare X
//! server), Save As, "Simpan" in the close prompt, the monev exports and the whole
//! workbook ask for a typed path instead, and say why; driven through `update` and the
//! real view in iced's headless simulator.

use crate::support::{click, shows};
use std::path::{Path, PathBuf};

use reform_roadmap::export::Format;
use reform_roadmap::file;
use reform_roadmap::gui::app::{App, Message, Options};
use reform_roadmap::gui::dialog::UnsavedAnswer;
use reform_roadmap::gui::dialog::typed_path::Message as T;
use reform_roadmap::gui::file_dialog::Chosen;
use reform_roadmap::gui::notice::Tone;
use reform_roadmap::gui::screen::Tab;
use reform_roadmap::gui::screen::draft::{self, Field, Selection};
use reform_roadmap::gui::screen::review::Message as R;
use reform_roadmap::gui::shortcut::Shortcut;
use reform_roadmap::locale::Language;
use reform_roadmap::text::tr;

fn untitled_app() -> App {
    App::new(Options {
        file: None,
        config_path: None,
        recovery_folder: None,
        today: chrono::NaiveDate::from_ymd_opt(2025, 10, 15).unwrap(),
    })
}

/// The sample, changed and never saved: a new roadmap as far as saving goes.
fn changed_untitled_app() -> App {
    let mut app = untitled_app();
    let _ = app.update(Message::Draft(draft::Message::Select(Selection::Document)));
    let _ = app.update(Message::Draft(draft::Message::FieldChanged(
        Field::Title,
        "Road map baru kami".to_owned(),
    )));
    assert!(app.document().is_dirty());
    assert!(app.document().path.is_none());
    app
}

/// The typed-path dialog is up and says why.
fn asks_for_a_typed_path(app: &App) -> bool {
    shows(app, &tr(Language::Indonesian, "app.no_file_dialog"))
}

fn type_path(app: &mut App, path: &Path) {
    let _ = app.update(Message::TypedPath(T::PathChanged(
        path.display().to_string(),
    )));
}

#[test]
fn ctrl_s_on_a_new_roadmap_without_a_file_dialog_saves_to_a_typed_path() {
    let mut app = changed_untitled_app();
    // Ctrl+S on a document that has no file asks where (the system's dialog) ...
    let _ = app.update(Message::Shortcut(Shortcut::Save));
    // ... which cannot open here.
    let _ = app.update(Message::SaveAsChosen(Chosen::Unavailable));
    assert!(asks_for_a_typed_path(&app), "the dialog says why");
    let folder = tempfile::tempdir().unwrap();
    // A name without its extension gets `.ron`.
    type_path(&mut app, &folder.path().join("road-map-kami"));
    click(&mut app, &tr(Language::Indonesian, "app.save"));
    let saved = folder.path().join("road-map-kami.ron");
    assert_eq!(file::load(&saved).unwrap().title, "Road map baru kami");
    assert!(!app.document().is_dirty());
    assert_eq!(app.document().path.as_deref(), Some(saved.as_path()));
    assert!(!asks_for_a_typed_path(&app), "closed once saved");
}

#[test]
fn a_cancelled_dialog_is_only_a_cancel() {
    let mut app = changed_untitled_app();
    let _ = app.update(Message::SaveAsChosen(Chosen::Cancelled));
    assert!(!asks_for_a_typed_path(&app));
    assert!(app.notice().is_none());
    assert!(app.document().is_dirty());
}

#[test]
fn simpan_in_the_close_prompt_saves_to_a_typed_path() {
    let mut app = changed_untitled_app();
    let _ = app.update(Message::CloseRequested(iced::window::Id::unique()));
    assert!(app.is_confirming());
    let _ = app.update(Message::UnsavedAnswered(UnsavedAnswer::Save));
    let _ = app.update(Message::SaveAsChosen(Chosen::Unavailable));
    assert!(asks_for_a_typed_path(&app));
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("tutup.ron");
    type_path(&mut app, &path);
    let _ = app.update(Message::TypedPath(T::Submit));
    assert_eq!(file::load(&path).unwrap().title, "Road map baru kami");
    assert!(!app.document().is_dirty(), "saved before the window closes");
}

#[test]
fn a_typed_path_into_a_missing_folder_or_over_a_file_is_checked() {
    let mut app = changed_untitled_app();
    let _ = app.update(Message::SaveAsChosen(Chosen::Unavailable));
    let folder = tempfile::tempdir().unwrap();
    let nowhere = folder.path().join("tidak-ada").join("x.ron");
    type_path(&mut app, &nowhere);
    let _ = app.update(Message::TypedPath(T::Submit));
    assert!(!nowhere.exists());
    assert!(asks_for_a_typed_path(&app), "still asking");
    assert!(shows(
        &app,
        &format!(
            "Folder tidak ada: {}",
            folder.path().join("tidak-ada").display()
        )
    ));

    let existing = folder.path().join("lama.ron");
    std::fs::write(&existing, "lama").unwrap();
    type_path(&mut app, &existing);
    let _ = app.update(Message::TypedPath(T::Submit));
    assert_eq!(
        std::fs::read_to_string(&existing).unwrap(),
        "lama",
        "not replaced without asking"
    );
    // Asked; "Timpa" replaces it.
    click(&mut app, "Timpa");
    assert_eq!(file::load(&existing).unwrap().title, "Road map baru kami");
}

#[test]
fn monev_exports_without_a_file_dialog_write_to_a_typed_path() {
    let mut app = untitled_app();
    let _ = app.update(Message::SwitchTo(Tab::Review));
    let folder = tempfile::tempdir().unwrap();
    for format in [Format::Html, Format::Xlsx, Format::Csv] {
        let _ = app.update(Message::Review(R::ExportUnavailable(format)));
        assert!(asks_for_a_typed_path(&app), "{format:?}");
        let path = folder.path().join("laporan");
        type_path(&mut app, &path);
        click(&mut app, &tr(Language::Indonesian, "app.typed_write"));
        let written: PathBuf = path.with_extension(format.extension());
        assert!(written.is_file(), "{format:?}: {}", written.display());
        let notice = app.notice().expect("says where");
        assert_eq!(notice.tone, Tone::Info, "{}", notice.text);
        assert!(
            notice.text.contains(&written.display().to_string()),
            "{}",
            notice.text
        );
    }
}

#[test]
fn the_whole_workbook_goes_to_a_typed_path_and_reads_back() {
    let mut app = untitled_app();
    let _ = app.update(Message::ExportWholeChosen(Chosen::Unavailable));
    assert!(asks_for_a_typed_path(&app));
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("rencana-aksi");
    type_path(&mut app, &path);
    let _ = app.update(Message::TypedPath(T::Submit));
    let written = path.with_extension("xlsx");
    let (roadmap, _) = reform_roadmap::import::import(&written, None, &Default::default()).unwrap();
    assert_eq!(
        roadmap.indicators().count(),
        app.roadmap().indicators().count()
    );
    assert_eq!(app.notice().unwrap().tone, Tone::Info);
}

#[test]
fn open_without_a_file_dialog_takes_a_typed_path_and_says_when_there_is_no_file() {
    let mut app = untitled_app();
    let folder = tempfile::tempdir().unwrap();
    let _ = app.update(Message::Shortcut(Shortcut::Open));
    let _ = app.update(Message::FileChosen(Chosen::Unavailable));
    assert!(asks_for_a_typed_path(&app));
    let missing = folder.path().join("tidak-ada.ron");
    type_path(&mut app, &missing);
    let _ = app.update(Message::TypedPath(T::Submit));
    assert!(shows(
        &app,
        &format!("Berkas tidak ditemukan: {}", missing.display())
    ));
    let path = folder.path().join("lain.ron");
    let mut roadmap = reform_roadmap::sample::sample();
    roadmap.title = "Road map lain".to_owned();
    file::save(&path, &roadmap).unwrap();
    type_path(&mut app, &path);
    click(&mut app, &tr(Language::Indonesian, "app.open"));
    assert_eq!(app.roadmap().title, "Road map lain");
    assert_eq!(app.document().path.as_deref(), Some(path.as_path()));
}
