//! How a caller reads dates: the differences between page metadata and text lines.

use super::calendar::{DateCheck, MonthReader};

/// Which bytes may separate the parts of a numeric date (`2020-07-16`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Separators {
    /// `-` only.
    Hyphen,
    /// `-`, `/` or `.`.
    HyphenSlashDot,
}

impl Separators {
    /// Whether `b` may separate the parts.
    pub(crate) fn allows(self, b: u8) -> bool {
        match self {
            Separators::Hyphen => b == b'-',
            Separators::HyphenSlashDot => matches!(b, b'-' | b'/' | b'.'),
        }
    }
}

/// How a caller reads dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DateMode {
    /// How strictly a year, month and day are checked.
    pub check: DateCheck,
    /// Which month words are read.
    pub months: MonthReader,
    /// What separates the parts of a numeric date.
    pub separators: Separators,
}

impl DateMode {
    /// Page metadata (`datePublished`, `<meta>` dates, `<time datetime>`, URL paths, short
    /// date lines of an HTML page): days checked loosely (2021-02-31 passes), accented and
    /// short month words, numeric dates with `-`.
    pub(crate) const METADATA: DateMode = DateMode {
        check: DateCheck::Loose,
        months: MonthReader::Metadata,
        separators: Separators::Hyphen,
    };
    /// Text lines (the timestamp, byline and dateline recognisers): calendar days and leap
    /// years, ASCII month words, numeric dates with `-`, `/` or `.`.
    pub(crate) const TEXT: DateMode = DateMode {
        check: DateCheck::Calendar,
        months: MonthReader::Recognisers,
        separators: Separators::HyphenSlashDot,
    };
}
