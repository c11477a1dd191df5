//! The exposé: the slides made from a document, moving through them as a presenter
//! does, and exporting every slide as a PNG.

use crate::support::{self, q};
use std::path::Path;

use iced::keyboard::Key;
use iced::keyboard::key::Named;
use iced_test::simulator::Simulator;

use reform_roadmap::gui::app::{App, Message, Options};
use reform_roadmap::gui::contract::Context;
use reform_roadmap::gui::contract::{Action, Request};
use reform_roadmap::gui::screen::Tab;
use reform_roadmap::gui::screen::present::slides::{self, Slide, SlideKind};
use reform_roadmap::gui::screen::present::{self, IDLE_AFTER, Presenting, export};
use reform_roadmap::gui::shortcut::Shortcut;
use reform_roadmap::locale::Language;
use reform_roadmap::model::{Area, Element, Indicator, Period, Program, Roadmap, Target};
use reform_roadmap::review::{ReviewReport, review};

/// A day in TW IV 2025: the app opens the sample at TW III 2025.
fn app() -> App {
    App::new(Options {
        file: None,
        config_path: None,
        recovery_folder: None,
        today: chrono::NaiveDate::from_ymd_opt(2025, 10, 15).unwrap(),
    })
}

fn deck(roadmap: &Roadmap, quarter: &str) -> Vec<Slide> {
    slides::build(roadmap, &review(roadmap, q(quarter)))
}

fn kinds(deck: &[Slide]) -> Vec<SlideKind> {
    deck.iter().map(Slide::kind).collect()
}

fn context<'a>(roadmap: &'a Roadmap, report: &'a ReviewReport) -> Context<'a> {
    support::context(roadmap, report)
}

#[test]
fn the_sample_at_tw_iii_2025_makes_the_expected_deck() {
    use SlideKind::*;
    let roadmap = reform_roadmap::sample::sample();
    let report = review(&roadmap, q("2025-Q3"));
    let deck = slides::build(&roadmap, &report);

    // Pinned for the sample as it is: the rules below explain each number.
    assert_eq!(
        kinds(&deck),
        [
            Title, Overview, Scorecard, Area, Area, Area, Area, Area, Area, Area, Area, QuickWins,
            Ranking, Ranking, Milestones, Milestones, Flagged, Flagged, Flagged, Flagged, Flagged,
            Closing
        ]
    );

    let Slide::Title(title) = &deck[0] else {
        panic!("the deck opens with its title");
    };
    assert_eq!(title.institution, roadmap.institution);
    assert_eq!(title.title, roadmap.title);
    assert_eq!(title.period, roadmap.period);
    assert_eq!(title.vision, roadmap.vision);
    assert_eq!(title.quarter, q("2025-Q3"));

    // The overview: every area once (8 fit one slide), with its review counts.
    let Slide::Overview(overview) = &deck[1] else {
        panic!("the overview follows the title");
    };
    assert_eq!(overview.rows.len(), roadmap.areas.len());
    for (a, row) in overview.rows.iter().enumerate() {
        assert_eq!(row.name, roadmap.areas[a].name);
        assert_eq!(row.programs, roadmap.areas[a].programs.len());
        assert_eq!(row.counts, report.areas[a]);
    }
    assert_eq!(overview.summary, report.summary);

    // One slide per area (none has more programs than a slide holds), in order, with
    // its goal, every program and its unit's name, and the worst indicators charted.
    let areas: Vec<_> = deck
        .iter()
        .filter_map(|s| match s {
            Slide::Area(a) => Some(a),
            _ => None,
        })
        .collect();
    for (a, slide) in areas.iter().enumerate() {
        let area = &roadmap.areas[a];
        assert_eq!(slide.area, a);
        assert_eq!(slide.goal, area.goal);
        assert!(!slide.part.continued());
        let names: Vec<&str> = slide.programs.iter().map(|p| p.name.as_str()).collect();
        let expected: Vec<&str> = area.programs.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, expected);
        for (row, program) in slide.programs.iter().zip(&area.programs) {
            let unit = program.unit.as_deref().and_then(|id| roadmap.unit(id));
            assert_eq!(row.unit.as_deref(), unit.map(|u| u.name.as_str()));
        }
        assert_eq!(slide.charts.len(), slides::KEY_INDICATORS);
        let statuses: Vec<_> = slide.charts.iter().map(|c| c.status).collect();
        assert!(statuses.is_sorted(), "worst first: {statuses:?}");
        let worst = report
            .indicators
            .iter()
            .filter(|l| l.area == a)
            .filter(|l| {
                let i = &area.programs[l.program].indicators[l.indicator];
                i.kind != reform_roadmap::model::Kind::Milestone && !i.targets.is_empty()
            })
            .map(|l| l.status())
            .min();
        assert_eq!(slide.charts.first().map(|c| c.status), worst);
        for chart in &slide.charts {
            assert_eq!(chart.points.len(), 20, "every quarter of 2025-2029");
        }
    }

    // Milestones: all ten, by due quarter, split after the rows that fit.
    let milestones: Vec<_> = deck
        .iter()
        .filter_map(|s| match s {
            Slide::Milestones(m) => Some(m),
            _ => None,
        })
        .collect();
    let rows: Vec<_> = milestones.iter().flat_map(|m| &m.rows).collect();
    let expected = roadmap
        .indicators()
        .filter(|(_, _, i)| i.kind == reform_roadmap::model::Kind::Milestone)
        .count();
    assert_eq!(rows.len(), expected);
    assert!(rows.windows(2).all(|w| w[0].due <= w[1].due));
    assert!(
        milestones
            .iter()
            .all(|m| m.rows.len() <= slides::MILESTONE_ROWS)
    );
    assert!(milestones[1].part.continued());

    // Flagged: exactly the review's flags, in document order, with what was written.
    let flagged: Vec<_> = deck
        .iter()
        .filter_map(|s| match s {
            Slide::Flagged(f) => Some(f),
            _ => None,
        })
        .collect();
    let ids: Vec<String> = flagged
        .iter()
        .flat_map(|f| &f.rows)
        .map(|r| r.id.clone())
        .collect();
    assert_eq!(ids, report.flagged_ids());
    assert!(flagged.iter().all(|f| f.total == ids.len()));
    let budget = present::layout::CONTENT_HEIGHT - slides::flagged_header_height();
    for slide in &flagged {
        assert!(slide.rows.len() <= slides::FLAGGED_ROWS);
        let height: f32 = slide.rows.iter().map(slides::flagged_row_height).sum();
        assert!(height <= budget, "{height} > {budget}");
    }
    let first = &flagged[0].rows[0];
    let entry = roadmap
        .indicators()
        .find(|(_, _, i)| i.id == first.id)
        .and_then(|(_, _, i)| i.target_at(q("2025-Q3")))
        .expect("a flagged level or count has an entry at the quarter");
    assert_eq!(first.obstacle, entry.obstacle);
    assert_eq!(first.follow_up, entry.follow_up);

    // Closing: the TW II review, the latest recorded at or before TW III.
    let Some(Slide::Closing(closing)) = deck.last() else {
        panic!("the deck ends with the closing slide");
    };
    let latest = roadmap.review_at(q("2025-Q2")).unwrap();
    let notes = closing.review.as_ref().expect("a review was recorded");
    assert_eq!(notes.quarter, q("2025-Q2"));
    assert_eq!(notes.notes, latest.notes);
    assert_eq!(notes.flagged, latest.flagged.len());

    // Continuations say so in both languages; first slides do not.
    for slide in &deck {
        let heading = slide.heading(Language::Indonesian);
        assert_eq!(
            heading.ends_with("(lanjutan)"),
            slide.part().continued(),
            "{heading}"
        );
        assert_eq!(
            slide.heading(Language::English).ends_with("(continued)"),
            slide.part().continued()
        );
    }
}

#[test]
fn an_empty_roadmap_still_makes_a_polite_deck() {
    let roadmap = Roadmap::new(
        "Road Map RB",
        "Pemerintah Kabupaten Contoh",
        Period {
            start: 2025,
            end: 2029,
        },
    );
    let deck = deck(&roadmap, "2025-Q3");
    use SlideKind::*;
    assert_eq!(kinds(&deck), [Title, Overview, Scorecard, Flagged, Closing]);
    assert!(matches!(&deck[1], Slide::Overview(o) if o.rows.is_empty()));
    assert!(matches!(
        &deck[2],
        Slide::Scorecard(s) if s.rows.is_empty() && s.document.score.is_none()
    ));
    assert!(matches!(
        &deck[3],
        Slide::Flagged(f) if f.rows.is_empty() && f.total == 0 && f.assessed == 0
    ));
    let Slide::Closing(closing) = &deck[4] else {
        unreachable!()
    };
    assert!(closing.review.is_none());
    assert_eq!(deck[4].heading(Language::Indonesian), "Penutup");
    assert_eq!(deck[4].heading(Language::English), "Closing");
}

/// An area of `programs` programs, each with one level indicator behind at 2025-Q1.
fn roadmap_with_programs(programs: usize) -> Roadmap {
    let mut roadmap = Roadmap::new(
        "Road Map RB",
        "Pemerintah Kabupaten Contoh",
        Period {
            start: 2025,
            end: 2029,
        },
    );
    let mut area = Area::new("mp", "Manajemen Perubahan", Element::Soft);
    area.goal = Some("Budaya kerja BerAKHLAK terinternalisasi".into());
    for p in 0..programs {
        let mut program = Program::new(format!("mp-{p}"), format!("Program nomor {}", p + 1));
        let mut indicator = Indicator::new(
            format!("mp-{p}-a"),
            "Persentase ASN",
            reform_roadmap::model::Kind::Level,
        );
        indicator.targets.insert(
            "2025-Q1".into(),
            Target {
                actual: Some(50.0),
                ..Target::planned(60.0)
            },
        );
        program.indicators.push(indicator);
        area.programs.push(program);
    }
    roadmap.areas.push(area);
    roadmap
}

#[test]
fn thirty_programs_continue_over_five_slides() {
    let roadmap = roadmap_with_programs(30);
    let deck = deck(&roadmap, "2025-Q1");
    let areas: Vec<_> = deck
        .iter()
        .filter_map(|s| match s {
            Slide::Area(a) => Some(a),
            _ => None,
        })
        .collect();
    assert_eq!(areas.len(), 30 / slides::PROGRAM_ROWS);
    let mut next = 1;
    for (index, slide) in areas.iter().enumerate() {
        assert_eq!(slide.part.index, index);
        assert_eq!(slide.part.count, areas.len());
        assert_eq!(slide.programs.len(), slides::PROGRAM_ROWS);
        for program in &slide.programs {
            assert_eq!(program.name, format!("Program nomor {next}"));
            next += 1;
        }
        // The goal and the charts once, on the first slide.
        assert_eq!(slide.goal.is_some(), index == 0);
        assert_eq!(slide.charts.len(), if index == 0 { 2 } else { 0 });
        assert_eq!(slide.program_count, 30);
    }
    let headings: Vec<String> = deck
        .iter()
        .filter(|s| s.kind() == SlideKind::Area)
        .map(|s| s.heading(Language::Indonesian))
        .collect();
    assert_eq!(headings[0], "Manajemen Perubahan");
    assert!(
        headings[1..]
            .iter()
            .all(|h| h == "Manajemen Perubahan (lanjutan)")
    );
    // Thirty behind: they continue too, never more than a slide holds.
    let flagged: usize = deck
        .iter()
        .filter_map(|s| match s {
            Slide::Flagged(f) => Some(f.rows.len()),
            _ => None,
        })
        .inspect(|&rows| assert!(rows <= slides::FLAGGED_ROWS))
        .sum();
    assert_eq!(flagged, 30);
}

fn press(app: &mut App, key: Named) {
    let _ = app.update(Message::Shortcut(Shortcut::Navigate(Key::Named(key))));
}

fn current(app: &App) -> usize {
    app.presentation().expect("presenting").current()
}

#[test]
fn presenter_keys_move_through_the_deck_and_stop_at_the_ends() {
    let mut app = app();
    assert_eq!(app.quarter(), q("2025-Q3"));
    press(&mut app, Named::ArrowRight);
    assert!(app.presentation().is_none(), "arrows do nothing outside");

    let _ = app.update(Message::Shortcut(Shortcut::Present));
    let last = app.presentation().unwrap().slides().len() - 1;
    assert_eq!(last, 21);
    assert_eq!(current(&app), 0);
    for (key, expected) in [
        (Named::ArrowLeft, 0),
        (Named::PageUp, 0),
        (Named::ArrowRight, 1),
        (Named::PageDown, 2),
        (Named::Space, 3),
        (Named::ArrowDown, 4),
        (Named::ArrowUp, 3),
        (Named::PageUp, 2),
        (Named::End, last),
        (Named::ArrowRight, last),
        (Named::PageDown, last),
        (Named::Home, 0),
        (Named::Enter, 0),
    ] {
        press(&mut app, key);
        assert_eq!(current(&app), expected, "after {key:?}");
    }

    // F5 again changes nothing; editing shortcuts wait until the presentation ends.
    press(&mut app, Named::End);
    let _ = app.update(Message::Shortcut(Shortcut::Present));
    assert_eq!(current(&app), last);
    let _ = app.update(Message::Shortcut(Shortcut::New));
    assert!(!app.is_confirming());
    assert!(app.presentation().is_some());

    // Esc goes back to the screen the presentation started from.
    let _ = app.update(Message::Shortcut(Shortcut::Escape));
    assert!(app.presentation().is_none());
    assert!(app.draft().is_some());

    // The header's button starts it too, at the first slide again.
    let _ = app.update(Message::SwitchTo(Tab::Present));
    assert_eq!(current(&app), 0);
}

#[test]
fn clicks_move_forward_and_back() {
    let mut app = app();
    let _ = app.update(Message::Shortcut(Shortcut::Present));
    for (button, expected) in [
        (iced::mouse::Button::Left, 1),
        (iced::mouse::Button::Left, 2),
        (iced::mouse::Button::Right, 1),
    ] {
        let messages: Vec<Message> = {
            let mut ui =
                Simulator::with_size(reform_roadmap::gui::settings(), (1280.0, 720.0), app.view());
            ui.point_at((640.0, 300.0));
            let _ = ui.simulate([
                iced::Event::Mouse(iced::mouse::Event::ButtonPressed(button)),
                iced::Event::Mouse(iced::mouse::Event::ButtonReleased(button)),
            ]);
            ui.into_messages().collect()
        };
        for message in messages {
            let _ = app.update(message);
        }
        assert_eq!(current(&app), expected);
    }
}

#[test]
fn every_slide_of_the_sample_renders_with_its_heading_at_both_sizes() {
    let mut app = app();
    let _ = app.update(Message::Shortcut(Shortcut::Present));
    let count = app.presentation().unwrap().slides().len();
    for index in 0..count {
        let state = app.presentation().unwrap();
        let slide = &state.slides()[index];
        let heading = match slide {
            Slide::Title(title) => title.institution.clone(),
            other => other.heading(Language::Indonesian),
        };
        let counter = format!("{} / {count}", index + 1);
        for size in [(1280.0, 720.0), (1920.0, 1080.0)] {
            let mut ui = Simulator::with_size(reform_roadmap::gui::settings(), size, app.view());
            assert!(ui.find(heading.as_str()).is_ok(), "{heading} at {size:?}");
            assert!(ui.find(counter.as_str()).is_ok(), "{counter} at {size:?}");
        }
        press(&mut app, Named::ArrowRight);
    }
}

#[test]
fn the_pointer_rests_after_two_seconds_and_c_switches_contrast() {
    let roadmap = reform_roadmap::sample::sample();
    let report = review(&roadmap, q("2025-Q3"));
    let mut state = Presenting::new(&context(&roadmap, &report));
    let context = Context {
        language: Language::Indonesian,
        ..context(&roadmap, &report)
    };
    assert!(
        state.is_idle(),
        "the slides start without pointer or controls"
    );
    let _ = state.update(present::Message::PointerMoved, &context);
    assert!(!state.is_idle());
    let now = iced::time::Instant::now();
    let _ = state.update(present::Message::Tick(now), &context);
    assert!(!state.is_idle());
    let later = now + IDLE_AFTER + std::time::Duration::from_millis(100);
    let _ = state.update(present::Message::Tick(later), &context);
    assert!(state.is_idle());

    assert!(!state.is_high_contrast());
    let plain = state.theme();
    let _ = state.update(present::Message::ToggleContrast, &context);
    assert!(state.is_high_contrast());
    assert_ne!(state.theme().palette(), plain.palette());
    let _ = state.update(present::Message::ToggleContrast, &context);
    assert!(!state.is_high_contrast());
}

#[test]
fn the_control_bar_stays_while_the_pointer_is_on_it() {
    let roadmap = reform_roadmap::sample::sample();
    let report = review(&roadmap, q("2025-Q3"));
    let context = context(&roadmap, &report);
    let mut state = Presenting::new(&context);
    let _ = state.update(present::Message::PointerMoved, &context);
    let _ = state.update(present::Message::PointerOverControls(true), &context);
    let mut now = iced::time::Instant::now();
    for _ in 0..5 {
        now += IDLE_AFTER;
        let _ = state.update(present::Message::Tick(now), &context);
        assert!(!state.is_idle(), "resting on the bar keeps it");
    }
    let _ = state.update(present::Message::PointerOverControls(false), &context);
    now += IDLE_AFTER + std::time::Duration::from_millis(100);
    let _ = state.update(present::Message::Tick(now), &context);
    assert!(state.is_idle(), "off the bar, it hides after the rest");
}

/// Drives an export to the end as the app does: one `ExportNext` a slide.
fn run_export(app: &mut App) -> usize {
    for written in 0..1_000 {
        let Some(state) = app.presentation() else {
            panic!("the presentation ended during the export");
        };
        if !state.is_exporting() {
            return written;
        }
        let _ = app.update(Message::Present(present::Message::ExportNext));
    }
    panic!("the export never ended");
}

/// How many different colours `rgba` has (up to `limit`).
fn colours(rgba: &[u8], limit: usize) -> usize {
    let mut seen = std::collections::HashSet::new();
    for pixel in rgba.chunks_exact(4) {
        seen.insert([pixel[0], pixel[1], pixel[2]]);
        if seen.len() >= limit {
            break;
        }
    }
    seen.len()
}

fn read_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

#[test]
fn export_writes_one_png_per_slide_in_a_picked_folder() {
    let folder = tempfile::tempdir().unwrap();
    let mut app = app();
    let _ = app.update(Message::Shortcut(Shortcut::Present));
    press(&mut app, Named::PageDown);
    press(&mut app, Named::PageDown);
    let count = app.presentation().unwrap().slides().len();

    let _ = app.update(Message::Present(present::Message::FolderChosen(Some(
        folder.path().to_owned(),
    ))));
    let state = app.presentation().unwrap();
    assert!(state.is_exporting());
    assert_eq!(
        state.current(),
        2,
        "the screen does not flip through the slides"
    );
    // Keys and contrast wait for the export.
    press(&mut app, Named::End);
    let _ = app.update(Message::Present(present::Message::ToggleContrast));
    assert_eq!(current(&app), 2);
    assert!(!app.presentation().unwrap().is_high_contrast());

    assert_eq!(run_export(&mut app), count);
    let state = app.presentation().unwrap();
    assert_eq!(state.current(), 2, "the screen kept its slide");
    let report = state.report().expect("the outcome is shown");
    assert!(!report.is_error());
    assert!(report.text.contains(&count.to_string()), "{}", report.text);
    assert_eq!(
        app.notice().map(|n| n.text.clone()),
        Some(report.text.clone())
    );

    let mut names: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let expected: Vec<String> = (1..=count).map(|n| format!("slide-{n:02}.png")).collect();
    assert_eq!(names, expected);
    let mut previous = Vec::new();
    for name in &names {
        let (width, height, pixels) = read_png(&folder.path().join(name));
        assert_eq!((width, height), (1920, 1080), "{name}");
        // The slide itself: white to its corners (no letterbox, no progress line)...
        let row = 1920 * 4;
        for at in [0, row - 4, row * 1079, row * 1080 - 4] {
            assert_eq!(&pixels[at..at + 3], &[255, 255, 255], "{name} corner {at}");
        }
        // ...with its words and marks on it, and not the slide before.
        assert!(colours(&pixels, 40) >= 40, "{name} has slide content");
        assert_ne!(pixels, previous, "{name}");
        previous = pixels;
    }
}

#[test]
fn export_into_a_typed_folder_that_does_not_exist_yet() {
    let root = tempfile::tempdir().unwrap();
    let target = root.path().join("ekspose/TW III");
    let roadmap = roadmap_with_programs(3);
    let report = review(&roadmap, q("2025-Q1"));
    let mut state = Presenting::new(&context(&roadmap, &report));
    let context = Context {
        language: Language::Indonesian,
        ..context(&roadmap, &report)
    };

    assert!(matches!(
        state.update(present::Message::OpenExport, &context),
        Action::Run(_)
    ));
    assert!(state.export_path().unwrap().ends_with("ekspose-2025-Q1"));
    assert!(!state.is_idle(), "the panel stays while it is open");
    let _ = state.update(
        present::Message::ExportPathChanged(target.display().to_string()),
        &context,
    );
    // Esc closes the panel first, the presentation only after.
    assert!(matches!(
        state.update(present::Message::Exit, &context),
        Action::None
    ));
    assert!(state.export_path().is_none());
    let _ = state.update(present::Message::OpenExport, &context);
    let _ = state.update(
        present::Message::ExportPathChanged(target.display().to_string()),
        &context,
    );
    let _ = state.update(present::Message::StartExport, &context);
    assert!(state.is_exporting());
    assert!(state.export_path().is_none());

    let total = state.slides().len();
    for _ in 0..total {
        assert!(state.is_exporting());
        let _ = state.update(present::Message::ExportNext, &context);
    }
    assert!(!state.is_exporting());
    for index in 0..total {
        let path = target.join(export::file_name(index, total));
        assert_eq!(read_png(&path).0, 1920, "{}", path.display());
    }
}

#[test]
fn a_failed_or_cancelled_export_says_so_and_keeps_presenting() {
    let root = tempfile::tempdir().unwrap();
    let roadmap = roadmap_with_programs(1);
    let report = review(&roadmap, q("2025-Q1"));
    let context = Context {
        language: Language::English,
        ..context(&roadmap, &report)
    };

    // A folder under a file cannot be made.
    let file = root.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let mut state = Presenting::new(&context);
    let action = state.update(
        present::Message::FolderChosen(Some(file.join("slides"))),
        &context,
    );
    let Action::Notify(report_line) = action else {
        panic!("the failure is reported");
    };
    assert!(report_line.is_error());
    assert!(
        report_line.text.starts_with("Export failed"),
        "{}",
        report_line.text
    );
    assert!(!state.is_exporting());

    // A folder that disappears under the export stops it with a message.
    let gone = root.path().join("gone");
    let _ = state.update(present::Message::FolderChosen(Some(gone.clone())), &context);
    std::fs::remove_dir_all(&gone).unwrap();
    let Action::Notify(report_line) = state.update(present::Message::ExportNext, &context) else {
        panic!("the failure is reported");
    };
    assert!(report_line.is_error() && report_line.text.contains("slide-01.png"));
    assert!(!state.is_exporting());

    // Esc during an export cancels it; the next Esc ends the presentation.
    let _ = state.update(
        present::Message::FolderChosen(Some(root.path().join("again"))),
        &context,
    );
    let _ = state.update(present::Message::ExportNext, &context);
    let Action::Notify(cancelled) = state.update(present::Message::Exit, &context) else {
        panic!("the cancellation is reported");
    };
    assert!(!cancelled.is_error());
    assert!(cancelled.text.contains('1'), "{}", cancelled.text);
    assert!(!state.is_exporting());
    assert!(matches!(
        state.update(present::Message::Exit, &context),
        Action::Request(Request::EndPresentation)
    ));
}
