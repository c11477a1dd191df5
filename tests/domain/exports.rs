//! The exported review (HTML, XLSX, CSV) read back the way its readers read it: the CSV
//! with the csv crate, the workbook with calamine, the page as text.

use crate::support::q;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use reform_roadmap::export::{self, Format, csv as csv_export, html, xlsx};
use reform_roadmap::locale::Language;
use reform_roadmap::model::{
    Area, Direction, Element, Indicator, Kind, Period, Program, Roadmap, Target, Unit,
};
use reform_roadmap::review::{Status, review};

const HYPERLINK: &str = r#"=HYPERLINK("http://x","y")"#;

fn entry(target: f64, actual: Option<f64>) -> Target {
    Target {
        actual,
        ..Target::planned(target)
    }
}

fn printed() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 10, 6).unwrap()
}

/// Every status, a formula-looking name, a negative achievement and hostile text.
fn roadmap() -> Roadmap {
    let mut roadmap = Roadmap::new(
        "Road Map RB <script>alert(1)</script>",
        r#"Pemkab "Contoh" & 'Sekitarnya'"#,
        Period {
            start: 2025,
            end: 2026,
        },
    );
    roadmap.units.push(Unit {
        id: "ortala".into(),
        name: "Bagian Organisasi & Tata Laksana".into(),
    });

    let mut tata = Area::new("tl", "Penataan Tata Laksana", Element::Hard);
    let mut program = Program::new("tl-1", "Penyusunan SOP — tahap Ⅰ");
    program.unit = Some("ortala".into());
    program.budget = Some(150_000_000);

    let mut behind = Indicator::new("tl-1-a", "Persentase SOP yang direviu", Kind::Level);
    behind.unit = "%".into();
    behind
        .targets
        .insert("2025-Q3".into(), entry(60.0, Some(52.0)));

    let mut injected = Indicator::new("tl-1-b", HYPERLINK, Kind::Level);
    injected
        .targets
        .insert("2025-Q3".into(), entry(10.0, Some(10.0)));

    let mut negative = Indicator::new("tl-1-c", "Jumlah temuan berulang", Kind::Count);
    negative.direction = Direction::LowerIsBetter;
    negative.unit = "temuan".into();
    negative.targets.insert(
        "2025-Q3".into(),
        Target {
            obstacle: Some("-kendala anggaran".into()),
            follow_up: Some("@tindak lanjut TW IV".into()),
            evidence: Some(vec!["https://example.go.id/a.pdf".into(), "b.pdf".into()]),
            ..entry(5.0, Some(20.0))
        },
    );

    let mut milestone = Indicator::new("tl-1-d", "Perbup SOP ditetapkan", Kind::Milestone);
    milestone.due = Some(q("2025-Q4"));

    let no_target = Indicator::new("tl-1-e", "Indikator tanpa target", Kind::Level);

    let mut missing = Indicator::new("tl-1-f", "<script>alert(1)</script>", Kind::Level);
    missing.targets.insert(
        "2025-Q3".into(),
        Target {
            obstacle: Some(r#""quotes" & 'apostrophes'"#.into()),
            ..entry(3.0, None)
        },
    );

    program.indicators = vec![behind, injected, negative, milestone, no_target, missing];
    tata.programs.push(program);

    let mut sdm = Area::new("sdm", "Penataan Sistem Manajemen SDM", Element::Soft);
    let mut asn = Program::new("sdm-1", "Pengembangan kompetensi ASN");
    let mut at_risk = Indicator::new("sdm-1-a", "ASN mengikuti pelatihan", Kind::Level);
    at_risk
        .targets
        .insert("2025-Q3".into(), entry(100.0, Some(95.0)));
    asn.indicators.push(at_risk);
    sdm.programs.push(asn);

    roadmap.areas = vec![tata, sdm];
    roadmap
}

fn spec_example() -> Roadmap {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/spec-example.ron");
    reform_roadmap::file::load(&path).unwrap()
}

fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<csv::StringRecord>) {
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("the CSV starts with a UTF-8 byte order mark");
    let mut reader = csv::Reader::from_reader(body);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let records = reader.records().map(Result::unwrap).collect();
    (header, records)
}

fn column(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap()
}

#[test]
fn csv_reads_back_as_the_engine_reviewed() {
    for (roadmap, quarter) in [(roadmap(), q("2025-Q3")), (spec_example(), q("2025-Q2"))] {
        let engine = review(&roadmap, quarter);
        let bytes = csv_export::table(&roadmap, quarter, Language::Indonesian);
        let (header, records) = read_csv(&bytes);
        assert_eq!(header, csv_export::HEADER);
        assert_eq!(records.len(), roadmap.indicator_count());
        let (id, status, achievement) = (
            column(&header, "id"),
            column(&header, "status"),
            column(&header, "achievement"),
        );
        for (record, line) in records.iter().zip(&engine.indicators) {
            assert_eq!(&record[id], line.id, "document order");
            assert_eq!(&record[status], line.status().key(), "{}", line.id);
            let written: Option<f64> =
                (!record[achievement].is_empty()).then(|| record[achievement].parse().unwrap());
            assert_eq!(written, line.evaluation.achievement, "{}", line.id);
        }
    }
}

#[test]
fn csv_defuses_formulas_and_keeps_numbers() {
    let roadmap = roadmap();
    let bytes = csv_export::table(&roadmap, q("2025-Q3"), Language::Indonesian);
    let (header, records) = read_csv(&bytes);
    let find = |id: &str| records.iter().find(|r| &r[0] == id).unwrap().clone();
    let get = |record: &csv::StringRecord, name: &str| record[column(&header, name)].to_owned();

    let injected = find("tl-1-b");
    assert_eq!(get(&injected, "indicator"), format!("'{HYPERLINK}"));

    let negative = find("tl-1-c");
    // (2 × 5 − 20) / 5 × 100: a number with a dot decimal, never prefixed.
    assert_eq!(get(&negative, "achievement"), "-200");
    assert_eq!(get(&negative, "status"), "behind");
    assert_eq!(get(&negative, "obstacle"), "'-kendala anggaran");
    assert_eq!(get(&negative, "follow_up"), "'@tindak lanjut TW IV");
    assert_eq!(
        get(&negative, "evidence"),
        "https://example.go.id/a.pdf\nb.pdf"
    );

    let behind = find("tl-1-a");
    // 52 of 60, exactly as the engine computed it.
    let engine = review(&roadmap, q("2025-Q3"));
    assert_eq!(
        get(&behind, "achievement").parse::<f64>().ok(),
        engine.get("tl-1-a").unwrap().evaluation.achievement
    );
    assert!(get(&behind, "achievement").starts_with("86.66"));
    assert_eq!(get(&behind, "status_label"), "Tertinggal");
    assert_eq!(get(&behind, "unexplained"), "true");
    assert_eq!(get(&behind, "program"), "Penyusunan SOP — tahap Ⅰ");
    assert_eq!(
        get(&behind, "responsible_unit"),
        "Bagian Organisasi & Tata Laksana"
    );

    let english = csv_export::table(&roadmap, q("2025-Q3"), Language::English);
    let (_, records) = read_csv(&english);
    assert_eq!(&records[0][column(&header, "status_label")], "Behind");
}

fn open_workbook(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes)).expect("the workbook opens")
}

#[test]
fn xlsx_reads_back_with_real_numbers_and_no_formulas() {
    let roadmap = roadmap();
    let quarter = q("2025-Q3");
    let language = Language::Indonesian;
    let engine = review(&roadmap, quarter);
    let mut book = open_workbook(xlsx::workbook(&roadmap, quarter, language).unwrap());

    let review_name = xlsx::review_sheet_name(quarter, language);
    assert_eq!(review_name, "Monev TW III 2025");
    assert_eq!(
        book.sheet_names(),
        vec![
            review_name.clone(),
            "Ringkasan".to_owned(),
            "Unit kerja".to_owned()
        ]
    );

    let range = book.worksheet_range(&review_name).unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let (id, indicator, target, achievement, status) = (
        col("Kode"),
        col("Indikator"),
        col("Target"),
        col("Capaian (%)"),
        col("Status"),
    );
    let rows: Vec<&[Data]> = range.rows().skip(1).collect();
    assert_eq!(rows.len(), roadmap.indicator_count());
    for (row, line) in rows.iter().zip(&engine.indicators) {
        assert_eq!(row[id], Data::String(line.id.clone()));
        assert_eq!(
            row[status],
            Data::String(line.status().label(language)),
            "{}",
            line.id
        );
        match line.evaluation.achievement {
            Some(value) => assert_eq!(row[achievement], Data::Float(value), "{}", line.id),
            None => assert_eq!(row[achievement], Data::Empty, "{}", line.id),
        }
        if let Some(value) = line.evaluation.target {
            assert_eq!(row[target], Data::Float(value), "{}", line.id);
        }
    }
    let negative = rows
        .iter()
        .find(|r| r[id] == Data::String("tl-1-c".into()))
        .unwrap();
    assert_eq!(negative[achievement], Data::Float(-200.0));

    let injected = rows
        .iter()
        .find(|r| r[id] == Data::String("tl-1-b".into()))
        .unwrap();
    assert_eq!(injected[indicator], Data::String(HYPERLINK.into()));
    let formulas = book.worksheet_formula(&review_name).unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell of the review sheet is a formula"
    );

    // The summary counts per area agree with the engine.
    let summary = book.worksheet_range("Ringkasan").unwrap();
    let area_rows: Vec<&[Data]> = summary
        .rows()
        .filter(|r| {
            roadmap
                .areas
                .iter()
                .any(|a| r[0] == Data::String(a.name.clone()))
        })
        .collect();
    assert_eq!(area_rows.len(), 2);
    for (row, counts) in area_rows.iter().zip(&engine.areas) {
        for (offset, status) in Status::ALL.iter().enumerate() {
            assert_eq!(row[2 + offset], Data::Float(counts.get(*status) as f64));
        }
        assert_eq!(
            row[2 + Status::ALL.len()],
            Data::Float(counts.total() as f64)
        );
    }
}

#[test]
fn xlsx_in_english() {
    let roadmap = spec_example();
    let quarter = q("2025-Q2");
    let mut book = open_workbook(xlsx::workbook(&roadmap, quarter, Language::English).unwrap());
    assert_eq!(
        book.sheet_names(),
        vec![
            "Review Q2 2025".to_owned(),
            "Summary".to_owned(),
            "Units".to_owned()
        ]
    );
    let range = book.worksheet_range("Review Q2 2025").unwrap();
    let statuses: Vec<String> = range.rows().skip(1).map(|r| r[11].to_string()).collect();
    let expected: Vec<String> = review(&roadmap, quarter)
        .indicators
        .iter()
        .map(|line| line.status().label(Language::English))
        .collect();
    assert_eq!(statuses, expected);
}

fn section<'a>(html: &'a str, class: &str) -> &'a str {
    let start = html
        .find(&format!("<section class=\"{class}\">"))
        .unwrap_or_else(|| panic!("section {class}"));
    let end = html[start..].find("</section>").unwrap() + start;
    &html[start..end]
}

#[test]
fn html_escapes_user_text() {
    let page = html::report(&roadmap(), q("2025-Q3"), Language::Indonesian, printed());
    assert!(
        !page.contains("<script"),
        "a raw script tag reached the page"
    );
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("Pemkab &quot;Contoh&quot; &amp; &#39;Sekitarnya&#39;"));
    assert!(page.contains("&quot;quotes&quot; &amp; &#39;apostrophes&#39;"));
    assert!(page.contains("Bagian Organisasi &amp; Tata Laksana"));
}

#[test]
fn html_lists_the_flagged_with_obstacle_and_follow_up() {
    let roadmap = spec_example();
    let page = html::report(&roadmap, q("2025-Q2"), Language::Indonesian, printed());
    let flagged = section(&page, "flagged");
    assert!(flagged.contains("Persentase ASN yang mengikuti internalisasi BerAKHLAK"));
    assert!(flagged.contains("Bimtek mundur ke Juli"));
    assert!(flagged.contains("Bimtek dijadwalkan ulang pada TW III"));
    assert!(flagged.contains("86%"), "43 of 50 in the language's format");
    // The milestone that is late is flagged, and unexplained (it has no kendala); the
    // count that is only at risk is not flagged.
    assert!(flagged.contains("SK Bupati tentang agen perubahan ditetapkan"));
    assert!(!flagged.contains("Jumlah pengaduan"));
    assert_eq!(flagged.matches("Belum dijelaskan").count(), 1);
    assert!(page.contains("TW II 2025"));
    assert!(page.contains("Rp 150.000.000"));
    assert!(page.contains("6 Oktober 2025"));
}

#[test]
fn html_marks_the_unexplained_and_the_changes() {
    let page = html::report(&roadmap(), q("2025-Q3"), Language::Indonesian, printed());
    let flagged = section(&page, "flagged");
    assert!(flagged.contains("Belum dijelaskan"));
    assert!(flagged.contains("class=\"unexplained\""));
    assert!(flagged.contains("belum diisi"));
    // 52 of 60.
    assert!(flagged.contains("86,7%"));
    assert!(
        !flagged.contains("ASN mengikuti pelatihan"),
        "at risk is not flagged"
    );

    // Nothing was flagged at TW II (no targets then): all three flagged are new.
    let changes = section(&page, "changes-section");
    let newly = |label: &str| {
        let count = changes.split(label).nth(1).unwrap();
        count[2..count.find(')').unwrap()].parse::<usize>().unwrap()
    };
    assert_eq!(newly("Baru tertinggal") + newly("Baru belum dilaporkan"), 3);
    assert!(changes.contains("Sudah pulih (0)"));
}

#[test]
fn html_shows_the_review_recorded_at_the_quarter() {
    let mut roadmap = spec_example();
    roadmap.reviews.push(reform_roadmap::model::Review {
        quarter: q("2025-Q2"),
        date: NaiveDate::from_ymd_opt(2025, 7, 14).unwrap(),
        reviewer: "Tim RB <Kabupaten>".into(),
        notes: Some("Bimtek harus selesai sebelum Agustus.".into()),
        flagged: vec!["mp-1-a".into()],
    });
    let page = html::report(&roadmap, q("2025-Q2"), Language::Indonesian, printed());
    assert!(page.contains("Tim RB &lt;Kabupaten&gt;"));
    assert!(page.contains("Bimtek harus selesai sebelum Agustus."));
    assert!(page.contains("14 Juli 2025"));
    let other = html::report(&roadmap, q("2025-Q3"), Language::Indonesian, printed());
    assert!(!other.contains("Bimtek harus selesai sebelum Agustus."));
}

#[test]
fn export_writes_the_format_its_extension_names() {
    let dir = tempfile::tempdir().unwrap();
    let roadmap = spec_example();
    let quarter = q("2025-Q2");
    for format in Format::ALL {
        let path = dir.path().join(format!("laporan.{}", format.extension()));
        export::export(&roadmap, quarter, Language::Indonesian, &path).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        match format {
            Format::Html => assert!(bytes.starts_with(b"<!DOCTYPE html>")),
            Format::Xlsx => assert!(bytes.starts_with(b"PK")),
            Format::Csv => {
                assert_eq!(
                    bytes,
                    csv_export::table(&roadmap, quarter, Language::Indonesian)
                )
            }
        }
    }
}

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_reform-roadmap"))
}

fn fixture_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/spec-example.ron")
}

#[test]
fn cli_exports_each_format() {
    let dir = tempfile::tempdir().unwrap();
    for (name, language) in [
        ("laporan.html", "id"),
        ("laporan.xlsx", "id"),
        ("laporan.csv", "id"),
        ("report.HTML", "en"),
    ] {
        let path = dir.path().join(name);
        let output = binary()
            .arg("export")
            .arg(fixture_path())
            .args(["--quarter", "2025-Q2", "--lang", language, "--to"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let bytes = std::fs::read(&path).unwrap();
        match Format::from_path(&path).unwrap() {
            Format::Html => {
                let page = String::from_utf8(bytes).unwrap();
                let quarter = if language == "id" {
                    "TW II 2025"
                } else {
                    "Q2 2025"
                };
                assert!(page.contains(quarter), "{name}");
                assert!(page.contains(&format!("<html lang=\"{language}\">")));
            }
            Format::Xlsx => {
                let book = open_workbook(bytes);
                assert_eq!(book.sheet_names()[0], "Monev TW II 2025");
            }
            Format::Csv => {
                let (_, records) = read_csv(&bytes);
                let statuses: Vec<&str> = records.iter().map(|r| r.get(11).unwrap()).collect();
                assert_eq!(statuses, ["behind", "behind", "at_risk"]);
            }
        }
    }
}

#[test]
fn cli_refuses_an_unknown_extension() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("laporan.pdf");
    let output = binary()
        .arg("export")
        .arg(fixture_path())
        .args(["--quarter", "2025-Q2", "--to"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("laporan.pdf"), "{stderr}");
    assert!(!path.exists());
}

#[test]
fn cli_refuses_a_file_that_does_not_load() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("rusak.roadmap.ron");
    std::fs::write(&broken, "(format_version: 1, title: ").unwrap();
    let out = dir.path().join("laporan.html");
    let output = binary()
        .arg("export")
        .arg(&broken)
        .arg("--to")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("rusak.roadmap.ron"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn cli_defaults_to_the_last_ended_quarter_in_the_period() {
    // The fixture's period is 2025–2029, so any date from 2025-04 to 2029 lands inside;
    // whatever today is, the default is a quarter of the period and the export works.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("laporan.csv");
    let output = binary()
        .arg("export")
        .arg(fixture_path())
        .arg("--to")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (_, records) = read_csv(&std::fs::read(&path).unwrap());
    assert_eq!(records.len(), 3);
}
