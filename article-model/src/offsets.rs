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
/// Build it once per text (`O(n)` time; for non-ASCII text, about a quarter of a byte of
/// memory per char: each char's UTF-8 length in two bits, and the byte offset of every
/// 64th char), then each conversion is `O(log n)` (or `O(1)` for ASCII text).
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
    char_len: usize,
    /// Byte offset of chars `0, BLOCK, 2 * BLOCK, ...`; empty when the text is ASCII
    /// (then offsets are equal).
    block_starts: Vec<usize>,
    /// UTF-8 length minus one of each char, two bits each, four chars a byte (low bits
    /// first).
    lens: Vec<u8>,
    /// Char indices of the chars outside the BMP (two UTF-16 units each), sorted.
    astral: Vec<usize>,
}

/// Chars per entry of [`OffsetIndex::block_starts`].
const BLOCK: usize = 64;

impl OffsetIndex {
    /// Indexes `text`.
    #[must_use]
    pub fn new(text: &str) -> OffsetIndex {
        let byte_len = text.len();
        if text.is_ascii() {
            return OffsetIndex {
                byte_len,
                char_len: byte_len,
                block_starts: Vec::new(),
                lens: Vec::new(),
                astral: Vec::new(),
            };
        }
        let mut block_starts = Vec::with_capacity(byte_len / BLOCK + 1);
        let mut lens = Vec::with_capacity(byte_len / 4 + 1);
        let mut astral = Vec::new();
        let mut n = 0;
        for (i, (at, c)) in text.char_indices().enumerate() {
            if i % BLOCK == 0 {
                block_starts.push(at);
            }
            let len = c.len_utf8() - 1; // 0..=3
            if i % 4 == 0 {
                lens.push(0);
            }
            if let Some(last) = lens.last_mut() {
                *last |= u8::try_from(len).unwrap_or(3) << (2 * (i % 4));
            }
            if c.len_utf16() == 2 {
                astral.push(i);
            }
            n = i + 1;
        }
        OffsetIndex {
            byte_len,
            char_len: n,
            block_starts,
            lens,
            astral,
        }
    }

    fn is_ascii(&self) -> bool {
        self.block_starts.is_empty()
    }

    /// Number of chars in the text.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// The UTF-8 length of char `i` (`i < char_len`, text not ASCII).
    fn len_of(&self, i: usize) -> usize {
        let bits = self.lens.get(i / 4).copied().unwrap_or(0) >> (2 * (i % 4));
        usize::from(bits & 3) + 1
    }

    /// The byte offset of char `char_index` (`< char_len`, text not ASCII).
    fn start_of(&self, char_index: usize) -> usize {
        let block = char_index / BLOCK;
        let mut at = self
            .block_starts
            .get(block)
            .copied()
            .unwrap_or(self.byte_len);
        for i in block * BLOCK..char_index {
            at += self.len_of(i);
        }
        at
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
        // the last block starting at or before `byte` (block 0 starts at 0)
        let block = self
            .block_starts
            .partition_point(|&b| b <= byte)
            .saturating_sub(1);
        let mut at = self.block_starts.get(block).copied().unwrap_or(0);
        let mut i = block * BLOCK;
        while at < byte && i < self.char_len {
            at += self.len_of(i);
            i += 1;
        }
        if at == byte {
            Ok(i)
        } else {
            Err(SpanError::NotCharBoundary { at: byte })
        }
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
        let before = self.astral.partition_point(|&c| c < char_offset);
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

    /// Texts of many blocks: every offset against the `char_indices` oracle.
    #[test]
    fn long_texts_convert_like_char_indices() {
        let text: String = "a é中😀b\u{301}—x".repeat(120);
        let ix = OffsetIndex::new(&text);
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        assert_eq!(ix.char_len(), boundaries.len() - 1);
        let mut utf16 = 0;
        let mut chars = text.chars();
        for (c, &b) in boundaries.iter().enumerate() {
            assert_eq!(ix.byte_to_char(b), Ok(c), "{b}");
            assert_eq!(ix.char_to_byte(c), Ok(b), "{c}");
            assert_eq!(ix.convert(b, OffsetUnit::Utf16), Ok(utf16), "{b}");
            utf16 += chars.next().map_or(0, char::len_utf16);
        }
        for b in 0..=text.len() + 1 {
            let on = boundaries.binary_search(&b).is_ok();
            assert_eq!(ix.byte_to_char(b).is_ok(), on, "{b}");
        }
        assert!(ix.char_to_byte(boundaries.len()).is_err());
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
