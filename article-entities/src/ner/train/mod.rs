//! The trainer (feature `train`): gazetteers from GeoNames and census lists, word clusters
//! induced from unlabeled text, and a two-stage averaged perceptron trained on CoNLL data.
//!
//! [`Trainer`] takes data already read: CoNLL documents ([`crate::conll`]), the texts of
//! the name lists ([`LexicalLists`]) and unlabeled text; reading files is the caller's.

// Float arithmetic of training (weights, cluster vectors), never offsets.
#![allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]

mod clusters;
mod doc;
mod encode;
pub(crate) mod files;
mod gazetteers;
mod perceptron;

use std::fmt::Write as _;

use super::compress::compress;
use super::features::Doc;
use super::lexicon::Lexicon;
use super::model::{Model, Work};
use super::weights::Weights;
use crate::conll;
use doc::{TrainDoc, f1};
use encode::{dictionary, encode, extract};
pub use gazetteers::LexicalLists;
use perceptron::{predict, rows_of, train_ensemble, train_perceptron};

/// A log line sink.
pub type Log<'a> = &'a mut dyn FnMut(&str);

/// Trains NER models: settings, then [`Trainer::clusters`] and [`Trainer::train`] over
/// data the caller has read.
///
/// ```no_run
/// use article_entities::{conll, train::{LexicalLists, Trainer}};
/// # fn read(_: &str) -> String { String::new() }
/// let (train, dev) = (read("train.conll"), read("dev.conll"));
/// let (train, dev) = (conll::documents(&train), conll::documents(&dev));
/// let lists = LexicalLists::from_texts(LexicalLists::FILES.map(read));
/// let trainer = Trainer::new();
/// let clusters = trainer.clusters(&read("unlabeled.txt"), &train, &mut |_| {});
/// let (model, report) = trainer.train(&train, &dev, &lists, &clusters, &mut |_| {});
/// ```
#[derive(Clone, Debug)]
pub struct Trainer {
    epochs: usize,
    folds: usize,
    min_count: u32,
    ensemble: usize,
    prune: f32,
}

impl Default for Trainer {
    fn default() -> Trainer {
        Trainer {
            epochs: 10,
            folds: 5,
            min_count: 1,
            ensemble: 5,
            prune: 0.03,
        }
    }
}

impl Trainer {
    /// A trainer with the settings of the embedded model (10 epochs, 5 folds, minimum
    /// count 1, ensemble of 5, prune 0.03; chosen by 3-fold cross-validation on the
    /// CoNLL-2003 training set, see the crate README).
    #[must_use]
    pub fn new() -> Trainer {
        Trainer::default()
    }

    /// Training passes of each stage.
    #[must_use]
    pub fn epochs(mut self, epochs: usize) -> Trainer {
        self.epochs = epochs;
        self
    }

    /// Folds for the stage-1 predictions the stage-2 model trains on (at least 2).
    #[must_use]
    pub fn folds(mut self, folds: usize) -> Trainer {
        self.folds = folds;
        self
    }

    /// Features seen fewer times in training are dropped.
    #[must_use]
    pub fn min_count(mut self, min_count: u32) -> Trainer {
        self.min_count = min_count;
        self
    }

    /// Perceptrons (differently shuffled) averaged into each stage's model.
    #[must_use]
    pub fn ensemble(mut self, ensemble: usize) -> Trainer {
        self.ensemble = ensemble;
        self
    }

    /// Feature rows whose largest weight is below this fraction of the largest weight of
    /// their stage are dropped from the model (smaller and faster).
    #[must_use]
    pub fn prune(mut self, prune: f32) -> Trainer {
        self.prune = prune;
        self
    }

    /// Induces word clusters (`word<TAB>bits` lines, the `clusters` of [`Trainer::train`])
    /// from `unlabeled` text (one sentence or paragraph per line) and the sentences of the
    /// training documents.
    #[must_use]
    pub fn clusters(&self, unlabeled: &str, train: &[conll::Document<'_>], log: Log<'_>) -> String {
        let train: Vec<TrainDoc> = train.iter().map(TrainDoc::from_conll).collect();
        clusters::induce(&clusters::corpus(unlabeled, &train), log)
    }

    /// Trains a model on `train` (scores on `dev` logged per pass); returns the model
    /// file's bytes (compressed, as committed in the crate) and a report.
    #[must_use]
    pub fn train(
        &self,
        train: &[conll::Document<'_>],
        dev: &[conll::Document<'_>],
        lists: &LexicalLists,
        clusters: &str,
        log: Log<'_>,
    ) -> (Vec<u8>, String) {
        let train_docs: Vec<TrainDoc> = train.iter().map(TrainDoc::from_conll).collect();
        let dev_docs: Vec<TrainDoc> = dev.iter().map(TrainDoc::from_conll).collect();
        let (model, _, info) = self.fit(&train_docs, &dev_docs, lists, clusters, log);
        (compress(&model.to_bytes()), info)
    }

    /// Cross-validates the settings on `train` alone: the documents are split into `k`
    /// folds (document `i` in fold `i % k`); for each fold a model is trained on the other
    /// folds exactly as [`Trainer::train`] trains one (the held-out fold standing in for
    /// dev) and tags the held-out fold through the inference path. Returns the entity
    /// F1, precision and recall pooled over every fold (the figure settings are chosen
    /// by), and logs each fold's.
    #[must_use]
    pub fn cross_validate(
        &self,
        train: &[conll::Document<'_>],
        k: usize,
        lists: &LexicalLists,
        clusters: &str,
        log: Log<'_>,
    ) -> (f64, f64, f64) {
        let k = k.max(2);
        let mut held_all: Vec<TrainDoc> = Vec::new();
        let mut pred_all: Vec<Vec<u8>> = Vec::new();
        for fold in 0..k {
            let (held, rest): (Vec<_>, Vec<_>) =
                train.iter().enumerate().partition(|(i, _)| i % k == fold);
            let rest: Vec<TrainDoc> = rest.iter().map(|(_, d)| TrainDoc::from_conll(d)).collect();
            let held: Vec<TrainDoc> = held.iter().map(|(_, d)| TrainDoc::from_conll(d)).collect();
            let (_, pred, _) = self.fit(&rest, &held, lists, clusters, &mut |_| {});
            let (f, p, r) = f1(&held, &pred);
            log(&format!(
                "cv fold {}/{k}: trained on {} documents, held-out F1 {f:.2} (P {p:.2} R {r:.2})",
                fold + 1,
                rest.len()
            ));
            held_all.extend(held);
            pred_all.extend(pred);
        }
        debug_assert_eq!(held_all.len(), train.len());
        let (f, p, r) = f1(&held_all, &pred_all);
        log(&format!(
            "cv {k} folds: pooled held-out F1 {f:.2} (P {p:.2} R {r:.2})"
        ));
        (f, p, r)
    }

    /// Trains a model on `train_docs`; returns it, its (quantized model's) tags of
    /// `dev_docs` and the report.
    fn fit(
        &self,
        train_docs: &[TrainDoc],
        dev_docs: &[TrainDoc],
        lists: &LexicalLists,
        clusters: &str,
        log: Log<'_>,
    ) -> (Model, Vec<Vec<u8>>, String) {
        log(&format!(
            "train: {} documents, {} tokens; dev: {} documents, {} tokens",
            train_docs.len(),
            train_docs.iter().map(|d| d.tokens.len()).sum::<usize>(),
            dev_docs.len(),
            dev_docs.iter().map(|d| d.tokens.len()).sum::<usize>()
        ));
        let gaz_text = gazetteers::build(lists);
        let cluster_text = clusters;
        let lex = Lexicon::from_texts(&gaz_text, cluster_text);
        let (ng, nc) = lex.sizes();
        log(&format!(
            "lexicon: {ng} gazetteer phrases, {nc} clustered words"
        ));

        // stage 1
        let h1 = extract(&lex, train_docs, None);
        let (dict1, keys1) = dictionary(&h1, self.min_count);
        let enc1 = encode(&h1, &dict1);
        drop(h1);
        let dev_enc1 = encode(&extract(&lex, dev_docs, None), &dict1);
        log(&format!("stage 1: {} features", keys1.len()));
        let all = |_: usize| true;
        let mut dev_pred: Vec<Vec<u8>> = dev_docs.iter().map(|d| vec![0; d.tokens.len()]).collect();
        let (w1, t1) = train_ensemble(
            keys1.len(),
            &enc1,
            train_docs,
            &all,
            self.epochs,
            self.ensemble,
            &mut |e, p| {
                let (w, t) = p.averaged();
                predict(&w, &t, &dev_enc1, dev_docs, &all, &mut dev_pred);
                let (f, pr, re) = f1(dev_docs, &dev_pred);
                log(&format!(
                    "stage 1 epoch {}: dev F1 {f:.2} (P {pr:.2} R {re:.2})",
                    e + 1
                ));
            },
        );
        predict(&w1, &t1, &dev_enc1, dev_docs, &all, &mut dev_pred);
        let (f, _, _) = f1(dev_docs, &dev_pred);
        log(&format!(
            "stage 1 ensemble of {}: dev F1 {f:.2}",
            self.ensemble
        ));
        // stage-1 predictions on train, by folds
        let mut jack: Vec<Vec<u8>> = train_docs.iter().map(|d| vec![0; d.tokens.len()]).collect();
        let k = self.folds.max(2);
        for fold in 0..k {
            let keep = |d: usize| d % k != fold;
            let held = |d: usize| d % k == fold;
            let p = train_perceptron(
                keys1.len(),
                &enc1,
                train_docs,
                &keep,
                self.epochs,
                0,
                &mut |_, _| {},
            );
            let (w, t) = p.averaged();
            predict(&w, &t, &enc1, train_docs, &held, &mut jack);
            log(&format!("fold {}/{k} predicted", fold + 1));
        }
        let (jf, _, _) = f1(train_docs, &jack);
        log(&format!("stage 1 cross-validated on train: F1 {jf:.2}"));
        let mut dev_s1: Vec<Vec<u8>> = dev_docs.iter().map(|d| vec![0; d.tokens.len()]).collect();
        predict(&w1, &t1, &dev_enc1, dev_docs, &all, &mut dev_s1);
        drop(enc1);
        drop(dev_enc1);

        // stage 2
        let h2 = extract(&lex, train_docs, Some(&jack));
        let (dict2, keys2) = dictionary(&h2, self.min_count);
        let enc2 = encode(&h2, &dict2);
        drop(h2);
        let dev_enc2 = encode(&extract(&lex, dev_docs, Some(&dev_s1)), &dict2);
        log(&format!("stage 2: {} features", keys2.len()));
        let (w2, t2) = train_ensemble(
            keys2.len(),
            &enc2,
            train_docs,
            &all,
            self.epochs,
            self.ensemble,
            &mut |e, p| {
                let (w, t) = p.averaged();
                predict(&w, &t, &dev_enc2, dev_docs, &all, &mut dev_pred);
                let (f, pr, re) = f1(dev_docs, &dev_pred);
                log(&format!(
                    "stage 2 epoch {}: dev F1 {f:.2} (P {pr:.2} R {re:.2})",
                    e + 1
                ));
            },
        );
        predict(&w2, &t2, &dev_enc2, dev_docs, &all, &mut dev_pred);
        let (f, _, _) = f1(dev_docs, &dev_pred);
        log(&format!(
            "stage 2 ensemble of {}: dev F1 {f:.2}",
            self.ensemble
        ));

        let s1 = Weights::from_rows(&rows_of(&keys1, &w1), t1, self.prune);
        let s2 = Weights::from_rows(&rows_of(&keys2, &w2), t2, self.prune);
        let mut model = Model::new(String::new(), lex, &s1, &s2);
        // score the final (quantized) model through the inference path
        let mut work = Work::default();
        let preds: Vec<Vec<u8>> = dev_docs
            .iter()
            .map(|d| {
                let toks: Vec<&str> = d.tokens.iter().map(String::as_str).collect();
                model.tag(
                    &Doc {
                        tokens: &toks,
                        sentences: &d.sents,
                        line_starts: &[],
                    },
                    &mut work,
                )
            })
            .collect();
        let (f, pr, re) = f1(dev_docs, &preds);
        let mut info = String::new();
        let _ = write!(
            info,
            "article-entities NER model: two-stage averaged perceptron, BILOU tags.\n\
             Trained on CoNLL-2003 English train ({} documents); word clusters induced from \
             Reuters-21578, Distribution 1.0 and the CoNLL-2003 train text; gazetteers from \
             GeoNames (CC BY 4.0) and U.S. Census name lists.\n\
             epochs {}, ensemble {}, folds {}, min_count {}, prune {}; stage-1 rows {}, stage-2 rows {}.\n\
             dev F1 {f:.2} (P {pr:.2} R {re:.2}) by the trainer's scorer.\n",
            train_docs.len(),
            self.epochs,
            self.ensemble,
            k,
            self.min_count,
            self.prune,
            s1.len(),
            s2.len()
        );
        log(&info);
        model.info = info.clone();
        (model, preds, info)
    }
}
