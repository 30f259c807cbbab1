//! [`Error`]: why a record could not be read, or its HTTP payload not decoded.

/// A `Result` whose error is this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a record could not be read, or its HTTP response or payload not decoded.
///
/// [`offset`](Error::offset) says where: the file offset of the gzip member (gzip input) or
/// of the record (uncompressed input) in which the problem was found. When the record's
/// header had been read, [`record_id`](Error::record_id) names the record.
#[derive(Debug, thiserror::Error)]
#[error("{kind} (at offset {offset}{})", record_suffix(.record_id.as_deref()))]
pub struct Error {
    kind: ErrorKind,
    offset: u64,
    record_id: Option<String>,
}

fn record_suffix(id: Option<&str>) -> String {
    id.map_or_else(String::new, |id| format!(", record {id}"))
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, offset: u64) -> Error {
        Error {
            kind,
            offset,
            record_id: None,
        }
    }

    pub(crate) fn with_record_id(mut self, id: Option<&str>) -> Error {
        if self.record_id.is_none() {
            self.record_id = id.map(str::to_owned);
        }
        self
    }

    pub(crate) fn into_kind(self) -> ErrorKind {
        self.kind
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file offset (bytes) of the gzip member, or of the record in uncompressed input,
    /// where the problem was found. For a file that is one gzip member this is 0 for every
    /// record; for payload errors it is the record's offset.
    #[must_use]
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// The `WARC-Record-ID` of the broken record, when its header was read.
    #[must_use]
    pub fn record_id(&self) -> Option<&str> {
        self.record_id.as_deref()
    }

    /// Whether the reader stops after this error (the input ended, or could not be read):
    /// the iterator yields nothing after it.
    #[must_use]
    pub fn is_fatal(&self) -> bool {
        matches!(self.kind, ErrorKind::Io(_) | ErrorKind::Truncated { .. })
    }
}

/// The kinds of [`Error`]. New kinds may appear in minor releases.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading the input failed. The reader stops.
    #[error("read failed: {0}")]
    Io(std::io::Error),
    /// The input ended inside a record or a gzip member. The reader stops.
    #[error("input ended inside {what}")]
    Truncated {
        /// What was cut: `"a gzip member"`, `"a record header"`, `"a record block"`.
        what: &'static str,
    },
    /// A gzip member is corrupt (bad header, bad deflate data, wrong CRC or size), or
    /// bytes that are no gzip member stand between members. The reader goes on at the next
    /// gzip member.
    #[error("corrupt gzip: {0}")]
    Gzip(String),
    /// A record header is invalid (no `WARC/` version line, no valid `Content-Length`,
    /// no blank line within the header limit). The reader goes on at the next line that
    /// starts with `WARC/` (or the next gzip member).
    #[error("invalid WARC header: {0}")]
    Header(String),
    /// A record's block is over the reader's limit. Its bytes are skipped and the reader
    /// goes on with the next record; a decoded payload over the limit gives this too.
    #[error("{what} of {len} bytes is over the limit of {max}")]
    TooLarge {
        /// What is too large: `"record block"` or `"decoded payload"`.
        what: &'static str,
        /// Its length in bytes (for a payload: at least this many).
        len: u64,
        /// The limit in bytes.
        max: u64,
    },
    /// The record holds no HTTP response (another record type, or another content type).
    #[error("record is not an HTTP response")]
    NotHttp,
    /// The HTTP head of a response record could not be parsed.
    #[error("invalid HTTP response head: {0}")]
    Http(String),
    /// The HTTP payload could not be decoded (corrupt gzip or deflate data, or an
    /// unsupported `Content-Encoding` such as `br`).
    #[error("payload not decoded: {0}")]
    Payload(String),
}

impl From<std::io::Error> for ErrorKind {
    fn from(e: std::io::Error) -> ErrorKind {
        ErrorKind::Io(e)
    }
}
