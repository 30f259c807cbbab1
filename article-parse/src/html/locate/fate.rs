//! What becomes of a block: the output of every stage.

use article_model::RemovedKind;

/// What becomes of a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Fate {
    /// Article body.
    Keep,
    /// A photo caption (also listed in `captions`).
    Caption,
    /// Boilerplate, with its kind and reason.
    Remove(RemovedKind, String),
}

/// A removal of `kind` for `why`.
pub(crate) fn remove(kind: RemovedKind, why: impl Into<String>) -> Fate {
    Fate::Remove(kind, why.into())
}
