//! Fuzzing the loader on stable Rust: real roadmap files of every format version, mutated (bit flips, RON
//! punctuation, truncation, duplicated spans, deep nesting, huge numbers, invalid
//! UTF-8), must each give `Ok` or `Err` from `file::from_ron_bytes`: never a panic,
//! never a hang. `PROPTEST_CASES` changes the number of inputs (10,000 by default, a few seconds in a debug build); a
//! watchdog fails the run, naming the input, if one input takes longer than a minute.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use reform_roadmap::file;

const DEFAULT_CASES: u32 = 10_000;

/// The real files the mutations start from.
pub(crate) fn seeds() -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![root.join("assets/sample.roadmap.ron")];
    let fixtures = root.join("tests/fixtures");
    let mut folders = vec![fixtures.clone()];
    for entry in std::fs::read_dir(&fixtures).unwrap().flatten() {
        if entry.path().is_dir() {
            folders.push(entry.path());
        }
    }
    for folder in folders {
        for entry in std::fs::read_dir(folder).unwrap().flatten() {
            paths.push(entry.path());
        }
    }
    let mut seeds: Vec<_> = paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "ron") && p.is_file())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    seeds.sort();
    // Format version 1 and 2 files both (the sample and tests/fixtures/v2 are version 2).
    for version in ["format_version: 1,", "format_version: 2,"] {
        assert!(
            seeds
                .iter()
                .any(|(_, bytes)| String::from_utf8_lossy(bytes).contains(version)),
            "a seed with {version}"
        );
    }
    seeds
}

#[derive(Debug, Clone)]
pub(crate) enum Mutation {
    FlipBit { at: usize, bit: u8 },
    Insert { at: usize, text: Vec<u8> },
    Truncate { at: usize },
    Duplicate { from: usize, len: usize, to: usize },
    Remove { from: usize, len: usize },
    Nest { at: usize, open: u8, depth: usize },
}

/// Positions are fractions of the current length (per mille), so that a mutation
/// means something whatever the earlier ones did to the length.
pub(crate) fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0usize..=1000;
    let punctuation = prop::sample::select(vec![
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        "\"",
        "'",
        "#",
        "!",
        "r#\"",
        "\"#",
        "\\",
        "/*",
        "*/",
        "//",
        ".",
        "-",
        "+",
        "e",
        "Some(",
        "None",
        "#![enable(implicit_some)]",
        "\n",
        "\0",
    ]);
    let number = prop::sample::select(vec![
        "1e999999",
        "-1e999999",
        "99999999999999999999999999999999",
        "18446744073709551616",
        "-9223372036854775809",
        "0x7fffffffffffffffffff",
        "1.7976931348623157e309",
        "NaN",
        "inf",
        "-inf",
        "0.000000000000000000000000000000000000000000001",
        "1_000_000",
        "0b102",
    ]);
    prop_oneof![
        (at.clone(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit { at, bit }),
        (at.clone(), punctuation).prop_map(|(at, p)| Mutation::Insert {
            at,
            text: p.as_bytes().to_vec()
        }),
        (at.clone(), number).prop_map(|(at, n)| Mutation::Insert {
            at,
            text: n.as_bytes().to_vec()
        }),
        (at.clone(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, text)| Mutation::Insert { at, text }),
        at.clone().prop_map(|at| Mutation::Truncate { at }),
        (at.clone(), 1usize..2000, at.clone()).prop_map(|(from, len, to)| Mutation::Duplicate {
            from,
            len,
            to
        }),
        (at.clone(), 1usize..200).prop_map(|(from, len)| Mutation::Remove { from, len }),
        (
            at,
            prop::sample::select(vec![b'(', b'[', b'{']),
            1usize..5000
        )
            .prop_map(|(at, open, depth)| Mutation::Nest { at, open, depth }),
    ]
}

fn position(per_mille: usize, len: usize) -> usize {
    len * per_mille / 1000
}

pub(crate) fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len();
    match *mutation {
        Mutation::FlipBit { at, bit } if len > 0 => {
            let i = position(at, len - 1);
            bytes[i] ^= 1 << bit;
        }
        Mutation::FlipBit { .. } => {}
        Mutation::Insert { at, ref text } => {
            let i = position(at, len);
            bytes.splice(i..i, text.iter().copied());
        }
        Mutation::Truncate { at } => bytes.truncate(position(at, len)),
        Mutation::Duplicate {
            from,
            len: span,
            to,
        } => {
            let start = position(from, len);
            let end = (start + span).min(len);
            let copy = bytes[start..end].to_vec();
            let i = position(to, len);
            bytes.splice(i..i, copy);
        }
        Mutation::Remove { from, len: span } => {
            let start = position(from, len);
            let end = (start + span).min(len);
            bytes.drain(start..end);
        }
        Mutation::Nest { at, open, depth } => {
            let i = position(at, len);
            let close = match open {
                b'(' => b')',
                b'[' => b']',
                _ => b'}',
            };
            let mut nested = vec![open; depth];
            nested.extend(std::iter::repeat_n(close, depth / 2));
            bytes.splice(i..i, nested);
        }
    }
}

#[test]
fn mutated_real_files_never_panic_or_hang() {
    let seeds = seeds();
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (0..seeds.len(), prop::collection::vec(mutation(), 1..8));

    let inputs = AtomicUsize::new(0);
    let (accepted, refused) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let watchdog = Watchdog::start(Duration::from_secs(60));
    let origin = Path::new("fuzzed.roadmap.ron");
    let result = runner.run(&strategy, |(seed, mutations)| {
        let mut bytes = seeds[seed].1.clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        watchdog.begin(&seeds[seed].0, &mutations);
        let outcome = file::from_ron_bytes(&bytes, origin);
        watchdog.end();
        inputs.fetch_add(1, Ordering::Relaxed);
        match outcome {
            Ok(roadmap) => {
                accepted.fetch_add(1, Ordering::Relaxed);
                // Whatever loads must save to text that loads again.
                let text = file::to_ron_string(&roadmap);
                let again = file::from_ron_str(&text, origin);
                prop_assert!(
                    again.is_ok(),
                    "re-saved text does not load: {:?}",
                    again.err()
                );
            }
            Err(error) => {
                refused.fetch_add(1, Ordering::Relaxed);
                prop_assert!(!error.to_string().is_empty());
            }
        }
        Ok(())
    });
    println!(
        "fuzzed the loader with {} inputs from {} seed files: {} loaded, {} refused with an error",
        inputs.load(Ordering::Relaxed),
        seeds.len(),
        accepted.load(Ordering::Relaxed),
        refused.load(Ordering::Relaxed)
    );
    result.unwrap();
    assert!(inputs.load(Ordering::Relaxed) >= cases as usize);
}

/// Aborts the test process, naming the input, when one input runs too long: a hang
/// would otherwise only show as a CI timeout with nothing to reproduce it from.
struct Watchdog {
    epoch: Instant,
    /// Milliseconds since `epoch` plus one when the current input began; 0 when idle.
    began: Arc<AtomicU64>,
    input: Arc<Mutex<String>>,
}

impl Watchdog {
    fn start(limit: Duration) -> Self {
        let watchdog = Self {
            epoch: Instant::now(),
            began: Arc::new(AtomicU64::new(0)),
            input: Arc::new(Mutex::new(String::new())),
        };
        let (epoch, began, input) = (
            watchdog.epoch,
            watchdog.began.clone(),
            watchdog.input.clone(),
        );
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(Duration::from_millis(500));
                let since = began.load(Ordering::Relaxed);
                let now = epoch.elapsed().as_millis() as u64 + 1;
                if since != 0 && now.saturating_sub(since) > limit.as_millis() as u64 {
                    eprintln!(
                        "the loader hung for over {limit:?} on: {}",
                        input.lock().unwrap()
                    );
                    std::process::abort();
                }
            }
        });
        watchdog
    }

    fn begin(&self, seed: &Path, mutations: &[Mutation]) {
        *self.input.lock().unwrap() = format!("{} with {mutations:?}", seed.display());
        let now = self.epoch.elapsed().as_millis() as u64 + 1;
        self.began.store(now, Ordering::Relaxed);
    }

    fn end(&self) {
        self.began.store(0, Ordering::Relaxed);
    }
}

#[test]
fn pathological_inputs_are_refused_not_crashed_on() {
    let origin = Path::new("pathological.roadmap.ron");
    let megabyte = 1024 * 1024;
    let prefix = "(format_version: 1, title: \"T\", institution: \"I\", period: (start: 2025, end: 2029), vision: ";
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("1 MB of [", vec![b'['; megabyte]),
        ("1 MB of (", vec![b'('; megabyte]),
        ("1 MB of {", vec![b'{'; megabyte]),
        ("[ ] alternating", b"[]".repeat(megabyte / 2)),
        (
            "nesting inside a valid start",
            [prefix.as_bytes(), &vec![b'['; megabyte]].concat(),
        ),
        (
            "an unterminated string",
            [prefix.as_bytes(), b"\"", &vec![b'a'; megabyte]].concat(),
        ),
        (
            "an unterminated raw string",
            [prefix.as_bytes(), b"r####\"", &vec![b'a'; megabyte]].concat(),
        ),
        (
            "an unterminated comment",
            [b"/*".as_slice(), &b"/*".repeat(megabyte / 2)].concat(),
        ),
        (
            "1 MB of digits",
            [b"(format_version: ".as_slice(), &vec![b'9'; megabyte]].concat(),
        ),
        (
            "a huge exponent",
            b"(format_version: 1e999999999999999999)".to_vec(),
        ),
        (
            "1 MB of commas",
            [b"(".as_slice(), &vec![b','; megabyte]].concat(),
        ),
        (
            "enable repeated",
            b"#![enable(implicit_some)]\n".repeat(40_000),
        ),
    ];
    for (what, bytes) in cases {
        let result = file::from_ron_bytes(&bytes, origin);
        assert!(result.is_err(), "{what}: must be refused");
        println!("{what}: {}", result.unwrap_err());
    }
}

/// The schema stops a parse at the first unexpected bracket, but the version probe
/// (run on files that do not parse) skips unknown values whole: 100,000 levels of
/// nesting there must meet the nesting limit, not overflow the stack.
#[test]
fn deep_nesting_in_an_unknown_field_is_refused_naming_the_field() {
    for open in ["[", "(", "{", "Some("] {
        let text = format!("(format_version: 1, extra: {})", open.repeat(100_000));
        let error = file::from_ron_str(&text, Path::new("deep.ron")).unwrap_err();
        assert!(
            matches!(&error.kind, file::LoadErrorKind::Syntax { field: Some(f), .. } if f == "extra"),
            "{open}: {error}"
        );
    }
}
