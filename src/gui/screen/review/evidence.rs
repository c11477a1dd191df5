//! Evidence (*bukti dukung*) opened with the system's handler: links in the browser,
//! files in their usual program. The `open` crate finds the handler (xdg-open, gio,
//! kde-open, ... on Linux; the shell on Windows and macOS) and starts it detached, so
//! the app never waits for a viewer to close.

use std::path::{Path, PathBuf};

use iced::Task;

use super::Message;
use crate::gui::i18n::tr_with;
use crate::locale::Language;

/// What a piece of evidence points at, ready for the handler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    Link(String),
    File(PathBuf),
}

/// Why a piece of evidence cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("\"{0}\" is a path relative to the roadmap file, which has not been saved yet")]
    Unanchored(String),
    #[error("{target}: {message}")]
    Handler { target: String, message: String },
}

impl OpenError {
    /// The reason in the user's words (the handler's own message as the system gave it).
    pub fn describe(&self, language: Language) -> String {
        match self {
            OpenError::Unanchored(target) => tr_with(
                language,
                "review.evidence_unanchored",
                &[("target", target)],
            ),
            OpenError::Handler { target, message } => format!("{target}: {message}"),
        }
    }
}

/// A link as written (`https://…`, `mailto:…`), an absolute path as is, and a relative
/// path from the roadmap file's `folder`, where offices keep their evidence folder.
pub fn resolve(target: &str, folder: Option<&Path>) -> Result<Resolved, OpenError> {
    let target = target.trim();
    let is_link = target.contains("://") || target.starts_with("mailto:");
    if is_link {
        return Ok(Resolved::Link(target.to_owned()));
    }
    let path = Path::new(target);
    if path.is_absolute() {
        return Ok(Resolved::File(path.to_owned()));
    }
    match folder {
        Some(folder) => Ok(Resolved::File(folder.join(path))),
        None => Err(OpenError::Unanchored(target.to_owned())),
    }
}

/// Opens `target` in the background; answers with [`Message::EvidenceOpened`].
pub fn open(target: String, folder: Option<&Path>) -> Task<Message> {
    let resolved = resolve(&target, folder);
    Task::perform(
        async move {
            let resolved = resolved?;
            let result = match &resolved {
                Resolved::Link(link) => open::that_detached(link),
                Resolved::File(path) => open::that_detached(path),
            };
            result.map_err(|error| OpenError::Handler {
                target,
                message: error.to_string(),
            })
        },
        Message::EvidenceOpened,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_links_and_paths() {
        let folder = Path::new("/data/rb");
        for (target, folder, expected) in [
            (
                "https://example.go.id/a.pdf",
                None,
                Ok(Resolved::Link("https://example.go.id/a.pdf".into())),
            ),
            (
                " mailto:rb@example.go.id",
                None,
                Ok(Resolved::Link("mailto:rb@example.go.id".into())),
            ),
            (
                "/srv/bukti/a.pdf",
                None,
                Ok(Resolved::File("/srv/bukti/a.pdf".into())),
            ),
            (
                "bukti/tw3/a.pdf",
                Some(folder),
                Ok(Resolved::File("/data/rb/bukti/tw3/a.pdf".into())),
            ),
            (
                "bukti/a.pdf",
                None,
                Err(OpenError::Unanchored("bukti/a.pdf".into())),
            ),
        ] {
            assert_eq!(resolve(target, folder), expected, "{target}");
        }
        let unanchored = OpenError::Unanchored("bukti/a.pdf".into());
        assert!(
            unanchored
                .describe(Language::Indonesian)
                .contains("belum disimpan")
        );
        assert!(
            unanchored
                .describe(Language::English)
                .contains("not been saved")
        );
    }
}
