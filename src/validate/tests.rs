//! Every rule, its severity, location and message, in both languages.

use super::*;
use crate::locale::Language;
use crate::model::{Area, Element, Program, Review, Target, Unit};
use crate::model::{Indicator, IndicatorAt, Kind, Period, Quarter, Roadmap, Rules};

fn q(text: &str) -> Quarter {
    text.parse().unwrap()
}

/// A small valid roadmap: 2025–2026, two units, two areas, a Level, a Milestone
/// and a Count indicator, one review.
fn base() -> Roadmap {
    let mut roadmap = Roadmap::new(
        "Road Map",
        "Kabupaten Contoh",
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
            id: "insp".into(),
            name: "Inspektorat".into(),
        },
    ];
    let mut level = Indicator::new("a-1-a", "Persentase", Kind::Level);
    level
        .targets
        .insert("2025-Q1".into(), Target::planned(45.0));
    level.targets.insert(
        "2025-Q2".into(),
        Target {
            actual: Some(40.0),
            ..Target::planned(50.0)
        },
    );
    let mut milestone = Indicator::new("a-1-b", "SK ditetapkan", Kind::Milestone);
    milestone.due = Some(q("2025-Q2"));
    milestone.done = Some(q("2025-Q3"));
    let mut program = Program::new("a-1", "Program A");
    program.unit = Some("bagor".into());
    program.indicators = vec![level, milestone];
    let mut area = Area::new("a", "Area A", Element::Soft);
    area.programs = vec![program];

    let mut count = Indicator::new("b-1-a", "Jumlah", Kind::Count);
    count.targets.insert("2026-Q4".into(), Target::planned(3.0));
    let mut program_b = Program::new("b-1", "Program B");
    program_b.indicators = vec![count];
    let mut area_b = Area::new("b", "Area B", Element::Hard);
    area_b.programs = vec![program_b];
    roadmap.areas = vec![area, area_b];
    roadmap.reviews = vec![Review {
        quarter: q("2025-Q1"),
        date: chrono::NaiveDate::from_ymd_opt(2025, 4, 15).unwrap(),
        reviewer: "Tim RB".into(),
        notes: None,
        flagged: vec![],
    }];
    roadmap
}

fn level(r: &mut Roadmap) -> &mut Indicator {
    &mut r.areas[0].programs[0].indicators[0]
}
fn milestone(r: &mut Roadmap) -> &mut Indicator {
    &mut r.areas[0].programs[0].indicators[1]
}
fn count(r: &mut Roadmap) -> &mut Indicator {
    &mut r.areas[1].programs[0].indicators[0]
}

const LEVEL: Location = Location::Indicator(IndicatorAt::new(0, 0, 0));
const MILESTONE: Location = Location::Indicator(IndicatorAt::new(0, 0, 1));
const COUNT: Location = Location::Indicator(IndicatorAt::new(1, 0, 0));
fn level_target(key: &str) -> Location {
    Location::target(IndicatorAt::new(0, 0, 0), key)
}

use Severity::{Error as E, Warning as W};

type Mutation = fn(&mut Roadmap);
/// Severity, location and [`ProblemKind::key`] of a problem.
type Found = (Severity, Location, &'static str);

#[test]
fn every_rule_reports_its_severity_location_and_kind() {
    let cases: Vec<(&str, Mutation, Vec<Found>)> = vec![
        ("valid", |_| {}, vec![]),
        (
            "period reversed, outside-period checks silenced",
            |r| {
                r.period = Period {
                    start: 2026,
                    end: 2025,
                };
                level(r)
                    .targets
                    .insert("2030-Q1".into(), Target::planned(1.0));
            },
            vec![(E, Location::Document, "period_reversed")],
        ),
        (
            "single-year period is fine",
            |r| {
                r.period = Period {
                    start: 2025,
                    end: 2025,
                };
                count(r).targets.clear();
            },
            vec![],
        ),
        (
            "duplicate unit id",
            |r| r.units[1].id = "bagor".into(),
            vec![(E, Location::Unit { unit: 1 }, "duplicate_id")],
        ),
        (
            "duplicate area id",
            |r| r.areas[1].id = "a".into(),
            vec![(E, Location::Area { area: 1 }, "duplicate_id")],
        ),
        (
            "duplicate program id across areas",
            |r| r.areas[1].programs[0].id = "a-1".into(),
            vec![(
                E,
                Location::Program {
                    area: 1,
                    program: 0,
                },
                "duplicate_id",
            )],
        ),
        (
            "duplicate indicator id across areas",
            |r| count(r).id = "a-1-a".into(),
            vec![(E, COUNT, "duplicate_id")],
        ),
        (
            "the same id on items of different kinds is allowed",
            |r| {
                r.areas[0].id = "bagor".into();
                r.areas[0].programs[0].id = "bagor".into();
                level(r).id = "bagor".into();
            },
            vec![],
        ),
        (
            "empty and blank ids and names",
            |r| {
                r.units[0].id = String::new();
                r.areas[1].name = "  ".into();
                r.areas[1].programs[0].id = " ".into();
                milestone(r).name = String::new();
            },
            vec![
                (E, Location::Unit { unit: 0 }, "empty_id"),
                // The program's unit "bagor" is no longer a known unit id.
                (
                    E,
                    Location::Program {
                        area: 0,
                        program: 0,
                    },
                    "unknown_unit",
                ),
                (E, MILESTONE, "empty_name"),
                (E, Location::Area { area: 1 }, "empty_name"),
                (
                    E,
                    Location::Program {
                        area: 1,
                        program: 0,
                    },
                    "empty_id",
                ),
            ],
        ),
        (
            "two empty ids are not also duplicates",
            |r| {
                level(r).id = String::new();
                milestone(r).id = String::new();
            },
            vec![(E, LEVEL, "empty_id"), (E, MILESTONE, "empty_id")],
        ),
        (
            "program unit not in units",
            |r| r.areas[1].programs[0].unit = Some("bappeda".into()),
            vec![(
                E,
                Location::Program {
                    area: 1,
                    program: 0,
                },
                "unknown_unit",
            )],
        ),
        (
            "malformed target keys",
            |r| {
                let t = &mut level(r).targets;
                t.insert("2025-Q5".into(), Target::planned(1.0));
                t.insert("TW I 2025".into(), Target::planned(1.0));
                t.insert("2025-q3".into(), Target::planned(1.0));
            },
            vec![
                (E, level_target("2025-Q5"), "malformed_quarter"),
                (E, level_target("2025-q3"), "malformed_quarter"),
                (E, level_target("TW I 2025"), "malformed_quarter"),
            ],
        ),
        (
            "target keys just outside the period, edges inside",
            |r| {
                let t = &mut level(r).targets;
                t.insert("2024-Q4".into(), Target::planned(1.0));
                t.insert("2025-Q1".into(), Target::planned(1.0));
                t.insert("2026-Q4".into(), Target::planned(1.0));
                t.insert("2027-Q1".into(), Target::planned(1.0));
            },
            vec![
                (W, level_target("2024-Q4"), "target_outside_period"),
                (W, level_target("2027-Q1"), "target_outside_period"),
            ],
        ),
        (
            "non-finite target and actual",
            |r| {
                let t = &mut level(r).targets;
                t.get_mut("2025-Q1").unwrap().target = f64::NAN;
                t.get_mut("2025-Q2").unwrap().actual = Some(f64::INFINITY);
            },
            vec![
                (E, level_target("2025-Q1"), "not_finite"),
                (E, level_target("2025-Q2"), "not_finite"),
            ],
        ),
        (
            "non-finite baseline",
            |r| level(r).baseline = Some(f64::NEG_INFINITY),
            vec![(E, LEVEL, "not_finite")],
        ),
        (
            "finite baseline, even negative, is fine",
            |r| level(r).baseline = Some(-3.0),
            vec![],
        ),
        (
            "non-finite document rules: no reversed check on top",
            |r| r.rules.behind_below = f64::NAN,
            vec![(E, Location::Document, "not_finite")],
        ),
        (
            "non-finite indicator rules",
            |r| {
                level(r).rules = Some(Rules {
                    at_risk_below: f64::INFINITY,
                    behind_below: f64::NAN,
                })
            },
            vec![(E, LEVEL, "not_finite"), (E, LEVEL, "not_finite")],
        ),
        (
            "document rules reversed",
            |r| {
                r.rules = Rules {
                    at_risk_below: 80.0,
                    behind_below: 90.0,
                }
            },
            vec![(E, Location::Document, "rules_reversed")],
        ),
        (
            "equal thresholds are allowed",
            |r| {
                r.rules = Rules {
                    at_risk_below: 90.0,
                    behind_below: 90.0,
                }
            },
            vec![],
        ),
        (
            "indicator rules reversed",
            |r| {
                count(r).rules = Some(Rules {
                    at_risk_below: 100.0,
                    behind_below: 100.5,
                })
            },
            vec![(E, COUNT, "rules_reversed")],
        ),
        (
            "milestone with targets",
            |r| {
                milestone(r)
                    .targets
                    .insert("2025-Q1".into(), Target::planned(1.0));
            },
            vec![(E, MILESTONE, "milestone_with_targets")],
        ),
        (
            "numeric indicators with due and done",
            |r| {
                level(r).due = Some(q("2025-Q1"));
                count(r).done = Some(q("2025-Q1"));
            },
            vec![
                (E, LEVEL, "numeric_with_milestone_field"),
                (E, COUNT, "numeric_with_milestone_field"),
            ],
        ),
        (
            "milestone due and done outside the period",
            |r| {
                milestone(r).due = Some(q("2024-Q4"));
                milestone(r).done = Some(q("2027-Q1"));
            },
            vec![
                (W, MILESTONE, "milestone_outside_period"),
                (W, MILESTONE, "milestone_outside_period"),
            ],
        ),
        (
            "milestone without due or done is a draft, not a problem",
            |r| {
                milestone(r).due = None;
                milestone(r).done = None;
            },
            vec![],
        ),
        (
            "review outside the period",
            |r| {
                let mut late = r.reviews[0].clone();
                late.quarter = q("2027-Q1");
                r.reviews.push(late);
            },
            vec![(W, Location::Review { review: 1 }, "review_outside_period")],
        ),
    ];
    for (name, mutate, expected) in cases {
        let mut roadmap = base();
        mutate(&mut roadmap);
        let found: Vec<Found> = validate(&roadmap)
            .into_iter()
            .map(|p| (p.severity, p.location, p.kind.key()))
            .collect();
        assert_eq!(found, expected, "{name}");
    }
}

#[test]
fn duplicate_points_at_the_first_use() {
    let mut roadmap = base();
    count(&mut roadmap).id = "a-1-b".into();
    let problems = validate(&roadmap);
    assert_eq!(
        problems,
        vec![Problem {
            severity: Severity::Error,
            location: COUNT,
            kind: ProblemKind::DuplicateId {
                item: Item::Indicator,
                id: "a-1-b".into(),
                first: MILESTONE,
            },
        }]
    );
}

#[test]
fn messages_and_locations_are_translated_in_both_languages() {
    let roadmap = base();
    let period = roadmap.period;
    let kinds = [
        ProblemKind::PeriodReversed {
            start: 2029,
            end: 2025,
        },
        ProblemKind::EmptyId {
            item: Item::Program,
        },
        ProblemKind::EmptyName { item: Item::Unit },
        ProblemKind::DuplicateId {
            item: Item::Indicator,
            id: "x".into(),
            first: LEVEL,
        },
        ProblemKind::UnknownUnit { unit: "bkd".into() },
        ProblemKind::MalformedQuarter {
            key: "2025-Q9".into(),
        },
        ProblemKind::TargetOutsidePeriod {
            quarter: q("2030-Q1"),
            period,
        },
        ProblemKind::NotFinite {
            field: NumberField::Actual,
            value: f64::NAN,
        },
        ProblemKind::RulesReversed {
            rules: Rules {
                at_risk_below: 80.0,
                behind_below: 90.5,
            },
        },
        ProblemKind::MilestoneWithTargets { count: 2 },
        ProblemKind::NumericWithMilestoneField {
            field: MilestoneField::Due,
        },
        ProblemKind::MilestoneOutsidePeriod {
            field: MilestoneField::Done,
            quarter: q("2030-Q1"),
            period,
        },
        ProblemKind::ReviewOutsidePeriod {
            quarter: q("2024-Q4"),
            period,
        },
    ];
    for kind in kinds {
        let problem = Problem::new(LEVEL, kind);
        let id = problem.message(Language::Indonesian);
        let en = problem.message(Language::English);
        for text in [&id, &en] {
            assert!(
                !text.starts_with("validate.") && !text.contains("%{"),
                "untranslated: {text}"
            );
        }
        assert_ne!(id, en, "{:?}", problem.kind);
    }
    let rules = Problem::new(
        Location::Document,
        ProblemKind::RulesReversed {
            rules: Rules {
                at_risk_below: 80.0,
                behind_below: 90.5,
            },
        },
    );
    assert!(rules.message(Language::Indonesian).contains("90,5"));
    assert!(rules.message(Language::English).contains("90.5"));
    let outside = Problem::new(
        Location::Review { review: 0 },
        ProblemKind::ReviewOutsidePeriod {
            quarter: q("2024-Q4"),
            period,
        },
    );
    assert!(outside.message(Language::Indonesian).contains("TW IV 2024"));
    assert!(outside.message(Language::Indonesian).contains("2025–2026"));
}

#[test]
fn locations_name_items_by_id_or_position() {
    let mut roadmap = base();
    roadmap.areas[1].id = String::new();
    for (location, language, expected) in [
        (Location::Document, Language::Indonesian, "dokumen"),
        (
            Location::Unit { unit: 1 },
            Language::Indonesian,
            "unit kerja insp",
        ),
        (
            Location::Area { area: 1 },
            Language::English,
            "change area #2",
        ),
        (
            Location::Program {
                area: 0,
                program: 0,
            },
            Language::English,
            "program a-1",
        ),
        (COUNT, Language::Indonesian, "indikator b-1-a"),
        (
            level_target("2025-Q5"),
            Language::Indonesian,
            "indikator a-1-a, target 2025-Q5",
        ),
        (
            Location::Review { review: 0 },
            Language::Indonesian,
            "monev ke-1 (TW I 2025)",
        ),
        (
            Location::Review { review: 0 },
            Language::English,
            "review no. 1 (Q1 2025)",
        ),
    ] {
        assert_eq!(location.describe(&roadmap, language), expected);
    }
}

#[test]
fn version_2_rules_on_both_sides_of_each_boundary() {
    use crate::model::{Band, RatingScale, Scale, Scoring};
    const PROGRAM: Location = Location::Program {
        area: 0,
        program: 0,
    };
    fn scoring(r: &mut Roadmap) -> &mut Scoring {
        r.scoring.get_or_insert_with(Scoring::default)
    }
    fn bands(r: &mut Roadmap, mins: &[f64]) {
        let bands = mins
            .iter()
            .map(|&min| Band {
                min,
                label: format!("b{min}"),
            })
            .collect();
        scoring(r).rating = RatingScale::Custom(bands);
    }
    fn upper(r: &mut Roadmap, value: f64) {
        level(r).targets.get_mut("2025-Q1").unwrap().upper = Some(value);
    }
    fn scale(r: &mut Roadmap, min: f64, max: f64) {
        level(r).scale = Some(Scale { min, max });
    }
    let cases: Vec<(&str, Mutation, Vec<Found>)> = vec![
        ("cap at 100", |r| scoring(r).cap = Some(100.0), vec![]),
        (
            "cap just below 100",
            |r| scoring(r).cap = Some(99.99),
            vec![(E, Location::Document, "cap_below_hundred")],
        ),
        (
            "cap not a number",
            |r| scoring(r).cap = Some(f64::NAN),
            vec![(E, Location::Document, "not_finite")],
        ),
        ("bands descending", |r| bands(r, &[85.0, 70.0]), vec![]),
        (
            "bands equal",
            |r| bands(r, &[85.0, 85.0]),
            vec![(E, Location::Document, "bands_not_descending")],
        ),
        (
            "bands ascending",
            |r| bands(r, &[70.0, 85.0]),
            vec![(E, Location::Document, "bands_not_descending")],
        ),
        (
            "weight just above 0",
            |r| level(r).weight = Some(0.001),
            vec![],
        ),
        (
            "weight 0",
            |r| level(r).weight = Some(0.0),
            vec![(E, LEVEL, "bad_weight")],
        ),
        (
            "area weight negative",
            |r| r.areas[1].weight = Some(-1.0),
            vec![(E, Location::Area { area: 1 }, "bad_weight")],
        ),
        (
            "weight infinite",
            |r| level(r).weight = Some(f64::INFINITY),
            vec![(E, LEVEL, "bad_weight")],
        ),
        (
            "owner known",
            |r| level(r).owner = Some("insp".into()),
            vec![],
        ),
        (
            "owner unknown",
            |r| level(r).owner = Some("dinkes".into()),
            vec![(E, LEVEL, "unknown_owner")],
        ),
        (
            "WithinRange on a milestone",
            |r| milestone(r).direction = crate::model::Direction::WithinRange,
            vec![(E, MILESTONE, "within_range_on_milestone")],
        ),
        ("upper equal to target", |r| upper(r, 45.0), vec![]),
        (
            "upper just below target",
            |r| upper(r, 44.99),
            vec![(E, level_target("2025-Q1"), "upper_below_target")],
        ),
        (
            "upper on a milestone",
            |r| {
                let mut entry = Target::planned(1.0);
                entry.upper = Some(2.0);
                milestone(r).targets.insert("2025-Q1".into(), entry);
            },
            vec![
                (E, MILESTONE, "milestone_with_targets"),
                (
                    E,
                    Location::target(IndicatorAt::new(0, 0, 1), "2025-Q1"),
                    "upper_on_milestone",
                ),
            ],
        ),
        ("target at the scale's max", |r| scale(r, 0.0, 50.0), vec![]),
        (
            "target just above the scale's max",
            |r| scale(r, 0.0, 49.99),
            vec![(W, level_target("2025-Q2"), "outside_scale")],
        ),
        (
            "upper above the scale",
            |r| {
                scale(r, 0.0, 50.0);
                upper(r, 50.5);
            },
            vec![(W, level_target("2025-Q1"), "outside_scale")],
        ),
        (
            "baseline below the scale",
            |r| {
                scale(r, 10.0, 100.0);
                level(r).baseline = Some(5.0);
            },
            vec![(W, LEVEL, "outside_scale")],
        ),
        (
            "scale reversed",
            |r| scale(r, 100.0, 0.0),
            vec![(E, LEVEL, "bad_scale")],
        ),
        (
            "spent with that year's budget",
            |r| {
                let program = &mut r.areas[0].programs[0];
                program.annual_budget.insert(2025, 100);
                program.spent.insert("2025-Q4".into(), 10);
            },
            vec![],
        ),
        (
            "spent in a year without budget",
            |r| {
                let program = &mut r.areas[0].programs[0];
                program.annual_budget.insert(2025, 100);
                program.spent.insert("2026-Q1".into(), 10);
            },
            vec![(W, PROGRAM, "spent_without_budget")],
        ),
        (
            "spent outside the period",
            |r| {
                let program = &mut r.areas[0].programs[0];
                program.annual_budget.insert(2027, 100);
                program.spent.insert("2027-Q1".into(), 10);
            },
            vec![(W, PROGRAM, "spent_outside_period")],
        ),
        (
            "spent key not a quarter",
            |r| {
                r.areas[0].programs[0].spent.insert("2025-5".into(), 10);
            },
            vec![(E, PROGRAM, "malformed_quarter")],
        ),
    ];
    for (name, mutate, expected) in cases {
        let mut roadmap = base();
        mutate(&mut roadmap);
        let problems = validate(&roadmap);
        for problem in &problems {
            for language in [Language::Indonesian, Language::English] {
                let message = problem.message(language);
                assert!(!message.contains("validate.problem"), "{name}: {message}");
            }
        }
        let found: Vec<Found> = problems
            .into_iter()
            .map(|p| (p.severity, p.location, p.kind.key()))
            .collect();
        assert_eq!(found, expected, "{name}");
    }
}
