//! Where articles go: one output stream (JSON records as one array, text bodies separated
//! by a form-feed line, every other format through `article-export`'s writer), one file
//! per article in a directory, or one Parquet file (feature `parquet`).

use std::io::{self, Write};

use anyhow::Context;
use article_export::{ErrorKind, Format, Options, Writer, to_string};
use article_model::{Article, Warc};

use crate::inputs::Input;
use crate::outdir::OutDir;
use crate::output::Output;

/// Why an article was not written.
pub(crate) enum WriteError {
    /// This article could not be written (the run goes on; exit 1).
    Article(anyhow::Error),
    /// The output failed (the run stops; exit 1, or 0 for a closed pipe).
    Output(anyhow::Error),
}

/// Where articles go: one stream, or files per article in a directory.
pub(crate) enum Sink {
    Stream(Stream),
    Dir(OutDir),
    #[cfg(feature = "parquet")]
    Parquet(Box<ParquetSink>),
}

impl Sink {
    pub(crate) fn write(&mut self, article: &Article, input: &Input) -> Result<(), WriteError> {
        match self {
            Sink::Stream(s) => s.write(article),
            Sink::Dir(d) => d.write(article, input).map_err(|e| {
                if e.chain().any(|c| c.is::<io::Error>()) {
                    WriteError::Output(e)
                } else {
                    WriteError::Article(e)
                }
            }),
            #[cfg(feature = "parquet")]
            Sink::Parquet(p) => p.write(article),
        }
    }

    /// Records an input (or WARC record) that gave no article: a row with its `error` in
    /// Parquet; nothing in the other formats (the error is on stderr).
    pub(crate) fn write_error(
        &mut self,
        input: &Input,
        warc: Option<&Warc>,
        message: &str,
    ) -> Result<(), WriteError> {
        match self {
            #[cfg(feature = "parquet")]
            Sink::Parquet(p) => p.write_error(input, warc, message),
            _ => {
                let _ = (input, warc, message);
                Ok(())
            }
        }
    }

    /// The output file's name when the run writes one file (not stdout, not a directory).
    pub(crate) fn file_shown(&self) -> Option<&str> {
        match self {
            Sink::Stream(s) => s.is_file().then(|| s.shown()),
            Sink::Dir(_) => None,
            #[cfg(feature = "parquet")]
            Sink::Parquet(p) => Some(p.out.as_str()),
        }
    }

    /// What an interruption leaves, for its message.
    pub(crate) fn describe(&self) -> String {
        match self {
            Sink::Stream(s) => format!(
                "{} not written (a file already there is unchanged)",
                s.shown()
            ),
            Sink::Dir(d) => format!(
                "the files written so far in {} are whole; its index.jsonl is not written",
                d.dir().display()
            ),
            #[cfg(feature = "parquet")]
            Sink::Parquet(p) => {
                format!("{} not written (a file already there is unchanged)", p.out)
            }
        }
    }

    pub(crate) fn flush(&mut self) -> anyhow::Result<()> {
        match self {
            Sink::Stream(s) => s.flush(),
            // Parquet is written a row group at a time
            _ => Ok(()),
        }
    }

    pub(crate) fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Stream(s) => s.finish(),
            Sink::Dir(d) => d.finish(),
            #[cfg(feature = "parquet")]
            Sink::Parquet(p) => p.finish(),
        }
    }
}

/// One output stream of articles: several JSON records as one array, text bodies
/// separated by a form-feed line, every other format by the writer of `article-export`.
pub(crate) struct Stream {
    mode: Mode,
    written: usize,
    shown: String,
    is_file: bool,
}

enum Mode {
    JsonArray(Output, Options),
    Text(Output),
    Export(Writer<Output>),
}

/// The line between two articles of `--to text`: a form feed, which no body holds.
const TEXT_SEPARATOR: &[u8] = b"\x0c\n";

impl Stream {
    pub(crate) fn new(out: Output, format: Format, options: Options, several: bool) -> Stream {
        let shown = out.shown().to_owned();
        let is_file = matches!(out, Output::File(_));
        let mode = match format {
            Format::Json if several => Mode::JsonArray(out, options),
            Format::Text => Mode::Text(out),
            _ => Mode::Export(Writer::new(out, format, options)),
        };
        Stream {
            mode,
            written: 0,
            shown,
            is_file,
        }
    }

    pub(crate) fn shown(&self) -> &str {
        &self.shown
    }

    pub(crate) fn is_file(&self) -> bool {
        self.is_file
    }

    fn output_error(&self, e: impl Into<anyhow::Error>) -> WriteError {
        WriteError::Output(e.into().context(format!("cannot write {}", self.shown)))
    }

    fn write(&mut self, article: &Article) -> Result<(), WriteError> {
        let first = self.written == 0;
        let result = match &mut self.mode {
            Mode::JsonArray(out, options) => {
                let record = to_string(article, Format::Json, options)
                    .map_err(|e| WriteError::Article(e.into()))?;
                let mut buf = String::with_capacity(record.len() + record.len() / 8 + 4);
                buf.push_str(if first { "[\n" } else { ",\n" });
                for (i, line) in record.trim_end_matches('\n').split('\n').enumerate() {
                    if i > 0 {
                        buf.push('\n');
                    }
                    buf.push_str("  ");
                    buf.push_str(line);
                }
                out.write_all(buf.as_bytes())
            }
            Mode::Text(out) => {
                let mut body = to_string(article, Format::Text, &Options::default())
                    .map_err(|e| WriteError::Article(e.into()))?;
                if body.contains('\x0c') {
                    body = body.replace('\x0c', " ");
                }
                let sep = if first { &b""[..] } else { TEXT_SEPARATOR };
                out.write_all(sep)
                    .and_then(|()| out.write_all(body.as_bytes()))
            }
            Mode::Export(w) => match w.write(article) {
                Ok(()) => Ok(()),
                Err(e) if matches!(e.kind(), ErrorKind::Io(_)) => return Err(self.output_error(e)),
                Err(e) => return Err(WriteError::Article(e.into())),
            },
        };
        match result {
            Ok(()) => {
                self.written += 1;
                Ok(())
            }
            Err(e) => Err(self.output_error(e)),
        }
    }

    fn flush(&mut self) -> anyhow::Result<()> {
        let result = match &mut self.mode {
            Mode::JsonArray(out, _) | Mode::Text(out) => out.flush().map_err(anyhow::Error::new),
            Mode::Export(w) => w.flush().map_err(anyhow::Error::new),
        };
        result.with_context(|| format!("cannot write {}", self.shown))
    }

    fn finish(self) -> anyhow::Result<()> {
        let shown = self.shown;
        let out = match self.mode {
            Mode::JsonArray(mut out, _) => {
                let end: &[u8] = if self.written == 0 { b"[]\n" } else { b"\n]\n" };
                out.write_all(end)
                    .with_context(|| format!("cannot write {shown}"))?;
                out
            }
            Mode::Text(out) => out,
            Mode::Export(w) => w
                .finish()
                .with_context(|| format!("cannot write {shown}"))?,
        };
        out.commit()
    }
}

/// One Parquet file of articles (the `warc_*` columns included, null for page files), one
/// row per input or WARC record; inputs that gave no article are rows with their `error`.
/// Written through a temporary file, renamed when complete.
#[cfg(feature = "parquet")]
pub(crate) struct ParquetSink {
    writer: article_export::ParquetWriter<crate::output::OutputFile>,
    out: String,
}

#[cfg(feature = "parquet")]
impl ParquetSink {
    /// Starts writing `path`, offsets in `unit`.
    pub(crate) fn create(
        path: &std::path::Path,
        unit: article_model::OffsetUnit,
    ) -> anyhow::Result<ParquetSink> {
        let file = crate::output::OutputFile::create(path)?;
        let out = file.shown().to_owned();
        let options = article_export::ParquetOptions::default()
            .warc(true)
            .offsets(unit);
        let writer = article_export::ParquetWriter::new(file, options)
            .with_context(|| format!("cannot write {out}"))?;
        Ok(ParquetSink { writer, out })
    }

    fn error(&self, e: article_export::Error) -> WriteError {
        match e.kind() {
            ErrorKind::Article(_) | ErrorKind::Offset(_) => WriteError::Article(e.into()),
            _ => WriteError::Output(
                anyhow::Error::new(e).context(format!("cannot write {}", self.out)),
            ),
        }
    }

    fn write(&mut self, article: &Article) -> Result<(), WriteError> {
        self.writer.write(article).map_err(|e| self.error(e))
    }

    fn write_error(
        &mut self,
        input: &Input,
        warc: Option<&Warc>,
        message: &str,
    ) -> Result<(), WriteError> {
        let source = warc
            .and_then(|w| w.target_uri.clone())
            .unwrap_or_else(|| input.name());
        self.writer
            .write_error(Some(&source), warc, message)
            .map_err(|e| self.error(e))
    }

    fn finish(self) -> anyhow::Result<()> {
        let out = self.out;
        self.writer
            .finish()
            .with_context(|| format!("cannot write {out}"))?
            .commit()
    }
}
