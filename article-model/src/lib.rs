//! The data model of a news article: clean body, metadata, removed boilerplate and
//! annotations (entities, clusters, quotations, dates), with checked spans.
//!
//! Spans are byte ranges into the article's body ([`Span`]); exported offsets are char
//! offsets ([`CharSpan`], via [`OffsetIndex`]). Every type documents its invariants and
//! every constructor upholds them; [`Article::check_invariants`] re-checks them all, and
//! loading a record (`serde`) goes through the same checks.
//!
//! ```
//! use article_model::{Article, BlockKind, Label};
//!
//! let mut article = Article::new();
//! article.metadata.title = Some("Talks in Moscow".into());
//! article.push_paragraph(BlockKind::Paragraph, "MOSCOW — Sergei Lavrov spoke.", None);
//! article.push_paragraph(BlockKind::Paragraph, "He said little.", None);
//! assert_eq!(article.body(), "MOSCOW — Sergei Lavrov spoke.\n\nHe said little.");
//!
//! // The record of DESIGN.md, with char offsets.
//! let json = serde_json::to_string(&article)?;
//! let back: Article = serde_json::from_str(&json)?;
//! assert_eq!(back, article);
//! # let _ = Label::Per;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Errors
//!
//! [`SpanError`] says why one span does not fit a text; [`Error`] (with [`ErrorKind`]) why
//! an article or a record breaks an invariant.
//!
//! # Crate features
//!
//! None.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod article;
mod error;
mod offsets;
mod parts;
mod record;
mod span;

pub use crate::{
    article::{Article, PARAGRAPH_SEPARATOR},
    error::{Error, ErrorKind, SpanError},
    offsets::{OffsetIndex, OffsetUnit},
    parts::{
        Annotations, BlockKind, Cluster, DateMention, DateSource, Dateline, Entity, Label,
        Metadata, PageType, Paragraph, Quote, Removed, RemovedKind, SpeakerKind, Warc,
    },
    record::{
        ClusterRecord, DateRecord, EntityRecord, ParagraphRecord, QuoteRecord, Record,
        RemovedRecord, SCHEMA,
    },
    span::{CharSpan, Span},
};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
