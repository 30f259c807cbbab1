//! Integration tests of article-export.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns
mod check;
mod formats;
mod json;
#[cfg(feature = "parquet")]
mod parquet;
mod props;
mod read_back;
