//! [`Error`]: why a page could not be turned into an article.

/// Why a page could not be turned into an article.
///
/// Trouble the parser can work around is not an error: a broken page still yields an
/// [`Article`](article_model::Article), and what was dropped is listed in its `removed`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} (at byte {offset})")]
pub struct Error {
    kind: ErrorKind,
    offset: usize,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, offset: usize) -> Error {
        Error { kind, offset }
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Byte offset in the input where it went wrong.
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset
    }
}

/// The kinds of [`Error`]. New kinds may appear in minor releases.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is larger than [`Limits::max_input_bytes`](crate::Limits::max_input_bytes).
    #[error("input is {len} bytes, over the limit of {max}")]
    TooLarge {
        /// Input length in bytes.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// The input looks like binary data, not a page.
    #[error("input looks binary ({why})")]
    Binary {
        /// What gave it away.
        why: &'static str,
    },
    /// The input holds no text at all.
    #[error("input is empty")]
    Empty,
}

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
