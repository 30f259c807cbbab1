//! Integration tests of article-warc: the crate's own fixtures, every file in
//! `../shared/data/warc/` when present, limits and properties over a test writer.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns

mod fixtures;
mod limits;
mod properties;
mod shared;
mod writer;

use article_warc::{Error, Reader, Record};

/// Reads every item of a WARC file.
pub fn read_all(bytes: &[u8]) -> Vec<Result<Record, Error>> {
    Reader::new(bytes).collect()
}

/// The records of a file that must read without error.
pub fn records(bytes: &[u8]) -> Vec<Record> {
    read_all(bytes)
        .into_iter()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

/// All gzip members of `bytes`, decompressed (up to a cut, if the input is cut).
pub fn gunzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut out = Vec::new();
    if let Err(e) = flate2::read::MultiGzDecoder::new(bytes).read_to_end(&mut out) {
        assert_eq!(e.kind(), std::io::ErrorKind::UnexpectedEof, "{e}");
    }
    out
}
