//! Integration tests of article-entities.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns
mod annotate;
#[cfg(feature = "model")]
mod ner;
mod properties;
mod quotes_dev;
mod scaling;
mod seed;
mod shapes;
mod synthetic;
mod windows;
