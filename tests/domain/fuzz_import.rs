//! Fuzzing the importer on stable Rust: real spreadsheets (the sample's whole
//! workbook, a wide and a long CSV), mutated byte-wise (bit flips, inserted bytes,
//! truncation, repeated and removed spans) and cell-wise (CSV cells replaced with
//! headings, numbers in every notation, blanks), must each give `Ok` or `Err` from
//! the importer: never a panic, never a hang. `PROPTEST_CASES` changes the number of
//! inputs (400 by default, a few seconds); a watchdog fails the run if one input
//! takes longer than a minute.

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use reform_roadmap::import::{Options, build, choose_sheet, preview, read_bytes};
use reform_roadmap::locale::Language;

const DEFAULT_CASES: u32 = 400;

const WIDE_CSV: &str = "LAPORAN RENCANA AKSI RB TAHUN 2025\n\nNO;AREA PERUBAHAN;PROGRAM;PENANGGUNG JAWAB;INDIKATOR;POLARITAS;TARGET;;;;REALISASI;;;;CAPAIAN;KENDALA\n;;;;;;TW I;TW II;TW III;TW IV;TW I;TW II;TW III;TW IV;;\n1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16\n1;Manajemen Perubahan;Agen;BKPSDM;Persentase agen;Positif;10;20;30;40;9;21;;;90%;Terlambat\n2;;;;Indeks;Negatif;1,5;2,5;;;1.234,5;Rp 5.000;;;;\n;;;;;;;;;;;;;;;\nMengetahui,\n";

const LONG_CSV: &str = "\u{feff}Area;Program;Unit Kerja;Indikator;Tahun;Triwulan;Target;Realisasi;Kendala;Tindak Lanjut\nMP;Agen;BKPSDM;Persentase;2025;TW I;12,5;10;a;b\nMP;Agen;BKPSDM;Persentase;2025;3;60,27%;55;;\nPP;Mal;DPMPTSP;Indeks;2026;III;80;82,1;;\n";

fn seeds() -> Vec<(&'static str, Vec<u8>)> {
    let sample = reform_roadmap::sample::sample();
    vec![
        (
            "whole.xlsx",
            reform_roadmap::export::whole::workbook(&sample, Language::Indonesian).unwrap(),
        ),
        ("wide.csv", WIDE_CSV.as_bytes().to_vec()),
        ("long.csv", LONG_CSV.as_bytes().to_vec()),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    FlipBit {
        at: usize,
        bit: u8,
    },
    Insert {
        at: usize,
        bytes: Vec<u8>,
    },
    Truncate {
        at: usize,
    },
    Duplicate {
        from: usize,
        len: usize,
        to: usize,
    },
    Remove {
        from: usize,
        len: usize,
    },
    /// CSV only: replace the `n`th cell with a chosen text.
    Cell {
        n: usize,
        text: &'static str,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0usize..=1000;
    let cell_text = prop::sample::select(vec![
        "",
        "INDIKATOR",
        "URAIAN",
        "TARGET 2025",
        "Tahun",
        "Triwulan",
        "TW V",
        "TW IV 1999",
        "A.",
        "I.",
        "1.",
        "1e308",
        "-1e308",
        "NaN",
        "inf",
        "1.2.3,4,5",
        "60,27%%",
        "Rp",
        "Rp 1.000.000.000.000.000.000.000",
        "Jumlah",
        "Mengetahui,",
        "\"",
        ";;;;",
        "\n\n",
        "Positif",
        "Tonggak",
        "2100",
        "0",
        "-0",
        "=1+1",
        "99999999999999999999",
    ]);
    prop_oneof![
        (at.clone(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit { at, bit }),
        (at.clone(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        at.clone().prop_map(|at| Mutation::Truncate { at }),
        (at.clone(), 1usize..4000, at.clone()).prop_map(|(from, len, to)| Mutation::Duplicate {
            from,
            len,
            to
        }),
        (at, 1usize..200).prop_map(|(from, len)| Mutation::Remove { from, len }),
        (0usize..200, cell_text.clone()).prop_map(|(n, text)| Mutation::Cell { n, text }),
        (0usize..200, cell_text).prop_map(|(n, text)| Mutation::Cell { n, text }),
    ]
}

fn position(per_mille: usize, len: usize) -> usize {
    len * per_mille / 1000
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation, csv: bool) {
    let len = bytes.len();
    match *mutation {
        Mutation::FlipBit { at, bit } if len > 0 => bytes[position(at, len - 1)] ^= 1 << bit,
        Mutation::FlipBit { .. } => {}
        Mutation::Insert {
            at,
            bytes: ref inserted,
        } => {
            let i = position(at, len);
            bytes.splice(i..i, inserted.iter().copied());
        }
        Mutation::Truncate { at } => bytes.truncate(position(at, len)),
        Mutation::Duplicate {
            from,
            len: span,
            to,
        } => {
            let start = position(from, len);
            let copy = bytes[start..(start + span).min(len)].to_vec();
            let i = position(to, len);
            bytes.splice(i..i, copy);
        }
        Mutation::Remove { from, len: span } => {
            let start = position(from, len);
            bytes.drain(start..(start + span).min(len));
        }
        Mutation::Cell { n, text } if csv => {
            let separators: Vec<usize> = bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| matches!(b, b';' | b'\n'))
                .map(|(i, _)| i)
                .collect();
            if separators.len() >= 2 {
                let k = n % (separators.len() - 1);
                let (start, end) = (separators[k] + 1, separators[k + 1]);
                bytes.splice(start..end, text.bytes());
            }
        }
        Mutation::Cell { .. } => {}
    }
}

/// Everything the importer does with a file's bytes, the preview included.
fn import(bytes: &[u8], name: &str) {
    let Ok(workbook) = read_bytes(bytes, Path::new(name)) else {
        return;
    };
    let Ok((sheet, plan)) = choose_sheet(&workbook, None) else {
        return;
    };
    let options = Options::default();
    let _ = preview(&workbook, sheet, &plan, &options, 20);
    if let Ok((roadmap, report)) = build(&workbook, sheet, &plan, &options) {
        // What comes out is a roadmap the rest of the program accepts.
        let _ = reform_roadmap::validate::validate(&roadmap);
        let text = reform_roadmap::file::to_ron_string(&roadmap);
        reform_roadmap::file::from_ron_str(&text, Path::new("imported.ron"))
            .expect("an imported roadmap saves and loads");
        for warning in &report.warnings {
            let _ = warning.message(Language::English);
        }
    }
}

#[test]
fn mutated_spreadsheets_never_panic_or_hang() {
    let seeds = seeds();
    for (name, bytes) in &seeds {
        import(bytes, name);
    }
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let current: &'static Mutex<Option<(String, Vec<Mutation>)>> =
        Box::leak(Box::new(Mutex::new(None)));
    let done: &'static AtomicUsize = Box::leak(Box::new(AtomicUsize::new(0)));
    std::thread::spawn(move || {
        let mut last = usize::MAX;
        loop {
            std::thread::sleep(Duration::from_secs(60));
            let now = done.load(Ordering::SeqCst);
            if now == usize::MAX {
                return;
            }
            if now == last {
                eprintln!("an input took over a minute: {:?}", current.lock().unwrap());
                std::process::abort();
            }
            last = now;
        }
    });
    let strategy = (0..seeds.len(), prop::collection::vec(mutation(), 1..6));
    runner
        .run(&strategy, |(seed, mutations)| {
            let (name, original) = &seeds[seed];
            let csv = name.ends_with(".csv");
            let mut bytes = original.clone();
            for mutation in &mutations {
                apply(&mut bytes, mutation, csv);
            }
            *current.lock().unwrap() = Some((name.to_string(), mutations.clone()));
            import(&bytes, name);
            done.fetch_add(1, Ordering::SeqCst);
            Ok(())
        })
        .unwrap();
    done.store(usize::MAX, Ordering::SeqCst);
}
