//! Atomic saving: the file on disk is always either the complete old version or the
//! complete new one, whatever happens mid-save (crash, power cut, full disk).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use super::Fingerprint;
use super::SaveError;

/// Temporaries older than this beside a document are leftovers of a save that was
/// killed; no save, even to a slow network drive, takes an hour.
const ABANDONED_AFTER: Duration = Duration::from_secs(60 * 60);

/// `NAME.bak` beside `path`: the version before the last save.
pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, "", ".bak")
}

fn sibling(path: &Path, prefix: &str, suffix: &str) -> PathBuf {
    path.with_file_name(format!("{prefix}{}{suffix}", file_name(path)))
}

/// Names longer than this get a shortened stem in temporaries, so that a document
/// whose name is near the 255-byte limit of most file systems can still be saved.
const LONG_NAME: usize = 100;

/// The part of a temporary's name that stands for the document `name`: the name
/// itself, or for a long one its start and a hash of the whole.
fn temporary_stem(name: &str) -> String {
    if name.len() <= LONG_NAME {
        return name.to_owned();
    }
    let mut cut = 60;
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!(
        "{}~{:016x}",
        &name[..cut],
        super::content_hash(name.as_bytes())
    )
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A fresh temporary name beside `path`: `.NAME.PID.N.tmp` (or `.NAME.bak.PID.N.tmp`).
/// The process id and counter keep concurrent saves, from threads or from other
/// machines on a shared drive, off each other's temporaries.
fn temporary_path(path: &Path, backup: bool) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let middle = if backup { ".bak" } else { "" };
    path.with_file_name(format!(
        ".{}{middle}.{}.{n}.tmp",
        temporary_stem(&file_name(path)),
        std::process::id()
    ))
}

/// Whether `name` is one of the temporaries [`temporary_path`] makes for `document`.
fn is_temporary_of(name: &str, document: &str) -> bool {
    let stem = temporary_stem(document);
    let Some(rest) = name
        .strip_prefix('.')
        .and_then(|n| n.strip_prefix(stem.as_str()))
        .and_then(|n| n.strip_prefix('.'))
        .and_then(|n| n.strip_suffix(".tmp"))
    else {
        return false;
    };
    let rest = rest.strip_prefix("bak.").unwrap_or(rest);
    let mut numbers = rest.split('.');
    let (Some(pid), Some(n), None) = (numbers.next(), numbers.next(), numbers.next()) else {
        return false;
    };
    [pid, n]
        .iter()
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// Writes `contents` to `path`: a temporary file in the same folder is written and
/// flushed to disk, the previous file is copied to `NAME.bak`, and the temporary file
/// is renamed over the target; last the folder itself is flushed so the rename lasts.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), SaveError> {
    replace(path, contents, Backup::Keep).map(|_| ())
}

/// [`write_atomically`] without keeping `NAME.bak`: for files the program can make
/// again at will (exports), where a backup beside each would only be clutter.
pub fn write_atomically_without_backup(path: &Path, contents: &[u8]) -> Result<(), SaveError> {
    replace(path, contents, Backup::Skip).map(|_| ())
}

/// Whether a save keeps the previous version of the file as `NAME.bak`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backup {
    /// The user's documents: an earlier complete version stays beside the file.
    Keep,
    /// Files the program can make again (exports, locks, recovery copies).
    Skip,
}

/// [`write_atomically`], returning the fingerprint of exactly what was written.
pub(crate) fn replace(
    path: &Path,
    contents: &[u8],
    backup: Backup,
) -> Result<Fingerprint, SaveError> {
    replace_with(path, contents, backup, &mut |file, bytes| {
        file.write_all(bytes)
    })
}

/// The save itself, with the writing step injectable so that tests can make it fail
/// like a full disk does, part way through.
fn replace_with(
    path: &Path,
    contents: &[u8],
    backup: Backup,
    write: &mut dyn FnMut(&mut File, &[u8]) -> io::Result<()>,
) -> Result<Fingerprint, SaveError> {
    let previous = fs::metadata(path).ok();
    if let Some(previous) = &previous {
        // Replacing by rename would bypass a read-only mark (and does, even for
        // root); the user set it to protect the file, so respect it.
        if previous.is_file() && previous.permissions().readonly() {
            return Err(SaveError::read_only_file(path));
        }
    }
    let (temporary, mut file) =
        create_temporary(path, false).map_err(|e| SaveError::new(path, &e))?;
    let result = (|| {
        write(&mut file, contents)?;
        if let Some(previous) = previous.as_ref().filter(|m| m.is_file()) {
            // The new file keeps the user's permissions (group access on a share).
            let _ = file.set_permissions(previous.permissions());
        }
        file.sync_all()?;
        if backup == Backup::Keep && previous.as_ref().is_some_and(|m| m.is_file()) {
            // Best effort: an old `.bak` is still a complete earlier version, and a
            // backup that cannot be written must not stop the user's work from being saved.
            let _ = keep_backup(path);
        }
        fs::rename(&temporary, path)
    })();
    if let Err(error) = result {
        drop(file);
        let _ = fs::remove_file(&temporary);
        return Err(SaveError::new(path, &error));
    }
    sync_folder(path);
    // Metadata of the handle, not of the path: the file is ours, even if another
    // program replaced the path a moment after the rename.
    let metadata = file.metadata().or_else(|_| fs::metadata(path));
    sweep_abandoned_temporaries(path);
    Ok(match metadata {
        Ok(metadata) => Fingerprint::of_bytes(contents, &metadata),
        Err(_) => Fingerprint::of_bytes_unknown_time(contents),
    })
}

fn create_temporary(path: &Path, backup: bool) -> io::Result<(PathBuf, File)> {
    let mut attempts = 0;
    loop {
        let temporary = temporary_path(path, backup);
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => return Ok((temporary, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempts < 16 => attempts += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Copies the current file to `NAME.bak` through a temporary of its own, so the
/// backup too is never half written. Copying (not renaming) keeps the target in
/// place at every moment.
fn keep_backup(path: &Path) -> io::Result<()> {
    let backup = backup_path(path);
    let (temporary, mut copy) = create_temporary(path, true)?;
    let result = File::open(path)
        .and_then(|mut original| io::copy(&mut original, &mut copy))
        .and_then(|_| copy.sync_all())
        .and_then(|()| fs::rename(&temporary, &backup));
    if result.is_err() {
        drop(copy);
        let _ = fs::remove_file(&temporary);
    }
    result
}

/// Removes temporaries of `path` left by saves that were killed long ago.
fn sweep_abandoned_temporaries(path: &Path) {
    let document = file_name(path);
    let Some(entries) = folder_of(path).read_dir().ok() else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !is_temporary_of(&name.to_string_lossy(), &document) {
            continue;
        }
        let abandoned = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|modified| {
                now.duration_since(modified)
                    .is_ok_and(|age| age > ABANDONED_AFTER)
            });
        if abandoned {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    }
}

fn sync_folder(path: &Path) {
    // Only meaningful (and only possible) on Unix; elsewhere rename is already durable
    // enough and opening a directory fails.
    #[cfg(unix)]
    if let Ok(handle) = File::open(folder_of(path)) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_only_its_own_temporaries() {
        for (name, ours) in [
            (".rb.ron.123.0.tmp", true),
            (".rb.ron.bak.123.45.tmp", true),
            (".rb.ron.123.tmp", false),
            (".rb.ron.important.tmp", false),
            (".rb.ron.1.2.3.tmp", false),
            ("rb.ron.123.0.tmp", false),
            (".other.ron.123.0.tmp", false),
            (".rb.ron..0.tmp", false),
        ] {
            assert_eq!(is_temporary_of(name, "rb.ron"), ours, "{name}");
        }
    }

    #[test]
    fn a_full_disk_mid_write_leaves_the_old_file_and_no_temporary() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("rb.roadmap.ron");
        fs::write(&path, b"old version").unwrap();
        let mut half_then_full = |file: &mut File, bytes: &[u8]| {
            file.write_all(&bytes[..bytes.len() / 2])?;
            Err(io::Error::from(io::ErrorKind::StorageFull))
        };
        let error = replace_with(
            &path,
            b"the new, longer version",
            Backup::Keep,
            &mut half_then_full,
        )
        .unwrap_err();
        assert!(error.is_disk_full(), "{error}");
        assert!(error.suggests_save_as());
        assert!(error.to_string().contains("rb.roadmap.ron"), "{error}");
        assert_eq!(fs::read(&path).unwrap(), b"old version");
        let left: Vec<_> = fs::read_dir(folder.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left, ["rb.roadmap.ron"], "nothing else may be left behind");
    }

    #[test]
    fn temporaries_of_long_names_stay_short_and_recognisable() {
        let long = format!(
            "{}.roadmap.ron",
            "Rencana Aksi Reformasi Birokrasi ".repeat(7)
        );
        let path = Path::new("/x").join(&long);
        let temporary = temporary_path(&path, true);
        let name = temporary.file_name().unwrap().to_str().unwrap();
        assert!(name.len() < 120, "{name}");
        assert!(is_temporary_of(name, &long));
        assert!(!is_temporary_of(name, &long.replace("Aksi", "Kerja")));
    }

    #[test]
    fn abandoned_temporaries_are_swept_and_fresh_ones_kept() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("rb.ron");
        let old = folder.path().join(".rb.ron.99.0.tmp");
        let fresh = folder.path().join(".rb.ron.99.1.tmp");
        let unrelated = folder.path().join(".rb.ron.notes.tmp");
        for file in [&old, &fresh, &unrelated] {
            fs::write(file, b"x").unwrap();
        }
        let long_ago = SystemTime::now() - 2 * ABANDONED_AFTER;
        for file in [&old, &unrelated] {
            File::options()
                .write(true)
                .open(file)
                .unwrap()
                .set_modified(long_ago)
                .unwrap();
        }
        replace(&path, b"content", Backup::Keep).unwrap();
        assert!(!old.exists());
        assert!(fresh.exists());
        assert!(unrelated.exists());
    }
}
