//! Format version 2 in files: the lowest version that holds a document is written, and
//! each version 2 field alone makes a version 2 file that loads equal.

use std::path::{Path, PathBuf};

use reform_roadmap::file;
use reform_roadmap::model::{
    Band, Direction, Kind, MissingScore, RatingScale, Roadmap, Scale, Scoring,
};

fn fixture(version: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/v{version}/complete.roadmap.ron"))
}

fn v1() -> Roadmap {
    file::load(&fixture(1)).unwrap()
}

/// `roadmap.areas[0].programs[0]`'s first indicator (a `Level`) and milestone.
fn first_program(roadmap: &mut Roadmap) -> &mut reform_roadmap::model::Program {
    &mut roadmap.areas[0].programs[0]
}

#[test]
fn the_complete_v2_fixture_uses_every_version_2_field() {
    let text = std::fs::read_to_string(fixture(2)).unwrap();
    for field in [
        "format_version: 2,",
        "scoring:",
        "cap:",
        "missing: Exclude",
        "rating: Custom(",
        "min:",
        "label:",
        "weight:",
        "owner:",
        "quick_win: true",
        "annual_budget:",
        "spent:",
        "scale:",
        "max:",
        "upper:",
        "kind: Average",
        "direction: WithinRange",
    ] {
        assert!(text.contains(field), "the v2 fixture lacks {field}");
    }
    let roadmap = file::load(&fixture(2)).unwrap();
    let milestone = &roadmap.areas[0].programs[0].indicators[1];
    assert_eq!(milestone.kind, Kind::Milestone);
    assert!(milestone.obstacle.is_some() && milestone.follow_up.is_some());
    assert!(milestone.evidence.is_some());
}

#[test]
fn a_document_using_nothing_new_is_written_as_version_1() {
    let roadmap = v1();
    assert_eq!(roadmap.format_version, 1);
    assert_eq!(roadmap.lowest_format_version(), 1);
    let text = file::to_ron_string(&roadmap);
    assert!(text.contains("\n    format_version: 1,\n"));
    // Even when the copy in memory claims a newer version.
    let mut claimed = roadmap.clone();
    claimed.format_version = 2;
    assert_eq!(file::to_ron_string(&claimed), text);
}

#[test]
fn any_one_version_2_field_makes_a_version_2_file_that_loads_equal() {
    type Change = fn(&mut Roadmap);
    let cases: [(&str, Change); 16] = [
        ("scoring", |r| r.scoring = Some(Scoring::default())),
        ("scoring cap", |r| {
            r.scoring = Some(Scoring {
                cap: Some(120.0),
                ..Scoring::default()
            })
        }),
        ("scoring missing", |r| {
            r.scoring = Some(Scoring {
                missing: MissingScore::Exclude,
                ..Scoring::default()
            })
        }),
        ("scoring rating", |r| {
            r.scoring = Some(Scoring {
                rating: RatingScale::Custom(vec![Band {
                    min: 85.0,
                    label: "Baik".into(),
                }]),
                ..Scoring::default()
            })
        }),
        ("area weight", |r| r.areas[0].weight = Some(2.0)),
        ("indicator weight", |r| {
            first_program(r).indicators[0].weight = Some(3.0)
        }),
        ("owner", |r| {
            first_program(r).indicators[0].owner = Some("bkpsdm".into())
        }),
        ("quick win", |r| first_program(r).quick_win = true),
        ("annual budget", |r| {
            first_program(r).annual_budget.insert(2025, 900_000_000);
        }),
        ("spent", |r| {
            first_program(r).spent.insert("2025-Q1".into(), 120_000_000);
        }),
        ("scale", |r| {
            first_program(r).indicators[0].scale = Some(Scale {
                min: 0.0,
                max: 100.0,
            })
        }),
        ("upper", |r| {
            let entry = first_program(r).indicators[0].targets.get_mut("2025-Q1");
            entry.unwrap().upper = Some(50.0);
        }),
        ("Average", |r| {
            first_program(r).indicators[0].kind = Kind::Average
        }),
        ("WithinRange", |r| {
            first_program(r).indicators[0].direction = Direction::WithinRange
        }),
        ("milestone obstacle", |r| {
            first_program(r).indicators[1].obstacle = Some("Menunggu harmonisasi".into())
        }),
        ("milestone evidence", |r| {
            first_program(r).indicators[1].evidence = Some(vec!["sk.pdf".into()])
        }),
    ];
    let origin = Path::new("v2.roadmap.ron");
    for (name, change) in cases {
        let mut roadmap = v1();
        change(&mut roadmap);
        assert_eq!(roadmap.lowest_format_version(), 2, "{name}");
        let text = file::to_ron_string(&roadmap);
        assert!(text.contains("\n    format_version: 2,\n"), "{name}");
        let loaded = file::from_ron_str(&text, origin).unwrap_or_else(|e| panic!("{name}: {e}"));
        roadmap.format_version = 2;
        assert_eq!(loaded, roadmap, "{name}");
        assert_eq!(
            file::to_ron_string(&loaded),
            text,
            "{name}: re-saves unchanged"
        );
    }
    // And the milestone's follow_up, the last version 2 field, on its own.
    let mut roadmap = v1();
    first_program(&mut roadmap).indicators[1].follow_up = Some("Koordinasi".into());
    assert_eq!(roadmap.lowest_format_version(), 2);
}

#[test]
fn removing_the_last_version_2_field_writes_version_1_again() {
    let mut roadmap = v1();
    let original = file::to_ron_string(&roadmap);
    first_program(&mut roadmap).quick_win = true;
    assert!(file::to_ron_string(&roadmap).contains("format_version: 2,"));
    first_program(&mut roadmap).quick_win = false;
    assert_eq!(file::to_ron_string(&roadmap), original);
}

#[test]
fn a_version_2_file_with_an_unknown_field_names_it() {
    let text = std::fs::read_to_string(fixture(2))
        .unwrap()
        .replace("quick_win: true,", "quickwin: true,");
    let error = file::from_ron_str(&text, Path::new("x.ron")).unwrap_err();
    assert!(error.to_string().contains("quickwin"), "{error}");
}
