//! Tree building: the stack of open elements, nodes for the elements that can hold
//! blocks, implied end tags and misnesting recovery.

use super::super::tags::{Tag, lookup};
use super::super::tokenizer::Attr;
use super::attrs::{attr, contains_ci, is_hidden, node_flags};
use super::doc::{NO_NODE, Node, cx};
use super::{Builder, Open};

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

    pub(super) fn top(&self) -> Option<&Open> {
        self.stack.last()
    }

    pub(super) fn top_ctx(&self) -> u32 {
        self.top().map_or(0, |o| o.ctx)
    }

    pub(super) fn start_tag(
        &mut self,
        name: &'a str,
        self_closing: bool,
        attrs: &[Attr<'a>],
        start: usize,
    ) {
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
                let flags = node_flags(attrs, hidden, author);
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

    pub(super) fn end_tag(&mut self, name: &str) {
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

#[cfg(test)]
mod tests {
    use super::super::build;
    use super::*;

    /// Every node as `tag>parent-tag`, in document order.
    fn tree(html: &str) -> Vec<String> {
        let doc = build(html, 512, 100);
        doc.nodes
            .iter()
            .map(|n| {
                let parent = doc
                    .nodes
                    .get(n.parent as usize)
                    .map_or("-".to_owned(), |p| format!("{:?}", p.tag));
                format!("{:?}>{parent}", n.tag)
            })
            .collect()
    }

    #[test]
    fn tree_table() {
        let cases: &[(&str, &[&str])] = &[
            // Implied ends: `p` in `p`, `li` in `li`, `dd` after `dt`.
            ("<div><p>a<p>b</div>", &["Div>-", "P>Div", "P>Div"]),
            ("<ul><li>a<li>b</ul>", &["Ul>-", "Li>Ul", "Li>Ul"]),
            ("<dl><dt>a<dd>b</dl>", &["Dl>-", "Dt>Dl", "Dd>Dl"]),
            // A heading closes an open heading.
            ("<h1>a<h2>b", &["H1>-", "H2>-"]),
            // Inline end tags never cross a block; stray ends are ignored.
            ("<div><b><p>x</b>y</p></div>", &["Div>-", "P>Div"]),
            ("<div></span></li><p>x</p></div>", &["Div>-", "P>Div"]),
            // Spans and custom elements get a node only with attributes.
            (
                "<p><span>a</span><span class=c>b</span></p>",
                &["P>-", "Span>P"],
            ),
            (
                "<my-card id=x><p>a</p></my-card>",
                &["Custom>-", "P>Custom"],
            ),
            // A body element ends the head: it is never a child of it.
            (
                "<head><title>t</title></head><div>x</div>",
                &["Head>-", "Title>Head", "Div>-"],
            ),
            ("<head><div>x</div>", &["Head>-", "Div>-"]),
        ];
        for (html, want) in cases {
            assert_eq!(tree(html), *want, "{html:?}");
        }
    }

    #[test]
    fn context_flags_table() {
        // (html, the flag the only block carries)
        let cases: &[(&str, u32)] = &[
            ("<nav><p>x</p></nav>", cx::NAV),
            ("<blockquote>x</blockquote>", cx::QUOTE),
            ("<form><label>x</label></form>", cx::FORM),
            ("<button>x</button>", cx::BUTTON),
            ("<div style='display:none'>x</div>", cx::HIDDEN),
            ("<a rel=author href=/a>x</a>", cx::AUTHOR),
            ("<time>x</time>", cx::TIME),
            ("<p><strong>x</strong></p>", cx::STRONG),
        ];
        for (html, flag) in cases {
            let doc = build(html, 512, 100);
            assert!(
                doc.blocks.first().is_some_and(|b| b.ctx & flag != 0),
                "{html:?}"
            );
        }
    }
}
