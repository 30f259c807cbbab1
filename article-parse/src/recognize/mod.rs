//! Line recognisers: small named nom parsers for the lines of a page that say what they
//! are (datelines, bylines, captions, timestamps, boilerplate families).
//!
//! Each recogniser takes one block's text and answers with what it found, or `None`.
//! They are used as features by the block classifier and to fill the metadata. All of
//! them run in time linear in their input, and look at most at a bounded prefix of it.

mod boilerplate;
mod byline;
mod caption;
mod dateline;
mod dates;
mod lexemes;
mod scan;

pub(crate) use boilerplate::{
    Boilerplate, boilerplate, boilerplate_and_credit, credit_line, head_words, promotion,
    stock_line,
};
pub(crate) use byline::{
    AuthorSource, author_bio, byline, byline_names, byline_people, clean_author, is_name_line,
    person_like,
};
pub(crate) use caption::caption_with;
pub(crate) use dateline::dateline;
pub(crate) use dates::{
    Anchor, Order, Timestamp, date_in_line, field_value, has_numeric_date, has_year_and_time,
    relative_date, timestamp, url_date, visible_date,
};
