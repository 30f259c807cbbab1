//! [`Format`]: the output formats.

use std::str::FromStr;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// The `article/1` record, pretty-printed, one object per article.
    Json,
    /// The `article/1` record, one line per article.
    Jsonl,
    /// The body only, paragraphs separated by a blank line.
    Text,
    /// Title, byline, date, body with headings, lists, quotes, and captions.
    Markdown,
    /// Comma-separated values (RFC 4180).
    Csv,
    /// CoNLL: one token per line with its IOB2 tag.
    Conll,
    /// brat standoff: a `.txt` and an `.ann` file per article.
    Brat,
    /// TEI XML.
    Tei,
}

impl Format {
    /// Every format, in the order of the CLI's help.
    pub const ALL: [Format; 8] = [
        Format::Json,
        Format::Jsonl,
        Format::Text,
        Format::Markdown,
        Format::Csv,
        Format::Conll,
        Format::Brat,
        Format::Tei,
    ];

    /// The format's name as the CLI spells it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Conll => "conll",
            Format::Brat => "brat",
            Format::Tei => "tei",
        }
    }

    /// Whether each article is written to files of its own (a directory of them).
    #[must_use]
    pub fn is_per_document(self) -> bool {
        matches!(self, Format::Brat)
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        let s = s.to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| {
                f.name() == s
                    || (s == "md" && *f == Format::Markdown)
                    || (s == "txt" && *f == Format::Text)
            })
            .ok_or_else(|| format!("unknown format {s:?}"))
    }
}
