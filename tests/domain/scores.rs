//! Format version 2 review rules: range targets, `WithinRange`, `Average`, scores and
//! ratings, budget absorption and the unit scorecard, on both sides of each boundary.

use crate::support::q;

use reform_roadmap::model::{
    Area, Band, Direction, Element, Indicator, Kind, MissingScore, Period, Program, RatingScale,
    Roadmap, Scoring, Target, Unit,
};
use reform_roadmap::review::{Status, range_achievement, review, scorecard};

use Direction::{HigherIsBetter as Higher, LowerIsBetter as Lower, WithinRange as Within};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn range_achievement_in_every_direction_with_bounds_above_and_at_or_below_zero() {
    // (lower, upper, actual, direction, achievement)
    let cases = [
        // Higher is better: below l → a/l; inside → 100; above u → a/u.
        (70.0, 80.0, 63.0, Higher, 90.0),
        (70.0, 80.0, 70.0, Higher, 100.0),
        (70.0, 80.0, 80.0, Higher, 100.0),
        (70.0, 80.0, 88.0, Higher, 110.0),
        // Lower is better: above u → (2u−a)/u; inside → 100; below l → (2l−a)/l.
        (10.0, 20.0, 22.0, Lower, 90.0),
        (10.0, 20.0, 20.0, Lower, 100.0),
        (10.0, 20.0, 10.0, Lower, 100.0),
        (10.0, 20.0, 5.0, Lower, 150.0),
        // Within range: below l → a/l; above u → (2u−a)/u.
        (1.5, 3.5, 1.2, Within, 80.0),
        (1.5, 3.5, 1.5, Within, 100.0),
        (1.5, 3.5, 3.5, Within, 100.0),
        (1.5, 3.5, 3.85, Within, 90.0),
        // A point target is [t, t]: the version 1 formulas.
        (50.0, 50.0, 43.0, Higher, 86.0),
        (50.0, 50.0, 60.0, Higher, 120.0),
        (8.0, 8.0, 10.0, Lower, 75.0),
        (8.0, 8.0, 6.0, Lower, 125.0),
        (2.0, 2.0, 1.0, Within, 50.0),
        (2.0, 2.0, 2.5, Within, 75.0),
        (2.0, 2.0, 2.0, Within, 100.0),
        // The bound used ≤ 0: 100 when met or beaten on that side, else 0.
        (0.0, 10.0, -1.0, Higher, 0.0), // below l = 0, higher is better: not met
        (-5.0, 0.0, 3.0, Higher, 100.0), // above u = 0, higher is better: beaten
        (-5.0, 0.0, 3.0, Lower, 0.0),   // above u = 0, lower is better: not met
        (0.0, 10.0, -1.0, Lower, 100.0), // below l = 0, lower is better: beaten
        (0.0, 2.0, -0.5, Within, 0.0),  // below l = 0 inside a band: too low
        (-2.0, 0.0, 0.5, Within, 0.0),  // above u = 0 inside a band: too high
        (0.0, 0.0, 0.0, Within, 100.0),
        // Bounds just above zero still use the ratio.
        (0.5, 1.0, 0.25, Higher, 50.0),
        (0.5, 1.0, 1.25, Lower, 75.0),
    ];
    for (lower, upper, actual, direction, expected) in cases {
        let got = range_achievement(lower, upper, actual, direction);
        assert!(
            close(got, expected),
            "[{lower}, {upper}] {direction:?} a={actual}: {got} ≠ {expected}"
        );
    }
}

fn indicator(
    id: &str,
    kind: Kind,
    direction: Direction,
    entries: &[(&str, f64, Option<f64>, Option<f64>)],
) -> Indicator {
    let mut indicator = Indicator::new(id, id, kind);
    indicator.direction = direction;
    for &(quarter, target, upper, actual) in entries {
        indicator.targets.insert(
            quarter.into(),
            Target {
                upper,
                actual,
                ..Target::planned(target)
            },
        );
    }
    indicator
}

fn document(areas: Vec<Vec<Vec<Indicator>>>) -> Roadmap {
    let mut roadmap = Roadmap::new(
        "t",
        "i",
        Period {
            start: 2025,
            end: 2026,
        },
    );
    roadmap.units = vec![
        Unit {
            id: "bagor".into(),
            name: "Bagian Organisasi".into(),
        },
        Unit {
            id: "bappeda".into(),
            name: "Bappeda".into(),
        },
        Unit {
            id: "diskominfo".into(),
            name: "Diskominfo".into(),
        },
    ];
    for (a, programs) in areas.into_iter().enumerate() {
        let mut area = Area::new(format!("a{a}"), "Area", Element::Hard);
        for (p, indicators) in programs.into_iter().enumerate() {
            let mut program = Program::new(format!("a{a}-{p}"), "Program");
            program.unit = Some("bagor".into());
            program.indicators = indicators;
            area.programs.push(program);
        }
        roadmap.areas.push(area);
    }
    roadmap
}

#[test]
fn level_count_and_average_with_ranges() {
    let level = indicator(
        "level",
        Kind::Level,
        Higher,
        &[("2025-Q1", 70.0, Some(80.0), Some(75.0))],
    );
    let inflation = indicator(
        "inflasi",
        Kind::Level,
        Within,
        &[("2025-Q1", 1.5, Some(3.5), Some(3.9))],
    );
    // Count sums `upper` (an entry without one adds its target): [10+5, 12+5] vs 16.
    let count = indicator(
        "count",
        Kind::Count,
        Higher,
        &[
            ("2025-Q1", 10.0, Some(12.0), Some(9.0)),
            ("2025-Q2", 5.0, None, Some(7.0)),
        ],
    );
    // Average: means of (80, 90) targets, (85, 90) uppers and (82, 70) actuals: 76 < 85.
    let average = indicator(
        "average",
        Kind::Average,
        Higher,
        &[
            ("2025-Q1", 80.0, Some(85.0), Some(82.0)),
            ("2025-Q2", 90.0, None, Some(70.0)),
        ],
    );
    // Average with a missing actual in the year: missing.
    let average_missing = indicator(
        "average-missing",
        Kind::Average,
        Higher,
        &[
            ("2025-Q1", 80.0, None, None),
            ("2025-Q2", 80.0, None, Some(90.0)),
        ],
    );
    let roadmap = document(vec![vec![vec![
        level,
        inflation,
        count,
        average,
        average_missing,
    ]]]);
    let report = review(&roadmap, q("2025-Q2"));
    let at_q1 = review(&roadmap, q("2025-Q1"));
    let line = |report: &reform_roadmap::review::ReviewReport, id: &str| {
        report.get(id).unwrap().evaluation
    };

    assert_eq!(line(&at_q1, "level").achievement, Some(100.0));
    assert_eq!(line(&at_q1, "level").upper, Some(80.0));
    // (2 × 3.5 − 3.9) / 3.5 = 88.571...
    assert!(close(
        line(&at_q1, "inflasi").achievement.unwrap(),
        310.0 / 3.5
    ));
    assert_eq!(line(&at_q1, "inflasi").status, Status::Behind);

    let count = line(&report, "count");
    assert_eq!(
        (count.target, count.upper, count.actual),
        (Some(15.0), Some(17.0), Some(16.0))
    );
    assert_eq!(count.achievement, Some(100.0));
    let average = line(&report, "average");
    assert_eq!(
        (average.target, average.upper, average.actual),
        (Some(85.0), Some(87.5), Some(76.0))
    );
    assert!(close(average.achievement.unwrap(), 76.0 / 85.0 * 100.0));
    assert_eq!(line(&report, "average-missing").status, Status::Missing);
    assert_eq!(line(&report, "average-missing").achievement, None);
}

fn scored(scoring: Scoring, indicators: Vec<Indicator>) -> reform_roadmap::review::ReviewReport {
    let mut roadmap = document(vec![vec![indicators]]);
    roadmap.scoring = Some(scoring);
    review(&roadmap, q("2025-Q1"))
}

#[test]
fn indicator_scores_cap_missing_and_weights() {
    let at = |id: &str, actual: Option<f64>| {
        indicator(id, Kind::Level, Higher, &[("2025-Q1", 100.0, None, actual)])
    };
    let mut milestone_done = Indicator::new("done", "done", Kind::Milestone);
    milestone_done.due = Some(q("2025-Q1"));
    milestone_done.done = Some(q("2025-Q1"));
    let mut milestone_late = Indicator::new("late", "late", Kind::Milestone);
    milestone_late.due = Some(q("2025-Q1"));
    let mut not_due = Indicator::new("not-due", "not-due", Kind::Milestone);
    not_due.due = Some(q("2025-Q3"));
    let lower_negative = indicator(
        "negative",
        Kind::Level,
        Lower,
        &[("2025-Q1", 10.0, None, Some(30.0))],
    );
    let capped = Scoring {
        cap: Some(120.0),
        ..Scoring::default()
    };
    // (name, scoring, indicator, score)
    let cases = [
        (
            "above the cap",
            capped.clone(),
            at("a", Some(130.0)),
            Some(120.0),
        ),
        (
            "at the cap",
            capped.clone(),
            at("a", Some(120.0)),
            Some(120.0),
        ),
        (
            "just below the cap",
            capped.clone(),
            at("a", Some(119.99)),
            Some(119.99),
        ),
        (
            "no cap",
            Scoring::default(),
            at("a", Some(130.0)),
            Some(130.0),
        ),
        (
            "behind scores its achievement",
            capped.clone(),
            at("a", Some(40.0)),
            Some(40.0),
        ),
        (
            "negative achievement scores 0",
            capped.clone(),
            lower_negative,
            Some(0.0),
        ),
        (
            "missing with Zero",
            capped.clone(),
            at("a", None),
            Some(0.0),
        ),
        (
            "missing with Exclude",
            Scoring {
                missing: MissingScore::Exclude,
                ..Scoring::default()
            },
            at("a", None),
            None,
        ),
        (
            "milestone done",
            capped.clone(),
            milestone_done,
            Some(100.0),
        ),
        ("milestone late", capped.clone(), milestone_late, Some(0.0)),
        ("milestone not due", capped.clone(), not_due, None),
        (
            "no target",
            capped.clone(),
            indicator("x", Kind::Level, Higher, &[("2025-Q2", 1.0, None, None)]),
            None,
        ),
    ];
    for (name, scoring, indicator, expected) in cases {
        let report = scored(scoring, vec![indicator]);
        assert_eq!(report.indicators[0].score, expected, "{name}");
        assert_eq!(
            report.scores.document, expected,
            "{name}: one indicator is the document"
        );
    }

    // Weights: 100 × 3 and 40 × 1 → 85; the missing one excluded does not pull it down.
    let mut heavy = at("heavy", Some(100.0));
    heavy.weight = Some(3.0);
    let report = scored(
        Scoring {
            missing: MissingScore::Exclude,
            ..Scoring::default()
        },
        vec![heavy, at("light", Some(40.0)), at("gone", None)],
    );
    assert!(close(report.scores.programs[0][0].unwrap(), 85.0));
    assert!(close(report.scores.areas[0].unwrap(), 85.0));
}

#[test]
fn area_unit_and_document_scores() {
    let at = |id: &str, actual: f64| {
        indicator(
            id,
            Kind::Level,
            Higher,
            &[("2025-Q1", 100.0, None, Some(actual))],
        )
    };
    let mut owned = at("owned-by-bappeda", 60.0);
    owned.owner = Some("bappeda".into());
    let nothing = indicator(
        "later",
        Kind::Level,
        Higher,
        &[("2026-Q1", 1.0, None, None)],
    );
    let mut roadmap = document(vec![
        vec![vec![at("a", 100.0), owned]],
        vec![vec![at("b", 70.0)]],
        vec![vec![nothing]],
    ]);
    roadmap.areas[0].weight = Some(3.0);
    let report = review(&roadmap, q("2025-Q1"));
    let scores = &report.scores;
    assert_eq!(
        scores.areas,
        [Some(80.0), Some(70.0), None],
        "an area with nothing scored has none"
    );
    // (80 × 3 + 70 × 1) / 4; the area with no score is left out, not counted as 0.
    assert!(close(scores.document.unwrap(), 77.5));
    // bagor: the program's unit for a and b; bappeda: the owner; diskominfo: nothing.
    assert_eq!(scores.units, [Some(85.0), Some(60.0), None]);

    let ranked = scorecard(&roadmap, &report);
    let order: Vec<usize> = ranked.iter().map(|s| s.unit).collect();
    assert_eq!(order, [0, 1, 2], "best first, the unscored last");
    assert_eq!(
        (ranked[0].owned, ranked[1].owned, ranked[2].owned),
        (3, 1, 0)
    );
    assert_eq!(ranked[1].flagged, 1, "60 of 100 is behind");
    assert_eq!(ranked[1].unexplained, 1);

    let empty = Roadmap::new(
        "t",
        "i",
        Period {
            start: 2025,
            end: 2025,
        },
    );
    assert_eq!(review(&empty, q("2025-Q1")).scores.document, None);
}

#[test]
fn ratings_at_the_exact_edge_of_every_band() {
    let sakip = [
        (100.0, "AA"),
        (90.000001, "AA"),
        (90.0, "A"),
        (80.000001, "A"),
        (80.0, "BB"),
        (70.000001, "BB"),
        (70.0, "B"),
        (60.000001, "B"),
        (60.0, "CC"),
        (50.000001, "CC"),
        (50.0, "C"),
        (30.000001, "C"),
        (30.0, "D"),
        (0.0, "D"),
    ];
    for (score, label) in sakip {
        assert_eq!(RatingScale::Sakip.rate(score), Some(label), "SAKIP {score}");
    }
    let permendagri = [
        (91.0, "Sangat Tinggi"),
        (90.99, "Tinggi"),
        (76.0, "Tinggi"),
        (75.99, "Sedang"),
        (66.0, "Sedang"),
        (65.99, "Rendah"),
        (51.0, "Rendah"),
        (50.99, "Sangat Rendah"),
        (0.0, "Sangat Rendah"),
    ];
    for (score, label) in permendagri {
        assert_eq!(
            RatingScale::Permendagri86.rate(score),
            Some(label),
            "Permendagri 86 {score}"
        );
    }
    let custom = RatingScale::Custom(vec![
        Band {
            min: 85.0,
            label: "Baik".into(),
        },
        Band {
            min: 70.0,
            label: "Cukup".into(),
        },
    ]);
    for (score, label) in [
        (85.0, Some("Baik")),
        (84.99, Some("Cukup")),
        (70.0, Some("Cukup")),
        (69.99, None),
    ] {
        assert_eq!(custom.rate(score), label, "custom {score}");
    }
    assert_eq!(RatingScale::None.rate(95.0), None);
}

#[test]
fn budget_absorption_per_program_and_unit() {
    let mut roadmap = document(vec![vec![vec![], vec![]]]);
    let program = &mut roadmap.areas[0].programs[0];
    program.annual_budget.insert(2025, 1_000_000);
    program.spent.insert("2025-Q1".into(), 100_000);
    program.spent.insert("2025-Q2".into(), 150_000);
    program.spent.insert("2026-Q1".into(), 999_999);
    // The second program has spending but no budget for 2025: none, and left out.
    roadmap.areas[0].programs[1]
        .spent
        .insert("2025-Q1".into(), 5_000);
    let at = |quarter: &str| review(&roadmap, q(quarter));
    assert_eq!(at("2025-Q1").scores.absorption[0], [Some(10.0), None]);
    assert_eq!(at("2025-Q2").scores.absorption[0], [Some(25.0), None]);
    assert_eq!(
        at("2026-Q1").scores.absorption[0],
        [None, None],
        "no budget for 2026"
    );
    let report = at("2025-Q2");
    assert_eq!(scorecard(&roadmap, &report)[0].absorption, Some(25.0));
}
