//! Word clusters induced from unlabeled text (bisecting clustering of neighbour
//! distributions), as `word<TAB>bits` lines.

// Float arithmetic of training (weights, cluster vectors), never offsets.
#![allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]

use std::collections::HashMap as StdMap;

use super::super::normalize::normalize;
use super::doc::TrainDoc;
use crate::token::tokenize;

/// Sentences of normalized tokens: one per line of the unlabeled text, and the sentences
/// of the training documents.
pub(super) fn corpus(unlabeled: &str, train: &[TrainDoc]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for line in unlabeled.lines() {
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
    out
}

/// Induces word clusters: each word's left and right neighbour distribution over the most
/// frequent words, split top-down by principal direction and refined with 2-means
/// (bisecting clustering); a word's path of left/right choices is its bit string.
pub(super) fn induce(corpus: &[Vec<String>], log: &mut dyn FnMut(&str)) -> String {
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
