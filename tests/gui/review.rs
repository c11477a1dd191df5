//! The review screen (monev triwulan) driven like a user would: through the app's
//! messages and, for typing, through iced's headless simulator.

use crate::support::ui;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use iced::widget::text_editor;
use iced_test::Simulator;
use iced_test::selector::{self, Candidate};
use reform_roadmap::export::Format;
use reform_roadmap::gui::app::{App, Message, Options};
use reform_roadmap::gui::notice::Tone;
use reform_roadmap::gui::screen::Tab;
use reform_roadmap::gui::screen::review::{
    self as screen, ActualError, Message as R, Sort, StatusFilter, actual_id,
};
use reform_roadmap::locale::Language;
use reform_roadmap::model::{Kind as IndicatorKind, Quarter, Roadmap};
use reform_roadmap::review::{Status, evaluate};

/// In TW IV 2025 the last ended quarter is TW III 2025: the sample's busiest.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 10, 15).unwrap()
}

fn q(year: i32, number: u8) -> Quarter {
    Quarter::new(year, number).unwrap()
}

fn app_on(file: Option<&Path>) -> App {
    let mut app = App::new(Options {
        file: file.map(Path::to_owned),
        config_path: None,
        recovery_folder: None,
        today: today(),
    });
    let _ = app.update(Message::SwitchTo(Tab::Review));
    assert_eq!(app.tab(), Tab::Review);
    app
}

fn send(app: &mut App, message: R) {
    let _ = app.update(Message::Review(message));
}

fn state(app: &App) -> &screen::Reviewing {
    app.review().expect("the review screen is shown")
}

fn row_ids(app: &App) -> Vec<String> {
    let report = app.report();
    state(app)
        .rows()
        .iter()
        .map(|&i| report.indicators[i].id.clone())
        .collect()
}

/// The status word shown on the row whose actual input has `input_id`: the chip is
/// the status text left of the input, level with it.
fn chip_of(ui: &mut Simulator<'_, Message>, input_id: &str) -> String {
    let input = ui
        .find(selector::id(input_id.to_owned()))
        .expect("the actual input is in view")
        .bounds();
    let words: Vec<String> = Status::ALL
        .iter()
        .map(|s| s.label(Language::Indonesian))
        .collect();
    ui.find(move |candidate: Candidate<'_>| match candidate {
        Candidate::Text {
            bounds, content, ..
        } if words.iter().any(|w| w == content)
            && bounds.x < input.x
            && (bounds.center_y() - input.center_y()).abs() < 24.0 =>
        {
            Some(content.to_owned())
        }
        _ => None,
    })
    .expect("a status chip on the row")
}

fn input_text(ui: &mut Simulator<'_, Message>, input_id: &str) -> String {
    match ui.find(selector::id(input_id.to_owned())).unwrap() {
        selector::Target::TextInput { content, .. } => content,
        other => panic!("not a text input: {other:?}"),
    }
}

fn type_into(app: &mut App, input_id: &str, typed: &str) {
    let messages = {
        let mut ui = ui(app);
        ui.click(selector::id(input_id.to_owned()))
            .expect("the input can be clicked");
        ui.typewrite(typed);
        ui.into_messages().collect::<Vec<_>>()
    };
    assert!(!messages.is_empty(), "typing produced no message");
    for message in messages {
        let _ = app.update(message);
    }
}

/// A `Level` indicator that is not reported at the quarter: its input is empty.
fn unreported_level(app: &App) -> (String, f64) {
    let context = app.context();
    state(app)
        .lines(&context)
        .into_iter()
        .find(|line| {
            line.status() == Status::Missing
                && line.indicator.kind == IndicatorKind::Level
                && line.takes_actual()
        })
        .map(|line| (line.review.id.clone(), line.entry().unwrap().target))
        .expect("the sample has an unreported level indicator at TW III 2025")
}

#[test]
fn statuses_equal_the_engine_for_every_indicator_and_quarter() {
    let mut app = app_on(None);
    send(&mut app, R::StatusSelected(StatusFilter::All));
    let roadmap: Roadmap = reform_roadmap::sample::sample();
    for quarter in [q(2025, 1), q(2025, 2), q(2025, 3), q(2025, 4), q(2026, 1)] {
        send(&mut app, R::QuarterSelected(quarter));
        assert_eq!(app.quarter(), quarter);
        let context = app.context();
        let lines = state(&app).lines(&context);
        assert_eq!(lines.len(), roadmap.indicator_count(), "{quarter}");
        let expected: Vec<_> = roadmap
            .indicators()
            .map(|(_, _, indicator)| {
                (
                    indicator.id.clone(),
                    evaluate(indicator, roadmap.rules, quarter),
                )
            })
            .collect();
        for (line, (id, evaluation)) in lines.iter().zip(&expected) {
            assert_eq!(&line.review.id, id);
            assert_eq!(line.status(), evaluation.status, "{id} at {quarter}");
            let shown = evaluation
                .achievement
                .map(|a| Language::Indonesian.percent(a))
                .unwrap_or_else(|| "—".into());
            assert_eq!(line.achievement_text(Language::Indonesian), shown, "{id}");
        }
    }
    // And on screen: the chip of the first row carries the engine's word.
    send(&mut app, R::QuarterSelected(q(2025, 3)));
    let (id, _) = unreported_level(&app);
    let mut ui = ui(&app);
    assert_eq!(chip_of(&mut ui, &actual_id(&id)), "Belum dilaporkan");
}

#[test]
fn typing_an_actual_in_place_changes_the_status() {
    let mut app = app_on(None);
    assert_eq!(app.quarter(), q(2025, 3));
    let (id, target) = unreported_level(&app);
    let input = actual_id(&id);
    {
        let mut ui = ui(&app);
        assert_eq!(chip_of(&mut ui, &input), "Belum dilaporkan");
        // Empty: the selector reads the placeholder.
        assert_eq!(input_text(&mut ui, &input), "isi");
    }

    // The target itself, written the Indonesian way: achievement 100%.
    let typed = Language::Indonesian.number(target, 2);
    type_into(&mut app, &input, &typed);

    let line = app.report().get(&id).unwrap();
    assert_eq!(line.status(), Status::OnTrack);
    assert_eq!(line.evaluation.achievement, Some(100.0));
    assert!(app.document().is_dirty());
    // The row stays where it was typed, although it is no longer flagged.
    assert!(row_ids(&app).contains(&id));
    assert!(state(&app).is_stale());
    let mut ui = ui(&app);
    assert_eq!(chip_of(&mut ui, &input), "Sesuai target");
    assert_eq!(input_text(&mut ui, &input), typed);
    assert!(ui.find("100%").is_ok());
    drop(ui);

    // Refreshing the list applies the flagged filter again; undo brings it back.
    send(&mut app, R::Reapply);
    assert!(!row_ids(&app).contains(&id));
    let _ = app.update(Message::Undo);
    assert_eq!(app.report().get(&id).unwrap().status(), Status::Missing);
    assert!(state(&app).is_stale());
}

#[test]
fn invalid_actual_text_is_kept_and_marked() {
    let mut app = app_on(None);
    let (id, _) = unreported_level(&app);
    let input = actual_id(&id);
    type_into(&mut app, &input, "12,,5");

    let quarter = app.quarter();
    assert_eq!(
        state(&app).typed_actual(&id, quarter),
        Some(("12,,5", Some(ActualError::NotANumber)))
    );
    assert_eq!(state(&app).invalid_entries(), 1);
    // `12,` read and went in, `12,,` did not: the document holds what it held before
    // the typing began (nothing); the text stays as typed.
    assert_eq!(app.report().get(&id).unwrap().evaluation.actual, None);
    {
        let mut ui = ui(&app);
        assert_eq!(input_text(&mut ui, &input), "12,,5");
        assert!(ui.find("bukan angka").is_ok(), "marked in place");
    }

    // Not dropped when the focus or the quarter moves away and back.
    send(&mut app, R::StatusSelected(StatusFilter::AtRisk));
    assert!(row_ids(&app).contains(&id), "kept in view while invalid");
    send(&mut app, R::QuarterSelected(q(2025, 2)));
    send(&mut app, R::QuarterSelected(q(2025, 3)));
    assert_eq!(
        state(&app).typed_actual(&id, quarter).map(|t| t.0),
        Some("12,,5")
    );

    // Text that is wrong from its first letter changes nothing in the document.
    let other = {
        send(&mut app, R::StatusSelected(StatusFilter::Flagged));
        // `id` is still unreported: the invalid text never reached the document.
        let context = app.context();
        state(&app)
            .lines(&context)
            .into_iter()
            .find(|line| {
                line.status() == Status::Missing
                    && line.indicator.kind == IndicatorKind::Level
                    && line.takes_actual()
                    && line.review.id != id
            })
            .map(|line| line.review.id.clone())
            .expect("another unreported level indicator")
    };
    // Bring it to the top of the table (the invalid entry stays listed too).
    send(&mut app, R::SearchChanged(other.clone()));
    assert_eq!(row_ids(&app).len(), 2);
    let dirty_before = app.roadmap().clone();
    type_into(&mut app, &actual_id(&other), "x7");
    assert_eq!(app.roadmap(), &dirty_before);
    assert_eq!(state(&app).invalid_entries(), 2);
    {
        let mut ui = ui(&app);
        assert_eq!(input_text(&mut ui, &actual_id(&other)), "x7");
    }

    // Corrected, it goes into the document (`12.5` reads as 12,5 too).
    let index = app
        .report()
        .indicators
        .iter()
        .position(|l| l.id == id)
        .unwrap();
    send(&mut app, R::ActualChanged(index, "12.5".into()));
    assert_eq!(state(&app).invalid_entries(), 1);
    assert_eq!(app.report().get(&id).unwrap().evaluation.actual, Some(12.5));
}

#[test]
fn filters_and_search_give_the_right_rows() {
    let mut app = app_on(None);
    let roadmap = reform_roadmap::sample::sample();
    let report = app.report().clone();

    let flagged: Vec<String> = report.flagged_ids();
    assert!(!flagged.is_empty());
    assert_eq!(row_ids(&app), flagged, "flagged is the default focus");

    send(&mut app, R::StatusSelected(StatusFilter::AtRisk));
    let at_risk: Vec<String> = report
        .indicators
        .iter()
        .filter(|l| l.status() == Status::AtRisk)
        .map(|l| l.id.clone())
        .collect();
    assert_eq!(row_ids(&app), at_risk);

    send(&mut app, R::StatusSelected(StatusFilter::All));
    let all: Vec<String> = roadmap.indicators().map(|(_, _, i)| i.id.clone()).collect();
    assert_eq!(row_ids(&app), all);

    send(&mut app, R::AreaSelected(Some(1)));
    let area: Vec<String> = roadmap.areas[1]
        .programs
        .iter()
        .flat_map(|p| p.indicators.iter().map(|i| i.id.clone()))
        .collect();
    assert_eq!(row_ids(&app), area);
    send(&mut app, R::AreaSelected(None));

    send(&mut app, R::UnitSelected(Some("inspektorat".into())));
    let unit: Vec<String> = roadmap
        .indicators()
        .filter(|(_, p, i)| i.owner_in(p) == Some("inspektorat"))
        .map(|(_, _, i)| i.id.clone())
        .collect();
    assert!(!unit.is_empty());
    assert_eq!(row_ids(&app), unit);
    send(&mut app, R::UnitSelected(None));

    send(&mut app, R::SearchChanged("IKD".into()));
    let found = row_ids(&app);
    assert!(!found.is_empty());
    for id in &found {
        let (_, program, indicator) = roadmap.indicators().find(|(_, _, i)| &i.id == id).unwrap();
        let text = format!("{} {} {}", indicator.name, indicator.id, program.name).to_lowercase();
        assert!(text.contains("ikd"), "{id}");
    }
    send(&mut app, R::SearchChanged("tidak ada yang cocok".into()));
    assert!(row_ids(&app).is_empty());
    {
        let mut ui = ui(&app);
        assert!(
            ui.find("Tidak ada indikator yang sesuai dengan filter ini.")
                .is_ok()
        );
    }
    send(&mut app, R::SearchChanged(String::new()));

    send(&mut app, R::UnexplainedOnlyToggled(true));
    let unexplained: Vec<String> = report.unexplained().map(|l| l.id.clone()).collect();
    assert!(!unexplained.is_empty());
    assert_eq!(row_ids(&app), unexplained);
    send(&mut app, R::UnexplainedOnlyToggled(false));

    send(&mut app, R::SortSelected(Sort::Achievement));
    let shown: Vec<Option<f64>> = state(&app)
        .rows()
        .iter()
        .map(|&i| app.report().indicators[i].evaluation.achievement)
        .collect();
    let measured: Vec<f64> = shown.iter().flatten().copied().collect();
    assert!(measured.windows(2).all(|w| w[0] <= w[1]));
    assert!(shown[measured.len()..].iter().all(Option::is_none));
}

#[test]
fn explaining_a_flagged_row_in_place() {
    let mut app = app_on(None);
    let line = app.report().unexplained().next().unwrap().clone();
    let index = app
        .report()
        .indicators
        .iter()
        .position(|l| l.id == line.id)
        .unwrap();
    send(&mut app, R::Explain(index));
    assert_eq!(state(&app).expanded(), Some(index));
    {
        let mut ui = ui(&app);
        assert!(ui.find("Belum dijelaskan").is_ok());
        for field in [screen::TextField::Obstacle, screen::TextField::FollowUp] {
            assert!(
                ui.find(selector::id(screen::text_id(field, &line.id)))
                    .is_ok()
            );
        }
    }
    send(
        &mut app,
        R::TextChanged(
            index,
            screen::TextField::Obstacle,
            "Anggaran terlambat".into(),
        ),
    );
    send(
        &mut app,
        R::TextChanged(
            index,
            screen::TextField::FollowUp,
            "Usulan perubahan anggaran TW IV".into(),
        ),
    );
    let now = app.report().get(&line.id).unwrap();
    assert!(now.is_flagged());
    assert!(!now.unexplained);
    let entry = app
        .roadmap()
        .indicators()
        .find(|(_, _, i)| i.id == line.id)
        .unwrap()
        .2
        .target_at(app.quarter())
        .unwrap()
        .clone();
    assert_eq!(entry.obstacle.as_deref(), Some("Anggaran terlambat"));
    assert_eq!(
        entry.follow_up.as_deref(),
        Some("Usulan perubahan anggaran TW IV")
    );
}

#[test]
fn marking_a_milestone_done_at_the_quarter() {
    let mut app = app_on(None);
    let quarter = app.quarter();
    let (index, id) = app
        .report()
        .indicators
        .iter()
        .enumerate()
        .find(|(_, l)| l.status() == Status::Behind && l.evaluation.target.is_none())
        .map(|(i, l)| (i, l.id.clone()))
        .expect("a milestone past due at TW III 2025");
    send(&mut app, R::MilestoneToggled(index, true));
    let (_, _, indicator) = app
        .roadmap()
        .indicators()
        .find(|(_, _, i)| i.id == id)
        .unwrap();
    assert_eq!(indicator.done, Some(quarter));
    assert_eq!(app.report().get(&id).unwrap().status(), Status::OnTrack);
}

#[test]
fn recording_a_review_survives_save_and_reload() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sukamaju.roadmap.ron");
    reform_roadmap::file::save(&path, &reform_roadmap::sample::sample()).unwrap();
    let mut app = app_on(Some(&path));
    let before = app.roadmap().reviews.len();
    let flagged = app.report().flagged_ids();

    // Missing reviewer and a wrong date: nothing is recorded.
    send(&mut app, R::DateChanged("2025-10-32".into()));
    send(&mut app, R::Record);
    assert_eq!(app.roadmap().reviews.len(), before);
    assert_eq!(
        state(&app).form().problems(&app.context()),
        vec![
            screen::FormProblem::NoReviewer,
            screen::FormProblem::BadDate
        ]
    );

    send(
        &mut app,
        R::ReviewerChanged("Tim RB Kabupaten Sukamaju".into()),
    );
    send(&mut app, R::DateChanged("2025-10-20".into()));
    send(
        &mut app,
        R::NotesEdited(text_editor::Action::Edit(text_editor::Edit::Paste(
            Arc::new("Rapat monev TW III.\nBappeda menindaklanjuti.".into()),
        ))),
    );
    send(&mut app, R::Record);
    assert_eq!(app.roadmap().reviews.len(), before + 1);
    assert!(app.document().is_dirty());

    let _ = app.update(Message::Save);
    assert!(!app.document().is_dirty());
    let reloaded = reform_roadmap::file::load(&path).unwrap();
    let review = reloaded.reviews.last().unwrap();
    assert_eq!(reloaded.reviews.len(), before + 1);
    assert_eq!(review.quarter, q(2025, 3));
    assert_eq!(review.date, NaiveDate::from_ymd_opt(2025, 10, 20).unwrap());
    assert_eq!(review.reviewer, "Tim RB Kabupaten Sukamaju");
    assert_eq!(
        review.notes.as_deref(),
        Some("Rapat monev TW III.\nBappeda menindaklanjuti.")
    );
    assert_eq!(review.flagged, flagged);

    // The history opens it: its quarter, its flagged list beside today's.
    send(&mut app, R::QuarterSelected(q(2025, 1)));
    send(&mut app, R::OpenReview(before));
    assert_eq!(app.quarter(), q(2025, 3));
    assert_eq!(state(&app).opened(), Some(before));
    let compared = screen::compare(review, app.report(), app.roadmap());
    assert!(
        compared
            .iter()
            .all(|c| c.difference == screen::Difference::StillFlagged)
    );
    let mut ui = ui(&app);
    assert!(
        ui.find("Rapat monev TW III.\nBappeda menindaklanjuti.")
            .is_ok()
    );
}

#[test]
fn opening_an_older_review_switches_to_its_quarter() {
    let mut app = app_on(None);
    let recorded = app.roadmap().reviews[0].clone();
    send(&mut app, R::OpenReview(0));
    assert_eq!(app.quarter(), recorded.quarter);
    assert_eq!(state(&app).opened(), Some(0));
    // Another quarter closes it: what is shown is no longer that review's quarter.
    send(&mut app, R::QuarterSelected(recorded.quarter.next()));
    assert_eq!(state(&app).opened(), None);
}

#[test]
fn exports_write_the_report_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(None);
    for (format, name, written) in [
        (Format::Csv, "monev", "monev.csv"),
        (Format::Html, "laporan.html", "laporan.html"),
        (Format::Xlsx, "monev-tw3.xlsx", "monev-tw3.xlsx"),
    ] {
        send(&mut app, R::ExportTo(format, dir.path().join(name)));
        let notice = app.notice().expect("a notice").clone();
        assert_eq!(notice.tone, Tone::Info, "{}", notice.text);
        assert!(notice.text.contains(written), "{}", notice.text);
        assert!(dir.path().join(written).metadata().unwrap().len() > 0);
    }
    let csv = std::fs::read_to_string(dir.path().join("monev.csv")).unwrap();
    assert!(csv.contains("mp-2-a"));

    send(
        &mut app,
        R::ExportTo(Format::Csv, dir.path().join("no-such-folder/monev.csv")),
    );
    assert_eq!(app.notice().unwrap().tone, Tone::Error);
}

#[test]
fn read_only_documents_cannot_be_edited_here() {
    let roadmap = reform_roadmap::sample::sample();
    let quarter = q(2025, 3);
    let report = reform_roadmap::review::review(&roadmap, quarter);
    let context = reform_roadmap::gui::contract::Context {
        quarter,
        read_only: true,
        today: today(),
        ..crate::support::context(&roadmap, &report)
    };
    let mut state = screen::Reviewing::new(&context);
    let index = 0;
    for message in [
        R::ActualChanged(index, "5".into()),
        R::TextChanged(index, screen::TextField::Obstacle, "x".into()),
        R::MilestoneToggled(index, true),
        R::ReviewerChanged("Tim".into()),
        R::Record,
    ] {
        assert!(
            !matches!(
                state.update(message, &context),
                reform_roadmap::gui::contract::Action::Change(_)
            ),
            "no change on a read-only document"
        );
    }
}

#[test]
fn only_the_rows_in_view_are_built() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.roadmap.ron");
    let roadmap = reform_roadmap::synthetic::generated_roadmap(2000, 5);
    reform_roadmap::file::save(&path, &roadmap).unwrap();
    let mut app = app_on(Some(&path));
    send(&mut app, R::StatusSelected(StatusFilter::All));
    assert_eq!(state(&app).rows().len(), 2000);
    let ids: Vec<String> = roadmap.indicators().map(|(_, _, i)| i.id.clone()).collect();
    let mut ui = ui(&app);
    let takes_actual = |id: &str| {
        let line = app.report().get(id).unwrap();
        line.evaluation.target.is_some()
    };
    let first = ids.iter().find(|id| takes_actual(id)).unwrap();
    assert!(ui.find(selector::id(actual_id(first))).is_ok());
    for id in ids.iter().skip(40).step_by(97) {
        assert!(
            ui.find(selector::id(actual_id(id))).is_err(),
            "{id} is far below the view and must not be built"
        );
    }
}
