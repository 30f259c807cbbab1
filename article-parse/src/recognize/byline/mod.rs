//! Bylines and author names, for both front ends.
//!
//! - `grammar`: the byline grammar of text lines and HTML blocks ([`byline`],
//!   [`author_bio`], [`is_name_line`]), and the metadata's reading of a byline with the
//!   same rules ([`byline_names`]: more lead words, particles, trailing dates).
//! - `authors`: how a name is cleaned by where it comes from ([`clean_author`] with an
//!   [`AuthorSource`]: a metadata field or the grammar).

mod authors;
mod grammar;

pub(crate) use authors::{AuthorSource, clean_author, person_like};
pub(crate) use grammar::{author_bio, byline, byline_names, is_name_line};

/// The people a byline line names, as the page metadata reads one: the byline grammar's
/// names ([`byline_names`]), each cleaned as an author field and person-like.
/// `None` when the line is no byline or names no person.
pub(crate) fn byline_people(text: &str, need_lead: bool) -> Option<Vec<String>> {
    let names: Vec<String> = byline_names(text, need_lead)?
        .into_iter()
        .filter_map(|n| clean_author(&n, AuthorSource::Field))
        .filter(|n| person_like(n))
        .collect();
    (!names.is_empty()).then_some(names)
}
