//! Importing roadmaps from spreadsheets built here as offices make them: the wide
//! merged *rencana aksi*, the numbered outline, long e-monev exports as CSV; and the
//! bad inputs (empty, picture only, encrypted, large, zip bomb, no indicator column).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use reform_roadmap::import::{
    ImportError, Layout, Options, SkipReason, WarningKind, import, read_bytes,
};
use reform_roadmap::locale::Language;
use reform_roadmap::model::{Direction, Indicator, Roadmap};
use rust_xlsxwriter::{Format, Image, Workbook, Worksheet};

use crate::support::q;

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn import_bytes(name: &str, bytes: &[u8], options: &Options) -> Result<Roadmap, ImportError> {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, name, bytes);
    import(&path, None, options).map(|(roadmap, _)| roadmap)
}

fn indicator<'a>(roadmap: &'a Roadmap, name: &str) -> &'a Indicator {
    roadmap
        .indicators()
        .map(|(_, _, i)| i)
        .find(|i| i.name == name)
        .unwrap_or_else(|| panic!("no indicator {name}"))
}

/// (target, actual, obstacle, follow_up) at a quarter.
fn at<'a>(
    indicator: &'a Indicator,
    quarter: &str,
) -> (f64, Option<f64>, Option<&'a str>, Option<&'a str>) {
    let entry = indicator
        .target_at(q(quarter))
        .unwrap_or_else(|| panic!("{}: no target at {quarter}", indicator.name));
    (
        entry.target,
        entry.actual,
        entry.obstacle.as_deref(),
        entry.follow_up.as_deref(),
    )
}

fn text(sheet: &mut Worksheet, row: u32, col: u16, value: &str) {
    sheet.write_string(row, col, value).unwrap();
}

/// A pemda *Laporan Rencana Aksi RB*: title rows, a two-row header, the column
/// numbers, merged area/program/unit, capaian and status formulas, polarity, numbers
/// as text, kendala written once per row, a signature block.
fn wide_merged_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let bold = Format::new().set_bold();
    text(
        sheet,
        0,
        0,
        "LAPORAN RENCANA AKSI REFORMASI BIROKRASI TAHUN 2025",
    );
    text(sheet, 1, 0, "PEMERINTAH KABUPATEN CONTOH");
    for (col, heading) in [
        "NO",
        "AREA PERUBAHAN",
        "PROGRAM",
        "PENANGGUNG\nJAWAB",
        "INDIKATOR",
        "SATUAN",
        "POLARITAS",
    ]
    .iter()
    .enumerate()
    {
        sheet
            .merge_range(3, col as u16, 4, col as u16, heading, &bold)
            .unwrap();
    }
    sheet.merge_range(3, 7, 3, 10, "TARGET", &bold).unwrap();
    sheet.merge_range(3, 11, 3, 14, "REALISASI", &bold).unwrap();
    for (col, heading) in [
        (15, "CAPAIAN (%)"),
        (16, "STATUS"),
        (17, "KENDALA / ALASAN TIDAK TERCAPAI"),
        (18, "TINDAK LANJUT"),
    ] {
        sheet.merge_range(3, col, 4, col, heading, &bold).unwrap();
    }
    for (i, label) in ["TW I", "TW II", "TW III", "TW IV"].iter().enumerate() {
        text(sheet, 4, 7 + i as u16, label);
        text(sheet, 4, 11 + i as u16, label);
    }
    for col in 0..19u16 {
        sheet.write_number(5, col, f64::from(col) + 1.0).unwrap();
    }
    // Rows 6..=8: area Manajemen Perubahan merged; program 1 over rows 6-7 (unit
    // merged), program 2 on row 8. Row 9 starts area 2 with a blank unit carried.
    sheet
        .merge_range(6, 1, 8, 1, "Manajemen Perubahan", &Format::new())
        .unwrap();
    sheet
        .merge_range(6, 2, 7, 2, "Internalisasi budaya kerja", &Format::new())
        .unwrap();
    sheet
        .merge_range(6, 3, 7, 3, "Bagian Organisasi", &Format::new())
        .unwrap();
    sheet.write_number(6, 0, 1.0).unwrap();
    text(sheet, 6, 4, "Persentase ASN ikut internalisasi");
    text(sheet, 6, 5, "%");
    text(sheet, 6, 6, "Positif");
    for (i, v) in [45.0, 50.0, 55.0, 60.0].iter().enumerate() {
        sheet.write_number(6, 7 + i as u16, *v).unwrap();
    }
    text(sheet, 6, 11, "44");
    text(sheet, 6, 12, "43,5");
    sheet.write_formula(6, 15, "=M7/I7*100").unwrap();
    text(sheet, 6, 16, "Tertinggal");
    text(sheet, 6, 17, "Bimtek mundur ke Juli");
    text(sheet, 6, 18, "=Dijadwalkan ulang TW III");
    sheet.write_number(7, 0, 2.0).unwrap();
    text(sheet, 7, 4, "Jumlah pengaduan tidak ditindaklanjuti");
    text(sheet, 7, 5, "pengaduan");
    text(sheet, 7, 6, "Negatif");
    text(sheet, 7, 7, "10");
    text(sheet, 7, 8, "8");
    text(sheet, 7, 11, "12");
    sheet.write_number(8, 0, 3.0).unwrap();
    text(sheet, 8, 2, "Agen perubahan");
    text(sheet, 8, 3, "BKPSDM");
    text(sheet, 8, 4, "Persentase agen perubahan aktif");
    text(sheet, 8, 6, "Maksimal");
    text(sheet, 8, 7, "60,27%");
    text(sheet, 8, 11, "1.234,5");
    text(sheet, 8, 12, "banyak");
    sheet.write_number(9, 0, 4.0).unwrap();
    text(sheet, 9, 1, "Penataan Tata Laksana");
    text(sheet, 9, 2, "SPBE");
    text(sheet, 9, 4, "Indeks SPBE");
    text(sheet, 9, 9, "Rp 2.500");
    text(sheet, 11, 12, "Contoh, 10 Januari 2026");
    text(sheet, 12, 12, "Mengetahui,");
    text(sheet, 13, 12, "Kepala Bagian Organisasi");
    text(sheet, 15, 12, "NIP. 19700101 199003 1 001");
    book.save_to_buffer().unwrap()
}

#[test]
fn wide_merged_workbook_reads_every_value() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "rencana-aksi.xlsx", &wide_merged_workbook());
    let (roadmap, report) = import(&path, None, &Options::default()).unwrap();
    assert_eq!(report.layout, Layout::Wide);
    assert_eq!(report.header_rows, (4, 5));
    assert_eq!(
        roadmap.title,
        "LAPORAN RENCANA AKSI REFORMASI BIROKRASI TAHUN 2025"
    );
    assert_eq!(roadmap.institution, "PEMERINTAH KABUPATEN CONTOH");
    assert_eq!((roadmap.period.start, roadmap.period.end), (2025, 2025));
    let areas: Vec<(&str, &str)> = roadmap
        .areas
        .iter()
        .map(|a| (a.id.as_str(), a.name.as_str()))
        .collect();
    assert_eq!(
        areas,
        [
            ("mp", "Manajemen Perubahan"),
            ("ptl", "Penataan Tata Laksana")
        ]
    );
    let programs: Vec<(&str, &str, Option<&str>)> = roadmap
        .areas
        .iter()
        .flat_map(|a| &a.programs)
        .map(|p| (p.id.as_str(), p.name.as_str(), p.unit.as_deref()))
        .collect();
    assert_eq!(
        programs,
        [
            (
                "mp-1",
                "Internalisasi budaya kerja",
                Some("bagian-organisasi")
            ),
            ("mp-2", "Agen perubahan", Some("bkpsdm")),
            // A new area does not carry the previous program's unit.
            ("ptl-1", "SPBE", None),
        ]
    );
    let units: Vec<(&str, &str)> = roadmap
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.name.as_str()))
        .collect();
    assert_eq!(
        units,
        [
            ("bagian-organisasi", "Bagian Organisasi"),
            ("bkpsdm", "BKPSDM")
        ]
    );

    let asn = indicator(&roadmap, "Persentase ASN ikut internalisasi");
    assert_eq!(asn.id, "mp-1-a");
    assert_eq!(asn.unit, "%");
    assert_eq!(asn.direction, Direction::HigherIsBetter);
    assert_eq!(at(asn, "2025-Q1"), (45.0, Some(44.0), None, None));
    // Kendala written once goes to the last quarter with a realisasi.
    assert_eq!(
        at(asn, "2025-Q2"),
        (
            50.0,
            Some(43.5),
            Some("Bimtek mundur ke Juli"),
            Some("=Dijadwalkan ulang TW III")
        )
    );
    assert_eq!(at(asn, "2025-Q4"), (60.0, None, None, None));
    assert_eq!(asn.targets.len(), 4);
    let complaints = indicator(&roadmap, "Jumlah pengaduan tidak ditindaklanjuti");
    assert_eq!(complaints.id, "mp-1-b");
    assert_eq!(complaints.direction, Direction::LowerIsBetter);
    assert_eq!(at(complaints, "2025-Q1"), (10.0, Some(12.0), None, None));
    assert_eq!(at(complaints, "2025-Q2"), (8.0, None, None, None));
    let agents = indicator(&roadmap, "Persentase agen perubahan aktif");
    assert_eq!(at(agents, "2025-Q1"), (60.27, Some(1234.5), None, None));
    assert_eq!(agents.targets.len(), 1);
    let spbe = indicator(&roadmap, "Indeks SPBE");
    assert_eq!(at(spbe, "2025-Q3"), (2500.0, None, None, None));

    let skipped: Vec<(usize, SkipReason)> =
        report.skipped.iter().map(|s| (s.row, s.reason)).collect();
    assert_eq!(
        skipped,
        [
            (12, SkipReason::Signature),
            (13, SkipReason::Signature),
            (14, SkipReason::Signature),
            (16, SkipReason::Signature)
        ]
    );
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert_eq!(report.warnings[0].cell, "M9");
    assert_eq!(
        report.warnings[0].kind,
        WarningKind::NotANumber {
            text: "banyak".into()
        }
    );
    assert_eq!(report.counts.indicators, 4);
    assert_eq!(report.counts.targets, 8);
}

/// A numbered outline in one `Uraian` column, year groups over TW I–IV.
fn outline_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("RB 2025-2026").unwrap();
    text(sheet, 0, 0, "Rencana Aksi Reformasi Birokrasi 2025-2026");
    text(sheet, 2, 0, "No");
    text(sheet, 2, 1, "Uraian");
    text(sheet, 2, 2, "Satuan");
    text(sheet, 2, 3, "Target 2025");
    text(sheet, 2, 7, "Realisasi 2025");
    text(sheet, 2, 11, "Target 2026");
    for group in [3u16, 7, 11] {
        for (i, label) in ["I", "II", "III", "IV"].iter().enumerate() {
            text(sheet, 3, group + i as u16, label);
        }
    }
    type Row<'a> = (&'a str, &'a str, &'a [(u16, f64)]);
    let rows: [Row; 7] = [
        ("A.", "MANAJEMEN PERUBAHAN", &[]),
        ("1.", "Penguatan agen perubahan", &[]),
        (
            "",
            "a. Jumlah agen perubahan",
            &[(3, 10.0), (4, 20.0), (7, 9.0), (11, 30.0)],
        ),
        ("", "b. Persentase ASN BerAKHLAK", &[(6, 80.0)]),
        ("II.", "PENATAAN TATA LAKSANA", &[]),
        ("1.", "Penerapan SPBE", &[]),
        ("", "Indeks SPBE", &[(14, 3.5)]),
    ];
    for (r, (number, name, values)) in rows.iter().enumerate() {
        let r = r as u32 + 4;
        if !number.is_empty() {
            text(sheet, r, 0, number);
        }
        text(sheet, r, 1, name);
        for (col, value) in *values {
            sheet.write_number(r, *col, *value).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn numbered_outline_reads_areas_programs_and_year_groups() {
    let roadmap = import_bytes("outline.xlsx", &outline_workbook(), &Options::default()).unwrap();
    assert_eq!((roadmap.period.start, roadmap.period.end), (2025, 2026));
    let names: Vec<(&str, Vec<&str>)> = roadmap
        .areas
        .iter()
        .map(|a| {
            (
                a.name.as_str(),
                a.programs.iter().map(|p| p.name.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("MANAJEMEN PERUBAHAN", vec!["Penguatan agen perubahan"]),
            ("PENATAAN TATA LAKSANA", vec!["Penerapan SPBE"]),
        ]
    );
    let agents = indicator(&roadmap, "Jumlah agen perubahan");
    assert_eq!(agents.id, "mp-1-a");
    assert_eq!(at(agents, "2025-Q1"), (10.0, Some(9.0), None, None));
    assert_eq!(at(agents, "2025-Q2"), (20.0, None, None, None));
    assert_eq!(at(agents, "2026-Q1"), (30.0, None, None, None));
    assert_eq!(
        at(indicator(&roadmap, "Persentase ASN BerAKHLAK"), "2025-Q4"),
        (80.0, None, None, None)
    );
    assert_eq!(
        at(indicator(&roadmap, "Indeks SPBE"), "2026-Q4"),
        (3.5, None, None, None)
    );
    assert_eq!(roadmap.indicator_count(), 3);
}

/// An e-monev export: one row per indicator per quarter.
const LONG_ROWS: [[&str; 9]; 5] = [
    [
        "Area Perubahan",
        "Program",
        "Unit Kerja",
        "Indikator",
        "Tahun",
        "Triwulan",
        "Target",
        "Realisasi",
        "Kendala",
    ],
    [
        "Manajemen Perubahan",
        "Agen perubahan",
        "BKPSDM",
        "Persentase agen aktif",
        "2025",
        "TW I",
        "12,5",
        "1.234,5",
        "",
    ],
    [
        "Manajemen Perubahan",
        "Agen perubahan",
        "BKPSDM",
        "Persentase agen aktif",
        "2025",
        "3",
        "60,27%",
        "55",
        "Anggaran terlambat",
    ],
    [
        "Manajemen Perubahan",
        "Agen perubahan",
        "BKPSDM",
        "Persentase agen aktif",
        "2026",
        "III",
        "70",
        "",
        "",
    ],
    [
        "Pelayanan Publik",
        "Mal pelayanan",
        "DPMPTSP",
        "Indeks kepuasan",
        "2025",
        "TW II",
        "80",
        "82,1",
        "",
    ],
];

fn long_csv(separator: char, comma_decimals: bool) -> Vec<u8> {
    let mut text = String::from("\u{feff}");
    for row in LONG_ROWS {
        let cells: Vec<String> = row
            .iter()
            .map(|cell| {
                let cell = if comma_decimals {
                    cell.to_string()
                } else {
                    cell.replace('.', "").replace(',', ".")
                };
                if cell.contains(separator) {
                    format!("\"{cell}\"")
                } else {
                    cell
                }
            })
            .collect();
        text.push_str(&cells.join(&separator.to_string()));
        text.push_str("\r\n");
    }
    text.into_bytes()
}

#[test]
fn long_csv_in_both_separators() {
    for (separator, comma_decimals) in [(';', true), (',', false), (',', true)] {
        let roadmap = import_bytes(
            "monev.csv",
            &long_csv(separator, comma_decimals),
            &Options::default(),
        )
        .unwrap_or_else(|e| panic!("{separator} {comma_decimals}: {e}"));
        assert_eq!(
            (roadmap.period.start, roadmap.period.end),
            (2025, 2026),
            "{separator}"
        );
        let agents = indicator(&roadmap, "Persentase agen aktif");
        assert_eq!(
            at(agents, "2025-Q1"),
            (12.5, Some(1234.5), None, None),
            "{separator}"
        );
        assert_eq!(
            at(agents, "2025-Q3"),
            (60.27, Some(55.0), Some("Anggaran terlambat"), None)
        );
        assert_eq!(at(agents, "2026-Q3"), (70.0, None, None, None));
        assert_eq!(agents.targets.len(), 3);
        let satisfaction = indicator(&roadmap, "Indeks kepuasan");
        assert_eq!(at(satisfaction, "2025-Q2"), (80.0, Some(82.1), None, None));
        let units: Vec<&str> = roadmap.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(units, ["bkpsdm", "dpmptsp"]);
        assert_eq!(
            roadmap.areas[1].programs[0].unit.as_deref(),
            Some("dpmptsp")
        );
        assert_eq!(roadmap.indicator_count(), 2);
    }
}

#[test]
fn options_set_the_period_title_and_institution() {
    let options = Options {
        start: Some(2024),
        end: Some(2029),
        title: Some("Road Map RB".into()),
        institution: Some("Pemkab Contoh".into()),
    };
    let roadmap = import_bytes("monev.csv", &long_csv(';', true), &options).unwrap();
    assert_eq!((roadmap.period.start, roadmap.period.end), (2024, 2029));
    assert_eq!(roadmap.title, "Road Map RB");
    assert_eq!(roadmap.institution, "Pemkab Contoh");
    let reversed = Options {
        start: Some(2029),
        end: Some(2025),
        ..Options::default()
    };
    assert!(matches!(
        import_bytes("monev.csv", &long_csv(';', true), &reversed),
        Err(ImportError::PeriodReversed { .. })
    ));
}

// Bad inputs: each a clear message naming the file, no panic, bounded time.

fn refused(name: &str, bytes: &[u8]) -> ImportError {
    let started = Instant::now();
    let error = import_bytes(name, bytes, &Options::default()).unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{name} took {:?}",
        started.elapsed()
    );
    for language in Language::ALL {
        let message = error.message(language);
        assert!(message.contains(name), "{message}");
        assert!(!message.contains('\n'), "{message}");
    }
    error
}

/// A 1×1 PNG.
const PIXEL: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xFF, 0xFF, 0x3F,
    0x00, 0x05, 0xFE, 0x02, 0xFE, 0xA7, 0x35, 0x81, 0x84, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E,
    0x44, 0xAE, 0x42, 0x60, 0x82,
];

#[test]
fn empty_and_picture_only_workbooks_say_so() {
    let empty = Workbook::new().save_to_buffer().unwrap();
    assert!(matches!(
        refused("kosong.xlsx", &empty),
        ImportError::Empty { .. }
    ));
    let mut book = Workbook::new();
    book.add_worksheet()
        .insert_image(2, 2, &Image::new_from_buffer(PIXEL).unwrap())
        .unwrap();
    let picture = book.save_to_buffer().unwrap();
    assert!(matches!(
        refused("gambar.xlsx", &picture),
        ImportError::Empty { .. }
    ));
    assert!(matches!(refused("nol.csv", b""), ImportError::Empty { .. }));
}

#[test]
fn encrypted_and_foreign_files_are_refused() {
    // Office wraps a password-protected workbook in a compound file with an
    // `EncryptedPackage` stream.
    let mut compound = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    compound.resize(512, 0);
    compound.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    compound.resize(4096, 0);
    assert!(matches!(
        refused("rahasia.xlsx", &compound),
        ImportError::Encrypted { .. }
    ));
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/password.xlsx");
    if let Ok(bytes) = std::fs::read(&real) {
        assert!(matches!(
            refused("password.xlsx", &bytes),
            ImportError::Encrypted { .. }
        ));
    }
    assert!(matches!(
        refused("foto.xlsx", PIXEL),
        ImportError::NotSpreadsheet { .. }
    ));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("readme.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut zip, b"hello").unwrap();
    let other_zip = zip.finish().unwrap().into_inner();
    assert!(matches!(
        refused("arsip.xlsx", &other_zip),
        ImportError::NotSpreadsheet { .. }
    ));
}

#[test]
fn a_header_without_an_indicator_column_names_what_it_found() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (col, heading) in ["NO", "AREA PERUBAHAN", "TARGET", "REALISASI"]
        .iter()
        .enumerate()
    {
        text(sheet, 0, col as u16, heading);
    }
    text(sheet, 1, 1, "Manajemen Perubahan");
    let error = refused("tanpa-indikator.xlsx", &book.save_to_buffer().unwrap());
    let message = error.message(Language::English);
    assert!(
        message.contains("row 1") && message.contains("AREA PERUBAHAN"),
        "{message}"
    );
    let no_header = refused("daftar.csv", b"Nama;Alamat\nBudi;Jalan Mawar\n");
    assert!(
        no_header
            .message(Language::Indonesian)
            .contains("INDIKATOR")
    );
}

/// A zip with one part of `size` zero bytes, at the fastest compression.
fn zeros_zip(name: &str, size: u64) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_level(Some(1))
        .large_file(true);
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.start_file(name, options).unwrap();
    let block = vec![b' '; 1 << 20];
    let mut written = 0;
    while written < size {
        std::io::Write::write_all(&mut zip, &block).unwrap();
        written += block.len() as u64;
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_zip_bomb_is_refused_before_it_inflates() {
    let bomb = zeros_zip(
        "xl/worksheets/sheet1.xml",
        reform_roadmap::import::MAX_INFLATED_BYTES + (1 << 20),
    );
    assert!(bomb.len() < 8 << 20, "{}", bomb.len());
    assert!(matches!(
        refused("bom.xlsx", &bomb),
        ImportError::Inflates { .. }
    ));
    // The same bomb whose directory claims a small size: the real inflated size
    // still stops it (or the disagreement between its headers does).
    let mut lying = bomb.clone();
    let directory = lying
        .windows(4)
        .rposition(|w| w == b"PK\x01\x02")
        .expect("a central directory entry");
    lying[directory + 24..directory + 28].copy_from_slice(&1000u32.to_le_bytes());
    assert!(matches!(
        refused("bom-bohong.xlsx", &lying),
        ImportError::Inflates { .. } | ImportError::Damaged { .. }
    ));
}

#[test]
fn a_twenty_megabyte_workbook_reads_in_bounded_time() {
    // Text that hardly compresses: 20 MB of zip holds about 34 MB of random letters.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (col, heading) in ["Indikator", "Target", "Realisasi"].iter().enumerate() {
        text(sheet, 0, col as u16, heading);
    }
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    let mut bytes = 0;
    let mut row = 1;
    while bytes < 36_000_000 {
        let name: String = (0..200)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                char::from(b'a' + (seed % 26) as u8)
            })
            .collect();
        bytes += name.len();
        text(sheet, row, 0, &name);
        sheet.write_number(row, 1, f64::from(row)).unwrap();
        row += 1;
    }
    let workbook = book.save_to_buffer().unwrap();
    assert!(workbook.len() > 20 << 20, "{} bytes", workbook.len());
    let started = Instant::now();
    let roadmap = import_bytes(
        "besar.xlsx",
        &workbook,
        &Options {
            start: Some(2025),
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(roadmap.indicator_count(), row as usize - 1);
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn read_bytes_tells_csv_from_workbook_by_content() {
    // A workbook saved with a .csv name still reads as a workbook.
    let workbook = read_bytes(&outline_workbook(), Path::new("salah-nama.csv")).unwrap();
    assert_eq!(workbook.sheets[0].name, "RB 2025-2026");
}
