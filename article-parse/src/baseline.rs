//! UTF-8 decoding for text dumps: BOM stripped, invalid bytes replaced, binary refused.
//!
//! What is left of the workspace's first baseline: text dumps have their own grammar in
//! `text`, HTML its own front end (with full encoding detection) in `decode` and `html`.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind, Result};

/// Decoded input: the text and the byte offset in the input where it starts (after a
/// BOM).
pub(crate) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub shift: usize,
}

/// UTF-8 decoding with BOM removal and a binary check.
pub(crate) fn decode(input: &[u8]) -> Result<Decoded<'_>> {
    let (body, shift) = match input.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (rest, 3),
        None => (input, 0),
    };
    let head = &body[..body.len().min(8192)];
    if let Some(at) = memchr::memchr(0, head) {
        return Err(Error::new(
            ErrorKind::Binary { why: "NUL byte" },
            at + shift,
        ));
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if controls * 10 > head.len().max(1) {
        return Err(Error::new(
            ErrorKind::Binary {
                why: "control characters",
            },
            shift,
        ));
    }
    // Valid UTF-8 (the common case) is checked by the fast validator and borrowed.
    let text = match std::str::from_utf8(body) {
        Ok(t) => Cow::Borrowed(t),
        Err(_) => String::from_utf8_lossy(body),
    };
    Ok(Decoded { text, shift })
}
