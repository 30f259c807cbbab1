//! Stage 4, verdicts: the first decision on every block, from its place (hidden, in the
//! JSON-LD body, outside the container, below a negative element) and its text (stock
//! phrases, boilerplate lines, link density).

use article_model::RemovedKind;

use super::super::builder::{Doc, HtmlBlock, Kind, NO_NODE, cx};
use super::super::tags::Tag;
use super::container::Container;
use super::fate::{Fate, remove};
use super::json;
use super::phrases::{promo_phrase, stock_phrase};
use super::signals::NodeInfo;

/// The first verdict on every block of `doc`.
pub(super) fn decide(
    doc: &Doc<'_>,
    info: &[NodeInfo],
    container: &Container,
    in_json: &[f32],
    json_body: Option<&str>,
) -> Vec<Fate> {
    let ctr_good = info
        .get(container.node as usize)
        .map_or(0, |c| c.good_chars);
    let json_full = json::is_full(json_body);
    doc.blocks
        .iter()
        .zip(in_json)
        .map(|(b, &jc)| {
            use RemovedKind::*;
            if b.ctx & (cx::HIDDEN | cx::INVISIBLE) != 0 {
                return remove(Hidden, "hidden element");
            }
            // Prose the page's own JSON-LD `articleBody` holds is article wherever it sits.
            if json_full && jc > 0.8 && b.chars >= 40 && b.kind != Kind::Caption {
                return Fate::Keep;
            }
            let Some(cdepth) = container.depth_of(doc, info, b.node) else {
                // A "negative" element that also holds the article container names a
                // layout (`<div class="rail-layout__body">`), not boilerplate.
                let why = info
                    .get(b.node as usize)
                    .filter(|ni| !container.encloses(ni.neg_up))
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
                return Fate::Caption;
            }
            if jc > 0.8 {
                return Fate::Keep;
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
                    if (neg.depth > cdepth || container.node == NO_NODE) && !holds_body {
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
            Fate::Keep
        })
        .collect()
}

/// Names the kind of a block outside the article that no element marks.
fn outside_kind(b: &HtmlBlock) -> Fate {
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

/// `reason: <div class="...">` for people.
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

#[cfg(test)]
mod tests {
    use super::super::super::builder::build;
    use super::super::score::{add_scores, top};
    use super::super::signals::{add_totals, node_infos};
    use super::*;

    const PROSE: &str = "The council voted on Tuesday, after a long debate, to close the old harbour bridge for repairs next year.";

    /// (text, verdict) of every block of `html`, with no JSON-LD body.
    fn verdicts(html: &str) -> Vec<(String, Fate)> {
        let doc = build(html, 512, 10_000);
        let in_json = json::coverage(&doc, None);
        let mut info = node_infos(&doc);
        add_totals(&doc, &mut info, &in_json);
        add_scores(&doc, &mut info, &in_json);
        let c = Container::find(&doc, &info, top(&doc, &info, &in_json, None));
        let v = decide(&doc, &info, &c, &in_json, None);
        doc.blocks.iter().map(|b| b.text.clone()).zip(v).collect()
    }

    #[test]
    fn verdict_table() {
        use RemovedKind::*;
        let article = format!("<div class=story><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>");
        // (block inside the article, verdict)
        let inside: &[(&str, Fate)] = &[
            ("<p>Short line of prose.</p>", Fate::Keep),
            (
                "<figure><figcaption>The bridge at dusk.</figcaption></figure>",
                Fate::Caption,
            ),
            (
                "<p hidden>Hidden line.</p>",
                remove(Hidden, "hidden element"),
            ),
            (
                "<p>Advertisement</p>",
                remove(Advertisement, "stock phrase"),
            ),
            (
                "<p>Sign up for our newsletter today</p>",
                remove(Newsletter, "stock phrase"),
            ),
            (
                "<p>Get the morning newsletter</p>",
                remove(Newsletter, "promotion or notice"),
            ),
            ("<p>***</p>", remove(Other, "no words")),
            (
                "<p><a href=/a>Harbour</a> <a href=/b>Bridge</a></p>",
                remove(Related, "mostly link text"),
            ),
            (
                "<div class=share-tools><p>Post it</p></div>",
                remove(Share, "share class: <div class=\"share-tools\">"),
            ),
        ];
        for (block, want) in inside {
            let html = format!("<body>{article}{block}</div></body>");
            let got = verdicts(&html);
            let last = got.last().unwrap();
            assert_eq!(&last.1, want, "{block}: {got:?}");
            assert!(got[..3].iter().all(|(_, v)| *v == Fate::Keep), "{got:?}");
        }
        // (block outside the article, verdict)
        let outside: &[(&str, Fate)] = &[
            ("<nav><p>Home</p></nav>", remove(Navigation, "in <nav>")),
            ("<h1>The bridge closes</h1>", remove(Title, "page heading")),
            (
                "<p>Short line of prose.</p>",
                remove(Other, "outside the article container"),
            ),
            (
                "<p><a href=/a>Harbour news</a></p>",
                remove(Related, "links outside the article"),
            ),
            ("<p>Read more</p>", remove(Related, "stock phrase")),
        ];
        for (block, want) in outside {
            let html = format!("<body>{block}<div>{article}</div></div></body>");
            let got = verdicts(&html);
            assert_eq!(&got[0].1, want, "{block}: {got:?}");
        }
    }

    #[test]
    fn describe_names_the_element() {
        let doc = build(
            "<div id=side class=\"rail related\"><p>x</p></div><p>y</p>",
            512,
            10_000,
        );
        let side = u32::try_from(doc.nodes.iter().position(|n| n.id == "side").unwrap()).unwrap();
        assert_eq!(
            describe(&doc, side, "related-content class"),
            "related-content class: <div id=\"side\" class=\"rail related\">"
        );
        assert_eq!(describe(&doc, NO_NODE, "in <nav>"), "in <nav>");
    }
}
