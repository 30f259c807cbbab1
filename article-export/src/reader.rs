//! [`Reader`]: streams `article/1` records back into [`Article`]s.

use std::io::Read;

use article_model::{Article, Record};
use serde_json::de::IoRead;

use crate::error::{Error, ErrorKind, Result};

/// Reads `article/1` records back into [`Article`]s, one at a time: the output of
/// [`Format::Jsonl`](crate::Format::Jsonl) (one record per line) or of
/// [`Format::Json`](crate::Format::Json) (pretty records one after another).
///
/// Memory is bounded by the largest record, however long the stream. Each record goes
/// through [`Article::from_record`], so every invariant is checked. A record that is valid
/// JSON but not a valid article yields an error and reading goes on with the next one; a
/// JSON syntax error ends the stream (there is no telling where the next record starts).
/// Give it a buffered reader (`BufReader`), as it reads byte by byte.
///
/// ```
/// use article_export::{Format, Options, Reader, Writer};
/// use article_model::{Article, BlockKind};
///
/// let mut article = Article::new();
/// article.push_paragraph(BlockKind::Paragraph, "Dockers voted to return to work.", None);
/// let mut writer = Writer::new(Vec::new(), Format::Jsonl, Options::default());
/// writer.write(&article)?;
/// writer.write(&article)?;
/// let jsonl = writer.finish()?;
///
/// let back = Reader::new(jsonl.as_slice()).collect::<Result<Vec<Article>, _>>()?;
/// assert_eq!(back, [article.clone(), article]);
/// # Ok::<(), article_export::Error>(())
/// ```
pub struct Reader<R: Read> {
    records: serde_json::StreamDeserializer<'static, IoRead<R>, Record>,
    number: usize,
    done: bool,
}

impl<R: Read> Reader<R> {
    /// A reader of the records in `input`.
    pub fn new(input: R) -> Reader<R> {
        Reader {
            records: serde_json::Deserializer::from_reader(input).into_iter(),
            number: 0,
            done: false,
        }
    }

    /// Number of records read so far (valid or not).
    #[must_use]
    pub fn records_read(&self) -> usize {
        self.number
    }
}

impl<R: Read> std::fmt::Debug for Reader<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader")
            .field("number", &self.number)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<R: Read> Iterator for Reader<R> {
    type Item = Result<Article>;

    fn next(&mut self) -> Option<Result<Article>> {
        if self.done {
            return None;
        }
        let next = self.records.next()?;
        self.number += 1;
        let number = self.number;
        let record_error = |reason: String| Error::new(ErrorKind::Record { number, reason });
        Some(match next {
            Ok(record) => Article::from_record(record).map_err(|e| record_error(e.to_string())),
            Err(e) => {
                if e.is_io() {
                    self.done = true;
                    Err(Error::from(std::io::Error::new(
                        e.io_error_kind().unwrap_or(std::io::ErrorKind::Other),
                        e,
                    )))
                } else {
                    // A data error inside a syntactically valid record could be skipped,
                    // but serde_json's stream does not resume reliably after one: stop.
                    self.done = true;
                    Err(record_error(e.to_string()))
                }
            }
        })
    }
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
    fn reads_lines_and_pretty_records() {
        let a = article("One 😀.");
        let b = article("Two.");
        let jsonl = format!("{}\n\n{}\n", a.to_json().unwrap(), b.to_json().unwrap());
        let back: Vec<_> = Reader::new(jsonl.as_bytes()).map(|r| r.unwrap()).collect();
        assert_eq!(back, [a.clone(), b.clone()]);
        let pretty = format!(
            "{}\n{}\n",
            serde_json::to_string_pretty(&a).unwrap(),
            serde_json::to_string_pretty(&b).unwrap()
        );
        let back: Vec<_> = Reader::new(pretty.as_bytes()).map(|r| r.unwrap()).collect();
        assert_eq!(back, [a, b]);
    }

    #[test]
    fn invalid_records_are_reported_with_their_number() {
        let good = article("Fine.").to_json().unwrap();
        let bad_span = good.replace(r#""end":5"#, r#""end":50"#);
        assert_ne!(bad_span, good);
        let input = format!("{good}\n{bad_span}\n{good}\n");
        let results: Vec<_> = Reader::new(input.as_bytes()).collect();
        assert_eq!(results.len(), 3);
        assert!(results[0].is_ok());
        let err = results[1].as_ref().unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::Record { number: 2, .. }),
            "{err}"
        );
        assert!(results[2].is_ok());

        let broken = format!("{good}\n{{\"schema\": \n");
        let results: Vec<_> = Reader::new(broken.as_bytes()).collect();
        assert_eq!(results.len(), 2);
        assert!(results[1].is_err());
    }
}
