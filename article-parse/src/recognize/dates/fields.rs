//! Dates of page metadata: a field's value, a URL path, a short date line. All read in
//! [`DateMode::METADATA`].

use super::calendar::{month_number, valid_date};
use super::mode::DateMode;
use super::numeric::{Ymd, compact_date, iso};
use super::value::{DateValue, Order, date_in_line, date_value};

/// The mode of every reader here.
const MODE: DateMode = DateMode::METADATA;

/// The date (or date-time) of a metadata field, rendered (see [`DateValue::render`]):
/// a [`date_value`] (ISO 8601, `10.07.2015`, a written date, RFC 2822), `compact`, a date
/// value among the first words of the field, or a date written in words
/// ([`visible_date`]). Ambiguous numeric dates are read month first.
pub(crate) fn field_date(s: &str) -> Option<String> {
    field_value(s, Order::MonthFirst).map(|v| v.render())
}

/// [`field_date`] before rendering, ambiguous numeric dates read in `order`.
pub(crate) fn field_value(s: &str, order: Order) -> Option<DateValue> {
    let s = s.trim();
    if let Some(v) = date_value(s, order) {
        return Some(v);
    }
    if let Some(ymd) = compact_date(s) {
        return valid_date(ymd.0, ymd.1, ymd.2, MODE.check).then(|| DateValue::date(ymd));
    }
    date_in_line(s, order).or_else(|| visible_ymd(s).map(DateValue::date))
}

/// A date in a URL path: `/2020/07/16/`, `/2020-07-16`, `/20200716`.
pub(crate) fn url_date(url: &str) -> Option<String> {
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = url.split(['/', '?', '#']).collect();
    for w in parts.windows(3) {
        let [y, m, d] = w else { continue };
        if y.len() == 4 && m.len() <= 2 && !m.is_empty() && !d.is_empty() {
            let d2: String = d.chars().take_while(char::is_ascii_digit).collect();
            if d2.is_empty() || d2.len() > 2 || !all_digits(y) || !all_digits(m) {
                continue;
            }
            let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d2.parse()) else {
                continue;
            };
            if valid_date(y, m, d, MODE.check) {
                return Some(iso((y, m, d)));
            }
        }
    }
    for p in parts {
        for tok in p.split(['-', '_', '.']) {
            if let Some(ymd) = compact_date(tok) {
                if valid_date(ymd.0, ymd.1, ymd.2, MODE.check) {
                    return Some(iso(ymd));
                }
            }
        }
        if p.len() >= 10 {
            if let Some(d) = field_date(p.get(..10)?) {
                if !d.contains('T')
                    && p.get(..10)
                        .is_some_and(|x| x.as_bytes().get(4) == Some(&b'-'))
                {
                    return Some(d);
                }
            }
        }
    }
    None
}

/// A date written out in a short line: "July 16, 2020", "16 July 2020", "Jul. 16 2020",
/// "22 de janeiro de 2018", "the 4th of July 2019".
///
/// ```text
/// words = the line cut at spaces, "," and "."; lower-cased; "de" "del" "di" "the" "of" dropped
/// date  = month day year | day month year        (three words in a row)
/// day   = digit+ ("st" | "nd" | "rd" | "th")?
/// year  = four digits
/// ```
pub(crate) fn visible_date(line: &str) -> Option<String> {
    visible_ymd(line).map(iso)
}

/// [`visible_date`] before rendering.
fn visible_ymd(line: &str) -> Option<Ymd> {
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty() && !matches!(*w, "de" | "del" | "di" | "the" | "of"))
        .map(str::to_lowercase)
        .collect();
    let month = |w: &str| month_number(w.trim_end_matches('.'), MODE.months);
    let day = |w: &str| -> Option<u32> {
        let d: String = w.chars().take_while(char::is_ascii_digit).collect();
        let rest = w.get(d.len()..).unwrap_or("");
        if !matches!(rest, "" | "st" | "nd" | "rd" | "th") {
            return None;
        }
        d.parse().ok()
    };
    let year = |w: &str| -> Option<u32> { (w.len() == 4).then(|| w.parse().ok()).flatten() };
    let valid = |(y, m, d): (u32, u32, u32)| valid_date(y, m, d, MODE.check);
    for i in 0..words.len() {
        let w = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
        if let Some(m) = month(w(0)) {
            if let (Some(d), Some(y)) = (day(w(1)), year(w(2))) {
                if valid((y, m, d)) {
                    return Some((y, m, d));
                }
            }
        }
        if let Some(d) = day(w(0)) {
            if let (Some(m), Some(y)) = (month(w(1)), year(w(2))) {
                if valid((y, m, d)) {
                    return Some((y, m, d));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_date_table() {
        let cases = [
            ("2020-07-16", Some("2020-07-16")),
            (
                "2020-07-16T10:05:00+03:00",
                Some("2020-07-16T10:05:00+03:00"),
            ),
            ("2020-07-16 10:05:00", Some("2020-07-16")),
            (
                "2015-07-10 09:53:00 -0400",
                Some("2015-07-10T09:53:00-04:00"),
            ),
            ("10.07.2015", Some("2015-07-10")),
            (
                "July 10, 2015 9:53 AM EDT",
                Some("2015-07-10T09:53:00-04:00"),
            ),
            ("10 juillet 2015", Some("2015-07-10")),
            ("2020-07-16T10:05:00.000Z", Some("2020-07-16T10:05:00.000Z")),
            ("20200716", Some("2020-07-16")),
            ("July 16, 2020", Some("2020-07-16")),
            (
                "Updated: 3 November 2023 18:42 GMT",
                Some("2023-11-03T18:42:00Z"),
            ),
            (
                "Thu, 16 Jul 2020 10:05:00 GMT",
                Some("2020-07-16T10:05:00Z"),
            ),
            (
                "segunda-feira, 22 de janeiro de 2018 às 0:13",
                Some("2018-01-22"),
            ),
            ("3. März 2021", Some("2021-03-03")),
            ("the 4th of July 2019", Some("2019-07-04")),
            ("2021-02-31", None),
            ("31 February 2021", None),
            ("2020-13-16", None),
            ("1989-07-16", None),
            ("2020/07/16", None),
            ("yesterday", None),
        ];
        for (input, want) in cases {
            assert_eq!(field_date(input).as_deref(), want, "{input}");
        }
    }

    #[test]
    fn url_date_table() {
        let cases = [
            ("https://x.com/2020/07/16/story", Some("2020-07-16")),
            ("https://x.com/2020/7/6/story", Some("2020-07-06")),
            ("https://x.com/2020/+7/16/story", None),
            ("https://x.com/news/2019-03-01-title", Some("2019-03-01")),
            ("https://x.com/a/20181105/b", Some("2018-11-05")),
            ("https://x.com/a/b", None),
        ];
        for (input, want) in cases {
            assert_eq!(url_date(input).as_deref(), want, "{input}");
        }
    }

    #[test]
    fn visible_date_table() {
        let cases = [
            ("Posted July 16th, 2020 by staff", Some("2020-07-16")),
            ("16 July 1989", None),
            ("0 July 2020", None),
            ("32 July 2020", None),
            ("July 2020", None),
        ];
        for (input, want) in cases {
            assert_eq!(visible_date(input).as_deref(), want, "{input}");
        }
    }
}
