//! The byte source under the record parser: the input as it is (uncompressed WARC), or its
//! gzip members inflated one at a time, each with its file offsets.
//!
//! gzip is detected by the magic bytes `1f 8b` at the start of the input. A member is a
//! header (RFC 1952: magic, method 8, flags, optional extra, name, comment and header CRC),
//! raw deflate data and an 8-byte trailer (CRC-32 and length), all checked. Decompressed
//! bytes are handed out from the current member only, so the parser sees where a member
//! ends. Memory is two fixed buffers and the inflate state, whatever the member size.

// gzip headers and trailers are read here, not by flate2's GzDecoder, so that each
// member's compressed byte range is known exactly and a corrupt member can be left for the
// next magic; flate2 does the inflating and the CRC.
use flate2::{Crc, Decompress, FlushDecompress, Status};

use crate::error::{Error, ErrorKind, Result};

/// Compressed bytes read from the input at a time.
const RAW_BUF: usize = 64 * 1024;
/// Decompressed bytes kept at a time.
const OUT_BUF: usize = 128 * 1024;
/// The longest gzip header name or comment accepted (they are zero-terminated).
const MAX_GZIP_FIELD: usize = 64 * 1024;

const FHCRC: u8 = 0x02;
const FEXTRA: u8 = 0x04;
const FNAME: u8 = 0x08;
const FCOMMENT: u8 = 0x10;
const FRESERVED: u8 = 0xe0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Unknown,
    Plain,
    Gzip,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Nothing read yet.
    Start,
    /// Inside a member (or the uncompressed input): more bytes may come.
    Body,
    /// The member is finished (trailer read); the next may be started.
    Between,
    /// Nothing more can be read.
    Eof,
}

/// Decompressed bytes of the current member, and where the members lie in the file.
pub(crate) struct Input<R> {
    inner: R,
    raw: Box<[u8]>,
    raw_pos: usize,
    raw_end: usize,
    /// File offset of `raw[0]`.
    raw_base: u64,
    raw_eof: bool,
    out: Box<[u8]>,
    out_pos: usize,
    out_end: usize,
    /// Offset of `out[out_pos]` in the decompressed stream (all members one after another).
    pos: u64,
    format: Format,
    state: State,
    /// Index of the current member (0 for the first, and for uncompressed input).
    member: u64,
    /// File offset where the current member starts.
    member_start: u64,
    /// File offset where the current member ends, once its trailer is read.
    member_end: Option<u64>,
    inflate: Decompress,
    crc: Crc,
    /// Decompressed length of the current member (for the trailer check, modulo 2^32).
    member_len: u64,
    /// After an error that was reported, the scan for the next member stays silent.
    quiet_scan: bool,
}

impl<R: std::io::Read> Input<R> {
    pub(crate) fn new(inner: R) -> Input<R> {
        Input {
            inner,
            raw: vec![0; RAW_BUF].into_boxed_slice(),
            raw_pos: 0,
            raw_end: 0,
            raw_base: 0,
            raw_eof: false,
            out: vec![0; OUT_BUF].into_boxed_slice(),
            out_pos: 0,
            out_end: 0,
            pos: 0,
            format: Format::Unknown,
            state: State::Start,
            member: 0,
            member_start: 0,
            member_end: None,
            inflate: Decompress::new(false),
            crc: Crc::new(),
            member_len: 0,
            quiet_scan: false,
        }
    }

    /// Whether the input is gzip (known once something was read).
    pub(crate) fn is_gzip(&self) -> bool {
        self.format == Format::Gzip
    }

    /// Offset of the next byte in the decompressed stream (the file offset for
    /// uncompressed input).
    pub(crate) fn pos(&self) -> u64 {
        self.pos
    }

    /// Index of the current member (0 for uncompressed input).
    pub(crate) fn member(&self) -> u64 {
        self.member
    }

    /// File offset where the current member starts.
    pub(crate) fn member_start(&self) -> u64 {
        self.member_start
    }

    /// File offset where the current member ends, once it is finished.
    pub(crate) fn member_end(&self) -> Option<u64> {
        self.member_end
    }

    /// The offset an error found now is reported at: the current member's start for gzip,
    /// the position for uncompressed input.
    pub(crate) fn error_offset(&self) -> u64 {
        if self.is_gzip() {
            self.member_start
        } else {
            self.pos
        }
    }

    fn error(&self, kind: ErrorKind) -> Error {
        Error::new(kind, self.error_offset())
    }

    /// The buffered bytes of the current member, at least `min` of them (`min` is small)
    /// unless the member ends first. Empty when the member (or the input) is finished:
    /// then [`next_member`](Input::next_member) goes on.
    pub(crate) fn fill(&mut self, min: usize) -> Result<&[u8]> {
        let min = min.clamp(1, OUT_BUF / 2);
        if self.state == State::Start {
            self.start()?;
        }
        while self.out_end - self.out_pos < min && self.state == State::Body {
            if self.out_pos > 0 && self.out.len() - self.out_end < min {
                self.out.copy_within(self.out_pos..self.out_end, 0);
                self.out_end -= self.out_pos;
                self.out_pos = 0;
            }
            self.produce()?;
        }
        Ok(&self.out[self.out_pos..self.out_end])
    }

    /// Marks `n` bytes of what [`fill`](Input::fill) gave as read.
    pub(crate) fn consume(&mut self, n: usize) {
        let n = n.min(self.out_end - self.out_pos);
        self.out_pos += n;
        self.pos += n as u64;
    }

    /// Goes on to the next gzip member once the current one is finished: `Ok(false)` at the
    /// end of the input (and always for uncompressed input). Bytes between members that are
    /// not a gzip member are skipped up to the next `1f 8b 08` and reported (once) as an
    /// error, after which the next call starts that member; zero or whitespace padding is
    /// skipped silently.
    pub(crate) fn next_member(&mut self) -> Result<bool> {
        if self.state == State::Start {
            self.start()?;
            return Ok(self.state == State::Body);
        }
        // Anything left of the current member is dropped.
        while self.state == State::Body {
            self.drop_out();
            self.produce()?;
        }
        self.drop_out();
        if self.state == State::Eof || self.format == Format::Plain {
            self.state = State::Eof;
            return Ok(false);
        }
        let gap_start = self.raw_offset();
        let mut padding_only = true;
        loop {
            if !self.raw_ensure(3)? {
                // Fewer than 3 bytes left: no member can start there.
                let rest = &self.raw[self.raw_pos..self.raw_end];
                if !rest.is_empty() && [0x1f, 0x8b, 0x08].starts_with(rest) {
                    // The input ends within the magic of a member.
                    self.member_start = self.raw_offset();
                    self.raw_pos = self.raw_end;
                    self.state = State::Eof;
                    return Err(self.error(ErrorKind::Truncated {
                        what: "a gzip member",
                    }));
                }
                padding_only &= rest.iter().all(|&b| is_padding(b));
                self.raw_pos = self.raw_end;
                self.state = State::Eof;
                return self.gap_result(gap_start, padding_only).map(|()| false);
            }
            let window = &self.raw[self.raw_pos..self.raw_end];
            if window.starts_with(&[0x1f, 0x8b, 0x08]) {
                break;
            }
            // Skip to the next candidate 0x1f (at least one byte forward).
            let skip = memchr::memchr(0x1f, &window[1..]).map_or(window.len(), |i| i + 1);
            padding_only &= window[..skip].iter().all(|&b| is_padding(b));
            self.raw_pos += skip;
        }
        let member_start = self.raw_offset();
        if member_start != gap_start {
            let quiet = std::mem::replace(&mut self.quiet_scan, false);
            if !quiet && !padding_only {
                // Report the gap; the next call starts the member found.
                self.member_start = gap_start;
                return Err(self.error(ErrorKind::Gzip(format!(
                    "{} bytes that are no gzip member before offset {member_start}",
                    member_start - gap_start
                ))));
            }
        }
        self.quiet_scan = false;
        self.begin_member()?;
        Ok(true)
    }

    fn gap_result(&mut self, gap_start: u64, padding_only: bool) -> Result<()> {
        let quiet = std::mem::replace(&mut self.quiet_scan, false);
        let end = self.raw_offset();
        if quiet || padding_only || end == gap_start {
            return Ok(());
        }
        self.member_start = gap_start;
        Err(self.error(ErrorKind::Gzip(format!(
            "{} bytes that are no gzip member at the end of the input",
            end - gap_start
        ))))
    }

    /// Detects the format from the first bytes.
    fn start(&mut self) -> Result<()> {
        let have = self.raw_ensure(2)?;
        if !have && self.raw_pos == self.raw_end {
            self.state = State::Eof;
            self.format = Format::Plain;
            return Ok(());
        }
        if have && self.raw[self.raw_pos..self.raw_end].starts_with(&[0x1f, 0x8b]) {
            self.format = Format::Gzip;
            self.member_start = 0;
            self.begin_first_member()
        } else {
            // Uncompressed: the buffered raw bytes are the first output.
            self.format = Format::Plain;
            let n = self.raw_end - self.raw_pos;
            self.out[..n].copy_from_slice(&self.raw[self.raw_pos..self.raw_end]);
            self.out_pos = 0;
            self.out_end = n;
            self.raw_pos = self.raw_end;
            self.state = State::Body;
            Ok(())
        }
    }

    fn begin_first_member(&mut self) -> Result<()> {
        self.member = 0;
        self.read_gzip_header()?;
        self.state = State::Body;
        Ok(())
    }

    /// Drops the decompressed bytes not read yet.
    fn drop_out(&mut self) {
        self.pos += (self.out_end - self.out_pos) as u64;
        self.out_pos = 0;
        self.out_end = 0;
    }

    /// Starts the member whose magic is at `raw_pos`.
    fn begin_member(&mut self) -> Result<()> {
        self.member += 1;
        self.read_gzip_header()?;
        self.state = State::Body;
        Ok(())
    }

    /// Reads a gzip header at `raw_pos` and resets the inflate state. On failure the
    /// member is abandoned: the error is reported and the scan for the next one is quiet.
    fn read_gzip_header(&mut self) -> Result<()> {
        self.member_start = self.raw_offset();
        self.member_end = None;
        self.inflate.reset(false);
        self.crc.reset();
        self.member_len = 0;
        match self.parse_gzip_header() {
            Ok(()) => Ok(()),
            Err(kind) => {
                let truncated = matches!(kind, ErrorKind::Truncated { .. });
                self.state = if truncated {
                    State::Eof
                } else {
                    State::Between
                };
                self.quiet_scan = !truncated;
                Err(self.error(kind))
            }
        }
    }

    fn parse_gzip_header(&mut self) -> Result<(), ErrorKind> {
        let mut fixed = [0u8; 10];
        self.raw_read_exact(&mut fixed)?;
        if fixed[..2] != [0x1f, 0x8b] {
            return Err(ErrorKind::Gzip("no gzip magic at the member start".into()));
        }
        if fixed[2] != 8 {
            return Err(ErrorKind::Gzip(format!(
                "compression method {} is not deflate",
                fixed[2]
            )));
        }
        let flags = fixed[3];
        if flags & FRESERVED != 0 {
            return Err(ErrorKind::Gzip("reserved header flags are set".into()));
        }
        if flags & FEXTRA != 0 {
            let mut len = [0u8; 2];
            self.raw_read_exact(&mut len)?;
            self.raw_skip(usize::from(u16::from_le_bytes(len)))?;
        }
        for flag in [FNAME, FCOMMENT] {
            if flags & flag != 0 {
                self.raw_skip_zero_terminated()?;
            }
        }
        if flags & FHCRC != 0 {
            self.raw_skip(2)?;
        }
        Ok(())
    }

    /// Inflates (or, uncompressed, reads) more bytes into `out`, or finishes the member.
    fn produce(&mut self) -> Result<()> {
        if self.format == Format::Plain {
            return self.produce_plain();
        }
        if self.raw_pos == self.raw_end && !self.raw_eof {
            self.raw_refill()?;
        }
        let before_in = self.inflate.total_in();
        let before_out = self.inflate.total_out();
        let status = self.inflate.decompress(
            &self.raw[self.raw_pos..self.raw_end],
            &mut self.out[self.out_end..],
            FlushDecompress::None,
        );
        let consumed = usize::try_from(self.inflate.total_in() - before_in)
            .expect("invariant: inflate consumes at most the slice it was given");
        let produced = usize::try_from(self.inflate.total_out() - before_out)
            .expect("invariant: inflate writes at most the slice it was given");
        self.raw_pos += consumed;
        self.crc
            .update(&self.out[self.out_end..self.out_end + produced]);
        self.out_end += produced;
        self.member_len += produced as u64;
        match status {
            Ok(Status::StreamEnd) => self.finish_member(),
            Ok(Status::Ok | Status::BufError) if consumed > 0 || produced > 0 => Ok(()),
            Ok(Status::Ok | Status::BufError) => {
                let buffered = self.raw_end - self.raw_pos;
                if !self.raw_eof && buffered < self.raw.len() {
                    // More input may let it go on (the refill adds bytes or finds the end).
                    self.raw_refill()
                } else if self.raw_eof && buffered == 0 {
                    self.state = State::Eof;
                    Err(self.error(ErrorKind::Truncated {
                        what: "a gzip member",
                    }))
                } else {
                    self.abandon_member("deflate data makes no progress".into())
                }
            }
            Err(e) => self.abandon_member(format!("corrupt deflate data ({e})")),
        }
    }

    fn produce_plain(&mut self) -> Result<()> {
        match read_retrying(&mut self.inner, &mut self.out[self.out_end..]) {
            Ok(0) => {
                self.state = State::Eof;
                Ok(())
            }
            Ok(n) => {
                self.out_end += n;
                Ok(())
            }
            Err(e) => {
                self.state = State::Eof;
                Err(self.error(ErrorKind::Io(e)))
            }
        }
    }

    /// A corrupt member: report it and go on silently at the next member magic.
    fn abandon_member(&mut self, why: String) -> Result<()> {
        self.drop_out();
        self.state = State::Between;
        self.quiet_scan = true;
        Err(self.error(ErrorKind::Gzip(why)))
    }

    /// Reads and checks the trailer after the deflate data.
    fn finish_member(&mut self) -> Result<()> {
        let mut trailer = [0u8; 8];
        if let Err(kind) = self.raw_read_exact(&mut trailer) {
            self.state = State::Eof;
            return Err(self.error(kind));
        }
        self.state = State::Between;
        self.member_end = Some(self.raw_offset());
        let [c0, c1, c2, c3, l0, l1, l2, l3] = trailer;
        let crc = u32::from_le_bytes([c0, c1, c2, c3]);
        let len = u32::from_le_bytes([l0, l1, l2, l3]);
        if crc != self.crc.sum() {
            self.drop_out();
            return Err(self.error(ErrorKind::Gzip("CRC-32 of the member is wrong".into())));
        }
        if u64::from(len) != self.member_len & 0xffff_ffff {
            self.drop_out();
            return Err(self.error(ErrorKind::Gzip(
                "length in the member trailer is wrong".into(),
            )));
        }
        Ok(())
    }

    /// File offset of `raw[raw_pos]`.
    fn raw_offset(&self) -> u64 {
        self.raw_base + self.raw_pos as u64
    }

    /// Reads more raw bytes after those still unread (moved to the front).
    fn raw_refill(&mut self) -> Result<()> {
        if self.raw_pos > 0 {
            self.raw.copy_within(self.raw_pos..self.raw_end, 0);
            self.raw_base += self.raw_pos as u64;
            self.raw_end -= self.raw_pos;
            self.raw_pos = 0;
        }
        match read_retrying(&mut self.inner, &mut self.raw[self.raw_end..]) {
            Ok(0) => {
                self.raw_eof = true;
                Ok(())
            }
            Ok(n) => {
                self.raw_end += n;
                Ok(())
            }
            Err(e) => {
                self.state = State::Eof;
                self.raw_eof = true;
                Err(self.error(ErrorKind::Io(e)))
            }
        }
    }

    /// Makes at least `n` raw bytes available (`n` small): `Ok(false)` if the input ends
    /// first.
    fn raw_ensure(&mut self, n: usize) -> Result<bool> {
        while self.raw_end - self.raw_pos < n {
            if self.raw_eof {
                return Ok(false);
            }
            self.raw_refill()?;
        }
        Ok(true)
    }

    fn raw_read_exact(&mut self, buf: &mut [u8]) -> Result<(), ErrorKind> {
        if !self.raw_ensure(buf.len()).map_err(Error::into_kind)? {
            self.raw_pos = self.raw_end;
            return Err(ErrorKind::Truncated {
                what: "a gzip member",
            });
        }
        buf.copy_from_slice(&self.raw[self.raw_pos..self.raw_pos + buf.len()]);
        self.raw_pos += buf.len();
        Ok(())
    }

    fn raw_skip(&mut self, mut n: usize) -> Result<(), ErrorKind> {
        while n > 0 {
            if self.raw_pos == self.raw_end {
                if self.raw_eof {
                    return Err(ErrorKind::Truncated {
                        what: "a gzip member",
                    });
                }
                self.raw_refill().map_err(Error::into_kind)?;
                continue;
            }
            let step = n.min(self.raw_end - self.raw_pos);
            self.raw_pos += step;
            n -= step;
        }
        Ok(())
    }

    fn raw_skip_zero_terminated(&mut self) -> Result<(), ErrorKind> {
        let mut skipped = 0usize;
        loop {
            if self.raw_pos == self.raw_end {
                if self.raw_eof {
                    return Err(ErrorKind::Truncated {
                        what: "a gzip member",
                    });
                }
                self.raw_refill().map_err(Error::into_kind)?;
                continue;
            }
            let window = &self.raw[self.raw_pos..self.raw_end];
            if let Some(i) = memchr::memchr(0, window) {
                self.raw_pos += i + 1;
                return Ok(());
            }
            skipped += window.len();
            self.raw_pos = self.raw_end;
            if skipped > MAX_GZIP_FIELD {
                return Err(ErrorKind::Gzip(format!(
                    "header name or comment is over {MAX_GZIP_FIELD} bytes"
                )));
            }
        }
    }
}

/// Bytes tolerated between members without an error.
fn is_padding(b: u8) -> bool {
    matches!(b, 0 | b'\r' | b'\n' | b' ' | b'\t')
}

/// One `read`, retried while it is interrupted (`ErrorKind::Interrupted` is not a failure).
fn read_retrying(r: &mut impl std::io::Read, buf: &mut [u8]) -> std::io::Result<usize> {
    loop {
        match r.read(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            done => return done,
        }
    }
}
