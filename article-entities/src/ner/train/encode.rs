//! Feature extraction for training: feature hashes per token, the dictionary of the
//! frequent ones, and the documents encoded as dense feature ids.

use std::collections::HashMap as StdMap;

use super::super::features::{Doc, Scratch};
use super::super::lexicon::Lexicon;
use super::super::stage2::Stage2;
use super::doc::TrainDoc;

/// Feature hashes of a set of documents, per token.
pub(super) struct Hashed {
    pub(super) hashes: Vec<u64>,
    /// Per token (flattened over documents), the start of its hashes; one extra at the end.
    pub(super) off: Vec<usize>,
}

/// Stage-1 (and, with `s1tags`, stage-2) feature hashes of documents.
pub(super) fn extract(lex: &Lexicon, docs: &[TrainDoc], s1tags: Option<&[Vec<u8>]>) -> Hashed {
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
pub(super) struct Encoded {
    pub(super) ids: Vec<u32>,
    pub(super) off: Vec<usize>,
}

pub(super) fn dictionary(h: &Hashed, min_count: u32) -> (StdMap<u64, u32>, Vec<u64>) {
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

pub(super) fn encode(h: &Hashed, dict: &StdMap<u64, u32>) -> Encoded {
    let mut ids = Vec::with_capacity(h.hashes.len());
    let mut off = Vec::with_capacity(h.off.len());
    off.push(0);
    for w in h.off.windows(2) {
        ids.extend(h.hashes[w[0]..w[1]].iter().filter_map(|x| dict.get(x)));
        off.push(ids.len());
    }
    Encoded { ids, off }
}
