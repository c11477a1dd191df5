//! A save killed at any moment leaves the complete old file or the complete new one.
//!
//! The test re-runs its own binary with only `saving_loop_child` selected and
//! `REFORM_ROADMAP_FAULT_KILL` set; that child saves a large roadmap over and over,
//! alternating two versions, and this process SIGKILLs it at random moments spread
//! over the length of a save (seeded: `REFORM_ROADMAP_FAULT_KILL_SEED` replays a run).
//! After every kill the file must be byte for byte one of the two versions, and so
//! must `NAME.bak` when present. Temporaries left by a kill mid-write are counted (they
//! are what shows the kill landed inside the write) and removed.
//!
//! A SIGKILL leaves the page cache intact, so this proves atomicity against crashes
//! of the program, not against power cuts; for those the save flushes the file and
//! the folder (`file::atomic`), which no test here can cut the power under.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use reform_roadmap::file;
use reform_roadmap::model::Roadmap;
use reform_roadmap::synthetic::generated_roadmap;

const CHILD: &str = "REFORM_ROADMAP_FAULT_KILL";
const SEED: &str = "REFORM_ROADMAP_FAULT_KILL_SEED";
const MODE: &str = "REFORM_ROADMAP_FAULT_KILL_MODE";
/// Which version (0 or 1) the child saves first: the one not on disk, so that every
/// completed save shows.
const FIRST: &str = "REFORM_ROADMAP_FAULT_KILL_FIRST";
const READY: &str = "FAULT-KILL-CHILD-READY";
const KILLS: usize = 200;
/// About 4.5 MB of RON (2,000 indicators × 20 quarters): a save takes tens of
/// milliseconds in a debug build.
const INDICATORS: usize = 2000;

/// Version `tag` of a large roadmap (the project's synthetic one); the versions
/// differ in the title and in every reported value.
fn version(tag: u32) -> Roadmap {
    let mut roadmap = generated_roadmap(INDICATORS, 5);
    roadmap.title = format!("{}, versi {tag}", roadmap.title);
    for area in &mut roadmap.areas {
        for program in &mut area.programs {
            for indicator in &mut program.indicators {
                for target in indicator.targets.values_mut() {
                    target.actual = target.actual.map(|a| a + f64::from(tag) / 8.0);
                }
            }
        }
    }
    roadmap
}

/// The child: save versions 1 and 2 in turn until killed. In `write` mode the two
/// texts come from files the parent wrote and go through `file::write_atomically`
/// (what `file::save` does after serialising), so that the whole loop is disk work;
/// in `save` mode the roadmaps are built here and saved with `file::save`.
#[test]
fn saving_loop_child() {
    let Some(path) = std::env::var_os(CHILD).map(PathBuf::from) else {
        return;
    };
    let mode = std::env::var(MODE).unwrap_or_default();
    let texts = match mode.as_str() {
        "write" => [1, 2].map(|n| fs::read(text_path(&path, n)).unwrap()),
        _ => [Vec::new(), Vec::new()],
    };
    let versions = match mode.as_str() {
        "write" => None,
        _ => Some([version(1), version(2)]),
    };
    // The harness has printed "test saving_loop_child ... " on this line already.
    println!("\n{READY}");
    let first: usize = std::env::var(FIRST).unwrap().parse().unwrap();
    for n in first.. {
        match &versions {
            Some(versions) => file::save(&path, &versions[n % 2]),
            None => file::write_atomically(&path, &texts[n % 2]),
        }
        .expect("the child saves to a writable folder");
    }
}

/// Where the parent leaves the text of version `n` for a `write` child.
fn text_path(document: &Path, n: u32) -> PathBuf {
    document.with_file_name(format!("version-{n}.txt"))
}

/// Kills the child if the parent panics, so no saving loop outlives the test.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// SplitMix64: tiny, seedable, good enough to spread delays.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }
}

/// Temporaries the saves left, apart from the parent's version texts.
fn temporaries(folder: &Path) -> Vec<PathBuf> {
    fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tmp"))
        .collect()
}

fn average_time(runs: u32, mut work: impl FnMut(u32)) -> Duration {
    let start = Instant::now();
    for n in 0..runs {
        work(n);
    }
    start.elapsed() / runs
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_file() {
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    let started = Instant::now();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("rb.roadmap.ron");
    let backup = file::backup_path(&path);
    let versions = [version(1), version(2)];
    let texts = versions.each_ref().map(file::to_ron_string);
    assert_ne!(texts[0], texts[1]);
    for (n, text) in (1..).zip(&texts) {
        fs::write(text_path(&path, n), text).unwrap();
    }
    let which = |bytes: &[u8]| texts.iter().position(|t| t.as_bytes() == bytes);

    // How long a save takes here, to spread the kills over it.
    file::save(&path, &versions[0]).unwrap();
    let save_time = average_time(3, |n| {
        file::save(&path, &versions[(n as usize + 1) % 2]).unwrap()
    });
    let write_time = average_time(3, |n| {
        file::write_atomically(&path, texts[n as usize % 2].as_bytes()).unwrap()
    });

    let seed = std::env::var(SEED)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5afe_5a7e_u64);
    let mut rng = Rng(seed);
    let (mut mid_write, mut landed_new, mut with_backup, mut full_loads) = (0, 0, 0, 0);
    let mut last = which(&fs::read(&path).unwrap()).unwrap();
    for kill in 1..=KILLS {
        // One child in four runs the whole `file::save`; the others only its disk
        // part, where a kill can do harm.
        let (mode, duration) = if kill % 4 == 0 {
            ("save", save_time)
        } else {
            ("write", write_time)
        };
        let mut child = Killed(
            Command::new(std::env::current_exe().unwrap())
                .args([
                    "--exact",
                    "fault_kill::saving_loop_child",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(CHILD, &path)
                .env(MODE, mode)
                .env(FIRST, (1 - last).to_string())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        let mut lines = BufReader::new(child.0.stdout.take().unwrap()).lines();
        assert!(
            lines.any(|l| l.is_ok_and(|l| l.contains(READY))),
            "the child did not start"
        );
        // Anywhere in the child's first two saves.
        let delay = rng.below(2 * duration.as_micros() as u64);
        std::thread::sleep(Duration::from_micros(delay));
        drop(child);

        let bytes =
            fs::read(&path).unwrap_or_else(|e| panic!("kill {kill}: the file is gone: {e}"));
        let now = which(&bytes).unwrap_or_else(|| {
            panic!(
                "kill {kill} ({mode}) after {delay} µs: the file is neither version ({} bytes)",
                bytes.len()
            )
        });
        if let Ok(backup_bytes) = fs::read(&backup) {
            with_backup += 1;
            assert!(which(&backup_bytes).is_some(), "kill {kill}: damaged .bak");
        }
        if kill % 50 == 0 {
            assert_eq!(file::load(&path).unwrap(), versions[now]);
            full_loads += 1;
        }
        let left = temporaries(folder.path());
        if !left.is_empty() {
            mid_write += 1;
            for temporary in left {
                fs::remove_file(temporary).unwrap();
            }
        }
        if now != last {
            landed_new += 1;
            last = now;
        }
    }
    let elapsed = started.elapsed();
    println!(
        "{KILLS} kills (seed {seed:#x}; {} KiB file; file::save ≈ {save_time:?}, its disk part ≈ {write_time:?}): \
         {mid_write} landed mid-write (a temporary was left), {landed_new} after the \
         new version was in place, .bak present {with_backup} times; {full_loads} full loads \
         checked; {elapsed:?} in all",
        texts[0].len() / 1024
    );
    assert!(
        mid_write >= KILLS / 4,
        "too few kills landed inside a write to prove anything"
    );
}
