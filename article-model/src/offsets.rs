//! Conversion between byte offsets and char / UTF-16 offsets of one text.

use crate::error::SpanError;
use crate::span::{CharSpan, Span};

/// The unit in which exported offsets count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OffsetUnit {
    /// Unicode scalar values (Rust `char`s, Python `str` indices): spaCy, brat, W3C.
    #[default]
    Char,
    /// UTF-16 code units (JavaScript string indices): Label Studio, browser tools.
    Utf16,
    /// UTF-8 bytes, as stored internally.
    Byte,
}

/// Converts offsets of one text between bytes, chars and UTF-16 code units.
///
/// Build it once per text (`O(n)` time and, for non-ASCII text, one `u32` per char of
/// memory), then each conversion is `O(log n)` (or `O(1)` for ASCII text).
///
/// On char boundaries, byte <-> char conversion is a bijection: `char_to_byte(byte_to_char(b))
/// == b` for every boundary `b` and `byte_to_char(char_to_byte(c)) == c` for every
/// `c <= char_len`.
///
/// ```
/// use article_model::OffsetIndex;
/// let text = "née à Zürich";
/// let index = OffsetIndex::new(text);
/// assert_eq!(index.byte_to_char(text.find("Zürich").unwrap())?, 6);
/// assert_eq!(index.char_to_byte(6)?, 8);
/// # Ok::<(), article_model::SpanError>(())
/// ```
#[derive(Clone, Debug)]
pub struct OffsetIndex {
    byte_len: usize,
    /// Byte offset of each char; empty when the text is ASCII (then offsets are equal).
    char_starts: Vec<u32>,
    /// Char indices of the chars outside the BMP (two UTF-16 units each), sorted.
    astral: Vec<u32>,
    /// For texts over 4 GiB, where `u32` does not do: a plain fallback.
    wide: Option<Vec<usize>>,
}

impl OffsetIndex {
    /// Indexes `text`.
    #[must_use]
    pub fn new(text: &str) -> OffsetIndex {
        let byte_len = text.len();
        if text.is_ascii() {
            return OffsetIndex {
                byte_len,
                char_starts: Vec::new(),
                astral: Vec::new(),
                wide: None,
            };
        }
        let fits = u32::try_from(byte_len).is_ok();
        let mut char_starts = Vec::new();
        let mut wide = Vec::new();
        let mut astral = Vec::new();
        for (i, (at, c)) in text.char_indices().enumerate() {
            match u32::try_from(at) {
                Ok(at32) if fits => char_starts.push(at32),
                _ => wide.push(at),
            }
            if c.len_utf16() == 2 {
                // A text under 4 GiB has fewer than 2^32 chars.
                astral.push(u32::try_from(i).unwrap_or(u32::MAX));
            }
        }
        OffsetIndex {
            byte_len,
            char_starts: if fits { char_starts } else { Vec::new() },
            astral,
            wide: if fits { None } else { Some(wide) },
        }
    }

    fn is_ascii(&self) -> bool {
        self.char_starts.is_empty() && self.wide.is_none()
    }

    /// Number of chars in the text.
    #[must_use]
    pub fn char_len(&self) -> usize {
        if let Some(w) = &self.wide {
            w.len()
        } else if self.is_ascii() {
            self.byte_len
        } else {
            self.char_starts.len()
        }
    }

    fn start_of(&self, char_index: usize) -> usize {
        match &self.wide {
            Some(w) => w[char_index],
            None => self.char_starts[char_index] as usize,
        }
    }

    /// The char offset of byte offset `byte`.
    ///
    /// # Errors
    /// When `byte` is past the end or not on a char boundary.
    pub fn byte_to_char(&self, byte: usize) -> Result<usize, SpanError> {
        if byte > self.byte_len {
            return Err(SpanError::OutOfBounds {
                end: byte,
                len: self.byte_len,
            });
        }
        if self.is_ascii() {
            return Ok(byte);
        }
        if byte == self.byte_len {
            return Ok(self.char_len());
        }
        let found = match &self.wide {
            Some(w) => w.binary_search(&byte),
            None => match u32::try_from(byte) {
                Ok(b) => self.char_starts.binary_search(&b),
                Err(_) => Err(0),
            },
        };
        found.map_err(|_| SpanError::NotCharBoundary { at: byte })
    }

    /// The byte offset of char offset `char_offset`.
    ///
    /// # Errors
    /// When `char_offset` is past the end.
    pub fn char_to_byte(&self, char_offset: usize) -> Result<usize, SpanError> {
        let n = self.char_len();
        if char_offset > n {
            return Err(SpanError::OutOfBounds {
                end: char_offset,
                len: n,
            });
        }
        if self.is_ascii() {
            Ok(char_offset)
        } else if char_offset == n {
            Ok(self.byte_len)
        } else {
            Ok(self.start_of(char_offset))
        }
    }

    /// The UTF-16 offset of char offset `char_offset` (chars outside the BMP count two).
    ///
    /// # Errors
    /// When `char_offset` is past the end.
    pub fn char_to_utf16(&self, char_offset: usize) -> Result<usize, SpanError> {
        let n = self.char_len();
        if char_offset > n {
            return Err(SpanError::OutOfBounds {
                end: char_offset,
                len: n,
            });
        }
        let before = self.astral.partition_point(|&c| (c as usize) < char_offset);
        Ok(char_offset + before)
    }

    /// The byte span as a char span.
    ///
    /// # Errors
    /// When the span is out of bounds or not on char boundaries.
    pub fn to_char_span(&self, span: Span) -> Result<CharSpan, SpanError> {
        CharSpan::try_new(
            self.byte_to_char(span.start())?,
            self.byte_to_char(span.end())?,
        )
    }

    /// The char span as a byte span.
    ///
    /// # Errors
    /// When the span is out of bounds.
    pub fn to_byte_span(&self, span: CharSpan) -> Result<Span, SpanError> {
        Span::try_new(
            self.char_to_byte(span.start())?,
            self.char_to_byte(span.end())?,
        )
    }

    /// A byte offset converted to `unit`.
    ///
    /// # Errors
    /// When `byte` is out of bounds or not on a char boundary.
    pub fn convert(&self, byte: usize, unit: OffsetUnit) -> Result<usize, SpanError> {
        match unit {
            OffsetUnit::Byte => {
                if byte > self.byte_len {
                    Err(SpanError::OutOfBounds {
                        end: byte,
                        len: self.byte_len,
                    })
                } else {
                    self.byte_to_char(byte).map(|_| byte)
                }
            }
            OffsetUnit::Char => self.byte_to_char(byte),
            OffsetUnit::Utf16 => self.char_to_utf16(self.byte_to_char(byte)?),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        // (text, byte, char, utf16)
        let cases: &[(&str, usize, usize, usize)] = &[
            ("abc", 2, 2, 2),
            ("é!", 2, 1, 1),
            ("😀x", 4, 1, 2),
            ("a😀b😀c", 6, 3, 4),
            ("中文字", 6, 2, 2),
            ("e\u{301}x", 3, 2, 2), // combining acute accent is its own char
        ];
        for &(text, byte, ch, u16) in cases {
            let ix = OffsetIndex::new(text);
            assert_eq!(ix.byte_to_char(byte), Ok(ch), "{text:?}");
            assert_eq!(ix.char_to_byte(ch), Ok(byte), "{text:?}");
            assert_eq!(ix.convert(byte, OffsetUnit::Utf16), Ok(u16), "{text:?}");
        }
    }

    #[test]
    fn rejects_inside_char_and_past_end() {
        let ix = OffsetIndex::new("é");
        assert!(ix.byte_to_char(1).is_err());
        assert!(ix.byte_to_char(3).is_err());
        assert!(ix.char_to_byte(2).is_err());
        assert_eq!(ix.byte_to_char(2), Ok(1));
        let ascii = OffsetIndex::new("ab");
        assert!(ascii.byte_to_char(3).is_err());
        assert!(ascii.convert(3, OffsetUnit::Byte).is_err());
    }
}
