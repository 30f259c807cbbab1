//! The shape of a block's text (words, stopwords, letter cases, digits, punctuation),
//! counted in one pass over its bytes: the first group of the classifier's features.

use super::lang::{Language, MAX_STOPWORD};
use crate::chars::{ALNUM, ALPHA, CONTROL, Classes, LOWER, SPACE, UPPER};
use crate::word_set::pack;

/// The shape of a block's text, counted in one pass.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Shape {
    pub chars: u32,
    pub words: u32,
    pub stop: u32,
    pub cap_words: u32,
    pub alpha_words: u32,
    pub letters: u32,
    pub upper: u32,
    pub lower: u32,
    pub digits: u32,
    pub commas: u32,
    pub sentence_ends: u32,
    pub separators: u32,
    pub terminal: bool,
    pub truncated: bool,
    pub starts_quote: bool,
    pub url_like: bool,
}

/// Classes of the ASCII chars (see [`crate::chars`]).
static ASCII: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0u8;
    while b < 128 {
        let mut f = 0;
        if b.is_ascii_alphabetic() {
            f |= ALPHA | ALNUM;
        }
        if b.is_ascii_digit() {
            f |= ALNUM;
        }
        if b.is_ascii_uppercase() {
            f |= UPPER;
        }
        if b.is_ascii_lowercase() {
            f |= LOWER;
        }
        // `char::is_whitespace` for ASCII: space, \t, \n, \x0b, \x0c, \r.
        if matches!(b, b' ' | 0x09..=0x0d) {
            f |= SPACE;
        }
        if b < 0x20 || b == 0x7f {
            f |= CONTROL;
        }
        t[b as usize] = f;
        b += 1;
    }
    t
};

/// A word being read by [`Shape::of`].
#[derive(Clone, Copy)]
struct Word {
    /// Its first byte.
    start: usize,
    /// The classes of its first char.
    first: u8,
    /// Whether it is all ASCII so far.
    ascii: bool,
}

/// Per byte, what an ASCII letter or digit adds to [`Shape`]'s counters, one 16-bit lane
/// each: letters, upper case, lower case, digits. Zero for every other byte.
static RUN: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0u8;
    while b < 128 {
        t[b as usize] = if b.is_ascii_uppercase() {
            1 | 1 << 16
        } else if b.is_ascii_lowercase() {
            1 | 1 << 32
        } else if b.is_ascii_digit() {
            1 << 48
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The `N` bytes of `bytes` from `start` (one load when they are all there), zero-padded
/// past the end.
#[inline]
fn load_bytes<const N: usize>(bytes: &[u8], start: usize) -> [u8; N] {
    let mut buf = [0u8; N];
    match bytes.get(start..start + N) {
        Some(window) => buf.copy_from_slice(window),
        None => {
            let tail = bytes.get(start..).unwrap_or(&[]);
            let n = tail.len().min(N);
            buf[..n].copy_from_slice(&tail[..n]);
        }
    }
    buf
}

/// The [`pack`] key of the ASCII word of letters and digits `bytes[start..start + len]`
/// (`len` at most 16): one load, then lower case by setting bit 5 of every byte (which
/// leaves digits as they are).
#[inline]
fn pack_ascii_word(bytes: &[u8], start: usize, len: usize) -> u128 {
    let buf: [u8; 16] = load_bytes(bytes, start);
    let mask = if len >= 16 {
        u128::MAX
    } else {
        (1u128 << (8 * len)) - 1
    };
    (u128::from_le_bytes(buf) | 0x2020_2020_2020_2020_2020_2020_2020_2020) & mask
}

/// [`pack_ascii_word`] for a word of at most 8 bytes, as the low half of the key.
#[inline]
fn pack_ascii_word8(bytes: &[u8], start: usize, len: usize) -> u64 {
    let buf: [u8; 8] = load_bytes(bytes, start);
    let mask = if len >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * len)) - 1
    };
    (u64::from_le_bytes(buf) | 0x2020_2020_2020_2020) & mask
}

/// Whether the word `w` (at most `lang.longest_stopword` bytes) is a stopword of `lang`.
#[inline]
fn is_stopword(w: &str, lang: &Language) -> bool {
    if let Some(key) = pack(w.as_bytes()) {
        return lang.stopwords.contains_packed(key);
    }
    if lang.stopwords.is_ascii_only() && !w.is_ascii() && !w.contains('\u{212a}') {
        return false;
    }
    // Lower-cased into a buffer: no allocation. Lower case can grow a char from two
    // bytes to three, so three times the longest stopword always fits.
    let mut buf = [0u8; 3 * MAX_STOPWORD];
    let mut len = 0;
    if w.is_ascii() {
        let b = buf.get_mut(..w.len());
        let Some(b) = b else { return false };
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        len = w.len();
    } else {
        // `str::to_lowercase` lowers a final sigma by context: leave those to it.
        if w.contains('Σ') {
            return lang.stopwords.contains(w.to_lowercase().as_str());
        }
        for c in w.chars().flat_map(char::to_lowercase) {
            let n = c.len_utf8();
            let Some(slot) = buf.get_mut(len..len + n) else {
                return false;
            };
            c.encode_utf8(slot);
            len += n;
        }
    }
    std::str::from_utf8(&buf[..len]).is_ok_and(|l| lang.stopwords.contains(l))
}

/// Opening quote marks of many scripts.
fn is_open_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‘'
            | '‚'
            | '‹'
            | '›'
            | '「'
            | '『'
            | '〝'
            | '＂'
    )
}

/// Closing punctuation that may follow a sentence end.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | '」' | '』' | ')' | ']' | '〞' | '＂' | '*'
    )
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '؟' | '।' | '։')
}

impl Shape {
    /// Counts the shape of `text`; stopwords from `lang`.
    ///
    /// One pass. Runs of ASCII letters and digits are counted eight counters at a time
    /// (16-bit lanes of one integer, from a byte table); other chars are classified by
    /// [`Classes`]. A word is looked up in the stopwords when it ends, as one integer when
    /// it is short ASCII; nothing is allocated.
    pub(crate) fn of(text: &str, lang: &Language) -> Shape {
        let classes = Classes::get();
        let mut s = Shape::default();
        let check_stop = !lang.stopwords.is_empty();
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut word: Option<Word> = None;
        let mut prev_end = false;
        let mut chars = 0usize;
        let mut i = 0;
        while i < n {
            let b = bytes[i];
            if RUN[usize::from(b)] != 0 {
                // A run of ASCII letters and digits: lanes of at most 0xffff bytes.
                if word.is_none() {
                    word = Some(Word {
                        start: i,
                        first: ASCII[usize::from(b)],
                        ascii: true,
                    });
                }
                let start = i;
                loop {
                    let limit = n.min(i + 0xffff);
                    let mut lanes = 0u64;
                    while i < limit {
                        let inc = RUN[usize::from(bytes[i])];
                        if inc == 0 {
                            break;
                        }
                        lanes += inc;
                        i += 1;
                    }
                    s.add_lanes(lanes);
                    if i < limit || i >= n {
                        break;
                    }
                }
                chars += i - start;
                prev_end = false;
                continue;
            }
            chars += 1;
            if b < 0x80 {
                // ASCII, not a letter or digit.
                if let Some(w) = word.take() {
                    s.end_word(text, i, w, check_stop, lang);
                }
                match b {
                    b',' => s.commas += 1,
                    b'|' => s.separators += 1,
                    b'/' => {
                        s.separators += 1;
                        if i > 0 && bytes[i - 1] == b':' && bytes.get(i + 1) == Some(&b'/') {
                            s.url_like = true;
                        }
                    }
                    b'@' => s.url_like = true,
                    b'.' if (i >= 3 && &bytes[i - 3..i] == b"www")
                        || bytes.get(i + 1..i + 4) == Some(b"com") =>
                    {
                        s.url_like = true;
                    }
                    _ => {}
                }
                if prev_end && ASCII[usize::from(b)] & SPACE != 0 {
                    s.sentence_ends += 1;
                }
                prev_end = matches!(b, b'.' | b'!' | b'?');
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            let f = classes.of(c);
            if f & ALNUM != 0 {
                match &mut word {
                    Some(w) => w.ascii = false,
                    None => {
                        word = Some(Word {
                            start: i,
                            first: f,
                            ascii: false,
                        });
                    }
                }
                if f & ALPHA != 0 {
                    s.letters += 1;
                    if f & UPPER != 0 {
                        s.upper += 1;
                    } else if f & LOWER != 0 {
                        s.lower += 1;
                    }
                }
                prev_end = false;
            } else {
                if let Some(w) = word.take() {
                    s.end_word(text, i, w, check_stop, lang);
                }
                match c {
                    '،' | '、' | '，' => s.commas += 1,
                    '•' | '·' | '»' | '›' => s.separators += 1,
                    _ => {}
                }
                if f & SPACE != 0 && prev_end {
                    s.sentence_ends += 1;
                }
                prev_end = is_sentence_end(c);
            }
            i += c.len_utf8();
        }
        s.chars = u32::try_from(chars).unwrap_or(u32::MAX);
        if let Some(w) = word {
            s.end_word(text, n, w, check_stop, lang);
        }
        let trimmed = text.trim_end_matches(is_closer);
        let last = trimmed.chars().next_back().unwrap_or(' ');
        s.truncated = trimmed.ends_with('…') || trimmed.ends_with("...");
        s.terminal = !s.truncated && is_sentence_end(last);
        if s.terminal {
            s.sentence_ends += 1;
        }
        s.starts_quote = text.chars().next().is_some_and(is_open_quote);
        s
    }

    /// Adds the lanes summed over a run of ASCII letters and digits (see [`RUN`]).
    #[inline]
    fn add_lanes(&mut self, lanes: u64) {
        // Each lane holds at most 0xffff: the truncations are the lane extractions.
        #[allow(clippy::cast_possible_truncation)]
        let lane = |k: u32| u32::from((lanes >> (16 * k)) as u16);
        self.letters += lane(0);
        self.upper += lane(1);
        self.lower += lane(2);
        self.digits += lane(3);
    }

    /// Counts the word `text[w.start..end]` and looks it up in the stopwords.
    #[inline(always)]
    fn end_word(&mut self, text: &str, end: usize, w: Word, check_stop: bool, lang: &Language) {
        self.words += 1;
        if w.first & ALPHA != 0 {
            self.alpha_words += 1;
            if w.first & UPPER != 0 {
                self.cap_words += 1;
            }
        }
        let len = end - w.start;
        if !check_stop || len > lang.longest_stopword {
            return;
        }
        let hit = if w.ascii && len <= 8 {
            lang.stopwords
                .contains_packed8(pack_ascii_word8(text.as_bytes(), w.start, len))
        } else if w.ascii && len <= 16 {
            lang.stopwords
                .contains_packed(pack_ascii_word(text.as_bytes(), w.start, len))
        } else {
            is_stopword(&text[w.start..end], lang)
        };
        self.stop += u32::from(hit);
    }

    /// Whether the block reads like running prose.
    pub(crate) fn is_prose(&self) -> bool {
        self.words >= 15 && self.terminal
    }
}

impl Shape {
    /// The straightforward version of [`Shape::of`], char by char through the standard
    /// library (the fast one must agree with it).
    #[cfg(test)]
    pub(crate) fn of_reference(text: &str, lang: &Language) -> Shape {
        let mut s = Shape::default();
        let mut word_start: Option<usize> = None;
        let mut prev = ' ';
        let check_stop = !lang.stopwords.is_empty();
        let mut buf = [0u8; 24];
        let mut end_word = |s: &mut Shape, w: &str| {
            s.words += 1;
            let first = w.chars().next().unwrap_or(' ');
            if first.is_alphabetic() {
                s.alpha_words += 1;
                if first.is_uppercase() {
                    s.cap_words += 1;
                }
            }
            if check_stop && w.len() <= lang.longest_stopword {
                let hit = if let Some(key) = pack(w.as_bytes()) {
                    lang.stopwords.contains_packed(key)
                } else if w.is_ascii() {
                    let b = &mut buf[..w.len()];
                    b.copy_from_slice(w.as_bytes());
                    b.make_ascii_lowercase();
                    std::str::from_utf8(b).is_ok_and(|l| lang.stopwords.contains(l))
                } else {
                    lang.stopwords.contains(w.to_lowercase().as_str())
                };
                if hit {
                    s.stop += 1;
                }
            }
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // ASCII bytes take the fast path; other chars are decoded.
            let (c, len) = if b < 0x80 {
                (char::from(b), 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c, c.len_utf8())
            };
            s.chars += 1;
            let (word_char, alpha) = if b < 0x80 {
                (b.is_ascii_alphanumeric(), b.is_ascii_alphabetic())
            } else {
                (c.is_alphanumeric(), c.is_alphabetic())
            };
            if word_char {
                if word_start.is_none() {
                    word_start = Some(i);
                }
                if alpha {
                    s.letters += 1;
                    if c.is_uppercase() {
                        s.upper += 1;
                    } else if c.is_lowercase() {
                        s.lower += 1;
                    }
                } else if b.is_ascii_digit() {
                    s.digits += 1;
                }
            } else {
                if let Some(ws) = word_start.take() {
                    end_word(&mut s, &text[ws..i]);
                }
                match c {
                    ',' | '،' | '、' | '，' => s.commas += 1,
                    '|' | '•' | '·' | '»' | '›' | '/' => s.separators += 1,
                    '@' => s.url_like = true,
                    _ => {}
                }
                if c.is_whitespace() && is_sentence_end(prev) {
                    s.sentence_ends += 1;
                }
            }
            prev = c;
            i += len;
        }
        if let Some(ws) = word_start {
            end_word(&mut s, &text[ws..]);
        }
        let trimmed = text.trim_end_matches(is_closer);
        let last = trimmed.chars().next_back().unwrap_or(' ');
        s.truncated = trimmed.ends_with('…') || trimmed.ends_with("...");
        s.terminal = !s.truncated && is_sentence_end(last);
        if s.terminal {
            s.sentence_ends += 1;
        }
        s.starts_quote = text.chars().next().is_some_and(is_open_quote);
        if !s.url_like {
            let b = text.as_bytes();
            s.url_like = memchr::memchr2(b'/', b'.', b).is_some()
                && (memchr::memmem::find(b, b"://").is_some()
                    || memchr::memmem::find(b, b"www.").is_some()
                    || memchr::memmem::find(b, b".com").is_some());
        }
        s
    }
}
