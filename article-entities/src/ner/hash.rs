//! Stable 64-bit hashing of feature strings (the model file depends on it: never change).

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Mixes two values into one hash.
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(23)).wrapping_mul(K);
    let x = x ^ (x >> 31);
    x.wrapping_mul(0xBF58_476D_1CE4_E5B9) ^ (x >> 27)
}

/// Hash of a byte string.
#[inline]
pub(crate) fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = mix(seed, bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(a));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut a = [0u8; 8];
        a[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(a));
    }
    h
}

/// Hash of a string.
#[inline]
pub(crate) fn hash_str(seed: u64, s: &str) -> u64 {
    hash_bytes(seed, s.as_bytes())
}

/// A `BuildHasher` for keys that are already hashes.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct PreHashed;

/// The hasher of [`PreHashed`].
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct PreHasher(u64);

impl std::hash::Hasher for PreHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(self.0, bytes);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl std::hash::BuildHasher for PreHashed {
    type Hasher = PreHasher;
    fn build_hasher(&self) -> PreHasher {
        PreHasher(0)
    }
}

/// A map keyed by precomputed hashes.
pub(crate) type HashMap<V> = std::collections::HashMap<u64, V, PreHashed>;
