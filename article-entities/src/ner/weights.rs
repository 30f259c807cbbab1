//! One stage's trained weights, quantized to `i16` rows (the trainer makes them; a model
//! copies them into its weight table).

use super::tags::NT;
use super::viterbi::Trans;

/// One stage's weights: rows of quantized tag weights, sorted by feature hash (as the
/// trainer makes them).
#[derive(Debug, Clone, Default)]
pub(crate) struct Weights {
    hashes: Vec<u64>,
    w: Vec<i16>,
    scale: f32,
    pub tr: Trans,
}

impl Weights {
    /// Quantizes real weight rows (any order); rows that round to zero are dropped.
    pub(crate) fn from_rows(rows: &[(u64, [f32; NT])], tr: Trans, prune: f32) -> Weights {
        let max = rows
            .iter()
            .flat_map(|(_, r)| r.iter())
            .fold(0f32, |m, &v| m.max(v.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut q: Vec<(u64, [i16; NT])> = Vec::with_capacity(rows.len());
        for (h, r) in rows {
            if r.iter().all(|v| v.abs() < prune * max) {
                continue;
            }
            let mut out = [0i16; NT];
            for (o, &v) in out.iter_mut().zip(r) {
                let x = (v / scale).round().clamp(-32767.0, 32767.0);
                #[allow(clippy::cast_possible_truncation)] // clamped to i16's range
                {
                    *o = x as i16;
                }
            }
            if out.iter().any(|&v| v != 0) {
                q.push((*h, out));
            }
        }
        q.sort_unstable_by_key(|e| e.0);
        q.dedup_by_key(|e| e.0);
        Weights {
            hashes: q.iter().map(|e| e.0).collect(),
            w: q.iter().flat_map(|e| e.1).collect(),
            scale,
            tr,
        }
    }

    /// Number of feature rows.
    pub(crate) fn len(&self) -> usize {
        self.hashes.len()
    }

    /// The scale: real weight = stored weight × scale.
    pub(crate) fn scale(&self) -> f32 {
        self.scale
    }

    /// The rows, sorted by feature hash: hash and tag weights.
    pub(crate) fn rows(&self) -> impl Iterator<Item = (u64, [i16; NT])> + '_ {
        self.hashes
            .iter()
            .zip(self.w.chunks_exact(NT))
            .map(|(&h, r)| {
                let mut row = [0i16; NT];
                row.copy_from_slice(r);
                (h, row)
            })
    }
}
