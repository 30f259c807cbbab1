//! Phrase tables as dense DFAs, walked by hand.
//!
//! The recognisers look for many phrases in every block, and most blocks are short: the
//! per-search set-up of a general matcher costs more than the scan of a short block.
//! [`Dfa`] is a small Aho-Corasick automaton (ASCII case insensitive, standard
//! semantics: every occurrence of every pattern) compiled to a dense table, and these
//! loops walk it one table load per byte: [`each_at_start`] stops as soon as no phrase can
//! start the text (after a byte or two for most blocks), [`each_match`] reports every
//! occurrence, overlapping ones included, and [`any_match`] stops at the first.

use std::collections::VecDeque;

/// A phrase table as a dense DFA: one table load per byte of the haystack.
///
/// Bytes that no pattern has share a class (ASCII upper case shares the lower-case
/// letter's); rows are premultiplied by the number of classes; row 0 is a dead state
/// (an anchored walk stops there); match states come last, so one comparison says
/// "match".
pub(crate) struct Dfa {
    /// The class of each byte.
    classes: [u8; 256],
    /// Next row (premultiplied) by `row + class`.
    trans: Vec<u32>,
    /// The start row.
    start: usize,
    /// Rows at or past this one are match states.
    first_match: usize,
    /// Number of classes (the row stride).
    stride: usize,
    /// Length of the longest pattern, in bytes.
    longest: usize,
    /// The patterns that end in each match state, as `(pattern, length)`, by
    /// `(row - first_match) / stride`.
    matches: Vec<Vec<(usize, usize)>>,
}

/// No child in the trie.
const NONE: usize = usize::MAX;

impl Dfa {
    /// The DFA of `patterns` (ASCII case insensitive; empty patterns are ignored), for
    /// anchored walks (phrases at the start only) or unanchored ones.
    ///
    /// # Panics
    /// When the table would have more than `u32::MAX` cells (far beyond our tables).
    pub(crate) fn new<P: AsRef<[u8]>>(patterns: &[P], anchored: bool) -> Dfa {
        // Classes: 0 for bytes in no pattern, one per (lower-cased) pattern byte.
        let mut classes = [0u8; 256];
        let mut stride = 1usize;
        for p in patterns {
            for &b in p.as_ref() {
                let l = usize::from(b.to_ascii_lowercase());
                if classes[l] == 0 {
                    classes[l] =
                        u8::try_from(stride).expect("invariant: at most 255 pattern bytes");
                    stride += 1;
                }
            }
        }
        for b in b'A'..=b'Z' {
            classes[usize::from(b)] = classes[usize::from(b.to_ascii_lowercase())];
        }
        let class = |b: u8| usize::from(classes[usize::from(b)]);
        // The trie: state 0 is the root; `own` lists the patterns ending at each state.
        let mut children = vec![NONE; stride];
        let mut own: Vec<Vec<(usize, usize)>> = vec![Vec::new()];
        for (pid, p) in patterns.iter().enumerate() {
            let p = p.as_ref();
            if p.is_empty() {
                continue;
            }
            let mut s = 0;
            for &b in p {
                let at = s * stride + class(b);
                if children[at] == NONE {
                    children[at] = own.len();
                    own.push(Vec::new());
                    children.resize(own.len() * stride, NONE);
                }
                s = children[at];
            }
            own[s].push((pid, p.len()));
        }
        // Transitions, breadth first: a missing child goes where the failure state goes
        // (unanchored) or to the dead state (anchored); a state's matches are its own and
        // its failure state's (unanchored: every pattern that ends here).
        let n = own.len();
        let dead = n;
        let mut delta = vec![0usize; (n + 1) * stride];
        for slot in &mut delta[dead * stride..] {
            *slot = dead;
        }
        let mut fail = vec![0usize; n];
        let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
        out[0].clone_from(&own[0]);
        let mut queue = VecDeque::new();
        for c in 0..stride {
            match children[c] {
                NONE => delta[c] = if anchored { dead } else { 0 },
                t => {
                    delta[c] = t;
                    queue.push_back(t);
                }
            }
        }
        while let Some(s) = queue.pop_front() {
            let mut found = own[s].clone();
            if !anchored {
                found.extend_from_slice(&out[fail[s]]);
            }
            out[s] = found;
            for c in 0..stride {
                let via_fail = delta[fail[s] * stride + c];
                match children[s * stride + c] {
                    NONE => delta[s * stride + c] = if anchored { dead } else { via_fail },
                    t => {
                        fail[t] = via_fail;
                        delta[s * stride + c] = t;
                        queue.push_back(t);
                    }
                }
            }
        }
        // Rows: the dead state first, then states without matches, then match states.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&s| (!out[s].is_empty(), s));
        let mut row_of = vec![0usize; n + 1];
        for (k, &s) in order.iter().enumerate() {
            row_of[s] = (k + 1) * stride;
        }
        row_of[dead] = 0;
        let mut trans = vec![0u32; (n + 1) * stride];
        for s in 0..=n {
            for c in 0..stride {
                trans[row_of[s] + c] =
                    u32::try_from(row_of[delta[s * stride + c]]).expect("invariant: small tables");
            }
        }
        let first_match = order
            .iter()
            .position(|&s| !out[s].is_empty())
            .map_or(n + 1, |k| k + 1)
            * stride;
        let mut matches = vec![Vec::new(); ((n + 1) * stride - first_match) / stride];
        for s in 0..n {
            if !out[s].is_empty() {
                matches[(row_of[s] - first_match) / stride] = std::mem::take(&mut out[s]);
            }
        }
        Dfa {
            classes,
            trans,
            start: row_of[0],
            first_match,
            stride,
            longest: patterns.iter().map(|p| p.as_ref().len()).max().unwrap_or(0),
            matches,
        }
    }

    /// The next row after `row` on byte `b`.
    #[inline(always)]
    fn next(&self, row: usize, b: u8) -> usize {
        // Rows and classes come from the table's construction: always in bounds.
        self.trans[row + usize::from(self.classes[usize::from(b)])] as usize
    }

    /// The patterns of match row `row`.
    #[inline]
    fn matches_of(&self, row: usize) -> &[(usize, usize)] {
        self.matches
            .get((row - self.first_match) / self.stride)
            .map_or(&[], Vec::as_slice)
    }
}

/// Calls `f(pattern, end)` for each pattern that `hay` starts with (`end` is its length),
/// shortest first. `dfa` must be anchored.
#[inline]
pub(crate) fn each_at_start(dfa: &Dfa, hay: &[u8], mut f: impl FnMut(usize, usize)) {
    let mut row = dfa.start;
    for (i, &b) in hay.iter().enumerate() {
        row = dfa.next(row, b);
        if row == 0 {
            return;
        }
        if row >= dfa.first_match {
            for &(pid, len) in dfa.matches_of(row) {
                // From the anchored start only phrases that begin at 0 are reached;
                // the check keeps that a stated fact rather than an assumption.
                if len == i + 1 {
                    f(pid, i + 1);
                }
            }
        }
    }
}

/// Calls `f(pattern, start, end)` for every occurrence of every pattern in `hay`, in
/// order of their ends (overlapping occurrences included). `dfa` must be unanchored.
///
/// A long haystack is walked as two halves at once (the second starts early enough to
/// see every phrase that ends in it): two independent chains of table loads keep the
/// processor busy where one waits on each load. The second half's matches are held back
/// and reported after the first half's, so the order is the one-walk order.
#[inline]
pub(crate) fn each_match(dfa: &Dfa, hay: &[u8], mut f: impl FnMut(usize, usize, usize)) {
    let overlap = dfa.longest.saturating_sub(1);
    if hay.len() < 4 * dfa.longest.max(32) {
        walk(dfa, hay, 0, 0, &mut f);
        return;
    }
    let mid = hay.len() / 2;
    let b_start = mid - overlap;
    let (first, second) = (&hay[..mid], &hay[b_start..]);
    let mut held: Vec<(usize, usize, usize)> = Vec::new();
    let (mut ra, mut rb) = (dfa.start, dfa.start);
    for (i, (&a, &b)) in first.iter().zip(second).enumerate() {
        ra = dfa.next(ra, a);
        rb = dfa.next(rb, b);
        if ra >= dfa.first_match {
            for &(pid, len) in dfa.matches_of(ra) {
                f(pid, i + 1 - len, i + 1);
            }
        }
        if rb >= dfa.first_match {
            let end = b_start + i + 1;
            for &(pid, len) in dfa.matches_of(rb) {
                if end > mid {
                    held.push((pid, end - len, end));
                }
            }
        }
    }
    for (pid, start, end) in held {
        f(pid, start, end);
    }
    // The rest of the second half, from the state the lockstep loop left it in.
    let done = first.len();
    let mut row = rb;
    for (k, &b) in second.iter().enumerate().skip(done) {
        row = dfa.next(row, b);
        if row >= dfa.first_match {
            let end = b_start + k + 1;
            for &(pid, len) in dfa.matches_of(row) {
                f(pid, end - len, end);
            }
        }
    }
}

/// One walk over `hay` from the start state, reporting matches that end after `after`
/// (offsets shifted by `shift`).
#[inline]
fn walk(
    dfa: &Dfa,
    hay: &[u8],
    shift: usize,
    after: usize,
    f: &mut impl FnMut(usize, usize, usize),
) {
    let mut row = dfa.start;
    for (i, &b) in hay.iter().enumerate() {
        row = dfa.next(row, b);
        if row >= dfa.first_match {
            let end = shift + i + 1;
            if end > after {
                for &(pid, len) in dfa.matches_of(row) {
                    f(pid, end - len, end);
                }
            }
        }
    }
}

/// Whether any pattern occurs in `hay`. `dfa` must be unanchored.
#[inline]
pub(crate) fn any_match(dfa: &Dfa, hay: &[u8]) -> bool {
    let mut row = dfa.start;
    for &b in hay {
        row = dfa.next(row, b);
        if row >= dfa.first_match {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;

    /// All three walks against `aho_corasick`'s overlapping search.
    fn check(patterns: &[String], hay: &[u8]) {
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(patterns)
            .unwrap();
        let unanchored = Dfa::new(patterns, false);
        let anchored = Dfa::new(patterns, true);
        let mut got = Vec::new();
        each_match(&unanchored, hay, |p, s, e| got.push((p, s, e)));
        // The two-half walk reports in the order of one walk.
        let mut one = Vec::new();
        walk(&unanchored, hay, 0, 0, &mut |p, s, e| one.push((p, s, e)));
        assert_eq!(got, one, "{patterns:?} {hay:?}");
        let mut want: Vec<_> = ac
            .find_overlapping_iter(hay)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want, "{patterns:?} {hay:?}");
        assert_eq!(any_match(&unanchored, hay), !want.is_empty());
        let mut starts = Vec::new();
        each_at_start(&anchored, hay, |p, e| starts.push((p, 0, e)));
        want.retain(|m| m.1 == 0);
        starts.sort_unstable();
        assert_eq!(starts, want, "{patterns:?} {hay:?}");
    }

    #[test]
    fn walks_agree_with_aho_corasick() {
        let patterns: Vec<String> = [
            "share",
            "share this",
            "he",
            "hers",
            "this",
            "a",
            "don\u{2019}t",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        for hay in [
            "",
            "Share this story",
            "SHARE THIS",
            "ushers share the hearth",
            "a",
            "xyz",
            "hers",
            "DON\u{2019}T Don't",
        ] {
            check(&patterns, hay.as_bytes());
        }
    }

    #[test]
    fn random_tables_agree_with_aho_corasick() {
        // A small alphabet makes overlaps and shared prefixes common.
        let alphabet: &[&[u8]] = &[
            b"a",
            b"b",
            b"A",
            b"B",
            b" ",
            b"'",
            "\u{2019}".as_bytes(),
            b"x",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % n as u64).unwrap()
        };
        let mut word = |max: usize| {
            let len = next(max) + 1;
            (0..len)
                .flat_map(|_| alphabet[next(alphabet.len())].to_vec())
                .collect::<Vec<u8>>()
        };
        for round in 0..300 {
            let patterns: Vec<String> = (0..round % 8 + 1)
                .map(|_| String::from_utf8_lossy(&word(4)).into_owned())
                .collect();
            let hay = word(if round % 2 == 0 { 30 } else { 600 });
            check(&patterns, &hay);
        }
    }
}
