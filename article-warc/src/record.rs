//! [`Record`]: one WARC record, its named fields, its block and where it lies in the file.

use crate::error::{Error, ErrorKind, Result};
use crate::http::{HttpResponse, Origin};

/// The `WARC-Type` of a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RecordType {
    /// `warcinfo`: describes the records that follow.
    Warcinfo,
    /// `response`: a server's response (for HTTP, the status line, head and body).
    Response,
    /// `resource`: a resource without its protocol envelope.
    Resource,
    /// `request`: the request that was sent.
    Request,
    /// `metadata`: facts about another record.
    Metadata,
    /// `revisit`: a revisit of content archived before (often the HTTP head only).
    Revisit,
    /// `conversion`: another record's content in another format.
    Conversion,
    /// `continuation`: a segment of a record split over several (WARC 1.0).
    Continuation,
    /// Any other `WARC-Type`, or none: see [`Record::header`] for the value.
    Unknown,
}

impl RecordType {
    /// Reads a `WARC-Type` value (ASCII case-insensitive).
    #[must_use]
    pub fn from_name(name: &str) -> RecordType {
        const NAMES: [(&str, RecordType); 8] = [
            ("warcinfo", RecordType::Warcinfo),
            ("response", RecordType::Response),
            ("resource", RecordType::Resource),
            ("request", RecordType::Request),
            ("metadata", RecordType::Metadata),
            ("revisit", RecordType::Revisit),
            ("conversion", RecordType::Conversion),
            ("continuation", RecordType::Continuation),
        ];
        let name = name.trim();
        NAMES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map_or(RecordType::Unknown, |&(_, t)| t)
    }

    /// The `WARC-Type` value (`"unknown"` for [`RecordType::Unknown`]).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            RecordType::Warcinfo => "warcinfo",
            RecordType::Response => "response",
            RecordType::Resource => "resource",
            RecordType::Request => "request",
            RecordType::Metadata => "metadata",
            RecordType::Revisit => "revisit",
            RecordType::Conversion => "conversion",
            RecordType::Continuation => "continuation",
            RecordType::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for RecordType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a record's [`offset`](Record::offset) and [`length`](Record::length) count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OffsetKind {
    /// Bytes of the file as read: for gzip input, the record's own gzip member(s)
    /// (Common Crawl's `warc_record_offset` / `warc_record_length`: that byte range,
    /// gunzipped, is exactly this record); for uncompressed input, the record itself with
    /// the blank lines after it.
    File,
    /// Bytes of the decompressed stream (all members one after another): the record shares
    /// a gzip member with others, as in a file that is one gzip member, so no file range
    /// holds it alone.
    Decompressed,
}

/// One WARC record: its version line, named fields, block and location.
///
/// The block is the record's content as stored (for an HTTP `response`, the status line,
/// head and body); [`http_response`](Record::http_response) parses it. Field values are
/// text (invalid UTF-8 becomes U+FFFD), with continuation lines joined by a space.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub(crate) version: String,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) content_length: u64,
    pub(crate) block: Vec<u8>,
    pub(crate) offset: u64,
    pub(crate) length: u64,
    pub(crate) offset_kind: OffsetKind,
    /// The largest decoded payload [`HttpResponse::payload`] gives (the reader's limit).
    pub(crate) max_payload_bytes: usize,
}

impl Record {
    /// The version line, such as `WARC/1.1` (or `WARC/0.18`).
    #[must_use]
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The first value of a named field, matched ASCII case-insensitively.
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every named field as `(name, value)`, in the order of the record.
    pub fn headers(&self) -> impl Iterator<Item = (&str, &str)> {
        self.headers.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// `WARC-Type`.
    #[must_use]
    pub fn record_type(&self) -> RecordType {
        self.header("WARC-Type")
            .map_or(RecordType::Unknown, RecordType::from_name)
    }

    /// `WARC-Record-ID`, as written (`<urn:uuid:...>`).
    #[must_use]
    pub fn record_id(&self) -> Option<&str> {
        self.nonempty("WARC-Record-ID")
    }

    /// `WARC-Target-URI`, without the angle brackets some writers put around it.
    #[must_use]
    pub fn target_uri(&self) -> Option<&str> {
        self.nonempty("WARC-Target-URI").map(|uri| {
            uri.strip_prefix('<')
                .and_then(|u| u.strip_suffix('>'))
                .unwrap_or(uri)
        })
    }

    /// `WARC-Date`, as written (W3C-ISO8601, such as `2020-07-16T06:00:00Z`; old files may
    /// hold other forms, which are given unchanged).
    #[must_use]
    pub fn date(&self) -> Option<&str> {
        self.nonempty("WARC-Date")
    }

    /// `Content-Length`: the length of the block in bytes.
    #[must_use]
    pub fn content_length(&self) -> u64 {
        self.content_length
    }

    /// `Content-Type` of the block (for HTTP records `application/http; msgtype=response`).
    #[must_use]
    pub fn content_type(&self) -> Option<&str> {
        self.nonempty("Content-Type")
    }

    /// `WARC-Identified-Payload-Type`: the payload's media type as the crawler identified it.
    #[must_use]
    pub fn identified_payload_type(&self) -> Option<&str> {
        self.nonempty("WARC-Identified-Payload-Type")
    }

    /// The block: the record's content, exactly [`content_length`](Record::content_length)
    /// bytes.
    #[must_use]
    pub fn block(&self) -> &[u8] {
        &self.block
    }

    /// The block, by value.
    #[must_use]
    pub fn into_block(self) -> Vec<u8> {
        self.block
    }

    /// Where the record starts (bytes): see [`offset_kind`](Record::offset_kind).
    #[must_use]
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// How many bytes the record spans from [`offset`](Record::offset): its gzip member(s),
    /// or the record and the blank lines after it.
    #[must_use]
    pub fn length(&self) -> u64 {
        self.length
    }

    /// What [`offset`](Record::offset) and [`length`](Record::length) count.
    #[must_use]
    pub fn offset_kind(&self) -> OffsetKind {
        self.offset_kind
    }

    /// Whether the block holds an HTTP response: a `response` or `revisit` record whose
    /// `Content-Type` is `application/http` or whose block starts with `HTTP/`.
    #[must_use]
    pub fn is_http_response(&self) -> bool {
        matches!(
            self.record_type(),
            RecordType::Response | RecordType::Revisit
        ) && (self.content_type().is_some_and(|t| {
            t.get(..16)
                .is_some_and(|p| p.eq_ignore_ascii_case("application/http"))
        }) || self.block.starts_with(b"HTTP/"))
    }

    /// Parses the HTTP response in the block: status, head and body (the payload).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::NotHttp`](crate::ErrorKind::NotHttp) unless
    /// [`is_http_response`](Record::is_http_response);
    /// [`ErrorKind::Http`](crate::ErrorKind::Http) when the head cannot be parsed.
    pub fn http_response(&self) -> Result<HttpResponse<'_>> {
        if !self.is_http_response() {
            return Err(
                Error::new(ErrorKind::NotHttp, self.offset).with_record_id(self.record_id())
            );
        }
        let origin = Origin {
            offset: self.offset,
            record_id: self.record_id(),
            max_payload_bytes: self.max_payload_bytes,
        };
        HttpResponse::parse(&self.block, origin)
    }

    fn nonempty(&self, name: &str) -> Option<&str> {
        self.header(name).filter(|v| !v.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_types_read_case_insensitively() {
        for (name, want) in [
            ("response", RecordType::Response),
            ("Response", RecordType::Response),
            (" warcinfo ", RecordType::Warcinfo),
            ("revisit", RecordType::Revisit),
            ("conversion", RecordType::Conversion),
            ("resource", RecordType::Resource),
            ("request", RecordType::Request),
            ("metadata", RecordType::Metadata),
            ("continuation", RecordType::Continuation),
            ("bogus", RecordType::Unknown),
            ("", RecordType::Unknown),
        ] {
            assert_eq!(RecordType::from_name(name), want, "{name:?}");
            if want != RecordType::Unknown {
                assert_eq!(RecordType::from_name(want.as_str()), want);
            }
        }
    }
}
