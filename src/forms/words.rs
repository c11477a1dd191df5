//! What the collection reports, worded for the user (Indonesian first, English).

use super::guard;
use super::read::{Refusal, RejectedReason};
use crate::locale::Language;

fn mib(bytes: u64) -> String {
    bytes.div_ceil(1024 * 1024).to_string()
}

impl Refusal {
    /// Why the whole form was refused, in `language`.
    pub fn message(&self, language: Language) -> String {
        let locale = language.code();
        match self {
            Refusal::Unreadable { detail } => {
                rust_i18n::t!("forms.refused.unreadable", locale = locale, detail = detail)
            }
            Refusal::TooLarge { bytes } => rust_i18n::t!(
                "forms.refused.too_large",
                locale = locale,
                size = mib(*bytes),
                limit = mib(guard::MAX_FORM_BYTES)
            ),
            Refusal::Bomb { unpacked, entries } => rust_i18n::t!(
                "forms.refused.bomb",
                locale = locale,
                size = mib(*unpacked),
                entries = entries,
                limit = mib(guard::MAX_UNPACKED_BYTES)
            ),
            Refusal::Broken { detail } => {
                rust_i18n::t!("forms.refused.broken", locale = locale, detail = detail)
            }
            Refusal::NotAForm => rust_i18n::t!("forms.refused.not_a_form", locale = locale),
            Refusal::NewerLayout { found } => {
                rust_i18n::t!("forms.refused.newer", locale = locale, found = found)
            }
            Refusal::OtherRoadmap {
                institution,
                period,
            } => rust_i18n::t!(
                "forms.refused.other_roadmap",
                locale = locale,
                institution = institution,
                start = period.0,
                end = period.1
            ),
            Refusal::OtherQuarter { found, wanted } => rust_i18n::t!(
                "forms.refused.other_quarter",
                locale = locale,
                found = language.quarter(*found),
                wanted = language.quarter(*wanted)
            ),
            Refusal::UnknownUnit { unit } => {
                rust_i18n::t!("forms.refused.unknown_unit", locale = locale, unit = unit)
            }
            Refusal::ForeignIndicators { unit, ids } => rust_i18n::t!(
                "forms.refused.foreign",
                locale = locale,
                unit = unit,
                ids = ids.join(", ")
            ),
        }
        .into_owned()
    }
}

impl RejectedReason {
    /// Why the cell or row was not taken, in `language`.
    pub fn message(&self, language: Language) -> String {
        let locale = language.code();
        match self {
            RejectedReason::NotANumber { text } => {
                rust_i18n::t!("forms.rejected.not_a_number", locale = locale, text = text)
            }
            RejectedReason::Formula { formula } => {
                rust_i18n::t!("forms.rejected.formula", locale = locale, text = formula)
            }
            RejectedReason::Date { text } => {
                rust_i18n::t!("forms.rejected.date", locale = locale, text = text)
            }
            RejectedReason::ErrorValue { text } => {
                rust_i18n::t!("forms.rejected.error_value", locale = locale, text = text)
            }
            RejectedReason::NotDoneWord { text } => {
                rust_i18n::t!("forms.rejected.not_done_word", locale = locale, text = text)
            }
            RejectedReason::UnknownIndicator => {
                rust_i18n::t!("forms.rejected.unknown_indicator", locale = locale)
            }
            RejectedReason::NotOnForm => {
                rust_i18n::t!("forms.rejected.not_on_form", locale = locale)
            }
            RejectedReason::Duplicate => rust_i18n::t!("forms.rejected.duplicate", locale = locale),
            RejectedReason::NoTarget => rust_i18n::t!("forms.rejected.no_target", locale = locale),
        }
        .into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_translated() {
        let refusals = [
            Refusal::Unreadable { detail: "d".into() },
            Refusal::TooLarge { bytes: 1 },
            Refusal::Bomb {
                unpacked: 1,
                entries: 1,
            },
            Refusal::Broken { detail: "d".into() },
            Refusal::NotAForm,
            Refusal::NewerLayout { found: 9 },
            Refusal::OtherRoadmap {
                institution: "i".into(),
                period: (2025, 2029),
            },
            Refusal::OtherQuarter {
                found: "2025-Q2".parse().unwrap(),
                wanted: "2025-Q3".parse().unwrap(),
            },
            Refusal::UnknownUnit { unit: "u".into() },
            Refusal::ForeignIndicators {
                unit: "u".into(),
                ids: vec!["a".into()],
            },
        ];
        let reasons = [
            RejectedReason::NotANumber { text: "t".into() },
            RejectedReason::Formula {
                formula: "=f".into(),
            },
            RejectedReason::Date { text: "t".into() },
            RejectedReason::ErrorValue { text: "t".into() },
            RejectedReason::NotDoneWord { text: "t".into() },
            RejectedReason::UnknownIndicator,
            RejectedReason::NotOnForm,
            RejectedReason::Duplicate,
            RejectedReason::NoTarget,
        ];
        for language in Language::ALL {
            let messages = refusals
                .iter()
                .map(|r| r.message(language))
                .chain(reasons.iter().map(|r| r.message(language)));
            for message in messages {
                assert!(!message.starts_with("forms."), "{message}");
                assert!(!message.contains("%{"), "{message}");
            }
        }
    }
}
