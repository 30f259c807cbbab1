//! Short ASCII words packed into one integer, and sets of them.
//!
//! A word of at most 16 ASCII bytes, lower-cased, fits in a `u128`: comparing two words
//! is one comparison, and a set lookup is one multiply and (mostly) one probe, with no
//! allocation and no string hashing. Stopwords and word tables of the recognisers use it.

/// A set of packed ASCII words (see [`pack`]): open addressing in a power-of-two table,
/// one multiply per lookup. The empty word (key 0) is never a member.
#[derive(Clone, Debug, Default)]
pub(crate) struct PackedSet {
    slots: Vec<u128>,
    shift: u32,
}

impl PackedSet {
    /// The set of `keys` (zero keys are ignored).
    pub(crate) fn new(keys: impl IntoIterator<Item = u128>) -> PackedSet {
        let keys: Vec<u128> = keys.into_iter().filter(|&k| k != 0).collect();
        let bits = (keys.len() * 4)
            .next_power_of_two()
            .max(16)
            .trailing_zeros();
        let mut set = PackedSet {
            slots: vec![0; 1 << bits],
            shift: 64 - bits,
        };
        for k in keys {
            let mut at = set.slot(k);
            while set.slots[at] != 0 && set.slots[at] != k {
                at = (at + 1) & (set.slots.len() - 1);
            }
            set.slots[at] = k;
        }
        set
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
        if self.slots.is_empty() || key == 0 {
            return false;
        }
        let mask = self.slots.len() - 1;
        let mut at = self.slot(key);
        loop {
            match self.slots.get(at) {
                Some(&k) if k == key => return true,
                Some(&0) | None => return false,
                Some(_) => at = (at + 1) & mask,
            }
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
