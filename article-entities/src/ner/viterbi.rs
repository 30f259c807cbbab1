//! Decoding: the best BILOU tag sequence of a sentence under a stage's transition scores.

use super::tags::{NT, NT8, can_end, can_start};

/// Transition scores: tag to tag, sentence start and end.
#[derive(Debug, Clone)]
pub(crate) struct Trans {
    pub trans: [[f32; NT]; NT],
    pub start: [f32; NT],
    pub end: [f32; NT],
}

impl Default for Trans {
    fn default() -> Trans {
        Trans {
            trans: [[0.0; NT]; NT],
            start: [0.0; NT],
            end: [0.0; NT],
        }
    }
}

/// The tags that close an entity or are outside one (`O`, `L-*`, `U-*`), ascending: the
/// only tags that may precede `O`, `B-*` and `U-*`.
const CLOSED: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];
/// The tags that may follow a closed tag (`O`, `B-*`, `U-*`), ascending.
const OPENING: [usize; 9] = [0, 1, 4, 5, 8, 9, 12, 13, 16];
/// [`CLOSED`] as `u32`, the lane type of the Viterbi step's argmax.
const CLOSED_U32: [u32; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];
/// The nine targets of the closed-to-opening block, padded to a multiple of 4 lanes.
const LANES: usize = 12;

/// Best tag sequence under BILOU constraints; a token after a line break (`line_starts`)
/// may not continue an entity. Among equal scores the lowest previous tag wins.
///
/// The BILOU structure keeps it cheap: `O`, `B-x` and `U-x` follow exactly the closed tags
/// (a dense 9 × 9 block, computed for all targets at once), `I-x` and `L-x` follow exactly
/// `B-x` and `I-x`.
pub(crate) fn viterbi(
    em: &[[f32; NT]],
    w: &Trans,
    line_starts: &[bool],
    back: &mut Vec<[u8; NT]>,
    out: &mut [u8],
) {
    const NEG: f32 = f32::NEG_INFINITY;
    let n = em.len().min(out.len());
    if n == 0 {
        return;
    }
    // the closed-to-opening block of the transition scores, rows padded to `LANES` (the
    // padding never wins: -inf)
    let mut block = [[NEG; LANES]; 9];
    for (row, &a) in block.iter_mut().zip(&CLOSED) {
        for (v, &b) in row.iter_mut().zip(&OPENING) {
            *v = w.trans[a][b];
        }
    }
    back.clear();
    back.resize(n, [0; NT]);
    let mut score = [NEG; NT];
    for tu in 0..NT8 {
        let t = usize::from(tu);
        if can_start(tu) {
            score[t] = em[0][t] + w.start[t];
        }
    }
    for i in 1..n {
        let boundary = line_starts.get(i).copied().unwrap_or(false);
        let mut next = [NEG; NT];
        let bk = &mut back[i];
        // all nine targets at once (same-width lanes, so the compiler vectorizes it)
        let mut best = [NEG; LANES];
        let mut arg = [0u32; LANES];
        for (row, &a) in block.iter().zip(&CLOSED_U32) {
            let sa = score[a as usize];
            for k in 0..LANES {
                let s = sa + row[k];
                let gt = s > best[k];
                best[k] = if gt { s } else { best[k] };
                arg[k] = if gt { a } else { arg[k] };
            }
        }
        for (k, &b) in OPENING.iter().enumerate() {
            next[b] = best[k] + em[i][b];
            bk[b] = u8::try_from(arg[k]).unwrap_or(0);
        }
        if !boundary {
            for l in 0..4 {
                let (bt, it) = (1 + 4 * l, 2 + 4 * l);
                for t in [it, it + 1] {
                    let mut best = NEG;
                    let mut arg = 0;
                    for a in [bt, it] {
                        let s = score[a] + w.trans[a][t];
                        if s > best {
                            best = s;
                            arg = a;
                        }
                    }
                    next[t] = best + em[i][t];
                    bk[t] = u8::try_from(arg).unwrap_or(0);
                }
            }
        }
        score = next;
    }
    let mut best = NEG;
    let mut arg = 0u8;
    for tu in 0..NT8 {
        let t = usize::from(tu);
        if can_end(tu) && score[t] > NEG {
            let s = score[t] + w.end[t];
            if s > best {
                best = s;
                arg = tu;
            }
        }
    }
    out[n - 1] = arg;
    for i in (1..n).rev() {
        out[i - 1] = back[i][usize::from(out[i])];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::tags::allowed;

    /// The textbook decoder: every allowed (previous, next) pair, first maximum kept.
    fn reference(em: &[[f32; NT]], w: &Trans, line_starts: &[bool]) -> Vec<u8> {
        const NEG: f32 = f32::NEG_INFINITY;
        let n = em.len();
        let mut back = vec![[0u8; NT]; n];
        let mut score = [NEG; NT];
        for t in 0..NT8 {
            if can_start(t) {
                score[usize::from(t)] = em[0][usize::from(t)] + w.start[usize::from(t)];
            }
        }
        for i in 1..n {
            let boundary = line_starts.get(i).copied().unwrap_or(false);
            let mut next = [NEG; NT];
            for b in 0..NT8 {
                if boundary && !can_start(b) {
                    continue;
                }
                let (mut best, mut arg) = (NEG, 0u8);
                for a in 0..NT8 {
                    if !allowed(a, b) || (boundary && !can_end(a)) {
                        continue;
                    }
                    let s = score[usize::from(a)] + w.trans[usize::from(a)][usize::from(b)];
                    if s > best {
                        best = s;
                        arg = a;
                    }
                }
                next[usize::from(b)] = best + em[i][usize::from(b)];
                back[i][usize::from(b)] = arg;
            }
            score = next;
        }
        let (mut best, mut arg) = (NEG, 0u8);
        for t in 0..NT8 {
            let s = score[usize::from(t)] + w.end[usize::from(t)];
            if can_end(t) && score[usize::from(t)] > NEG && s > best {
                best = s;
                arg = t;
            }
        }
        let mut out = vec![0u8; n];
        out[n - 1] = arg;
        for i in (1..n).rev() {
            out[i - 1] = back[i][usize::from(out[i])];
        }
        out
    }

    #[test]
    fn viterbi_matches_the_textbook_decoder() {
        struct Rng(u64);
        impl Rng {
            fn below(&mut self, range: u64) -> u64 {
                self.0 ^= self.0 << 13;
                self.0 ^= self.0 >> 7;
                self.0 ^= self.0 << 17;
                self.0 % range
            }
            fn val(&mut self, range: u64) -> f32 {
                f32::from(u16::try_from(self.below(range)).unwrap_or(0)) - 2.0
            }
        }
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let mut back = Vec::new();
        for case in 0..2000 {
            // small integers make ties common
            let range = if case % 2 == 0 { 5 } else { 1000 };
            let mut w = Trans::default();
            for row in &mut w.trans {
                row.iter_mut().for_each(|v| *v = rng.val(range));
            }
            w.start.iter_mut().for_each(|v| *v = rng.val(range));
            w.end.iter_mut().for_each(|v| *v = rng.val(range));
            let n = 1 + usize::try_from(rng.below(12)).unwrap_or(0);
            let em: Vec<[f32; NT]> = (0..n)
                .map(|_| {
                    let mut e = [0f32; NT];
                    e.iter_mut().for_each(|v| *v = rng.val(range));
                    e
                })
                .collect();
            let ls: Vec<bool> = (0..n).map(|_| rng.below(4) == 0).collect();
            let mut out = vec![0u8; n];
            viterbi(&em, &w, &ls, &mut back, &mut out);
            assert_eq!(out, reference(&em, &w, &ls), "case {case}");
        }
    }
}
