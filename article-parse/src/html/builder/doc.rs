//! The built document: the element tree, the text blocks, the page-level facts, and the
//! flags they carry.

use super::super::tags::Tag;

/// No parent.
pub(crate) const NO_NODE: u32 = u32::MAX;

/// Node flags.
pub(crate) mod nf {
    /// `hidden`, `display:none`, `visibility:hidden` (not `aria-hidden`: that text shows).
    pub const HIDDEN: u16 = 1;
    /// `itemprop=articleBody` (or `articlebody`).
    pub const ARTICLE_BODY: u16 = 2;
    /// `role=main`.
    pub const ROLE_MAIN: u16 = 4;
    /// `role=navigation`, `menu`, `menubar`.
    pub const ROLE_NAV: u16 = 8;
    /// `role=complementary`.
    pub const ROLE_ASIDE: u16 = 16;
    /// `role=contentinfo`.
    pub const ROLE_FOOTER: u16 = 32;
    /// `role=banner`.
    pub const ROLE_HEADER: u16 = 64;
    /// `itemtype` of an Article / NewsArticle / BlogPosting.
    pub const ITEM_ARTICLE: u16 = 128;
    /// `rel=author`, `itemprop=author`.
    pub const AUTHOR: u16 = 256;
    /// `role=dialog`, `alertdialog`, `alert`.
    pub const ROLE_DIALOG: u16 = 512;
    /// `itemprop=description`/`headline`/`name` etc.: page furniture in microdata.
    pub const ITEM_HEADLINE: u16 = 1024;
}

/// Context flags a block inherits from its open elements.
pub(crate) mod cx {
    /// Inside `<a href>`.
    pub const LINK: u32 = 1;
    /// Inside a heading (level in the block kind).
    pub const HEADING: u32 = 2;
    /// Inside `li`.
    pub const LI: u32 = 4;
    /// Inside `blockquote`.
    pub const QUOTE: u32 = 8;
    /// Inside `pre`.
    pub const PRE: u32 = 16;
    /// Inside `figcaption` (or a `caption`).
    pub const CAPTION: u32 = 32;
    /// Inside `figure`.
    pub const FIGURE: u32 = 64;
    /// Inside `form`, `button`, `label`, `fieldset`.
    pub const FORM: u32 = 128;
    /// Inside a table cell.
    pub const TABLE: u32 = 256;
    /// Inside a hidden element.
    pub const HIDDEN: u32 = 512;
    /// Inside an element whose content is never shown.
    pub const INVISIBLE: u32 = 1024;
    /// Inside `nav`.
    pub const NAV: u32 = 2048;
    /// Inside `header`.
    pub const HEADER: u32 = 4096;
    /// Inside `footer`.
    pub const FOOTER: u32 = 8192;
    /// Inside `aside`.
    pub const ASIDE: u32 = 16384;
    /// Inside `time`.
    pub const TIME: u32 = 32768;
    /// Inside an author link or byline element (rel/itemprop author).
    pub const AUTHOR: u32 = 65536;
    /// Inside `button`.
    pub const BUTTON: u32 = 131_072;
    /// Inside `dt`/`dd`.
    pub const DEF: u32 = 262_144;
    /// Inside `address`.
    pub const ADDRESS: u32 = 524_288;
    /// Inside `strong`/`b` (whole-block emphasis is a heading cue).
    pub const STRONG: u32 = 1_048_576;
}

/// One element of the tree (only elements that can hold blocks get a node).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Node<'a> {
    pub tag: Tag,
    pub parent: u32,
    pub flags: u16,
    /// The raw `class` attribute.
    pub class: &'a str,
    /// The raw `id` attribute.
    pub id: &'a str,
}

/// What kind of text a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Paragraph,
    Heading(u8),
    ListItem,
    Quote,
    Pre,
    Caption,
    /// A table row of two or more cells, tab-separated.
    TableRow,
}

/// A run of text between two block boundaries.
#[derive(Clone, Debug)]
pub(crate) struct HtmlBlock {
    /// Collapsed text; single `\n` for `<br>`; no edge whitespace; no blank line.
    pub text: String,
    /// Byte range in the decoded text from its first to its last text token.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The innermost node open when its text began.
    pub node: u32,
    /// Context flags when its text began, or-ed with those seen while it grew.
    pub ctx: u32,
    /// Non-space chars, and those inside links.
    pub chars: u32,
    pub link_chars: u32,
}

/// Page-level facts met while building.
#[derive(Clone, Debug, Default)]
pub(crate) struct PageMeta<'a> {
    pub title: Option<String>,
    /// `(key, content)`: `name`, `property`, `itemprop` or `http-equiv` (lower case).
    pub metas: Vec<(String, String)>,
    /// Raw JSON-LD blocks.
    pub jsonld: Vec<&'a str>,
    pub lang: Option<String>,
    pub canonical: Option<String>,
    /// `datetime` attributes of `<time>` (and `itemprop=datePublished` elements), with the
    /// number of blocks before them.
    pub times: Vec<(String, usize, bool)>,
    /// `itemprop=dateModified` values (`content` or `datetime`).
    pub modified_times: Vec<String>,
    /// The `href` of the first `<link rel=license>` or `<a rel=license>`.
    pub license: Option<String>,
}

/// The built page.
#[derive(Debug, Default)]
pub(crate) struct Doc<'a> {
    pub nodes: Vec<Node<'a>>,
    pub blocks: Vec<HtmlBlock>,
    pub meta: PageMeta<'a>,
    /// Blocks dropped past the block limit.
    pub dropped_blocks: usize,
    /// Start tags not opened past the depth limit.
    pub flattened: usize,
}

/// Collapses whitespace runs to one space and trims.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_table() {
        let cases: &[(&str, &str)] = &[
            ("  a  b\n\tc ", "a b c"),
            ("", ""),
            ("one", "one"),
            ("\u{a0}x\u{2003}y", "x y"),
        ];
        for (input, want) in cases {
            assert_eq!(collapse(input), *want, "{input:?}");
        }
    }
}
