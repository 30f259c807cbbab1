//! The baseline extractor: all visible text as paragraphs, nothing classified.
//!
//! This is the plain stand-in the workspace starts with: decoding is UTF-8 (lossy, BOM
//! stripped); HTML is split at block-level tags with `script`, `style` and comments
//! skipped. It removes no boilerplate. (Text dumps have their own grammar in `text`.)

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

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "main",
    "form",
    "hr",
    "dd",
    "dt",
    "dl",
    "title",
    "body",
];
const SKIP_TAGS: &[&str] = &["script", "style", "noscript", "template", "head", "svg"];

/// HTML: text between tags, split at block-level tags.
pub(crate) fn html(d: &Decoded<'_>, limits: &Limits, article: &mut Article) {
    let html: &str = &d.text;
    let bytes = html.as_bytes();
    let mut block = String::new();
    let mut block_src: Option<(usize, usize)> = None;
    let mut i = 0;
    let flush = |block: &mut String, src: &mut Option<(usize, usize)>, article: &mut Article| {
        push_block(d, &decode_entities(block), src.take(), limits, article);
        block.clear();
    };
    while i < bytes.len() {
        let Some(lt) = memchr::memchr(b'<', &bytes[i..]).map(|p| p + i) else {
            append_text(&mut block, &mut block_src, html, i, bytes.len());
            break;
        };
        append_text(&mut block, &mut block_src, html, i, lt);
        if html[lt..].starts_with("<!--") {
            i = html[lt + 4..]
                .find("-->")
                .map_or(bytes.len(), |p| lt + 4 + p + 3);
            continue;
        }
        let tag_end = memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |p| lt + p + 1);
        let inner_end = if bytes.get(tag_end.wrapping_sub(1)) == Some(&b'>') {
            tag_end - 1
        } else {
            tag_end
        };
        let inner = html.get(lt + 1..inner_end.max(lt + 1)).unwrap_or("");
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() && !closing && !inner.starts_with('!') && !inner.starts_with('?') {
            // A lone '<': text.
            append_text(&mut block, &mut block_src, html, lt, lt + 1);
            i = lt + 1;
            continue;
        }
        i = tag_end;
        if !closing && SKIP_TAGS.contains(&name.as_str()) {
            let close = format!("</{name}");
            let lower_rest = html[i..].to_ascii_lowercase();
            i = lower_rest.find(&close).map_or(bytes.len(), |p| {
                let after = i + p;
                memchr::memchr(b'>', &bytes[after..]).map_or(bytes.len(), |q| after + q + 1)
            });
            continue;
        }
        if BLOCK_TAGS.contains(&name.as_str()) {
            flush(&mut block, &mut block_src, article);
        }
    }
    flush(&mut block, &mut block_src, article);
}

fn append_text(
    block: &mut String,
    src: &mut Option<(usize, usize)>,
    html: &str,
    from: usize,
    to: usize,
) {
    let Some(piece) = html.get(from..to) else {
        return;
    };
    if piece.trim().is_empty() {
        if !block.is_empty() {
            block.push(' ');
        }
        return;
    }
    let mut last_space = block.ends_with(' ') || block.is_empty();
    for c in piece.chars() {
        if c.is_whitespace() {
            if !last_space {
                block.push(' ');
                last_space = true;
            }
        } else {
            block.push(c);
            last_space = false;
        }
    }
    *src = Some(match *src {
        Some((s, _)) => (s, to),
        None => (from, to),
    });
}

fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = memchr::memchr(b';', &rest.as_bytes()[..rest.len().min(12)]);
        let replaced = semi.and_then(|semi| {
            let name = &rest[1..semi];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|n| n.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, semi + 1))
        });
        match replaced {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_html(s: &str) -> Vec<String> {
        let d = decode(s.as_bytes()).unwrap();
        let mut a = Article::new();
        html(&d, &Limits::default(), &mut a);
        a.paragraphs()
            .iter()
            .map(|p| a.paragraph_text(p).to_owned())
            .collect()
    }

    #[test]
    fn html_baseline_table() {
        let cases: &[(&str, &[&str])] = &[
            ("<p>One &amp; two</p><p>Three</p>", &["One & two", "Three"]),
            ("<script>var x = '<p>no</p>';</script><p>yes</p>", &["yes"]),
            (
                "<div>a <b>bold</b> word<br>next</div>",
                &["a bold word", "next"],
            ),
            ("<!-- hidden <p>x</p> --><p>shown", &["shown"]),
            ("x < y and y > z", &["x < y and y > z"]),
        ];
        for (input, want) in cases {
            assert_eq!(run_html(input), *want, "{input:?}");
        }
    }
}
