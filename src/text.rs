//! Words for people, shared by the command line, the exports and the app: the
//! translation lookup (files in `assets/locales/`, Indonesian first) and the two ways
//! a text too long for its place is shortened.

use crate::locale::Language;

/// The text for `key` in `language`.
pub fn tr(language: Language, key: &str) -> String {
    rust_i18n::t!(key, locale = language.code()).into_owned()
}

/// The text for `key` with `%{name}` placeholders filled in.
pub fn tr_with(language: Language, key: &str, args: &[(&str, &str)]) -> String {
    let mut text = tr(language, key);
    for (name, value) in args {
        text = text.replace(&format!("%{{{name}}}"), value);
    }
    text
}

/// The text for `key` said of `count` things: `KEY.one` when there is one, else
/// `KEY.other` (a language without plural forms writes both the same), with `%{count}`
/// and the other placeholders filled in.
pub fn tr_count(language: Language, key: &str, count: usize, args: &[(&str, &str)]) -> String {
    let form = if count == 1 { "one" } else { "other" };
    let count = count.to_string();
    let mut all = vec![("count", count.as_str())];
    all.extend_from_slice(args);
    tr_with(language, &format!("{key}.{form}"), &all)
}

/// `count` things called `noun` in `language`, said whole: "1 indicator", "5
/// indicators", "5 indikator" (the `count.NOUN` keys of `count.yml`).
pub fn counted(language: Language, noun: &str, count: usize) -> String {
    tr_count(language, &format!("count.{noun}"), count, &[])
}

/// `text` cut to at most `max` characters, ending in "…" when cut: for a column or a
/// header, where every character counts.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

/// `text` cut to at most `max` characters at a word boundary, with "…" when something
/// was left out: for prose on a slide, which summarises (the document keeps it whole).
pub fn shorten_at_word(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let kept = match cut.rfind(char::is_whitespace) {
        // Keep the last whole word, unless that would leave almost nothing.
        Some(at) if at >= cut.len() / 2 => &cut[..at],
        _ => cut.as_str(),
    };
    format!(
        "{}…",
        kept.trim_end_matches(|c: char| c.is_whitespace() || c == ',')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_things_agree_with_their_number() {
        use Language::{English, Indonesian};
        let nouns = [
            "areas",
            "change_areas",
            "programs",
            "indicators",
            "targets",
            "quarterly_targets",
            "units",
            "responsible_units",
        ];
        for noun in nouns {
            for (language, count) in [(English, 1), (English, 2), (Indonesian, 1), (Indonesian, 0)]
            {
                let said = counted(language, noun, count);
                assert!(
                    said.starts_with(&format!("{count} ")),
                    "{noun} {count}: {said}"
                );
                assert!(!said.contains("count."), "a key for {noun}: {said}");
            }
        }
        assert_eq!(counted(English, "indicators", 1), "1 indicator");
        assert_eq!(counted(English, "indicators", 5), "5 indicators");
        assert_eq!(counted(Indonesian, "indicators", 5), "5 indikator");
        assert_eq!(counted(English, "units", 0), "0 units");
    }

    #[test]
    fn placeholders_are_filled() {
        // `status.behind` has no placeholder: the text comes back whole.
        assert_eq!(
            tr_with(Language::English, "status.behind", &[("x", "y")]),
            "Behind"
        );
        assert_eq!(tr(Language::Indonesian, "status.behind"), "Tertinggal");
    }

    #[test]
    fn counts_take_the_singular_or_the_plural() {
        let said = |language, count| tr_count(language, "review.invalid_entries", count, &[]);
        assert!(said(Language::English, 1).starts_with("1 typed actual is not a number"));
        assert!(said(Language::English, 2).starts_with("2 typed actuals are not numbers"));
        assert!(said(Language::English, 0).starts_with("0 typed actuals are"));
        // Indonesian has no plural form: the same words for any count.
        assert!(said(Language::Indonesian, 1).starts_with("1 isian realisasi bukan angka"));
        assert!(said(Language::Indonesian, 3).starts_with("3 isian realisasi bukan angka"));
    }

    #[test]
    fn shortening() {
        for (text, max, by_character, at_word) in [
            ("Pendek", 10, "Pendek", "Pendek"),
            (
                "Dinas Komunikasi dan Informatika",
                12,
                "Dinas Komun…",
                "Dinas…",
            ),
            ("Satu dua, tiga empat", 12, "Satu dua, t…", "Satu dua…"),
            ("Sangatpanjangsekali", 8, "Sangatp…", "Sangatp…"),
        ] {
            assert_eq!(shorten(text, max), by_character, "{text}");
            assert_eq!(shorten_at_word(text, max), at_word, "{text}");
            assert!(shorten(text, max).chars().count() <= max, "{text}");
        }
    }
}
