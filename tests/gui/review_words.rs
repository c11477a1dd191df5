//! What the review screen says: changes since the previous quarter said apart, a late
//! milestone explained like a late number, what a half-explained row shows, long names
//! cut at a word, the file name on one line, counts in the singular, and notices that
//! follow a language switch.

use std::path::Path;

use chrono::NaiveDate;
use iced::Rectangle;
use iced_test::Simulator;
use iced_test::selector::{self, Candidate};
use reform_roadmap::export::Format;
use reform_roadmap::gui::app::{App, Message, Options};
use reform_roadmap::gui::notice::Tone;
use reform_roadmap::gui::screen::Tab;
use reform_roadmap::gui::screen::review::{
    self as screen, Line, Message as R, StatusFilter, TextField, Trend,
};
use reform_roadmap::locale::Language;
use reform_roadmap::model::{Kind, Quarter};
use reform_roadmap::review::Status;

fn q(year: i32, number: u8) -> Quarter {
    Quarter::new(year, number).unwrap()
}

fn app_on(file: Option<&Path>) -> App {
    let mut app = App::new(Options {
        file: file.map(Path::to_owned),
        config_path: None,
        recovery_folder: None,
        today: NaiveDate::from_ymd_opt(2025, 10, 15).unwrap(),
    });
    let _ = app.update(Message::SwitchTo(Tab::Review));
    app
}

fn send(app: &mut App, message: R) {
    let _ = app.update(Message::Review(message));
}

fn state(app: &App) -> &screen::Reviewing {
    app.review().expect("the review screen is shown")
}

/// Every text drawn at `size`, with where it is.
fn texts_at(app: &App, size: (f32, f32)) -> Vec<(String, Rectangle)> {
    let mut ui = Simulator::with_size(reform_roadmap::gui::settings(), size, app.view());
    let mut found = Vec::new();
    // The selector never matches: it only looks at every candidate on its way.
    let _ = ui.find(|candidate: Candidate<'_>| {
        if let Candidate::Text {
            bounds, content, ..
        } = candidate
        {
            found.push((content.to_owned(), bounds));
        }
        None::<()>
    });
    found
}

fn texts(app: &App) -> Vec<String> {
    texts_at(app, (1280.0, 800.0))
        .into_iter()
        .map(|(content, _)| content)
        .collect()
}

fn index_of(app: &App, id: &str) -> usize {
    app.report()
        .indicators
        .iter()
        .position(|line| line.id == id)
        .unwrap()
}

#[test]
fn changes_since_the_previous_quarter_are_said_apart() {
    let mut app = app_on(None);
    send(&mut app, R::StatusSelected(StatusFilter::Changed));
    let mut seen = [0usize; 3];
    for quarter in [q(2025, 2), q(2025, 3), q(2025, 4), q(2026, 1)] {
        send(&mut app, R::QuarterSelected(quarter));
        let report = app.report().clone();
        // Newly behind are behind now, newly missing are missing now, and recovered
        // are on track or at risk now (a row without a target has not recovered).
        assert!(
            report.newly_behind.len() <= report.summary.behind,
            "{quarter}"
        );
        assert!(
            report.newly_missing.len() <= report.summary.missing,
            "{quarter}"
        );
        let context = app.context();
        let lines = state(&app).lines(&context);
        assert_eq!(
            lines.len(),
            report.newly_behind.len() + report.newly_missing.len() + report.recovered.len()
        );
        for line in &lines {
            let allowed: &[Status] = match line.trend(&context) {
                Some(Trend::NewlyBehind) => &[Status::Behind],
                Some(Trend::NewlyMissing) => &[Status::Missing],
                Some(Trend::Recovered) => &[Status::OnTrack, Status::AtRisk],
                None => panic!("{} listed as changed without a change", line.review.id),
            };
            assert!(
                allowed.contains(&line.status()),
                "{} {quarter}",
                line.review.id
            );
        }
        // The summary says the three apart, with the engine's counts.
        let drawn = texts(&app);
        for (words, count) in [
            ("Baru tertinggal", report.newly_behind.len()),
            ("Baru belum dilaporkan", report.newly_missing.len()),
            ("Pulih", report.recovered.len()),
        ] {
            let label = format!("{words}: {count}");
            assert!(drawn.contains(&label), "{label} at {quarter}");
        }
        seen[0] += report.newly_behind.len();
        seen[1] += report.newly_missing.len();
        seen[2] += report.recovered.len();
    }
    assert!(
        seen.iter().all(|&n| n > 0),
        "the sample shows each change: {seen:?}"
    );
}

#[test]
fn a_late_milestone_asks_for_kendala_and_tindak_lanjut() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sukamaju.roadmap.ron");
    // The sample explains its late milestones already: here none is yet.
    let mut roadmap = reform_roadmap::sample::sample();
    for area in &mut roadmap.areas {
        for program in &mut area.programs {
            for indicator in &mut program.indicators {
                indicator.obstacle = None;
                indicator.follow_up = None;
            }
        }
    }
    reform_roadmap::file::save(&path, &roadmap).unwrap();

    let mut app = app_on(Some(&path));
    assert_eq!(app.quarter(), q(2025, 3));
    let line = app
        .report()
        .indicators
        .iter()
        .find(|line| {
            line.status() == Status::Behind
                && app.roadmap().indicator(line.at()).unwrap().kind == Kind::Milestone
        })
        .expect("a late milestone at TW III 2025")
        .clone();
    assert!(
        line.unexplained,
        "a late milestone without kendala is unexplained"
    );
    let index = index_of(&app, &line.id);
    send(&mut app, R::SearchChanged(line.id.clone()));
    assert!(texts(&app).contains(&"Belum dijelaskan".to_owned()));

    // The row opens with the two fields, like a late number's.
    send(&mut app, R::Explain(index));
    {
        let mut ui =
            Simulator::with_size(reform_roadmap::gui::settings(), (1280.0, 800.0), app.view());
        for field in [TextField::Obstacle, TextField::FollowUp] {
            assert!(
                ui.find(selector::id(screen::text_id(field, &line.id)))
                    .is_ok(),
                "{field:?}"
            );
        }
    }
    send(
        &mut app,
        R::TextChanged(index, TextField::Obstacle, "Regulasi belum terbit".into()),
    );
    let half = app.report().get(&line.id).unwrap().clone();
    assert!(half.unexplained);
    let drawn = texts(&app);
    assert!(
        drawn.contains(&"K: Regulasi belum terbit".to_owned()),
        "{drawn:?}"
    );
    assert!(drawn.contains(&"TL: belum diisi".to_owned()));

    send(
        &mut app,
        R::TextChanged(index, TextField::FollowUp, "Koordinasi biro hukum".into()),
    );
    assert!(!app.report().get(&line.id).unwrap().unexplained);
    let drawn = texts(&app);
    assert!(drawn.contains(&"TL: Koordinasi biro hukum".to_owned()));

    // Saved on the milestone itself (format version 2 fields).
    let _ = app.update(Message::Save);
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("format_version: 2"));
    let reloaded = reform_roadmap::file::load(&path).unwrap();
    let (_, _, milestone) = reloaded
        .indicators()
        .find(|(_, _, i)| i.id == line.id)
        .unwrap();
    assert_eq!(milestone.obstacle.as_deref(), Some("Regulasi belum terbit"));
    assert_eq!(
        milestone.follow_up.as_deref(),
        Some("Koordinasi biro hukum")
    );
}

#[test]
fn a_half_explained_row_shows_its_kendala_and_what_is_missing() {
    let mut app = app_on(None);
    let id = app
        .report()
        .unexplained()
        .find(|line| {
            let indicator = app.roadmap().indicator(line.at()).unwrap();
            indicator.kind != Kind::Milestone
                && indicator
                    .target_at(app.quarter())
                    .is_some_and(|entry| entry.obstacle.is_none() && entry.follow_up.is_none())
        })
        .expect("an unexplained number at TW III 2025")
        .id
        .clone();
    let index = index_of(&app, &id);
    send(&mut app, R::SearchChanged(id.clone()));
    let kendala = "Pengadaan aplikasi terlambat karena revisi anggaran perubahan \
                   belum disahkan DPRD sampai akhir triwulan";
    send(
        &mut app,
        R::TextChanged(index, TextField::Obstacle, kendala.into()),
    );
    let drawn = texts(&app);
    let shown = drawn
        .iter()
        .find_map(|text| text.strip_prefix("K: "))
        .expect("the kendala on the row");
    // Cut at a word, with an ellipsis.
    let kept = shown.strip_suffix('…').expect("a long kendala is cut");
    assert!(kendala.starts_with(kept), "{shown}");
    assert_eq!(kendala[kept.len()..].chars().next(), Some(' '), "{shown}");
    assert!(drawn.contains(&"TL: belum diisi".to_owned()), "{drawn:?}");
    assert!(!drawn.contains(&"Belum dijelaskan".to_owned()));
}

#[test]
fn long_unit_and_area_names_are_cut_at_a_word() {
    let mut app = app_on(None);
    send(&mut app, R::StatusSelected(StatusFilter::All));
    let context = app.context();
    let long = state(&app)
        .lines(&context)
        .into_iter()
        .find(|line| line.unit.is_some_and(|unit| unit.chars().count() > 40))
        .map(|line: Line<'_>| line.review.id.clone())
        .expect("a row of a unit with a long name");
    send(&mut app, R::SearchChanged(long.clone()));
    let context = app.context();
    let line = state(&app).lines(&context)[0];
    let unit = line.unit.unwrap().to_owned();
    let area = line.area.name.clone();
    // Cut at a word: what is kept is followed by a space in the whole name.
    let cut_at_word = |shown: &str, whole: &str| {
        shown
            .strip_suffix('…')
            .is_some_and(|kept| whole.starts_with(kept) && whole[kept.len()..].starts_with(' '))
    };
    for size in [(1280.0, 800.0), (1024.0, 640.0)] {
        let drawn = texts_at(&app, size);
        let (place, bounds) = drawn
            .iter()
            .find(|(text, _)| text.split(" · ").count() == 3)
            .unwrap_or_else(|| panic!("the row's place at {size:?}"));
        let parts: Vec<&str> = place.split(" · ").collect();
        assert!(cut_at_word(parts[2], &unit), "{place} at {size:?}");
        assert!(
            parts[0] == area || cut_at_word(parts[0], &area),
            "{place} at {size:?}"
        );
        // The line fits its column: nothing of it is clipped.
        let (_, achievement) = drawn
            .iter()
            .find(|(text, _)| text == "Target")
            .expect("the target heading");
        assert!(
            bounds.x + bounds.width < achievement.x,
            "{place} runs under the target column at {size:?}"
        );
    }
}

#[test]
fn the_file_name_stays_on_one_line_at_1024_by_640() {
    let dir = tempfile::tempdir().unwrap();
    let name = "road-map-reformasi-birokrasi-pemerintah-kabupaten-sukamaju-2025-2029-revisi-ketiga.roadmap.ron";
    let path = dir.path().join(name);
    reform_roadmap::file::save(&path, &reform_roadmap::sample::sample()).unwrap();
    let app = app_on(Some(&path));
    let drawn = texts_at(&app, (1024.0, 640.0));
    // However little room the header leaves it, the name is cut to fit, not wrapped.
    let (shown, bounds) = drawn
        .iter()
        .find(|(content, bounds)| {
            bounds.y < 60.0
                && content
                    .strip_suffix('…')
                    .is_some_and(|kept| kept.len() >= 2 && name.starts_with(kept))
        })
        .unwrap_or_else(|| panic!("the file name in the header: {drawn:?}"));
    assert!(
        bounds.height < 20.0,
        "one line, not wrapped: {shown} {bounds:?}"
    );
    assert!(bounds.x + bounds.width <= 1024.0, "{bounds:?}");
}

#[test]
fn counts_are_singular_or_plural_in_english() {
    let mut app = app_on(None);
    let _ = app.update(Message::LanguageSelected(Language::English));
    let (id, index) = {
        let line = app
            .report()
            .flagged()
            .find(|line| app.roadmap().indicator(line.at()).unwrap().kind == Kind::Level)
            .unwrap();
        (line.id.clone(), index_of(&app, &line.id))
    };
    send(&mut app, R::ActualChanged(index, "5O".into()));
    assert_eq!(state(&app).invalid_entries(), 1, "{id}");
    let drawn = texts(&app);
    assert!(
        drawn
            .iter()
            .any(|text| text.starts_with("1 typed actual is not a number")),
        "{drawn:?}"
    );
}

#[test]
fn a_notice_follows_a_language_switch() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(None);
    send(
        &mut app,
        R::ExportTo(Format::Csv, dir.path().join("monev.csv")),
    );
    let before = app.notice().expect("a notice").text.clone();
    assert!(
        before.starts_with("Laporan monev TW III 2025 disimpan"),
        "{before}"
    );
    let _ = app.update(Message::LanguageSelected(Language::English));
    let after = app.notice().expect("still shown").text.clone();
    assert!(
        after.starts_with("Review report for Q3 2025 saved"),
        "{after}"
    );
    assert!(after.contains("monev.csv"));
    let _ = app.update(Message::LanguageSelected(Language::Indonesian));
    assert_eq!(app.notice().unwrap().text, before);
}

#[test]
fn an_export_with_a_red_actual_says_the_report_lacks_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(None);
    let index = {
        let line = app
            .report()
            .flagged()
            .find(|line| app.roadmap().indicator(line.at()).unwrap().kind == Kind::Level)
            .unwrap();
        index_of(&app, &line.id.clone())
    };
    send(&mut app, R::ActualChanged(index, "5O".into()));
    send(
        &mut app,
        R::ExportTo(Format::Csv, dir.path().join("monev.csv")),
    );
    let notice = app.notice().expect("a notice").clone();
    assert_eq!(notice.tone, Tone::Error, "{}", notice.text);
    assert!(
        notice
            .text
            .starts_with("Laporan monev TW III 2025 disimpan")
            && notice
                .text
                .contains("1 isian realisasi bertanda merah bukan angka"),
        "{}",
        notice.text
    );
    let _ = app.update(Message::LanguageSelected(Language::English));
    let english = app.notice().unwrap().text.clone();
    assert!(
        english.contains("1 typed actual marked red is not a number"),
        "{english}"
    );
}

#[test]
fn the_table_stays_in_place_when_a_notice_appears() {
    // An invalid actual brings a notice; it floats over the table, which must not move
    // (when it pushed the table down, the next click landed a row off).
    let mut app = app_on(None);
    let _ = app.update(Message::LanguageSelected(Language::English));
    let heading_at = |app: &App| {
        texts_at(app, (1280.0, 800.0))
            .into_iter()
            .find(|(text, _)| text == "Status")
            .map(|(_, bounds)| bounds.y)
            .expect("the table's Status heading")
    };
    let before = heading_at(&app);
    let index = {
        let line = app
            .report()
            .flagged()
            .find(|line| app.roadmap().indicator(line.at()).unwrap().kind == Kind::Level)
            .unwrap();
        index_of(&app, &line.id)
    };
    send(&mut app, R::ActualChanged(index, "5O".into()));
    assert_eq!(state(&app).invalid_entries(), 1);
    assert!(
        texts(&app)
            .iter()
            .any(|text| text.starts_with("1 typed actual is not a number")),
        "the notice is shown"
    );
    assert_eq!(heading_at(&app), before, "the table did not move");
}

#[test]
fn a_new_roadmap_starts_without_the_last_ones_notice() {
    use reform_roadmap::gui::dialog::new_document::Message as N;
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(None);
    send(
        &mut app,
        R::ExportTo(Format::Csv, dir.path().join("monev.csv")),
    );
    assert!(app.notice().is_some(), "the export said where it went");
    let _ = app.update(Message::New);
    for message in [
        N::InstitutionChanged("Pemerintah Kota Uji".into()),
        N::StartChanged("2026".into()),
        N::EndChanged("2030".into()),
        N::Create,
    ] {
        let _ = app.update(Message::NewDocument(message));
    }
    assert_eq!(app.roadmap().institution, "Pemerintah Kota Uji");
    assert!(
        app.notice().is_none(),
        "a notice about the sample's export stood over the new roadmap: {:?}",
        app.notice().map(|n| &n.text)
    );
}
