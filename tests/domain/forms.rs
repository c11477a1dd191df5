//! The OPD forms: written per unit, filled in (by code standing in for a person, and
//! by openpyxl when it is installed), collected back into the roadmap.

mod cli;
mod person;

use std::path::{Path, PathBuf};

use person::{Book, Cell};
use reform_roadmap::forms::{
    self, Collection, Field, Outcome, Prefer, Refusal, RejectedReason, Side, UnitForm, Value,
    collect, plan,
};
use reform_roadmap::locale::Language;
use reform_roadmap::model::{Kind, Quarter, Roadmap};

use crate::support::q;

fn sample() -> Roadmap {
    reform_roadmap::sample::sample()
}

const Q3: &str = "2025-Q3";

/// The form of `unit` at `quarter`, as written, opened by a "person".
fn form_of(roadmap: &Roadmap, quarter: Quarter, unit: &str) -> (UnitForm, Book) {
    let form = plan(roadmap, quarter, Some(&[unit.to_owned()]))
        .pop()
        .expect("the unit reports something");
    let bytes = forms::workbook(roadmap, &form, Language::Indonesian).unwrap();
    (form, Book::open(&bytes))
}

/// Reads returned workbooks given as (name, bytes).
fn returned(books: Vec<(&str, Vec<u8>)>) -> Vec<(PathBuf, Result<forms::ReturnedForm, Refusal>)> {
    books
        .into_iter()
        .map(|(name, bytes)| {
            let path = PathBuf::from(name);
            let form = forms::read::read_form_bytes(&bytes, &path);
            (path, form)
        })
        .collect()
}

fn indicator<'a>(roadmap: &'a Roadmap, id: &str) -> &'a reform_roadmap::model::Indicator {
    roadmap
        .indicators()
        .find(|(_, _, i)| i.id == id)
        .map(|(_, _, i)| i)
        .unwrap()
}

/// The unit with the most numeric indicators at Q3 in the sample, and those ids.
fn busiest(roadmap: &Roadmap) -> (String, Vec<String>) {
    plan(roadmap, q(Q3), None)
        .into_iter()
        .map(|form| {
            let ids = form
                .rows
                .iter()
                .filter(|r| r.kind != Kind::Milestone)
                .map(|r| r.id.clone())
                .collect::<Vec<_>>();
            (form.unit.id, ids)
        })
        .max_by_key(|(_, ids)| ids.len())
        .unwrap()
}

#[test]
fn forms_at_q3_carry_exactly_the_indicators_each_unit_owns() {
    let roadmap = sample();
    let quarter = q(Q3);
    let folder = tempfile::tempdir().unwrap();
    let written =
        forms::write_forms(&roadmap, quarter, folder.path(), None, Language::Indonesian).unwrap();
    let mut expected_units = 0;
    for unit in &roadmap.units {
        // What the unit owns and has to report at Q3, worked out here without the planner.
        let expected: Vec<String> = roadmap
            .indicators()
            .filter(|(_, program, i)| i.owner_in(program) == Some(unit.id.as_str()))
            .filter(|(_, _, i)| match i.kind {
                Kind::Milestone => {
                    i.due.is_some_and(|d| d <= q("2025-Q4")) && i.done.is_none_or(|d| d >= quarter)
                }
                _ => i.targets.contains_key(Q3),
            })
            .map(|(_, _, i)| i.id.clone())
            .collect();
        let path = folder
            .path()
            .join(format!("TW III 2025 - {}.xlsx", unit.name));
        if expected.is_empty() {
            assert!(!path.exists(), "{}", unit.id);
            continue;
        }
        expected_units += 1;
        assert!(written.contains(&path), "{}", path.display());
        let form = forms::read_form(&path).unwrap();
        assert_eq!(form.identity.unit, unit.id);
        assert_eq!(form.identity.quarter, quarter);
        let ids: Vec<String> = form.rows.iter().map(|r| r.id.clone()).collect();
        assert_eq!(ids, expected, "{}", unit.id);
        let mut made: Vec<&String> = form.made_from.keys().collect();
        made.sort();
        let mut sorted = expected.iter().collect::<Vec<_>>();
        sorted.sort();
        assert_eq!(made, sorted, "{}", unit.id);
    }
    assert_eq!(written.len(), expected_units);
    assert!(expected_units >= 10, "{expected_units}");
}

#[test]
fn a_form_shows_target_to_date_previous_actual_and_the_values_to_correct() {
    let roadmap = sample();
    // mp-2-a is a Count of bkpsdm: year-to-date target 5 + 8 + 10 at Q3.
    let (_, mut book) = form_of(&roadmap, q(Q3), "bkpsdm");
    let sheet = book.form();
    assert_eq!(sheet.get("mp-2-a", "target"), Some(&Cell::Number(10.0)));
    assert_eq!(
        sheet.get("mp-2-a", "target_to_date"),
        Some(&Cell::Number(23.0))
    );
    assert_eq!(
        sheet.get("mp-2-a", "previous_actual"),
        Some(&Cell::Number(6.0))
    );
    assert_eq!(sheet.get("mp-2-a", "actual"), Some(&Cell::Number(8.0)));
    assert!(matches!(
        sheet.get("mp-2-a", "obstacle"),
        Some(Cell::Text(t)) if t.starts_with("Sebagian agen perubahan")
    ));
    let title = sheet.cells.get(&(0, 0));
    assert_eq!(
        title,
        Some(&Cell::Text(
            "Formulir Monev Reformasi Birokrasi TW III 2025".into()
        ))
    );
}

/// A person's work on the busiest unit's form: sorted, a row deleted, numbers typed
/// the Indonesian way, text in a number cell, a formula in a text cell.
struct Filled {
    bytes: Vec<u8>,
    unit: String,
    typed: String,
    deleted: String,
    wrong: String,
    wrong_address: String,
    obstacle: String,
}

fn filled(roadmap: &Roadmap) -> Filled {
    let (unit, ids) = busiest(roadmap);
    assert!(ids.len() >= 3, "{ids:?}");
    let (typed, deleted, wrong) = (ids[0].clone(), ids[1].clone(), ids[2].clone());
    let (_, mut book) = form_of(roadmap, q(Q3), &unit);
    let sheet = book.form();
    let before = sheet.ids();
    sheet.reverse_rows();
    assert_eq!(sheet.ids(), before.into_iter().rev().collect::<Vec<_>>());
    sheet.set(&typed, "actual", Cell::Text("12,5".into()));
    sheet.set(
        &typed,
        "obstacle",
        Cell::Formula("=HYPERLINK(\"http://contoh.test\",\"klik\")".into()),
    );
    sheet.set(
        &typed,
        "evidence",
        Cell::Text("https://contoh.test/a.pdf\nhttps://contoh.test/b.pdf".into()),
    );
    sheet.set(&deleted, "actual", Cell::Number(99.0));
    sheet.delete_row(&deleted);
    sheet.set(&wrong, "actual", Cell::Text("dua belas".into()));
    let wrong_address = sheet.address(&wrong, "actual");
    Filled {
        bytes: book.save(),
        unit,
        typed,
        deleted,
        wrong,
        wrong_address,
        obstacle: "=HYPERLINK(\"http://contoh.test\",\"klik\")".into(),
    }
}

#[test]
fn a_returned_form_collects_to_the_expected_document_and_report() {
    let roadmap = sample();
    let person = filled(&roadmap);
    // The same unit's form of another quarter, and one of another roadmap.
    let (_, other_quarter) = form_of(&roadmap, q("2025-Q2"), &person.unit);
    let mut elsewhere = roadmap.clone();
    elsewhere.institution = "Pemerintah Kota Lain".into();
    let (_, other_roadmap) = form_of(&elsewhere, q(Q3), &person.unit);
    let collection = collect(
        &roadmap,
        None,
        returned(vec![
            ("kembali.xlsx", person.bytes.clone()),
            ("tw2.xlsx", other_quarter.save()),
            ("lain.xlsx", other_roadmap.save()),
        ]),
        Prefer::Document,
    );
    assert_eq!(collection.quarter, Some(q(Q3)));
    assert_eq!(collection.outcome(), Outcome::Partial);
    let refused: Vec<(&Path, &Refusal)> = collection
        .refused
        .iter()
        .map(|r| (r.path.as_path(), &r.reason))
        .collect();
    assert_eq!(
        refused,
        vec![
            (
                Path::new("tw2.xlsx"),
                &Refusal::OtherQuarter {
                    found: q("2025-Q2"),
                    wanted: q(Q3)
                }
            ),
            (
                Path::new("lain.xlsx"),
                &Refusal::OtherRoadmap {
                    institution: "Pemerintah Kota Lain".into(),
                    period: (2025, 2029)
                }
            ),
        ]
    );
    assert_eq!(collection.units.len(), 1);
    let report = &collection.units[0];
    assert_eq!(report.unit, person.unit);
    let taken: Vec<(&str, Field, &Value)> = report
        .taken
        .iter()
        .map(|t| (t.indicator.as_str(), t.field, &t.after))
        .collect();
    assert_eq!(
        taken,
        vec![
            (person.typed.as_str(), Field::Actual, &Value::Number(12.5)),
            (
                person.typed.as_str(),
                Field::Obstacle,
                &Value::Text(person.obstacle.clone())
            ),
            (
                person.typed.as_str(),
                Field::Evidence,
                &Value::Links(vec![
                    "https://contoh.test/a.pdf".into(),
                    "https://contoh.test/b.pdf".into()
                ])
            ),
        ]
        .into_iter()
        .filter(|(_, field, value)| {
            // A value the sample already held is equal, not taken.
            Some((*value).clone()) != field.current(indicator(&roadmap, &person.typed), q(Q3))
        })
        .collect::<Vec<_>>()
    );
    assert_eq!(report.rejected.len(), 1, "{:?}", report.rejected);
    let rejected = &report.rejected[0];
    assert_eq!(rejected.address, person.wrong_address);
    assert_eq!(rejected.indicator.as_deref(), Some(person.wrong.as_str()));
    assert_eq!(
        rejected.reason,
        RejectedReason::NotANumber {
            text: "dua belas".into()
        }
    );
    assert!(report.conflicts.is_empty());
    // Every other unit reporting at Q3 has not returned its form.
    let missing: Vec<&str> = collection
        .not_returned
        .iter()
        .map(|(id, _)| id.as_str())
        .collect();
    assert!(!missing.contains(&person.unit.as_str()));
    assert_eq!(missing.len(), plan(&roadmap, q(Q3), None).len() - 1);

    let mut document = roadmap.clone();
    let changed = collection.apply(&mut document);
    assert_eq!(changed, report.taken.len());
    let typed = indicator(&document, &person.typed)
        .target_at(q(Q3))
        .unwrap();
    assert_eq!(typed.actual, Some(12.5));
    assert_eq!(typed.obstacle.as_deref(), Some(person.obstacle.as_str()));
    // The deleted row and the rejected cell leave the document as it was.
    for id in [&person.deleted, &person.wrong] {
        assert_eq!(indicator(&document, id), indicator(&roadmap, id), "{id}");
    }
    // Only the typed indicator changed.
    for (_, _, before) in roadmap.indicators() {
        if before.id != person.typed {
            assert_eq!(indicator(&document, &before.id), before, "{}", before.id);
        }
    }
}

#[test]
fn collecting_the_same_forms_twice_changes_nothing_the_second_time() {
    let roadmap = sample();
    let person = filled(&roadmap);
    let books = || vec![("kembali.xlsx", person.bytes.clone())];
    let mut document = roadmap.clone();
    let first = collect(&document, None, returned(books()), Prefer::Document);
    assert!(first.apply(&mut document) > 0);
    let saved = reform_roadmap::file::to_ron_string(&document);
    let second = collect(&document, None, returned(books()), Prefer::Document);
    assert!(
        second.units[0].taken.is_empty(),
        "{:?}",
        second.units[0].taken
    );
    assert!(second.changes().is_empty());
    assert_eq!(second.apply(&mut document), 0);
    assert_eq!(reform_roadmap::file::to_ron_string(&document), saved);
}

/// The busiest unit's form with its first numeric indicator's actual typed as 61.
fn corrected(roadmap: &Roadmap) -> (String, Vec<u8>) {
    let (unit, ids) = busiest(roadmap);
    let (_, mut book) = form_of(roadmap, q(Q3), &unit);
    book.form().set(&ids[0], "actual", Cell::Number(61.0));
    (ids[0].clone(), book.save())
}

fn set_actual(roadmap: &mut Roadmap, id: &str, value: Option<f64>) {
    let indicator = roadmap
        .areas
        .iter_mut()
        .flat_map(|a| &mut a.programs)
        .flat_map(|p| &mut p.indicators)
        .find(|i| i.id == id)
        .unwrap();
    indicator.target_at_mut(q(Q3)).unwrap().actual = value;
}

#[test]
fn a_conflict_never_overwrites_the_document_by_default() {
    let mut roadmap = sample();
    let (id, bytes) = corrected(&roadmap);
    // Someone types 50 into the roadmap while the form is out.
    set_actual(&mut roadmap, &id, Some(50.0));
    let made = Field::Actual.current(indicator(&sample(), &id), q(Q3));
    for (prefer, side, expected) in [
        (Prefer::Document, Side::Document, 50.0),
        (Prefer::Form, Side::Form, 61.0),
    ] {
        let collection = collect(
            &roadmap,
            Some(q(Q3)),
            returned(vec![("kembali.xlsx", bytes.clone())]),
            prefer,
        );
        let conflicts = &collection.units[0].conflicts;
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        let conflict = &conflicts[0];
        assert_eq!(conflict.document, Some(Value::Number(50.0)));
        assert_eq!(conflict.form, Value::Number(61.0));
        assert_eq!(conflict.made_from, made);
        assert_eq!(conflict.keep, side);
        assert_eq!(collection.outcome(), Outcome::Partial);
        let mut document = roadmap.clone();
        collection.apply(&mut document);
        let actual = indicator(&document, &id).target_at(q(Q3)).unwrap().actual;
        assert_eq!(actual, Some(expected), "{prefer:?}");
    }
}

#[test]
fn a_correction_by_the_unit_is_taken_and_an_untouched_cell_keeps_the_document() {
    let roadmap = sample();
    let (id, bytes) = corrected(&roadmap);
    let collection = collect(
        &roadmap,
        None,
        returned(vec![("kembali.xlsx", bytes.clone())]),
        Prefer::Document,
    );
    assert_eq!(collection.outcome(), Outcome::Clean, "{collection:?}");
    assert_eq!(collection.units[0].taken.len(), 1);
    // The document changes another cell of the form meanwhile: the form left it as
    // given, so the document's value stays and it is no conflict.
    let (_, ids) = busiest(&roadmap);
    let mut changed = roadmap.clone();
    let other = ids
        .iter()
        .find(|other| {
            Field::Actual
                .current(indicator(&roadmap, other), q(Q3))
                .is_some()
                && **other != id
        })
        .expect("another reported indicator");
    set_actual(&mut changed, other, Some(1234.5));
    let collection = collect(
        &changed,
        None,
        returned(vec![("k.xlsx", bytes)]),
        Prefer::Form,
    );
    assert_eq!(collection.units[0].kept, 1);
    assert!(collection.units[0].conflicts.is_empty());
    let mut document = changed.clone();
    collection.apply(&mut document);
    assert_eq!(
        indicator(&document, other).target_at(q(Q3)).unwrap().actual,
        Some(1234.5)
    );
}

fn collect_one(roadmap: &Roadmap, bytes: Vec<u8>) -> Collection {
    collect(
        roadmap,
        Some(q(Q3)),
        returned(vec![("kembali.xlsx", bytes)]),
        Prefer::Document,
    )
}

fn refused_only(collection: &Collection) -> &Refusal {
    assert!(collection.units.is_empty(), "{:?}", collection.units);
    assert_eq!(collection.outcome(), Outcome::NothingRead);
    assert_eq!(collection.refused.len(), 1);
    let mut document = sample();
    assert_eq!(collection.apply(&mut document), 0);
    assert_eq!(document, sample());
    &collection.refused[0].reason
}

/// Rewrites the zip `bytes` with `change` applied to each entry's name and content.
fn rezip(bytes: &[u8], change: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        out.start_file(
            name.as_str(),
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated),
        )
        .unwrap();
        out.write_all(&change(&name, content)).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn written_form(roadmap: &Roadmap, unit: &str) -> Vec<u8> {
    let (form, _) = form_of(roadmap, q(Q3), unit);
    forms::workbook(roadmap, &form, Language::Indonesian).unwrap()
}

#[test]
fn a_zip_bomb_is_refused_unopened() {
    let roadmap = sample();
    let (unit, _) = busiest(&roadmap);
    // 200 MiB of one byte in a sheet: a few hundred kilobytes packed.
    let bomb = rezip(&written_form(&roadmap, &unit), |name, content| {
        if name == "xl/worksheets/sheet1.xml" {
            vec![b' '; 200 * 1024 * 1024]
        } else {
            content
        }
    });
    assert!(bomb.len() < 2 * 1024 * 1024, "{}", bomb.len());
    let collection = collect_one(&roadmap, bomb);
    assert!(
        matches!(refused_only(&collection), Refusal::Bomb { unpacked, .. } if *unpacked > 200 * 1024 * 1024),
        "{:?}",
        collection.refused
    );
}

#[test]
fn broken_xml_is_refused_with_a_reason() {
    let roadmap = sample();
    let (unit, _) = busiest(&roadmap);
    let broken = rezip(&written_form(&roadmap, &unit), |name, content| {
        if name == "xl/worksheets/sheet1.xml" {
            content[..content.len() / 2].to_vec()
        } else {
            content
        }
    });
    let collection = collect_one(&roadmap, broken);
    let reason = refused_only(&collection);
    assert!(matches!(reason, Refusal::Broken { .. }), "{reason:?}");
    assert!(
        reason
            .message(Language::Indonesian)
            .contains("bukan buku kerja yang utuh")
    );
    // Not a workbook at all, and a workbook that is no form.
    let collection = collect_one(&roadmap, b"Halo, ini laporan kami".to_vec());
    assert!(matches!(refused_only(&collection), Refusal::Broken { .. }));
    let mut plain = rust_xlsxwriter::Workbook::new();
    plain.add_worksheet().write_string(0, 0, "Laporan").unwrap();
    let collection = collect_one(&roadmap, plain.save_to_buffer().unwrap());
    assert_eq!(refused_only(&collection), &Refusal::NotAForm);
}

#[test]
fn a_form_carrying_another_units_indicators_is_refused_whole() {
    let roadmap = sample();
    let (unit, ids) = busiest(&roadmap);
    let foreign = roadmap
        .indicators()
        .find(|(_, p, i)| p.unit.as_deref() != Some(unit.as_str()) && i.targets.contains_key(Q3))
        .map(|(_, _, i)| i.id.clone())
        .unwrap();
    let (_, mut book) = form_of(&roadmap, q(Q3), &unit);
    // The id swapped on the form and in the hidden sheet, with a value typed.
    book.form().set(&ids[0], "actual", Cell::Number(77.0));
    book.form().set(&ids[0], "id", Cell::Text(foreign.clone()));
    for cell in book.meta().cells.values_mut() {
        if *cell == Cell::Text(ids[0].clone()) {
            *cell = Cell::Text(foreign.clone());
        }
    }
    let collection = collect_one(&roadmap, book.save());
    assert_eq!(
        refused_only(&collection),
        &Refusal::ForeignIndicators {
            unit,
            ids: vec![foreign]
        }
    );
}

#[test]
fn a_formula_typed_as_text_stays_text_in_later_exports() {
    let roadmap = sample();
    let person = filled(&roadmap);
    let mut document = roadmap.clone();
    collect_one(&document, person.bytes).apply(&mut document);
    let obstacle = indicator(&document, &person.typed)
        .target_at(q(Q3))
        .unwrap()
        .obstacle
        .clone();
    assert_eq!(obstacle.as_deref(), Some(person.obstacle.as_str()));
    // The review workbook writes it as a string, never a formula.
    let bytes =
        reform_roadmap::export::xlsx::workbook(&document, q(Q3), Language::Indonesian).unwrap();
    let mut book =
        calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(std::io::Cursor::new(bytes))
            .unwrap();
    use calamine::Reader;
    let name = book.sheet_names()[0].clone();
    let formulas = book.worksheet_formula(&name).unwrap();
    assert!(formulas.used_cells().next().is_none(), "{formulas:?}");
    let values = book.worksheet_range(&name).unwrap();
    assert!(
        values
            .used_cells()
            .any(|(_, _, d)| *d == calamine::Data::String(person.obstacle.clone()))
    );
    // And the next quarter's form carries it as text too.
    let (_, mut next) = form_of(&document, q(Q3), &person.unit);
    assert_eq!(
        next.form().get(&person.typed, "obstacle"),
        Some(&Cell::Text(person.obstacle.clone()))
    );
}

#[test]
fn milestones_are_reported_done_with_the_listed_word() {
    let roadmap = sample();
    let due = plan(&roadmap, q(Q3), None)
        .into_iter()
        .flat_map(|form| {
            let unit = form.unit.id.clone();
            form.rows
                .into_iter()
                .filter(|r| r.kind == Kind::Milestone && r.made_from[0].1.is_none())
                .map(move |r| (unit.clone(), r.id))
        })
        .next()
        .expect("an open milestone at Q3 in the sample");
    let (unit, id) = due;
    let (_, mut book) = form_of(&roadmap, q(Q3), &unit);
    assert_eq!(
        book.form().get(&id, "actual"),
        Some(&Cell::Text("Belum".into()))
    );
    book.form().set(&id, "actual", Cell::Text("selesai".into()));
    let mut document = roadmap.clone();
    let collection = collect_one(&document, book.save());
    assert_eq!(collection.outcome(), Outcome::Clean, "{collection:?}");
    collection.apply(&mut document);
    assert_eq!(indicator(&document, &id).done, Some(q(Q3)));

    let (_, mut book) = form_of(&roadmap, q(Q3), &unit);
    book.form().set(&id, "actual", Cell::Text("sudah".into()));
    let collection = collect_one(&roadmap, book.save());
    assert_eq!(
        collection.units[0].rejected[0].reason,
        RejectedReason::NotDoneWord {
            text: "sudah".into()
        }
    );
}

#[test]
fn units_that_have_not_reported_and_the_changes_as_whole_indicators() {
    let mut roadmap = sample();
    let quarter = q(Q3);
    let (unit, ids) = busiest(&roadmap);
    assert!(
        !forms::not_reported(&roadmap, quarter)
            .iter()
            .any(|(id, _)| *id == unit)
    );
    // Nothing of the unit reported at Q3 yet: it is listed.
    for id in &ids {
        set_actual(&mut roadmap, id, None);
    }
    let milestones_done = plan(&roadmap, quarter, Some(std::slice::from_ref(&unit)))[0]
        .rows
        .iter()
        .any(|r| r.kind == Kind::Milestone && r.made_from[0].1.is_some());
    let listed = forms::not_reported(&roadmap, quarter)
        .iter()
        .any(|(id, _)| *id == unit);
    assert_eq!(listed, !milestones_done);
    // The collection of one correction changes exactly that indicator, in place.
    let original = sample();
    let (id, bytes) = corrected(&original);
    let collection = collect_one(&original, bytes);
    let changed = collection.changed_indicators(&original);
    assert_eq!(changed.len(), 1);
    let ((a, p, i), indicator) = &changed[0];
    assert_eq!(original.areas[*a].programs[*p].indicators[*i].id, id);
    assert_eq!(indicator.target_at(quarter).unwrap().actual, Some(61.0));
    let nothing = collect_one(&original, written_form(&original, &unit));
    assert!(nothing.changed_indicators(&original).is_empty());
}

#[test]
fn a_form_filled_by_openpyxl_collects() {
    // openpyxl stands in for a person in Excel: open, type, save. Skipped (and said
    // so) where python3 or openpyxl is missing.
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/domain/forms/fill_form.py");
    let available = std::process::Command::new("python3")
        .args(["-c", "import openpyxl"])
        .status()
        .is_ok_and(|s| s.success());
    if !available {
        eprintln!("skipped: python3 with openpyxl is not installed");
        return;
    }
    let roadmap = sample();
    let (unit, ids) = busiest(&roadmap);
    let folder = tempfile::tempdir().unwrap();
    let path = forms::write_forms(
        &roadmap,
        q(Q3),
        folder.path(),
        Some(std::slice::from_ref(&unit)),
        Language::Indonesian,
    )
    .unwrap()
    .remove(0);
    let status = std::process::Command::new("python3")
        .arg(&script)
        .arg(&path)
        .arg(&ids[0])
        .status()
        .unwrap();
    assert!(status.success());
    let collection = collect(
        &roadmap,
        None,
        vec![(path.clone(), forms::read_form(&path))],
        Prefer::Document,
    );
    let report = &collection.units[0];
    let taken: Vec<(Field, &Value)> = report.taken.iter().map(|t| (t.field, &t.after)).collect();
    assert!(
        taken.contains(&(Field::Actual, &Value::Number(12.5))),
        "{taken:?}"
    );
    assert!(
        taken.contains(&(
            Field::Obstacle,
            &Value::Text("=HYPERLINK(\"http://x.test\")".into())
        )),
        "{taken:?}"
    );
    assert_eq!(report.rejected.len(), 0, "{:?}", report.rejected);
}
