//! The three-way merge of document trees: records field by field, maps key by key
//! (a quarter's target, a year's budget), lists item by item matched by id (or by
//! what identifies an item without one), scalars as a whole.
//!
//! A value changed on one side only takes that change. The same value changed
//! differently, or an item deleted on one side and changed on the other, is a
//! [`Conflict`]: our value stays in place and the conflict is reported. An item added
//! on both sides with different content keeps both; theirs gets a fresh id
//! ([`Renamed`]). The order of a list is ours, with their additions placed after the
//! item they follow on their side.

use std::collections::{HashMap, HashSet};

use super::path::{ItemKey, ItemName, Path, Step, keys};
use super::tree::Tree;

/// A value both sides changed in ways that do not combine. Absent values are `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub path: Path,
    pub kind: ConflictKind,
    pub base: Option<Tree>,
    pub ours: Option<Tree>,
    pub theirs: Option<Tree>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictKind {
    /// Both changed the value, to different values.
    BothChanged,
    /// We deleted it; they changed it. It stays deleted.
    DeletedByUs,
    /// They deleted it; we changed it. Our version stays.
    DeletedByThem,
}

/// An item both sides added under the same id with different content: theirs was
/// kept under a fresh id.
#[derive(Debug, Clone, PartialEq)]
pub struct Renamed {
    /// The list the item is in (its last step is the list's field).
    pub path: Path,
    pub id: String,
    pub new_id: String,
    pub name: Option<String>,
}

/// What the merge of three trees found besides the result.
#[derive(Debug, Default)]
pub struct Findings {
    pub conflicts: Vec<Conflict>,
    pub renamed: Vec<Renamed>,
}

/// Merges `ours` and `theirs`, both descended from `base`.
pub fn merge_trees(base: &Tree, ours: &Tree, theirs: &Tree) -> (Tree, Findings) {
    let mut merger = Merger {
        path: Vec::new(),
        findings: Findings::default(),
        taken: HashMap::new(),
    };
    for tree in [base, ours, theirs] {
        collect_ids(tree, None, &mut merger.taken);
    }
    let merged = merger
        .value(Some(base), Some(ours), Some(theirs))
        .unwrap_or_else(|| ours.clone());
    (merged, merger.findings)
}

struct Merger {
    path: Path,
    findings: Findings,
    /// Every id in use in any version, per list field: fresh ids avoid them all.
    taken: HashMap<&'static str, HashSet<String>>,
}

impl Merger {
    /// Merges one value; `None` is absent.
    fn value(&mut self, b: Option<&Tree>, o: Option<&Tree>, t: Option<&Tree>) -> Option<Tree> {
        if o == t || b == t {
            return o.cloned();
        }
        if b == o {
            return t.cloned();
        }
        match (o, t) {
            (Some(o), Some(t)) if same_shape(o, t) => {
                let empty = o.empty_like();
                Some(self.composite(b.or(empty.as_ref()), o, t))
            }
            // An omitted list or map is an empty one: merge into it.
            (Some(present), None) | (None, Some(present))
                if matches!(present, Tree::List(_) | Tree::Map(_)) =>
            {
                let empty = present.empty_like();
                let b = b.or(empty.as_ref());
                let merged = self.composite(
                    b,
                    o.or(empty.as_ref()).expect("one side is present"),
                    t.or(empty.as_ref()).expect("one side is present"),
                );
                (!(merged.is_empty_composite() && o.is_none())).then_some(merged)
            }
            _ => {
                self.conflict(ConflictKind::BothChanged, b, o, t);
                o.cloned()
            }
        }
    }

    /// Merges three values of one composite shape; `b` may be absent (added on both).
    fn composite(&mut self, b: Option<&Tree>, o: &Tree, t: &Tree) -> Tree {
        match (o, t) {
            (Tree::Record(of), Tree::Record(_)) => {
                let mut names: Vec<&'static str> = of.iter().map(|(n, _)| *n).collect();
                for side in [t, b.unwrap_or(t)] {
                    if let Tree::Record(fields) = side {
                        for (name, _) in fields {
                            if !names.contains(name) {
                                names.push(name);
                            }
                        }
                    }
                }
                let mut fields = Vec::with_capacity(names.len());
                for name in names {
                    self.path.push(Step::Field(name));
                    let base = b.and_then(|b| b.field(name));
                    let merged = self.value(base, o.field(name), t.field(name));
                    self.path.pop();
                    fields.extend(merged.map(|value| (name, value)));
                }
                Tree::Record(fields)
            }
            (Tree::Map(oe), Tree::Map(te)) => {
                let be: &[(Tree, Tree)] = match b {
                    Some(Tree::Map(entries)) => entries,
                    _ => &[],
                };
                self.map(be, oe, te)
            }
            (Tree::List(oi), Tree::List(ti)) => {
                let bi: &[Tree] = match b {
                    Some(Tree::List(items)) => items,
                    _ => &[],
                };
                self.list(bi, oi, ti)
            }
            _ => unreachable!("called with one composite shape"),
        }
    }

    fn map(&mut self, b: &[(Tree, Tree)], o: &[(Tree, Tree)], t: &[(Tree, Tree)]) -> Tree {
        let (bm, om, tm) = (lookup(b), lookup(o), lookup(t));
        let mut merged = Vec::with_capacity(o.len().max(t.len()));
        let added_by_them = t.iter().filter(|(k, _)| !om.contains_key(k));
        for (key, _) in o.iter().chain(added_by_them) {
            self.path.push(Step::Entry(key.clone()));
            let value = self.member(
                bm.get(key).copied(),
                om.get(key).copied(),
                tm.get(key).copied(),
            );
            self.path.pop();
            merged.extend(value.map(|value| (key.clone(), value)));
        }
        Tree::Map(merged)
    }

    /// A map entry or list item: deleting it on one side while the other changed it
    /// is a conflict; otherwise it merges as a value.
    fn member(&mut self, b: Option<&Tree>, o: Option<&Tree>, t: Option<&Tree>) -> Option<Tree> {
        match (b, o, t) {
            (Some(b), None, Some(t)) if t != b => {
                self.conflict(ConflictKind::DeletedByUs, Some(b), None, Some(t));
                None
            }
            (Some(b), Some(o), None) if o != b => {
                self.conflict(ConflictKind::DeletedByThem, Some(b), Some(o), None);
                Some(o.clone())
            }
            (Some(_), None, _) | (Some(_), _, None) => None,
            _ => self.value(b, o, t),
        }
    }

    fn list(&mut self, b: &[Tree], o: &[Tree], t: &[Tree]) -> Tree {
        let list = self.list_name();
        let (bk, ok, tk) = (keys(b), keys(o), keys(t));
        let (bi, oi, ti) = (index(&bk), index(&ok), index(&tk));
        let mut merged: Vec<(ItemKey<'_>, Tree)> = Vec::with_capacity(o.len().max(t.len()));
        let mut theirs_kept_apart = HashSet::new();
        for (key, ours) in ok.iter().zip(o) {
            let base = bi.get(key).map(|&i| &b[i]);
            let theirs = ti.get(key).map(|&i| &t[i]);
            if base.is_none()
                && let Some(theirs) = theirs
                && theirs != ours
                && (key.is_id() || !same_shape(ours, theirs))
            {
                // Added on both sides as different items: keep both.
                merged.push((key.clone(), ours.clone()));
                theirs_kept_apart.insert(key.clone());
                continue;
            }
            self.path.push(Step::Item(ItemName::of(list, ours)));
            let value = self.member(base, Some(ours), theirs);
            self.path.pop();
            merged.extend(value.map(|value| (key.clone(), value)));
        }
        let mut present: HashSet<ItemKey<'_>> = merged.iter().map(|(k, _)| k.clone()).collect();
        let mut anchor: Option<&ItemKey<'_>> = None;
        for (key, theirs) in tk.iter().zip(t) {
            let in_ours = oi.contains_key(key);
            let base = bi.get(key).map(|&i| &b[i]);
            let addition = if theirs_kept_apart.contains(key) {
                Some(self.renamed(list, theirs))
            } else if in_ours {
                None
            } else if let Some(base) = base {
                self.path.push(Step::Item(ItemName::of(list, base)));
                let kept = self.member(Some(base), None, Some(theirs));
                self.path.pop();
                kept
            } else {
                Some(theirs.clone())
            };
            if let Some(item) = addition {
                // Their copy of an item both added goes right after ours.
                let after = if theirs_kept_apart.contains(key) {
                    Some(key)
                } else {
                    anchor
                };
                let at = after
                    .and_then(|a| merged.iter().position(|(k, _)| k == a))
                    .map_or(0, |i| i + 1);
                merged.insert(at, (key.clone(), item));
                present.insert(key.clone());
            }
            if present.contains(key) {
                anchor = Some(key);
            }
        }
        Tree::List(merged.into_iter().map(|(_, item)| item).collect())
    }

    /// `item` with a fresh id, noted in the findings.
    fn renamed(&mut self, list: &'static str, item: &Tree) -> Tree {
        let id = item.id().unwrap_or_default().to_owned();
        let taken = self.taken.entry(list).or_default();
        let new_id = (2..)
            .map(|n| format!("{id}-{n}"))
            .find(|candidate| !taken.contains(candidate))
            .expect("some number is free");
        taken.insert(new_id.clone());
        self.findings.renamed.push(Renamed {
            path: self.path.clone(),
            id,
            new_id: new_id.clone(),
            name: item
                .field("name")
                .and_then(Tree::as_text)
                .map(str::to_owned),
        });
        let mut item = item.clone();
        if let Tree::Record(fields) = &mut item {
            for (name, value) in fields {
                if *name == "id" {
                    *value = Tree::Text(new_id.clone());
                }
            }
        }
        item
    }

    /// The field the list being merged sits in.
    fn list_name(&self) -> &'static str {
        match self.path.last() {
            Some(Step::Field(name)) => name,
            _ => "",
        }
    }

    fn conflict(
        &mut self,
        kind: ConflictKind,
        b: Option<&Tree>,
        o: Option<&Tree>,
        t: Option<&Tree>,
    ) {
        self.findings.conflicts.push(Conflict {
            path: self.path.clone(),
            kind,
            base: b.cloned(),
            ours: o.cloned(),
            theirs: t.cloned(),
        });
    }
}

fn lookup(entries: &[(Tree, Tree)]) -> HashMap<&Tree, &Tree> {
    entries.iter().map(|(k, v)| (k, v)).collect()
}

fn index<'a>(keys: &[ItemKey<'a>]) -> HashMap<ItemKey<'a>, usize> {
    keys.iter()
        .cloned()
        .enumerate()
        .map(|(i, k)| (k, i))
        .collect()
}

fn same_shape(a: &Tree, b: &Tree) -> bool {
    matches!(
        (a, b),
        (Tree::Record(_), Tree::Record(_))
            | (Tree::Map(_), Tree::Map(_))
            | (Tree::List(_), Tree::List(_))
    )
}

/// Gathers the ids of every item, per list field.
fn collect_ids(
    tree: &Tree,
    field: Option<&'static str>,
    into: &mut HashMap<&'static str, HashSet<String>>,
) {
    match tree {
        Tree::Record(fields) => {
            for (name, value) in fields {
                collect_ids(value, Some(name), into);
            }
        }
        Tree::List(items) => {
            for item in items {
                if let (Some(list), Some(id)) = (field, item.id()) {
                    into.entry(list).or_default().insert(id.to_owned());
                }
                collect_ids(item, field, into);
            }
        }
        Tree::Map(entries) => {
            for (_, value) in entries {
                collect_ids(value, None, into);
            }
        }
        _ => {}
    }
}
