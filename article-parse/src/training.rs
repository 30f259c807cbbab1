//! Hooks for the training examples (feature `training`): the classifiers' features and
//! extraction with candidate weights. Not a stable API.

use article_model::Article;

use crate::block::Block;
use crate::classify::{
    self, EXTRA_NAMES, FEATURE_NAMES, LearnedModel, Model, N_FEATURES, Prepared,
};
use crate::decode::{self, Mode};
use crate::html::locate::learned::{self, Forced, Rows};
use crate::html::{self, builder, locate};

/// Names of the classifier's features, in vector order (the first is the bias, always 1).
#[must_use]
pub fn feature_names() -> &'static [&'static str] {
    FEATURE_NAMES
}

/// The feature vector of every block of a page.
#[must_use]
pub fn page_features(blocks: &[Block]) -> Vec<Vec<f32>> {
    classify::feature_vectors(blocks)
        .into_iter()
        .map(|x| x.to_vec())
        .collect()
}

/// The shipped weights and switch cost.
#[must_use]
pub fn shipped() -> (Vec<f32>, f32) {
    let m = classify::shipped_model();
    (m.weights.to_vec(), m.switch_cost)
}

/// Classifies `blocks` with candidate weights (one per feature) and switch cost, and
/// fills an article as the extractor would. Missing weights count as 0.
#[must_use]
pub fn extract_with(blocks: &[Block], weights: &[f32], switch_cost: f32) -> Article {
    let model = text_model(weights, switch_cost);
    let classified = classify::classify_with(blocks, &model);
    let mut article = Article::new();
    classify::assemble(blocks, &classified, &mut article);
    article
}

fn text_model(weights: &[f32], switch_cost: f32) -> Model {
    let mut w = [0.0f32; N_FEATURES];
    for (slot, v) in w.iter_mut().zip(weights) {
        *slot = *v;
    }
    Model {
        weights: w,
        switch_cost,
    }
}

/// Names of the learned block model's features: the shared ones, then the HTML-only ones.
#[must_use]
pub fn learned_feature_names() -> Vec<&'static str> {
    FEATURE_NAMES.iter().chain(EXTRA_NAMES).copied().collect()
}

/// Number of shared features (the text front end's part of the learned model).
#[must_use]
pub fn shared_len() -> usize {
    N_FEATURES
}

/// The shipped learned model: flat weights, text switch cost, HTML switch cost.
#[must_use]
pub fn learned_shipped() -> (Vec<f32>, f32, f32) {
    let m = LearnedModel::shipped();
    let w = m.shared.iter().chain(&m.extra).copied().collect();
    (w, m.text_switch, m.html_switch)
}

/// A text dump with its blocks and their shared features computed once.
pub struct TextPage {
    blocks: Vec<Block<'static>>,
    prepared: Prepared,
    x: Vec<[f32; N_FEATURES]>,
}

/// Prepares a text dump (raw bytes, as the extractor reads them).
#[must_use]
pub fn text_page(input: &[u8]) -> Option<TextPage> {
    let decoded = decode::decode(input, Mode::TEXT).ok()?;
    let blocks: Vec<Block<'static>> = crate::text::text_blocks(&decoded.text)
        .into_iter()
        .map(Block::into_owned)
        .collect();
    let prepared = classify::prepare(&blocks);
    let mut x = Vec::with_capacity(blocks.len());
    classify::for_each_vector(&blocks, &prepared, |v| x.push(*v));
    Some(TextPage {
        blocks,
        prepared,
        x,
    })
}

impl TextPage {
    /// The blocks' texts.
    #[must_use]
    pub fn texts(&self) -> Vec<&str> {
        self.blocks.iter().map(Block::text).collect()
    }

    /// The shared feature vector of block `k`.
    #[must_use]
    pub fn features(&self, k: usize) -> &[f32] {
        self.x.get(k).map_or(&[], |v| v.as_slice())
    }

    /// The body the text front end extracts with these shared weights and switch cost.
    #[must_use]
    pub fn body_with(&self, weights: &[f32], switch_cost: f32) -> String {
        let model = text_model(weights, switch_cost);
        let scores: Vec<f32> = self.x.iter().map(|x| model.score(x)).collect();
        let classified =
            classify::decide(&self.blocks, self.prepared.clone(), &scores, switch_cost);
        let mut article = Article::new();
        classify::assemble(&self.blocks, &classified, &mut article);
        article.body().to_owned()
    }
}

/// An HTML page with its blocks, the rules' decisions and the learned model's features.
pub struct HtmlPage {
    title: Option<String>,
    texts: Vec<String>,
    rules_keep: Vec<bool>,
    rows: Rows,
}

/// Prepares an HTML page (raw bytes, as the extractor reads them).
#[must_use]
pub fn html_page(input: &[u8]) -> Option<HtmlPage> {
    let decoded = decode::decode(input, Mode::HTML).ok()?;
    let limits = crate::Limits::default();
    let doc = builder::build(&decoded.text, limits.max_depth(), limits.max_blocks());
    let ld = html::metadata::json_ld(&doc.meta.jsonld);
    let (verdicts, rows) = locate::learned_rows(&doc, ld.body.as_deref());
    Some(HtmlPage {
        title: doc.meta.title.clone(),
        texts: doc.blocks.iter().map(|b| b.text.clone()).collect(),
        rules_keep: verdicts.iter().map(|v| *v == locate::Fate::Keep).collect(),
        rows,
    })
}

impl HtmlPage {
    /// The page's `<title>`.
    #[must_use]
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The blocks' texts.
    #[must_use]
    pub fn texts(&self) -> &[String] {
        &self.texts
    }

    /// Whether the rules (before the fallback) keep each block.
    #[must_use]
    pub fn rules_keep(&self) -> &[bool] {
        &self.rules_keep
    }

    /// What the hand rules force for block `k`: `Some(true)` kept, `Some(false)` removed,
    /// `None` left to the model.
    #[must_use]
    pub fn forced(&self, k: usize) -> Option<bool> {
        match self.rows.forced.get(k) {
            Some(Forced::Keep) => Some(true),
            Some(Forced::Remove) => Some(false),
            _ => None,
        }
    }

    /// The learned model's features of block `k` (shared, then HTML-only).
    #[must_use]
    pub fn features(&self, k: usize) -> Vec<f32> {
        let mut v = Vec::new();
        if let (Some(s), Some(e)) = (self.rows.shared.get(k), self.rows.extra.get(k)) {
            v.extend_from_slice(s);
            v.extend_from_slice(e);
        }
        v
    }

    /// Which blocks the learned model keeps with these flat weights and HTML switch cost,
    /// as the extractor decides them (the rules' decisions when the model keeps nothing).
    #[must_use]
    pub fn keep_with(&self, weights: &[f32], html_switch: f32) -> Vec<bool> {
        let model = LearnedModel::from_flat(weights, 1.0, html_switch);
        learned::keep(&self.rows, &model).unwrap_or_else(|| self.rules_keep.clone())
    }
}
