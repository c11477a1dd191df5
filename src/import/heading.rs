//! What a column heading means, in Indonesian or English, any case, line breaks
//! inside: `AREA PERUBAHAN`, `Penanggung\nJawab`, `TARGET` over `TW I`,
//! `Realisasi 2025 TW III`, `Capaian (%)`.

use std::fmt;

/// Which year and quarter a value column holds. `None` parts come from elsewhere:
/// the row's `Tahun`/`Triwulan` (long layout), the period (a heading without a year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Slot {
    pub year: Option<i32>,
    /// 1..=4
    pub quarter: Option<u8>,
}

/// The meaning of one column. The preview lets the user change it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Meaning {
    /// Not read (an unknown heading, or a blank one).
    Unused,
    /// The row's number (`NO`): read only to recognise the table.
    Number,
    Area,
    Program,
    /// The responsible unit (*penanggung jawab*, OPD).
    Unit,
    Indicator,
    /// One `Uraian` column holding the numbered outline: `A.` areas, `1.` programs,
    /// the rest indicators.
    Outline,
    /// Unit of measure (*satuan*).
    Measure,
    /// Positif/Negatif, Maksimal/Minimal.
    Polarity,
    /// Level, Count or Milestone.
    Kind,
    Baseline,
    /// The program's budget in rupiah (*anggaran*).
    Budget,
    /// The indicator's note (*keterangan*).
    Note,
    /// The row's year (long layout).
    Year,
    /// The row's quarter (long layout), or a quarter with its year (`TW III 2025`).
    Quarter,
    Target(Slot),
    Actual(Slot),
    Obstacle(Slot),
    FollowUp(Slot),
    Evidence(Slot),
    /// Capaian and status: recomputed by the program, never read.
    Recomputed,
}

impl Meaning {
    /// The meanings a user can pick for a column, in the order of a rencana aksi.
    pub const CHOICES: [Meaning; 20] = [
        Meaning::Unused,
        Meaning::Number,
        Meaning::Area,
        Meaning::Program,
        Meaning::Unit,
        Meaning::Indicator,
        Meaning::Outline,
        Meaning::Measure,
        Meaning::Polarity,
        Meaning::Kind,
        Meaning::Baseline,
        Meaning::Budget,
        Meaning::Note,
        Meaning::Year,
        Meaning::Quarter,
        Meaning::Target(Slot::ANY),
        Meaning::Actual(Slot::ANY),
        Meaning::Obstacle(Slot::ANY),
        Meaning::FollowUp(Slot::ANY),
        Meaning::Recomputed,
    ];

    /// The translation key of the meaning's name (`import.meaning.*`).
    pub fn key(self) -> &'static str {
        match self {
            Meaning::Unused => "import.meaning.unused",
            Meaning::Number => "import.meaning.number",
            Meaning::Area => "import.meaning.area",
            Meaning::Program => "import.meaning.program",
            Meaning::Unit => "import.meaning.unit",
            Meaning::Indicator => "import.meaning.indicator",
            Meaning::Outline => "import.meaning.outline",
            Meaning::Measure => "import.meaning.measure",
            Meaning::Polarity => "import.meaning.polarity",
            Meaning::Kind => "import.meaning.kind",
            Meaning::Baseline => "import.meaning.baseline",
            Meaning::Budget => "import.meaning.budget",
            Meaning::Note => "import.meaning.note",
            Meaning::Year => "import.meaning.year",
            Meaning::Quarter => "import.meaning.quarter",
            Meaning::Target(_) => "import.meaning.target",
            Meaning::Actual(_) => "import.meaning.actual",
            Meaning::Obstacle(_) => "import.meaning.obstacle",
            Meaning::FollowUp(_) => "import.meaning.follow_up",
            Meaning::Evidence(_) => "import.meaning.evidence",
            Meaning::Recomputed => "import.meaning.recomputed",
        }
    }

    /// The slot of a value column.
    pub fn slot(self) -> Option<Slot> {
        match self {
            Meaning::Target(slot)
            | Meaning::Actual(slot)
            | Meaning::Obstacle(slot)
            | Meaning::FollowUp(slot)
            | Meaning::Evidence(slot) => Some(slot),
            _ => None,
        }
    }

    /// A heading the program recognised (used to find the header row).
    pub fn is_known(self) -> bool {
        self != Meaning::Unused
    }
}

impl Slot {
    pub const ANY: Slot = Slot {
        year: None,
        quarter: None,
    };
}

impl fmt::Display for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.quarter, self.year) {
            (Some(q), Some(y)) => write!(f, "TW {} {y}", roman(q)),
            (Some(q), None) => write!(f, "TW {}", roman(q)),
            (None, Some(y)) => write!(f, "{y}"),
            (None, None) => Ok(()),
        }
    }
}

fn roman(quarter: u8) -> &'static str {
    ["I", "II", "III", "IV"][usize::from(quarter.clamp(1, 4) - 1)]
}

/// Lower case words of a heading or cell, punctuation and line breaks as spaces
/// (`%` kept: `Capaian (%)` is `capaian %`).
pub fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '%'))
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A roman or arabic quarter number: `i`..`iv`, `1`..`4`.
fn quarter_number(word: &str) -> Option<u8> {
    match word {
        "i" | "1" => Some(1),
        "ii" | "2" => Some(2),
        "iii" | "3" => Some(3),
        "iv" | "4" => Some(4),
        _ => None,
    }
}

/// A year a roadmap could cover.
pub fn year_of_word(word: &str) -> Option<i32> {
    let year: i32 = word.parse().ok().filter(|_| word.len() == 4)?;
    (1990..=2100).contains(&year).then_some(year)
}

/// The quarter and year that words name: `tw iii`, `triwulan 3`, `q3`, `tw3`, `iii`
/// alone, `2025`. The words they took are removed.
fn take_slot(words: &mut Vec<String>) -> Slot {
    // `Triwulan ke-2`: the ordinal's `ke` says nothing.
    words.retain(|word| word != "ke");
    let mut slot = Slot::ANY;
    let mut i = 0;
    while i < words.len() {
        let word = words[i].as_str();
        if let Some(year) = year_of_word(word) {
            slot.year.get_or_insert(year);
            words.remove(i);
            continue;
        }
        let glued = ["tw", "trw", "q", "triwulan"]
            .iter()
            .find_map(|prefix| word.strip_prefix(prefix).and_then(quarter_number));
        if let Some(q) = glued {
            slot.quarter.get_or_insert(q);
            words.remove(i);
            continue;
        }
        let prefix = matches!(word, "tw" | "trw" | "triwulan" | "quarter" | "q");
        if prefix && let Some(q) = words.get(i + 1).and_then(|next| quarter_number(next)) {
            slot.quarter.get_or_insert(q);
            words.drain(i..i + 2);
            continue;
        }
        i += 1;
    }
    // A roman numeral left alone is a quarter under a group heading (`TARGET` / `II`).
    if slot.quarter.is_none()
        && let Some(position) = words
            .iter()
            .position(|word| matches!(word.as_str(), "i" | "ii" | "iii" | "iv"))
    {
        slot.quarter = quarter_number(&words[position]);
        words.remove(position);
    }
    slot
}

/// The quarter (and year, if named) a cell or label gives: `TW III`, `3`, `III`,
/// `Triwulan 3`, `Q3`, `TW III 2025`, `2025-Q3`.
pub fn parse_quarter(text: &str) -> Option<Slot> {
    let mut words = words(text);
    if words.len() == 1
        && let Some(q) = quarter_number(&words[0])
    {
        return Some(Slot {
            year: None,
            quarter: Some(q),
        });
    }
    let slot = take_slot(&mut words);
    let leftover_is_noise = words.iter().all(|word| matches!(word.as_str(), "s" | "d"));
    (slot.quarter.is_some() && leftover_is_noise).then_some(slot)
}

fn has(words: &[String], word: &str) -> bool {
    words.iter().any(|w| w == word)
}

fn has_phrase(words: &[String], phrase: &[&str]) -> bool {
    words
        .windows(phrase.len())
        .any(|window| window.iter().zip(phrase).all(|(a, b)| a == b))
}

fn any_of(words: &[String], list: &[&str]) -> bool {
    list.iter().any(|word| has(words, word))
}

/// What a heading means. `text` may join several header rows (`TARGET 2025 TW I`).
pub fn classify(text: &str) -> Meaning {
    let mut words = words(text);
    words.dedup();
    if words.is_empty() {
        return Meaning::Unused;
    }
    let slot = take_slot(&mut words);
    let w = words.as_slice();
    let only = |list: &[&str]| w.len() == 1 && list.contains(&w[0].as_str());
    if any_of(w, &["baseline"])
        || has_phrase(w, &["kondisi", "awal"])
        || has_phrase(w, &["data", "awal"])
        || has_phrase(w, &["capaian", "awal"])
        || has_phrase(w, &["nilai", "awal"])
    {
        return Meaning::Baseline;
    }
    if any_of(
        w,
        &[
            "capaian",
            "achievement",
            "status",
            "skor",
            "score",
            "persentase",
            "deviasi",
            "gap",
        ],
    ) || only(&["%"])
    {
        return Meaning::Recomputed;
    }
    if any_of(
        w,
        &[
            "kendala",
            "hambatan",
            "permasalahan",
            "masalah",
            "alasan",
            "obstacle",
            "obstacles",
            "issue",
            "issues",
            "problem",
            "problems",
        ],
    ) {
        return Meaning::Obstacle(slot);
    }
    if has_phrase(w, &["tindak", "lanjut"])
        || has_phrase(w, &["follow", "up"])
        || any_of(w, &["followup", "solusi", "upaya", "rekomendasi"])
    {
        return Meaning::FollowUp(slot);
    }
    if any_of(w, &["bukti", "evidence"])
        || has_phrase(w, &["data", "dukung"])
        || has_phrase(w, &["dokumen", "pendukung"])
    {
        return Meaning::Evidence(slot);
    }
    if any_of(w, &["anggaran", "pagu", "budget", "biaya", "dana"]) {
        return if any_of(w, &["realisasi", "spent", "serapan"]) {
            Meaning::Unused
        } else {
            Meaning::Budget
        };
    }
    if any_of(
        w,
        &[
            "realisasi",
            "actual",
            "actuals",
            "realization",
            "realisation",
        ],
    ) {
        return Meaning::Actual(slot);
    }
    if any_of(w, &["target", "targets", "rencana"]) && !has(w, "aksi") {
        return Meaning::Target(slot);
    }
    if any_of(w, &["polaritas", "polarity", "direction", "arah"]) {
        return Meaning::Polarity;
    }
    if has_phrase(w, &["penanggung", "jawab"])
        || has_phrase(w, &["unit", "kerja"])
        || has_phrase(w, &["satuan", "kerja"])
        || any_of(
            w,
            &[
                "pj",
                "pic",
                "opd",
                "pelaksana",
                "responsible",
                "instansi",
                "skpd",
                "penanggungjawab",
            ],
        )
        || has_phrase(w, &["perangkat", "daerah"])
        || only(&["unit"])
    {
        return Meaning::Unit;
    }
    if any_of(w, &["satuan", "measure", "uom"]) {
        return Meaning::Measure;
    }
    if any_of(
        w,
        &["indikator", "indicator", "indicators", "keluaran", "output"],
    ) || has_phrase(w, &["ukuran", "keberhasilan"])
    {
        return Meaning::Indicator;
    }
    if any_of(w, &["uraian", "description", "outline"]) {
        return Meaning::Outline;
    }
    if any_of(w, &["area", "areas"]) {
        return Meaning::Area;
    }
    if any_of(
        w,
        &[
            "program",
            "programs",
            "kegiatan",
            "activity",
            "activities",
            "aksi",
            "action",
        ],
    ) {
        return Meaning::Program;
    }
    if any_of(w, &["jenis", "kind", "tipe", "type"]) {
        return Meaning::Kind;
    }
    if any_of(w, &["keterangan", "catatan", "note", "notes", "remarks"]) {
        return Meaning::Note;
    }
    if any_of(w, &["triwulan", "tw", "quarter", "periode", "period"]) {
        return Meaning::Quarter;
    }
    if any_of(w, &["tahun", "year"]) || (w.is_empty() && slot.year.is_some()) {
        return Meaning::Year;
    }
    if only(&["no", "nomor", "number", "kode", "code", "urut"]) || has_phrase(w, &["no", "urut"]) {
        return Meaning::Number;
    }
    Meaning::Unused
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(year: Option<i32>, quarter: Option<u8>) -> Slot {
        Slot { year, quarter }
    }

    #[test]
    fn headings() {
        use Meaning::*;
        for (text, meaning) in [
            ("NO", Number),
            ("No.", Number),
            ("AREA PERUBAHAN", Area),
            ("Area\nPerubahan", Area),
            ("Change area", Area),
            ("PROGRAM / KEGIATAN", Program),
            ("Rencana Aksi", Program),
            ("PENANGGUNG\nJAWAB", Unit),
            ("Unit Kerja", Unit),
            ("OPD Pelaksana", Unit),
            ("Responsible unit", Unit),
            ("INDIKATOR KINERJA", Indicator),
            ("Indicator", Indicator),
            ("Uraian", Outline),
            ("Satuan", Measure),
            ("Unit of measure", Measure),
            ("Satuan Kerja", Unit),
            ("Polaritas", Polarity),
            ("Baseline 2024", Baseline),
            ("Kondisi Awal", Baseline),
            ("CAPAIAN (%)", Recomputed),
            ("Status", Recomputed),
            ("KENDALA / ALASAN TIDAK TERCAPAI", Obstacle(Slot::ANY)),
            ("Tindak Lanjut", FollowUp(Slot::ANY)),
            ("Rencana Tindak Lanjut", FollowUp(Slot::ANY)),
            ("Bukti Dukung", Evidence(Slot::ANY)),
            ("Tahun", Year),
            ("Triwulan", Quarter),
            ("Target", Target(Slot::ANY)),
            ("TARGET TW I", Target(slot(None, Some(1)))),
            ("TARGET II", Target(slot(None, Some(2)))),
            ("Target 2025", Target(slot(Some(2025), None))),
            ("Target 2025 Triwulan 3", Target(slot(Some(2025), Some(3)))),
            ("REALISASI 2026 TW IV", Actual(slot(Some(2026), Some(4)))),
            ("Realisasi Q2", Actual(slot(None, Some(2)))),
            ("Anggaran (Rp)", Budget),
            ("Realisasi Anggaran", Unused),
            ("Keterangan", Note),
            ("Jenis", Kind),
            ("Kendala 2025 TW I", Obstacle(slot(Some(2025), Some(1)))),
            ("", Unused),
            ("Paraf", Unused),
        ] {
            assert_eq!(classify(text), meaning, "{text:?}");
        }
    }

    #[test]
    fn quarters() {
        for (text, expected) in [
            ("TW III", Some(slot(None, Some(3)))),
            ("3", Some(slot(None, Some(3)))),
            ("III", Some(slot(None, Some(3)))),
            ("Triwulan 2", Some(slot(None, Some(2)))),
            ("TW IV 2025", Some(slot(Some(2025), Some(4)))),
            ("2025-Q3", Some(slot(Some(2025), Some(3)))),
            ("tw2", Some(slot(None, Some(2)))),
            ("Triwulan ke-2", Some(slot(None, Some(2)))),
            ("5", None),
            ("2025", None),
            ("Kegiatan", None),
        ] {
            assert_eq!(parse_quarter(text), expected, "{text:?}");
        }
    }
}
