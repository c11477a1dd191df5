//! The whole roadmap as a *rencana aksi* workbook (`export --whole`): read back by
//! the importer to the same roadmap in every field the wide layout holds, its
//! headings frozen, its text never a formula, and its printed pages cut between
//! whole groups of one year.

use reform_roadmap::export::whole;
use reform_roadmap::file::to_ron_string;
use reform_roadmap::import::{Options, import};
use reform_roadmap::locale::Language;
use reform_roadmap::model::{Direction, Kind, Roadmap};

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// What the wide layout holds of a roadmap: everything but ids, vision, rules,
/// elements, goals, area and program notes, target notes, evidence, reviews, the
/// order of units and units no program uses.
fn held(roadmap: &Roadmap) -> Roadmap {
    let mut copy = roadmap.clone();
    copy.vision = None;
    copy.rules = Default::default();
    copy.reviews.clear();
    // Format version 2's scoring, weights, owners, scales, budgets and ranges have no
    // column in the wide layout (README: what the whole workbook cannot hold).
    copy.scoring = None;
    let unit_name = |id: &Option<String>| {
        id.as_ref()
            .map(|id| roadmap.unit(id).map_or(id.clone(), |u| u.name.clone()))
    };
    // Units come back in order of first use, and only those in use.
    let used: Vec<&str> = roadmap
        .areas
        .iter()
        .flat_map(|a| &a.programs)
        .filter_map(|p| p.unit.as_deref())
        .collect();
    copy.units.retain(|unit| used.contains(&unit.id.as_str()));
    for unit in &mut copy.units {
        unit.id = unit.name.clone();
    }
    copy.units.sort_by(|a, b| a.name.cmp(&b.name));
    for (a, area) in copy.areas.iter_mut().enumerate() {
        area.id = a.to_string();
        area.element = Default::default();
        area.goal = None;
        area.note = None;
        area.weight = None;
        for (p, program) in area.programs.iter_mut().enumerate() {
            program.id = p.to_string();
            program.note = None;
            program.unit = unit_name(&program.unit);
            program.quick_win = false;
            program.annual_budget.clear();
            program.spent.clear();
            for (i, indicator) in program.indicators.iter_mut().enumerate() {
                indicator.id = i.to_string();
                indicator.rules = None;
                indicator.owner = None;
                indicator.weight = None;
                indicator.scale = None;
                indicator.obstacle = None;
                indicator.follow_up = None;
                indicator.evidence = None;
                if indicator.kind == Kind::Milestone {
                    indicator.direction = Direction::default();
                }
                for target in indicator.targets.values_mut() {
                    target.note = None;
                    target.evidence = None;
                    target.upper = None;
                }
            }
        }
    }
    copy
}

#[test]
fn the_sample_exported_whole_imports_to_the_same_roadmap() {
    let sample = reform_roadmap::sample::sample();
    for language in Language::ALL {
        let bytes = whole::workbook(&sample, language).unwrap();
        let (roadmap, report) = {
            let dir = tempfile::tempdir().unwrap();
            let path = write(&dir, "whole.xlsx", &bytes);
            import(&path, None, &Options::default()).unwrap()
        };
        assert!(report.skipped.is_empty(), "{:?}", report.skipped);
        assert!(report.warnings.is_empty(), "{:?}", report.warnings);
        let (got, want) = (
            to_ron_string(&held(&roadmap)),
            to_ron_string(&held(&sample)),
        );
        let first_difference = got.lines().zip(want.lines()).position(|(a, b)| a != b);
        if let Some(line) = first_difference {
            let around = |text: &str| {
                text.lines()
                    .skip(line.saturating_sub(8))
                    .take(12)
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            panic!(
                "{language:?}: line {line}\ngot:\n{}\nwant:\n{}",
                around(&got),
                around(&want)
            );
        }
        assert_eq!(got, want, "{language:?}");
    }
}

#[test]
fn the_whole_export_has_frozen_headings_and_writes_formulas_as_text() {
    let mut sample = reform_roadmap::sample::sample();
    sample.areas[0].programs[0].indicators[0].name = "=1+1".into();
    let bytes = whole::workbook(&sample, Language::Indonesian).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(sheet.contains(r#"<pane xSplit="6" ySplit="7" topLeftCell="G8" activePane="bottomRight" state="frozen"/>"#), "frozen panes");
    assert!(!sheet.contains("<f>"), "no formula cells");
    assert!(
        sheet.contains("<mergeCell ref=\"L5:O5\"/>"),
        "TARGET 2025 over TW I–IV"
    );
}

#[test]
fn the_whole_export_prints_whole_groups_of_one_year_per_page() {
    let sample = reform_roadmap::sample::sample();
    assert_eq!(sample.period.years().count(), 5);
    let bytes = whole::workbook(&sample, Language::Indonesian).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(sheet.contains(r#"scale="65""#), "printed at 65 %");
    // Eleven columns before the years, four groups of four quarters a year: breaks
    // before 2025's realisasi (L + 4 = P), kendala and tindak lanjut, then before each
    // later year's targets, kendala and tindak lanjut.
    let breaks: Vec<u32> = sheet
        .split("<brk id=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].parse().unwrap())
        .collect();
    let mut expected = vec![15, 19, 23];
    for year in 1..5 {
        let first = 11 + year * 16;
        expected.extend([first, first + 8, first + 12]);
    }
    assert_eq!(breaks, expected);
}

/// The `ht` of the sheet row `row` (1-based, as Excel numbers it), if it has one.
fn row_height(sheet: &str, row: u32) -> Option<f64> {
    let start = sheet.find(&format!("<row r=\"{row}\""))?;
    let tag = &sheet[start..start + sheet[start..].find('>')?];
    let at = tag.find(" ht=\"")? + 5;
    tag[at..at + tag[at..].find('"')?].parse().ok()
}

#[test]
fn the_whole_export_rows_are_tall_enough_for_every_text() {
    use reform_roadmap::model::{Area, Indicator, Period, Program};
    let mut roadmap = Roadmap::new(
        "RM",
        "Kab",
        Period {
            start: 2025,
            end: 2025,
        },
    );
    let mut area = Area::new("a", "Area", Default::default());
    // A long note on a short indicator; a long program name over one short row.
    let mut noted = Indicator::new("i1", "Indeks", Kind::Level);
    noted.note = Some("Target per triwulan; capaian dihitung kumulatif sejak TW I. ".repeat(2));
    let mut program = Program::new("p1", "Program");
    program.indicators.push(noted);
    let mut long = Program::new(
        "p2",
        "Penguatan peran agen perubahan di setiap perangkat daerah melalui pendampingan",
    );
    long.indicators
        .push(Indicator::new("i2", "Jumlah agen", Kind::Count));
    area.programs = vec![program, long];
    roadmap.areas.push(area);
    let bytes = whole::workbook(&roadmap, Language::Indonesian).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    // Data starts on sheet row 8; a line is 15 points.
    let noted = row_height(&sheet, 8).unwrap_or(15.0);
    assert!(noted >= 15.0 * 5.0, "the note's row is {noted} pt");
    let long = row_height(&sheet, 9).unwrap_or(15.0);
    assert!(long >= 15.0 * 3.0, "the long program's row is {long} pt");
}
