//! [`Block`]: one block of a page as a front end found it, before classification.
//!
//! The type is front-end neutral: the text-dump grammar fills the text, the source span,
//! a [`BlockHint`] and the layout flags; an HTML front end can add structural hints (the
//! tag path, class and id words, link density). The block classifier reads only this type,
//! so every front end shares it.

use std::borrow::Cow;

use article_model::Span;

/// What a front end believes a block is, before classification.
///
/// Only a hint: the classifier decides. New hints may appear in minor releases.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BlockHint {
    /// Nothing known.
    #[default]
    Unknown,
    /// Running text (`<p>`, or a re-joined hard-wrapped paragraph of a dump).
    Paragraph,
    /// A heading, with its level (1 to 6) when known (0 when not).
    Heading(u8),
    /// One list item (`<li>`, or a dump line that starts with a bullet).
    ListItem,
    /// A block quotation.
    Quote,
    /// A figure caption (`<figcaption>`).
    Caption,
    /// Preformatted text whose line breaks matter.
    Preformatted,
    /// One table row, cells separated by tabs.
    TableRow,
    /// The document title (`<title>`, or the first line of a dump).
    DocumentTitle,
}

/// One block of a page: its text, where it came from, and what the front end knows of it.
///
/// The text is borrowed from the page when the page already had it in normal form (the
/// common case for one-line blocks of a text dump), owned when the front end had to
/// re-join or clean it; [`Block::into_owned`] detaches a block from the page.
///
/// # Invariants
///
/// `text` is non-empty, has no leading or trailing whitespace and contains no blank line
/// (`"\n\n"`), so it can become a body paragraph as is. `source`, when known, is the
/// block's byte range in the input as given, trimmed to the block's text (for a block
/// made of several lines it spans them all).
#[derive(Clone, Debug, PartialEq)]
pub struct Block<'a> {
    text: Cow<'a, str>,
    source: Option<Span>,
    hint: BlockHint,
    tight_before: bool,
    tight_after: bool,
    /// Markup hints, boxed: text dumps have none, and blocks stay small.
    markup: Option<Box<Markup>>,
}

/// The structural hints only an HTML front end can give.
#[derive(Clone, Debug, Default, PartialEq)]
struct Markup {
    tag_path: Option<String>,
    class_words: Vec<String>,
    link_density: Option<f32>,
}

impl Block<'_> {
    /// A block of `text` from `source` (bytes of the input), with no hints.
    ///
    /// The text is normalised: whitespace runs (Unicode spaces and control characters
    /// included) become one space,
    /// except that single line breaks are kept; blank lines become one line break; edges
    /// are trimmed. Returns `None` when nothing but whitespace is left.
    ///
    /// ```
    /// use article_parse::Block;
    /// let b = Block::new("  Hello\u{a0}\u{a0}world \n\n next ", None).unwrap();
    /// assert_eq!(b.text(), "Hello world\nnext");
    /// assert!(Block::new(" \u{2003} ", None).is_none());
    /// ```
    #[must_use]
    pub fn new(text: &str, source: Option<Span>) -> Option<Block<'static>> {
        let text = normalize(text);
        if text.is_empty() {
            return None;
        }
        Some(Block::from_normalized(Cow::Owned(text), source))
    }
}

impl<'a> Block<'a> {
    /// A block from text already normalised by the front end (see [`Block::new`]).
    pub(crate) fn from_normalized(text: Cow<'a, str>, source: Option<Span>) -> Block<'a> {
        debug_assert!(!text.is_empty() && text.trim() == text && !text.contains("\n\n"));
        Block {
            text,
            source,
            hint: BlockHint::Unknown,
            tight_before: false,
            tight_after: false,
            markup: None,
        }
    }

    /// The same block owning its text (a copy when the text was borrowed).
    #[must_use]
    pub fn into_owned(self) -> Block<'static> {
        Block {
            text: Cow::Owned(self.text.into_owned()),
            source: self.source,
            hint: self.hint,
            tight_before: self.tight_before,
            tight_after: self.tight_after,
            markup: self.markup,
        }
    }

    /// Whether the text is borrowed from the page (no copy was made).
    #[must_use]
    pub fn is_borrowed(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// Replaces the source span (a front end maps decoded-text offsets to input offsets).
    pub(crate) fn set_source(&mut self, source: Option<Span>) {
        self.source = source;
    }

    /// Sets the front end's [`BlockHint`] (default [`BlockHint::Unknown`]).
    #[must_use]
    pub fn with_hint(mut self, hint: BlockHint) -> Block<'a> {
        self.hint = hint;
        self
    }

    /// Says whether the block is tight against its neighbours: no blank line (dump) or no
    /// paragraph break (HTML) between it and the block before / after (default `false`).
    /// Runs of tight short blocks are typical of menus and lists.
    #[must_use]
    pub fn with_tight(mut self, before: bool, after: bool) -> Block<'a> {
        self.tight_before = before;
        self.tight_after = after;
        self
    }

    /// Sets the element path of an HTML block, outermost first, such as
    /// `"html body div article p"` (default none).
    #[must_use]
    pub fn with_tag_path(mut self, path: impl Into<String>) -> Block<'a> {
        self.markup.get_or_insert_default().tag_path = Some(path.into());
        self
    }

    /// Sets the words of the `class` and `id` attributes around an HTML block, lower case,
    /// such as `["sidebar", "related", "post"]` (default none).
    #[must_use]
    pub fn with_class_words(mut self, words: Vec<String>) -> Block<'a> {
        self.markup.get_or_insert_default().class_words = words;
        self
    }

    /// Sets the share of the block's text that is link text, from 0 to 1 (default
    /// unknown). Values outside 0..=1 are clamped; NaN is ignored.
    #[must_use]
    pub fn with_link_density(mut self, density: f32) -> Block<'a> {
        self.markup.get_or_insert_default().link_density =
            (!density.is_nan()).then(|| density.clamp(0.0, 1.0));
        self
    }

    /// The block's text (see the invariants on [`Block`]).
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Byte range of the block in the input, when known.
    #[must_use]
    pub fn source(&self) -> Option<Span> {
        self.source
    }

    /// The front end's hint.
    #[must_use]
    pub fn hint(&self) -> BlockHint {
        self.hint
    }

    /// Whether no blank line separates the block from the one before.
    #[must_use]
    pub fn is_tight_before(&self) -> bool {
        self.tight_before
    }

    /// Whether no blank line separates the block from the one after.
    #[must_use]
    pub fn is_tight_after(&self) -> bool {
        self.tight_after
    }

    /// The element path of an HTML block, if the front end gave one.
    #[must_use]
    pub fn tag_path(&self) -> Option<&str> {
        self.markup.as_ref().and_then(|m| m.tag_path.as_deref())
    }

    /// The class and id words around an HTML block, if the front end gave them.
    #[must_use]
    pub fn class_words(&self) -> &[String] {
        self.markup
            .as_ref()
            .map_or(&[], |m| m.class_words.as_slice())
    }

    /// The share of link text, if the front end knows it.
    #[must_use]
    pub fn link_density(&self) -> Option<f32> {
        self.markup.as_ref().and_then(|m| m.link_density)
    }
}

/// Whether `c` is whitespace for the purpose of blocks: Unicode white space plus the
/// zero-width characters that pages use as spacers.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{2060}' | '\u{feff}')
}

/// Normalises block text: spaces collapsed, single line breaks kept, blank lines become
/// one line break, edges trimmed.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut pending_break = false;
    for c in text.chars() {
        if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
            pending_break = true;
        } else if is_space(c) || c.is_control() {
            pending_space = true;
        } else {
            if !out.is_empty() {
                if pending_break {
                    out.push('\n');
                } else if pending_space {
                    out.push(' ');
                }
            }
            pending_space = false;
            pending_break = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_table() {
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("  a  ", "a"),
            ("a\u{a0}\u{2009}b", "a b"),
            ("a\r\nb", "a\nb"),
            ("a\n\n\nb", "a\nb"),
            ("a \n b", "a\nb"),
            ("\u{200b}x\u{feff}", "x"),
            ("a\u{3000}b", "a b"),
            ("a\u{0}\u{7}b", "a b"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input), *want, "{input:?}");
        }
    }

    #[test]
    fn builder_and_accessors() {
        let b = Block::new("Text", Some(Span::new(1, 5)))
            .unwrap()
            .with_hint(BlockHint::Heading(2))
            .with_tight(true, false)
            .with_tag_path("body div h2")
            .with_class_words(vec!["title".into()])
            .with_link_density(1.5);
        assert_eq!(b.text(), "Text");
        assert_eq!(b.source(), Some(Span::new(1, 5)));
        assert_eq!(b.hint(), BlockHint::Heading(2));
        assert!(b.is_tight_before() && !b.is_tight_after());
        assert_eq!(b.tag_path(), Some("body div h2"));
        assert_eq!(b.class_words(), ["title"]);
        assert_eq!(b.link_density(), Some(1.0));
        assert_eq!(
            Block::new("x", None)
                .unwrap()
                .with_link_density(f32::NAN)
                .link_density(),
            None
        );
    }
}
