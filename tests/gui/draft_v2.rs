//! The draft editors of every format-version-2 field (issue 13): each edit goes through
//! the app as one undoable step, and a document that uses nothing of version 2 is
//! still written as version 1.

use std::path::{Path, PathBuf};

use iced_test::Simulator;
use iced_test::selector::id;
use reform_roadmap::file;
use reform_roadmap::gui::app::{App, Message, Options};
use reform_roadmap::gui::screen::draft::{
    self, Cell, Field, Pick, RatingChoice, Selection, field_id,
};
use reform_roadmap::gui::shortcut::Shortcut;
use reform_roadmap::model::{
    Area, Band, Direction, Element, Indicator, IndicatorAt, Kind, MissingScore, Period, Program,
    Quarter, RatingScale, Roadmap, Scale, Target, Unit,
};

/// A small version-1 roadmap: one unit, area, program and indicator with a target.
fn version_1() -> Roadmap {
    let mut roadmap = Roadmap::new(
        "Road Map RB",
        "Pemerintah Kota Contoh",
        Period {
            start: 2025,
            end: 2026,
        },
    );
    roadmap.units.push(Unit {
        id: "bagor".into(),
        name: "Bagian Organisasi".into(),
    });
    let mut indicator = Indicator::new("a-1-1", "Indeks RB", Kind::Level);
    indicator
        .targets
        .insert("2025-Q1".into(), Target::planned(60.0));
    let mut program = Program::new("a-1", "Penataan organisasi");
    program.unit = Some("bagor".into());
    program.indicators.push(indicator);
    let mut area = Area::new("a", "Manajemen perubahan", Element::Soft);
    area.programs.push(program);
    roadmap.areas.push(area);
    assert_eq!(roadmap.lowest_format_version(), 1);
    roadmap
}

fn app_on(roadmap: &Roadmap) -> (tempfile::TempDir, PathBuf, App) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("rb.ron");
    file::save(&path, roadmap).unwrap();
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
        (1280.0, 2000.0),
        app.view(),
    )
}

/// Empties the field (as selecting all and deleting would), then clicks it and types
/// `typed` key by key.
fn type_into(app: &mut App, field: Field, typed: &str) {
    send(app, draft::Message::FieldChanged(field, String::new()));
    if typed.is_empty() {
        return;
    }
    let messages = {
        let mut ui = ui(app);
        ui.click(id(field_id(field))).expect("the field is in view");
        let _ = ui.typewrite(typed);
        ui.into_messages().collect::<Vec<_>>()
    };
    assert!(!messages.is_empty());
    for message in messages {
        let _ = app.update(message);
    }
}

/// The version written to `path`.
fn written_version(app: &mut App, path: &Path) -> u32 {
    let _ = app.update(Message::Shortcut(Shortcut::Save));
    assert!(!app.document().is_dirty());
    let text = std::fs::read_to_string(path).unwrap();
    let line = text
        .lines()
        .find(|line| line.trim_start().starts_with("format_version"))
        .expect("the file says its version");
    line.trim()
        .trim_start_matches("format_version:")
        .trim_end_matches(',')
        .trim()
        .parse()
        .unwrap()
}

fn undo(app: &mut App) {
    let _ = app.update(Message::Undo);
}

#[test]
fn area_weight_is_typed_undone_and_decides_the_version() {
    let (_folder, path, mut app) = app_on(&version_1());
    send(&mut app, draft::Message::Select(Selection::Area(0)));
    type_into(&mut app, Field::Weight, "2,5");
    assert_eq!(app.roadmap().areas[0].weight, Some(2.5));
    assert_eq!(written_version(&mut app, &path), 2);
    // Not a positive number: refused, the weight stays.
    type_into(&mut app, Field::Weight, "-1");
    assert_eq!(
        app.roadmap().areas[0].weight,
        None,
        "emptied first, then refused"
    );
    assert_eq!(app.draft().unwrap().invalid_entries(), 1);
    type_into(&mut app, Field::Weight, "");
    assert_eq!(app.roadmap().areas[0].weight, None);
    assert_eq!(
        written_version(&mut app, &path),
        1,
        "nothing of version 2 left"
    );
    undo(&mut app);
    assert_eq!(app.roadmap().areas[0].weight, Some(2.5));
}

#[test]
fn indicator_weight_owner_scale_kind_direction_and_range_targets() {
    let (_folder, path, mut app) = app_on(&version_1());
    let at = IndicatorAt::new(0, 0, 0);
    send(&mut app, draft::Message::Select(Selection::Indicator(at)));
    let indicator = |app: &App| app.roadmap().indicator(at).unwrap().clone();

    type_into(&mut app, Field::Weight, "3");
    assert_eq!(indicator(&app).weight, Some(3.0));
    type_into(&mut app, Field::Scale, "0–100");
    assert_eq!(
        indicator(&app).scale,
        Some(Scale {
            min: 0.0,
            max: 100.0
        })
    );
    type_into(&mut app, Field::Scale, "5");
    assert_eq!(indicator(&app).scale, None, "one number is not a scale");
    assert_eq!(app.draft().unwrap().invalid_entries(), 1);
    type_into(&mut app, Field::Scale, "0-5");
    assert_eq!(indicator(&app).scale, Some(Scale { min: 0.0, max: 5.0 }));

    // The owner is picked from the units (pick lists draw their words themselves, so
    // the choice is sent as the list sends it); the program's unit is the default.
    send(
        &mut app,
        draft::Message::Picked(Pick::Owner(Some("bagor".into()))),
    );
    assert_eq!(indicator(&app).owner.as_deref(), Some("bagor"));

    send(&mut app, draft::Message::Picked(Pick::Kind(Kind::Average)));
    assert_eq!(indicator(&app).kind, Kind::Average);
    send(
        &mut app,
        draft::Message::Picked(Pick::Direction(Direction::WithinRange)),
    );
    assert_eq!(indicator(&app).direction, Direction::WithinRange);
    // A milestone cannot be within a range: made one, it is higher-is-better again
    // (undone at once, as a slip of the list).
    send(
        &mut app,
        draft::Message::Picked(Pick::Kind(Kind::Milestone)),
    );
    assert_eq!(indicator(&app).direction, Direction::HigherIsBetter);
    undo(&mut app);
    assert_eq!(indicator(&app).direction, Direction::WithinRange);

    // A range target typed as a spreadsheet user would.
    let q1 = Quarter::new(2025, 1).unwrap();
    send(
        &mut app,
        draft::Message::CellChanged(q1, Cell::Target, String::new()),
    );
    let messages = {
        let mut ui = ui(&app);
        ui.click(id(draft::grid_cell_id(q1, Cell::Target))).unwrap();
        let _ = ui.typewrite("60–80");
        ui.into_messages().collect::<Vec<_>>()
    };
    for message in messages {
        let _ = app.update(message);
    }
    let entry = indicator(&app).target_at(q1).unwrap().clone();
    assert_eq!((entry.target, entry.upper), (60.0, Some(80.0)));
    assert!(ui(&app).find("60–80").is_ok(), "shown as a range");
    assert_eq!(written_version(&mut app, &path), 2);
    let saved = file::load(&path).unwrap();
    assert_eq!(saved.indicator(at).unwrap(), &indicator(&app));

    // Each change is its own undo step, back to the version-1 indicator.
    for _ in 0..7 {
        undo(&mut app);
    }
    assert_eq!(
        indicator(&app),
        version_1().areas[0].programs[0].indicators[0]
    );
    assert_eq!(app.roadmap().lowest_format_version(), 1);
}

#[test]
fn program_quick_win_budget_and_spending_with_absorption() {
    let (_folder, path, mut app) = app_on(&version_1());
    send(&mut app, draft::Message::Select(Selection::Program(0, 0)));
    let messages = {
        let mut ui = ui(&app);
        ui.click("Quick win (diprioritaskan dan dipantau tersendiri)")
            .expect("the quick-win box is shown");
        ui.into_messages().collect::<Vec<_>>()
    };
    for message in messages {
        let _ = app.update(message);
    }
    assert!(app.roadmap().areas[0].programs[0].quick_win);

    type_into(&mut app, Field::AnnualBudget(2025), "900.000.000");
    let q = |n| Quarter::new(2025, n).unwrap();
    type_into(&mut app, Field::Spent(q(1)), "120.000.000");
    type_into(&mut app, Field::Spent(q(2)), "Rp 310.000.000");
    let program = app.roadmap().areas[0].programs[0].clone();
    assert_eq!(program.budget_of(2025), Some(900_000_000));
    assert_eq!(program.spent.get("2025-Q2"), Some(&310_000_000));
    // TW III 2025 is under review: (120 + 310) / 900 = 47,8 %.
    assert!(ui(&app).find("47,8%").is_ok());
    assert_eq!(
        app.report().scores.absorption[0][0].map(|a| (a * 10.0).round() / 10.0),
        Some(47.8)
    );
    assert_eq!(written_version(&mut app, &path), 2);

    // Emptied, a quarter's spending is gone from the file.
    type_into(&mut app, Field::Spent(q(2)), "");
    assert_eq!(
        app.roadmap().areas[0].programs[0].spent.get("2025-Q2"),
        None
    );
    type_into(&mut app, Field::Spent(q(1)), "");
    type_into(&mut app, Field::AnnualBudget(2025), "");
    send(&mut app, draft::Message::Picked(Pick::QuickWin(false)));
    assert_eq!(written_version(&mut app, &path), 1);
}

#[test]
fn document_scoring_settings_cap_missing_rating_and_bands() {
    let (_folder, path, mut app) = app_on(&version_1());
    send(&mut app, draft::Message::Select(Selection::Document));
    type_into(&mut app, Field::Cap, "120");
    assert_eq!(app.roadmap().scoring().cap, Some(120.0));
    type_into(&mut app, Field::Cap, "90");
    assert_eq!(app.roadmap().scoring().cap, None, "below 100 is refused");
    type_into(&mut app, Field::Cap, "110");
    assert_eq!(app.roadmap().scoring().cap, Some(110.0));

    send(
        &mut app,
        draft::Message::Picked(Pick::Missing(MissingScore::Exclude)),
    );
    assert_eq!(app.roadmap().scoring().missing, MissingScore::Exclude);

    send(
        &mut app,
        draft::Message::Picked(Pick::Rating(RatingChoice::Sakip)),
    );
    assert_eq!(app.roadmap().scoring().rating, RatingScale::Sakip);

    // Own bands start from Permendagri 86's and are edited in place.
    send(
        &mut app,
        draft::Message::Picked(Pick::Rating(RatingChoice::Custom)),
    );
    let bands = |app: &App| match &app.roadmap().scoring().rating {
        RatingScale::Custom(bands) => bands.clone(),
        other => panic!("not custom: {other:?}"),
    };
    assert_eq!(bands(&app).len(), 5);
    assert_eq!(bands(&app)[0].label, "Sangat Tinggi");
    type_into(&mut app, Field::BandLabel(0), "Istimewa");
    type_into(&mut app, Field::BandMin(0), "95");
    assert_eq!(
        bands(&app)[0],
        Band {
            min: 95.0,
            label: "Istimewa".into()
        }
    );
    send(&mut app, draft::Message::Picked(Pick::RemoveBand(4)));
    send(&mut app, draft::Message::Picked(Pick::AddBand));
    let now = bands(&app);
    assert_eq!(now.len(), 5);
    assert_eq!(now[4].min, 41.0, "a new band goes below the lowest");
    assert!(ui(&app).find(id(field_id(Field::BandLabel(4)))).is_ok());
    assert_eq!(written_version(&mut app, &path), 2);
    assert_eq!(
        file::load(&path).unwrap().scoring(),
        app.roadmap().scoring()
    );

    // Back to the defaults: no scoring settings at all, version 1 again.
    send(
        &mut app,
        draft::Message::Picked(Pick::Rating(RatingChoice::None)),
    );
    send(
        &mut app,
        draft::Message::Picked(Pick::Missing(MissingScore::Zero)),
    );
    type_into(&mut app, Field::Cap, "");
    assert_eq!(app.roadmap().scoring, None);
    assert_eq!(written_version(&mut app, &path), 1);
}
