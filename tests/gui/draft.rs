//! The draft screen and the app frame, driven through `App::update` as a user's clicks
//! and keys would, and through the real view with `iced_test`'s simulator.

use std::path::PathBuf;

use reform_roadmap::edit::NodePath;
use reform_roadmap::file;
use reform_roadmap::gui::app::{App, Message, Options};
use reform_roadmap::gui::dialog::UnsavedAnswer;
use reform_roadmap::gui::file_dialog::Chosen;
use reform_roadmap::gui::notice::Tone;
use reform_roadmap::gui::screen::draft::{self, Cell, Field, Pick, Selection, Structure};
use reform_roadmap::gui::shortcut::Shortcut;
use reform_roadmap::locale::Language;
use reform_roadmap::model::IndicatorAt;
use reform_roadmap::model::{Kind, Quarter};

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 11, 1).unwrap()
}

/// The sample saved to a temporary file, and the app opened on it.
fn app_on_sample() -> (tempfile::TempDir, PathBuf, App) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("roadmap.ron");
    file::save(&path, &reform_roadmap::sample::sample()).unwrap();
    let app = App::new(Options {
        file: Some(path.clone()),
        config_path: None,
        recovery_folder: None,
        today: today(),
    });
    (folder, path, app)
}

fn draft(app: &mut App, message: draft::Message) {
    let _ = app.update(Message::Draft(message));
}

fn select(app: &mut App, selection: Selection) {
    draft(app, draft::Message::Select(selection));
}

fn type_into(app: &mut App, field: Field, text: &str) {
    draft(app, draft::Message::FieldChanged(field, text.to_owned()));
}

#[test]
fn opens_the_file_clean_at_the_last_ended_quarter() {
    let (_folder, path, app) = app_on_sample();
    assert!(!app.document().is_dirty());
    assert_eq!(app.document().path.as_deref(), Some(path.as_path()));
    assert_eq!(app.quarter(), Quarter::new(2025, 3).unwrap());
    assert_eq!(app.title(), "roadmap.ron — Reform Roadmap");
}

#[test]
fn without_a_file_it_opens_the_sample_at_its_last_report() {
    let app = App::new(Options {
        file: None,
        config_path: None,
        recovery_folder: None,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    });
    assert_eq!(app.roadmap(), &reform_roadmap::sample::sample());
    assert!(!app.document().is_dirty(), "nothing to lose yet");
    assert_eq!(app.quarter(), Quarter::new(2025, 3).unwrap());
}

#[test]
fn typing_in_fields_edits_the_document() {
    let (_folder, _path, mut app) = app_on_sample();
    select(&mut app, Selection::Document);
    type_into(&mut app, Field::Title, "Road Map Baru");
    assert_eq!(app.roadmap().title, "Road Map Baru");
    assert!(app.document().is_dirty());
    assert!(app.title().starts_with("● "), "{}", app.title());

    type_into(&mut app, Field::AtRiskBelow, "97,5");
    assert_eq!(app.roadmap().rules.at_risk_below, 97.5);

    select(&mut app, Selection::Area(1));
    type_into(&mut app, Field::Goal, "Regulasi sederhana");
    assert_eq!(
        app.roadmap().areas[1].goal.as_deref(),
        Some("Regulasi sederhana")
    );
    type_into(&mut app, Field::Goal, "");
    assert_eq!(
        app.roadmap().areas[1].goal,
        None,
        "an emptied optional field is removed"
    );

    select(&mut app, Selection::Program(0, 0));
    type_into(&mut app, Field::Budget, "Rp 250.000.000");
    assert_eq!(app.roadmap().areas[0].programs[0].budget, Some(250_000_000));

    select(&mut app, Selection::Indicator(IndicatorAt::new(0, 0, 0)));
    type_into(&mut app, Field::Baseline, "41,25");
    assert_eq!(
        app.roadmap().areas[0].programs[0].indicators[0].baseline,
        Some(41.25)
    );
    type_into(&mut app, Field::MeasureUnit, "persen");
    assert_eq!(
        app.roadmap().areas[0].programs[0].indicators[0].unit,
        "persen"
    );
}

#[test]
fn invalid_numbers_are_kept_marked_and_not_applied() {
    let (_folder, _path, mut app) = app_on_sample();
    select(&mut app, Selection::Program(0, 0));
    let before = app.roadmap().areas[0].programs[0].budget;
    type_into(&mut app, Field::Budget, "seratus juta");
    assert_eq!(app.roadmap().areas[0].programs[0].budget, before);
    assert_eq!(app.draft().unwrap().invalid_entries(), 1);

    select(&mut app, Selection::Indicator(IndicatorAt::new(0, 0, 0)));
    let q = Quarter::new(2025, 4).unwrap();
    draft(
        &mut app,
        draft::Message::CellChanged(q, Cell::Actual, "12,,5".into()),
    );
    assert_eq!(
        app.draft().unwrap().invalid_entries(),
        2,
        "kept across selections"
    );
    draft(
        &mut app,
        draft::Message::CellChanged(q, Cell::Actual, "12,5".into()),
    );
    assert_eq!(app.draft().unwrap().invalid_entries(), 1);
    let indicator = &app.roadmap().areas[0].programs[0].indicators[0];
    assert_eq!(indicator.target_at(q).unwrap().actual, Some(12.5));
}

#[test]
fn choices_edit_the_selected_item() {
    let (_folder, _path, mut app) = app_on_sample();
    select(&mut app, Selection::Program(0, 0));
    draft(
        &mut app,
        draft::Message::Picked(Pick::ProgramUnit(Some("inspektorat".into()))),
    );
    assert_eq!(
        app.roadmap().areas[0].programs[0].unit.as_deref(),
        Some("inspektorat")
    );

    select(&mut app, Selection::Indicator(IndicatorAt::new(0, 0, 0)));
    draft(&mut app, draft::Message::Picked(Pick::Kind(Kind::Count)));
    draft(&mut app, draft::Message::Picked(Pick::OwnRules(true)));
    let indicator = &app.roadmap().areas[0].programs[0].indicators[0];
    assert_eq!(indicator.kind, Kind::Count);
    assert_eq!(indicator.rules, Some(app.roadmap().rules));
    type_into(&mut app, Field::BehindBelow, "80");
    let indicator = &app.roadmap().areas[0].programs[0].indicators[0];
    assert_eq!(indicator.rules.unwrap().behind_below, 80.0);
}

#[test]
fn structure_add_duplicate_move_delete_and_undo() {
    let (_folder, _path, mut app) = app_on_sample();
    let original = app.roadmap().clone();
    let areas = original.areas.len();

    draft(&mut app, draft::Message::Restructure(Structure::AddArea));
    assert_eq!(app.roadmap().areas.len(), areas + 1);
    assert_eq!(app.draft().unwrap().selection(), Selection::Area(areas));
    let new_id = app.roadmap().areas[areas].id.clone();
    assert!(
        original.areas.iter().all(|a| a.id != new_id),
        "fresh id {new_id}"
    );

    draft(
        &mut app,
        draft::Message::Restructure(Structure::AddProgram(0)),
    );
    let programs = &app.roadmap().areas[0].programs;
    assert_eq!(programs.len(), original.areas[0].programs.len() + 1);
    assert_eq!(
        programs.last().unwrap().id,
        format!("mp-{}", programs.len())
    );

    draft(
        &mut app,
        draft::Message::Restructure(Structure::Duplicate(NodePath::Indicator(IndicatorAt::new(
            0, 0, 0,
        )))),
    );
    let indicators = &app.roadmap().areas[0].programs[0].indicators;
    assert_eq!(indicators[1].name, indicators[0].name);
    assert_ne!(indicators[1].id, indicators[0].id);

    draft(
        &mut app,
        draft::Message::Restructure(Structure::MoveDown(NodePath::Area(0))),
    );
    assert_eq!(app.roadmap().areas[1].id, original.areas[0].id);
    assert_eq!(app.draft().unwrap().selection(), Selection::Area(1));
    draft(
        &mut app,
        draft::Message::Restructure(Structure::MoveUp(NodePath::Area(1))),
    );
    assert_eq!(
        app.roadmap().areas[0].id,
        original.areas[0].id,
        "moved back"
    );

    draft(
        &mut app,
        draft::Message::Restructure(Structure::Delete(NodePath::Area(2))),
    );
    assert_eq!(app.roadmap().areas.len(), areas);
    assert!(
        app.roadmap()
            .areas
            .iter()
            .all(|a| a.id != original.areas[2].id)
    );

    for _ in 0..6 {
        let _ = app.update(Message::Shortcut(Shortcut::Undo));
    }
    assert_eq!(app.roadmap(), &original, "everything undone");
    assert!(!app.document().is_dirty());
    let _ = app.update(Message::Shortcut(Shortcut::Redo));
    assert_eq!(app.roadmap().areas.len(), areas + 1);
    assert!(app.document().is_dirty());
}

#[test]
fn removing_a_unit_in_use_warns_and_clears_its_programs_in_one_step() {
    let (_folder, _path, mut app) = app_on_sample();
    let original = app.roadmap().clone();
    let unit_id = original.areas[0].programs[0].unit.clone().unwrap();
    let index = original.units.iter().position(|u| u.id == unit_id).unwrap();
    select(&mut app, Selection::Units);
    draft(
        &mut app,
        draft::Message::Restructure(Structure::Delete(NodePath::Unit(index))),
    );
    assert_eq!(app.roadmap(), &original, "only a warning so far");
    draft(&mut app, draft::Message::ConfirmRemoveUnit(index));
    assert!(app.roadmap().unit(&unit_id).is_none());
    assert!(
        app.roadmap()
            .areas
            .iter()
            .flat_map(|a| &a.programs)
            .all(|p| p.unit.as_deref() != Some(unit_id.as_str()))
    );
    let _ = app.update(Message::Undo);
    assert_eq!(app.roadmap(), &original);
}

#[test]
fn saving_marks_clean_and_undo_past_the_save_marks_dirty() {
    let (_folder, path, mut app) = app_on_sample();
    select(&mut app, Selection::Document);
    type_into(&mut app, Field::Institution, "Pemerintah Kabupaten Lain");
    let _ = app.update(Message::Shortcut(Shortcut::Save));
    assert!(!app.document().is_dirty());
    assert_eq!(
        file::load(&path).unwrap().institution,
        "Pemerintah Kabupaten Lain"
    );
    assert!(
        file::backup_path(&path).exists(),
        "the previous version is kept"
    );
    let _ = app.update(Message::Undo);
    assert!(app.document().is_dirty());
}

#[test]
fn close_guard_asks_only_when_there_are_changes() {
    let (_folder, path, mut app) = app_on_sample();
    let window = iced::window::Id::unique();
    let _ = app.update(Message::CloseRequested(window));
    assert!(!app.is_confirming(), "a clean document closes at once");

    select(&mut app, Selection::Document);
    type_into(&mut app, Field::Title, "Judul baru");
    let _ = app.update(Message::CloseRequested(window));
    assert!(app.is_confirming());
    let _ = app.update(Message::UnsavedAnswered(UnsavedAnswer::Cancel));
    assert!(!app.is_confirming());
    assert!(app.document().is_dirty(), "cancel keeps the changes");

    let _ = app.update(Message::CloseRequested(window));
    let _ = app.update(Message::UnsavedAnswered(UnsavedAnswer::Save));
    assert!(!app.document().is_dirty());
    assert_eq!(file::load(&path).unwrap().title, "Judul baru");
}

#[test]
fn new_and_open_ask_before_discarding_changes() {
    let (folder, _path, mut app) = app_on_sample();
    select(&mut app, Selection::Document);
    type_into(&mut app, Field::Title, "Belum disimpan");
    let _ = app.update(Message::New);
    assert!(app.is_confirming());
    let _ = app.update(Message::UnsavedAnswered(UnsavedAnswer::Cancel));
    let _ = app.update(Message::Shortcut(Shortcut::Open));
    assert!(app.is_confirming());
    let _ = app.update(Message::UnsavedAnswered(UnsavedAnswer::Discard));
    assert!(!app.is_confirming());

    // Whatever the dialog picks then replaces the document.
    let other = folder.path().join("other.ron");
    let mut roadmap = reform_roadmap::sample::sample();
    roadmap.title = "Lain".into();
    file::save(&other, &roadmap).unwrap();
    let _ = app.update(Message::FileChosen(Chosen::Path(other.clone())));
    assert_eq!(app.roadmap().title, "Lain");
    assert!(!app.document().is_dirty());
}

#[test]
fn a_bad_file_shows_where_and_keeps_the_open_document() {
    let (folder, _path, mut app) = app_on_sample();
    select(&mut app, Selection::Document);
    type_into(&mut app, Field::Title, "Pekerjaan saya");
    let bad = folder.path().join("bad.ron");
    std::fs::write(&bad, "(\n    format_version: 1,\n    titel: \"x\",\n)\n").unwrap();
    let _ = app.update(Message::FileChosen(Chosen::Path(bad.clone())));
    assert_eq!(
        app.roadmap().title,
        "Pekerjaan saya",
        "the open document is untouched"
    );
    let notice = app.notice().expect("an error is shown");
    assert_eq!(notice.tone, Tone::Error);
    assert!(notice.text.contains("bad.ron"), "{}", notice.text);
    assert!(
        notice.text.contains("3:"),
        "line and column: {}",
        notice.text
    );
    assert!(notice.text.contains("titel"), "the field: {}", notice.text);

    let newer = folder.path().join("newer.ron");
    let text = file::to_ron_string(&reform_roadmap::sample::sample())
        .replace("format_version: 2", "format_version: 7");
    std::fs::write(&newer, text).unwrap();
    let _ = app.update(Message::FileChosen(Chosen::Path(newer)));
    assert!(
        app.notice().unwrap().text.contains("format_version 7"),
        "{}",
        app.notice().unwrap().text
    );
    assert_eq!(app.roadmap().title, "Pekerjaan saya");
}

#[test]
fn a_failed_save_keeps_the_document_changed_and_offers_save_as() {
    let (folder, _path, mut app) = app_on_sample();
    select(&mut app, Selection::Document);
    type_into(&mut app, Field::Title, "Judul");
    let nowhere = folder.path().join("no-such-folder").join("x.ron");
    let _ = app.update(Message::SaveAsChosen(Chosen::Path(nowhere.clone())));
    let notice = app.notice().unwrap();
    assert_eq!(notice.tone, Tone::Error);
    assert!(notice.offer_save_as);
    assert!(app.document().is_dirty());
    assert!(!nowhere.exists());
}

#[test]
fn the_language_is_remembered() {
    let folder = tempfile::tempdir().unwrap();
    let config_path = folder.path().join("config.ron");
    let options = Options {
        file: None,
        config_path: Some(config_path.clone()),
        recovery_folder: None,
        today: today(),
    };
    let mut app = App::new(options.clone());
    assert_eq!(app.language(), Language::Indonesian);
    let _ = app.update(Message::LanguageSelected(Language::English));
    let app = App::new(options);
    assert_eq!(app.language(), Language::English);
}

/// Clicks and types through the real view: select an indicator, type a target into
/// the grid, save; the file on disk holds the new value.
#[test]
fn simulator_select_indicator_type_target_save() {
    use iced_test::selector::id;

    let (_folder, path, mut app) = app_on_sample();
    select(&mut app, Selection::Area(0));
    // Open the first program in the outline and click its first indicator by name.
    draft(&mut app, draft::Message::ToggleProgram(0, 0));
    let name = app.roadmap().areas[0].programs[0].indicators[0]
        .name
        .clone();
    let messages = {
        let mut ui =
            iced_test::Simulator::with_settings(reform_roadmap::gui::settings(), app.view());
        ui.click(name.as_str())
            .expect("the indicator is in the outline");
        ui.into_messages().collect::<Vec<_>>()
    };
    for message in messages {
        let _ = app.update(message);
    }
    assert_eq!(
        app.draft().unwrap().selection(),
        Selection::Indicator(IndicatorAt::new(0, 0, 0))
    );

    let quarter = Quarter::new(2027, 1).unwrap();
    let messages = {
        // A tall window, so the later years of the grid are in view.
        let mut ui = iced_test::Simulator::with_size(
            reform_roadmap::gui::settings(),
            (1280.0, 1600.0),
            app.view(),
        );
        ui.click(id(draft::grid_cell_id(quarter, Cell::Target)))
            .expect("the cell is in the grid");
        let _ = ui.typewrite("12,5");
        ui.into_messages().collect::<Vec<_>>()
    };
    assert!(!messages.is_empty());
    for message in messages {
        let _ = app.update(message);
    }
    let _ = app.update(Message::Shortcut(Shortcut::Save));
    let saved = file::load(&path).unwrap();
    let target = saved.areas[0].programs[0].indicators[0]
        .target_at(quarter)
        .unwrap();
    assert_eq!(target.target, 12.5);
}

#[test]
fn switching_screens_keeps_entries_still_to_be_corrected() {
    use reform_roadmap::gui::screen::Tab;
    let (_folder, _path, mut app) = app_on_sample();
    select(&mut app, Selection::Program(0, 0));
    type_into(&mut app, Field::Budget, "seratus juta");
    assert_eq!(app.draft().unwrap().invalid_entries(), 1);
    let _ = app.update(Message::SwitchTo(Tab::Review));
    assert!(app.draft().is_none());
    let _ = app.update(Message::SwitchTo(Tab::Draft));
    let draft = app.draft().unwrap();
    assert_eq!(
        draft.invalid_entries(),
        1,
        "the typed text waits to be corrected"
    );
    assert_eq!(draft.selection(), Selection::Program(0, 0));
}
