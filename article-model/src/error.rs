//! Errors: [`SpanError`] for one span, [`Error`] for an article that breaks an invariant.

/// Why a span is not valid for a text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SpanError {
    /// `start > end`.
    #[error("span start {start} is after its end {end}")]
    Reversed {
        /// The start offset.
        start: usize,
        /// The end offset.
        end: usize,
    },
    /// The span ends past the end of the text.
    #[error("offset {end} is past the end of a text of length {len}")]
    OutOfBounds {
        /// The offending offset.
        end: usize,
        /// The length of the text, in the offset's unit.
        len: usize,
    },
    /// An offset falls inside a multi-byte char.
    #[error("byte offset {at} is not on a char boundary")]
    NotCharBoundary {
        /// The offending byte offset.
        at: usize,
    },
}

/// Why an [`Article`](crate::Article) (or a record being loaded into one) is not valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}")]
pub struct Error {
    kind: ErrorKind,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    /// What is wrong.
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

/// The kinds of [`Error`]. New kinds may appear in minor releases.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A span of some layer is invalid for the body.
    #[error("{layer} {index}: {error}")]
    Span {
        /// The layer: "paragraph", "entity", "quote", "date", "cluster", "dateline".
        layer: &'static str,
        /// Index of the item in its layer.
        index: usize,
        /// What is wrong with the span.
        error: SpanError,
    },
    /// Items of a layer are not sorted by position or overlap their predecessor.
    #[error("{layer} {index} starts before the end of the one before it")]
    Overlap {
        /// The layer.
        layer: &'static str,
        /// Index of the item in its layer.
        index: usize,
    },
    /// An item's `text` is not the body text its span covers.
    #[error("{layer} {index}: text {text:?} is not the text of its span")]
    TextMismatch {
        /// The layer.
        layer: &'static str,
        /// Index of the item in its layer.
        index: usize,
        /// The text the item carries.
        text: String,
    },
    /// A paragraph is empty, has blank lines or edge whitespace, or the body is not the
    /// paragraphs joined by blank lines.
    #[error("paragraph {index}: {reason}")]
    Paragraph {
        /// Index of the paragraph.
        index: usize,
        /// What is wrong.
        reason: &'static str,
    },
    /// A reference to a cluster that does not exist, or a cluster whose facts disagree
    /// with the entities.
    #[error("{layer} {index}: {reason}")]
    Cluster {
        /// The layer holding the reference.
        layer: &'static str,
        /// Index of the item in its layer.
        index: usize,
        /// What is wrong.
        reason: String,
    },
    /// A record has an unknown `schema`.
    #[error("unknown schema {0:?}, expected \"article/1\"")]
    Schema(String),
    /// A record could not be read as JSON.
    #[error("invalid record: {0}")]
    Json(String),
}
