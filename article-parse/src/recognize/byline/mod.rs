//! Bylines and author names, for both front ends.
//!
//! - `grammar`: the byline grammar of text lines and HTML blocks ([`byline`],
//!   [`author_bio`], [`is_name_line`]).
//! - `authors`: how a name is cleaned by where it comes from ([`clean_author`] with an
//!   [`AuthorSource`]: a metadata field or the grammar), and the page metadata's reading
//!   of an author line ([`split_byline`]).

mod authors;
mod grammar;

pub(crate) use authors::{AuthorSource, clean_author, split_byline};
pub(crate) use grammar::{author_bio, byline, is_name_line};
