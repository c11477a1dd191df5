//! What can go wrong reading or writing a roadmap file, with where it went wrong.

use std::fmt;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::locale::Language;

/// A file that could not be loaded. Cloneable so it can travel inside GUI messages.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}: {kind}", path.display())]
pub struct LoadError {
    pub path: PathBuf,
    pub kind: LoadErrorKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadErrorKind {
    /// The file could not be read at all.
    Io {
        message: String,
    },
    TooLarge {
        size: u64,
    },
    Empty,
    /// Not UTF-8 text, or it contains NUL bytes.
    NotText {
        line: usize,
        column: usize,
    },
    /// RON that does not describe a roadmap.
    Syntax {
        line: usize,
        column: usize,
        message: String,
        /// The field at fault, for unknown or missing fields.
        field: Option<String>,
    },
    /// Written by a newer version of the program.
    NewerVersion {
        found: u32,
        /// The newest version this program reads.
        newest: u32,
    },
    /// A `format_version` this program never wrote (0, say).
    UnknownVersion {
        found: u32,
    },
    /// A file the program wrote for itself (a recovery copy) fails its own integrity
    /// check: cut short, or its bytes changed after writing.
    Damaged {
        reason: String,
    },
}

/// A file that could not be saved. Whatever was on disk before is untouched.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}: could not save ({problem}): {message}. The file on disk was not changed", path.display())]
pub struct SaveError {
    pub path: PathBuf,
    pub kind: ErrorKind,
    pub message: String,
    pub problem: SaveProblem,
}

/// Why a save failed, in terms the user can act on. Everything except
/// [`SaveProblem::Other`] is a property of the place, so "Save As" somewhere else is
/// the way out; `Other` may be passing (a network hiccup) and is worth retrying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveProblem {
    /// No permission, a read-only drive or share, or a file marked read-only.
    ReadOnly,
    /// The folder is gone (moved, deleted, network drive disconnected).
    FolderMissing,
    /// No space left, or a quota or file size limit reached.
    DiskFull,
    /// The name is too long or has characters the drive refuses.
    BadName,
    /// A folder has the document's name.
    IsAFolder,
    Other,
}

impl LoadError {
    /// The message for a person, in `language`: what went wrong and where (the file,
    /// and line and column when known). The parser's own detail stays as it wrote it.
    pub fn describe(&self, language: Language) -> String {
        let file = self.path.display().to_string();
        let newest = crate::model::FORMAT_VERSION.to_string();
        let (key, args): (&str, Vec<(&str, String)>) = match &self.kind {
            LoadErrorKind::Io { message } => ("file.load.io", vec![("message", message.clone())]),
            LoadErrorKind::TooLarge { size } => (
                "file.load.too_large",
                vec![
                    ("size", size.div_ceil(1024 * 1024).to_string()),
                    ("limit", (super::MAX_FILE_BYTES / (1024 * 1024)).to_string()),
                ],
            ),
            LoadErrorKind::Empty => ("file.load.empty", vec![]),
            LoadErrorKind::NotText { line, column } => (
                "file.load.not_text",
                vec![("line", line.to_string()), ("column", column.to_string())],
            ),
            LoadErrorKind::Syntax {
                line,
                column,
                message,
                ..
            } => (
                "file.load.syntax",
                vec![
                    ("line", line.to_string()),
                    ("column", column.to_string()),
                    ("message", message.clone()),
                ],
            ),
            LoadErrorKind::NewerVersion { found, newest } => (
                "file.load.newer",
                vec![("found", found.to_string()), ("newest", newest.to_string())],
            ),
            LoadErrorKind::UnknownVersion { found } => (
                "file.load.unknown_version",
                vec![("found", found.to_string()), ("newest", newest)],
            ),
            LoadErrorKind::Damaged { reason } => {
                ("file.load.damaged", vec![("message", reason.clone())])
            }
        };
        let mut args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        args.push(("file", &file));
        crate::text::tr_with(language, key, &args)
    }

    pub fn new(path: &Path, kind: LoadErrorKind) -> Self {
        Self {
            path: path.to_owned(),
            kind,
        }
    }

    pub(super) fn from_ron(path: &Path, error: &ron::error::SpannedError) -> Self {
        use ron::Error;
        let field = match &error.code {
            Error::NoSuchStructField { found, .. } | Error::NoSuchEnumVariant { found, .. } => {
                Some(found.clone())
            }
            Error::MissingStructField { field, .. } | Error::DuplicateStructField { field, .. } => {
                Some((*field).to_owned())
            }
            _ => None,
        };
        let message = match &error.code {
            Error::ExceededRecursionLimit => format!(
                "nested deeper than {} levels; a roadmap is never this deep",
                super::MAX_NESTING
            ),
            other => other.to_string(),
        };
        Self::new(
            path,
            LoadErrorKind::Syntax {
                line: error.span.start.line,
                column: error.span.start.col,
                message,
                field,
            },
        )
    }

    /// Line and column, where the error has them.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self.kind {
            LoadErrorKind::Syntax { line, column, .. }
            | LoadErrorKind::NotText { line, column } => Some((line, column)),
            _ => None,
        }
    }
}

impl LoadErrorKind {
    pub fn io(error: &std::io::Error) -> Self {
        Self::Io {
            message: error.to_string(),
        }
    }
}

impl fmt::Display for LoadErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io { message } => write!(f, "cannot read the file: {message}"),
            Self::TooLarge { size } => write!(
                f,
                "the file is {} MiB; roadmap files larger than {} MiB are refused",
                size.div_ceil(1024 * 1024),
                super::MAX_FILE_BYTES / (1024 * 1024)
            ),
            Self::Empty => f.write_str("the file is empty"),
            Self::NotText { line, column } => write!(
                f,
                "{line}:{column}: this is not a text file (binary or not UTF-8); a roadmap is a RON text file"
            ),
            Self::Syntax {
                line,
                column,
                message,
                ..
            } => write!(f, "{line}:{column}: {message}"),
            Self::NewerVersion { found, newest } => write!(
                f,
                "written by a newer version of Reform Roadmap (format_version {found}; this version reads up to {newest}). Update the program to open it; the file was not changed"
            ),
            Self::UnknownVersion { found } => write!(
                f,
                "format_version {found} is not a version Reform Roadmap ever wrote (expected 1 to {})",
                crate::model::FORMAT_VERSION
            ),
            Self::Damaged { reason } => write!(f, "the file is damaged: {reason}"),
        }
    }
}

impl SaveError {
    /// Classifies `error`, met while saving `path`. The folder is looked at again
    /// because "not found" means a vanished folder only when the folder is gone.
    pub fn new(path: &Path, error: &std::io::Error) -> Self {
        Self {
            path: path.to_owned(),
            kind: error.kind(),
            message: error.to_string(),
            problem: SaveProblem::classify(path, error.kind()),
        }
    }

    pub(super) fn read_only_file(path: &Path) -> Self {
        Self {
            path: path.to_owned(),
            kind: ErrorKind::PermissionDenied,
            message: "the file is marked read-only".to_owned(),
            problem: SaveProblem::ReadOnly,
        }
    }

    pub fn problem(&self) -> SaveProblem {
        self.problem
    }

    pub fn is_read_only(&self) -> bool {
        self.problem == SaveProblem::ReadOnly
    }

    pub fn is_folder_missing(&self) -> bool {
        self.problem == SaveProblem::FolderMissing
    }

    pub fn is_disk_full(&self) -> bool {
        self.problem == SaveProblem::DiskFull
    }

    pub fn is_bad_name(&self) -> bool {
        self.problem == SaveProblem::BadName
    }

    /// Saving to the same place again will fail the same way: offer "Save As".
    pub fn suggests_save_as(&self) -> bool {
        self.problem != SaveProblem::Other
    }

    /// One sentence for the user: what happened and what to do.
    pub fn advice(&self, language: Language) -> String {
        let key = match self.problem {
            SaveProblem::ReadOnly => "safety.save.read_only",
            SaveProblem::FolderMissing => "safety.save.folder_missing",
            SaveProblem::DiskFull => "safety.save.disk_full",
            SaveProblem::BadName => "safety.save.bad_name",
            SaveProblem::IsAFolder => "safety.save.is_a_folder",
            SaveProblem::Other => "safety.save.other",
        };
        rust_i18n::t!(
            key,
            locale = language.code(),
            file = self.path.display().to_string(),
            detail = self.message.as_str()
        )
        .into_owned()
    }
}

impl SaveProblem {
    fn classify(path: &Path, kind: ErrorKind) -> Self {
        match kind {
            ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => Self::ReadOnly,
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge => {
                Self::DiskFull
            }
            ErrorKind::InvalidFilename => Self::BadName,
            ErrorKind::IsADirectory => Self::IsAFolder,
            ErrorKind::NotADirectory => Self::FolderMissing,
            ErrorKind::NotFound if !folder_exists(path) => Self::FolderMissing,
            _ => Self::Other,
        }
    }
}

fn folder_exists(path: &Path) -> bool {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.is_dir(),
        _ => true,
    }
}

impl fmt::Display for SaveProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::ReadOnly => "the location is read-only or you may not write there",
            Self::FolderMissing => "the folder no longer exists",
            Self::DiskFull => "the disk is full",
            Self::BadName => "the file name is too long or not allowed here",
            Self::IsAFolder => "a folder has this name",
            Self::Other => "the file could not be written",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_map_to_what_the_user_can_do() {
        let folder = std::env::temp_dir();
        let inside = folder.join("x.roadmap.ron");
        let nowhere = folder.join("no-such-folder-4f1c").join("x.roadmap.ron");
        for (kind, path, expected) in [
            (ErrorKind::PermissionDenied, &inside, SaveProblem::ReadOnly),
            (
                ErrorKind::ReadOnlyFilesystem,
                &inside,
                SaveProblem::ReadOnly,
            ),
            (ErrorKind::StorageFull, &inside, SaveProblem::DiskFull),
            (ErrorKind::QuotaExceeded, &inside, SaveProblem::DiskFull),
            (ErrorKind::FileTooLarge, &inside, SaveProblem::DiskFull),
            (ErrorKind::InvalidFilename, &inside, SaveProblem::BadName),
            (ErrorKind::IsADirectory, &inside, SaveProblem::IsAFolder),
            (
                ErrorKind::NotADirectory,
                &inside,
                SaveProblem::FolderMissing,
            ),
            (ErrorKind::NotFound, &nowhere, SaveProblem::FolderMissing),
            (ErrorKind::NotFound, &inside, SaveProblem::Other),
            (ErrorKind::Interrupted, &inside, SaveProblem::Other),
        ] {
            let error = SaveError::new(path, &std::io::Error::from(kind));
            assert_eq!(error.problem(), expected, "{kind:?} at {}", path.display());
            assert_eq!(error.suggests_save_as(), expected != SaveProblem::Other);
        }
    }

    #[test]
    fn advice_names_the_file_in_both_languages() {
        let error = SaveError::new(
            Path::new("/data/rb.roadmap.ron"),
            &std::io::Error::from(ErrorKind::StorageFull),
        );
        for language in Language::ALL {
            let advice = error.advice(language);
            assert!(advice.contains("/data/rb.roadmap.ron"), "{advice}");
            assert!(!advice.contains("safety.save"), "untranslated: {advice}");
        }
        assert_ne!(
            error.advice(Language::Indonesian),
            error.advice(Language::English)
        );
    }
}
