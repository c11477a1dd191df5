//! One indicator's achievement and status: levels, counts, milestones, rules.

use super::*;

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
