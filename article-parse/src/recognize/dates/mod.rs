//! Dates: every date the parser reads, in page metadata and in text lines.
//!
//! ```text
//! numeric  = digit{4} sep digit{2} sep digit{2}    (the same sep twice; which seps: mode)
//! compact  = digit{8}                              (yyyymmdd)
//! written  = month sp day ord? ","? sp year
//!          | day ord? "."? sp month ","? sp year
//! ord      = "st" | "nd" | "rd" | "th"
//! month    = a month word of the calendar table     (which words: mode)
//! ```
//!
//! A date is a value only when its year, month and day pass the mode's check. The readers:
//!
//! - [`field_date`]: a metadata value (JSON-LD `datePublished`, a `<meta>` date,
//!   `<time datetime>`): `numeric` with its time, `compact`, or a written date.
//! - [`url_date`]: `/2020/07/16/`, `/2020-07-16`, `/20200716` in a URL path.
//! - [`visible_date`]: a written date among the words of a short line.
//! - [`timestamp()`]: a timestamp line of the text, with its label and time (its grammar is
//!   in the `timestamp` module).
//! - [`date_value`], [`date_in_line`]: a date with its time and zone, rendered as a date
//!   or an RFC 3339 date-time (grammar in the `value` module, sharing the timestamp
//!   grammar's written dates); [`relative_date`]: "vor 3 Tagen" from an anchor date.
//! - [`has_numeric_date`], [`has_year_and_time`]: shapes of a date line, without a value.
//!
//! Page metadata and text lines read dates in two modes ([`DateMode`]):
//!
//! | | [`DateMode::METADATA`] | [`DateMode::TEXT`] |
//! |---|---|---|
//! | check ([`DateCheck`]) | `Loose`: years 1990..=2100, month lengths, leap years | `Calendar`: years 1900..=2100, month lengths, leap years |
//! | month words ([`MonthReader`]) | `Metadata`: any script, accented and short forms ("févr", "märz", "ene") | `Recognisers`: ASCII words |
//! | numeric separators ([`Separators`]) | `Hyphen` | `HyphenSlashDot` |
//!
//! [`field_date`], [`url_date`] and [`visible_date`] read in `METADATA`; [`timestamp()`]
//! and the month words of the other text recognisers in `TEXT`.

pub(super) mod calendar;
mod fields;
mod instant;
mod mode;
mod numeric;
mod relative;
mod shapes;
mod timestamp;
mod value;

#[cfg(doc)]
use {
    calendar::{DateCheck, MonthReader},
    mode::Separators,
};

pub(crate) use fields::{field_value, url_date, visible_date};
pub(crate) use mode::DateMode;
pub(crate) use relative::{Anchor, relative_date};
pub(crate) use shapes::{has_numeric_date, has_year_and_time};
pub(crate) use timestamp::{Timestamp, timestamp};
pub(crate) use value::{Order, date_in_line};
