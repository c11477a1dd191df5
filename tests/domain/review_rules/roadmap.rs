//! A whole roadmap's review: flagged and unexplained, order and counts, the comparison with the previous quarter.

use super::*;

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
