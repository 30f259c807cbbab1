//! Named-entity recognition: [`Recognizer`], an averaged-perceptron BILOU tagger in two
//! stages (local features, then document-level aggregation of the first stage's
//! predictions), with an embedded model.

mod compress;
mod features;
mod format;
#[cfg(feature = "train")]
mod handlists;
mod hash;
mod lexicon;
mod model;
mod normalize;
mod stage2;
mod table;
mod tags;
#[cfg(feature = "train")]
pub(crate) mod train;
mod viterbi;
#[cfg(feature = "train")]
mod weights;
mod window;

use std::cell::RefCell;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use article_model::{Label, Span};

use crate::error::{Error, ErrorKind, Result};
use crate::sentence::{Sentence, sentences};
use crate::token::{Token, tokenize};

use self::features::Doc;
use self::format::FormatError;
use self::model::{Model, Work};

/// A named-entity mention found in a text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EntityMention {
    span: Span,
    label: Label,
    tokens: Range<usize>,
}

impl EntityMention {
    /// Byte range of the mention in the text (first token's start to last token's end).
    #[must_use]
    pub fn span(&self) -> Span {
        self.span
    }

    /// Its type.
    #[must_use]
    pub fn label(&self) -> Label {
        self.label
    }

    /// Indices of its tokens in the token slice the text was tagged with.
    #[must_use]
    pub fn tokens(&self) -> Range<usize> {
        self.tokens.clone()
    }
}

/// A token's entity tag in the IOB2 scheme (`B-PER`, `I-LOC`, `O`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IobTag {
    /// Outside any entity.
    O,
    /// First token of an entity.
    B(Label),
    /// Later token of an entity.
    I(Label),
}

impl IobTag {
    /// The tag as written in CoNLL files: `"O"`, `"B-PER"`, `"I-MISC"`, ...
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            IobTag::O => "O",
            IobTag::B(Label::Per) => "B-PER",
            IobTag::B(Label::Org) => "B-ORG",
            IobTag::B(Label::Loc) => "B-LOC",
            IobTag::B(Label::Misc) => "B-MISC",
            IobTag::I(Label::Per) => "I-PER",
            IobTag::I(Label::Org) => "I-ORG",
            IobTag::I(Label::Loc) => "I-LOC",
            IobTag::I(Label::Misc) => "I-MISC",
        }
    }
}

impl std::fmt::Display for IobTag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The primary subtag of a language tag (`en` of `en-GB`, `pt` of `pt_BR`), trimmed.
pub(crate) fn primary_subtag(language: &str) -> &str {
    let l = language.trim();
    l.split(['-', '_']).next().unwrap_or(l)
}

/// The NER model bundled with the crate (feature `model`, on by default), compressed.
#[cfg(feature = "model")]
static EMBEDDED_BYTES: &[u8] = include_bytes!("../../model/ner.model.lz4");

/// The embedded model decompressed (once, on first use): the model reads its weight
/// table and lexicon maps in place, here.
#[cfg(feature = "model")]
static EMBEDDED_RAW: OnceLock<Vec<u8>> = OnceLock::new();

static EMBEDDED: OnceLock<std::result::Result<Arc<Model>, String>> = OnceLock::new();

thread_local! {
    static WORK: RefCell<Work> = RefCell::new(Work::default());
}

/// Finds PER, ORG, LOC and MISC mentions. Cheap to clone; share it between threads.
///
/// [`Recognizer::default`] uses the model embedded in the crate, loaded once on first use.
///
/// # Examples
/// ```
/// use article_entities::Recognizer;
/// let text = "Turkish Defense Minister Hulusi Akar spoke in Ankara.";
/// for m in Recognizer::default().recognize(text) {
///     println!("{} {}", m.label(), &text[m.span().start()..m.span().end()]);
/// }
/// ```
#[derive(Clone, Debug)]
pub struct Recognizer {
    model: Arc<Model>,
    languages: Arc<[String]>,
}

/// The languages of every model file of the current format: they are trained on
/// CoNLL-2003 English (the file does not name a language).
const MODEL_LANGUAGES: &[&str] = &["en"];

fn model_languages() -> Arc<[String]> {
    MODEL_LANGUAGES.iter().map(|&l| l.to_owned()).collect()
}

impl Default for Recognizer {
    /// The embedded model; without the `model` feature (or should it fail to load, which a
    /// test rules out), a recognizer that finds nothing.
    fn default() -> Recognizer {
        Recognizer::embedded().unwrap_or_else(|_| Recognizer {
            model: Arc::new(Model::default()),
            languages: model_languages(),
        })
    }
}

impl Recognizer {
    /// The model embedded in the crate, loaded (once per process) on first use.
    ///
    /// # Errors
    /// When the crate was built without the `model` feature.
    pub fn embedded() -> Result<Recognizer> {
        let loaded = EMBEDDED.get_or_init(load_embedded);
        match loaded {
            Ok(m) => Ok(Recognizer {
                model: m.clone(),
                languages: model_languages(),
            }),
            Err(e) => Err(Error::new(ErrorKind::Model(e.clone()))),
        }
    }

    /// Loads a model file: as written by the trainer (compressed, an LZ4 frame), or
    /// uncompressed (format version 4).
    ///
    /// # Errors
    /// When the file cannot be read or is not a model ([`ErrorKind::Model`]), or is a model
    /// file of another format version ([`ErrorKind::ModelVersion`]).
    pub fn from_path(path: impl AsRef<Path>) -> Result<Recognizer> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| {
            Error::new(ErrorKind::Model(format!(
                "cannot read {}: {e}",
                path.display()
            )))
        })?;
        Recognizer::from_bytes(&bytes)
    }

    /// Loads a model from the bytes of a model file, compressed or not (see
    /// [`Recognizer::from_path`]).
    ///
    /// # Errors
    /// When the bytes are not a model, or a model of another format version.
    pub fn from_bytes(bytes: &[u8]) -> Result<Recognizer> {
        let model = Model::from_bytes(bytes).map_err(|e| {
            Error::new(match e {
                FormatError::Bad(msg) => ErrorKind::Model(msg),
                FormatError::Version(found) => ErrorKind::ModelVersion {
                    found,
                    read: format::VERSION,
                },
            })
        })?;
        Ok(Recognizer {
            model: Arc::new(model),
            languages: model_languages(),
        })
    }

    /// The languages the model covers, as lower-case ISO 639-1 codes: `["en"]` for the
    /// embedded model and any model file of the current format (all trained on English
    /// news), unless set with [`Recognizer::with_languages`]. [`crate::Annotator`]
    /// annotates only articles in one of them (unless forced).
    ///
    /// ```
    /// use article_entities::Recognizer;
    /// assert_eq!(Recognizer::default().languages(), ["en"]);
    /// ```
    #[must_use]
    pub fn languages(&self) -> &[String] {
        &self.languages
    }

    /// The same model, declared to cover `languages` (ISO 639-1 codes, any case): for a
    /// model trained on another language than English.
    #[must_use]
    pub fn with_languages<S: AsRef<str>>(mut self, languages: &[S]) -> Recognizer {
        self.languages = languages
            .iter()
            .map(|l| l.as_ref().to_ascii_lowercase())
            .collect();
        self
    }

    /// Whether the model covers `language` (an ISO 639 code or a language tag such as
    /// `en-GB`: its primary subtag is compared, in any case).
    #[must_use]
    pub fn covers(&self, language: &str) -> bool {
        let primary = primary_subtag(language);
        self.languages
            .iter()
            .any(|l| l.eq_ignore_ascii_case(primary))
    }

    /// The model as an uncompressed model file (what [`Recognizer::from_bytes`] reads).
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        self.model.to_bytes()
    }

    /// The model as a compressed model file, as the trainer writes it and the crate
    /// embeds it: [`Recognizer::to_bytes`] in one LZ4 frame.
    #[must_use]
    pub fn to_compressed_bytes(&self) -> Vec<u8> {
        compress::compress(&self.model.to_bytes())
    }

    /// A description of the model: what it was trained on, its dev score, its sizes.
    #[must_use]
    pub fn info(&self) -> &str {
        &self.model.info
    }

    /// Finds the entity mentions of `text` (tokenized and split into sentences here; the
    /// whole text is one document for the document-level features).
    #[must_use]
    pub fn recognize(&self, text: &str) -> Vec<EntityMention> {
        let tokens = tokenize(text);
        let sents = sentences(text, &tokens);
        self.recognize_tokens(text, &tokens, &sents)
    }

    /// Like [`Recognizer::recognize`], with tokens and sentences the caller already has
    /// ([`tokenize`](crate::tokenize) and [`sentences`](crate::sentences) over `text`).
    /// No mention crosses a sentence or a line break.
    #[must_use]
    pub fn recognize_tokens(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
    ) -> Vec<EntityMention> {
        let strs: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        let ranges: Vec<Range<usize>> = sentences
            .iter()
            .map(Sentence::tokens)
            .filter(|r| r.end <= tokens.len())
            .collect();
        let line_starts: Vec<bool> = tokens.iter().map(Token::line_break_before).collect();
        let tags = self.tag_ids(&strs, &ranges, &line_starts);
        mentions(tokens, &tags)
    }

    /// Finds the entity mentions of `text` as [`Recognizer::recognize`] does, window by
    /// window, holding one window's tokens at a time: `windows` are byte ranges of `text`
    /// in order, covering it, each cut where a sentence starts and after a separator.
    /// `each` gets each window's tokens and mentions (token indices into those tokens).
    pub(crate) fn recognize_windows(
        &self,
        text: &str,
        windows: &[Range<usize>],
        mut each: impl FnMut(&[Token], Vec<EntityMention>),
    ) {
        let each = |tokens: &[Token], tags: &[u8]| each(tokens, mentions(tokens, tags));
        WORK.with(|w| match w.try_borrow_mut() {
            Ok(mut work) => window::tag_windows(&self.model, &mut work, text, windows, each),
            Err(_) => {
                window::tag_windows(&self.model, &mut Work::default(), text, windows, each);
            }
        });
    }

    /// Tags one pre-tokenized document (a list of sentences of tokens), as for CoNLL
    /// files: one IOB2 tag per token.
    #[must_use]
    pub fn tag_document<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<IobTag>> {
        let mut strs: Vec<&str> = Vec::new();
        let mut ranges = Vec::with_capacity(sentences.len());
        for s in sentences {
            let start = strs.len();
            strs.extend(s.iter().map(AsRef::as_ref));
            ranges.push(start..strs.len());
        }
        let ids = self.tag_ids(&strs, &ranges, &[]);
        ranges
            .iter()
            .map(|r| {
                let sent = ids.get(r.clone()).unwrap_or(&[]);
                to_iob2(sent)
            })
            .collect()
    }

    /// Like [`Recognizer::tag_document`], for a document given as one token list and the
    /// token ranges of its sentences: one IOB2 tag per token (`O` for tokens outside every
    /// range; ranges out of bounds are ignored). Sentences should not overlap.
    ///
    /// ```
    /// use article_entities::{IobTag, Recognizer};
    /// let tokens = ["Sergei", "Lavrov", "spoke", "."];
    /// let tags = Recognizer::default().tag_tokens(&tokens, &[0..4]);
    /// assert_eq!(tags.len(), 4);
    /// assert_eq!(tags[2], IobTag::O);
    /// ```
    #[must_use]
    pub fn tag_tokens<S: AsRef<str>>(
        &self,
        tokens: &[S],
        sentences: &[Range<usize>],
    ) -> Vec<IobTag> {
        let strs: Vec<&str> = tokens.iter().map(AsRef::as_ref).collect();
        let ranges: Vec<Range<usize>> = sentences
            .iter()
            .filter(|r| r.start <= r.end && r.end <= strs.len())
            .cloned()
            .collect();
        let ids = self.tag_ids(&strs, &ranges, &[]);
        let mut out = vec![IobTag::O; strs.len()];
        for r in &ranges {
            if let (Some(o), Some(sent)) = (out.get_mut(r.clone()), ids.get(r.clone())) {
                write_iob2(sent, o);
            }
        }
        out
    }

    fn tag_ids(
        &self,
        tokens: &[&str],
        sentences: &[Range<usize>],
        line_starts: &[bool],
    ) -> Vec<u8> {
        let doc = Doc {
            tokens,
            sentences,
            line_starts,
        };
        WORK.with(|w| match w.try_borrow_mut() {
            Ok(mut work) => self.model.tag(&doc, &mut work),
            Err(_) => self.model.tag(&doc, &mut Work::default()),
        })
    }
}

/// The mentions of BILOU tag ids `tags` of `tokens`.
fn mentions(tokens: &[Token], tags: &[u8]) -> Vec<EntityMention> {
    tags::spans(tags)
        .into_iter()
        .filter_map(|(s, e, l)| {
            let span = Span::try_new(
                tokens.get(s)?.span().start(),
                tokens.get(e - 1)?.span().end(),
            )
            .ok()?;
            Some(EntityMention {
                span,
                label: tags::label(l),
                tokens: s..e,
            })
        })
        .collect()
}

fn to_iob2(tags: &[u8]) -> Vec<IobTag> {
    let mut out = vec![IobTag::O; tags.len()];
    write_iob2(tags, &mut out);
    out
}

/// Writes the IOB2 tags of one sentence's tag ids into `out` (as long as `tags`).
fn write_iob2(tags: &[u8], out: &mut [IobTag]) {
    for (s, e, l) in tags::spans(tags) {
        let label = tags::label(l);
        if let Some(o) = out.get_mut(s) {
            *o = IobTag::B(label);
        }
        for o in out.get_mut(s + 1..e).unwrap_or(&mut []) {
            *o = IobTag::I(label);
        }
    }
}

#[cfg(feature = "model")]
fn load_embedded() -> std::result::Result<Arc<Model>, String> {
    let err = |e: FormatError| format!("embedded model: {e}");
    let raw: &'static [u8] = if compress::is_compressed(EMBEDDED_BYTES) {
        let raw = compress::decompress(EMBEDDED_BYTES).map_err(err)?;
        EMBEDDED_RAW.get_or_init(|| raw)
    } else {
        EMBEDDED_BYTES
    };
    Model::from_static(raw).map(Arc::new).map_err(err)
}

#[cfg(not(feature = "model"))]
fn load_embedded() -> std::result::Result<Arc<Model>, String> {
    Err("built without the `model` feature".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizer_is_send_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Recognizer>();
    }

    #[test]
    fn iob_tags_print_as_conll() {
        for l in Label::ALL {
            assert_eq!(IobTag::B(l).as_str(), format!("B-{l}"));
            assert_eq!(IobTag::I(l).to_string(), format!("I-{l}"));
        }
        assert_eq!(IobTag::O.as_str(), "O");
    }

    #[test]
    fn garbage_is_not_a_model() {
        assert!(Recognizer::from_bytes(b"hello").is_err());
        assert!(Recognizer::from_bytes(&[]).is_err());
    }

    #[test]
    fn other_format_versions_are_named() {
        let version = |b: &[u8]| {
            Recognizer::from_bytes(b)
                .map(|_| ())
                .map_err(|e| e.kind().clone())
        };
        let v3 = version(b"ARTNER\0\x03\x04\0\0\0test");
        assert_eq!(v3, Err(ErrorKind::ModelVersion { found: 3, read: 4 }));
        // version-2 files are zlib streams
        let v2 = version(&[0x78, 0x9C, 0x01, 0x02]);
        assert_eq!(v2, Err(ErrorKind::ModelVersion { found: 2, read: 4 }));
        let compressed = compress::compress(b"ARTNER\0\x05");
        assert_eq!(
            version(&compressed),
            Err(ErrorKind::ModelVersion { found: 5, read: 4 })
        );
        assert!(matches!(version(b"ARTNER"), Err(ErrorKind::Model(_))));
    }
}
