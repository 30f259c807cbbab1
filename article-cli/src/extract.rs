//! `article extract`: inputs -> parse -> annotate -> write, in parallel, in input order.
//!
//! Workers (`-j` threads) take jobs in order from the [`Feed`] (a page file each, or a
//! record of a WARC file, read as a stream); the writer writes each article as soon as
//! every one before it is written, and flushes whenever it has to wait, so records appear
//! as they are ready. Workers stay at most a window of jobs ahead of the writer, which
//! bounds memory however many inputs (or WARC records) there are.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, IsTerminal};
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};

use article_entities::Annotator;
use article_export::{CsvRows, Format, Options};
use article_model::{Article, OffsetUnit, Warc};
use article_parse::{Extractor, InputFormat, Limits};
use indicatif::{ProgressBar, ProgressStyle};
use signal_hook::consts::{SIGINT, SIGTERM};

use crate::args::{ExtractArgs, From, Offsets, To};
use crate::feed::{Feed, Job, Work};
use crate::inputs::{self, Filter, Input};
use crate::kind::{self, Kind};
use crate::outdir::OutDir;
use crate::output::{Identity, Output};
use crate::sink::{Sink, Stream, WriteError};
use crate::status::{Fatal, Status};

/// How far (in jobs, per worker) workers may run ahead of the writer: bounds memory
/// (at most this many articles are held before being written) while keeping every
/// worker busy when one input is slow.
const WINDOW_PER_JOB: usize = 8;

/// Everything a worker needs, shared by reference.
struct Pipeline {
    from: From,
    html: Extractor,
    text: Extractor,
    annotator: Option<Annotator>,
}

impl Pipeline {
    /// The article of one job: a page read from `input`, or the HTTP payload of a WARC
    /// record (decoded with its `Content-Type` charset first), with `warc` provenance.
    fn process(&self, input: &Input, warc: Option<&Warc>, work: Work) -> anyhow::Result<Article> {
        let mut article = match work {
            Work::Broken(e) => return Err(e),
            Work::Page => {
                let by_name = kind::by_name(self.from, input.file_name());
                let bytes = inputs::read(input, self.html.limits().max_input_bytes())?;
                let extractor = match by_name.unwrap_or_else(|| kind::sniff(&bytes)) {
                    Kind::Html => &self.html,
                    Kind::Text => &self.text,
                    Kind::Warc => anyhow::bail!(
                        "the content is a WARC file: name it *.warc or *.warc.gz, or give --from warc"
                    ),
                };
                let mut article = extractor.extract(&bytes)?;
                article.source = Some(input.name());
                article
            }
            Work::Record(record) => {
                let http = record.http_response()?;
                let payload = http.payload()?;
                // Relative dates on the page ("2 hours ago") count back from the WARC-Date.
                let mut article = match warc.and_then(|w| w.date.as_deref()) {
                    Some(date) => self.html.extract_fetched(&payload, http.charset(), date)?,
                    None => self.html.extract_with_charset(&payload, http.charset())?,
                };
                article.source = warc
                    .and_then(|w| w.target_uri.clone())
                    .or_else(|| Some(input.name()));
                article.warc = warc.cloned();
                article
            }
        };
        if let Some(annotator) = &self.annotator {
            annotator.annotate(&mut article)?;
        }
        Ok(article)
    }
}

/// Why `--to parquet` cannot go to stdout.
const PARQUET_STDOUT: &str = "--to parquet writes a file: give -o FILE (Parquet is not written to \
     stdout: its footer, which readers need first, comes last)";

/// Refuses `--to parquet` where it cannot work: to stdout, with --output-dir, or in a
/// binary built without the `parquet` feature.
fn check_parquet(args: &ExtractArgs) -> Result<(), Fatal> {
    if !cfg!(feature = "parquet") {
        return Err(Fatal::Usage(
            "--to parquet is not supported by this build (built without the `parquet` feature)"
                .into(),
        ));
    }
    if args.output_dir.is_some() {
        return Err(Fatal::Usage(
            "--to parquet writes one file for all inputs: give -o FILE, not --output-dir".into(),
        ));
    }
    if args.output.as_deref().is_none_or(|p| p.as_os_str() == "-") {
        return Err(Fatal::Usage(PARQUET_STDOUT.into()));
    }
    Ok(())
}

/// The format when `--to` is not given: JSON for one named page file or stdin, JSONL for
/// a directory, several inputs or a WARC, whatever the directory holds.
fn default_format(paths: &[std::path::PathBuf], from: From) -> Format {
    if several(paths, from) {
        Format::Jsonl
    } else {
        Format::Json
    }
}

/// Whether the command line names several inputs, a directory, or a WARC (by `--from
/// warc` or its extension), which holds many pages.
fn several(paths: &[std::path::PathBuf], from: From) -> bool {
    paths.len() > 1
        || from == From::Warc
        || paths.iter().any(|p| {
            p.as_os_str() != "-"
                && (std::fs::metadata(p).is_ok_and(|m| m.is_dir())
                    || Feed::is_warc(from, &Input::File(p.clone())))
        })
}

pub(crate) fn run(args: &ExtractArgs) -> Result<Status, Fatal> {
    // --to, else what -o FILE's extension names (never guessed for --output-dir)
    let to = args.to.or_else(|| {
        args.output
            .as_deref()
            .filter(|p| p.as_os_str() != "-")
            .and_then(To::of_output)
    });
    let parquet = to == Some(To::Parquet);
    if parquet {
        check_parquet(args)?;
    }
    let format = to
        .and_then(To::format)
        .unwrap_or_else(|| default_format(&args.inputs, args.from));
    // brat keeps its -o DIR; every format can go into --output-dir DIR
    let out_dir = match (&args.output_dir, format.is_per_document()) {
        (Some(dir), _) => Some(dir.as_path()),
        (None, true) => Some(args.output.as_deref().ok_or_else(|| {
            Fatal::Usage(format!(
                "--to {format} writes files per document: give a directory with -o DIR or --output-dir DIR"
            ))
        })?),
        (None, false) => None,
    };
    if format == Format::Brat && args.offsets == Offsets::Utf16 {
        return Err(Fatal::Usage(
            "--offsets utf16 cannot go with --to brat: brat counts chars (its offsets would point wrong)"
                .into(),
        ));
    }
    if args.csv_entities && format != Format::Csv {
        return Err(Fatal::Usage(
            "--csv-entities goes with --to csv (one row per entity)".into(),
        ));
    }
    let out_file = args
        .output
        .as_deref()
        .filter(|p| out_dir.is_none() && p.as_os_str() != "-");
    let mut skip: Vec<Identity> = Vec::new();
    skip.extend(out_file.and_then(Identity::of));
    skip.extend(out_dir.and_then(Identity::of));
    let filter = Filter::new(&args.include, &args.exclude, skip.clone()).map_err(Fatal::Usage)?;
    let (inputs, expand_errors) = inputs::expand(&args.inputs, &filter);
    if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
        return Err(Fatal::Usage("stdin (-) can be read only once".into()));
    }
    if inputs == [Input::Stdin] && args.inputs.is_empty() && io::stdin().is_terminal() {
        return Err(Fatal::Usage(
            "no input given (name files or directories, or pipe a page to stdin); see --help"
                .into(),
        ));
    }
    let input_ids: Vec<Identity> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::File(p) => Identity::of(p),
            Input::Stdin => None,
        })
        .collect();
    if let (Some(out), Some(out_id)) = (out_file, out_file.and_then(Identity::of)) {
        if let Some(input) = inputs.iter().zip(&input_ids).find_map(|(i, id)| {
            matches!(i, Input::File(_))
                .then_some(i)
                .filter(|_| id.same(&out_id))
        }) {
            return Err(Fatal::Usage(format!(
                "the output {} is also an input ({}): inputs are never overwritten; choose another -o",
                out.display(),
                input.name()
            )));
        }
    }
    if inputs.is_empty() {
        for (name, e) in &expand_errors {
            eprintln!("article: {name}: {e:#}");
        }
        eprintln!("article: no inputs found: nothing written");
        return Ok(Status::SomeFailed);
    }
    if args.no_entities && format == Format::Conll {
        eprintln!("article: warning: --no-entities with --to conll: every tag is O");
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
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let jobs = match args.jobs {
        None => cores,
        Some(requested) => {
            let (jobs, capped) = cap_jobs(usize::from(requested), cores);
            if capped {
                eprintln!(
                    "article: warning: -j {requested} capped to {jobs} ({cores} cores + {EXTRA_JOBS})"
                );
            }
            jobs
        }
    }
    .max(1);
    let budget = (args.timeout_ms > 0).then(|| Duration::from_millis(args.timeout_ms));
    let max_bytes =
        usize::try_from(args.max_input_mb.saturating_mul(1 << 20)).unwrap_or(usize::MAX);
    let limits = Limits::default().with_max_input_bytes(max_bytes);
    let extractor = |format| Extractor::builder().format(format).limits(limits).build();
    let pipeline = Pipeline {
        from: args.from,
        html: extractor(InputFormat::Html),
        text: extractor(InputFormat::Text),
        annotator: (!args.no_entities).then(|| {
            Annotator::builder()
                .anchor_date(args.anchor_date)
                .any_language(args.annotate_any_language)
                .build()
        }),
    };

    let mut sink = match out_dir {
        Some(dir) => {
            Sink::Dir(OutDir::new(dir, format, options, input_ids).map_err(Fatal::Output)?)
        }
        #[cfg(feature = "parquet")]
        None if parquet => {
            let path = out_file.ok_or_else(|| Fatal::Usage(PARQUET_STDOUT.into()))?;
            let unit = match args.offsets {
                Offsets::Char => OffsetUnit::Char,
                Offsets::Utf16 => OffsetUnit::Utf16,
            };
            Sink::Parquet(Box::new(
                crate::sink::ParquetSink::create(path, unit).map_err(Fatal::Output)?,
            ))
        }
        None => {
            let out = Output::open(out_file).map_err(Fatal::Output)?;
            let several = several(&args.inputs, args.from);
            Sink::Stream(Stream::new(out, format, options, several))
        }
    };

    // Writing a file: Ctrl-C (or SIGTERM) ends the run cleanly, the temporary file removed
    // and the target left as it was; a second Ctrl-C ends it at once.
    let interrupted = (out_dir.is_some() || out_file.is_some()).then(|| {
        let flag = Arc::new(AtomicBool::new(false));
        for signal in [SIGINT, SIGTERM] {
            let _ =
                signal_hook::flag::register_conditional_shutdown(signal, 130, Arc::clone(&flag));
            let _ = signal_hook::flag::register(signal, Arc::clone(&flag));
        }
        flag
    });
    let is_interrupted = || {
        interrupted
            .as_ref()
            .is_some_and(|f| f.load(Ordering::Relaxed))
    };

    let any_warc = inputs.iter().any(|i| Feed::is_warc(args.from, i));
    let progress = (io::stderr().is_terminal() && (inputs.len() > 1 || any_warc)).then(|| {
        // With WARC inputs the number of pages is known only at the end.
        let (bar, template) = if any_warc {
            (ProgressBar::no_length(), PROGRESS_OPEN)
        } else {
            (ProgressBar::new(inputs.len() as u64), PROGRESS)
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.with_key(
                "rate",
                |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = w.write_str(&rate(state.per_sec()));
                },
            ));
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
    let mut written = 0usize;
    for (name, e) in &expand_errors {
        report(name, e);
    }
    let workers = if any_warc {
        jobs
    } else {
        jobs.min(inputs.len().max(1))
    };
    let max_record_bytes = pipeline.html.limits().max_input_bytes();
    let shared = Arc::new(Shared {
        window: jobs * WINDOW_PER_JOB,
        feed: Mutex::new(Feed::new(inputs, args.from, max_record_bytes)),
        pipeline,
        state: Mutex::new(Dispatch {
            written: 0,
            stop: false,
        }),
        moved: Condvar::new(),
        started: Mutex::new(HashMap::new()),
    });
    let (tx, rx) = mpsc::channel::<Message>();
    // Workers are threads of their own, not joined: one stuck on a page past the time
    // budget is left behind (and replaced) while the writer, here, goes on.
    let mut spawned = 0usize;
    for _ in 0..workers {
        spawn_worker(&shared, tx.clone(), spawned)
            .map_err(|e| Fatal::Output(anyhow::Error::new(e).context("cannot start workers")))?;
        spawned += 1;
    }
    let started_at = |i: usize| {
        shared
            .started
            .lock()
            .ok()
            .and_then(|s| s.get(&i).map(|t| t.at))
    };
    let advance = |expected: usize| {
        if let Ok(mut s) = shared.state.lock() {
            s.written = expected;
        }
        if let Ok(mut s) = shared.started.lock() {
            s.remove(&(expected - 1));
        }
        shared.moved.notify_all();
    };
    let mut pending: BTreeMap<usize, Box<Outcome>> = BTreeMap::new();
    // The number of jobs, once the feed has handed out the last one.
    let mut total: Option<usize> = None;
    let mut expected = 0;
    let outcome = loop {
        if is_interrupted() {
            break Err(Fatal::Interrupted(sink.describe()));
        }
        if let Some(done) = pending.remove(&expected) {
            expected += 1;
            advance(expected);
            let Outcome {
                name,
                input,
                warc,
                result,
            } = *done;
            let result = match result {
                Ok(article) => sink.write(&article, &input).map(|()| written += 1),
                Err(e) => {
                    failed += 1;
                    report(&name, &e);
                    sink.write_error(&input, warc.as_ref(), &format!("{e:#}"))
                }
            };
            match result {
                Ok(()) => {}
                Err(WriteError::Article(e)) => {
                    failed += 1;
                    report(&name, &e);
                }
                Err(WriteError::Output(e)) => break Err(Fatal::Output(e)),
            }
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            continue;
        }
        if total == Some(expected) {
            break Ok(());
        }
        let next = match rx.try_recv() {
            Ok(next) => Some(next),
            Err(_) => {
                // Nothing ready: let what is written reach the reader while we wait.
                if let Err(e) = sink.flush() {
                    break Err(Fatal::Output(e));
                }
                let mut wait = budget.map(|b| match started_at(expected) {
                    Some(t) => b.saturating_sub(t.elapsed()),
                    None => b.min(POLL),
                });
                if interrupted.is_some() {
                    wait = Some(wait.map_or(POLL, |w| w.min(POLL)));
                }
                match wait {
                    None => match rx.recv() {
                        Ok(next) => Some(next),
                        Err(_) => break Ok(()), // workers gone (cannot happen before the end)
                    },
                    Some(wait) => match rx.recv_timeout(wait) {
                        Ok(next) => Some(next),
                        Err(mpsc::RecvTimeoutError::Timeout) => None,
                        Err(mpsc::RecvTimeoutError::Disconnected) => break Ok(()),
                    },
                }
            }
        };
        match next {
            Some(Message::End(n)) => total = Some(n),
            Some(Message::Done(i, done)) if i >= expected => {
                pending.insert(i, done);
            }
            Some(Message::Done(..)) => {} // a job given up on (time budget) that finished late
            None if is_interrupted() => break Err(Fatal::Interrupted(sink.describe())),
            None => {
                let over = budget
                    .zip(started_at(expected))
                    .is_some_and(|(b, t)| t.elapsed() >= b);
                if over {
                    let late = shared
                        .started
                        .lock()
                        .ok()
                        .and_then(|mut s| s.remove(&expected));
                    failed += 1;
                    let e = anyhow::anyhow!(
                        "not done within the time budget of {} ms (--timeout-ms): \
                         given up; the other inputs go on",
                        args.timeout_ms
                    );
                    if let Some(late) = late {
                        report(&late.name, &e);
                        let row = sink.write_error(&late.input, late.warc.as_ref(), &e.to_string());
                        if let Err(WriteError::Output(e)) = row {
                            break Err(Fatal::Output(e));
                        }
                    }
                    expected += 1;
                    advance(expected);
                    if let Some(bar) = &progress {
                        bar.inc(1);
                    }
                    // its worker is still busy with it: another one takes its place
                    if let Err(e) = spawn_worker(&shared, tx.clone(), spawned) {
                        break Err(Fatal::Output(
                            anyhow::Error::new(e).context("cannot start workers"),
                        ));
                    }
                    spawned += 1;
                }
            }
        }
    };
    if let Ok(mut s) = shared.state.lock() {
        s.stop = true;
    }
    shared.moved.notify_all();
    drop(rx);
    outcome?;
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    if any_warc {
        // Every job was handed out: the feed is not being read any more.
        if let Ok(feed) = shared.feed.lock() {
            eprintln!("article: {}", feed.tally.summary());
        }
    }
    if written == 0 && failed > 0 {
        if let Some(shown) = sink.file_shown() {
            eprintln!(
                "article: {shown} not written: no input succeeded (a file already there is unchanged)"
            );
            return Ok(Status::SomeFailed);
        }
    }
    sink.finish().map_err(Fatal::Output)?;
    Ok(if failed == 0 {
        Status::Ok
    } else {
        Status::SomeFailed
    })
}

/// Workers allowed beyond the core count (inputs that wait on a slow stdin or disk).
const EXTRA_JOBS: usize = 4;

/// `-j` capped at the core count plus [`EXTRA_JOBS`]: more threads only cost (10,000 of
/// them took 193 s for a 0.6 s job). Returns the count and whether it was capped.
fn cap_jobs(requested: usize, cores: usize) -> (usize, bool) {
    let max = cores.max(1) + EXTRA_JOBS;
    if requested > max {
        (max, true)
    } else {
        (requested, false)
    }
}

/// The progress bar: pages done, an integer rate and the time left.
const PROGRESS: &str = "{bar:40} {pos}/{len} pages, {rate} pages/s, eta {eta}";

/// The progress line when the number of pages is not known (WARC inputs).
const PROGRESS_OPEN: &str = "{spinner} {pos} pages, {rate} pages/s, {elapsed}";

/// The rate shown on the progress bar: a whole number of pages per second.
fn rate(per_sec: f64) -> String {
    if per_sec.is_finite() && per_sec >= 0.0 {
        format!("{per_sec:.0}")
    } else {
        "0".to_owned()
    }
}

/// How often the writer looks again when the input it waits for has not started yet.
const POLL: Duration = Duration::from_millis(100);

/// What the workers share with the writer.
struct Shared {
    pipeline: Pipeline,
    /// The jobs, handed out in order.
    feed: Mutex<Feed>,
    state: Mutex<Dispatch>,
    moved: Condvar,
    /// How far (in jobs) workers may run ahead of the writer.
    window: usize,
    /// Jobs taken by a worker and not yet written (for the time budget).
    started: Mutex<HashMap<usize, Started>>,
}

/// A job a worker took: when, and what names it if it is given up on.
struct Started {
    at: Instant,
    name: String,
    input: Arc<Input>,
    warc: Option<Warc>,
}

/// A finished job, for the writer.
struct Outcome {
    name: String,
    input: Arc<Input>,
    warc: Option<Warc>,
    result: anyhow::Result<Article>,
}

/// What workers tell the writer.
enum Message {
    /// Job `seq` is done.
    Done(usize, Box<Outcome>),
    /// Every job is handed out: there are this many.
    End(usize),
}

/// Starts worker `n`: takes jobs in order and sends their results until every job is
/// handed out or the writer stops. A panic while processing a job is that job's error,
/// not the end of the run.
fn spawn_worker(shared: &Arc<Shared>, tx: mpsc::Sender<Message>, n: usize) -> io::Result<()> {
    let shared = Arc::clone(shared);
    std::thread::Builder::new()
        .name(format!("article-worker-{n}"))
        .spawn(move || {
            loop {
                let job = match take_next(&shared) {
                    Taken::Job(job) => job,
                    Taken::End(total) => {
                        let _ = tx.send(Message::End(total));
                        break;
                    }
                    Taken::Stop => break,
                };
                let Job {
                    seq,
                    name,
                    input,
                    warc,
                    work,
                } = job;
                if let Ok(mut s) = shared.started.lock() {
                    let started = Started {
                        at: Instant::now(),
                        name: name.clone(),
                        input: Arc::clone(&input),
                        warc: warc.clone(),
                    };
                    s.insert(seq, started);
                }
                let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
                    shared.pipeline.process(&input, warc.as_ref(), work)
                }))
                .unwrap_or_else(|_| Err(anyhow::anyhow!("internal error: the worker panicked")));
                let done = Outcome {
                    name,
                    input,
                    warc,
                    result,
                };
                if tx.send(Message::Done(seq, Box::new(done))).is_err() {
                    break;
                }
            }
        })
        .map(drop)
}

/// How far the writer has got.
struct Dispatch {
    /// Jobs written (or reported) so far.
    written: usize,
    /// Set when the writer stops early.
    stop: bool,
}

/// What a worker gets from [`take_next`].
enum Taken {
    Job(Job),
    /// No more jobs: there were this many.
    End(usize),
    /// The writer stopped.
    Stop,
}

/// Hands out the next job, waiting while workers are a whole `window` ahead of the
/// writer. The feed stays locked meanwhile (the writer never locks it while running), so
/// jobs are numbered in the order they are handed out.
fn take_next(shared: &Shared) -> Taken {
    let Ok(mut feed) = shared.feed.lock() else {
        return Taken::Stop;
    };
    {
        let Ok(mut s) = shared.state.lock() else {
            return Taken::Stop;
        };
        while !s.stop && !feed.is_done() && feed.next_seq() >= s.written + shared.window {
            s = match shared.moved.wait(s) {
                Ok(s) => s,
                Err(_) => return Taken::Stop,
            };
        }
        if s.stop {
            return Taken::Stop;
        }
    }
    match feed.next_job() {
        Some(job) => Taken::Job(job),
        None => Taken::End(feed.next_seq()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_are_capped_a_few_above_the_cores() {
        for (requested, cores, want) in [
            (1, 2, (1, false)),
            (6, 2, (6, false)),
            (7, 2, (6, true)),
            (10_000, 2, (6, true)),
            (3, 0, (3, false)),
        ] {
            assert_eq!(cap_jobs(requested, cores), want, "{requested} {cores}");
        }
    }

    #[test]
    fn progress_rate_is_a_whole_number() {
        for (per_sec, want) in [(0.0, "0"), (12.4, "12"), (12.6, "13"), (f64::NAN, "0")] {
            assert_eq!(rate(per_sec), want, "{per_sec}");
        }
        assert!(PROGRESS.contains("{rate}") && PROGRESS.contains("{eta}"));
    }

    #[test]
    fn output_extension_names_a_format() {
        use std::path::Path;
        for (name, want) in [
            ("articles.parquet", Some(To::Parquet)),
            ("out.JSONL.gz", Some(To::Jsonl)),
            ("out.ndjson", Some(To::Jsonl)),
            ("page.json", Some(To::Json)),
            ("body.txt", Some(To::Text)),
            ("a.md", Some(To::Markdown)),
            ("rows.csv.gz", Some(To::Csv)),
            ("tags.conll", Some(To::Conll)),
            ("doc.xml", Some(To::Tei)),
            ("ann", None),
            ("out.gz", None),
            ("out.bin", None),
        ] {
            assert_eq!(To::of_output(Path::new(name)), want, "{name}");
        }
    }

    #[test]
    fn default_format_follows_the_command_line() {
        let dir = std::env::temp_dir();
        let cases: [(Vec<std::path::PathBuf>, From, Format); 7] = [
            (vec![], From::Auto, Format::Json),
            (vec![], From::Warc, Format::Jsonl),
            (vec!["page.html".into()], From::Auto, Format::Json),
            (vec!["crawl.warc.gz".into()], From::Auto, Format::Jsonl),
            (vec!["crawl.bin".into()], From::Warc, Format::Jsonl),
            (vec![dir], From::Auto, Format::Jsonl),
            (
                vec!["a.html".into(), "b.html".into()],
                From::Auto,
                Format::Jsonl,
            ),
        ];
        for (paths, from, want) in cases {
            assert_eq!(default_format(&paths, from), want, "{paths:?} {from:?}");
        }
    }
}
