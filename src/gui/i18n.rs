//! The one translation layer of the interface: every displayed string is looked up
//! here by key (files in `assets/locales/`), never written into a view.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled() {
        // `status.behind` has no placeholder: the text comes back whole.
        assert_eq!(
            tr_with(Language::English, "status.behind", &[("x", "y")]),
            "Behind"
        );
        assert_eq!(tr(Language::Indonesian, "status.behind"), "Tertinggal");
    }
}
