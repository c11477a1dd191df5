//! The default quarter, errors and exit statuses, `validate`, `new`, `scorecard`, the language of load errors.

use super::*;

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
