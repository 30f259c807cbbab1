//! Bylines and author names, for both front ends.
//!
//! - `grammar`: the byline grammar of text lines and HTML blocks ([`byline`],
//!   [`author_bio`], [`is_name_line`]), and the metadata's reading of a byline with the
//!   same rules ([`byline_names`]: more lead words, particles, trailing dates).
//! - `authors`: how a name is cleaned by where it comes from ([`clean_author`] with an
//!   [`AuthorSource`]: a metadata field or the grammar).

mod authors;
mod grammar;

pub(crate) use authors::{AuthorSource, clean_author};
pub(crate) use grammar::{author_bio, byline, byline_names, is_name_line};
