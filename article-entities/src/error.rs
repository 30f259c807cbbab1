//! [`Error`]: why an article could not be annotated or a model not loaded.

/// Why an article could not be annotated, or a model not loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}")]
pub struct Error {
    kind: ErrorKind,
}

/// The kinds of [`Error`]. New kinds may appear in minor releases.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Annotations would break an article invariant (a bug, reported rather than hidden).
    #[error("annotations break an article invariant: {0}")]
    Invariant(article_model::Error),
    /// A NER model could not be read or is not a model file.
    #[error("cannot load the NER model: {0}")]
    Model(String),
    /// A NER model file of a format version this build does not read (it reads the
    /// version the trainer writes; retrain, or load the file with the release that wrote it
    /// and save it again).
    #[error(
        "cannot load the NER model: a file of format version {found}; this build reads version {read}"
    )]
    ModelVersion {
        /// The file's format version.
        found: u8,
        /// The version this build reads.
        read: u8,
    },
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
}

impl From<article_model::Error> for Error {
    fn from(e: article_model::Error) -> Error {
        Error::new(ErrorKind::Invariant(e))
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
