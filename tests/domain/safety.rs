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

// ---------------------------------------------------------------- recovery

#[test]
fn recovery_write_list_restore_discard() {
    let data = tempfile::tempdir().unwrap();
    let documents = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path().join("recovery"));
    assert!(
        store.list().is_empty(),
        "a store whose folder does not exist yet is empty"
    );

    let path = documents.path().join("rb.roadmap.ron");
    file::save(&path, &small("saved")).unwrap();
    let edited = small("saved, then edited");
    let written = store.write(Some(&path), &edited).unwrap();
    assert_eq!(
        written.document_path.as_deref(),
        Some(fs::canonicalize(&path).unwrap().as_path())
    );
    std::thread::sleep(Duration::from_millis(5));
    let untitled = small("never saved");
    store.write(None, &untitled).unwrap();

    let listed = store.list();
    assert_eq!(listed.len(), 2, "{listed:#?}");
    assert_eq!(listed[0].document_path, None, "newest first");
    assert!(listed[0].untitled.is_some());
    assert_eq!(listed[1], written);
    assert!(listed.iter().all(|e| !e.is_damaged()));
    assert!(listed[0].written_at >= listed[1].written_at);
    assert_eq!(store.restore(&listed[0]).unwrap(), untitled);
    assert_eq!(store.restore(&listed[1]).unwrap(), edited);
    for entry in &listed {
        for language in Language::ALL {
            let line = entry.describe(language);
            assert!(!line.contains("safety."), "untranslated: {line}");
        }
    }
    assert!(
        listed[1]
            .describe(Language::English)
            .contains("rb.roadmap.ron")
    );

    store.discard(&listed[1]).unwrap();
    assert_eq!(store.list().len(), 1);
    store.discard(&listed[1]).unwrap();
    store.remove_for(None).unwrap();
    assert!(store.list().is_empty());
    assert!(
        names_in(store.folder()).is_empty(),
        "{:?}",
        names_in(store.folder())
    );
}

#[test]
fn recovery_keeps_one_copy_per_document_however_its_path_is_spelled() {
    let data = tempfile::tempdir().unwrap();
    let documents = tempfile::tempdir().unwrap();
    fs::create_dir(documents.path().join("sub")).unwrap();
    let store = RecoveryStore::new(data.path());
    let path = documents.path().join("rb.roadmap.ron");
    let other = documents.path().join("lain.roadmap.ron");
    file::save(&path, &small("a")).unwrap();
    let spelled_otherwise = documents.path().join("sub/../rb.roadmap.ron");

    store.write(Some(&path), &small("first")).unwrap();
    store
        .write(Some(&spelled_otherwise), &small("second"))
        .unwrap();
    store
        .write(Some(&other), &small("other, never saved to disk"))
        .unwrap();
    let listed = store.list();
    assert_eq!(listed.len(), 2, "{listed:#?}");
    let mine = listed
        .iter()
        .find(|e| e.document_path.as_deref() == Some(fs::canonicalize(&path).unwrap().as_path()))
        .unwrap();
    assert_eq!(store.restore(mine).unwrap().title, "second");

    store.remove_for(Some(&spelled_otherwise)).unwrap();
    let left = store.list();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].document_path.as_deref(), Some(other.as_path()));
    store.remove_for(Some(&path)).unwrap();
}

#[test]
fn untitled_documents_of_two_windows_do_not_share_a_copy() {
    let data = tempfile::tempdir().unwrap();
    let first = RecoveryStore::new(data.path());
    let second = RecoveryStore::new(data.path());
    let a = first.write(None, &small("window one")).unwrap();
    let b = second.write(None, &small("window two")).unwrap();
    assert_ne!(a.untitled, b.untitled);
    assert_ne!(a.recovery_file, b.recovery_file);
    // Writing again goes to the same slot.
    let again = first.write(None, &small("window one, later")).unwrap();
    assert_eq!(again.recovery_file, a.recovery_file);
    assert_eq!(first.list().len(), 2);

    // After a crash, a new session restores window one and carries on in its file.
    let next_session = RecoveryStore::new(data.path());
    let entry = next_session
        .list()
        .into_iter()
        .find(|e| e.untitled == a.untitled)
        .unwrap();
    assert_eq!(
        next_session.restore(&entry).unwrap().title,
        "window one, later"
    );
    next_session.adopt(&entry);
    let continued = next_session
        .write(None, &small("restored and edited"))
        .unwrap();
    assert_eq!(continued.recovery_file, a.recovery_file);
    assert_eq!(next_session.list().len(), 2);
}

#[test]
fn a_reserved_untitled_slot_is_not_listed() {
    let data = tempfile::tempdir().unwrap();
    fs::write(data.path().join("untitled-1.recovery"), b"").unwrap();
    let store = RecoveryStore::new(data.path());
    assert!(store.list().is_empty());
    let entry = store.write(None, &small("x")).unwrap();
    assert_eq!(entry.untitled, Some(2), "slot 1 belongs to someone else");
}

#[test]
fn damaged_recovery_copies_are_listed_as_damaged_and_never_panic() {
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    let documents = tempfile::tempdir().unwrap();
    let good = store
        .write(Some(&documents.path().join("a.ron")), &roadmap("good", 50))
        .unwrap();
    let bytes = fs::read(&good.recovery_file).unwrap();
    let damaged = |name: &str, contents: &[u8]| {
        let path = data.path().join(name);
        fs::write(&path, contents).unwrap();
        path
    };
    let truncated = damaged("doc-truncated.recovery", &bytes[..bytes.len() * 2 / 3]);
    let mut altered_bytes = bytes.clone();
    let last = altered_bytes.len() - 10;
    altered_bytes[last] ^= 0x01;
    let altered = damaged("doc-altered.recovery", &altered_bytes);
    let header_only = damaged(
        "doc-header-only.recovery",
        &bytes[..bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(1)
            .unwrap()
            .0
            + 1],
    );
    let garbage = damaged("doc-garbage.recovery", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let bad_json = damaged(
        "doc-json.recovery",
        b"reform-roadmap recovery 1\n{\"document\": 5}\n()",
    );
    let no_newline = damaged("doc-nl.recovery", b"reform-roadmap recovery 1");
    damaged("notes.txt", b"not a recovery file at all");
    // A header that claims a small body in a file that is huge (sparse): found out
    // from the sizes alone, without reading the gigabyte.
    let huge = data.path().join("doc-huge.recovery");
    fs::write(&huge, &bytes).unwrap();
    File::options()
        .write(true)
        .open(&huge)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();

    let listed = store.list();
    assert_eq!(listed.len(), 8, "{listed:#?}");
    for entry in &listed {
        let restored = store.restore(entry);
        if entry.recovery_file == good.recovery_file {
            assert!(!entry.is_damaged());
            assert_eq!(restored.unwrap().title, "good");
            store.discard(entry).unwrap();
            continue;
        }
        let error = restored.expect_err("a damaged copy must not restore");
        assert!(
            [
                &truncated,
                &header_only,
                &garbage,
                &bad_json,
                &no_newline,
                &huge
            ]
            .contains(&&entry.recovery_file)
                == entry.is_damaged(),
            "{entry:#?}"
        );
        if entry.recovery_file == altered {
            // Same length: only the content hash shows it.
            assert!(!entry.is_damaged());
            assert!(
                matches!(error.kind, LoadErrorKind::Damaged { .. }),
                "{error}"
            );
        }
        let line = entry.describe(Language::Indonesian);
        if entry.is_damaged() {
            assert!(line.contains("rusak"), "{line}");
        }
        store.discard(entry).unwrap();
    }
    assert_eq!(names_in(data.path()), ["notes.txt"]);
}

#[test]
fn a_large_roadmap_round_trips_through_recovery() {
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    let big = roadmap("besar", 1500);
    let entry = store
        .write(Some(Path::new("/nowhere/besar.roadmap.ron")), &big)
        .unwrap();
    assert!(entry.size > 2_000_000, "{}", entry.size);
    let listed = store.list();
    assert_eq!(listed, std::slice::from_ref(&entry));
    assert_eq!(store.restore(&entry).unwrap(), big);
}

#[test]
fn the_default_recovery_folder_is_in_the_users_data_folder() {
    if let Some(folder) = RecoveryStore::default_folder() {
        assert!(folder.ends_with("recovery"), "{}", folder.display());
        assert!(
            folder.to_string_lossy().contains("reform-roadmap"),
            "{}",
            folder.display()
        );
    }
}

// ---------------------------------------------------------------- changes on disk

#[test]
fn fingerprint_sees_unchanged_touched_changed_and_missing() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("rb.roadmap.ron");
    file::save(&path, &small("Versi A")).unwrap();
    let (loaded, known) = file::load_with_fingerprint(&path).unwrap();
    assert_eq!(loaded.title, "Versi A");
    assert_eq!(Fingerprint::read(&path).unwrap(), known);
    assert_eq!(
        check(&path, &known),
        DiskState::Unchanged { refreshed: None }
    );

    // Touched: same bytes, newer time. Unchanged, with a fingerprint to keep.
    set_modified(&path, SystemTime::now() + Duration::from_secs(60));
    let DiskState::Unchanged {
        refreshed: Some(refreshed),
    } = check(&path, &known)
    else {
        panic!("a touched file is unchanged");
    };
    assert!(refreshed.same_content(&known));
    assert_eq!(
        check(&path, &refreshed),
        DiskState::Unchanged { refreshed: None }
    );

    // Rewritten in place with other bytes of the same length, and the modification
    // time put back: the status-change time still gives it away.
    let original = fs::read(&path).unwrap();
    let rewritten = String::from_utf8(original.clone())
        .unwrap()
        .replace("Versi A", "Versi B");
    assert_eq!(rewritten.len(), original.len());
    fs::write(&path, &rewritten).unwrap();
    set_modified(&path, refreshed.modified);
    assert_eq!(fs::metadata(&path).unwrap().len(), refreshed.size);
    assert_eq!(
        fs::metadata(&path).unwrap().modified().unwrap(),
        refreshed.modified
    );
    let DiskState::Changed { current } = check(&path, &refreshed) else {
        panic!("a same-size rewrite with the old time is a change");
    };
    assert_eq!(current, Fingerprint::read(&path).unwrap());
    assert!(matches!(
        check_content(&path, &refreshed),
        DiskState::Changed { .. }
    ));
    let message = check(&path, &refreshed)
        .describe(&path, Language::Indonesian)
        .unwrap();
    assert!(
        message.contains("rb.roadmap.ron") && message.contains("diubah"),
        "{message}"
    );

    // Where the system keeps no status-change time (Windows), only the content check
    // sees such a rewrite; that is what `check_content` before saving is for.
    let without_status = Fingerprint {
        status: None,
        ..refreshed
    };
    assert_eq!(
        check(&path, &without_status),
        DiskState::Unchanged { refreshed: None }
    );
    assert!(matches!(
        check_content(&path, &without_status),
        DiskState::Changed { .. }
    ));

    fs::remove_file(&path).unwrap();
    assert_eq!(check(&path, &known), DiskState::Missing);
    assert_eq!(check_content(&path, &known), DiskState::Missing);
    drop(folder);
    assert_eq!(check(&path, &known), DiskState::Missing, "folder gone");
}

#[test]
fn a_save_gives_the_fingerprint_of_what_it_wrote() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("rb.roadmap.ron");
    file::save(&path, &small("first")).unwrap();
    let written = file::save_with_fingerprint(&path, &small("second")).unwrap();
    // The cheap check passes straight away: no reading, no refresh needed.
    assert_eq!(
        check(&path, &written),
        DiskState::Unchanged { refreshed: None }
    );
    let (loaded, read) = file::load_with_fingerprint(&path).unwrap();
    assert_eq!(loaded.title, "second");
    assert_eq!(read, written);

    // A colleague replaces the file by saving (rename over it).
    file::save(&path, &small("colleague's")).unwrap();
    assert!(check(&path, &written).needs_attention());
}

#[test]
fn a_folder_in_place_of_the_file_is_missing() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("rb.roadmap.ron");
    file::save(&path, &small("x")).unwrap();
    let known = Fingerprint::read(&path).unwrap();
    fs::remove_file(&path).unwrap();
    fs::create_dir(&path).unwrap();
    assert_eq!(check(&path, &known), DiskState::Missing);
}

// ---------------------------------------------------------------- locks

fn write_lock(document: &Path, info: &LockInfo) {
    fs::write(lock::lock_path(document), info.to_line()).unwrap();
}

fn someone_else(hours_ago: i64) -> LockInfo {
    LockInfo {
        user: "siti".into(),
        machine: "PC-BAPPEDA-07".into(),
        since: Some((chrono::Utc::now() - chrono::TimeDelta::hours(hours_ago)).fixed_offset()),
        pid: Some(4242),
    }
}

fn document_in(folder: &Path) -> PathBuf {
    let path = folder.join("rb.roadmap.ron");
    file::save(&path, &small("x")).unwrap();
    path
}

#[test]
fn a_free_document_is_locked_and_released() {
    let folder = tempfile::tempdir().unwrap();
    let document = document_in(folder.path());
    let lock_file = folder.path().join(".~lock.rb.roadmap.ron#");
    assert_eq!(lock::lock_path(&document), lock_file);
    let LockOutcome::Acquired(guard) = lock::acquire(&document) else {
        panic!("a document nobody has open is ours");
    };
    let written = LockInfo::parse(&fs::read(&lock_file).unwrap()).unwrap();
    assert_eq!(written.user, lock::user_name());
    assert_eq!(written.machine, lock::machine_name());
    assert_eq!(written.pid, Some(std::process::id()));
    assert!(written.since.is_some());
    assert_eq!(lock::holder(&document).as_ref(), Some(&written));
    assert!(guard.still_held());
    guard.release();
    assert!(!lock_file.exists());
    assert_eq!(lock::holder(&document), None);

    let LockOutcome::Acquired(guard) = lock::acquire(&document) else {
        panic!("free again");
    };
    drop(guard);
    assert!(!lock_file.exists(), "dropping releases too");
}

#[test]
fn our_own_lock_is_taken_over() {
    let folder = tempfile::tempdir().unwrap();
    let document = document_in(folder.path());
    let mut mine = LockInfo::current();
    mine.since = Some((chrono::Utc::now() - chrono::TimeDelta::hours(30)).fixed_offset());
    write_lock(&document, &mine);
    assert!(matches!(lock::acquire(&document), LockOutcome::Acquired(_)));

    // Left by an earlier run of the program that has ended (its pid is free now).
    let mut finished = Command::new("true").spawn().unwrap();
    let dead_pid = finished.id();
    finished.wait().unwrap();
    let left_over = LockInfo {
        pid: Some(dead_pid),
        ..LockInfo::current()
    };
    write_lock(&document, &left_over);
    let LockOutcome::Acquired(guard) = lock::acquire(&document) else {
        panic!("a lock of ours from a process that ended is ours");
    };
    assert_eq!(guard.info().pid, Some(std::process::id()));
}

#[test]
fn a_second_running_instance_of_ours_is_reported() {
    let folder = tempfile::tempdir().unwrap();
    let document = document_in(folder.path());
    let mut other_window = Command::new("sleep").arg("30").spawn().unwrap();
    let theirs = LockInfo {
        pid: Some(other_window.id()),
        ..LockInfo::current()
    };
    write_lock(&document, &theirs);
    let outcome = lock::acquire(&document);
    other_window.kill().unwrap();
    other_window.wait().unwrap();
    let LockOutcome::HeldByOther(holder) = outcome else {
        panic!("another running instance holds it: {outcome:?}");
    };
    assert_eq!(holder, theirs);
}

#[test]
fn a_colleagues_lock_is_reported_and_can_be_overridden() {
    let folder = tempfile::tempdir().unwrap();
    let document = document_in(folder.path());
    let lock_file = lock::lock_path(&document);
    let colleague = someone_else(1);
    write_lock(&document, &colleague);
    let LockOutcome::HeldByOther(holder) = lock::acquire(&document) else {
        panic!("held by a colleague");
    };
    assert_eq!(holder, colleague);
    assert!(!holder.is_probably_stale());
    let id = holder.describe(Language::Indonesian);
    let en = holder.describe(Language::English);
    for text in [&id, &en] {
        assert!(
            text.contains("siti") && text.contains("PC-BAPPEDA-07"),
            "{text}"
        );
        assert!(!text.contains("safety."), "{text}");
    }
    assert!(id.contains("Sedang dibuka oleh"), "{id}");
    assert_eq!(
        fs::read(&lock_file).unwrap(),
        colleague.to_line(),
        "not touched"
    );

    // Open anyway.
    let LockOutcome::Acquired(guard) = lock::force_acquire(&document) else {
        panic!("force always takes it");
    };
    assert_eq!(
        LockInfo::parse(&fs::read(&lock_file).unwrap())
            .unwrap()
            .user,
        lock::user_name()
    );
    drop(guard);
    assert!(!lock_file.exists());
}

#[test]
fn an_old_lock_is_probably_stale() {
    let folder = tempfile::tempdir().unwrap();
    let document = document_in(folder.path());
    write_lock(&document, &someone_else(13));
    let LockOutcome::HeldByOther(holder) = lock::acquire(&document) else {
        panic!("still reported: the user decides");
    };
    assert!(holder.is_probably_stale());
    assert!(holder.describe(Language::English).contains("left over"));

    // On this machine, by a process that ended: stale however recent.
    let mut finished = Command::new("true").spawn().unwrap();
    let dead_pid = finished.id();
    finished.wait().unwrap();
    let crashed = LockInfo {
        user: "siti".into(),
        pid: Some(dead_pid),
        ..LockInfo::current()
    };
    assert!(crashed.is_probably_stale());
}

#[test]
fn an_unreadable_lock_is_held_by_an_unknown_user_and_stale_after_a_minute() {
    let folder = tempfile::tempdir().unwrap();
    let document = document_in(folder.path());
    let lock_file = lock::lock_path(&document);
    fs::write(&lock_file, b"\0\0\xff garbage").unwrap();
    let LockOutcome::HeldByOther(holder) = lock::acquire(&document) else {
        panic!("an unknown holder is still a holder");
    };
    assert!(holder.is_unknown());
    assert!(
        !holder.is_probably_stale(),
        "it may be being written right now"
    );
    set_modified(&lock_file, SystemTime::now() - Duration::from_secs(300));
    let LockOutcome::HeldByOther(holder) = lock::acquire(&document) else {
        panic!("still there");
    };
    assert!(holder.is_probably_stale());
    assert!(
        holder
            .describe(Language::Indonesian)
            .contains("tidak diketahui")
    );
}

#[test]
fn release_leaves_a_lock_that_someone_else_took_over() {
    let folder = tempfile::tempdir().unwrap();
    let document = document_in(folder.path());
    let LockOutcome::Acquired(guard) = lock::acquire(&document) else {
        panic!("free");
    };
    // A colleague opened anyway and wrote their own lock.
    write_lock(&document, &someone_else(0));
    assert!(!guard.still_held());
    drop(guard);
    assert_eq!(lock::holder(&document).unwrap().user, "siti");
}

#[test]
fn a_lock_that_cannot_be_written_does_not_stop_opening() {
    // /proc refuses new files to everyone, root included.
    let outcome = lock::acquire(Path::new("/proc/self/status"));
    let LockOutcome::NotLocked(problem) = outcome else {
        panic!("nothing can be written in /proc: {outcome:?}");
    };
    assert!(problem.to_string().contains(".~lock.status#"), "{problem}");
    assert!(
        problem
            .describe(Language::Indonesian)
            .contains("tanpa kunci")
    );
    assert!(reform_roadmap::file::read_limited(Path::new("/proc/self/status")).is_ok());

    let folder = tempfile::tempdir().unwrap();
    let document = document_in(folder.path());
    let Some(_read_only) = ReadOnlyFolder::make(folder.path()) else {
        return;
    };
    assert!(matches!(
        lock::acquire(&document),
        LockOutcome::NotLocked(_)
    ));
    assert!(matches!(
        lock::force_acquire(&document),
        LockOutcome::NotLocked(_)
    ));
    assert_eq!(
        file::load(&document).unwrap().title,
        "x",
        "the document still opens"
    );
}

// ---------------------------------------------------------------- failed saves

/// Saving `next` over `path` fails with `problem`, and leaves the old file and nothing else.
fn assert_save_fails(path: &Path, next: &Roadmap, problem: SaveProblem) {
    let folder = path.parent().unwrap();
    let before_bytes = fs::read(path).ok();
    let before_names = folder.is_dir().then(|| names_in(folder));
    let error = file::save(path, next).expect_err("the save must fail");
    assert_eq!(error.problem(), problem, "{error}");
    assert!(error.suggests_save_as());
    assert!(
        error.to_string().contains(&*path.to_string_lossy()),
        "{error}"
    );
    assert!(error.to_string().contains("not changed"), "{error}");
    for language in Language::ALL {
        assert!(!error.advice(language).contains("safety."));
    }
    assert_eq!(fs::read(path).ok(), before_bytes, "the old file is intact");
    if let Some(names) = before_names {
        assert_eq!(names_in(folder), names, "no temporary is left behind");
    }
}

#[test]
fn saving_into_a_read_only_folder_keeps_the_old_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = document_in(folder.path());
    let Some(_read_only) = ReadOnlyFolder::make(folder.path()) else {
        return;
    };
    assert_save_fails(&path, &small("new"), SaveProblem::ReadOnly);
    assert!(
        file::save(&folder.path().join("baru.roadmap.ron"), &small("new"))
            .unwrap_err()
            .is_read_only()
    );
}

#[test]
fn a_file_marked_read_only_is_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let path = document_in(folder.path());
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    assert_save_fails(&path, &small("new"), SaveProblem::ReadOnly);
}

#[test]
fn a_vanished_folder_is_reported_as_such() {
    let folder = tempfile::tempdir().unwrap();
    let sub = folder.path().join("Dokumen RB");
    fs::create_dir(&sub).unwrap();
    let path = document_in(&sub);
    fs::remove_dir_all(&sub).unwrap();
    let error = file::save(&path, &small("new")).unwrap_err();
    assert!(error.is_folder_missing(), "{error}");
    assert!(!sub.exists(), "no folder is made up");

    // A file where the folder was (a drive letter remapped, say).
    fs::write(&sub, b"not a folder").unwrap();
    let error = file::save(&path, &small("new")).unwrap_err();
    assert!(error.is_folder_missing(), "{error}");
    assert_eq!(fs::read(&sub).unwrap(), b"not a folder");
}

#[test]
fn a_file_deleted_meanwhile_is_simply_written_again() {
    let folder = tempfile::tempdir().unwrap();
    let path = document_in(folder.path());
    let backup = file::backup_path(&path);
    fs::remove_file(&path).unwrap();
    let _ = fs::remove_file(&backup);
    file::save(&path, &small("again")).unwrap();
    assert_eq!(file::load(&path).unwrap().title, "again");
    assert!(!backup.exists(), "nothing to back up");
    assert_eq!(names_in(folder.path()), ["rb.roadmap.ron"]);
}

#[test]
fn long_names_save_and_too_long_names_fail_cleanly() {
    let folder = tempfile::tempdir().unwrap();
    // 250 bytes: legal, though `.NAME.PID.N.tmp` would not be.
    let long = format!("{}.roadmap.ron", "x".repeat(238));
    assert_eq!(long.len(), 250);
    let path = folder.path().join(&long);
    file::save(&path, &small("one")).unwrap();
    file::save(&path, &small("two")).unwrap();
    assert_eq!(file::load(&path).unwrap().title, "two");

    let too_long = folder
        .path()
        .join(format!("{}.roadmap.ron", "x".repeat(300)));
    let error = file::save(&too_long, &small("x")).unwrap_err();
    assert!(error.is_bad_name(), "{error}");
    assert_eq!(
        names_in(folder.path()),
        [long.clone(), format!("{long}.bak")],
        "no temporary is left behind"
    );
}

#[test]
fn a_folder_with_the_documents_name_is_not_replaced() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("rb.roadmap.ron");
    fs::create_dir(&path).unwrap();
    fs::write(path.join("inside.txt"), b"keep").unwrap();
    let error = file::save(&path, &small("x")).unwrap_err();
    assert_eq!(error.problem(), SaveProblem::IsAFolder, "{error}");
    assert_eq!(fs::read(path.join("inside.txt")).unwrap(), b"keep");
}

const TINY_DRIVE: &str = "REFORM_ROADMAP_TINY_DRIVE";

/// A full disk and a read-only drive, for real: a 256 KiB tmpfs mounted in a private
/// mount namespace (so nothing outside this test ever sees it), by re-running this
/// test binary under `unshare` with only `tiny_drive_child` selected.
#[test]
fn saving_on_a_full_disk_and_on_a_read_only_drive() {
    if std::env::var_os(TINY_DRIVE).is_some() {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let output = Command::new("unshare")
        .args(["--mount", "--propagation", "private", "--"])
        .arg(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "safety::tiny_drive_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(TINY_DRIVE, folder.path())
        .output();
    let output = match output {
        Ok(output) => output,
        Err(error) => {
            eprintln!("skipped: cannot run unshare: {error}");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !stdout.contains("running 1 test") || stdout.contains("TINY-DRIVE-SKIPPED") {
        eprintln!("skipped: no private mount namespace or tmpfs here:\n{stdout}{stderr}");
        return;
    }
    assert!(
        output.status.success() && stdout.contains("TINY-DRIVE-OK"),
        "child failed:\n{stdout}\n{stderr}"
    );
}

#[test]
fn tiny_drive_child() {
    let Some(folder) = std::env::var_os(TINY_DRIVE).map(PathBuf::from) else {
        return;
    };
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
        .arg(&folder)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        println!("TINY-DRIVE-SKIPPED");
        return;
    }
    let path = folder.join("rb.roadmap.ron");
    file::save(&path, &small("small")).unwrap();
    let big = roadmap("too big for the drive", 400);
    assert!(file::to_ron_string(&big).len() > 300 * 1024);
    assert_save_fails(&path, &big, SaveProblem::DiskFull);
    // The recovery store meets the same full disk and says so.
    let store = RecoveryStore::new(folder.join("recovery"));
    let error = store.write(Some(&path), &big).unwrap_err();
    assert!(error.to_string().contains("disk is full"), "{error}");

    let remounted = Command::new("mount")
        .args(["-o", "remount,ro"])
        .arg(&folder)
        .status()
        .unwrap();
    assert!(remounted.success());
    assert_save_fails(&path, &small("small, edited"), SaveProblem::ReadOnly);
    assert!(matches!(lock::acquire(&path), LockOutcome::NotLocked(_)));
    assert_eq!(file::load(&path).unwrap().title, "small");
    println!("TINY-DRIVE-OK");
}

// ---------------------------------------------------------------- load errors

fn load_text(contents: &[u8]) -> reform_roadmap::file::LoadError {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("rb.roadmap.ron");
    fs::write(&path, contents).unwrap();
    let error = file::load(&path).expect_err("must not load");
    assert_eq!(error.path, path);
    assert!(error.to_string().contains("rb.roadmap.ron"), "{error}");
    error
}

#[test]
fn each_load_error_says_what_and_where() {
    assert_eq!(load_text(b"").kind, LoadErrorKind::Empty);
    assert_eq!(load_text(b" \n\t\n").kind, LoadErrorKind::Empty);
    assert_eq!(
        load_text(b"(\n  title: \"a\0b\",\n)").kind,
        LoadErrorKind::NotText {
            line: 2,
            column: 12
        }
    );
    assert_eq!(
        load_text(b"\x89PNG\r\n\x1a\n").kind,
        LoadErrorKind::NotText { line: 1, column: 1 }
    );

    let error =
        load_text(b"(\n    format_version: 1,\n    title: \"T\"\n    institution: \"I\",\n)");
    let LoadErrorKind::Syntax { line, column, .. } = error.kind else {
        panic!("{error}");
    };
    assert_eq!((line, column), (4, 5), "{error}");
    assert!(error.to_string().contains("4:5"), "{error}");

    let error =
        load_text(b"(\n    format_version: 1,\n    title: \"T\",\n    instituton: \"I\",\n)");
    let LoadErrorKind::Syntax { line, field, .. } = &error.kind else {
        panic!("{error}");
    };
    assert_eq!(
        (*line, field.as_deref()),
        (4, Some("instituton")),
        "{error}"
    );
    assert!(error.to_string().contains("instituton"), "{error}");

    let error = load_text(
        b"(format_version: 0, title: \"T\", institution: \"I\", period: (start: 2025, end: 2029))",
    );
    assert_eq!(error.kind, LoadErrorKind::UnknownVersion { found: 0 });
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("huge.roadmap.ron");
    let file_handle = File::create(&path).unwrap();
    file_handle.set_len(file::MAX_FILE_BYTES + 1).unwrap();
    let error = file::load(&path).unwrap_err();
    assert_eq!(
        error.kind,
        LoadErrorKind::TooLarge {
            size: file::MAX_FILE_BYTES + 1
        }
    );
    assert!(matches!(
        file::load_with_fingerprint(&path).unwrap_err().kind,
        LoadErrorKind::TooLarge { .. }
    ));
}

#[test]
fn a_missing_file_is_an_io_error() {
    let folder = tempfile::tempdir().unwrap();
    let error = file::load(&folder.path().join("nope.ron")).unwrap_err();
    assert!(matches!(error.kind, LoadErrorKind::Io { .. }), "{error}");
}

// ---------------------------------------------------------------- format versions

fn fixture_files() -> Vec<(u32, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut found = Vec::new();
    for entry in fs::read_dir(&root).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(version) = name.strip_prefix('v').and_then(|v| v.parse::<u32>().ok()) else {
            continue;
        };
        for file in fs::read_dir(entry.path()).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "ron") {
                found.push((version, path));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn every_format_version_loads_and_resaves_byte_for_byte_as_the_same_version() {
    let fixtures = fixture_files();
    let versions: Vec<u32> = fixtures.iter().map(|(v, _)| *v).collect();
    for version in file::OLDEST_VERSION..=FORMAT_VERSION {
        assert!(
            versions.contains(&version),
            "tests/fixtures/v{version}/ needs a complete file"
        );
    }
    let folder = tempfile::tempdir().unwrap();
    for (version, path) in fixtures {
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.contains(&format!("format_version: {version},")),
            "{} is filed under v{version}",
            path.display()
        );
        let loaded = file::load(&path).unwrap_or_else(|e| panic!("{e}"));
        // Version 2 only added optional fields: every complete file of a version is
        // written as that version again (the lowest that holds it), unchanged.
        assert_eq!(loaded.format_version, version, "{}", path.display());
        let resaved = folder.path().join(path.file_name().unwrap());
        file::save(&resaved, &loaded).unwrap();
        let again = fs::read_to_string(&resaved).unwrap();
        assert_eq!(
            again,
            text,
            "{}: an unchanged document re-saves byte for byte",
            path.display()
        );
        assert_eq!(file::load(&resaved).unwrap(), loaded);
    }
}

#[test]
fn the_complete_v1_fixture_exercises_every_field() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1/complete.roadmap.ron");
    let text = fs::read_to_string(&path).unwrap();
    for field in [
        "format_version",
        "title",
        "institution",
        "period",
        "start",
        "end",
        "vision",
        "rules",
        "at_risk_below",
        "behind_below",
        "units",
        "areas",
        "element: Soft",
        "element: Hard",
        "goal",
        "note",
        "programs",
        "unit",
        "budget",
        "indicators",
        "kind: Level",
        "kind: Count",
        "kind: Milestone",
        "direction: LowerIsBetter",
        "baseline",
        "targets",
        "target",
        "actual",
        "obstacle",
        "follow_up",
        "evidence",
        "due",
        "done",
        "reviews",
        "quarter",
        "date",
        "reviewer",
        "notes",
        "flagged",
    ] {
        assert!(text.contains(field), "the v1 fixture lacks {field}");
    }
}

#[test]
fn a_file_from_a_newer_version_is_refused_and_left_alone() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("dari-masa-depan.roadmap.ron");
    let newer = FORMAT_VERSION + 1;
    // With a field this version does not know: "newer version", not "unknown field".
    let contents = format!(
        "#![enable(implicit_some)]\n(\n    format_version: {newer},\n    title: \"T\",\n    institution: \"I\",\n    period: (start: 2025, end: 2029),\n    dashboard: (theme: \"gelap\"),\n)\n"
    );
    fs::write(&path, &contents).unwrap();
    let before = fs::metadata(&path).unwrap().modified().unwrap();
    for result in [
        file::load(&path).map(|_| ()),
        file::load_with_fingerprint(&path).map(|_| ()),
    ] {
        let error = result.unwrap_err();
        assert_eq!(
            error.kind,
            LoadErrorKind::NewerVersion {
                found: newer,
                newest: FORMAT_VERSION,
            }
        );
        assert!(error.to_string().contains("newer version"), "{error}");
    }
    // Parseable with today's structs but newer: refused all the same.
    let plain = contents.replace("    dashboard: (theme: \"gelap\"),\n", "");
    let plain_path = folder.path().join("plain.roadmap.ron");
    fs::write(&plain_path, &plain).unwrap();
    assert_eq!(
        file::load(&plain_path).unwrap_err().kind,
        LoadErrorKind::NewerVersion {
            found: newer,
            newest: FORMAT_VERSION,
        }
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), contents);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), before);
    assert_eq!(
        names_in(folder.path()),
        ["dari-masa-depan.roadmap.ron", "plain.roadmap.ron"]
    );
}

/// The GUI runs all of this in background tasks and sends the results in messages.
#[test]
fn the_api_can_cross_threads() {
    fn send_sync<T: Send + Sync>() {}
    fn message<T: Send + Clone + 'static>() {}
    send_sync::<RecoveryStore>();
    send_sync::<reform_roadmap::safety::LockGuard>();
    message::<reform_roadmap::safety::RecoveryEntry>();
    message::<reform_roadmap::safety::RecoveryError>();
    message::<Fingerprint>();
    message::<DiskState>();
    message::<LockInfo>();
    message::<reform_roadmap::safety::LockProblem>();
    message::<file::SaveError>();
    message::<file::LoadError>();
}
