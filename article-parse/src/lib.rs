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
//! block grammar ([`text_blocks`]) and a block classifier that keeps the article and
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
//! - `training` (off): exposes `training`, the classifier's features and extraction with
//!   candidate weights, used by `examples/train_text.rs` to rebuild the shipped weights.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod block;
mod chars;
mod classify;
mod decode;
mod error;
mod explain;
mod extract;
#[doc(hidden)]
pub mod fuzzing;
mod html;
mod limits;
mod packed;
mod recognize;
#[cfg(test)]
mod test_data;
mod text;
#[cfg(feature = "training")]
pub mod training;

pub use crate::{
    block::{Block, BlockHint},
    error::{Error, ErrorKind, Result},
    extract::{Extractor, ExtractorBuilder, InputFormat, sniff},
    html::locate::{ContainerCandidate, Explanation},
    limits::Limits,
    text::text_blocks,
};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
