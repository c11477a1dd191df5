use super::*;
use crate::model::IndicatorAt;

use crate::model::{Element, Kind, Period, Target};

fn roadmap() -> Roadmap {
    let mut roadmap = Roadmap::new(
        "RB",
        "Kab",
        Period {
            start: 2025,
            end: 2026,
        },
    );
    roadmap.units.push(Unit {
        id: "bagor".into(),
        name: "Bagian Organisasi".into(),
    });
    let mut area = Area::new("mp", "Manajemen Perubahan", Element::Soft);
    let mut program = Program::new("mp-1", "Internalisasi");
    let mut indicator = Indicator::new("mp-1-a", "Persentase", Kind::Level);
    indicator
        .targets
        .insert("2025-Q1".into(), Target::planned(45.0));
    program.indicators.push(indicator);
    program
        .indicators
        .push(Indicator::new("mp-1-b", "SK", Kind::Milestone));
    area.programs.push(program);
    roadmap.areas.push(area);
    roadmap
        .areas
        .push(Area::new("dk", "Deregulasi", Element::Hard));
    roadmap
}

fn every_kind_of_edit(original: &Roadmap) -> Vec<Edit> {
    let mut header = original.clone();
    header.title = "Baru".into();
    let mut area = original.areas[0].clone();
    area.name = "Ganti".into();
    area.programs.clear(); // ignored by the edit: children stay
    let mut program = original.areas[0].programs[0].clone();
    program.budget = Some(5);
    let mut indicator = original.areas[0].programs[0].indicators[0].clone();
    indicator.targets.get_mut("2025-Q1").unwrap().actual = Some(40.0);
    vec![
        Edit::Header(Box::new(header)),
        Edit::Unit(
            0,
            Unit {
                id: "x".into(),
                name: "X".into(),
            },
        ),
        Edit::Area(0, area),
        Edit::Program(0, 0, program),
        Edit::Indicator(IndicatorAt::new(0, 0, 0), Box::new(indicator)),
        Edit::Insert(
            NodePath::Area(2),
            Node::Area(Area::new("new", "New", Element::Hard)),
        ),
        Edit::Insert(
            NodePath::Indicator(IndicatorAt::new(0, 0, 1)),
            Node::Indicator(Box::new(Indicator::new("n", "N", Kind::Count))),
        ),
        Edit::Remove(NodePath::Program(0, 0)),
        Edit::Remove(NodePath::Unit(0)),
        Edit::Move(NodePath::Area(0), 1),
        Edit::Move(NodePath::Indicator(IndicatorAt::new(0, 0, 1)), 0),
    ]
}

#[test]
fn every_edit_changes_the_document_and_its_inverse_restores_it() {
    let original = roadmap();
    for edit in every_kind_of_edit(&original) {
        let mut changed = original.clone();
        let inverse = apply(&mut changed, edit.clone()).unwrap();
        assert_ne!(changed, original, "{edit:?} changed nothing");
        apply(&mut changed, inverse).unwrap();
        assert_eq!(changed, original, "undoing {edit:?}");
    }
}

#[test]
fn replacing_a_node_keeps_its_children() {
    let original = roadmap();
    let mut changed = original.clone();
    let mut area = original.areas[0].clone();
    area.programs.clear();
    area.name = "Ganti".into();
    apply(&mut changed, Edit::Area(0, area)).unwrap();
    assert_eq!(changed.areas[0].name, "Ganti");
    assert_eq!(changed.areas[0].programs, original.areas[0].programs);
}

#[test]
fn edits_at_missing_paths_fail_and_change_nothing() {
    let original = roadmap();
    for edit in [
        Edit::Unit(5, original.units[0].clone()),
        Edit::Remove(NodePath::Indicator(IndicatorAt::new(0, 3, 0))),
        Edit::Insert(NodePath::Area(9), Node::Area(original.areas[1].clone())),
        Edit::Insert(NodePath::Area(0), Node::Unit(original.units[0].clone())),
        Edit::Move(NodePath::Area(0), 7),
    ] {
        let mut changed = original.clone();
        assert!(apply(&mut changed, edit.clone()).is_err(), "{edit:?}");
        assert_eq!(changed, original);
    }
}

#[test]
fn undo_redo_and_dirty_tracking() {
    let mut editor = Editor::new(roadmap());
    assert!(!editor.is_dirty());
    let original = editor.roadmap().clone();
    editor.apply(Edit::Remove(NodePath::Area(1))).unwrap();
    assert!(editor.is_dirty());
    assert!(editor.undo());
    assert!(!editor.is_dirty(), "back at the saved state");
    assert_eq!(editor.roadmap(), &original);
    assert!(editor.redo());
    assert!(editor.is_dirty());
    editor.mark_saved();
    assert!(!editor.is_dirty());
    editor.undo();
    assert!(
        editor.is_dirty(),
        "undoing past a save differs from the file"
    );
    assert!(!editor.undo(), "nothing more to undo");
    // A new edit clears the redo stack.
    editor.apply(Edit::Move(NodePath::Area(0), 1)).unwrap();
    assert!(!editor.can_redo());
}

#[test]
fn typing_in_one_field_is_one_undo_step() {
    let mut editor = Editor::new(roadmap());
    let original = editor.roadmap().clone();
    for name in ["M", "Ma", "Man"] {
        let mut area = editor.roadmap().areas[0].clone();
        area.name = name.into();
        editor
            .apply_typing(Edit::Area(0, area), "area/0/name")
            .unwrap();
    }
    let mut area = editor.roadmap().areas[0].clone();
    area.goal = Some("G".into());
    editor
        .apply_typing(Edit::Area(0, area), "area/0/goal")
        .unwrap();
    editor.undo();
    assert_eq!(editor.roadmap().areas[0].name, "Man");
    editor.undo();
    assert_eq!(editor.roadmap(), &original);
}

#[test]
fn typing_back_to_the_start_leaves_no_change() {
    let mut editor = Editor::new(roadmap());
    let original = editor.roadmap().clone();
    let type_target = |editor: &mut Editor, target: f64| {
        let mut indicator = editor.roadmap().areas[0].programs[0].indicators[0].clone();
        indicator.targets.get_mut("2025-Q1").unwrap().target = target;
        editor
            .apply_typing(
                Edit::Indicator(IndicatorAt::new(0, 0, 0), Box::new(indicator)),
                "cell",
            )
            .unwrap();
    };
    // `5` went in, then `5O` put back the 45 that was there.
    type_target(&mut editor, 5.0);
    assert!(editor.is_dirty());
    type_target(&mut editor, 45.0);
    assert_eq!(editor.roadmap(), &original);
    assert!(!editor.is_dirty(), "nothing is changed");
    assert!(!editor.can_undo(), "nothing to undo");
    // The same for a field of an area, and after other steps.
    let mut area = editor.roadmap().areas[1].clone_shallow();
    area.name = "Deregulasi Kebijakan".into();
    editor.apply(Edit::Area(1, area)).unwrap();
    for name in ["Mx", "Manajemen Perubahan"] {
        let mut area = editor.roadmap().areas[0].clone_shallow();
        area.name = name.into();
        editor.apply_typing(Edit::Area(0, area), "name").unwrap();
    }
    assert_eq!(editor.roadmap().areas[0].name, "Manajemen Perubahan");
    // The typing left no step: undo takes back the rename before it.
    editor.undo();
    assert_eq!(editor.roadmap().areas[1].name, "Deregulasi");
    assert!(!editor.is_dirty());
}

#[test]
fn typing_after_a_save_starts_a_new_step() {
    let mut editor = Editor::new(roadmap());
    let type_name = |editor: &mut Editor, name: &str| {
        let mut area = editor.roadmap().areas[0].clone();
        area.name = name.into();
        editor
            .apply_typing(Edit::Area(0, area), "area/0/name")
            .unwrap();
    };
    type_name(&mut editor, "A");
    editor.mark_saved();
    type_name(&mut editor, "AB");
    assert!(editor.is_dirty());
    editor.undo();
    assert!(!editor.is_dirty());
    assert_eq!(editor.roadmap().areas[0].name, "A");
}

#[test]
fn a_failing_group_rolls_back() {
    let mut editor = Editor::new(roadmap());
    let original = editor.roadmap().clone();
    let result = editor.apply_all(
        vec![
            Edit::Remove(NodePath::Area(1)),
            Edit::Remove(NodePath::Area(5)),
        ],
        None,
    );
    assert!(result.is_err());
    assert_eq!(editor.roadmap(), &original);
    assert!(!editor.can_undo());
}

#[test]
fn unsaved_documents_are_dirty_from_the_start() {
    let editor = Editor::unsaved(roadmap());
    assert!(editor.is_dirty());
}
