//! The value a date recogniser reads: a calendar date, maybe a time of day and a zone,
//! and its one written form in records (see `value.rs` for the grammar).

use super::numeric::{Ymd, iso};

/// A time zone as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Zone {
    /// `Z`, `GMT`, `UTC`.
    Utc,
    /// An offset east of UTC in minutes (`-04:00` is -240).
    Minutes(i32),
}

/// A time of day with its seconds' fraction digits and zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Clock {
    pub(super) hour: u32,
    pub(super) minute: u32,
    pub(super) second: u32,
    /// Digits after the decimal point of the seconds, at most 6.
    pub(super) fraction: String,
    pub(super) zone: Option<Zone>,
}

/// A date read from a page, maybe with a time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DateValue {
    /// Year, month, day.
    pub ymd: Ymd,
    pub(super) clock: Option<Clock>,
    /// Whether the day and month could be read either way (a numeric `a/b/yyyy`, both 12
    /// or less, not dotted).
    pub ambiguous: bool,
}

impl DateValue {
    /// A date without a time.
    pub(crate) fn date(ymd: Ymd) -> DateValue {
        DateValue {
            ymd,
            clock: None,
            ambiguous: false,
        }
    }

    /// A date with an `(hour, minute)` and a zone, as the timestamp grammar reads them.
    pub(crate) fn at(ymd: Ymd, time: Option<(u32, u32)>, zone: Option<Zone>) -> DateValue {
        DateValue {
            ymd,
            clock: time.map(|(hour, minute)| Clock {
                hour,
                minute,
                second: 0,
                fraction: String::new(),
                zone,
            }),
            ambiguous: false,
        }
    }

    /// `yyyy-mm-dd`, or `yyyy-mm-ddThh:mm:ss(.f)?(Z|±hh:mm)` when the zone is known.
    pub(crate) fn render(&self) -> String {
        let mut out = iso(self.ymd);
        let Some(c) = &self.clock else {
            return out;
        };
        let Some(zone) = c.zone else {
            return out;
        };
        out.push_str(&format!("T{:02}:{:02}:{:02}", c.hour, c.minute, c.second));
        if !c.fraction.is_empty() {
            out.push('.');
            out.push_str(&c.fraction);
        }
        match zone {
            Zone::Utc => out.push('Z'),
            Zone::Minutes(m) => {
                let sign = if m < 0 { '-' } else { '+' };
                let m = m.unsigned_abs();
                out.push_str(&format!("{sign}{:02}:{:02}", m / 60, m % 60));
            }
        }
        out
    }
}
