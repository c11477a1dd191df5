//! Changes and conflicts in the roadmap's words, in the user's language:
//! "TW III 2025, realisasi *Indeks SPBE*: 2,40 → 2,51".
//!
//! Field names come from the table in `assets/locales/merge.yml` (`merge.field.NAME`,
//! or `merge.field.LIST.NAME` where a name means different things in different
//! lists); a field missing there is shown by its name with spaces, so a new field of
//! the model is readable before it gets its words.

use super::diff::{Change, ChangeKind};
use super::path::{ItemName, Step, plain};
use super::three_way::{Conflict, ConflictKind, Renamed};
use super::tree::Tree;
use crate::locale::Language;
use crate::model::Quarter;

/// Free text: a change says "changed" instead of quoting paragraphs.
const PROSE: &[&str] = &["obstacle", "follow_up", "note", "notes", "goal", "vision"];

/// Whole rupiah.
const MONEY: &[&str] = &["budget", "annual_budget", "spent"];

/// Words in one language.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub language: Language,
}

/// A value's position in words: "TW III 2025, realisasi" and " *Indeks SPBE*".
struct Place {
    place: String,
    subject: String,
}

impl Words {
    pub fn new(language: Language) -> Self {
        Self { language }
    }

    fn locale(self) -> &'static str {
        self.language.code()
    }

    /// The translation of `key`, or `None` when the table has none.
    fn lookup(self, key: &str) -> Option<String> {
        let text = rust_i18n::t!(key, locale = self.locale());
        (text != key && !text.ends_with(key)).then(|| text.into_owned())
    }

    fn t(self, key: &str, args: &[(&str, &str)]) -> String {
        let mut text = self
            .lookup(key)
            .unwrap_or_else(|| panic!("{key} is missing from assets/locales/merge.yml"));
        for (name, value) in args {
            text = text.replace(&format!("%{{{name}}}"), value);
        }
        text
    }

    /// What a field is called, in the list its item belongs to.
    pub fn field(self, list: Option<&str>, name: &str) -> String {
        list.and_then(|list| self.lookup(&format!("merge.field.{list}.{name}")))
            .or_else(|| self.lookup(&format!("merge.field.{name}")))
            .unwrap_or_else(|| name.replace('_', " "))
    }

    /// What one item of a list is called: "indikator".
    pub fn item(self, list: &str) -> String {
        self.lookup(&format!("merge.item.{list}"))
            .unwrap_or_else(|| list.trim_end_matches('s').replace('_', " "))
    }

    /// A map key: a quarter as "TW III 2025", a year as it is.
    pub fn key(self, key: &Tree) -> String {
        match key {
            Tree::Text(text) => text
                .parse::<Quarter>()
                .map_or_else(|_| text.clone(), |q| self.language.quarter(q)),
            other => plain(other),
        }
    }

    /// A value of field `field`, as the user writes it.
    pub fn value(self, field: Option<&str>, value: Option<&Tree>) -> String {
        let Some(value) = value else {
            return self.t("merge.value.none", &[]);
        };
        match value {
            Tree::None | Tree::Unit => self.t("merge.value.none", &[]),
            Tree::Bool(b) => self.t(
                if *b {
                    "merge.value.yes"
                } else {
                    "merge.value.no"
                },
                &[],
            ),
            Tree::Float(x) => self.number(*x),
            Tree::UInt(n) if field.is_some_and(|f| MONEY.contains(&f)) => self.language.rupiah(*n),
            Tree::Int(_) | Tree::UInt(_) => plain(value),
            Tree::Text(text) => {
                if let Ok(quarter) = text.parse::<Quarter>() {
                    self.language.quarter(quarter)
                } else if let Ok(date) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                    self.language.date(date)
                } else {
                    format!("\"{text}\"")
                }
            }
            Tree::Variant(name, content) => {
                let word = field
                    .and_then(|f| self.lookup(&format!("{f}.{name}")))
                    .unwrap_or_else(|| (*name).to_owned());
                match content {
                    Some(content) => format!("{word} ({})", self.value(field, Some(content))),
                    None => word,
                }
            }
            Tree::List(items) if items.is_empty() => self.t("merge.value.none", &[]),
            Tree::List(items) => items
                .iter()
                .map(|item| self.value(field, Some(item)))
                .collect::<Vec<_>>()
                .join(", "),
            Tree::Map(entries) => entries
                .iter()
                .map(|(k, v)| format!("{} {}", self.key(k), self.value(field, Some(v))))
                .collect::<Vec<_>>()
                .join("; "),
            Tree::Record(fields) => fields
                .iter()
                .map(|(name, v)| {
                    format!(
                        "{} {}",
                        self.field(None, name),
                        self.value(Some(name), Some(v))
                    )
                })
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// Whole numbers bare, others with at least two decimals: `45`, `2,40`, `60,275`.
    fn number(self, x: f64) -> String {
        if !x.is_finite() || x.fract() == 0.0 {
            return self.language.number(x, 0);
        }
        let text = self.language.number(x, 6);
        let decimal = if self.language == Language::Indonesian {
            ','
        } else {
            '.'
        };
        let decimals = text.rsplit_once(decimal).map_or(0, |(_, d)| d.len());
        format!("{text}{}", "0".repeat(2usize.saturating_sub(decimals)))
    }

    /// An item as "indikator *Indeks SPBE* (mp-1-a)", or what identifies it.
    fn item_phrase(self, item: &ItemName) -> String {
        let label = self.item(item.list);
        match (&item.id, &item.name) {
            (Some(id), Some(name)) => format!("{label} *{name}* ({id})"),
            (Some(id), None) => format!("{label} {id}"),
            _ => format!("{label} {}", self.identity(item)),
        }
    }

    fn identity(self, item: &ItemName) -> String {
        match &item.identity {
            Some(Tree::List(values)) if !item.by_value => values
                .iter()
                .map(|v| self.value(None, Some(v)).trim_matches('"').to_owned())
                .collect::<Vec<_>>()
                .join(", "),
            other => self.value(Some(item.list), other.as_ref()),
        }
    }

    /// " in program *X*" for the item that holds the last item of `path`; the
    /// document when none does.
    fn parent(self, path: &[Step]) -> String {
        let container = named_items(path).nth(1);
        match container {
            Some(item) => self.t("merge.diff.in", &[("what", &self.item_phrase(item))]),
            None => String::new(),
        }
    }

    fn place(self, path: &[Step]) -> Place {
        let subject_at = path
            .iter()
            .rposition(|s| matches!(s, Step::Item(i) if !i.by_value));
        let (subject, list, rest) = match subject_at {
            Some(at) => {
                let Step::Item(item) = &path[at] else {
                    unreachable!()
                };
                let name = item.name.clone().or_else(|| item.id.clone());
                let name = name.unwrap_or_else(|| self.identity(item));
                (format!(" *{name}*"), Some(item.list), &path[at + 1..])
            }
            None => (String::new(), None, path),
        };
        let (mut keys, mut fields) = (Vec::new(), Vec::new());
        for (i, step) in rest.iter().enumerate() {
            match step {
                // A map's own word ("target") only when the entry itself changed;
                // below it the entry's fields speak ("TW III 2025, realisasi").
                Step::Field(name) => {
                    let below_entry =
                        matches!(rest.get(i + 1), Some(Step::Entry(_))) && rest.len() > i + 2;
                    if !below_entry {
                        fields.push(self.field(list, name));
                    }
                }
                Step::Entry(key) => keys.push(self.key(key)),
                Step::Item(_) => {}
            }
        }
        let mut place = keys.join(", ");
        if !place.is_empty() && !fields.is_empty() {
            place.push_str(", ");
        }
        place.push_str(&fields.join(" "));
        Place { place, subject }
    }

    /// One change as one line.
    pub fn change(self, change: &Change) -> String {
        let path = &change.path;
        let field = leaf_field(path);
        let item = match path.last() {
            Some(Step::Item(item)) => Some(item),
            _ => None,
        };
        let text = match (&change.kind, item) {
            (ChangeKind::Added | ChangeKind::Removed, Some(item)) if !item.by_value => {
                let added = change.kind == ChangeKind::Added;
                let verb = if added { "added" } else { "removed" };
                let specific = self.lookup(&format!("merge.diff.{verb}.{}", item.list));
                match specific {
                    Some(text) => text.replace("%{what}", &self.identity(item)),
                    None => self.t(
                        &format!("merge.diff.item_{verb}"),
                        &[
                            ("what", &self.item_phrase(item)),
                            ("parent", &self.parent(path)),
                        ],
                    ),
                }
            }
            (ChangeKind::Added | ChangeKind::Removed, _) => {
                let Place { place, subject } = self.place(path);
                let verb = if change.kind == ChangeKind::Added {
                    "added"
                } else {
                    "removed"
                };
                let value = change.new.as_ref().or(change.old.as_ref());
                self.t(
                    &format!("merge.diff.value_{verb}"),
                    &[
                        ("place", &place),
                        ("subject", &subject),
                        ("value", &self.value(field, value)),
                    ],
                )
            }
            (ChangeKind::Moved { from }, Some(item)) => self.t(
                "merge.diff.moved",
                &[
                    ("what", &self.item_phrase(item)),
                    ("from", &self.holder(from)),
                    ("to", &self.holder(path)),
                ],
            ),
            (ChangeKind::Renamed, Some(item)) => self.t(
                "merge.diff.renamed",
                &[
                    ("item", &self.item(item.list)),
                    ("id", item.id.as_deref().unwrap_or_default()),
                    ("old", &self.value(None, change.old.as_ref())),
                    ("new", &self.value(None, change.new.as_ref())),
                ],
            ),
            (ChangeKind::Reordered, _) => {
                let list = field.unwrap_or_default();
                let holder = named_items(path).next();
                let parent = holder.map_or(String::new(), |item| {
                    self.t("merge.diff.in", &[("what", &self.item_phrase(item))])
                });
                self.t(
                    "merge.diff.reordered",
                    &[("items", &self.items(list)), ("parent", &parent)],
                )
            }
            _ => {
                let Place { place, subject } = self.place(path);
                let args = |old: &str, new: &str| {
                    vec![
                        ("place", place.clone()),
                        ("subject", subject.clone()),
                        ("old", old.to_owned()),
                        ("new", new.to_owned()),
                    ]
                };
                let old = self.value(field, change.old.as_ref());
                let new = self.value(field, change.new.as_ref());
                let key = match (&change.old, &change.new) {
                    (None, _) => "merge.diff.set",
                    (_, None) => "merge.diff.cleared",
                    _ if field.is_some_and(|f| PROSE.contains(&f)) => "merge.diff.prose",
                    _ => "merge.diff.changed",
                };
                let args = args(&old, &new);
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                self.t(key, &args)
            }
        };
        capitalised(text)
    }

    /// What holds the last item of `path`: "program *X* (x)", or the document.
    fn holder(self, path: &[Step]) -> String {
        named_items(path).nth(1).map_or_else(
            || self.t("merge.diff.document", &[]),
            |item| self.item_phrase(item),
        )
    }

    fn items(self, list: &str) -> String {
        self.lookup(&format!("merge.items.{list}"))
            .unwrap_or_else(|| list.replace('_', " "))
    }

    /// One conflict as one line, with both values.
    pub fn conflict(self, conflict: &Conflict) -> String {
        let path = &conflict.path;
        let what = match path.last() {
            Some(Step::Item(item)) if !item.by_value => self.item_phrase(item),
            _ => {
                let Place { place, subject } = self.place(path);
                format!("{place}{subject}")
            }
        };
        let field = leaf_field(path);
        let text = match conflict.kind {
            ConflictKind::BothChanged => self.t(
                "merge.conflict.both",
                &[
                    ("what", &what),
                    ("ours", &self.value(field, conflict.ours.as_ref())),
                    ("theirs", &self.value(field, conflict.theirs.as_ref())),
                    ("base", &self.value(field, conflict.base.as_ref())),
                ],
            ),
            ConflictKind::DeletedByUs => self.t("merge.conflict.deleted_by_us", &[("what", &what)]),
            ConflictKind::DeletedByThem => {
                self.t("merge.conflict.deleted_by_them", &[("what", &what)])
            }
        };
        capitalised(text)
    }

    /// An item added on both sides, theirs kept under a fresh id.
    pub fn renamed(self, renamed: &Renamed) -> String {
        let list = leaf_field(&renamed.path).unwrap_or_default();
        let item = ItemName {
            list,
            id: Some(renamed.id.clone()),
            name: renamed.name.clone(),
            identity: None,
            by_value: false,
        };
        capitalised(self.t(
            "merge.renamed",
            &[
                ("what", &self.item_phrase(&item)),
                ("new_id", &renamed.new_id),
            ],
        ))
    }
}

/// The items on `path` that have a name or id, innermost first.
fn named_items(path: &[Step]) -> impl Iterator<Item = &ItemName> {
    path.iter().rev().filter_map(|step| match step {
        Step::Item(item) if !item.by_value => Some(item),
        _ => None,
    })
}

/// The last field on `path`: what kind of value sits there.
fn leaf_field(path: &[Step]) -> Option<&'static str> {
    path.iter().rev().find_map(|step| match step {
        Step::Field(name) => Some(*name),
        _ => None,
    })
}

fn capitalised(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => text,
    }
}
