//! [`Error`]: why an article could not be written.

/// Why an article could not be written.
#[derive(Debug, thiserror::Error)]
#[error("{kind}")]
pub struct Error {
    kind: ErrorKind,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Whether the error is a broken pipe (the reader went away), which a command-line
    /// tool treats as success.
    #[must_use]
    pub fn is_broken_pipe(&self) -> bool {
        matches!(&self.kind, ErrorKind::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::new(ErrorKind::Io(e))
    }
}

impl From<article_model::SpanError> for Error {
    fn from(e: article_model::SpanError) -> Error {
        Error::new(ErrorKind::Offset(e))
    }
}

impl From<article_model::Error> for Error {
    fn from(e: article_model::Error) -> Error {
        Error::new(ErrorKind::Article(e))
    }
}

/// The kinds of [`Error`]. New kinds may appear in minor releases.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Writing failed.
    #[error("write failed: {0}")]
    Io(std::io::Error),
    /// The article breaks an invariant.
    #[error("invalid article: {0}")]
    Article(article_model::Error),
    /// The format cannot be written by this writer (brat, for instance, writes files per
    /// document: see [`DirWriter`](crate::DirWriter)).
    #[error("format {0} is not supported here")]
    Unsupported(&'static str),
    /// An offset could not be converted to the requested unit.
    #[error("invalid offset: {0}")]
    Offset(article_model::SpanError),
    /// The Parquet encoder failed (feature `parquet`).
    #[error("parquet: {0}")]
    Parquet(String),
    /// A record being read back is not valid JSON or not a valid `article/1` record.
    #[error("record {number}: {reason}")]
    Record {
        /// The record's number in the stream, from 1.
        number: usize,
        /// What is wrong (a JSON error says its line and column).
        reason: String,
    },
}

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
