//! The words and sentence starts of each paragraph, with byte offsets into the body, for
//! the quotation, cluster and date layers.
//!
//! The words are the crate's tokens ([`crate::tokenize`]) with clitics joined back, so
//! the layers share the one tokenization of the body that entity recognition uses.

use article_model::Span;

use crate::token::Token;

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

/// The words and sentence starts of each paragraph, from the tokens of the whole body
/// ([`crate::tokenize`] over `body`, sorted; no token crosses a paragraph, as paragraphs
/// are separated by a blank line). Sentences are split per paragraph.
pub(crate) fn from_tokens<'a>(
    body: &'a str,
    tokens: &[Token],
    paragraphs: &[Span],
) -> Vec<ParaWords<'a>> {
    let mut rest = tokens;
    paragraphs
        .iter()
        .map(|&span| {
            let skip = rest.partition_point(|t| t.span().start() < span.start());
            rest = rest.get(skip..).unwrap_or_default();
            let n = rest.partition_point(|t| t.span().end() <= span.end());
            let (own, after) = rest.split_at(n);
            rest = after;
            let (toks, sentences) = split_tokens(body, own, 0, span.start());
            ParaWords {
                span,
                toks,
                sentences,
            }
        })
        .collect()
}

/// Tokenizes the body once and splits each paragraph (see [`from_tokens`]).
#[cfg(test)]
pub(crate) fn prepare<'a>(body: &'a str, paragraphs: &[Span]) -> Vec<ParaWords<'a>> {
    from_tokens(body, &crate::token::tokenize(body), paragraphs)
}

/// Words and punctuation of `tokens` (tokens of `text`) and their sentence starts
/// ([`crate::sentences`]); offsets have `shift` added, and the first sentence starts at
/// `first`. Clitics split off by the tokenizer are joined back to their word
/// (`Turkey’s`, `don’t`), as names and speakers want whole words.
fn split_tokens<'a>(
    text: &'a str,
    tokens: &[Token],
    shift: usize,
    first: usize,
) -> (Vec<Tok<'a>>, Vec<usize>) {
    let mut sentences = vec![first];
    for s in crate::sentence::sentences(text, tokens) {
        let at = shift + s.span().start();
        if at != first {
            sentences.push(at);
        }
    }
    let mut out: Vec<Tok<'a>> = Vec::with_capacity(tokens.len());
    for t in tokens {
        let span = t.span();
        let piece = t.text(text);
        let Some(head) = piece.chars().next() else {
            continue;
        };
        let start = shift + span.start();
        let end = shift + span.end();
        if let Some(prev) = out.last_mut() {
            if prev.end == start && prev.kind == Kind::Word && is_clitic(piece) {
                prev.end = end;
                prev.text = text
                    .get(prev.start - shift..span.end())
                    .unwrap_or(prev.text);
                continue;
            }
        }
        out.push(Tok {
            start,
            end,
            text: piece,
            kind: if head.is_alphanumeric() {
                Kind::Word
            } else {
                Kind::Punct
            },
        });
    }
    (out, sentences)
}

/// Words and sentence starts of `text` on its own, offsets with `base` added.
#[cfg(test)]
fn split(text: &str, base: usize) -> (Vec<Tok<'_>>, Vec<usize>) {
    split_tokens(text, &crate::token::tokenize(text), base, base)
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

    proptest::proptest! {
        /// The words of a paragraph cut from the body's tokens are the words of the
        /// paragraph tokenized on its own.
        #[test]
        fn body_tokens_give_each_paragraphs_own_words(
            paras in proptest::collection::vec("[a-zA-Z1 ,.–”’'\n(\u{200B}]{1,24}", 1..5)
        ) {
            let paras: Vec<String> = paras
                .iter()
                .map(|p| p.replace("\n\n", "\n").trim().to_string())
                .filter(|p| !p.is_empty())
                .collect();
            let body = paras.join("\n\n");
            let mut spans = Vec::new();
            let mut at = 0;
            for p in &paras {
                spans.push(Span::new(at, at + p.len()));
                at += p.len() + 2;
            }
            for (got, span) in prepare(&body, &spans).iter().zip(&spans) {
                let text = span.get(&body).unwrap();
                let (toks, sentences) = split(text, span.start());
                proptest::prop_assert_eq!(&got.toks, &toks);
                proptest::prop_assert_eq!(&got.sentences, &sentences);
            }
        }
    }
}
