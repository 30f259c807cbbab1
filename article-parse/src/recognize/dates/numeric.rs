//! Numeric dates: `2020-07-16` (`2020/07/16`, `2020.07.16` where the separators allow),
//! `20200716`, and the ISO 8601 form every reader gives.

use super::mode::Separators;

/// A year, month and day.
pub(crate) type Ymd = (u32, u32, u32);

/// The value of the ASCII digits `b[range]`, if they are all digits.
fn digits(b: &[u8], range: std::ops::Range<usize>) -> Option<u32> {
    let d = b.get(range)?;
    d.iter()
        .all(u8::is_ascii_digit)
        .then(|| d.iter().fold(0u32, |n, &c| n * 10 + u32::from(c - b'0')))
}

/// `numeric = digit{4} sep digit{2} sep digit{2}` (the same `sep` twice) at the start of
/// `s`: the date and the rest of `s`. Not checked against the calendar.
pub(crate) fn numeric_date(s: &str, separators: Separators) -> Option<(Ymd, &str)> {
    let b = s.as_bytes();
    let sep = *b.get(4)?;
    if !separators.allows(sep) || b.get(7) != Some(&sep) {
        return None;
    }
    let ymd = (digits(b, 0..4)?, digits(b, 5..7)?, digits(b, 8..10)?);
    // The first ten bytes are ASCII, so byte 10 starts a char.
    Some((ymd, &s[10..]))
}

/// `compact = digit{8}`, all of `s`. Not checked against the calendar.
pub(crate) fn compact_date(s: &str) -> Option<Ymd> {
    let b = s.as_bytes();
    if b.len() != 8 {
        return None;
    }
    Some((digits(b, 0..4)?, digits(b, 4..6)?, digits(b, 6..8)?))
}

/// `yyyy-mm-dd`.
pub(crate) fn iso((y, m, d): Ymd) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_date_table() {
        use Separators::{Hyphen, HyphenSlashDot};
        type Want = Option<(Ymd, &'static str)>;
        let cases: &[(&str, Separators, Want)] = &[
            ("2020-07-16T10:00", Hyphen, Some(((2020, 7, 16), "T10:00"))),
            ("2020/07/16", Hyphen, None),
            ("2020/07/16 x", HyphenSlashDot, Some(((2020, 7, 16), " x"))),
            ("2020.07.16", HyphenSlashDot, Some(((2020, 7, 16), ""))),
            ("2020-07/16", HyphenSlashDot, None),
            ("2020-7-16", HyphenSlashDot, None),
            ("2020-13-99", Hyphen, Some(((2020, 13, 99), ""))),
            ("202O-07-16", Hyphen, None),
            ("2020-07-1", Hyphen, None),
            ("", Hyphen, None),
        ];
        for &(input, seps, want) in cases {
            assert_eq!(numeric_date(input, seps), want, "{input}");
        }
    }

    #[test]
    fn compact_date_table() {
        assert_eq!(compact_date("20200716"), Some((2020, 7, 16)));
        assert_eq!(compact_date("2020071"), None);
        assert_eq!(compact_date("202007160"), None);
        assert_eq!(compact_date("2020O716"), None);
        assert_eq!(iso((2020, 7, 6)), "2020-07-06");
    }
}
