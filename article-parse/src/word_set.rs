//! [`WordSet`]: the one set of words the parser looks words up in (stopwords, class and
//! id words, share words).
//!
//! A word of at most 16 ASCII bytes, lower-cased, fits in a `u128` ([`pack`]): comparing
//! two words is one comparison, and a set lookup is one multiply and (mostly) one probe,
//! with no allocation and no string hashing. A [`WordSet`] keeps its words three ways: as
//! strings (any word, looked up as written), and packed in two tables (keys of at most 16
//! and at most 8 bytes) for the hot loops that pack words as they read them.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// A set of words, looked up as strings or as [`pack`] keys.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordSet {
    /// Every word, as given.
    words: HashSet<&'static str, BuildHasherDefault<Fnv>>,
    /// The packable words, packed.
    packed: PackedSet,
    /// The packable words of at most 8 bytes, keyed by the low half of their key.
    packed8: PackedSet8,
    /// Length in bytes of the longest word.
    longest: usize,
    /// Whether every word is ASCII (false for the default, empty set).
    ascii_only: bool,
}

impl WordSet {
    /// The set of `words` (empty words are left out).
    pub(crate) fn new(words: impl IntoIterator<Item = &'static str>) -> WordSet {
        let words: HashSet<&'static str, BuildHasherDefault<Fnv>> =
            words.into_iter().filter(|w| !w.is_empty()).collect();
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        let packed = PackedSet::new(words.iter().filter_map(|w| pack(w.as_bytes())));
        let packed8 = PackedSet8::new(words.iter().filter_map(|w| pack(w.as_bytes())));
        let ascii_only = words.iter().all(|w| w.is_ascii());
        WordSet {
            words,
            packed,
            packed8,
            longest,
            ascii_only,
        }
    }

    /// Whether the set has no word.
    pub(crate) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether `word` is in the set, exactly as written.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Whether the word packed as `key` (see [`pack`]) is in the set.
    #[inline]
    pub(crate) fn contains_packed(&self, key: u128) -> bool {
        self.packed.contains(key)
    }

    /// Whether the word of at most 8 bytes packed as `key` (the low half of its [`pack`]
    /// key) is in the set.
    #[inline]
    pub(crate) fn contains_packed8(&self, key: u64) -> bool {
        self.packed8.contains(key)
    }

    /// Length in bytes of the longest word (0 for an empty set).
    pub(crate) fn longest(&self) -> usize {
        self.longest
    }

    /// Whether every word is ASCII (false for the default, empty set).
    pub(crate) fn is_ascii_only(&self) -> bool {
        self.ascii_only
    }
}

/// FNV-1a: a fast hash for short words (no DoS concern: the keys are our own lists).
#[derive(Default, Clone, Copy)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of packed ASCII words (see [`pack`]): open addressing in a power-of-two table,
/// one multiply per lookup. The empty word (key 0) is never a member.
///
/// The table is grown until every key sits within [`WINDOW`] slots of its home slot (the
/// table has `WINDOW - 1` extra slots at the end, so a window never wraps): a lookup
/// compares the whole window with no branch, which costs less than the branch
/// mispredictions of a probe loop when hits and misses alternate, as stopwords do.
type PackedSet = WindowSet<u128>;

/// The words of a [`PackedSet`] of at most 8 bytes, keyed by their low half (`u64`
/// arithmetic is cheaper than `u128`'s); same layout and window.
type PackedSet8 = WindowSet<u64>;

/// The table behind [`PackedSet`] and [`PackedSet8`].
#[derive(Clone, Debug, Default)]
struct WindowSet<K> {
    slots: Vec<K>,
    shift: u32,
}

/// Slots compared per lookup.
const WINDOW: usize = 4;

/// A key of a [`WindowSet`]: a packed word, 0 for none.
trait Key: Copy + Ord + Default {
    /// The key folded to 64 bits for the multiplicative hash.
    fn fold(self) -> u64;
}

impl Key for u128 {
    #[inline]
    fn fold(self) -> u64 {
        // Both halves folded, truncation intended.
        #[allow(clippy::cast_possible_truncation)]
        {
            (self as u64) ^ ((self >> 64) as u64).rotate_left(29)
        }
    }
}

impl Key for u64 {
    #[inline]
    fn fold(self) -> u64 {
        self
    }
}

impl<K: Key> WindowSet<K> {
    /// The set of `keys` (zero keys are ignored).
    fn from_keys(mut keys: Vec<K>) -> WindowSet<K> {
        keys.retain(|&k| k != K::default());
        keys.sort_unstable();
        keys.dedup();
        let mut bits = (keys.len() * 2)
            .next_power_of_two()
            .max(16)
            .trailing_zeros();
        loop {
            if let Some(set) = WindowSet::try_build(&keys, bits) {
                return set;
            }
            bits += 1;
        }
    }

    /// The table of `2^bits` (+ window) slots, if every key fits in its window.
    fn try_build(keys: &[K], bits: u32) -> Option<WindowSet<K>> {
        let mut set = WindowSet {
            slots: vec![K::default(); (1 << bits) + WINDOW - 1],
            shift: 64 - bits,
        };
        for &k in keys {
            let home = set.slot(k);
            let free = (home..home + WINDOW).find(|&at| set.slots[at] == K::default())?;
            set.slots[free] = k;
        }
        Some(set)
    }

    /// The home slot of `key`.
    #[inline]
    fn slot(&self, key: K) -> usize {
        // Truncation intended: the top bits of the product.
        #[allow(clippy::cast_possible_truncation)]
        {
            (key.fold().wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
        }
    }

    /// Whether `key` is in the set.
    #[inline]
    fn contains(&self, key: K) -> bool {
        if self.slots.is_empty() {
            return false;
        }
        let home = self.slot(key);
        match self.slots.get(home..home + WINDOW) {
            // Key 0 is never stored but fills empty slots: it must not match them.
            Some(w) => (key != K::default()) & w.iter().fold(false, |acc, &k| acc | (k == key)),
            None => false,
        }
    }
}

impl PackedSet {
    /// The set of `keys` (zero keys are ignored).
    fn new(keys: impl IntoIterator<Item = u128>) -> PackedSet {
        WindowSet::from_keys(keys.into_iter().collect())
    }
}

impl PackedSet8 {
    /// The set of the `keys` that fit in 8 bytes (zero keys are ignored).
    fn new(keys: impl IntoIterator<Item = u128>) -> PackedSet8 {
        WindowSet::from_keys(
            keys.into_iter()
                .filter_map(|k| u64::try_from(k).ok())
                .collect(),
        )
    }
}

/// A lower-case ASCII word of at most 16 bytes, packed into a `u128` (little endian).
pub(crate) fn pack(word: &[u8]) -> Option<u128> {
    let mut buf = [0u8; 16];
    let slots = buf.get_mut(..word.len())?;
    for (slot, &b) in slots.iter_mut().zip(word) {
        if !b.is_ascii() {
            return None;
        }
        *slot = b.to_ascii_lowercase();
    }
    Some(u128::from_le_bytes(buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_and_others() {
        let words: Vec<String> = (0..2000).map(|k| format!("w{k}")).collect();
        let set = PackedSet::new(words.iter().step_by(2).filter_map(|w| pack(w.as_bytes())));
        for (k, w) in words.iter().enumerate() {
            assert_eq!(set.contains(pack(w.as_bytes()).unwrap()), k % 2 == 0, "{w}");
        }
        assert!(!set.contains(0));
        assert!(!PackedSet::default().contains(pack(b"a").unwrap()));
        assert!(!PackedSet::new([0]).contains(0));
        let short = PackedSet8::new(words.iter().step_by(2).filter_map(|w| pack(w.as_bytes())));
        for (k, w) in words.iter().enumerate() {
            let key = u64::try_from(pack(w.as_bytes()).unwrap()).unwrap();
            assert_eq!(short.contains(key), k % 2 == 0, "{w}");
        }
        assert!(!short.contains(0));
        assert!(!PackedSet8::new([pack(b"ninechars").unwrap()]).contains(0));
    }

    #[test]
    fn word_set_lookups_agree() {
        let set = WordSet::new([
            "the",
            "",
            "über",
            "recommendations",
            "a-very-long-word-indeed",
        ]);
        assert!(set.contains("the") && set.contains("über"));
        assert!(!set.contains("The") && !set.contains(""));
        assert!(set.contains_packed(pack(b"The").unwrap()));
        assert!(set.contains_packed(pack(b"recommendations").unwrap()));
        assert!(set.contains_packed8(u64::try_from(pack(b"THE").unwrap()).unwrap()));
        assert!(!set.contains_packed8(0));
        assert!(set.contains("a-very-long-word-indeed"));
        assert_eq!(set.longest(), "a-very-long-word-indeed".len());
        assert!(!set.is_ascii_only() && !set.is_empty());
        assert!(WordSet::new(["a"]).is_ascii_only());
        assert!(WordSet::new([]).is_ascii_only() && WordSet::new([]).is_empty());
        assert!(!WordSet::default().is_ascii_only());
    }
}
