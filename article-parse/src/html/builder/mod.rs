//! The block builder: tokens to a flat element tree and a list of text blocks.
//!
//! It keeps an explicit stack of open elements (no recursion) capped at
//! [`Limits::max_depth`](crate::Limits::max_depth): deeper start tags do not open an
//! element, so their content joins the deepest one and nothing is lost. It applies the
//! implied end tags of HTML (`p`, `li`, `dd`/`dt`, `td`/`th`, `tr`, `option`, headings),
//! ignores end tags that match nothing, and closes misnested elements by popping up to the
//! matching one within its scope (inline end tags never cross a block).
//!
//! A block is the text between two block boundaries (block element starts and ends, runs
//! of two or more `<br>`), with whitespace collapsed, character references decoded, the
//! innermost element it started in, its kind (heading, list item, quote, ...) and how much
//! of it is link text. Elements whose content is never shown (`script`, `style`, `head`,
//! `svg`, `select`, ...) give no blocks; their useful parts (`<title>`, `<meta>`, JSON-LD,
//! `<link rel=canonical>`, `<html lang>`, `<time datetime>`) are collected as [`PageMeta`](doc::PageMeta).
//!
//! The stages: [`tree`] keeps the stack of open elements and the nodes, [`text`] grows
//! the current block from text tokens and flushes it, [`meta`] collects the page-level
//! facts, [`attrs`] reads attributes; [`doc`] holds what they build.

mod attrs;
mod doc;
mod meta;
mod text;
mod tree;

pub(crate) use doc::{Doc, HtmlBlock, Kind, NO_NODE, collapse, cx, nf};

use super::tags::Tag;
use super::tokenizer::{Attr, Token, Tokenizer};

#[derive(Clone, Copy)]
struct Open {
    tag: Tag,
    node: u32,
    ctx: u32,
    level: u8,
}

struct Builder<'a> {
    doc: Doc<'a>,
    stack: Vec<Open>,
    max_depth: usize,
    max_blocks: usize,
    // Current block.
    text: String,
    start: usize,
    end: usize,
    node: u32,
    ctx: u32,
    level: u8,
    chars: u32,
    link_chars: u32,
    pending_space: bool,
    pending_newline: bool,
    br_run: u32,
    // Raw-text capture.
    capture: Capture,
    decode_buf: String,
    /// A tab (next table cell) held back until the next char.
    pending_tab: bool,
    /// Spaces held back inside `pre` until the next char.
    pending_pre: String,
    /// Stack index of an open `<head>`.
    head_at: Option<usize>,
    /// Open elements per tag: end tags and implied ends of elements not open skip the
    /// stack search (deep pages stay fast).
    open_counts: Vec<u32>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Capture {
    None,
    Title,
    JsonLd,
}

/// Builds the tree and blocks of `html` (decoded text).
pub(crate) fn build(html: &str, max_depth: usize, max_blocks: usize) -> Doc<'_> {
    let mut b = Builder {
        doc: Doc::default(),
        stack: Vec::new(),
        max_depth,
        max_blocks,
        text: String::new(),
        start: 0,
        end: 0,
        node: NO_NODE,
        ctx: 0,
        level: 0,
        chars: 0,
        link_chars: 0,
        pending_space: false,
        pending_newline: false,
        br_run: 0,
        capture: Capture::None,
        decode_buf: String::new(),
        head_at: None,
        pending_pre: String::new(),
        pending_tab: false,
        open_counts: vec![0; Tag::COUNT],
    };
    let mut tok = Tokenizer::new(html);
    let mut attrs: Vec<Attr<'_>> = Vec::new();
    while let Some((token, start, end)) = tok.next_token(&mut attrs) {
        match token {
            Token::Text(t) => b.text_token(t, start, end, true),
            Token::RawText { text, escapable } => b.raw_text(text, escapable, start, end),
            Token::StartTag { name, self_closing } => {
                b.start_tag(name, self_closing, &attrs, start)
            }
            Token::EndTag { name } => b.end_tag(name),
            Token::Cdata(t) => {
                // Text only inside svg/math, which are invisible here anyway.
                let _ = t;
            }
            Token::Comment(_) | Token::Doctype(_) => {}
        }
    }
    b.flush();
    b.doc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<(String, Kind)> {
        build(html, 512, 1000)
            .blocks
            .into_iter()
            .map(|b| (b.text, b.kind))
            .collect()
    }

    fn t(s: &str, k: Kind) -> (String, Kind) {
        (s.to_owned(), k)
    }

    #[test]
    fn blocks_table() {
        use Kind::*;
        let cases: &[(&str, &[(&str, Kind)])] = &[
            (
                "<p>a <b>b</b>  c<p>d",
                &[("a b c", Paragraph), ("d", Paragraph)],
            ),
            (
                "<h2>Sub</h2><p>x</p>",
                &[("Sub", Heading(2)), ("x", Paragraph)],
            ),
            (
                "<ul><li>one<li>two</ul>",
                &[("one", ListItem), ("two", ListItem)],
            ),
            (
                "<p>a<br>b<br><br>c</p>",
                &[("a\nb", Paragraph), ("c", Paragraph)],
            ),
            ("<blockquote><p>q</p></blockquote>", &[("q", Quote)]),
            (
                "<figure><img><figcaption>cap</figcaption></figure>",
                &[("cap", Caption)],
            ),
            (
                "<script>var x;</script><style>p{}</style><p>y",
                &[("y", Paragraph)],
            ),
            (
                "<p>fish &amp; chips&nbsp;x</p>",
                &[("fish & chips x", Paragraph)],
            ),
            (
                "<div>a<div>b</div>c</div>",
                &[("a", Paragraph), ("b", Paragraph), ("c", Paragraph)],
            ),
            ("<pre>a\n  b\n\n\nc</pre>", &[("a\n  b\nc", Pre)]),
            ("<p>x</b>y</p>", &[("xy", Paragraph)]),
            ("<b><p>x</b>y</p>", &[("xy", Paragraph)]),
            ("<table><tr><td>a<td>b</table>", &[("a\tb", TableRow)]),
            (
                "<table><tr><td>a</td></tr><tr><td>b</td></tr></table>",
                &[("a", Paragraph), ("b", Paragraph)],
            ),
            (
                "<table><tr><td><p>x</p><p>y</p><td>z</table>",
                &[("x", Paragraph), ("y", Paragraph), ("z", Paragraph)],
            ),
            ("<select><option>o</select><p>z", &[("z", Paragraph)]),
        ];
        for (html, want) in cases {
            let want: Vec<_> = want.iter().map(|&(s, k)| t(s, k)).collect();
            assert_eq!(texts(html), want, "{html:?}");
        }
    }

    #[test]
    fn link_share_and_nodes() {
        let doc = build(
            "<div class=x id=y><p>see <a href=/>this link</a></p></div>",
            512,
            10,
        );
        let b = &doc.blocks[0];
        assert_eq!(b.chars, 11);
        assert_eq!(b.link_chars, 8);
        let node = doc.nodes[b.node as usize];
        assert_eq!(node.tag, Tag::P);
        let parent = doc.nodes[node.parent as usize];
        assert_eq!((parent.class, parent.id), ("x", "y"));
    }

    #[test]
    fn depth_limit_at_and_over() {
        let deep = |n: usize| format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n));
        let page = deep(10);
        let doc = build(&page, 10, 10);
        assert_eq!(doc.flattened, 0);
        assert_eq!(doc.blocks[0].text, "x");
        let page = deep(11);
        let doc = build(&page, 10, 10);
        assert_eq!(doc.flattened, 1);
        assert_eq!(doc.blocks[0].text, "x");
    }

    #[test]
    fn block_limit_at_and_over() {
        let doc = build("<p>a<p>b<p>c", 512, 3);
        assert_eq!((doc.blocks.len(), doc.dropped_blocks), (3, 0));
        let doc = build("<p>a<p>b<p>c<p>d", 512, 3);
        assert_eq!((doc.blocks.len(), doc.dropped_blocks), (3, 1));
    }
}
