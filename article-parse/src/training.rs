//! Hooks for the training example (feature `training`): the classifier's features and
//! extraction with candidate weights. Not a stable API.

use article_model::Article;

use crate::block::Block;
use crate::classify::{self, FEATURE_NAMES, Model, N_FEATURES};

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
    let mut w = [0.0f32; N_FEATURES];
    for (slot, v) in w.iter_mut().zip(weights) {
        *slot = *v;
    }
    let model = Model {
        weights: w,
        switch_cost,
    };
    let classified = classify::classify_with(blocks, &model);
    let mut article = Article::new();
    classify::assemble(blocks, &classified, &mut article);
    article
}
