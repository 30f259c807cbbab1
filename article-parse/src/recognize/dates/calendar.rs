//! The calendar words recognisers read: month names and abbreviations, weekday names,
//! and the check that a year, month and day make a date.
//!
//! One table serves the page metadata and the text recognisers; each month word says
//! which of them reads it (see [`DateMode`](super::DateMode)): the metadata reads
//! accented and short forms the recognisers do not, and the recognisers read one word
//! (`dicembre`) the metadata does not.

/// Which readers know a month word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Readers {
    /// The HTML metadata and the text recognisers.
    All,
    /// Only the HTML metadata (accented spellings, Dutch, short forms like "ene").
    Metadata,
    /// Only the text recognisers.
    Recognisers,
}

/// Who is looking a month up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MonthReader {
    /// The HTML metadata: lower-case words, any script.
    Metadata,
    /// The text recognisers: ASCII words, lower-cased by the caller.
    Recognisers,
}

/// Month names (English, French, German, Spanish, Portuguese, Italian, Dutch) and their
/// common abbreviations, lower case, with their numbers and readers.
const MONTHS: &[(&str, u32, Readers)] = &[
    ("january", 1, Readers::All),
    ("jan", 1, Readers::All),
    ("janvier", 1, Readers::All),
    ("janv", 1, Readers::Metadata),
    ("januar", 1, Readers::All),
    ("enero", 1, Readers::All),
    ("ene", 1, Readers::Metadata),
    ("janeiro", 1, Readers::All),
    ("gennaio", 1, Readers::All),
    ("gen", 1, Readers::Metadata),
    ("januari", 1, Readers::Metadata),
    ("february", 2, Readers::All),
    ("feb", 2, Readers::All),
    ("février", 2, Readers::Metadata),
    ("fevrier", 2, Readers::Metadata),
    ("févr", 2, Readers::Metadata),
    ("februar", 2, Readers::All),
    ("febrero", 2, Readers::All),
    ("fevereiro", 2, Readers::All),
    ("fev", 2, Readers::Metadata),
    ("febbraio", 2, Readers::All),
    ("februari", 2, Readers::Metadata),
    ("march", 3, Readers::All),
    ("mar", 3, Readers::All),
    ("mars", 3, Readers::All),
    ("märz", 3, Readers::Metadata),
    ("marzo", 3, Readers::All),
    ("março", 3, Readers::Metadata),
    ("marco", 3, Readers::Metadata),
    ("maart", 3, Readers::Metadata),
    ("mrt", 3, Readers::Metadata),
    ("april", 4, Readers::All),
    ("apr", 4, Readers::All),
    ("avril", 4, Readers::All),
    ("abril", 4, Readers::All),
    ("abr", 4, Readers::Metadata),
    ("aprile", 4, Readers::All),
    ("may", 5, Readers::All),
    ("mai", 5, Readers::All),
    ("mayo", 5, Readers::All),
    ("maio", 5, Readers::All),
    ("maggio", 5, Readers::All),
    ("mag", 5, Readers::Metadata),
    ("mei", 5, Readers::Metadata),
    ("june", 6, Readers::All),
    ("jun", 6, Readers::All),
    ("juin", 6, Readers::All),
    ("juni", 6, Readers::All),
    ("junio", 6, Readers::All),
    ("junho", 6, Readers::All),
    ("giugno", 6, Readers::All),
    ("giu", 6, Readers::Metadata),
    ("july", 7, Readers::All),
    ("jul", 7, Readers::All),
    ("juillet", 7, Readers::All),
    ("juil", 7, Readers::Metadata),
    ("juli", 7, Readers::All),
    ("julio", 7, Readers::All),
    ("julho", 7, Readers::All),
    ("luglio", 7, Readers::All),
    ("lug", 7, Readers::Metadata),
    ("august", 8, Readers::All),
    ("aug", 8, Readers::All),
    ("août", 8, Readers::Metadata),
    ("aout", 8, Readers::Metadata),
    ("agosto", 8, Readers::All),
    ("ago", 8, Readers::Metadata),
    ("augustus", 8, Readers::Metadata),
    ("september", 9, Readers::All),
    ("sep", 9, Readers::All),
    ("sept", 9, Readers::All),
    ("septembre", 9, Readers::All),
    ("septiembre", 9, Readers::All),
    ("setembro", 9, Readers::All),
    ("set", 9, Readers::Metadata),
    ("settembre", 9, Readers::All),
    ("october", 10, Readers::All),
    ("oct", 10, Readers::All),
    ("octobre", 10, Readers::All),
    ("oktober", 10, Readers::All),
    ("okt", 10, Readers::Metadata),
    ("octubre", 10, Readers::All),
    ("outubro", 10, Readers::All),
    ("out", 10, Readers::Metadata),
    ("ottobre", 10, Readers::All),
    ("ott", 10, Readers::Metadata),
    ("november", 11, Readers::All),
    ("nov", 11, Readers::All),
    ("novembre", 11, Readers::Metadata),
    ("noviembre", 11, Readers::All),
    ("novembro", 11, Readers::All),
    ("december", 12, Readers::All),
    ("dec", 12, Readers::All),
    ("décembre", 12, Readers::Metadata),
    ("decembre", 12, Readers::Metadata),
    ("déc", 12, Readers::Metadata),
    ("dezember", 12, Readers::All),
    ("dez", 12, Readers::Metadata),
    ("diciembre", 12, Readers::All),
    ("dic", 12, Readers::Metadata),
    ("dezembro", 12, Readers::All),
    ("dicembre", 12, Readers::Recognisers),
];

/// The number (1..=12) of the lower-case month word `w`, for `reader`.
pub(crate) fn month_number(w: &str, reader: MonthReader) -> Option<u32> {
    MONTHS
        .iter()
        .find(|&&(name, _, readers)| {
            name == w
                && match reader {
                    MonthReader::Metadata => readers != Readers::Recognisers,
                    MonthReader::Recognisers => readers != Readers::Metadata,
                }
        })
        .map(|&(_, n, _)| n)
}

/// English weekday names and their three-letter abbreviations, lower case, Monday first.
pub(crate) const WEEKDAYS: [(&str, &str); 7] = [
    ("monday", "mon"),
    ("tuesday", "tue"),
    ("wednesday", "wed"),
    ("thursday", "thu"),
    ("friday", "fri"),
    ("saturday", "sat"),
    ("sunday", "sun"),
];

/// How strictly a year, month and day are checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateCheck {
    /// Years 1990..=2100, days within the month's length: the HTML metadata's check
    /// (it let 2021-02-31 pass before issue 13; every value must now parse as a date).
    Loose,
    /// Years 1900..=2100, days within the month's length, leap years counted: the text
    /// timestamp recogniser's check.
    Calendar,
}

/// Whether `y-m-d` is a date under `check`.
pub(crate) fn valid_date(y: u32, m: u32, d: u32, check: DateCheck) -> bool {
    match check {
        DateCheck::Loose => y >= 1990 && valid_date(y, m, d, DateCheck::Calendar),
        DateCheck::Calendar => {
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => 0,
            };
            (1900..=2100).contains(&y) && (1..=days).contains(&d)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_check_table() {
        let cases = [
            ((2021, 2, 28), true, true),
            ((2021, 2, 31), false, false),
            ((2020, 2, 29), true, true),
            ((2100, 2, 29), false, false),
            ((1950, 6, 1), false, true),
            ((2020, 13, 1), false, false),
            ((2020, 4, 31), false, false),
            ((2020, 1, 0), false, false),
        ];
        for ((y, m, d), loose, calendar) in cases {
            assert_eq!(valid_date(y, m, d, DateCheck::Loose), loose, "{y}-{m}-{d}");
            assert_eq!(
                valid_date(y, m, d, DateCheck::Calendar),
                calendar,
                "{y}-{m}-{d}"
            );
        }
    }

    #[test]
    fn month_readers_table() {
        let cases = [
            ("july", Some(7), Some(7)),
            ("février", Some(2), None),
            ("dicembre", None, Some(12)),
            ("novembre", Some(11), None),
            ("sept", Some(9), Some(9)),
            ("week", None, None),
        ];
        for (w, metadata, recognisers) in cases {
            assert_eq!(month_number(w, MonthReader::Metadata), metadata, "{w}");
            assert_eq!(
                month_number(w, MonthReader::Recognisers),
                recognisers,
                "{w}"
            );
        }
    }
}
