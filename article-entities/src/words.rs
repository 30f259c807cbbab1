//! A small word splitter and sentence splitter with byte offsets, for the quotation,
//! cluster and date layers.
//!
//! Internal interface: the layers only need words (with their case) and sentence starts;
//! when the crate's tokenizer serves the same, these functions can forward to it.

use crate::lexicon;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits, with inner `-`, `'`, `’`, `.`, `&` and a final `.` on
    /// abbreviations and initials.
    Word,
    /// Any other non-space char.
    Punct,
}

/// A token: a byte range into the text given to [`tokens`] plus the base offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok<'a> {
    /// Byte offset of the first byte (with the base added).
    pub start: usize,
    /// Byte offset after the last byte (with the base added).
    pub end: usize,
    /// The token text.
    pub text: &'a str,
    /// Word or punctuation.
    pub kind: Kind,
}

impl Tok<'_> {
    /// Whether the token is a word.
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// Whether the token is the punctuation char `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// Whether the word starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.is_word() && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word without a possessive `'s` / `’s` / `’`.
    pub fn bare(&self) -> &str {
        strip_possessive(self.text)
    }
}

/// `text` without a possessive ending (`Turkey’s` -> `Turkey`).
pub(crate) fn strip_possessive(text: &str) -> &str {
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(s) = text.strip_suffix(suffix) {
            if !s.is_empty() {
                return s;
            }
        }
    }
    text
}

fn joins(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '&' | '‐')
}

/// Splits `text` into words and punctuation; offsets have `base` added.
pub(crate) fn tokens(text: &str, base: usize) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Tok {
                start: base + i,
                end: base + i + c.len_utf8(),
                text: &text[i..i + c.len_utf8()],
                kind: Kind::Punct,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                iter.next();
            } else if joins(d) {
                // Inner joiner: only when a letter or digit follows.
                let after = text[j + d.len_utf8()..].chars().next();
                if after.is_some_and(char::is_alphanumeric) {
                    end = j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        // A final period on abbreviations, initials and dotted acronyms.
        if bytes.get(end) == Some(&b'.') {
            let word = &text[i..end];
            let initial = word.chars().count() == 1 && c.is_uppercase();
            if initial || word.contains('.') || lexicon::is_abbreviation(word) {
                end += 1;
                iter.next();
            }
        }
        out.push(Tok {
            start: base + i,
            end: base + end,
            text: &text[i..end],
            kind: Kind::Word,
        });
    }
    out
}

/// Byte offsets (with `base` added) where sentences start in `text`, the first being
/// `base`. A sentence ends at `.`, `!`, `?` or `…` (and any closing quote or bracket after
/// it) followed by space and then an upper-case letter, a digit or an opening mark; not after
/// a title or an initial.
pub(crate) fn sentence_starts(text: &str, base: usize) -> Vec<usize> {
    let mut out = vec![base];
    let toks = tokens(text, 0);
    for (k, t) in toks.iter().enumerate() {
        let ends = t.kind == Kind::Punct && matches!(t.text, "." | "!" | "?" | "…");
        if !ends {
            continue;
        }
        // Skip closing marks right after the end punctuation.
        let mut j = k + 1;
        while let Some(n) = toks.get(j) {
            if n.kind == Kind::Punct && n.start == toks[j - 1].end && is_closer(n.text) {
                j += 1;
            } else {
                break;
            }
        }
        let Some(next) = toks.get(j) else { break };
        let last_end = toks[j - 1].end;
        if next.start == last_end {
            continue; // no space: "3.5", "U.S.A"
        }
        let first = next.text.chars().next().unwrap_or(' ');
        if first.is_uppercase() || first.is_numeric() || is_opener(next.text) {
            out.push(base + next.start);
        }
    }
    // Titles and initials end with a period inside the word token, so they never split.
    out
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | ")" | "]" | "»")
}

fn is_opener(s: &str) -> bool {
    matches!(s, "\"" | "“" | "‘" | "'" | "(" | "[" | "«" | "„")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_offsets() {
        let text = "Mr. Trump’s U.S. trip, said Hau-yip (Jr.) on Nov. 8.";
        let got: Vec<_> = tokens(text, 10).iter().map(|t| t.text).collect();
        assert_eq!(
            got,
            [
                "Mr.",
                "Trump’s",
                "U.S.",
                "trip",
                ",",
                "said",
                "Hau-yip",
                "(",
                "Jr.",
                ")",
                "on",
                "Nov.",
                "8",
                "."
            ]
        );
        for t in tokens(text, 10) {
            assert_eq!(&text[t.start - 10..t.end - 10], t.text);
        }
    }

    #[test]
    fn sentences() {
        let text = "He spoke. “Yes,” she said. Mr. Smith left at 3.5 pm. Then J. Doe came.";
        let starts = sentence_starts(text, 0);
        let got: Vec<String> = starts
            .iter()
            .map(|&s| text[s..].chars().take(4).collect())
            .collect();
        assert_eq!(got, ["He s", "“Yes", "Mr. ", "Then"]);
    }
}
