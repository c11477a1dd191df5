//! A roadmap as lines of facts in its words, one item or one quarter per line, each
//! line readable on its own: what git shows, line by line, in `git diff` and
//! `git log -p` (the diff driver's `textconv`).

use super::diff::is_item_list;
use super::tree::Tree;
use super::words::Words;
use crate::model::Roadmap;

/// The lines of `roadmap`, in document order.
pub fn listing(roadmap: &Roadmap, words: Words) -> Result<String, super::MergeError> {
    let tree = super::tree::to_tree(roadmap)?;
    let mut out = String::new();
    if let Tree::Record(fields) = &tree {
        for (name, value) in fields {
            if !value.is_composite() || matches!(value, Tree::Record(_)) {
                let label = words.field(None, name);
                out.push_str(&format!(
                    "{}: {}\n",
                    capital(&label),
                    words.value(Some(name), Some(value))
                ));
            }
        }
    }
    children(&tree, None, 0, words, &mut out);
    Ok(out)
}

/// The lines of a record's lists and maps: items, quarters, reviews.
fn children(record: &Tree, list: Option<&str>, depth: usize, words: Words, out: &mut String) {
    let Tree::Record(fields) = record else { return };
    let indent = "    ".repeat(depth);
    let name = record
        .field("name")
        .and_then(Tree::as_text)
        .or_else(|| record.id())
        .unwrap_or_default();
    for (field, value) in fields {
        match value {
            Tree::List(items) if is_item_list(items) => {
                for item in items {
                    out.push_str(&indent);
                    out.push_str(&item_line(field, item, words));
                    out.push('\n');
                    children(item, Some(field), depth + 1, words, out);
                }
            }
            Tree::List(items) if items.iter().all(|i| matches!(i, Tree::Record(_))) => {
                for item in items {
                    let label = capital(&words.item(field));
                    let text = words.value(Some(field), Some(item));
                    out.push_str(&format!("{indent}{label}: {text}\n"));
                }
            }
            Tree::Map(entries) => {
                let label = words.field(list, field);
                for (key, entry) in entries {
                    let text = words.value(Some(field), Some(entry));
                    let key = words.key(key);
                    // A record entry's fields name themselves ("target 75, realisasi 70,5").
                    let label = match entry {
                        Tree::Record(_) => String::new(),
                        _ => format!(" · {label}"),
                    };
                    out.push_str(&format!("{indent}{key} · {name}{label}: {text}\n"));
                }
            }
            _ => {}
        }
    }
}

/// "Indikator mp-1-a: Persentase ... · jenis Tingkat · satuan %".
fn item_line(list: &str, item: &Tree, words: Words) -> String {
    let Tree::Record(fields) = item else {
        return words.value(Some(list), Some(item));
    };
    let mut line = format!(
        "{} {}: {}",
        capital(&words.item(list)),
        item.id().unwrap_or_default(),
        item.field("name")
            .and_then(Tree::as_text)
            .unwrap_or_default()
    );
    for (name, value) in fields {
        let nested = matches!(value, Tree::Map(_))
            || matches!(value, Tree::List(items) if is_item_list(items));
        if matches!(*name, "id" | "name") || nested {
            continue;
        }
        line.push_str(&format!(
            " · {} {}",
            words.field(Some(list), name),
            words.value(Some(name), Some(value))
        ));
    }
    line
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
