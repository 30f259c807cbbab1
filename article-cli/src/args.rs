//! Command-line arguments (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turns raw news pages (HTML or plain-text dumps) into clean, structured, annotated
/// articles.
#[derive(Debug, Parser)]
#[command(name = "article", version, about, long_about = None, after_help = AFTER_HELP)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// The exit statuses, as `--help` shows them (the README has the same table).
macro_rules! exit_status {
    () => {
        "Exit status:\n\
         \x20 0    every input was written\n\
         \x20 1    an input or the output failed (each named on stderr; the other inputs are\n\
         \x20      still written), or no inputs were found\n\
         \x20 2    usage error (bad arguments, an output that is also an input): nothing written\n\
         \x20 130  interrupted (Ctrl-C) while writing a file: the file was left as it was"
    };
}

/// Shown after the top-level help.
const AFTER_HELP: &str = concat!(
    "Output formats (article extract --to): json, jsonl, text, markdown, csv, conll, brat, tei,\n\
     parquet\n\n",
    exit_status!()
);

/// Shown after the help of a subcommand.
const EXIT_HELP: &str = exit_status!();

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Extract the article from each input page and write it in one format.
    #[command(after_help = EXIT_HELP)]
    Extract(ExtractArgs),
    /// Tag the tokens of a CoNLL file with entity tags (IOB2), one "TOKEN TAG" per line.
    #[command(after_help = EXIT_HELP)]
    Ner(NerArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) to stdout.
    Completions {
        /// The shell.
        #[arg(value_enum, ignore_case = true)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to stdout: `article man > article.1`.
    Man,
    /// Train a NER model from CoNLL-2003 data and the lexical resources (feature `train`).
    #[cfg(feature = "train")]
    TrainNer(TrainNerArgs),
}

#[derive(Debug, Args)]
pub(crate) struct NerArgs {
    /// CoNLL file, or - for stdin: the token in column 1; -DOCSTART- lines separate
    /// documents (the unit of context), blank lines separate sentences. Both are kept in
    /// the output.
    #[arg(long, value_name = "FILE")]
    pub conll: PathBuf,

    /// Output file [default: stdout].
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,

    /// A model file to use instead of the embedded one (compressed or not).
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

#[cfg(feature = "train")]
#[derive(Debug, Args)]
pub(crate) struct TrainNerArgs {
    /// CoNLL-2003 training file.
    #[arg(long, value_name = "FILE")]
    pub train: PathBuf,

    /// CoNLL-2003 development file (scores reported per pass).
    #[arg(long, value_name = "FILE")]
    pub dev: PathBuf,

    /// The lexical data folder (GeoNames, census names, Reuters-21578).
    #[arg(long, value_name = "DIR")]
    pub lexical: PathBuf,

    /// More unlabeled text for the word clusters, besides the Reuters-21578 text of
    /// --lexical: one paragraph per line (*.gz read transparently), such as the output of
    /// `article extract --to text --no-entities` over a folder of pages. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub unlabeled: Vec<PathBuf>,

    /// Cache file for the induced word clusters (reused when present).
    #[arg(long, value_name = "FILE")]
    pub clusters_cache: Option<PathBuf>,

    /// Training passes of each stage.
    #[arg(long, default_value_t = 10)]
    pub epochs: usize,

    /// Perceptrons (differently shuffled) averaged into each stage's model.
    #[arg(long, default_value_t = 5)]
    pub ensemble: usize,

    /// Folds for the stage-1 predictions that stage 2 learns from.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,

    /// Drop features seen fewer times than this in training.
    #[arg(long, default_value_t = 1)]
    pub min_count: u32,

    /// Drop feature rows whose largest weight is below this fraction of the stage's largest.
    #[arg(long, default_value_t = 0.03)]
    pub prune: f32,

    /// Cross-validate the settings on --train instead of training the model: K models,
    /// each trained on all but one fold of the training documents and scored on that
    /// fold; prints the pooled held-out F1 (dev is not read, nothing is written).
    #[arg(long, value_name = "K", conflicts_with = "output")]
    pub cv: Option<usize>,

    /// Where to write the model (compressed: an LZ4 frame, as the crate embeds it).
    #[arg(short, long, value_name = "OUT", required_unless_present = "cv")]
    pub output: Option<PathBuf>,
}

/// How to read an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum From {
    /// The extension decides (.html/.htm/.xhtml, .txt, .warc, each optionally .gz); the
    /// content is sniffed for stdin and other extensions.
    Auto,
    /// HTML page.
    Html,
    /// Plain-text dump of a page.
    Text,
    /// WARC file (.warc, .warc.gz): each HTTP 200 HTML response is a page; other records
    /// are skipped and counted.
    Warc,
}

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum To {
    /// The article/1 record, pretty-printed; one JSON array of them for several inputs
    /// (default for one named file or stdin).
    Json,
    /// One article/1 record per line (default for a directory or several inputs).
    Jsonl,
    /// The body text only; articles separated by a line holding a form feed (U+000C).
    Text,
    /// Markdown: title, byline, date, body, captions.
    Markdown,
    /// One row per article.
    Csv,
    /// One token per line with its IOB2 entity tag.
    Conll,
    /// brat standoff NAME.txt + NAME.ann pairs (needs -o DIR or --output-dir DIR).
    Brat,
    /// TEI XML.
    Tei,
    /// Apache Parquet, one row per page with typed columns (needs -o FILE).
    Parquet,
}

impl To {
    /// The format an output file's name asks for: its extension, after a `.gz`
    /// (`articles.parquet`, `out.jsonl.gz`); `None` for an unknown or missing one.
    pub fn of_output(path: &std::path::Path) -> Option<To> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let (_, ext) = name.rsplit_once('.')?;
        Some(match ext {
            "json" => To::Json,
            "jsonl" | "ndjson" => To::Jsonl,
            "txt" => To::Text,
            "md" | "markdown" => To::Markdown,
            "csv" => To::Csv,
            "conll" => To::Conll,
            "xml" | "tei" => To::Tei,
            "parquet" => To::Parquet,
            _ => return None,
        })
    }

    /// The writer's format; `None` for Parquet, which has its own writer.
    pub fn format(self) -> Option<article_export::Format> {
        use article_export::Format;
        Some(match self {
            To::Json => Format::Json,
            To::Jsonl => Format::Jsonl,
            To::Text => Format::Text,
            To::Markdown => Format::Markdown,
            To::Csv => Format::Csv,
            To::Conll => Format::Conll,
            To::Brat => Format::Brat,
            To::Tei => Format::Tei,
            To::Parquet => return None,
        })
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
    /// Files, directories (walked recursively: page extensions only, see --include), or -
    /// for stdin; *.gz read transparently. With none, reads stdin.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Input format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = From::Auto)]
    pub from: From,

    /// Output format [default: the extension of -o FILE (.json, .jsonl, .ndjson, .txt,
    /// .md, .csv, .conll, .xml, .tei, .parquet, each also with .gz), else json for one named
    /// page file or stdin, jsonl for a directory, several inputs or a WARC].
    #[arg(long, value_enum, ignore_case = true)]
    pub to: Option<To>,

    /// In directories, take only files matching GLOB (their path below the directory, or
    /// their name), instead of those with a page extension (.html, .htm, .xhtml, .txt,
    /// .warc, each optionally .gz). Repeatable.
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,

    /// In directories, skip files matching GLOB. Repeatable.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Extraction only: no entities, quotes or dates.
    #[arg(long)]
    pub no_entities: bool,

    /// Annotate pages in every language with the English model too (by default a page
    /// whose language the model does not cover gets no entities, quotes or dates, and its
    /// record's "annotations" says "skipped: no model for LANG").
    #[arg(long, conflicts_with = "no_entities")]
    pub annotate_any_language: bool,

    /// Date that relative dates ("Thursday", "last week") are anchored to when a page has no
    /// published date [default: none, so they get no value].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub anchor_date: Option<article_entities::CalendarDate>,

    /// Output file (written through a temporary file, then renamed; *.gz compressed), or -
    /// for stdout; with --to brat, the directory (as --output-dir); --to parquet needs a
    /// file [default: stdout].
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Write one file per input into DIR (any format), named after the input file
    /// (page.html gives page.json, page.md, ...; -2, -3 on collisions), plus index.jsonl
    /// mapping each name to its source.
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    pub output_dir: Option<PathBuf>,

    /// Time budget per input (per record of a WARC), in milliseconds (0: none): an input
    /// not done by then is reported as failed and the others go on.
    #[arg(long, value_name = "MS", default_value_t = 600_000)]
    pub timeout_ms: u64,

    /// Inputs (records of a WARC) larger than this (after gunzip), in MiB, are refused
    /// (exit 1 for them).
    #[arg(long, value_name = "MIB", default_value_t = 256,
          value_parser = clap::value_parser!(u64).range(1..=1 << 20))]
    pub max_input_mb: u64,

    /// Worker threads, at most the core count + 4 (more are capped, with a warning)
    /// [default: all cores].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Unit of exported offsets (brat counts chars: utf16 is refused with --to brat).
    #[arg(long, value_enum, ignore_case = true, default_value_t = Offsets::Char)]
    pub offsets: Offsets,

    /// With --to csv: one row per entity (article, source, text, label, start, end,
    /// cluster) instead of one per article.
    #[arg(long)]
    pub csv_entities: bool,
}
