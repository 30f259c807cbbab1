//! `article extract`: inputs -> parse -> annotate -> write, in parallel, in input order.
//!
//! Workers (`-j` threads) take inputs in order; the writer writes each article as soon as every one
//! before it is written, and flushes whenever it has to wait, so records appear as they
//! are ready. Workers stay at most a window of inputs ahead of the writer, which bounds
//! memory however many inputs there are.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, IsTerminal};
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};

use article_entities::Annotator;
use article_export::{CsvRows, Format, Options};
use article_model::{Article, OffsetUnit};
use article_parse::{Extractor, InputFormat, Limits};
use indicatif::{ProgressBar, ProgressStyle};
use signal_hook::consts::{SIGINT, SIGTERM};

use crate::args::{ExtractArgs, From, Offsets};
use crate::inputs::{self, Filter, Input};
use crate::kind::{self, Kind};
use crate::outdir::OutDir;
use crate::output::{Identity, Output};
use crate::sink::{Sink, Stream, WriteError};
use crate::status::{Fatal, Status};

/// How far (in inputs, per worker) workers may run ahead of the writer: bounds memory
/// (at most this many articles are held before being written) while keeping every
/// worker busy when one input is slow.
const WINDOW_PER_JOB: usize = 8;

/// The message for WARC inputs until the reader is built in.
const NO_WARC: &str = "WARC input is not supported by this build";

/// Everything a worker needs, shared by reference.
struct Pipeline {
    from: From,
    html: Extractor,
    text: Extractor,
    annotator: Option<Annotator>,
}

impl Pipeline {
    fn process(&self, input: &Input) -> anyhow::Result<Article> {
        let by_name = kind::by_name(self.from, input.file_name());
        if by_name == Some(Kind::Warc) {
            anyhow::bail!("{NO_WARC}");
        }
        let bytes = inputs::read(input, self.html.limits().max_input_bytes())?;
        let extractor = match by_name.unwrap_or_else(|| kind::sniff(&bytes)) {
            Kind::Html => &self.html,
            Kind::Text => &self.text,
            Kind::Warc => anyhow::bail!("{NO_WARC} (the content is a WARC file)"),
        };
        let mut article = extractor.extract(&bytes)?;
        drop(bytes);
        article.source = Some(input.name());
        if let Some(annotator) = &self.annotator {
            annotator.annotate(&mut article)?;
        }
        Ok(article)
    }
}

/// The format when `--to` is not given: JSON for one named file or stdin, JSONL for a
/// directory or several inputs, whatever the directory holds.
fn default_format(paths: &[std::path::PathBuf]) -> Format {
    if several(paths) {
        Format::Jsonl
    } else {
        Format::Json
    }
}

/// Whether the command line names several inputs or a directory.
fn several(paths: &[std::path::PathBuf]) -> bool {
    paths.len() > 1
        || paths
            .iter()
            .any(|p| p.as_os_str() != "-" && std::fs::metadata(p).is_ok_and(|m| m.is_dir()))
}

pub(crate) fn run(args: &ExtractArgs) -> Result<Status, Fatal> {
    if args.from == From::Warc {
        return Err(Fatal::Usage(format!("--from warc: {NO_WARC}")));
    }
    let format = args
        .to
        .map_or_else(|| default_format(&args.inputs), |t| t.format());
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
        None => {
            let out = Output::open(out_file).map_err(Fatal::Output)?;
            Sink::Stream(Stream::new(out, format, options, several(&args.inputs)))
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

    let progress = (io::stderr().is_terminal() && inputs.len() > 1).then(|| {
        let bar = ProgressBar::new(inputs.len() as u64);
        if let Ok(style) = ProgressStyle::with_template(PROGRESS) {
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
    let n_inputs = inputs.len();
    let shared = Arc::new(Shared {
        window: jobs * WINDOW_PER_JOB,
        inputs,
        pipeline,
        state: Mutex::new(Dispatch {
            next: 0,
            written: 0,
            stop: false,
        }),
        moved: Condvar::new(),
        started: Mutex::new(HashMap::new()),
    });
    let (tx, rx) = mpsc::channel::<(usize, anyhow::Result<Article>)>();
    // Workers are threads of their own, not joined: one stuck on a page past the time
    // budget is left behind (and replaced) while the writer, here, goes on.
    let mut spawned = 0usize;
    for _ in 0..jobs.min(n_inputs.max(1)) {
        spawn_worker(&shared, tx.clone(), spawned)
            .map_err(|e| Fatal::Output(anyhow::Error::new(e).context("cannot start workers")))?;
        spawned += 1;
    }
    let started_at = |i: usize| shared.started.lock().ok().and_then(|s| s.get(&i).copied());
    let advance = |expected: usize| {
        if let Ok(mut s) = shared.state.lock() {
            s.written = expected;
        }
        if let Ok(mut s) = shared.started.lock() {
            s.remove(&(expected - 1));
        }
        shared.moved.notify_all();
    };
    let mut pending: BTreeMap<usize, anyhow::Result<Article>> = BTreeMap::new();
    let mut expected = 0;
    let outcome = loop {
        if is_interrupted() {
            break Err(Fatal::Interrupted(sink.describe()));
        }
        if let Some(result) = pending.remove(&expected) {
            let input = &shared.inputs[expected];
            expected += 1;
            advance(expected);
            match result {
                Ok(article) => match sink.write(&article, input) {
                    Ok(()) => written += 1,
                    Err(WriteError::Article(e)) => {
                        failed += 1;
                        report(&input.name(), &e);
                    }
                    Err(WriteError::Output(e)) => break Err(Fatal::Output(e)),
                },
                Err(e) => {
                    failed += 1;
                    report(&input.name(), &e);
                }
            }
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            continue;
        }
        if expected == n_inputs {
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
            Some((i, result)) if i >= expected => {
                pending.insert(i, result);
            }
            Some(_) => {} // an input given up on (time budget) that finished late
            None if is_interrupted() => break Err(Fatal::Interrupted(sink.describe())),
            None => {
                let over = budget
                    .zip(started_at(expected))
                    .is_some_and(|(b, t)| t.elapsed() >= b);
                if over {
                    let input = &shared.inputs[expected];
                    failed += 1;
                    report(
                        &input.name(),
                        &anyhow::anyhow!(
                            "not done within the time budget of {} ms (--timeout-ms): \
                             given up; the other inputs go on",
                            args.timeout_ms
                        ),
                    );
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
    if written == 0 && failed > 0 {
        if let Sink::Stream(stream) = &sink {
            if stream.is_file() {
                eprintln!(
                    "article: {} not written: no input succeeded (a file already there is unchanged)",
                    stream.shown()
                );
                return Ok(Status::SomeFailed);
            }
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
    inputs: Vec<Input>,
    pipeline: Pipeline,
    state: Mutex<Dispatch>,
    moved: Condvar,
    /// How far (in inputs) workers may run ahead of the writer.
    window: usize,
    /// When a worker took each input not yet written (for the time budget).
    started: Mutex<HashMap<usize, Instant>>,
}

/// Starts worker `n`: takes inputs in order and sends their results until every input is
/// handed out or the writer stops. A panic while processing an input is that input's
/// error, not the end of the run.
fn spawn_worker(
    shared: &Arc<Shared>,
    tx: mpsc::Sender<(usize, anyhow::Result<Article>)>,
    n: usize,
) -> io::Result<()> {
    let shared = Arc::clone(shared);
    std::thread::Builder::new()
        .name(format!("article-worker-{n}"))
        .spawn(move || {
            let len = shared.inputs.len();
            while let Some(i) = take_next(&shared.state, &shared.moved, len, shared.window) {
                if let Ok(mut s) = shared.started.lock() {
                    s.insert(i, Instant::now());
                }
                let input = &shared.inputs[i];
                let result =
                    std::panic::catch_unwind(AssertUnwindSafe(|| shared.pipeline.process(input)))
                        .unwrap_or_else(|_| {
                            Err(anyhow::anyhow!("internal error: the worker panicked"))
                        });
                if tx.send((i, result)).is_err() {
                    break;
                }
            }
        })
        .map(drop)
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
    fn default_format_follows_the_command_line() {
        let dir = std::env::temp_dir();
        let cases: [(Vec<std::path::PathBuf>, Format); 4] = [
            (vec![], Format::Json),
            (vec!["page.html".into()], Format::Json),
            (vec![dir], Format::Jsonl),
            (vec!["a.html".into(), "b.html".into()], Format::Jsonl),
        ];
        for (paths, want) in cases {
            assert_eq!(default_format(&paths), want, "{paths:?}");
        }
    }
}
