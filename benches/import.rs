//! Importing a large real-sized roadmap workbook: 2,000 indicators over five years
//! (the synthetic roadmap of the domain benchmark) exported `--whole`, then read back.
//!
//! Run once, in release:
//! `cargo bench --no-default-features --features iced/tiny-skia --bench import`
//! (the dev-dependency `iced_test` brings iced, which in release needs a renderer).
//! Aim: the whole import (read, detect, build) under one second.

// The allocator the shipped binary uses (see src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use reform_roadmap::export::whole;
use reform_roadmap::import::{self, Options};
use reform_roadmap::locale::Language;
use reform_roadmap::synthetic::generated_roadmap;

const INDICATORS: usize = 2_000;
const YEARS: i32 = 5;

fn import_workbook(c: &mut Criterion) {
    let roadmap = generated_roadmap(INDICATORS, YEARS);
    let bytes = whole::workbook(&roadmap, Language::Indonesian).expect("a workbook");
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("rencana-aksi.xlsx");
    std::fs::write(&path, &bytes).expect("written");
    let (imported, report) = import::import(&path, None, &Options::default()).expect("imports");
    eprintln!(
        "{} indicators, {} targets; workbook {:.1} MiB",
        imported.indicator_count(),
        report.counts.targets,
        bytes.len() as f64 / 1048576.0
    );
    assert_eq!(imported.indicator_count(), INDICATORS);

    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("2,000-indicator workbook: read, detect, build", |b| {
        b.iter(|| import::import(black_box(&path), None, &Options::default()).expect("imports"))
    });
    group.bench_function("2,000-indicator workbook: read only", |b| {
        b.iter(|| import::read(black_box(&path)).expect("reads"))
    });
    group.finish();
}

criterion_group!(benches, import_workbook);
criterion_main!(benches);
