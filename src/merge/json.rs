//! Changes as JSON for scripts: the machine path, the values before and after, and
//! the words.

use serde_json::{Value, json};

use super::diff::{Change, ChangeKind};
use super::path::{Step, plain, spelled};
use super::tree::Tree;
use super::words::Words;

/// One change as a JSON object: `change` (added, removed, moved, renamed, reordered,
/// changed), `path`, `old`/`new` (values; for an added or removed item its `item`
/// list, `id` and `name` instead), `from` for a move, and `text` in `words`.
pub fn change(change: &Change, words: Words) -> Value {
    let kind = match change.kind {
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        ChangeKind::Moved { .. } => "moved",
        ChangeKind::Renamed => "renamed",
        ChangeKind::Reordered => "reordered",
        ChangeKind::Changed => "changed",
    };
    let mut object = json!({
        "change": kind,
        "path": spelled(&change.path),
        "text": words.change(change),
    });
    let item = match change.path.last() {
        Some(Step::Item(item)) if !item.by_value => Some(item),
        _ => None,
    };
    match (&change.kind, item) {
        (ChangeKind::Added | ChangeKind::Removed | ChangeKind::Moved { .. }, Some(item)) => {
            object["item"] = json!(item.list);
            object["id"] = json!(item.id);
            object["name"] = json!(item.name);
            if let ChangeKind::Moved { from } = &change.kind {
                object["from"] = json!(spelled(from));
            }
        }
        _ => {
            object["old"] = change.old.as_ref().map_or(Value::Null, tree);
            object["new"] = change.new.as_ref().map_or(Value::Null, tree);
        }
    }
    object
}

/// A value as JSON; a non-finite number (which JSON cannot hold) as its text.
fn tree(value: &Tree) -> Value {
    match value {
        Tree::None | Tree::Unit => Value::Null,
        Tree::Bool(b) => json!(b),
        Tree::Int(n) => json!(n),
        Tree::UInt(n) => json!(n),
        Tree::Float(x) if x.is_finite() => json!(x),
        Tree::Float(x) => json!(x.to_string()),
        Tree::Text(text) => json!(text),
        Tree::Variant(name, None) => json!(name),
        Tree::Variant(name, Some(content)) => json!({ *name: tree(content) }),
        Tree::List(items) => Value::Array(items.iter().map(tree).collect()),
        Tree::Map(entries) => {
            Value::Object(entries.iter().map(|(k, v)| (plain(k), tree(v))).collect())
        }
        Tree::Record(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| ((*k).to_owned(), tree(v)))
                .collect(),
        ),
    }
}
