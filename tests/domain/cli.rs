//! The command line contract, by running the built program.

use std::path::{Path, PathBuf};
use std::process::Command;

use reform_roadmap::model::{Indicator, Kind, Period, Program, Roadmap, Target, Unit};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    raw_stdout: Vec<u8>,
}

fn run<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let output = Command::new(env!("CARGO_BIN_EXE_reform-roadmap"))
        .args(args)
        .output()
        .expect("the program runs");
    Run {
        code: output.status.code().expect("exited, not killed"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        raw_stdout: output.stdout,
    }
}

fn spec_example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/spec-example.ron")
}

fn spec_text() -> String {
    std::fs::read_to_string(spec_example()).unwrap()
}

/// Writes `text` to a file in a fresh folder; the folder lives as long as the result.
fn file_with(text: &str) -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("uji.roadmap.ron");
    std::fs::write(&path, text).unwrap();
    (folder, path)
}

fn saved(roadmap: &Roadmap) -> (tempfile::TempDir, PathBuf) {
    file_with(&reform_roadmap::file::to_ron_string(roadmap))
}

/// Asserts a failure: exit 2, nothing on stdout, one line on stderr containing `parts`.
fn assert_one_line_error(run: &Run, parts: &[&str]) {
    assert_eq!(run.code, 2, "stderr: {}", run.stderr);
    assert_eq!(run.stdout, "", "nothing on stdout");
    assert_eq!(run.stderr.lines().count(), 1, "one line: {:?}", run.stderr);
    for part in parts {
        assert!(
            run.stderr.contains(part),
            "{part:?} not in {:?}",
            run.stderr
        );
    }
}

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

#[test]
fn the_default_quarter_is_the_last_ended_one_clamped_into_the_period() {
    let spec = spec_example();
    let out = run([
        "review".as_ref(),
        spec.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let today = chrono::Local::now().date_naive();
    let period = Period {
        start: 2025,
        end: 2029,
    };
    assert_eq!(
        value["quarter"],
        period.default_review_quarter(today).to_string()
    );

    // A period long past: its last quarter.
    let old = Roadmap::new(
        "t",
        "i",
        Period {
            start: 2001,
            end: 2002,
        },
    );
    let (_folder, file) = saved(&old);
    let out = run([
        "review".as_ref(),
        file.as_os_str(),
        "-f".as_ref(),
        "json".as_ref(),
    ]);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(value["quarter"], "2002-Q4");
    assert_eq!(value["indicators"], serde_json::json!([]));
}

#[test]
fn review_errors_are_one_line_naming_the_file_with_exit_2() {
    let broken = spec_text().replace("    institution:", "    titel: \"x\",\n    institution:");
    let (_folder, file) = file_with(&broken);
    let name = file.display().to_string();
    let out = run([
        "review".as_ref(),
        file.as_os_str(),
        "-q".as_ref(),
        "2025-Q2".as_ref(),
    ]);
    assert_one_line_error(&out, &[&format!("{name}: 5:5: "), "titel"]);

    let spec = spec_example();
    let spec_name = spec.display().to_string();
    for (quarter, parts) in [
        (
            "2031-Q1",
            vec![spec_name.as_str(), "2031-Q1", "2025-Q1", "2029-Q4"],
        ),
        ("2024-Q4", vec![spec_name.as_str(), "2024-Q4"]),
        ("2025-Q5", vec![spec_name.as_str(), "2025-Q5"]),
        ("TW II 2025", vec![spec_name.as_str(), "TW II 2025"]),
    ] {
        let out = run([
            "review".as_ref(),
            spec.as_os_str(),
            "--quarter".as_ref(),
            quarter.as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
        ]);
        assert_one_line_error(&out, &parts);
    }

    let missing = Path::new("/nonexistent/tidak-ada.roadmap.ron");
    assert_one_line_error(
        &run(["review".as_ref(), missing.as_os_str()]),
        &["/nonexistent/tidak-ada.roadmap.ron"],
    );

    let (_folder, binary) = file_with("\u{0}\u{1}PNG");
    let binary_name = binary.display().to_string();
    assert_one_line_error(
        &run(["review".as_ref(), binary.as_os_str()]),
        &[&binary_name, "1:1"],
    );

    let (_folder, empty) = file_with("");
    let empty_name = empty.display().to_string();
    assert_one_line_error(
        &run(["validate".as_ref(), empty.as_os_str()]),
        &[&empty_name],
    );

    let newer = spec_text().replace(
        "format_version: 1",
        &format!(
            "format_version: {}",
            reform_roadmap::model::FORMAT_VERSION + 1
        ),
    );
    let (_folder, newer) = file_with(&newer);
    let newer_name = newer.display().to_string();
    assert_one_line_error(
        &run([
            "review".as_ref(),
            newer.as_os_str(),
            "--lang".as_ref(),
            "en".as_ref(),
        ]),
        &[&newer_name, "newer version"],
    );
}

#[test]
fn usage_errors_exit_2() {
    let spec = spec_example();
    for args in [
        vec![
            "review".as_ref(),
            spec.as_os_str(),
            "--format".as_ref(),
            "xml".as_ref(),
        ],
        vec![
            "review".as_ref(),
            spec.as_os_str(),
            "--lang".as_ref(),
            "jv".as_ref(),
        ],
        vec!["review".as_ref()],
        vec!["frobnicate".as_ref(), spec.as_os_str()],
    ] {
        let out = run(&args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(!out.stderr.is_empty());
    }
    let help = run(["--help"]);
    assert_eq!(help.code, 0);
    for command in ["review", "validate", "new", "export"] {
        assert!(help.stdout.contains(command), "{command}");
    }
    assert_eq!(run(["export", "--help"]).code, 0);
}

#[cfg(not(feature = "gui"))]
#[test]
fn without_the_desktop_app_no_subcommand_is_an_error() {
    for args in [vec![], vec![spec_example().into_os_string()]] {
        let out = run(&args);
        assert_one_line_error(&out, &["review", "--help"]);
    }
}

#[test]
fn validate_exit_status_follows_the_severity() {
    let clean = run(["validate".as_ref(), spec_example().as_os_str()]);
    assert_eq!(clean.code, 0, "{}", clean.stderr);
    assert!(
        clean.stdout.starts_with("Tidak ada masalah"),
        "{}",
        clean.stdout
    );

    let warnings_only = spec_text().replace(
        "(target: 55.0)",
        "(target: 55.0),\n\"2030-Q1\": (target: 60.0)",
    );
    let (_folder, file) = file_with(&warnings_only);
    let out = run(["validate".as_ref(), file.as_os_str()]);
    assert_eq!(out.code, 0, "warnings alone pass: {}", out.stdout);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", out.stdout);
    assert!(lines[0].starts_with("PERINGATAN"), "{}", lines[0]);
    assert!(
        lines[0].contains("indikator mp-1-a, target 2030-Q1: "),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("TW I 2030"), "{}", lines[0]);
    assert!(
        lines[1].ends_with("0 kesalahan, 1 peringatan."),
        "{}",
        lines[1]
    );

    let errors = spec_text()
        .replace("id: \"mp-1-c\"", "id: \"mp-1-a\"")
        .replace("unit: \"bagor\"", "unit: \"bappeda\"")
        .replace(
            "\"2025-Q3\": (target: 55.0)",
            "\"2025-Q3\": (target: 55.0),\n\"2025-Q9\": (target: inf)",
        );
    let (_folder, file) = file_with(&errors);
    let out = run([
        "validate".as_ref(),
        file.as_os_str(),
        "--lang".as_ref(),
        "en".as_ref(),
    ]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    for expected in [
        "ERROR    program mp-1: Unit \"bappeda\" is not in the list of units.",
        "ERROR    indicator mp-1-a, target 2025-Q9: \"2025-Q9\" is not a quarter",
        "ERROR    indicator mp-1-a, target 2025-Q9: The value of target is not a finite number (inf).",
        "ERROR    indicator mp-1-a: The id \"mp-1-a\" is already used by another indicator",
        "4 errors, 0 warnings.",
    ] {
        assert!(
            out.stdout.contains(expected),
            "{expected:?} not in\n{}",
            out.stdout
        );
    }
    let broken = run([
        "validate".as_ref(),
        Path::new("/nonexistent/x.ron").as_os_str(),
    ]);
    assert_one_line_error(&broken, &["/nonexistent/x.ron"]);
}

#[test]
fn new_creates_a_valid_roadmap_and_never_overwrites_by_accident() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("baru.roadmap.ron");
    let new = |template: &str, extra: &[&str]| {
        let mut args: Vec<std::ffi::OsString> = [
            "new",
            "--template",
            template,
            "--institution",
            "Pemerintah Kabupaten Baru",
            "--start",
            "2025",
            "--end",
            "2029",
            "-o",
        ]
        .iter()
        .map(Into::into)
        .collect();
        args.push(file.clone().into_os_string());
        args.extend(extra.iter().map(Into::into));
        run(&args)
    };

    let out = new("permenpan-25-2020", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains(&file.display().to_string()));
    let roadmap = reform_roadmap::file::load(&file).unwrap();
    assert_eq!(roadmap.institution, "Pemerintah Kabupaten Baru");
    assert_eq!(
        roadmap.period,
        Period {
            start: 2025,
            end: 2029
        }
    );
    assert_eq!(roadmap.areas.len(), 8);
    assert_eq!(run(["validate".as_ref(), file.as_os_str()]).code, 0);

    // An existing file is kept unless --force.
    let before = std::fs::read(&file).unwrap();
    let refused = new("empty", &[]);
    assert_one_line_error(&refused, &[&file.display().to_string(), "--force"]);
    assert_eq!(std::fs::read(&file).unwrap(), before);

    let forced = new("empty", &["--force"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert!(reform_roadmap::file::load(&file).unwrap().areas.is_empty());
    assert_eq!(
        std::fs::read(reform_roadmap::file::backup_path(&file)).unwrap(),
        before
    );

    let unknown = new("permenpan-2099", &["--force"]);
    assert_one_line_error(
        &unknown,
        &[
            "permenpan-2099",
            "permenpan-25-2020",
            "permenpan-3-2023",
            "empty",
        ],
    );

    let reversed = run([
        "new",
        "--template",
        "empty",
        "--institution",
        "X",
        "--start",
        "2029",
        "--end",
        "2025",
        "-o",
        "/tmp/never-written.ron",
    ]);
    assert_one_line_error(&reversed, &["2029", "2025"]);
    assert!(!Path::new("/tmp/never-written.ron").exists());

    let two_digit_year = run([
        "new",
        "--template",
        "empty",
        "--institution",
        "X",
        "--start",
        "25",
        "--end",
        "29",
        "-o",
        "/tmp/never-written.ron",
    ]);
    assert_eq!(two_digit_year.code, 2);

    let nowhere = run([
        "new",
        "--template",
        "empty",
        "--institution",
        "X",
        "--start",
        "2025",
        "--end",
        "2029",
        "-o",
        "/nonexistent/folder/x.ron",
    ]);
    assert_one_line_error(&nowhere, &["/nonexistent/folder/x.ron"]);
}

#[test]
fn scorecard_ranks_the_units_in_every_format() {
    let v2 = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2/complete.roadmap.ron");
    let args = |format: &str, lang: &str| {
        run([
            "scorecard".as_ref(),
            v2.as_os_str(),
            "--quarter".as_ref(),
            "2025-Q2".as_ref(),
            "--format".as_ref(),
            format.as_ref(),
            "--lang".as_ref(),
            lang.as_ref(),
        ])
    };
    let json = args("json", "en");
    assert_eq!((json.code, json.stderr.as_str()), (0, ""));
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let units = value["units"].as_array().unwrap();
    let ids: Vec<&str> = units.iter().map(|u| u["id"].as_str().unwrap()).collect();
    // bkpsdm owns mp-1-a (86, "Baik"); bagor keeps mp-1-b (late, 0) and mp-1-c; the
    // inspektorat's only due indicator is missing, excluded: no score, last.
    assert_eq!(ids, ["bkpsdm", "bagor", "inspektorat"]);
    assert_eq!(units[0]["rating"], "Baik");
    assert_eq!(units[0]["rank"], 1);
    assert_eq!(units[1]["flagged"], 1);
    assert_eq!(units[2]["unexplained"], 1);
    // 20 + 45 million of 150 million.
    let absorption = units[1]["absorption"].as_f64().unwrap();
    assert!((absorption - 65.0 / 150.0 * 100.0).abs() < 1e-9);

    let csv = args("csv", "en");
    assert!(csv.raw_stdout.starts_with("\u{feff}".as_bytes()));
    assert!(
        csv.stdout
            .contains("rank,id,name,score,rating,indicators,flagged,unexplained,absorption")
    );
    let text = args("text", "id");
    assert!(
        text.stdout.contains("Peringkat OPD TW II 2025"),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("86 (Baik)"), "{}", text.stdout);
    assert!(text.stdout.contains("43,3%"), "{}", text.stdout);
}

/// The load errors a user meets most read in the language asked for, still naming the
/// file (and line and column where there is one).
#[test]
fn load_errors_speak_the_language_asked_for() {
    let newer = spec_text().replacen("format_version: 1,", "format_version: 99,", 1);
    let cases = [
        (newer.as_str(), "id", "versi Reform Roadmap yang lebih baru"),
        (
            newer.as_str(),
            "en",
            "written by a newer version of Reform Roadmap",
        ),
        ("", "id", "berkas kosong"),
        ("", "en", "the file is empty"),
        (
            "(format_version: 1, titel: \"x\")",
            "id",
            "tidak dapat dibaca sebagai road map",
        ),
    ];
    for (text, lang, words) in cases {
        let (_dir, path) = file_with(text);
        let run = run([
            "review".as_ref(),
            path.as_os_str(),
            "--lang".as_ref(),
            lang.as_ref(),
        ]);
        let name = path.file_name().unwrap().to_str().unwrap();
        assert_one_line_error(&run, &[name, words]);
    }
}
