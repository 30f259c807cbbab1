//! Stage 1, signals: what every element says about itself (negative kind, body mark,
//! embedded post, place in a sidebar) and the text totals of its subtree.

use std::collections::HashMap;

use article_model::RemovedKind;

use super::super::builder::{Doc, HtmlBlock, Kind, NO_NODE, cx, nf};
use super::super::class_words::{self, Signals};
use super::super::tags::Tag;

/// What the stages know of one element of the page.
pub(super) struct NodeInfo {
    pub sig: Signals,
    /// The element's own negative kind (tag, role or words).
    pub neg: Option<(RemovedKind, &'static str)>,
    /// Nearest node at or above this one with a negative kind.
    pub neg_up: u32,
    /// Nearest embedded post (tweet) at or above this one.
    pub embed_up: u32,
    /// Below a `<nav>`, `<aside>` or `<footer>` (or its ARIA role).
    pub in_side: bool,
    pub depth: u32,
    /// Readability score (raw), and text totals of the subtree.
    pub score: f32,
    pub chars: u32,
    pub link_chars: u32,
    pub good_chars: u32,
    /// Good chars outside negative elements (comments, related boxes) of the subtree.
    pub clean_chars: u32,
    pub json_chars: u32,
}

/// The signals of every node of `doc`, in node order, with zero scores and totals.
pub(super) fn node_infos(doc: &Doc<'_>) -> Vec<NodeInfo> {
    let mut info: Vec<NodeInfo> = Vec::with_capacity(doc.nodes.len());
    // Pages repeat their class names: read each (class, id) pair once.
    let mut memo: HashMap<(&str, &str), Signals> = HashMap::new();
    for (i, node) in doc.nodes.iter().enumerate() {
        let sig = if node.class.is_empty() && node.id.is_empty() {
            Signals::default()
        } else {
            *memo
                .entry((node.class, node.id))
                .or_insert_with(|| class_words::signals(node.class, node.id))
        };
        let neg = tag_negative(node.tag, node.flags).or_else(|| {
            sig.negative
                .filter(|_| !sig.body && node.flags & nf::ARTICLE_BODY == 0)
                .map(|k| (k, word_reason(k)))
        });
        let parent_up = info
            .get(node.parent as usize)
            .map_or(NO_NODE, |p: &NodeInfo| p.neg_up);
        let depth = info.get(node.parent as usize).map_or(0, |p| p.depth + 1);
        let me = u32::try_from(i).unwrap_or(NO_NODE);
        let embed = sig.embed
            && matches!(
                node.tag,
                Tag::Blockquote | Tag::Div | Tag::Figure | Tag::Custom
            );
        let embed_up = if embed {
            me
        } else {
            info.get(node.parent as usize)
                .map_or(NO_NODE, |p| p.embed_up)
        };
        let in_side = info
            .get(node.parent as usize)
            .is_some_and(|p: &NodeInfo| p.in_side)
            || doc.nodes.get(node.parent as usize).is_some_and(|p| {
                matches!(p.tag, Tag::Nav | Tag::Aside | Tag::Footer)
                    || p.flags & (nf::ROLE_NAV | nf::ROLE_ASIDE | nf::ROLE_FOOTER) != 0
            });
        info.push(NodeInfo {
            sig,
            neg,
            in_side,
            neg_up: if neg.is_some() { me } else { parent_up },
            embed_up,
            depth,
            score: 0.0,
            chars: 0,
            link_chars: 0,
            good_chars: 0,
            clean_chars: 0,
            json_chars: 0,
        });
    }
    info
}

/// Adds the text of every block to its node, then every node's totals to its parent
/// (`clean_chars` stays per node). `in_json` is the JSON-LD coverage of each block.
pub(super) fn add_totals(doc: &Doc<'_>, info: &mut [NodeInfo], in_json: &[f32]) {
    for (b, &jc) in doc.blocks.iter().zip(in_json) {
        let Some(ni) = info.get_mut(b.node as usize) else {
            continue;
        };
        ni.chars += b.chars;
        ni.link_chars += b.link_chars;
        if is_good(b) {
            ni.good_chars += b.chars - b.link_chars;
            if b.chars >= 40 {
                ni.clean_chars += b.chars - b.link_chars;
            }
        }
        if jc > 0.5 {
            ni.json_chars += b.chars;
        }
    }
    for i in (0..info.len()).rev() {
        let parent = doc.nodes.get(i).map_or(NO_NODE, |x| x.parent) as usize;
        let (c, l, g, j) = info.get(i).map_or((0, 0, 0, 0), |x| {
            (x.chars, x.link_chars, x.good_chars, x.json_chars)
        });
        if let Some(p) = info.get_mut(parent) {
            p.chars += c;
            p.link_chars += l;
            p.good_chars += g;
            p.json_chars += j;
        }
    }
}

/// A block that reads as article prose: not hidden, not a heading, few links.
pub(super) fn is_good(b: &HtmlBlock) -> bool {
    b.ctx & (cx::HIDDEN | cx::INVISIBLE | cx::FORM) == 0
        && matches!(
            b.kind,
            Kind::Paragraph | Kind::Quote | Kind::ListItem | Kind::Pre | Kind::TableRow
        )
        && b.link_chars * 3 < b.chars
}

/// The negative kind an element's tag, ARIA role or `hidden` state gives it.
fn tag_negative(tag: Tag, flags: u16) -> Option<(RemovedKind, &'static str)> {
    use RemovedKind::*;
    if flags & nf::HIDDEN != 0 {
        return Some((Hidden, "hidden element"));
    }
    if flags & nf::ROLE_NAV != 0 {
        return Some((Navigation, "role=navigation"));
    }
    if flags & nf::ROLE_ASIDE != 0 {
        return Some((Sidebar, "role=complementary"));
    }
    if flags & nf::ROLE_FOOTER != 0 {
        return Some((Footer, "role=contentinfo"));
    }
    if flags & nf::ROLE_HEADER != 0 {
        return Some((Header, "role=banner"));
    }
    if flags & nf::ROLE_DIALOG != 0 {
        return Some((Other, "dialog"));
    }
    match tag {
        Tag::Nav => Some((Navigation, "in <nav>")),
        Tag::Aside => Some((Sidebar, "in <aside>")),
        Tag::Footer => Some((Footer, "in <footer>")),
        Tag::Header => Some((Header, "in <header>")),
        Tag::Form => Some((Other, "in <form>")),
        Tag::Button => Some((Other, "button text")),
        Tag::Dialog => Some((Other, "dialog")),
        Tag::Menu => Some((Navigation, "in <menu>")),
        _ => None,
    }
}

/// The reason given for a negative kind read from class and id words.
fn word_reason(kind: RemovedKind) -> &'static str {
    use RemovedKind::*;
    match kind {
        Navigation => "navigation class",
        Share => "share class",
        Comments => "comments class",
        CommentForm => "comment form class",
        Newsletter => "newsletter class",
        Subscription => "subscription class",
        CookieNotice => "cookie notice class",
        Related => "related-content class",
        Advertisement => "advertisement class",
        Tags => "tags class",
        AuthorBio => "author bio class",
        Copyright => "copyright class",
        Header => "header class",
        Footer => "footer class",
        Sidebar => "sidebar class",
        Caption => "caption class",
        Byline => "byline class",
        Timestamp => "date class",
        Hidden => "hidden class",
        _ => "boilerplate class",
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::builder::build;
    use super::*;

    /// The info of the first node with this id.
    fn node<'a>(doc: &Doc<'_>, info: &'a [NodeInfo], id: &str) -> &'a NodeInfo {
        let i = doc.nodes.iter().position(|n| n.id == id).unwrap();
        &info[i]
    }

    #[test]
    fn negative_kinds_table() {
        let cases: &[(&str, Option<(RemovedKind, &str)>)] = &[
            (
                "<nav id=x><p>a</p></nav>",
                Some((RemovedKind::Navigation, "in <nav>")),
            ),
            (
                "<aside id=x><p>a</p></aside>",
                Some((RemovedKind::Sidebar, "in <aside>")),
            ),
            (
                "<div id=x hidden><p>a</p></div>",
                Some((RemovedKind::Hidden, "hidden element")),
            ),
            (
                "<div id=x role=navigation><p>a</p></div>",
                Some((RemovedKind::Navigation, "role=navigation")),
            ),
            (
                "<div id=x class=share-tools><p>a</p></div>",
                Some((RemovedKind::Share, "share class")),
            ),
            (
                "<div id=x class=\"related comments\" itemprop=articleBody><p>a</p></div>",
                None,
            ),
            ("<div id=x class=story><p>a</p></div>", None),
        ];
        for (html, want) in cases {
            let doc = build(html, 512, 10_000);
            let info = node_infos(&doc);
            assert_eq!(node(&doc, &info, "x").neg, *want, "{html}");
        }
    }

    #[test]
    fn inheritance_table() {
        let html = "<div id=main><nav id=n><div id=in><p id=p>a</p></div></nav>\
            <aside id=s><div id=deep>b</div></aside>\
            <div id=t class=twitter-tweet><p id=tp>c</p></div></div>";
        let doc = build(html, 512, 10_000);
        let info = node_infos(&doc);
        let idx =
            |id: &str| u32::try_from(doc.nodes.iter().position(|n| n.id == id).unwrap()).unwrap();
        // (id, nearest negative, nearest embed, in a sidebar)
        let cases: &[(&str, u32, u32, bool)] = &[
            ("main", NO_NODE, NO_NODE, false),
            ("n", idx("n"), NO_NODE, false),
            ("in", idx("n"), NO_NODE, true),
            ("p", idx("n"), NO_NODE, true),
            ("deep", idx("s"), NO_NODE, true),
            ("tp", NO_NODE, idx("t"), false),
        ];
        for &(id, neg_up, embed_up, in_side) in cases {
            let ni = node(&doc, &info, id);
            assert_eq!(
                (ni.neg_up, ni.embed_up, ni.in_side),
                (neg_up, embed_up, in_side),
                "{id}"
            );
        }
        assert_eq!(
            node(&doc, &info, "p").depth,
            node(&doc, &info, "in").depth + 1
        );
    }

    #[test]
    fn totals_add_up_the_tree() {
        let prose = "The council voted on Tuesday to close the old harbour bridge for repairs.";
        let html = format!(
            "<div id=a><div id=b><p>{prose}</p><p><a href=/>Home and away links</a></p></div>\
             <p>Short one.</p></div>"
        );
        let doc = build(&html, 512, 10_000);
        let mut info = node_infos(&doc);
        let in_json = vec![0.0; doc.blocks.len()];
        add_totals(&doc, &mut info, &in_json);
        let chars =
            |t: &str| u32::try_from(t.chars().filter(|c| !c.is_whitespace()).count()).unwrap();
        let b = node(&doc, &info, "b");
        assert_eq!(b.chars, chars(prose) + chars("Home and away links"));
        assert_eq!(b.link_chars, chars("Home and away links"));
        assert_eq!(b.good_chars, chars(prose));
        let a = node(&doc, &info, "a");
        assert_eq!(a.chars, b.chars + chars("Short one."));
        assert_eq!(a.good_chars, chars(prose) + chars("Short one."));
    }

    #[test]
    fn good_blocks_table() {
        let cases: &[(&str, bool)] = &[
            ("<p>Plain prose here.</p>", true),
            ("<h2>A heading</h2>", false),
            ("<ul><li>An item of a list</li></ul>", true),
            ("<p><a href=/>All of it a link</a></p>", false),
            ("<form><p>Your email address</p></form>", false),
            ("<p hidden>Hidden prose here.</p>", false),
        ];
        for (html, want) in cases {
            let doc = build(html, 512, 10_000);
            assert_eq!(doc.blocks.iter().any(is_good), *want, "{html}");
        }
    }
}
