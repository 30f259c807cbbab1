//! Property tests of the model's invariants.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns
mod properties;
