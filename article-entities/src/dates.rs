//! Temporal expressions with normalised ISO 8601 values.
//!
//! Absolute dates ("July 16, 2020", "16 July 2020", "Sept. 1", "2020-07-16",
//! "07/16/2020" when unambiguous), month-years ("July 2020"), years after a temporal
//! preposition ("in 2019", "since 1965"), weekdays ("Thursday", "last Friday"), and
//! relative expressions ("yesterday", "today", "last week", "next month", "this year",
//! "three days ago").
//!
//! Values need an anchor for anything without its year: the article's published date, or
//! the date given to the annotator. Without one, such an expression is found but has no
//! value (never a guess). Weeks are ISO weeks (`2020-W29`).
//!
//! # Direction from the anchor
//!
//! A weekday, a month-day without its year and a month alone can lie either side of the
//! anchor; the tense of the verb that governs the expression chooses ([`tense`]): the verb
//! group nearest before it in its clause, else the first one after it ("On Friday, the
//! board will ..."). Future ("will", "would", "shall", "is to", "plans to", "is set to",
//! "is scheduled for", "is meeting", "next", "upcoming") takes the first such day on or
//! after the anchor; past (a past-tense verb, "was", "had", the present perfect "has
//! closed", "since", "last", "ago") the latest on or before it. A date that belongs to a
//! speech verb ("will lift sanctions, officials said late Thursday") takes that verb's
//! tense, not the reported event's. With no tense to go by, a weekday is the latest on or
//! before the anchor and a month-day the nearest to it.

use std::fmt;
use std::str::FromStr;

use article_model::{DateMention, Span};

use self::tense::Direction;
use crate::paragraph_words::{ParaWords, Tok};
use crate::wordlists;

mod tense;

/// A day of the proleptic Gregorian calendar, used as the anchor of relative dates.
///
/// ```
/// use article_entities::CalendarDate;
/// let d: CalendarDate = "2020-07-16".parse()?;
/// assert_eq!(d.to_string(), "2020-07-16");
/// // A date-time keeps its date part.
/// assert_eq!("2020-07-16T10:05:00+03:00".parse::<CalendarDate>()?, d);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    year: i32,
    month: u32,
    day: u32,
}

/// Why a string is not a `YYYY-MM-DD` date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a YYYY-MM-DD date: {0:?}")]
pub struct ParseDateError(String);

impl CalendarDate {
    /// The date `year-month-day`, or `None` when there is no such day.
    #[must_use]
    pub fn new(year: i32, month: u32, day: u32) -> Option<CalendarDate> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(CalendarDate { year, month, day })
    }

    /// The year.
    #[must_use]
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    #[must_use]
    pub fn month(self) -> u32 {
        self.month
    }

    /// The day of the month, 1 to 31.
    #[must_use]
    pub fn day(self) -> u32 {
        self.day
    }

    fn days(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    fn from_days(days: i64) -> Option<CalendarDate> {
        let (y, m, d) = civil_from_days(days)?;
        CalendarDate::new(y, m, d)
    }

    fn add_days(self, n: i64) -> Option<CalendarDate> {
        CalendarDate::from_days(self.days().checked_add(n)?)
    }

    /// Monday = 0 ... Sunday = 6.
    fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        let w = (self.days() + 3).rem_euclid(7);
        u32::try_from(w).unwrap_or(0)
    }

    /// ISO week-numbering year and week.
    fn iso_week(self) -> (i32, u32) {
        let wd = i64::from(self.weekday());
        let thursday = self.days() - wd + 3;
        let Some(t) = CalendarDate::from_days(thursday) else {
            return (self.year, 1);
        };
        let jan1 = days_from_civil(t.year, 1, 1);
        let week = (thursday - jan1) / 7 + 1;
        (t.year, u32::try_from(week).unwrap_or(1))
    }

    fn add_months(self, n: i32) -> (i32, u32) {
        let m0 = self.year * 12 + i32::try_from(self.month).unwrap_or(1) - 1 + n;
        (
            m0.div_euclid(12),
            u32::try_from(m0.rem_euclid(12)).unwrap_or(0) + 1,
        )
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for CalendarDate {
    type Err = ParseDateError;

    /// Parses `YYYY-MM-DD`, alone or at the start of an ISO 8601 date-time.
    fn from_str(s: &str) -> Result<CalendarDate, ParseDateError> {
        let err = || ParseDateError(s.to_owned());
        let t = s.trim();
        let date = t.get(..10).ok_or_else(err)?;
        if t.len() > 10 && !t[10..].starts_with(['T', 't', ' ']) {
            return Err(err());
        }
        let mut parts = date.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(err());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(err());
        }
        let num = |x: &str| x.parse::<u32>().map_err(|_| err());
        let year = i32::try_from(num(y)?).map_err(|_| err())?;
        CalendarDate::new(year, num(m)?, num(d)?).ok_or_else(err)
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 (H. Hinnant's algorithm).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> Option<(i32, u32, u32)> {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = y + i64::from(m <= 2);
    Some((
        i32::try_from(y).ok()?,
        u32::try_from(m).ok()?,
        u32::try_from(d).ok()?,
    ))
}

/// Finds the temporal expressions of `body` (paragraph spans given), with values anchored
/// to `anchor` when it is known.
pub(crate) fn find(
    body: &str,
    words: &[ParaWords<'_>],
    anchor: Option<CalendarDate>,
) -> Vec<DateMention> {
    let mut out = Vec::new();
    for para in words {
        let toks = &para.toks;
        let sentences = &para.sentences;
        let mut k = 0;
        while k < toks.len() {
            match expression(toks, k) {
                Some((last, expr)) => {
                    let span = Span::new(toks[k].start, toks[last].end);
                    // "on a Saturday morning", "every Friday": no one day.
                    let before = |n: usize| k.checked_sub(n).map(|i| lower(&toks[i]));
                    let indefinite = matches!(expr, Expr::Weekday(_, 0))
                        && (matches!(before(1).as_deref(), Some("every" | "each" | "any"))
                            || (matches!(before(1).as_deref(), Some("a" | "an"))
                                && before(2).as_deref() == Some("on")));
                    let value = expr.absolute().or_else(|| {
                        if indefinite {
                            return None;
                        }
                        let a = anchor?;
                        let dir = if expr.needs_direction() {
                            tense::direction(toks, sentences, k, last)
                        } else {
                            Direction::Unknown
                        };
                        expr.value(a, dir)
                    });
                    if let Some(text) = span.get(body) {
                        out.push(DateMention {
                            span,
                            text: text.to_owned(),
                            value,
                        });
                    }
                    k = last + 1;
                }
                None => k += 1,
            }
        }
    }
    out
}

/// A recognised expression, before anchoring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expr {
    /// A full date.
    Date(CalendarDate),
    /// Month and day, year unknown.
    MonthDay(u32, u32),
    /// Year and month.
    YearMonth(i32, u32),
    /// A month name alone.
    Month(u32),
    /// A year.
    Year(i32),
    /// A weekday, with `last` (-1), `next` (+1) or neither (0).
    Weekday(u32, i32),
    /// Days from the anchor (yesterday = -1).
    DayOffset(i64),
    /// Weeks from the anchor's week.
    WeekOffset(i64),
    /// Months from the anchor's month.
    MonthOffset(i32),
    /// Years from the anchor's year.
    YearOffset(i32),
    /// A date whose value cannot be known (`03/04/2020`).
    Ambiguous,
}

impl Expr {
    /// The value of an expression that needs no anchor.
    fn absolute(self) -> Option<String> {
        match self {
            Expr::Date(d) => Some(d.to_string()),
            Expr::YearMonth(y, m) => Some(format!("{y:04}-{m:02}")),
            Expr::Year(y) => Some(format!("{y:04}")),
            _ => None,
        }
    }

    /// Whether the value depends on the direction from the anchor.
    fn needs_direction(self) -> bool {
        matches!(
            self,
            Expr::MonthDay(..) | Expr::Month(_) | Expr::Weekday(_, 0)
        )
    }

    fn value(self, a: CalendarDate, dir: Direction) -> Option<String> {
        let future = dir == Direction::Future;
        let forward = matches!(dir, Direction::Future | Direction::FutureInPast);
        Some(match self {
            Expr::Date(d) => d.to_string(),
            Expr::MonthDay(m, d) => {
                // The year that keeps the date nearest the anchor in the tense's
                // direction (on or after it for the future, on or before it for the past;
                // either side with no tense or for the future of a past moment).
                let candidates = [a.year - 1, a.year, a.year + 1]
                    .into_iter()
                    .filter_map(|y| CalendarDate::new(y, m, d));
                let best = match dir {
                    Direction::Future => candidates.filter(|c| *c >= a).min()?,
                    Direction::Past => candidates.filter(|c| *c <= a).max()?,
                    Direction::Unknown | Direction::FutureInPast => {
                        candidates.min_by_key(|c| (c.days() - a.days()).abs())?
                    }
                };
                best.to_string()
            }
            Expr::YearMonth(y, m) => format!("{y:04}-{m:02}"),
            Expr::Month(m) => {
                let y = if future {
                    if m >= a.month { a.year } else { a.year + 1 }
                } else if m <= a.month {
                    a.year
                } else {
                    a.year - 1
                };
                format!("{y:04}-{m:02}")
            }
            Expr::Year(y) => format!("{y:04}"),
            Expr::Weekday(w, rel) => {
                let today = a.weekday();
                let back = i64::from((today + 7 - w) % 7);
                let fwd = i64::from((w + 7 - today) % 7);
                let offset = match rel {
                    -1 => -(if back == 0 { 7 } else { back }),
                    1 => {
                        if fwd == 0 {
                            7
                        } else {
                            fwd
                        }
                    }
                    _ if forward => fwd,
                    _ => -back,
                };
                a.add_days(offset)?.to_string()
            }
            Expr::DayOffset(n) => a.add_days(n)?.to_string(),
            Expr::WeekOffset(n) => {
                let (y, w) = a.add_days(n * 7)?.iso_week();
                format!("{y:04}-W{w:02}")
            }
            Expr::MonthOffset(n) => {
                let (y, m) = a.add_months(n);
                format!("{y:04}-{m:02}")
            }
            Expr::YearOffset(n) => format!("{:04}", a.year + n),
            Expr::Ambiguous => return None,
        })
    }
}

fn lower(t: &Tok<'_>) -> String {
    t.text.to_lowercase()
}

fn number(t: &Tok<'_>) -> Option<u32> {
    if !t.is_word() {
        return None;
    }
    let digits = t
        .text
        .trim_end_matches(|c: char| c.is_alphabetic())
        .to_owned();
    let suffix = &t.text[digits.len()..];
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || digits.len() > 4 {
        return None;
    }
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok()
}

fn year(t: &Tok<'_>) -> Option<i32> {
    let n = number(t)?;
    (t.text.len() == 4 && (1000..=2200).contains(&n)).then(|| i32::try_from(n).ok())?
}

fn day(t: &Tok<'_>) -> Option<u32> {
    number(t).filter(|d| (1..=31).contains(d) && t.text.len() <= 4)
}

fn adjacent(a: &Tok<'_>, b: &Tok<'_>) -> bool {
    a.end == b.start
}

/// The expression starting at token `k`, with its last token.
fn expression(toks: &[Tok<'_>], k: usize) -> Option<(usize, Expr)> {
    let t = toks.get(k)?;
    let next = |i: usize| toks.get(k + i);
    let w = lower(t);

    // Numeric dates: 2020-07-16, 07/16/2020, 16.07.2020.
    if let Some(found) = numeric_date(toks, k) {
        return Some(found);
    }

    // Month first: "July 16, 2020", "Jul. 16", "July 2020", "July".
    if let Some(m) = wordlists::month(t.text) {
        if !t.is_capitalized() {
            return None;
        }
        if let Some(d) = next(1).and_then(day) {
            let mut last = k + 1;
            let mut j = k + 2;
            if next(2).is_some_and(|c| c.is_punct(',')) {
                j = k + 3;
            }
            if let Some(y) = toks.get(j).and_then(year) {
                last = j;
                return CalendarDate::new(y, m, d).map(|date| (last, Expr::Date(date)));
            }
            return (d <= days_in_month(2000, m)).then_some((last, Expr::MonthDay(m, d)));
        }
        if let Some(y) = next(1).and_then(year) {
            return Some((k + 1, Expr::YearMonth(y, m)));
        }
        // A month alone; "May" only after a temporal preposition.
        let prev = k.checked_sub(1).and_then(|p| toks.get(p)).map(lower);
        let temporal = prev.as_deref().is_some_and(|p| {
            matches!(
                p,
                "in" | "since"
                    | "until"
                    | "by"
                    | "from"
                    | "through"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "during"
                    | "before"
                    | "after"
            )
        });
        if m == 5 && !temporal {
            return None;
        }
        return Some((k, Expr::Month(m)));
    }

    // Day first: "16 July 2020", "16th July".
    if let Some(d) = day(t) {
        if let Some(m) =
            next(1).and_then(|n| wordlists::month(n.text).filter(|_| n.is_capitalized()))
        {
            if let Some(y) = next(2).and_then(year) {
                return CalendarDate::new(y, m, d).map(|date| (k + 2, Expr::Date(date)));
            }
            return (d <= days_in_month(2000, m)).then_some((k + 1, Expr::MonthDay(m, d)));
        }
    }

    // Weekdays, with last/next/this before them.
    if let Some(wd) = wordlists::weekday(t.text) {
        if t.is_capitalized() {
            return Some((k, Expr::Weekday(wd, 0)));
        }
    }
    if matches!(w.as_str(), "last" | "next" | "this" | "past" | "coming") {
        let rel = match w.as_str() {
            "last" | "past" => -1,
            "next" | "coming" => 1,
            _ => 0,
        };
        if let Some(n) = next(1) {
            if let Some(wd) = wordlists::weekday(n.text) {
                return Some((k + 1, Expr::Weekday(wd, rel)));
            }
            let unit = lower(n);
            let off = match unit.as_str() {
                "week" => Some(Expr::WeekOffset(i64::from(rel))),
                "month" => Some(Expr::MonthOffset(rel)),
                "year" => Some(Expr::YearOffset(rel)),
                _ => None,
            };
            if let Some(e) = off {
                return Some((k + 1, e));
            }
            if rel != 0 {
                if let Some(m) = wordlists::month(n.text).filter(|_| n.is_capitalized()) {
                    let _ = m;
                    return None; // "last July": leave to the month rule
                }
            }
        }
    }
    match w.as_str() {
        "yesterday" => return Some((k, Expr::DayOffset(-1))),
        "today" | "tonight" => return Some((k, Expr::DayOffset(0))),
        "tomorrow" => return Some((k, Expr::DayOffset(1))),
        _ => {}
    }
    // "three days ago", "2 weeks ago".
    if let (Some(n), Some(unit), Some(ago)) = (count(t), next(1), next(2)) {
        if lower(ago) == "ago" {
            let n = i64::from(n);
            let e = match lower(unit).trim_end_matches('s') {
                "day" => Some(Expr::DayOffset(-n)),
                "week" => Some(Expr::WeekOffset(-n)),
                "month" => i32::try_from(n).ok().map(|n| Expr::MonthOffset(-n)),
                "year" => i32::try_from(n).ok().map(|n| Expr::YearOffset(-n)),
                _ => None,
            };
            if let Some(e) = e {
                return Some((k + 2, e));
            }
        }
    }
    // A year after a temporal preposition: "in 2019", "since 1965", "the 2020 election".
    if let Some(y) = year(t) {
        let prev = k.checked_sub(1).and_then(|p| toks.get(p));
        let temporal = prev.is_some_and(|p| {
            matches!(
                lower(p).as_str(),
                "in" | "since"
                    | "by"
                    | "until"
                    | "till"
                    | "from"
                    | "during"
                    | "before"
                    | "after"
                    | "through"
                    | "of"
                    | "early"
                    | "late"
                    | "mid"
                    | "around"
                    | "circa"
                    | "the"
                    | "and"
                    | "to"
                    | "–"
                    | "-"
                    | "year"
                    | "fiscal"
                    | "season"
                    | "spring"
                    | "summer"
                    | "autumn"
                    | "fall"
                    | "winter"
            )
        });
        let glued = prev.is_some_and(|p| adjacent(p, t) && !p.is_punct('-') && !p.is_punct('–'))
            || next(1).is_some_and(|n| {
                adjacent(t, n)
                    && !n.is_punct(',')
                    && !n.is_punct('.')
                    && !n.is_punct(')')
                    && !n.is_punct(';')
                    && !n.is_punct(':')
            });
        let unit_after = next(1).is_some_and(|n| {
            matches!(
                lower(n).as_str(),
                "people"
                    | "tons"
                    | "tonnes"
                    | "percent"
                    | "%"
                    | "miles"
                    | "km"
                    | "feet"
                    | "meters"
                    | "metres"
                    | "dollars"
                    | "units"
                    | "votes"
                    | "members"
            )
        });
        if temporal && !glued && !unit_after {
            return Some((k, Expr::Year(y)));
        }
    }
    None
}

fn count(t: &Tok<'_>) -> Option<u32> {
    if let Some(n) = number(t).filter(|&n| n < 1000) {
        return Some(n);
    }
    const WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    let w = lower(t);
    WORDS
        .iter()
        .position(|x| *x == w)
        .and_then(|p| u32::try_from(p + 1).ok())
}

/// `2020-07-16`, `07/16/2020`, `16.07.2020`: one token each.
fn numeric_date(toks: &[Tok<'_>], k: usize) -> Option<(usize, Expr)> {
    let t = toks.get(k)?;
    if !t.is_word() || !t.text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if t.text.len() == 10 {
        if let Ok(d) = t.text.parse::<CalendarDate>() {
            return Some((k, Expr::Date(d)));
        }
    }
    for sep in ['/', '.'] {
        let parts: Vec<&str> = t.text.split(sep).collect();
        if parts.len() != 3 || parts[2].len() != 4 || parts[0].len() > 2 || parts[1].len() > 2 {
            continue;
        }
        let x: u32 = parts[0].parse().ok()?;
        let y: u32 = parts[1].parse().ok()?;
        let yr: i32 = parts[2].parse().ok()?;
        let date = if sep == '.' {
            // 16.07.2020: day first.
            CalendarDate::new(yr, y, x)
        } else if x > 12 {
            CalendarDate::new(yr, y, x)
        } else if y > 12 || x == y {
            CalendarDate::new(yr, x, y)
        } else {
            // 03/04/2020: month and day order unknown; found, no value.
            return Some((k, Expr::Ambiguous));
        };
        return date.map(|d| (k, Expr::Date(d)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, anchor: Option<&str>) -> Vec<(String, Option<String>)> {
        let anchor = anchor.map(|a| a.parse().unwrap());
        let words = crate::paragraph_words::prepare(text, &[Span::new(0, text.len())]);
        find(text, &words, anchor)
            .into_iter()
            .map(|d| (d.text, d.value))
            .collect()
    }

    fn one(text: &str, anchor: Option<&str>) -> (String, Option<String>) {
        let got = run(text, anchor);
        assert_eq!(got.len(), 1, "{text:?}: {got:?}");
        got.into_iter().next().unwrap()
    }

    #[test]
    fn formats() {
        // Anchor: Thursday 2020-07-16.
        let a = Some("2020-07-16");
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "It happened on July 16, 2020 at noon.",
                "July 16, 2020",
                Some("2020-07-16"),
            ),
            (
                "It happened on 16 July 2020.",
                "16 July 2020",
                Some("2020-07-16"),
            ),
            ("Due Sept. 1 here.", "Sept. 1", Some("2020-09-01")),
            ("Back on Jan. 30 they met.", "Jan. 30", Some("2020-01-30")),
            ("They will meet on Jan. 30.", "Jan. 30", Some("2021-01-30")),
            ("Filed 2019-03-04 here.", "2019-03-04", Some("2019-03-04")),
            ("Filed 16.07.2020 here.", "16.07.2020", Some("2020-07-16")),
            ("Filed 07/16/2020 here.", "07/16/2020", Some("2020-07-16")),
            ("Filed 16/07/2020 here.", "16/07/2020", Some("2020-07-16")),
            ("In July 2019 it rained.", "July 2019", Some("2019-07")),
            ("They met in 2015 again.", "2015", Some("2015")),
            (
                "Russia urged Turkey on Thursday to act.",
                "Thursday",
                Some("2020-07-16"),
            ),
            (
                "A meeting on Wednesday was held.",
                "Wednesday",
                Some("2020-07-15"),
            ),
            ("They will meet on Monday.", "Monday", Some("2020-07-20")),
            (
                "It happened last Friday.",
                "last Friday",
                Some("2020-07-10"),
            ),
            ("It happened yesterday.", "yesterday", Some("2020-07-15")),
            ("It happens today.", "today", Some("2020-07-16")),
            ("It happens tomorrow.", "tomorrow", Some("2020-07-17")),
            ("It happened last week.", "last week", Some("2020-W28")),
            ("It happens next month.", "next month", Some("2020-08")),
            ("It happened last year.", "last year", Some("2019")),
            (
                "It happened three days ago.",
                "three days ago",
                Some("2020-07-13"),
            ),
            ("It happened in September.", "September", Some("2019-09")),
        ];
        for (text, want_text, want_value) in cases {
            let (t, v) = one(text, a);
            assert_eq!(t, *want_text, "{text:?}");
            assert_eq!(v.as_deref(), *want_value, "{text:?}");
        }
    }

    /// The tense and modality of the governing verb choose the direction from the anchor
    /// (issue 14): (sentence, anchor, expression, value).
    #[test]
    fn tense_chooses_the_direction_from_the_anchor() {
        // 2020-07-16 and 2019-03-14 are Thursdays, 2017-01-13 a Friday.
        const CASES: &[(&str, &str, &str, &str)] = &[
            // The three sentences of the issue.
            (
                "The ferry service would run twice a day from Friday, the operator said.",
                "2019-03-14",
                "Friday",
                "2019-03-15",
            ),
            (
                "The United States will lift sanctions on Sudan, officials said late Thursday.",
                "2017-01-13",
                "Thursday",
                "2017-01-12",
            ),
            (
                "Turkish Defense Minister Hulusi Akar vowed on July 16 that Armenia will be brought to account.",
                "2020-09-10",
                "July 16",
                "2020-07-16",
            ),
            // Weekdays.
            (
                "The council will vote on Monday.",
                "2020-07-16",
                "Monday",
                "2020-07-20",
            ),
            (
                "The council voted on Monday.",
                "2020-07-16",
                "Monday",
                "2020-07-13",
            ),
            (
                "The council is to vote on Monday.",
                "2020-07-16",
                "Monday",
                "2020-07-20",
            ),
            (
                "The company plans to reopen the plant on Monday.",
                "2020-07-16",
                "Monday",
                "2020-07-20",
            ),
            (
                "The talks are set to resume on Tuesday.",
                "2020-07-16",
                "Tuesday",
                "2020-07-21",
            ),
            (
                "The hearing is scheduled for Wednesday.",
                "2020-07-16",
                "Wednesday",
                "2020-07-22",
            ),
            (
                "The minister is meeting his counterpart on Saturday.",
                "2020-07-16",
                "Saturday",
                "2020-07-18",
            ),
            (
                "The museum has been closed since Monday.",
                "2020-07-16",
                "Monday",
                "2020-07-13",
            ),
            (
                "He has not been seen since Tuesday.",
                "2020-07-16",
                "Tuesday",
                "2020-07-14",
            ),
            (
                "Police said on Tuesday they had arrested two men.",
                "2020-07-16",
                "Tuesday",
                "2020-07-14",
            ),
            (
                "On Friday, the ministry will announce the results.",
                "2020-07-16",
                "Friday",
                "2020-07-17",
            ),
            (
                "On Friday, the ministry announced the results.",
                "2020-07-16",
                "Friday",
                "2020-07-10",
            ),
            (
                "The strike, which began on Sunday, will end on Friday.",
                "2020-07-16",
                "Sunday",
                "2020-07-12",
            ),
            (
                "The strike, which began on Sunday, will end on Friday.",
                "2020-07-16",
                "Friday",
                "2020-07-17",
            ),
            (
                "He said on Monday that he would resign.",
                "2020-07-16",
                "Monday",
                "2020-07-13",
            ),
            (
                "He said he would resign on Monday.",
                "2020-07-16",
                "Monday",
                "2020-07-20",
            ),
            (
                "Officials say the bridge will reopen on Sunday.",
                "2020-07-16",
                "Sunday",
                "2020-07-19",
            ),
            (
                "The vote won’t take place on Friday.",
                "2020-07-16",
                "Friday",
                "2020-07-17",
            ),
            (
                "They’ll meet again on Tuesday.",
                "2020-07-16",
                "Tuesday",
                "2020-07-21",
            ),
            (
                "Talks are expected to resume on Friday, diplomats said on Wednesday.",
                "2020-07-16",
                "Friday",
                "2020-07-17",
            ),
            (
                "Talks are expected to resume on Friday, diplomats said on Wednesday.",
                "2020-07-16",
                "Wednesday",
                "2020-07-15",
            ),
            (
                "“We will win on Sunday,” the coach said on Thursday.",
                "2020-07-16",
                "Sunday",
                "2020-07-19",
            ),
            (
                "The upcoming summit on Friday has drawn protests.",
                "2020-07-16",
                "Friday",
                "2020-07-17",
            ),
            (
                "The deal, announced on Tuesday, will take effect on Saturday.",
                "2020-07-16",
                "Tuesday",
                "2020-07-14",
            ),
            (
                "The deal, announced on Tuesday, will take effect on Saturday.",
                "2020-07-16",
                "Saturday",
                "2020-07-18",
            ),
            (
                "The school will reopen, the principal told parents on Wednesday.",
                "2020-07-16",
                "Wednesday",
                "2020-07-15",
            ),
            (
                "The talks would resume on Monday, a spokesman said.",
                "2020-07-16",
                "Monday",
                "2020-07-20",
            ),
            (
                "Two people were killed on Sunday when a bus overturned.",
                "2020-07-16",
                "Sunday",
                "2020-07-12",
            ),
            (
                "Protesters plan to march on Saturday.",
                "2020-07-16",
                "Saturday",
                "2020-07-18",
            ),
            (
                "The results are to be announced on Tuesday.",
                "2020-07-16",
                "Tuesday",
                "2020-07-21",
            ),
            (
                "The company has said it will cut jobs by Friday.",
                "2020-07-16",
                "Friday",
                "2020-07-17",
            ),
            // Month-days without a year: nearest in the tense's direction.
            (
                "The election will be held on Jan. 30.",
                "2020-07-16",
                "Jan. 30",
                "2021-01-30",
            ),
            (
                "The election was held on Dec. 30.",
                "2020-07-16",
                "Dec. 30",
                "2019-12-30",
            ),
            (
                "The treaty was signed on Aug. 2.",
                "2020-07-16",
                "Aug. 2",
                "2019-08-02",
            ),
            (
                "The trial is due to start on Aug. 2.",
                "2020-07-16",
                "Aug. 2",
                "2020-08-02",
            ),
            (
                "Voters go to the polls on Nov. 3.",
                "2020-07-16",
                "Nov. 3",
                "2020-11-03",
            ),
            (
                "Prices have risen sharply since March 3.",
                "2020-07-16",
                "March 3",
                "2020-03-03",
            ),
            (
                "Parliament approved the budget on Dec. 28.",
                "2021-01-05",
                "Dec. 28",
                "2020-12-28",
            ),
            (
                "Parliament will debate the budget on Dec. 28.",
                "2021-01-05",
                "Dec. 28",
                "2021-12-28",
            ),
            (
                "The law takes effect on Jan. 1.",
                "2020-12-28",
                "Jan. 1",
                "2021-01-01",
            ),
            (
                "Akar said on July 17 that the army would respond.",
                "2020-09-10",
                "July 17",
                "2020-07-17",
            ),
            // Future of a past moment, plans of the past, modal perfect.
            (
                "The minister canceled a fee increase planned for Oct. 15.",
                "2019-11-18",
                "Oct. 15",
                "2019-10-15",
            ),
            (
                "He failed to keep his promise that the line would open on Oct. 31.",
                "2019-11-20",
                "Oct. 31",
                "2019-10-31",
            ),
            (
                "Come November 19, early buyers will get their consoles.",
                "2019-11-18",
                "November 19",
                "2019-11-19",
            ),
            (
                "Before September, I would have said the design was too new.",
                "2019-11-18",
                "September",
                "2019-09",
            ),
            (
                "The historian went looking for stories and from October they will appear online.",
                "2018-09-15",
                "October",
                "2018-10",
            ),
            (
                "The council said it would offer bus passes to the children currently enrolled so they can continue lessons from September, and the classes will go ahead.",
                "2024-03-13",
                "September",
                "2024-09",
            ),
            (
                "The analyst wrote in a Tuesday research report that prices had fallen.",
                "2019-11-19",
                "Tuesday",
                "2019-11-19",
            ),
            // Months alone.
            (
                "The plant will close in September.",
                "2020-07-16",
                "September",
                "2020-09",
            ),
            (
                "The plant closed in September.",
                "2020-07-16",
                "September",
                "2019-09",
            ),
        ];
        for (text, anchor, expr, want) in CASES {
            let got = run(text, Some(anchor));
            let value = got
                .iter()
                .find(|(t, _)| t == expr)
                .unwrap_or_else(|| panic!("{text:?}: no {expr:?} in {got:?}"));
            assert_eq!(
                value.1.as_deref(),
                Some(*want),
                "{text:?} ({expr}, anchor {anchor})"
            );
        }
        assert!(CASES.len() >= 33);
    }

    #[test]
    fn no_anchor_no_value_for_relative_expressions() {
        for text in [
            "on Thursday",
            "on July 16",
            "yesterday",
            "last week",
            "in September",
        ] {
            let (_, v) = one(text, None);
            assert_eq!(v, None, "{text:?}");
        }
        assert_eq!(
            one("on July 16, 2020", None).1.as_deref(),
            Some("2020-07-16")
        );
        assert_eq!(one("in 2019", None).1.as_deref(), Some("2019"));
    }

    #[test]
    fn not_dates() {
        for text in [
            "Families take two buses on a Saturday morning.",
            "The market opens every Friday.",
            "They work on a Sunday now and then.",
            "He may come.",
            "It weighs 2,300 tons.",
            "Paid $2020 in cash.",
            "Filed 03/04/2020 here.",
            "About 2019 people came.",
            "A march in the rain.",
        ] {
            let got = run(text, Some("2020-07-16"));
            let valued: Vec<_> = got.iter().filter(|(_, v)| v.is_some()).collect();
            assert!(valued.is_empty(), "{text:?}: {got:?}");
        }
    }

    #[test]
    fn calendar_arithmetic() {
        let d: CalendarDate = "2020-07-16".parse().unwrap();
        assert_eq!(d.weekday(), 3);
        assert_eq!(d.iso_week(), (2020, 29));
        assert_eq!(d.add_days(-366).unwrap().to_string(), "2019-07-16");
        let jan1: CalendarDate = "2021-01-01".parse().unwrap();
        assert_eq!(jan1.iso_week(), (2020, 53));
        for bad in ["2020-02-30", "2020-7-16", "20200716", "", "2020-07-16x"] {
            assert!(bad.parse::<CalendarDate>().is_err(), "{bad:?}");
        }
        for days in [-800_000i64, -1, 0, 1, 18_459, 2_000_000] {
            let d = CalendarDate::from_days(days).unwrap();
            assert_eq!(d.days(), days);
        }
    }
}
