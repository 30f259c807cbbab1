//! Bytes to text for both front ends: byte-order mark, binary check, charset, detection,
//! decoding, and the map from offsets in the decoded text back to byte offsets in the input.
//!
//! The HTML front end and the text-dump front end read input differently in three ways,
//! each an explicit [`Mode`] field:
//!
//! | | HTML ([`Mode::HTML`]) | text dump ([`Mode::TEXT`]) |
//! |---|---|---|
//! | [`Encodings`] | `Legacy`: UTF-8 and UTF-16 BOMs, `<meta charset>`, detection | `Utf8`: UTF-8 BOM, UTF-8 with U+FFFD for invalid bytes |
//! | [`BinaryCheck`] | `UnlessBom`: a page with a BOM is never binary | `AfterBom`: the bytes after the BOM are checked |
//! | [`EscapeByte`] | `Text`: ESC (0x1b) is text (ISO-2022 escapes) | `Binary`: ESC counts as a control character |
//!
//! Valid UTF-8 is borrowed, not copied; its offsets map to input offsets by adding the
//! BOM's length; other text maps back through a `SourceMap`.

mod charset;
mod source;

use std::borrow::Cow;

use article_model::Span;
use encoding_rs::{Encoding, UTF_8};

use crate::error::{Error, ErrorKind, Result};
use source::SourceMap;

/// How far into the input the binary check looks, in bytes.
const BINARY_HEAD_BYTES: usize = 8192;

/// Which encodings the input may be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Encodings {
    /// Any: a UTF-8 or UTF-16 BOM, else a `<meta charset>` declaration, else UTF-8 when
    /// valid, else chardetng's guess; decoded by encoding_rs.
    Legacy,
    /// UTF-8 only: a UTF-8 BOM is stripped, invalid sequences become U+FFFD.
    Utf8,
}

/// Whether input with a byte-order mark goes through the binary check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BinaryCheck {
    /// Only input without a BOM is checked (a BOM says the input is text).
    UnlessBom,
    /// The bytes after the BOM are checked; offsets in the error count the BOM.
    AfterBom,
}

/// What the ESC byte (0x1b) counts as in the binary check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EscapeByte {
    /// Text: ISO-2022 encodings use it.
    Text,
    /// A control character like the others.
    Binary,
}

/// How a front end reads its input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mode {
    /// Which encodings the input may be in.
    pub encodings: Encodings,
    /// Whether input with a BOM is checked for binary content.
    pub binary_check: BinaryCheck,
    /// What ESC counts as in that check.
    pub escape: EscapeByte,
}

impl Mode {
    /// HTML pages.
    pub(crate) const HTML: Mode = Mode {
        encodings: Encodings::Legacy,
        binary_check: BinaryCheck::UnlessBom,
        escape: EscapeByte::Text,
    };
    /// Plain-text dumps.
    pub(crate) const TEXT: Mode = Mode {
        encodings: Encodings::Utf8,
        binary_check: BinaryCheck::AfterBom,
        escape: EscapeByte::Binary,
    };
}

/// Decoded input: its text and how to find a text range in the input.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    /// The text, without a byte-order mark.
    pub text: Cow<'a, str>,
    /// The encoding the input was read with.
    #[cfg_attr(not(test), allow(dead_code))]
    pub encoding: &'static Encoding,
    /// Text offsets to input offsets.
    map: SourceMap,
}

impl Decoded<'_> {
    /// The input byte range that produced text range `start..end` (byte offsets into
    /// [`Decoded::text`]); it covers the text and lies within the input.
    pub fn source(&self, start: usize, end: usize) -> Option<Span> {
        self.map.source(start, end, self.text.len())
    }

    /// Whether text offsets are input offsets as they are (no BOM, text borrowed).
    pub fn is_identity(&self) -> bool {
        self.map.is_identity()
    }
}

/// The encoding a transport-level charset label names (an HTTP `Content-Type`
/// `charset`), when it can be used: `None` for labels encoding_rs does not know, and for
/// UTF-16 and `replacement`, which a page with ASCII markup cannot be in.
pub(crate) fn transport_encoding(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes()).filter(|&e| {
        e != encoding_rs::UTF_16LE && e != encoding_rs::UTF_16BE && e != encoding_rs::REPLACEMENT
    })
}

/// Decodes `input` as `mode` says, or refuses it when it looks binary.
pub(crate) fn decode(input: &[u8], mode: Mode) -> Result<Decoded<'_>> {
    decode_declared(input, mode, None)
}

/// Like [`decode`], with the encoding a transport declared: for [`Encodings::Legacy`],
/// used when there is no BOM, before `<meta charset>` and detection; ignored for
/// [`Encodings::Utf8`].
pub(crate) fn decode_declared<'a>(
    input: &'a [u8],
    mode: Mode,
    declared: Option<&'static Encoding>,
) -> Result<Decoded<'a>> {
    let bom = match mode.encodings {
        Encodings::Legacy => Encoding::for_bom(input),
        Encodings::Utf8 => input.starts_with(b"\xef\xbb\xbf").then_some((UTF_8, 3)),
    };
    let shift = bom.map_or(0, |(_, len)| len);
    let body = input.get(shift..).unwrap_or_default();
    if bom.is_none() || mode.binary_check == BinaryCheck::AfterBom {
        check_binary(body, shift, mode.escape)?;
    }
    let encoding = match (bom, mode.encodings) {
        (Some((enc, _)), _) => enc,
        (None, Encodings::Legacy) => declared.unwrap_or_else(|| charset::sniff_encoding(input)),
        (None, Encodings::Utf8) => UTF_8,
    };
    if encoding == UTF_8 {
        if let Ok(text) = std::str::from_utf8(body) {
            return Ok(Decoded {
                text: Cow::Borrowed(text),
                encoding,
                map: SourceMap::shifted(shift, input.len()),
            });
        }
    }
    let (text, map) = match mode.encodings {
        Encodings::Legacy => {
            let (text, checkpoints) = decode_segments(encoding, body, shift);
            (text, SourceMap::segments(shift, checkpoints, input.len()))
        }
        Encodings::Utf8 => (
            String::from_utf8_lossy(body).into_owned(),
            SourceMap::lossy(input, shift),
        ),
    };
    Ok(Decoded {
        text: Cow::Owned(text),
        encoding,
        map,
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

/// Refuses input that is clearly not text: a NUL byte or many control characters in the
/// first [`BINARY_HEAD_BYTES`] of `body` (the input past its first `shift` bytes; error
/// offsets are input offsets).
fn check_binary(body: &[u8], shift: usize, escape: EscapeByte) -> Result<()> {
    let head = body
        .get(..body.len().min(BINARY_HEAD_BYTES))
        .unwrap_or_default();
    if let Some(at) = memchr::memchr(0, head) {
        return Err(Error::new(
            ErrorKind::Binary { why: "NUL byte" },
            at + shift,
        ));
    }
    let esc_is_text = escape == EscapeByte::Text;
    let controls = head
        .iter()
        .filter(|&&b| {
            b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c) && !(esc_is_text && b == 0x1b)
        })
        .count();
    if controls * 10 > head.len().max(1) {
        return Err(Error::new(
            ErrorKind::Binary {
                why: "control characters",
            },
            shift,
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What each mode makes of inputs where the modes differ: `Ok(text)` or the error's
    /// reason and offset.
    #[test]
    fn modes_table() {
        type Want = std::result::Result<&'static str, (&'static str, usize)>;
        let esc = b"\x1b$B\x1b(B\x1b$B\x1b(Bab";
        let cases: &[(&[u8], Want, Want)] = &[
            // (input, HTML, text dump)
            (b"plain text", Ok("plain text"), Ok("plain text")),
            (b"\xef\xbb\xbfhi", Ok("hi"), Ok("hi")),
            (
                esc,
                Ok("\x1b$B\x1b(B\x1b$B\x1b(Bab"),
                Err(("control characters", 0)),
            ),
            (b"a\0b", Err(("NUL byte", 1)), Err(("NUL byte", 1))),
            // A BOM: HTML does not check, the text dump checks after it.
            (b"\xef\xbb\xbfa\0b", Ok("a\0b"), Err(("NUL byte", 4))),
            (
                b"\xef\xbb\xbf\x01\x02\x03",
                Ok("\x01\x02\x03"),
                Err(("control characters", 3)),
            ),
            // UTF-16: decoded by HTML, NUL bytes to the text dump.
            (b"\xff\xfeh\0i\0", Ok("hi"), Err(("NUL byte", 3))),
            // Not UTF-8: detected by HTML, U+FFFD in the text dump.
            (
                b"caf\xe9 cr\xe8me",
                Ok("café crème"),
                Ok("caf\u{fffd} cr\u{fffd}me"),
            ),
        ];
        for (input, html, text) in cases {
            for (mode, want) in [(Mode::HTML, html), (Mode::TEXT, text)] {
                let got = decode(input, mode).map(|d| d.text.into_owned());
                match (got, want) {
                    (Ok(t), Ok(w)) => assert_eq!(t, *w, "{input:?} {mode:?}"),
                    (Err(e), Err((why, at))) => {
                        assert_eq!(e.kind(), &ErrorKind::Binary { why }, "{input:?} {mode:?}");
                        assert_eq!(e.offset(), *at, "{input:?} {mode:?}");
                    }
                    (got, want) => panic!("{input:?} {mode:?}: {got:?} want {want:?}"),
                }
            }
        }
    }

    #[test]
    fn declared_encoding_comes_before_meta_and_detection() {
        let latin1 = b"<meta charset=utf-8><p>caf\xe9</p>";
        let cases: &[(&[u8], Option<&str>, Mode, &str)] = &[
            // declared beats <meta>
            (latin1, Some("iso-8859-1"), Mode::HTML, "caf\u{e9}"),
            // no declaration: <meta> says UTF-8, the byte is invalid
            (latin1, None, Mode::HTML, "caf\u{fffd}"),
            // an unknown label, UTF-16 and replacement are ignored
            (latin1, Some("bogus"), Mode::HTML, "caf\u{fffd}"),
            (latin1, Some("utf-16"), Mode::HTML, "caf\u{fffd}"),
            (latin1, Some("iso-2022-kr"), Mode::HTML, "caf\u{fffd}"),
            // a BOM beats the declaration
            (
                b"\xef\xbb\xbf<p>caf\xc3\xa9</p>",
                Some("windows-1252"),
                Mode::HTML,
                "caf\u{e9}",
            ),
            // declared beats detection
            (
                b"<p>\xd0\xd2\xc9\xd7\xc5\xd4</p>",
                Some("koi8-r"),
                Mode::HTML,
                "\u{43f}\u{440}\u{438}\u{432}\u{435}\u{442}",
            ),
            // text dumps are UTF-8 whatever is declared
            (b"caf\xe9", Some("iso-8859-1"), Mode::TEXT, "caf\u{fffd}"),
        ];
        for (input, label, mode, want) in cases {
            let declared = label.and_then(transport_encoding);
            let d = decode_declared(input, *mode, declared).unwrap();
            assert!(d.text.contains(want), "{input:?} {label:?}: {}", d.text);
        }
    }

    #[test]
    fn utf8_is_borrowed_and_exact() {
        for mode in [Mode::HTML, Mode::TEXT] {
            let d = decode("\u{feff}<p>Zürich</p>".as_bytes(), mode).unwrap();
            assert!(matches!(d.text, Cow::Borrowed(_)));
            assert!(!d.is_identity());
            assert_eq!(&*d.text, "<p>Zürich</p>");
            assert_eq!(d.source(0, 3), Span::try_new(3, 6).ok());
            assert!(decode(b"abc", mode).unwrap().is_identity());
        }
    }

    #[test]
    fn windows_1252_maps_back_to_input_bytes() {
        let input = b"<meta charset=windows-1252><p>caf\xe9 \x93hi\x94</p><p>x</p>";
        let d = decode(input, Mode::HTML).unwrap();
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
        let d = decode(b"<meta charset=utf-8><p>a\xffb</p>", Mode::HTML).unwrap();
        assert_eq!(&*d.text, "<meta charset=utf-8><p>a\u{fffd}b</p>");
        let src = d.source(0, d.text.len()).unwrap();
        assert_eq!(src.end(), 30);
        // Undeclared and not UTF-8: detected (a legacy single-byte encoding here).
        let d = decode(b"<p>a\xffb</p>", Mode::HTML).unwrap();
        assert!(!d.text.contains('\u{fffd}'));
    }

    #[test]
    fn utf16_with_bom() {
        let mut input = vec![0xff, 0xfe];
        for c in "<p>hi</p>".encode_utf16() {
            input.extend_from_slice(&c.to_le_bytes());
        }
        let d = decode(&input, Mode::HTML).unwrap();
        assert_eq!(&*d.text, "<p>hi</p>");
        let s = d.source(0, d.text.len()).unwrap();
        assert!(s.end() <= input.len());
    }

    #[test]
    fn detects_undeclared_legacy_text() {
        let d = decode(
            b"<p>Stra\xdfe und Gr\xfc\xdfe aus M\xfcnchen</p>",
            Mode::HTML,
        )
        .unwrap();
        assert!(d.text.contains("Straße"), "{}", d.text);
    }

    #[test]
    fn lossy_text_maps_around_replacements() {
        let input = b"ab\xffcd\xe2\x80z";
        let d = decode(input, Mode::TEXT).unwrap();
        let text: &str = &d.text;
        assert_eq!(text, "ab\u{fffd}cd\u{fffd}z");
        let find = |s: &str| {
            let at = text.find(s).unwrap();
            d.source(at, at + s.len()).unwrap()
        };
        assert_eq!(find("ab"), Span::new(0, 2));
        assert_eq!(find("cd"), Span::new(3, 5));
        assert_eq!(find("z"), Span::new(7, 8));
        assert_eq!(find("\u{fffd}cd\u{fffd}"), Span::new(2, 7));
    }
}
