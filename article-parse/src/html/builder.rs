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
//! `<link rel=canonical>`, `<html lang>`, `<time datetime>`) are collected as [`PageMeta`].

use super::charref;
use super::tags::{Tag, lookup};
use super::tokenizer::{Attr, Token, Tokenizer};

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
pub(crate) struct Block {
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
}

/// The built page.
#[derive(Debug, Default)]
pub(crate) struct Doc<'a> {
    pub nodes: Vec<Node<'a>>,
    pub blocks: Vec<Block>,
    pub meta: PageMeta<'a>,
    /// Blocks dropped past the block limit.
    pub dropped_blocks: usize,
    /// Start tags not opened past the depth limit.
    pub flattened: usize,
}

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

/// What one step of the text scan met.
#[derive(Clone, Copy)]
enum Char {
    Text,
    Space,
    Newline,
    Skip,
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

fn attr<'a>(attrs: &[Attr<'a>], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|a| a.name.eq_ignore_ascii_case(name))
        .map(|a| a.value)
}

fn contains_ci(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn is_hidden(attrs: &[Attr<'_>]) -> bool {
    if attr(attrs, "hidden").is_some() {
        return true;
    }
    attr(attrs, "style").is_some_and(|s| {
        let compact: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(400)
            .collect::<String>()
            .to_ascii_lowercase();
        compact.contains("display:none") || compact.contains("visibility:hidden")
    })
}

impl<'a> Builder<'a> {
    /// Pops the stack down to `len` entries, keeping the open counts.
    fn truncate_stack(&mut self, len: usize) {
        while self.stack.len() > len {
            if let Some(o) = self.stack.pop() {
                if let Some(c) = self.open_counts.get_mut(o.tag as usize) {
                    *c = c.saturating_sub(1);
                }
            }
        }
    }

    /// Whether an element `tag` is open anywhere on the stack.
    fn is_open(&self, tag: Tag) -> bool {
        self.open_counts.get(tag as usize).is_some_and(|&c| c > 0)
    }

    fn top(&self) -> Option<&Open> {
        self.stack.last()
    }

    fn top_ctx(&self) -> u32 {
        self.top().map_or(0, |o| o.ctx)
    }

    fn text_token(&mut self, raw: &str, start: usize, end: usize, decode: bool) {
        let ctx = self.top_ctx();
        if ctx & cx::INVISIBLE != 0 {
            return;
        }
        let mut buf = std::mem::take(&mut self.decode_buf);
        let t: &str = if decode && memchr::memchr(b'&', raw.as_bytes()).is_some() {
            buf.clear();
            charref::decode_into(raw, false, &mut buf);
            &buf
        } else {
            raw
        };
        let pre = ctx & cx::PRE != 0;
        let link = ctx & cx::LINK != 0;
        let mut any = false;
        let bytes = t.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let (len, kind) = if b < 0x80 {
                match b {
                    b'\n' | b'\r' if pre => (1, Char::Newline),
                    b' ' | b'\t' | b'\n' | b'\r' | 0x0c => (1, Char::Space),
                    0..0x20 | 0x7f => (1, Char::Skip),
                    _ => {
                        // A run of printable ASCII.
                        let run = bytes
                            .get(i..)
                            .unwrap_or_default()
                            .iter()
                            .take_while(|&&x| x > 0x20 && x < 0x7f)
                            .count();
                        (run, Char::Text)
                    }
                }
            } else {
                let c = t
                    .get(i..)
                    .and_then(|r| r.chars().next())
                    .unwrap_or('\u{fffd}');
                let kind = if c == '\u{200b}' || c == '\u{feff}' {
                    Char::Skip
                } else if c.is_whitespace() {
                    Char::Space
                } else if c.is_control() {
                    Char::Skip
                } else {
                    Char::Text
                };
                (c.len_utf8(), kind)
            };
            let piece = t.get(i..i + len).unwrap_or_default();
            i += len.max(1);
            match kind {
                Char::Skip => {}
                Char::Newline => {
                    if !self.text.is_empty() {
                        self.pending_newline = true;
                    }
                }
                Char::Space => {
                    if !self.text.is_empty() {
                        if pre {
                            self.pending_pre.push(' ');
                        } else {
                            self.pending_space = true;
                        }
                    }
                }
                Char::Text => {
                    if !any {
                        any = true;
                        if self.text.is_empty() {
                            if self.doc.blocks.len() >= self.max_blocks {
                                self.doc.dropped_blocks += 1;
                                break;
                            }
                            self.start = start;
                            self.node = self.top().map_or(NO_NODE, |o| o.node);
                            self.ctx = ctx;
                            self.level = self.top().map_or(0, |o| o.level);
                        } else {
                            self.ctx |= ctx & (cx::HIDDEN | cx::FORM | cx::AUTHOR | cx::TIME);
                        }
                        self.br_run = 0;
                    }
                    if self.pending_tab && !self.pending_newline {
                        self.text.push('\t');
                        self.pending_space = false;
                        self.pending_pre.clear();
                    }
                    self.pending_tab = false;
                    if self.pending_newline {
                        self.text.push('\n');
                    }
                    if !self.pending_pre.is_empty() {
                        self.text.push_str(&self.pending_pre);
                        self.pending_pre.clear();
                    } else if self.pending_space && !self.pending_newline {
                        self.text.push(' ');
                    }
                    self.pending_newline = false;
                    self.pending_space = false;
                    self.text.push_str(piece);
                    let n = u32::try_from(if b < 0x80 { len } else { 1 }).unwrap_or(u32::MAX);
                    self.chars = self.chars.saturating_add(n);
                    if link {
                        self.link_chars = self.link_chars.saturating_add(n);
                    }
                }
            }
        }
        if any {
            self.end = end;
        }
        self.decode_buf = buf;
    }

    fn raw_text(&mut self, text: &'a str, escapable: bool, start: usize, end: usize) {
        match self.capture {
            Capture::Title => {
                if self.doc.meta.title.is_none() {
                    let t = charref::decode(text, false);
                    let t = collapse(&t);
                    if !t.is_empty() {
                        self.doc.meta.title = Some(t);
                    }
                }
            }
            Capture::JsonLd => self.doc.meta.jsonld.push(text),
            Capture::None => {
                // textarea and friends inside visible content: not article text.
                let _ = (escapable, start, end);
            }
        }
        self.capture = Capture::None;
    }

    fn flush(&mut self) {
        self.pending_tab = false;
        self.pending_pre.clear();
        self.pending_space = false;
        self.pending_newline = false;
        self.br_run = 0;
        if self.text.is_empty() {
            return;
        }
        let ctx = self.ctx;
        let kind = if ctx & cx::HEADING != 0 {
            Kind::Heading(self.level.max(1))
        } else if ctx & cx::CAPTION != 0 {
            Kind::Caption
        } else if ctx & cx::PRE != 0 {
            Kind::Pre
        } else if ctx & cx::TABLE != 0 && self.text.contains('\t') {
            Kind::TableRow
        } else if ctx & cx::LI != 0 {
            Kind::ListItem
        } else if ctx & cx::QUOTE != 0 {
            Kind::Quote
        } else {
            Kind::Paragraph
        };
        self.doc.blocks.push(Block {
            text: std::mem::take(&mut self.text),
            start: self.start,
            end: self.end,
            kind,
            node: self.node,
            ctx,
            chars: self.chars,
            link_chars: self.link_chars,
        });
        self.chars = 0;
        self.link_chars = 0;
    }

    fn start_tag(&mut self, name: &'a str, self_closing: bool, attrs: &[Attr<'a>], start: usize) {
        let tag = lookup(name);
        let _ = start;
        self.collect_meta(tag, attrs);
        if let Some(h) = self.head_at {
            // Anything but head content ends the head, as in browsers.
            if !matches!(
                tag,
                Tag::Meta
                    | Tag::Link
                    | Tag::Title
                    | Tag::Script
                    | Tag::Style
                    | Tag::Base
                    | Tag::Noscript
                    | Tag::Template
                    | Tag::Head
            ) {
                self.truncate_stack(h);
                self.head_at = None;
            }
        }
        if tag == Tag::Br {
            self.br();
            return;
        }
        if matches!(tag, Tag::Td | Tag::Th) && !self.text.is_empty() && self.ctx & cx::TABLE != 0 {
            // The next cell of a row: the row stays one block, cells split by a tab.
            self.pending_tab = true;
        } else if tag.is_block() {
            self.flush();
        }
        self.implied_ends(tag);
        if tag.is_void() || (self_closing && matches!(tag, Tag::Other | Tag::Custom)) {
            if matches!(tag, Tag::Hr | Tag::Img | Tag::Input) {
                self.flush();
            }
            return;
        }
        if self.stack.len() >= self.max_depth {
            self.doc.flattened += 1;
            return;
        }
        let parent = self.top().copied();
        let mut ctx = parent.map_or(0, |o| o.ctx);
        let mut level = parent.map_or(0, |o| o.level);
        use Tag::*;
        ctx |= match tag {
            A if attr(attrs, "href").is_some() => cx::LINK,
            H1 | H2 | H3 | H4 | H5 | H6 => {
                level = tag.heading_level().unwrap_or(2);
                cx::HEADING
            }
            Li => cx::LI,
            Blockquote => cx::QUOTE,
            Pre => cx::PRE,
            Figcaption | Caption => cx::CAPTION,
            Figure => cx::FIGURE,
            Form | Label | Fieldset | Legend | Option | Input | Output => cx::FORM,
            Button => cx::FORM | cx::BUTTON,
            Td | Th => cx::TABLE,
            Nav => cx::NAV,
            Header => cx::HEADER,
            Footer => cx::FOOTER,
            Aside => cx::ASIDE,
            Time => cx::TIME,
            Dd | Dt => cx::DEF,
            Address => cx::ADDRESS,
            Strong | B => cx::STRONG,
            _ => 0,
        };
        if tag.is_invisible() {
            ctx |= cx::INVISIBLE;
        }
        let hidden = !attrs.is_empty() && is_hidden(attrs);
        if hidden {
            ctx |= cx::HIDDEN;
        }
        let author = attr(attrs, "rel").is_some_and(|v| contains_ci(v, "author"))
            || attr(attrs, "itemprop").is_some_and(|v| contains_ci(v, "author"));
        if author {
            ctx |= cx::AUTHOR;
        }
        let node =
            if tag.is_block() || tag == A || (matches!(tag, Span | Custom) && !attrs.is_empty()) {
                let mut flags = 0u16;
                if hidden {
                    flags |= nf::HIDDEN;
                }
                if author {
                    flags |= nf::AUTHOR;
                }
                if let Some(v) = attr(attrs, "itemprop") {
                    if contains_ci(v, "articlebody") {
                        flags |= nf::ARTICLE_BODY;
                    }
                    if contains_ci(v, "headline") || contains_ci(v, "description") {
                        flags |= nf::ITEM_HEADLINE;
                    }
                }
                if let Some(v) = attr(attrs, "itemtype") {
                    if contains_ci(v, "article")
                        || contains_ci(v, "blogposting")
                        || contains_ci(v, "reportage")
                    {
                        flags |= nf::ITEM_ARTICLE;
                    }
                }
                if let Some(v) = attr(attrs, "role") {
                    let v = v.trim();
                    flags |= match v.to_ascii_lowercase().as_str() {
                        "main" => nf::ROLE_MAIN,
                        "navigation" | "menu" | "menubar" => nf::ROLE_NAV,
                        "complementary" => nf::ROLE_ASIDE,
                        "contentinfo" => nf::ROLE_FOOTER,
                        "banner" => nf::ROLE_HEADER,
                        "dialog" | "alertdialog" | "alert" => nf::ROLE_DIALOG,
                        _ => 0,
                    };
                }
                let idx = u32::try_from(self.doc.nodes.len()).unwrap_or(NO_NODE - 1);
                let parent_node = parent.map_or(NO_NODE, |o| o.node);
                self.doc.nodes.push(Node {
                    tag,
                    parent: parent_node,
                    flags,
                    class: attr(attrs, "class").unwrap_or(""),
                    id: attr(attrs, "id").unwrap_or(""),
                });
                idx
            } else {
                parent.map_or(NO_NODE, |o| o.node)
            };
        if tag == Tag::Head && self.head_at.is_none() {
            self.head_at = Some(self.stack.len());
        }
        if let Some(c) = self.open_counts.get_mut(tag as usize) {
            *c += 1;
        }
        self.stack.push(Open {
            tag,
            node,
            ctx,
            level,
        });
    }

    fn br(&mut self) {
        if self.text.is_empty() {
            return;
        }
        self.br_run += 1;
        if self.br_run >= 2 {
            self.flush();
        } else {
            self.pending_newline = true;
            self.pending_space = false;
        }
    }

    fn collect_meta(&mut self, tag: Tag, attrs: &[Attr<'a>]) {
        let in_svg = tag == Tag::Title && self.stack.iter().any(|o| o.tag == Tag::Svg);
        let meta = &mut self.doc.meta;
        match tag {
            Tag::Meta => {
                let key = attr(attrs, "property")
                    .or_else(|| attr(attrs, "name"))
                    .or_else(|| attr(attrs, "itemprop"))
                    .or_else(|| attr(attrs, "http-equiv"));
                if let (Some(k), Some(c)) = (key, attr(attrs, "content")) {
                    if meta.metas.len() < 512 {
                        meta.metas.push((
                            k.trim().to_ascii_lowercase(),
                            collapse(&charref::decode(c, true)),
                        ));
                    }
                }
            }
            Tag::Link => {
                let rel = attr(attrs, "rel").unwrap_or("");
                if meta.canonical.is_none() && rel.eq_ignore_ascii_case("canonical") {
                    if let Some(h) = attr(attrs, "href") {
                        meta.canonical = Some(charref::decode(h.trim(), true).into_owned());
                    }
                }
            }
            Tag::Html if meta.lang.is_none() => {
                meta.lang = attr(attrs, "lang")
                    .or_else(|| attr(attrs, "xml:lang"))
                    .map(|l| l.trim().to_owned())
                    .filter(|l| !l.is_empty());
            }
            Tag::Title => {
                self.capture = if in_svg {
                    Capture::None
                } else {
                    Capture::Title
                };
            }
            Tag::Script => {
                let ld = attr(attrs, "type").is_some_and(|t| contains_ci(t, "ld+json"));
                self.capture = if ld { Capture::JsonLd } else { Capture::None };
            }
            Tag::Style
            | Tag::Textarea
            | Tag::Noscript
            | Tag::Template
            | Tag::Iframe
            | Tag::Xmp
            | Tag::Noembed
            | Tag::Noframes => self.capture = Capture::None,
            _ => {}
        }
        if meta.times.len() < 64 {
            let dt = if tag == Tag::Time {
                attr(attrs, "datetime")
            } else {
                None
            };
            let ip = attr(attrs, "itemprop")
                .filter(|v| contains_ci(v, "datepublished") || contains_ci(v, "datecreated"));
            let value = dt.or_else(|| {
                ip.and_then(|_| attr(attrs, "content").or_else(|| attr(attrs, "datetime")))
            });
            if let Some(v) = value {
                let v = v.trim();
                if !v.is_empty() {
                    let n = self.doc.blocks.len();
                    meta.times.push((v.to_owned(), n, ip.is_some()));
                }
            }
        }
    }

    /// Closes elements that the start of `tag` implies closed.
    fn implied_ends(&mut self, tag: Tag) {
        use Tag::*;
        if tag.closes_p() {
            self.close_in_scope(P, true);
        }
        match tag {
            Li => self.close_list_item(&[Li], &[Ul, Ol, Menu]),
            Dd | Dt => self.close_list_item(&[Dd, Dt], &[Dl]),
            Td | Th => self.close_in_scope_any(&[Td, Th], &[Table, Tr]),
            Tr => self.close_in_scope_any(&[Tr], &[Table, Tbody, Thead, Tfoot]),
            Tbody | Thead | Tfoot => self.close_in_scope_any(&[Tbody, Thead, Tfoot], &[Table]),
            Option => self.close_top(&[Option]),
            Optgroup => self.close_top(&[Option, Optgroup]),
            H1 | H2 | H3 | H4 | H5 | H6
                if self.top().is_some_and(|o| o.tag.heading_level().is_some()) =>
            {
                self.truncate_stack(self.stack.len().saturating_sub(1));
            }
            A => {
                self.close_in_scope(A, false);
            }
            _ => {}
        }
    }

    fn close_top(&mut self, tags: &[Tag]) {
        if self.top().is_some_and(|o| tags.contains(&o.tag)) {
            self.truncate_stack(self.stack.len().saturating_sub(1));
        }
    }

    /// Pops through the nearest open element in `tags`, searching down to a list owner;
    /// a block other than the generic containers also ends the search.
    fn close_list_item(&mut self, tags: &[Tag], owners: &[Tag]) {
        use Tag::*;
        self.close_through(tags, |t| {
            owners.contains(&t)
                || (t.is_block()
                    && !matches!(t, Div | P | Address | Custom | Span | Section | Article))
        });
    }

    fn close_in_scope_any(&mut self, tags: &[Tag], stop: &[Tag]) {
        self.close_through(tags, |t| stop.contains(&t));
    }

    /// Pops through the nearest open element in `tags`, unless a scope boundary or an element
    /// for which `stops` holds comes first (searching from the top of the stack).
    fn close_through(&mut self, tags: &[Tag], stops: impl Fn(Tag) -> bool) {
        if !tags.iter().any(|&t| self.is_open(t)) {
            return;
        }
        for i in (0..self.stack.len()).rev() {
            let Some(t) = self.stack.get(i).map(|o| o.tag) else {
                break;
            };
            if tags.contains(&t) {
                self.truncate_stack(i);
                return;
            }
            if t.is_scope_boundary() || stops(t) {
                return;
            }
        }
    }

    /// Pops through the nearest open `tag` unless a scope boundary (or, for `inline`
    /// searches... ) comes first. Returns whether it was found.
    fn close_in_scope(&mut self, tag: Tag, button_scope: bool) -> bool {
        if !self.is_open(tag) {
            return false;
        }
        for i in (0..self.stack.len()).rev() {
            let Some(t) = self.stack.get(i).map(|o| o.tag) else {
                break;
            };
            if t == tag {
                self.truncate_stack(i);
                return true;
            }
            if t.is_scope_boundary() || (!button_scope && t.is_block()) {
                return false;
            }
        }
        false
    }

    fn end_tag(&mut self, name: &str) {
        let tag = lookup(name);
        use Tag::*;
        match tag {
            Br => {
                self.br();
                return;
            }
            Head => {
                if let Some(h) = self.head_at.take() {
                    self.truncate_stack(h);
                }
                return;
            }
            Html | Body => return,
            _ => {}
        }
        if tag.is_block() && !matches!(tag, Td | Th) {
            self.flush();
        }
        if tag == P {
            self.close_in_scope(P, true);
            return;
        }
        if matches!(tag, Other | Custom) && self.is_open(tag) {
            // Match by name among the open unknown elements, not crossing a block.
            for i in (0..self.stack.len()).rev() {
                let Some(t) = self.stack.get(i).map(|o| o.tag) else {
                    break;
                };
                if t == tag {
                    self.truncate_stack(i);
                    return;
                }
                if t.is_block() && t != Custom {
                    return;
                }
            }
            return;
        }
        if !self.is_open(tag) {
            return;
        }
        let inline = tag.is_inline();
        for i in (0..self.stack.len()).rev() {
            let Some(t) = self.stack.get(i).map(|o| o.tag) else {
                break;
            };
            if t == tag {
                self.truncate_stack(i);
                return;
            }
            if t.is_scope_boundary()
                && !matches!(tag, Table | Td | Th | Caption | Template | Object | Button)
            {
                return;
            }
            if inline && t.is_block() {
                return;
            }
        }
    }
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
    fn meta_collected() {
        let doc = build(
            "<html lang=en><head><title>T &amp; U</title><meta property=og:title content='X'>\
             <link rel=canonical href='https://e.x/a'>\
             <script type=application/ld+json>{\"a\":1}</script></head>\
             <body><time datetime=2020-01-02>Jan 2</time></body>",
            512,
            10,
        );
        assert_eq!(doc.meta.title.as_deref(), Some("T & U"));
        assert_eq!(doc.meta.metas, [("og:title".to_owned(), "X".to_owned())]);
        assert_eq!(doc.meta.jsonld, ["{\"a\":1}"]);
        assert_eq!(doc.meta.lang.as_deref(), Some("en"));
        assert_eq!(doc.meta.canonical.as_deref(), Some("https://e.x/a"));
        assert_eq!(doc.meta.times[0].0, "2020-01-02");
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
