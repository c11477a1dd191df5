//! What a file looked like when the program last read or wrote it: a [`Fingerprint`]
//! taken of exactly the bytes loaded or saved ([`super::load_with_fingerprint`],
//! [`super::save_with_fingerprint`]). It belongs with the file; `crate::safety` builds
//! on it to notice changes made by others.
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

use super::LoadError;

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
    pub status: Option<InodeStatus>,
}

/// See [`Fingerprint::status`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InodeStatus {
    pub device: u64,
    pub inode: u64,
    pub changed_seconds: i64,
    pub changed_nanoseconds: i64,
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
        super::read_with_fingerprint(path).map(|(_, fingerprint)| fingerprint)
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
fn status_of(metadata: &Metadata) -> Option<InodeStatus> {
    use std::os::unix::fs::MetadataExt;
    Some(InodeStatus {
        device: metadata.dev(),
        inode: metadata.ino(),
        changed_seconds: metadata.ctime(),
        changed_nanoseconds: metadata.ctime_nsec(),
    })
}

#[cfg(not(unix))]
fn status_of(_: &Metadata) -> Option<InodeStatus> {
    None
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
