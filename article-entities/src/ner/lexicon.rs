//! Gazetteers and word clusters, as stored in a model file.
//!
//! Gazetteer text: one entry per line, `CODE<TAB>phrase`, the phrase's tokens separated by
//! one space (already tokenized). Cluster text: `word<TAB>bits`, `bits` the word's path
//! in the cluster tree as `0`/`1` characters (at most 24).

use super::hash::{HashMap, PreHashed, hash_str, mix};

/// Gazetteer kinds; a phrase may be in several. At most 16.
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

/// Gazetteers and clusters.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    gaz: HashMap<u16>,
    /// For every proper prefix of a phrase: present, so matching can stop early.
    prefixes: HashMap<()>,
    clusters: HashMap<u32>,
}

/// A cluster path: bits (most significant first) and depth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Path {
    pub bits: u32,
    pub depth: u8,
}

impl Lexicon {
    /// Builds the tables from the two texts.
    pub(crate) fn from_texts(gaz: &str, clusters: &str) -> Lexicon {
        let mut lex = Lexicon {
            gaz: HashMap::with_capacity_and_hasher(gaz.len() / 12, PreHashed),
            prefixes: HashMap::with_capacity_and_hasher(gaz.len() / 40, PreHashed),
            clusters: HashMap::with_capacity_and_hasher(clusters.len() / 14, PreHashed),
        };
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
                    lex.prefixes.insert(h, ());
                }
                lower.clear();
                super::features::normalize_lower(tok, &mut lower);
                h = phrase_step(h, token_key(&lower));
                n += 1;
            }
            if n == 0 || n > MAX_PHRASE {
                continue;
            }
            *lex.gaz.entry(h).or_insert(0) |= 1 << kind;
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
            lex.clusters
                .insert(hash_str(SEED_CLUSTER, word), (v << 5) | depth);
        }
        lex
    }

    /// Gazetteer kinds of the phrase with this hash (a bit per kind).
    #[inline]
    pub(crate) fn phrase(&self, h: u64) -> u16 {
        self.gaz.get(&h).copied().unwrap_or(0)
    }

    /// Whether some longer phrase starts with the phrase with this hash.
    #[inline]
    pub(crate) fn is_prefix(&self, h: u64) -> bool {
        self.prefixes.contains_key(&h)
    }

    /// The cluster path of a word (normalized, case kept).
    #[inline]
    pub(crate) fn cluster(&self, word: &str) -> Option<Path> {
        let v = *self.clusters.get(&hash_str(SEED_CLUSTER, word))?;
        Some(Path {
            bits: v >> 5,
            depth: u8::try_from(v & 31).unwrap_or(0),
        })
    }

    /// Number of gazetteer phrases and clustered words.
    #[cfg(feature = "train")]
    pub(crate) fn sizes(&self) -> (usize, usize) {
        (self.gaz.len(), self.clusters.len())
    }
}
