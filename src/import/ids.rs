//! Readable ids for what a spreadsheet names only by name: `mp` for the area
//! *Manajemen Perubahan*, `bkpsdm` for *Badan Kepegawaian dan Pengembangan Sumber
//! Daya Manusia*, `inspektorat-daerah`; programs and indicators follow the app's own
//! `mp-1`, `mp-1-a`.

use std::collections::HashSet;

use super::heading::words;

/// Words left out of initials.
const STOP_WORDS: [&str; 10] = [
    "dan", "serta", "yang", "di", "untuk", "and", "of", "the", "for", "&",
];

/// Longest id made from a name.
const MAX_ID_CHARS: usize = 32;

/// Ids handed out so far, so that each is unique.
#[derive(Debug, Default)]
pub struct IdPool {
    taken: HashSet<String>,
}

impl IdPool {
    /// `base`, or `base-2`, `base-3`, ... when taken.
    fn unique(&mut self, base: &str) -> String {
        let mut candidate = base.to_owned();
        let mut n = 2;
        while self.taken.contains(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        self.taken.insert(candidate.clone());
        candidate
    }

    /// An area's id: the initials of its name (`mp`), a single word whole.
    pub fn area(&mut self, name: &str, fallback: &str) -> String {
        let significant = significant_words(name);
        let base = match significant.as_slice() {
            [] => fallback.to_owned(),
            [word] => truncate(word),
            words => initials(words),
        };
        self.unique(&base)
    }

    /// A unit's id: an acronym the name gives (`... (BKPSDM)`), a single word whole,
    /// the initials of three words or more (`bpkad`), else the words joined
    /// (`inspektorat-daerah`).
    pub fn unit(&mut self, name: &str, fallback: &str) -> String {
        let bracketed = name
            .split_once('(')
            .and_then(|(_, rest)| rest.split_once(')'))
            .map(|(inside, _)| significant_words(inside))
            .filter(|inside| inside.len() == 1);
        let significant = significant_words(name);
        let base = match (bracketed, significant.as_slice()) {
            (Some(acronym), _) => truncate(&acronym[0]),
            (None, []) => fallback.to_owned(),
            (None, [word]) => truncate(word),
            (None, [first, second]) => truncate(&format!("{first}-{second}")),
            (None, words) => initials(words),
        };
        self.unique(&base)
    }
}

/// Lower-case ASCII words of a name, without stop words.
fn significant_words(name: &str) -> Vec<String> {
    words(name)
        .into_iter()
        .map(|word| {
            word.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|word| !word.is_empty() && !STOP_WORDS.contains(&word.as_str()))
        .collect()
}

fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter_map(|word| word.chars().next())
        .take(MAX_ID_CHARS)
        .collect()
}

fn truncate(text: &str) -> String {
    text.chars().take(MAX_ID_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readable_ids() {
        let mut pool = IdPool::default();
        assert_eq!(pool.area("Manajemen Perubahan", "area-1"), "mp");
        assert_eq!(pool.area("MANAJEMEN PERUBAHAN", "area-2"), "mp-2");
        assert_eq!(pool.area("Akuntabilitas", "area-3"), "akuntabilitas");
        assert_eq!(
            pool.area("Penataan dan Penguatan Organisasi", "area-4"),
            "ppo"
        );
        assert_eq!(pool.area("—", "area-5"), "area-5");
        let mut pool = IdPool::default();
        assert_eq!(
            pool.unit(
                "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
                "u"
            ),
            "bkpsdm"
        );
        assert_eq!(pool.unit("Inspektorat Daerah", "u"), "inspektorat-daerah");
        assert_eq!(pool.unit("Bappeda", "u"), "bappeda");
        assert_eq!(
            pool.unit("Dinas Komunikasi (Diskominfo)", "u"),
            "diskominfo"
        );
        assert_eq!(pool.unit("Dinas Kesehatan dan Keluarga", "u"), "dkk");
        assert_eq!(pool.unit("Dinas Kebudayaan dan Kesenian", "u"), "dkk-2");
    }
}
