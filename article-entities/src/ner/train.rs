//! The trainer (feature `train`): gazetteers from GeoNames and census lists, word clusters
//! induced from unlabeled text, and a two-stage averaged perceptron trained on CoNLL data.

// Float arithmetic of training (weights, cluster vectors), never offsets.
#![allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]

use std::collections::HashMap as StdMap;
use std::fmt::Write as _;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::features::{Doc, Scratch, Stage2};
use super::handlists;
use super::lexicon::Lexicon;
use super::model::{Model, Work};
use super::normalize::normalize;
use super::tags::{self, NT, from_iob};
use super::viterbi::{Trans, viterbi};
use super::weights::Weights;
use crate::token::tokenize;

/// A training run's inputs and settings.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// CoNLL-2003 training file (tag in the last column).
    pub train: PathBuf,
    /// CoNLL-2003 development file, for reporting (and choosing settings by hand).
    pub dev: PathBuf,
    /// The `lexical` data folder (GeoNames, census names, Reuters-21578 text).
    pub lexical: PathBuf,
    /// Where to cache the induced word clusters (`word<TAB>bits` lines); reused when present.
    pub clusters_cache: Option<PathBuf>,
    /// Training passes of each stage.
    pub epochs: usize,
    /// Folds for the stage-1 predictions the stage-2 model trains on.
    pub folds: usize,
    /// Features seen fewer times in training are dropped.
    pub min_count: u32,
    /// Perceptrons (differently shuffled) averaged into each stage's model.
    pub ensemble: usize,
    /// Feature rows whose largest weight is below this fraction of the largest weight of
    /// their stage are dropped from the model (smaller and faster).
    pub prune: f32,
}

/// A log line sink.
pub type Log<'a> = &'a mut dyn FnMut(&str);

struct TrainDoc {
    tokens: Vec<String>,
    sents: Vec<Range<usize>>,
    gold: Vec<u8>,
}

fn err(msg: String) -> crate::Error {
    crate::Error::new(crate::ErrorKind::Model(msg))
}

/// Reads a CoNLL file into documents (`-DOCSTART-` groups).
fn read_conll(path: &Path) -> crate::Result<Vec<TrainDoc>> {
    Ok(crate::conll::documents(&read_text(path)?)
        .iter()
        .map(TrainDoc::from_conll)
        .collect())
}

impl TrainDoc {
    /// A document of a CoNLL file, its tags read per sentence.
    fn from_conll(doc: &crate::conll::Document<'_>) -> TrainDoc {
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

fn read_text(path: &Path) -> crate::Result<String> {
    std::fs::read_to_string(path).map_err(|e| err(format!("cannot read {}: {e}", path.display())))
}

fn tsv_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().skip(1).map(|l| l.split('\t').collect())
}

fn phrase(name: &str) -> String {
    let toks = tokenize(name);
    toks.iter()
        .map(|t| t.text(name))
        .collect::<Vec<_>>()
        .join(" ")
}

fn title(upper: &str) -> String {
    let lower = upper.to_lowercase();
    let mut c = lower.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Builds the gazetteer text from the lexical folder and the hand-written lists.
pub(crate) fn build_gazetteers(lexical: &Path) -> crate::Result<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut add = |code: &str, name: &str| {
        let p = phrase(name);
        if !p.is_empty() {
            lines.push(format!("{code}\t{p}"));
        }
    };
    let geo = lexical.join("geonames");
    for row in tsv_rows(&read_text(&geo.join("countries.tsv"))?) {
        if let (Some(name), Some(ascii)) = (row.get(2), row.get(3)) {
            add("country", name);
            add("country", ascii);
        }
    }
    for row in tsv_rows(&read_text(&geo.join("cities15000.tsv"))?) {
        let pop: u64 = row.get(5).and_then(|p| p.parse().ok()).unwrap_or(0);
        let code = if pop >= 1_000_000 {
            "city1m"
        } else if pop >= 100_000 {
            "city100k"
        } else {
            "city"
        };
        for col in [1, 2] {
            if let Some(n) = row.get(col) {
                add(code, n);
            }
        }
    }
    for row in tsv_rows(&read_text(&geo.join("cities-alternates.tsv"))?) {
        if let Some(n) = row.get(2) {
            add("cityalt", n);
        }
    }
    for file in ["us-states.tsv", "continents.tsv"] {
        for row in tsv_rows(&read_text(&geo.join(file))?) {
            if let Some(n) = row.get(1) {
                add("region", n);
            }
        }
    }
    for row in tsv_rows(&read_text(&lexical.join("census-2020/first-names.tsv"))?) {
        let count: u64 = row.get(2).and_then(|p| p.parse().ok()).unwrap_or(0);
        if let Some(n) = row.first() {
            if count >= 20_000 {
                add("first1", &title(n));
            } else if count >= 500 {
                add("first2", &title(n));
            }
        }
    }
    for row in tsv_rows(&read_text(&lexical.join("census-2010/surnames.tsv"))?) {
        let count: u64 = row.get(2).and_then(|p| p.parse().ok()).unwrap_or(0);
        if let Some(n) = row.first() {
            if count >= 20_000 {
                add("last1", &title(n));
            } else if count >= 1_000 {
                add("last2", &title(n));
            }
        }
    }
    for w in handlists::DEMONYMS.split_whitespace() {
        add("demonym", w);
    }
    for w in handlists::LOC_ALIASES {
        add("localias", w);
    }
    for w in handlists::ORG_CUES.split_whitespace() {
        add("orgcue", w);
    }
    for w in handlists::PER_TITLES.split_whitespace() {
        add("pertitle", w);
    }
    for w in handlists::ORGS {
        add("org", w);
    }
    for w in handlists::MISC {
        add("misc", w);
    }
    lines.sort();
    lines.dedup();
    let mut out = lines.join("\n");
    out.push('\n');
    Ok(out)
}

/// Sentences of normalized tokens from the Reuters-21578 text and the training documents.
fn cluster_corpus(lexical: &Path, train: &[TrainDoc]) -> crate::Result<Vec<Vec<String>>> {
    let path = lexical.join("reuters21578.txt.gz");
    let raw =
        std::fs::read(&path).map_err(|e| err(format!("cannot read {}: {e}", path.display())))?;
    let mut text = String::new();
    flate2::read::MultiGzDecoder::new(raw.as_slice())
        .read_to_string(&mut text)
        .map_err(|e| err(format!("cannot gunzip {}: {e}", path.display())))?;
    let mut out = Vec::new();
    for line in text.lines() {
        let toks = tokenize(line);
        if toks.is_empty() {
            continue;
        }
        out.push(
            toks.iter()
                .map(|t| {
                    let mut s = String::new();
                    normalize(t.text(line), &mut s);
                    s
                })
                .collect(),
        );
    }
    for d in train {
        for s in &d.sents {
            out.push(
                d.tokens[s.clone()]
                    .iter()
                    .map(|t| {
                        let mut n = String::new();
                        normalize(t, &mut n);
                        n
                    })
                    .collect(),
            );
        }
    }
    Ok(out)
}

/// Induces word clusters: each word's left and right neighbour distribution over the most
/// frequent words, split top-down by principal direction and refined with 2-means
/// (bisecting clustering); a word's path of left/right choices is its bit string.
pub(crate) fn induce_clusters(corpus: &[Vec<String>], log: Log<'_>) -> String {
    const CONTEXT: usize = 1000;
    const MIN_COUNT: u32 = 3;
    const MAX_DEPTH: usize = 20;
    let mut freq: StdMap<&str, u32> = StdMap::new();
    for s in corpus {
        for w in s {
            *freq.entry(w.as_str()).or_insert(0) += 1;
        }
    }
    let mut by_freq: Vec<(&str, u32)> = freq.iter().map(|(w, c)| (*w, *c)).collect();
    by_freq.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let ctx_id: StdMap<&str, usize> = by_freq
        .iter()
        .take(CONTEXT)
        .enumerate()
        .map(|(i, (w, _))| (*w, i))
        .collect();
    let vocab: Vec<&str> = by_freq
        .iter()
        .filter(|(_, c)| *c >= MIN_COUNT)
        .map(|(w, _)| *w)
        .collect();
    let vid: StdMap<&str, usize> = vocab.iter().enumerate().map(|(i, w)| (*w, i)).collect();
    log(&format!(
        "clusters: {} sentences, {} words in the vocabulary",
        corpus.len(),
        vocab.len()
    ));
    // context counts; dims: left ctx (0..=CONTEXT), right ctx (CONTEXT+1..)
    let other = CONTEXT;
    let mut counts: Vec<StdMap<u32, u32>> = vec![StdMap::new(); vocab.len()];
    for s in corpus {
        for (i, w) in s.iter().enumerate() {
            let Some(&v) = vid.get(w.as_str()) else {
                continue;
            };
            let left = if i == 0 {
                other
            } else {
                ctx_id.get(s[i - 1].as_str()).copied().unwrap_or(other)
            };
            let right = s
                .get(i + 1)
                .map_or(other, |r| ctx_id.get(r.as_str()).copied().unwrap_or(other));
            let lu = u32::try_from(left).unwrap_or(0);
            let ru = u32::try_from(CONTEXT + 1 + right).unwrap_or(0);
            *counts[v].entry(lu).or_insert(0) += 1;
            *counts[v].entry(ru).or_insert(0) += 1;
        }
    }
    let dims = 2 * (CONTEXT + 1);
    let vecs: Vec<Vec<(u32, f32)>> = counts
        .into_iter()
        .map(|m| {
            let mut v: Vec<(u32, f32)> = m
                .into_iter()
                .map(|(k, c)| (k, f64::from(c).sqrt() as f32))
                .collect();
            v.sort_unstable_by_key(|e| e.0);
            let norm = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt().max(1e-9);
            v.iter_mut().for_each(|e| e.1 /= norm);
            v
        })
        .collect();
    let mut paths: Vec<(u32, u8)> = vec![(0, 0); vocab.len()];
    let mut stack: Vec<(Vec<usize>, u32, u8)> = vec![((0..vocab.len()).collect(), 0, 0)];
    let dot =
        |x: &[(u32, f32)], c: &[f32]| -> f32 { x.iter().map(|&(k, v)| v * c[k as usize]).sum() };
    while let Some((members, bits, depth)) = stack.pop() {
        for &m in &members {
            paths[m] = (bits, depth);
        }
        if members.len() < 4 || usize::from(depth) >= MAX_DEPTH {
            continue;
        }
        // mean
        let mut mean = vec![0f32; dims];
        for &m in &members {
            for &(k, v) in &vecs[m] {
                mean[k as usize] += v;
            }
        }
        let inv = 1.0 / members.len() as f32;
        mean.iter_mut().for_each(|x| *x *= inv);
        // principal direction by power iteration (deterministic start)
        let mut dir: Vec<f32> = (0..dims)
            .map(|i| ((i * 7919 % 1000) as f32 / 1000.0) - 0.5)
            .collect();
        for _ in 0..6 {
            let md = mean.iter().zip(&dir).map(|(a, b)| a * b).sum::<f32>();
            let mut acc = vec![0f32; dims];
            let mut ssum = 0f32;
            for &m in &members {
                let s = dot(&vecs[m], &dir) - md;
                ssum += s;
                for &(k, v) in &vecs[m] {
                    acc[k as usize] += s * v;
                }
            }
            for (a, mu) in acc.iter_mut().zip(&mean) {
                *a -= ssum * mu;
            }
            let norm = acc.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
            dir = acc.into_iter().map(|x| x / norm).collect();
        }
        let md = mean.iter().zip(&dir).map(|(a, b)| a * b).sum::<f32>();
        let mut side: Vec<bool> = members.iter().map(|&m| dot(&vecs[m], &dir) > md).collect();
        // 2-means refinement
        for _ in 0..4 {
            let mut c = [vec![0f32; dims], vec![0f32; dims]];
            let mut n = [0usize; 2];
            for (&m, &s) in members.iter().zip(&side) {
                let j = usize::from(s);
                n[j] += 1;
                for &(k, v) in &vecs[m] {
                    c[j][k as usize] += v;
                }
            }
            if n[0] == 0 || n[1] == 0 {
                break;
            }
            let mut sq = [0f32; 2];
            for j in 0..2 {
                let inv = 1.0 / n[j] as f32;
                c[j].iter_mut().for_each(|x| *x *= inv);
                sq[j] = c[j].iter().map(|x| x * x).sum();
            }
            for (&m, s) in members.iter().zip(side.iter_mut()) {
                let d0 = sq[0] - 2.0 * dot(&vecs[m], &c[0]);
                let d1 = sq[1] - 2.0 * dot(&vecs[m], &c[1]);
                *s = d1 < d0;
            }
        }
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for (&m, &s) in members.iter().zip(&side) {
            if s { b.push(m) } else { a.push(m) }
        }
        if a.is_empty() || b.is_empty() {
            continue;
        }
        stack.push((a, bits << 1, depth + 1));
        stack.push((b, bits << 1 | 1, depth + 1));
    }
    let mut lines: Vec<String> = vocab
        .iter()
        .zip(&paths)
        .filter(|(_, p)| p.1 > 0)
        .map(|(w, &(bits, depth))| {
            let s: String = (0..depth)
                .rev()
                .map(|i| if bits >> i & 1 == 1 { '1' } else { '0' })
                .collect();
            format!("{w}\t{s}")
        })
        .filter(|l| !l.contains(['\n']))
        .collect();
    lines.sort();
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// Feature hashes of a set of documents, per token.
struct Hashed {
    hashes: Vec<u64>,
    /// Per token (flattened over documents), the start of its hashes; one extra at the end.
    off: Vec<usize>,
}

/// Stage-1 (and, with `s1tags`, stage-2) feature hashes of documents.
fn extract(lex: &Lexicon, docs: &[TrainDoc], s1tags: Option<&[Vec<u8>]>) -> Hashed {
    let mut scratch = Scratch::default();
    let mut stage2 = Stage2::default();
    let mut out = Hashed {
        hashes: Vec::new(),
        off: vec![0],
    };
    for (d, doc) in docs.iter().enumerate() {
        let toks: Vec<&str> = doc.tokens.iter().map(String::as_str).collect();
        let view = Doc {
            tokens: &toks,
            sentences: &doc.sents,
            line_starts: &[],
        };
        scratch.analyze(lex, &view);
        if let Some(t) = s1tags {
            stage2.build(&scratch.infos, &t[d]);
        }
        for s in &doc.sents {
            for i in s.clone() {
                scratch.stage1(s, i, &mut out.hashes);
                if let Some(t) = s1tags {
                    scratch.stage2(&stage2, s, i, &t[d], &mut out.hashes);
                }
                out.off.push(out.hashes.len());
            }
        }
    }
    out
}

/// Features mapped to dense ids.
struct Encoded {
    ids: Vec<u32>,
    off: Vec<usize>,
}

fn dictionary(h: &Hashed, min_count: u32) -> (StdMap<u64, u32>, Vec<u64>) {
    let mut counts: StdMap<u64, u32> = StdMap::new();
    for &x in &h.hashes {
        *counts.entry(x).or_insert(0) += 1;
    }
    let mut keep: Vec<u64> = counts
        .into_iter()
        .filter(|&(k, c)| c >= min_count && k != 0)
        .map(|(k, _)| k)
        .collect();
    keep.sort_unstable();
    let map = keep
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    (map, keep)
}

fn encode(h: &Hashed, dict: &StdMap<u64, u32>) -> Encoded {
    let mut ids = Vec::with_capacity(h.hashes.len());
    let mut off = Vec::with_capacity(h.off.len());
    off.push(0);
    for w in h.off.windows(2) {
        ids.extend(h.hashes[w[0]..w[1]].iter().filter_map(|x| dict.get(x)));
        off.push(ids.len());
    }
    Encoded { ids, off }
}

/// Averaged perceptron over dense feature ids.
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f64>,
    tw: Trans,
    tu: Vec<f64>,
    c: f64,
}

impl Perceptron {
    fn new(n: usize) -> Perceptron {
        Perceptron {
            w: vec![0.0; n * NT],
            u: vec![0.0; n * NT],
            tw: Trans::default(),
            tu: vec![0.0; NT * NT + 2 * NT],
            c: 1.0,
        }
    }

    fn emissions(w: &[f32], enc: &Encoded, toks: Range<usize>, em: &mut Vec<[f32; NT]>) {
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

    fn bump_trans(&mut self, idx: usize, d: f32) {
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
    fn learn(
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

    fn averaged(&self) -> (Vec<f32>, Trans) {
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

/// Global token range of each sentence, with its document.
fn sentence_index(docs: &[TrainDoc]) -> Vec<(usize, Range<usize>, Range<usize>)> {
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

fn train_perceptron(
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
fn train_ensemble(
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
fn predict(
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

/// Entity-level F1 (exact span and type) of predictions against the gold tags.
fn f1(docs: &[TrainDoc], pred: &[Vec<u8>]) -> (f64, f64, f64) {
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

fn rows_of(keys: &[u64], w: &[f32]) -> Vec<(u64, [f32; NT])> {
    keys.iter()
        .enumerate()
        .map(|(i, &k)| {
            let mut r = [0f32; NT];
            r.copy_from_slice(&w[i * NT..i * NT + NT]);
            (k, r)
        })
        .collect()
}

/// Trains a model; returns the model file's bytes (compressed, as committed in the crate)
/// and a report.
///
/// # Errors
/// When an input file cannot be read.
pub fn train(opts: &TrainOptions, log: Log<'_>) -> crate::Result<(Vec<u8>, String)> {
    let train_docs = read_conll(&opts.train)?;
    let dev_docs = read_conll(&opts.dev)?;
    log(&format!(
        "train: {} documents, {} tokens; dev: {} documents, {} tokens",
        train_docs.len(),
        train_docs.iter().map(|d| d.tokens.len()).sum::<usize>(),
        dev_docs.len(),
        dev_docs.iter().map(|d| d.tokens.len()).sum::<usize>()
    ));
    let gaz_text = build_gazetteers(&opts.lexical)?;
    let cluster_text = match &opts.clusters_cache {
        Some(p) if p.exists() => {
            log(&format!("clusters: reusing {}", p.display()));
            read_text(p)?
        }
        cache => {
            let corpus = cluster_corpus(&opts.lexical, &train_docs)?;
            let text = induce_clusters(&corpus, log);
            if let Some(p) = cache {
                std::fs::write(p, &text)
                    .map_err(|e| err(format!("cannot write {}: {e}", p.display())))?;
            }
            text
        }
    };
    let lex = Lexicon::from_texts(&gaz_text, &cluster_text);
    let (ng, nc) = lex.sizes();
    log(&format!(
        "lexicon: {ng} gazetteer phrases, {nc} clustered words"
    ));

    // stage 1
    let h1 = extract(&lex, &train_docs, None);
    let (dict1, keys1) = dictionary(&h1, opts.min_count);
    let enc1 = encode(&h1, &dict1);
    drop(h1);
    let dev_enc1 = encode(&extract(&lex, &dev_docs, None), &dict1);
    log(&format!("stage 1: {} features", keys1.len()));
    let all = |_: usize| true;
    let mut dev_pred: Vec<Vec<u8>> = dev_docs.iter().map(|d| vec![0; d.tokens.len()]).collect();
    let (w1, t1) = train_ensemble(
        keys1.len(),
        &enc1,
        &train_docs,
        &all,
        opts.epochs,
        opts.ensemble,
        &mut |e, p| {
            let (w, t) = p.averaged();
            predict(&w, &t, &dev_enc1, &dev_docs, &all, &mut dev_pred);
            let (f, pr, re) = f1(&dev_docs, &dev_pred);
            log(&format!(
                "stage 1 epoch {}: dev F1 {f:.2} (P {pr:.2} R {re:.2})",
                e + 1
            ));
        },
    );
    predict(&w1, &t1, &dev_enc1, &dev_docs, &all, &mut dev_pred);
    let (f, _, _) = f1(&dev_docs, &dev_pred);
    log(&format!(
        "stage 1 ensemble of {}: dev F1 {f:.2}",
        opts.ensemble
    ));
    // stage-1 predictions on train, by folds
    let mut jack: Vec<Vec<u8>> = train_docs.iter().map(|d| vec![0; d.tokens.len()]).collect();
    let k = opts.folds.max(2);
    for fold in 0..k {
        let keep = |d: usize| d % k != fold;
        let held = |d: usize| d % k == fold;
        let p = train_perceptron(
            keys1.len(),
            &enc1,
            &train_docs,
            &keep,
            opts.epochs,
            0,
            &mut |_, _| {},
        );
        let (w, t) = p.averaged();
        predict(&w, &t, &enc1, &train_docs, &held, &mut jack);
        log(&format!("fold {}/{k} predicted", fold + 1));
    }
    let (jf, _, _) = f1(&train_docs, &jack);
    log(&format!("stage 1 cross-validated on train: F1 {jf:.2}"));
    let mut dev_s1: Vec<Vec<u8>> = dev_docs.iter().map(|d| vec![0; d.tokens.len()]).collect();
    predict(&w1, &t1, &dev_enc1, &dev_docs, &all, &mut dev_s1);
    drop(enc1);
    drop(dev_enc1);

    // stage 2
    let h2 = extract(&lex, &train_docs, Some(&jack));
    let (dict2, keys2) = dictionary(&h2, opts.min_count);
    let enc2 = encode(&h2, &dict2);
    drop(h2);
    let dev_enc2 = encode(&extract(&lex, &dev_docs, Some(&dev_s1)), &dict2);
    log(&format!("stage 2: {} features", keys2.len()));
    let (w2, t2) = train_ensemble(
        keys2.len(),
        &enc2,
        &train_docs,
        &all,
        opts.epochs,
        opts.ensemble,
        &mut |e, p| {
            let (w, t) = p.averaged();
            predict(&w, &t, &dev_enc2, &dev_docs, &all, &mut dev_pred);
            let (f, pr, re) = f1(&dev_docs, &dev_pred);
            log(&format!(
                "stage 2 epoch {}: dev F1 {f:.2} (P {pr:.2} R {re:.2})",
                e + 1
            ));
        },
    );
    predict(&w2, &t2, &dev_enc2, &dev_docs, &all, &mut dev_pred);
    let (f, _, _) = f1(&dev_docs, &dev_pred);
    log(&format!(
        "stage 2 ensemble of {}: dev F1 {f:.2}",
        opts.ensemble
    ));

    let s1 = Weights::from_rows(&rows_of(&keys1, &w1), t1, opts.prune);
    let s2 = Weights::from_rows(&rows_of(&keys2, &w2), t2, opts.prune);
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
    let (f, pr, re) = f1(&dev_docs, &preds);
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
        opts.epochs,
        opts.ensemble,
        k,
        opts.min_count,
        opts.prune,
        s1.len(),
        s2.len()
    );
    log(&info);
    model.info = info.clone();
    Ok((super::compress::compress(&model.to_bytes()), info))
}
