//! Where a value sits in the document, and how the items of a list are matched
//! between versions of it.

use std::collections::HashMap;

use super::tree::Tree;

/// Fields that identify a list item that has no `id`, first match wins: a recorded
/// review is the review of a quarter, on a date, by a reviewer. Items with neither
/// (evidence links, flagged ids) are matched by their whole value.
const IDENTITIES: &[&[&str]] = &[&["quarter", "date", "reviewer"]];

/// One step from the document down to a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Field(&'static str),
    /// An item of the list in the field before this step.
    Item(ItemName),
    /// The entry of a map (a quarter's target, a year's budget) under this key.
    Entry(Tree),
}

/// An item as the user knows it: its id and name, or what identifies it.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemName {
    /// The list field it belongs to (`indicators`, `reviews`, ...).
    pub list: &'static str,
    pub id: Option<String>,
    pub name: Option<String>,
    /// For an item without id: its identifying value(s).
    pub identity: Option<Tree>,
    /// Matched by its whole value (an evidence link, a flagged id): the item is a
    /// value, not a thing with a name.
    pub by_value: bool,
}

/// The path from the document to a value.
pub type Path = Vec<Step>;

/// How an item is matched between versions of its list; the occurrence number keeps
/// items with the same id (a validation error, but the file loads) apart.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ItemKey<'a> {
    Id(&'a str, usize),
    Fields(Vec<&'a Tree>, usize),
    Value(&'a Tree, usize),
}

impl ItemKey<'_> {
    pub fn is_id(&self) -> bool {
        matches!(self, ItemKey::Id(..))
    }
}

/// The keys of a list's items, in order.
pub fn keys(items: &[Tree]) -> Vec<ItemKey<'_>> {
    let mut seen: HashMap<ItemKey<'_>, usize> = HashMap::with_capacity(items.len());
    items
        .iter()
        .map(|item| {
            let bare = bare_key(item);
            let count = seen.entry(bare.clone()).or_insert(0);
            let occurrence = *count;
            *count += 1;
            match bare {
                ItemKey::Id(id, _) => ItemKey::Id(id, occurrence),
                ItemKey::Fields(values, _) => ItemKey::Fields(values, occurrence),
                ItemKey::Value(value, _) => ItemKey::Value(value, occurrence),
            }
        })
        .collect()
}

fn bare_key(item: &Tree) -> ItemKey<'_> {
    if let Some(id) = item.id() {
        return ItemKey::Id(id, 0);
    }
    for fields in IDENTITIES {
        let values: Option<Vec<&Tree>> = fields.iter().map(|f| item.field(f)).collect();
        if let Some(values) = values {
            return ItemKey::Fields(values, 0);
        }
    }
    ItemKey::Value(item, 0)
}

impl ItemName {
    /// The name of `item` of list `list`.
    pub fn of(list: &'static str, item: &Tree) -> Self {
        let (identity, by_value) = match bare_key(item) {
            ItemKey::Id(..) => (None, false),
            ItemKey::Fields(values, _) => (
                Some(Tree::List(values.into_iter().cloned().collect())),
                false,
            ),
            ItemKey::Value(value, _) => (Some(value.clone()), true),
        };
        Self {
            list,
            id: item.id().map(str::to_owned),
            name: item
                .field("name")
                .and_then(Tree::as_text)
                .map(str::to_owned),
            identity,
            by_value,
        }
    }
}

/// The machine spelling of a path: `areas[mp].programs[mp-1].indicators[mp-1-a].targets[2025-Q3].actual`.
pub fn spelled(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Field(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Step::Item(item) => {
                out.push('[');
                match (&item.id, &item.identity) {
                    (Some(id), _) => out.push_str(id),
                    (None, Some(identity)) => out.push_str(&plain(identity)),
                    (None, None) => {}
                }
                out.push(']');
            }
            Step::Entry(key) => {
                out.push('[');
                out.push_str(&plain(key));
                out.push(']');
            }
        }
    }
    out
}

/// A key or identity as plain text, without quotes.
pub fn plain(tree: &Tree) -> String {
    match tree {
        Tree::Text(text) => text.clone(),
        Tree::Int(n) => n.to_string(),
        Tree::UInt(n) => n.to_string(),
        Tree::Float(x) => x.to_string(),
        Tree::Bool(b) => b.to_string(),
        Tree::Variant(name, _) => (*name).to_owned(),
        Tree::List(items) => items.iter().map(plain).collect::<Vec<_>>().join(", "),
        other => format!("{other:?}"),
    }
}
