//! Short ASCII words packed into one integer, and sets of them.
//!
//! A word of at most 16 ASCII bytes, lower-cased, fits in a `u128`: comparing two words
//! is one comparison, and a set lookup is one multiply and (mostly) one probe, with no
//! allocation and no string hashing. Stopwords and word tables of the recognisers use it.

/// A set of packed ASCII words (see [`pack`]): open addressing in a power-of-two table,
/// one multiply per lookup. The empty word (key 0) is never a member.
///
/// The table is grown until every key sits within [`WINDOW`] slots of its home slot (the
/// table has `WINDOW - 1` extra slots at the end, so a window never wraps): a lookup
/// compares the whole window with no branch, which costs less than the branch
/// mispredictions of a probe loop when hits and misses alternate, as stopwords do.
#[derive(Clone, Debug, Default)]
pub(crate) struct PackedSet {
    slots: Vec<u128>,
    shift: u32,
}

/// Slots compared per lookup.
const WINDOW: usize = 4;

impl PackedSet {
    /// The set of `keys` (zero keys are ignored).
    pub(crate) fn new(keys: impl IntoIterator<Item = u128>) -> PackedSet {
        let mut keys: Vec<u128> = keys.into_iter().filter(|&k| k != 0).collect();
        keys.sort_unstable();
        keys.dedup();
        let mut bits = (keys.len() * 2)
            .next_power_of_two()
            .max(16)
            .trailing_zeros();
        loop {
            if let Some(set) = PackedSet::try_build(&keys, bits) {
                return set;
            }
            bits += 1;
        }
    }

    /// The table of `2^bits` (+ window) slots, if every key fits in its window.
    fn try_build(keys: &[u128], bits: u32) -> Option<PackedSet> {
        let mut set = PackedSet {
            slots: vec![0; (1 << bits) + WINDOW - 1],
            shift: 64 - bits,
        };
        for &k in keys {
            let home = set.slot(k);
            let free = (home..home + WINDOW).find(|&at| set.slots[at] == 0)?;
            set.slots[free] = k;
        }
        Some(set)
    }

    /// The home slot of `key`.
    #[inline]
    fn slot(&self, key: u128) -> usize {
        // Both halves folded, truncation intended.
        #[allow(clippy::cast_possible_truncation)]
        let h = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        #[allow(clippy::cast_possible_truncation)]
        {
            (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
        }
    }

    /// Whether `key` is in the set.
    #[inline]
    pub(crate) fn contains(&self, key: u128) -> bool {
        if self.slots.is_empty() {
            return false;
        }
        let home = self.slot(key);
        match self.slots.get(home..home + WINDOW) {
            // Key 0 is never stored but fills empty slots: it must not match them.
            Some(w) => (key != 0) & w.iter().fold(false, |acc, &k| acc | (k == key)),
            None => false,
        }
    }
}

/// The words of a [`PackedSet`] of at most 8 bytes, keyed by their low half (`u64`
/// arithmetic is cheaper than `u128`'s); same layout and window.
#[derive(Clone, Debug, Default)]
pub(crate) struct PackedSet8 {
    slots: Vec<u64>,
    shift: u32,
}

impl PackedSet8 {
    /// The set of the `keys` that fit in 8 bytes (zero keys are ignored).
    pub(crate) fn new(keys: impl IntoIterator<Item = u128>) -> PackedSet8 {
        let mut keys: Vec<u64> = keys
            .into_iter()
            .filter_map(|k| u64::try_from(k).ok())
            .filter(|&k| k != 0)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let mut bits = (keys.len() * 2)
            .next_power_of_two()
            .max(16)
            .trailing_zeros();
        loop {
            let mut set = PackedSet8 {
                slots: vec![0; (1 << bits) + WINDOW - 1],
                shift: 64 - bits,
            };
            let fits = keys.iter().all(|&k| {
                let home = set.slot(k);
                match (home..home + WINDOW).find(|&at| set.slots[at] == 0) {
                    Some(free) => {
                        set.slots[free] = k;
                        true
                    }
                    None => false,
                }
            });
            if fits {
                return set;
            }
            bits += 1;
        }
    }

    /// The home slot of `key`.
    #[inline]
    fn slot(&self, key: u64) -> usize {
        // Truncation intended: the top bits of the product.
        #[allow(clippy::cast_possible_truncation)]
        {
            (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
        }
    }

    /// Whether `key` (a [`pack`] key of at most 8 bytes) is in the set.
    #[inline]
    pub(crate) fn contains(&self, key: u64) -> bool {
        if self.slots.is_empty() {
            return false;
        }
        let home = self.slot(key);
        match self.slots.get(home..home + WINDOW) {
            Some(w) => (key != 0) & w.iter().fold(false, |acc, &k| acc | (k == key)),
            None => false,
        }
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
}
