//! Char classes of the hot loops, from a table for the scripts pages use most.
//!
//! `char::is_alphabetic` and friends search Unicode tables for every non-ASCII char;
//! text in Cyrillic, Greek, Hangul, kana or accented Latin pays that on every letter.
//! [`Classes`] answers the same questions with one table lookup for the whole Basic
//! Multilingual Plane (each entry computed on first use), and asks the standard library
//! for chars beyond it. Answers are always exactly the standard library's (an
//! exhaustive test checks the tables).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// `char::is_alphabetic`.
pub(crate) const ALPHA: u8 = 1;
/// `char::is_alphanumeric`.
pub(crate) const ALNUM: u8 = 2;
/// `char::is_uppercase`.
pub(crate) const UPPER: u8 = 4;
/// `char::is_lowercase`.
pub(crate) const LOWER: u8 = 8;
/// `char::is_whitespace`.
pub(crate) const SPACE: u8 = 16;
/// `char::is_control`.
pub(crate) const CONTROL: u8 = 32;

/// The classes of `c`, computed by the standard library.
pub(crate) fn slow(c: char) -> u8 {
    let mut f = 0;
    if c.is_alphabetic() {
        f |= ALPHA;
    }
    if c.is_alphanumeric() {
        f |= ALNUM;
    }
    if c.is_uppercase() {
        f |= UPPER;
    }
    if c.is_lowercase() {
        f |= LOWER;
    }
    if c.is_whitespace() {
        f |= SPACE;
    }
    if c.is_control() {
        f |= CONTROL;
    }
    f
}

/// Not computed yet (no class set has all bits).
const UNKNOWN: u8 = u8::MAX;

/// Char classes of the Basic Multilingual Plane, each computed the first time it is
/// asked for and kept (relaxed atomics: any thread may fill a slot, all write the same
/// value). Chars beyond the plane go to the standard library every time.
pub(crate) struct Classes {
    bmp: Vec<AtomicU8>,
}

impl Classes {
    /// The shared table.
    pub(crate) fn get() -> &'static Classes {
        static TABLE: OnceLock<Classes> = OnceLock::new();
        TABLE.get_or_init(|| Classes {
            bmp: std::iter::repeat_with(|| AtomicU8::new(UNKNOWN))
                .take(0x10000)
                .collect(),
        })
    }

    /// The classes of `c` (bit set of [`ALPHA`], [`ALNUM`], ...).
    #[inline]
    pub(crate) fn of(&self, c: char) -> u8 {
        let Some(slot) = self.bmp.get(u32::from(c) as usize) else {
            return slow(c);
        };
        match slot.load(Ordering::Relaxed) {
            UNKNOWN => {
                let f = slow(c);
                slot.store(f, Ordering::Relaxed);
                f
            }
            f => f,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_agree_with_std() {
        let t = Classes::get();
        for u in 0..0x11000 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(t.of(c), slow(c), "U+{u:04X}");
            }
        }
    }
}
