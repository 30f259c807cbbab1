//! The model: two weight tables (stage 1 and stage 2), gazetteers and clusters, its file
//! format, and Viterbi decoding.
//!
//! File: deflate (zlib) stream of
//! `b"ARTNER\0\x02"`, then sections, each a `u32` little-endian length and its bytes:
//! info (UTF-8 text), lexicon (hashed gazetteers and clusters, see `lexicon.rs`), stage-1
//! weights, stage-2 weights.
//! Weights: `f32` scale, `NT*NT + 2*NT` `f32` transition/start/end scores, a varint count,
//! then per feature (sorted by hash) the varint delta of its hash, a varint bit mask of its
//! non-zero tags and their zigzag-varint `i16` values (real weight = value × scale).

use std::io::Read;

use super::features::{Doc, Scratch, Stage2, WORD_CACHE_MAX, stage1_word};
use super::hash::HashMap;
use super::lexicon::Lexicon;
use super::tags::{NT, NT8, allowed, can_end, can_start};

const MAGIC: &[u8; 8] = b"ARTNER\0\x02";

/// Why a model could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FormatError(pub String);

/// One stage's weights: rows of quantized tag weights, sorted by feature hash.
#[derive(Debug, Clone, Default)]
pub(crate) struct Weights {
    hashes: Vec<u64>,
    w: Vec<i16>,
    scale: f32,
    pub tr: Trans,
}

/// Transition scores: tag to tag, sentence start and end.
#[derive(Debug, Clone)]
pub(crate) struct Trans {
    pub trans: [[f32; NT]; NT],
    pub start: [f32; NT],
    pub end: [f32; NT],
}

impl Default for Trans {
    fn default() -> Trans {
        Trans {
            trans: [[0.0; NT]; NT],
            start: [0.0; NT],
            end: [0.0; NT],
        }
    }
}

impl Weights {
    /// Quantizes real weight rows (any order); rows that round to zero are dropped.
    #[cfg(feature = "train")]
    pub(crate) fn from_rows(rows: &[(u64, [f32; NT])], tr: Trans, prune: f32) -> Weights {
        let max = rows
            .iter()
            .flat_map(|(_, r)| r.iter())
            .fold(0f32, |m, &v| m.max(v.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut q: Vec<(u64, [i16; NT])> = Vec::with_capacity(rows.len());
        for (h, r) in rows {
            if r.iter().all(|v| v.abs() < prune * max) {
                continue;
            }
            let mut out = [0i16; NT];
            for (o, &v) in out.iter_mut().zip(r) {
                let x = (v / scale).round().clamp(-32767.0, 32767.0);
                #[allow(clippy::cast_possible_truncation)] // clamped to i16's range
                {
                    *o = x as i16;
                }
            }
            if out.iter().any(|&v| v != 0) {
                q.push((*h, out));
            }
        }
        q.sort_unstable_by_key(|e| e.0);
        q.dedup_by_key(|e| e.0);
        Weights {
            hashes: q.iter().map(|e| e.0).collect(),
            w: q.iter().flat_map(|e| e.1).collect(),
            scale,
            tr,
        }
    }

    /// Number of feature rows.
    pub(crate) fn len(&self) -> usize {
        self.hashes.len()
    }

    #[cfg(feature = "train")]
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.scale.to_le_bytes());
        for row in &self.tr.trans {
            for v in row {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        for v in self.tr.start.iter().chain(&self.tr.end) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        put_varint(out, self.hashes.len() as u64);
        let mut last = 0u64;
        for (r, &k) in self.hashes.iter().enumerate() {
            put_varint(out, k - last);
            last = k;
            let row = &self.w[r * NT..r * NT + NT];
            let mut m = 0u64;
            for (t, &v) in row.iter().enumerate() {
                if v != 0 {
                    m |= 1 << t;
                }
            }
            put_varint(out, m);
            for &v in row.iter().filter(|v| **v != 0) {
                let z = (i64::from(v) << 1) ^ (i64::from(v) >> 63);
                put_varint(out, z.unsigned_abs());
            }
        }
    }

    fn read(r: &mut Reader<'_>) -> Result<Weights, FormatError> {
        let scale = r.f32()?;
        let mut tr = Trans::default();
        for row in &mut tr.trans {
            for v in row.iter_mut() {
                *v = r.f32()?;
            }
        }
        for v in tr.start.iter_mut().chain(tr.end.iter_mut()) {
            *v = r.f32()?;
        }
        let n = usize::try_from(r.varint()?).map_err(|_| FormatError("count".into()))?;
        if n > r.remaining() {
            return Err(FormatError("weight count larger than the file".into()));
        }
        let mut hashes = Vec::with_capacity(n);
        let mut w = Vec::with_capacity(n * NT);
        let mut key = 0u64;
        for k in 0..n {
            let delta = r.varint()?;
            if k > 0 && delta == 0 {
                return Err(FormatError("feature hashes are not sorted".into()));
            }
            key = key.wrapping_add(delta);
            let m = r.varint()?;
            let mut row = [0i16; NT];
            for (t, v) in row.iter_mut().enumerate() {
                if m >> t & 1 == 1 {
                    let z = r.varint()?;
                    let x = i64::try_from(z >> 1).unwrap_or(0) ^ -i64::try_from(z & 1).unwrap_or(0);
                    *v = i16::try_from(x).map_err(|_| FormatError("weight out of range".into()))?;
                }
            }
            hashes.push(key);
            w.extend_from_slice(&row);
        }
        Ok(Weights {
            hashes,
            w,
            scale,
            tr,
        })
    }
}

#[inline]
fn fingerprint(h: u64) -> u32 {
    // the low half, never 0
    u32::try_from(h & 0xFFFF_FFFF).unwrap_or(1).max(1)
}

#[inline]
fn slot_of(h: u64, mask: usize) -> usize {
    // the high bits are the best mixed
    usize::try_from(h >> 40).unwrap_or(0) & mask
}

/// Both stages' weights behind one hash probe: row `r` holds the stage-1 weights of a
/// feature at `w[r * 2NT..][..NT]` and its stage-2 weights right after. Row 0 is all zeros
/// and stands for an unknown feature, so lookups add without branching.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    /// Buckets of four (fingerprint, row) entries: fingerprints first, then rows; a
    /// fingerprint of 0 marks an empty entry, and a bucket with one is never overflowed.
    buckets: Vec<[u32; 8]>,
    w: Vec<i16>,
    mask: usize,
}

impl Table {
    fn build(s1: &Weights, s2: &Weights) -> Table {
        let n = s1.len() + s2.len();
        let nb = (n / 2).next_power_of_two().max(4);
        let mask = nb - 1;
        let mut t = Table {
            buckets: vec![[0; 8]; nb],
            w: Vec::with_capacity((n + 1) * 2 * NT),
            mask,
        };
        t.w.extend_from_slice(&[0; 2 * NT]);
        let (mut i, mut j) = (0, 0);
        let zero = [0i16; NT];
        while i < s1.len() || j < s2.len() {
            let h1 = s1.hashes.get(i).copied().unwrap_or(u64::MAX);
            let h2 = s2.hashes.get(j).copied().unwrap_or(u64::MAX);
            let h = h1.min(h2);
            let r1 = if h1 == h && i < s1.len() {
                i += 1;
                &s1.w[(i - 1) * NT..i * NT]
            } else {
                &zero[..]
            };
            let r2 = if h2 == h && j < s2.len() {
                j += 1;
                &s2.w[(j - 1) * NT..j * NT]
            } else {
                &zero[..]
            };
            let fp = fingerprint(h);
            let Ok(row) = u32::try_from(t.w.len() / (2 * NT)) else {
                break;
            };
            let mut b = slot_of(h, mask);
            let mut placed = false;
            for _ in 0..nb {
                let bucket = &mut t.buckets[b];
                if bucket[..4].contains(&fp) {
                    placed = true; // a (vanishingly rare) fingerprint collision: keep the first
                    break;
                }
                if let Some(e) = bucket[..4].iter().position(|&f| f == 0) {
                    bucket[e] = fp;
                    bucket[4 + e] = row;
                    t.w.extend_from_slice(r1);
                    t.w.extend_from_slice(r2);
                    placed = true;
                    break;
                }
                b = (b + 1) & mask;
            }
            if !placed {
                break;
            }
        }
        t
    }

    /// The row of a feature hash (0: unknown).
    #[inline]
    fn find(&self, h: u64) -> u32 {
        let fp = fingerprint(h);
        let mut b = slot_of(h, self.mask);
        for _ in 0..self.buckets.len() {
            let Some(bucket) = self.buckets.get(b) else {
                return 0;
            };
            let mut r = 0;
            for e in 0..4 {
                r |= if bucket[e] == fp { bucket[4 + e] } else { 0 };
            }
            if r != 0 || bucket[3] == 0 {
                return r;
            }
            b = (b + 1) & self.mask;
        }
        0
    }

    /// Adds row `r`'s weights of `stage` (0 or 1) to `acc`.
    #[inline]
    fn add(&self, r: u32, stage: usize, acc: &mut [i32; NT]) {
        let at = r as usize * 2 * NT + stage * NT;
        if let Some(row) = self.w.get(at..at + NT) {
            for (a, &v) in acc.iter_mut().zip(row) {
                *a += i32::from(v);
            }
        }
    }
}

fn scaled(acc: [i32; NT], scale: f32) -> [f32; NT] {
    let mut out = [0f32; NT];
    for (o, a) in out.iter_mut().zip(acc) {
        #[allow(clippy::cast_precision_loss)] // scores, not counts
        {
            *o = a as f32 * scale;
        }
    }
    out
}

/// A complete model.
#[derive(Debug, Default)]
pub(crate) struct Model {
    pub info: String,
    pub lex: Lexicon,
    pub s1: Weights,
    pub s2: Weights,
    table: Table,
    /// Unique per model built in this process (keys the taggers' word caches).
    id: u64,
}

static NEXT_MODEL_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Model {
    /// Puts a model together.
    pub(crate) fn new(info: String, lex: Lexicon, s1: Weights, s2: Weights) -> Model {
        let table = Table::build(&s1, &s2);
        Model {
            info,
            lex,
            s1,
            s2,
            table,
            id: NEXT_MODEL_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// Loads a model file.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Model, FormatError> {
        let mut raw = Vec::with_capacity(bytes.len() * 3);
        flate2::read::ZlibDecoder::new(bytes)
            .read_to_end(&mut raw)
            .map_err(|e| FormatError(format!("not a compressed model file: {e}")))?;
        let mut r = Reader { b: &raw, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(FormatError("not an article NER model (bad magic)".into()));
        }
        let info = r.section_text()?;
        let lex = {
            let b = r.section()?;
            Lexicon::read(&mut Reader { b, at: 0 })?
        };
        let s1 = {
            let b = r.section()?;
            Weights::read(&mut Reader { b, at: 0 })?
        };
        let s2 = {
            let b = r.section()?;
            Weights::read(&mut Reader { b, at: 0 })?
        };
        Ok(Model::new(info, lex, s1, s2))
    }

    /// Serializes the model (compressed).
    #[cfg(feature = "train")]
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        use std::io::Write;
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        put_section(&mut raw, self.info.as_bytes());
        let mut lex = Vec::new();
        self.lex.write(&mut lex);
        put_section(&mut raw, &lex);
        for w in [&self.s1, &self.s2] {
            let mut b = Vec::new();
            w.write(&mut b);
            put_section(&mut raw, &b);
        }
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        // writing to a Vec cannot fail
        let _ = enc.write_all(&raw);
        enc.finish().unwrap_or_default()
    }

    /// The two stages' weight sums of a token's word-level features, cached per word.
    fn word_scores(&self, work: &mut Work, i: usize) -> ([i32; NT], [i32; NT]) {
        let info = &work.scratch.infos[i];
        if let Some(v) = work.words.get(&info.raw) {
            return *v;
        }
        work.feats.clear();
        stage1_word(info, &mut work.feats);
        let (mut a, mut b) = ([0i32; NT], [0i32; NT]);
        for &h in &work.feats {
            let r = self.table.find(h);
            self.table.add(r, 0, &mut a);
            self.table.add(r, 1, &mut b);
        }
        if work.words.len() > WORD_CACHE_MAX {
            work.words.clear();
        }
        work.words.insert(info.raw, (a, b));
        (a, b)
    }

    /// Tags a document: BILOU tag ids per token.
    pub(crate) fn tag(&self, doc: &Doc<'_>, work: &mut Work) -> Vec<u8> {
        if work.model != self.id {
            work.words.clear();
            work.scratch.clear_cache();
            work.model = self.id;
        }
        let n = doc.tokens.len();
        work.scratch.analyze(&self.lex, doc);
        let mut tags1 = vec![0u8; n];
        work.rows.clear();
        work.off.clear();
        work.off.resize(n + 1, 0);
        work.word2.clear();
        work.word2.resize(n, [0; NT]);
        for s in doc.sentences {
            work.em.clear();
            for i in s.clone() {
                let (mut acc, w2) = self.word_scores(work, i);
                work.word2[i] = w2;
                work.feats.clear();
                work.scratch.stage1_context(s, i, &mut work.feats);
                let from = work.rows.len();
                for &h in &work.feats {
                    let r = self.table.find(h);
                    self.table.add(r, 0, &mut acc);
                    work.rows.push(r);
                }
                if let Some(o) = work.off.get_mut(i) {
                    *o = from;
                }
                if let Some(o) = work.off.get_mut(i + 1) {
                    *o = work.rows.len();
                }
                work.em.push(scaled(acc, self.s1.scale));
            }
            let ls = line_starts(doc, s);
            viterbi(
                &work.em,
                &self.s1.tr,
                ls,
                &mut work.back,
                &mut tags1[s.clone()],
            );
        }
        if self.s2.len() == 0 {
            return tags1;
        }
        work.stage2.build(&work.scratch.infos, &tags1);
        let mut tags2 = vec![0u8; n];
        for s in doc.sentences {
            work.em.clear();
            for i in s.clone() {
                let mut acc = work.word2[i];
                for &r in work.rows.get(work.off[i]..work.off[i + 1]).unwrap_or(&[]) {
                    self.table.add(r, 1, &mut acc);
                }
                work.feats.clear();
                work.scratch
                    .stage2(&work.stage2, s, i, &tags1, &mut work.feats);
                for &h in &work.feats {
                    self.table.add(self.table.find(h), 1, &mut acc);
                }
                work.em.push(scaled(acc, self.s2.scale));
            }
            let ls = line_starts(doc, s);
            viterbi(
                &work.em,
                &self.s2.tr,
                ls,
                &mut work.back,
                &mut tags2[s.clone()],
            );
        }
        tags2
    }
}

fn line_starts<'a>(doc: &Doc<'a>, s: &std::ops::Range<usize>) -> &'a [bool] {
    doc.line_starts.get(s.clone()).unwrap_or(&[])
}

/// Reusable buffers of [`Model::tag`].
#[derive(Default)]
pub(crate) struct Work {
    pub scratch: Scratch,
    pub stage2: Stage2,
    pub feats: Vec<u64>,
    pub off: Vec<usize>,
    pub rows: Vec<u32>,
    /// Per token: the stage-2 weight sum of its word-level features.
    pub word2: Vec<[i32; NT]>,
    /// Per raw word: the weight sums of its word-level features in both stages.
    pub words: HashMap<([i32; NT], [i32; NT])>,
    /// The model the caches were filled for.
    pub model: u64,
    pub em: Vec<[f32; NT]>,
    pub back: Vec<[u8; NT]>,
}

/// For each tag, the tags that may precede it (BILOU constraints).
struct Preds {
    list: [[u8; NT]; NT],
    len: [usize; NT],
}

static PREDS: std::sync::LazyLock<Preds> = std::sync::LazyLock::new(|| {
    let mut p = Preds {
        list: [[0; NT]; NT],
        len: [0; NT],
    };
    for b in 0..NT8 {
        for a in 0..NT8 {
            if allowed(a, b) {
                let bi = usize::from(b);
                p.list[bi][p.len[bi]] = a;
                p.len[bi] += 1;
            }
        }
    }
    p
});

/// Best tag sequence under BILOU constraints; a token after a line break (`line_starts`)
/// may not continue an entity.
pub(crate) fn viterbi(
    em: &[[f32; NT]],
    w: &Trans,
    line_starts: &[bool],
    back: &mut Vec<[u8; NT]>,
    out: &mut [u8],
) {
    const NEG: f32 = f32::NEG_INFINITY;
    let n = em.len().min(out.len());
    if n == 0 {
        return;
    }
    let preds = &*PREDS;
    back.clear();
    back.resize(n, [0; NT]);
    let mut score = [NEG; NT];
    for tu in 0..NT8 {
        let t = usize::from(tu);
        if can_start(tu) {
            score[t] = em[0][t] + w.start[t];
        }
    }
    for i in 1..n {
        let boundary = line_starts.get(i).copied().unwrap_or(false);
        let mut next = [NEG; NT];
        let bk = &mut back[i];
        for bu in 0..NT8 {
            let b = usize::from(bu);
            if boundary && !can_start(bu) {
                continue;
            }
            let mut best = NEG;
            let mut arg = 0u8;
            for &au in &preds.list[b][..preds.len[b]] {
                let a = usize::from(au);
                if boundary && !can_end(au) {
                    continue;
                }
                let s = score[a] + w.trans[a][b];
                if s > best {
                    best = s;
                    arg = au;
                }
            }
            next[b] = best + em[i][b];
            bk[b] = arg;
        }
        score = next;
    }
    let mut best = NEG;
    let mut arg = 0u8;
    for tu in 0..NT8 {
        let t = usize::from(tu);
        if can_end(tu) && score[t] > NEG {
            let s = score[t] + w.end[t];
            if s > best {
                best = s;
                arg = tu;
            }
        }
    }
    out[n - 1] = arg;
    for i in (1..n).rev() {
        out[i - 1] = back[i][usize::from(out[i])];
    }
}

pub(crate) struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn remaining(&self) -> usize {
        self.b.len() - self.at
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or_else(|| FormatError("model file is truncated".into()))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn f32(&mut self) -> Result<f32, FormatError> {
        let mut a = [0u8; 4];
        a.copy_from_slice(self.take(4)?);
        Ok(f32::from_le_bytes(a))
    }
    fn u32(&mut self) -> Result<u32, FormatError> {
        let mut a = [0u8; 4];
        a.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(a))
    }
    pub(crate) fn varint(&mut self) -> Result<u64, FormatError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(FormatError("bad varint".into()))
    }
    fn section(&mut self) -> Result<&'a [u8], FormatError> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    fn section_text(&mut self) -> Result<String, FormatError> {
        let b = self.section()?;
        String::from_utf8(b.to_vec()).map_err(|_| FormatError("text section is not UTF-8".into()))
    }
}

#[cfg(feature = "train")]
pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7F) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

#[cfg(feature = "train")]
fn put_section(out: &mut Vec<u8>, b: &[u8]) {
    let n = u32::try_from(b.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(b);
}
