//! The block classifier: decides, for each [`Block`] of a page, whether it is article text
//! or boilerplate (and which kind), from features of the block and its neighbours, then
//! smooths the decisions over the page and fills an [`Article`].
//!
//! Front-end neutral: the text-dump grammar and the HTML block builder both produce
//! [`Block`]s and call [`classify`] then [`assemble()`] (or [`extract_blocks`] for both).
//!
//! ```text
//! blocks ─► language + stopwords (one bounded sample)
//!        ─► per block: shape (one pass), recogniser hits, neighbour window
//!        ─► logistic score per block (weights.rs, trained by examples/train_text.rs)
//!        ─► two-state Viterbi smoothing (switch cost)
//!        ─► roles: body paragraph / heading / list item, title, caption, removed kind
//!        ─► Article: body with sources, metadata, captions, removed with reasons
//! ```

mod assemble;
mod features;
mod lang;
mod learned;
mod learned_weights;
mod model;
mod shape;
mod smooth;
mod verdict;
mod weights;

use article_model::{Article, RemovedKind};

pub(crate) use assemble::assemble;
pub(crate) use features::BlockInfo;
#[cfg(any(test, feature = "training"))]
pub(crate) use features::FEATURE_NAMES;
pub(crate) use features::N_FEATURES;
pub(crate) use lang::{Acceptance, body_language, guess as guess_language};
#[cfg(feature = "training")]
pub(crate) use learned::EXTRA_NAMES;
pub(crate) use learned::{LearnedModel, N_EXTRA};
pub(crate) use smooth::viterbi;
pub(crate) use verdict::{Classified, Role};

use crate::block::Block;
use crate::limits::Limits;

/// Feature vectors of a page's blocks (for training).
#[cfg(feature = "training")]
pub(crate) fn feature_vectors(blocks: &[Block]) -> Vec<[f32; N_FEATURES]> {
    let language = lang::detect(blocks);
    let infos = features::infos(blocks, &language);
    features::vectors(blocks, &infos, &language)
}

/// Classifies a page's blocks with the shipped model.
pub(crate) fn classify(blocks: &[Block]) -> Classified {
    classify_with(blocks, model::default_model())
}

/// Classifies with explicit parameters (for training and tuning).
pub(crate) fn classify_with(blocks: &[Block], model: &model::Model) -> Classified {
    let prepared = prepare(blocks);
    let mut scores = Vec::with_capacity(blocks.len());
    features::for_each_vector(blocks, &prepared.infos, &prepared.language, |x| {
        scores.push(model.score(x));
    });
    decide(blocks, prepared, &scores, model.switch_cost)
}

/// A page's blocks ready for scoring: the page's language and what the shape pass and
/// the recognisers found in each block.
#[derive(Clone, Debug)]
pub(crate) struct Prepared {
    pub language: lang::Language,
    pub infos: Vec<BlockInfo>,
}

/// The language and block infos of a page.
pub(crate) fn prepare(blocks: &[Block]) -> Prepared {
    let language = lang::detect(blocks);
    let infos = features::infos(blocks, &language);
    Prepared { language, infos }
}

/// Calls `f` with the shared feature vector of each block in turn.
pub(crate) fn for_each_vector(
    blocks: &[Block],
    prepared: &Prepared,
    f: impl FnMut(&[f32; features::N_FEATURES]),
) {
    features::for_each_vector(blocks, &prepared.infos, &prepared.language, f);
}

/// Smooths the body scores (log-odds, one per block) over the page and decides every
/// block's role.
pub(crate) fn decide(
    blocks: &[Block],
    prepared: Prepared,
    scores: &[f32],
    switch_cost: f32,
) -> Classified {
    let Prepared { language, infos } = prepared;
    let mut body = smooth::viterbi(scores, switch_cost);
    if !body.iter().any(|&b| b) {
        // Nothing is worth the switches (a tiny page): keep the best-scoring run if it
        // scores at all, else every sentence no recogniser claims, else every such block.
        match smooth::best_run(scores) {
            Some(run) if scores[run.clone()].iter().sum::<f32>() > 0.0 => {
                for k in run {
                    body[k] = !assemble::claimed(&infos[k]);
                }
            }
            _ => {
                let free = |i: &BlockInfo| !assemble::claimed(i);
                let sentences = infos.iter().any(|i| free(i) && i.shape.terminal);
                for (k, info) in infos.iter().enumerate() {
                    body[k] = free(info) && (info.shape.terminal || !sentences);
                }
            }
        }
    }
    let verdicts = assemble::roles(blocks, &infos, scores, &body);
    Classified {
        verdicts,
        infos,
        language,
    }
}

/// Classifies `blocks` and fills `article` (body, metadata, captions, removed).
///
/// Blocks past [`Limits::max_blocks`] are not classified; they are recorded as removed.
pub(crate) fn extract_blocks(blocks: &[Block], limits: &Limits, article: &mut Article) {
    extract_blocks_with(blocks, limits, article, model::default_model());
}

/// [`extract_blocks`] with the given model.
pub(crate) fn extract_blocks_with(
    blocks: &[Block],
    limits: &Limits,
    article: &mut Article,
    model: &model::Model,
) {
    let keep = blocks.len().min(limits.max_blocks());
    let (head, tail) = blocks.split_at(keep);
    let classified = classify_with(head, model);
    assemble(head, &classified, article);
    for b in tail {
        article.removed.push(article_model::Removed::new(
            RemovedKind::Other,
            "over the block limit",
            b.text(),
            b.source(),
        ));
    }
}

/// The model type (the text front end's view of a model).
#[cfg(feature = "training")]
pub(crate) use model::Model;

/// The shipped model.
#[cfg(feature = "training")]
pub(crate) fn shipped_model() -> Model {
    *model::default_model()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(texts: &[&str]) -> Vec<Block<'static>> {
        texts.iter().filter_map(|t| Block::new(t, None)).collect()
    }

    #[test]
    fn tiny_pages_keep_their_text() {
        let b = blocks(&["A first paragraph.", "A second one."]);
        let mut a = Article::new();
        extract_blocks(&b, &Limits::default(), &mut a);
        assert_eq!(a.body(), "A first paragraph.\n\nA second one.");
    }

    #[test]
    fn block_limit_at_and_over() {
        let b = blocks(&["One paragraph of text.", "Two paragraphs of text."]);
        for (max, removed) in [(2, 0), (1, 1)] {
            let mut a = Article::new();
            extract_blocks(&b, &Limits::default().with_max_blocks(max), &mut a);
            let over = a
                .removed
                .iter()
                .filter(|r| r.reason == "over the block limit")
                .count();
            assert_eq!(over, removed, "max {max}");
        }
    }
}
