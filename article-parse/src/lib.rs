//! Turns a news page, HTML or a plain-text dump, into an [`article_model::Article`].
//!
//! ```
//! use article_parse::Extractor;
//! let page = b"<html><body><p>MOSCOW \xe2\x80\x94 Russia urged Turkey on Thursday.</p></body></html>";
//! let article = Extractor::default().extract(page)?;
//! assert!(article.body().starts_with("MOSCOW"));
//! # Ok::<(), article_parse::Error>(())
//! ```
//!
//! Plain-text dumps (what a scraper saves by copying all visible text) go through a nom
//! block grammar and a block classifier that keeps the article and
//! lists every other block in `removed` with its kind and reason:
//!
//! ```
//! use article_parse::{Extractor, InputFormat};
//! let dump = "Dockers vote on pay offer | Daily Wire\n\nHome\nWorld\nSport\nOpinion\n\n\
//!     Dockers vote on pay offer\n\n\
//!     PORT ALDER \u{2014} Dock workers will vote on Friday on a pay offer that could end the strike.\n\n\
//!     The union and the harbour board discussed the offer during a long meeting, the union said.\n\n\
//!     Leave a Reply\n\nYour email address will not be published.\n";
//! let article = Extractor::builder().format(InputFormat::Text).build().extract(dump.as_bytes())?;
//! assert_eq!(article.paragraphs().len(), 2);
//! assert_eq!(article.metadata.title.as_deref(), Some("Dockers vote on pay offer"));
//! assert_eq!(article.metadata.dateline.as_ref().map(|d| d.place.as_str()), Some("PORT ALDER"));
//! assert!(article.removed.iter().any(|r| r.kind == article_model::RemovedKind::CommentForm));
//! # Ok::<(), article_parse::Error>(())
//! ```
//!
//! # Limits
//!
//! The parser never panics on input and works in time linear in the input.
//! [`Limits`] bounds the input size (an error past it), the nesting depth and the number of
//! blocks (best-effort truncation past them, recorded in `removed`).
//!
//! # Errors
//!
//! [`Extractor::extract`] fails only on input that is too large, binary or empty; a broken
//! page is parsed best-effort.
//!
//! # Crate features
//!
//! - `fuzzing` (off): exposes `fuzzing`, checked entry points into the HTML front end's
//!   stages for the fuzz targets and tests. Not a stable API.
//! - `training` (off): exposes `training`, the classifiers' features and extraction with
//!   candidate weights, used by `examples/train_text.rs` and `examples/train_blocks.rs`
//!   to rebuild the shipped weights, and by `examples/eval_sources.rs` to measure.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod block;
mod chars;
mod classify;
mod decode;
mod error;
mod explain;
mod extract;
mod facts;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing;
mod html;
mod limits;
mod recognize;
#[cfg(test)]
mod test_data;
mod text;
#[cfg(feature = "training")]
pub mod training;
mod word_set;

pub use crate::{
    error::{Error, ErrorKind, Result},
    extract::{BlockModel, Extractor, ExtractorBuilder, InputFormat, sniff},
    html::locate::{ContainerCandidate, Explanation},
    limits::Limits,
};

/// One block of a page, before classification (see [`text_blocks`]).
#[deprecated(note = "no public function takes blocks; extract with `Extractor`")]
pub type Block<'a> = block::Block<'a>;

/// What a front end believes a block is, before classification.
#[deprecated(note = "no public function takes blocks; extract with `Extractor`")]
pub type BlockHint = block::BlockHint;

/// The blocks of a decoded text dump, in order; each block's source is its byte range
/// in `text`. Linear time, never fails; a dump of white space has no blocks.
///
/// ```
/// # #![allow(deprecated)]
/// use article_parse::text_blocks;
/// let blocks = text_blocks("Title\r\n\r\n• One item\nA line\n");
/// let texts: Vec<_> = blocks.iter().map(|b| b.text()).collect();
/// assert_eq!(texts, ["Title", "One item", "A line"]);
/// assert_eq!(blocks[1].source().unwrap().range(), 13..21);
/// ```
#[deprecated(note = "no public function takes blocks back; extract with `Extractor`")]
#[must_use]
pub fn text_blocks(text: &str) -> Vec<block::Block<'_>> {
    text::text_blocks(text)
}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
