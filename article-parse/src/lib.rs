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
//! None.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod baseline;
mod decode;
mod error;
mod extract;
mod html;
mod limits;

pub use crate::{
    error::{Error, ErrorKind, Result},
    extract::{Extractor, ExtractorBuilder, InputFormat, sniff},
    limits::Limits,
};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
