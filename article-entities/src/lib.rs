//! Annotates a news [`Article`](article_model::Article): named entities (PER, ORG, LOC,
//! MISC), mention clusters, dates and quotations with their speakers.
//!
//! The building blocks are public: [`tokenize`] cuts text into CoNLL / Penn-Treebank-like
//! [`Token`]s with byte offsets, and [`sentences`] groups them into [`Sentence`]s.
//!
//! [`Annotator::annotate`] adds quotations with their speakers (every quote-mark
//! convention, scare quotes marked), mention clusters with roles and affiliations, and dates
//! with ISO values anchored to the published date (or [`AnnotatorBuilder::anchor_date`]).
//! **Status:** the NER model lands with its own issue; until it is wired in, the entity
//! and cluster layers stay empty and speakers are found from the text alone.
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
//! # Crate features
//!
//! None.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod annotate;
mod cluster;
mod dates;
mod error;
mod lexicon;
mod names;
mod quotes;
mod sentence;
mod token;
mod words;

pub use crate::{
    annotate::{Annotator, AnnotatorBuilder},
    dates::{CalendarDate, ParseDateError},
    error::{Error, Result},
    sentence::{Sentence, sentences},
    token::{Token, is_separator, tokenize, tokenize_into},
};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
