//! Writes [`Article`](article_model::Article)s in the formats news and NLP tools read, and
//! reads the JSON records back.
//!
//! | [`Format`] | for | offsets |
//! | --- | --- | --- |
//! | `json`, `jsonl` | the `article/1` record ([`JSON_SCHEMA`]); read back with [`Reader`] | yes |
//! | `text`, `markdown` | people, LLM pipelines | none |
//! | `csv` | spreadsheets, pandas: a row per article or per entity ([`CsvRows`]) | entity rows |
//! | `conll` | NER tools: `token TAG` lines, IOB2, sentences, `-DOCSTART-` | tokens |
//! | `brat` | the brat annotation tool: `.txt` + `.ann` per article ([`DirWriter`], [`to_brat`]) | yes |
//! | `tei` | digital humanities: TEI XML like trafilatura's, entities marked inline | markup |
//!
//! Offsets count Unicode scalar values (chars, as Python, spaCy and brat do) unless
//! [`Options::offsets`] asks for UTF-16 code units (JavaScript, Label Studio).
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
//! # Limits
//!
//! Writers hold one article at a time (TEI: two), so memory does not grow with the
//! number of articles; [`DirWriter`] keeps one hash per file name it wrote.
//!
//! # Errors
//!
//! [`Error`] on I/O failure, on a format a writer cannot write (brat into one stream),
//! when an article breaks an invariant, or when a record read back is invalid.
//!
//! # Crate features
//!
//! - `parquet` (off by default; arrow and parquet take minutes to compile):
//!   `ParquetWriter` writes one row per article in typed columns (`article_schema`),
//!   Snappy-compressed, a row group at a time; `BatchBuilder` makes the same rows as
//!   Arrow record batches.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod brat;
#[cfg(feature = "parquet")]
mod columnar;
mod conll;
mod dir;
mod error;
mod format;
mod markdown;
mod reader;
mod rows;
mod tei;
mod tokens;
mod writer;

#[cfg(feature = "parquet")]
pub use crate::columnar::{
    BatchBuilder, DEFAULT_ROW_GROUP_BYTES, ParquetOptions, ParquetWriter, article_schema,
};
pub use crate::{
    brat::{BRAT_ANNOTATION_CONF, Brat, to_brat},
    dir::DirWriter,
    error::{Error, ErrorKind, Result},
    format::Format,
    reader::Reader,
    rows::CsvRows,
    writer::{Options, Writer, to_string},
};

/// The JSON Schema (draft 2020-12) of the `article/1` record that [`Format::Json`] and
/// [`Format::Jsonl`] write; also in the crate as `schema/article-1.schema.json`.
pub const JSON_SCHEMA: &str = include_str!("../schema/article-1.schema.json");

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
