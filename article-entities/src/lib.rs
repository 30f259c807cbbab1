//! Annotates a news [`Article`](article_model::Article): named entities (PER, ORG, LOC,
//! MISC), mention clusters, dates and quotations with their speakers.
//!
//! **Status:** the workspace's first release wires this crate into the pipeline; the NER
//! model, dates and quotations land with their own issues, and until then
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
mod cluster;
mod dates;
mod error;
mod lexicon;
mod names;
mod quotes;
mod words;

pub use crate::{
    annotate::{Annotator, AnnotatorBuilder},
    dates::{CalendarDate, ParseDateError},
    error::{Error, Result},
};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
