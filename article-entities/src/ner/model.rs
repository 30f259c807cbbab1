//! The model: its two stages (scale and transition scores), the weight table both share,
//! the lexicon, how a model file is put together from them, and tagging a document.
//!
//! A model file's stages section holds, for stage 1 then stage 2, an `f32` scale,
//! `NT*NT + 2*NT` `f32` transition/start/end scores and a `u32` count of the stage's
//! feature rows; its other sections are described in `format.rs`. The weight table section
//! is the lookup table itself, so loading the embedded model decodes nothing and tagging
//! reads the weights where they lie in the decompressed buffer.

use super::compress::{decompress, is_compressed};
use super::features::{Doc, Role, Scratch, UNCACHED, role_features, stage1_word};
use super::format::{Bytes, FormatError, MAGIC, Reader, put_section, version_of};
use super::lexicon::Lexicon;
use super::stage2::Stage2;
use super::table::Table;
use super::tags::NT;
use super::viterbi::{Trans, viterbi};
#[cfg(feature = "train")]
use super::weights::Weights;

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
            scale: w.scale(),
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
        let table = Table::build(s1.len() + s2.len(), s1.rows(), s2.rows()).unwrap_or_default();
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
        let mut r = Reader::new(raw);
        r.take(8)?;
        let info = r.section_text()?;
        let lex = Lexicon::read_v4(&mut Reader::new(r.section()?), &keep)?;
        let mut stages = Reader::new(r.section()?);
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
        self.prepare(doc, work);
        let tags1 = self.stage1_tags(doc, work);
        if self.s2.rows == 0 {
            return tags1;
        }
        work.stage2.build(&work.scratch.infos, &tags1);
        self.stage2_tags(doc, work, &tags1)
    }

    /// Whether the model has a second stage.
    pub(crate) fn has_stage2(&self) -> bool {
        self.s2.rows != 0
    }

    /// Computes the per-token facts of `doc` into `work` (its caches reset when they
    /// belong to another model or were emptied).
    pub(crate) fn prepare(&self, doc: &Doc<'_>, work: &mut Work) {
        if work.model != self.id {
            work.scratch.clear_cache();
            work.edges = [None; 2];
            work.edge_rows = [None; 2];
            work.model = self.id;
        }
        work.scratch.analyze(&self.lex, doc);
        if work.words_gen != work.scratch.cache_gen {
            work.words.clear();
            work.roles.iter_mut().for_each(Vec::clear);
            work.role_rows.iter_mut().for_each(Vec::clear);
            work.words_gen = work.scratch.cache_gen;
        }
    }

    /// The stage-1 tags of `doc` (after [`Model::prepare`]); keeps in `work.word2` each
    /// token's stage-2 weight sum of its stage-1 features.
    pub(crate) fn stage1_tags(&self, doc: &Doc<'_>, work: &mut Work) -> Vec<u8> {
        let n = doc.tokens.len();
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
        tags1
    }

    /// The stage-2 tags of `doc` (after [`Model::stage1_tags`] gave `tags1`, with the
    /// document's aggregates in `work.stage2`).
    pub(crate) fn stage2_tags(&self, doc: &Doc<'_>, work: &mut Work, tags1: &[u8]) -> Vec<u8> {
        let n = doc.tokens.len();
        let mut tags2 = vec![0u8; n];
        for s in doc.sentences {
            work.em.clear();
            for i in s.clone() {
                let mut acc = work.word2[i];
                work.feats.clear();
                work.scratch
                    .stage2(&work.stage2, s, i, tags1, &mut work.feats);
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

#[cfg(all(test, any(feature = "train", feature = "model")))]
mod tests {
    use super::*;
    #[cfg(feature = "train")]
    use crate::ner::compress::compress;

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
        assert!(matches!(in_place.table.storage(), Bytes::Static(_)));
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
        assert!(matches!(loaded.table.storage(), Bytes::Shared(..)));
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

    /// The tagger sums the context features as the neighbours' role features (cached per
    /// word) plus the rest: together they must be exactly the trainer's context features.
    #[cfg(feature = "model")]
    #[test]
    fn role_features_and_the_rest_are_the_context_features() {
        let model =
            Model::from_bytes(crate::ner::EMBEDDED_BYTES).expect("the embedded model loads");
        // Our own sentences in CoNLL's shape (dateline, headline, byline, body, quotes).
        let text = "LISBON 2024-03-14 \n Union rejects Dutch plan to cap Irish beef exports . \n \
                    Maria Gonzalez \n The Portuguese Agriculture Ministry said on Friday it \
                    opposed the French proposal to limit imports of Spanish olive oil until \
                    inspectors finish their review of the harvest . \n Italy 's delegate to \
                    the UN 's food committee Paolo Rinaldi said on Tuesday farmers should sell \
                    wheat to markets other than Greece . \n “ We do n’t accept any such \
                    limit , ” said spokeswoman Anna de la Cruz in Los Angeles . \n X";
        let mut tokens = Vec::new();
        let mut sentences = Vec::new();
        for line in text.split('\n') {
            let start = tokens.len();
            tokens.extend(line.split_whitespace());
            sentences.push(start..tokens.len());
        }
        let line_starts: Vec<bool> = (0..tokens.len()).map(|i| i % 7 == 3).collect();
        let doc = Doc {
            tokens: &tokens,
            sentences: &sentences,
            line_starts: &line_starts,
        };
        let mut scratch = Scratch::default();
        scratch.analyze(&model.lex, &doc);
        let (mut whole, mut parts) = (Vec::new(), Vec::new());
        let mut gaz = 0;
        for s in &sentences {
            for i in s.clone() {
                whole.clear();
                parts.clear();
                scratch.stage1_context(s, i, &mut whole);
                let near = [
                    (Role::Prev, (i > s.start).then(|| i - 1)),
                    (Role::Next, (i + 1 < s.end).then_some(i + 1)),
                    (Role::Prev2, (i > s.start + 1).then(|| i - 2)),
                    (Role::Next2, (i + 2 < s.end).then_some(i + 2)),
                ];
                for (role, j) in near {
                    role_features(role, j.map(|j| &scratch.infos[j]), &mut parts);
                }
                scratch.stage1_rest(s, i, &mut parts);
                whole.sort_unstable();
                parts.sort_unstable();
                assert_eq!(whole, parts, "token {i} ({})", tokens[i]);
                gaz += usize::from(scratch.infos[i].gaz != 0);
            }
        }
        assert!(gaz > 5, "the text has gazetteer matches ({gaz})");
    }
}
