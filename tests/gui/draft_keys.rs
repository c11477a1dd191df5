//! The target grid's keys and its red cells (issue 16, items 3 and 8): Tab moves right,
//! Shift+Tab left, Enter down, each leaving its cell in the document; the count of
//! invalid entries takes the user to the first of them.

use std::path::PathBuf;

use iced_test::Simulator;
use iced_test::selector::id;
use reform_roadmap::file;
use reform_roadmap::gui::app::{App, Message, Options};
use reform_roadmap::gui::screen::draft::{self, Cell, Field, Selection, Step, Structure};
use reform_roadmap::gui::shortcut::Shortcut;
use reform_roadmap::model::{IndicatorAt, Quarter};

fn app_on_sample() -> (tempfile::TempDir, PathBuf, App) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("roadmap.ron");
    file::save(&path, &reform_roadmap::sample::sample()).unwrap();
    let app = App::new(Options {
        file: Some(path.clone()),
        config_path: None,
        recovery_folder: None,
        today: chrono::NaiveDate::from_ymd_opt(2025, 10, 15).unwrap(),
    });
    (folder, path, app)
}

fn send(app: &mut App, message: draft::Message) {
    let _ = app.update(Message::Draft(message));
}

fn ui(app: &App) -> Simulator<'_, Message> {
    Simulator::with_size(
        reform_roadmap::gui::settings(),
        (1280.0, 1600.0),
        app.view(),
    )
}

/// Clicks the cell and types `typed`, as a user would; returns what else the view sent.
fn type_in_cell(app: &mut App, quarter: Quarter, cell: Cell, typed: &str) {
    let messages = {
        let mut ui = ui(app);
        ui.click(id(draft::grid_cell_id(quarter, cell)))
            .expect("the cell is in view");
        let _ = ui.typewrite(typed);
        ui.into_messages().collect::<Vec<_>>()
    };
    for message in messages {
        let _ = app.update(message);
    }
}

/// A new, empty indicator in the first program, selected.
fn new_indicator(app: &mut App) -> IndicatorAt {
    send(
        app,
        draft::Message::Restructure(Structure::AddIndicator(0, 0)),
    );
    let Selection::Indicator(at) = app.draft().unwrap().selection() else {
        panic!("the new indicator is selected");
    };
    assert!(app.roadmap().indicator(at).unwrap().targets.is_empty());
    at
}

fn period(app: &App) -> reform_roadmap::model::Period {
    app.roadmap().period
}

/// Tab (or Shift+Tab, `step`) with the focus in `from`, as its widget operation ends.
fn tab_key(app: &mut App, from: (Quarter, Cell), step: Step) {
    let focused = iced::widget::Id::from(draft::grid_cell_id(from.0, from.1));
    if let Some((quarter, cell)) = draft::tab_destination(period(app), Some(&focused), step) {
        send(app, draft::Message::Keyed(quarter, cell));
    }
}

#[test]
fn tab_moves_right_and_each_cell_keeps_its_number() {
    let (_folder, _path, mut app) = app_on_sample();
    let at = new_indicator(&mut app);
    let q = |n| Quarter::new(2025, n).unwrap();

    // `12,5` Tab `20` Tab `30.5`: Tab moves the focus one cell right (the widget
    // operation that does it runs where the simulator cannot: `tab_key` plays its
    // outcome, and src/gui/screen/draft/tab.rs tests the operation itself).
    type_in_cell(&mut app, q(1), Cell::Target, "12,5");
    let _ = app.update(Message::Shortcut(Shortcut::FocusNext));
    tab_key(&mut app, (q(1), Cell::Target), Step::Right);
    assert_eq!(
        app.draft().unwrap().keyed_cell(),
        Some((q(2), Cell::Target))
    );
    type_in_cell(&mut app, q(2), Cell::Target, "20");
    tab_key(&mut app, (q(2), Cell::Target), Step::Right);
    assert_eq!(
        app.draft().unwrap().keyed_cell(),
        Some((q(3), Cell::Target))
    );
    type_in_cell(&mut app, q(3), Cell::Target, "30.5");

    let indicator = app.roadmap().indicator(at).unwrap();
    let target = |n| indicator.target_at(q(n)).map(|entry| entry.target);
    assert_eq!(
        (target(1), target(2), target(3)),
        (Some(12.5), Some(20.0), Some(30.5))
    );

    // Shift+Tab goes back; from TW I's actual, back to TW IV's target above.
    tab_key(&mut app, (q(3), Cell::Target), Step::Left);
    assert_eq!(
        app.draft().unwrap().keyed_cell(),
        Some((q(2), Cell::Target))
    );
    tab_key(&mut app, (q(1), Cell::Actual), Step::Left);
    assert_eq!(
        app.draft().unwrap().keyed_cell(),
        Some((q(4), Cell::Target))
    );
    // From a field that is not a cell, Tab goes on field by field.
    assert_eq!(
        draft::tab_destination(period(&app), None, Step::Right),
        None
    );
    assert_eq!(
        app.draft().unwrap().keyed_cell(),
        Some((q(4), Cell::Target))
    );
}

#[test]
fn enter_commits_the_cell_and_moves_down() {
    let (_folder, _path, mut app) = app_on_sample();
    let at = new_indicator(&mut app);
    let q1 = Quarter::new(2025, 1).unwrap();
    let messages = {
        let mut ui = ui(&app);
        ui.click(id(draft::grid_cell_id(q1, Cell::Target))).unwrap();
        let _ = ui.typewrite("45");
        let _ = ui.tap_key(iced::keyboard::Key::Named(
            iced::keyboard::key::Named::Enter,
        ));
        ui.into_messages().collect::<Vec<_>>()
    };
    assert_eq!(
        messages.last().map(|m| format!("{m:?}")),
        Some(format!(
            "{:?}",
            Message::Draft(draft::Message::CellSubmitted(q1, Cell::Target))
        )),
        "Enter in a cell is heard"
    );
    for message in messages {
        let _ = app.update(message);
    }
    assert_eq!(
        app.roadmap()
            .indicator(at)
            .unwrap()
            .target_at(q1)
            .unwrap()
            .target,
        45.0
    );
    assert_eq!(app.draft().unwrap().keyed_cell(), Some((q1, Cell::Actual)));
    // From the actual row, down is the next year's target row.
    send(&mut app, draft::Message::CellSubmitted(q1, Cell::Actual));
    assert_eq!(
        app.draft().unwrap().keyed_cell(),
        Some((Quarter::new(2026, 1).unwrap(), Cell::Target))
    );
}

#[test]
fn the_invalid_count_takes_the_user_to_the_first_red_entry() {
    let (_folder, _path, mut app) = app_on_sample();
    let at = IndicatorAt::new(0, 0, 0);
    send(&mut app, draft::Message::Select(Selection::Indicator(at)));
    let q = Quarter::new(2025, 2).unwrap();
    type_in_cell(&mut app, q, Cell::Target, "x");
    // A later one elsewhere.
    send(&mut app, draft::Message::Select(Selection::Program(0, 0)));
    send(
        &mut app,
        draft::Message::FieldChanged(Field::Budget, "banyak".into()),
    );
    send(&mut app, draft::Message::Select(Selection::Document));
    assert_eq!(app.draft().unwrap().invalid_entries(), 2);

    let messages = {
        let mut ui = ui(&app);
        ui.click("· 2 isian tidak sah belum disimpan")
            .expect("the count is a button");
        ui.into_messages().collect::<Vec<_>>()
    };
    for message in messages {
        let _ = app.update(message);
    }
    assert_eq!(
        app.draft().unwrap().selection(),
        Selection::Indicator(at),
        "the first one typed is shown"
    );
    let mut ui = ui(&app);
    assert!(ui.find(id(draft::grid_cell_id(q, Cell::Target))).is_ok());
}

#[test]
fn a_red_cell_follows_its_indicator_when_the_id_changes() {
    let (_folder, _path, mut app) = app_on_sample();
    let at = IndicatorAt::new(0, 0, 0);
    send(&mut app, draft::Message::Select(Selection::Indicator(at)));
    let q = Quarter::new(2027, 1).unwrap();
    send(
        &mut app,
        draft::Message::CellChanged(q, Cell::Target, "7x".into()),
    );
    send(
        &mut app,
        draft::Message::FieldChanged(Field::Id, "mp-1-baru".into()),
    );
    assert_eq!(app.roadmap().indicator(at).unwrap().id, "mp-1-baru");
    send(&mut app, draft::Message::Select(Selection::Document));
    send(&mut app, draft::Message::ShowFirstInvalid);
    assert_eq!(app.draft().unwrap().selection(), Selection::Indicator(at));
    match ui(&app).find(id(draft::grid_cell_id(q, Cell::Target))) {
        Ok(iced_test::selector::Target::TextInput { content, .. }) => assert_eq!(content, "7x"),
        other => panic!("the red cell is shown with its text: {other:?}"),
    }
}

#[test]
fn a_key_typed_right_after_tab_lands_in_the_next_cell() {
    // One simulator session is one batch of events: Tab and the key after it arrive
    // together, as when typing fast on a loaded machine. The grid moves the focus
    // itself, so the `8` goes to TW II; moved by the app (a task, a batch later), it
    // went into TW I.
    let (_folder, _path, mut app) = app_on_sample();
    let at = new_indicator(&mut app);
    let q = |n| Quarter::new(2025, n).unwrap();
    let messages = {
        let mut ui = ui(&app);
        ui.click(id(draft::grid_cell_id(q(1), Cell::Target)))
            .expect("the cell is in view");
        let _ = ui.typewrite("7");
        let _ = ui.tap_key(iced::keyboard::key::Named::Tab);
        let _ = ui.typewrite("8");
        ui.into_messages().collect::<Vec<_>>()
    };
    for message in messages {
        let _ = app.update(message);
    }
    let indicator = app.roadmap().indicator(at).unwrap();
    let target = |n| indicator.target_at(q(n)).map(|entry| entry.target);
    assert_eq!((target(1), target(2)), (Some(7.0), Some(8.0)));
    assert_eq!(
        app.draft().unwrap().keyed_cell(),
        Some((q(2), Cell::Target))
    );
}
