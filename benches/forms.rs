//! Collecting a quarter's returned OPD forms: 40 units, 50 indicators each, every
//! form filled (a realisasi per row, kendala on half of them) and saved as a
//! spreadsheet program would save it.
//!
//! Run once, in release: `cargo bench --no-default-features --bench forms`.
//! Aim: read, compare and apply all 40 forms in under one second.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

// The person at the spreadsheet, shared with the domain tests.
#[path = "../tests/domain/forms/person.rs"]
#[allow(dead_code)]
mod person;

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use person::{Book, Cell};
use reform_roadmap::forms::{self, Prefer, collect, plan, read_form};
use reform_roadmap::locale::Language;
use reform_roadmap::model::{Kind, Unit};
use reform_roadmap::synthetic::{generated_roadmap, reported_through};

const UNITS: usize = 40;
const PER_UNIT: usize = 50;

fn forms(c: &mut Criterion) {
    // A quarter of the programs hold a milestone; those are left to nobody, and the
    // others dealt out 50 numeric indicators to each of 40 units.
    let mut roadmap = generated_roadmap(UNITS * PER_UNIT * 4 / 3 + 100, 5);
    roadmap.units = (1..=UNITS)
        .map(|u| Unit {
            id: format!("opd-{u:02}"),
            name: format!("Perangkat Daerah Sintetis {u:02}"),
        })
        .collect();
    let quarter = reported_through(roadmap.period).next();
    let mut dealt = 0;
    for area in &mut roadmap.areas {
        for program in &mut area.programs {
            program.unit = None;
            let numeric = program.indicators.iter().all(|i| i.kind != Kind::Milestone);
            if !numeric || program.indicators.len() != 5 {
                continue;
            }
            if dealt < UNITS * PER_UNIT {
                program.unit = Some(format!("opd-{:02}", dealt / PER_UNIT + 1));
                dealt += program.indicators.len();
            }
        }
    }
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut paths: Vec<PathBuf> = Vec::new();
    for form in plan(&roadmap, quarter, None) {
        let bytes = forms::workbook(&roadmap, &form, Language::Indonesian).expect("writes");
        let mut book = Book::open(&bytes);
        let sheet = book.form();
        for (i, row) in form.rows.iter().enumerate() {
            sheet.set(&row.id, "actual", Cell::Text(format!("{},5", 40 + i)));
            if i % 2 == 0 {
                sheet.set(
                    &row.id,
                    "obstacle",
                    Cell::Text("Pengadaan barang dan jasa terlambat".into()),
                );
            }
        }
        let path = folder
            .path()
            .join(forms::file_name(quarter, &form.unit.name));
        std::fs::write(&path, book.save()).expect("writes");
        paths.push(path);
    }
    let rows: usize = plan(&roadmap, quarter, None)
        .iter()
        .map(|f| f.rows.len())
        .sum();
    eprintln!("{} forms, {rows} rows, at {quarter}", paths.len());
    assert_eq!((paths.len(), rows), (UNITS, UNITS * PER_UNIT));

    let mut group = c.benchmark_group("forms");
    group.sample_size(10);
    group.bench_function(
        "collect 40 forms x 50 indicators (read, compare, apply)",
        |b| {
            b.iter(|| {
                let read = paths.iter().map(|p| (p.clone(), read_form(p))).collect();
                let collection =
                    collect(black_box(&roadmap), Some(quarter), read, Prefer::Document);
                let mut document = roadmap.clone();
                assert!(collection.apply(&mut document) >= UNITS * PER_UNIT);
                document
            })
        },
    );
    group.finish();
}

criterion_group!(benches, forms);
criterion_main!(benches);
