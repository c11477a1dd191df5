use proptest::prelude::*;

use super::*;
use crate::locale::Language;
use crate::model::{Indicator, Roadmap, Target};
use crate::sample::sample;
use crate::synthetic::generated_roadmap;

fn indicator<'a>(roadmap: &'a mut Roadmap, id: &str) -> &'a mut Indicator {
    roadmap
        .areas
        .iter_mut()
        .flat_map(|a| &mut a.programs)
        .flat_map(|p| &mut p.indicators)
        .find(|i| i.id == id)
        .expect("the indicator exists")
}

fn lines(old: &Roadmap, new: &Roadmap, language: Language) -> Vec<String> {
    let words = Words::new(language);
    diff(old, new)
        .unwrap()
        .iter()
        .map(|c| words.change(c))
        .collect()
}

#[test]
fn a_roadmap_goes_through_the_tree_unchanged() {
    for roadmap in [sample(), generated_roadmap(40, 2)] {
        let tree = tree::to_tree(&roadmap).unwrap();
        assert_eq!(de::from_tree::<Roadmap>(tree).unwrap(), roadmap);
    }
}

#[test]
fn non_finite_numbers_survive_the_tree() {
    let mut roadmap = sample();
    indicator(&mut roadmap, "mp-1-a").baseline = Some(f64::NAN);
    let back: Roadmap = de::from_tree(tree::to_tree(&roadmap).unwrap()).unwrap();
    assert!(
        back.indicators()
            .any(|(_, _, i)| i.baseline.is_some_and(f64::is_nan))
    );
    let merged = merge(&roadmap, &roadmap, &roadmap).unwrap();
    assert!(merged.conflicts.is_empty());
    assert_eq!(
        crate::file::to_ron_string(&merged.roadmap),
        crate::file::to_ron_string(&roadmap)
    );
}

#[test]
fn changes_read_in_the_roadmaps_words() {
    let mut old = sample();
    indicator(&mut old, "mp-1-a").targets.remove("2029-Q4");
    let mut new = old.clone();
    let entry = indicator(&mut new, "mp-1-a");
    let name = entry.name.clone();
    let q1 = entry.targets.keys().next().unwrap().clone();
    entry.targets.get_mut(&q1).unwrap().actual = Some(2.51);
    entry.targets.get_mut(&q1).unwrap().obstacle = Some("Bimtek mundur".into());
    entry.targets.insert("2029-Q4".into(), Target::planned(3.1));
    new.title.push_str(" (revisi)");
    let id = lines(&old, &new, Language::Indonesian);
    let quarter = Language::Indonesian.quarter(q1.parse().unwrap());
    assert!(
        id.iter().any(
            |l| l.starts_with(&format!("{quarter}, realisasi *{name}*: ")) && l.ends_with("→ 2,51")
        ),
        "{id:#?}"
    );
    assert!(
        id.contains(&format!(
            "TW IV 2029, target *{name}* ditambahkan: target 3,10"
        )),
        "{id:#?}"
    );
    assert!(id.iter().any(|l| l.starts_with("Judul: \"")), "{id:#?}");
    let en = lines(&old, &new, Language::English);
    assert!(
        en.contains(&format!("Q4 2029, target *{name}* added: target 3.10")),
        "{en:#?}"
    );
}

#[test]
fn items_are_matched_by_id_across_the_document() {
    let old = sample();
    let mut new = old.clone();
    let moved = new.areas[0].programs[0].indicators.remove(0);
    let id = moved.id.clone();
    new.areas[1].programs[0].indicators.push(moved);
    new.areas[0].programs[0].name = "Nama baru".into();
    new.areas.swap(2, 3);
    let text = lines(&old, &new, Language::English);
    assert!(
        text.iter()
            .any(|l| l.contains(&format!("({id}) moved from program"))),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|l| l.contains("renamed") && l.ends_with("→ \"Nama baru\"")),
        "{text:#?}"
    );
    assert!(
        text.iter().any(|l| l == "Order of change areas changed"),
        "{text:#?}"
    );
    assert!(
        !text
            .iter()
            .any(|l| l.contains("added") || l.contains("removed")),
        "{text:#?}"
    );
}

#[test]
fn edits_to_different_quarters_fields_and_items_merge_cleanly() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let keys: Vec<String> = indicator(&mut ours, "mp-1-a")
        .targets
        .keys()
        .cloned()
        .collect();
    indicator(&mut ours, "mp-1-a")
        .targets
        .get_mut(&keys[0])
        .unwrap()
        .actual = Some(1.0);
    indicator(&mut theirs, "mp-1-a")
        .targets
        .get_mut(&keys[1])
        .unwrap()
        .actual = Some(2.0);
    indicator(&mut theirs, "mp-1-a").note = Some("catatan".into());
    ours.title = "Judul kita".into();
    let mut expected = ours.clone();
    indicator(&mut expected, "mp-1-a")
        .targets
        .get_mut(&keys[1])
        .unwrap()
        .actual = Some(2.0);
    indicator(&mut expected, "mp-1-a").note = Some("catatan".into());
    let merged = merge(&base, &ours, &theirs).unwrap();
    assert_eq!(merged.conflicts, vec![]);
    assert_eq!(merged.roadmap, expected);
}

#[test]
fn the_same_value_changed_differently_is_a_conflict_with_ours_in_place() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let key = indicator(&mut ours, "mp-1-a")
        .targets
        .keys()
        .next()
        .unwrap()
        .clone();
    indicator(&mut ours, "mp-1-a")
        .targets
        .get_mut(&key)
        .unwrap()
        .target = 61.0;
    indicator(&mut theirs, "mp-1-a")
        .targets
        .get_mut(&key)
        .unwrap()
        .target = 62.5;
    let merged = merge(&base, &ours, &theirs).unwrap();
    assert_eq!(merged.roadmap, ours);
    assert_eq!(merged.conflicts.len(), 1);
    let text = Words::new(Language::Indonesian).conflict(&merged.conflicts[0]);
    assert!(text.contains("kita 61, mereka 62,50"), "{text}");
}

#[test]
fn deleted_on_one_side_and_edited_on_the_other_is_a_conflict() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.areas[0].programs[0].indicators.remove(0);
    theirs.areas[0].programs[0].indicators[0].unit = "orang".into();
    let merged = merge(&base, &ours, &theirs).unwrap();
    assert_eq!(merged.roadmap, ours);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].kind, ConflictKind::DeletedByUs);
    let swapped = merge(&base, &theirs, &ours).unwrap();
    assert_eq!(swapped.roadmap, theirs);
    assert_eq!(swapped.conflicts[0].kind, ConflictKind::DeletedByThem);
}

#[test]
fn items_added_on_both_sides_keep_both_with_unique_ids() {
    let base = sample();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let program = &base.areas[0].programs[0];
    let id = format!("{}-z", program.id);
    ours.areas[0].programs[0].indicators.push(Indicator::new(
        &id,
        "Punya kita",
        Default::default(),
    ));
    theirs.areas[0].programs[0].indicators.push(Indicator::new(
        &id,
        "Punya mereka",
        Default::default(),
    ));
    let merged = merge(&base, &ours, &theirs).unwrap();
    assert!(merged.conflicts.is_empty());
    let names: Vec<(&str, &str)> = merged.roadmap.areas[0].programs[0]
        .indicators
        .iter()
        .rev()
        .take(2)
        .map(|i| (i.id.as_str(), i.name.as_str()))
        .collect();
    let fresh = format!("{id}-2");
    assert_eq!(
        names,
        vec![
            (fresh.as_str(), "Punya mereka"),
            (id.as_str(), "Punya kita")
        ]
    );
    assert_eq!(merged.renamed.len(), 1);
    let text = Words::new(Language::English).renamed(&merged.renamed[0]);
    assert!(
        text.contains(&fresh) && text.contains("Punya mereka"),
        "{text}"
    );
    assert_eq!(crate::validate::validate(&merged.roadmap), vec![]);
}

/// One edit a person might make to a generated roadmap.
#[derive(Debug, Clone)]
enum Edit {
    Actual(usize, usize, f64),
    Obstacle(usize, usize),
    Rename(usize),
    Remove(usize),
    Add(usize),
    Title,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..30usize, 0..8usize, 0.0..200.0f64).prop_map(|(i, q, v)| Edit::Actual(i, q, v)),
        (0..30usize, 0..8usize).prop_map(|(i, q)| Edit::Obstacle(i, q)),
        (0..30usize).prop_map(Edit::Rename),
        (0..30usize).prop_map(Edit::Remove),
        (0..30usize).prop_map(Edit::Add),
        Just(Edit::Title),
    ]
}

fn edited(base: &Roadmap, edits: &[Edit]) -> Roadmap {
    let mut roadmap = base.clone();
    for (n, edit) in edits.iter().enumerate() {
        let mut programs: Vec<_> = roadmap
            .areas
            .iter_mut()
            .flat_map(|a| &mut a.programs)
            .collect();
        let count = programs.len();
        match *edit {
            Edit::Actual(i, q, value) => {
                let indicators = &mut programs[i % count].indicators;
                if let Some(indicator) = indicators.first_mut()
                    && let Some(key) = indicator.targets.keys().nth(q).cloned()
                {
                    indicator.targets.get_mut(&key).unwrap().actual = Some(value);
                }
            }
            Edit::Obstacle(i, q) => {
                if let Some(indicator) = programs[i % count].indicators.last_mut()
                    && let Some(entry) = indicator.targets.values_mut().nth(q)
                {
                    entry.obstacle = Some(format!("kendala {n}"));
                }
            }
            Edit::Rename(i) => programs[i % count].name = format!("program {n}"),
            Edit::Remove(i) => {
                programs[i % count].indicators.pop();
            }
            Edit::Add(i) => {
                let program = &mut programs[i % count];
                let id = format!("{}-new-{n}", program.id);
                program.indicators.insert(
                    0,
                    Indicator::new(id, format!("baru {n}"), Default::default()),
                );
            }
            Edit::Title => roadmap.title = format!("judul {n}"),
        }
    }
    roadmap
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn merging_with_an_unchanged_side_gives_the_other(edits in prop::collection::vec(edit(), 0..12)) {
        let base = generated_roadmap(60, 2);
        let x = edited(&base, &edits);
        for (ours, theirs) in [(&x, &base), (&base, &x), (&x, &x)] {
            let merged = merge(&base, ours, theirs).unwrap();
            prop_assert!(merged.conflicts.is_empty());
            prop_assert!(merged.renamed.is_empty());
            prop_assert_eq!(&merged.roadmap, &x);
        }
        let changes = diff(&base, &x).unwrap();
        prop_assert_eq!(changes.is_empty(), base == x);
    }
}
