//! The learned block model shared by both front ends: one logistic model over the
//! shared block features (`features.rs`, what a block means in a text dump and in HTML
//! alike) plus the features only the HTML front end has (`EXTRA_NAMES`: what the article
//! locator proposed, the element path and context), then a two-state Viterbi pass per
//! front end. Trained by `examples/train_blocks.rs` on `../shared/data/extraction/train/`
//! with every setting chosen by leave-one-source-out; the weights are generated
//! constants (`learned_weights.rs`).

use super::features::{FEATURE_NAMES, N_FEATURES};
use super::learned_weights::{EXTRA, HTML_SWITCH, SHARED, TEXT_SWITCH};
use super::model::Model;

/// Names of the HTML-only features, in vector order (after the shared ones).
pub(crate) const EXTRA_NAMES: &[&str] = &[
    "html",
    "locator_keep",
    "locator_soft_removal",
    "locator_strong_removal",
    "in_container",
    "no_container",
    "json_coverage",
    "json_body_on_page",
    "negative_ancestor",
    "in_sidebar",
    "body_ancestor",
    "positive_class",
    "ln_depth",
    "in_link",
    "in_form",
    "in_page_chrome",
    "in_figure",
    "in_table",
    "heading",
    "list_item_element",
    "quote_element",
    "near_locator_keep",
    "prev_locator_keep",
    "next_locator_keep",
    "container_share",
];

/// Number of HTML-only features.
pub(crate) const N_EXTRA: usize = EXTRA_NAMES.len();

/// The learned model: shared weights, HTML-only weights, and a switch cost per front end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct LearnedModel {
    /// One weight per shared feature (`FEATURE_NAMES`; the first is the bias).
    pub shared: [f32; N_FEATURES],
    /// One weight per HTML-only feature (`EXTRA_NAMES`).
    pub extra: [f32; N_EXTRA],
    /// Cost of a switch between body and boilerplate over a text dump's blocks.
    pub text_switch: f32,
    /// The same over an HTML page's blocks.
    pub html_switch: f32,
}

impl LearnedModel {
    /// The shipped model (see `learned_weights.rs`).
    pub(crate) fn shipped() -> &'static LearnedModel {
        static SHIPPED: LearnedModel = LearnedModel {
            shared: SHARED,
            extra: EXTRA,
            text_switch: TEXT_SWITCH,
            html_switch: HTML_SWITCH,
        };
        &SHIPPED
    }

    /// The model from one flat weight vector (shared then HTML-only; missing weights
    /// count as 0) and the two switch costs.
    #[cfg(any(test, feature = "training"))]
    pub(crate) fn from_flat(weights: &[f32], text_switch: f32, html_switch: f32) -> LearnedModel {
        let mut shared = [0.0f32; N_FEATURES];
        let mut extra = [0.0f32; N_EXTRA];
        for (slot, v) in shared.iter_mut().chain(extra.iter_mut()).zip(weights) {
            *slot = *v;
        }
        LearnedModel {
            shared,
            extra,
            text_switch,
            html_switch,
        }
    }

    /// The text front end's view: the shared weights and the text switch cost.
    pub(crate) fn text_model(&self) -> Model {
        Model {
            weights: self.shared,
            switch_cost: self.text_switch,
        }
    }

    /// The body score (log-odds) of an HTML block.
    pub(crate) fn html_score(&self, shared: &[f32; N_FEATURES], extra: &[f32; N_EXTRA]) -> f32 {
        let a: f32 = self.shared.iter().zip(shared).map(|(w, v)| w * v).sum();
        let b: f32 = self.extra.iter().zip(extra).map(|(w, v)| w * v).sum();
        a + b
    }

    /// A reason a person can read for a learned decision: the features that pushed the
    /// score the most in the decision's direction (`body` true: towards body), with their
    /// values, such as `"link density 0.80, in page chrome, locator strong removal"`.
    pub(crate) fn explain(
        &self,
        shared: &[f32; N_FEATURES],
        extra: &[f32; N_EXTRA],
        body: bool,
    ) -> String {
        let mut parts: Vec<(f32, &str, f32)> = Vec::with_capacity(N_FEATURES + N_EXTRA);
        let names = FEATURE_NAMES.iter().chain(EXTRA_NAMES);
        let weights = self.shared.iter().chain(&self.extra);
        let values = shared.iter().chain(extra);
        for ((name, w), x) in names.zip(weights).zip(values) {
            if matches!(*name, "bias" | "html") || *x == 0.0 {
                continue;
            }
            let c = w * x;
            let towards = if body { c } else { -c };
            if towards > 0.0 {
                parts.push((towards, name, *x));
            }
        }
        parts.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        let mut out = String::new();
        for (_, name, x) in parts.iter().take(3) {
            if !out.is_empty() {
                out.push_str(", ");
            }
            out.push_str(&name.replace('_', " "));
            if *x != 1.0 {
                out.push_str(&format!(" {x:.2}"));
            }
        }
        if out.is_empty() {
            out.push_str("low score");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explain_names_the_strongest_features() {
        let mut m = LearnedModel::from_flat(&[], 1.0, 1.0);
        let link = FEATURE_NAMES
            .iter()
            .position(|n| *n == "link_density")
            .unwrap();
        m.shared[link] = -4.0;
        m.extra[3] = -2.0; // locator_strong_removal
        m.extra[1] = 3.0; // locator_keep (0 here: not named)
        let mut shared = [0.0f32; N_FEATURES];
        shared[0] = 1.0;
        shared[link] = 0.8;
        let mut extra = [0.0f32; N_EXTRA];
        extra[3] = 1.0;
        assert_eq!(
            m.explain(&shared, &extra, false),
            "link density 0.80, locator strong removal"
        );
        assert_eq!(m.explain(&shared, &extra, true), "low score");
    }
}
