//! Typed numbers that do not read never reach the document (issue 16, item 1): in the
//! draft grid and fields and in the monev actual, the value stays what it was until
//! the text reads; saving and closing say that an entry was not taken.

use std::path::PathBuf;

use iced_test::Simulator;
use iced_test::selector::{Candidate, id};
use reform_roadmap::file;
use reform_roadmap::gui::app::{App, Message, Options};
use reform_roadmap::gui::dialog::UnsavedAnswer;
use reform_roadmap::gui::notice::Tone;
use reform_roadmap::gui::screen::Tab;
use reform_roadmap::gui::screen::draft::{self, Cell, Field, Selection};
use reform_roadmap::gui::screen::review::actual_id;
use reform_roadmap::gui::shortcut::Shortcut;
use reform_roadmap::model::{IndicatorAt, Kind, Quarter};
use reform_roadmap::review::Status;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 10, 15).unwrap()
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

/// Clicks the input `input` in the real view and types `typed` key by key.
fn type_into(app: &mut App, input: String, typed: &str) {
    let messages = {
        let mut ui = Simulator::with_size(
            reform_roadmap::gui::settings(),
            (1280.0, 1600.0),
            app.view(),
        );
        ui.click(id(input)).expect("the input is in view");
        let _ = ui.typewrite(typed);
        ui.into_messages().collect::<Vec<_>>()
    };
    assert!(messages.len() >= typed.chars().count(), "one message a key");
    for message in messages {
        let _ = app.update(message);
    }
}

/// Some text in the view contains `words`.
fn view_has(app: &App, words: &str) -> bool {
    let mut ui = Simulator::with_size(
        reform_roadmap::gui::settings(),
        (1280.0, 1600.0),
        app.view(),
    );
    ui.find(move |candidate: Candidate<'_>| match candidate {
        Candidate::Text { content, .. } if content.contains(words) => Some(content.to_owned()),
        _ => None,
    })
    .is_ok()
}

#[test]
fn a_mistyped_target_never_reaches_the_file() {
    let (_folder, path, mut app) = app_on_sample();
    let at = IndicatorAt::new(0, 0, 0);
    let _ = app.update(Message::Draft(draft::Message::Select(
        Selection::Indicator(at),
    )));
    let quarter = Quarter::new(2025, 1).unwrap();
    let held = app
        .roadmap()
        .indicator(at)
        .unwrap()
        .target_at(quarter)
        .unwrap()
        .target;
    assert_ne!(held, 12.5);

    type_into(
        &mut app,
        draft::grid_cell_id(quarter, Cell::Target),
        "12,5x",
    );
    let target = |app: &App| {
        app.roadmap()
            .indicator(at)
            .unwrap()
            .target_at(quarter)
            .unwrap()
            .target
    };
    assert_eq!(
        target(&app),
        held,
        "12,5 went in a key earlier and came out again"
    );
    assert_eq!(app.draft().unwrap().invalid_entries(), 1);

    let _ = app.update(Message::Shortcut(Shortcut::Save));
    let saved = file::load(&path).unwrap();
    assert_eq!(
        saved
            .indicator(at)
            .unwrap()
            .target_at(quarter)
            .unwrap()
            .target,
        held
    );
    let notice = app.notice().expect("saving says what happened");
    assert_eq!(notice.tone, Tone::Error);
    assert!(
        notice.text.contains("1 isian belum masuk dokumen"),
        "{}",
        notice.text
    );

    // Corrected, it goes in, and one undo step takes the whole typing back.
    let _ = app.update(Message::Draft(draft::Message::CellChanged(
        quarter,
        Cell::Target,
        "12,5".into(),
    )));
    assert_eq!(target(&app), 12.5);
    assert_eq!(app.draft().unwrap().invalid_entries(), 0);
    let _ = app.update(Message::Undo);
    assert_eq!(target(&app), held);
}

#[test]
fn a_mistyped_number_field_keeps_its_value() {
    let (_folder, _path, mut app) = app_on_sample();
    let _ = app.update(Message::Draft(draft::Message::Select(Selection::Program(
        0, 0,
    ))));
    let held = app.roadmap().areas[0].programs[0].budget;
    type_into(&mut app, draft::field_id(Field::Budget), "15x");
    assert_eq!(app.roadmap().areas[0].programs[0].budget, held);
    assert_eq!(app.draft().unwrap().invalid_entries(), 1);

    let _ = app.update(Message::Draft(draft::Message::Select(
        Selection::Indicator(IndicatorAt::new(0, 0, 0)),
    )));
    let baseline = app.roadmap().areas[0].programs[0].indicators[0].baseline;
    type_into(&mut app, draft::field_id(Field::Baseline), "4O");
    assert_eq!(
        app.roadmap().areas[0].programs[0].indicators[0].baseline,
        baseline
    );
}

#[test]
fn a_mistyped_actual_changes_no_status_summary_or_file() {
    let (_folder, path, mut app) = app_on_sample();
    let _ = app.update(Message::SwitchTo(Tab::Review));
    let context = app.context();
    let line = app
        .review()
        .unwrap()
        .lines(&context)
        .into_iter()
        .find(|line| {
            line.status() == Status::Missing
                && line.indicator.kind == Kind::Level
                && line.takes_actual()
        })
        .expect("an unreported level indicator at TW III 2025");
    let identifier = line.review.id.clone();
    let report = app.report().clone();

    type_into(&mut app, actual_id(&identifier), "5O");
    assert_eq!(app.review().unwrap().invalid_entries(), 1);
    assert_eq!(app.report(), &report, "status and summary as they were");
    assert_eq!(
        app.report().get(&identifier).unwrap().status(),
        Status::Missing
    );
    assert_eq!(app.roadmap(), &reform_roadmap::sample::sample());
    assert!(
        !app.document().is_dirty(),
        "`5` went in and out again: no change"
    );

    let _ = app.update(Message::Shortcut(Shortcut::Save));
    assert_eq!(file::load(&path).unwrap(), reform_roadmap::sample::sample());
    assert!(
        app.notice()
            .is_some_and(|n| n.text.contains("1 isian belum masuk dokumen")),
        "{:?}",
        app.notice()
    );
}

#[test]
fn closing_with_an_entry_not_taken_asks_and_says_so() {
    let (_folder, _path, mut app) = app_on_sample();
    let window = iced::window::Id::unique();
    let _ = app.update(Message::Draft(draft::Message::Select(Selection::Program(
        0, 0,
    ))));
    type_into(&mut app, draft::field_id(Field::Budget), "seratus");
    assert!(!app.document().is_dirty(), "nothing went in");
    // On another screen, the draft's red field still counts.
    let _ = app.update(Message::SwitchTo(Tab::Review));
    assert_eq!(app.untaken_entries(), 1);

    let _ = app.update(Message::CloseRequested(window));
    assert!(
        app.is_confirming(),
        "a red field is not closed away silently"
    );
    assert!(view_has(&app, "1 isian belum masuk dokumen"));
    let _ = app.update(Message::UnsavedAnswered(UnsavedAnswer::Cancel));
    assert!(!app.is_confirming());
}
