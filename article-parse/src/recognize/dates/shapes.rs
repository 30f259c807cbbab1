//! Date shapes: whether a line holds something shaped like a date, without reading it
//! (the HTML date lines: "05/10/2018 - ...", "22 de janeiro de 2018 às 0:13").
//!
//! ```text
//! numeric_shape = d d sep d d sep d d | d d d d sep d d sep d     (sep: "/" "." "-", anywhere)
//! year_and_time = four digits, not inside a longer number, starting "19" or "20";
//!                 and d ":" d d; both anywhere
//! ```

/// A four-digit year and an `hh:mm` time in one line ("22 de janeiro de 2018 às 0:13").
pub(crate) fn has_year_and_time(text: &str) -> bool {
    let b = text.as_bytes();
    let d = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let year = (0..b.len()).any(|i| {
        d(i) && d(i + 1)
            && d(i + 2)
            && d(i + 3)
            && !d(i + 4)
            && (i == 0 || !d(i - 1))
            && matches!(b.get(i..i + 2), Some(b"19" | b"20"))
    });
    let time = (0..b.len()).any(|i| d(i) && b.get(i + 1) == Some(&b':') && d(i + 2) && d(i + 3));
    year && time
}

/// `dd/mm/yyyy`, `yyyy-mm-dd`, `dd.mm.yyyy` somewhere in the text.
pub(crate) fn has_numeric_date(text: &str) -> bool {
    let b = text.as_bytes();
    let is_d = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (0..b.len()).any(|i| {
        let sep = |j: usize| matches!(b.get(j), Some(b'/' | b'.' | b'-'));
        (is_d(i)
            && is_d(i + 1)
            && sep(i + 2)
            && is_d(i + 3)
            && is_d(i + 4)
            && sep(i + 5)
            && is_d(i + 6)
            && is_d(i + 7))
            || (is_d(i)
                && is_d(i + 1)
                && is_d(i + 2)
                && is_d(i + 3)
                && sep(i + 4)
                && is_d(i + 5)
                && is_d(i + 6)
                && sep(i + 7)
                && is_d(i + 8))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_shapes_table() {
        let cases: &[(&str, bool, bool)] = &[
            // (text, numeric date, year and time)
            ("05/10/2018", true, false),
            ("05.10.2018 12:30", true, true),
            ("2018-10-05", true, false),
            ("1/2/2018", false, false),
            ("March 2018, 12:30", false, true),
            ("12018 at 12:30", false, false),
            ("Room 2118 at 12:30", false, false),
        ];
        for &(text, date, year_time) in cases {
            assert_eq!(
                (has_numeric_date(text), has_year_and_time(text)),
                (date, year_time),
                "{text}"
            );
        }
    }
}
