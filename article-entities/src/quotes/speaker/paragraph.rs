//! [`Para`]: what the quotation layer knows about one paragraph (its tokens, sentence
//! starts and quoted ranges), with the lookups the patterns use.

use crate::paragraph_words::Tok;

/// What the layer knows about one paragraph.
pub(super) struct Para<'a> {
    pub(super) toks: &'a [Tok<'a>],
    pub(super) sentences: &'a [usize],
    /// Byte ranges covered by quotations (marks included).
    pub(super) quoted: Vec<(usize, usize)>,
}

impl Para<'_> {
    /// Whether `pos` is inside a quotation (ranges sorted and disjoint).
    pub(super) fn is_quoted(&self, pos: usize) -> bool {
        let k = self.quoted.partition_point(|&(s, _)| s <= pos);
        k > 0 && pos < self.quoted[k - 1].1
    }

    /// Whether a sentence starts at `pos`.
    pub(super) fn starts_sentence(&self, pos: usize) -> bool {
        self.sentences.binary_search(&pos).is_ok()
    }

    /// Start of the sentence containing `pos`.
    pub(super) fn sentence_start(&self, pos: usize) -> usize {
        let k = self.sentences.partition_point(|&s| s <= pos);
        if k == 0 { 0 } else { self.sentences[k - 1] }
    }

    /// Start of the sentence after the one containing `pos`, or `usize::MAX`.
    pub(super) fn next_sentence(&self, pos: usize) -> usize {
        let k = self.sentences.partition_point(|&s| s <= pos);
        self.sentences.get(k).copied().unwrap_or(usize::MAX)
    }

    /// Token indices of the tokens whose start is in `lo..hi`.
    pub(super) fn range(&self, lo: usize, hi: usize) -> (usize, usize) {
        let a = self.toks.partition_point(|t| t.start < lo);
        let b = self.toks.partition_point(|t| t.start < hi);
        (a, b.max(a))
    }
}
