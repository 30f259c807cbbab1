//! ISO 8601 strings of the model to Arrow dates and UTC timestamps, without guessing a
//! time zone: a date-time without an offset gives a date but no instant.

/// The calendar date (days since 1970-01-01) and, when the string names its offset, the
/// instant (microseconds since the epoch, UTC) of an ISO 8601 date or date-time.
///
/// `2020-07-16` gives the date only; `2020-07-16T10:05:00` (naive: local time of an
/// unknown zone) gives the date only; `2020-07-16T10:05:00+03:00` or `...Z` gives both.
/// Years, months and weeks (`2020`, `2020-07`, `2020-W29`) give neither.
pub(crate) fn parse(s: &str) -> (Option<i32>, Option<i64>) {
    let b = s.as_bytes();
    let Some(days) = parse_date(b) else {
        return (None, None);
    };
    let date = i32::try_from(days).ok();
    if b.len() == 10 || !matches!(b[10], b'T' | b' ') {
        return (date, None);
    }
    (
        date,
        parse_time(&b[11..]).map(|t| days * 86_400_000_000 + t),
    )
}

fn digits(b: &[u8]) -> Option<i64> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` prefix.
fn parse_date(b: &[u8]) -> Option<i64> {
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (digits(&b[0..4])?, digits(&b[5..7])?, digits(&b[8..10])?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_len = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if !(1..=month_len).contains(&d) {
        return None;
    }
    // Days from civil (H. Hinnant's algorithm), years from March.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Microseconds since midnight UTC of `HH:MM[:SS[.fff]]` followed by `Z` or `±HH[:]MM`
/// (`±HH`); `None` without an offset or when malformed.
fn parse_time(b: &[u8]) -> Option<i64> {
    if b.len() < 5 || b[2] != b':' {
        return None;
    }
    let (h, min) = (digits(&b[0..2])?, digits(&b[3..5])?);
    let mut rest = &b[5..];
    let mut micros = 0;
    let mut sec = 0;
    if let [b':', s1, s2, tail @ ..] = rest {
        sec = digits(&[*s1, *s2])?;
        rest = tail;
        if let [b'.', tail @ ..] = rest {
            let n = tail.iter().take_while(|c| c.is_ascii_digit()).count();
            let frac = &tail[..n.min(6)];
            micros = digits(frac)? * 10_i64.pow(u32::try_from(6 - frac.len()).ok()?);
            rest = &tail[n..];
        }
    }
    if h > 23 || min > 59 || sec > 59 {
        return None;
    }
    let offset_min = match rest {
        [b'Z'] => 0,
        [sign @ (b'+' | b'-'), hh @ ..] => {
            let (oh, om) = match hh {
                [a, b] => (digits(&[*a, *b])?, 0),
                [a, b, c, d] | [a, b, b':', c, d] => (digits(&[*a, *b])?, digits(&[*c, *d])?),
                _ => return None,
            };
            if oh > 23 || om > 59 {
                return None;
            }
            let m = oh * 60 + om;
            if *sign == b'-' { -m } else { m }
        }
        _ => return None,
    };
    Some(((h * 60 + min - offset_min) * 60 + sec) * 1_000_000 + micros)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn dates_and_instants() {
        assert_eq!(parse("1970-01-01"), (Some(0), None));
        assert_eq!(parse("2000-03-01"), (Some(11_017), None));
        assert_eq!(parse("2020-07-16T10:05:00"), (Some(18_459), None));
        let at = 18_459 * 86_400_000_000 + (7 * 3600 + 5 * 60) * 1_000_000;
        assert_eq!(parse("2020-07-16T10:05:00+03:00"), (Some(18_459), Some(at)));
        assert_eq!(parse("2020-07-16T07:05:00Z"), (Some(18_459), Some(at)));
        assert_eq!(parse("2020-07-16T07:05Z"), (Some(18_459), Some(at)));
        assert_eq!(parse("2020-07-16T02:05:00-0500"), (Some(18_459), Some(at)));
        assert_eq!(
            parse("2020-07-16T07:05:00.25Z"),
            (Some(18_459), Some(at + 250_000))
        );
        // The local date stays the publisher's even when the instant is the day before.
        let (d, t) = parse("2020-07-16T01:00:00+03:00");
        assert_eq!(d, Some(18_459));
        assert_eq!(t, Some(18_458 * 86_400_000_000 + 22 * 3_600_000_000));
        for s in [
            "2020",
            "2020-07",
            "2020-W29",
            "2020-02-30",
            "2021-02-29",
            "x",
            "",
        ] {
            assert_eq!(parse(s), (None, None), "{s}");
        }
        assert_eq!(parse("2024-02-29"), (Some(19_782), None));
        assert_eq!(parse("2020-07-16T25:00:00Z"), (Some(18_459), None));
        assert_eq!(parse("1969-12-31T23:59:59Z"), (Some(-1), Some(-1_000_000)));
    }
}
