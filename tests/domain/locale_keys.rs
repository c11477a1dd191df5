//! Every word the code looks up by a literal key is in `assets/locales/*.yml` in both
//! languages. A missing key is not a build error: rust-i18n shows the key itself
//! (`app.import.field_title` as a field's label, seen in the real window), and a key
//! missing only in English silently shows the Indonesian words.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const LANGUAGES: [&str; 2] = ["id", "en"];

/// The lookups whose key follows the language as the second argument.
const LOOKUPS: [(&str, Lookup); 3] = [
    ("tr(", Lookup::Plain),
    ("tr_with(", Lookup::Plain),
    ("tr_count(", Lookup::Counted),
];

#[derive(Clone, Copy)]
enum Lookup {
    Plain,
    /// `tr_count` reads `KEY.one` and `KEY.other`.
    Counted,
}

#[test]
fn every_literal_key_is_in_both_languages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let defined = defined_keys(&root.join("assets/locales"));
    let mut missing = BTreeSet::new();
    for file in rust_files(&root.join("src")) {
        let source = fs::read_to_string(&file).unwrap();
        for key in looked_up_keys(&source) {
            for language in LANGUAGES {
                let known = defined
                    .get(&key)
                    .is_some_and(|languages| languages.contains(language));
                if !known {
                    let shown = file.strip_prefix(root).unwrap_or(&file).display();
                    missing.insert(format!("{key} ({language}) in {shown}"));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys missing from assets/locales:\n{}",
        missing.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_scan_finds_keys_in_every_form() {
    let source = r#"
        let a = tr(language, "a.plain");
        let b = tr_with(
            language,
            "b.with",
            &[("x", "y")],
        );
        let c = tr_count(self.language, "c.counted", 2, &[]);
        let d = tr(language, &key); // not a literal: not checked here
        let e = attr(language, "not.a.lookup");
    "#;
    let found: BTreeSet<String> = looked_up_keys(source).into_iter().collect();
    let expected: BTreeSet<String> = ["a.plain", "b.with", "c.counted.one", "c.counted.other"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(found, expected);
}

/// Keys looked up with a string literal, `tr_count` keys with their two forms.
fn looked_up_keys(source: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for (call, lookup) in LOOKUPS {
        for (at, _) in source.match_indices(call) {
            let before = source[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let arguments = &source[at + call.len()..];
            let Some(comma) = arguments.find(',') else {
                continue;
            };
            let rest = arguments[comma + 1..].trim_start();
            let Some(literal) = rest.strip_prefix('"') else {
                continue;
            };
            let Some(end) = literal.find('"') else {
                continue;
            };
            let key = &literal[..end];
            match lookup {
                Lookup::Plain => keys.push(key.to_string()),
                Lookup::Counted => {
                    keys.push(format!("{key}.one"));
                    keys.push(format!("{key}.other"));
                }
            }
        }
    }
    keys
}

/// Each top-level key of the locale files with the languages it is given in (the files
/// are `key:` at the line's start, then `  id: …` and `  en: …`).
fn defined_keys(dir: &Path) -> BTreeMap<String, BTreeSet<&'static str>> {
    let mut keys: BTreeMap<String, BTreeSet<&'static str>> = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yml") {
            continue;
        }
        let mut current: Option<String> = None;
        for line in fs::read_to_string(&path).unwrap().lines() {
            if line.starts_with([' ', '\t']) {
                let trimmed = line.trim_start();
                if let Some(key) = &current {
                    for language in LANGUAGES {
                        if trimmed.starts_with(&format!("{language}:")) {
                            keys.entry(key.clone()).or_default().insert(language);
                        }
                    }
                }
            } else if let Some(key) = line.strip_suffix(':') {
                current = (!key.starts_with(['#', '_'])).then(|| key.trim().to_string());
            } else {
                current = None;
            }
        }
    }
    keys
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}
