//! Noticing that the file on disk changed under an open document: a colleague saved
//! it on the shared drive, a sync tool replaced it, someone deleted it.
//!
//! A [`Fingerprint`] is taken of exactly the bytes loaded or saved
//! ([`crate::file::load_with_fingerprint`], [`crate::file::save_with_fingerprint`]).
//! [`check`] compares the file's times and size first, which costs no read; only
//! when they moved is the content hashed, so a file that was merely touched (or
//! copied back unchanged) does not raise a false alarm.
//!
//! The content hash is FNV-1a 64 (the `fnv` crate): its output is fixed by its
//! definition, so it never changes between program versions, it needs no seeding,
//! and as a dependency it is built optimised even in debug builds (a few ms for a
//! multi-megabyte roadmap). It is not collision resistant against an attacker, which
//! is not the threat here: two honest versions of a document collide with odds of
//! 2⁻⁶⁴.

use std::fs::Metadata;
use std::hash::Hasher;
use std::path::Path;
use std::time::SystemTime;

use crate::file::LoadError;
use crate::locale::Language;

/// What a file looked like when the program last read or wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    pub modified: SystemTime,
    pub size: u64,
    /// [`content_hash`] of the bytes.
    pub hash: u64,
    /// Unix only: the inode and its status-change time. The kernel sets these on every
    /// write and replacement, and no program can set them back, so a rewrite that
    /// restores the old modification time (as `cp -p`, `rsync` and unzip do) is still
    /// noticed without reading the file.
    pub status: Option<Status>,
}

/// See [`Fingerprint::status`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status {
    pub device: u64,
    pub inode: u64,
    pub changed_seconds: i64,
    pub changed_nanoseconds: i64,
}

/// The state of the file on disk compared with a [`Fingerprint`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiskState {
    /// Same content. `refreshed` is set when only the times moved (the file was
    /// touched or rewritten identically): keep it instead of the old fingerprint so
    /// later checks stay cheap.
    Unchanged { refreshed: Option<Fingerprint> },
    /// Different content; `current` describes it.
    Changed { current: Fingerprint },
    /// Deleted, renamed, or its folder is gone.
    Missing,
    /// There, but cannot be read now (permissions, a network drive that dropped):
    /// neither "changed" nor "deleted" can be said.
    Unreachable { message: String },
}

/// The content hash used in fingerprints (FNV-1a 64; stable across versions).
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

impl Fingerprint {
    /// The fingerprint of `bytes`, read from (or written to) a file with `metadata`.
    pub fn of_bytes(bytes: &[u8], metadata: &Metadata) -> Self {
        Self {
            modified: metadata.modified().unwrap_or(SystemTime::UNIX_EPOCH),
            size: bytes.len() as u64,
            hash: content_hash(bytes),
            status: status_of(metadata),
        }
    }

    /// For bytes whose file times could not be read: the first check then hashes the
    /// file and, if it is the same, refreshes the times.
    pub fn of_bytes_unknown_time(bytes: &[u8]) -> Self {
        Self {
            modified: SystemTime::UNIX_EPOCH,
            size: bytes.len() as u64,
            hash: content_hash(bytes),
            status: None,
        }
    }

    /// Reads the file at `path` and fingerprints it.
    pub fn read(path: &Path) -> Result<Self, LoadError> {
        crate::file::read_with_fingerprint(path).map(|(_, fingerprint)| fingerprint)
    }

    /// Whether the file's times and size say nothing happened to it since.
    pub fn matches_metadata(&self, metadata: &Metadata) -> bool {
        self.size == metadata.len()
            && metadata.modified().ok() == Some(self.modified)
            && (self.status.is_none() || self.status == status_of(metadata))
    }

    /// Same bytes, whatever the times.
    pub fn same_content(&self, other: &Fingerprint) -> bool {
        self.size == other.size && self.hash == other.hash
    }
}

#[cfg(unix)]
fn status_of(metadata: &Metadata) -> Option<Status> {
    use std::os::unix::fs::MetadataExt;
    Some(Status {
        device: metadata.dev(),
        inode: metadata.ino(),
        changed_seconds: metadata.ctime(),
        changed_nanoseconds: metadata.ctime_nsec(),
    })
}

#[cfg(not(unix))]
fn status_of(_: &Metadata) -> Option<Status> {
    None
}

/// Compares the file at `path` with `known`. Reads the file only when its times or
/// size moved. For polling while a document is open.
pub fn check(path: &Path, known: &Fingerprint) -> DiskState {
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_file() && known.matches_metadata(&metadata) => {
            DiskState::Unchanged { refreshed: None }
        }
        Ok(_) => check_content(path, known),
        Err(error) => state_of_error(&error),
    }
}

/// Compares the file's content with `known` whatever its times say. For the moment
/// before overwriting, where a file system with coarse times (FAT, some network
/// shares: 2 s) could hide a colleague's save made in the same tick.
pub fn check_content(path: &Path, known: &Fingerprint) -> DiskState {
    match std::fs::metadata(path) {
        Ok(metadata) if !metadata.is_file() => DiskState::Missing,
        Ok(_) => match crate::file::read_with_fingerprint(path) {
            Ok((_, current)) if current.same_content(known) => DiskState::Unchanged {
                refreshed: (current != *known).then_some(current),
            },
            Ok((_, current)) => DiskState::Changed { current },
            Err(error) => DiskState::Unreachable {
                message: error.kind.to_string(),
            },
        },
        Err(error) => state_of_error(&error),
    }
}

fn state_of_error(error: &std::io::Error) -> DiskState {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound | ErrorKind::NotADirectory => DiskState::Missing,
        _ => DiskState::Unreachable {
            message: error.to_string(),
        },
    }
}

impl DiskState {
    /// The user must be asked before the document is saved over the file.
    pub fn needs_attention(&self) -> bool {
        !matches!(self, DiskState::Unchanged { .. })
    }

    /// One sentence for the user, or `None` when there is nothing to say.
    pub fn describe(&self, path: &Path, language: Language) -> Option<String> {
        let key = match self {
            DiskState::Unchanged { .. } => return None,
            DiskState::Changed { .. } => "safety.disk.changed",
            DiskState::Missing => "safety.disk.missing",
            DiskState::Unreachable { .. } => "safety.disk.unreachable",
        };
        let detail = match self {
            DiskState::Unreachable { message } => message.as_str(),
            _ => "",
        };
        Some(
            rust_i18n::t!(
                key,
                locale = language.code(),
                file = path.display().to_string(),
                detail = detail
            )
            .into_owned(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_fnv1a_64() {
        // Published FNV-1a 64 test vectors: the hash must never change between versions.
        for (input, expected) in [
            (&b""[..], 0xcbf2_9ce4_8422_2325),
            (b"a", 0xaf63_dc4c_8601_ec8c),
            (b"foobar", 0x8594_4171_f739_67e8),
        ] {
            assert_eq!(content_hash(input), expected, "{input:?}");
        }
    }
}
