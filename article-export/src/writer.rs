//! [`Writer`]: streams articles to an `io::Write` in one format.

use std::io::Write;

use article_model::{Article, OffsetUnit};

use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::markdown;

/// Export options; every setter states its default.
#[derive(Clone, Debug, Default)]
pub struct Options {
    offsets: OffsetUnit,
}

impl Options {
    /// The unit of exported offsets (default [`OffsetUnit::Char`]).
    #[must_use]
    pub fn offsets(mut self, unit: OffsetUnit) -> Options {
        self.offsets = unit;
        self
    }

    /// The unit of exported offsets.
    #[must_use]
    pub fn offset_unit(&self) -> OffsetUnit {
        self.offsets
    }
}

/// Writes a stream of articles in one format; each is written as soon as it is given, so
/// memory stays flat however many articles pass through.
#[derive(Debug)]
pub struct Writer<W: Write> {
    out: W,
    format: Format,
    options: Options,
    written: usize,
}

impl<W: Write> Writer<W> {
    /// A writer of `format` into `out`.
    pub fn new(out: W, format: Format, options: Options) -> Writer<W> {
        Writer {
            out,
            format,
            options,
            written: 0,
        }
    }

    /// Number of articles written so far.
    #[must_use]
    pub fn written(&self) -> usize {
        self.written
    }

    /// Writes one article.
    ///
    /// # Errors
    /// On I/O failure, an unsupported format, or an article that breaks an invariant.
    pub fn write(&mut self, article: &Article) -> Result<()> {
        match self.format {
            Format::Json => {
                let record = article.to_record(self.options.offsets)?;
                serde_json::to_writer_pretty(&mut self.out, &record).map_err(json_error)?;
                self.out.write_all(b"\n")?;
            }
            Format::Jsonl => {
                let record = article.to_record(self.options.offsets)?;
                serde_json::to_writer(&mut self.out, &record).map_err(json_error)?;
                self.out.write_all(b"\n")?;
            }
            Format::Text => {
                if self.written > 0 {
                    self.out.write_all(b"\n")?;
                }
                self.out.write_all(article.body().as_bytes())?;
                self.out.write_all(b"\n")?;
            }
            Format::Markdown => {
                if self.written > 0 {
                    self.out.write_all(b"\n---\n\n")?;
                }
                self.out.write_all(markdown::render(article).as_bytes())?;
            }
            other => return Err(Error::new(ErrorKind::Unsupported(other.name()))),
        }
        self.written += 1;
        Ok(())
    }

    /// Flushes and returns the inner writer.
    ///
    /// # Errors
    /// On I/O failure.
    pub fn finish(mut self) -> Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

fn json_error(e: serde_json::Error) -> Error {
    match e.io_error_kind() {
        Some(kind) => Error::from(std::io::Error::new(kind, e)),
        None => Error::new(ErrorKind::Io(std::io::Error::other(e))),
    }
}

/// One article in `format` as a string.
///
/// # Errors
/// As [`Writer::write`].
pub fn to_string(article: &Article, format: Format, options: &Options) -> Result<String> {
    let mut w = Writer::new(Vec::new(), format, options.clone());
    w.write(article)?;
    let bytes = w.finish()?;
    String::from_utf8(bytes).map_err(|e| Error::new(ErrorKind::Io(std::io::Error::other(e))))
}
