//! Byte spans and char spans: two types, never `(usize, usize)`.

use serde::{Deserialize, Serialize};

use crate::error::SpanError;

/// A half-open range of **byte** offsets `start..end` into some text.
///
/// Which text is said where the span is stored: a [`Paragraph`](crate::Paragraph)'s
/// `span` points into the article's body, its `source` into the input bytes.
///
/// Invariant: `start <= end`. Every constructor upholds it, deserialization included
/// (`{"start": 5, "end": 2}` fails to load).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "RawSpan")]
pub struct Span {
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct RawSpan {
    start: usize,
    end: usize,
}

impl TryFrom<RawSpan> for Span {
    type Error = SpanError;
    fn try_from(raw: RawSpan) -> Result<Self, SpanError> {
        Span::try_new(raw.start, raw.end)
    }
}

impl Span {
    /// The span `start..end` (bytes).
    ///
    /// # Panics
    /// When `start > end`; [`Span::try_new`] is the fallible twin.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        Span { start, end }
    }

    /// The span `start..end` (bytes), or an error when `start > end`.
    ///
    /// # Errors
    /// [`SpanError::Reversed`] when `start > end`.
    pub fn try_new(start: usize, end: usize) -> Result<Span, SpanError> {
        if start <= end {
            Ok(Span { start, end })
        } else {
            Err(SpanError::Reversed { start, end })
        }
    }

    /// An empty span at `at`.
    #[must_use]
    pub fn empty(at: usize) -> Span {
        Span { start: at, end: at }
    }

    /// First byte offset (inclusive).
    #[must_use]
    pub fn start(self) -> usize {
        self.start
    }

    /// Last byte offset (exclusive).
    #[must_use]
    pub fn end(self) -> usize {
        self.end
    }

    /// Length in bytes.
    #[must_use]
    pub fn byte_len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The same span moved `by` bytes to the right, or `None` on overflow.
    #[must_use]
    pub fn checked_add(self, by: usize) -> Option<Span> {
        Some(Span {
            start: self.start.checked_add(by)?,
            end: self.end.checked_add(by)?,
        })
    }

    /// Whether `other` lies within this span.
    #[must_use]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[must_use]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers in `text`, or `None` when it is out of bounds or not on
    /// char boundaries.
    #[must_use]
    pub fn get(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }

    /// Checks that the span is in bounds of `text` and on char boundaries.
    ///
    /// # Errors
    /// [`SpanError::OutOfBounds`] or [`SpanError::NotCharBoundary`].
    pub fn check_in(self, text: &str) -> Result<(), SpanError> {
        if self.end > text.len() {
            return Err(SpanError::OutOfBounds {
                end: self.end,
                len: text.len(),
            });
        }
        for at in [self.start, self.end] {
            if !text.is_char_boundary(at) {
                return Err(SpanError::NotCharBoundary { at });
            }
        }
        Ok(())
    }

    /// As a `Range<usize>` for slicing.
    #[must_use]
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// A half-open range of **char** (Unicode scalar value) offsets `start..end` into some text.
///
/// This is the unit of every exported offset (spaCy, brat, Label Studio and the W3C
/// TextPositionSelector count chars). Made from a [`Span`] with an
/// [`OffsetIndex`](crate::OffsetIndex).
///
/// Invariant: `start <= end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "RawSpan")]
pub struct CharSpan {
    start: usize,
    end: usize,
}

impl TryFrom<RawSpan> for CharSpan {
    type Error = SpanError;
    fn try_from(raw: RawSpan) -> Result<Self, SpanError> {
        CharSpan::try_new(raw.start, raw.end)
    }
}

impl CharSpan {
    /// The char span `start..end`, or an error when `start > end`.
    ///
    /// # Errors
    /// [`SpanError::Reversed`] when `start > end`.
    pub fn try_new(start: usize, end: usize) -> Result<CharSpan, SpanError> {
        if start <= end {
            Ok(CharSpan { start, end })
        } else {
            Err(SpanError::Reversed { start, end })
        }
    }

    /// First char offset (inclusive).
    #[must_use]
    pub fn start(self) -> usize {
        self.start
    }

    /// Last char offset (exclusive).
    #[must_use]
    pub fn end(self) -> usize {
        self.end
    }

    /// Length in chars.
    #[must_use]
    pub fn char_len(self) -> usize {
        self.end - self.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constructors_uphold_start_le_end() {
        assert!(Span::try_new(3, 2).is_err());
        assert_eq!(Span::try_new(2, 3).map(Span::byte_len), Ok(1));
        assert!(CharSpan::try_new(1, 0).is_err());
    }

    #[test]
    #[should_panic(expected = "after its end")]
    fn new_panics_on_reversed() {
        let _ = Span::new(5, 2);
    }

    #[test]
    fn deserialize_checks() {
        assert!(serde_json::from_str::<Span>(r#"{"start":5,"end":2}"#).is_err());
        let s: Span = serde_json::from_str(r#"{"start":2,"end":5}"#).unwrap();
        assert_eq!(s, Span::new(2, 5));
    }

    #[test]
    fn check_in_table() {
        let text = "aé b"; // é is two bytes: a=0, é=1..3, ' '=3, b=4
        let cases: &[(usize, usize, bool)] = &[
            (0, 0, true),
            (0, 1, true),
            (1, 3, true),
            (1, 2, false),
            (2, 3, false),
            (0, 5, true),
            (0, 6, false),
        ];
        for &(s, e, ok) in cases {
            assert_eq!(Span::new(s, e).check_in(text).is_ok(), ok, "{s}..{e}");
        }
    }

    #[test]
    fn overlap_and_contain() {
        let a = Span::new(0, 5);
        assert!(a.overlaps(Span::new(4, 6)));
        assert!(!a.overlaps(Span::new(5, 6)));
        assert!(a.contains(Span::new(1, 5)));
        assert!(!a.contains(Span::new(1, 6)));
        assert_eq!(Span::new(1, 2).checked_add(3), Some(Span::new(4, 5)));
        assert_eq!(Span::new(1, 2).checked_add(usize::MAX), None);
    }
}
