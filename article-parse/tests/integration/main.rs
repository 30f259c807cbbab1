//! Integration tests of article-parse.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns
mod html;
mod properties;
mod text;
