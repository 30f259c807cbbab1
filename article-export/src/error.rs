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
    /// The format cannot be written by this writer.
    #[error("format {0} is not supported here")]
    Unsupported(&'static str),
}

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
