//! "Impor dari Excel…" in the app: the file (from the dialog or typed), the preview
//! (sheet, column meanings, first rows, counts, skipped rows) and the import as a new
//! untitled document that never replaces the open one; through `update` and the real
//! view in iced's headless simulator.

use crate::support::{app_on_file, click, shows, ui};
use std::path::Path;
use std::sync::Arc;

use reform_roadmap::file;
use reform_roadmap::gui::app::{App, Message};
use reform_roadmap::gui::dialog::UnsavedAnswer;
use reform_roadmap::gui::dialog::import::Message as I;
use reform_roadmap::gui::dialog::typed_path::Message as T;
use reform_roadmap::gui::file_dialog::Chosen;
use reform_roadmap::gui::notice::Tone;
use reform_roadmap::gui::screen::draft::{self, Field, Selection};
use reform_roadmap::import::{self, Meaning};
use reform_roadmap::locale::Language;
use reform_roadmap::text::tr;

/// An e-monev export as a spreadsheet in the Indonesian locale saves it: `;`, comma
/// decimals, a BOM, one row per indicator per quarter, and a total row to skip.
const MONEV_CSV: &str = "\u{feff}Area Perubahan;Program;Penanggung Jawab;Indikator;Satuan;Tahun;Triwulan;Target;Realisasi;Kendala;Keterangan\r\n\
Manajemen Perubahan;Internalisasi budaya kerja;Bagian Organisasi;Persentase pegawai tersosialisasi;%;2025;TW I;25;20;;awal\r\n\
Manajemen Perubahan;Internalisasi budaya kerja;Bagian Organisasi;Persentase pegawai tersosialisasi;%;2025;TW II;50;41,5;Anggaran terlambat;\r\n\
Pelayanan Publik;Mal pelayanan publik;DPMPTSP;Indeks kepuasan masyarakat;indeks;2025;III;80,5;;;\r\n\
Jumlah;;;;;;;;;;\r\n";

/// What the background read answers for `path`.
fn read(app: &mut App, path: &Path) {
    let _ = app.update(Message::WorkbookRead(import::read(path).map(Arc::new)));
}

fn id(text: &str) -> String {
    tr(Language::Indonesian, text)
}

#[test]
fn a_typed_csv_is_previewed_and_imported_as_a_new_untitled_document() {
    let folder = tempfile::tempdir().unwrap();
    let (path, mut app) = app_on_file(folder.path());
    let csv = folder.path().join("e-monev.csv");
    std::fs::write(&csv, MONEV_CSV).unwrap();

    // The button beside "Road map baru".
    let _ = app.update(Message::Import);
    // No file dialog here: the path is typed.
    let _ = app.update(Message::ImportFileChosen(Chosen::Unavailable));
    assert!(shows(&app, &id("app.import.choose_title")));
    let _ = app.update(Message::TypedPath(T::PathChanged(
        csv.display().to_string(),
    )));
    let _ = app.update(Message::TypedPath(T::Submit));
    read(&mut app, &csv);

    // The preview: file, counts and period, the columns' meanings, the first rows,
    // the skipped total row.
    assert!(shows(&app, "Impor: e-monev.csv"));
    assert!(shows(
        &app,
        "Akan diimpor: 2 area, 2 program, 2 indikator, 3 target, 2 unit penanggung jawab; periode 2025–2025."
    ));
    assert!(shows(&app, "Persentase pegawai tersosialisasi"));
    let plan = app.import_preview().unwrap().plan().unwrap();
    assert_eq!(plan.column_of(Meaning::Year), Some(5));
    assert_eq!(plan.column_of(Meaning::Quarter), Some(6));
    assert!(shows(&app, "Baris dilewati dan sel tidak terbaca (1)"));

    click(&mut app, &id("app.import.confirm"));
    assert!(!shows(&app, "Impor: e-monev.csv"), "the preview closed");
    assert!(app.document().path.is_none(), "a new untitled document");
    assert!(app.document().is_dirty(), "not saved yet");
    assert_eq!(app.roadmap().indicator_count(), 2);
    assert_eq!(
        app.quarter(),
        "2025-Q2".parse().unwrap(),
        "shown at the sheet's last report, not at an empty later quarter"
    );
    let notice = app.notice().expect("says what came in");
    assert_eq!(notice.tone, Tone::Info);
    assert!(notice.text.contains("e-monev.csv"), "{}", notice.text);
    assert_eq!(
        file::load(&path).unwrap(),
        reform_roadmap::sample::sample(),
        "the file that was open is untouched"
    );
}

#[test]
fn importing_over_unsaved_changes_asks_first() {
    let folder = tempfile::tempdir().unwrap();
    let (_path, mut app) = app_on_file(folder.path());
    let _ = app.update(Message::Draft(draft::Message::Select(Selection::Document)));
    let _ = app.update(Message::Draft(draft::Message::FieldChanged(
        Field::Title,
        "Belum disimpan".to_owned(),
    )));
    let _ = app.update(Message::Import);
    assert!(app.is_confirming());
    let _ = app.update(Message::UnsavedAnswered(UnsavedAnswer::Cancel));
    assert!(!app.is_confirming());
    assert_eq!(app.roadmap().title, "Belum disimpan");
}

#[test]
fn a_wrong_guess_is_corrected_and_another_sheet_chosen() {
    let folder = tempfile::tempdir().unwrap();
    let (_path, mut app) = app_on_file(folder.path());
    // Two sheets: notes first, the table second, with a `Lokasi kegiatan` column
    // that is a note, not a program.
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let notes = workbook.add_worksheet().set_name("Petunjuk").unwrap();
    notes
        .write(0, 0, "Isi lembar RB 2025 setiap triwulan.")
        .unwrap();
    let sheet = workbook.add_worksheet().set_name("RB 2025").unwrap();
    let rows: [&[&str]; 3] = [
        &[
            "Area",
            "Program",
            "Indikator",
            "Satuan",
            "Target TW I 2025",
            "Lokasi kegiatan",
        ],
        &[
            "Penataan Tata Laksana",
            "SPBE",
            "Indeks SPBE",
            "indeks",
            "2,6",
            "rapat",
        ],
        &[
            "Penataan Tata Laksana",
            "SPBE",
            "Layanan daring",
            "layanan",
            "12",
            "uji coba",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            sheet.write(r as u32, c as u16, *value).unwrap();
        }
    }
    let xlsx = folder.path().join("rencana-aksi.xlsx");
    workbook.save(&xlsx).unwrap();

    let _ = app.update(Message::ImportFileChosen(Chosen::Path(xlsx.clone())));
    read(&mut app, &xlsx);
    let meaning_of_f = |app: &App| {
        let plan = app.import_preview().unwrap().plan().unwrap();
        plan.columns.iter().find(|c| c.index == 5).unwrap().meaning
    };
    assert_eq!(
        app.import_preview().unwrap().sheet().unwrap().name,
        "RB 2025",
        "the sheet with the table is chosen"
    );
    // "kegiatan" names programs in most workbooks: a wrong guess here.
    assert_eq!(meaning_of_f(&app), Meaning::Program);

    let _ = app.update(Message::ImportPreview(I::MeaningSelected(5, Meaning::Note)));
    let _ = app.update(Message::ImportPreview(I::SheetSelected(0)));
    assert!(
        ui(&app).find(id("app.import.confirm").as_str()).is_ok(),
        "the button is there"
    );
    let _ = app.update(Message::ImportPreview(I::Import));
    assert!(
        app.document().path.is_some(),
        "nothing to import from the notes sheet"
    );
    let _ = app.update(Message::ImportPreview(I::SheetSelected(1)));
    let _ = app.update(Message::ImportPreview(I::MeaningSelected(5, Meaning::Note)));
    assert_eq!(meaning_of_f(&app), Meaning::Note);
    let _ = app.update(Message::ImportPreview(I::Import));
    let indicator = app
        .roadmap()
        .indicators()
        .map(|(_, _, i)| i)
        .find(|i| i.name == "Indeks SPBE")
        .unwrap();
    assert_eq!(indicator.note.as_deref(), Some("rapat"));
    assert_eq!(
        indicator
            .target_at("2025-Q1".parse().unwrap())
            .unwrap()
            .target,
        2.6,
        "a comma decimal in a text cell"
    );
}

#[test]
fn a_file_that_is_no_spreadsheet_says_why() {
    let folder = tempfile::tempdir().unwrap();
    let (_path, mut app) = app_on_file(folder.path());
    let bad = folder.path().join("foto.xlsx");
    std::fs::write(&bad, [0x89, b'P', b'N', b'G', 0, 1, 2, 3]).unwrap();
    let _ = app.update(Message::ImportFileChosen(Chosen::Path(bad.clone())));
    read(&mut app, &bad);
    let notice = app.notice().expect("an error");
    assert_eq!(notice.tone, Tone::Error);
    assert!(notice.text.contains("foto.xlsx"), "{}", notice.text);
    assert!(app.document().path.is_some(), "the open document stays");
}

#[test]
fn the_institution_and_period_a_sheet_does_not_give_are_typed_in_the_preview() {
    use reform_roadmap::gui::dialog::import::Field;
    let folder = tempfile::tempdir().unwrap();
    let (_path, mut app) = app_on_file(folder.path());
    let csv = folder.path().join("e-monev.csv");
    std::fs::write(&csv, MONEV_CSV).unwrap();
    let _ = app.update(Message::ImportFileChosen(Chosen::Path(csv.clone())));
    read(&mut app, &csv);
    // A CSV names no institution: the preview says so.
    assert!(shows(&app, &id("app.import.no_institution")));
    let mut given = |field, typed: &str| {
        let _ = app.update(Message::ImportPreview(I::Given(field, typed.to_owned())));
    };
    given(Field::Institution, "Pemerintah Kabupaten Sukamaju");
    given(Field::Title, "Road Map RB 2025-2029");
    given(Field::End, "20x9");
    given(Field::Start, "2025");
    assert!(shows(&app, &id("app.import.bad_end")));
    assert!(!shows(&app, &id("app.import.no_institution")), "typed now");
    let _ = app.update(Message::ImportPreview(I::Import));
    assert!(
        app.document().path.is_some(),
        "not imported while a year is not a year"
    );
    let _ = app.update(Message::ImportPreview(I::Given(
        Field::End,
        "2029".to_owned(),
    )));
    assert!(shows(
        &app,
        "Akan diimpor: 2 area, 2 program, 2 indikator, 3 target, 2 unit penanggung jawab; periode 2025–2029."
    ));
    let _ = app.update(Message::ImportPreview(I::Import));
    assert!(app.document().path.is_none(), "imported");
    assert_eq!(app.roadmap().institution, "Pemerintah Kabupaten Sukamaju");
    assert_eq!(app.roadmap().title, "Road Map RB 2025-2029");
    assert_eq!(
        (app.roadmap().period.start, app.roadmap().period.end),
        (2025, 2029)
    );
}

#[test]
fn a_click_beside_the_preview_keeps_it_and_the_choices_made() {
    use reform_roadmap::gui::dialog::import::Field;
    use reform_roadmap::gui::shortcut::Shortcut;
    let folder = tempfile::tempdir().unwrap();
    let (_path, mut app) = app_on_file(folder.path());
    let csv = folder.path().join("e-monev.csv");
    std::fs::write(&csv, MONEV_CSV).unwrap();
    let _ = app.update(Message::ImportFileChosen(Chosen::Path(csv.clone())));
    read(&mut app, &csv);
    let _ = app.update(Message::ImportPreview(I::MeaningSelected(9, Meaning::Note)));
    let _ = app.update(Message::ImportPreview(I::Given(
        Field::Title,
        "Road Map RB Sukamaju".to_owned(),
    )));

    // A click on the dimmed page beside the dialog (the card is at most 1,000
    // pixels wide and centred: the left edge is outside it).
    let messages = {
        let mut ui = ui(&app);
        ui.point_at((6.0, 400.0));
        let _ = ui.simulate(iced_test::simulator::click());
        ui.into_messages().collect::<Vec<_>>()
    };
    for message in messages {
        let _ = app.update(message);
    }
    let preview = app.import_preview().expect("the preview stays open");
    assert_eq!(preview.given().title, "Road Map RB Sukamaju");
    let note = preview
        .plan()
        .unwrap()
        .columns
        .iter()
        .find(|c| c.index == 9);
    assert_eq!(note.unwrap().meaning, Meaning::Note);

    // Esc with a pick list's menu open is the menu's (iced leaves it to the app):
    // the preview and its choices stay.
    use reform_roadmap::gui::dialog::import::Menu;
    let _ = app.update(Message::ImportPreview(I::MenuToggled(Menu::Open)));
    let _ = app.update(Message::Shortcut(Shortcut::Escape));
    let preview = app
        .import_preview()
        .expect("Esc at an open menu keeps the preview");
    assert_eq!(preview.given().title, "Road Map RB Sukamaju");
    let _ = app.update(Message::ImportPreview(I::MenuToggled(Menu::Closed)));

    // Esc closes it, as it closes the other dialogs.
    let _ = app.update(Message::Shortcut(Shortcut::Escape));
    assert!(app.import_preview().is_none());
    assert!(app.document().path.is_some(), "nothing imported");
}

#[test]
fn what_came_in_is_said_again_after_a_language_switch() {
    let folder = tempfile::tempdir().unwrap();
    let (_path, mut app) = app_on_file(folder.path());
    let csv = folder.path().join("e-monev.csv");
    std::fs::write(&csv, MONEV_CSV).unwrap();
    let _ = app.update(Message::ImportFileChosen(Chosen::Path(csv.clone())));
    read(&mut app, &csv);
    let _ = app.update(Message::ImportPreview(I::Import));
    let indonesian = app.notice().unwrap().text.clone();
    assert!(
        indonesian
            .starts_with("Diimpor dari e-monev.csv: 2 area, 2 program, 2 indikator, 3 target."),
        "{indonesian}"
    );
    let _ = app.update(Message::LanguageSelected(Language::English));
    let english = app.notice().unwrap().text.clone();
    assert!(
        english.starts_with(
            "Imported from e-monev.csv: 2 areas, 2 programs, 2 indicators, 3 targets."
        ),
        "{english}"
    );
    assert!(shows(&app, &english));
}

#[test]
fn a_row_of_the_preview_counts_one_target_in_the_singular() {
    let folder = tempfile::tempdir().unwrap();
    let (_path, mut app) = app_on_file(folder.path());
    let _ = app.update(Message::LanguageSelected(Language::English));
    let csv = folder.path().join("e-monev.csv");
    std::fs::write(&csv, MONEV_CSV).unwrap();
    let _ = app.update(Message::ImportFileChosen(Chosen::Path(csv.clone())));
    read(&mut app, &csv);
    // Each row of the long layout brings one quarter: one target, one actual.
    assert!(shows(
        &app,
        "Manajemen Perubahan › Internalisasi budaya kerja › Bagian Organisasi — 1 target, 1 actual · Q1 2025: 25 %"
    ));
    assert!(!shows(
        &app,
        "Manajemen Perubahan › Internalisasi budaya kerja › Bagian Organisasi — 1 targets, 1 actuals · Q1 2025: 25 %"
    ));
}

#[test]
fn one_of_a_kind_is_counted_in_the_singular() {
    let folder = tempfile::tempdir().unwrap();
    let (_path, mut app) = app_on_file(folder.path());
    let _ = app.update(Message::LanguageSelected(Language::English));
    let csv = folder.path().join("satu.csv");
    std::fs::write(
        &csv,
        "Area Perubahan;Program;Penanggung Jawab;Indikator;Satuan;Tahun;Triwulan;Target\r\n\
         Manajemen Perubahan;Internalisasi budaya kerja;Bagian Organisasi;Persentase pegawai tersosialisasi;%;2025;TW I;25\r\n",
    )
    .unwrap();
    let _ = app.update(Message::ImportFileChosen(Chosen::Path(csv.clone())));
    read(&mut app, &csv);
    assert!(shows(
        &app,
        "To be imported: 1 area, 1 program, 1 indicator, 1 target, 1 responsible unit; period 2025–2025."
    ));
    let _ = app.update(Message::ImportPreview(I::Import));
    let notice = app.notice().unwrap().text.clone();
    assert!(
        notice.starts_with("Imported from satu.csv: 1 area, 1 program, 1 indicator, 1 target."),
        "{notice}"
    );
}
