//! The averaged perceptron over dense feature ids, its ensembles, and prediction with
//! its weights.

// Float arithmetic of training (weights, cluster vectors), never offsets.
#![allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]

use std::ops::Range;

use super::super::tags::NT;
use super::super::viterbi::{Trans, viterbi};
use super::doc::{TrainDoc, sentence_index};
use super::encode::Encoded;

/// Averaged perceptron over dense feature ids.
pub(super) struct Perceptron {
    pub(super) w: Vec<f32>,
    pub(super) u: Vec<f64>,
    pub(super) tw: Trans,
    pub(super) tu: Vec<f64>,
    pub(super) c: f64,
}

impl Perceptron {
    pub(super) fn new(n: usize) -> Perceptron {
        Perceptron {
            w: vec![0.0; n * NT],
            u: vec![0.0; n * NT],
            tw: Trans::default(),
            tu: vec![0.0; NT * NT + 2 * NT],
            c: 1.0,
        }
    }

    pub(super) fn emissions(w: &[f32], enc: &Encoded, toks: Range<usize>, em: &mut Vec<[f32; NT]>) {
        em.clear();
        for t in toks {
            let mut e = [0f32; NT];
            for &id in &enc.ids[enc.off[t]..enc.off[t + 1]] {
                let r = id as usize * NT;
                for (a, &v) in e.iter_mut().zip(&w[r..r + NT]) {
                    *a += v;
                }
            }
            em.push(e);
        }
    }

    pub(super) fn bump_trans(&mut self, idx: usize, d: f32) {
        let (t, u) = (&mut self.tw, &mut self.tu);
        let cell = if idx < NT * NT {
            &mut t.trans[idx / NT][idx % NT]
        } else if idx < NT * NT + NT {
            &mut t.start[idx - NT * NT]
        } else {
            &mut t.end[idx - NT * NT - NT]
        };
        *cell += d;
        u[idx] += self.c * f64::from(d);
    }

    /// One update on a sentence (global token range `toks`, gold tags).
    pub(super) fn learn(
        &mut self,
        enc: &Encoded,
        toks: Range<usize>,
        gold: &[u8],
        em: &mut Vec<[f32; NT]>,
        back: &mut Vec<[u8; NT]>,
        pred: &mut Vec<u8>,
    ) {
        Perceptron::emissions(&self.w, enc, toks.clone(), em);
        pred.clear();
        pred.resize(gold.len(), 0);
        viterbi(em, &self.tw, &[], back, pred);
        if pred[..] != gold[..] {
            for (k, t) in toks.clone().enumerate() {
                if pred[k] == gold[k] {
                    continue;
                }
                let (g, p) = (usize::from(gold[k]), usize::from(pred[k]));
                for &id in &enc.ids[enc.off[t]..enc.off[t + 1]] {
                    let r = id as usize * NT;
                    self.w[r + g] += 1.0;
                    self.u[r + g] += self.c;
                    self.w[r + p] -= 1.0;
                    self.u[r + p] -= self.c;
                }
            }
            let n = gold.len();
            for seq_sign in [(gold, 1.0f32), (&pred[..], -1.0f32)] {
                let (seq, d) = seq_sign;
                self.bump_trans(NT * NT + usize::from(seq[0]), d);
                self.bump_trans(NT * NT + NT + usize::from(seq[n - 1]), d);
                for k in 1..n {
                    self.bump_trans(usize::from(seq[k - 1]) * NT + usize::from(seq[k]), d);
                }
            }
        }
        self.c += 1.0;
    }

    pub(super) fn averaged(&self) -> (Vec<f32>, Trans) {
        let inv = 1.0 / self.c;
        let w = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (f64::from(w) - u * inv) as f32)
            .collect();
        let mut t = self.tw.clone();
        for idx in 0..NT * NT + 2 * NT {
            let cell = if idx < NT * NT {
                &mut t.trans[idx / NT][idx % NT]
            } else if idx < NT * NT + NT {
                &mut t.start[idx - NT * NT]
            } else {
                &mut t.end[idx - NT * NT - NT]
            };
            *cell = (f64::from(*cell) - self.tu[idx] * inv) as f32;
        }
        (w, t)
    }
}

pub(super) fn train_perceptron(
    n_feats: usize,
    enc: &Encoded,
    docs: &[TrainDoc],
    doc_filter: &dyn Fn(usize) -> bool,
    epochs: usize,
    seed: u64,
    each_epoch: &mut dyn FnMut(usize, &Perceptron),
) -> Perceptron {
    let index: Vec<_> = sentence_index(docs)
        .into_iter()
        .filter(|(d, _, _)| doc_filter(*d))
        .collect();
    let mut p = Perceptron::new(n_feats);
    let (mut em, mut back, mut pred) = (Vec::new(), Vec::new(), Vec::new());
    let mut order: Vec<usize> = (0..index.len()).collect();
    let mut rng = 0x2545_F491_4F6C_DD1Du64 ^ seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for epoch in 0..epochs {
        // deterministic shuffle
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            let j = usize::try_from(rng % (i as u64 + 1)).unwrap_or(0);
            order.swap(i, j);
        }
        for &k in &order {
            let (d, ref g, ref local) = index[k];
            let gold = &docs[d].gold[local.clone()];
            p.learn(enc, g.clone(), gold, &mut em, &mut back, &mut pred);
        }
        each_epoch(epoch, &p);
    }
    p
}

/// Trains `runs` perceptrons that differ in their shuffling and averages their averaged
/// weights (one linear model: an ensemble at no cost when tagging). `each_epoch` sees the
/// first run.
#[allow(clippy::too_many_arguments)]
pub(super) fn train_ensemble(
    n_feats: usize,
    enc: &Encoded,
    docs: &[TrainDoc],
    doc_filter: &dyn Fn(usize) -> bool,
    epochs: usize,
    runs: usize,
    each_epoch: &mut dyn FnMut(usize, &Perceptron),
) -> (Vec<f32>, Trans) {
    let mut w = vec![0f32; n_feats * NT];
    let mut t = Trans::default();
    let runs = runs.max(1);
    let share = 1.0 / runs as f32;
    for r in 0..runs {
        let mut quiet = |_: usize, _: &Perceptron| {};
        let cb: &mut dyn FnMut(usize, &Perceptron) =
            if r == 0 { &mut *each_epoch } else { &mut quiet };
        let p = train_perceptron(n_feats, enc, docs, doc_filter, epochs, r as u64, cb);
        let (pw, pt) = p.averaged();
        for (a, b) in w.iter_mut().zip(pw) {
            *a += b * share;
        }
        for (a, b) in t.trans.iter_mut().flatten().zip(pt.trans.iter().flatten()) {
            *a += b * share;
        }
        for (a, b) in t.start.iter_mut().zip(pt.start) {
            *a += b * share;
        }
        for (a, b) in t.end.iter_mut().zip(pt.end) {
            *a += b * share;
        }
    }
    (w, t)
}

/// Predicts every sentence of the selected documents with averaged weights.
pub(super) fn predict(
    w: &[f32],
    tr: &Trans,
    enc: &Encoded,
    docs: &[TrainDoc],
    doc_filter: &dyn Fn(usize) -> bool,
    out: &mut [Vec<u8>],
) {
    let (mut em, mut back) = (Vec::new(), Vec::new());
    for (d, g, local) in sentence_index(docs) {
        if !doc_filter(d) {
            continue;
        }
        Perceptron::emissions(w, enc, g, &mut em);
        viterbi(&em, tr, &[], &mut back, &mut out[d][local]);
    }
}

pub(super) fn rows_of(keys: &[u64], w: &[f32]) -> Vec<(u64, [f32; NT])> {
    keys.iter()
        .enumerate()
        .map(|(i, &k)| {
            let mut r = [0f32; NT];
            r.copy_from_slice(&w[i * NT..i * NT + NT]);
            (k, r)
        })
        .collect()
}
