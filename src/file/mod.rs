//! Reading and writing roadmap files (RON, `format_version` 1 and 2).
//!
//! Loading never panics and never hangs on bad input: size, encoding, nesting depth,
//! syntax, unknown fields and newer format versions each give a [`LoadError`] that says
//! what is wrong and where. Saving is atomic (see [`atomic`]).

mod atomic;
mod error;
pub mod fast;
mod fingerprint;
pub mod migrate;
pub mod names;

use std::path::Path;

use ron::extensions::Extensions;

use crate::model::Roadmap;

pub(crate) use atomic::replace;
pub use atomic::{Backup, backup_path, write_atomically, write_atomically_without_backup};
pub use error::{LoadError, LoadErrorKind, SaveError, SaveProblem};
pub use fingerprint::{Fingerprint, InodeStatus, content_hash};
pub use migrate::OLDEST_VERSION;

/// Files larger than this are refused before they are read: the largest real roadmaps
/// are a few megabytes, and reading an arbitrary file whole must not exhaust memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Nesting deeper than this is refused (a roadmap is about ten levels deep).
pub const MAX_NESTING: usize = 64;

/// The file extension users see: `NAME.roadmap.ron`.
pub const EXTENSION: &str = "ron";

fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

/// Reads the current structs from `text` with ron alone, with the loader's options:
/// the reference the fast reader ([`fast`]) is held to, and its fallback.
pub fn parse_with_ron(text: &str) -> ron::error::SpannedResult<Roadmap> {
    ron_options().from_str(text)
}

/// Reads the current structs from `text`: the fast reader when it handles the text,
/// else ron (same document, or ron's error).
fn parse_current(text: &str) -> ron::error::SpannedResult<Roadmap> {
    fast::read(text).or_else(|_| parse_with_ron(text))
}

/// The exact bytes the program writes for `roadmap`: pretty, one map entry per line,
/// deterministic, so that files diff and merge well and an unchanged document re-saves
/// byte for byte. The `format_version` written is the lowest that holds the document
/// ([`Roadmap::lowest_format_version`]), whatever the one in memory says.
pub fn to_ron_string(roadmap: &Roadmap) -> String {
    let lowest = roadmap.lowest_format_version();
    if roadmap.format_version == lowest {
        return ron_text(roadmap);
    }
    // Only after an edit changed which version the document needs: loading sets it.
    let mut written = roadmap.clone();
    written.format_version = lowest;
    ron_text(&written)
}

fn ron_text(roadmap: &Roadmap) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .escape_strings(false)
        // Level 8 is a target entry `"2025-Q1": (target: .., actual: ..)`; deeper
        // content stays on the entry's line.
        .depth_limit(8)
        .extensions(Extensions::IMPLICIT_SOME);
    // Options without IMPLICIT_SOME as a default extension: only then does ron write
    // the `#![enable(implicit_some)]` line the format requires at the top (ron leaves
    // it out when the extension is on anyway), so other RON readers understand the file.
    let mut text = ron::Options::default()
        .with_recursion_limit(MAX_NESTING)
        .to_string_pretty(roadmap, config)
        .expect("a roadmap always serializes: it has only strings, numbers, lists and maps");
    text.push('\n');
    text
}

/// Reads a roadmap from text. `origin` names the file in error messages.
/// Files of older format versions are upgraded (see [`migrate`]); the
/// result's `format_version` is the lowest that holds it, the one it will be saved as.
pub fn from_ron_str(text: &str, origin: &Path) -> Result<Roadmap, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::new(origin, LoadErrorKind::Empty));
    }
    migrate::parse_any_version(text, origin)
}

/// Reads a roadmap from raw bytes, refusing what is not UTF-8 text.
pub fn from_ron_bytes(bytes: &[u8], origin: &Path) -> Result<Roadmap, LoadError> {
    let text = text_of(bytes, origin)?;
    from_ron_str(text, origin)
}

/// Loads the roadmap at `path`.
pub fn load(path: &Path) -> Result<Roadmap, LoadError> {
    let bytes = read_limited(path)?;
    from_ron_bytes(&bytes, path)
}

/// Loads the roadmap at `path` with the fingerprint of exactly the bytes that were
/// parsed, to tell later whether the file changed on disk (see [`crate::safety::disk`]).
pub fn load_with_fingerprint(path: &Path) -> Result<(Roadmap, Fingerprint), LoadError> {
    let (bytes, fingerprint) = read_with_fingerprint(path)?;
    from_ron_bytes(&bytes, path).map(|roadmap| (roadmap, fingerprint))
}

/// Saves `roadmap` to `path` atomically, keeping the previous file as `NAME.bak`.
/// A file marked read-only is not replaced.
pub fn save(path: &Path, roadmap: &Roadmap) -> Result<(), SaveError> {
    save_with_fingerprint(path, roadmap).map(|_| ())
}

/// [`save`], returning the fingerprint of what was written.
pub fn save_with_fingerprint(path: &Path, roadmap: &Roadmap) -> Result<Fingerprint, SaveError> {
    atomic::replace(path, to_ron_string(roadmap).as_bytes(), Backup::Keep)
}

/// Reads a file whole after checking that it is not larger than [`MAX_FILE_BYTES`].
pub fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    let file = std::fs::File::open(path).map_err(|e| io_error(path, &e))?;
    read_open(path, &file).map(|(bytes, _)| bytes)
}

/// Reads a file whole, as [`read_limited`] does, with the fingerprint of the bytes read.
///
/// The file's times are taken before reading, and the read is retried when they moved
/// while it ran (someone writing in place at that moment). If they never settle, the
/// times from before are kept: a later check finds that they moved and compares the
/// content, so the change is not missed.
pub fn read_with_fingerprint(path: &Path) -> Result<(Vec<u8>, Fingerprint), LoadError> {
    const ATTEMPTS: usize = 3;
    for attempt in 1..=ATTEMPTS {
        let file = std::fs::File::open(path).map_err(|e| io_error(path, &e))?;
        let (bytes, before) = read_open(path, &file)?;
        let fingerprint = Fingerprint::of_bytes(&bytes, &before);
        let after = file.metadata().map_err(|e| io_error(path, &e))?;
        if fingerprint.matches_metadata(&after) || attempt == ATTEMPTS {
            return Ok((bytes, fingerprint));
        }
    }
    unreachable!("the last attempt always returns")
}

fn read_open(path: &Path, file: &std::fs::File) -> Result<(Vec<u8>, std::fs::Metadata), LoadError> {
    use std::io::Read;
    let metadata = file.metadata().map_err(|e| io_error(path, &e))?;
    let size = metadata.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::new(path, LoadErrorKind::TooLarge { size }));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // `take` guards against a file that grows while it is read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, &e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::new(
            path,
            LoadErrorKind::TooLarge {
                size: bytes.len() as u64,
            },
        ));
    }
    Ok((bytes, metadata))
}

fn io_error(path: &Path, error: &std::io::Error) -> LoadError {
    LoadError::new(path, LoadErrorKind::io(error))
}

fn text_of<'a>(bytes: &'a [u8], origin: &Path) -> Result<&'a str, LoadError> {
    let binary_at = |offset: usize| {
        let before = &bytes[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = offset
            - before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1)
            + 1;
        LoadError::new(origin, LoadErrorKind::NotText { line, column })
    };
    let text = std::str::from_utf8(bytes).map_err(|e| binary_at(e.valid_up_to()))?;
    // `str::find` with a char searches with memchr, several bytes at a time; a byte loop
    // over a large file cost about a tenth of a load. NUL is ASCII: the offset is a byte's.
    if let Some(nul) = text.find('\0') {
        return Err(binary_at(nul));
    }
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}
