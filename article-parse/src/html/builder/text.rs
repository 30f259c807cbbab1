//! Text runs: text tokens become the current block (whitespace collapsed, references
//! decoded, `<br>` and table cells kept), and a block boundary flushes it with its kind.

use super::super::charref;
use super::doc::{HtmlBlock, Kind, NO_NODE, collapse, cx};
use super::{Builder, Capture};

/// What one step of the text scan met.
#[derive(Clone, Copy)]
enum Char {
    Text,
    Space,
    Newline,
    Skip,
}

impl<'a> Builder<'a> {
    pub(super) fn text_token(&mut self, raw: &str, start: usize, end: usize, decode: bool) {
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

    pub(super) fn raw_text(&mut self, text: &'a str, escapable: bool, start: usize, end: usize) {
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

    pub(super) fn flush(&mut self) {
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
        self.doc.blocks.push(HtmlBlock {
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

    pub(super) fn br(&mut self) {
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
}

#[cfg(test)]
mod tests {
    use super::super::build;
    use super::*;

    /// (text, chars, link chars) of every block of `html`.
    fn runs(html: &str) -> Vec<(String, u32, u32)> {
        build(html, 512, 100)
            .blocks
            .into_iter()
            .map(|b| (b.text, b.chars, b.link_chars))
            .collect()
    }

    /// (html, blocks as (text, chars, link chars)).
    type Case<'a> = (&'a str, &'a [(&'a str, u32, u32)]);

    #[test]
    fn text_runs_table() {
        let cases: &[Case<'_>] = &[
            // Whitespace collapses; chars count non-space chars, one per char.
            ("<p>  a \n\t b  </p>", &[("a b", 2, 0)]),
            (
                "<p>caf\u{e9}\u{a0}\u{2014} x</p>",
                &[("caf\u{e9} \u{2014} x", 6, 0)],
            ),
            // Zero-width and control chars are dropped.
            ("<p>a\u{200b}b\u{1}c</p>", &[("abc", 3, 0)]),
            // Link text is counted apart.
            (
                "<p>see <a href=/>the link</a></p>",
                &[("see the link", 10, 7)],
            ),
            ("<p><a name=x>anchor</a></p>", &[("anchor", 6, 0)]),
            // One `<br>` is a line break, two end the block.
            ("<p>a<br>b<br><br>c<br></p>", &[("a\nb", 2, 0), ("c", 1, 0)]),
            // `pre` keeps spaces and single newlines.
            ("<pre> a  b\n c</pre>", &[("a  b\n c", 3, 0)]),
            // Cells of a row are tab-separated.
            (
                "<table><tr><th>k</th><td>v</td></tr></table>",
                &[("k\tv", 2, 0)],
            ),
            // Character references are decoded.
            ("<p>&lt;tag&gt; &amp;c</p>", &[("<tag> &c", 7, 0)]),
            // Invisible content gives nothing.
            (
                "<noscript><p>x</p></noscript><template>y</template><p>z</p>",
                &[("z", 1, 0)],
            ),
        ];
        for (html, want) in cases {
            let want: Vec<_> = want.iter().map(|&(s, c, l)| (s.to_owned(), c, l)).collect();
            assert_eq!(runs(html), want, "{html:?}");
        }
    }

    #[test]
    fn kinds_and_ranges() {
        let html = "<h3>Head</h3><p class=x>Body <b>text</b></p>";
        let doc = build(html, 512, 100);
        let got: Vec<(Kind, &str)> = doc
            .blocks
            .iter()
            .map(|b| (b.kind, &html[b.start..b.end]))
            .collect();
        assert_eq!(
            got,
            [
                (Kind::Heading(3), "Head"),
                (Kind::Paragraph, "Body <b>text")
            ]
        );
    }
}
