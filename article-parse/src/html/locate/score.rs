//! Stage 2, score: Readability-style paragraph scores credited to their containers, and
//! the element that scores best (or the smallest one holding the JSON-LD body).

use super::super::builder::{Doc, Kind, NO_NODE, nf};
use super::super::tags::Tag;
use super::json;
use super::signals::{NodeInfo, is_good};

/// Credits every prose block of 25 chars or more, `1 + commas + min(chars / 100, 3)`
/// (3 more when the JSON-LD body holds it, half for a list item), to its container and,
/// less, to the next three ancestors.
pub(super) fn add_scores(doc: &Doc<'_>, info: &mut [NodeInfo], in_json: &[f32]) {
    for (b, &jc) in doc.blocks.iter().zip(in_json) {
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
}

/// The score of node `i`: its raw score scaled by its share of non-link text, moved by
/// its class words, body marks, tag and place in a sidebar (0 for a node never credited).
pub(super) fn final_score(doc: &Doc<'_>, info: &[NodeInfo], i: usize) -> f32 {
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
}

/// The best-scoring node; when the page's JSON-LD body is full and matches enough of
/// the page, the deepest node holding nine tenths of the blocks it holds instead.
/// [`NO_NODE`] when nothing scored.
pub(super) fn top(
    doc: &Doc<'_>,
    info: &[NodeInfo],
    in_json: &[f32],
    json_body: Option<&str>,
) -> u32 {
    let mut top = NO_NODE;
    let mut best = 0.0f32;
    for i in 0..info.len() {
        let s = final_score(doc, info, i);
        if s > best {
            best = s;
            top = u32::try_from(i).unwrap_or(NO_NODE);
        }
    }
    // JSON-LD: the smallest node holding most of the blocks found in articleBody.
    if let Some(total_json) = doc
        .blocks
        .iter()
        .zip(in_json)
        .filter(|(_, j)| **j > 0.5)
        .map(|(b, _)| b.chars)
        .reduce(|a, b| a + b)
    {
        // A truncated JSON-LD body (a teaser ending in "...") must not shrink the article.
        let json_len = json::body_len(json_body);
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
    top
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

#[cfg(test)]
mod tests {
    use super::super::super::builder::build;
    use super::super::signals::{add_totals, node_infos};
    use super::*;

    const PROSE: &str = "The council voted on Tuesday, after a long debate, to close the old harbour bridge for repairs next year.";

    /// The id of the top node of `html`, with every stage before it run.
    fn top_id(html: &str, json_body: Option<&str>) -> String {
        let doc = build(html, 512, 10_000);
        let in_json = json::coverage(&doc, json_body);
        let mut info = node_infos(&doc);
        add_totals(&doc, &mut info, &in_json);
        add_scores(&doc, &mut info, &in_json);
        let t = top(&doc, &info, &in_json, json_body);
        doc.nodes
            .get(t as usize)
            .map_or("-".into(), |n| n.id.to_owned())
    }

    #[test]
    fn top_table() {
        let p = format!("<p>{PROSE}</p>");
        let cases: Vec<(String, &str)> = vec![
            (format!("<div id=a>{p}{p}</div><div id=b>{p}</div>"), "a"),
            // A paragraph's score goes to its container, not to the `<p>`.
            (format!("<div id=a><p id=p>{PROSE}</p></div>"), "a"),
            // Body marks and class words move the score.
            (
                format!("<div id=a>{p}{p}</div><div id=b itemprop=articleBody>{p}</div>"),
                "b",
            ),
            (
                format!("<div id=a>{p}{p}{p}</div><div id=b class=entry-content>{p}</div>"),
                "b",
            ),
            // Sidebars and list items lose.
            (
                format!("<div id=a>{p}</div><aside><div id=b>{p}{p}</div></aside>"),
                "a",
            ),
            (
                format!("<div id=a>{p}</div><ul id=b><li>{PROSE}</li><li>{PROSE}</li></ul>"),
                "a",
            ),
            // Short blocks and links do not score.
            ("<div id=a><p>Too short to count.</p></div>".into(), "-"),
            (format!("<div id=a><p><a href=/>{PROSE}</a></p></div>"), "-"),
        ];
        for (html, want) in &cases {
            assert_eq!(top_id(html, None), *want, "{html}");
        }
    }

    #[test]
    fn json_body_picks_the_deepest_holder() {
        let para = |i: usize| {
            format!(
                "Paragraph {i} of the story tells how the council voted on the bridge, and why the work costs more."
            )
        };
        let body: Vec<String> = (0..12).map(para).collect();
        let inner: String = body.iter().map(|t| format!("<p>{t}</p>")).collect();
        let teaser = format!("<p>{PROSE}</p>").repeat(16);
        let html = format!(
            "<div id=page><div id=teasers class=entry-content>{teaser}</div><div id=wrap><div id=story>{inner}</div></div></div>"
        );
        let json = body.join("\n\n");
        assert_eq!(top_id(&html, None), "teasers");
        assert_eq!(top_id(&html, Some(&json)), "story");
        // A teaser body is no evidence.
        assert_eq!(top_id(&html, Some(&para(0))), "teasers");
    }

    #[test]
    fn container_of_skips_inline_and_paragraph_elements() {
        let doc = build(
            "<div id=d><p id=p>x</p><ul id=u><li id=l>y</li></ul></div>",
            512,
            10_000,
        );
        let idx =
            |id: &str| u32::try_from(doc.nodes.iter().position(|n| n.id == id).unwrap()).unwrap();
        assert_eq!(container_of(&doc, idx("p")), idx("d"));
        assert_eq!(container_of(&doc, idx("l")), idx("u"));
        assert_eq!(container_of(&doc, idx("d")), idx("d"));
    }
}
