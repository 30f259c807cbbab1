//! A training document: tokens, sentences and gold tags; entity-level F1 against them.

use std::ops::Range;

use super::super::tags::{self, from_iob};
use crate::conll;

/// A document of a CoNLL file, its gold tags as tag ids.
pub(super) struct TrainDoc {
    pub(super) tokens: Vec<String>,
    pub(super) sents: Vec<Range<usize>>,
    pub(super) gold: Vec<u8>,
}

impl TrainDoc {
    /// A document of a CoNLL file, its tags read per sentence.
    pub(super) fn from_conll(doc: &conll::Document<'_>) -> TrainDoc {
        let mut gold = Vec::with_capacity(doc.tokens().len());
        for s in doc.sentences() {
            gold.extend(from_iob(&doc.tags()[s.clone()]));
        }
        TrainDoc {
            tokens: doc.tokens().iter().map(|t| (*t).to_string()).collect(),
            sents: doc.sentences().to_vec(),
            gold,
        }
    }
}
/// Global token range of each sentence, with its document.
pub(super) fn sentence_index(docs: &[TrainDoc]) -> Vec<(usize, Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    let mut base = 0;
    for (d, doc) in docs.iter().enumerate() {
        for s in &doc.sents {
            out.push((d, base + s.start..base + s.end, s.clone()));
        }
        base += doc.tokens.len();
    }
    out
}
/// Entity-level F1 (exact span and type) of predictions against the gold tags.
pub(super) fn f1(docs: &[TrainDoc], pred: &[Vec<u8>]) -> (f64, f64, f64) {
    let (mut correct, mut guessed, mut gold) = (0usize, 0usize, 0usize);
    for (doc, p) in docs.iter().zip(pred) {
        for s in &doc.sents {
            let g = tags::spans(&doc.gold[s.clone()]);
            let q = tags::spans(&p[s.clone()]);
            gold += g.len();
            guessed += q.len();
            correct += q.iter().filter(|e| g.contains(e)).count();
        }
    }
    let pr = correct as f64 / guessed.max(1) as f64;
    let re = correct as f64 / gold.max(1) as f64;
    let f = if pr + re > 0.0 {
        2.0 * pr * re / (pr + re)
    } else {
        0.0
    };
    (100.0 * f, 100.0 * pr, 100.0 * re)
}
