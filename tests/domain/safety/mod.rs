//! Nothing lost: recovery copies, changes on disk, locks, failed saves, load errors and
//! old format versions. Every test works in its own temporary folder.
//!
//! The machine CI runs on runs tests as root, for whom `chmod` does not make a folder
//! read-only. Read-only cases therefore use, in order: `chmod` when it binds (not
//! root), the immutable attribute (`chattr +i`, binds for root too), and a private
//! mount namespace with a tiny tmpfs (`unshare`) for the full disk and the read-only
//! drive. A case whose technique the machine lacks says so on stderr and passes; the
//! cases built on a file in place of a folder, an over-long name and a read-only file
//! mark work everywhere.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

use reform_roadmap::file::Fingerprint;
use reform_roadmap::file::{self, LoadErrorKind, SaveProblem};
use reform_roadmap::locale::Language;
use reform_roadmap::model::{
    Area, Direction, Element, FORMAT_VERSION, Indicator, Kind, Period, Program, Roadmap, Target,
    Unit,
};
use reform_roadmap::safety::lock::{self, LockInfo, LockOutcome};
use reform_roadmap::safety::{DiskState, RecoveryStore, check, check_content};

mod disk;
mod load_errors;
mod locks;
mod recovery;
mod saves;
mod versions;

// ---------------------------------------------------------------- helpers

/// A roadmap with `indicators` indicators of 20 quarters each (about 2 KB apiece).
fn roadmap(title: &str, indicators: usize) -> Roadmap {
    let mut roadmap = Roadmap::new(
        title,
        "Pemerintah Kabupaten Contoh",
        Period {
            start: 2025,
            end: 2029,
        },
    );
    roadmap.units.push(Unit {
        id: "bagor".into(),
        name: "Bagian Organisasi Setda".into(),
    });
    let mut area = Area::new("mp", "Manajemen Perubahan", Element::Soft);
    let mut program = Program::new("mp-1", "Internalisasi budaya kerja BerAKHLAK");
    program.unit = Some("bagor".into());
    for i in 0..indicators {
        let mut indicator = Indicator::new(
            format!("mp-1-{i}"),
            format!("Indikator nomor {i}"),
            Kind::Level,
        );
        indicator.unit = "%".into();
        if i % 3 == 0 {
            indicator.direction = Direction::LowerIsBetter;
        }
        for (q, quarter) in roadmap.period.quarters().enumerate() {
            let mut target = Target::planned(40.0 + q as f64);
            target.actual = Some(38.5 + q as f64);
            indicator.targets.insert(quarter.to_string(), target);
        }
        program.indicators.push(indicator);
    }
    area.programs.push(program);
    roadmap.areas.push(area);
    roadmap
}

fn small(title: &str) -> Roadmap {
    roadmap(title, 3)
}

/// The names in `folder`, sorted.
/// A saved document `rb.roadmap.ron` in `folder`.
fn document_in(folder: &Path) -> PathBuf {
    let path = folder.join("rb.roadmap.ron");
    file::save(&path, &small("x")).unwrap();
    path
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn set_modified(path: &Path, time: SystemTime) {
    File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

/// A folder in which no file can be created by this process, even as root; `None`
/// (after saying why on stderr) where the machine offers no way to make one.
struct ReadOnlyFolder {
    path: PathBuf,
    immutable: bool,
}

impl ReadOnlyFolder {
    fn make(path: &Path) -> Option<Self> {
        use std::os::unix::fs::PermissionsExt;
        let blocks = || {
            let probe = path.join(".probe");
            let blocked = fs::write(&probe, b"x").is_err();
            let _ = fs::remove_file(&probe);
            blocked
        };
        fs::set_permissions(path, fs::Permissions::from_mode(0o555)).unwrap();
        if blocks() {
            return Some(Self {
                path: path.to_owned(),
                immutable: false,
            });
        }
        fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
        let immutable = Command::new("chattr")
            .arg("+i")
            .arg(path)
            .output()
            .is_ok_and(|o| o.status.success());
        let folder = Self {
            path: path.to_owned(),
            immutable,
        };
        if immutable && blocks() {
            return Some(folder);
        }
        eprintln!(
            "skipped: neither chmod nor chattr +i makes {} read-only here",
            path.display()
        );
        None
    }
}

impl Drop for ReadOnlyFolder {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(&self.path).status();
        }
        let _ = fs::set_permissions(&self.path, fs::Permissions::from_mode(0o755));
    }
}
