//! Gazetteers and word clusters.
//!
//! The trainer builds them from texts. Gazetteer text: one entry per line,
//! `CODE<TAB>phrase`, the phrase's tokens separated by one space (already tokenized).
//! Cluster text: `word<TAB>bits`, `bits` the word's path in the cluster tree as `0`/`1`
//! characters (at most 24). A model file stores only hashes: three maps (phrases → kinds,
//! phrase prefixes, words → cluster paths), each as described at [`SortedMap`].

use super::format::{Bytes, FormatError, Reader};
use super::hash::{hash_str, mix};
#[cfg(feature = "train")]
use super::normalize::normalize_lower;

/// Gazetteer kinds; a phrase may be in several. At most 16.
#[cfg_attr(not(feature = "train"), allow(dead_code))] // the trainer reads codes
pub(crate) const GAZ_CODES: [&str; 16] = [
    "country",  // 0 GeoNames countries + capitals are cities
    "city1m",   // 1 GeoNames cities >= 1,000,000
    "city100k", // 2 GeoNames cities >= 100,000
    "city",     // 3 GeoNames cities >= 15,000
    "cityalt",  // 4 GeoNames alternate names of cities >= 100,000
    "region",   // 5 GeoNames US states, continents; hand-written regions
    "first1",   // 6 census first names, frequent
    "first2",   // 7 census first names, less frequent
    "last1",    // 8 census surnames, frequent
    "last2",    // 9 census surnames, less frequent
    "demonym",  // 10 hand-written nationalities and demonyms
    "localias", // 11 hand-written country aliases ("Britain", "U.S.")
    "orgcue",   // 12 hand-written organisation words ("Inc.", "Bank", "Party")
    "pertitle", // 13 hand-written person titles ("Mr.", "President")
    "org",      // 14 hand-written organisation names and acronyms
    "misc",     // 15 hand-written events, religions, languages
];

/// Longest gazetteer phrase matched, in tokens.
pub(crate) const MAX_PHRASE: usize = 6;

const SEED_TOKEN: u64 = 0x51;
const SEED_PHRASE: u64 = 0x52;
const SEED_CLUSTER: u64 = 0x53;

/// Lower-case key of a normalized token, as used for gazetteer phrases.
pub(crate) fn token_key(lower: &str) -> u64 {
    hash_str(SEED_TOKEN, lower)
}

/// Extends a phrase hash by one token key.
#[inline]
pub(crate) fn phrase_step(h: u64, key: u64) -> u64 {
    mix(h, key)
}

/// The hash of an empty phrase.
pub(crate) const PHRASE_START: u64 = SEED_PHRASE;

/// A map from 64-bit hashes, built by the trainer (open addressing, linear probing; key 0
/// is stored as 1); models keep its entries in a [`SortedMap`].
#[cfg(feature = "train")]
#[derive(Debug, Clone, Default)]
struct U64Map {
    keys: Vec<u64>,
    vals: Vec<u32>,
    len: usize,
}

#[cfg(feature = "train")]
impl U64Map {
    fn with_capacity(n: usize) -> U64Map {
        let cap = (n * 2).next_power_of_two().max(16);
        U64Map {
            keys: vec![0; cap],
            vals: vec![0; cap],
            len: 0,
        }
    }

    #[inline]
    fn slot(&self, k: u64) -> (usize, bool) {
        let mask = self.keys.len() - 1;
        let mut i = usize::try_from(k >> 40).unwrap_or(0) & mask;
        loop {
            let here = self.keys[i];
            if here == k {
                return (i, true);
            }
            if here == 0 {
                return (i, false);
            }
            i = (i + 1) & mask;
        }
    }

    /// Sets `k` to `f(old value or 0)`.
    fn update(&mut self, k: u64, f: impl FnOnce(u32) -> u32) {
        let k = k.max(1);
        if (self.len + 1) * 2 > self.keys.len() {
            let old = std::mem::replace(self, U64Map::with_capacity(self.len * 2 + 16));
            for (&ok, &v) in old.keys.iter().zip(&old.vals) {
                if ok != 0 {
                    let (i, _) = self.slot(ok);
                    self.keys[i] = ok;
                    self.vals[i] = v;
                    self.len += 1;
                }
            }
        }
        let (i, found) = self.slot(k);
        if !found {
            self.keys[i] = k;
            self.len += 1;
        }
        self.vals[i] = f(if found { self.vals[i] } else { 0 });
    }

    /// The entries, sorted by key.
    fn into_sorted(self) -> SortedMap {
        let mut e: Vec<(u64, u32)> = self
            .keys
            .iter()
            .zip(&self.vals)
            .filter(|(k, _)| **k != 0)
            .map(|(k, v)| (*k, *v))
            .collect();
        e.sort_unstable();
        let keys: Vec<u64> = e.iter().map(|x| x.0).collect();
        let vals: Vec<u32> = e.iter().map(|x| x.1).collect();
        SortedMap::from_sorted(&keys, &vals).unwrap_or_default()
    }
}

/// A map from 64-bit hashes: keys sorted, found through a directory of their top bits
/// (the hashes are uniform, so each directory slot holds one or two keys). Its entries are
/// stored as in a version-4 model file: `n` keys (`u64`), then `n` values of `width`
/// bytes (0: every value is 1; 2 or 4), little-endian, so the embedded model's are used
/// in place and loading only builds the directory.
#[derive(Debug, Clone, Default)]
pub(crate) struct SortedMap {
    bytes: Bytes,
    n: usize,
    width: usize,
    /// `dir[d]`: index of the first key whose top `bits` bits are `>= d`; `dir` has
    /// `2^bits + 1` entries.
    dir: Vec<u32>,
    bits: u32,
}

impl SortedMap {
    /// A map of `keys` (sorted, strictly increasing) and their values.
    #[cfg(feature = "train")]
    fn from_sorted(keys: &[u64], vals: &[u32]) -> Result<SortedMap, FormatError> {
        let max = vals.iter().copied().max().unwrap_or(1);
        let width = if vals.iter().all(|&v| v == 1) {
            0
        } else if max <= u32::from(u16::MAX) {
            2
        } else {
            4
        };
        let mut b = Vec::with_capacity(keys.len() * (8 + width));
        for k in keys {
            b.extend_from_slice(&k.to_le_bytes());
        }
        for &v in vals {
            match width {
                0 => {}
                2 => b.extend_from_slice(&u16::try_from(v).unwrap_or(u16::MAX).to_le_bytes()),
                _ => b.extend_from_slice(&v.to_le_bytes()),
            }
        }
        SortedMap::from_raw(Bytes::Owned(b), keys.len(), width)
    }

    /// The map over stored entries (see [`SortedMap`]); keys must ascend.
    fn from_raw(bytes: Bytes, n: usize, width: usize) -> Result<SortedMap, FormatError> {
        let bad = |m: &str| FormatError::bad(m);
        if ![0, 2, 4].contains(&width) {
            return Err(bad("bad lexicon value width"));
        }
        if n.checked_mul(8 + width) != Some(bytes.get().len()) {
            return Err(bad("lexicon size mismatch"));
        }
        // about two keys per slot
        let bits = (n / 2)
            .max(1)
            .next_power_of_two()
            .trailing_zeros()
            .clamp(1, 30);
        let slots = 1usize << bits;
        let mut dir = Vec::with_capacity(slots + 1);
        let mut at = 0usize;
        // the keys only (the values follow them)
        let key = |i: usize| if i < n { key_at(bytes.get(), i) } else { None };
        let mut next = key(0);
        let mut last = 0u64;
        for d in 0..slots {
            while let Some(k) = next.filter(|&k| top(k, bits) < d) {
                if at > 0 && k <= last {
                    return Err(bad("lexicon keys are not sorted"));
                }
                last = k;
                at += 1;
                next = key(at);
            }
            dir.push(u32::try_from(at).map_err(|_| bad("lexicon too large"))?);
        }
        while let Some(k) = next {
            // the keys in the last slot
            if at > 0 && k <= last {
                return Err(bad("lexicon keys are not sorted"));
            }
            last = k;
            at += 1;
            next = key(at);
        }
        dir.push(u32::try_from(n).map_err(|_| bad("lexicon too large"))?);
        Ok(SortedMap {
            bytes,
            n,
            width,
            dir,
            bits,
        })
    }

    #[inline]
    fn get(&self, k: u64) -> Option<u32> {
        let k = k.max(1);
        let d = top(k, self.bits.max(1));
        let lo = *self.dir.get(d)? as usize;
        let hi = *self.dir.get(d + 1)? as usize;
        let b = self.bytes.get();
        for i in lo..hi {
            let x = key_at(b, i)?;
            if x >= k {
                return (x == k).then(|| self.value(i)).flatten();
            }
        }
        None
    }

    /// The value of entry `i`.
    #[inline]
    fn value(&self, i: usize) -> Option<u32> {
        let at = self.n * 8 + i * self.width;
        let b = self.bytes.get();
        match self.width {
            0 => Some(1),
            2 => b
                .get(at..)?
                .first_chunk::<2>()
                .map(|c| u32::from(u16::from_le_bytes(*c))),
            _ => b
                .get(at..)?
                .first_chunk::<4>()
                .map(|c| u32::from_le_bytes(*c)),
        }
    }

    #[cfg_attr(not(feature = "train"), allow(dead_code))] // reported by the trainer
    fn len(&self) -> usize {
        self.n
    }

    /// Writes the map as in a version-4 file: `u32` count, `u8` value width, the entries.
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&u32::try_from(self.n).unwrap_or(u32::MAX).to_le_bytes());
        out.push(u8::try_from(self.width).unwrap_or(4));
        out.extend_from_slice(self.bytes.get());
    }

    /// Reads what [`SortedMap::write`] wrote; `keep` makes the entries' bytes.
    fn read_v4<'a>(
        r: &mut Reader<'a>,
        keep: &impl Fn(&'a [u8]) -> Bytes,
    ) -> Result<SortedMap, FormatError> {
        let n = r.u32()? as usize;
        let width = usize::from(r.take(1)?[0]);
        let size = n
            .checked_mul(8 + width)
            .ok_or_else(|| FormatError::bad("lexicon count too large"))?;
        SortedMap::from_raw(keep(r.take(size)?), n, width)
    }
}

/// Key `i` of stored entries.
#[inline]
fn key_at(b: &[u8], i: usize) -> Option<u64> {
    b.get(i.checked_mul(8)?..)?
        .first_chunk::<8>()
        .map(|c| u64::from_le_bytes(*c))
}

/// The top `bits` bits of a hash.
#[inline]
fn top(k: u64, bits: u32) -> usize {
    usize::try_from(k >> (64 - bits)).unwrap_or(0)
}

/// Gazetteers and clusters.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    gaz: SortedMap,
    /// For every proper prefix of a phrase: present, so matching can stop early.
    prefixes: SortedMap,
    clusters: SortedMap,
}

/// A cluster path: bits (most significant first) and depth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Path {
    pub bits: u32,
    pub depth: u8,
}

impl Lexicon {
    /// Builds the tables from the two texts.
    #[cfg(feature = "train")]
    pub(crate) fn from_texts(gaz: &str, clusters: &str) -> Lexicon {
        let mut gaz_map = U64Map::with_capacity(gaz.len() / 12);
        let mut prefix_map = U64Map::with_capacity(gaz.len() / 40);
        let mut cluster_map = U64Map::with_capacity(clusters.len() / 14);
        let mut lower = String::new();
        for line in gaz.lines() {
            let Some((code, phrase)) = line.split_once('\t') else {
                continue;
            };
            let Some(kind) = GAZ_CODES.iter().position(|c| *c == code) else {
                continue;
            };
            let mut h = PHRASE_START;
            let mut n = 0;
            for tok in phrase.split(' ').filter(|t| !t.is_empty()) {
                if n > 0 {
                    prefix_map.update(h, |_| 1);
                }
                lower.clear();
                normalize_lower(tok, &mut lower);
                h = phrase_step(h, token_key(&lower));
                n += 1;
            }
            if n == 0 || n > MAX_PHRASE {
                continue;
            }
            gaz_map.update(h, |old| old | 1 << kind);
        }
        for line in clusters.lines() {
            let Some((word, bits)) = line.split_once('\t') else {
                continue;
            };
            if bits.is_empty() || bits.len() > 24 || !bits.bytes().all(|b| b == b'0' || b == b'1') {
                continue;
            }
            let mut v = 0u32;
            for b in bits.bytes() {
                v = (v << 1) | u32::from(b == b'1');
            }
            let depth = u32::try_from(bits.len()).unwrap_or(0);
            cluster_map.update(hash_str(SEED_CLUSTER, word), |_| (v << 5) | depth);
        }
        Lexicon {
            gaz: gaz_map.into_sorted(),
            prefixes: prefix_map.into_sorted(),
            clusters: cluster_map.into_sorted(),
        }
    }

    /// Gazetteer kinds of the phrase with this hash (a bit per kind).
    #[inline]
    pub(crate) fn phrase(&self, h: u64) -> u16 {
        u16::try_from(self.gaz.get(h).unwrap_or(0)).unwrap_or(0)
    }

    /// Whether some longer phrase starts with the phrase with this hash.
    #[inline]
    pub(crate) fn is_prefix(&self, h: u64) -> bool {
        self.prefixes.get(h).is_some()
    }

    /// The cluster path of a word (normalized, case kept).
    #[inline]
    pub(crate) fn cluster(&self, word: &str) -> Option<Path> {
        let v = self.clusters.get(hash_str(SEED_CLUSTER, word))?;
        Some(Path {
            bits: v >> 5,
            depth: u8::try_from(v & 31).unwrap_or(0),
        })
    }

    /// Serializes the hashed tables (version 4).
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        self.gaz.write(out);
        self.prefixes.write(out);
        self.clusters.write(out);
    }

    /// Reads what [`Lexicon::write`] wrote; `keep` makes the tables' bytes.
    pub(crate) fn read_v4<'a>(
        r: &mut Reader<'a>,
        keep: &impl Fn(&'a [u8]) -> Bytes,
    ) -> Result<Lexicon, FormatError> {
        Ok(Lexicon {
            gaz: SortedMap::read_v4(r, keep)?,
            prefixes: SortedMap::read_v4(r, keep)?,
            clusters: SortedMap::read_v4(r, keep)?,
        })
    }

    /// Number of gazetteer phrases and clustered words.
    #[cfg(feature = "train")]
    pub(crate) fn sizes(&self) -> (usize, usize) {
        (self.gaz.len(), self.clusters.len())
    }
}
