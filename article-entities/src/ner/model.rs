//! The model: two weight tables (stage 1 and stage 2), gazetteers and clusters, its file
//! format, and Viterbi decoding.
//!
//! File (version 4): `b"ARTNER\0\x04"`, then sections, each a `u32` little-endian length
//! and its bytes: info (UTF-8 text), lexicon (hashed gazetteers and clusters, see
//! `lexicon.rs`), stages, weight table.
//! Stages: for stage 1 then stage 2, an `f32` scale, `NT*NT + 2*NT` `f32`
//! transition/start/end scores and a `u32` count of the stage's feature rows.
//! Weight table: the lookup table itself (see [`Table`]), so loading the embedded model
//! decodes nothing and tagging reads the weights where `include_bytes!` put them.
//!
//! Compressed files (what the trainer writes and the crate embeds): a standard LZ4 frame
//! (`lz4 -d` gives the raw file) of a version-4 file, written by [`compress`] and read by
//! [`decompress`], sniffed by the frame's magic number. Files of other versions are refused
//! with their version ([`FormatError::Version`]).

use std::io::Read;

use super::features::{Doc, Role, Scratch, Stage2, UNCACHED, role_features, stage1_word};
use super::lexicon::Lexicon;
use super::tags::{NT, NT8, can_end, can_start};

/// The file version this crate reads and writes.
pub(crate) const VERSION: u8 = 4;
const MAGIC: &[u8; 8] = b"ARTNER\0\x04";
/// What every model file starts with, before its version byte.
const MAGIC_PREFIX: &[u8; 7] = b"ARTNER\0";
/// The magic number of an LZ4 frame (`0x184D2204`, little-endian).
const LZ4_MAGIC: &[u8; 4] = &[0x04, 0x22, 0x4D, 0x18];

/// Whether `bytes` start like a compressed model file (an LZ4 frame).
pub(crate) fn is_compressed(bytes: &[u8]) -> bool {
    bytes.starts_with(LZ4_MAGIC)
}

/// A model file compressed as the trainer writes it: one LZ4 frame of 256 KiB
/// independent blocks with the content size and no checksums (the encoder of `lz4_flex`,
/// deterministic for a given version of it).
pub(crate) fn compress(raw: &[u8]) -> Vec<u8> {
    use lz4_flex::frame::{BlockMode, BlockSize, FrameEncoder, FrameInfo};
    use std::io::Write;
    let info = FrameInfo::new()
        .block_size(BlockSize::Max256KB)
        .block_mode(BlockMode::Independent)
        .content_size(u64::try_from(raw.len()).ok());
    let mut enc = FrameEncoder::with_frame_info(info, Vec::with_capacity(raw.len() / 2 + 64));
    // writing to a Vec cannot fail; an error would leave a truncated frame that fails to load
    let _ = enc.write_all(raw);
    enc.finish().unwrap_or_default()
}

/// The raw model file inside a compressed one (one LZ4 frame; the size it announces only
/// sizes the buffer, capped at what LZ4's ratio allows).
pub(crate) fn decompress(bytes: &[u8]) -> Result<Vec<u8>, FormatError> {
    // the frame descriptor: flags, then with the content-size flag (0x08) the size after
    // one more byte (block descriptor)
    let announced = match (bytes.get(4), bytes.get(6..14)) {
        (Some(flg), Some(size)) if flg & 0x08 != 0 => {
            let mut le = [0u8; 8];
            le.copy_from_slice(size);
            usize::try_from(u64::from_le_bytes(le)).unwrap_or(0)
        }
        _ => 0,
    };
    let cap = announced.min(bytes.len().saturating_mul(256));
    let mut raw = Vec::with_capacity(cap);
    lz4_flex::frame::FrameDecoder::new(bytes)
        .read_to_end(&mut raw)
        .map_err(|e| FormatError::Bad(format!("bad compressed model: {e}")))?;
    Ok(raw)
}

/// Why a model could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FormatError {
    /// The bytes are not a model file, or a damaged one.
    Bad(String),
    /// A model file of another format version (the version it has).
    Version(u8),
}

impl FormatError {
    pub(crate) fn bad(msg: &str) -> FormatError {
        FormatError::Bad(msg.into())
    }
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::Bad(msg) => f.write_str(msg),
            FormatError::Version(found) => write!(
                f,
                "model file of format version {found}; this build reads version {VERSION}"
            ),
        }
    }
}

/// One stage's weights: rows of quantized tag weights, sorted by feature hash (as the
/// trainer makes them).
#[cfg(feature = "train")]
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

#[cfg(feature = "train")]
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
}

#[inline]
fn fingerprint(h: u64) -> u32 {
    // the low half, never 0
    u32::try_from(h & 0xFFFF_FFFF).unwrap_or(1).max(1)
}

/// The home bucket of a hash among `mask + 1` (a power of two) buckets: its top bits, so
/// hashes inserted in ascending order fill the buckets front to back.
#[inline]
fn slot_of(h: u64, mask: usize) -> usize {
    let bits = mask.count_ones();
    if bits == 0 {
        return 0;
    }
    usize::try_from(h >> (64 - bits)).unwrap_or(0) & mask
}

/// The bytes a [`Table`] or a lexicon map lives in: the embedded model file's (used where
/// they are, no copy), its own (built by the trainer), or a range of a loaded model file's
/// (shared, no copy).
#[derive(Debug, Clone)]
pub(crate) enum Bytes {
    Static(&'static [u8]),
    /// Built by the trainer.
    #[cfg(feature = "train")]
    Owned(Vec<u8>),
    Shared(std::sync::Arc<Vec<u8>>, usize, usize),
}

impl Default for Bytes {
    fn default() -> Bytes {
        Bytes::Static(&[])
    }
}

impl Bytes {
    #[inline]
    pub(crate) fn get(&self) -> &[u8] {
        match self {
            Bytes::Static(b) => b,
            #[cfg(feature = "train")]
            Bytes::Owned(v) => v,
            Bytes::Shared(v, start, end) => v.get(*start..*end).unwrap_or(&[]),
        }
    }
}

/// Bytes per bucket: four fingerprints, then four rows, `u32` each.
const BUCKET: usize = 32;
/// Bytes per row: `NT` stage-1 then `NT` stage-2 weights, `i16` each.
const ROW: usize = 4 * NT;

/// Both stages' weights behind one hash probe, laid out as in the model file's table
/// section (so the embedded model's is used in place): `u32` bucket count (a power of
/// two), `u32` row count, the buckets, the rows, all little-endian. A bucket holds four
/// (fingerprint, row) entries, fingerprints first; a fingerprint of 0 marks an empty
/// entry, and a bucket with one is never overflowed. Row `r` holds a feature's stage-1
/// weights and then its stage-2 ones; row 0 is all zeros and stands for an unknown
/// feature, so lookups add without branching.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    bytes: Bytes,
    mask: usize,
    rows_at: usize,
}

impl Table {
    /// The table of two stages' rows, each source giving its rows sorted by hash;
    /// `n` is about the number of rows of both.
    #[cfg(feature = "train")]
    fn build(
        n: usize,
        mut next1: impl FnMut() -> Result<Option<(u64, [i16; NT])>, FormatError>,
        mut next2: impl FnMut() -> Result<Option<(u64, [i16; NT])>, FormatError>,
    ) -> Result<Table, FormatError> {
        let nb = (n / 2).next_power_of_two().max(4);
        let mut buckets = vec![[0u32; 8]; nb];
        let mut w: Vec<i16> = Vec::with_capacity((n + 1) * 2 * NT);
        w.extend_from_slice(&[0; 2 * NT]);
        let zero = [0i16; NT];
        let (mut a, mut b) = (next1()?, next2()?);
        loop {
            let h = match (&a, &b) {
                (None, None) => break,
                (Some((h1, _)), None) => *h1,
                (None, Some((h2, _))) => *h2,
                (Some((h1, _)), Some((h2, _))) => (*h1).min(*h2),
            };
            let r1 = match a {
                Some((h1, row)) if h1 == h => {
                    a = next1()?;
                    row
                }
                _ => zero,
            };
            let r2 = match b {
                Some((h2, row)) if h2 == h => {
                    b = next2()?;
                    row
                }
                _ => zero,
            };
            if !insert(&mut buckets, &mut w, h, &r1, &r2) {
                break;
            }
        }
        let rows = w.len() / (2 * NT);
        let mut bytes = Vec::with_capacity(8 + nb * BUCKET + rows * ROW);
        for x in [nb, rows] {
            let x = u32::try_from(x).map_err(|_| FormatError::bad("table too large"))?;
            bytes.extend_from_slice(&x.to_le_bytes());
        }
        for bucket in &buckets {
            for x in bucket {
                bytes.extend_from_slice(&x.to_le_bytes());
            }
        }
        for x in &w {
            bytes.extend_from_slice(&x.to_le_bytes());
        }
        Table::from_bytes(Bytes::Owned(bytes))
    }

    /// A table section (checked for size; wrong contents give wrong scores, never a panic).
    fn from_bytes(bytes: Bytes) -> Result<Table, FormatError> {
        let b = bytes.get();
        let mut r = Reader { b, at: 0 };
        let nb = r.u32()? as usize;
        let rows = r.u32()? as usize;
        if !nb.is_power_of_two() || rows == 0 {
            return Err(FormatError::bad("bad weight table"));
        }
        let size = nb
            .checked_mul(BUCKET)
            .and_then(|x| rows.checked_mul(ROW).and_then(|y| x.checked_add(y)))
            .and_then(|x| x.checked_add(8));
        if size != Some(b.len()) {
            return Err(FormatError::bad("weight table size mismatch"));
        }
        Ok(Table {
            mask: nb - 1,
            rows_at: 8 + nb * BUCKET,
            bytes,
        })
    }

    /// The row of a feature hash (0: unknown).
    #[inline]
    fn find(&self, h: u64) -> u32 {
        let b = self.bytes.get();
        let fp = fingerprint(h);
        let mut at = slot_of(h, self.mask);
        for _ in 0..=self.mask {
            let Some(c) = b
                .get(8 + at * BUCKET..)
                .and_then(|c| c.first_chunk::<BUCKET>())
            else {
                return 0;
            };
            let word =
                |e: usize| u32::from_le_bytes([c[4 * e], c[4 * e + 1], c[4 * e + 2], c[4 * e + 3]]);
            let mut r = 0;
            for e in 0..4 {
                r |= if word(e) == fp { word(4 + e) } else { 0 };
            }
            if r != 0 || word(3) == 0 {
                return r;
            }
            at = (at + 1) & self.mask;
        }
        0
    }

    /// Adds row `r`'s weights of `stage` (0 or 1) to `acc`.
    #[inline]
    fn add(&self, r: u32, stage: usize, acc: &mut [i32; NT]) {
        let at = self.rows_at + r as usize * ROW + stage * 2 * NT;
        if let Some(c) = self
            .bytes
            .get()
            .get(at..)
            .and_then(|c| c.first_chunk::<{ 2 * NT }>())
        {
            for (a, q) in acc.iter_mut().zip(c.chunks_exact(2)) {
                *a += i32::from(i16::from_le_bytes([q[0], q[1]]));
            }
        }
    }

    /// The section's bytes.
    fn bytes(&self) -> &[u8] {
        self.bytes.get()
    }
}

/// Adds a feature's rows to the buckets and rows being built; false when the table is
/// full (it never is: it has room for twice the rows it is built for).
#[cfg(feature = "train")]
fn insert(
    buckets: &mut [[u32; 8]],
    w: &mut Vec<i16>,
    h: u64,
    r1: &[i16; NT],
    r2: &[i16; NT],
) -> bool {
    let nb = buckets.len();
    let mask = nb - 1;
    let fp = fingerprint(h);
    let Ok(row) = u32::try_from(w.len() / (2 * NT)) else {
        return false;
    };
    let mut b = slot_of(h, mask);
    for _ in 0..nb {
        let bucket = &mut buckets[b];
        if bucket[..4].contains(&fp) {
            return true; // a (vanishingly rare) fingerprint collision: keep the first
        }
        if let Some(e) = bucket[..4].iter().position(|&f| f == 0) {
            bucket[e] = fp;
            bucket[4 + e] = row;
            w.extend_from_slice(r1);
            w.extend_from_slice(r2);
            return true;
        }
        b = (b + 1) & mask;
    }
    false
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

/// What tagging needs of one stage besides its weight rows (which live in the [`Table`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct Stage {
    scale: f32,
    tr: Trans,
    /// Number of feature rows the stage had.
    rows: usize,
}

impl Stage {
    /// Reads the scale and the transition, start and end scores.
    fn read_scores(r: &mut Reader<'_>) -> Result<(f32, Trans), FormatError> {
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
        Ok((scale, tr))
    }

    /// Reads what [`Stage::write`] wrote.
    fn read(r: &mut Reader<'_>) -> Result<Stage, FormatError> {
        let (scale, tr) = Stage::read_scores(r)?;
        let rows = r.u32()? as usize;
        Ok(Stage { scale, tr, rows })
    }

    /// Writes the scale, the scores and the row count (version 4).
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
        let rows = u32::try_from(self.rows).unwrap_or(u32::MAX);
        out.extend_from_slice(&rows.to_le_bytes());
    }

    #[cfg(feature = "train")]
    fn of(w: &Weights) -> Stage {
        Stage {
            scale: w.scale,
            tr: w.tr.clone(),
            rows: w.len(),
        }
    }
}

/// A complete model.
#[derive(Debug, Default)]
pub(crate) struct Model {
    pub info: String,
    pub lex: Lexicon,
    s1: Stage,
    s2: Stage,
    table: Table,
    /// Unique per model built in this process (keys the taggers' word caches).
    id: u64,
}

static NEXT_MODEL_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Model {
    /// Puts a model together (the weight rows are copied into the lookup table).
    #[cfg(feature = "train")]
    pub(crate) fn new(info: String, lex: Lexicon, s1: &Weights, s2: &Weights) -> Model {
        fn rows(w: &Weights) -> impl FnMut() -> Result<Option<(u64, [i16; NT])>, FormatError> + '_ {
            let mut i = 0;
            move || {
                let (Some(&h), Some(r)) = (w.hashes.get(i), w.w.get(i * NT..i * NT + NT)) else {
                    return Ok(None);
                };
                let mut row = [0i16; NT];
                row.copy_from_slice(r);
                i += 1;
                Ok(Some((h, row)))
            }
        }
        let table = Table::build(s1.len() + s2.len(), rows(s1), rows(s2)).unwrap_or_default();
        Model::assemble(info, lex, Stage::of(s1), Stage::of(s2), table)
    }

    fn assemble(info: String, lex: Lexicon, s1: Stage, s2: Stage, table: Table) -> Model {
        Model {
            info,
            lex,
            s1,
            s2,
            table,
            id: NEXT_MODEL_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// Loads a raw model file that lives as long as the program (the embedded one, once
    /// decompressed): its weight table is used in place.
    #[cfg(any(feature = "model", all(test, feature = "train")))]
    pub(crate) fn from_static(bytes: &'static [u8]) -> Result<Model, FormatError> {
        if bytes.starts_with(MAGIC) {
            return Model::from_v4(bytes, Bytes::Static);
        }
        Model::from_bytes(bytes)
    }

    /// Loads a model file, compressed or not.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Model, FormatError> {
        if is_compressed(bytes) {
            let raw = decompress(bytes)?;
            if is_compressed(&raw) {
                return Err(FormatError::bad("compressed twice"));
            }
            return Model::from_owned(raw);
        }
        Model::from_raw(bytes)
    }

    /// Loads a model file from a buffer of its own: a version-4 file's table and lexicon
    /// maps are used in place, in the buffer.
    fn from_owned(raw: Vec<u8>) -> Result<Model, FormatError> {
        if !raw.starts_with(MAGIC) {
            return Model::from_raw(&raw);
        }
        let buf = std::sync::Arc::new(raw);
        let base = buf.as_ptr() as usize;
        // each section is a sub-slice of `buf`: share the buffer, keep its range
        Model::from_v4(&buf, |t| {
            let start = (t.as_ptr() as usize).wrapping_sub(base);
            Bytes::Shared(buf.clone(), start, start + t.len())
        })
    }

    /// Loads an uncompressed model file.
    fn from_raw(bytes: &[u8]) -> Result<Model, FormatError> {
        if bytes.starts_with(MAGIC) {
            return Model::from_owned(bytes.to_vec());
        }
        Err(version_of(bytes).map_or_else(
            || FormatError::bad("not an article NER model (bad magic)"),
            FormatError::Version,
        ))
    }

    /// Reads the sections of a version-4 file; `keep` makes the bytes of the table and
    /// of the lexicon's maps.
    fn from_v4<'a>(raw: &'a [u8], keep: impl Fn(&'a [u8]) -> Bytes) -> Result<Model, FormatError> {
        let mut r = Reader { b: raw, at: 0 };
        r.take(8)?;
        let info = r.section_text()?;
        let lex = Lexicon::read_v4(
            &mut Reader {
                b: r.section()?,
                at: 0,
            },
            &keep,
        )?;
        let mut stages = Reader {
            b: r.section()?,
            at: 0,
        };
        let s1 = Stage::read(&mut stages)?;
        let s2 = Stage::read(&mut stages)?;
        let table = Table::from_bytes(keep(r.section()?))?;
        Ok(Model::assemble(info, lex, s1, s2, table))
    }

    /// The model as a (version 4) model file.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        put_section(&mut raw, self.info.as_bytes());
        let mut lex = Vec::new();
        self.lex.write(&mut lex);
        put_section(&mut raw, &lex);
        let mut stages = Vec::new();
        self.s1.write(&mut stages);
        self.s2.write(&mut stages);
        put_section(&mut raw, &stages);
        put_section(&mut raw, self.table.bytes());
        raw
    }

    /// The two stages' weight sums of the features `feats`.
    fn sums(&self, feats: &[u64]) -> Sums {
        let (mut a, mut b) = ([0i32; NT], [0i32; NT]);
        for &h in feats {
            let r = self.table.find(h);
            self.table.add(r, 0, &mut a);
            self.table.add(r, 1, &mut b);
        }
        (a, b)
    }

    /// The two stages' weight sums of a token's word-level features, cached per word.
    fn word_scores(&self, work: &mut Work, i: usize) -> Sums {
        let info = &work.scratch.infos[i];
        let id = usize::try_from(info.word).unwrap_or(usize::MAX);
        if let Some(Some(v)) = work.words.get(id) {
            return *v;
        }
        work.feats.clear();
        stage1_word(info, &mut work.feats);
        let (a, b) = self.sums(&work.feats);
        if info.word != UNCACHED {
            if work.words.len() <= id {
                work.words.resize(id + 1, None);
            }
            work.words[id] = Some((a, b));
        }
        (a, b)
    }

    /// The two stages' weight sums of the features the token before (`Role::Prev`) or
    /// after (`Role::Next`) gives a token (`j`: its index; `None`: the sentence edge),
    /// cached per word.
    fn role_scores(&self, work: &mut Work, role: Role, j: Option<usize>) -> Sums {
        let r = usize::from(role == Role::Next);
        let word = j.and_then(|j| work.scratch.infos.get(j)).map(|t| t.word);
        let id = word.map(|w| usize::try_from(w).unwrap_or(usize::MAX));
        let cached = match id {
            None => work.edges[r],
            Some(id) => work.roles[r].get(id).copied().flatten(),
        };
        if let Some(v) = cached {
            return v;
        }
        work.feats.clear();
        role_features(
            role,
            j.and_then(|j| work.scratch.infos.get(j)),
            &mut work.feats,
        );
        let (a, b) = self.sums(&work.feats);
        match (word, id) {
            (None, _) => work.edges[r] = Some((a, b)),
            (Some(w), Some(id)) if w != UNCACHED => {
                let cache = &mut work.roles[r];
                if cache.len() <= id {
                    cache.resize(id + 1, None);
                }
                cache[id] = Some((a, b));
            }
            _ => {}
        }
        (a, b)
    }

    /// The table row of the one feature the token two before (`Role::Prev2`) or two
    /// after (`Role::Next2`) gives a token, cached per word (a row, not sums: 4 bytes).
    fn role_row(&self, work: &mut Work, role: Role, j: Option<usize>) -> u32 {
        let r = usize::from(role == Role::Next2);
        let word = j.and_then(|j| work.scratch.infos.get(j)).map(|t| t.word);
        let id = word.map(|w| usize::try_from(w).unwrap_or(usize::MAX));
        let cached = match id {
            None => work.edge_rows[r],
            Some(id) => work.role_rows[r]
                .get(id)
                .copied()
                .filter(|&x| x != NOT_CACHED),
        };
        if let Some(v) = cached {
            return v;
        }
        work.feats.clear();
        role_features(
            role,
            j.and_then(|j| work.scratch.infos.get(j)),
            &mut work.feats,
        );
        let row = work.feats.first().map_or(0, |&h| self.table.find(h));
        match (word, id) {
            (None, _) => work.edge_rows[r] = Some(row),
            (Some(w), Some(id)) if w != UNCACHED => {
                let cache = &mut work.role_rows[r];
                if cache.len() <= id {
                    cache.resize(id + 1, NOT_CACHED);
                }
                cache[id] = row;
            }
            _ => {}
        }
        row
    }

    /// Tags a document: BILOU tag ids per token.
    pub(crate) fn tag(&self, doc: &Doc<'_>, work: &mut Work) -> Vec<u8> {
        if work.model != self.id {
            work.scratch.clear_cache();
            work.edges = [None; 2];
            work.edge_rows = [None; 2];
            work.model = self.id;
        }
        let n = doc.tokens.len();
        work.scratch.analyze(&self.lex, doc);
        if work.words_gen != work.scratch.cache_gen {
            work.words.clear();
            work.roles.iter_mut().for_each(Vec::clear);
            work.role_rows.iter_mut().for_each(Vec::clear);
            work.words_gen = work.scratch.cache_gen;
        }
        let mut tags1 = vec![0u8; n];
        work.word2.clear();
        work.word2.resize(n, [0; NT]);
        for s in doc.sentences {
            work.em.clear();
            for i in s.clone() {
                let (mut acc, mut acc2) = self.word_scores(work, i);
                // the neighbours' share of the context features, cached per word
                let near = [
                    (Role::Prev, (i > s.start).then(|| i - 1)),
                    (Role::Next, (i + 1 < s.end).then_some(i + 1)),
                ];
                for (role, j) in near {
                    let (a, b) = self.role_scores(work, role, j);
                    add_into(&mut acc, &a);
                    add_into(&mut acc2, &b);
                }
                let far = [
                    (Role::Prev2, (i > s.start + 1).then(|| i - 2)),
                    (Role::Next2, (i + 2 < s.end).then_some(i + 2)),
                ];
                for (role, j) in far {
                    let r = self.role_row(work, role, j);
                    self.table.add(r, 0, &mut acc);
                    self.table.add(r, 1, &mut acc2);
                }
                work.feats.clear();
                work.scratch.stage1_rest(s, i, &mut work.feats);
                // stage 2 has these features too: sum its weights while the row is at hand
                for &h in &work.feats {
                    let r = self.table.find(h);
                    self.table.add(r, 0, &mut acc);
                    self.table.add(r, 1, &mut acc2);
                }
                if let Some(w2) = work.word2.get_mut(i) {
                    *w2 = acc2;
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
        if self.s2.rows == 0 {
            return tags1;
        }
        work.stage2.build(&work.scratch.infos, &tags1);
        let mut tags2 = vec![0u8; n];
        for s in doc.sentences {
            work.em.clear();
            for i in s.clone() {
                let mut acc = work.word2[i];
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

/// Both stages' weight sums of some features.
type Sums = ([i32; NT], [i32; NT]);

/// A [`Work::role_rows`] entry not filled yet.
const NOT_CACHED: u32 = u32::MAX;

#[inline]
fn add_into(acc: &mut [i32; NT], x: &[i32; NT]) {
    for (a, &v) in acc.iter_mut().zip(x) {
        *a += v;
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
    /// Per token: the stage-2 weight sum of its stage-1 features (all but the stage-2
    /// ones).
    pub word2: Vec<[i32; NT]>,
    /// Per word id (of the scratch's word cache): the weight sums of its word-level
    /// features in both stages, once computed.
    pub words: Vec<Option<Sums>>,
    /// For `Role::Prev` and `Role::Next`, per word id: the weight sums of the features
    /// the word gives its neighbour by standing there (same ids as `words`).
    pub roles: [Vec<Option<Sums>>; 2],
    /// The same at a sentence edge (for `model`).
    pub edges: [Option<Sums>; 2],
    /// For `Role::Prev2` and `Role::Next2`, per word id: the table row of the feature
    /// the word gives the token two after or before it ([`NOT_CACHED`]: not known yet).
    pub role_rows: [Vec<u32>; 2],
    /// The same at a sentence edge.
    pub edge_rows: [Option<u32>; 2],
    /// The scratch's cache generation the ids in `words` belong to.
    pub words_gen: u64,
    /// The model the caches were filled for.
    pub model: u64,
    pub em: Vec<[f32; NT]>,
    pub back: Vec<[u8; NT]>,
}

/// The tags that close an entity or are outside one (`O`, `L-*`, `U-*`), ascending: the
/// only tags that may precede `O`, `B-*` and `U-*`.
const CLOSED: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];
/// The tags that may follow a closed tag (`O`, `B-*`, `U-*`), ascending.
const OPENING: [usize; 9] = [0, 1, 4, 5, 8, 9, 12, 13, 16];
/// [`CLOSED`] as `u32`, the lane type of the Viterbi step's argmax.
const CLOSED_U32: [u32; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];
/// The nine targets of the closed-to-opening block, padded to a multiple of 4 lanes.
const LANES: usize = 12;

/// Best tag sequence under BILOU constraints; a token after a line break (`line_starts`)
/// may not continue an entity. Among equal scores the lowest previous tag wins.
///
/// The BILOU structure keeps it cheap: `O`, `B-x` and `U-x` follow exactly the closed tags
/// (a dense 9 × 9 block, computed for all targets at once), `I-x` and `L-x` follow exactly
/// `B-x` and `I-x`.
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
    // the closed-to-opening block of the transition scores, rows padded to `LANES` (the
    // padding never wins: -inf)
    let mut block = [[NEG; LANES]; 9];
    for (row, &a) in block.iter_mut().zip(&CLOSED) {
        for (v, &b) in row.iter_mut().zip(&OPENING) {
            *v = w.trans[a][b];
        }
    }
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
        // all nine targets at once (same-width lanes, so the compiler vectorizes it)
        let mut best = [NEG; LANES];
        let mut arg = [0u32; LANES];
        for (row, &a) in block.iter().zip(&CLOSED_U32) {
            let sa = score[a as usize];
            for k in 0..LANES {
                let s = sa + row[k];
                let gt = s > best[k];
                best[k] = if gt { s } else { best[k] };
                arg[k] = if gt { a } else { arg[k] };
            }
        }
        for (k, &b) in OPENING.iter().enumerate() {
            next[b] = best[k] + em[i][b];
            bk[b] = u8::try_from(arg[k]).unwrap_or(0);
        }
        if !boundary {
            for l in 0..4 {
                let (bt, it) = (1 + 4 * l, 2 + 4 * l);
                for t in [it, it + 1] {
                    let mut best = NEG;
                    let mut arg = 0;
                    for a in [bt, it] {
                        let s = score[a] + w.trans[a][t];
                        if s > best {
                            best = s;
                            arg = a;
                        }
                    }
                    next[t] = best + em[i][t];
                    bk[t] = u8::try_from(arg).unwrap_or(0);
                }
            }
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
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or_else(|| FormatError::bad("model file is truncated"))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn f32(&mut self) -> Result<f32, FormatError> {
        let mut a = [0u8; 4];
        a.copy_from_slice(self.take(4)?);
        Ok(f32::from_le_bytes(a))
    }
    pub(crate) fn u32(&mut self) -> Result<u32, FormatError> {
        let mut a = [0u8; 4];
        a.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(a))
    }
    fn section(&mut self) -> Result<&'a [u8], FormatError> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    fn section_text(&mut self) -> Result<String, FormatError> {
        let b = self.section()?;
        String::from_utf8(b.to_vec()).map_err(|_| FormatError::bad("text section is not UTF-8"))
    }
}

/// The format version of a model file that is not of this version, if it looks like one:
/// the byte after the magic, or 2 for a zlib stream (version-2 files were zlib-compressed).
fn version_of(bytes: &[u8]) -> Option<u8> {
    if let Some(rest) = bytes.strip_prefix(MAGIC_PREFIX.as_slice()) {
        return rest.first().copied();
    }
    let zlib = matches!(bytes, [0x78, flg, ..] if (0x7800 | u16::from(*flg)) % 31 == 0);
    zlib.then_some(2)
}

fn put_section(out: &mut Vec<u8>, b: &[u8]) {
    let n = u32::try_from(b.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(b);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::tags::allowed;

    /// The textbook decoder: every allowed (previous, next) pair, first maximum kept.
    fn reference(em: &[[f32; NT]], w: &Trans, line_starts: &[bool]) -> Vec<u8> {
        const NEG: f32 = f32::NEG_INFINITY;
        let n = em.len();
        let mut back = vec![[0u8; NT]; n];
        let mut score = [NEG; NT];
        for t in 0..NT8 {
            if can_start(t) {
                score[usize::from(t)] = em[0][usize::from(t)] + w.start[usize::from(t)];
            }
        }
        for i in 1..n {
            let boundary = line_starts.get(i).copied().unwrap_or(false);
            let mut next = [NEG; NT];
            for b in 0..NT8 {
                if boundary && !can_start(b) {
                    continue;
                }
                let (mut best, mut arg) = (NEG, 0u8);
                for a in 0..NT8 {
                    if !allowed(a, b) || (boundary && !can_end(a)) {
                        continue;
                    }
                    let s = score[usize::from(a)] + w.trans[usize::from(a)][usize::from(b)];
                    if s > best {
                        best = s;
                        arg = a;
                    }
                }
                next[usize::from(b)] = best + em[i][usize::from(b)];
                back[i][usize::from(b)] = arg;
            }
            score = next;
        }
        let (mut best, mut arg) = (NEG, 0u8);
        for t in 0..NT8 {
            let s = score[usize::from(t)] + w.end[usize::from(t)];
            if can_end(t) && score[usize::from(t)] > NEG && s > best {
                best = s;
                arg = t;
            }
        }
        let mut out = vec![0u8; n];
        out[n - 1] = arg;
        for i in (1..n).rev() {
            out[i - 1] = back[i][usize::from(out[i])];
        }
        out
    }

    /// A model from random weight rows and a random lexicon.
    #[cfg(feature = "train")]
    fn random_model(seed: u64) -> Model {
        let mut x = seed;
        let mut next = move || {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            x
        };
        let stage = |n: usize, next: &mut dyn FnMut() -> u64| {
            let rows: Vec<(u64, [f32; NT])> = (0..n)
                .map(|_| {
                    let h = (next() % 5000).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                    let mut r = [0f32; NT];
                    for v in &mut r {
                        if next() % 3 == 0 {
                            *v = (next() % 2001) as f32 - 1000.0;
                        }
                    }
                    (h, r)
                })
                .collect();
            let mut tr = Trans::default();
            tr.trans[1][2] = 0.5;
            tr.start[3] = -1.0;
            Weights::from_rows(&rows, tr, 0.0)
        };
        let s1 = stage(3000, &mut next);
        let s2 = stage(4000, &mut next);
        let (mut gaz, mut clusters) = (String::new(), String::new());
        for i in 0..3000 {
            let code = crate::ner::lexicon::GAZ_CODES[i % 16];
            gaz.push_str(&format!("{code}\tw{} w{}\n", next() % 900, next() % 900));
            gaz.push_str(&format!("{code}\tw{}\n", next() % 900));
        }
        for i in 0..1000 {
            clusters.push_str(&format!("w{i}\t{:b}\n", next() % 100_000));
        }
        let lex = Lexicon::from_texts(&gaz, &clusters);
        Model::new("test".into(), lex, &s1, &s2)
    }

    /// A model file loads (owned or in place) into the lookups of the model the trainer
    /// built, and writes back the same bytes.
    #[cfg(feature = "train")]
    #[test]
    fn model_files_load_into_the_trained_lookups() {
        let old = random_model(7);
        let v4 = old.to_bytes();
        assert!(v4.starts_with(MAGIC));
        let new = Model::from_bytes(&v4).unwrap();
        assert_eq!(new.to_bytes(), v4);
        let leaked: &'static [u8] = Box::leak(v4.clone().into_boxed_slice());
        let in_place = Model::from_static(leaked).unwrap();
        assert!(matches!(in_place.table.bytes, Bytes::Static(_)));
        let mut found = 0;
        for k in 0..6000u64 {
            let h = k.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            let r = old.table.find(h);
            found += usize::from(r != 0);
            for m in [&new, &in_place] {
                let q = m.table.find(h);
                for stage in 0..2 {
                    let (mut a, mut b) = ([0i32; NT], [0i32; NT]);
                    old.table.add(r, stage, &mut a);
                    m.table.add(q, stage, &mut b);
                    assert_eq!(a, b, "hash {h:x} stage {stage}");
                }
            }
        }
        assert!(found > 3000, "{found}");
        let (mut phrases, mut prefixes, mut clustered) = (0, 0, 0);
        for i in 0..1200 {
            let w = format!("w{i}");
            let h = crate::ner::lexicon::phrase_step(
                crate::ner::lexicon::PHRASE_START,
                crate::ner::lexicon::token_key(&w),
            );
            let h2 = crate::ner::lexicon::phrase_step(h, crate::ner::lexicon::token_key("w7"));
            for m in [&new, &in_place] {
                for h in [h, h2] {
                    assert_eq!(old.lex.phrase(h), m.lex.phrase(h), "{w}");
                    assert_eq!(old.lex.is_prefix(h), m.lex.is_prefix(h), "{w}");
                }
                assert_eq!(
                    old.lex.cluster(&w).map(|p| (p.bits, p.depth)),
                    m.lex.cluster(&w).map(|p| (p.bits, p.depth))
                );
            }
            phrases += usize::from(old.lex.phrase(h) != 0);
            prefixes += usize::from(old.lex.is_prefix(h));
            clustered += usize::from(old.lex.cluster(&w).is_some());
        }
        assert!(
            phrases > 500 && prefixes > 500 && clustered == 1000,
            "{phrases} {prefixes} {clustered}"
        );
        assert_eq!(old.s2.rows, new.s2.rows);
        assert_eq!(old.s1.tr.trans, new.s1.tr.trans);
        assert_eq!(old.s1.scale.to_bits(), new.s1.scale.to_bits());
    }

    /// Compressed files load into the same model, in place in the decompressed buffer;
    /// compression is deterministic; a frame inside a frame is refused.
    #[cfg(feature = "train")]
    #[test]
    fn compressed_files_load() {
        let model = random_model(5);
        let v4 = model.to_bytes();
        let lz4 = compress(&v4);
        assert!(is_compressed(&lz4) && !is_compressed(&v4));
        assert!(lz4.len() < v4.len(), "{} {}", lz4.len(), v4.len());
        assert_eq!(compress(&v4), lz4);
        assert_eq!(decompress(&lz4).unwrap(), v4);
        let loaded = Model::from_bytes(&lz4).unwrap();
        assert!(matches!(loaded.table.bytes, Bytes::Shared(..)));
        assert_eq!(loaded.to_bytes(), v4);
        assert!(Model::from_bytes(&compress(&lz4)).is_err());
        assert!(Model::from_bytes(&compress(b"hello")).is_err());
        assert!(Model::from_bytes(&lz4[..4]).is_err());
        for k in 0..3000u64 {
            let h = k.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            let (r, q) = (model.table.find(h), loaded.table.find(h));
            let (mut a, mut b) = ([0i32; NT], [0i32; NT]);
            model.table.add(r, 1, &mut a);
            loaded.table.add(q, 1, &mut b);
            assert_eq!(a, b);
        }
    }

    /// Cut or damaged model files are errors or wrong models, never panics.
    #[cfg(feature = "train")]
    #[test]
    fn damaged_files_do_not_panic() {
        let model = random_model(11);
        let v4 = model.to_bytes();
        let lz4 = compress(&v4);
        for file in [&v4, &lz4] {
            for cut in (0..file.len()).step_by(97).chain([file.len() - 1]) {
                let _ = Model::from_bytes(&file[..cut]);
            }
            let mut bad = file.clone();
            for i in (40..bad.len()).step_by(13) {
                bad[i] ^= 0x5A;
            }
            if let Ok(m) = Model::from_bytes(&bad) {
                for k in 0..2000u64 {
                    let mut acc = [0i32; NT];
                    m.table.add(
                        m.table.find(k.wrapping_mul(0x9E37_79B9_7F4A_7C15)),
                        1,
                        &mut acc,
                    );
                }
            }
        }
    }

    #[test]
    fn viterbi_matches_the_textbook_decoder() {
        struct Rng(u64);
        impl Rng {
            fn below(&mut self, range: u64) -> u64 {
                self.0 ^= self.0 << 13;
                self.0 ^= self.0 >> 7;
                self.0 ^= self.0 << 17;
                self.0 % range
            }
            fn val(&mut self, range: u64) -> f32 {
                f32::from(u16::try_from(self.below(range)).unwrap_or(0)) - 2.0
            }
        }
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let mut back = Vec::new();
        for case in 0..2000 {
            // small integers make ties common
            let range = if case % 2 == 0 { 5 } else { 1000 };
            let mut w = Trans::default();
            for row in &mut w.trans {
                row.iter_mut().for_each(|v| *v = rng.val(range));
            }
            w.start.iter_mut().for_each(|v| *v = rng.val(range));
            w.end.iter_mut().for_each(|v| *v = rng.val(range));
            let n = 1 + usize::try_from(rng.below(12)).unwrap_or(0);
            let em: Vec<[f32; NT]> = (0..n)
                .map(|_| {
                    let mut e = [0f32; NT];
                    e.iter_mut().for_each(|v| *v = rng.val(range));
                    e
                })
                .collect();
            let ls: Vec<bool> = (0..n).map(|_| rng.below(4) == 0).collect();
            let mut out = vec![0u8; n];
            viterbi(&em, &w, &ls, &mut back, &mut out);
            assert_eq!(out, reference(&em, &w, &ls), "case {case}");
        }
    }
}
