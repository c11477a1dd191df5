//! The file format contract of `roadmap-format.md`: what loads, with which values and
//! defaults, what is refused and how the refusal says where.

use crate::support::q;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use reform_roadmap::file::{
    self, LoadError, LoadErrorKind, MAX_FILE_BYTES, from_ron_bytes, from_ron_str, to_ron_string,
};
use reform_roadmap::model::{
    Direction, Element, FORMAT_VERSION, Kind, Period, Roadmap, Rules, Target,
};

const SPEC_EXAMPLE: &str = include_str!("../fixtures/spec-example.ron");

fn origin() -> PathBuf {
    PathBuf::from("kabupaten-contoh.roadmap.ron")
}

fn load_text(text: &str) -> Result<Roadmap, LoadError> {
    from_ron_str(text, &origin())
}

fn spec_example() -> Roadmap {
    load_text(SPEC_EXAMPLE).expect("the spec example loads")
}

/// The spec example with `from` replaced by `to` (which must occur exactly once).
fn edited(from: &str, to: &str) -> String {
    assert_eq!(SPEC_EXAMPLE.matches(from).count(), 1, "{from:?}");
    SPEC_EXAMPLE.replacen(from, to, 1)
}

#[test]
fn spec_example_loads_with_its_values() {
    let r = spec_example();
    assert_eq!(r.format_version, 1);
    assert_eq!(
        r.title,
        "Road Map Reformasi Birokrasi Kabupaten Contoh 2025-2029"
    );
    assert_eq!(r.institution, "Pemerintah Kabupaten Contoh");
    assert_eq!(
        r.period,
        Period {
            start: 2025,
            end: 2029
        }
    );
    assert_eq!(
        r.vision.as_deref(),
        Some("Birokrasi bersih, akuntabel dan melayani")
    );
    assert_eq!(
        r.rules,
        Rules {
            at_risk_below: 100.0,
            behind_below: 90.0
        }
    );
    let units: Vec<(&str, &str)> = r
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.name.as_str()))
        .collect();
    assert_eq!(
        units,
        [
            ("bagor", "Bagian Organisasi Setda"),
            ("inspektorat", "Inspektorat Daerah")
        ]
    );

    assert_eq!(r.areas.len(), 1);
    let area = &r.areas[0];
    assert_eq!((area.id.as_str(), area.element), ("mp", Element::Soft));
    assert_eq!(
        area.goal.as_deref(),
        Some("Budaya kerja BerAKHLAK terinternalisasi")
    );
    assert_eq!(area.note, None);
    let program = &area.programs[0];
    assert_eq!(program.id, "mp-1");
    assert_eq!(program.unit.as_deref(), Some("bagor"));
    assert_eq!(program.budget, Some(150_000_000));
    assert_eq!(program.note, None);

    let [a, b, c] = &program.indicators[..] else {
        panic!("three indicators")
    };
    assert_eq!(
        (a.id.as_str(), a.kind, a.unit.as_str()),
        ("mp-1-a", Kind::Level, "%")
    );
    assert_eq!(a.direction, Direction::HigherIsBetter);
    assert_eq!(a.baseline, Some(40.0));
    assert_eq!(a.rules, None);
    let keys: Vec<&str> = a.targets.keys().map(String::as_str).collect();
    assert_eq!(keys, ["2025-Q1", "2025-Q2", "2025-Q3"]);
    assert_eq!(
        a.target_at(q("2025-Q1")),
        Some(&Target {
            actual: Some(44.0),
            ..Target::planned(45.0)
        })
    );
    let q2 = a.target_at(q("2025-Q2")).unwrap();
    assert_eq!((q2.target, q2.actual), (50.0, Some(43.0)));
    assert_eq!(q2.obstacle.as_deref(), Some("Bimtek mundur ke Juli"));
    assert_eq!(
        q2.follow_up.as_deref(),
        Some("Bimtek dijadwalkan ulang pada TW III")
    );
    assert_eq!(a.target_at(q("2025-Q3")), Some(&Target::planned(55.0)));
    assert_eq!((a.due, a.done), (None, None));

    assert_eq!((b.id.as_str(), b.kind), ("mp-1-b", Kind::Milestone));
    assert_eq!((b.due, b.done), (Some(q("2025-Q2")), Some(q("2025-Q3"))));
    // Defaults of an indicator that leaves them out.
    assert_eq!(b.unit, "");
    assert_eq!(b.direction, Direction::HigherIsBetter);
    assert!(b.targets.is_empty());
    assert_eq!(
        (b.baseline, b.rules.is_none(), b.note.is_none()),
        (None, true, true)
    );

    assert_eq!(
        (c.id.as_str(), c.kind, c.unit.as_str()),
        ("mp-1-c", Kind::Count, "pengaduan")
    );
    assert_eq!(c.direction, Direction::LowerIsBetter);
    assert_eq!(
        c.rules,
        Some(Rules {
            at_risk_below: 100.0,
            behind_below: 80.0
        })
    );
    assert_eq!(
        c.target_at(q("2025-Q1")).unwrap().evidence,
        Some(vec!["https://example.go.id/laporan-tw1.pdf".to_owned()])
    );
    assert_eq!(c.target_at(q("2025-Q2")).unwrap().evidence, None);

    let review = &r.reviews[0];
    assert_eq!(review.quarter, q("2025-Q1"));
    assert_eq!(review.date, NaiveDate::from_ymd_opt(2025, 4, 15).unwrap());
    assert_eq!(review.reviewer, "Tim RB Kabupaten");
    assert_eq!(review.notes.as_deref(), Some("..."));
    assert_eq!(review.flagged, ["mp-1-c"]);
}

#[test]
fn the_fixture_on_disk_loads_the_same() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/spec-example.ron");
    assert_eq!(file::load(&path).unwrap(), spec_example());
}

#[test]
fn omitted_fields_take_their_defaults() {
    let minimal = r#"(
    format_version: 1,
    title: "T",
    institution: "I",
    period: (start: 2025, end: 2026),
    areas: [(id: "a", name: "A", programs: [(id: "p", name: "P", indicators: [(id: "i", name: "N")])])],
    reviews: [(quarter: "2025-Q1", date: "2025-04-01", reviewer: "R")],
)"#;
    let r = load_text(minimal).unwrap();
    assert_eq!(r.vision, None);
    assert_eq!(r.rules, Rules::default());
    assert_eq!(
        r.rules,
        Rules {
            at_risk_below: 100.0,
            behind_below: 90.0
        }
    );
    assert!(r.units.is_empty());
    let area = &r.areas[0];
    assert_eq!(
        (area.element, area.goal.as_deref(), area.note.as_deref()),
        (Element::Hard, None, None)
    );
    let program = &area.programs[0];
    assert_eq!((program.unit.as_deref(), program.budget), (None, None));
    let indicator = &program.indicators[0];
    assert_eq!(indicator.kind, Kind::Level);
    assert_eq!(indicator.direction, Direction::HigherIsBetter);
    assert_eq!(indicator.unit, "");
    assert!(indicator.targets.is_empty());
    assert_eq!(r.reviews[0].notes, None);
    assert!(r.reviews[0].flagged.is_empty());

    let bare = load_text(
        r#"(format_version: 1, title: "", institution: "", period: (start: 2025, end: 2025))"#,
    )
    .unwrap();
    assert!(bare.units.is_empty() && bare.areas.is_empty() && bare.reviews.is_empty());
}

#[test]
fn a_file_without_the_implicit_some_header_still_reads_bare_optional_values() {
    let (header, rest) = SPEC_EXAMPLE.split_once('\n').unwrap();
    assert_eq!(header, "#![enable(implicit_some)]");
    let without = load_text(rest).unwrap();
    assert_eq!(without, spec_example());
    assert!(without.vision.is_some());
}

#[test]
fn line_endings_and_byte_order_mark_of_other_editors() {
    let crlf = SPEC_EXAMPLE.replace('\n', "\r\n");
    assert_eq!(load_text(&crlf).unwrap(), spec_example());
    let bom = format!("\u{feff}{SPEC_EXAMPLE}");
    assert_eq!(
        from_ron_bytes(bom.as_bytes(), &origin()).unwrap(),
        spec_example()
    );
}

#[test]
fn written_files_start_with_the_header_and_keep_one_entry_per_line() {
    let text = to_ron_string(&spec_example());
    assert!(text.starts_with("#![enable(implicit_some)]\n("), "{text}");
    assert!(text.ends_with(")\n"));
    assert!(text.contains(
        "\n                                \"2025-Q1\": (target: 45.0, actual: 44.0),\n"
    ));
    // Optional values are bare, defaults are left out.
    assert!(text.contains("vision: \"Birokrasi"));
    assert!(!text.contains("Some("));
    assert!(!text.contains("direction: HigherIsBetter"));
}

/// Roadmaps to round-trip: the spec example, one with awkward strings and numbers,
/// and a large generated one.
fn round_trip_cases() -> Vec<(&'static str, Roadmap)> {
    let mut awkward = spec_example();
    awkward.title = "Kutip \" garis miring \\ baris\nbaru\ttab — Ünïcödé 🚀 'tunggal' )],".into();
    awkward.vision = Some(String::new());
    awkward.areas[0].note = Some("r#\"raw\"# // bukan komentar /* juga bukan */".into());
    awkward.areas[0].programs[0].budget = Some(u64::MAX);
    let indicator = &mut awkward.areas[0].programs[0].indicators[0];
    indicator.baseline = Some(-0.1);
    indicator.targets.insert(
        "2026-Q4".into(),
        Target {
            actual: Some(1e-7),
            evidence: Some(vec![String::new(), "C:\\Dokumen\\bukti 1.pdf".into()]),
            ..Target::planned(0.1 + 0.2)
        },
    );
    indicator
        .targets
        .insert("bukan triwulan".into(), Target::planned(123_456_789.125));
    vec![
        ("spec example", spec_example()),
        ("awkward values", awkward),
        (
            "generated",
            reform_roadmap::synthetic::generated_roadmap(300, 5),
        ),
        (
            "empty",
            Roadmap::new(
                "",
                "",
                Period {
                    start: 2025,
                    end: 2025,
                },
            ),
        ),
    ]
}

#[test]
fn load_save_load_gives_the_same_document() {
    for (name, roadmap) in round_trip_cases() {
        let text = to_ron_string(&roadmap);
        let again = load_text(&text).unwrap_or_else(|e| panic!("{name}: {e}\n{text}"));
        assert_eq!(again, roadmap, "{name}");
    }
}

#[test]
fn saving_a_loaded_program_written_file_is_byte_identical() {
    let folder = tempfile::tempdir().unwrap();
    for (n, (name, roadmap)) in round_trip_cases().into_iter().enumerate() {
        let first = folder.path().join(format!("{n}.roadmap.ron"));
        file::save(&first, &roadmap).unwrap();
        let written = std::fs::read(&first).unwrap();
        assert_eq!(written, to_ron_string(&roadmap).into_bytes(), "{name}");

        let loaded = file::load(&first).unwrap();
        let second = folder.path().join(format!("{n}-again.roadmap.ron"));
        file::save(&second, &loaded).unwrap();
        assert_eq!(
            std::fs::read(&second).unwrap(),
            written,
            "{name}: save(load(saved))"
        );
        // Saving over the file itself changes nothing either.
        file::save(&first, &loaded).unwrap();
        assert_eq!(std::fs::read(&first).unwrap(), written, "{name}: in place");
    }
}

/// The error of loading `text`, which must fail.
fn error_of(text: &str) -> LoadError {
    match load_text(text) {
        Ok(_) => panic!("loaded, but should not:\n{text}"),
        Err(error) => error,
    }
}

fn syntax(error: &LoadError) -> (usize, usize, &str, Option<&str>) {
    match &error.kind {
        LoadErrorKind::Syntax {
            line,
            column,
            message,
            field,
        } => (*line, *column, message.as_str(), field.as_deref()),
        other => panic!("not a syntax error: {other:?}"),
    }
}

#[test]
fn an_unknown_field_is_named_with_its_line_and_column() {
    // A typo of `title` on line 5, and one deep inside an indicator.
    for (text, line, column, field) in [
        (
            edited("    institution:", "    titel: \"x\",\n    institution:"),
            5,
            5,
            "titel",
        ),
        (
            edited(
                "baseline: 40.0,",
                "baseline: 40.0,\n                            tagret: 1.0,",
            ),
            33,
            29,
            "tagret",
        ),
        (
            edited("(target: 8.0, actual: 7.0)", "(target: 8.0, aktual: 7.0)"),
            60,
            58,
            "aktual",
        ),
    ] {
        let error = error_of(&text);
        let (l, c, message, f) = syntax(&error);
        assert_eq!((l, c, f), (line, column, Some(field)), "{message}");
        assert!(message.contains(field), "{message}");
        let shown = error.to_string();
        assert!(
            shown.starts_with(&format!("{}: {line}:{column}: ", origin().display())),
            "{shown}"
        );
        assert_eq!(error.position(), Some((line, column)));
    }
}

#[test]
fn a_missing_field_is_named() {
    let text = edited(
        "    title: \"Road Map Reformasi Birokrasi Kabupaten Contoh 2025-2029\",\n",
        "",
    );
    let error = error_of(&text);
    let (_, _, message, field) = syntax(&error);
    assert_eq!(field, Some("title"), "{message}");
    assert!(error.to_string().contains("title"));

    let error = error_of(&edited("(target: 55.0)", "(actual: 55.0)"));
    let (line, _, _, field) = syntax(&error);
    assert_eq!((line, field), (41, Some("target")));
}

#[test]
fn wrong_types_malformed_ron_and_bad_values_say_where() {
    // (what, text, line, columns the error may point at)
    let cases = [
        (
            "text for a number",
            edited("budget: 150000000", "budget: \"banyak\""),
            24,
            20..=29,
        ),
        (
            "negative budget",
            edited("budget: 150000000", "budget: -5"),
            24,
            20..=31,
        ),
        (
            "number for text",
            edited("name: \"Inspektorat Daerah\"", "name: 12"),
            11,
            10..=40,
        ),
        (
            "unknown kind",
            edited("kind: Count", "kind: Jumlah"),
            54,
            29..=35,
        ),
        (
            "malformed quarter",
            edited("due: \"2025-Q2\"", "due: \"TW II 2025\""),
            48,
            29..=35,
        ),
        (
            "malformed date",
            edited("date: \"2025-04-15\"", "date: \"15-04-2025\""),
            69,
            30..=47,
        ),
        (
            "missing comma",
            edited(
                "(id: \"bagor\", name: \"Bagian Organisasi Setda\")",
                "(id: \"bagor\" name: \"Bagian Organisasi Setda\")",
            ),
            10,
            9..=22,
        ),
        (
            "cut off inside a string",
            SPEC_EXAMPLE[..SPEC_EXAMPLE.find("Tim RB").unwrap()].to_owned(),
            69,
            1..=200,
        ),
        ("trailing garbage", format!("{SPEC_EXAMPLE}x"), 71, 1..=2),
        ("not a struct", "[1, 2, 3]".to_owned(), 1, 1..=1),
    ];
    for (name, text, line, columns) in cases {
        let error = error_of(&text);
        let (l, c, message, _) = syntax(&error);
        assert_eq!(l, line, "{name}: {message}");
        assert!(columns.contains(&c), "{name}: column {c}: {message}");
        assert!(
            error
                .to_string()
                .starts_with(&format!("{}: {l}:{c}: ", origin().display())),
            "{name}: {error}"
        );
    }
}

#[test]
fn empty_and_blank_files() {
    for text in ["", "   \n\t\r\n  "] {
        assert_eq!(error_of(text).kind, LoadErrorKind::Empty, "{text:?}");
    }
    assert_eq!(
        from_ron_bytes("\u{feff}".as_bytes(), &origin())
            .unwrap_err()
            .kind,
        LoadErrorKind::Empty
    );
}

#[test]
fn binary_and_non_utf8_files_are_refused_with_a_position() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let mut nul_inside = SPEC_EXAMPLE.as_bytes().to_vec();
    nul_inside.insert(SPEC_EXAMPLE.find("    title").unwrap() + 4, 0);
    let latin1 = "(\n    format_version: 1,\n    title: \"Kabupaten Cianjur \u{e9}\","
        .replace('\u{e9}', "\u{0}");
    let mut latin1 = latin1.into_bytes();
    let nul = latin1.iter().position(|&b| b == 0).unwrap();
    latin1[nul] = 0xE9; // "é" in Latin-1: not UTF-8
    for (name, bytes, line, column) in [
        ("png", png, 1, 1),
        ("NUL inside text", nul_inside, 4, 5),
        ("Latin-1", latin1, 3, 31),
    ] {
        let error = from_ron_bytes(&bytes, &origin()).unwrap_err();
        assert_eq!(
            error.kind,
            LoadErrorKind::NotText { line, column },
            "{name}"
        );
        assert!(
            error.to_string().contains(&format!("{line}:{column}")),
            "{name}"
        );
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("huge.roadmap.ron");
    // Sparse: no disk space is used, and the loader must not read it to find out.
    let handle = std::fs::File::create(&path).unwrap();
    handle.set_len(MAX_FILE_BYTES + 1).unwrap();
    drop(handle);
    let error = file::load(&path).unwrap_err();
    assert_eq!(error.path, path);
    assert_eq!(
        error.kind,
        LoadErrorKind::TooLarge {
            size: MAX_FILE_BYTES + 1
        }
    );
    assert!(error.to_string().contains("MiB"), "{error}");
}

#[test]
fn a_missing_file_names_itself() {
    let error = file::load(Path::new("/nonexistent/folder/x.roadmap.ron")).unwrap_err();
    assert!(matches!(error.kind, LoadErrorKind::Io { .. }));
    assert!(
        error
            .to_string()
            .starts_with("/nonexistent/folder/x.roadmap.ron: ")
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = 10_000;
    for (name, text) in [
        ("lists at the top", "[".repeat(deep)),
        (
            "closed lists at the top",
            format!("{}{}", "[".repeat(deep), "]".repeat(deep)),
        ),
        (
            "inside an unknown field",
            format!("(format_version: 1, extra: {}", "[".repeat(deep)),
        ),
        (
            "tuples inside an unknown field of a newer version",
            format!("(format_version: 2, extra: {})", "(".repeat(deep)),
        ),
        (
            "inside a known list",
            format!(
                "(format_version: 1, title: \"t\", institution: \"i\", period: (start: 2025, end: 2025), units: {}",
                "[".repeat(deep)
            ),
        ),
        (
            "maps",
            format!("(format_version: 1, extra: {}", "{\"a\": ".repeat(deep)),
        ),
    ] {
        let error = error_of(&text);
        assert!(
            matches!(error.kind, LoadErrorKind::Syntax { .. }),
            "{name}: {error}"
        );
    }
}

#[test]
fn a_newer_format_version_is_refused_and_says_so() {
    assert_eq!(FORMAT_VERSION, 2);
    for (name, text) in [
        (
            "same fields",
            edited("format_version: 1", "format_version: 3"),
        ),
        (
            "with a field this version does not know",
            edited(
                "format_version: 1,",
                "format_version: 3,\n    signatures: [(by: \"Sekda\", at: \"2026-01-05\")],",
            ),
        ),
        (
            "far future, new field first",
            edited(
                "(\n    format_version: 1,",
                "(\n    schema: \"x\",\n    format_version: 99,",
            ),
        ),
    ] {
        let error = error_of(&text);
        let found = match error.kind {
            LoadErrorKind::NewerVersion { found, newest } => {
                assert_eq!(newest, FORMAT_VERSION, "{name}");
                found
            }
            ref other => panic!("{name}: {other:?}"),
        };
        assert!(found > FORMAT_VERSION, "{name}");
        let shown = error.to_string();
        assert!(shown.contains("newer version"), "{name}: {shown}");
        assert!(
            shown.contains(&format!("format_version {found}")),
            "{name}: {shown}"
        );
    }
    let error = error_of(&edited("format_version: 1", "format_version: 0"));
    assert_eq!(error.kind, LoadErrorKind::UnknownVersion { found: 0 });
}

#[test]
fn a_refused_newer_file_is_left_untouched() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("future.roadmap.ron");
    let text = edited("format_version: 1", "format_version: 3");
    std::fs::write(&path, &text).unwrap();
    assert!(file::load(&path).is_err());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert!(!file::backup_path(&path).exists());
}

#[test]
fn non_finite_numbers_load_for_validation_to_report() {
    let text = edited("baseline: 40.0", "baseline: NaN");
    let roadmap = load_text(&text).unwrap();
    assert!(
        roadmap.areas[0].programs[0].indicators[0]
            .baseline
            .unwrap()
            .is_nan()
    );
    let problems = reform_roadmap::validate::validate(&roadmap);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind.key(), "not_finite");
}
