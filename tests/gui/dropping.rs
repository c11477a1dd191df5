//! A file dropped on the window: a spreadsheet that is no OPD form opens the import
//! preview (after the unsaved-changes prompt), a form goes to the forms collected on
//! the review screen, a roadmap is opened; through `update`, the tasks it returns run.

use crate::support::app_on_file;
use std::path::Path;

use iced::Task;
use iced_test::futures::futures::{StreamExt, executor};
use iced_test::runtime::{self, task};
use reform_roadmap::file;
use reform_roadmap::forms;
use reform_roadmap::gui::app::{App, Message};
use reform_roadmap::gui::dialog::UnsavedAnswer;
use reform_roadmap::gui::screen::Tab;
use reform_roadmap::gui::screen::draft::{self, Field, Selection};
use reform_roadmap::locale::Language;

const CSV: &str = "Area Perubahan;Program;Indikator;Satuan;Tahun;Triwulan;Target\r\n\
Manajemen Perubahan;Internalisasi budaya kerja;Persentase pegawai tersosialisasi;%;2025;TW I;25\r\n";

/// Runs `task` to its end and gives the app the messages it brings back (the file
/// is read as the running app reads it, in the background).
fn run(app: &mut App, task: Task<Message>) {
    let Some(stream) = task::into_stream(task) else {
        return;
    };
    for action in executor::block_on(stream.collect::<Vec<_>>()) {
        if let runtime::Action::Output(message) = action {
            let task = app.update(message);
            run(app, task);
        }
    }
}

fn drop_file(app: &mut App, path: &Path) {
    let task = app.update(Message::FileDropped(path.to_owned()));
    run(app, task);
}

fn collected(app: &App) -> usize {
    app.review()
        .and_then(|review| review.forms().preview())
        .map_or(0, |preview| preview.files().len())
}

#[test]
fn a_dropped_spreadsheet_that_is_no_form_opens_the_import_preview() {
    let folder = tempfile::tempdir().unwrap();
    let (_path, mut app) = app_on_file(folder.path());
    // On the review screen too, where the forms are collected.
    let _ = app.update(Message::SwitchTo(Tab::Review));
    let csv = folder.path().join("e-monev.csv");
    std::fs::write(&csv, CSV).unwrap();
    drop_file(&mut app, &csv);
    let preview = app.import_preview().expect("the import preview");
    assert_eq!(preview.file_name(), "e-monev.csv");
    assert_eq!(collected(&app), 0, "not taken for a form");
}

#[test]
fn a_dropped_spreadsheet_over_unsaved_changes_asks_first() {
    let folder = tempfile::tempdir().unwrap();
    let (_path, mut app) = app_on_file(folder.path());
    let _ = app.update(Message::Draft(draft::Message::Select(Selection::Document)));
    let _ = app.update(Message::Draft(draft::Message::FieldChanged(
        Field::Title,
        "Belum disimpan".to_owned(),
    )));
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, row) in CSV.lines().enumerate() {
        for (c, value) in row.split(';').enumerate() {
            sheet.write(r as u32, c as u16, value).unwrap();
        }
    }
    let xlsx = folder.path().join("rencana-aksi.xlsx");
    workbook.save(&xlsx).unwrap();

    drop_file(&mut app, &xlsx);
    assert!(app.is_confirming());
    assert!(app.import_preview().is_none());
    let task = app.update(Message::UnsavedAnswered(UnsavedAnswer::Discard));
    run(&mut app, task);
    let preview = app.import_preview().expect("the import preview");
    assert_eq!(preview.file_name(), "rencana-aksi.xlsx");
}

#[test]
fn a_dropped_form_is_collected_on_the_review_screen() {
    let folder = tempfile::tempdir().unwrap();
    let (_path, mut app) = app_on_file(folder.path());
    let quarter = app.quarter();
    let form = forms::plan(app.roadmap(), quarter, None)
        .into_iter()
        .next()
        .expect("a unit reports");
    let bytes = forms::workbook(app.roadmap(), &form, Language::Indonesian).unwrap();
    let path = folder
        .path()
        .join(forms::file_name(quarter, &form.unit.name));
    std::fs::write(&path, bytes).unwrap();

    assert_eq!(app.tab(), Tab::Draft);
    drop_file(&mut app, &path);
    assert_eq!(app.tab(), Tab::Review);
    assert_eq!(collected(&app), 1);
    assert!(app.import_preview().is_none());
    // A file that is no form, dropped while forms are collected, joins them (and is
    // listed as refused) rather than opening an import over the collection.
    let junk = folder.path().join("foto.xlsx");
    std::fs::write(&junk, b"bukan formulir").unwrap();
    drop_file(&mut app, &junk);
    assert_eq!(collected(&app), 2);
    assert!(app.import_preview().is_none());
}

#[test]
fn a_dropped_roadmap_is_opened() {
    let folder = tempfile::tempdir().unwrap();
    let (_path, mut app) = app_on_file(folder.path());
    let other = folder.path().join("lain.roadmap.RON");
    let mut roadmap = reform_roadmap::sample::sample();
    roadmap.title = "Road Map RB Lain".to_owned();
    file::save(&other, &roadmap).unwrap();
    drop_file(&mut app, &other);
    assert_eq!(app.document().path.as_deref(), Some(other.as_path()));
    assert_eq!(app.roadmap().title, "Road Map RB Lain");
}
