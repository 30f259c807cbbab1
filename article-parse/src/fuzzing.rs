//! Checked entry points into the HTML front end's stages, for fuzz targets and tests.
//!
//! Not a stable API: hidden from the docs, may change in any release. Each function runs
//! one stage on arbitrary input and asserts the stage's invariants, so a fuzzer finds
//! broken invariants as well as panics.

use crate::html::{builder, tokenizer};

/// Runs the tokenizer over `input` and returns the number of tokens.
///
/// # Panics
/// When a tokenizer invariant breaks: tokens must tile the input (each starts where the
/// previous ended, is non-empty, lies on char boundaries) and end at its end.
#[must_use]
pub fn check_tokenizer(input: &str) -> usize {
    let mut t = tokenizer::Tokenizer::new(input);
    let mut attrs = Vec::new();
    let mut last = 0;
    let mut n = 0;
    while let Some((_, start, end)) = t.next_token(&mut attrs) {
        assert_eq!(start, last, "tokens tile the input");
        assert!(end > start, "every token consumes input");
        assert!(input.is_char_boundary(start) && input.is_char_boundary(end));
        assert!(attrs.len() <= tokenizer::MAX_ATTRS);
        last = end;
        n += 1;
    }
    assert_eq!(last, input.len(), "tokens cover the input");
    n
}

/// Decodes `input`, builds its blocks and returns their texts, in page order (all of them:
/// article, boilerplate and hidden text alike).
///
/// # Panics
/// When a block invariant breaks: block text is non-empty, has no edge whitespace and no
/// blank line, and its range lies in the decoded text on char boundaries, with its source
/// range inside the input.
#[must_use]
pub fn check_blocks(input: &[u8], max_depth: usize, max_blocks: usize) -> Vec<String> {
    let Ok(decoded) = crate::decode::decode(input, crate::decode::Mode::HTML) else {
        return Vec::new();
    };
    let text: &str = &decoded.text;
    let doc = builder::build(text, max_depth, max_blocks);
    assert!(doc.blocks.len() <= max_blocks);
    let mut out = Vec::with_capacity(doc.blocks.len());
    for b in doc.blocks {
        assert!(!b.text.is_empty());
        assert_eq!(b.text.trim(), b.text);
        assert!(!b.text.contains("\n\n"));
        assert!(b.start <= b.end && b.end <= text.len());
        assert!(text.is_char_boundary(b.start) && text.is_char_boundary(b.end));
        assert!(b.link_chars <= b.chars);
        if let Some(src) = decoded.source(b.start, b.end) {
            assert!(src.end() <= input.len());
        }
        out.push(b.text);
    }
    out
}

/// Work counters of the builder on `input`: (tokens, element nodes, blocks, start tags
/// flattened past the depth limit). For linear-time and memory checks.
#[must_use]
pub fn html_work(input: &str, max_depth: usize) -> (usize, usize, usize, usize) {
    let tokens = check_tokenizer(input);
    let doc = builder::build(input, max_depth, usize::MAX);
    (tokens, doc.nodes.len(), doc.blocks.len(), doc.flattened)
}
