//! Stage 3, container: from the top node to the set of elements that make up the
//! article (widened over split siblings, joined by elements of its tag and class and by
//! the sibling paragraphs Readability merges).

use std::collections::HashSet;

use super::super::builder::{Doc, Kind, NO_NODE, cx, nf};
use super::super::tags::Tag;
use super::score::final_score;
use super::signals::NodeInfo;

/// The article container and the elements that join it.
pub(super) struct Container {
    /// The container node ([`NO_NODE`] when nothing scored).
    pub node: u32,
    /// Per node: part of the article (the container or an element that joined it).
    is_container: Vec<bool>,
    /// Per node: the container or one of its ancestors.
    encloses: Vec<bool>,
}

impl Container {
    /// The container grown from `top`.
    pub(super) fn find(doc: &Doc<'_>, info: &[NodeInfo], top: u32) -> Container {
        let n = doc.nodes.len();
        let container = widen(doc, info, top);
        // The article may be split over several elements of the same tag and class
        // (`<div class="article__body">` between ad slots): all of them are the article.
        let mut is_container = vec![false; n];
        if let Some(c) = is_container.get_mut(container as usize) {
            *c = true;
        }
        if let Some(cn) = doc.nodes.get(container as usize) {
            if !cn.class.is_empty() {
                for (i, x) in doc.nodes.iter().enumerate() {
                    if x.tag == cn.tag
                        && x.class == cn.class
                        && info.get(i).is_some_and(|ni| ni.good_chars > 0)
                    {
                        if let Some(c) = is_container.get_mut(i) {
                            *c = true;
                        }
                    }
                }
            }
        }
        merge_siblings(doc, info, container, &mut is_container);
        // The container and its ancestors.
        let mut encloses = vec![false; n];
        let mut cur = container;
        while let Some(e) = encloses.get_mut(cur as usize) {
            if *e {
                break;
            }
            *e = true;
            cur = doc.nodes.get(cur as usize).map_or(NO_NODE, |x| x.parent);
        }
        Container {
            node: container,
            is_container,
            encloses,
        }
    }

    /// The depth of the article element holding `node`, if any (0 for every node when
    /// there is no container).
    pub(super) fn depth_of(&self, doc: &Doc<'_>, info: &[NodeInfo], node: u32) -> Option<u32> {
        if self.node == NO_NODE {
            return Some(0);
        }
        let mut cur = node;
        while let Some(ni) = info.get(cur as usize) {
            if self
                .is_container
                .get(cur as usize)
                .copied()
                .unwrap_or(false)
            {
                return Some(ni.depth);
            }
            cur = doc.nodes.get(cur as usize).map_or(NO_NODE, |x| x.parent);
        }
        None
    }

    /// Whether `node` is the container or one of its ancestors.
    pub(super) fn encloses(&self, node: u32) -> bool {
        self.encloses.get(node as usize).copied().unwrap_or(false)
    }

    /// How many elements make up the article.
    pub(super) fn elements(&self) -> usize {
        self.is_container.iter().filter(|&&c| c).count()
    }
}

/// Widens `top` to its parent, up to three times, when the article's text is split over
/// siblings: the parent holds much more clean prose (outside comment and related boxes)
/// than the candidate. A node marked as the body stays.
fn widen(doc: &Doc<'_>, info: &[NodeInfo], top: u32) -> u32 {
    let mut container = top;
    let pinned = |x: u32| {
        doc.nodes
            .get(x as usize)
            .is_some_and(|d| d.flags & nf::ARTICLE_BODY != 0)
            || info.get(x as usize).is_some_and(|i| i.sig.body)
    };
    for _ in 0..3 {
        if pinned(container) {
            break;
        }
        let Some(t) = info.get(container as usize) else {
            break;
        };
        let parent = doc
            .nodes
            .get(container as usize)
            .map_or(NO_NODE, |x| x.parent);
        let Some(p) = info.get(parent as usize) else {
            break;
        };
        let extra = p.clean_chars.saturating_sub(t.clean_chars);
        let ld = p.link_chars as f32 / p.chars.max(1) as f32;
        if p.neg.is_none()
            && extra * 3 > t.clean_chars
            && extra < t.clean_chars.saturating_mul(4)
            && ld < 0.35
            && !matches!(
                doc.nodes.get(parent as usize).map(|x| x.tag),
                Some(Tag::Body | Tag::Html)
            )
        {
            container = parent;
        } else {
            break;
        }
    }
    container
}

/// Readability's sibling merge: children of the container's parent join the article when
/// they score at least a fifth of the container (and 10), or when they are prose
/// paragraphs: a `<p>` of 80 chars with few links (or a short one of sentences without
/// links), or an element of the same tag and class as the paragraph elements inside the
/// container (a lede kept outside the body element).
fn merge_siblings(doc: &Doc<'_>, info: &[NodeInfo], container: u32, is_container: &mut [bool]) {
    let cparent = doc
        .nodes
        .get(container as usize)
        .map_or(NO_NODE, |x| x.parent);
    if cparent == NO_NODE {
        return;
    }
    let clean = |i: usize| {
        info.get(i)
            .is_some_and(|ni| ni.neg.is_none() && !ni.in_side)
    };
    let threshold = (0.2 * final_score(doc, info, container as usize)).max(10.0);
    for (i, x) in doc.nodes.iter().enumerate() {
        if x.parent == cparent
            && i != container as usize
            && clean(i)
            && final_score(doc, info, i) >= threshold
        {
            if let Some(c) = is_container.get_mut(i) {
                *c = true;
            }
        }
    }
    // (tag, class) of the elements of the blocks inside the container.
    let mut inner: HashSet<(Tag, &str)> = HashSet::new();
    // The child of `parent` that holds `node`, within a few levels.
    let child_of = |node: u32, parent: u32, levels: usize| -> Option<u32> {
        let mut x = node;
        for _ in 0..levels {
            let nd = doc.nodes.get(x as usize)?;
            if nd.parent == parent {
                return Some(x);
            }
            x = nd.parent;
        }
        None
    };
    for b in &doc.blocks {
        if child_of(b.node, container, 6).is_some() {
            if let Some(nd) = doc.nodes.get(b.node as usize) {
                if !nd.class.is_empty() {
                    inner.insert((nd.tag, nd.class));
                }
            }
        }
    }
    for b in &doc.blocks {
        if b.kind != Kind::Paragraph || b.ctx & (cx::HIDDEN | cx::INVISIBLE | cx::FORM) != 0 {
            continue;
        }
        let Some(x) = child_of(b.node, cparent, 3).filter(|&x| x != container) else {
            continue;
        };
        let Some(nd) = doc.nodes.get(x as usize) else {
            continue;
        };
        let same_kind = !nd.class.is_empty() && inner.contains(&(nd.tag, nd.class));
        if !(nd.tag == Tag::P || same_kind) || !clean(x as usize) {
            continue;
        }
        let ld = b.link_chars as f32 / b.chars.max(1) as f32;
        let t = b.text.trim_end();
        let prose = (b.chars > 80 && ld < 0.25)
            || (b.link_chars == 0 && (t.ends_with('.') || t.contains(". ")));
        if prose {
            if let Some(c) = is_container.get_mut(x as usize) {
                *c = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::builder::build;
    use super::super::json;
    use super::super::score::{add_scores, top};
    use super::super::signals::{add_totals, node_infos};
    use super::*;

    const PROSE: &str = "The council voted on Tuesday, after a long debate, to close the old harbour bridge for repairs next year.";

    /// The ids of the container and of every element of the article, in node order.
    fn article_ids(html: &str) -> (String, Vec<String>) {
        let doc = build(html, 512, 10_000);
        let in_json = json::coverage(&doc, None);
        let mut info = node_infos(&doc);
        add_totals(&doc, &mut info, &in_json);
        add_scores(&doc, &mut info, &in_json);
        let c = Container::find(&doc, &info, top(&doc, &info, &in_json, None));
        let id = |i: usize| doc.nodes.get(i).map_or("-".to_owned(), |n| n.id.to_owned());
        let members = (0..doc.nodes.len())
            .filter(|&i| c.is_container[i])
            .map(id)
            .collect();
        (id(c.node as usize), members)
    }

    #[test]
    fn container_table() {
        let p = format!("<p>{PROSE}</p>");
        let cases: Vec<(String, &str, &[&str])> = vec![
            // One container.
            (
                format!("<div id=page><div id=a>{p}{p}{p}</div></div>"),
                "a",
                &["a"],
            ),
            // The top holds a part of the prose, its parent more: the parent is the article.
            (
                format!(
                    "<div id=page><div id=w><article id=a class=story>{PROSE}</article>{PROSE}<br><br>{PROSE}</div></div>"
                ),
                "w",
                &["w"],
            ),
            // Elements of the container's tag and class join it.
            (
                format!(
                    "<div id=page><div id=a class=body-part>{p}{p}{p}</div><div id=ad>Advert</div>\
                    <div id=b class=body-part>{p}</div></div>"
                ),
                "a",
                &["a", "b"],
            ),
            // A lede paragraph beside the container joins it.
            (
                format!(
                    "<div id=page><p id=lede>{PROSE}</p><div id=a class=body>{p}{p}{p}{p}{p}{p}{p}{p}</div></div>"
                ),
                "a",
                &["lede", "a"],
            ),
            // Nothing scored: no container.
            ("<div id=page><p>Short.</p></div>".into(), "-", &[]),
        ];
        for (html, want, members) in &cases {
            let (c, m) = article_ids(html);
            assert_eq!(
                (c.as_str(), m),
                (*want, members.iter().map(|s| s.to_string()).collect()),
                "{html}"
            );
        }
    }

    #[test]
    fn depth_and_enclosing() {
        let p = format!("<p>{PROSE}</p>");
        let html = format!(
            "<div id=page><div id=a>{p}{p}{p}</div><div id=side><p id=x>Other text.</p></div></div>"
        );
        let doc = build(&html, 512, 10_000);
        let in_json = json::coverage(&doc, None);
        let mut info = node_infos(&doc);
        add_totals(&doc, &mut info, &in_json);
        add_scores(&doc, &mut info, &in_json);
        let c = Container::find(&doc, &info, top(&doc, &info, &in_json, None));
        let idx =
            |id: &str| u32::try_from(doc.nodes.iter().position(|n| n.id == id).unwrap()).unwrap();
        assert_eq!(c.node, idx("a"));
        assert!(c.encloses(idx("page")) && c.encloses(idx("a")) && !c.encloses(idx("side")));
        let in_a = doc.blocks.first().unwrap().node;
        assert_eq!(
            c.depth_of(&doc, &info, in_a),
            Some(info[idx("a") as usize].depth)
        );
        assert_eq!(c.depth_of(&doc, &info, idx("x")), None);
        assert_eq!(c.elements(), 1);
    }
}
