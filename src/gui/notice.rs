//! A message for the bar under the header: what happened, in the user's words. A leaf:
//! screens, dialogs and the app all speak it, and it imports none of them.

/// How a notice looks: news, or something that went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Error,
}

/// A message in the bar under the header (and on the slides' control bar).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub tone: Tone,
    pub text: String,
    /// Offer Save As (after a failed save).
    pub offer_save_as: bool,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            tone: Tone::Info,
            text: text.into(),
            offer_save_as: false,
        }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Self {
            tone: Tone::Error,
            text: text.into(),
            offer_save_as: false,
        }
    }

    pub fn is_error(&self) -> bool {
        self.tone == Tone::Error
    }
}
