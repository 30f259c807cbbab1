//! The grammar of a plain-text page dump, what a scraper saves by copying all visible text.
//!
//! ```text
//! dump    = line*
//! line    = content eol?                 content = [^\r\n]*
//! eol     = "\r\n" | "\n" | "\r"
//! blank   = a line whose content is only white space (Unicode spaces, zero-width spaces)
//! group   = non-blank line+              (a run of lines between blank lines)
//! block   = wrapped+ | line               (one line, or hard-wrapped lines re-joined)
//! bullet  = ("•" | "◦" | "▪" | "▫" | "‣" | "∙" | "●" | "○" | "■" | "□" | "►" | "▸" | "*" | "-" | "·") space+
//! ```
//!
//! Each line of a group is its own block (dumps put one page block per line), unless the
//! dump is hard-wrapped: then a line that is close to the wrap width, and after which the
//! next line's first word would not have fitted, is joined with the next one (a space, or
//! nothing after a hyphen ending a word). The wrap width is estimated per dump in one
//! pass (see [`wrap_width`]). Every block keeps the byte range of its text in the dump.

use std::borrow::Cow;

use article_model::Span;
use nom::{IResult, Parser, branch::alt, bytes::complete::tag, combinator::recognize};

use crate::block::{Block, BlockHint, is_space};

/// One non-blank line of the dump: byte offsets of its content with edge spaces trimmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Line {
    /// Start of the trimmed content (bytes into the dump).
    start: usize,
    /// End of the trimmed content (bytes into the dump).
    end: usize,
    /// Length of the trimmed content in chars.
    chars: usize,
    /// Whether one or more blank lines come right before it.
    gap_before: bool,
}

/// `eol`: a CRLF, LF or lone CR line ending.
#[cfg(test)]
fn eol(i: &str) -> IResult<&str, &str> {
    alt((tag("\r\n"), tag("\n"), tag("\r"))).parse(i)
}

/// `content`: everything up to the next line ending (or the end of input). Never fails.
#[cfg(test)]
fn content(i: &str) -> IResult<&str, &str> {
    let len = memchr::memchr2(b'\n', b'\r', i.as_bytes()).unwrap_or(i.len());
    // '\n' and '\r' are ASCII, so `len` is a char boundary.
    Ok((&i[len..], &i[..len]))
}

/// `line`: content and its line ending, if any. Fails only on empty input.
///
/// The reference rule: [`lines`] splits a whole dump the same way in one `memchr` pass
/// (a test checks that they agree).
#[cfg(test)]
fn line(i: &str) -> IResult<&str, &str> {
    if i.is_empty() {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Eof,
        )));
    }
    let (rest, text) = content(i)?;
    let rest = eol(rest).map_or(rest, |(r, _)| r);
    Ok((rest, text))
}

/// `bullet`: a list bullet and the spaces after it, at the start of a line's content.
fn bullet(i: &str) -> IResult<&str, &str> {
    // Every bullet starts with one of these bytes: most lines are out at once.
    if !matches!(i.as_bytes().first(), Some(b'*' | b'-' | 0xc2 | 0xe2)) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )));
    }
    let marks = alt((
        tag("•"),
        tag("◦"),
        tag("▪"),
        tag("▫"),
        tag("‣"),
        tag("∙"),
        tag("●"),
        tag("○"),
        tag("■"),
        tag("□"),
        tag("►"),
        tag("▸"),
        tag("*"),
        tag("-"),
        tag("·"),
    ));
    recognize((marks, spaces1)).parse(i)
}

/// One or more white-space chars (no line endings occur inside a line's content).
fn spaces1(i: &str) -> IResult<&str, &str> {
    let len = i
        .char_indices()
        .find(|&(_, c)| !is_space(c))
        .map_or(i.len(), |(p, _)| p);
    if len == 0 {
        Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Space,
        )))
    } else {
        Ok((&i[len..], &i[..len]))
    }
}

/// Splits the dump into lines (the `line` rule, repeated), trimming each line's edge
/// spaces, and keeps the non-blank ones (each knows whether blank lines came before it:
/// that is all the block rules ask of blank lines). One pass over the line ends with
/// `memchr`; linear time, and memory for the text lines only.
fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    // At most one line per line end, and one after the last: no reallocation (capacity
    // that is not written to costs no memory).
    let mut out = Vec::with_capacity(memchr::memchr2_iter(b'\n', b'\r', bytes).count() + 1);
    let mut gap = false;
    let mut at = 0;
    let mut ends = memchr::memchr2_iter(b'\n', b'\r', bytes);
    while at < bytes.len() {
        // The next line end at or after `at` (a CRLF's LF was consumed with its CR).
        let end = loop {
            match ends.next() {
                Some(e) if e < at => {}
                Some(e) => break e,
                None => break bytes.len(),
            }
        };
        // '\n' and '\r' are ASCII, so `at` and `end` are char boundaries.
        let (start, end_, chars) = trim_line(&text[at..end], at);
        if start == end_ {
            gap = true;
        } else {
            out.push(Line {
                start,
                end: end_,
                chars,
                gap_before: std::mem::take(&mut gap),
            });
        }
        at = match bytes.get(end) {
            Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => end + 2,
            Some(_) => end + 1,
            None => end,
        };
    }
    out
}

/// Whether `c` is trimmed from line edges.
fn is_edge(c: char) -> bool {
    is_space(c) || c.is_control()
}

/// Whether byte `b` starts a char that is certainly not trimmed (a printable ASCII char
/// or a multi-byte char whose lead byte no space or control char has).
fn is_solid_byte(b: u8) -> bool {
    (0x21..0x7f).contains(&b) || (b >= 0x80 && !matches!(b, 0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef))
}

/// The trimmed extent of `content`, which starts at byte `at` of the dump: start, end
/// (bytes into the dump) and length in chars.
fn trim_line(content: &str, at: usize) -> (usize, usize, usize) {
    let b = content.as_bytes();
    let lead = if b.first().is_some_and(|&x| is_solid_byte(x)) {
        0
    } else {
        content.len() - content.trim_start_matches(is_edge).len()
    };
    let rest = &content[lead..];
    // The last byte of a char is a continuation byte (0x80..0xc0) or ASCII; printable
    // ASCII is solid, and so is a continuation byte of a char that is not trimmed.
    let len = match rest.as_bytes().last() {
        Some(&x) if (0x21..0x7f).contains(&x) => rest.len(),
        Some(_) => rest.trim_end_matches(is_edge).len(),
        None => 0,
    };
    let trimmed = &rest[..len];
    let chars = if trimmed.is_ascii() {
        trimmed.len()
    } else {
        trimmed.chars().count()
    };
    (at + lead, at + lead + len, chars)
}

/// Smallest wrap width considered: narrower "wrapping" is a list of short lines.
const MIN_WRAP: usize = 30;
/// Largest wrap width considered: dumps with longer lines are not hard-wrapped.
const MAX_WRAP: usize = 100;

/// The dump's hard-wrap width in chars, or `None` when it is not hard-wrapped.
///
/// Looks at lines followed by a non-blank line (wrapped lines are): the width `w` is the
/// longest of those within 30..=100 chars. The dump counts as wrapped when at least half
/// of those lines (and at least two) reach 3/4 of `w`, and lines longer than `w + 10`
/// (paragraphs left unwrapped) are at most a quarter as many.
fn wrap_width(text: &str, lines: &[Line]) -> Option<usize> {
    let _ = text;
    let mut followed: Vec<usize> = Vec::new();
    for pair in lines.windows(2) {
        if let [a, b] = pair {
            if !b.gap_before && (MIN_WRAP..=MAX_WRAP).contains(&a.chars) {
                followed.push(a.chars);
            }
        }
    }
    let w = *followed.iter().max()?;
    let near = followed.iter().filter(|&&n| n * 4 >= w * 3).count();
    let long = lines.iter().filter(|l| l.chars > w + 10).count();
    (near >= 2 && near * 2 >= followed.len() && long * 4 <= near).then_some(w)
}

/// Length in chars of the first word of `s`.
fn first_word_chars(s: &str) -> usize {
    s.split(is_space).next().map_or(0, |w| w.chars().count())
}

/// Whether line `a` was wrapped onto line `b` at width `w`.
fn is_wrapped(text: &str, a: &Line, b: &Line, w: usize) -> bool {
    let next = text.get(b.start..b.end).unwrap_or("");
    if bullet(next).is_ok() {
        return false;
    }
    a.chars * 5 >= w * 3 && a.chars + 1 + first_word_chars(next) > w.saturating_sub(2)
}

/// The blocks of a decoded dump, in order; each block's source is its byte range in
/// `text`. Linear time, never fails; a dump of white space has no blocks.
///
/// ```
/// use article_parse::text_blocks;
/// let blocks = text_blocks("Title\r\n\r\n• One item\nA line\n");
/// let texts: Vec<_> = blocks.iter().map(|b| b.text()).collect();
/// assert_eq!(texts, ["Title", "One item", "A line"]);
/// assert_eq!(blocks[1].source().unwrap().range(), 13..21);
/// ```
#[must_use]
pub fn text_blocks(text: &str) -> Vec<Block<'_>> {
    let lines = lines(text);
    let width = wrap_width(text, &lines);
    // At most one block per line: no reallocation.
    let mut blocks = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let tight_before = i > 0 && !lines[i].gap_before;
        let mut last = i;
        if let Some(w) = width {
            while last + 1 < lines.len()
                && !lines[last + 1].gap_before
                && is_wrapped(text, &lines[last], &lines[last + 1], w)
            {
                last += 1;
            }
        }
        let tight_after = last + 1 < lines.len() && !lines[last + 1].gap_before;
        if let Some(block) = make_block(text, &lines[i..=last], tight_before, tight_after) {
            blocks.push(block);
        }
        i = last + 1;
    }
    blocks
}

/// Builds the block of one or more (wrapped) lines.
fn make_block<'a>(
    text: &'a str,
    lines: &[Line],
    tight_before: bool,
    tight_after: bool,
) -> Option<Block<'a>> {
    let first = lines.first()?;
    let last = lines.last()?;
    let mut start = first.start;
    let head = text.get(first.start..first.end)?;
    let mut hint = if lines.len() > 1 {
        BlockHint::Paragraph
    } else {
        BlockHint::Unknown
    };
    if let Ok((rest, _)) = bullet(head) {
        if !rest.is_empty() {
            start += head.len() - rest.len();
            hint = BlockHint::ListItem;
        }
    }
    let source = Span::try_new(start, last.end).ok();
    let text = if let [_] = lines {
        let piece = text.get(start..last.end)?;
        if is_collapsed(piece) {
            Cow::Borrowed(piece)
        } else {
            let mut owned = String::with_capacity(piece.len());
            push_collapsed(&mut owned, piece);
            Cow::Owned(owned)
        }
    } else {
        Cow::Owned(join_lines(text, lines, start)?)
    };
    if text.is_empty() {
        return None;
    }
    Some(
        Block::from_normalized(text, source)
            .with_hint(hint)
            .with_tight(tight_before, tight_after),
    )
}

/// The text of hard-wrapped lines re-joined: a space between lines, or nothing after a
/// hyphen that ends a word when the next line goes on in lower case.
fn join_lines(text: &str, lines: &[Line], start: usize) -> Option<String> {
    let last = lines.last()?;
    let mut joined = String::with_capacity(last.end - start);
    for (k, l) in lines.iter().enumerate() {
        let from = if k == 0 { start } else { l.start };
        let piece = text.get(from..l.end)?;
        if k > 0 {
            let hyphenated = joined.ends_with('-')
                && joined[..joined.len() - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
                && piece.chars().next().is_some_and(char::is_lowercase);
            if !hyphenated {
                joined.push(' ');
            }
        }
        push_collapsed(&mut joined, piece);
    }
    Some(joined)
}

/// Whether [`push_collapsed`] would append `piece` unchanged (so the block can borrow it):
/// ASCII with no tab, control byte or double space; or any text whose only white space
/// or control chars are single ASCII spaces between other chars.
fn is_collapsed(piece: &str) -> bool {
    let bytes = piece.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // Branch-free scans that vectorise: C0 controls (tab included), DEL, double spaces.
    let controls = bytes.iter().fold(false, |acc, &b| acc | (b < 0x20));
    let doubles = bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .fold(false, |acc, (&a, &b)| acc | ((a == b' ') & (b == b' ')));
    if controls || doubles {
        return false;
    }
    if bytes.is_ascii() {
        // A DEL is kept in ASCII text.
        return true;
    }
    // A DEL is a control char: the general path turns it into a space, except in an
    // ASCII piece, which is appended as is.
    if memchr::memchr(0x7f, bytes).is_some() {
        return false;
    }
    // Other space and control chars start with one of five lead bytes (never a
    // continuation byte, so each hit is a char).
    !memchr::memchr3_iter(0xc2, 0xe2, 0xe3, bytes)
        .chain(memchr::memchr2_iter(0xe1, 0xef, bytes))
        .any(|i| edge_at(bytes, i))
}

/// Whether the char that starts at `bytes[i]` is trimmed by [`is_edge`], from its bytes:
/// U+0080..=U+00A0 (C1 controls, NEL, NBSP), U+1680, U+2000..=U+200C, U+2028, U+2029,
/// U+202F, U+205F, U+2060, U+3000, U+FEFF (a test checks every char).
#[inline]
fn edge_at(bytes: &[u8], i: usize) -> bool {
    let at = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match (at(0), at(1), at(2)) {
        (0xc2, b, _) => (0x80..=0xa0).contains(&b),
        (0xe1, 0x9a, 0x80) | (0xe3, 0x80, 0x80) | (0xef, 0xbb, 0xbf) => true,
        (0xe2, 0x80, c) => c <= 0x8c || matches!(c, 0xa8 | 0xa9 | 0xaf),
        (0xe2, 0x81, c) => matches!(c, 0x9f | 0xa0),
        _ => false,
    }
}

/// Appends `piece` (one trimmed line) with its runs of spaces collapsed to one space.
fn push_collapsed(out: &mut String, piece: &str) {
    let bytes = piece.as_bytes();
    let simple = bytes.is_ascii()
        && !bytes.contains(&b'\t')
        && !bytes.windows(2).any(|w| w == b"  ")
        && !bytes.iter().any(|&b| b < 0x20);
    if simple {
        out.push_str(piece);
        return;
    }
    let mut space = false;
    for c in piece.chars() {
        if is_space(c) || c.is_control() {
            space = true;
        } else {
            if space && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        text_blocks(s).iter().map(|b| b.text().to_owned()).collect()
    }

    #[test]
    fn eol_table() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("\r\nx", Some(("x", "\r\n"))),
            ("\nx", Some(("x", "\n"))),
            ("\rx", Some(("x", "\r"))),
            ("x", None),
        ];
        for (input, want) in cases {
            assert_eq!(eol(input).ok(), *want, "{input:?}");
        }
    }

    #[test]
    fn line_table() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("", None),
            ("abc", Some(("", "abc"))),
            ("abc\r\ndef", Some(("def", "abc"))),
            ("\n\n", Some(("\n", ""))),
            ("a\rb", Some(("b", "a"))),
        ];
        for (input, want) in cases {
            assert_eq!(line(input).ok(), *want, "{input:?}");
        }
    }

    /// Lines of white space, controls and text of several scripts, in every combination
    /// of two and three pieces: the fast paths must agree with the reference rules.
    fn tricky_lines() -> Vec<String> {
        let pieces = [
            "",
            " ",
            "  ",
            "\t",
            "\u{a0}",
            "\u{2003}",
            "\u{200b}",
            "\u{feff}",
            "\u{85}",
            "\u{7f}",
            "\u{1}",
            "\u{3000}",
            "\u{1680}",
            "\r",
            "\n",
            "\r\n",
            "a",
            "Zz",
            "é",
            "ß",
            "Россия",
            "日本",
            "—",
            "\u{2028}",
            "x y",
            "€",
            "\u{e9}\u{301}",
        ];
        let mut out = Vec::new();
        for a in pieces {
            for b in pieces {
                out.push(format!("{a}{b}"));
                for c in pieces {
                    out.push(format!("{a}{b}{c}"));
                }
            }
        }
        out
    }

    #[test]
    fn edge_bytes_agree_with_edge_chars() {
        for c in '\u{80}'..=char::MAX {
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            let lead = matches!(b[0], 0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef);
            assert_eq!(lead && edge_at(b, 0), is_edge(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn lines_agree_with_the_line_rule() {
        for text in tricky_lines() {
            let mut want = Vec::new();
            let mut rest = text.as_str();
            let mut gap = false;
            while let Ok((next, content)) = line(rest) {
                let at = text.len() - rest.len();
                let t = content.trim_matches(is_edge);
                let lead = content.len() - content.trim_start_matches(is_edge).len();
                if t.is_empty() {
                    gap = true;
                } else {
                    want.push((at + lead, at + lead + t.len(), t.chars().count(), gap));
                    gap = false;
                }
                rest = next;
            }
            let got: Vec<_> = lines(&text)
                .iter()
                .map(|l| (l.start, l.end, l.chars, l.gap_before))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn borrowed_blocks_agree_with_collapsing() {
        for text in tricky_lines() {
            let piece = text.trim_matches(is_edge);
            let mut collapsed = String::new();
            push_collapsed(&mut collapsed, piece);
            if !piece.contains(['\n', '\r']) {
                assert_eq!(is_collapsed(piece), collapsed == piece, "{piece:?}");
            }
        }
    }

    #[test]
    fn bullet_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("• item", Some("• ")),
            ("-  item", Some("-  ")),
            ("* x", Some("* ")),
            ("▸\u{a0}x", Some("▸\u{a0}")),
            ("-x", None),
            ("— quote", None),
            ("item", None),
        ];
        for (input, want) in cases {
            assert_eq!(bullet(input).ok().map(|(_, b)| b), *want, "{input:?}");
        }
    }

    #[test]
    fn blocks_table() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            (" \n\t\n\u{a0}\n", &[]),
            ("One\n\nTwo", &["One", "Two"]),
            ("One\r\nTwo\rThree", &["One", "Two", "Three"]),
            ("  lead  and   inner  \n", &["lead and inner"]),
            ("• a\n- b\n* c", &["a", "b", "c"]),
            ("\u{200b}\nx\u{200b}", &["x"]),
        ];
        for (input, want) in cases {
            assert_eq!(texts(input), *want, "{input:?}");
        }
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let dump = "Short title\n\nBy A Writer | Wire\nUpdated: 3 May\n\n\
            An overnight fire badly damaged the reading room of the public library,\n\
            destroying part of a local history collection that volunteers had spent a\n\
            decade cataloguing, the council said.\n\n\
            Firefighters were called shortly after two in the morning and brought the\n\
            blaze under control within three hours. No one was hurt. The cause is being\n\
            investigated, and the council said on Friday evening that the old and well-\n\
            known building stays shut.\n";
        let got = texts(dump);
        assert_eq!(got.len(), 5, "{got:#?}");
        assert_eq!(got[1], "By A Writer | Wire");
        assert_eq!(got[2], "Updated: 3 May");
        assert!(got[3].starts_with("An overnight fire") && got[3].ends_with("said."));
        assert!(got[4].contains("old and well-known building"), "{got:#?}");
        let blocks = text_blocks(dump);
        let src = blocks[3].source().unwrap();
        assert!(
            dump[src.range()].starts_with("An overnight") && dump[src.range()].ends_with("said.")
        );
    }

    #[test]
    fn unwrapped_dumps_keep_lines_apart() {
        let dump = "The agreement runs until March 2026.\nNight shifts will be capped at ten hours.\n\n\
            A long paragraph that goes on and on well past any wrap width that a hard-wrapped dump would use, so this dump is not wrapped.\n";
        assert_eq!(texts(dump).len(), 3);
    }

    #[test]
    fn sources_point_at_the_text() {
        let dump = "\u{feff}x\r\n  •  Item one \r\n\r\nÉté  chaud\n";
        for b in text_blocks(dump) {
            let src = b.source().unwrap();
            let raw = &dump[src.range()];
            assert_eq!(crate::block::normalize(raw), b.text(), "{raw:?}");
        }
    }

    #[test]
    fn tight_flags() {
        let blocks = text_blocks("a\nb\n\nc");
        let flags: Vec<_> = blocks
            .iter()
            .map(|b| (b.is_tight_before(), b.is_tight_after()))
            .collect();
        assert_eq!(flags, [(false, true), (true, false), (false, false)]);
    }
}
