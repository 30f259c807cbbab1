//! Date values: what a date says, and its one written form in records.
//!
//! ```text
//! value    = iso | written | numeric_dmy | rfc2822          (then little else on the line)
//! iso      = yyyy "-" mm "-" dd (("T" | sp) clock)?
//! written  = the timestamp grammar's `date` (weekday? month day year | day month year)
//!            (sep clock)?
//! numeric_dmy = d{1,2} sep d{1,2} sep yyyy (sep clock)?    (sep: "." "/" "-", the same twice)
//! clock    = hh ":" mm (":" ss ("." | ",") digits?)? sp? ampm? sp? zone?
//! zone     = "Z" | ("GMT" | "UTC") offset? | offset | abbreviation
//! offset   = ("+" | "-") hh ":"? mm | ("+" | "-") hh
//! abbreviation = EST EDT CST CDT MST MDT PST PDT BST CET CEST EET EEST WET WEST JST AEST AEDT
//! ```
//!
//! A value is written as a date (`2015-07-10`), or as an RFC 3339 date-time with the
//! page's offset (`2015-07-10T09:53:00-04:00`, `...Z`) when the page gives a zone. A time
//! without a zone (or with one that names no single offset, like "ET") is dropped, never
//! presented as UTC, so every value parses with Python's `datetime.fromisoformat` and no
//! value is a naive date-time.
//!
//! Numeric dates with the day and month both 12 or less are ambiguous: dots mean day
//! first (`10.07.2015`), otherwise the caller's [`Order`] decides.

use nom::{
    Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n},
    character::complete::one_of,
    combinator::opt,
    sequence::preceded,
};

use super::super::lexemes::{Res, fail, itag, number, sp, sp0};
use super::calendar::{DateCheck, valid_date};
pub(crate) use super::instant::{Clock, DateValue, Zone};
use super::numeric::Ymd;
use super::timestamp::named_date;

/// Which of day and month comes first in an ambiguous numeric date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Order {
    /// `10/07/2015` is 10 July (most of the world).
    DayFirst,
    /// `07/10/2015` is 10 July (the United States).
    MonthFirst,
}

fn two_digits(i: &str) -> Res<'_, u32> {
    let (i, d) = take_while_m_n(2, 2, |c: char| c.is_ascii_digit()).parse(i)?;
    match d.parse() {
        Ok(n) => Ok((i, n)),
        Err(_) => fail(i),
    }
}

fn four_digits(i: &str) -> Res<'_, u32> {
    let (i, d) = take_while_m_n(4, 4, |c: char| c.is_ascii_digit()).parse(i)?;
    match d.parse() {
        Ok(n) => Ok((i, n)),
        Err(_) => fail(i),
    }
}

/// `offset`: `+05:30`, `-0400`, `+01`: minutes east of UTC (at most 18 hours).
fn offset(i: &str) -> Res<'_, Zone> {
    let (i, sign) = one_of("+-\u{2212}").parse(i)?;
    let (i, h) = two_digits(i)?;
    let (i, m) = opt(preceded(opt(tag(":")), two_digits)).parse(i)?;
    let m = m.unwrap_or(0);
    if h > 18 || m > 59 {
        return fail(i);
    }
    let total = i32::try_from(h * 60 + m).unwrap_or(0);
    Ok((i, Zone::Minutes(if sign == '+' { total } else { -total })))
}

/// `abbreviation`: the zone names that stand for one offset.
fn abbreviation(i: &str) -> Res<'_, Zone> {
    const NAMES: &[(&str, i32)] = &[
        ("AEDT", 660),
        ("AEST", 600),
        ("CEST", 120),
        ("EEST", 180),
        ("WEST", 60),
        ("EST", -300),
        ("EDT", -240),
        ("CST", -360),
        ("CDT", -300),
        ("MST", -420),
        ("MDT", -360),
        ("PST", -480),
        ("PDT", -420),
        ("BST", 60),
        ("CET", 60),
        ("EET", 120),
        ("WET", 0),
        ("JST", 540),
    ];
    for &(name, minutes) in NAMES {
        if let Ok((rest, _)) = tag::<_, _, nom::error::Error<&str>>(name).parse(i) {
            if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
                return Ok((rest, Zone::Minutes(minutes)));
            }
        }
    }
    fail(i)
}

/// `zone`.
pub(crate) fn zone(i: &str) -> Res<'_, Zone> {
    let utc = |i| -> Res<'_, Zone> {
        let (i, _) = alt((tag("GMT"), tag("UTC"))).parse(i)?;
        let (i, off) = opt(offset).parse(i)?;
        Ok((i, off.unwrap_or(Zone::Utc)))
    };
    alt((utc, tag("Z").map(|_| Zone::Utc), offset, abbreviation)).parse(i)
}

/// `clock`.
pub(crate) fn clock(i: &str) -> Res<'_, Clock> {
    let (i, hour) = number(i)?;
    let (i, _) = tag(":").parse(i)?;
    let (i, minute) = two_digits(i)?;
    let (i, second) = opt(preceded(tag(":"), two_digits)).parse(i)?;
    let (i, fraction) = opt(preceded(
        one_of(".,"),
        take_while_m_n(1, 9, |c: char| c.is_ascii_digit()),
    ))
    .parse(i)?;
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
    let hour = match ampm {
        Some(pm) if (1..=12).contains(&hour) => (hour % 12) + if pm { 12 } else { 0 },
        Some(_) => 99,
        None => hour,
    };
    let second = second.unwrap_or(0);
    if hour > 23 || minute > 59 || second > 59 {
        return fail(i);
    }
    let (i, zone) = opt(preceded(sp0, zone)).parse(i)?;
    let fraction = fraction.map_or(String::new(), |f| f.chars().take(6).collect());
    Ok((
        i,
        Clock {
            hour,
            minute,
            second,
            fraction,
            zone,
        },
    ))
}

/// What may stand between a date and its time: `T`, a space, `, `, ` at `, ` - `, ` | `.
fn clock_sep(i: &str) -> Res<'_, &str> {
    alt((
        tag("T"),
        preceded(
            sp0,
            preceded(
                alt((
                    tag(","),
                    tag("at"),
                    tag("à"),
                    tag("um"),
                    tag("|"),
                    tag("-"),
                    tag("•"),
                )),
                sp0,
            ),
        ),
        sp,
    ))
    .parse(i)
}

/// `iso`.
fn iso_value(i: &str) -> Res<'_, DateValue> {
    let (i, y) = four_digits(i)?;
    let (i, _) = tag("-").parse(i)?;
    let (i, m) = two_digits(i)?;
    let (i, _) = tag("-").parse(i)?;
    let (i, d) = two_digits(i)?;
    let (i, clock) = opt(preceded(alt((tag("T"), sp)), clock)).parse(i)?;
    Ok((
        i,
        DateValue {
            ymd: (y, m, d),
            clock,
            ambiguous: false,
        },
    ))
}

/// `numeric_dmy`, read in `order` unless the numbers or the dots decide.
fn numeric_dmy(i: &str, order: Order) -> Res<'_, DateValue> {
    let (i, a) = take_while_m_n(1, 2, |c: char| c.is_ascii_digit()).parse(i)?;
    let (i, sep) = one_of("./-").parse(i)?;
    let (i, b) = take_while_m_n(1, 2, |c: char| c.is_ascii_digit()).parse(i)?;
    let (i, _) = tag(&*sep.to_string()).parse(i)?;
    let (i, y) = four_digits(i)?;
    if i.starts_with(|c: char| c.is_ascii_digit()) {
        return fail(i);
    }
    let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) else {
        return fail(i);
    };
    let (ymd, ambiguous) = if a > 12 || sep == '.' {
        ((y, b, a), false)
    } else if b > 12 {
        ((y, a, b), false)
    } else {
        let ymd = match order {
            Order::DayFirst => (y, b, a),
            Order::MonthFirst => (y, a, b),
        };
        (ymd, a != b)
    };
    let (i, clock) = opt(preceded(clock_sep, clock)).parse(i)?;
    Ok((
        i,
        DateValue {
            ymd,
            clock,
            ambiguous,
        },
    ))
}

/// `written` (also RFC 2822's `Thu, 16 Jul 2020 10:05:00 +0000`).
fn written(i: &str) -> Res<'_, DateValue> {
    let (i, ymd) = named_date(i)?;
    let (i, clock) = opt(preceded(clock_sep, clock)).parse(i)?;
    Ok((
        i,
        DateValue {
            ymd,
            clock,
            ambiguous: false,
        },
    ))
}

fn valid(ymd: Ymd) -> bool {
    valid_date(ymd.0, ymd.1, ymd.2, DateCheck::Calendar) && ymd.0 >= 1990
}

/// The date value at the start of `s` (after spaces), or `None`; what follows is not looked
/// at. Checked against the calendar (years 1990..=2100).
pub(crate) fn date_value(s: &str, order: Order) -> Option<DateValue> {
    let s = s.trim_start();
    let found = alt((iso_value, |i| numeric_dmy(i, order), written))
        .parse(s)
        .ok()?
        .1;
    valid(found.ymd).then_some(found)
}

/// The first date value among the first words of a short line ("Posted by X on July 10,
/// 2015 9:53 AM EDT"): tried at each of the first twelve word starts.
pub(crate) fn date_in_line(line: &str, order: Order) -> Option<DateValue> {
    if line.len() > 200 || !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut rest = line.trim_start();
    for _ in 0..12 {
        if let Some(v) = date_value(rest, order) {
            return Some(v);
        }
        let next = rest.find(char::is_whitespace)?;
        rest = rest[next..].trim_start();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_value_table() {
        use Order::{DayFirst, MonthFirst};
        let cases: &[(&str, Order, Option<&str>)] = &[
            ("2015-07-10", DayFirst, Some("2015-07-10")),
            (
                "2015-07-10T09:53:00-04:00",
                DayFirst,
                Some("2015-07-10T09:53:00-04:00"),
            ),
            (
                "2015-07-10 09:53:00 -0400",
                DayFirst,
                Some("2015-07-10T09:53:00-04:00"),
            ),
            (
                "2015-07-10T09:53:00-0800",
                DayFirst,
                Some("2015-07-10T09:53:00-08:00"),
            ),
            (
                "2015-07-10T09:53:00.123Z",
                DayFirst,
                Some("2015-07-10T09:53:00.123Z"),
            ),
            ("2015-07-10T09:53", DayFirst, Some("2015-07-10")),
            ("2015-07-10T09:53:00", DayFirst, Some("2015-07-10")),
            (
                "Thu, 16 Jul 2020 10:05:00 GMT",
                DayFirst,
                Some("2020-07-16T10:05:00Z"),
            ),
            (
                "Fri, 10 Jul 2015 09:53:00 +0000",
                DayFirst,
                Some("2015-07-10T09:53:00+00:00"),
            ),
            ("10.07.2015", MonthFirst, Some("2015-07-10")),
            ("10.07.2015 09:53", DayFirst, Some("2015-07-10")),
            ("10/07/2015", DayFirst, Some("2015-07-10")),
            ("07/10/2015", MonthFirst, Some("2015-07-10")),
            ("25/12/2019", MonthFirst, Some("2019-12-25")),
            ("12/25/2019", DayFirst, Some("2019-12-25")),
            (
                "July 10, 2015 9:53 AM EDT",
                DayFirst,
                Some("2015-07-10T09:53:00-04:00"),
            ),
            (
                "July 10, 2015 at 9:53 pm PST",
                DayFirst,
                Some("2015-07-10T21:53:00-08:00"),
            ),
            ("July 10, 2015 9:53 AM ET", DayFirst, Some("2015-07-10")),
            ("10 juillet 2015", DayFirst, Some("2015-07-10")),
            ("10. Juli 2015, 09:53 Uhr", DayFirst, Some("2015-07-10")),
            ("22 de janeiro de 2018", DayFirst, Some("2018-01-22")),
            ("2021-02-31", DayFirst, None),
            ("31.02.2021", DayFirst, None),
            ("1989-07-16", DayFirst, None),
            ("2015-07-10T25:00:00Z", DayFirst, Some("2015-07-10")),
            ("10.07.20155", DayFirst, None),
            ("yesterday", DayFirst, None),
            ("", DayFirst, None),
        ];
        for &(input, order, want) in cases {
            let got = date_value(input, order).map(|v| v.render());
            assert_eq!(got.as_deref(), want, "{input:?}");
        }
    }

    #[test]
    fn ambiguity_table() {
        let cases = [
            ("10/07/2015", true),
            ("10.07.2015", false),
            ("25/12/2019", false),
            ("07/07/2015", false),
            ("2015-07-10", false),
        ];
        for (input, want) in cases {
            let v = date_value(input, Order::DayFirst).unwrap();
            assert_eq!(v.ambiguous, want, "{input}");
        }
    }

    #[test]
    fn date_in_line_table() {
        let cases = [
            ("By Jane Roe - January 10, 2020", Some("2020-01-10")),
            ("Posted by Jane Roe at 5:11 AM", None),
            (
                "Published: 10.07.2015, 09:53 CEST",
                Some("2015-07-10T09:53:00+02:00"),
            ),
            ("No date here 2015", None),
        ];
        for (input, want) in cases {
            let got = date_in_line(input, Order::DayFirst).map(|v| v.render());
            assert_eq!(got.as_deref(), want, "{input:?}");
        }
    }
}
