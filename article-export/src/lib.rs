//! Writes [`Article`](article_model::Article)s in the formats news and NLP tools read.
//!
//! ```
//! use article_export::{Format, Options, Writer};
//! use article_model::{Article, BlockKind};
//!
//! let mut article = Article::new();
//! article.push_paragraph(BlockKind::Paragraph, "Dockers voted to return to work.", None);
//! let mut writer = Writer::new(Vec::new(), Format::Jsonl, Options::default());
//! writer.write(&article)?;
//! let out = writer.finish()?;
//! assert!(out.starts_with(br#"{"schema":"article/1""#));
//! # Ok::<(), article_export::Error>(())
//! ```
//!
//! # Errors
//!
//! [`Error`] on I/O failure, on a format this version cannot write, or when an article
//! breaks an invariant.
//!
//! # Crate features
//!
//! None.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod error;
mod format;
mod markdown;
mod writer;

pub use crate::{
    error::{Error, ErrorKind, Result},
    format::Format,
    writer::{Options, Writer, to_string},
};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
