//! Scores and ratings in the exported review: the workbook read back with calamine and
//! the page as text, both checked against the engine (`review`, `scorecard`).

use crate::support::q;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use reform_roadmap::export::{html, xlsx};
use reform_roadmap::locale::Language;
use reform_roadmap::model::{Quarter, RatingScale, Roadmap};
use reform_roadmap::review::{review, scorecard};
use reform_roadmap::sample::sample;

fn printed() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 7, 10).unwrap()
}

fn rating(roadmap: &Roadmap, score: Option<f64>) -> Data {
    score
        .and_then(|s| roadmap.scoring().rating.rate(s))
        .map_or(Data::Empty, |r| Data::String(r.to_owned()))
}

fn score_cell(score: Option<f64>) -> Data {
    score.map_or(Data::Empty, Data::Float)
}

/// The cell in `row` under the header `name` (the header row is the first row whose
/// cells include `name`).
fn columns(range: &calamine::Range<Data>, names: &[&str]) -> (usize, Vec<usize>) {
    let (at, header) = range
        .rows()
        .enumerate()
        .find(|(_, row)| row.contains(&Data::String(names[0].to_owned())))
        .unwrap_or_else(|| panic!("no header with {:?}", names[0]));
    let positions = names
        .iter()
        .map(|name| {
            header
                .iter()
                .position(|c| *c == Data::String((*name).to_owned()))
                .unwrap_or_else(|| panic!("no column {name:?}"))
        })
        .collect();
    (at, positions)
}

fn check_workbook(roadmap: &Roadmap, quarter: Quarter, language: Language) {
    let bytes = xlsx::workbook(roadmap, quarter, language).unwrap();
    let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
    let engine = review(roadmap, quarter);
    let words = match language {
        Language::Indonesian => ["Area perubahan", "Bobot", "Nilai", "Predikat", "Jumlah"],
        Language::English => ["Change area", "Weight", "Score", "Rating", "Total"],
    };

    let summary = book
        .worksheet_range(&xlsx::summary_sheet_name(language))
        .unwrap();
    let (header, cols) = columns(&summary, &words[..4]);
    let [area, weight, score, rated] = cols[..] else {
        unreachable!()
    };
    let rows: Vec<&[Data]> = summary.rows().skip(header + 1).collect();
    for (a, roadmap_area) in roadmap.areas.iter().enumerate() {
        let row = rows[a];
        assert_eq!(row[area], Data::String(roadmap_area.name.clone()));
        assert_eq!(row[weight], Data::Float(roadmap_area.weight()));
        assert_eq!(
            row[score],
            score_cell(engine.scores.areas[a]),
            "{}",
            roadmap_area.id
        );
        assert_eq!(row[rated], rating(roadmap, engine.scores.areas[a]));
    }
    let total = rows[roadmap.areas.len()];
    assert_eq!(total[area], Data::String(words[4].to_owned()));
    assert_eq!(total[score], score_cell(engine.scores.document));
    assert_eq!(total[rated], rating(roadmap, engine.scores.document));

    let units = book
        .worksheet_range(&xlsx::units_sheet_name(language))
        .unwrap();
    let names = match language {
        Language::Indonesian => ["Kode", "Unit kerja", "Nilai", "Predikat", "Peringkat"],
        Language::English => ["ID", "Unit", "Score", "Rating", "Rank"],
    };
    let (header, cols) = columns(&units, &names);
    let [id, name, score, rated, rank] = cols[..] else {
        unreachable!()
    };
    let standings = scorecard(roadmap, &engine);
    let rows: Vec<&[Data]> = units.rows().skip(header + 1).collect();
    assert_eq!(rows.len(), roadmap.units.len());
    for (at, (row, standing)) in rows.iter().zip(&standings).enumerate() {
        let unit = &roadmap.units[standing.unit];
        assert_eq!(row[rank], Data::Float((at + 1) as f64));
        assert_eq!(row[id], Data::String(unit.id.clone()));
        assert_eq!(row[name], Data::String(unit.name.clone()));
        assert_eq!(row[score], score_cell(standing.score), "{}", unit.id);
        assert_eq!(row[rated], rating(roadmap, standing.score), "{}", unit.id);
        assert_eq!(row[rated + 1], Data::Float(standing.owned as f64));
        assert_eq!(row[rated + 2], Data::Float(standing.flagged as f64));
        assert_eq!(row[rated + 3], Data::Float(standing.unexplained as f64));
        assert_eq!(row[rated + 4], score_cell(standing.absorption));
    }
    let formulas = book
        .worksheet_formula(&xlsx::units_sheet_name(language))
        .unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
}

#[test]
fn the_workbook_holds_the_engines_scores_and_ratings() {
    let roadmap = sample();
    assert_eq!(roadmap.scoring().rating, RatingScale::Sakip);
    for quarter in ["2025-Q1", "2025-Q2", "2025-Q4"] {
        for language in Language::ALL {
            check_workbook(&roadmap, q(quarter), language);
        }
    }
    // Every unit with a score and an area without one (nothing due yet) read back too.
    let engine = review(&roadmap, q("2025-Q2"));
    assert!(engine.scores.areas.iter().all(Option::is_some));
    assert!(engine.scores.document.is_some());
}

#[test]
fn without_a_rating_scale_the_ratings_are_blank_and_other_scales_are_written() {
    let mut roadmap = sample();
    roadmap.scoring.get_or_insert_with(Default::default).rating = RatingScale::None;
    check_workbook(&roadmap, q("2025-Q2"), Language::Indonesian);
    roadmap.scoring.as_mut().unwrap().rating = RatingScale::Permendagri86;
    check_workbook(&roadmap, q("2025-Q2"), Language::English);
}

/// `99,00`, `101,13`: scores in the report always have two decimals (the sample's
/// stay below 1.000, so no thousands separator).
fn two_decimals(score: f64, language: Language) -> String {
    let text = format!("{score:.2}");
    match language {
        Language::Indonesian => text.replace('.', ","),
        Language::English => text,
    }
}

fn section<'a>(html: &'a str, class: &str) -> &'a str {
    let start = html
        .find(&format!("<section class=\"{class}\">"))
        .unwrap_or_else(|| panic!("section {class}"));
    let end = html[start..].find("</section>").unwrap() + start;
    &html[start..end]
}

#[test]
fn the_page_shows_the_scores_per_area_and_the_units_ranked() {
    let roadmap = sample();
    let quarter = q("2025-Q2");
    let engine = review(&roadmap, quarter);
    for language in Language::ALL {
        let page = html::report(&roadmap, quarter, language, printed());
        let scores = section(&page, "scores");
        let shown = |score: Option<f64>| two_decimals(score.unwrap(), language);
        let rated = |score: Option<f64>| {
            roadmap
                .scoring()
                .rating
                .rate(score.unwrap())
                .unwrap()
                .to_owned()
        };
        // Overall first, then each area in document order with its score and rating.
        let overall = format!(
            r#"<span class="overall-score">{}</span><span class="overall-rating">{}</span>"#,
            shown(engine.scores.document),
            rated(engine.scores.document)
        );
        assert!(scores.contains(&overall), "{overall} in\n{scores}");
        let mut from = 0;
        for (area, score) in roadmap.areas.iter().zip(&engine.scores.areas) {
            let row = format!(
                r#"<tr><td>{}</td><td class="num">{}</td>"#,
                html::escape(&area.name),
                shown(*score)
            );
            let at = scores[from..]
                .find(&row)
                .unwrap_or_else(|| panic!("{row} after {from} in\n{scores}"));
            from += at;
            let rest = &scores[from..];
            let end = rest.find("</tr>").unwrap();
            assert!(
                rest[..end].contains(&format!("<b>{}</b>", rated(*score))),
                "{}",
                &rest[..end]
            );
        }
        // Each area's details open with its score.
        let details = section(&page, "details");
        for (area, score) in roadmap.areas.iter().zip(&engine.scores.areas) {
            let heading = format!(
                "{} <small>· {} · {} {} ({})</small></h3>",
                html::escape(&area.name),
                html::escape(&reform_roadmap::text::tr(
                    language,
                    &format!("element.{:?}", area.element)
                )),
                reform_roadmap::text::tr(language, "export.col.score"),
                shown(*score),
                rated(*score)
            );
            assert!(details.contains(&heading), "{heading}");
        }
        // The units, best first, each with its score.
        let mut from = scores.find("unit-scores").unwrap();
        for (rank, standing) in scorecard(&roadmap, &engine).iter().enumerate() {
            let unit = &roadmap.units[standing.unit];
            let row = format!(
                r#"<td class="num">{}</td><td>{}</td><td class="num">{}</td>"#,
                rank + 1,
                html::escape(&unit.name),
                standing
                    .score
                    .map_or("—".to_owned(), |s| two_decimals(s, language))
            );
            from += scores[from..]
                .find(&row)
                .unwrap_or_else(|| panic!("{row} in\n{scores}"));
        }
    }
}

#[test]
fn the_page_leaves_out_what_the_document_does_not_use() {
    let mut roadmap = sample();
    roadmap.scoring.get_or_insert_with(Default::default).rating = RatingScale::None;
    for area in &mut roadmap.areas {
        area.weight = None;
    }
    roadmap.units.clear();
    let page = html::report(&roadmap, q("2025-Q2"), Language::Indonesian, printed());
    let scores = section(&page, "scores");
    assert!(scores.contains("Nilai keseluruhan"));
    assert!(!scores.contains("Predikat"), "no rating scale, no column");
    assert!(!scores.contains("Bobot"), "all weights 1, no column");
    assert!(!scores.contains("unit-scores"), "no units, no scorecard");
}
