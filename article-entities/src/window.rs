//! Cutting a long body into windows for [`crate::Annotator`]: byte ranges that cover the
//! body in order, each about `max` bytes of whole paragraphs, so the annotation layers
//! hold one window's tokens at a time.
//!
//! A window starts at a paragraph (after its blank line), or, inside a paragraph longer
//! than `max`, at the start of a sentence found by tokenizing the next `max` bytes: the
//! sentences before the last one there are whole sentences of the paragraph (a sentence
//! break depends on the tokens around it only). A sentence longer than `max` is cut at a
//! token start (its parts become sentences of their own: the one place where windowed
//! annotation differs from annotating the body whole). Every cut follows a separator, so
//! the windows' tokens are the body's.

use std::ops::Range;

use article_model::Span;

use crate::token::{Token, is_separator, tokenize_range_into};

/// The windows of `body`, whose paragraphs are `paragraphs` (sorted byte spans).
pub(crate) fn plan(body: &str, paragraphs: &[Span], max: usize) -> Vec<Range<usize>> {
    let max = max.max(1);
    let mut out = Vec::new();
    let mut start = 0;
    let mut tokens = Vec::new();
    for p in paragraphs {
        let (a, b) = (p.start(), p.end().min(body.len()));
        if a > start && a - start >= max && follows_separator(body, a) {
            out.push(start..a);
            start = a;
        }
        while b > start && b - start > max {
            if a > start && follows_separator(body, a) {
                out.push(start..a);
                start = a;
                continue;
            }
            let Some(cut) = sentence_cut(body, start, b, max, &mut tokens) else {
                break;
            };
            out.push(start..cut);
            start = cut;
        }
    }
    if start < body.len() || out.is_empty() {
        out.push(start..body.len());
    }
    out
}

/// Whether `at` is 0 or just after a separator (a place the tokens may be cut).
fn follows_separator(body: &str, at: usize) -> bool {
    at == 0
        || body
            .get(..at)
            .and_then(|b| b.chars().next_back())
            .is_some_and(is_separator)
}

/// A cut in `start..end` (inside one paragraph) after about `max` bytes: the start of the
/// last sentence begun in `start..start + max`, or, when that is the first, the first token
/// start at or after `start + max`. `None` when there is none before `end`.
fn sentence_cut(
    body: &str,
    start: usize,
    end: usize,
    max: usize,
    tokens: &mut Vec<Token>,
) -> Option<usize> {
    // the first separator at or after start + max
    let mut lim = (start + max).min(end);
    while !body.is_char_boundary(lim) {
        lim += 1;
    }
    let rest = body.get(lim..end)?;
    let sep = rest.char_indices().find(|&(_, c)| is_separator(c))?;
    let sep_end = lim + sep.0 + sep.1.len_utf8();
    tokenize_range_into(body, start..sep_end, tokens);
    let sents = crate::sentence::sentences(body, tokens);
    if let [_, .., last] = &sents[..] {
        let at = tokens.get(last.tokens().start)?.span().start();
        if at > start {
            return Some(at);
        }
    }
    // one sentence longer than `max`: cut it at the next token
    let after = body.get(sep_end..end)?;
    let (k, _) = after.char_indices().find(|&(_, c)| !is_separator(c))?;
    Some(sep_end + k)
}

/// The parts of `paragraphs` in `range`: those that overlap it, cut to it.
pub(crate) fn paragraphs_in(paragraphs: &[Span], range: &Range<usize>) -> Vec<Span> {
    let first = paragraphs.partition_point(|p| p.end() <= range.start && p.start() < range.start);
    paragraphs[first..]
        .iter()
        .take_while(|p| p.start() < range.end)
        .filter_map(|p| Span::try_new(p.start().max(range.start), p.end().min(range.end)).ok())
        .collect()
}

/// Groups consecutive `windows` into windows of about `max` bytes for the quotation layer,
/// cut only at a paragraph no quotation goes on from (`continued[i]`: one goes on from
/// paragraph `i` into the next), or inside a paragraph longer than `max` where
/// `is_quoted` says no quotation is open, or when no such cut came for `4 * max` bytes.
pub(crate) fn group(
    windows: &[Range<usize>],
    paragraphs: &[Span],
    continued: &[bool],
    is_quoted: impl Fn(usize) -> bool,
    max: usize,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let Some(end) = windows.last().map(|w| w.end) else {
        return out;
    };
    let mut start = windows.first().map_or(0, |w| w.start);
    for w in windows.iter().skip(1) {
        let cut = w.start;
        let size = cut - start;
        if size < max {
            continue;
        }
        let pi = paragraphs.partition_point(|p| p.start() < cut);
        let at_paragraph = paragraphs.get(pi).is_some_and(|p| p.start() == cut);
        let free = at_paragraph && (pi == 0 || !continued.get(pi - 1).copied().unwrap_or(false));
        if free || (!at_paragraph && !is_quoted(cut)) || size >= 4 * max {
            out.push(start..cut);
            start = cut;
        }
    }
    out.push(start..end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs_of(body: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        for part in body.split("\n\n") {
            out.push(Span::new(start, start + part.len()));
            start += part.len() + 2;
        }
        out
    }

    /// Windows cover the body in order, start after a separator, and give the body's
    /// tokens; inside a long paragraph they start at sentences.
    #[test]
    fn windows_cover_the_body_at_sentence_starts() {
        let para = "Mr. Smith went to Washington. He spoke on Monday. “We agreed,” she said. ";
        let long = para.repeat(40);
        let body = format!(
            "{}\n\n{}\n\nShort one.\n\n{}",
            para.trim(),
            long.trim(),
            para.trim()
        );
        let paragraphs = paragraphs_of(&body);
        let whole = crate::token::tokenize(&body);
        let starts: Vec<usize> = crate::sentence::sentences(&body, &whole)
            .iter()
            .map(|s| s.span().start())
            .collect();
        for max in [1, 10, 100, 300, 1000, 100_000] {
            let windows = plan(&body, &paragraphs, max);
            assert_eq!(windows.first().map(|w| w.start), Some(0), "{max}");
            assert_eq!(windows.last().map(|w| w.end), Some(body.len()), "{max}");
            let mut tokens = Vec::new();
            let mut all = Vec::new();
            for (k, w) in windows.iter().enumerate() {
                if k > 0 {
                    assert_eq!(windows[k - 1].end, w.start);
                    // sentences are shorter than 100 bytes: no sentence is cut
                    if max >= 100 {
                        assert!(starts.contains(&w.start), "{max}: {w:?}");
                    }
                }
                assert!(w.start < w.end || windows.len() == 1);
                tokenize_range_into(&body, w.clone(), &mut tokens);
                all.extend_from_slice(&tokens);
            }
            assert_eq!(all, whole, "{max}");
            if max >= 300 {
                assert!(
                    windows.len() < body.len() / max + 4,
                    "{max}: {}",
                    windows.len()
                );
            }
        }
    }

    /// A sentence longer than the window is cut at a token start.
    #[test]
    fn long_sentences_are_cut_at_tokens() {
        let body = "word ".repeat(1000);
        let body = body.trim_end();
        let windows = plan(body, &[Span::new(0, body.len())], 100);
        assert!(windows.len() >= 40, "{}", windows.len());
        for w in &windows {
            assert!(body[w.clone()].starts_with("word"), "{w:?}");
            assert!(w.len() <= 110, "{w:?}");
        }
    }

    #[test]
    fn paragraphs_are_cut_to_the_window() {
        let ps = [Span::new(0, 10), Span::new(12, 40), Span::new(42, 50)];
        assert_eq!(paragraphs_in(&ps, &(20..42)), [Span::new(20, 40)],);
        assert_eq!(paragraphs_in(&ps, &(0..50)), ps,);
        assert_eq!(paragraphs_in(&ps, &(12..30)), [Span::new(12, 30)],);
    }

    /// Quotation windows are not cut where a quotation goes on into the next paragraph.
    #[test]
    fn quotation_windows_keep_quotations_whole() {
        let windows: Vec<Range<usize>> = (0..10).map(|k| k * 10..k * 10 + 10).collect();
        let ps: Vec<Span> = (0..10).map(|k| Span::new(k * 10, k * 10 + 8)).collect();
        let mut continued = vec![false; 10];
        continued[1] = true; // paragraph 1 goes on into 2
        let got = group(&windows, &ps, &continued, |_| false, 20);
        assert_eq!(got, [0..30, 30..50, 50..70, 70..90, 90..100]);
        let got = group(
            &windows,
            &ps,
            &{
                let mut c = vec![false; 10];
                c[2] = true;
                c
            },
            |_| false,
            30,
        );
        assert_eq!(got, [0..40, 40..70, 70..100]);
        // inside one long paragraph: not where a quotation is open
        let one = [Span::new(0, 100)];
        let got = group(&windows, &one, &[false], |at| (15..35).contains(&at), 10);
        assert_eq!(
            got,
            [
                0..10,
                10..40,
                40..50,
                50..60,
                60..70,
                70..80,
                80..90,
                90..100
            ]
        );
    }
}
