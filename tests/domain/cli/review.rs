//! `review`: JSON, text and CSV.

use super::*;

#[test]
fn review_json_has_exactly_the_documented_shape() {
    let spec = spec_example();
    let out = run([
        "review".as_ref(),
        spec.as_os_str(),
        "--quarter".as_ref(),
        "2025-Q2".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    let value: serde_json::Value = serde_json::from_str(&out.stdout).expect("one JSON object");
    let c_score = 94.444_444_444;
    let mean = (86.0 + 0.0 + c_score) / 3.0;
    let expected = serde_json::json!({
        "quarter": "2025-Q2",
        "indicators": [
            {"id": "mp-1-a", "status": "behind", "achievement": 86.0, "score": 86.0},
            {"id": "mp-1-b", "status": "behind", "achievement": 0.0, "score": 0.0},
            {"id": "mp-1-c", "status": "at_risk", "achievement": (2.0 * 18.0 - 19.0) / 18.0 * 100.0, "score": c_score},
        ],
        "summary": {"on_track": 0, "at_risk": 1, "behind": 2, "missing": 0, "not_due": 0, "no_target": 0},
        // Version 2: scores for every document; no rating without `scoring`.
        "score": mean,
        "rating": null,
        "areas": [{"id": "mp", "score": mean, "rating": null}],
        "units": [
            {"id": "bagor", "score": mean, "rating": null},
            {"id": "inspektorat", "score": null, "rating": null},
        ],
    });
    // The unrounded capaian of mp-1-c is the engine's, to 9 decimals; the means are
    // compared to that precision too.
    let c = value["indicators"][2]["achievement"].as_f64().unwrap();
    assert!((c - 94.444_444_444).abs() < 1e-9, "{c}");
    let mut value = value;
    value["indicators"][2]["achievement"] = expected["indicators"][2]["achievement"].clone();
    for pointer in ["/score", "/areas/0/score", "/units/0/score"] {
        let score = value.pointer_mut(pointer).unwrap();
        assert!(
            (score.as_f64().unwrap() - mean).abs() < 1e-9,
            "{pointer}: {score}"
        );
        *score = serde_json::json!(mean);
    }
    assert_eq!(value, expected);

    // Keys in the documented order (searched from `from`, as values repeat key names).
    let order = |from: &str, keys: &[&str]| {
        let start = out.stdout.find(from).unwrap();
        let at: Vec<usize> = keys
            .iter()
            .map(|k| start + out.stdout[start..].find(&format!("\"{k}\"")).unwrap())
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
    };
    order("{", &["quarter", "indicators", "summary"]);
    // After the summary: the first "score" is the document's.
    order(
        "\"summary\"",
        &["summary", "score", "rating", "areas", "units"],
    );
    order("\"indicators\"", &["id", "status", "achievement", "score"]);
    order("\"areas\"", &["id", "score", "rating"]);
    order(
        "\"summary\"",
        &[
            "on_track",
            "at_risk",
            "behind",
            "missing",
            "not_due",
            "no_target",
        ],
    );
}

#[test]
fn review_json_nulls_and_statuses_at_other_quarters() {
    let spec = spec_example();
    // (quarter, [(id, status, achievement)], summary)
    let cases = [
        (
            "2025-Q3",
            [
                ("mp-1-a", "missing", None),
                ("mp-1-b", "on_track", Some(100.0)),
                ("mp-1-c", "no_target", None),
            ],
            [1, 0, 0, 1, 0, 1],
        ),
        (
            "2025-Q1",
            [
                ("mp-1-a", "at_risk", Some(44.0 / 45.0 * 100.0)),
                ("mp-1-b", "not_due", None),
                ("mp-1-c", "at_risk", Some(80.0)),
            ],
            [0, 2, 0, 0, 1, 0],
        ),
        (
            "2029-Q4",
            [
                ("mp-1-a", "no_target", None),
                ("mp-1-b", "on_track", Some(100.0)),
                ("mp-1-c", "no_target", None),
            ],
            [1, 0, 0, 0, 0, 2],
        ),
    ];
    for (quarter, lines, summary) in cases {
        let out = run([
            "review".as_ref(),
            spec.as_os_str(),
            "-q".as_ref(),
            quarter.as_ref(),
            "-f".as_ref(),
            "json".as_ref(),
        ]);
        assert_eq!(out.code, 0, "{quarter}: {}", out.stderr);
        let value: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(value["quarter"], quarter);
        let indicators = value["indicators"].as_array().unwrap();
        assert_eq!(indicators.len(), lines.len());
        for (got, (id, status, achievement)) in indicators.iter().zip(lines) {
            // id, status, achievement, and score (format version 2).
            assert_eq!(got.as_object().unwrap().len(), 4, "{got}");
            assert_eq!(
                (got["id"].as_str(), got["status"].as_str()),
                (Some(id), Some(status))
            );
            match achievement {
                None => assert!(got["achievement"].is_null(), "{quarter} {id}: {got}"),
                Some(c) => {
                    let got = got["achievement"].as_f64().unwrap();
                    assert!((got - c).abs() < 1e-6, "{quarter} {id}: {got} != {c}");
                }
            }
        }
        let keys = [
            "on_track",
            "at_risk",
            "behind",
            "missing",
            "not_due",
            "no_target",
        ];
        assert_eq!(value["summary"].as_object().unwrap().len(), 6);
        for (key, count) in keys.iter().zip(summary) {
            assert_eq!(value["summary"][key], count, "{quarter} {key}");
        }
    }
}

/// Area "a": on-track, behind (unexplained), explained-behind, missing; area "b": at risk.
fn review_document() -> Roadmap {
    let mut roadmap = Roadmap::new(
        "Road Map Uji",
        "Pemerintah Kota Uji",
        Period {
            start: 2025,
            end: 2026,
        },
    );
    roadmap.units = vec![Unit {
        id: "insp".into(),
        name: "Inspektorat Daerah".into(),
    }];
    let level = |id: &str, target: f64, actual: Option<f64>| {
        let mut i = Indicator::new(id, format!("Indikator {id}, \"uji\""), Kind::Level);
        i.targets.insert(
            "2025-Q2".into(),
            Target {
                actual,
                ..Target::planned(target)
            },
        );
        i
    };
    let mut explained = level("a-explained", 1500.0, Some(1000.5));
    let entry = explained.targets.get_mut("2025-Q2").unwrap();
    entry.obstacle = Some("Anggaran".into());
    entry.follow_up = Some("Revisi DPA".into());
    let mut program = Program::new("pa", "Program A");
    program.unit = Some("insp".into());
    program.indicators = vec![
        level("a-ok", 10.0, Some(10.0)),
        level("a-behind", 1500.0, Some(1000.5)),
        explained,
        level("a-missing", 10.0, None),
    ];
    let mut area = reform_roadmap::model::Area::new("a", "Area Satu", Default::default());
    area.programs = vec![program];
    let mut program_b = Program::new("pb", "Program B");
    program_b.indicators = vec![level("b-risk", 100.0, Some(95.5))];
    let mut area_b = reform_roadmap::model::Area::new("b", "Area Dua", Default::default());
    area_b.programs = vec![program_b];
    roadmap.areas = vec![area, area_b];
    roadmap
}

#[test]
fn review_text_shows_a_late_milestones_explanation_whole_on_one_line_each() {
    let mut roadmap = review_document();
    let mut late = Indicator::new("a-late", "SK ditetapkan", Kind::Milestone);
    late.due = Some("2025-Q1".parse().unwrap());
    late.obstacle = Some("Menunggu\nharmonisasi   Kemenkumham".into());
    late.follow_up = Some("Koordinasi ulang".into());
    roadmap.areas[0].programs[0].indicators.push(late);
    let (_folder, file) = saved(&roadmap);
    let out = review_text(&file, "id");
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    let lines: Vec<&str> = out.stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.trim_start().starts_with("a-late"))
        .unwrap();
    assert!(
        lines[at].ends_with("Kendala: Menunggu harmonisasi Kemenkumham"),
        "{}",
        lines[at]
    );
    assert_eq!(lines[at + 1].trim(), "Tindak lanjut: Koordinasi ulang");
}

fn review_text(file: &Path, lang: &str) -> Run {
    run([
        "review".as_ref(),
        file.as_os_str(),
        "--quarter".as_ref(),
        "2025-Q2".as_ref(),
        "--lang".as_ref(),
        lang.as_ref(),
    ])
}

#[test]
fn review_text_groups_by_area_with_flagged_rows_first() {
    let (_folder, file) = saved(&review_document());
    let out = review_text(&file, "id");
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    let text = &out.stdout;
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in:\n{text}"))
    };
    assert!(
        text.starts_with("Monev TW II 2025: Road Map Uji\n"),
        "{text}"
    );
    // Areas in document order, flagged rows first within each, then the rest.
    assert!(at("Area Satu") < at("a-behind"));
    assert!(at("a-behind") < at("a-explained"));
    assert!(at("a-explained") < at("a-missing"));
    assert!(at("a-missing") < at("a-ok"));
    assert!(at("a-ok") < at("Area Dua"));
    assert!(at("Area Dua") < at("b-risk"));
    for header in [
        "Indikator",
        "OPD",
        "Target",
        "Realisasi",
        "Capaian",
        "Status",
        "Kendala & TL",
    ] {
        assert!(text.contains(header), "{header}");
    }
    let row = |id: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(id))
            .unwrap()
            .to_owned()
    };
    // Indonesian numbers: thousands with dots, decimals with a comma.
    let behind = row("a-behind");
    for part in [
        "Inspektorat Daerah",
        "1.500",
        "1.000,5",
        "66,7%",
        "Tertinggal",
        "BELUM DIISI",
    ] {
        assert!(behind.contains(part), "{part:?} in {behind:?}");
    }
    // An explained flagged row shows what the reviewer wrote, as the monev screen does:
    // the kendala on the row, the tindak lanjut under it in the same column.
    let explained = row("a-explained");
    assert!(!explained.contains("BELUM DIISI"));
    assert!(
        explained.trim_end().ends_with("Kendala: Anggaran"),
        "{explained}"
    );
    let below = text
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("a-explained"))
        .nth(1)
        .unwrap();
    assert_eq!(below.trim(), "Tindak lanjut: Revisi DPA");
    assert_eq!(
        below.find("Tindak lanjut"),
        explained.find("Kendala"),
        "in the same column:\n{explained}\n{below}"
    );
    let missing = row("a-missing");
    assert!(
        missing.contains("Belum dilaporkan") && missing.contains("BELUM DIISI"),
        "{missing}"
    );
    assert!(row("b-risk").contains("95,5%") && row("b-risk").contains("Berisiko"));
    // Summary at the end.
    let summary = &text[at("Ringkasan TW II 2025 (5 indikator)")..];
    for (label, count) in [
        ("Sesuai target", 1),
        ("Berisiko", 1),
        ("Tertinggal", 2),
        ("Belum dilaporkan", 1),
    ] {
        let line = summary
            .lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap();
        assert!(line.trim_end().ends_with(&format!(" {count}")), "{line}");
    }
    assert!(summary.contains("Ditandai (tertinggal atau belum dilaporkan): 3"));
    assert!(summary.contains("Ditandai tanpa kendala dan tindak lanjut: 2"));

    let english = review_text(&file, "en").stdout;
    for part in [
        "Review Q2 2025",
        "1,500",
        "1,000.5",
        "66.7%",
        "Behind",
        "NOT WRITTEN",
        "Obstacle: Anggaran",
        "Follow-up: Revisi DPA",
        "Summary Q2 2025",
    ] {
        assert!(english.contains(part), "{part:?} in\n{english}");
    }
}

#[test]
fn review_csv_is_the_export_table_with_a_bom() {
    let (_folder, file) = saved(&review_document());
    let out = run([
        "review".as_ref(),
        file.as_os_str(),
        "-q".as_ref(),
        "2025-Q2".as_ref(),
        "--format".as_ref(),
        "csv".as_ref(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let bytes = &out.raw_stdout;
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, reform_roadmap::export::csv::HEADER);
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    // Document order, like the JSON.
    assert_eq!(
        ids,
        ["a-ok", "a-behind", "a-explained", "a-missing", "b-risk"]
    );
    let (status, achievement) = (column("status"), column("achievement"));
    assert_eq!(
        (rows[0][status].as_str(), rows[0][achievement].as_str()),
        ("on_track", "100")
    );
    assert_eq!(
        (rows[3][status].as_str(), rows[3][achievement].as_str()),
        ("missing", "")
    );
}
