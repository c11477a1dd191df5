//! The fast reader (`file::fast`) against ron, the reference: on every text it reads,
//! it must give exactly ron's document (compared through `Debug`, so `-0.0` and `0.0`
//! differ); on every other text it must leave the text to ron. Then loading behaves as
//! with ron alone for every file, valid or not, errors and refusals included.
//!
//! Inputs: every fixture, the sample, every template, generated roadmaps of several
//! sizes with version 2 fields and awkward strings added from several seeds, a table
//! of hand-made variants (each saying which reader should take it), and the loader's
//! fuzz corpus (`fuzz_loader`'s mutations; `PROPTEST_CASES` sets how many).

use std::cell::Cell;
use std::path::{Path, PathBuf};

use proptest::test_runner::{Config, TestRunner};
use reform_roadmap::file::{self, LoadErrorKind, fast};
use reform_roadmap::model::{
    Band, Direction, FORMAT_VERSION, Kind, Period, RatingScale, Roadmap, Scale, Scoring,
};
use reform_roadmap::synthetic::generated_roadmap;
use reform_roadmap::template::{self, Template};

use crate::fuzz_loader;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reader {
    Fast,
    Ron,
}

/// Which reader takes `text`, after checking that the fast one, when it takes it,
/// gives ron's document.
fn compare(text: &str, what: &str) -> Reader {
    let Ok(read) = fast::read(text) else {
        return Reader::Ron;
    };
    match file::parse_with_ron(text) {
        Ok(reference) => {
            assert_eq!(
                format!("{read:?}"),
                format!("{reference:?}"),
                "{what}: the fast reader and ron read different documents"
            );
            Reader::Fast
        }
        Err(error) => panic!("{what}: the fast reader read a text ron refuses ({error})"),
    }
}

fn fixture_files() -> Vec<PathBuf> {
    fn walk(folder: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "ron") {
                found.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = vec![root.join("assets/sample.roadmap.ron")];
    walk(&root.join("tests/fixtures"), &mut found);
    found.sort();
    found
}

#[test]
fn every_fixture_and_the_sample_read_the_same() {
    let files = fixture_files();
    assert!(files.len() >= 4, "{files:?}");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let reader = compare(&text, &path.display().to_string());
        // What the program wrote is read fast; the spec's example is hand-written.
        let written = text == file::to_ron_string(&file::from_ron_str(&text, &path).unwrap());
        if written {
            assert_eq!(reader, Reader::Fast, "{}", path.display());
        }
        println!(
            "{}: {reader:?} (written by the program: {written})",
            path.display()
        );
    }
}

/// A generated roadmap with version 2 fields and strings the writer must quote raw,
/// chosen by `seed`, so the fast reader meets every field and string form it handles.
fn enriched(indicators: usize, years: i32, seed: u64) -> Roadmap {
    let mut roadmap = generated_roadmap(indicators, years);
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n.max(1)
    };
    const AWKWARD: [&str; 8] = [
        "kutip \"dua\" di tengah",
        "garis miring \\ terbalik",
        "pagar \"# dan \"## berturut",
        "baris\nbaru dan\ttab",
        "Rp 150.000.000, TW II 2025",
        "",
        "ʻokina, émoji 🙂, ½",
        "r#\"bukan raw\"#",
    ];
    roadmap.vision = Some(AWKWARD[next(8) as usize].to_owned());
    if next(2) == 0 {
        roadmap.scoring = Some(Scoring {
            cap: Some(120.0),
            missing: reform_roadmap::model::MissingScore::Exclude,
            rating: match next(4) {
                0 => RatingScale::None,
                1 => RatingScale::Sakip,
                2 => RatingScale::Permendagri86,
                _ => RatingScale::Custom(vec![
                    Band {
                        min: 85.5,
                        label: AWKWARD[next(8) as usize].to_owned(),
                    },
                    Band {
                        min: -1e-7,
                        label: "Kurang".into(),
                    },
                ]),
            },
        });
    }
    let start = roadmap.period.start;
    for (a, area) in roadmap.areas.iter_mut().enumerate() {
        if next(3) == 0 {
            area.weight = Some(a as f64 + 0.25);
        }
        for program in &mut area.programs {
            if next(4) == 0 {
                program.quick_win = true;
                program
                    .annual_budget
                    .insert(start, 150_000_000 + next(1000));
                program.annual_budget.insert(-1, u64::MAX);
                program.spent.insert(format!("{start}-Q1"), next(u64::MAX));
            }
            if next(5) == 0 {
                program.note = Some(AWKWARD[next(8) as usize].to_owned());
            }
            for indicator in &mut program.indicators {
                match next(10) {
                    0 => indicator.kind = Kind::Average,
                    1 => indicator.direction = Direction::WithinRange,
                    2 => indicator.owner = Some(AWKWARD[next(8) as usize].to_owned()),
                    3 => indicator.weight = Some(1e16),
                    4 => {
                        indicator.scale = Some(Scale {
                            min: -0.0,
                            max: 5.0,
                        })
                    }
                    5 => indicator.baseline = Some(f64::MIN_POSITIVE),
                    _ => {}
                }
                for target in indicator.targets.values_mut() {
                    if next(6) == 0 {
                        target.upper = Some(target.target + 0.1);
                    }
                    if next(15) == 0 {
                        target.note = Some(AWKWARD[next(8) as usize].to_owned());
                        target.evidence = Some(vec![AWKWARD[next(8) as usize].to_owned()]);
                    }
                }
            }
        }
    }
    roadmap
}

#[test]
fn everything_the_program_writes_is_read_fast_to_the_same_document() {
    let period = Period {
        start: 2025,
        end: 2029,
    };
    let mut documents: Vec<(String, Roadmap)> = Template::ALL
        .iter()
        .map(|&t| {
            (
                format!("template {t}"),
                template::build(t, "Pemerintah Kota \"Contoh\"", period),
            )
        })
        .collect();
    documents.push(("sample".into(), reform_roadmap::sample::sample()));
    for (indicators, years) in [(0, 1), (1, 1), (7, 2), (60, 5), (400, 3)] {
        documents.push((
            format!("generated {indicators}x{years}"),
            generated_roadmap(indicators, years),
        ));
        for seed in 1..=4 {
            documents.push((
                format!("generated {indicators}x{years}, seed {seed}"),
                enriched(indicators, years, seed),
            ));
        }
    }
    for (what, document) in documents {
        let text = file::to_ron_string(&document);
        assert_eq!(compare(&text, &what), Reader::Fast, "{what}");
        // And through the loader: the document as saved, with the version it needs.
        let loaded = file::from_ron_str(&text, Path::new("x.roadmap.ron")).unwrap();
        assert_eq!(file::to_ron_string(&loaded), text, "{what}");
    }
}

/// Variants of the version 2 fixture: (what, text replaced, by, who reads it).
/// The first occurrence is replaced, or every one for whitespace changes.
#[test]
fn hand_made_variants_go_to_the_reader_that_handles_them() {
    use Reader::{Fast, Ron};
    let original = include_str!("../fixtures/v2/complete.roadmap.ron");
    let first = "                                \"2025-Q1\": (target: 45.0, actual: 44.0),\n";
    let cases: &[(&str, &str, &str, Reader)] = &[
        ("unchanged", "", "", Fast),
        ("CRLF line ends", "\n", "\r\n", Fast),
        ("tabs", "    ", "\t", Fast),
        ("no attribute line", "#![enable(implicit_some)]\n", "", Fast),
        (
            "another attribute",
            "#![enable(implicit_some)]",
            "#![enable(implicit_some, unwrap_newtypes)]",
            Ron,
        ),
        (
            "a line comment",
            "    title:",
            "    // judul\n    title:",
            Ron,
        ),
        (
            "a block comment",
            "    title:",
            "    /* judul */ title:",
            Ron,
        ),
        ("a vertical tab", "\n    title", "\n\u{0B}    title", Ron),
        (
            "a Unicode line separator",
            "\n    title",
            "\n\u{2028}    title",
            Ron,
        ),
        ("an integer for a float", "target: 45.0", "target: 45", Fast),
        ("an exponent", "target: 45.0", "target: 4.5e1", Fast),
        ("a negative float", "target: 45.0", "target: -45.5", Fast),
        ("a plus sign", "target: 45.0", "target: +45.0", Ron),
        ("a trailing dot", "target: 45.0", "target: 45.", Ron),
        ("a leading dot", "target: 45.0", "target: .5", Ron),
        (
            "underscores",
            "budget: 150000000",
            "budget: 150_000_000",
            Ron,
        ),
        ("hexadecimal", "budget: 150000000", "budget: 0x8F0D180", Ron),
        ("a suffix", "target: 45.0", "target: 45.0f64", Ron),
        (
            "an integer suffix",
            "budget: 150000000",
            "budget: 150000000u64",
            Ron,
        ),
        (
            "a float for an integer",
            "budget: 150000000",
            "budget: 1.5e8",
            Ron,
        ),
        (
            "a negative unsigned",
            "budget: 150000000",
            "budget: -1",
            Ron,
        ),
        (
            "u64 overflow",
            "budget: 150000000",
            "budget: 18446744073709551616",
            Ron,
        ),
        (
            "u32 overflow",
            "format_version: 2",
            "format_version: 4294967296",
            Ron,
        ),
        (
            "leading zeros",
            "budget: 150000000",
            "budget: 00150000000",
            Fast,
        ),
        ("a negative year", "start: 2025", "start: -2025", Fast),
        (
            "i32 overflow",
            "2026: 160000000",
            "2147483648: 160000000",
            Ron,
        ),
        ("NaN", "target: 45.0", "target: NaN", Ron),
        ("infinity", "target: 45.0", "target: inf", Ron),
        ("Some(..)", "baseline: 40.0", "baseline: Some(40.0)", Ron),
        ("None", "baseline: 40.0", "baseline: None", Ron),
        (
            "an escape",
            "\"Data dari presensi bimtek\"",
            "\"Data dari\\npresensi\"",
            Ron,
        ),
        (
            "a newline in a string",
            "\"Data dari presensi bimtek\"",
            "\"Data dari\npresensi\"",
            Fast,
        ),
        (
            "a raw string",
            "\"Inspektorat Daerah\"",
            "r\"Inspektorat Daerah\"",
            Fast,
        ),
        (
            "a raw string with hashes",
            "\"Inspektorat Daerah\"",
            "r##\"Inspektorat \"# Daerah\"##",
            Fast,
        ),
        (
            "a raw quarter key",
            "\"2025-Q2\": (target: 50.0",
            "r#\"2025-Q2\"#: (target: 50.0",
            Fast,
        ),
        (
            "a byte string",
            "\"Inspektorat Daerah\"",
            "b\"Inspektorat Daerah\"",
            Ron,
        ),
        (
            "a non-ASCII string",
            "\"Inspektorat Daerah\"",
            "\"Inspektorat Daérah 🙂\"",
            Fast,
        ),
        (
            "fields in another order",
            "id: \"bagor\",\n            name: \"Bagian Organisasi Setda\",",
            "name: \"Bagian Organisasi Setda\",\n            id: \"bagor\",",
            Fast,
        ),
        (
            "a duplicate field",
            "    title:",
            "    title: \"Lain\",\n    title:",
            Ron,
        ),
        ("a duplicate map key", first, &[first, first].concat(), Fast),
        (
            "a changed duplicate map key",
            first,
            &[first.replace("45.0", "46.0").as_str(), first].concat(),
            Fast,
        ),
        ("an unknown field", "vision:", "visi:", Ron),
        ("a raw identifier", "vision:", "r#vision:", Ron),
        ("a non-ASCII identifier", "vision:", "visión:", Ron),
        (
            "a missing required field",
            "    institution: \"Pemerintah Kabupaten Contoh\",\n",
            "",
            Ron,
        ),
        (
            "no trailing comma",
            "\"Badan Kepegawaian dan Pengembangan SDM\",\n",
            "\"Badan Kepegawaian dan Pengembangan SDM\"\n",
            Fast,
        ),
        (
            "a doubled comma",
            "\"Inspektorat Daerah\",",
            "\"Inspektorat Daerah\",,",
            Ron,
        ),
        ("a leading comma", "units: [", "units: [,", Ron),
        (
            "an optional field left out",
            "scale: (\n                                min: 0.0,\n                                max: 100.0,\n                            ),",
            "",
            Fast,
        ),
        ("a named struct", "period: (", "period: Period(", Ron),
        (
            "a space before a newtype variant",
            "Custom([",
            "Custom ( [",
            Fast,
        ),
        ("an unknown variant", "element: Soft", "element: Lunak", Ron),
        (
            "a lowercase variant",
            "kind: Milestone",
            "kind: milestone",
            Ron,
        ),
        (
            "a variant with parentheses",
            "kind: Milestone",
            "kind: Milestone()",
            Ron,
        ),
        (
            "not a quarter",
            "done: \"2025-Q3\"",
            "done: \"2025-Q5\"",
            Ron,
        ),
        (
            "a malformed quarter key stays text",
            "\"2025-Q3\": (target: 55.0",
            "\"2025-Q9\": (target: 55.0",
            Fast,
        ),
        ("not a date", "2025-04-15", "2025-02-30", Ron),
        ("trailing text", ")\n", ")\nx\n", Ron),
        ("a second document", ")\n", ")\n()\n", Ron),
        (
            "a newer version with known fields only",
            "format_version: 2",
            "format_version: 3",
            Fast,
        ),
        (
            "a newer version with a new field",
            "    title:",
            "    budget_law: \"PP 12/2019\",\n    title:",
            Ron,
        ),
        ("a byte order mark", "#![", "\u{feff}#![", Ron),
    ];
    for &(what, from, to, expected) in cases {
        let text = if from.is_empty() {
            original.to_owned()
        } else {
            assert!(
                original.contains(from),
                "{what}: {from:?} is not in the fixture"
            );
            if matches!(what, "CRLF line ends" | "tabs") {
                original.replace(from, to)
            } else {
                original.replacen(from, to, 1)
            }
        };
        assert_eq!(compare(&text, what), expected, "{what}");
    }
}

/// Small documents for what the fixture does not hold.
#[test]
fn small_documents_go_to_the_reader_that_handles_them() {
    use Reader::{Fast, Ron};
    let head =
        "(format_version: 2, title: \"T\", institution: \"I\", period: (start: 2025, end: 2029)";
    for (rest, expected) in [
        ("", Fast),
        (",", Fast),
        (" , ", Fast),
        (", scoring: ()", Fast),
        (", scoring: (rating: None)", Fast),
        (
            ", scoring: (rating: Sakip, missing: Zero, cap: 100.0)",
            Fast,
        ),
        (", scoring: (rating: Permendagri86,)", Fast),
        (", scoring: (rating: Custom([]))", Fast),
        (", scoring: (rating: Custom([],))", Fast),
        (
            ", scoring: (rating: Custom([(label: \"Baik\", min: 85.0)] , ) )",
            Fast,
        ),
        (", scoring: (rating: Custom)", Ron),
        (", scoring: (rating: Custom(()))", Ron),
        (", scoring: None", Ron),
        (", rules: (at_risk_below: 100.0)", Ron),
        (
            ", areas: [(id: \"a\", name: \"A\", programs: [(id: \"p\", name: \"P\", quick_win: true, indicators: [(id: \"i\", name: \"I\")])])]",
            Fast,
        ),
        (
            ", areas: [(id: \"a\", name: \"A\", programs: [(id: \"p\", name: \"P\", quick_win: yes)])]",
            Ron,
        ),
        (
            ", areas: [(id: \"a\", name: \"A\", programs: [(id: \"p\", name: \"P\", annual_budget: {})])]",
            Fast,
        ),
        (
            ", reviews: [(quarter: \"2025-Q1\", date: \"2025-04-15\", reviewer: \"R\")]",
            Fast,
        ),
        (
            ", reviews: [(quarter: \"2025-Q1\", date: \"15-04-2025\", reviewer: \"R\")]",
            Ron,
        ),
        (", reviews: [(quarter: \"2025-Q1\", reviewer: \"R\")]", Ron),
        (", units: [], units: []", Ron),
    ] {
        let text = format!("{head}{rest})");
        assert_eq!(compare(&text, &text), expected, "{text}");
    }
    for (text, expected) in [
        ("()", Ron),
        ("", Ron),
        ("   ", Ron),
        ("#![enable(implicit_some)]", Ron),
        ("Roadmap(format_version: 1)", Ron),
        (
            "(format_version: 1, title: \"T\", institution: \"I\", period: (start: 2025, end: 2029)",
            Ron,
        ),
        (
            "(format_version: 1, title: \"T\", institution: \"I\", period: (start: 2025, end: 2029)) // akhir",
            Ron,
        ),
        (
            "(format_version: 1, title: \"T, institution: \"I\", period: (start: 2025, end: 2029))",
            Ron,
        ),
    ] {
        assert_eq!(compare(text, text), expected, "{text}");
    }
}

/// The refusals the spec promises come out the same when the fast reader read the file.
#[test]
fn a_newer_version_read_fast_is_refused_as_the_spec_says() {
    let v2 = include_str!("../fixtures/v2/complete.roadmap.ron");
    let newer = v2.replacen(
        "format_version: 2",
        &format!("format_version: {}", FORMAT_VERSION + 1),
        1,
    );
    assert!(fast::read(&newer).is_ok(), "the fast reader reads it");
    let refused = file::from_ron_str(&newer, Path::new("kabupaten.roadmap.ron")).unwrap_err();
    assert_eq!(
        refused.kind,
        LoadErrorKind::NewerVersion {
            found: FORMAT_VERSION + 1,
            newest: FORMAT_VERSION
        }
    );
    let zero = v2.replacen("format_version: 2", "format_version: 0", 1);
    assert!(fast::read(&zero).is_ok());
    let refused = file::from_ron_str(&zero, Path::new("x.roadmap.ron")).unwrap_err();
    assert_eq!(refused.kind, LoadErrorKind::UnknownVersion { found: 0 });
}

/// How many fuzzed texts each reader took.
#[derive(Default)]
struct Tally {
    fast: Cell<usize>,
    ron: Cell<usize>,
    /// Of those left to ron, how many ron read.
    ron_read: Cell<usize>,
}

impl Tally {
    fn compare(&self, text: &str, what: &str) {
        match compare(text, what) {
            Reader::Fast => self.fast.set(self.fast.get() + 1),
            Reader::Ron => {
                self.ron.set(self.ron.get() + 1);
                let read = usize::from(file::parse_with_ron(text).is_ok());
                self.ron_read.set(self.ron_read.get() + read);
            }
        }
    }

    /// Prints the counts and checks that the corpus reached the fast reader's
    /// accepting paths (one case in `share` at least), not only its refusals; fewer
    /// than a thousand cases are too few to say.
    fn report(&self, corpus: &str, cases: u32, share: usize) {
        let (fast, ron, ron_read) = (self.fast.get(), self.ron.get(), self.ron_read.get());
        println!(
            "{cases} {corpus}: {fast} read fast (ron agreed), {ron} left to ron \
             (of which ron read {ron_read})"
        );
        if cases >= 1_000 {
            assert!(fast * share > cases as usize, "{fast} read fast");
        }
    }
}

fn runner(default_cases: u32) -> (TestRunner, u32) {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default_cases);
    let runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    (runner, cases)
}

#[test]
fn mutated_files_read_the_same_or_go_to_ron() {
    let seeds = fuzz_loader::seeds();
    let (mut runner, cases) = runner(3_000);
    let strategy = (
        0..seeds.len(),
        proptest::collection::vec(fuzz_loader::mutation(), 1..4),
    );
    let tally = Tally::default();
    runner
        .run(&strategy, |(seed, mutations)| {
            let mut bytes = seeds[seed].1.clone();
            for m in &mutations {
                fuzz_loader::apply(&mut bytes, m);
            }
            if let Ok(text) = std::str::from_utf8(&bytes) {
                tally.compare(
                    text,
                    &format!("{} with {mutations:?}", seeds[seed].0.display()),
                );
            }
            Ok(())
        })
        .unwrap();
    tally.report("mutated files", cases, 50);
}

/// Small edits that often leave a file readable by ron, each a form one of the two
/// readers handles and the other may not: whitespace, comments, number spellings,
/// string forms, trailing commas, other variants. Applied at random places and
/// several at once, they reach combinations the table above does not.
const EDITS: &[(&str, &str)] = &[
    (", ", ",\n"),
    (", ", ","),
    ("\n", "\r\n"),
    ("    ", "\t"),
    ("\n", "\n// catatan\n"),
    ("\n", " /* c */\n"),
    ("\n", "\n\u{0B}"),
    ("\n", "\n\u{a0}"),
    (": ", ":"),
    (": ", " : "),
    (": ", ": +"),
    (".0", ""),
    (".0", ".0e0"),
    (".0", ".00"),
    (".0", "."),
    (".0", ".0f64"),
    ("0", "0_0"),
    ("00", "0x0"),
    ("1", "9"),
    ("5", "-5"),
    ("2025", "-2025"),
    ("2025-Q", "2025-Q0"),
    (": \"", ": r\""),
    (": \"", ": r#\""),
    ("\",", "\"#,"),
    ("\",", "\\t\","),
    ("\",", "\n\","),
    ("\",", "é\","),
    ("\",", "\\\","),
    ("),", ",),"),
    ("],", ",],"),
    (",\n", "\n"),
    (",\n", ",,\n"),
    ("(", "( "),
    ("[", "[\n"),
    ("(\n", "(,\n"),
    ("Level", "Count"),
    ("Level", "Average"),
    ("Soft", "Hard"),
    ("HigherIsBetter", "WithinRange"),
    ("kind: ", "kind: Some("),
    ("baseline: ", "baseline: Some("),
    ("baseline: 40.0", "baseline: None"),
    ("target: ", "targets: "),
    ("actual: ", "upper: "),
    ("note: ", "catatan: "),
];

#[test]
fn edited_files_read_the_same_or_go_to_ron() {
    let mut seeds: Vec<(String, String)> = fuzz_loader::seeds()
        .into_iter()
        .map(|(path, bytes)| {
            (
                path.display().to_string(),
                String::from_utf8(bytes).unwrap(),
            )
        })
        .collect();
    for seed in 1..=3 {
        let text = file::to_ron_string(&enriched(12, 2, seed));
        seeds.push((format!("generated 12x2, seed {seed}"), text));
    }
    let (mut runner, cases) = runner(3_000);
    let edit = (0..EDITS.len(), 0usize..1000);
    let strategy = (0..seeds.len(), proptest::collection::vec(edit, 1..6));
    let tally = Tally::default();
    runner
        .run(&strategy, |(seed, edits)| {
            let mut text = seeds[seed].1.clone();
            for &(which, per_mille) in &edits {
                let (from, to) = EDITS[which];
                let places: Vec<usize> = text.match_indices(from).map(|(at, _)| at).collect();
                if places.is_empty() {
                    continue;
                }
                let at = places[per_mille * places.len() / 1000];
                text.replace_range(at..at + from.len(), to);
            }
            let edits: Vec<_> = edits.iter().map(|&(w, p)| (EDITS[w], p)).collect();
            tally.compare(&text, &format!("{} with {edits:?}", seeds[seed].0));
            Ok(())
        })
        .unwrap();
    tally.report("edited files", cases, 10);
}
