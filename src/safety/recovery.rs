//! Recovery copies: the open document written every little while to the user's data
//! folder, so that after a crash or power cut the next start can offer it back.
//!
//! One file per document, `doc-HASH.recovery` (HASH: FNV-1a 64 of the canonical
//! document path, so the same document always lands in the same file) or
//! `untitled-N.recovery` for a document never saved. Each file is
//!
//! ```text
//! reform-roadmap recovery 1
//! {"document":"/path/rb.roadmap.ron","untitled":null,"written_at":"2025-05-02T03:04:05Z","length":123456,"hash":"9f3c..."}
//! <the roadmap, exactly as it would be saved>
//! ```
//!
//! so that [`RecoveryStore::list`] reads two short lines per file however large the
//! roadmap, and the length and hash reveal a copy that was cut short or altered.
//! Files are written atomically: a crash during an autosave leaves the previous copy.
//!
//! The store is synchronous and keeps no state on disk besides the files, so a
//! background task can own it (it is `Send + Sync`).

use std::fs::{self, OpenOptions};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, Local, Utc};
use serde::{Deserialize, Serialize};

use crate::file::{self, LoadError, LoadErrorKind, SaveError, content_hash};
use crate::locale::Language;
use crate::model::Roadmap;

const MAGIC: &str = "reform-roadmap recovery 1";
const EXTENSION: &str = "recovery";
/// The header line is a path and a few numbers; anything longer is not ours.
const MAX_HEADER_BYTES: u64 = 64 * 1024;

/// A folder of recovery copies. One store per open document when several untitled
/// documents can be open at once: each store has its own untitled slot.
#[derive(Debug)]
pub struct RecoveryStore {
    folder: PathBuf,
    /// The `untitled-N` slot this store writes unsaved documents to, once chosen.
    untitled: Mutex<Option<u32>>,
}

/// One recovery copy found in the store.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryEntry {
    /// The document it is a copy of; `None` for a document never saved.
    pub document_path: Option<PathBuf>,
    /// `N` of `untitled-N`, for a document never saved.
    pub untitled: Option<u32>,
    pub written_at: DateTime<Utc>,
    pub recovery_file: PathBuf,
    /// Bytes of roadmap text inside.
    pub size: u64,
    /// Set when the copy cannot be restored; it can still be discarded.
    pub damage: Option<String>,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum RecoveryError {
    #[error("could not write the recovery copy: {0}")]
    Write(#[from] SaveError),
    #[error("{}: could not remove the recovery copy: {message}", path.display())]
    Remove { path: PathBuf, message: String },
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    document: Option<String>,
    untitled: Option<u32>,
    written_at: DateTime<Utc>,
    length: u64,
    /// Hex, because JSON numbers lose precision above 2⁵³.
    hash: String,
}

impl RecoveryStore {
    pub fn new(folder: impl Into<PathBuf>) -> Self {
        Self {
            folder: folder.into(),
            untitled: Mutex::new(None),
        }
    }

    /// `recovery` in the user's data folder (`~/.local/share/reform-roadmap/recovery`,
    /// `%APPDATA%\ReformRoadmap\reform-roadmap\data\recovery`, ...).
    pub fn default_folder() -> Option<PathBuf> {
        directories::ProjectDirs::from("id", "ReformRoadmap", "reform-roadmap")
            .map(|dirs| dirs.data_dir().join("recovery"))
    }

    /// A store in [`Self::default_folder`]; `None` when the system has no home folder.
    pub fn in_default_folder() -> Option<Self> {
        Self::default_folder().map(Self::new)
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Writes (replaces) the recovery copy of the document at `document_path`, or of
    /// this store's untitled document when `None`.
    pub fn write(
        &self,
        document_path: Option<&Path>,
        roadmap: &Roadmap,
    ) -> Result<RecoveryEntry, RecoveryError> {
        let (recovery_file, document, untitled) = match document_path {
            Some(path) => (self.file_for(path), Some(canonical(path)), None),
            None => {
                let n = self.untitled_slot()?;
                (self.untitled_file(n), None, Some(n))
            }
        };
        let body = file::to_ron_string(roadmap);
        let header = Header {
            document: document.as_ref().map(|p| p.to_string_lossy().into_owned()),
            untitled,
            written_at: Utc::now(),
            length: body.len() as u64,
            hash: format!("{:016x}", content_hash(body.as_bytes())),
        };
        let header_line = serde_json::to_string(&header).expect("a header always serializes");
        let mut contents = Vec::with_capacity(MAGIC.len() + header_line.len() + body.len() + 2);
        for part in [
            MAGIC.as_bytes(),
            b"\n",
            header_line.as_bytes(),
            b"\n",
            body.as_bytes(),
        ] {
            contents.extend_from_slice(part);
        }
        fs::create_dir_all(&self.folder).map_err(|e| SaveError::new(&recovery_file, &e))?;
        file::replace(&recovery_file, &contents, file::Backup::Skip)?;
        Ok(RecoveryEntry {
            document_path: document,
            untitled,
            written_at: header.written_at,
            recovery_file,
            size: header.length,
            damage: None,
        })
    }

    /// Every recovery copy in the store, newest first. Damaged copies are listed with
    /// [`RecoveryEntry::damage`] set; nothing here reads more than the headers.
    pub fn list(&self) -> Vec<RecoveryEntry> {
        let Ok(entries) = fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        let mut found: Vec<RecoveryEntry> = entries
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| is_recovery_file(path))
            .filter_map(|path| read_entry(&path))
            .collect();
        found.sort_by(|a, b| {
            b.written_at
                .cmp(&a.written_at)
                .then_with(|| a.recovery_file.cmp(&b.recovery_file))
        });
        found
    }

    /// The roadmap kept in `entry`, after checking that it is complete and unaltered.
    pub fn restore(&self, entry: &RecoveryEntry) -> Result<Roadmap, LoadError> {
        let path = &entry.recovery_file;
        let bytes = read_capped(path, MAX_HEADER_BYTES + file::MAX_FILE_BYTES)?;
        let damaged = |reason: String| LoadError::new(path, LoadErrorKind::Damaged { reason });
        let (header, body) = split(&bytes).map_err(damaged)?;
        if body.len() as u64 != header.length {
            return Err(damaged(format!(
                "it holds {} bytes of the {} written; it was cut short",
                body.len(),
                header.length
            )));
        }
        if format!("{:016x}", content_hash(body)) != header.hash {
            return Err(damaged(
                "its content changed after it was written".to_owned(),
            ));
        }
        file::from_ron_bytes(body, path)
    }

    /// Deletes `entry` (the user chose not to restore it).
    pub fn discard(&self, entry: &RecoveryEntry) -> Result<(), RecoveryError> {
        remove(&entry.recovery_file)
    }

    /// Deletes the recovery copy of the document at `document_path` (after a clean
    /// save or close), or of this store's untitled document when `None` (after its
    /// first "Save As"; the slot is given up).
    pub fn remove_for(&self, document_path: Option<&Path>) -> Result<(), RecoveryError> {
        match document_path {
            Some(path) => remove(&self.file_for(path)),
            None => {
                let mut slot = self.slot();
                if let Some(n) = *slot {
                    remove(&self.untitled_file(n))?;
                }
                *slot = None;
                Ok(())
            }
        }
    }

    /// Continues writing a restored untitled copy to its own file, so that the next
    /// crash does not leave two copies of one document.
    pub fn adopt(&self, entry: &RecoveryEntry) {
        if entry.document_path.is_none()
            && let Some(n) = entry.untitled
        {
            *self.slot() = Some(n);
        }
    }

    /// The recovery file for the document at `path`.
    pub fn file_for(&self, path: &Path) -> PathBuf {
        let key = content_hash(canonical(path).as_os_str().as_encoded_bytes());
        self.folder.join(format!("doc-{key:016x}.{EXTENSION}"))
    }

    fn untitled_file(&self, n: u32) -> PathBuf {
        self.folder.join(format!("untitled-{n}.{EXTENSION}"))
    }

    fn slot(&self) -> std::sync::MutexGuard<'_, Option<u32>> {
        // A panic elsewhere while holding the lock leaves a plain number behind: still valid.
        self.untitled.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// This store's untitled slot, reserving the lowest free number on first use by
    /// creating its file empty (so another window or program instance skips it;
    /// [`Self::list`] ignores empty files).
    fn untitled_slot(&self) -> Result<u32, SaveError> {
        let mut slot = self.slot();
        if let Some(n) = *slot {
            return Ok(n);
        }
        fs::create_dir_all(&self.folder).map_err(|e| SaveError::new(&self.folder, &e))?;
        for n in 1.. {
            let path = self.untitled_file(n);
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(_) => {
                    *slot = Some(n);
                    return Ok(n);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(SaveError::new(&path, &e)),
            }
        }
        unreachable!("some untitled number is free")
    }
}

impl RecoveryError {
    /// The message for the user, in `language`.
    pub fn describe(&self, language: Language) -> String {
        let locale = language.code();
        match self {
            RecoveryError::Write(error) => rust_i18n::t!(
                "safety.recovery.write_failed",
                locale = locale,
                detail = error.advice(language)
            ),
            RecoveryError::Remove { path, message } => rust_i18n::t!(
                "safety.recovery.remove_failed",
                locale = locale,
                file = path.display(),
                detail = message
            ),
        }
        .into_owned()
    }
}

impl RecoveryEntry {
    pub fn is_damaged(&self) -> bool {
        self.damage.is_some()
    }

    /// A line for the "restore unsaved work?" list.
    pub fn describe(&self, language: Language) -> String {
        let code = language.code();
        let local = self.written_at.with_timezone(&Local);
        let time = match language {
            Language::Indonesian => local.format("%H.%M"),
            Language::English => local.format("%H:%M"),
        };
        let when = format!("{} {time}", language.date(local.date_naive()));
        let document = match (&self.document_path, self.untitled) {
            (Some(path), _) => path.display().to_string(),
            (None, Some(n)) => {
                rust_i18n::t!("safety.recovery.untitled", locale = code, n = n).into_owned()
            }
            (None, None) => {
                rust_i18n::t!("safety.recovery.unknown_document", locale = code).into_owned()
            }
        };
        let key = if self.is_damaged() {
            "safety.recovery.entry_damaged"
        } else {
            "safety.recovery.entry"
        };
        rust_i18n::t!(key, locale = code, document = document, when = when).into_owned()
    }
}

fn canonical(path: &Path) -> PathBuf {
    fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_owned())
}

fn is_recovery_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    !name.starts_with('.') && path.extension().is_some_and(|e| e == EXTENSION)
}

/// The entry for `path`; `None` for an empty file (a reserved untitled slot).
fn read_entry(path: &Path) -> Option<RecoveryEntry> {
    let metadata = fs::metadata(path).ok()?;
    if metadata.len() == 0 || !metadata.is_file() {
        return None;
    }
    let mut entry = RecoveryEntry {
        document_path: None,
        untitled: None,
        written_at: metadata
            .modified()
            .map(DateTime::<Utc>::from)
            .unwrap_or_default(),
        recovery_file: path.to_owned(),
        size: 0,
        damage: None,
    };
    match read_header(path) {
        Ok((header, header_bytes)) => {
            let body = metadata.len().saturating_sub(header_bytes);
            if body != header.length {
                entry.damage = Some(format!(
                    "it holds {body} bytes of the {} written; it was cut short",
                    header.length
                ));
            }
            entry.document_path = header.document.map(PathBuf::from);
            entry.untitled = header.untitled;
            entry.written_at = header.written_at;
            entry.size = header.length;
        }
        Err(reason) => entry.damage = Some(reason),
    }
    Some(entry)
}

/// The header of the file at `path` and how many bytes it takes, reading no further.
fn read_header(path: &Path) -> Result<(Header, u64), String> {
    let file = fs::File::open(path).map_err(|e| e.to_string())?;
    let mut reader = BufReader::new(file.take(MAX_HEADER_BYTES));
    let mut magic = Vec::new();
    let mut header = Vec::new();
    reader
        .read_until(b'\n', &mut magic)
        .map_err(|e| e.to_string())?;
    reader
        .read_until(b'\n', &mut header)
        .map_err(|e| e.to_string())?;
    let consumed = (magic.len() + header.len()) as u64;
    let mut both = magic;
    both.extend_from_slice(&header);
    split(&both).map(|(header, _)| (header, consumed))
}

/// Header and body of a recovery file's bytes.
fn split(bytes: &[u8]) -> Result<(Header, &[u8]), String> {
    let not_ours = || "this is not a recovery copy of Reform Roadmap".to_owned();
    let rest = bytes
        .strip_prefix(MAGIC.as_bytes())
        .and_then(|rest| rest.strip_prefix(b"\n"))
        .ok_or_else(not_ours)?;
    let end = rest.iter().position(|&b| b == b'\n').ok_or_else(not_ours)?;
    let header: Header = serde_json::from_slice(&rest[..end])
        .map_err(|e| format!("its header is unreadable: {e}"))?;
    Ok((header, &rest[end + 1..]))
}

fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let io_error = |e: std::io::Error| LoadError::new(path, LoadErrorKind::io(&e));
    let file = fs::File::open(path).map_err(io_error)?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::new(
            path,
            LoadErrorKind::TooLarge {
                size: bytes.len() as u64,
            },
        ));
    }
    Ok(bytes)
}

fn remove(path: &Path) -> Result<(), RecoveryError> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(RecoveryError::Remove {
            path: path.to_owned(),
            message: e.to_string(),
        }),
    }
}
