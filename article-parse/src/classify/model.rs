//! The classifier's parameters: a logistic model over the block features, and the cost
//! of switching between body and boilerplate in the smoothing pass.

use super::features::N_FEATURES;
use super::weights::{SWITCH_COST, WEIGHTS};

/// Weights of the block classifier.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Model {
    /// One weight per feature (see `FEATURE_NAMES`); the first feature is the bias.
    pub weights: [f32; N_FEATURES],
    /// Cost of a switch between body and boilerplate in the smoothing pass.
    pub switch_cost: f32,
}

impl Model {
    /// The body score (log-odds) of a feature vector.
    pub(crate) fn score(&self, x: &[f32; N_FEATURES]) -> f32 {
        self.weights.iter().zip(x).map(|(w, v)| w * v).sum()
    }
}

/// The model shipped with the crate (trained, see `weights.rs`).
pub(crate) fn default_model() -> &'static Model {
    static SHIPPED: Model = Model {
        weights: WEIGHTS,
        switch_cost: SWITCH_COST,
    };
    &SHIPPED
}
