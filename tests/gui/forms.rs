//! The OPD forms on the review screen: writing them into a folder, collecting returned
//! ones (dialog answers and dropped files) into a preview, choosing per conflict, and
//! applying as one undoable step; driven through the app's messages and, for the
//! preview, through iced's headless simulator.

#[path = "../domain/forms/person.rs"]
#[allow(dead_code)]
mod person;

use crate::support::{click, ui};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use person::{Book, Cell};
use reform_roadmap::forms::{self, Side, Value};
use reform_roadmap::gui::app::{App, Message, Options};
use reform_roadmap::gui::dialog::collect::Message as P;
use reform_roadmap::gui::screen::Tab;
use reform_roadmap::gui::screen::review::{Message as R, Panel, forms::Message as F};
use reform_roadmap::locale::Language;
use reform_roadmap::model::{Kind, Quarter, Roadmap};

/// In TW IV 2025 the last ended quarter is TW III 2025: the sample's busiest.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 10, 15).unwrap()
}

fn q3() -> Quarter {
    Quarter::new(2025, 3).unwrap()
}

fn app() -> App {
    let mut app = App::new(Options {
        file: None,
        config_path: None,
        recovery_folder: None,
        today: today(),
    });
    let _ = app.update(Message::SwitchTo(Tab::Review));
    assert_eq!(app.report().quarter, q3());
    send(&mut app, R::TogglePanel(Panel::Forms));
    app
}

fn send(app: &mut App, message: R) {
    let _ = app.update(Message::Review(message));
}

fn forms_message(app: &mut App, message: F) {
    send(app, R::Forms(message));
}

fn preview(app: &App) -> Option<&reform_roadmap::gui::dialog::collect::CollectPreview> {
    app.review()
        .expect("on the review screen")
        .forms()
        .preview()
}

/// The busiest unit's returned form, with the first reported numeric indicator's
/// actual typed as 61 and its kendala written.
fn returned(roadmap: &Roadmap, folder: &Path) -> (String, PathBuf) {
    let form = forms::plan(roadmap, q3(), None)
        .into_iter()
        .max_by_key(|f| f.rows.len())
        .unwrap();
    let id = form
        .rows
        .iter()
        .find(|r| r.kind != Kind::Milestone)
        .map(|r| r.id.clone())
        .unwrap();
    let bytes = forms::workbook(roadmap, &form, Language::Indonesian).unwrap();
    let mut book = Book::open(&bytes);
    book.form().set(&id, "actual", Cell::Number(61.0));
    book.form().set(
        &id,
        "obstacle",
        Cell::Text("Anggaran terlambat cair".into()),
    );
    let path = folder.join(forms::file_name(q3(), &form.unit.name));
    std::fs::write(&path, book.save()).unwrap();
    (id, path)
}

fn actual(app: &App, id: &str) -> Option<f64> {
    app.roadmap()
        .indicators()
        .find(|(_, _, i)| i.id == id)
        .and_then(|(_, _, i)| i.target_at(q3()).and_then(|t| t.actual))
}

#[test]
fn formulir_opd_writes_the_forms_into_the_typed_folder() {
    let mut app = app();
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("keluar");
    forms_message(&mut app, F::FolderChanged(target.display().to_string()));
    // No dialog could open: nothing happens, the typed path is still offered.
    forms_message(&mut app, F::FolderChosen(None));
    assert!(!target.exists());
    forms_message(&mut app, F::WriteForms);
    let written = std::fs::read_dir(&target).unwrap().count();
    assert_eq!(written, forms::plan(app.roadmap(), q3(), None).len());
    let notice = app.notice().expect("a notice says where they went");
    assert!(
        notice.text.contains(&target.display().to_string()),
        "{}",
        notice.text
    );
    assert!(
        target
            .join("TW III 2025 - Dinas Komunikasi dan Informatika.xlsx")
            .exists()
    );
}

#[test]
fn kumpulkan_previews_then_applies_as_one_undoable_step() {
    let mut app = app();
    let before = app.roadmap().clone();
    let folder = tempfile::tempdir().unwrap();
    let (id, path) = returned(app.roadmap(), folder.path());
    forms_message(&mut app, F::ReturnedChosen(vec![path]));
    let opened = preview(&app).expect("the preview is open");
    let unit = &opened.collection().units[0];
    assert_eq!(unit.taken.len(), 2, "{:?}", unit.taken);
    // Nothing changed before Apply.
    assert_eq!(app.roadmap(), &before);
    {
        let mut ui = ui(&app);
        assert!(ui.find("Kumpulkan formulir TW III 2025").is_ok());
        assert!(ui.find("Terapkan (2)").is_ok());
    }
    // A stray click beside the preview keeps it (its choices are work).
    let messages = {
        let mut ui = ui(&app);
        // The card is at most 640 pixels wide and centred: x = 100 is beside it.
        ui.point_at((100.0, 400.0));
        let _ = ui.simulate(iced_test::simulator::click());
        ui.into_messages().collect::<Vec<_>>()
    };
    for message in messages {
        let _ = app.update(message);
    }
    assert!(preview(&app).is_some(), "a click beside keeps the preview");
    click(&mut app, "Terapkan (2)");
    assert!(preview(&app).is_none(), "the preview closes once applied");
    assert_eq!(actual(&app, &id), Some(61.0));
    let _ = app.update(Message::Undo);
    assert_eq!(
        app.roadmap(),
        &before,
        "one undo takes the whole collection back"
    );
    let _ = app.update(Message::Redo);
    assert_eq!(actual(&app, &id), Some(61.0));
}

#[test]
fn a_conflict_is_chosen_side_by_side() {
    let mut app = app();
    let folder = tempfile::tempdir().unwrap();
    let (id, path) = returned(app.roadmap(), folder.path());
    // Someone types 50 into the roadmap while the form is out.
    let index = app
        .report()
        .indicators
        .iter()
        .position(|line| line.id == id)
        .unwrap();
    send(&mut app, R::ActualChanged(index, "50".into()));
    assert_eq!(actual(&app, &id), Some(50.0));
    forms_message(&mut app, F::FilesDropped(vec![path]));
    let conflict = &preview(&app).unwrap().collection().units[0].conflicts[0];
    assert_eq!(conflict.document, Some(Value::Number(50.0)));
    assert_eq!(conflict.form, Value::Number(61.0));
    assert_eq!(conflict.keep, Side::Document);
    {
        let mut ui = ui(&app);
        assert!(ui.find("Road map").is_ok());
        assert!(ui.find("61").is_ok());
    }
    forms_message(
        &mut app,
        F::Preview(P::Keep {
            unit: 0,
            conflict: 0,
            side: Side::Form,
        }),
    );
    forms_message(&mut app, F::Preview(P::Apply));
    assert_eq!(actual(&app, &id), Some(61.0));
}

#[test]
fn dropped_files_gather_in_one_preview_and_cancel_changes_nothing() {
    let mut app = app();
    let before = app.roadmap().clone();
    let folder = tempfile::tempdir().unwrap();
    let (_, path) = returned(app.roadmap(), folder.path());
    let junk = folder.path().join("foto.xlsx");
    std::fs::write(&junk, b"bukan formulir").unwrap();
    let _ = app.update(Message::FileDropped(path.clone()));
    let _ = app.update(Message::FileDropped(junk));
    let opened = preview(&app).expect("dropping opens the preview");
    assert_eq!(opened.files().len(), 2);
    assert_eq!(opened.collection().refused.len(), 1);
    {
        let mut ui = ui(&app);
        assert!(ui.find("Formulir ditolak").is_ok());
    }
    click(&mut app, "Batal");
    assert!(preview(&app).is_none());
    assert_eq!(app.roadmap(), &before);
}

#[test]
fn the_panel_lists_the_units_that_have_not_reported() {
    let mut app = app();
    // Every unit of the sample has reported something at TW III 2025.
    assert!(forms::not_reported(app.roadmap(), q3()).is_empty());
    assert!(
        ui(&app)
            .find("Semua perangkat daerah sudah melapor.")
            .is_ok()
    );
    // Bappeda's only actual is cleared: it has reported nothing now.
    let index = app
        .report()
        .indicators
        .iter()
        .position(|line| line.id == "ak-2-a")
        .unwrap();
    send(&mut app, R::ActualChanged(index, String::new()));
    assert_eq!(actual(&app, "ak-2-a"), None);
    let mut ui = ui(&app);
    assert!(ui.find("Belum melapor TW III 2025").is_ok());
    assert!(ui.find("• Badan Perencanaan Pembangunan Daerah").is_ok());
    assert!(ui.find("Semua perangkat daerah sudah melapor.").is_err());
}
