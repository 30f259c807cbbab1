//! The jobs of a run, in input order: one per page file (or stdin), one per HTML response
//! of a WARC input, one per WARC record that could not be read. WARC files are read as a
//! stream, a record at a time, as workers ask for jobs; records that are not pages are
//! skipped here and counted ([`Tally`]).

use std::io::Read;
use std::sync::Arc;

use article_model::Warc;
use article_warc::{Reader, ReaderBuilder, Record};

use crate::args::From;
use crate::inputs::Input;
use crate::kind::{self, Kind};
use crate::warc::{self, Tally, Verdict};

/// One unit of work, numbered in output order.
pub(crate) struct Job {
    /// Its place in the output (0, 1, 2, ...).
    pub seq: usize,
    /// How messages name it: the input's name, or `FILE: record ID at offset N`.
    pub name: String,
    /// The input it comes from (a page file, or the WARC file of a record).
    pub input: Arc<Input>,
    /// The WARC provenance of a record's job.
    pub warc: Option<Warc>,
    /// What there is to do.
    pub work: Work,
}

/// What a [`Job`] is.
pub(crate) enum Work {
    /// Read the input and extract its page.
    Page,
    /// Extract the page of an HTTP 200 HTML response.
    Record(Box<Record>),
    /// Nothing: the record (or the WARC file) could not be read, for this reason.
    Broken(anyhow::Error),
}

type WarcReader = Reader<Box<dyn Read + Send>>;

/// Hands out the jobs of a run in order (see the module docs).
pub(crate) struct Feed {
    inputs: std::vec::IntoIter<Input>,
    from: From,
    reader: ReaderBuilder,
    /// The WARC file being read, if any.
    current: Option<(Arc<Input>, WarcReader)>,
    next_seq: usize,
    done: bool,
    /// What the WARC records were.
    pub tally: Tally,
}

impl Feed {
    /// Jobs of `inputs`; records are kept in memory up to `max_record_bytes` (larger ones
    /// are broken records).
    pub fn new(inputs: Vec<Input>, from: From, max_record_bytes: usize) -> Feed {
        Feed {
            inputs: inputs.into_iter(),
            from,
            reader: ReaderBuilder::new().max_record_bytes(max_record_bytes),
            current: None,
            next_seq: 0,
            done: false,
            tally: Tally::default(),
        }
    }

    /// Whether an input is read as WARC (by `--from`, or its extension).
    pub fn is_warc(from: From, input: &Input) -> bool {
        kind::by_name(from, input.file_name()) == Some(Kind::Warc)
    }

    /// The number of the next job.
    pub fn next_seq(&self) -> usize {
        self.next_seq
    }

    /// Whether every job has been handed out.
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// The next job, `None` once every input is done.
    pub fn next_job(&mut self) -> Option<Job> {
        if self.done {
            return None;
        }
        let (name, input, warc, work) = loop {
            if let Some(found) = self.next_record() {
                break found;
            }
            let Some(input) = self.inputs.next() else {
                self.done = true;
                return None;
            };
            let input = Arc::new(input);
            if !Feed::is_warc(self.from, &input) {
                break (input.name(), input, None, Work::Page);
            }
            self.tally.files += 1;
            match open(&input) {
                Ok(read) => self.current = Some((input, self.reader.build(read))),
                Err(e) => break (input.name(), input, None, Work::Broken(e)),
            }
        };
        let seq = self.next_seq;
        self.next_seq += 1;
        Some(Job {
            seq,
            name,
            input,
            warc,
            work,
        })
    }

    /// The next page (or broken record) of the current WARC file; `None` at its end.
    #[allow(clippy::type_complexity)]
    fn next_record(&mut self) -> Option<(String, Arc<Input>, Option<Warc>, Work)> {
        let (input, reader) = self.current.as_mut()?;
        let file = input.name();
        for item in reader.by_ref() {
            let record = match item {
                Ok(record) => record,
                Err(e) => {
                    // the error names the record's offset and ID
                    self.tally.count_broken();
                    let e = if e.is_fatal() {
                        anyhow::anyhow!("{e}; nothing after it can be read")
                    } else {
                        anyhow::Error::new(e)
                    };
                    return Some((file, Arc::clone(input), None, Work::Broken(e)));
                }
            };
            let verdict = record.verdict();
            self.tally.count(&verdict);
            match verdict {
                Verdict::Skip(_) => continue,
                Verdict::Broken(e) => {
                    let warc = record.provenance(&file);
                    let e = anyhow::Error::new(e);
                    return Some((file, Arc::clone(input), Some(warc), Work::Broken(e)));
                }
                Verdict::Page => {
                    let name = warc::record_name(&file, record.record_id(), record.offset());
                    let warc = record.provenance(&file);
                    let work = Work::Record(Box::new(record));
                    return Some((name, Arc::clone(input), Some(warc), work));
                }
            }
        }
        self.current = None;
        None
    }
}

/// Opens a WARC input for streaming (the reader recognises gzip itself).
fn open(input: &Input) -> anyhow::Result<Box<dyn Read + Send>> {
    use anyhow::Context;
    Ok(match input {
        Input::File(path) => Box::new(std::fs::File::open(path).context("cannot open")?),
        Input::Stdin => Box::new(std::io::stdin()),
    })
}
