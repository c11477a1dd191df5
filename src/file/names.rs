//! File names every office computer can use. Most users are on Windows, and files made
//! on Linux end up on Windows shares: a name Windows cannot hold (`monev: TW II.xlsx`,
//! `laporan.`, `CON.csv`) is refused where the app writes a new file, with a message
//! saying which character or word to change. [`safe_file_name`] makes a name that always
//! passes, for names the app suggests from a roadmap's words.

use std::path::Path;

use crate::locale::Language;

/// Characters Windows refuses in a file name (besides control characters).
const RESERVED_CHARACTERS: [char; 9] = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

/// Device names Windows reserves, with or without an extension (`nul.txt` too).
const RESERVED_NAMES: [&str; 4] = ["CON", "PRN", "AUX", "NUL"];

/// The longest name Windows (NTFS) takes, in UTF-16 units.
const MAX_NAME_UNITS: usize = 255;

/// What is wrong with a file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    Empty,
    /// One of `< > : " / \ | ? *`.
    ReservedCharacter(char),
    /// A control character (a tab, a line break, ...), given as its code.
    ControlCharacter(u32),
    /// Windows drops a trailing dot or space, so the file would get another name.
    TrailingDotOrSpace,
    /// `CON`, `PRN`, `AUX`, `NUL`, `COM1`…`COM9`, `LPT1`…`LPT9` (the word given).
    ReservedName(String),
    TooLong,
}

/// A file name Windows cannot hold, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Language::English))]
pub struct BadFileName {
    pub name: String,
    pub problem: NameProblem,
}

impl BadFileName {
    /// The one-line message for the user, naming the file and what to change.
    pub fn message(&self, language: Language) -> String {
        let locale = language.code();
        let name = self.name.as_str();
        match &self.problem {
            NameProblem::Empty => rust_i18n::t!("file.name.empty", locale = locale),
            NameProblem::ReservedCharacter(c) => rust_i18n::t!(
                "file.name.character",
                locale = locale,
                name = name,
                character = c
            ),
            NameProblem::ControlCharacter(code) => rust_i18n::t!(
                "file.name.control",
                locale = locale,
                name = name,
                code = format!("U+{code:04X}")
            ),
            NameProblem::TrailingDotOrSpace => {
                rust_i18n::t!("file.name.trailing", locale = locale, name = name)
            }
            NameProblem::ReservedName(word) => {
                rust_i18n::t!(
                    "file.name.reserved",
                    locale = locale,
                    name = name,
                    word = word
                )
            }
            NameProblem::TooLong => {
                rust_i18n::t!("file.name.too_long", locale = locale, name = name)
            }
        }
        .into_owned()
    }
}

/// Checks that `name` (a file name, not a path) can be a file's name on Windows.
pub fn check_file_name(name: &str) -> Result<(), BadFileName> {
    let refuse = |problem| {
        Err(BadFileName {
            name: name.to_owned(),
            problem,
        })
    };
    if name.is_empty() {
        return refuse(NameProblem::Empty);
    }
    if let Some(c) = name.chars().find(|c| RESERVED_CHARACTERS.contains(c)) {
        return refuse(NameProblem::ReservedCharacter(c));
    }
    if let Some(c) = name.chars().find(|c| c.is_control()) {
        return refuse(NameProblem::ControlCharacter(c as u32));
    }
    if name.ends_with(['.', ' ']) {
        return refuse(NameProblem::TrailingDotOrSpace);
    }
    if let Some(word) = reserved_word(name) {
        return refuse(NameProblem::ReservedName(word));
    }
    if name.encode_utf16().count() > MAX_NAME_UNITS {
        return refuse(NameProblem::TooLong);
    }
    Ok(())
}

/// Checks the last component of `path`: the folders already exist (a `\\server\share`
/// prefix or a drive letter is fine), the name is the one the app is about to create.
pub fn check_path(path: &Path) -> Result<(), BadFileName> {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    check_file_name(&name)
}

/// `name` made acceptable: reserved and control characters become `-`, trailing dots
/// and spaces go, a reserved device name gets a `_` in front, and an overlong name is
/// cut (keeping whole characters). An empty result is `_`.
pub fn safe_file_name(name: &str) -> String {
    let mut safe: String = name
        .chars()
        .map(|c| {
            if RESERVED_CHARACTERS.contains(&c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    let kept = safe.trim_end_matches(['.', ' ']).len();
    safe.truncate(kept);
    if reserved_word(&safe).is_some() {
        safe.insert(0, '_');
    }
    let mut units = 0;
    let cut = safe
        .char_indices()
        .find(|(_, c)| {
            units += c.len_utf16();
            units > MAX_NAME_UNITS
        })
        .map(|(at, _)| at);
    if let Some(at) = cut {
        safe.truncate(at);
        let kept = safe.trim_end_matches(['.', ' ']).len();
        safe.truncate(kept);
    }
    if safe.is_empty() {
        "_".to_owned()
    } else {
        safe
    }
}

/// The reserved device word `name` is, if any: the part before the first dot, trailing
/// spaces ignored (Windows ignores them too), any case; `COM` and `LPT` with a digit
/// 1–9 or a superscript ¹ ² ³.
fn reserved_word(name: &str) -> Option<String> {
    let stem = name.split('.').next().unwrap_or("").trim_end_matches(' ');
    let upper = stem.to_uppercase();
    let numbered = ["COM", "LPT"].iter().any(|prefix| {
        upper.strip_prefix(prefix).is_some_and(|rest| {
            let mut chars = rest.chars();
            matches!(
                (chars.next(), chars.next()),
                (Some('1'..='9' | '¹' | '²' | '³'), None)
            )
        })
    });
    (RESERVED_NAMES.contains(&upper.as_str()) || numbered).then(|| stem.to_owned())
}
