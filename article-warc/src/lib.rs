//! A streaming WARC 1.0/1.1 reader: records one after another from any [`std::io::Read`],
//! gzip member by member with each record's file offset and length (Common Crawl's
//! `warc_record_offset` / `warc_record_length`), HTTP responses parsed, payloads decoded.
//!
//! ```
//! use article_warc::{Reader, RecordType};
//!
//! let warc = b"WARC/1.1\r\n\
//!     WARC-Type: response\r\n\
//!     WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n\
//!     WARC-Target-URI: https://example.com/\r\n\
//!     Content-Type: application/http; msgtype=response\r\n\
//!     Content-Length: 68\r\n\
//!     \r\n\
//!     HTTP/1.1 200 OK\r\n\
//!     Content-Type: text/html; charset=utf-8\r\n\
//!     \r\n\
//!     <p>Hi</p>\r\n\
//!     \r\n";
//! let mut records = Reader::new(&warc[..]);
//! let record = records.next().expect("one record")?;
//! assert_eq!(record.record_type(), RecordType::Response);
//! assert_eq!(record.target_uri(), Some("https://example.com/"));
//! let http = record.http_response()?;
//! assert_eq!((http.status(), http.charset(), http.is_html()), (200, Some("utf-8"), true));
//! assert_eq!(&http.payload()?[..], b"<p>Hi</p>");
//! assert!(records.next().is_none());
//! # Ok::<(), article_warc::Error>(())
//! ```
//!
//! # Input
//!
//! - gzip is recognised by its magic bytes (`1f 8b`), not by a file name. Each member is
//!   inflated on its own, its CRC-32 and length checked; a record alone in its member(s)
//!   has [`OffsetKind::File`] offsets: the byte range of its member(s) in the file, which
//!   gunzipped is exactly the record (random access, as with the Common Crawl index).
//! - A file that is one gzip member for all records (or any member holding several
//!   records) gives [`OffsetKind::Decompressed`] offsets: ranges of the decompressed
//!   stream, as no file range holds one record alone.
//! - Uncompressed WARC gives [`OffsetKind::File`] offsets of the record itself.
//! - A record may run over several members (some writers split them), unless the next
//!   member starts with a version line: then its `Content-Length` was wrong, and it is an
//!   error.
//! - WARC/0.18 files (ClueWeb09) read too: LF-only line ends, continuation lines, fields
//!   that are empty or malformed (dropped), bytes such as NUL between records.
//!
//! # Limits
//!
//! Memory per record is bounded: a block over [`ReaderBuilder::max_record_bytes`]
//! (default 64 MiB) is skipped and reported as [`ErrorKind::TooLarge`], a header over
//! [`MAX_HEADER_BYTES`] (1 MiB) as [`ErrorKind::Header`]; decompression uses fixed
//! buffers, whatever the member size; a decoded payload is bounded by the same limit. Time
//! is linear in the input: every step consumes input, so corrupt input cannot make the
//! reader hang.
//!
//! # Errors
//!
//! The iterator yields an [`Error`] for a record that cannot be read, then goes on: at the
//! next gzip member after corrupt gzip data, at the next line starting with `WARC/` after
//! a broken header, at the next record after one that is too large. Input that ends inside
//! a record or member, or a failed read, ends the iteration after its error
//! ([`Error::is_fatal`]). HTTP heads and payloads are parsed only when asked for
//! ([`Record::http_response`], [`HttpResponse::payload`]), so they can be parsed on other
//! threads ([`Record`] is `Send + Sync`).
//!
//! # Crate features
//!
//! - `model` (off): [`Record::provenance`], the `article_model::Warc` an article from the
//!   record carries.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod error;
mod http;
mod input;
mod payload;
mod reader;
mod record;
mod select;

pub use crate::{
    error::{Error, ErrorKind, Result},
    http::HttpResponse,
    reader::{DEFAULT_MAX_RECORD_BYTES, MAX_HEADER_BYTES, Reader, ReaderBuilder},
    record::{OffsetKind, Record, RecordType},
    select::Verdict,
};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    #[test]
    fn records_and_responses_are_shareable_and_readers_sendable() {
        fn send_sync<T: Send + Sync>() {}
        fn send<T: Send>() {}
        send_sync::<crate::Record>();
        send_sync::<crate::HttpResponse<'static>>();
        send_sync::<crate::Error>();
        send_sync::<crate::ReaderBuilder>();
        send::<crate::Reader<std::fs::File>>();
    }
}
