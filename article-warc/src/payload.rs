//! Undoing HTTP codings on a body: chunked transfer coding, gzip and deflate content
//! codings, each bounded.
//!
//! ```text
//! chunked = *chunk last-chunk trailer
//! chunk   = size-hex [";" ext] (CRLF | LF) data (CRLF | LF)
//! ```

use std::io::Read;

use crate::error::ErrorKind;

/// The most hex digits of a chunk size (16 fill a u64).
const MAX_SIZE_DIGITS: usize = 16;

/// Removes chunked transfer coding. `None` when the body does not start with a chunk-size
/// line (it was not chunked after all); a body cut short or broken after the first chunk
/// gives the chunks before the break. The output is never longer than the input.
pub(crate) fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    let mut first = true;
    loop {
        let Some((size, after)) = chunk_size(rest) else {
            return if first { None } else { Some(out) };
        };
        first = false;
        if size == 0 {
            return Some(out);
        }
        let size = usize::try_from(size).unwrap_or(usize::MAX);
        let Some(data) = after.get(..size) else {
            // Cut short: keep what is there.
            out.extend_from_slice(after);
            return Some(out);
        };
        out.extend_from_slice(data);
        rest = &after[size..];
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
        if rest.is_empty() {
            return Some(out);
        }
    }
}

/// `size-hex [";" ext] (CRLF | LF)`: the size and the bytes after the line.
fn chunk_size(input: &[u8]) -> Option<(u64, &[u8])> {
    let line_end = memchr::memchr(b'\n', input)?;
    let line = &input[..line_end];
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let digits_end = line
        .iter()
        .position(|b| !b.is_ascii_hexdigit())
        .unwrap_or(line.len());
    let (digits, tail) = line.split_at(digits_end);
    if digits.is_empty() || digits.len() > MAX_SIZE_DIGITS {
        return None;
    }
    let tail = trim_ascii_start(tail);
    if !(tail.is_empty() || tail.starts_with(b";")) {
        return None;
    }
    let size = digits.iter().try_fold(0u64, |acc, &d| {
        let v = char::from(d).to_digit(16)?;
        acc.checked_mul(16)?.checked_add(u64::from(v))
    })?;
    Some((size, &input[line_end + 1..]))
}

fn trim_ascii_start(mut bytes: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = bytes {
        bytes = rest;
    }
    bytes
}

/// Undoes a `Content-Encoding`: `Ok(None)` when the body is to be kept as it is (identity,
/// or a gzip body without the gzip magic), else the decoded bytes, at most `max`.
pub(crate) fn decode(body: &[u8], coding: &str, max: usize) -> Result<Option<Vec<u8>>, ErrorKind> {
    let codings: Vec<&str> = coding
        .split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty() && !c.eq_ignore_ascii_case("identity"))
        .collect();
    match codings.as_slice() {
        [] => Ok(None),
        [c] if c.eq_ignore_ascii_case("gzip") || c.eq_ignore_ascii_case("x-gzip") => {
            if body.starts_with(&[0x1f, 0x8b]) {
                inflate(flate2::bufread::MultiGzDecoder::new(body), max).map(Some)
            } else {
                Ok(None)
            }
        }
        [c] if c.eq_ignore_ascii_case("deflate") => {
            if is_zlib_header(body) {
                inflate(flate2::bufread::ZlibDecoder::new(body), max).map(Some)
            } else {
                inflate(flate2::bufread::DeflateDecoder::new(body), max).map(Some)
            }
        }
        _ => Err(ErrorKind::Payload(format!(
            "unsupported Content-Encoding {coding:?}"
        ))),
    }
}

/// Whether `data` starts with a zlib header (RFC 1950: method 8, check bits).
fn is_zlib_header(data: &[u8]) -> bool {
    match data {
        [cmf, flg, ..] => cmf & 0x0f == 8 && (u16::from(*cmf) * 256 + u16::from(*flg)) % 31 == 0,
        _ => false,
    }
}

/// Reads a decoder to its end, at most `max` bytes; a stream cut short gives what came
/// before the cut.
fn inflate(decoder: impl Read, max: usize) -> Result<Vec<u8>, ErrorKind> {
    let mut out = Vec::new();
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    match decoder.take(limit).read_to_end(&mut out) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {}
        Err(e) => return Err(ErrorKind::Payload(format!("corrupt compressed data ({e})"))),
    }
    if out.len() > max {
        return Err(ErrorKind::TooLarge {
            what: "decoded payload",
            len: out.len() as u64,
            max: max as u64,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn chunked_bodies_decode() {
        for (body, want) in [
            (
                &b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n"[..],
                Some(&b"Wikipedia"[..]),
            ),
            (b"4;ext=1\r\nWiki\r\n0\r\n\r\n", Some(b"Wiki")),
            (b"4\nWiki\n0\n\n", Some(b"Wiki")),
            (b"A\r\n0123456789\r\n0\r\n", Some(b"0123456789")),
            // Cut short: the chunks before the cut.
            (b"4\r\nWiki\r\n5\r\nped", Some(b"Wikiped")),
            (b"4\r\nWiki\r\nzz\r\n", Some(b"Wiki")),
            // Not chunked from the first line: kept as it is.
            (b"<html>", None),
            (b"", None),
            (b"ffffffffffffffffff\r\nx", None),
        ] {
            assert_eq!(dechunk(body).as_deref(), want, "{body:?}");
        }
    }

    #[test]
    fn dechunking_never_grows_and_ends_on_any_input() {
        let body = b"ffffffffffffffff\r\nabc";
        assert_eq!(dechunk(body).as_deref(), Some(&b"abc"[..]));
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn content_codings_decode_within_the_limit() {
        let page = b"<html>hello</html>".repeat(100);
        let gz = gzip(&page);
        assert_eq!(decode(&gz, "gzip", 1 << 20).unwrap().unwrap(), page);
        assert_eq!(decode(&gz, "X-Gzip", 1 << 20).unwrap().unwrap(), page);
        // Cut short: the prefix.
        let cut = decode(&gz[..gz.len() / 2], "gzip", 1 << 20)
            .unwrap()
            .unwrap();
        assert!(page.starts_with(&cut));
        // Not gzip after all: kept.
        assert_eq!(decode(&page, "gzip", 1 << 20).unwrap(), None);
        assert_eq!(decode(&page, "identity", 1 << 20).unwrap(), None);
        // The limit, at and over.
        assert_eq!(decode(&gz, "gzip", page.len()).unwrap().unwrap(), page);
        let err = decode(&gz, "gzip", page.len() - 1).unwrap_err();
        assert!(matches!(err, ErrorKind::TooLarge { .. }), "{err}");
        assert!(matches!(
            decode(&page, "br", 1 << 20),
            Err(ErrorKind::Payload(_))
        ));
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(&page).unwrap();
        assert_eq!(
            decode(&z.finish().unwrap(), "deflate", 1 << 20)
                .unwrap()
                .unwrap(),
            page
        );
        let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        d.write_all(&page).unwrap();
        assert_eq!(
            decode(&d.finish().unwrap(), "deflate", 1 << 20)
                .unwrap()
                .unwrap(),
            page
        );
        // Corrupt data (or a wrong CRC) is an error.
        let mut bad = gz.clone();
        bad[20] ^= 0xff;
        bad[21] ^= 0xff;
        assert!(matches!(
            decode(&bad, "gzip", 1 << 20),
            Err(ErrorKind::Payload(_))
        ));
    }
}
