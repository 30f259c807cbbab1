//! Annotates a news [`Article`](article_model::Article): named entities (PER, ORG, LOC,
//! MISC), mention clusters, dates and quotations with their speakers.
//!
//! The building blocks are public: [`tokenize`] cuts text into CoNLL / Penn-Treebank-like
//! [`Token`]s with byte offsets, and [`sentences`] groups them into [`Sentence`]s.
//!
//! **Status:** the NER model, dates and quotations land with their own issues; until then
//! [`Annotator::annotate`] adds no annotation.
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
mod error;
mod sentence;
mod token;

pub use crate::{
    annotate::Annotator,
    error::{Error, Result},
    sentence::{Sentence, sentences},
    token::{Token, is_separator, tokenize, tokenize_into},
};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
