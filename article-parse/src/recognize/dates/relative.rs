//! Relative dates ("vor 3 Tagen", "2 hours ago", "yesterday"), counted back from an
//! anchor: the moment the page was fetched (a WARC date the caller gives) or a date the
//! page itself gives.
//!
//! ```text
//! relative = (label sp)? (ago | lead | word)
//! ago      = count sp unit sp "ago"                          (English)
//! lead     = ("vor" | "il y a" | "hace" | "há") sp count sp unit
//! word     = "today" | "yesterday" | "heute" | "gestern" | "aujourd'hui" | "hier" | "hoy"
//!          | "ayer" | "oggi" | "ieri" | "vandaag" | "gisteren"
//! count    = digit{1,4} | "a" | "an" | "one" | "ein" | "einem" | "einer" | "un" | "une" | "uno" | "una"
//! unit     = minute | hour | day | week words of en, de, fr, es, it, nl, pt
//! label    = one or two words, within the first 24 bytes ("Posted", "Veröffentlicht")
//! ```
//!
//! Minutes and hours count back from the anchor's time of day when it has one; without
//! one they give the anchor's day (a phrase of hours may then be a day late). The value is
//! a calendar date: a relative phrase never gives a time.

use nom::{
    Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n},
};

use super::super::lexemes::{Res, fail, number, sp};
use super::numeric::Ymd;
use super::value::{Order, date_value};

/// The moment relative dates count back from: a day and maybe its minute (UTC or the
/// page's own clock, whichever the anchor was written in).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Anchor {
    /// Year, month, day.
    pub ymd: Ymd,
    /// Minutes since midnight, when the anchor has a time.
    pub minute: Option<u32>,
}

impl Anchor {
    /// The anchor a date value gives ("2019-11-20T08:30:00Z", "2019-11-20"), read by the
    /// date grammar; its time of day is kept as written, whatever its zone.
    pub(crate) fn of(value: &str) -> Option<Anchor> {
        let v = date_value(value, Order::DayFirst)?;
        Some(Anchor {
            ymd: v.ymd,
            minute: v.clock.as_ref().map(|c| c.hour * 60 + c.minute),
        })
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil((y, m, d): Ymd) -> i64 {
    let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01.
fn civil_from_days(days: i64) -> Option<Ymd> {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Some((
        u32::try_from(y).ok()?,
        u32::try_from(m).ok()?,
        u32::try_from(d).ok()?,
    ))
}

/// A unit of a relative date, in minutes.
fn unit(i: &str) -> Res<'_, i64> {
    let (rest, w) = take_while_m_n(1, 12, |c: char| c.is_alphabetic()).parse(i)?;
    let w = w.to_lowercase();
    let minutes = match w.as_str() {
        "minute" | "minutes" | "min" | "mins" | "minuten" | "minuto" | "minutos" | "minuti" => 1,
        "hour" | "hours" | "hr" | "hrs" | "stunde" | "stunden" | "heure" | "heures" | "hora"
        | "horas" | "ora" | "ore" | "uur" => 60,
        "day" | "days" | "tag" | "tagen" | "tage" | "jour" | "jours" | "día" | "días" | "dia"
        | "dias" | "giorno" | "giorni" | "dag" | "dagen" => 1440,
        "week" | "weeks" | "woche" | "wochen" | "semaine" | "semaines" | "semana" | "semanas"
        | "settimana" | "settimane" | "weken" => 10_080,
        _ => return fail(i),
    };
    Ok((rest, minutes))
}

/// `count`: a number, or a word for one.
fn count(i: &str) -> Res<'_, i64> {
    if let Ok((rest, n)) = number(i) {
        return Ok((rest, i64::from(n)));
    }
    let (rest, w) = take_while_m_n(1, 5, |c: char| c.is_alphabetic()).parse(i)?;
    match w {
        "a" | "an" | "one" | "ein" | "einem" | "einer" | "un" | "une" | "uno" | "una" => {
            Ok((rest, 1))
        }
        _ => fail(i),
    }
}

/// `count sp unit`, in minutes.
fn span(i: &str) -> Res<'_, i64> {
    let (i, n) = count(i)?;
    let (i, _) = sp(i)?;
    let (i, u) = unit(i)?;
    Ok((i, n * u))
}

/// `ago | lead | word`: how many minutes back (a word gives whole days: -1 marks today).
fn phrase(i: &str) -> Res<'_, Back> {
    let ago = |i| -> Res<'_, Back> {
        let (i, n) = span(i)?;
        let (i, _) = (sp, tag("ago")).parse(i)?;
        Ok((i, Back::Minutes(n)))
    };
    let lead = |i| -> Res<'_, Back> {
        let (i, _) = alt((tag("vor"), tag("il y a"), tag("hace"), tag("há"))).parse(i)?;
        let (i, _) = sp(i)?;
        let (i, n) = span(i)?;
        Ok((i, Back::Minutes(n)))
    };
    let word = |i| -> Res<'_, Back> {
        let (i, w) = alt((
            alt((
                tag("today"),
                tag("heute"),
                tag("aujourd'hui"),
                tag("aujourd’hui"),
                tag("hoy"),
                tag("oggi"),
                tag("vandaag"),
            ))
            .map(|_| 0),
            alt((
                tag("yesterday"),
                tag("gestern"),
                tag("hier"),
                tag("ayer"),
                tag("ieri"),
                tag("gisteren"),
            ))
            .map(|_| 1),
        ))
        .parse(i)?;
        Ok((i, Back::Days(w)))
    };
    alt((ago, lead, word)).parse(i)
}

/// How far back a relative phrase points.
enum Back {
    Minutes(i64),
    Days(i64),
}

/// The date a relative phrase names, counted back from `anchor`: the whole of `text`, or
/// its end after a label of at most two words and 24 bytes ("Posted 3 days ago",
/// "Veröffentlicht vor 2 Stunden"). Ten years back at most.
pub(crate) fn relative_date(text: &str, anchor: Anchor) -> Option<Ymd> {
    let t = text.trim().to_lowercase();
    let t = t.trim_end_matches(['.', ')']).trim_start_matches('(');
    if t.len() > 60 {
        return None;
    }
    let mut starts = vec![0];
    starts.extend(
        t.char_indices()
            .filter(|&(k, c)| c == ' ' && k <= 24)
            .map(|(k, _)| k + 1)
            .take(2),
    );
    let back = starts.into_iter().find_map(|k| match phrase(&t[k..]) {
        Ok((rest, b)) if rest.trim().is_empty() => Some(b),
        _ => None,
    })?;
    let day = days_from_civil(anchor.ymd);
    let days = match back {
        Back::Days(n) => day - n,
        Back::Minutes(n) if n > 5_260_000 => return None,
        Back::Minutes(n) => match anchor.minute {
            Some(m) => (day * 1440 + i64::from(m) - n).div_euclid(1440),
            // No time of day: hours stay on the anchor's day.
            None => day - n / 1440,
        },
    };
    civil_from_days(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_date_table() {
        let day = Anchor {
            ymd: (2015, 7, 10),
            minute: None,
        };
        let at_1am = Anchor {
            ymd: (2015, 7, 10),
            minute: Some(60),
        };
        let cases = [
            ("vor 3 Tagen", day, Some((2015, 7, 7))),
            ("3 days ago", day, Some((2015, 7, 7))),
            ("a day ago", day, Some((2015, 7, 9))),
            ("vor einem Tag", day, Some((2015, 7, 9))),
            ("il y a 2 semaines", day, Some((2015, 6, 26))),
            ("hace 10 días", day, Some((2015, 6, 30))),
            ("yesterday", day, Some((2015, 7, 9))),
            ("Gestern", day, Some((2015, 7, 9))),
            ("today", day, Some((2015, 7, 10))),
            ("2 hours ago", day, Some((2015, 7, 10))),
            ("2 hours ago", at_1am, Some((2015, 7, 9))),
            ("vor 3 Stunden", at_1am, Some((2015, 7, 9))),
            ("45 minutes ago", at_1am, Some((2015, 7, 10))),
            ("Posted 3 days ago", day, Some((2015, 7, 7))),
            ("Veröffentlicht vor 2 Tagen", day, Some((2015, 7, 8))),
            ("(2 days ago)", day, Some((2015, 7, 8))),
            ("3 days", day, None),
            ("vor 99999 Tagen", day, None),
            ("He left 3 days ago and came back", day, None),
            ("The three of them said it was a long time ago", day, None),
        ];
        for (input, anchor, want) in cases {
            assert_eq!(relative_date(input, anchor), want, "{input}");
        }
        let leap = Anchor {
            ymd: (2016, 3, 1),
            minute: None,
        };
        assert_eq!(relative_date("vor 1 Tag", leap), Some((2016, 2, 29)));
        let new_year = Anchor {
            ymd: (2015, 1, 1),
            minute: None,
        };
        assert_eq!(relative_date("1 day ago", new_year), Some((2014, 12, 31)));
    }

    #[test]
    fn anchor_table() {
        let cases = [
            ("2019-11-20T08:30:00Z", Some(((2019, 11, 20), Some(510)))),
            ("2019-11-20", Some(((2019, 11, 20), None))),
            ("yesterday", None),
        ];
        for (input, want) in cases {
            let got = Anchor::of(input).map(|a| (a.ymd, a.minute));
            assert_eq!(got, want, "{input}");
        }
    }

    #[test]
    fn civil_days_round_trip() {
        for days in [-1000, 0, 1, 59, 365, 10_957, 16_626, 20_000, 47_482] {
            let ymd = civil_from_days(days).unwrap();
            assert_eq!(days_from_civil(ymd), days, "{ymd:?}");
        }
        assert_eq!(days_from_civil((1970, 1, 1)), 0);
        assert_eq!(days_from_civil((2000, 3, 1)), 11_017);
    }
}
