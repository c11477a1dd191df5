//! Diff and merge at the size of a large real roadmap: 2,000 indicators over 20
//! quarters (`reform_roadmap::synthetic`), two people's versions each touching every
//! tenth indicator (different quarters), one adding a program.
//!
//! Run in release: `cargo bench --no-default-features --bench merge`.
//! Aim: diff < 200 ms and merge < 200 ms (the whole document, in memory).

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use reform_roadmap::merge::{diff, merge};
use reform_roadmap::model::{Program, Roadmap};
use reform_roadmap::synthetic::generated_roadmap;

/// `roadmap` with the `n`th target of every tenth indicator (from `first`) changed.
fn edited(roadmap: &Roadmap, first: usize, n: usize) -> Roadmap {
    let mut roadmap = roadmap.clone();
    let indicators = roadmap
        .areas
        .iter_mut()
        .flat_map(|a| &mut a.programs)
        .flat_map(|p| &mut p.indicators);
    for indicator in indicators.skip(first).step_by(10) {
        if let Some(entry) = indicator.targets.values_mut().nth(n) {
            entry.actual = Some(entry.target + 1.25);
        }
    }
    roadmap
}

fn merging(c: &mut Criterion) {
    let base = generated_roadmap(2_000, 5);
    let ours = edited(&base, 0, 3);
    let mut theirs = edited(&base, 5, 4);
    theirs.areas[0]
        .programs
        .push(Program::new("mp-baru", "Program baru"));
    let merged = merge(&base, &ours, &theirs).expect("merges");
    let changes = diff(&base, &merged.roadmap).expect("diffs");
    eprintln!(
        "{} indicators; merged with {} conflicts; {} changes from the base",
        base.indicator_count(),
        merged.conflicts.len(),
        changes.len()
    );

    let mut group = c.benchmark_group("merge");
    group.sample_size(20);
    group.bench_function("diff: two 2,000-indicator versions", |b| {
        b.iter(|| diff(black_box(&base), black_box(&ours)).expect("diffs"))
    });
    group.bench_function("merge: base, ours, theirs (2,000 indicators)", |b| {
        b.iter(|| merge(black_box(&base), black_box(&ours), black_box(&theirs)).expect("merges"))
    });
    group.finish();
}

criterion_group!(benches, merging);
criterion_main!(benches);
