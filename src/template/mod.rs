//! Starting points for a new roadmap: the change areas a regulation prescribes, with a
//! goal each, so that a planning officer fills in programs instead of retyping areas.

mod areas;

use std::fmt;

pub use areas::{AreaSpec, RB_GENERAL, RB_TEMATIK};

use crate::locale::Language;
use crate::model::{Area, Period, Roadmap};

/// A regulation (or nothing) a new roadmap starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Template {
    /// The eight change areas of Permenpan RB 25/2020 (Road Map RB 2020-2024).
    Permenpan2020,
    /// Permenpan RB 3/2023: the same eight areas as RB General, plus the four themes of
    /// RB Tematik.
    Permenpan2023,
    /// No areas at all, for a custom set.
    Empty,
}

/// The note that tells, in the roadmap itself, which track of Permenpan RB 3/2023 an
/// area belongs to (the file has no field for it).
const NOTE_GENERAL: &str = "RB General (Permenpan RB 3/2023)";
const NOTE_TEMATIK: &str = "RB Tematik (Permenpan RB 3/2023)";

impl Template {
    pub const ALL: [Template; 3] = [
        Template::Permenpan2020,
        Template::Permenpan2023,
        Template::Empty,
    ];

    /// The stable name used on the command line and in settings.
    pub fn name(self) -> &'static str {
        match self {
            Template::Permenpan2020 => "permenpan-25-2020",
            Template::Permenpan2023 => "permenpan-3-2023",
            Template::Empty => "empty",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    /// What a user picks from, in `language`.
    pub fn label(self, language: Language) -> String {
        let locale = language.code();
        match self {
            Template::Permenpan2020 => rust_i18n::t!("template.permenpan_2020", locale = locale),
            Template::Permenpan2023 => rust_i18n::t!("template.permenpan_2023", locale = locale),
            Template::Empty => rust_i18n::t!("template.empty", locale = locale),
        }
        .into_owned()
    }

    /// The areas this template starts with, each with the note to put on it.
    fn areas(self) -> Vec<(&'static AreaSpec, Option<&'static str>)> {
        match self {
            Template::Permenpan2020 => RB_GENERAL.iter().map(|a| (a, None)).collect(),
            Template::Permenpan2023 => RB_GENERAL
                .iter()
                .map(|a| (a, Some(NOTE_GENERAL)))
                .chain(RB_TEMATIK.iter().map(|a| (a, Some(NOTE_TEMATIK))))
                .collect(),
            Template::Empty => Vec::new(),
        }
    }
}

impl fmt::Display for Template {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A new roadmap for `institution` over `period`, with the template's areas and no
/// programs, units or reviews yet.
pub fn build(template: Template, institution: &str, period: Period) -> Roadmap {
    let institution = institution.trim();
    // "Pemerintah Kabupaten X" is the institution; the roadmap is of "Kabupaten X".
    let place = institution
        .strip_prefix("Pemerintah ")
        .unwrap_or(institution)
        .trim();
    let title = ["Road Map Reformasi Birokrasi", place]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let title = format!("{title} {}-{}", period.start, period.end);
    let mut roadmap = Roadmap::new(title, institution, period);
    roadmap.areas = template
        .areas()
        .into_iter()
        .map(|(spec, note)| {
            let mut area = Area::new(spec.id, spec.name, spec.element);
            area.goal = Some(spec.goal.to_owned());
            area.note = note.map(str::to_owned);
            area
        })
        .collect();
    roadmap
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Element;

    const PERIOD: Period = Period {
        start: 2025,
        end: 2029,
    };

    #[test]
    fn names_round_trip_and_unknown_names_are_refused() {
        for template in Template::ALL {
            assert_eq!(Template::from_name(template.name()), Some(template));
            assert_eq!(template.to_string(), template.name());
        }
        for unknown in ["", "Permenpan-25-2020", "permenpan", "kosong", "empty "] {
            assert_eq!(Template::from_name(unknown), None, "{unknown:?}");
        }
    }

    #[test]
    fn labels_are_translated_and_differ_per_language() {
        for template in Template::ALL {
            let id = template.label(Language::Indonesian);
            let en = template.label(Language::English);
            for label in [&id, &en] {
                assert!(!label.contains("template."), "untranslated: {label}");
                assert!(!label.trim().is_empty());
            }
            assert_ne!(id, en, "{template}");
        }
    }

    #[test]
    fn area_counts_and_elements_as_designed() {
        for (template, areas, soft) in [
            (Template::Permenpan2020, 8, vec!["mp", "sdm"]),
            (Template::Permenpan2023, 12, vec!["mp", "sdm"]),
            (Template::Empty, 0, vec![]),
        ] {
            let roadmap = build(template, "Pemerintah Kabupaten Contoh", PERIOD);
            assert_eq!(roadmap.areas.len(), areas, "{template}");
            let soft_ids: Vec<_> = roadmap
                .areas
                .iter()
                .filter(|a| a.element == Element::Soft)
                .map(|a| a.id.as_str())
                .collect();
            assert_eq!(soft_ids, soft, "{template}");
            assert!(roadmap.areas.iter().all(|a| a.goal.is_some()));
            assert!(roadmap.areas.iter().all(|a| a.programs.is_empty()));
        }
    }

    #[test]
    fn the_2023_template_is_general_then_thematic() {
        let roadmap = build(Template::Permenpan2023, "X", PERIOD);
        let notes: Vec<_> = roadmap
            .areas
            .iter()
            .map(|a| a.note.as_deref().unwrap_or(""))
            .collect();
        assert_eq!(notes[..8], [NOTE_GENERAL; 8]);
        assert_eq!(notes[8..], [NOTE_TEMATIK; 4]);
        let first_eight = build(Template::Permenpan2020, "X", PERIOD).areas;
        for (a, b) in first_eight.iter().zip(&roadmap.areas) {
            assert_eq!((&a.id, &a.name, a.element), (&b.id, &b.name, b.element));
        }
    }

    #[test]
    fn title_names_institution_and_period() {
        for (institution, title) in [
            (
                "Pemerintah Kabupaten Sukamaju",
                "Road Map Reformasi Birokrasi Kabupaten Sukamaju 2025-2029",
            ),
            (
                "  Kota Contoh ",
                "Road Map Reformasi Birokrasi Kota Contoh 2025-2029",
            ),
            ("", "Road Map Reformasi Birokrasi 2025-2029"),
        ] {
            let roadmap = build(Template::Empty, institution, PERIOD);
            assert_eq!(roadmap.title, title);
            assert_eq!(roadmap.institution, institution.trim());
            assert_eq!(roadmap.period, PERIOD);
        }
    }
}
