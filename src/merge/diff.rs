//! What changed between two versions of a document, as a list of [`Change`]s on the
//! document tree: items (units, areas, programs, indicators) are matched by id across
//! the whole document, so an item that moved to another parent is "moved", not
//! removed and added; every other value is compared field by field, key by key.

use std::collections::{HashMap, HashSet};

use super::path::{ItemKey, ItemName, Path, Step, keys};
use super::tree::Tree;

/// One change, at `path`. `old`/`new` are the values before and after (`None`: absent).
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub path: Path,
    pub kind: ChangeKind,
    pub old: Option<Tree>,
    pub new: Option<Tree>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ChangeKind {
    /// An item or list value added; `path` ends at it.
    Added,
    Removed,
    /// An item now under another parent: `path` is the new place, `from` the old.
    Moved {
        from: Path,
    },
    /// An item's `name` changed.
    Renamed,
    /// The items of the list at `path` are in another order.
    Reordered,
    /// A value changed, was set (`old` is `None`) or cleared (`new` is `None`).
    Changed,
}

/// The changes from `old` to `new`, in document order (removals after the rest).
pub fn diff_trees(old: &Tree, new: &Tree) -> Vec<Change> {
    let before = Items::of(old);
    let after = Items::of(new);
    let mut changes = Vec::new();
    record(&mut changes, &mut Vec::new(), old, new, &["id"]);
    for (key, item) in &after.items {
        let Some(&was) = before.index.get(key) else {
            if item
                .parent
                .as_ref()
                .is_none_or(|p| before.index.contains_key(p))
            {
                changes.push(Change {
                    path: item.path.clone(),
                    kind: ChangeKind::Added,
                    old: None,
                    new: Some(item.tree.clone()),
                });
            }
            continue;
        };
        let was = &before.items[was].1;
        if was.parent != item.parent {
            changes.push(Change {
                path: item.path.clone(),
                kind: ChangeKind::Moved {
                    from: was.path.clone(),
                },
                old: None,
                new: None,
            });
        }
        let (old_name, new_name) = (was.tree.field("name"), item.tree.field("name"));
        if old_name != new_name {
            changes.push(Change {
                path: item.path.clone(),
                kind: ChangeKind::Renamed,
                old: old_name.cloned(),
                new: new_name.cloned(),
            });
        }
        record(
            &mut changes,
            &mut item.path.clone(),
            was.tree,
            item.tree,
            &["id", "name"],
        );
    }
    let before_orders: HashMap<_, _> = before
        .orders()
        .into_iter()
        .map(|(parent, list, order)| ((parent, list), order))
        .collect();
    for (parent, list, order) in after.orders() {
        let Some(was) = before_orders.get(&(parent, list)) else {
            continue;
        };
        let now: HashSet<&Key> = order.iter().copied().collect();
        let old_order: Vec<&Key> = was.iter().copied().filter(|k| now.contains(k)).collect();
        let kept: HashSet<&Key> = old_order.iter().copied().collect();
        let new_order: Vec<&Key> = order.into_iter().filter(|k| kept.contains(k)).collect();
        if old_order != new_order {
            let mut path = parent
                .map(|p| after.items[after.index[p]].1.path.clone())
                .unwrap_or_default();
            path.push(Step::Field(list));
            changes.push(Change {
                path,
                kind: ChangeKind::Reordered,
                old: None,
                new: None,
            });
        }
    }
    for (key, item) in &before.items {
        let parent_kept = item
            .parent
            .as_ref()
            .is_none_or(|p| after.index.contains_key(p));
        if !after.index.contains_key(key) && parent_kept {
            changes.push(Change {
                path: item.path.clone(),
                kind: ChangeKind::Removed,
                old: Some(item.tree.clone()),
                new: None,
            });
        }
    }
    changes
}

/// An item across the document: the list field it is in, its id, which occurrence.
type Key = (&'static str, String, usize);

struct Item<'a> {
    tree: &'a Tree,
    path: Path,
    parent: Option<Key>,
}

/// Every item of a document in order, with where it sits.
struct Items<'a> {
    items: Vec<(Key, Item<'a>)>,
    index: HashMap<Key, usize>,
}

impl<'a> Items<'a> {
    fn of(root: &'a Tree) -> Self {
        let mut items = Self {
            items: Vec::new(),
            index: HashMap::new(),
        };
        let mut seen = HashMap::new();
        items.walk(root, &mut Vec::new(), None, &mut seen);
        items
    }

    fn walk(
        &mut self,
        record: &'a Tree,
        path: &mut Path,
        parent: Option<&Key>,
        seen: &mut HashMap<(&'static str, String), usize>,
    ) {
        let Tree::Record(fields) = record else { return };
        for (name, value) in fields {
            let Tree::List(list) = value else { continue };
            if !is_item_list(list) {
                continue;
            }
            path.push(Step::Field(name));
            for child in list {
                let Some(id) = child.id() else { continue };
                let count = seen.entry((*name, id.to_owned())).or_insert(0);
                let key = (*name, id.to_owned(), *count);
                *count += 1;
                path.push(Step::Item(ItemName::of(name, child)));
                self.index.insert(key.clone(), self.items.len());
                self.items.push((
                    key.clone(),
                    Item {
                        tree: child,
                        path: path.clone(),
                        parent: parent.cloned(),
                    },
                ));
                self.walk(child, path, Some(&key), seen);
                path.pop();
            }
            path.pop();
        }
    }

    /// Every list of items with its parent, and the order of its items.
    fn orders(&self) -> Vec<(Option<&Key>, &'static str, Vec<&Key>)> {
        let mut orders: Vec<(Option<&Key>, &'static str, Vec<&Key>)> = Vec::new();
        let mut at: HashMap<(Option<&Key>, &'static str), usize> = HashMap::new();
        for (key, item) in &self.items {
            let group = (item.parent.as_ref(), key.0);
            let slot = *at.entry(group).or_insert_with(|| {
                orders.push((group.0, group.1, Vec::new()));
                orders.len() - 1
            });
            orders[slot].2.push(key);
        }
        orders
    }
}

/// A list of the document's items (records with ids), as opposed to a list of values.
pub fn is_item_list(items: &[Tree]) -> bool {
    items.iter().any(|item| item.id().is_some())
}

/// The changes between two records, field by field, leaving out `skip` and the
/// lists of items (each item is compared on its own).
fn record(changes: &mut Vec<Change>, path: &mut Path, old: &Tree, new: &Tree, skip: &[&str]) {
    let (Tree::Record(of), Tree::Record(nf)) = (old, new) else {
        return value(changes, path, Some(old), Some(new));
    };
    let mut names: Vec<&'static str> = nf.iter().map(|(n, _)| *n).collect();
    names.extend(
        of.iter()
            .map(|(n, _)| *n)
            .filter(|n| !nf.iter().any(|(m, _)| m == n)),
    );
    for name in names {
        if skip.contains(&name) {
            continue;
        }
        let (o, n) = (old.field(name), new.field(name));
        let items = |v: Option<&Tree>| matches!(v, Some(Tree::List(l)) if is_item_list(l));
        if items(o) || items(n) {
            continue;
        }
        path.push(Step::Field(name));
        value(changes, path, o, n);
        path.pop();
    }
}

fn value(changes: &mut Vec<Change>, path: &mut Path, old: Option<&Tree>, new: Option<&Tree>) {
    if old == new {
        return;
    }
    let shape = old.or(new).and_then(Tree::empty_like);
    match (old.or(shape.as_ref()), new.or(shape.as_ref())) {
        (Some(o @ Tree::Record(_)), Some(n @ Tree::Record(_)))
            if old.is_some() && new.is_some() =>
        {
            record(changes, path, o, n, &[]);
        }
        (Some(Tree::Map(o)), Some(Tree::Map(n))) => {
            let before: HashMap<&Tree, &Tree> = o.iter().map(|(k, v)| (k, v)).collect();
            let after: HashMap<&Tree, &Tree> = n.iter().map(|(k, v)| (k, v)).collect();
            for (key, now) in n {
                path.push(Step::Entry(key.clone()));
                value(changes, path, before.get(key).copied(), Some(now));
                path.pop();
            }
            for (key, was) in o {
                if !after.contains_key(key) {
                    path.push(Step::Entry(key.clone()));
                    value(changes, path, Some(was), None);
                    path.pop();
                }
            }
        }
        (Some(Tree::List(o)), Some(Tree::List(n))) => list(changes, path, o, n),
        _ => changes.push(Change {
            path: path.clone(),
            kind: ChangeKind::Changed,
            old: old.cloned(),
            new: new.cloned(),
        }),
    }
}

/// A list of values or of records without ids (reviews): items matched by what
/// identifies them.
fn list(changes: &mut Vec<Change>, path: &mut Path, old: &[Tree], new: &[Tree]) {
    let list = match path.last() {
        Some(Step::Field(name)) => *name,
        _ => "",
    };
    let (ok, nk) = (keys(old), keys(new));
    let before: HashMap<&ItemKey<'_>, &Tree> = ok.iter().zip(old).collect();
    let after: HashMap<&ItemKey<'_>, &Tree> = nk.iter().zip(new).collect();
    for (key, item) in nk.iter().zip(new) {
        path.push(Step::Item(ItemName::of(list, item)));
        match before.get(key) {
            Some(was) => record(changes, path, was, item, &[]),
            None => changes.push(Change {
                path: path.clone(),
                kind: ChangeKind::Added,
                old: None,
                new: Some(item.clone()),
            }),
        }
        path.pop();
    }
    for (key, item) in ok.iter().zip(old) {
        if !after.contains_key(key) {
            path.push(Step::Item(ItemName::of(list, item)));
            changes.push(Change {
                path: path.clone(),
                kind: ChangeKind::Removed,
                old: Some(item.clone()),
                new: None,
            });
            path.pop();
        }
    }
}
