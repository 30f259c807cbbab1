//! The encoding of a page without a byte-order mark, as browsers find it: a
//! `<meta charset>` or `<meta http-equiv="content-type" content="...; charset=...">` in
//! the first [`PRESCAN_BYTES`] bytes; then valid UTF-8 is UTF-8; then chardetng guesses.

use encoding_rs::{Encoding, UTF_8};

/// How far into the page the `<meta charset>` prescan looks, in bytes.
const PRESCAN_BYTES: usize = 4096;

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
}
