//! Timestamps: `Published 16 July 2020, 10:05`, `Updated: 3 November 2023 18:42 GMT`,
//! `September 18, 2022`, `2019-11-18T23:03`, `Reuters November 18, 2019 11:03 PM`.
//!
//! ```text
//! timestamp = lead? label? date (sep time)? (sp zone)? rest?
//! label     = ("Published" | "Updated" | "Posted" | "Last updated" | "First published" | ...)
//!             (sp "on")? ":"? sp
//! date      = weekday? written | numeric      (`written`, `numeric`: see `dates`)
//! time      = hour ":" minute (":" second)? sp? ("am" | "pm" | "a.m." | "p.m.")?
//! zone      = "GMT" | "UTC" | "Z" | "ET" | "EST" | "EDT" | "BST" | "CET" | ...
//! ```
//!
//! The value is given only when the date is unambiguous: a named month or a year-first
//! numeric date. A time is added when one is written with a zone that names one offset
//! (GMT, UTC and Z as `Z`, EDT as `-04:00`, ...); a time with no zone, or with "ET", "PT"
//! or "IST", is dropped and the value stays a date (never a naive time).

use nom::{
    Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n},
    combinator::opt,
    sequence::preceded,
};

use super::super::lexemes::{Res, fail, itag, month, number, sp, sp0};
use super::calendar::{WEEKDAYS, valid_date};
use super::instant::{DateValue, Zone};
use super::mode::DateMode;
use super::numeric::{Ymd, numeric_date};

/// The mode of the timestamp grammar.
const MODE: DateMode = DateMode::TEXT;

/// A recognised timestamp.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Timestamp {
    /// Whether the line was labelled as an update (not the first publication).
    pub updated: bool,
    /// The date (`yyyy-mm-dd`), or an RFC 3339 date-time when a time and a zone that
    /// names one offset are written (see [`DateValue::render`]).
    pub iso: String,
}

/// `label`: the word that says what the date is.
fn label(i: &str) -> Res<'_, bool> {
    let (i, updated) = alt((
        itag("last updated").map(|_| true),
        itag("last modified").map(|_| true),
        itag("first published").map(|_| false),
        itag("originally published").map(|_| false),
        itag("published").map(|_| false),
        itag("updated").map(|_| true),
        itag("posted").map(|_| false),
        itag("modified").map(|_| true),
        itag("date").map(|_| false),
        itag("publié le").map(|_| false),
        itag("publicado").map(|_| false),
        itag("veröffentlicht").map(|_| false),
    ))
    .parse(i)?;
    let (i, _) = opt(preceded(sp, alt((itag("on"), itag("at"))))).parse(i)?;
    let (i, _) = opt(preceded(sp0, tag(":"))).parse(i)?;
    let (i, _) = sp0(i)?;
    Ok((i, updated))
}

/// `weekday`: an English weekday name or abbreviation and a comma or space.
fn weekday(i: &str) -> Res<'_, &str> {
    // Full names first: "mon" would also match the start of "monday".
    let names = WEEKDAYS
        .iter()
        .map(|d| d.0)
        .chain(WEEKDAYS.iter().map(|d| d.1));
    let Some((i, w)) = names.map(itag).find_map(|name| name(i).ok()) else {
        return fail(i);
    };
    let (i, _) = opt(tag(".")).parse(i)?;
    let (i, _) = opt(tag(",")).parse(i)?;
    let (i, _) = sp(i)?;
    Ok((i, w))
}

/// A day-of-month ordinal suffix ("st", "nd", "rd", "th").
fn ordinal(i: &str) -> Res<'_, &str> {
    alt((tag("st"), tag("nd"), tag("rd"), tag("th"))).parse(i)
}

/// `date` with a named month: `(year, month, day)`.
pub(super) fn named_date(i: &str) -> Res<'_, (u32, u32, u32)> {
    let (i, _) = opt(weekday).parse(i)?;
    // month day, year
    let md = |i| -> Res<'_, (u32, u32, u32)> {
        let (i, m) = month(i)?;
        let (i, _) = sp(i)?;
        let (i, d) = number(i)?;
        let (i, _) = opt(ordinal).parse(i)?;
        let (i, _) = opt(tag(",")).parse(i)?;
        let (i, _) = sp(i)?;
        let (i, y) = number(i)?;
        Ok((i, (y, m, d)))
    };
    // day month year ("3 November 2023", "22 de janeiro de 2018")
    let dm = |i| -> Res<'_, (u32, u32, u32)> {
        let (i, d) = number(i)?;
        let (i, _) = opt(ordinal).parse(i)?;
        let (i, _) = opt(tag(".")).parse(i)?;
        let (i, _) = sp(i)?;
        let (i, _) = opt((alt((tag("de"), tag("del"))), sp)).parse(i)?;
        let (i, m) = month(i)?;
        let (i, _) = opt(tag(",")).parse(i)?;
        let (i, _) = sp(i)?;
        let (i, _) = opt((alt((tag("de"), tag("del"))), sp)).parse(i)?;
        let (i, y) = number(i)?;
        Ok((i, (y, m, d)))
    };
    alt((md, dm)).parse(i)
}

/// `numeric`: `2019-11-18`, `2019/11/18` or `2019.11.18`.
fn numeric(i: &str) -> Res<'_, Ymd> {
    match numeric_date(i, MODE.separators) {
        Some((ymd, rest)) => Ok((rest, ymd)),
        None => fail(i),
    }
}

/// `time`: `(hour, minute)` in 24-hour form.
fn time(i: &str) -> Res<'_, (u32, u32)> {
    let (i, h) = number(i)?;
    let (i, _) = alt((tag(":"), tag("."))).parse(i)?;
    let (i, m) = take_while_m_n(2, 2, |c: char| c.is_ascii_digit()).parse(i)?;
    let (i, _) = opt((tag(":"), take_while_m_n(2, 2, |c: char| c.is_ascii_digit()))).parse(i)?;
    let (i, ampm) = opt(preceded(
        sp0,
        alt((
            itag("a.m.").map(|_| false),
            itag("p.m.").map(|_| true),
            itag("am").map(|_| false),
            itag("pm").map(|_| true),
        )),
    ))
    .parse(i)?;
    let m: u32 = m.parse().unwrap_or(99);
    let h = match ampm {
        Some(pm) if (1..=12).contains(&h) => (h % 12) + if pm { 12 } else { 0 },
        Some(_) => 99,
        None => h,
    };
    if h > 23 || m > 59 {
        return fail(i);
    }
    Ok((i, (h, m)))
}

/// `zone`: its offset, when the name stands for one (not "ET", "PT", "IST").
fn zone(i: &str) -> Res<'_, Option<Zone>> {
    alt((
        tag("GMT").map(|_| Some(Zone::Utc)),
        tag("UTC").map(|_| Some(Zone::Utc)),
        tag("Z").map(|_| Some(Zone::Utc)),
        tag("ET").map(|_| None),
        tag("EST").map(|_| Some(Zone::Minutes(-300))),
        tag("EDT").map(|_| Some(Zone::Minutes(-240))),
        tag("BST").map(|_| Some(Zone::Minutes(60))),
        tag("CET").map(|_| Some(Zone::Minutes(60))),
        tag("CEST").map(|_| Some(Zone::Minutes(120))),
        tag("IST").map(|_| None),
        tag("PT").map(|_| None),
        tag("PST").map(|_| Some(Zone::Minutes(-480))),
        tag("PDT").map(|_| Some(Zone::Minutes(-420))),
    ))
    .parse(i)
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    valid_date(y, m, d, MODE.check)
}

/// A parsed date: year, month, day, `(hour, minute)` if written, its zone if known.
type DateTime = (u32, u32, u32, Option<(u32, u32)>, Option<Zone>);

/// A date (and time) anywhere a timestamp's date may start.
fn date_time(i: &str) -> Res<'_, DateTime> {
    let (i, (y, m, d)) = alt((named_date, numeric)).parse(i)?;
    if !valid(y, m, d) {
        return fail(i);
    }
    let sep = alt((
        preceded(sp0, preceded(tag(","), sp0)),
        preceded(
            sp0,
            preceded(
                alt((tag("at"), tag("|"), tag("-"), tag("•"), tag("T"))),
                sp0,
            ),
        ),
        sp,
        tag("T"),
    ));
    let (i, t) = opt(preceded(sep, time)).parse(i)?;
    let (i, z) = opt(preceded(sp0, zone)).parse(i)?;
    Ok((i, (y, m, d, t, z.flatten().filter(|_| t.is_some()))))
}

/// Recognises a timestamp block: a date, maybe labelled and with a time, and little else.
pub(crate) fn timestamp(text: &str) -> Option<Timestamp> {
    // Every date has digits; most blocks have none, so this is the cheap way out.
    if text.len() > 120 || !text.bytes().any(|b| b.is_ascii_digit()) || text.contains('\n') {
        return None;
    }
    let (after_label, updated) = match label(text) {
        Ok((rest, u)) => (rest, u),
        Err(_) => (text, false),
    };
    // The date may follow up to four short words ("Reuters November 18, 2019").
    let mut start = after_label;
    for _ in 0..5 {
        if let Ok((rest, (y, m, d, t, zone))) = date_time(start) {
            let skipped = after_label.len() - start.len();
            let leftover = rest.trim().len() + skipped;
            if leftover > 40 {
                return None;
            }
            let value = DateValue::at((y, m, d), t, zone);
            return Some(Timestamp {
                updated,
                iso: value.render(),
            });
        }
        // Skip one word and its spaces.
        let next = start.find(char::is_whitespace)?;
        start = start[next..].trim_start();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamp_table() {
        let cases: &[(&str, Option<(bool, &str)>)] = &[
            ("Published 16 July 2020, 10:05", Some((false, "2020-07-16"))),
            (
                "Updated: 3 November 2023 18:42 GMT",
                Some((true, "2023-11-03T18:42:00Z")),
            ),
            (
                "July 10, 2015 9:53 AM EDT",
                Some((false, "2015-07-10T09:53:00-04:00")),
            ),
            ("September 18, 2022", Some((false, "2022-09-18"))),
            (
                "Reuters November 18, 2019 11:03 PM",
                Some((false, "2019-11-18")),
            ),
            ("2019-11-18", Some((false, "2019-11-18"))),
            (
                "Published 14 March 2024, 09:30",
                Some((false, "2024-03-14")),
            ),
            (
                "Posted on Tuesday, Nov. 19th, 2019",
                Some((false, "2019-11-19")),
            ),
            ("Last updated at 12:00", None),
            (
                "29 November 2018 | 20 January 2019",
                Some((false, "2018-11-29")),
            ),
            (
                "The festival ran from 3 May 2019 until the rains came and everyone went home.",
                None,
            ),
            ("June 17 -- Bridgestone Arena, Nashville, TN", None),
            ("31 February 2020", None),
            ("29 February 2020", Some((false, "2020-02-29"))),
            (
                "segunda-feira, 22 de janeiro de 2018 às 0:13",
                Some((false, "2018-01-22")),
            ),
            ("Publié le 3 mars 2021", Some((false, "2021-03-03"))),
            ("", None),
        ];
        for (input, want) in cases {
            let got = timestamp(input).map(|t| (t.updated, t.iso));
            let want = want.map(|(u, s)| (u, s.to_owned()));
            assert_eq!(got, want, "{input:?}");
        }
    }
}
