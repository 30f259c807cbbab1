//! Integration tests of article-export.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns
mod check;
mod formats;
mod json;
mod props;
mod read_back;
