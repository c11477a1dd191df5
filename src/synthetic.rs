//! Large, realistic, deterministic roadmaps for benchmarks and tests: the same call
//! always gives the same document, so figures compare between runs and machines.

use std::collections::BTreeMap;

use crate::model::{
    Area, Direction, Element, Indicator, Kind, Period, Program, Quarter, Review, Roadmap, Rules,
    Target, Unit,
};

/// First year of every generated roadmap.
pub const START_YEAR: i32 = 2025;

/// Indicators per program.
pub const INDICATORS_PER_PROGRAM: usize = 5;

const AREAS: [(&str, &str, Element); 8] = [
    ("mp", "Manajemen Perubahan", Element::Soft),
    ("dereg", "Deregulasi Kebijakan", Element::Hard),
    ("org", "Penataan dan Penguatan Organisasi", Element::Hard),
    ("tatalaksana", "Penataan Tatalaksana", Element::Hard),
    (
        "sdm",
        "Penataan Sistem Manajemen SDM Aparatur",
        Element::Hard,
    ),
    ("akuntabilitas", "Penguatan Akuntabilitas", Element::Hard),
    ("pengawasan", "Penguatan Pengawasan", Element::Hard),
    (
        "pelayanan",
        "Peningkatan Kualitas Pelayanan Publik",
        Element::Soft,
    ),
];

const UNITS: [&str; 12] = [
    "Bagian Organisasi Setda",
    "Inspektorat Daerah",
    "Badan Perencanaan Pembangunan Daerah",
    "Badan Kepegawaian dan Pengembangan SDM",
    "Badan Pengelolaan Keuangan dan Aset Daerah",
    "Dinas Komunikasi dan Informatika",
    "Dinas Penanaman Modal dan PTSP",
    "Bagian Hukum Setda",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Kesehatan",
    "Dinas Pendidikan",
    "Bagian Pengadaan Barang dan Jasa Setda",
];

const MEASURES: [&str; 5] = ["%", "dokumen", "orang", "layanan", "indeks"];

/// A roadmap of `indicators` indicators over `years` years (at least one) starting in
/// [`START_YEAR`], in eight areas, five indicators per program.
///
/// About 70% are `Level`, 25% `Count` and 5% `Milestone`; every seventh is
/// `LowerIsBetter`; one in twenty has its own rules. Numeric indicators have a target
/// for every quarter of the period and an actual for the first 60% of the quarters
/// (the "reported" quarters), a few actuals missing, obstacle and follow-up written
/// for about half of the shortfalls and evidence for one entry in ten. A review is
/// recorded for every reported quarter but the last, flagging what the engine flags,
/// so that the last reported quarter is the one a reviewer would look at next:
/// [`reported_through`].
pub fn generated_roadmap(indicators: usize, years: i32) -> Roadmap {
    let years = years.max(1);
    let period = Period {
        start: START_YEAR,
        end: START_YEAR + years - 1,
    };
    let quarters: Vec<Quarter> = period.quarters().collect();
    let last_reported = reported_through(period);
    let mut random = SplitMix(0x5EED_2025);

    let mut roadmap = Roadmap::new(
        format!(
            "Road Map Reformasi Birokrasi Kabupaten Sintetis {}-{}",
            period.start, period.end
        ),
        "Pemerintah Kabupaten Sintetis",
        period,
    );
    roadmap.vision = Some("Birokrasi bersih, akuntabel dan melayani".to_owned());
    roadmap.units = UNITS
        .iter()
        .enumerate()
        .map(|(u, name)| Unit {
            id: format!("opd-{:02}", u + 1),
            name: (*name).to_owned(),
        })
        .collect();
    roadmap.areas = AREAS
        .iter()
        .map(|(id, name, element)| {
            let mut area = Area::new(*id, *name, *element);
            area.goal = Some(format!("Sasaran {name} tercapai pada {}", period.end));
            area
        })
        .collect();

    let programs = indicators.div_ceil(INDICATORS_PER_PROGRAM);
    for p in 0..programs {
        let area = p % AREAS.len();
        let mut program = Program::new(
            format!("{}-{:03}", AREAS[area].0, p + 1),
            format!(
                "Program penguatan {} tahap {}",
                AREAS[area].1.to_lowercase(),
                p + 1
            ),
        );
        program.unit = Some(format!("opd-{:02}", p % UNITS.len() + 1));
        program.budget = Some(50_000_000 + (random.below(40) as u64) * 25_000_000);
        let first = p * INDICATORS_PER_PROGRAM;
        let last = (first + INDICATORS_PER_PROGRAM).min(indicators);
        for n in first..last {
            program.indicators.push(indicator(
                n,
                &program.id,
                &quarters,
                last_reported,
                &mut random,
            ));
        }
        roadmap.areas[area].programs.push(program);
    }

    for quarter in period.first_quarter().through(last_reported.previous()) {
        let flagged = crate::review::evaluate_all(&roadmap, quarter)
            .into_iter()
            .filter(|line| line.is_flagged())
            .map(|line| line.id)
            .collect();
        roadmap.reviews.push(Review {
            quarter,
            date: quarter.end_date_exclusive() + chrono::Days::new(14),
            reviewer: "Tim Reformasi Birokrasi Kabupaten".to_owned(),
            notes: Some(format!("Monev {}", quarter.label_id())),
            flagged,
        });
    }
    roadmap
}

/// The last quarter with reported actuals in a generated roadmap over `period`.
pub fn reported_through(period: Period) -> Quarter {
    let quarters: Vec<Quarter> = period.quarters().collect();
    quarters[(quarters.len() * 3 / 5).saturating_sub(1)]
}

fn indicator(
    n: usize,
    program_id: &str,
    quarters: &[Quarter],
    last_reported: Quarter,
    random: &mut SplitMix,
) -> Indicator {
    let kind = match n % 20 {
        0 => Kind::Milestone,
        1..=5 => Kind::Count,
        _ => Kind::Level,
    };
    let letter = n % INDICATORS_PER_PROGRAM + 1;
    let name = match kind {
        Kind::Level => format!(
            "Persentase capaian sasaran reformasi birokrasi nomor {}",
            n + 1
        ),
        Kind::Count => format!(
            "Jumlah layanan dan dokumen yang diselesaikan nomor {}",
            n + 1
        ),
        Kind::Milestone => format!("Peraturan kepala daerah nomor {} ditetapkan", n + 1),
        Kind::Average => format!("Indeks kepuasan layanan nomor {}", n + 1),
    };
    let mut indicator = Indicator::new(format!("{program_id}-{letter}"), name, kind);
    if kind == Kind::Milestone {
        let due = quarters[random.below(quarters.len())];
        indicator.due = Some(due);
        if random.below(2) == 0 {
            let late = random.below(3);
            let done = (0..late).fold(due, |q, _| q.next());
            indicator.done = Some(done.min(quarters[quarters.len() - 1]));
        }
        return indicator;
    }
    indicator.unit = MEASURES[n % MEASURES.len()].to_owned();
    if n % 7 == 3 {
        indicator.direction = Direction::LowerIsBetter;
    }
    if n % 20 == 7 {
        indicator.rules = Some(Rules {
            at_risk_below: 95.0,
            behind_below: 80.0,
        });
    }
    let base = 20.0 + random.below(40) as f64;
    indicator.baseline = Some(base);
    let mut targets = BTreeMap::new();
    for (i, &quarter) in quarters.iter().enumerate() {
        let target = match kind {
            Kind::Count => 5.0 + random.below(45) as f64,
            _ => round2(base + (100.0 - base) * (i + 1) as f64 / quarters.len() as f64),
        };
        let mut entry = Target::planned(target);
        if quarter <= last_reported && random.below(40) != 0 {
            // Mostly around the target, sometimes well short of it.
            let factor = 0.7 + random.below(45) as f64 / 100.0;
            let actual = round2(target * factor);
            entry.actual = Some(actual);
            if factor < 0.9 && random.below(2) == 0 {
                entry.obstacle = Some("Kegiatan tertunda karena keterbatasan anggaran".to_owned());
                entry.follow_up = Some("Dijadwalkan ulang pada triwulan berikutnya".to_owned());
            }
            if random.below(10) == 0 {
                entry.evidence = Some(vec![format!(
                    "https://rb.sintetis.go.id/bukti/{}/{quarter}.pdf",
                    indicator.id
                )]);
            }
        }
        targets.insert(quarter.to_string(), entry);
    }
    indicator.targets = targets;
    indicator
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// SplitMix64: small, fast and the same everywhere (no dependency, no seed from the
/// clock).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_valid_and_of_the_requested_size() {
        let a = generated_roadmap(200, 5);
        assert_eq!(a, generated_roadmap(200, 5));
        assert_eq!(a.indicator_count(), 200);
        assert_eq!(crate::validate::validate(&a), vec![]);
        let targets: usize = a.indicators().map(|(_, _, i)| i.targets.len()).sum();
        // 190 numeric indicators × 20 quarters.
        assert_eq!(targets, 190 * 20);
        let kinds = |kind| a.indicators().filter(|(_, _, i)| i.kind == kind).count();
        assert_eq!(
            (
                kinds(Kind::Level),
                kinds(Kind::Count),
                kinds(Kind::Milestone)
            ),
            (140, 50, 10)
        );
        assert_eq!(reported_through(a.period), "2027-Q4".parse().unwrap());
        assert_eq!(a.reviews.len(), 11);
        let report = crate::review::review(&a, reported_through(a.period));
        assert!(report.summary.flagged() > 0 && report.summary.on_track > 0);
        assert!(report.unexplained().count() > 0);
    }

    #[test]
    fn odd_sizes() {
        assert_eq!(generated_roadmap(0, 1).indicator_count(), 0);
        let one = generated_roadmap(7, 0);
        assert_eq!(one.indicator_count(), 7);
        assert_eq!(one.period.start, one.period.end);
        assert_eq!(crate::validate::validate(&one), vec![]);
    }
}
