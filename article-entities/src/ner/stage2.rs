//! The second stage's features: the stage-1 tags of the token and its neighbours, and
//! document-level aggregates of the stage-1 tags (Krishnan & Manning's two-stage CRF, Ratinov
//! & Roth's context aggregation): the labels of the word's other occurrences (all of them,
//! and those away from sentence starts and headlines, where capitals are no evidence), the
//! labels of the other mentions of the same entity string, and the labels of longer
//! entities of the document that contain the mention ("Kovac" inside "Lena Kovac").

use std::ops::Range;

use super::features::{
    ALLCAP, CAP, DIGIT, HEADLINE, LOWER, PUNCT, SENT_START, Scratch, TITLE_SENT, TokInfo,
};
use super::hash::{HashMap, mix};
use super::lexicon::{PHRASE_START, phrase_step};
use super::tags::label_of;

/// The stage-2 templates (ids mixed into each feature hash; stage 1's are below 40).
mod t {
    pub const S2_TAG: u64 = 40;
    pub const S2_TAG_M1: u64 = 41;
    pub const S2_TAG_P1: u64 = 42;
    pub const S2_OTHER: u64 = 43;
    pub const S2_OTHER_C: u64 = 44;
    pub const S2_ENT: u64 = 45;
    pub const S2_TAG_L: u64 = 46;
    pub const S2_TAG2: u64 = 47;
    pub const S2_REL: u64 = 48;
    pub const S2_SUPER: u64 = 49;
}

/// Longer stage-1 entities are not indexed by their parts (bounds the work per entity).
const MAX_SUPER: usize = 8;

/// Per label, how many of `others` occurrences carry it, as a bucket: all of them, most,
/// the most of those tagged, or fewer.
fn bucket(c: u32, others: u32, tagged: u32) -> u64 {
    if c == others {
        0
    } else if 2 * c > others {
        1
    } else if 2 * c >= tagged {
        2
    } else {
        3
    }
}

/// Whether the token's capitals say nothing (sentence start, headline, title).
fn unreliable(t: &TokInfo) -> bool {
    t.flags & (SENT_START | HEADLINE | TITLE_SENT) != 0
}

/// Document-level aggregates of the stage-1 tags.
#[derive(Default)]
pub(crate) struct Stage2 {
    /// Per word key: entity-label counts and number of occurrences.
    occ: HashMap<([u32; 4], u32)>,
    /// The same, over the occurrences whose capitals are evidence (see [`unreliable`]).
    rel: HashMap<([u32; 4], u32)>,
    /// Stage-1 entities: (hash of their words, label).
    ents: Vec<(u64, usize)>,
    /// Per token: index into `ents`.
    ent_of: Vec<Option<usize>>,
    ent_counts: HashMap<[u32; 4]>,
    /// Per word sequence that is a proper part of a stage-1 entity (hash of its words):
    /// the label counts of those entities.
    parts: HashMap<[u32; 4]>,
}

impl Stage2 {
    /// Aggregates `tags` (stage-1 BILOU tag ids of the document's tokens).
    pub(crate) fn build(&mut self, infos: &[TokInfo], tags: &[u8]) {
        self.occ.clear();
        self.rel.clear();
        self.ent_counts.clear();
        self.parts.clear();
        self.add_window(infos, tags, true);
    }

    /// Sets the stage-1 entities of one window of a document (`tags` of its tokens,
    /// `infos` theirs; no entity crosses a sentence, so none crosses a window made of
    /// whole sentences), and with `count` adds the window's tags to the document's
    /// aggregates. [`Stage2::build`] is this for the whole document at once.
    pub(crate) fn add_window(&mut self, infos: &[TokInfo], tags: &[u8], count: bool) {
        self.ents.clear();
        self.ent_of.clear();
        self.ent_of.resize(infos.len(), None);
        if count {
            for (t, &tag) in infos.iter().zip(tags) {
                let label = label_of(tag);
                let add = |m: &mut HashMap<([u32; 4], u32)>| {
                    let e = m.entry(t.key).or_insert(([0; 4], 0));
                    e.1 += 1;
                    if let Some(l) = label {
                        e.0[l] += 1;
                    }
                };
                add(&mut self.occ);
                if !unreliable(t) {
                    add(&mut self.rel);
                }
            }
        }
        let mut i = 0;
        while i < tags.len() {
            let Some(l) = label_of(tags[i]) else {
                i += 1;
                continue;
            };
            let mut j = i + 1;
            while j < tags.len() && super::tags::continues(tags[j - 1], tags[j]) {
                j += 1;
            }
            let mut h = PHRASE_START;
            for t in &infos[i..j] {
                h = phrase_step(h, t.key);
            }
            let idx = self.ents.len();
            self.ents.push((h, l));
            for k in i..j {
                self.ent_of[k] = Some(idx);
            }
            if count {
                self.ent_counts.entry(h).or_insert([0; 4])[l] += 1;
                if j - i <= MAX_SUPER {
                    self.add_parts(&infos[i..j], l);
                }
            }
            i = j;
        }
    }

    /// Counts label `l` for every proper contiguous part of the entity made of `words`.
    fn add_parts(&mut self, words: &[TokInfo], l: usize) {
        let n = words.len();
        for a in 0..n {
            let mut h = PHRASE_START;
            for (b, w) in words.iter().enumerate().skip(a) {
                h = phrase_step(h, w.key);
                if b + 1 - a < n {
                    self.parts.entry(h).or_insert([0; 4])[l] += 1;
                }
            }
        }
    }
}

impl Scratch {
    /// Appends the stage-2 features of token `i` given the stage-1 tags of the document.
    pub(crate) fn stage2(
        &self,
        ctx: &Stage2,
        s: &Range<usize>,
        i: usize,
        tags: &[u8],
        out: &mut Vec<u64>,
    ) {
        let f = |a: u64, b: u64| mix(a, b);
        let me = &self.infos[i];
        let tag = |j: usize| u64::from(tags.get(j).copied().unwrap_or(0));
        let own = tag(i);
        out.push(f(t::S2_TAG, own));
        out.push(f(f(t::S2_TAG_L, own), me.l));
        let prev = if i > s.start { tag(i - 1) } else { 99 };
        let next = if i + 1 < s.end { tag(i + 1) } else { 99 };
        out.push(f(f(t::S2_TAG_M1, prev), own));
        out.push(f(f(t::S2_TAG_P1, next), own));
        let prev2 = if i >= s.start + 2 { tag(i - 2) } else { 99 };
        let next2 = if i + 2 < s.end { tag(i + 2) } else { 99 };
        out.push(f(f(f(t::S2_TAG2, 0), prev2), own));
        out.push(f(f(f(t::S2_TAG2, 1), next2), own));
        if me.flags & PUNCT != 0 {
            return;
        }
        let capclass = u64::from(me.flags & (CAP | ALLCAP | LOWER | DIGIT));
        let own_label = label_of(tags.get(i).copied().unwrap_or(0));
        if let Some(&(counts, total)) = ctx.occ.get(&me.key) {
            let mut counts = counts;
            if let Some(l) = own_label {
                counts[l] = counts[l].saturating_sub(1);
            }
            let others = total.saturating_sub(1);
            if others > 0 {
                let tagged: u32 = counts.iter().sum();
                for (l, &c) in counts.iter().enumerate() {
                    if c == 0 {
                        continue;
                    }
                    let b = bucket(c, others, tagged);
                    out.push(f(f(t::S2_OTHER, l as u64), b));
                    out.push(f(f(t::S2_OTHER_C, l as u64), capclass << 3 | b));
                }
            }
        }
        if let Some(&(counts, total)) = ctx.rel.get(&me.key) {
            let mine = !unreliable(me);
            let mut counts = counts;
            if mine && let Some(l) = own_label {
                counts[l] = counts[l].saturating_sub(1);
            }
            let others = total.saturating_sub(u32::from(mine));
            if others > 0 {
                let tagged: u32 = counts.iter().sum();
                let side = u64::from(mine);
                if tagged == 0 {
                    // seen away from sentence starts and never tagged
                    out.push(f(f(f(t::S2_REL, 4), capclass), side));
                }
                for (l, &c) in counts.iter().enumerate() {
                    if c > 0 {
                        let b = bucket(c, others, tagged);
                        out.push(f(f(f(t::S2_REL, l as u64), b), side));
                    }
                }
            }
        }
        if let Some(e) = ctx.ent_of.get(i).copied().flatten() {
            let (h, label) = ctx.ents[e];
            if let Some(&counts) = ctx.ent_counts.get(&h) {
                let mut counts = counts;
                counts[label] = counts[label].saturating_sub(1);
                for (l, &c) in counts.iter().enumerate() {
                    if c > 0 {
                        out.push(f(t::S2_ENT, l as u64));
                    }
                }
            }
            if let Some(&counts) = ctx.parts.get(&h) {
                for (l, &c) in counts.iter().enumerate() {
                    if c > 0 {
                        out.push(f(f(t::S2_SUPER, l as u64), u64::from(l == label)));
                    }
                }
            }
        }
    }
}
