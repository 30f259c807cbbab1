//! The weight table: both stages' weight rows behind one hash probe, stored as the model
//! file's table section (see [`Table`]).

use super::format::{Bytes, FormatError, Reader};
use super::tags::NT;

#[inline]
fn fingerprint(h: u64) -> u32 {
    // the low half, never 0
    u32::try_from(h & 0xFFFF_FFFF).unwrap_or(1).max(1)
}

/// The home bucket of a hash among `mask + 1` (a power of two) buckets: its top bits, so
/// hashes inserted in ascending order fill the buckets front to back.
#[inline]
fn slot_of(h: u64, mask: usize) -> usize {
    let bits = mask.count_ones();
    if bits == 0 {
        return 0;
    }
    usize::try_from(h >> (64 - bits)).unwrap_or(0) & mask
}

/// Bytes per bucket: four fingerprints, then four rows, `u32` each.
const BUCKET: usize = 32;
/// Bytes per row: `NT` stage-1 then `NT` stage-2 weights, `i16` each.
const ROW: usize = 4 * NT;

/// Both stages' weights behind one hash probe, laid out as in the model file's table
/// section (so the embedded model's is used in place): `u32` bucket count (a power of
/// two), `u32` row count, the buckets, the rows, all little-endian. A bucket holds four
/// (fingerprint, row) entries, fingerprints first; a fingerprint of 0 marks an empty
/// entry, and a bucket with one is never overflowed. Row `r` holds a feature's stage-1
/// weights and then its stage-2 ones; row 0 is all zeros and stands for an unknown
/// feature, so lookups add without branching.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    bytes: Bytes,
    mask: usize,
    rows_at: usize,
}

impl Table {
    /// The table of two stages' rows, each source giving its rows sorted by hash;
    /// `n` is about the number of rows of both.
    #[cfg(feature = "train")]
    pub(crate) fn build(
        n: usize,
        mut rows1: impl Iterator<Item = (u64, [i16; NT])>,
        mut rows2: impl Iterator<Item = (u64, [i16; NT])>,
    ) -> Result<Table, FormatError> {
        let nb = (n / 2).next_power_of_two().max(4);
        let mut buckets = vec![[0u32; 8]; nb];
        let mut w: Vec<i16> = Vec::with_capacity((n + 1) * 2 * NT);
        w.extend_from_slice(&[0; 2 * NT]);
        let zero = [0i16; NT];
        let (mut a, mut b) = (rows1.next(), rows2.next());
        loop {
            let h = match (&a, &b) {
                (None, None) => break,
                (Some((h1, _)), None) => *h1,
                (None, Some((h2, _))) => *h2,
                (Some((h1, _)), Some((h2, _))) => (*h1).min(*h2),
            };
            let r1 = match a {
                Some((h1, row)) if h1 == h => {
                    a = rows1.next();
                    row
                }
                _ => zero,
            };
            let r2 = match b {
                Some((h2, row)) if h2 == h => {
                    b = rows2.next();
                    row
                }
                _ => zero,
            };
            if !insert(&mut buckets, &mut w, h, &r1, &r2) {
                break;
            }
        }
        let rows = w.len() / (2 * NT);
        let mut bytes = Vec::with_capacity(8 + nb * BUCKET + rows * ROW);
        for x in [nb, rows] {
            let x = u32::try_from(x).map_err(|_| FormatError::bad("table too large"))?;
            bytes.extend_from_slice(&x.to_le_bytes());
        }
        for bucket in &buckets {
            for x in bucket {
                bytes.extend_from_slice(&x.to_le_bytes());
            }
        }
        for x in &w {
            bytes.extend_from_slice(&x.to_le_bytes());
        }
        Table::from_bytes(Bytes::Owned(bytes))
    }

    /// A table section (checked for size; wrong contents give wrong scores, never a panic).
    pub(crate) fn from_bytes(bytes: Bytes) -> Result<Table, FormatError> {
        let b = bytes.get();
        let mut r = Reader::new(b);
        let nb = r.u32()? as usize;
        let rows = r.u32()? as usize;
        if !nb.is_power_of_two() || rows == 0 {
            return Err(FormatError::bad("bad weight table"));
        }
        let size = nb
            .checked_mul(BUCKET)
            .and_then(|x| rows.checked_mul(ROW).and_then(|y| x.checked_add(y)))
            .and_then(|x| x.checked_add(8));
        if size != Some(b.len()) {
            return Err(FormatError::bad("weight table size mismatch"));
        }
        Ok(Table {
            mask: nb - 1,
            rows_at: 8 + nb * BUCKET,
            bytes,
        })
    }

    /// The row of a feature hash (0: unknown).
    #[inline]
    pub(crate) fn find(&self, h: u64) -> u32 {
        let b = self.bytes.get();
        let fp = fingerprint(h);
        let mut at = slot_of(h, self.mask);
        for _ in 0..=self.mask {
            let Some(c) = b
                .get(8 + at * BUCKET..)
                .and_then(|c| c.first_chunk::<BUCKET>())
            else {
                return 0;
            };
            let word =
                |e: usize| u32::from_le_bytes([c[4 * e], c[4 * e + 1], c[4 * e + 2], c[4 * e + 3]]);
            let mut r = 0;
            for e in 0..4 {
                r |= if word(e) == fp { word(4 + e) } else { 0 };
            }
            if r != 0 || word(3) == 0 {
                return r;
            }
            at = (at + 1) & self.mask;
        }
        0
    }

    /// Adds row `r`'s weights of `stage` (0 or 1) to `acc`.
    #[inline]
    pub(crate) fn add(&self, r: u32, stage: usize, acc: &mut [i32; NT]) {
        let at = self.rows_at + r as usize * ROW + stage * 2 * NT;
        if let Some(c) = self
            .bytes
            .get()
            .get(at..)
            .and_then(|c| c.first_chunk::<{ 2 * NT }>())
        {
            for (a, q) in acc.iter_mut().zip(c.chunks_exact(2)) {
                *a += i32::from(i16::from_le_bytes([q[0], q[1]]));
            }
        }
    }

    /// The section's bytes.
    pub(crate) fn bytes(&self) -> &[u8] {
        self.bytes.get()
    }

    /// Where the section's bytes live.
    #[cfg(all(test, feature = "train"))]
    pub(crate) fn storage(&self) -> &Bytes {
        &self.bytes
    }
}

/// Adds a feature's rows to the buckets and rows being built; false when the table is
/// full (it never is: it has room for twice the rows it is built for).
#[cfg(feature = "train")]
fn insert(
    buckets: &mut [[u32; 8]],
    w: &mut Vec<i16>,
    h: u64,
    r1: &[i16; NT],
    r2: &[i16; NT],
) -> bool {
    let nb = buckets.len();
    let mask = nb - 1;
    let fp = fingerprint(h);
    let Ok(row) = u32::try_from(w.len() / (2 * NT)) else {
        return false;
    };
    let mut b = slot_of(h, mask);
    for _ in 0..nb {
        let bucket = &mut buckets[b];
        if bucket[..4].contains(&fp) {
            return true; // a (vanishingly rare) fingerprint collision: keep the first
        }
        if let Some(e) = bucket[..4].iter().position(|&f| f == 0) {
            bucket[e] = fp;
            bucket[4 + e] = row;
            w.extend_from_slice(r1);
            w.extend_from_slice(r2);
            return true;
        }
        b = (b + 1) & mask;
    }
    false
}
