//! Stage 5, smoothing: jusText-style context rules over the first verdicts (link-dense
//! prose between anchors, bylines before the body, lists after a related marker, credit
//! lines and headings after it).

use article_model::RemovedKind;

use super::super::builder::{Doc, HtmlBlock, Kind};
use super::fate::{Fate, remove};
use super::phrases::{credit_line, head_line};

/// A kept paragraph long enough to anchor its neighbours.
fn is_anchor(b: &HtmlBlock, v: &Fate) -> bool {
    *v == Fate::Keep
        && b.kind == Kind::Paragraph
        && b.chars >= 80
        && b.link_chars * 4 < b.chars
        && !credit_line(&b.text)
}

/// Context rules over the first decisions, jusText-style.
pub(super) fn smooth(doc: &Doc<'_>, verdicts: &mut [Fate]) {
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
        let linky = matches!(verdicts.get(i), Some(Fate::Remove(RemovedKind::Related, r)) if r == "mostly link text");
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
                *v = Fate::Keep;
            }
        }
    }
    // Before the first anchor: the title, bylines and date lines.
    if let Some(first) = first_anchor {
        for i in 0..first {
            let (Some(b), Some(v)) = (blocks.get(i), verdicts.get_mut(i)) else {
                break;
            };
            if *v != Fate::Keep {
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
            Fate::Remove(RemovedKind::Related, r) if r != "mostly link text" => related_run = true,
            Fate::Keep if related_run && b.kind == Kind::ListItem => {
                *v = remove(RemovedKind::Related, "list after a related-content marker");
            }
            Fate::Keep => related_run = false,
            _ => {}
        }
    }
    // After the last anchor: credit lines.
    if let Some(last) = last_anchor {
        for i in last + 1..blocks.len() {
            let (Some(b), Some(v)) = (blocks.get(i), verdicts.get_mut(i)) else {
                break;
            };
            if *v == Fate::Keep && b.chars < 300 && credit_line(&b.text) {
                *v = remove(RemovedKind::Byline, "credit line after the body");
            }
        }
    }
}

/// Trailing headings announce what follows (related, comments): drops them.
pub(super) fn drop_trailing_headings(doc: &Doc<'_>, verdicts: &mut [Fate]) {
    for i in (0..verdicts.len()).rev() {
        match verdicts.get(i) {
            Some(Fate::Keep) => {
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
}

#[cfg(test)]
mod tests {
    use super::super::super::builder::build;
    use super::*;

    const PROSE: &str = "The council voted on Tuesday, after a long debate, to close the old harbour bridge for repairs next year.";

    /// Runs `smooth` and `drop_trailing_headings` over the blocks of `html`, every one
    /// starting with its verdict from `first` (by block index; `Keep` past its end).
    fn run(html: &str, first: &[Fate]) -> Vec<Fate> {
        let doc = build(html, 512, 10_000);
        let mut v: Vec<Fate> = (0..doc.blocks.len())
            .map(|i| first.get(i).cloned().unwrap_or(Fate::Keep))
            .collect();
        smooth(&doc, &mut v);
        drop_trailing_headings(&doc, &mut v);
        v
    }

    #[test]
    fn smoothing_table() {
        use RemovedKind::*;
        let keep = Fate::Keep;
        let linky = remove(Related, "mostly link text");
        let p = format!("<p>{PROSE}</p>");
        let cases: Vec<(String, Vec<Fate>, Vec<Fate>)> = vec![
            // Before the first anchor: title, byline, date line.
            (
                format!("<h1>Bridge</h1><p>By Jane Doe</p><p>Updated 3 March</p>{p}"),
                vec![],
                vec![
                    remove(Title, "article heading"),
                    remove(Byline, "byline before the body"),
                    remove(Timestamp, "byline or date line before the body"),
                    keep.clone(),
                ],
            ),
            // A link-dense paragraph between two anchors is prose.
            (
                format!("{p}<p><a href=/>Links</a></p>{p}"),
                vec![keep.clone(), linky.clone()],
                vec![keep.clone(), keep.clone(), keep.clone()],
            ),
            // ... but not after the last one.
            (
                format!("{p}<p><a href=/>Links</a></p>"),
                vec![keep.clone(), linky.clone()],
                vec![keep.clone(), linky.clone()],
            ),
            // A list after a related marker is related content.
            (
                format!("{p}<p>More stories</p><ul><li>One</li><li>Two</li></ul>"),
                vec![keep.clone(), remove(Related, "stock phrase")],
                vec![
                    keep.clone(),
                    remove(Related, "stock phrase"),
                    remove(Related, "list after a related-content marker"),
                    remove(Related, "list after a related-content marker"),
                ],
            ),
            // After the last anchor: credit lines and headings.
            (
                format!("{p}<p>Reporting by Jane Doe</p><h2>Most read</h2>"),
                vec![],
                vec![
                    keep.clone(),
                    remove(Byline, "credit line after the body"),
                    remove(Related, "heading after the body"),
                ],
            ),
        ];
        for (html, first, want) in &cases {
            assert_eq!(&run(html, first), want, "{html}");
        }
    }

    #[test]
    fn anchors_are_long_kept_paragraphs() {
        let html = format!("<p>{PROSE}</p><p>Short.</p><h2>{PROSE}</h2>");
        let doc = build(&html, 512, 10_000);
        let anchors: Vec<bool> = doc
            .blocks
            .iter()
            .map(|b| is_anchor(b, &Fate::Keep))
            .collect();
        assert_eq!(anchors, [true, false, false]);
        let first = doc.blocks.first().unwrap();
        assert!(!is_anchor(first, &remove(RemovedKind::Other, "x")));
    }
}
