//! Importing what a cell's format says and calamine alone does not: numbers shown as
//! percentages (stored as fractions, `0.6027` for `60,27%`) in `.xlsx` and `.ods`, and
//! the merged cells of an `.ods`. The workbooks are built here, in code.

use std::io::Write;
use std::path::Path;

use reform_roadmap::import::{Options, import};
use reform_roadmap::model::{Indicator, Roadmap};
use rust_xlsxwriter::{Format, Workbook};

use crate::support::q;

fn imported(name: &str, bytes: &[u8]) -> Roadmap {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let options = Options {
        start: Some(2025),
        end: Some(2025),
        ..Options::default()
    };
    import(&path, None, &options)
        .unwrap_or_else(|error| panic!("{}: {error}", Path::new(name).display()))
        .0
}

fn indicator<'a>(roadmap: &'a Roadmap, name: &str) -> &'a Indicator {
    roadmap
        .indicators()
        .map(|(_, _, i)| i)
        .find(|i| i.name == name)
        .unwrap_or_else(|| panic!("no indicator {name}"))
}

/// (target, actual) at a quarter of 2025.
fn values(indicator: &Indicator, quarter: u8) -> (f64, Option<f64>) {
    let entry = indicator
        .target_at(q(&format!("2025-Q{quarter}")))
        .unwrap_or_else(|| panic!("{}: no TW {quarter}", indicator.name));
    (entry.target, entry.actual)
}

const HEADINGS: [&str; 7] = [
    "AREA PERUBAHAN",
    "INDIKATOR",
    "SATUAN",
    "TARGET TW I",
    "TARGET TW II",
    "REALISASI TW I",
    "REALISASI TW II",
];

#[test]
fn xlsx_percentages_import_as_the_percentage_shown() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (col, heading) in HEADINGS.iter().enumerate() {
        sheet.write_string(0, col as u16, *heading).unwrap();
    }
    let two_decimals = Format::new().set_num_format("0.00%");
    // Excel's built-in "0%" (format id 9).
    let whole = Format::new().set_num_format_index(9);
    // A percent sign in quotes is only text: the number is shown as it is stored.
    let literal = Format::new().set_num_format("0.00\"%\"");
    let plain = Format::new().set_num_format("0.00");
    let rows: [(&str, &str, [f64; 4], &Format); 4] = [
        (
            "Persentase ASN ikut internalisasi",
            "%",
            [0.6027, 0.65, 0.5981, 0.6612],
            &two_decimals,
        ),
        (
            "Persentase layanan daring",
            "",
            [0.4, 0.5, 0.35, 0.51],
            &whole,
        ),
        (
            "Indeks kepuasan",
            "%",
            [60.27, 65.0, 59.81, 66.12],
            &literal,
        ),
        ("Jumlah inovasi", "inovasi", [3.0, 5.0, 2.0, 5.0], &plain),
    ];
    for (r, (name, unit, numbers, format)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, "Manajemen Perubahan").unwrap();
        sheet.write_string(r, 1, *name).unwrap();
        if !unit.is_empty() {
            sheet.write_string(r, 2, *unit).unwrap();
        }
        for (i, n) in numbers.iter().enumerate() {
            sheet
                .write_number_with_format(r, 3 + i as u16, *n, format)
                .unwrap();
        }
    }
    let roadmap = imported("persen.xlsx", &book.save_to_buffer().unwrap());

    let asn = indicator(&roadmap, "Persentase ASN ikut internalisasi");
    assert_eq!(values(asn, 1), (60.27, Some(59.81)));
    assert_eq!(values(asn, 2), (65.0, Some(66.12)));
    assert_eq!(asn.unit, "%");
    // No unit written: the values shown as percentages say it.
    let online = indicator(&roadmap, "Persentase layanan daring");
    assert_eq!(values(online, 1), (40.0, Some(35.0)));
    assert_eq!(values(online, 2), (50.0, Some(51.0)));
    assert_eq!(online.unit, "%");
    let index = indicator(&roadmap, "Indeks kepuasan");
    assert_eq!(values(index, 1), (60.27, Some(59.81)));
    let count = indicator(&roadmap, "Jumlah inovasi");
    assert_eq!(values(count, 2), (5.0, Some(5.0)));
    assert_eq!(count.unit, "inovasi");
}

/// An `.ods` as LibreOffice writes one, reduced to what a reader needs: the mimetype
/// first and stored, the manifest, and `content.xml` with `rows`.
fn ods(rows: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default();
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", deflated).unwrap();
    zip.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#,
    )
    .unwrap();
    zip.start_file("content.xml", deflated).unwrap();
    write!(
        zip,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Rencana Aksi"><table:table-column table:number-columns-repeated="8"/>{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    )
    .unwrap();
    zip.finish().unwrap().into_inner()
}

fn string(text: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
    )
}

fn percent(fraction: f64) -> String {
    format!(
        r#"<table:table-cell office:value-type="percentage" office:value="{fraction}"><text:p>{}%</text:p></table:table-cell>"#,
        fraction * 100.0
    )
}

fn float(value: f64) -> String {
    format!(
        r#"<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>"#
    )
}

const COVERED: &str = "<table:covered-table-cell/>";

#[test]
fn ods_merged_cells_are_filled_and_percentages_shown() {
    let spanned = |text: &str, rows: u32, columns: u32| {
        format!(
            r#"<table:table-cell table:number-rows-spanned="{rows}" table:number-columns-spanned="{columns}" office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
        )
    };
    // A header over two rows: TARGET and REALISASI each span their quarters, the
    // other headings both rows.
    let mut header: String = [
        "NO",
        "AREA PERUBAHAN",
        "PROGRAM",
        "PENANGGUNG JAWAB",
        "INDIKATOR",
        "SATUAN",
    ]
    .iter()
    .map(|heading| spanned(heading, 2, 1))
    .collect();
    for group in ["TARGET", "REALISASI"] {
        header.push_str(&spanned(group, 1, 2));
        header.push_str(COVERED);
    }
    let quarters = format!(
        "{}{}",
        COVERED.repeat(6),
        ["TW I", "TW II", "TW I", "TW II"].map(string).concat()
    );
    // The area spans three rows, the program and its unit the first two.
    let merged = |text: &str, rows: u32| spanned(text, rows, 1);
    let rows = [
        quarters,
        format!(
            "{}{}{}{}{}{}{}{}{}{}",
            float(1.0),
            merged("Manajemen Perubahan", 3),
            merged("Internalisasi budaya kerja", 2),
            merged("Bagian Organisasi", 2),
            string("Persentase ASN ikut internalisasi"),
            string("%"),
            percent(0.6027),
            percent(0.65),
            percent(0.5981),
            percent(0.6612),
        ),
        format!(
            "{}{COVERED}{COVERED}{COVERED}{}{}{}{}{}",
            float(2.0),
            string("Jumlah agen perubahan"),
            string("orang"),
            float(10.0),
            float(12.0),
            float(9.0),
        ),
        format!(
            "{}{COVERED}{}{}{}{}{}",
            float(3.0),
            string("Penguatan agen perubahan"),
            string("BKPSDM"),
            string("Persentase agen aktif"),
            string(""),
            percent(0.4),
        ),
    ];
    let rows: String = std::iter::once(header)
        .chain(rows)
        .map(|cells| format!("<table:table-row>{cells}</table:table-row>"))
        .collect();
    let roadmap = imported("rencana-aksi.ods", &ods(&rows));

    assert_eq!(roadmap.areas.len(), 1, "{:#?}", roadmap.areas);
    let area = &roadmap.areas[0];
    assert_eq!(area.name, "Manajemen Perubahan");
    let programs: Vec<(&str, usize)> = area
        .programs
        .iter()
        .map(|p| (p.name.as_str(), p.indicators.len()))
        .collect();
    assert_eq!(
        programs,
        [
            ("Internalisasi budaya kerja", 2),
            ("Penguatan agen perubahan", 1)
        ]
    );
    let units: Vec<&str> = roadmap.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(units, ["Bagian Organisasi", "BKPSDM"]);
    assert_eq!(
        area.programs[0].unit.as_deref(),
        Some(roadmap.units[0].id.as_str())
    );

    let asn = indicator(&roadmap, "Persentase ASN ikut internalisasi");
    assert_eq!(values(asn, 1), (60.27, Some(59.81)));
    assert_eq!(values(asn, 2), (65.0, Some(66.12)));
    let agents = indicator(&roadmap, "Jumlah agen perubahan");
    assert_eq!(values(agents, 1), (10.0, Some(9.0)));
    assert_eq!(agents.unit, "orang");
    let active = indicator(&roadmap, "Persentase agen aktif");
    assert_eq!(values(active, 1), (40.0, None));
    assert_eq!(active.unit, "%");
}
