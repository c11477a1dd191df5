//! Failed saves keep the old file and say why.

use super::*;

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
            "safety::saves::tiny_drive_child",
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
