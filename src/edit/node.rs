//! Addressing, inserting, removing and moving the nodes of a roadmap tree.

use super::EditError;
use crate::model::{Area, Indicator, IndicatorAt, Program, Review, Roadmap, Unit};

/// Where a node is: indices into `units`, `areas[a].programs[p].indicators[i]`, `reviews`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodePath {
    Unit(usize),
    Area(usize),
    Program(usize, usize),
    Indicator(IndicatorAt),
    Review(usize),
}

/// A whole node with its children.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Unit(Unit),
    Area(Area),
    Program(Program),
    Indicator(Box<Indicator>),
    Review(Review),
}

impl NodePath {
    /// The node's index among its siblings.
    pub fn index(self) -> usize {
        match self {
            NodePath::Unit(i)
            | NodePath::Area(i)
            | NodePath::Program(_, i)
            | NodePath::Indicator(IndicatorAt { indicator: i, .. })
            | NodePath::Review(i) => i,
        }
    }

    /// The same parent, another index.
    pub fn with_index(self, index: usize) -> Self {
        match self {
            NodePath::Unit(_) => NodePath::Unit(index),
            NodePath::Area(_) => NodePath::Area(index),
            NodePath::Program(a, _) => NodePath::Program(a, index),
            NodePath::Indicator(at) => NodePath::Indicator(at.sibling(index)),
            NodePath::Review(_) => NodePath::Review(index),
        }
    }
}

fn programs_mut(roadmap: &mut Roadmap, a: usize) -> Option<&mut Vec<Program>> {
    Some(&mut roadmap.areas.get_mut(a)?.programs)
}

/// The indicators of the program `at` is in.
fn indicators_mut(roadmap: &mut Roadmap, at: IndicatorAt) -> Option<&mut Vec<Indicator>> {
    Some(
        &mut programs_mut(roadmap, at.area)?
            .get_mut(at.program)?
            .indicators,
    )
}

fn insert_at<T>(
    list: Option<&mut Vec<T>>,
    index: usize,
    item: T,
    path: NodePath,
) -> Result<(), EditError> {
    match list {
        Some(list) if index <= list.len() => {
            list.insert(index, item);
            Ok(())
        }
        _ => Err(EditError(path)),
    }
}

fn remove_at<T>(list: Option<&mut Vec<T>>, index: usize, path: NodePath) -> Result<T, EditError> {
    match list {
        Some(list) if index < list.len() => Ok(list.remove(index)),
        _ => Err(EditError(path)),
    }
}

fn move_in<T>(
    list: Option<&mut Vec<T>>,
    from: usize,
    to: usize,
    path: NodePath,
) -> Result<usize, EditError> {
    match list {
        Some(list) if from < list.len() && to < list.len() => {
            let item = list.remove(from);
            list.insert(to, item);
            Ok(from)
        }
        _ => Err(EditError(path)),
    }
}

pub(super) fn insert(roadmap: &mut Roadmap, path: NodePath, node: Node) -> Result<(), EditError> {
    match (path, node) {
        (NodePath::Unit(i), Node::Unit(unit)) => insert_at(Some(&mut roadmap.units), i, unit, path),
        (NodePath::Area(i), Node::Area(area)) => insert_at(Some(&mut roadmap.areas), i, area, path),
        (NodePath::Program(a, i), Node::Program(program)) => {
            insert_at(programs_mut(roadmap, a), i, program, path)
        }
        (NodePath::Indicator(at), Node::Indicator(indicator)) => {
            insert_at(indicators_mut(roadmap, at), at.indicator, *indicator, path)
        }
        (NodePath::Review(i), Node::Review(review)) => {
            insert_at(Some(&mut roadmap.reviews), i, review, path)
        }
        _ => Err(EditError(path)),
    }
}

pub(super) fn remove(roadmap: &mut Roadmap, path: NodePath) -> Result<Node, EditError> {
    Ok(match path {
        NodePath::Unit(i) => Node::Unit(remove_at(Some(&mut roadmap.units), i, path)?),
        NodePath::Area(i) => Node::Area(remove_at(Some(&mut roadmap.areas), i, path)?),
        NodePath::Program(a, i) => Node::Program(remove_at(programs_mut(roadmap, a), i, path)?),
        NodePath::Indicator(at) => Node::Indicator(Box::new(remove_at(
            indicators_mut(roadmap, at),
            at.indicator,
            path,
        )?)),
        NodePath::Review(i) => Node::Review(remove_at(Some(&mut roadmap.reviews), i, path)?),
    })
}

pub(super) fn move_to(
    roadmap: &mut Roadmap,
    path: NodePath,
    to: usize,
) -> Result<usize, EditError> {
    match path {
        NodePath::Unit(i) => move_in(Some(&mut roadmap.units), i, to, path),
        NodePath::Area(i) => move_in(Some(&mut roadmap.areas), i, to, path),
        NodePath::Program(a, i) => move_in(programs_mut(roadmap, a), i, to, path),
        NodePath::Indicator(at) => move_in(indicators_mut(roadmap, at), at.indicator, to, path),
        NodePath::Review(i) => move_in(Some(&mut roadmap.reviews), i, to, path),
    }
}
