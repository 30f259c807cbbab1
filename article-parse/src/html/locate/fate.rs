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

/// Kinds of removal that are strong signs of boilerplate: the fallback never undoes them
/// (unless nothing is kept), and the learned model sees them as such.
pub(crate) fn strong(kind: RemovedKind) -> bool {
    use RemovedKind as K;
    matches!(
        kind,
        K::Hidden
            | K::Comments
            | K::CommentForm
            | K::Related
            | K::Newsletter
            | K::Share
            | K::Navigation
            | K::Advertisement
            | K::CookieNotice
            | K::Subscription
            | K::Footer
            | K::Copyright
            | K::Sidebar
            | K::Header
            | K::Caption
            | K::Title
    )
}
