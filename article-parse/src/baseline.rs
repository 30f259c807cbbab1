//! The baseline extractor: all visible text as paragraphs, nothing classified.
//!
//! This is the plain stand-in the workspace starts with, now for text dumps only (HTML has
//! its own front end in `html/`): decoding is UTF-8 (lossy, BOM stripped); text dumps are
//! split at blank lines. It removes no boilerplate.

use std::borrow::Cow;

use article_model::{Article, BlockKind, Removed, RemovedKind, Span};

use crate::error::{Error, ErrorKind, Result};
use crate::limits::Limits;

/// Decoded input: the text and the byte offset in the input where it starts (after a
/// BOM). `exact` says whether text offsets plus `shift` are input offsets (valid UTF-8).
pub(crate) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub shift: usize,
    pub exact: bool,
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
    let text = String::from_utf8_lossy(body);
    let exact = matches!(text, Cow::Borrowed(_));
    Ok(Decoded { text, shift, exact })
}

fn source(d: &Decoded<'_>, start: usize, end: usize) -> Option<Span> {
    d.exact
        .then(|| Span::try_new(start + d.shift, end + d.shift).ok())
        .flatten()
}

/// Pushes one block's text as paragraphs (split further at blank lines).
fn push_block(
    d: &Decoded<'_>,
    text: &str,
    src: Option<(usize, usize)>,
    limits: &Limits,
    article: &mut Article,
) {
    let cleaned = text.trim();
    if cleaned.is_empty() {
        return;
    }
    if article.paragraphs().len() >= limits.max_blocks() {
        article.removed.push(Removed::new(
            RemovedKind::Other,
            "over the block limit",
            cleaned,
            src.and_then(|(s, e)| source(d, s, e)),
        ));
        return;
    }
    let collapsed: String = cleaned
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let span = src.and_then(|(s, e)| source(d, s, e));
    let _ = article.try_push_paragraph(BlockKind::Paragraph, &collapsed, span);
}

/// A text dump: blocks separated by blank lines.
pub(crate) fn text(d: &Decoded<'_>, limits: &Limits, article: &mut Article) {
    let text: &str = &d.text;
    let mut block_start: Option<usize> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let line_start = pos;
        pos += line.len();
        if line.trim().is_empty() {
            if let Some(s) = block_start.take() {
                push_block(
                    d,
                    &text[s..line_start],
                    Some((s, line_start)),
                    limits,
                    article,
                );
            }
        } else if block_start.is_none() {
            block_start = Some(line_start);
        }
    }
    if let Some(s) = block_start {
        push_block(d, &text[s..], Some((s, text.len())), limits, article);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_baseline_keeps_sources() {
        let input = "\u{feff}Title\n\nFirst line\nsecond line\n\n\nLast";
        let d = decode(input.as_bytes()).unwrap();
        let mut a = Article::new();
        text(&d, &Limits::default(), &mut a);
        let texts: Vec<_> = a.paragraphs().iter().map(|p| a.paragraph_text(p)).collect();
        assert_eq!(texts, ["Title", "First line\nsecond line", "Last"]);
        for p in a.paragraphs() {
            let src = p.source().unwrap();
            assert_eq!(
                input.as_bytes()[src.range()].trim_ascii(),
                a.paragraph_text(p).as_bytes()
            );
        }
    }
}
