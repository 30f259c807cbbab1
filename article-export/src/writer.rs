//! [`Writer`]: streams articles to an `io::Write` in one format.

use std::io::Write;

use article_model::{Article, OffsetUnit};

use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::rows::{self, CsvRows};
use crate::{conll, markdown, tei};

/// Export options; every setter states its default.
#[derive(Clone, Debug, Default)]
pub struct Options {
    offsets: OffsetUnit,
    csv_rows: CsvRows,
}

impl Options {
    /// The unit of exported offsets (default [`OffsetUnit::Char`]): JSON records, CSV
    /// entity rows and brat annotations count in it.
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

    /// What a CSV row stands for (default [`CsvRows::Article`]).
    #[must_use]
    pub fn csv_rows(mut self, rows: CsvRows) -> Options {
        self.csv_rows = rows;
        self
    }

    /// What a CSV row stands for.
    #[must_use]
    pub fn csv_row_kind(&self) -> CsvRows {
        self.csv_rows
    }
}

/// Writes a stream of articles in one format into one output; each is written as soon
/// as it is given (TEI holds back the first until it knows whether a `teiCorpus` is
/// needed), so memory stays flat however many articles pass through.
///
/// | format | output |
/// | --- | --- |
/// | `json` | each `article/1` record pretty-printed, one after another |
/// | `jsonl` | one `article/1` record per line |
/// | `text` | each body, articles separated by a blank line |
/// | `markdown` | each article as Markdown, separated by a `---` line |
/// | `csv` | a header, then a row per article or per entity ([`CsvRows`]) |
/// | `conll` | `-DOCSTART- O`, then one `token TAG` line per token, a blank line after each sentence |
/// | `tei` | one `<TEI>` document, or a `<teiCorpus>` of them for two or more articles |
///
/// brat writes files per article: use [`DirWriter`](crate::DirWriter) or
/// [`to_brat`](crate::to_brat); here it is [`ErrorKind::Unsupported`].
#[derive(Debug)]
pub struct Writer<W: Write> {
    out: W,
    format: Format,
    options: Options,
    written: usize,
    /// The first TEI article, held until a second one (or the end) comes.
    tei_first: Option<String>,
}

impl<W: Write> Writer<W> {
    /// A writer of `format` into `out`.
    pub fn new(out: W, format: Format, options: Options) -> Writer<W> {
        Writer {
            out,
            format,
            options,
            written: 0,
            tei_first: None,
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
        let unit = self.options.offsets;
        match self.format {
            Format::Json => {
                let record = article.to_record(unit)?;
                serde_json::to_writer_pretty(&mut self.out, &record).map_err(json_error)?;
                self.out.write_all(b"\n")?;
            }
            Format::Jsonl => {
                let record = article.to_record(unit)?;
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
            Format::Csv => {
                if self.written == 0 {
                    rows::write_header(&mut self.out, self.options.csv_rows)?;
                }
                rows::write_rows(
                    &mut self.out,
                    self.options.csv_rows,
                    self.written,
                    article,
                    unit,
                )?;
            }
            Format::Conll => conll::write(&mut self.out, article)?,
            Format::Tei => {
                let mut doc = String::new();
                tei::render(article, &mut doc);
                match self.tei_first.take() {
                    None if self.written == 0 => self.tei_first = Some(doc),
                    first => {
                        if let Some(first) = first {
                            self.out.write_all(tei::PROLOG.as_bytes())?;
                            self.out.write_all(tei::corpus_open().as_bytes())?;
                            self.out.write_all(first.as_bytes())?;
                        }
                        self.out.write_all(doc.as_bytes())?;
                    }
                }
            }
            other => return Err(Error::new(ErrorKind::Unsupported(other.name()))),
        }
        self.written += 1;
        Ok(())
    }

    /// Flushes the output (what was written so far reaches the inner writer's target).
    ///
    /// # Errors
    /// On I/O failure.
    pub fn flush(&mut self) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }

    /// Ends the stream (a CSV header when no article came, the TEI document or corpus),
    /// flushes and returns the inner writer.
    ///
    /// # Errors
    /// On I/O failure.
    pub fn finish(mut self) -> Result<W> {
        match self.format {
            Format::Csv if self.written == 0 => {
                rows::write_header(&mut self.out, self.options.csv_rows)?;
            }
            Format::Tei => {
                if let Some(first) = self.tei_first.take() {
                    self.out.write_all(tei::PROLOG.as_bytes())?;
                    self.out.write_all(first.as_bytes())?;
                } else if self.written > 1 {
                    self.out.write_all(tei::CORPUS_CLOSE.as_bytes())?;
                }
            }
            _ => {}
        }
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

/// One article in `format` as a string (for brat, see [`to_brat`](crate::to_brat)).
///
/// # Errors
/// As [`Writer::write`].
pub fn to_string(article: &Article, format: Format, options: &Options) -> Result<String> {
    let mut w = Writer::new(Vec::new(), format, options.clone());
    w.write(article)?;
    let bytes = w.finish()?;
    String::from_utf8(bytes).map_err(|e| Error::new(ErrorKind::Io(std::io::Error::other(e))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_model::BlockKind;

    fn article(text: &str) -> Article {
        let mut a = Article::new();
        a.push_paragraph(BlockKind::Paragraph, text, None);
        a
    }

    #[test]
    fn tei_one_document_or_a_corpus() {
        let one = to_string(&article("One."), Format::Tei, &Options::default()).unwrap();
        assert!(one.starts_with("<?xml"), "{one}");
        let doc = roxmltree::Document::parse(&one).unwrap();
        assert_eq!(doc.root_element().tag_name().name(), "TEI");

        let mut w = Writer::new(Vec::new(), Format::Tei, Options::default());
        for t in ["One.", "Two.", "Three."] {
            w.write(&article(t)).unwrap();
        }
        let many = String::from_utf8(w.finish().unwrap()).unwrap();
        let doc = roxmltree::Document::parse(&many).unwrap();
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "teiCorpus");
        let tei = root
            .children()
            .filter(|n| n.tag_name().name() == "TEI")
            .count();
        assert_eq!(tei, 3);

        let none = Writer::new(Vec::new(), Format::Tei, Options::default())
            .finish()
            .unwrap();
        assert!(none.is_empty());
    }

    #[test]
    fn csv_header_even_without_articles() {
        let out = Writer::new(Vec::new(), Format::Csv, Options::default())
            .finish()
            .unwrap();
        assert_eq!(
            out,
            b"article,source,title,authors,published,language,body\r\n"
        );
    }

    #[test]
    fn brat_is_not_a_stream_format() {
        let err = to_string(&article("x"), Format::Brat, &Options::default()).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Unsupported("brat")));
    }

    #[test]
    fn markdown_articles_are_separated_by_a_rule() {
        let mut w = Writer::new(Vec::new(), Format::Markdown, Options::default());
        w.write(&article("One.")).unwrap();
        w.write(&article("Two.")).unwrap();
        let out = String::from_utf8(w.finish().unwrap()).unwrap();
        assert_eq!(out, "One.\n\n---\n\nTwo.\n");
    }
}
