//! The classifier's decisions: a role and a reason per block, and the classified page.

use article_model::{BlockKind, RemovedKind};

use super::features::BlockInfo;
use super::lang::Language;

/// What a block is, as decided by the classifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Article text, with the kind of body block.
    Body(BlockKind),
    /// The page or article title.
    Title,
    /// A photo caption or credit.
    Caption,
    /// Boilerplate of the given kind.
    Removed(RemovedKind),
}

/// The classifier's decision on one block, with its reason.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Verdict {
    /// What the block is.
    pub role: Role,
    /// Why, for people (goes into `Removed::reason`).
    pub reason: &'static str,
    /// The block's body score (log-odds) before smoothing.
    pub score: f32,
}

/// A classified page: the verdicts and what was learned on the way.
#[derive(Clone, Debug)]
pub(crate) struct Classified {
    /// One verdict per block.
    pub verdicts: Vec<Verdict>,
    /// Shapes and recogniser hits per block.
    pub infos: Vec<BlockInfo>,
    /// The page's language.
    pub language: Language,
}
