//! Scores and ratings on the review screen: the summary (overall and per area), the
//! *Unit kerja* view, the quick-win filter and a program's absorption, each read off
//! the drawn screen and compared with the review engine.

use chrono::NaiveDate;
use iced::Rectangle;
use iced_test::Simulator;
use iced_test::selector::Candidate;
use reform_roadmap::gui::app::{App, Message, Options};
use reform_roadmap::gui::screen::Tab;
use reform_roadmap::gui::screen::review::{self as screen, Listing, Message as R, StatusFilter};
use reform_roadmap::locale::Language;
use reform_roadmap::model::{Quarter, Roadmap};
use reform_roadmap::review::{review, scorecard};

fn q(year: i32, number: u8) -> Quarter {
    Quarter::new(year, number).unwrap()
}

fn app() -> App {
    let mut app = App::new(Options {
        file: None,
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

/// Every text drawn, with where it is. Tall, so that no row is outside the window.
fn texts(app: &App) -> Vec<(String, Rectangle)> {
    let mut ui = Simulator::with_size(
        reform_roadmap::gui::settings(),
        (1280.0, 1600.0),
        app.view(),
    );
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

/// A score as the screen must write it: the engine's number, two decimals at most.
fn score_words(roadmap: &Roadmap, score: Option<f64>) -> (String, Option<String>) {
    match score {
        Some(value) => (
            Language::Indonesian.number(value, 2),
            roadmap.scoring().rating.rate(value).map(str::to_owned),
        ),
        None => ("—".to_owned(), None),
    }
}

/// The text `label` shows, whole or cut with an ellipsis.
fn shows(label: &str, whole: &str) -> bool {
    label == whole
        || label
            .strip_suffix('…')
            .is_some_and(|cut| !cut.is_empty() && whole.starts_with(cut))
}

/// Some text reading `words` in `area`.
fn drawn_in(texts: &[(String, Rectangle)], words: &str, area: Rectangle) -> bool {
    texts
        .iter()
        .any(|(content, bounds)| content == words && area.contains(bounds.center()))
}

#[test]
fn scores_and_ratings_on_screen_equal_the_engine() {
    let roadmap = reform_roadmap::sample::sample();
    let mut app = app();
    for quarter in [q(2025, 1), q(2025, 2), q(2025, 3)] {
        send(&mut app, R::QuarterSelected(quarter));
        let engine = review(&roadmap, quarter);
        assert_eq!(app.report().scores, engine.scores, "{quarter}");
        assert!(engine.scores.document.is_some(), "the sample is scored");
        let drawn = texts(&app);

        // Overall: beside its label, on the same line.
        let (_, label) = drawn
            .iter()
            .find(|(content, _)| content == "Nilai keseluruhan")
            .expect("the overall score's label");
        let line = Rectangle {
            x: label.x,
            y: label.center_y() - 14.0,
            width: 400.0,
            height: 28.0,
        };
        let (score, rating) = score_words(&roadmap, engine.scores.document);
        assert!(
            drawn_in(&drawn, &score, line),
            "overall {score} at {quarter}"
        );
        let rating = rating.expect("the sample is rated (SAKIP)");
        assert!(drawn_in(&drawn, &rating, line), "overall {rating}");

        // Per area: on the area's card, under its name and left of the next card.
        let names: Vec<Rectangle> = roadmap
            .areas
            .iter()
            .map(|area| {
                drawn
                    .iter()
                    .find(|(content, _)| shows(content, &area.name))
                    .map(|(_, bounds)| *bounds)
                    .unwrap_or_else(|| panic!("the card of {}", area.name))
            })
            .collect();
        for (a, area) in roadmap.areas.iter().enumerate() {
            let name = names[a];
            let right = names
                .iter()
                .filter(|other| (other.y - name.y).abs() < 2.0 && other.x > name.x)
                .map(|other| other.x)
                .fold(name.x + 400.0, f32::min);
            let card = Rectangle {
                x: name.x,
                y: name.y,
                width: right - name.x,
                height: 56.0,
            };
            let (score, rating) = score_words(&roadmap, engine.scores.areas[a]);
            assert!(drawn_in(&drawn, &score, card), "{} {score}", area.name);
            if let Some(rating) = rating {
                assert!(drawn_in(&drawn, &rating, card), "{} {rating}", area.name);
            }
        }
    }
}

#[test]
fn unit_view_ranks_the_units_as_the_engine_does() {
    let roadmap = reform_roadmap::sample::sample();
    let mut app = app();
    send(&mut app, R::ListingSelected(Listing::Units));
    assert_eq!(state(&app).listing(), Listing::Units);
    for quarter in [q(2025, 2), q(2025, 3)] {
        send(&mut app, R::QuarterSelected(quarter));
        let engine = review(&roadmap, quarter);
        let standings = scorecard(&roadmap, &engine);
        assert_eq!(state(&app).standings(), standings.as_slice(), "{quarter}");
        assert!(standings.iter().any(|s| s.absorption.is_some()));
        assert!(standings.iter().any(|s| s.flagged > 0));

        let drawn = texts(&app);
        let mut last_y = f32::MIN;
        for standing in &standings {
            let unit = &roadmap.units[standing.unit];
            let (_, name) = drawn
                .iter()
                .find(|(content, _)| shows(content, &unit.name))
                .unwrap_or_else(|| panic!("{} is listed", unit.name));
            assert!(name.y > last_y, "{} in the engine's order", unit.name);
            last_y = name.y;
            let line = Rectangle {
                x: name.x,
                y: name.center_y() - 12.0,
                width: 1280.0 - name.x,
                height: 24.0,
            };
            let (score, rating) = score_words(&roadmap, standing.score);
            assert!(drawn_in(&drawn, &score, line), "{} {score}", unit.name);
            if let Some(rating) = rating {
                assert!(drawn_in(&drawn, &rating, line), "{} {rating}", unit.name);
            }
            for count in [standing.owned, standing.flagged, standing.unexplained] {
                assert!(drawn_in(&drawn, &count.to_string(), line), "{}", unit.name);
            }
            let absorption = standing
                .absorption
                .map(|value| Language::Indonesian.percent(value))
                .unwrap_or_else(|| "—".to_owned());
            assert!(drawn_in(&drawn, &absorption, line), "{}", unit.name);
        }
    }

    // A row opens the table on what that unit reports: as many rows as it owns.
    send(&mut app, R::QuarterSelected(q(2025, 3)));
    let first = state(&app).standings()[0].clone();
    let id = roadmap.units[first.unit].id.clone();
    send(&mut app, R::StatusSelected(StatusFilter::Flagged));
    send(&mut app, R::UnitOpened(id.clone()));
    assert_eq!(state(&app).listing(), Listing::Indicators);
    assert_eq!(state(&app).filters().unit.as_deref(), Some(id.as_str()));
    assert_eq!(state(&app).rows().len(), first.owned);
    let expected: Vec<String> = roadmap
        .indicators()
        .filter(|(_, program, indicator)| indicator.owner_in(program) == Some(id.as_str()))
        .map(|(_, _, indicator)| indicator.id.clone())
        .collect();
    let listed: Vec<String> = state(&app)
        .rows()
        .iter()
        .map(|&i| app.report().indicators[i].id.clone())
        .collect();
    assert_eq!(listed, expected);
}

#[test]
fn quick_wins_filter_and_program_absorption() {
    let roadmap = reform_roadmap::sample::sample();
    let mut app = app();
    send(&mut app, R::StatusSelected(StatusFilter::All));
    send(&mut app, R::QuickWinsOnlyToggled(true));
    let expected: Vec<String> = roadmap
        .indicators()
        .filter(|(_, program, _)| program.quick_win)
        .map(|(_, _, indicator)| indicator.id.clone())
        .collect();
    assert!(!expected.is_empty());
    let report = app.report().clone();
    let listed: Vec<String> = state(&app)
        .rows()
        .iter()
        .map(|&i| report.indicators[i].id.clone())
        .collect();
    assert_eq!(listed, expected);

    // Each quick-win row carries its program's absorption (the engine's) under its
    // achievement.
    let drawn = texts(&app);
    let line = &report.indicators[state(&app).rows()[0]];
    let absorption = report.scores.absorption[line.area][line.program]
        .expect("the sample's quick wins have a budget");
    let words = format!("serapan {}", Language::Indonesian.percent(absorption));
    let achievement = line
        .evaluation
        .achievement
        .map(|value| Language::Indonesian.percent(value))
        .unwrap_or_else(|| "—".to_owned());
    let (_, shown) = drawn
        .iter()
        .find(|(content, _)| *content == words)
        .unwrap_or_else(|| panic!("{words} on screen"));
    assert!(
        drawn.iter().any(|(content, bounds)| *content == achievement
            && (bounds.center_x() - shown.center_x()).abs() < 60.0
            && shown.y > bounds.y
            && shown.y - bounds.y < 30.0),
        "{words} under {achievement}"
    );

    send(&mut app, R::QuickWinsOnlyToggled(false));
    assert_eq!(state(&app).rows().len(), roadmap.indicator_count());
}
