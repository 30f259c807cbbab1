//! `article extract`: inputs -> parse -> annotate -> write, in parallel, in input order.
//!
//! Workers (a rayon pool of `-j` threads) take inputs in order; the writer writes each article as soon as every one
//! before it is written, and flushes whenever it has to wait, so records appear as they
//! are ready. Workers stay at most a window of inputs ahead of the writer, which bounds
//! memory however many inputs there are.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::sync::{Condvar, Mutex, mpsc};

use anyhow::Context;
use article_entities::Annotator;
use article_export::{CsvRows, DirWriter, Format, Options, Writer};
use article_model::{Article, OffsetUnit};
use article_parse::{Extractor, InputFormat};
use indicatif::{ProgressBar, ProgressStyle};

use crate::args::{ExtractArgs, From, Offsets};
use crate::inputs::{self, Input};
use crate::status::{Fatal, Status, is_broken_pipe};

/// How far (in inputs, per worker) workers may run ahead of the writer: bounds memory
/// (at most this many articles are held before being written) while keeping every
/// worker busy when one input is slow.
const WINDOW_PER_JOB: usize = 8;

/// Everything a worker needs, shared by reference.
struct Pipeline {
    extractor: Extractor,
    annotator: Option<Annotator>,
}

impl Pipeline {
    fn process(&self, input: &Input) -> anyhow::Result<Article> {
        let bytes = inputs::read(input, self.extractor.limits().max_input_bytes())?;
        let mut article = self.extractor.extract(&bytes)?;
        article.source = Some(input.name());
        if let Some(annotator) = &self.annotator {
            annotator.annotate(&mut article)?;
        }
        Ok(article)
    }
}

pub(crate) fn run(args: &ExtractArgs) -> Result<Status, Fatal> {
    let (inputs, expand_errors) = inputs::expand(&args.inputs);
    if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
        return Err(Fatal::Usage("stdin (-) can be read only once".into()));
    }
    if inputs == [Input::Stdin] && args.inputs.is_empty() && io::stdin().is_terminal() {
        return Err(Fatal::Usage(
            "no input given (name files or directories, or pipe a page to stdin); see --help"
                .into(),
        ));
    }
    let several = inputs.len() + expand_errors.len() > 1;
    let format = args
        .to
        .map_or(if several { Format::Jsonl } else { Format::Json }, |t| {
            t.format()
        });
    if format.is_per_document() && args.output.is_none() {
        return Err(Fatal::Usage(format!(
            "--to {format} writes files per document: give a directory with -o DIR"
        )));
    }
    if args.csv_entities && format != Format::Csv {
        return Err(Fatal::Usage(
            "--csv-entities goes with --to csv (one row per entity)".into(),
        ));
    }
    let options = Options::default()
        .offsets(match args.offsets {
            Offsets::Char => OffsetUnit::Char,
            Offsets::Utf16 => OffsetUnit::Utf16,
        })
        .csv_rows(if args.csv_entities {
            CsvRows::Entity
        } else {
            CsvRows::Article
        });
    let pool = {
        let mut b = rayon::ThreadPoolBuilder::new().thread_name(|i| format!("article-worker-{i}"));
        if let Some(jobs) = args.jobs {
            b = b.num_threads(usize::from(jobs));
        }
        b.build()
            .map_err(|e| Fatal::Output(anyhow::Error::new(e).context("cannot start workers")))?
    };
    let jobs = pool.current_num_threads().max(1);
    let pipeline = Pipeline {
        extractor: Extractor::builder()
            .format(match args.from {
                From::Auto => InputFormat::Auto,
                From::Html => InputFormat::Html,
                From::Text => InputFormat::Text,
            })
            .build(),
        annotator: (!args.no_entities)
            .then(|| Annotator::builder().anchor_date(args.anchor_date).build()),
    };

    let mut sink = if format.is_per_document() {
        let dir = args.output.as_deref().unwrap_or(std::path::Path::new("."));
        let writer = DirWriter::new(dir, format, options)
            .with_context(|| format!("cannot write into the directory {}", dir.display()))
            .map_err(|e| Fatal::Usage(format!("{e:#}")))?;
        Sink::Dir(writer)
    } else {
        let out: Box<dyn Write> = match &args.output {
            Some(path) => {
                let file = fs::File::create(path)
                    .with_context(|| format!("cannot create {}", path.display()))
                    .map_err(|e| Fatal::Usage(format!("{e:#}")))?;
                Box::new(BufWriter::new(file))
            }
            None => Box::new(BufWriter::new(io::stdout().lock())),
        };
        Sink::Stream(Writer::new(out, format, options))
    };

    let progress = (io::stderr().is_terminal() && inputs.len() > 1).then(|| {
        let bar = ProgressBar::new(inputs.len() as u64);
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} pages, {per_sec}, eta {eta}")
        {
            bar.set_style(style);
        }
        bar
    });
    let report = |name: &str, e: &anyhow::Error| {
        let line = format!("article: {name}: {e:#}");
        match &progress {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    };

    let mut failed = expand_errors.len();
    for (name, e) in &expand_errors {
        report(name, e);
    }
    let window = jobs.max(1) * WINDOW_PER_JOB;
    let state = Mutex::new(Dispatch {
        next: 0,
        written: 0,
        stop: false,
    });
    let moved = Condvar::new();
    let (tx, rx) = mpsc::channel::<(usize, anyhow::Result<Article>)>();
    // Workers run on the rayon pool; the writer runs here, on the calling thread
    // (`in_place_scope`), so it never takes a worker's place.
    let outcome = pool.in_place_scope(|scope| {
        for _ in 0..jobs.clamp(1, inputs.len().max(1)) {
            let tx = tx.clone();
            let (state, moved, inputs, pipeline) = (&state, &moved, &inputs, &pipeline);
            scope.spawn(move |_| {
                while let Some(i) = take_next(state, moved, inputs.len(), window) {
                    if tx.send((i, pipeline.process(&inputs[i]))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending: BTreeMap<usize, anyhow::Result<Article>> = BTreeMap::new();
        let mut expected = 0;
        let outcome = loop {
            if let Some(result) = pending.remove(&expected) {
                let input = &inputs[expected];
                expected += 1;
                if let Ok(mut s) = state.lock() {
                    s.written = expected;
                }
                moved.notify_all();
                let result = result.and_then(|article| match sink.write(&article) {
                    Ok(()) => Ok(()),
                    Err(e) if e.is_broken_pipe() => Err(anyhow::Error::new(e)),
                    Err(e) => {
                        failed += 1;
                        report(&input.name(), &anyhow::Error::new(e));
                        Ok(())
                    }
                });
                match result {
                    Err(e) if is_broken_pipe(&e) => break Err(Fatal::Output(e)),
                    Err(e) => {
                        failed += 1;
                        report(&input.name(), &e);
                    }
                    Ok(()) => {}
                }
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
                continue;
            }
            if expected == inputs.len() {
                break Ok(());
            }
            let next = match rx.try_recv() {
                Ok(next) => next,
                Err(_) => {
                    // Nothing ready: let what is written reach the reader while we wait.
                    if let Err(e) = sink.flush() {
                        break Err(Fatal::Output(
                            anyhow::Error::new(e).context("cannot write output"),
                        ));
                    }
                    match rx.recv() {
                        Ok(next) => next,
                        Err(_) => break Ok(()), // workers gone (cannot happen before the end)
                    }
                }
            };
            pending.insert(next.0, next.1);
        };
        if let Ok(mut s) = state.lock() {
            s.stop = true;
        }
        moved.notify_all();
        drop(rx);
        outcome
    });
    outcome?;
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    sink.finish()
        .context("cannot write output")
        .map_err(Fatal::Output)?;
    Ok(if failed == 0 {
        Status::Ok
    } else {
        Status::SomeFailed
    })
}

/// Where articles go: one stream, or files per article in a directory.
enum Sink {
    Stream(Writer<Box<dyn Write>>),
    Dir(DirWriter),
}

impl Sink {
    fn write(&mut self, article: &Article) -> article_export::Result<()> {
        match self {
            Sink::Stream(w) => w.write(article),
            Sink::Dir(w) => w.write(article).map(drop),
        }
    }

    fn flush(&mut self) -> article_export::Result<()> {
        match self {
            Sink::Stream(w) => w.flush(),
            Sink::Dir(_) => Ok(()),
        }
    }

    fn finish(self) -> article_export::Result<()> {
        match self {
            Sink::Stream(w) => w.finish().map(drop),
            Sink::Dir(w) => w.finish(),
        }
    }
}

/// The order in which workers take inputs, and how far the writer has got.
struct Dispatch {
    /// The next input to hand out.
    next: usize,
    /// Inputs written (or reported) so far.
    written: usize,
    /// Set when the writer stops early.
    stop: bool,
}

/// Hands out the next input, waiting while workers are a whole `window` ahead of the
/// writer; `None` when every input is handed out or the writer stopped.
fn take_next(state: &Mutex<Dispatch>, moved: &Condvar, len: usize, window: usize) -> Option<usize> {
    let mut s = state.lock().ok()?;
    while !s.stop && s.next < len && s.next >= s.written + window {
        s = moved.wait(s).ok()?;
    }
    if s.stop || s.next >= len {
        return None;
    }
    s.next += 1;
    Some(s.next - 1)
}
