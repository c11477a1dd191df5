//! Working together on one roadmap: what changed between two versions, in the
//! roadmap's words ([`diff`]), and the three-way merge of two people's versions by id,
//! field by field and quarter by quarter ([`merge`]), which git runs as its merge
//! driver.
//!
//! Both work on the document as a generic [`Tree`] (serde's view of the model), so
//! fields added to the format are diffed and merged without code here; only their
//! words need a line in `assets/locales/merge.yml`.

mod de;
mod diff;
pub mod json;
mod listing;
mod path;
mod three_way;
mod tree;
mod words;

#[cfg(test)]
mod tests;

pub use diff::{Change, ChangeKind};
pub use listing::listing;
pub use path::{ItemName, Step, spelled};
pub use three_way::{Conflict, ConflictKind, Renamed};
pub use tree::{Tree, TreeError};
pub use words::Words;

use crate::model::Roadmap;

/// The changes from `old` to `new`, in document order, removals last.
pub fn diff(old: &Roadmap, new: &Roadmap) -> Result<Vec<Change>, MergeError> {
    Ok(diff::diff_trees(&tree::to_tree(old)?, &tree::to_tree(new)?))
}

/// The result of a merge: a document that always loads, and what the merge could not
/// decide (conflicts: our value is in place) or had to change (ids made unique).
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub roadmap: Roadmap,
    pub conflicts: Vec<Conflict>,
    pub renamed: Vec<Renamed>,
}

/// Merges `ours` and `theirs`, two versions descended from `base`.
pub fn merge(base: &Roadmap, ours: &Roadmap, theirs: &Roadmap) -> Result<Merged, MergeError> {
    let [b, o, t] = [base, ours, theirs].map(tree::to_tree);
    let (merged, findings) = three_way::merge_trees(&b?, &o?, &t?);
    Ok(Merged {
        roadmap: de::from_tree(merged)?,
        conflicts: findings.conflicts,
        renamed: findings.renamed,
    })
}

/// The document could not be taken apart or put back together. Every roadmap can be,
/// so this means a bug; it is reported instead of writing a damaged file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the merged document could not be built: {0}")]
pub struct MergeError(#[from] pub TreeError);
