//! [`Error`]: why an article could not be annotated.

/// Why an article could not be annotated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("annotations break an article invariant: {0}")]
pub struct Error(#[from] article_model::Error);

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
