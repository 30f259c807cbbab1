//! Article location and boilerplate removal over the blocks of a page.
//!
//! 1. Every element gets a *negative kind* from its tag (`nav`, `aside`, `footer`,
//!    `header`, `form`), its ARIA role, or its class and id words (`related`, `share`,
//!    `newsletter`, ...), and a *body* mark from `itemprop=articleBody` or body-naming
//!    classes (`article-body`, `entry-content`).
//! 2. Readability-style container scoring: every paragraph-like block with enough text and
//!    few links scores `1 + commas + min(chars / 100, 3)`, added to its container and, less,
//!    to the next ancestors; a container's score is scaled by its share of non-link text and
//!    moved by its class words. When the page carries its body in JSON-LD (`articleBody`),
//!    blocks whose words are in it score more. List items count half (teaser lists are
//!    not articles), and elements inside `<nav>`, `<aside>` or `<footer>` lose as if
//!    negative. The best container is the article; as in Readability, siblings that
//!    score well join it, and so do prose paragraphs beside it (a `<p>`, or an element of
//!    the tag and class of the paragraphs inside the container: a lede kept outside the
//!    body element). A negative element that holds the container names a layout, not
//!    boilerplate.
//! 3. jusText-style block classification inside the article: a block is boilerplate when an
//!    element between it and the article container is negative, when it is mostly link
//!    text, when it is a short stock phrase ("Advertisement", "Read more"), or when its
//!    neighbours are boilerplate and it is short (context smoothing). Headings, list items
//!    and block quotes of the body are kept with their kind.

use std::collections::HashSet;

use article_model::RemovedKind;

use super::builder::{Block, Doc, Kind, NO_NODE, cx, nf};
use super::tags::Tag;
use super::words::{self, Signals};

/// What becomes of a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Article body.
    Keep,
    /// A photo caption (also listed in `captions`).
    Caption,
    /// Boilerplate, with its kind and reason.
    Remove(RemovedKind, String),
}

fn remove(kind: RemovedKind, why: impl Into<String>) -> Verdict {
    Verdict::Remove(kind, why.into())
}

struct NodeInfo {
    sig: Signals,
    /// The element's own negative kind (tag, role or words).
    neg: Option<(RemovedKind, &'static str)>,
    /// Nearest node at or above this one with a negative kind.
    neg_up: u32,
    /// Nearest embedded post (tweet) at or above this one.
    embed_up: u32,
    /// Below a `<nav>`, `<aside>` or `<footer>` (or its ARIA role).
    in_side: bool,
    depth: u32,
    /// Readability score (raw), and text totals of the subtree.
    score: f32,
    chars: u32,
    link_chars: u32,
    good_chars: u32,
    /// Good chars outside negative elements (comments, related boxes) of the subtree.
    clean_chars: u32,
    json_chars: u32,
}

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

/// Decides every block of `doc`; `json_body` is the JSON-LD `articleBody`, if any.
pub(crate) fn locate(doc: &Doc<'_>, json_body: Option<&str>) -> Vec<Verdict> {
    let n = doc.nodes.len();
    let mut info: Vec<NodeInfo> = Vec::with_capacity(n);
    // Pages repeat their class names: read each (class, id) pair once.
    let mut memo: std::collections::HashMap<(&str, &str), Signals> =
        std::collections::HashMap::new();
    for (i, node) in doc.nodes.iter().enumerate() {
        let sig = if node.class.is_empty() && node.id.is_empty() {
            Signals::default()
        } else {
            *memo
                .entry((node.class, node.id))
                .or_insert_with(|| words::signals(node.class, node.id))
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

    let json = json_body.map(ShingleSet::new);
    let in_json: Vec<f32> = doc
        .blocks
        .iter()
        .map(|b| json.as_ref().map_or(0.0, |j| j.coverage(&b.text)))
        .collect();

    // Totals per node (own blocks), then bottom-up.
    for (b, &jc) in doc.blocks.iter().zip(&in_json) {
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
    for i in (0..n).rev() {
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

    // Readability scores.
    for (b, &jc) in doc.blocks.iter().zip(&in_json) {
        if !is_good(b) || b.chars < 25 {
            continue;
        }
        let commas = b.text.matches([',', '，', '、']).count() as f32;
        let mut s = 1.0 + commas + (b.chars as f32 / 100.0).min(3.0);
        if jc > 0.5 {
            s += 3.0;
        }
        // Articles are made of paragraphs; lists of teasers (headline and summary per
        // item) must not outscore a short article.
        if b.kind == Kind::ListItem {
            s *= 0.5;
        }
        let mut node = container_of(doc, b.node);
        for level in 0..4u8 {
            let Some(ni) = info.get_mut(node as usize) else {
                break;
            };
            ni.score += s / match level {
                0 => 1.0,
                1 => 2.0,
                l => f32::from(l) * 3.0,
            };
            node = doc.nodes.get(node as usize).map_or(NO_NODE, |x| x.parent);
        }
    }

    let final_score = |i: usize| -> f32 {
        let Some(ni) = info.get(i) else { return 0.0 };
        let node = doc.nodes.get(i);
        let ld = if ni.chars == 0 {
            0.0
        } else {
            ni.link_chars as f32 / ni.chars as f32
        };
        let mut w = 0.0;
        if ni.sig.body {
            w += 25.0;
        } else if ni.sig.positive {
            w += 5.0;
        }
        if ni.neg.is_some() {
            w -= 25.0;
        }
        // The article is not inside a sidebar, a menu or a footer (a text widget there
        // can outscore a short article).
        if ni.in_side {
            w -= 25.0;
        }
        if let Some(node) = node {
            if node.flags & nf::ARTICLE_BODY != 0 {
                w += 40.0;
            }
            if node.tag == Tag::Article {
                w += 5.0;
            }
        }
        ni.score * (1.0 - ld) + if ni.score > 0.0 { w } else { 0.0 }
    };

    let mut top = NO_NODE;
    let mut best = 0.0f32;
    for i in 0..n {
        let s = final_score(i);
        if s > best {
            best = s;
            top = u32::try_from(i).unwrap_or(NO_NODE);
        }
    }
    // JSON-LD: the smallest node holding most of the blocks found in articleBody.
    if let Some(total_json) = doc
        .blocks
        .iter()
        .zip(&in_json)
        .filter(|(_, j)| **j > 0.5)
        .map(|(b, _)| b.chars)
        .reduce(|a, b| a + b)
    {
        // A truncated JSON-LD body (a teaser ending in "...") must not shrink the article.
        let json_len = json_body.map_or(0, |j| j.chars().filter(|c| !c.is_whitespace()).count());
        if total_json > 200 && json_len >= 800 && total_json as usize * 2 >= json_len {
            let mut cand = NO_NODE;
            for (i, ni) in info.iter().enumerate() {
                if ni.json_chars as f32 >= 0.9 * total_json as f32 {
                    let better = info.get(cand as usize).is_none_or(|c| ni.depth > c.depth);
                    if better {
                        cand = u32::try_from(i).unwrap_or(NO_NODE);
                    }
                }
            }
            if cand != NO_NODE {
                top = cand;
            }
        }
    }

    // Widen to the parent when the article's text is split over siblings: the parent
    // holds much more clean prose (outside comment and related boxes) than the candidate.
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

    if std::env::var_os("ARTICLE_DEBUG").is_some() {
        for (label, x) in [("top", top), ("container", container)] {
            if let (Some(nd), Some(ni)) = (doc.nodes.get(x as usize), info.get(x as usize)) {
                eprintln!(
                    "{label}: {:?} class={:?} id={:?} depth={} score={} good={} json={}",
                    nd.tag, nd.class, nd.id, ni.depth, ni.score, ni.good_chars, ni.json_chars
                );
            }
        }
    }
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
    merge_siblings(doc, &info, container, &final_score, &mut is_container);
    // The depth of the container holding `node`, if any.
    let container_depth = |node: u32| -> Option<u32> {
        if container == NO_NODE {
            return Some(0);
        }
        let mut cur = node;
        while let Some(ni) = info.get(cur as usize) {
            if is_container.get(cur as usize).copied().unwrap_or(false) {
                return Some(ni.depth);
            }
            cur = doc.nodes.get(cur as usize).map_or(NO_NODE, |x| x.parent);
        }
        None
    };

    // The container and its ancestors.
    let mut encloses_container = vec![false; n];
    let mut cur = container;
    while let Some(e) = encloses_container.get_mut(cur as usize) {
        if *e {
            break;
        }
        *e = true;
        cur = doc.nodes.get(cur as usize).map_or(NO_NODE, |x| x.parent);
    }
    let ctr_good = info.get(container as usize).map_or(0, |c| c.good_chars);
    // A full JSON-LD body, not a teaser ("...", "…" at the end, or short).
    let json_full = json_body.is_some_and(|j| {
        let j = j.trim_end();
        j.len() >= 1500 && !j.ends_with('…') && !j.ends_with("...") && !j.ends_with("&hellip;")
    });
    let mut verdicts: Vec<Verdict> = doc
        .blocks
        .iter()
        .zip(&in_json)
        .map(|(b, &jc)| {
            use RemovedKind::*;
            if b.ctx & (cx::HIDDEN | cx::INVISIBLE) != 0 {
                return remove(Hidden, "hidden element");
            }
            // Prose the page's own JSON-LD `articleBody` holds is article wherever it sits.
            if json_full && jc > 0.8 && b.chars >= 40 && b.kind != Kind::Caption {
                return Verdict::Keep;
            }
            let Some(cdepth) = container_depth(b.node) else {
                // A "negative" element that also holds the article container names a
                // layout (`<div class="rail-layout__body">`), not boilerplate.
                let why = info
                    .get(b.node as usize)
                    .filter(|ni| {
                        !encloses_container
                            .get(ni.neg_up as usize)
                            .copied()
                            .unwrap_or(false)
                    })
                    .and_then(|ni| info.get(ni.neg_up as usize))
                    .and_then(|x| x.neg);
                return match why {
                    Some((k, r)) => remove(
                        k,
                        describe(
                            doc,
                            info.get(b.node as usize).map_or(NO_NODE, |ni| ni.neg_up),
                            r,
                        ),
                    ),
                    None if b.kind == Kind::Heading(1) => remove(Title, "page heading"),
                    None => outside_kind(b),
                };
            };
            if b.kind == Kind::Caption {
                return Verdict::Caption;
            }
            if jc > 0.8 {
                return Verdict::Keep;
            }
            // Nearest negative element below the container (an embedded post counts as
            // content wherever it sits).
            let embedded = info
                .get(b.node as usize)
                .and_then(|ni| info.get(ni.embed_up as usize))
                .is_some_and(|e| e.depth > cdepth);
            if let Some(ni) = info.get(b.node as usize).filter(|_| !embedded) {
                if let Some(neg) = info.get(ni.neg_up as usize) {
                    // A "negative" wrapper that holds most of the article's prose is not
                    // boilerplate (`<div class="content hidden-print">`).
                    let holds_body = ctr_good > 0
                        && neg.good_chars * 2 > ctr_good
                        && !doc
                            .nodes
                            .get(ni.neg_up as usize)
                            .is_some_and(|d| matches!(d.tag, Tag::Nav | Tag::Aside | Tag::Form));
                    if (neg.depth > cdepth || container == NO_NODE) && !holds_body {
                        if let Some((k, r)) = neg.neg {
                            return remove(k, describe(doc, ni.neg_up, r));
                        }
                    }
                }
            }
            if let Some(v) = stock_phrase(b) {
                return v;
            }
            if let Some(v) = promo_phrase(b) {
                return v;
            }
            // The shared line recogniser (also used for text dumps): whole-block
            // boilerplate phrases ("You May Also Like", "Leave a Reply").
            if b.chars <= 200 {
                if let Some(bp) = crate::recognize::boilerplate(&b.text).filter(|bp| !bp.inside) {
                    return remove(bp.kind, bp.reason);
                }
            }
            if !b.text.chars().any(char::is_alphanumeric) {
                return remove(Other, "no words");
            }
            if b.ctx & cx::FORM != 0 {
                return remove(Other, "form text");
            }
            let ld = if b.chars == 0 {
                0.0
            } else {
                b.link_chars as f32 / b.chars as f32
            };
            if ld > 0.5 && !(b.chars > 200 && ld < 0.8) {
                return remove(Related, "mostly link text");
            }
            Verdict::Keep
        })
        .collect();

    smooth(doc, &mut verdicts);

    // Trailing headings announce what follows (related, comments): drop them.
    for i in (0..verdicts.len()).rev() {
        match verdicts.get(i) {
            Some(Verdict::Keep) => {
                if matches!(doc.blocks.get(i).map(|b| b.kind), Some(Kind::Heading(_))) {
                    if let Some(v) = verdicts.get_mut(i) {
                        *v = remove(RemovedKind::Related, "heading after the body");
                    }
                } else {
                    break;
                }
            }
            _ => continue,
        }
    }
    verdicts
}

/// Readability's sibling merge: children of the container's parent join the article when
/// they score at least a fifth of the container (and 10), or when they are prose
/// paragraphs: a `<p>` of 80 chars with few links (or a short one of sentences without
/// links), or an element of the same tag and class as the paragraph elements inside the
/// container (a lede kept outside the body element).
fn merge_siblings(
    doc: &Doc<'_>,
    info: &[NodeInfo],
    container: u32,
    final_score: &dyn Fn(usize) -> f32,
    is_container: &mut [bool],
) {
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
    let threshold = (0.2 * final_score(container as usize)).max(10.0);
    for (i, x) in doc.nodes.iter().enumerate() {
        if x.parent == cparent && i != container as usize && clean(i) && final_score(i) >= threshold
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

/// Names the kind of a block outside the article that no element marks.
fn outside_kind(b: &Block) -> Verdict {
    use RemovedKind::*;
    if let Some(v) = stock_phrase(b).or_else(|| promo_phrase(b)) {
        return v;
    }
    if let Some(bp) = crate::recognize::boilerplate(&b.text) {
        return remove(bp.kind, format!("outside the article: {}", bp.reason));
    }
    if b.kind == Kind::Caption {
        return remove(Caption, "caption outside the article");
    }
    if b.ctx & cx::FORM != 0 {
        return remove(Other, "form text outside the article");
    }
    if b.link_chars * 2 > b.chars {
        return remove(Related, "links outside the article");
    }
    remove(Other, "outside the article container")
}

/// A kept paragraph long enough to anchor its neighbours.
fn is_anchor(b: &Block, v: &Verdict) -> bool {
    *v == Verdict::Keep
        && b.kind == Kind::Paragraph
        && b.chars >= 80
        && b.link_chars * 4 < b.chars
        && !credit_line(&b.text)
}

/// Context rules over the first decisions, jusText-style.
fn smooth(doc: &Doc<'_>, verdicts: &mut [Verdict]) {
    let blocks = &doc.blocks;
    let first_anchor = blocks
        .iter()
        .zip(verdicts.iter())
        .position(|(b, v)| is_anchor(b, v));
    let last_anchor = blocks
        .iter()
        .zip(verdicts.iter())
        .rposition(|(b, v)| is_anchor(b, v));
    // Link-dense paragraphs between two anchors are prose with a link in it.
    for i in 1..verdicts.len() {
        let linky = matches!(verdicts.get(i), Some(Verdict::Remove(RemovedKind::Related, r)) if r == "mostly link text");
        if !linky || blocks.get(i).is_none_or(|b| b.kind != Kind::Paragraph) {
            continue;
        }
        let prev = (0..i)
            .rev()
            .find(|&j| blocks.get(j).is_some_and(|b| b.kind != Kind::Caption));
        let next =
            (i + 1..blocks.len()).find(|&j| blocks.get(j).is_some_and(|b| b.kind != Kind::Caption));
        let anchored = |j: Option<usize>| {
            j.and_then(|j| Some(is_anchor(blocks.get(j)?, verdicts.get(j)?)))
                .unwrap_or(false)
        };
        if anchored(prev) && anchored(next) {
            if let Some(v) = verdicts.get_mut(i) {
                *v = Verdict::Keep;
            }
        }
    }
    // Before the first anchor: the title, bylines and date lines.
    if let Some(first) = first_anchor {
        for i in 0..first {
            let (Some(b), Some(v)) = (blocks.get(i), verdicts.get_mut(i)) else {
                break;
            };
            if *v != Verdict::Keep {
                continue;
            }
            if b.kind == Kind::Heading(1) {
                *v = remove(RemovedKind::Title, "article heading");
            } else if b.chars < 120 {
                if crate::recognize::byline(&b.text).is_some() {
                    *v = remove(RemovedKind::Byline, "byline before the body");
                } else if let Some(k) = head_line(&b.text) {
                    *v = remove(k, "byline or date line before the body");
                }
            }
        }
    }
    // A related-content marker ("More stories", a removed heading) turns the list right
    // after it into related content.
    let mut related_run = false;
    for i in 0..verdicts.len() {
        let (Some(b), Some(v)) = (blocks.get(i), verdicts.get_mut(i)) else {
            break;
        };
        match v {
            Verdict::Remove(RemovedKind::Related, r) if r != "mostly link text" => {
                related_run = true
            }
            Verdict::Keep if related_run && b.kind == Kind::ListItem => {
                *v = remove(RemovedKind::Related, "list after a related-content marker");
            }
            Verdict::Keep => related_run = false,
            _ => {}
        }
    }
    // After the last anchor: credit lines.
    if let Some(last) = last_anchor {
        for i in last + 1..blocks.len() {
            let (Some(b), Some(v)) = (blocks.get(i), verdicts.get_mut(i)) else {
                break;
            };
            if *v == Verdict::Keep && b.chars < 300 && credit_line(&b.text) {
                *v = remove(RemovedKind::Byline, "credit line after the body");
            }
        }
    }
}

/// A byline or date line ("By Jane Doe", "Updated at 1:23 p.m.", "05/10/2018 - ...").
fn head_line(text: &str) -> Option<RemovedKind> {
    let lower = text.to_lowercase();
    const BY: &[&str] = &[
        "by ",
        "por ",
        "von ",
        "par ",
        "door ",
        "di ",
        "av ",
        "af ",
        "автор",
    ];
    if BY.iter().any(|p| lower.starts_with(p)) {
        return Some(RemovedKind::Byline);
    }
    const WORDS: &[&str] = &[
        "updated",
        "published",
        "posted",
        "publicado",
        "atualizado",
        "actualizado",
        "veröffentlicht",
        "aktualisiert",
        "publié",
        "mis à jour",
        "pubblicato",
        "last modified",
    ];
    if WORDS.iter().any(|w| lower.contains(w)) {
        return Some(RemovedKind::Timestamp);
    }
    if super::metadata::visible_date(text).is_some() || numeric_date(text) || year_and_time(text) {
        return Some(RemovedKind::Timestamp);
    }
    None
}

/// A four-digit year and an `hh:mm` time in one line ("22 de janeiro de 2018 às 0:13").
fn year_and_time(text: &str) -> bool {
    let b = text.as_bytes();
    let d = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let year = (0..b.len()).any(|i| {
        d(i) && d(i + 1)
            && d(i + 2)
            && d(i + 3)
            && !d(i + 4)
            && (i == 0 || !d(i - 1))
            && matches!(b.get(i..i + 2), Some(b"19" | b"20"))
    });
    let time = (0..b.len()).any(|i| d(i) && b.get(i + 1) == Some(&b':') && d(i + 2) && d(i + 3));
    year && time
}

/// `dd/mm/yyyy`, `yyyy-mm-dd`, `dd.mm.yyyy` somewhere in the text.
fn numeric_date(text: &str) -> bool {
    let b = text.as_bytes();
    let is_d = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (0..b.len()).any(|i| {
        let sep = |j: usize| matches!(b.get(j), Some(b'/' | b'.' | b'-'));
        (is_d(i)
            && is_d(i + 1)
            && sep(i + 2)
            && is_d(i + 3)
            && is_d(i + 4)
            && sep(i + 5)
            && is_d(i + 6)
            && is_d(i + 7))
            || (is_d(i)
                && is_d(i + 1)
                && is_d(i + 2)
                && is_d(i + 3)
                && sep(i + 4)
                && is_d(i + 5)
                && is_d(i + 6)
                && sep(i + 7)
                && is_d(i + 8))
    })
}

/// Agency credit lines that close a story ("Reporting by ...; Editing by ...").
fn credit_line(text: &str) -> bool {
    let lower = text.trim_start_matches(['(', '[']).to_lowercase();
    const PREFIX: &[&str] = &[
        "reporting by",
        "additional reporting",
        "editing by",
        "writing by",
        "compiled by",
        "associated press writer",
        "the associated press contributed",
        "contributing:",
        "this story has been",
        "this article has been",
        "this article was originally",
        "originally published",
        "a version of this",
        "follow ",
        "read more",
        "more great",
        "related:",
        "see also",
        "more from",
        "more on this",
    ];
    PREFIX.iter().any(|p| lower.starts_with(p))
}

/// "reason (in <div class=...>)" for people.
fn describe(doc: &Doc<'_>, node: u32, reason: &str) -> String {
    match doc.nodes.get(node as usize) {
        Some(n) if !n.class.is_empty() || !n.id.is_empty() => {
            let mut s = format!("{reason}: <{:?}", n.tag).to_lowercase();
            if !n.id.is_empty() {
                s.push_str(&format!(
                    " id=\"{}\"",
                    n.id.chars().take(60).collect::<String>()
                ));
            }
            if !n.class.is_empty() {
                s.push_str(&format!(
                    " class=\"{}\"",
                    n.class.chars().take(80).collect::<String>()
                ));
            }
            s.push('>');
            s
        }
        _ => reason.to_owned(),
    }
}

/// The nearest node of `node` that is a container (not a paragraph or inline element).
fn container_of(doc: &Doc<'_>, mut node: u32) -> u32 {
    for _ in 0..3 {
        match doc.nodes.get(node as usize) {
            Some(x)
                if matches!(
                    x.tag,
                    Tag::P
                        | Tag::A
                        | Tag::Span
                        | Tag::Blockquote
                        | Tag::Li
                        | Tag::Pre
                        | Tag::Strong
                        | Tag::B
                        | Tag::Em
                        | Tag::I
                ) || x.tag.heading_level().is_some() =>
            {
                node = x.parent;
            }
            _ => break,
        }
    }
    node
}

/// A block that reads as article prose: not hidden, not a heading, few links.
fn is_good(b: &Block) -> bool {
    b.ctx & (cx::HIDDEN | cx::INVISIBLE | cx::FORM) == 0
        && matches!(
            b.kind,
            Kind::Paragraph | Kind::Quote | Kind::ListItem | Kind::Pre | Kind::TableRow
        )
        && b.link_chars * 3 < b.chars
}

/// Short stock lines of page furniture.
fn stock_phrase(b: &Block) -> Option<Verdict> {
    use RemovedKind::*;
    if b.chars > 80 {
        return None;
    }
    let lower = b.text.to_lowercase().replace('’', "'");
    let t = lower.trim_matches(|c: char| !c.is_alphanumeric());
    const EXACT: &[(&str, RemovedKind)] = &[
        ("advertisement", Advertisement),
        ("ad", Advertisement),
        ("advertising", Advertisement),
        ("sponsored", Advertisement),
        ("story continues below advertisement", Advertisement),
        ("continue reading", Related),
        ("continue reading below", Advertisement),
        ("read more", Related),
        ("related", Related),
        ("related articles", Related),
        ("related stories", Related),
        ("more stories", Related),
        ("share", Share),
        ("share this", Share),
        ("share this article", Share),
        ("share this story", Share),
        ("comments", Comments),
        ("loading", Other),
        ("close", Other),
        ("skip to content", Navigation),
        ("back to top", Navigation),
        ("print", Share),
        ("email", Share),
        ("advert", Advertisement),
        ("iklan", Advertisement),
        ("anzeige", Advertisement),
        ("werbung", Advertisement),
        ("publicidade", Advertisement),
        ("publicidad", Advertisement),
        ("publicité", Advertisement),
        ("pubblicità", Advertisement),
        ("реклама", Advertisement),
        ("explore further", Related),
        ("don't miss", Related),
        ("don’t miss", Related),
        ("top stories", Related),
        ("trending", Related),
        ("more great wired stories", Related),
        ("tl;dr", Other),
        ("view all", Related),
        ("see all", Related),
        ("show more", Other),
        ("load more", Other),
    ];
    if let Some(&(_, k)) = EXACT.iter().find(|(p, _)| *p == t) {
        return Some(remove(k, "stock phrase"));
    }
    const PREFIX: &[(&str, RemovedKind)] = &[
        ("read more", Related),
        ("related:", Related),
        ("see also", Related),
        ("sign up", Newsletter),
        ("subscribe", Subscription),
        ("follow us", Share),
        ("click here", Other),
        ("copyright", Copyright),
        ("©", Copyright),
        ("all rights reserved", Copyright),
        ("share on", Share),
        ("share this", Share),
        ("you may also like", Related),
        ("recommended", Related),
        ("most read", Related),
        ("most popular", Related),
        ("also read", Related),
        ("watch:", Related),
        ("photo:", Caption),
        ("image:", Caption),
        ("filed under", Tags),
        ("tags:", Tags),
        ("topics:", Tags),
        ("posted in", Tags),
        ("get the latest", Newsletter),
        ("have a tip", Other),
        ("follow the ", Share),
        ("follow @", Share),
        ("listen to this", Other),
        ("download the", Other),
    ];
    if let Some(&(_, k)) = PREFIX
        .iter()
        .find(|(p, _)| lower.starts_with(p) || t.starts_with(p))
    {
        return Some(remove(k, "stock phrase"));
    }
    None
}

/// Short blocks of promotion: newsletters, rights notices.
fn promo_phrase(b: &Block) -> Option<Verdict> {
    use RemovedKind::*;
    if b.chars > 200 {
        return None;
    }
    let lower = b.text.to_lowercase();
    const CONTAINS: &[(&str, RemovedKind)] = &[
        ("newsletter", Newsletter),
        ("in your inbox", Newsletter),
        ("sign up for", Newsletter),
        ("delivered to your", Newsletter),
        ("delivered through your", Newsletter),
        ("all rights reserved", Copyright),
        ("may not be reproduced", Copyright),
        ("registered trademark", Copyright),
        ("registered service mark", Copyright),
        ("follow us on", Share),
        ("comments are moderated", Comments),
        ("moderating all comments", Comments),
        ("leave a comment", CommentForm),
        ("leave a reply", CommentForm),
        ("add a comment", CommentForm),
    ];
    CONTAINS
        .iter()
        .find(|(p, _)| lower.contains(p))
        .map(|&(_, k)| remove(k, "promotion or notice"))
}

/// Word 4-gram set of a text (the JSON-LD body), to test blocks against.
struct ShingleSet {
    set: HashSet<u64>,
}

fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
}

fn hash_words(w: &[&str]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    w.hash(&mut h);
    h.finish()
}

impl ShingleSet {
    fn new(text: &str) -> ShingleSet {
        let words: Vec<&str> = words_of(text).collect();
        let set = words.windows(4).map(hash_words).collect();
        ShingleSet { set }
    }

    /// Share of the text's 4-grams found in the set (0 for texts under 4 words).
    fn coverage(&self, text: &str) -> f32 {
        let words: Vec<&str> = words_of(text).collect();
        if words.len() < 4 || self.set.is_empty() {
            return 0.0;
        }
        let total = words.len() - 3;
        let hit = words
            .windows(4)
            .filter(|w| self.set.contains(&hash_words(w)))
            .count();
        hit as f32 / total as f32
    }
}
