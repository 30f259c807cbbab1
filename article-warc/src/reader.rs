//! [`Reader`]: records one after another from a WARC file, and its [`ReaderBuilder`].
//!
//! ```text
//! warc-file   = *(gap record)
//! record      = version-line *named-field blank-line block [blank-line blank-line]
//! version     = "WARC/" 1*(DIGIT / ".")
//! named-field = name ":" value (CRLF / LF), continued by lines starting with SP or HT
//! gap         = *(CR / LF / SP / HT / NUL)
//! ```

use crate::error::{Error, ErrorKind, Result};
use crate::input::Input;
use crate::record::{OffsetKind, Record};

/// Default [`ReaderBuilder::max_record_bytes`]: 64 MiB.
pub const DEFAULT_MAX_RECORD_BYTES: usize = 64 << 20;
/// The longest record header read (version line and named fields): 1 MiB.
pub const MAX_HEADER_BYTES: usize = 1 << 20;

/// Room reserved for a block before its bytes arrive (the length field may lie).
const FIRST_BLOCK_CAPACITY: usize = 1 << 20;

/// Options for a [`Reader`].
#[derive(Clone, Debug)]
pub struct ReaderBuilder {
    max_record_bytes: usize,
}

impl Default for ReaderBuilder {
    fn default() -> ReaderBuilder {
        ReaderBuilder::new()
    }
}

impl ReaderBuilder {
    /// The default options.
    #[must_use]
    pub fn new() -> ReaderBuilder {
        ReaderBuilder {
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
        }
    }

    /// The largest record block held in memory, and the largest decoded HTTP payload
    /// (default [`DEFAULT_MAX_RECORD_BYTES`], 64 MiB). A record whose block is longer gives
    /// [`ErrorKind::TooLarge`]: its bytes are skipped without being kept, and the reader
    /// goes on with the next record.
    #[must_use]
    pub fn max_record_bytes(mut self, bytes: usize) -> ReaderBuilder {
        self.max_record_bytes = bytes;
        self
    }

    /// A reader of `input` with these options.
    pub fn build<R: std::io::Read>(&self, input: R) -> Reader<R> {
        Reader {
            input: Input::new(input),
            max_record_bytes: self.max_record_bytes,
            last_member: None,
            resync: None,
            record_offset: 0,
            done: false,
        }
    }
}

/// Reads the records of a WARC file one at a time: an [`Iterator`] of
/// `Result<`[`Record`]`, `[`Error`]`>`.
///
/// The input may be uncompressed, gzip with a member per record (as Common Crawl writes
/// them), or one gzip member for the whole file; gzip is recognised by its magic bytes.
/// After an error the reader goes on where it can (see [`ErrorKind`]) and stops after a
/// fatal one ([`Error::is_fatal`]); it never yields anything after `None`.
pub struct Reader<R> {
    input: Input<R>,
    max_record_bytes: usize,
    /// The member in which the last non-blank bytes were read (a record starting in
    /// another one starts its member).
    last_member: Option<u64>,
    /// After a header error: skip to the next line that starts with `WARC/` (the flag
    /// says whether a line starts where the broken header stopped).
    resync: Option<bool>,
    /// Where the record being read starts: its member's file offset (gzip) or its offset.
    record_offset: u64,
    done: bool,
}

impl<R: std::io::Read> Reader<R> {
    /// A reader of `input` with the default options ([`ReaderBuilder::new`]).
    pub fn new(input: R) -> Reader<R> {
        ReaderBuilder::new().build(input)
    }

    /// Reads the next record; `Ok(None)` at the end of the input.
    fn read_record(&mut self) -> Result<Option<Record>> {
        let found = match self.resync.take() {
            Some(line_start) => self.skip_to_version_line(line_start)?,
            None => self.skip_gap()?,
        };
        if !found {
            return Ok(None);
        }
        let member = self.input.member();
        let starts_member = self.input.is_gzip() && self.last_member != Some(member);
        let member_start = self.input.member_start();
        let start = self.input.pos();
        self.record_offset = if self.input.is_gzip() {
            member_start
        } else {
            start
        };
        // Blank bytes were skipped; from here on a record is being read.
        self.last_member = Some(member);

        let header = self.read_header()?;
        let (version, headers) = parse_header(&header);
        let id = find(&headers, "WARC-Record-ID").map(str::to_owned);
        let content_length = find(&headers, "Content-Length")
            .and_then(|v| v.trim().parse::<u64>().ok())
            .ok_or_else(|| {
                self.resync = Some(true);
                self.error(ErrorKind::Header("no valid Content-Length".into()))
                    .with_record_id(id.as_deref())
            })?;
        let block = self
            .read_block(content_length)
            .map_err(|e| e.with_record_id(id.as_deref()))?;
        self.last_member = Some(self.input.member());
        let ends_member = self
            .skip_trailer()
            .map_err(|e| e.with_record_id(id.as_deref()))?;
        let end = self.input.pos();
        let (offset, length, offset_kind) = if !self.input.is_gzip() {
            (start, end - start, OffsetKind::File)
        } else if let (true, true, Some(member_end)) =
            (starts_member, ends_member, self.input.member_end())
        {
            (member_start, member_end - member_start, OffsetKind::File)
        } else {
            (start, end - start, OffsetKind::Decompressed)
        };
        let Some(block) = block else {
            return Err(self
                .error(ErrorKind::TooLarge {
                    what: "record block",
                    len: content_length,
                    max: self.max_record_bytes as u64,
                })
                .with_record_id(id.as_deref()));
        };
        Ok(Some(Record {
            version,
            headers,
            content_length,
            block,
            offset,
            length,
            offset_kind,
            max_payload_bytes: self.max_record_bytes,
        }))
    }

    /// An error in the current record, at its offset (its member's, for gzip).
    fn error(&self, kind: ErrorKind) -> Error {
        Error::new(kind, self.record_offset)
    }

    /// Skips blank bytes, across members: `Ok(false)` at the end of the input.
    fn skip_gap(&mut self) -> Result<bool> {
        loop {
            let buf = self.input.fill(1)?;
            if buf.is_empty() {
                if !self.input.next_member()? {
                    return Ok(false);
                }
                continue;
            }
            let blank = buf.iter().take_while(|&&b| is_gap(b)).count();
            let more = blank < buf.len();
            self.input.consume(blank);
            if more {
                return Ok(true);
            }
        }
    }

    /// After a broken record: skips to the next line (or member) that starts with `WARC/`
    /// and a digit.
    fn skip_to_version_line(&mut self, mut line_start: bool) -> Result<bool> {
        loop {
            let buf = self.input.fill(6)?;
            if buf.is_empty() {
                if !self.input.next_member()? {
                    return Ok(false);
                }
                line_start = true;
                continue;
            }
            if line_start && is_version_line(buf) {
                return Ok(true);
            }
            let (n, at_newline) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            self.input.consume(n);
            self.last_member = Some(self.input.member());
            line_start = at_newline;
        }
    }

    /// Reads the version line and named fields up to the blank line.
    fn read_header(&mut self) -> Result<Vec<u8>> {
        let mut header = Vec::with_capacity(1024);
        let mut line_start = 0;
        loop {
            let buf = self.input.fill(1)?;
            if buf.is_empty() {
                if !self.input.next_member()? {
                    return Err(self.error(ErrorKind::Truncated {
                        what: "a record header",
                    }));
                }
                continue;
            }
            let (n, line_done) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            header.extend_from_slice(&buf[..n]);
            self.input.consume(n);
            if header.len() > MAX_HEADER_BYTES {
                self.resync = Some(line_done);
                return Err(self.error(ErrorKind::Header(format!(
                    "no blank line within the first {MAX_HEADER_BYTES} bytes"
                ))));
            }
            if !line_done {
                continue;
            }
            let line = &header[line_start..];
            if line_start == 0 && !is_version_line(line) {
                let shown: String = String::from_utf8_lossy(line).chars().take(40).collect();
                self.resync = Some(true);
                return Err(self.error(ErrorKind::Header(format!(
                    "expected a WARC/ version line, found {shown:?}"
                ))));
            }
            if line_start > 0 && matches!(line, b"\n" | b"\r\n") {
                header.truncate(line_start);
                return Ok(header);
            }
            line_start = header.len();
        }
    }

    /// Reads a block of `len` bytes, across members; `None` (the bytes skipped) when it is
    /// over the limit.
    fn read_block(&mut self, len: u64) -> Result<Option<Vec<u8>>> {
        let keep = usize::try_from(len).is_ok_and(|l| l <= self.max_record_bytes);
        let mut block = Vec::new();
        if keep {
            block.reserve(usize::try_from(len).unwrap_or(0).min(FIRST_BLOCK_CAPACITY));
        }
        let mut left = len;
        while left > 0 {
            let buf = self.input.fill(1)?;
            if buf.is_empty() {
                if !self.input.next_member()? {
                    return Err(self.error(ErrorKind::Truncated {
                        what: "a record block",
                    }));
                }
                if is_version_line(self.input.fill(6)?) {
                    // The next member starts a record: this one's length was wrong.
                    return Err(self.error(ErrorKind::Header(format!(
                        "Content-Length {len} runs past the record's gzip member \
                             ({left} bytes short)"
                    ))));
                }
                continue;
            }
            let n = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
            if keep {
                if block.capacity() - block.len() < n {
                    // grow by doubling, but never past the length the header gave (kept
                    // blocks are within the limit): a 1.1 MB page takes 1.1 MB, not 2 MiB
                    let rest = usize::try_from(left).unwrap_or(usize::MAX);
                    block.reserve_exact(rest.min(block.capacity().max(n)));
                }
                block.extend_from_slice(&buf[..n]);
            }
            self.input.consume(n);
            left -= n as u64;
        }
        Ok(keep.then_some(block))
    }

    /// Skips the blank lines after a block within its member: whether the member ended
    /// there (nothing but blank bytes after the record).
    fn skip_trailer(&mut self) -> Result<bool> {
        loop {
            let buf = self.input.fill(1)?;
            if buf.is_empty() {
                return Ok(self.input.member_end().is_some());
            }
            let blank = buf.iter().take_while(|&&b| is_gap(b)).count();
            let more = blank < buf.len();
            self.input.consume(blank);
            if more {
                return Ok(false);
            }
        }
    }
}

impl<R: std::io::Read> Iterator for Reader<R> {
    type Item = Result<Record>;

    fn next(&mut self) -> Option<Result<Record>> {
        if self.done {
            return None;
        }
        match self.read_record() {
            Ok(Some(record)) => Some(Ok(record)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = e.is_fatal();
                Some(Err(e))
            }
        }
    }
}

impl<R: std::io::Read> std::iter::FusedIterator for Reader<R> {}

/// Whether `line` starts like a version line: `WARC/` and a digit.
fn is_version_line(line: &[u8]) -> bool {
    line.strip_prefix(b"WARC/")
        .and_then(|rest| rest.first())
        .is_some_and(u8::is_ascii_digit)
}

/// Bytes skipped between records.
fn is_gap(b: u8) -> bool {
    matches!(b, b'\r' | b'\n' | b' ' | b'\t' | 0)
}

/// Splits a header (without its blank line) into the version and the named fields.
fn parse_header(header: &[u8]) -> (String, Vec<(String, String)>) {
    let text = String::from_utf8_lossy(header);
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let version = lines.next().unwrap_or_default().trim().to_owned();
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            // A continuation of the previous field's value.
            if let Some((_, value)) = fields.last_mut() {
                let more = line.trim();
                if !more.is_empty() {
                    if !value.is_empty() {
                        value.push(' ');
                    }
                    value.push_str(more);
                }
            }
            continue;
        }
        // Lines without a colon are not fields; they are dropped.
        if let Some((name, value)) = line.split_once(':') {
            let name = name.trim();
            if !name.is_empty() {
                fields.push((name.to_owned(), value.trim().to_owned()));
            }
        }
    }
    (version, fields)
}

fn find<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}
