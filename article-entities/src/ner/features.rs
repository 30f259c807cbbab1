//! Feature extraction: per-token facts computed once, then hashed feature templates.
//!
//! Every feature is a 64-bit hash of a template id and its values; the model maps hashes to
//! weight rows. Stage 1 uses local, gazetteer, cluster and document-casing features; stage 2
//! (`super::stage2`) adds the stage-1 predictions.

use std::ops::Range;

use super::hash::{HashMap, hash_str, mix};
use super::lexicon::{Lexicon, MAX_PHRASE, PHRASE_START, phrase_step, token_key};
use super::normalize::{normalize, normalize_lower};

pub(crate) const CAP: u32 = 1;
pub(crate) const ALLCAP: u32 = 1 << 1;
pub(crate) const LOWER: u32 = 1 << 2;
pub(crate) const DIGIT: u32 = 1 << 3;
pub(crate) const ALLDIGIT: u32 = 1 << 4;
pub(crate) const HYPHEN: u32 = 1 << 5;
pub(crate) const PERIOD: u32 = 1 << 6;
pub(crate) const PUNCT: u32 = 1 << 7;
pub(crate) const SENT_START: u32 = 1 << 8;
pub(crate) const HEADLINE: u32 = 1 << 9;
pub(crate) const LINE_START: u32 = 1 << 10;
pub(crate) const TITLE_SENT: u32 = 1 << 11;

/// Facts about one token, computed once per document.
#[derive(Clone, Debug, Default)]
pub(crate) struct TokInfo {
    /// The word's id in the word cache (valid for [`Scratch::cache_gen`]).
    pub word: u32,
    pub key: u64,
    w: u64,
    /// The lower-cased word's hash.
    pub l: u64,
    shape: u64,
    short: u64,
    pre: [u64; 4],
    suf: [u64; 4],
    cl: [u64; 4],
    pub gaz: u64,
    /// Gazetteer kinds of the word as a one-token phrase, and whether a longer phrase
    /// starts with it (word-level, so cached).
    gaz1: u16,
    prefix1: bool,
    pub flags: u32,
}

/// The templates (ids mixed into each feature hash).
mod t {
    pub const BIAS: u64 = 1;
    pub const W: u64 = 2;
    pub const L: u64 = 3;
    pub const SHAPE: u64 = 4;
    pub const SHORT: u64 = 5;
    pub const PRE: u64 = 6;
    pub const SUF: u64 = 7;
    pub const L_M1: u64 = 8;
    pub const L_P1: u64 = 9;
    pub const L_M2: u64 = 10;
    pub const L_P2: u64 = 11;
    pub const SH_M1: u64 = 12;
    pub const SH_P1: u64 = 13;
    pub const SH3: u64 = 14;
    pub const LL_M1: u64 = 15;
    pub const LL_P1: u64 = 16;
    pub const CL: u64 = 17;
    pub const CL_M1: u64 = 18;
    pub const CL_P1: u64 = 19;
    pub const GAZ: u64 = 20;
    pub const GAZ_C: u64 = 21;
    pub const GAZ_M1: u64 = 22;
    pub const GAZ_P1: u64 = 23;
    pub const POS: u64 = 24;
    pub const HEAD: u64 = 25;
    pub const HEAD_L: u64 = 26;
    pub const DOCCASE: u64 = 27;
    pub const W_M1: u64 = 28;
    pub const W_P1: u64 = 29;
    pub const CL_LL: u64 = 30;
    // 40 and above: the stage-2 templates (`super::stage2`)
}

const SEED_W: u64 = 0x101;
const SEED_SHAPE: u64 = 0x102;
const NONE: u64 = 0x5EED_0000_0000_0001;
const BOS: u64 = 0x5EED_0000_0000_0002;
const EOS: u64 = 0x5EED_0000_0000_0003;

/// A document to tag: token texts and sentence ranges (token indices).
pub(crate) struct Doc<'a> {
    pub tokens: &'a [&'a str],
    pub sentences: &'a [Range<usize>],
    /// Per token: a line break precedes it (empty: none known).
    pub line_starts: &'a [bool],
}

/// Reusable buffers for feature extraction.
#[derive(Default)]
pub(crate) struct Scratch {
    buf: String,
    lower: String,
    shape: String,
    pub infos: Vec<TokInfo>,
    casing: HashMap<(u16, u16)>,
    /// Per raw token text (hashed): its id in `word_infos`.
    words: HashMap<u32>,
    /// Per word id: its word-level facts (no sentence, line or gazetteer flags).
    word_infos: Vec<TokInfo>,
    /// Changes whenever word ids are forgotten (the cache was emptied).
    pub cache_gen: u64,
}

/// The word id of a token whose facts are not cached (the cache is full).
pub(crate) const UNCACHED: u32 = u32::MAX;

/// Entries kept in a word cache before it is emptied.
pub(crate) const WORD_CACHE_MAX: usize = 1 << 16;
const SEED_RAW: u64 = 0x77;

fn flags_of(tok: &str) -> u32 {
    let mut f = 0;
    let mut letters = 0;
    let mut upper = 0;
    let mut digits = 0;
    let mut alnum = 0;
    let mut n = 0;
    for (i, c) in tok.chars().enumerate() {
        n += 1;
        if c.is_alphabetic() {
            letters += 1;
            alnum += 1;
            if c.is_uppercase() {
                upper += 1;
                if i == 0 {
                    f |= CAP;
                }
            } else if i == 0 {
                f |= LOWER;
            }
        } else if c.is_numeric() {
            digits += 1;
            alnum += 1;
        } else if c == '-' {
            f |= HYPHEN;
        } else if c == '.' {
            f |= PERIOD;
        }
    }
    if letters > 0 && upper == letters {
        f |= ALLCAP;
    }
    if digits > 0 {
        f |= DIGIT;
        if digits == n {
            f |= ALLDIGIT;
        }
    }
    if alnum == 0 {
        f |= PUNCT;
    }
    f
}

fn shapes(tok: &str, long: &mut String) -> u64 {
    long.clear();
    let mut short = 0u64;
    let mut last = '\0';
    for (i, c) in tok.chars().enumerate() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if i < 10 {
            long.push(s);
        }
        if s != last {
            short = mix(short, s as u64);
            last = s;
        }
    }
    short
}

impl Scratch {
    /// Forgets the cached word facts (they depend on the model's lexicon).
    pub(crate) fn clear_cache(&mut self) {
        self.words.clear();
        self.word_infos.clear();
        self.cache_gen += 1;
    }

    /// The word-level facts of one token.
    fn word_info(&mut self, lex: &Lexicon, tok: &str, word: u32) -> TokInfo {
        self.buf.clear();
        normalize(tok, &mut self.buf);
        self.lower.clear();
        normalize_lower(tok, &mut self.lower);
        let mut info = TokInfo {
            word,
            flags: flags_of(&self.buf),
            ..TokInfo::default()
        };
        info.key = token_key(&self.lower);
        let h = phrase_step(PHRASE_START, info.key);
        info.gaz1 = lex.phrase(h);
        info.prefix1 = lex.is_prefix(h);
        info.w = hash_str(SEED_W, &self.buf);
        info.l = info.key;
        let short = shapes(&self.buf, &mut self.shape);
        info.shape = hash_str(SEED_SHAPE, &self.shape);
        info.short = short;
        let mut ends = self.lower.char_indices().map(|(i, _)| i).skip(1);
        for k in 0..4 {
            let end = ends.next();
            info.pre[k] = match end {
                Some(e) => hash_str(k as u64, &self.lower[..e]),
                None if k == 0 || self.lower.chars().count() > k => hash_str(k as u64, &self.lower),
                None => NONE,
            };
        }
        let mut starts = self.lower.char_indices().rev().map(|(i, _)| i);
        for k in 0..4 {
            info.suf[k] = match starts.next() {
                Some(s) => hash_str(10 + k as u64, &self.lower[s..]),
                None => NONE,
            };
        }
        // clusters: exact form, then Title case for ALL CAPS, then lower case
        let mut path = lex.cluster(&self.buf);
        if path.is_none() && info.flags & ALLCAP != 0 {
            let mut title = String::with_capacity(self.lower.len());
            let mut cs = self.lower.chars();
            if let Some(c) = cs.next() {
                title.extend(c.to_uppercase());
                title.push_str(cs.as_str());
            }
            path = lex.cluster(&title);
        }
        if path.is_none() {
            path = lex.cluster(&self.lower);
        }
        info.cl = match path {
            Some(p) => {
                let mut out = [NONE; 4];
                for (j, len) in [4u8, 6, 10, 20].into_iter().enumerate() {
                    let d = p.depth.min(len);
                    let bits = p.bits >> (p.depth - d);
                    out[j] = mix(u64::from(len) << 8 | u64::from(d), u64::from(bits));
                }
                out
            }
            None => [NONE; 4],
        };
        info
    }

    /// Computes the per-token facts of `doc` into `self.infos`.
    pub(crate) fn analyze(&mut self, lex: &Lexicon, doc: &Doc<'_>) {
        self.infos.clear();
        self.infos.reserve(doc.tokens.len());
        if self.words.len() > WORD_CACHE_MAX {
            self.clear_cache();
        }
        for (i, tok) in doc.tokens.iter().enumerate() {
            let raw = hash_str(SEED_RAW, tok);
            let known = self
                .words
                .get(&raw)
                .and_then(|&id| self.word_infos.get(usize::try_from(id).ok()?));
            match known {
                Some(info) => self.infos.push(info.clone()),
                None => match u32::try_from(self.word_infos.len()) {
                    Ok(id) if id != UNCACHED => {
                        let info = self.word_info(lex, tok, id);
                        self.words.insert(raw, id);
                        self.word_infos.push(info.clone());
                        self.infos.push(info);
                    }
                    _ => {
                        let info = self.word_info(lex, tok, UNCACHED);
                        self.infos.push(info);
                    }
                },
            }
            if doc.line_starts.get(i).copied().unwrap_or(false) {
                if let Some(info) = self.infos.last_mut() {
                    info.flags |= LINE_START;
                }
            }
        }
        // sentence-level flags
        for s in doc.sentences {
            let Some(toks) = self.infos.get_mut(s.clone()) else {
                continue;
            };
            if let Some(first) = toks.iter_mut().find(|t| t.flags & PUNCT == 0) {
                first.flags |= SENT_START;
            }
            if let Some(first) = toks.first_mut() {
                first.flags |= SENT_START;
            }
            let words = toks.iter().filter(|t| t.flags & (CAP | LOWER) != 0).count();
            let caps = toks.iter().filter(|t| t.flags & ALLCAP != 0).count();
            let capped = toks.iter().filter(|t| t.flags & CAP != 0).count();
            if words >= 2 && caps == words {
                toks.iter_mut().for_each(|t| t.flags |= HEADLINE);
            } else if words >= 3 && capped == words {
                toks.iter_mut().for_each(|t| t.flags |= TITLE_SENT);
            }
        }
        // gazetteers: every phrase starting at every token, within a sentence
        for s in doc.sentences {
            for i in s.clone() {
                let mut h = PHRASE_START;
                for j in i..s.end.min(i + MAX_PHRASE) {
                    if j > i && self.infos[j].flags & LINE_START != 0 {
                        break;
                    }
                    h = phrase_step(h, self.infos[j].key);
                    let (kinds, prefix) = if j == i {
                        (self.infos[i].gaz1, self.infos[i].prefix1)
                    } else {
                        (lex.phrase(h), lex.is_prefix(h))
                    };
                    if kinds != 0 {
                        let len = j - i + 1;
                        for k in 0..16u64 {
                            if kinds & (1 << k) == 0 {
                                continue;
                            }
                            for (p, t) in self.infos[i..=j].iter_mut().enumerate() {
                                let pos = if len == 1 {
                                    3
                                } else if p == 0 {
                                    0
                                } else if p + 1 == len {
                                    2
                                } else {
                                    1
                                };
                                t.gaz |= 1 << (k * 4 + pos);
                            }
                        }
                    }
                    if !prefix {
                        break;
                    }
                }
            }
        }
        // document casing: how each word is written where case is informative
        self.casing.clear();
        for t in &self.infos {
            if t.flags & (SENT_START | HEADLINE | TITLE_SENT | LINE_START) == 0 {
                let e = self.casing.entry(t.key).or_insert((0, 0));
                if t.flags & CAP != 0 {
                    e.0 = e.0.saturating_add(1);
                } else if t.flags & LOWER != 0 {
                    e.1 = e.1.saturating_add(1);
                }
            }
        }
    }

    /// Adds the document casing counts of the last [`Scratch::analyze`] to `into` (for a
    /// document tagged window by window: the windows' counts make the document's).
    pub(crate) fn add_casing_to(&self, into: &mut HashMap<(u16, u16)>) {
        for (&k, &(cap, low)) in &self.casing {
            let e = into.entry(k).or_insert((0, 0));
            e.0 = e.0.saturating_add(cap);
            e.1 = e.1.saturating_add(low);
        }
    }

    /// Swaps the document casing with `other` (the whole document's, for one window).
    pub(crate) fn swap_casing(&mut self, other: &mut HashMap<(u16, u16)>) {
        std::mem::swap(&mut self.casing, other);
    }

    /// Appends the stage-1 features of token `i` (in sentence `s`) to `out`.
    #[cfg_attr(not(feature = "train"), allow(dead_code))] // the trainer uses the whole set
    pub(crate) fn stage1(&self, s: &Range<usize>, i: usize, out: &mut Vec<u64>) {
        stage1_word(&self.infos[i], out);
        self.stage1_context(s, i, out);
    }

    /// The stage-1 features of token `i` that depend on more than its text.
    pub(crate) fn stage1_context(&self, s: &Range<usize>, i: usize, out: &mut Vec<u64>) {
        let infos = &self.infos;
        let me = &infos[i];
        let prev = (i > s.start).then(|| &infos[i - 1]);
        let next = (i + 1 < s.end).then(|| &infos[i + 1]);
        let prev2 = (i > s.start + 1).then(|| &infos[i - 2]);
        let next2 = (i + 2 < s.end).then(|| &infos[i + 2]);
        let l = |t: Option<&TokInfo>, edge: u64| t.map_or(edge, |t| t.l);
        let sh = |t: Option<&TokInfo>, edge: u64| t.map_or(edge, |t| t.short);
        let f = |a: u64, b: u64| mix(a, b);
        out.push(f(t::L_M1, l(prev, BOS)));
        out.push(f(t::L_P1, l(next, EOS)));
        out.push(f(t::L_M2, l(prev2, BOS)));
        out.push(f(t::L_P2, l(next2, EOS)));
        out.push(f(t::W_M1, prev.map_or(BOS, |t| t.w)));
        out.push(f(t::W_P1, next.map_or(EOS, |t| t.w)));
        out.push(f(t::SH_M1, sh(prev, BOS)));
        out.push(f(t::SH_P1, sh(next, EOS)));
        Self::pair_features(me, prev, next, out);
        if let Some(p) = prev {
            out.push(f(t::CL_M1, p.cl[1]));
            out.push(f(f(t::CL_M1, p.cl[3]), 1));
        }
        if let Some(nx) = next {
            out.push(f(t::CL_P1, nx.cl[1]));
            out.push(f(f(t::CL_P1, nx.cl[3]), 1));
        }
        self.own_features(me, prev, next, out);
    }

    /// The stage-1 features of token `i` in [`Scratch::stage1_context`] that are not
    /// [`role_features`] of a neighbour: the same features, as a multiset, as
    /// `stage1_context` minus the four neighbours' role features.
    pub(crate) fn stage1_rest(&self, s: &Range<usize>, i: usize, out: &mut Vec<u64>) {
        let infos = &self.infos;
        let me = &infos[i];
        let prev = (i > s.start).then(|| &infos[i - 1]);
        let next = (i + 1 < s.end).then(|| &infos[i + 1]);
        Self::pair_features(me, prev, next, out);
        self.own_features(me, prev, next, out);
    }

    /// The features of a token with both neighbours at once (shape trigram, word pairs):
    /// part of [`Scratch::stage1_context`] and of [`Scratch::stage1_rest`].
    fn pair_features(
        me: &TokInfo,
        prev: Option<&TokInfo>,
        next: Option<&TokInfo>,
        out: &mut Vec<u64>,
    ) {
        let l = |t: Option<&TokInfo>, edge: u64| t.map_or(edge, |t| t.l);
        let sh = |t: Option<&TokInfo>, edge: u64| t.map_or(edge, |t| t.short);
        let f = |a: u64, b: u64| mix(a, b);
        out.push(f(f(t::SH3, sh(prev, BOS)), f(me.short, sh(next, EOS))));
        out.push(f(f(t::LL_M1, l(prev, BOS)), me.l));
        out.push(f(f(t::LL_P1, me.l), l(next, EOS)));
    }

    /// The features of a token's own gazetteer matches, its neighbours' gazetteer kinds,
    /// sentence position, headline kind and document casing: the last part of
    /// [`Scratch::stage1_context`] and of [`Scratch::stage1_rest`].
    fn own_features(
        &self,
        me: &TokInfo,
        prev: Option<&TokInfo>,
        next: Option<&TokInfo>,
        out: &mut Vec<u64>,
    ) {
        let capclass = u64::from(me.flags & (CAP | ALLCAP | LOWER | DIGIT | PUNCT));
        let f = |a: u64, b: u64| mix(a, b);
        let mut g = me.gaz;
        while g != 0 {
            let bit = u64::from(g.trailing_zeros());
            g &= g - 1;
            out.push(f(t::GAZ, bit));
            out.push(f(f(t::GAZ_C, bit), capclass));
        }
        for (tmpl, other) in [(t::GAZ_M1, prev), (t::GAZ_P1, next)] {
            if let Some(o) = other {
                let mut kinds = 0u64;
                for k in 0..16 {
                    if o.gaz >> (k * 4) & 0xF != 0 {
                        kinds |= 1 << k;
                    }
                }
                let mut g = kinds;
                while g != 0 {
                    let bit = u64::from(g.trailing_zeros());
                    g &= g - 1;
                    out.push(f(f(tmpl, bit), u64::from(o.flags & CAP)));
                }
            }
        }
        let start = u64::from(me.flags & SENT_START != 0);
        out.push(f(f(t::POS, start), capclass));
        if me.flags & (HEADLINE | TITLE_SENT) != 0 {
            let kind = u64::from(me.flags & HEADLINE != 0);
            out.push(f(f(t::HEAD, kind), me.short));
            out.push(f(f(t::HEAD_L, kind), me.l));
        }
        let casing = self.casing.get(&me.key).copied().unwrap_or((0, 0));
        let seen = u64::from(casing.0 > 0) | u64::from(casing.1 > 0) << 1;
        let unreliable = u64::from(me.flags & (SENT_START | HEADLINE | TITLE_SENT) != 0);
        out.push(f(f(t::DOCCASE, seen), capclass << 1 | unreliable));
    }
}

/// Appends the stage-1 features of a token that depend on its text only (the same for
/// every occurrence of the word, so a tagger may cache their weights).
pub(crate) fn stage1_word(me: &TokInfo, out: &mut Vec<u64>) {
    let f = |a: u64, b: u64| mix(a, b);
    let capclass = u64::from(me.flags & (CAP | ALLCAP | LOWER | DIGIT | PUNCT));
    out.push(t::BIAS);
    out.push(f(t::W, me.w));
    out.push(f(t::L, me.l));
    out.push(f(t::SHAPE, me.shape));
    out.push(f(t::SHORT, me.short));
    for k in 0..4 {
        if me.pre[k] != NONE {
            out.push(f(t::PRE, me.pre[k]));
        }
        if me.suf[k] != NONE {
            out.push(f(t::SUF, me.suf[k]));
        }
        if me.cl[k] != NONE {
            out.push(f(t::CL, me.cl[k]));
        }
    }
    out.push(f(f(t::CL_LL, me.cl[2]), capclass));
}

/// Where a neighbour stands relative to the token a feature describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// The token before (`None`: the sentence starts here).
    Prev = 0,
    /// The token after (`None`: the sentence ends here).
    Next = 1,
    /// Two tokens before.
    Prev2 = 2,
    /// Two tokens after.
    Next2 = 3,
}

/// Appends the stage-1 features of [`Scratch::stage1_context`] that depend on one
/// neighbour `t` in `role` only (its word-level facts, or the sentence edge when `None`),
/// so a tagger may cache their weights per word and role.
pub(crate) fn role_features(role: Role, t: Option<&TokInfo>, out: &mut Vec<u64>) {
    let f = |a: u64, b: u64| mix(a, b);
    let l = |edge: u64| t.map_or(edge, |t| t.l);
    match role {
        Role::Prev => {
            out.push(f(t::L_M1, l(BOS)));
            out.push(f(t::W_M1, t.map_or(BOS, |t| t.w)));
            out.push(f(t::SH_M1, t.map_or(BOS, |t| t.short)));
            if let Some(p) = t {
                out.push(f(t::CL_M1, p.cl[1]));
                out.push(f(f(t::CL_M1, p.cl[3]), 1));
            }
        }
        Role::Next => {
            out.push(f(t::L_P1, l(EOS)));
            out.push(f(t::W_P1, t.map_or(EOS, |t| t.w)));
            out.push(f(t::SH_P1, t.map_or(EOS, |t| t.short)));
            if let Some(nx) = t {
                out.push(f(t::CL_P1, nx.cl[1]));
                out.push(f(f(t::CL_P1, nx.cl[3]), 1));
            }
        }
        Role::Prev2 => out.push(f(t::L_M2, l(BOS))),
        Role::Next2 => out.push(f(t::L_P2, l(EOS))),
    }
}
