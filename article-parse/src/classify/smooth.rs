//! Context smoothing: the most likely body / boilerplate labelling of the whole page.
//!
//! A two-state Viterbi pass over the blocks: each block adds its score when labelled
//! body (nothing when boilerplate), and each switch between the two costs `switch_cost`.
//! A short body paragraph between long ones survives (leaving the body twice costs more
//! than its low score), and a lone prose-like block among menus does not. Linear time,
//! one byte of back-pointers per block.

/// The best labelling of blocks with the given body scores: `true` is body.
pub(crate) fn viterbi(scores: &[f32], switch_cost: f32) -> Vec<bool> {
    let n = scores.len();
    if n == 0 {
        return Vec::new();
    }
    // back[k] bit s: the state at k-1 on the best path that is in state s at k.
    let mut back = vec![0u8; n];
    let (mut boiler, mut body) = (0.0f32, scores[0]);
    for k in 1..n {
        let stay_boiler = boiler;
        let from_body_to_boiler = body - switch_cost;
        let (new_boiler, b0) = if stay_boiler >= from_body_to_boiler {
            (stay_boiler, 0u8)
        } else {
            (from_body_to_boiler, 1u8)
        };
        let stay_body = body;
        let from_boiler_to_body = boiler - switch_cost;
        let (best_prev_body, b1) = if stay_body >= from_boiler_to_body {
            (stay_body, 1u8)
        } else {
            (from_boiler_to_body, 0u8)
        };
        back[k] = b0 | (b1 << 1);
        boiler = new_boiler;
        body = best_prev_body + scores[k];
    }
    let mut out = vec![false; n];
    let mut state = u8::from(body > boiler);
    for k in (0..n).rev() {
        out[k] = state == 1;
        if k > 0 {
            state = (back[k] >> state) & 1;
        }
    }
    out
}

/// The contiguous run of blocks with the largest total score (Kadane), as `start..end`;
/// the single best block when every total is negative. `None` only for no blocks.
pub(crate) fn best_run(scores: &[f32]) -> Option<std::ops::Range<usize>> {
    let mut best: Option<(f32, usize, usize)> = None;
    let (mut sum, mut start) = (0.0f32, 0usize);
    for (k, &s) in scores.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = k;
        }
        sum += s;
        if best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, k + 1));
        }
    }
    best.map(|(_, a, b)| a..b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_run_table() {
        let cases: &[(&[f32], Option<std::ops::Range<usize>>)] = &[
            (&[], None),
            (&[-3.0, -1.0, -2.0], Some(1..2)),
            (&[-1.0, 1.0, 0.5, -0.2, 2.0, -5.0, 1.0], Some(1..5)),
        ];
        for (scores, want) in cases {
            assert_eq!(best_run(scores), *want, "{scores:?}");
        }
    }

    #[test]
    fn viterbi_table() {
        let cases: &[(&[f32], f32, &[bool])] = &[
            (&[], 1.0, &[]),
            (&[1.0], 1.0, &[true]),
            (&[-1.0], 1.0, &[false]),
            // A weak negative between strong positives stays body.
            (&[3.0, -0.5, 3.0], 1.0, &[true, true, true]),
            // A strong negative between them is cut out.
            (&[3.0, -5.0, 3.0], 1.0, &[true, false, true]),
            // A weak lone positive among negatives is not worth two switches.
            (&[-1.0, 0.5, -1.0], 1.0, &[false, false, false]),
            (&[-2.0, 3.0, -2.0], 1.0, &[false, true, false]),
        ];
        for (scores, cost, want) in cases {
            assert_eq!(viterbi(scores, *cost), *want, "{scores:?}");
        }
    }
}
