//! Every rule of the quarterly review in `roadmap-format.md`, through the public API.

use crate::support::q;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use reform_roadmap::model::{
    Area, Direction, Element, Indicator, Kind, Period, Program, Review, Roadmap, Rules, Target,
};
use reform_roadmap::review::{Status, achievement, evaluate, review, status_of};

use Direction::{HigherIsBetter as Higher, LowerIsBetter as Lower};
use Status::*;

const DEFAULT: Rules = Rules {
    at_risk_below: 100.0,
    behind_below: 90.0,
};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn achievement_and_status_from_target_and_actual() {
    // (target, actual, direction, achievement, status under A=100, B=90)
    let cases = [
        // Higher is better: a / t × 100.
        (100.0, 100.0, Higher, 100.0, OnTrack), // exactly A
        (100.0, 99.99, Higher, 99.99, AtRisk),  // just below A
        (100.0, 90.0, Higher, 90.0, AtRisk),    // exactly B
        (100.0, 89.99, Higher, 89.99, Behind),  // just below B
        (50.0, 43.0, Higher, 86.0, Behind),
        (40.0, 60.0, Higher, 150.0, OnTrack),
        (100.0, 0.0, Higher, 0.0, Behind),
        (100.0, -10.0, Higher, -10.0, Behind),
        // Exact ratios that binary floating point puts a hair below the threshold.
        (0.1, 0.09, Higher, 90.0, AtRisk),
        (1.1, 0.99, Higher, 90.0, AtRisk),
        (11.3, 11.3, Higher, 100.0, OnTrack),
        // Lower is better: (2t − a) / t × 100, which can be negative.
        (10.0, 10.0, Lower, 100.0, OnTrack), // exactly A
        (10.0, 10.001, Lower, 99.99, AtRisk),
        (10.0, 11.0, Lower, 90.0, AtRisk), // exactly B
        (10.0, 11.001, Lower, 89.99, Behind),
        (10.0, 0.0, Lower, 200.0, OnTrack),
        (10.0, 35.0, Lower, -150.0, Behind),
        (1.0, 1.1, Lower, 90.0, AtRisk),
        (0.5, 0.55, Lower, 90.0, AtRisk),
        // Zero target: 100 when the actual meets or beats it in the direction, else 0.
        (0.0, 0.0, Higher, 100.0, OnTrack),
        (0.0, 3.0, Higher, 100.0, OnTrack),
        (0.0, -0.5, Higher, 0.0, Behind),
        (0.0, 0.0, Lower, 100.0, OnTrack),
        (0.0, -2.0, Lower, 100.0, OnTrack),
        (0.0, 0.5, Lower, 0.0, Behind),
        // Negative target: the same.
        (-5.0, -5.0, Higher, 100.0, OnTrack),
        (-5.0, -4.0, Higher, 100.0, OnTrack),
        (-5.0, -6.0, Higher, 0.0, Behind),
        (-5.0, -5.0, Lower, 100.0, OnTrack),
        (-5.0, -6.0, Lower, 100.0, OnTrack),
        (-5.0, -4.0, Lower, 0.0, Behind),
    ];
    for (target, actual, direction, expected, status) in cases {
        let c = achievement(target, actual, direction);
        assert!(
            close(c, expected),
            "{target} {actual} {direction:?}: {c} != {expected}"
        );
        assert_eq!(
            status_of(c, DEFAULT),
            status,
            "{target} {actual} {direction:?}"
        );
    }
}

#[test]
fn status_thresholds() {
    let rules = Rules {
        at_risk_below: 95.0,
        behind_below: 80.0,
    };
    for (c, status) in [
        (95.0, OnTrack),
        (94.999, AtRisk),
        (80.0, AtRisk),
        (79.999, Behind),
        (-1.0, Behind),
        (1000.0, OnTrack),
    ] {
        assert_eq!(status_of(c, rules), status, "{c}");
    }
    // Equal thresholds: nothing is at risk.
    let flat = Rules {
        at_risk_below: 90.0,
        behind_below: 90.0,
    };
    assert_eq!(status_of(90.0, flat), OnTrack);
    assert_eq!(status_of(89.9, flat), Behind);
}

/// An indicator of `kind` with `(quarter, target, actual)` entries.
fn numeric(kind: Kind, direction: Direction, entries: &[(&str, f64, Option<f64>)]) -> Indicator {
    let mut indicator = Indicator::new("x", "x", kind);
    indicator.direction = direction;
    indicator.targets = entries
        .iter()
        .map(|&(quarter, target, actual)| {
            (
                quarter.to_owned(),
                Target {
                    actual,
                    ..Target::planned(target)
                },
            )
        })
        .collect::<BTreeMap<_, _>>();
    indicator
}

struct Expect {
    status: Status,
    achievement: Option<f64>,
    target: Option<f64>,
    actual: Option<f64>,
}

fn expect(
    status: Status,
    achievement: Option<f64>,
    target: Option<f64>,
    actual: Option<f64>,
) -> Expect {
    Expect {
        status,
        achievement,
        target,
        actual,
    }
}

fn check(name: &str, indicator: &Indicator, rules: Rules, at: &str, want: Expect) {
    let got = evaluate(indicator, rules, q(at));
    assert_eq!(got.status, want.status, "{name}: status");
    let same = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    };
    assert!(
        same(got.achievement, want.achievement),
        "{name}: achievement {:?} != {:?}",
        got.achievement,
        want.achievement
    );
    assert!(
        same(got.target, want.target),
        "{name}: target {:?}",
        got.target
    );
    assert!(
        same(got.actual, want.actual),
        "{name}: actual {:?}",
        got.actual
    );
}

#[test]
fn level_uses_the_quarter_alone() {
    let level = numeric(
        Kind::Level,
        Higher,
        &[
            ("2025-Q1", 45.0, Some(44.0)),
            ("2025-Q2", 50.0, Some(43.0)),
            ("2025-Q3", 55.0, None),
            ("2026-Q1", 60.0, Some(60.0)),
        ],
    );
    let cases = [
        (
            "Q1 at risk",
            "2025-Q1",
            expect(AtRisk, Some(97.777777778), Some(45.0), Some(44.0)),
        ),
        (
            "Q2 behind",
            "2025-Q2",
            expect(Behind, Some(86.0), Some(50.0), Some(43.0)),
        ),
        (
            "target, no actual",
            "2025-Q3",
            expect(Missing, None, Some(55.0), None),
        ),
        // An earlier quarter's actual does not stand in for a quarter without target.
        ("no target", "2025-Q4", expect(NoTarget, None, None, None)),
        (
            "next year",
            "2026-Q1",
            expect(OnTrack, Some(100.0), Some(60.0), Some(60.0)),
        ),
        (
            "before any target",
            "2024-Q4",
            expect(NoTarget, None, None, None),
        ),
    ];
    for (name, at, want) in cases {
        check(name, &level, DEFAULT, at, want);
    }
    let lower = numeric(Kind::Level, Lower, &[("2025-Q1", 10.0, Some(12.0))]);
    check(
        "lower is better, negative polarity",
        &lower,
        DEFAULT,
        "2025-Q1",
        expect(Behind, Some(80.0), Some(10.0), Some(12.0)),
    );
}

#[test]
fn count_is_year_to_date() {
    let count = numeric(
        Kind::Count,
        Higher,
        &[
            ("2025-Q1", 10.0, Some(8.0)),
            ("2025-Q2", 10.0, Some(12.0)),
            // Q3 has no target: skipped in the sums.
            ("2025-Q4", 20.0, Some(17.0)),
            ("2026-Q1", 5.0, Some(5.0)),
            ("2026-Q2", 5.0, None),
            ("2026-Q3", 10.0, Some(20.0)),
        ],
    );
    let cases = [
        (
            "Q1 alone",
            "2025-Q1",
            expect(Behind, Some(80.0), Some(10.0), Some(8.0)),
        ),
        (
            "Q1+Q2",
            "2025-Q2",
            expect(OnTrack, Some(100.0), Some(20.0), Some(20.0)),
        ),
        (
            "no target at Q3",
            "2025-Q3",
            expect(NoTarget, None, None, None),
        ),
        (
            "Q4 sums Q1, Q2, Q4 and skips Q3",
            "2025-Q4",
            expect(AtRisk, Some(92.5), Some(40.0), Some(37.0)),
        ),
        (
            "Q1 of a new year counts only that Q1",
            "2026-Q1",
            expect(OnTrack, Some(100.0), Some(5.0), Some(5.0)),
        ),
        (
            "actual missing at Q",
            "2026-Q2",
            expect(Missing, None, Some(10.0), None),
        ),
        (
            "an earlier quarter of the year lacks an actual",
            "2026-Q3",
            expect(Missing, None, Some(20.0), None),
        ),
    ];
    for (name, at, want) in cases {
        check(name, &count, DEFAULT, at, want);
    }
    // The missing Q2 of 2026 does not reach into 2027.
    let next_year = numeric(
        Kind::Count,
        Lower,
        &[("2026-Q2", 5.0, None), ("2027-Q1", 4.0, Some(5.0))],
    );
    check(
        "lower is better, new year",
        &next_year,
        DEFAULT,
        "2027-Q1",
        expect(Behind, Some(75.0), Some(4.0), Some(5.0)),
    );
}

#[test]
fn count_lower_is_better_and_zero_sums() {
    let complaints = numeric(
        Kind::Count,
        Lower,
        &[("2025-Q1", 10.0, Some(12.0)), ("2025-Q2", 8.0, Some(7.0))],
    );
    // (2×18 − 19) / 18 × 100 = 94.44…
    check(
        "spec example at Q2",
        &complaints,
        DEFAULT,
        "2025-Q2",
        expect(AtRisk, Some(94.444444444), Some(18.0), Some(19.0)),
    );
    let zero = numeric(
        Kind::Count,
        Lower,
        &[("2025-Q1", 0.0, Some(0.0)), ("2025-Q2", 0.0, Some(1.0))],
    );
    check(
        "zero target met",
        &zero,
        DEFAULT,
        "2025-Q1",
        expect(OnTrack, Some(100.0), Some(0.0), Some(0.0)),
    );
    check(
        "zero target missed",
        &zero,
        DEFAULT,
        "2025-Q2",
        expect(Behind, Some(0.0), Some(0.0), Some(1.0)),
    );
}

#[test]
fn milestones() {
    let milestone = |due: Option<&str>, done: Option<&str>| {
        let mut indicator = Indicator::new("m", "m", Kind::Milestone);
        indicator.due = due.map(q);
        indicator.done = done.map(q);
        indicator
    };
    let cases = [
        ("no due", None, None, "2025-Q4", NoTarget, None),
        (
            "no due even when done",
            None,
            Some("2025-Q1"),
            "2025-Q4",
            NoTarget,
            None,
        ),
        (
            "not due yet",
            Some("2025-Q3"),
            None,
            "2025-Q2",
            NotDue,
            None,
        ),
        (
            "due now, not done",
            Some("2025-Q2"),
            None,
            "2025-Q2",
            Behind,
            Some(0.0),
        ),
        (
            "overdue",
            Some("2025-Q2"),
            None,
            "2026-Q1",
            Behind,
            Some(0.0),
        ),
        (
            "done on time",
            Some("2025-Q2"),
            Some("2025-Q2"),
            "2025-Q2",
            OnTrack,
            Some(100.0),
        ),
        (
            "done early",
            Some("2025-Q4"),
            Some("2025-Q1"),
            "2025-Q2",
            OnTrack,
            Some(100.0),
        ),
        (
            "done late, not yet",
            Some("2025-Q2"),
            Some("2025-Q3"),
            "2025-Q2",
            Behind,
            Some(0.0),
        ),
        (
            "done late, now",
            Some("2025-Q2"),
            Some("2025-Q3"),
            "2025-Q3",
            OnTrack,
            Some(100.0),
        ),
        (
            "done after the review quarter, not due",
            Some("2025-Q4"),
            Some("2025-Q4"),
            "2025-Q3",
            NotDue,
            None,
        ),
    ];
    for (name, due, done, at, status, c) in cases {
        check(
            name,
            &milestone(due, done),
            DEFAULT,
            at,
            expect(status, c, None, None),
        );
    }
}

#[test]
fn indicator_rules_replace_the_documents() {
    let mut indicator = numeric(Kind::Level, Higher, &[("2025-Q1", 100.0, Some(85.0))]);
    let strict = Rules {
        at_risk_below: 100.0,
        behind_below: 90.0,
    };
    let lenient = Rules {
        at_risk_below: 95.0,
        behind_below: 80.0,
    };
    check(
        "document rules",
        &indicator,
        strict,
        "2025-Q1",
        expect(Behind, Some(85.0), Some(100.0), Some(85.0)),
    );
    indicator.rules = Some(lenient);
    check(
        "own rules win",
        &indicator,
        strict,
        "2025-Q1",
        expect(AtRisk, Some(85.0), Some(100.0), Some(85.0)),
    );
    // Replaced as a whole: own at_risk_below 100 with behind_below 50 ignores the
    // document's 90.
    indicator.rules = Some(Rules {
        at_risk_below: 100.0,
        behind_below: 50.0,
    });
    check(
        "whole replacement",
        &indicator,
        lenient,
        "2025-Q1",
        expect(AtRisk, Some(85.0), Some(100.0), Some(85.0)),
    );
}

/// A roadmap of 2025–2026 with one area, one program and `indicators`.
fn roadmap(indicators: Vec<Indicator>) -> Roadmap {
    let mut program = Program::new("p", "Program");
    program.indicators = indicators;
    let mut area = Area::new("a", "Area", Element::Hard);
    area.programs = vec![program];
    let mut roadmap = Roadmap::new(
        "t",
        "i",
        Period {
            start: 2025,
            end: 2026,
        },
    );
    roadmap.areas = vec![area];
    roadmap
}

fn named(id: &str, mut indicator: Indicator) -> Indicator {
    id.clone_into(&mut indicator.id);
    indicator
}

fn explained(
    mut indicator: Indicator,
    at: &str,
    obstacle: Option<&str>,
    follow_up: Option<&str>,
) -> Indicator {
    let entry = indicator
        .targets
        .get_mut(at)
        .expect("an entry at the quarter");
    entry.obstacle = obstacle.map(str::to_owned);
    entry.follow_up = follow_up.map(str::to_owned);
    indicator
}

#[test]
fn flagged_and_unexplained() {
    let behind = || numeric(Kind::Level, Higher, &[("2025-Q1", 100.0, Some(50.0))]);
    let missing = || numeric(Kind::Level, Higher, &[("2025-Q1", 100.0, None)]);
    let at_risk = || numeric(Kind::Level, Higher, &[("2025-Q1", 100.0, Some(95.0))]);
    let count_behind = || numeric(Kind::Count, Higher, &[("2025-Q1", 10.0, Some(1.0))]);
    let overdue = || {
        let mut m = Indicator::new("m", "m", Kind::Milestone);
        m.due = Some(q("2025-Q1"));
        m
    };
    // (name, indicator, flagged, unexplained)
    let cases = [
        ("behind, nothing written", behind(), true, true),
        (
            "behind, both written",
            explained(behind(), "2025-Q1", Some("Anggaran"), Some("Revisi DPA")),
            true,
            false,
        ),
        (
            "behind, obstacle only",
            explained(behind(), "2025-Q1", Some("Anggaran"), None),
            true,
            true,
        ),
        (
            "behind, follow-up only",
            explained(behind(), "2025-Q1", None, Some("Revisi")),
            true,
            true,
        ),
        (
            "behind, blank obstacle",
            explained(behind(), "2025-Q1", Some("  \t"), Some("Revisi")),
            true,
            true,
        ),
        (
            "behind, blank follow-up",
            explained(behind(), "2025-Q1", Some("Anggaran"), Some(" ")),
            true,
            true,
        ),
        ("missing, nothing written", missing(), true, true),
        (
            "missing, explained",
            explained(
                missing(),
                "2025-Q1",
                Some("Data belum masuk"),
                Some("Surati OPD"),
            ),
            true,
            false,
        ),
        ("count behind", count_behind(), true, true),
        (
            "count behind, explained",
            explained(count_behind(), "2025-Q1", Some("a"), Some("b")),
            true,
            false,
        ),
        ("at risk is a warning, not a flag", at_risk(), false, false),
        ("milestone behind, nothing written", overdue(), true, true),
        (
            "milestone behind, both written",
            Indicator {
                obstacle: Some("Harmonisasi".into()),
                follow_up: Some("Koordinasi".into()),
                ..overdue()
            },
            true,
            false,
        ),
        (
            "milestone behind, obstacle only",
            Indicator {
                obstacle: Some("Harmonisasi".into()),
                ..overdue()
            },
            true,
            true,
        ),
        (
            "average behind, nothing written",
            numeric(Kind::Average, Higher, &[("2025-Q1", 80.0, Some(40.0))]),
            true,
            true,
        ),
    ];
    for (name, indicator, flagged, unexplained) in cases {
        let report = review(&roadmap(vec![indicator]), q("2025-Q1"));
        let line = &report.indicators[0];
        assert_eq!(line.is_flagged(), flagged, "{name}: flagged");
        assert_eq!(line.unexplained, unexplained, "{name}: unexplained");
        assert_eq!(
            report.summary.flagged(),
            usize::from(flagged),
            "{name}: summary"
        );
        assert_eq!(
            report.unexplained().count(),
            usize::from(unexplained),
            "{name}"
        );
    }
}

#[test]
fn every_indicator_once_in_document_order_with_counts() {
    let mut first = roadmap(vec![
        named(
            "a1",
            numeric(Kind::Level, Higher, &[("2025-Q2", 10.0, Some(10.0))]),
        ),
        named(
            "a2",
            numeric(Kind::Level, Higher, &[("2025-Q2", 10.0, None)]),
        ),
    ]);
    let mut second = Area::new("b", "B", Element::Soft);
    let mut program = Program::new("bp", "BP");
    program.indicators = vec![
        named("b1", numeric(Kind::Count, Higher, &[])),
        named("b2", {
            let mut m = Indicator::new("", "m", Kind::Milestone);
            m.due = Some(q("2026-Q1"));
            m
        }),
        named(
            "b3",
            numeric(Kind::Level, Higher, &[("2025-Q2", 10.0, Some(9.5))]),
        ),
        named(
            "b4",
            numeric(Kind::Level, Higher, &[("2025-Q2", 10.0, Some(1.0))]),
        ),
    ];
    second.programs = vec![program];
    first.areas.push(second);
    let report = review(&first, q("2025-Q2"));
    let ids: Vec<&str> = report.indicators.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["a1", "a2", "b1", "b2", "b3", "b4"]);
    let positions: Vec<(usize, usize, usize)> = report
        .indicators
        .iter()
        .map(|l| (l.area, l.program, l.indicator))
        .collect();
    assert_eq!(
        positions,
        [
            (0, 0, 0),
            (0, 0, 1),
            (1, 0, 0),
            (1, 0, 1),
            (1, 0, 2),
            (1, 0, 3)
        ]
    );
    let s = report.summary;
    assert_eq!(
        (
            s.on_track,
            s.at_risk,
            s.behind,
            s.missing,
            s.not_due,
            s.no_target
        ),
        (1, 1, 1, 1, 1, 1)
    );
    assert_eq!((report.areas[0].on_track, report.areas[0].missing), (1, 1));
    assert_eq!(report.areas[1].total(), 4);
    assert_eq!(report.flagged_ids(), ["a2", "b4"]);
}

#[test]
fn newly_behind_and_recovered() {
    // Each indicator: (id, actual at Q1, actual at Q2) against a target of 100;
    // 50 is behind, 100 on track.
    let indicator = |id: &str, q1: f64, q2: f64| {
        named(
            id,
            numeric(
                Kind::Level,
                Higher,
                &[("2025-Q1", 100.0, Some(q1)), ("2025-Q2", 100.0, Some(q2))],
            ),
        )
    };
    let document = roadmap(vec![
        indicator("stays-ok", 100.0, 100.0),
        indicator("falls", 100.0, 50.0),
        indicator("recovers", 50.0, 100.0),
        indicator("stays-behind", 50.0, 50.0),
    ]);
    let recorded = |flagged: &[&str]| Review {
        quarter: q("2025-Q1"),
        date: NaiveDate::from_ymd_opt(2025, 4, 15).unwrap(),
        reviewer: "Tim".into(),
        notes: None,
        flagged: flagged.iter().map(|s| (*s).to_owned()).collect(),
    };

    /// (name, recorded reviews, quarter, newly behind, recovered)
    type Case = (
        &'static str,
        Vec<Review>,
        &'static str,
        Vec<&'static str>,
        Vec<&'static str>,
    );
    let cases: Vec<Case> = vec![
        (
            "no recorded review: compared with the document at Q1",
            vec![],
            "2025-Q2",
            vec!["falls"],
            vec!["recovers"],
        ),
        (
            "recorded review wins over today's statuses at Q1",
            // The meeting flagged stays-ok and nothing else at the time.
            vec![recorded(&["stays-ok"])],
            "2025-Q2",
            vec!["falls", "stays-behind"],
            vec!["stays-ok"],
        ),
        (
            "the latest of several recordings of Q1",
            vec![recorded(&[]), recorded(&["falls", "stays-behind"])],
            "2025-Q2",
            vec![],
            vec![],
        ),
        (
            "ids no longer in the document are not recovered",
            vec![recorded(&["gone", "recovers", "stays-behind"])],
            "2025-Q2",
            vec!["falls"],
            vec!["recovers"],
        ),
        (
            "first quarter of the period: nothing before it",
            vec![],
            "2025-Q1",
            vec!["recovers", "stays-behind"],
            vec![],
        ),
        (
            "a review recorded for a quarter outside the period still counts",
            vec![Review {
                quarter: q("2024-Q4"),
                ..recorded(&["recovers"])
            }],
            "2025-Q1",
            vec!["stays-behind"],
            vec![],
        ),
        (
            "no target at Q3: flagged at Q2 is neither recovered nor newly flagged",
            vec![],
            "2025-Q3",
            vec![],
            vec![],
        ),
    ];
    for (name, reviews, at, newly, recovered) in cases {
        let mut document = document.clone();
        document.reviews = reviews;
        let report = review(&document, q(at));
        assert_eq!(report.newly_behind, newly, "{name}: newly behind");
        assert_eq!(report.recovered, recovered, "{name}: recovered");
    }
}

#[test]
fn missing_counts_as_flagged_for_the_comparison() {
    let document = roadmap(vec![named(
        "late-report",
        numeric(
            Kind::Level,
            Higher,
            &[("2025-Q1", 100.0, Some(100.0)), ("2025-Q2", 100.0, None)],
        ),
    )]);
    let report = review(&document, q("2025-Q2"));
    assert_eq!(report.indicators[0].status(), Missing);
    assert!(
        report.newly_behind.is_empty(),
        "newly missing, not newly behind"
    );
    assert_eq!(report.newly_missing, ["late-report"]);
}

#[test]
fn recovered_only_when_on_track_or_at_risk_now() {
    // Behind at Q1 (50 of 100), then each indicator's Q2 decides.
    let with_q2 = |id: &str, q2: Option<(f64, Option<f64>)>| {
        let mut entries = vec![("2025-Q1", 100.0, Some(50.0))];
        if let Some((target, actual)) = q2 {
            entries.push(("2025-Q2", target, actual));
        }
        named(id, numeric(Kind::Level, Higher, &entries))
    };
    let mut late = named("late-milestone", Indicator::new("", "", Kind::Milestone));
    late.due = Some(q("2025-Q1"));
    let mut not_due = named("not-due", Indicator::new("", "", Kind::Milestone));
    not_due.due = Some(q("2025-Q3"));
    let document = roadmap(vec![
        with_q2("on-track", Some((100.0, Some(100.0)))),
        with_q2("at-risk", Some((100.0, Some(95.0)))),
        with_q2("still-behind", Some((100.0, Some(50.0)))),
        with_q2("now-missing", Some((100.0, None))),
        with_q2("no-target", None),
        late,
        not_due,
    ]);
    let recorded = Review {
        quarter: q("2025-Q1"),
        date: NaiveDate::from_ymd_opt(2025, 4, 15).unwrap(),
        reviewer: "Tim".into(),
        notes: None,
        // The meeting also flagged the milestone that is not due yet (a slip then).
        flagged: vec!["not-due".into()],
    };
    for (name, reviews) in [
        ("today's statuses at Q1", vec![]),
        ("recorded", vec![recorded]),
    ] {
        let mut document = document.clone();
        document.reviews = reviews;
        let report = review(&document, q("2025-Q2"));
        if name == "recorded" {
            // Only not-due was flagged then: it is not_due now, so neither.
            assert!(report.recovered.is_empty(), "{name}");
            assert_eq!(
                report.newly_behind,
                ["still-behind", "late-milestone"],
                "{name}"
            );
            assert_eq!(report.newly_missing, ["now-missing"], "{name}");
        } else {
            assert_eq!(report.recovered, ["on-track", "at-risk"], "{name}");
            assert!(
                report.newly_behind.is_empty(),
                "{name}: still flagged is not new"
            );
            assert!(
                report.newly_missing.is_empty(),
                "{name}: behind then, missing now"
            );
        }
    }
}
