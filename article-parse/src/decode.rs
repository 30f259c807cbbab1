//! Bytes to text: BOM, `<meta charset>` prescan, detection, decoding, and the map from
//! offsets in the decoded text back to byte offsets in the input.
//!
//! Order of evidence, as browsers use it: a byte-order mark; then a `<meta charset>` or
//! `<meta http-equiv="content-type" content="...; charset=...">` in the first
//! [`PRESCAN_BYTES`] bytes; then valid UTF-8 is UTF-8; then chardetng guesses. Decoding is
//! encoding_rs's, which replaces malformed sequences with U+FFFD and never fails.
//!
//! Valid UTF-8 input is borrowed, not copied, and its offsets map to input offsets by
//! adding the BOM's length. Any other input is decoded segment by segment, cut before each
//! `<` byte, and [`Decoded::source`] maps a text range to the input bytes that produced it:
//! exact at segment edges (tags start there) and inside segments that decoded one byte to
//! one byte, otherwise widened to the segment's edges, so the range always covers the text.

use std::borrow::Cow;

use article_model::Span;
use encoding_rs::{Encoding, UTF_8};

use crate::error::{Error, ErrorKind, Result};

/// How far into the page the `<meta charset>` prescan looks, in bytes.
pub(crate) const PRESCAN_BYTES: usize = 4096;

/// Decoded input: its text and how to find a text range in the input.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    /// The text, without a byte-order mark.
    pub text: Cow<'a, str>,
    /// The encoding the input was read with.
    #[cfg_attr(not(test), allow(dead_code))]
    pub encoding: &'static Encoding,
    /// Byte offset in the input where the text starts (the BOM's length).
    shift: usize,
    /// Checkpoints `(text offset, input offset)`, sorted on both, for decoded (not
    /// borrowed) text; empty when the text is the input itself.
    checkpoints: Vec<(usize, usize)>,
    /// Input length.
    input_len: usize,
}

impl Decoded<'_> {
    /// The input byte range that produced text range `start..end` (byte offsets into
    /// [`Decoded::text`]); it covers the text and lies within the input.
    pub fn source(&self, start: usize, end: usize) -> Option<Span> {
        let (s, e) = (self.to_input(start, false), self.to_input(end, true));
        Span::try_new(s.min(e), e).ok()
    }

    /// Maps a text offset to an input offset, rounding down (`up == false`) or up.
    fn to_input(&self, off: usize, up: bool) -> usize {
        if self.checkpoints.is_empty() {
            return (off + self.shift).min(self.input_len);
        }
        let i = self.checkpoints.partition_point(|&(t, _)| t <= off);
        let Some(&(t0, b0)) = i.checked_sub(1).and_then(|i| self.checkpoints.get(i)) else {
            return self.shift;
        };
        let (t1, b1) = self
            .checkpoints
            .get(i)
            .copied()
            .unwrap_or((self.text.len(), self.input_len));
        if off == t0 {
            return b0;
        }
        if t1 - t0 == b1 - b0 {
            // One byte in, one byte out: ASCII, exact.
            return (b0 + (off - t0)).min(b1);
        }
        if up { b1 } else { b0 }
    }
}

/// Decodes `input`, or refuses it when it looks binary.
pub(crate) fn decode(input: &[u8]) -> Result<Decoded<'_>> {
    let (encoding, shift) = match Encoding::for_bom(input) {
        Some((enc, len)) => (enc, len),
        None => {
            check_binary(input)?;
            (sniff_encoding(input), 0)
        }
    };
    let body = input.get(shift..).unwrap_or_default();
    if encoding == UTF_8 {
        if let Ok(text) = std::str::from_utf8(body) {
            return Ok(Decoded {
                text: Cow::Borrowed(text),
                encoding,
                shift,
                checkpoints: Vec::new(),
                input_len: input.len(),
            });
        }
    }
    let (text, checkpoints) = decode_segments(encoding, body, shift);
    Ok(Decoded {
        text: Cow::Owned(text),
        encoding,
        shift,
        checkpoints,
        input_len: input.len(),
    })
}

/// Decodes `body` with `encoding`, recording a checkpoint before each `<` byte.
fn decode_segments(
    encoding: &'static Encoding,
    body: &[u8],
    shift: usize,
) -> (String, Vec<(usize, usize)>) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(body.len() + body.len() / 2 + 16);
    let mut checkpoints = vec![(0, shift)];
    let mut pos = 0;
    // A stateful or multi-byte decoder may hold bytes back; the checkpoint then lags by a
    // few bytes, which `source` widens over. Both coordinates stay monotone.
    for cut in memchr::memchr_iter(b'<', body).chain(std::iter::once(body.len())) {
        let seg = body.get(pos..cut).unwrap_or_default();
        let last = cut == body.len();
        decode_into(&mut decoder, seg, &mut text, last);
        pos = cut;
        if !last && cut > 0 && checkpoints.last().is_some_and(|&(t, _)| t < text.len()) {
            checkpoints.push((text.len(), cut + shift));
        }
    }
    (text, checkpoints)
}

fn decode_into(decoder: &mut encoding_rs::Decoder, mut seg: &[u8], out: &mut String, last: bool) {
    loop {
        let need = decoder
            .max_utf8_buffer_length(seg.len())
            .unwrap_or(seg.len().saturating_mul(3).saturating_add(16));
        out.reserve(need);
        let (result, read, _) = decoder.decode_to_string(seg, out, last);
        seg = seg.get(read..).unwrap_or_default();
        if matches!(result, encoding_rs::CoderResult::InputEmpty) {
            return;
        }
    }
}

/// Refuses input that is clearly not a page: NUL bytes or many control characters early on.
fn check_binary(input: &[u8]) -> Result<()> {
    let head = input.get(..input.len().min(8192)).unwrap_or_default();
    if let Some(at) = memchr::memchr(0, head) {
        return Err(Error::new(ErrorKind::Binary { why: "NUL byte" }, at));
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    if controls * 10 > head.len().max(1) {
        return Err(Error::new(
            ErrorKind::Binary {
                why: "control characters",
            },
            0,
        ));
    }
    Ok(())
}

/// The encoding of a page without a BOM: declared, else UTF-8 if valid, else detected.
pub(crate) fn sniff_encoding(input: &[u8]) -> &'static Encoding {
    if let Some(enc) = prescan(
        input
            .get(..input.len().min(PRESCAN_BYTES))
            .unwrap_or_default(),
    ) {
        // A page cannot declare UTF-16 in ASCII; browsers read it as UTF-8 then.
        if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            return UTF_8;
        }
        return enc;
    }
    if std::str::from_utf8(input).is_ok() {
        return UTF_8;
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(
        input.get(..input.len().min(1 << 16)).unwrap_or_default(),
        true,
    );
    det.guess(None, chardetng::Utf8Detection::Allow)
}

/// Finds a `<meta>` charset declaration in `head`.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut pos = 0;
    while let Some(i) = memchr::memmem::find(lower.get(pos..)?, b"<meta") {
        let start = pos + i + 5;
        let end = lower
            .get(start..)
            .and_then(|r| memchr::memchr(b'>', r))
            .map_or(lower.len(), |e| start + e);
        if let Some(enc) = charset_in(lower.get(start..end)?) {
            return Some(enc);
        }
        pos = end;
    }
    None
}

/// `charset=NAME` inside a lower-cased `<meta ...>` tag's bytes.
fn charset_in(tag: &[u8]) -> Option<&'static Encoding> {
    let at = memchr::memmem::find(tag, b"charset")?;
    let rest = tag.get(at + 7..)?;
    let rest = rest.strip_prefix_ws();
    let rest = rest.strip_prefix(b"=")?.strip_prefix_ws();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|&b| {
            matches!(
                b,
                b'"' | b'\'' | b';' | b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'>'
            )
        })
        .unwrap_or(rest.len());
    Encoding::for_label(rest.get(..len)?)
}

trait StripWs {
    fn strip_prefix_ws(&self) -> &Self;
}

impl StripWs for [u8] {
    fn strip_prefix_ws(&self) -> &[u8] {
        let n = self.iter().take_while(|b| b.is_ascii_whitespace()).count();
        self.get(n..).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prescan_table() {
        let cases: &[(&[u8], Option<&str>)] = &[
            (b"<meta charset=utf-8>", Some("UTF-8")),
            (b"<META CHARSET=\"ISO-8859-1\">", Some("windows-1252")),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">",
                Some("windows-1251"),
            ),
            (b"<meta charset='shift_jis'/>", Some("Shift_JIS")),
            (b"<meta name=x content=y>", None),
            (b"<meta charset=bogus>", None),
            (b"no meta", None),
        ];
        for (input, want) in cases {
            assert_eq!(prescan(input).map(Encoding::name), *want, "{input:?}");
        }
    }

    #[test]
    fn utf8_is_borrowed_and_exact() {
        let d = decode("\u{feff}<p>Zürich</p>".as_bytes()).unwrap();
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert_eq!(&*d.text, "<p>Zürich</p>");
        assert_eq!(d.source(0, 3), Span::try_new(3, 6).ok());
    }

    #[test]
    fn windows_1252_maps_back_to_input_bytes() {
        let input = b"<meta charset=windows-1252><p>caf\xe9 \x93hi\x94</p><p>x</p>";
        let d = decode(input).unwrap();
        assert_eq!(d.encoding, encoding_rs::WINDOWS_1252);
        let text: &str = &d.text;
        let p = text.find("<p>caf").unwrap();
        let end = text[p..].find("</p>").unwrap() + p + 4;
        let src = d.source(p, end).unwrap();
        assert_eq!(
            &input[src.start()..src.end()],
            b"<p>caf\xe9 \x93hi\x94</p>".as_slice()
        );
        // ASCII segments map exactly, inside too.
        let x = text.rfind('x').unwrap();
        let src = d.source(x, x + 1).unwrap();
        assert_eq!(&input[src.start()..src.end()], b"x");
    }

    #[test]
    fn invalid_utf8_becomes_replacement() {
        let d = decode(b"<meta charset=utf-8><p>a\xffb</p>").unwrap();
        assert_eq!(&*d.text, "<meta charset=utf-8><p>a\u{fffd}b</p>");
        let src = d.source(0, d.text.len()).unwrap();
        assert_eq!(src.end(), 30);
        // Undeclared and not UTF-8: detected (a legacy single-byte encoding here).
        let d = decode(b"<p>a\xffb</p>").unwrap();
        assert!(!d.text.contains('\u{fffd}'));
    }

    #[test]
    fn utf16_with_bom() {
        let mut input = vec![0xff, 0xfe];
        for c in "<p>hi</p>".encode_utf16() {
            input.extend_from_slice(&c.to_le_bytes());
        }
        let d = decode(&input).unwrap();
        assert_eq!(&*d.text, "<p>hi</p>");
        let s = d.source(0, d.text.len()).unwrap();
        assert!(s.end() <= input.len());
    }

    #[test]
    fn detects_undeclared_legacy_text() {
        let d = decode(b"<p>Stra\xdfe und Gr\xfc\xdfe aus M\xfcnchen</p>").unwrap();
        assert!(d.text.contains("Straße"), "{}", d.text);
    }
}
