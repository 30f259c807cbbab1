//! [`HttpResponse`]: the HTTP status line and head of a `response` record, parsed with
//! httparse, and its body.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind, Result};
use crate::payload;

/// Header slots tried first; more on `TooManyHeaders`, up to [`MAX_HEADERS`].
const FIRST_HEADERS: usize = 64;
/// The most header lines a head may have.
const MAX_HEADERS: usize = 4096;
/// The longest head that is copied to repair it (a missing blank line, an odd version).
const MAX_REPAIR_BYTES: usize = 1 << 20;

/// The HTTP response in a WARC `response` (or `revisit`) record.
///
/// Header values are text (invalid UTF-8 becomes U+FFFD). The body is borrowed from the
/// record: [`raw_body`](HttpResponse::raw_body) as stored,
/// [`payload`](HttpResponse::payload) decoded.
#[derive(Clone, Debug)]
pub struct HttpResponse<'a> {
    origin: Origin<'a>,
    status: u16,
    reason: String,
    headers: Vec<(String, String)>,
    body: &'a [u8],
    mime_type: Option<String>,
    charset: Option<String>,
}

/// The record an HTTP response comes from, for errors and limits.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Origin<'a> {
    /// The record's offset (errors give it).
    pub(crate) offset: u64,
    /// The record's `WARC-Record-ID`.
    pub(crate) record_id: Option<&'a str>,
    /// The largest decoded payload.
    pub(crate) max_payload_bytes: usize,
}

impl Origin<'_> {
    fn error(&self, kind: ErrorKind) -> Error {
        Error::new(kind, self.offset).with_record_id(self.record_id)
    }
}

impl<'a> HttpResponse<'a> {
    /// Parses the response at the start of a record's block.
    pub(crate) fn parse(block: &'a [u8], origin: Origin<'a>) -> Result<HttpResponse<'a>> {
        let head = parse_head(block).map_err(|why| origin.error(ErrorKind::Http(why)))?;
        let body = block.get(head.len..).unwrap_or_default();
        let content_type = find(&head.headers, "Content-Type");
        let mime_type = content_type.and_then(mime_type);
        let charset = content_type.and_then(charset).map(str::to_owned);
        Ok(HttpResponse {
            origin,
            status: head.status,
            reason: head.reason,
            headers: head.headers,
            body,
            mime_type,
            charset,
        })
    }

    /// The status code, such as 200.
    #[must_use]
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The reason phrase, such as `OK` (may be empty).
    #[must_use]
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// The first value of a header, matched ASCII case-insensitively.
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        find(&self.headers, name)
    }

    /// Every header as `(name, value)`, in the order of the head.
    pub fn headers(&self) -> impl Iterator<Item = (&str, &str)> {
        self.headers.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// The `Content-Type` header as written.
    #[must_use]
    pub fn content_type(&self) -> Option<&str> {
        self.header("Content-Type")
    }

    /// The media type of `Content-Type` without parameters, ASCII lowercase
    /// (`text/html` for `Text/HTML; charset=UTF-8`).
    #[must_use]
    pub fn mime_type(&self) -> Option<&str> {
        self.mime_type.as_deref()
    }

    /// The `charset` parameter of `Content-Type`, unquoted, as written (`UTF-8`, `gb2312`).
    #[must_use]
    pub fn charset(&self) -> Option<&str> {
        self.charset.as_deref()
    }

    /// Whether `Content-Type` says HTML: `text/html` or `application/xhtml+xml`.
    #[must_use]
    pub fn is_html(&self) -> bool {
        matches!(
            self.mime_type(),
            Some("text/html" | "application/xhtml+xml")
        )
    }

    /// The body as stored in the record (after the head; may be chunked or compressed).
    #[must_use]
    pub fn raw_body(&self) -> &'a [u8] {
        self.body
    }

    /// The body decoded: chunked transfer coding removed and a `gzip`, `x-gzip` or
    /// `deflate` `Content-Encoding` inflated, at most the reader's
    /// [`max_record_bytes`](crate::ReaderBuilder::max_record_bytes) bytes. Borrowed when
    /// nothing needed decoding.
    ///
    /// - `X-Crawler-Transfer-Encoding` or `X-Crawler-Content-Encoding` (Common Crawl's names
    ///   for the original headers) mean the crawler stored the payload decoded: that coding
    ///   is not undone again.
    /// - A body that does not parse as chunked from its first line is given as it is; a
    ///   chunked body cut short gives the chunks before the cut.
    /// - A `gzip` body that does not start with the gzip magic is given as it is (some
    ///   crawlers decoded it and kept the header); a gzip or deflate stream cut short gives
    ///   what was decoded before the cut.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Payload`](crate::ErrorKind::Payload) for corrupt compressed data or a
    /// coding other than those above (such as `br`);
    /// [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge) when the decoded payload is over
    /// the limit.
    pub fn payload(&self) -> Result<Cow<'a, [u8]>> {
        let mut body = Cow::Borrowed(self.body);
        if self.header("X-Crawler-Transfer-Encoding").is_none()
            && self
                .header("Transfer-Encoding")
                .is_some_and(|te| has_token(te, "chunked"))
            && let Some(decoded) = payload::dechunk(self.body)
        {
            body = Cow::Owned(decoded);
        }
        if self.header("X-Crawler-Content-Encoding").is_some() {
            return Ok(body);
        }
        let Some(coding) = self.header("Content-Encoding") else {
            return Ok(body);
        };
        let max = self.origin.max_payload_bytes;
        match payload::decode(&body, coding, max).map_err(|kind| self.origin.error(kind))? {
            Some(decoded) => Ok(Cow::Owned(decoded)),
            None => Ok(body),
        }
    }
}

/// A parsed head: status, reason, headers and the head's length in the block.
struct Head {
    status: u16,
    reason: String,
    headers: Vec<(String, String)>,
    len: usize,
}

/// Parses the status line and headers at the start of `block`, leniently: obsolete folded
/// lines, spaces before colons and invalid header lines are accepted (invalid lines
/// dropped); a version other than `HTTP/1.x` (`HTTP/2`) and a head without its final blank
/// line are repaired on a copy.
fn parse_head(block: &[u8]) -> Result<Head, String> {
    match parse_httparse(block) {
        Ok(Some(head)) => Ok(head),
        // No blank line: the whole block is the head (revisit records, cut records).
        Ok(None) => repair(block, None),
        Err(httparse::Error::Version) => {
            // `HTTP/2 200`, `HTTP/1.1.1 200`: read as HTTP/1.1.
            let space = block
                .starts_with(b"HTTP/")
                .then(|| memchr::memchr(b' ', block.get(..32).unwrap_or(block)))
                .flatten()
                .ok_or_else(|| httparse::Error::Version.to_string())?;
            repair(block, Some(space))
        }
        Err(e) => Err(e.to_string()),
    }
}

/// Parses a copy of the head: its version (up to `version_end`) replaced by `HTTP/1.1`,
/// and a blank line added if it has none. The length is mapped back to `block`.
fn repair(block: &[u8], version_end: Option<usize>) -> Result<Head, String> {
    let cut = block.get(..MAX_REPAIR_BYTES).unwrap_or(block);
    let skip = version_end.unwrap_or(0);
    let mut copy = Vec::with_capacity(cut.len() + 12);
    if version_end.is_some() {
        copy.extend_from_slice(b"HTTP/1.1");
    }
    let prefix = copy.len();
    copy.extend_from_slice(cut.get(skip..).unwrap_or_default());
    let head = match parse_httparse(&copy) {
        Ok(Some(head)) => head,
        Ok(None) => {
            copy.extend_from_slice(b"\r\n\r\n");
            match parse_httparse(&copy) {
                Ok(Some(head)) => head,
                Ok(None) => return Err("the head does not end".into()),
                Err(e) => return Err(e.to_string()),
            }
        }
        Err(e) => return Err(e.to_string()),
    };
    let len = (head.len + skip).saturating_sub(prefix).min(block.len());
    Ok(Head { len, ..head })
}

/// One httparse run: `Ok(None)` when the head is incomplete.
fn parse_httparse(bytes: &[u8]) -> Result<Option<Head>, httparse::Error> {
    let mut config = httparse::ParserConfig::default();
    config
        .allow_spaces_after_header_name_in_responses(true)
        .allow_obsolete_multiline_headers_in_responses(true)
        .allow_multiple_spaces_in_response_status_delimiters(true)
        .allow_space_before_first_header_name(true)
        .ignore_invalid_headers_in_responses(true);
    let mut slots = FIRST_HEADERS;
    loop {
        let mut headers = vec![httparse::EMPTY_HEADER; slots];
        let mut response = httparse::Response::new(&mut headers);
        match config.parse_response(&mut response, bytes) {
            Ok(httparse::Status::Complete(len)) => {
                let headers = response
                    .headers
                    .iter()
                    .map(|h| {
                        (
                            h.name.to_owned(),
                            String::from_utf8_lossy(h.value).trim().to_owned(),
                        )
                    })
                    .collect();
                return Ok(Some(Head {
                    status: response.code.unwrap_or_default(),
                    reason: response.reason.unwrap_or_default().to_owned(),
                    headers,
                    len,
                }));
            }
            Ok(httparse::Status::Partial) => return Ok(None),
            Err(httparse::Error::TooManyHeaders) if slots < MAX_HEADERS => slots *= 4,
            Err(e) => return Err(e),
        }
    }
}

fn find<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Whether a comma-separated header value holds `token` (ASCII case-insensitive).
fn has_token(value: &str, token: &str) -> bool {
    value
        .split(',')
        .any(|t| t.trim().eq_ignore_ascii_case(token))
}

/// `text/html` from `Text/HTML; charset=utf-8`; `None` when empty.
fn mime_type(content_type: &str) -> Option<String> {
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    (!essence.is_empty()).then(|| essence.to_ascii_lowercase())
}

/// The `charset` parameter, unquoted; `None` when absent or empty.
fn charset(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .map_or(value, |v| v.strip_suffix('"').unwrap_or(v))
            .trim();
        (!value.is_empty()).then_some(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets_come_from_the_content_type_parameter() {
        for (content_type, want) in [
            ("text/html; charset=UTF-8", Some("UTF-8")),
            ("text/html;charset=gb2312", Some("gb2312")),
            ("text/html; Charset=\"iso-8859-1\"", Some("iso-8859-1")),
            ("text/html; foo=bar; charset= utf-8 ", Some("utf-8")),
            ("text/html; charset=", None),
            ("text/html", None),
            ("charset=utf-8", None),
        ] {
            assert_eq!(charset(content_type), want, "{content_type:?}");
        }
    }

    #[test]
    fn mime_types_are_lowercase_without_parameters() {
        for (content_type, want) in [
            ("Text/HTML; charset=UTF-8", Some("text/html")),
            (" application/xhtml+xml ", Some("application/xhtml+xml")),
            ("", None),
            ("; charset=utf-8", None),
        ] {
            assert_eq!(mime_type(content_type).as_deref(), want, "{content_type:?}");
        }
    }

    #[test]
    fn heads_parse_leniently() {
        for (block, status, len) in [
            (&b"HTTP/1.1 200 OK\r\nA: b\r\n\r\nbody"[..], 200, 25),
            (b"HTTP/1.0 404 Not Found\nA: b\n\nbody", 404, 29),
            (b"HTTP/1.1 200\r\n\r\n", 200, 16),
            (b"HTTP/2 301 Moved\r\nLocation: /x\r\n\r\nbody", 301, 34),
            (b"HTTP/1.1 200 OK\r\nA: b\r\n", 200, 23),
            (
                b"HTTP/1.1 200 OK\r\nbad header line\r\nA: b\r\n\r\n",
                200,
                42,
            ),
        ] {
            let head = parse_head(block).unwrap_or_else(|e| panic!("{block:?}: {e}"));
            assert_eq!((head.status, head.len), (status, len), "{block:?}");
        }
        for block in [
            &b"GET / HTTP/1.1\r\n\r\n"[..],
            b"HTTP/1.1 abc OK\r\n\r\n",
            b"",
        ] {
            assert!(parse_head(block).is_err(), "{block:?}");
        }
    }
}
