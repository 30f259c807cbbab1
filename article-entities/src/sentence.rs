//! [`sentences`]: splits tokens into sentences.
//!
//! A sentence ends
//!
//! - at a blank line (a paragraph break) and at a line break, unless the next line goes on
//!   in lower case or the line ends with a word that cannot end a sentence (`,` `Mr.`), so
//!   headlines, captions and list items are sentences of their own;
//! - after `.` `!` `?` `...` `…` (and the closing quotes and brackets that follow them) when
//!   the next token does not start in lower case;
//! - never after an abbreviation token (`Mr.`, `U.S.`, `J.`) within a line.

use std::ops::Range;

use article_model::Span;

use crate::token::Token;

/// A sentence: a run of tokens.
///
/// Invariant: `tokens` is a non-empty range of indices into the token slice given to
/// [`sentences`]; `span` runs from the first token's start to the last token's end (bytes).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Sentence {
    span: Span,
    tokens: Range<usize>,
}

impl Sentence {
    /// Byte range of the sentence in the text (first token's start to last token's end).
    #[must_use]
    pub fn span(&self) -> Span {
        self.span
    }

    /// Indices of its tokens in the token slice given to [`sentences`].
    #[must_use]
    pub fn tokens(&self) -> Range<usize> {
        self.tokens.clone()
    }
}

/// Splits `tokens` (from [`tokenize`](crate::tokenize) over `text`) into sentences.
///
/// # Examples
/// ```
/// use article_entities::{sentences, tokenize};
/// let text = "Mr. Smith went to Washington. He spoke.\n\nHEADLINE HERE\nMore text.";
/// let tokens = tokenize(text);
/// let got: Vec<&str> = sentences(text, &tokens)
///     .iter()
///     .map(|s| &text[s.span().start()..s.span().end()])
///     .collect();
/// assert_eq!(got, ["Mr. Smith went to Washington.", "He spoke.", "HEADLINE HERE", "More text."]);
/// ```
#[must_use]
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    // The last token before `i` that is not a closing quote or bracket: kept as we go, so
    // runs of closers are not walked back over at every token (linear time).
    let mut last_open: Option<usize> = None;
    for i in 1..=tokens.len() {
        if tokens.get(i - 1).is_some_and(|t| !is_closer(t.text(text))) {
            last_open = Some(i - 1);
        }
        if i == tokens.len() || breaks_before(text, tokens, i, last_open) {
            let (Some(first), Some(last)) = (tokens.get(start), tokens.get(i - 1)) else {
                continue;
            };
            out.push(Sentence {
                span: Span::new(
                    first.span().start(),
                    last.span().end().max(first.span().start()),
                ),
                tokens: start..i,
            });
            start = i;
        }
    }
    out
}

fn is_terminal(t: &str) -> bool {
    matches!(t, "." | "!" | "?" | "…" | "?!" | "!?")
        || (t.len() >= 2 && t.bytes().all(|b| b == b'.'))
}

fn is_closer(t: &str) -> bool {
    matches!(t, "\"" | "'" | "”" | "’" | "»" | "›" | ")" | "]" | "}")
}

fn starts_lower(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_lowercase)
}

/// Whether a sentence break falls between token `i - 1` and token `i`; `last_open` is
/// the last token before `i` that is not a closer.
fn breaks_before(text: &str, tokens: &[Token], i: usize, last_open: Option<usize>) -> bool {
    let (Some(prev), Some(next)) = (tokens.get(i - 1), tokens.get(i)) else {
        return false;
    };
    let next_text = next.text(text);
    let prev_text = prev.text(text);
    if next.line_break_before() {
        let gap = text
            .get(prev.span().end()..next.span().start())
            .unwrap_or("");
        if gap.matches('\n').count() >= 2 || gap.contains('\u{2029}') {
            return true;
        }
        // a line break inside running text: go on when the next line starts in lower case
        // or the line ends on a word that cannot close a sentence
        let hangs = matches!(prev_text, "," | ";" | ":" | "-" | "(" | "“" | "\"" | "&")
            || prev_text.ends_with('-')
            || (prev_text.ends_with('.')
                && prev_text.len() > 1
                && crate::token::is_abbreviation(&prev_text[..prev_text.len() - 1])
                && !prev_text[..prev_text.len() - 1].contains('.'));
        return !(starts_lower(next_text) || hangs);
    }
    // within a line: after terminal punctuation (and closers that follow it)
    let Some(term) = last_open.and_then(|j| tokens.get(j)) else {
        return false;
    };
    if !is_terminal(term.text(text)) {
        return false;
    }
    if is_closer(next_text) {
        return false; // the closer belongs to this sentence
    }
    !starts_lower(next_text) && !matches!(next_text, "," | ";" | ":" | ")" | "]")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;
    use proptest::prelude::*;

    fn split(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        sentences(text, &tokens)
            .iter()
            .map(|s| &text[s.span().start()..s.span().end()])
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("One.", &["One."]),
            ("One. Two.", &["One.", "Two."]),
            (
                "Mr. Smith left. He came back.",
                &["Mr. Smith left.", "He came back."],
            ),
            ("John F. Kennedy spoke.", &["John F. Kennedy spoke."]),
            ("The U.S. Senate voted.", &["The U.S. Senate voted."]),
            ("It was 3 p.m. and late.", &["It was 3 p.m. and late."]),
            (
                "“Go home,” he said. “Now!” She left.",
                &["“Go home,” he said.", "“Now!”", "She left."],
            ),
            ("Is it? yes it is.", &["Is it? yes it is."]),
            ("Wait... Then go.", &["Wait...", "Then go."]),
            (
                "ARMENIA CLASHES\nMOSCOW — Russia urged restraint.",
                &["ARMENIA CLASHES", "MOSCOW — Russia urged restraint."],
            ),
            ("a wrapped\nline goes on.", &["a wrapped\nline goes on."]),
            ("First para\n\nsecond para", &["First para", "second para"]),
            ("He met Mr.\nSmith.", &["He met Mr.\nSmith."]),
            ("(He left.) Then", &["(He left.)", "Then"]),
        ];
        for (input, want) in cases {
            assert_eq!(split(input), *want, "{input:?}");
        }
    }

    proptest! {
        #[test]
        fn sentences_partition_tokens(text in "\\PC{0,80}|[a-zA-Z .?!'’\"“”()\\-\n]{0,80}") {
            let tokens = tokenize(&text);
            let sents = sentences(&text, &tokens);
            let mut next = 0;
            for s in &sents {
                prop_assert_eq!(s.tokens().start, next);
                prop_assert!(s.tokens().end > s.tokens().start);
                prop_assert!(s.span().get(&text).is_some());
                next = s.tokens().end;
            }
            prop_assert_eq!(next, tokens.len());
        }
    }
}
