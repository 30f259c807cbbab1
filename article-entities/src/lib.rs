//! Annotates a news [`Article`](article_model::Article): named entities (PER, ORG, LOC,
//! MISC), mention clusters, dates and quotations with their speakers.
//!
//! The building blocks are public: [`tokenize`] cuts text into CoNLL / Penn-Treebank-like
//! [`Token`]s with byte offsets, [`sentences`] groups them into [`Sentence`]s, and
//! [`Recognizer`] finds entity mentions with the embedded model (a two-stage averaged
//! perceptron trained on CoNLL-2003; see the README for its data and licences); [`conll`]
//! reads CoNLL-2003 files.
//!
//! [`Annotator::annotate`] adds the entities, one cluster per entity (later short names
//! join full ones; roles and affiliations kept), quotations with their speakers (every
//! quote-mark convention, scare quotes marked), and dates with ISO values anchored to the
//! published date (or [`AnnotatorBuilder::anchor_date`]).
//!
//! ```
//! use article_entities::Annotator;
//! use article_model::{Article, BlockKind};
//! let mut article = Article::new();
//! article.push_paragraph(BlockKind::Paragraph, "Hulusi Akar spoke in Ankara.", None);
//! Annotator::default().annotate(&mut article)?;
//! article.check_invariants()?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Errors
//!
//! [`Error`] when annotations cannot be attached to the article.
//!
//! # Limits
//!
//! Tagging is linear in the input; a document is tagged as one unit of context. Bodies
//! longer than [`AnnotatorBuilder::window_bytes`] (256 KiB by default) are annotated window
//! by window, holding one window's tokens at a time plus tables of the document's words,
//! so memory grows with the annotations rather than the tokens (the same entities,
//! clusters, dates and quotations; speakers are found with their window's context).
//! [`Recognizer::recognize`] over a `&str` still holds the whole text's tokens.
//!
//! # Crate features
//!
//! - `model` (default): embeds the trained NER model.
//! - `train`: the NER trainer, `train::Trainer` (reads no files; see `article train-ner`).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod annotate;
mod cluster;
pub mod conll;
mod dates;
mod error;
mod names;
mod ner;
mod paragraph_words;
mod quotes;
mod sentence;
mod token;
mod window;
mod wordlists;
mod work_meter;

pub use crate::{
    annotate::{Annotator, AnnotatorBuilder},
    dates::{CalendarDate, ParseDateError},
    error::{Error, ErrorKind, Result},
    ner::{EntityMention, IobTag, Recognizer},
    sentence::{Sentence, sentences},
    token::{Token, is_separator, tokenize, tokenize_into},
};

/// The NER trainer (feature `train`).
#[cfg(feature = "train")]
pub mod train {
    #[allow(deprecated)]
    pub use crate::ner::train::files::{TrainOptions, train};
    pub use crate::ner::train::{LexicalLists, Log, Trainer};
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
