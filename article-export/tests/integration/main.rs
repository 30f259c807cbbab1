//! Integration tests of article-export.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns
mod json;
