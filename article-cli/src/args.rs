//! Command-line arguments (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turns raw news pages (HTML or plain-text dumps) into clean, structured, annotated
/// articles.
#[derive(Debug, Parser)]
#[command(name = "article", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Extract the article from each input page and write it in one format.
    Extract(ExtractArgs),
}

/// How to read an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum From {
    /// Sniffed per input.
    Auto,
    /// HTML page.
    Html,
    /// Plain-text dump of a page.
    Text,
}

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum To {
    /// The article/1 record, pretty-printed (default for one input).
    Json,
    /// One article/1 record per line (default for several inputs).
    Jsonl,
    /// The body text only.
    Text,
    /// Markdown: title, byline, date, body, captions.
    Markdown,
    /// One row per article.
    Csv,
    /// One token per line with its IOB2 entity tag.
    Conll,
    /// brat standoff .txt + .ann pairs (needs -o DIR).
    Brat,
    /// TEI XML.
    Tei,
}

impl To {
    pub fn format(self) -> article_export::Format {
        use article_export::Format;
        match self {
            To::Json => Format::Json,
            To::Jsonl => Format::Jsonl,
            To::Text => Format::Text,
            To::Markdown => Format::Markdown,
            To::Csv => Format::Csv,
            To::Conll => Format::Conll,
            To::Brat => Format::Brat,
            To::Tei => Format::Tei,
        }
    }
}

/// Unit of exported offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Offsets {
    /// Unicode scalar values (Python, spaCy, brat).
    Char,
    /// UTF-16 code units (JavaScript, Label Studio).
    Utf16,
}

#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    /// Files, directories (walked recursively), or - for stdin; *.gz read transparently.
    /// With none, reads stdin.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Input format.
    #[arg(long, value_enum, default_value_t = From::Auto)]
    pub from: From,

    /// Output format [default: json for one input, jsonl for several].
    #[arg(long, value_enum)]
    pub to: Option<To>,

    /// Extraction only: no entities, quotes or dates.
    #[arg(long)]
    pub no_entities: bool,

    /// Date that relative dates ("Thursday", "last week") are anchored to when a page has no
    /// published date [default: none, so they get no value].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub anchor_date: Option<article_entities::CalendarDate>,

    /// Output file, or a directory for per-document formats (brat) [default: stdout].
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Worker threads [default: all cores].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Unit of exported offsets.
    #[arg(long, value_enum, default_value_t = Offsets::Char)]
    pub offsets: Offsets,
}
