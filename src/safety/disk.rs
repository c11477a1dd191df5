//! Noticing that the file on disk changed under an open document: a colleague saved
//! it on the shared drive, a sync tool replaced it, someone deleted it.
//!
//! The [`Fingerprint`] (in `crate::file`) is taken of exactly the bytes loaded or saved.
//! [`check`] compares the file's times and size first, which costs no read; only
//! when they moved is the content hashed, so a file that was merely touched (or
//! copied back unchanged) does not raise a false alarm.

use std::path::Path;

use crate::file::Fingerprint;
use crate::locale::Language;

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
