//! A message for the bar under the header: what happened, in the user's words. A leaf:
//! screens, dialogs and the app all speak it, and it imports none of them.

use std::fmt;
use std::sync::Arc;

use crate::locale::Language;

/// How a notice looks: news, or something that went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Error,
}

/// How to say a notice in any language: kept with it, so that a notice shown before
/// the user switches language is said again in the new one rather than left in the
/// old. Whatever it needs (a path, an error that describes itself) it owns.
#[derive(Clone)]
pub struct Words(Arc<dyn Fn(Language) -> String + Send + Sync>);

impl Words {
    pub fn new(say: impl Fn(Language) -> String + Send + Sync + 'static) -> Self {
        Self(Arc::new(say))
    }

    pub fn say(&self, language: Language) -> String {
        (self.0)(language)
    }
}

impl fmt::Debug for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Words(..)")
    }
}

impl PartialEq for Words {
    /// The same words only when they are the very same: closures do not compare.
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A message in the bar under the header (and on the slides' control bar).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub tone: Tone,
    /// What the bar shows, in the language of the moment.
    pub text: String,
    /// Offer Save As (after a failed save).
    pub offer_save_as: bool,
    /// How to say it again after a language switch; `None` for text made without
    /// them, which then stays as it was written.
    pub words: Option<Words>,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            tone: Tone::Info,
            text: text.into(),
            offer_save_as: false,
            words: None,
        }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Self {
            tone: Tone::Error,
            text: text.into(),
            offer_save_as: false,
            words: None,
        }
    }

    /// A notice said in `language` now and in whichever language the user picks later.
    pub fn said(
        tone: Tone,
        language: Language,
        say: impl Fn(Language) -> String + Send + Sync + 'static,
    ) -> Self {
        let words = Words::new(say);
        Self {
            tone,
            text: words.say(language),
            offer_save_as: false,
            words: Some(words),
        }
    }

    /// The same notice offering Save As.
    pub fn offering_save_as(self) -> Self {
        Self {
            offer_save_as: true,
            ..self
        }
    }

    /// Says the notice again in `language`, where it knows how.
    pub fn reword(&mut self, language: Language) {
        if let Some(words) = &self.words {
            self.text = words.say(language);
        }
    }

    pub fn is_error(&self) -> bool {
        self.tone == Tone::Error
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tr_with;

    #[test]
    fn a_said_notice_follows_the_language() {
        let mut notice = Notice::said(Tone::Info, Language::Indonesian, |language| {
            tr_with(language, "app.saved", &[("name", "rb.roadmap.ron")])
        });
        let indonesian = notice.text.clone();
        assert!(indonesian.contains("rb.roadmap.ron"));
        notice.reword(Language::English);
        assert_ne!(notice.text, indonesian);
        assert_eq!(
            notice.text,
            tr_with(
                Language::English,
                "app.saved",
                &[("name", "rb.roadmap.ron")]
            )
        );
        // Text made without words stays as written.
        let mut plain = Notice::info("apa adanya");
        plain.reword(Language::English);
        assert_eq!(plain.text, "apa adanya");
    }
}
