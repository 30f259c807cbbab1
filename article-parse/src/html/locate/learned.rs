//! Stage 6 with the learned block model (`BlockModel::Learned`): the locator proposes, the
//! model decides per block.
//!
//! Every block gets the shared block features (the ones a text dump's blocks have, from
//! the shared classifier) and the HTML-only ones: what the rules above decided (kept,
//! softly or strongly removed), whether it sits in the article container, JSON-LD
//! coverage, negative, body and sidebar ancestors, depth, link, form, page-chrome, figure
//! and table context, its element kind, and the locator's decisions around it. The
//! learned logistic model scores each block and a two-state Viterbi pass smooths the
//! scores over the page. Hand rules stay where they are certain: hidden elements,
//! comment forms and figure captions stay removed, and prose that a full JSON-LD
//! `articleBody` holds stays kept; those blocks are left out of the smoothing.
//!
//! When the model keeps nothing, the rules' decisions stand (an empty body is the
//! worst answer).

use std::borrow::Cow;

use article_model::RemovedKind;

use super::super::builder::{Doc, HtmlBlock, Kind, NO_NODE, cx, nf};
use super::container::Container;
use super::fate::{Fate, strong};
use super::json;
use super::signals::NodeInfo;
use crate::block::{Block, BlockHint};
use crate::classify::{self, LearnedModel, N_EXTRA, N_FEATURES};

/// A block the hand rules decide for certain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Forced {
    /// Left to the model.
    Free,
    /// Kept (prose of a full JSON-LD body).
    Keep,
    /// Removed as the rules said (hidden, comment form, caption).
    Remove,
}

/// The features of every block of a page, and what the hand rules force.
#[derive(Clone, Debug, Default)]
pub(crate) struct Rows {
    pub shared: Vec<[f32; N_FEATURES]>,
    pub extra: Vec<[f32; N_EXTRA]>,
    pub forced: Vec<Forced>,
}

fn flag(b: bool) -> f32 {
    f32::from(u8::from(b))
}

/// The shared-feature view of an HTML block (its text is normalised by the builder).
fn shared_block(b: &HtmlBlock) -> Block<'_> {
    let hint = match b.kind {
        Kind::Heading(l) => BlockHint::Heading(l),
        Kind::ListItem => BlockHint::ListItem,
        Kind::Quote => BlockHint::Quote,
        Kind::Pre => BlockHint::Preformatted,
        Kind::TableRow => BlockHint::TableRow,
        Kind::Caption => BlockHint::Caption,
        Kind::Paragraph => BlockHint::Paragraph,
    };
    let text = if b.text.is_empty() {
        "-"
    } else {
        b.text.as_str()
    };
    let density = if b.chars == 0 {
        0.0
    } else {
        b.link_chars as f32 / b.chars as f32
    };
    Block::from_normalized(Cow::Borrowed(text), None)
        .with_hint(hint)
        .with_link_density(density)
}

/// Computes the rows of `doc` from the signals and the rules' verdicts.
pub(super) fn rows(
    doc: &Doc<'_>,
    info: &[NodeInfo],
    container: &Container,
    in_json: &[f32],
    json_body: Option<&str>,
    verdicts: &[Fate],
) -> Rows {
    let blocks: Vec<Block<'_>> = doc.blocks.iter().map(shared_block).collect();
    let prepared = classify::prepare(&blocks);
    let mut shared = Vec::with_capacity(blocks.len());
    classify::for_each_vector(&blocks, &prepared, |x| shared.push(*x));
    // Per node: a body-marked element at or above it (parents precede children).
    let mut body_up = vec![false; doc.nodes.len()];
    for (i, node) in doc.nodes.iter().enumerate() {
        let own = node.flags & nf::ARTICLE_BODY != 0 || info.get(i).is_some_and(|x| x.sig.body);
        let up = body_up.get(node.parent as usize).copied().unwrap_or(false);
        body_up[i] = own || up;
    }
    let json_full = json::is_full(json_body);
    let has_json = json_body.is_some_and(|j| !j.trim().is_empty());
    let keep: Vec<f32> = verdicts.iter().map(|v| flag(*v == Fate::Keep)).collect();
    let ctr_chars = info.get(container.node as usize).map_or(0, |c| c.chars);
    let n = doc.blocks.len();
    let mut extra = Vec::with_capacity(n);
    let mut forced = Vec::with_capacity(n);
    for (k, (b, v)) in doc.blocks.iter().zip(verdicts).enumerate() {
        let ni = info.get(b.node as usize);
        let jc = in_json.get(k).copied().unwrap_or(0.0);
        let in_container =
            container.node != NO_NODE && container.depth_of(doc, info, b.node).is_some();
        let (soft, hard) = match v {
            Fate::Remove(kind, _) => (!strong(*kind), strong(*kind)),
            Fate::Caption => (false, true),
            Fate::Keep => (false, false),
        };
        let window = |lo: usize, hi: usize| {
            let (mut s, mut c) = (0.0f32, 0.0f32);
            for (j, v) in keep.iter().enumerate().take(hi.min(n)).skip(lo) {
                if j != k {
                    s += v;
                    c += 1.0;
                }
            }
            if c > 0.0 { s / c } else { 0.0 }
        };
        let node_chars = ni.map_or(0, |x| x.chars);
        extra.push([
            1.0,
            keep[k],
            flag(soft),
            flag(hard),
            flag(in_container),
            flag(container.node == NO_NODE),
            jc,
            flag(has_json),
            flag(ni.is_some_and(|x| x.neg_up != NO_NODE)),
            flag(ni.is_some_and(|x| x.in_side)),
            flag(body_up.get(b.node as usize).copied().unwrap_or(false)),
            flag(ni.is_some_and(|x| x.sig.positive)),
            (1.0 + ni.map_or(0, |x| x.depth) as f32).ln(),
            flag(b.ctx & cx::LINK != 0),
            flag(b.ctx & cx::FORM != 0),
            flag(b.ctx & (cx::NAV | cx::HEADER | cx::FOOTER | cx::ASIDE) != 0),
            flag(b.ctx & (cx::FIGURE | cx::CAPTION) != 0),
            flag(b.ctx & cx::TABLE != 0),
            flag(matches!(b.kind, Kind::Heading(_))),
            flag(b.kind == Kind::ListItem),
            flag(matches!(b.kind, Kind::Quote | Kind::Pre)),
            window(k.saturating_sub(3), k + 4),
            if k > 0 { keep[k - 1] } else { 0.0 },
            keep.get(k + 1).copied().unwrap_or(0.0),
            if ctr_chars == 0 {
                0.0
            } else {
                (node_chars as f32 / ctr_chars as f32).min(1.0)
            },
        ]);
        let certain_remove = matches!(
            v,
            Fate::Caption
                | Fate::Remove(
                    RemovedKind::Hidden | RemovedKind::CommentForm | RemovedKind::Caption,
                    _
                )
        );
        let certain_keep = json_full && jc > 0.8 && b.chars >= 40 && b.kind != Kind::Caption;
        forced.push(if certain_remove {
            Forced::Remove
        } else if certain_keep {
            Forced::Keep
        } else {
            Forced::Free
        });
    }
    Rows {
        shared,
        extra,
        forced,
    }
}

/// Which blocks the model keeps (`None`: it keeps nothing, the rules stand).
pub(crate) fn keep(rows: &Rows, model: &LearnedModel) -> Option<Vec<bool>> {
    let free: Vec<usize> = (0..rows.forced.len())
        .filter(|&k| rows.forced[k] == Forced::Free)
        .collect();
    let scores: Vec<f32> = free
        .iter()
        .map(|&k| model.html_score(&rows.shared[k], &rows.extra[k]))
        .collect();
    let path = classify::viterbi(&scores, model.html_switch);
    let mut out: Vec<bool> = rows.forced.iter().map(|f| *f == Forced::Keep).collect();
    for (&k, &b) in free.iter().zip(&path) {
        out[k] = b;
    }
    out.iter().any(|&b| b).then_some(out)
}

/// Replaces the rules' verdicts by the model's decisions; returns how many changed.
pub(super) fn apply(rows: &Rows, model: &LearnedModel, verdicts: &mut [Fate]) -> usize {
    let Some(keep) = keep(rows, model) else {
        return 0;
    };
    let mut changed = 0;
    for (k, v) in verdicts.iter_mut().enumerate() {
        if rows.forced.get(k) != Some(&Forced::Free) {
            continue;
        }
        let body = keep.get(k).copied().unwrap_or(false);
        let was_kept = *v == Fate::Keep;
        if body == was_kept {
            continue;
        }
        changed += 1;
        let why = model.explain(&rows.shared[k], &rows.extra[k], body);
        *v = if body {
            Fate::Keep
        } else {
            Fate::Remove(RemovedKind::Other, format!("learned block model: {why}"))
        };
    }
    // Removals the model agrees with keep the rules' kind and reason.
    changed
}

#[cfg(test)]
mod tests {
    use super::super::super::builder::build;
    use super::super::locate;
    use super::*;

    const PROSE: &str = "The council voted on Tuesday, after a long debate, to close the old harbour bridge for repairs next year.";

    fn page() -> String {
        let p = format!("<p>{PROSE}</p>");
        format!(
            "<body><nav><ul><li><a href=/>Home</a></li></ul></nav>\
             <article id=story class=post>{p}{p}<p hidden>{PROSE}</p>\
             <figure><figcaption>The bridge at dawn.</figcaption></figure>{p}</article>\
             <footer><p>Copyright 2024 Daily Wire</p></footer></body>"
        )
    }

    fn bias(b: f32) -> LearnedModel {
        let mut m = LearnedModel::from_flat(&[], 1.0, 1.0);
        m.shared[0] = b;
        m
    }

    #[test]
    fn a_model_that_keeps_nothing_leaves_the_rules_decisions() {
        let html = page();
        let doc = build(&html, 512, 10_000);
        let rules = locate(&doc, None, None, None);
        let learned = locate(&doc, None, None, Some(&bias(-100.0)));
        // The fallback does not fire on this page, so the rules' verdicts are the same.
        assert_eq!(learned, rules);
    }

    #[test]
    fn the_model_decides_free_blocks_and_hand_rules_stay() {
        let html = page();
        let doc = build(&html, 512, 10_000);
        let verdicts = locate(&doc, None, None, Some(&bias(100.0)));
        let texts: Vec<(&str, &Fate)> = doc
            .blocks
            .iter()
            .map(|b| b.text.as_str())
            .zip(&verdicts)
            .collect();
        for (text, v) in &texts {
            let hidden_or_caption = matches!(
                v,
                Fate::Caption | Fate::Remove(RemovedKind::Hidden | RemovedKind::Caption, _)
            );
            if *text == "The bridge at dawn." {
                assert!(hidden_or_caption, "{text}: {v:?}");
            } else if !hidden_or_caption {
                // Every free block is kept by a model that scores everything as body,
                // the menu and the footer included.
                assert_eq!(**v, Fate::Keep, "{text}");
            }
        }
        assert!(
            verdicts
                .iter()
                .any(|v| matches!(v, Fate::Remove(RemovedKind::Hidden, _))),
            "{texts:?}"
        );
        let nav = texts.iter().find(|(t, _)| *t == "Home").unwrap();
        assert_eq!(*nav.1, Fate::Keep);
    }

    #[test]
    fn removals_by_the_model_say_why() {
        let numbers = "In 2023, 1,250 cars, 340 bicycles and 75 buses crossed the bridge each day, the council said.";
        let p = format!("<p>{PROSE}</p>");
        let html = format!("<body><article>{p}<p>{numbers}</p>{p}{p}</article></body>");
        let doc = build(&html, 512, 10_000);
        assert!(
            locate(&doc, None, None, None)
                .iter()
                .all(|v| *v == Fate::Keep)
        );
        // Digits weigh heavily against the body; everything else is body.
        let mut m = bias(5.0);
        let digits = crate::classify::FEATURE_NAMES
            .iter()
            .position(|n| *n == "digit_ratio")
            .unwrap();
        m.shared[digits] = -500.0;
        let verdicts = locate(&doc, None, None, Some(&m));
        let k = doc.blocks.iter().position(|b| b.text == numbers).unwrap();
        match &verdicts[k] {
            Fate::Remove(RemovedKind::Other, why) => {
                assert!(
                    why.starts_with("learned block model: digit ratio 0."),
                    "{why}"
                );
            }
            v => panic!("kept: {v:?}"),
        }
        let kept = verdicts.iter().filter(|v| **v == Fate::Keep).count();
        assert_eq!(kept, doc.blocks.len() - 1);
    }
}
