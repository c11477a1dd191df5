//! Bounds on a returned workbook before a spreadsheet reader touches it: a form is a
//! few dozen kilobytes, so anything far larger, on disk or once unpacked, is refused
//! unread. A zip bomb is caught from its central directory alone (the sizes each entry
//! declares); the zip reader then holds every entry to its declared size, so an entry
//! that lies about it fails instead of inflating.

use std::io::Cursor;

/// A returned form larger than this on disk is refused.
pub const MAX_FORM_BYTES: u64 = 16 * 1024 * 1024;

/// The most a form's zip entries may unpack to, all together.
pub const MAX_UNPACKED_BYTES: u64 = 128 * 1024 * 1024;

/// The most entries a form's zip may hold (a form has about a dozen).
pub const MAX_ENTRIES: usize = 2_000;

/// Why a workbook's container is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unsafe {
    TooLarge {
        bytes: u64,
    },
    /// Declares more unpacked bytes, or more entries, than a form can have.
    Bomb {
        unpacked: u64,
        entries: usize,
    },
    /// Not a zip although it starts like one.
    BrokenZip {
        detail: String,
    },
}

/// Zip containers (`.xlsx`, `.ods`) start with these bytes.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Checks the bytes of a returned workbook. Non-zip files (`.xls`) are bounded by
/// their size alone.
pub fn check(bytes: &[u8]) -> Result<(), Unsafe> {
    let size = bytes.len() as u64;
    if size > MAX_FORM_BYTES {
        return Err(Unsafe::TooLarge { bytes: size });
    }
    if !bytes.starts_with(ZIP_MAGIC) {
        return Ok(());
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Unsafe::BrokenZip {
        detail: e.to_string(),
    })?;
    let entries = archive.len();
    let mut unpacked: u64 = 0;
    for i in 0..entries {
        let entry = archive.by_index_raw(i).map_err(|e| Unsafe::BrokenZip {
            detail: e.to_string(),
        })?;
        unpacked = unpacked.saturating_add(entry.size());
    }
    if unpacked > MAX_UNPACKED_BYTES || entries > MAX_ENTRIES {
        return Err(Unsafe::Bomb { unpacked, entries });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_and_non_zip_files_pass() {
        assert_eq!(check(b"not a zip at all"), Ok(()));
        assert_eq!(check(&[]), Ok(()));
    }

    #[test]
    fn a_broken_zip_is_refused() {
        let mut bytes = ZIP_MAGIC.to_vec();
        bytes.extend_from_slice(&[0; 64]);
        assert!(matches!(check(&bytes), Err(Unsafe::BrokenZip { .. })));
    }

    #[test]
    fn too_large_is_refused_unread() {
        let bytes = vec![0u8; MAX_FORM_BYTES as usize + 1];
        assert!(matches!(check(&bytes), Err(Unsafe::TooLarge { .. })));
    }
}
