//! The numbers on the slides: charts measured as the review measures a status, and the
//! scorecard, quick-win and unit ranking slides equal to the domain engine's scores.

use crate::support::{self, q};

use iced_test::simulator::Simulator;

use reform_roadmap::gui::screen::present::Presenting;
use reform_roadmap::gui::screen::present::slides::{self, Series, Slide};
use reform_roadmap::locale::Language;
use reform_roadmap::model::{Indicator, Kind, Roadmap};
use reform_roadmap::review::{evaluate, review};

fn indicator<'a>(roadmap: &'a Roadmap, id: &str) -> &'a Indicator {
    roadmap
        .indicators()
        .map(|(_, _, i)| i)
        .find(|i| i.id == id)
        .unwrap()
}

fn charts(deck: &[Slide]) -> Vec<&Series> {
    deck.iter()
        .filter_map(|s| match s {
            Slide::Area(a) => Some(&a.charts),
            _ => None,
        })
        .flatten()
        .collect()
}

#[test]
fn counts_and_averages_are_charted_year_to_date_as_their_status_is_judged() {
    let roadmap = reform_roadmap::sample::sample();
    let report = review(&roadmap, q("2025-Q3"));
    let deck = slides::build(&roadmap, &report);
    let charted = charts(&deck);
    for kind in [Kind::Count, Kind::Level] {
        assert!(charted.iter().any(|c| c.kind == kind), "{kind:?} charted");
    }
    for chart in &charted {
        let indicator = indicator(&roadmap, &chart.id);
        for point in &chart.points {
            let entry = indicator.target_at(point.quarter);
            let expected = match (chart.kind, entry) {
                (Kind::Count | Kind::Average, Some(_)) => {
                    let compared = evaluate(indicator, roadmap.rules, point.quarter);
                    (compared.target, compared.actual)
                }
                _ => (entry.map(|e| e.target), entry.and_then(|e| e.actual)),
            };
            assert_eq!(
                (point.target, point.actual),
                expected,
                "{} {}",
                chart.id,
                point.quarter
            );
        }
        // The numbers under the chart are the ones the status was computed on.
        let line = report.get(&chart.id).unwrap();
        assert_eq!(chart.target, line.evaluation.target, "{}", chart.id);
        assert_eq!(chart.actual, line.evaluation.actual, "{}", chart.id);
        assert_eq!(
            chart.achievement, line.evaluation.achievement,
            "{}",
            chart.id
        );
    }

    // The sample's quarterly count (5, 8, 10 in 2025) beside its yearly targets (40 in
    // 2027): year to date, TW III 2025 is 23 against 19 done, and 2027 starts afresh.
    let count = charted.iter().find(|c| c.id == "mp-2-a").unwrap();
    let at = |quarter: &str| {
        let point = count
            .points
            .iter()
            .find(|p| p.quarter == q(quarter))
            .unwrap();
        (point.target, point.actual)
    };
    assert_eq!(at("2025-Q3"), (Some(23.0), Some(19.0)));
    assert_eq!(at("2025-Q4"), (Some(30.0), None), "TW IV not reported yet");
    assert_eq!(at("2026-Q3"), (Some(27.0), None));
    assert_eq!(at("2027-Q3"), (None, None));
    assert_eq!(at("2027-Q4"), (Some(40.0), None));
    assert_eq!((count.target, count.actual), (Some(23.0), Some(19.0)));

    // An average: the sample's IKM alone in its area, charted as means to date.
    let mut alone = roadmap.clone();
    alone.areas.retain(|a| {
        a.programs
            .iter()
            .any(|p| p.indicators.iter().any(|i| i.id == "pp-1-a"))
    });
    for program in &mut alone.areas[0].programs {
        program.indicators.retain(|i| i.id == "pp-1-a");
    }
    let report = review(&alone, q("2025-Q3"));
    let deck = slides::build(&alone, &report);
    let average = charts(&deck)[0];
    assert_eq!(average.kind, Kind::Average);
    let point = average
        .points
        .iter()
        .find(|p| p.quarter == q("2025-Q3"))
        .unwrap();
    let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-9);
    assert!(
        close(point.target, 83.5) && close(point.actual, 84.0),
        "{point:?}"
    );
    assert!(close(average.target, 83.5) && close(average.actual, 84.0));
}

#[test]
fn the_numbers_under_a_count_chart_say_they_are_year_to_date() {
    let roadmap = reform_roadmap::sample::sample();
    let report = review(&roadmap, q("2025-Q3"));
    let deck = slides::build(&roadmap, &report);
    let index = deck
        .iter()
        .position(|s| matches!(s, Slide::Area(a) if a.charts.iter().any(|c| c.id == "mp-2-a")))
        .unwrap();
    let mut state = Presenting::new(&support::context(&roadmap, &report));
    for (language, words) in [
        (
            Language::Indonesian,
            [
                "Target s.d. TW III 2025 23 aksi perubahan",
                "Realisasi s.d. TW III 2025 19 aksi perubahan",
                "Kumulatif sejak awal tahun (dasar penilaian status)",
            ],
        ),
        (
            Language::English,
            [
                "Target to Q3 2025 23 aksi perubahan",
                "Actual to Q3 2025 19 aksi perubahan",
                "Year to date (what the status is judged on)",
            ],
        ),
    ] {
        let context = reform_roadmap::gui::contract::Context {
            language,
            ..support::context(&roadmap, &report)
        };
        while state.current() < index {
            let _ = state.update(
                reform_roadmap::gui::screen::present::Message::Go(
                    reform_roadmap::gui::screen::present::Step::Next,
                ),
                &context,
            );
        }
        let mut ui = Simulator::with_size(
            reform_roadmap::gui::settings(),
            (1920.0, 1080.0),
            state.view(&context),
        );
        for text in words {
            assert!(ui.find(text).is_ok(), "{text:?} on the slide");
        }
    }
}

#[test]
fn the_score_slides_show_the_engines_scores_and_ratings_for_every_area_and_unit() {
    let roadmap = reform_roadmap::sample::sample();
    let report = review(&roadmap, q("2025-Q3"));
    let deck = slides::build(&roadmap, &report);
    let rate = |score: Option<f64>| {
        score
            .and_then(|s| roadmap.scoring().rating.rate(s))
            .map(str::to_owned)
    };

    let areas: Vec<_> = deck
        .iter()
        .filter_map(|s| match s {
            Slide::Scorecard(card) => Some(card),
            _ => None,
        })
        .collect();
    assert_eq!(areas.len(), 1, "eight areas fit one slide");
    assert_eq!(areas[0].document.score, report.scores.document);
    assert_eq!(areas[0].document.rating, rate(report.scores.document));
    assert_eq!(areas[0].rows.len(), roadmap.areas.len());
    for (a, row) in areas[0].rows.iter().enumerate() {
        assert_eq!(row.name, roadmap.areas[a].name);
        assert_eq!(row.scored.score, report.scores.areas[a]);
        assert_eq!(row.scored.rating, rate(report.scores.areas[a]));
        assert!(row.scored.rating.is_some(), "the sample rates with SAKIP");
    }

    let wins: Vec<_> = deck
        .iter()
        .filter_map(|s| match s {
            Slide::QuickWins(wins) => Some(wins),
            _ => None,
        })
        .flat_map(|w| &w.rows)
        .collect();
    let mut expected = Vec::new();
    for (a, area) in roadmap.areas.iter().enumerate() {
        for (p, program) in area.programs.iter().enumerate() {
            if program.quick_win {
                expected.push((
                    program.name.clone(),
                    report.scores.programs[a][p],
                    report.scores.absorption[a][p],
                ));
            }
        }
    }
    assert!(!expected.is_empty());
    let shown: Vec<_> = wins
        .iter()
        .map(|w| (w.name.clone(), w.scored.score, w.absorption))
        .collect();
    assert_eq!(shown, expected);

    let ranking: Vec<_> = deck
        .iter()
        .filter_map(|s| match s {
            Slide::Ranking(ranking) => Some(ranking),
            _ => None,
        })
        .collect();
    assert!(
        ranking
            .iter()
            .all(|r| r.rows.len() <= reform_roadmap::gui::screen::present::scores::RANKING_ROWS)
    );
    assert!(ranking.last().unwrap().part.continued());
    let rows: Vec<_> = ranking.iter().flat_map(|r| &r.rows).collect();
    let standings = reform_roadmap::review::scorecard(&roadmap, &report);
    assert_eq!(rows.len(), roadmap.units.len());
    for (i, (row, standing)) in rows.iter().zip(&standings).enumerate() {
        assert_eq!(row.name, roadmap.units[standing.unit].name);
        assert_eq!(row.scored.score, standing.score);
        assert_eq!(row.scored.rating, rate(standing.score));
        assert_eq!(row.rank, standing.score.map(|_| i + 1));
        assert_eq!(
            (row.owned, row.flagged, row.unexplained, row.absorption),
            (
                standing.owned,
                standing.flagged,
                standing.unexplained,
                standing.absorption
            )
        );
    }
}

#[test]
fn the_score_slides_read_in_both_languages() {
    let roadmap = reform_roadmap::sample::sample();
    let report = review(&roadmap, q("2025-Q3"));
    let mut state = Presenting::new(&support::context(&roadmap, &report));
    let deck = state.slides().to_vec();
    let best = reform_roadmap::review::scorecard(&roadmap, &report)[0].clone();
    let best_name = roadmap.units[best.unit].name.clone();
    for (language, card, wins, ranked) in [
        (
            Language::Indonesian,
            "Nilai dan predikat per area, TW III 2025",
            "Quick wins, TW III 2025",
            "Peringkat unit kerja, TW III 2025",
        ),
        (
            Language::English,
            "Scores and ratings by area, Q3 2025",
            "Quick wins, Q3 2025",
            "Units ranked, Q3 2025",
        ),
    ] {
        let context = reform_roadmap::gui::contract::Context {
            language,
            ..support::context(&roadmap, &report)
        };
        for (kind, heading) in [
            (slides::SlideKind::Scorecard, card),
            (slides::SlideKind::QuickWins, wins),
            (slides::SlideKind::Ranking, ranked),
        ] {
            let index = deck.iter().position(|s| s.kind() == kind).unwrap();
            let _ = state.update(
                reform_roadmap::gui::screen::present::Message::Go(
                    reform_roadmap::gui::screen::present::Step::First,
                ),
                &context,
            );
            while state.current() < index {
                let _ = state.update(
                    reform_roadmap::gui::screen::present::Message::Go(
                        reform_roadmap::gui::screen::present::Step::Next,
                    ),
                    &context,
                );
            }
            let mut ui = Simulator::with_size(
                reform_roadmap::gui::settings(),
                (1920.0, 1080.0),
                state.view(&context),
            );
            assert!(ui.find(heading).is_ok(), "{heading}");
            if kind == slides::SlideKind::Ranking {
                let score = language.number(best.score.unwrap(), 2);
                assert!(ui.find(best_name.as_str()).is_ok(), "{best_name}");
                assert!(ui.find(score.as_str()).is_ok(), "{score}");
            }
            if kind == slides::SlideKind::Scorecard {
                let score = language.number(report.scores.document.unwrap(), 2);
                assert!(ui.find(score.as_str()).is_ok(), "document score {score}");
            }
        }
    }
}
