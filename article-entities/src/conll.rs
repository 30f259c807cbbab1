//! Reads CoNLL-2003 text: one token per line (the token in the first column, its tag in
//! the last), a blank line after each sentence, and a `-DOCSTART-` line before each
//! document.
//!
//! ```text
//! line     = blank | docstart | token
//! blank    = white space only
//! docstart = "-DOCSTART-" (white space, anything)
//! token    = TOKEN (white space, column)*      the tag is the last column
//! ```
//!
//! ```
//! use article_entities::conll;
//! let text = "-DOCSTART- -X- O O\n\nAnkara NNP B-NP B-LOC\nspoke VBD B-VP O\n\n";
//! let docs = conll::documents(text);
//! assert_eq!(docs[0].tokens(), ["Ankara", "spoke"]);
//! assert_eq!(docs[0].tags(), ["B-LOC", "O"]);
//! assert_eq!(docs[0].sentences(), [0..2]);
//! ```

use std::ops::Range;

/// One line of a CoNLL file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line<'a> {
    /// A token line: the first column and the last one (the token itself when the line
    /// has one column).
    Token {
        /// The token (first column).
        token: &'a str,
        /// Its tag (last column).
        tag: &'a str,
    },
    /// A line of white space only: it ends a sentence.
    Blank,
    /// A `-DOCSTART-` line, without its trailing white space: it opens a document.
    DocStart(&'a str),
}

/// The lines of `text`, in order (line ends `\n` or `\r\n`).
pub fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.lines().map(|line| {
        let mut fields = line.split_whitespace();
        match fields.next() {
            None => Line::Blank,
            Some("-DOCSTART-") => Line::DocStart(line.trim_end()),
            Some(token) => Line::Token {
                token,
                tag: fields.next_back().unwrap_or(token),
            },
        }
    })
}

/// A document of a CoNLL file: its tokens and tags, and its sentences as token ranges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document<'a> {
    tokens: Vec<&'a str>,
    tags: Vec<&'a str>,
    sentences: Vec<Range<usize>>,
}

impl<'a> Document<'a> {
    /// The tokens, in order.
    #[must_use]
    pub fn tokens(&self) -> &[&'a str] {
        &self.tokens
    }

    /// One tag per token (the last column of its line).
    #[must_use]
    pub fn tags(&self) -> &[&'a str] {
        &self.tags
    }

    /// The sentences: non-empty, sorted ranges into [`Document::tokens`] that cover them.
    #[must_use]
    pub fn sentences(&self) -> &[Range<usize>] {
        &self.sentences
    }

    /// Ends the open sentence, if it has tokens.
    fn close_sentence(&mut self, start: &mut usize) {
        if self.tokens.len() > *start {
            self.sentences.push(*start..self.tokens.len());
        }
        *start = self.tokens.len();
    }
}

/// The documents of `text`: a `-DOCSTART-` line opens one (tokens before the first form one
/// too); documents without tokens are left out.
#[must_use]
pub fn documents(text: &str) -> Vec<Document<'_>> {
    let mut docs = Vec::new();
    let mut doc = Document::default();
    let mut start = 0;
    for line in lines(text) {
        match line {
            Line::Token { token, tag } => {
                doc.tokens.push(token);
                doc.tags.push(tag);
            }
            Line::Blank => doc.close_sentence(&mut start),
            Line::DocStart(_) => {
                doc.close_sentence(&mut start);
                if !doc.tokens.is_empty() {
                    docs.push(std::mem::take(&mut doc));
                }
                start = 0;
            }
        }
    }
    doc.close_sentence(&mut start);
    if !doc.tokens.is_empty() {
        docs.push(doc);
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_table() {
        let text = "-DOCSTART- -X- O O  \n \nEU NNP B-NP B-ORG\r\nsolo\n\t\n";
        let got: Vec<Line<'_>> = lines(text).collect();
        assert_eq!(
            got,
            [
                Line::DocStart("-DOCSTART- -X- O O"),
                Line::Blank,
                Line::Token {
                    token: "EU",
                    tag: "B-ORG"
                },
                Line::Token {
                    token: "solo",
                    tag: "solo"
                },
                Line::Blank,
            ]
        );
    }

    #[test]
    fn documents_and_sentences() {
        let text = "a O\nb O\n\n\nc B-PER\n-DOCSTART- O\n\n-DOCSTART- O\n\nd O\n\ne O\nf O";
        let docs = documents(text);
        assert_eq!(docs.len(), 2, "the empty document is left out");
        assert_eq!(docs[0].tokens(), ["a", "b", "c"]);
        assert_eq!(docs[0].tags(), ["O", "O", "B-PER"]);
        assert_eq!(docs[0].sentences(), [0..2, 2..3]);
        assert_eq!(docs[1].tokens(), ["d", "e", "f"]);
        assert_eq!(docs[1].sentences(), [0..1, 1..3]);
    }

    #[test]
    fn empty_text_has_no_documents() {
        assert!(documents("").is_empty());
        assert!(documents("\n-DOCSTART- O\n\n").is_empty());
    }
}
