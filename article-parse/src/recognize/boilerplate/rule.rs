//! The shape of a boilerplate rule: a group of phrases that share a family, a match
//! mode, a header flag and a reason.

use article_model::RemovedKind;

/// How a phrase may match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MatchMode {
    /// The whole block (trailing punctuation ignored).
    Whole,
    /// The start of the block, followed by a non-letter (a label: "Read more: ...").
    Label,
    /// Anywhere at word boundaries, in a block of at most
    /// [`MAX_ANYWHERE`](super::MAX_ANYWHERE) bytes.
    Anywhere,
}

/// Phrases of one family that match the same way and say the same thing.
///
/// Phrases are lower case; `'` stands for both apostrophes (curly ones are matched
/// too).
pub(super) struct Group {
    /// The family of what the phrases mark.
    pub kind: RemovedKind,
    /// How each phrase may match.
    pub mode: MatchMode,
    /// Whether a match heads a section whose following short blocks belong to it.
    pub header: bool,
    /// Why, for people.
    pub reason: &'static str,
    /// The phrases.
    pub phrases: &'static [&'static str],
}
