//! A small word splitter and sentence splitter with byte offsets, for the quotation,
//! cluster and date layers.
//!
//! Internal interface: the layers only need words (with their case) and sentence starts;
//! when the crate's tokenizer serves the same, these functions can forward to it.

use article_model::Span;

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

/// The words and sentence starts of one paragraph of a body.
#[derive(Clone, Debug)]
pub(crate) struct ParaWords<'a> {
    /// The paragraph's byte range in the body.
    pub span: Span,
    /// Its tokens, offsets into the body.
    pub toks: Vec<Tok<'a>>,
    /// Where its sentences start (body offsets), the first being `span.start()`.
    pub sentences: Vec<usize>,
}

/// Tokenizes and splits each paragraph once, for all layers.
pub(crate) fn prepare<'a>(body: &'a str, paragraphs: &[Span]) -> Vec<ParaWords<'a>> {
    paragraphs
        .iter()
        .map(|&span| {
            let text = span.get(body).unwrap_or("");
            let (toks, sentences) = split(text, span.start());
            ParaWords {
                span,
                toks,
                sentences,
            }
        })
        .collect()
}

/// Splits `text` into words and punctuation with the crate's tokenizer
/// ([`crate::tokenize`]) and finds its sentence starts ([`crate::sentences`]); offsets have
/// `base` added. Clitics split off by the tokenizer are joined back to their word
/// (`Turkey’s`, `don’t`), as names and speakers want whole words.
pub(crate) fn split(text: &str, base: usize) -> (Vec<Tok<'_>>, Vec<usize>) {
    let raw = crate::token::tokenize(text);
    let mut sentences = vec![base];
    for s in crate::sentence::sentences(text, &raw) {
        let at = base + s.span().start();
        if at != base {
            sentences.push(at);
        }
    }
    let mut out: Vec<Tok<'_>> = Vec::with_capacity(raw.len());
    for t in raw {
        let span = t.span();
        let piece = t.text(text);
        let Some(first) = piece.chars().next() else {
            continue;
        };
        let start = base + span.start();
        let end = base + span.end();
        if let Some(prev) = out.last_mut() {
            if prev.end == start && prev.kind == Kind::Word && is_clitic(piece) {
                prev.end = end;
                prev.text = text.get(prev.start - base..span.end()).unwrap_or(prev.text);
                continue;
            }
        }
        out.push(Tok {
            start,
            end,
            text: piece,
            kind: if first.is_alphanumeric() {
                Kind::Word
            } else {
                Kind::Punct
            },
        });
    }
    (out, sentences)
}

/// The tokens of `text` (see [`split`]).
#[cfg(test)]
pub(crate) fn tokens(text: &str, base: usize) -> Vec<Tok<'_>> {
    split(text, base).0
}

/// The sentence starts of `text` (see [`split`]).
#[cfg(test)]
pub(crate) fn sentence_starts(text: &str, base: usize) -> Vec<usize> {
    split(text, base).1
}

fn is_clitic(piece: &str) -> bool {
    let p = piece.replace('’', "'").to_lowercase();
    matches!(
        p.as_str(),
        "'s" | "'" | "n't" | "'re" | "'ve" | "'ll" | "'d" | "'m"
    )
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
