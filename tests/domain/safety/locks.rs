//! Locks: ours, a second instance, a colleague's, stale and unreadable ones.

use super::*;

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
