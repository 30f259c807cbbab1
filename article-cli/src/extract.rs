//! `article extract`: inputs -> parse -> annotate -> write, in parallel, in input order.

use std::fs;
use std::io::{self, BufWriter, IsTerminal, Write};

use anyhow::Context;
use article_entities::Annotator;
use article_export::{Format, Options, Writer};
use article_model::{Article, OffsetUnit};
use article_parse::{Extractor, InputFormat};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::args::{ExtractArgs, From, Offsets};
use crate::inputs::{self, Input};
use crate::{Fatal, Status};

/// Inputs handed to the workers at a time, per worker: bounds memory (at most this many
/// articles are held before being written) while keeping every worker busy.
const BATCH_PER_JOB: usize = 8;

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
    let options = Options::default().offsets(match args.offsets {
        Offsets::Char => OffsetUnit::Char,
        Offsets::Utf16 => OffsetUnit::Utf16,
    });

    let pool = {
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(jobs) = args.jobs {
            b = b.num_threads(usize::from(jobs));
        }
        b.build()
            .map_err(|e| Fatal::Output(anyhow::Error::new(e).context("cannot start workers")))?
    };
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

    let out: Box<dyn Write> = match &args.output {
        Some(path) => {
            let file = fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))
                .map_err(|e| Fatal::Usage(format!("{e:#}")))?;
            Box::new(BufWriter::new(file))
        }
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let mut writer = Writer::new(out, format, options);

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
    let batch = pool.current_num_threads().max(1) * BATCH_PER_JOB;
    for chunk in inputs.chunks(batch) {
        let results: Vec<anyhow::Result<Article>> =
            pool.install(|| chunk.par_iter().map(|i| pipeline.process(i)).collect());
        for (input, result) in chunk.iter().zip(results) {
            match result {
                Ok(article) => match writer.write(&article) {
                    Ok(()) => {}
                    Err(e) if e.is_broken_pipe() => {
                        return Err(Fatal::Output(anyhow::Error::new(e)));
                    }
                    Err(e) => {
                        failed += 1;
                        report(&input.name(), &anyhow::Error::new(e));
                    }
                },
                Err(e) => {
                    failed += 1;
                    report(&input.name(), &e);
                }
            }
            if let Some(bar) = &progress {
                bar.inc(1);
            }
        }
    }
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    writer
        .finish()
        .context("cannot write output")
        .map_err(Fatal::Output)?;
    Ok(if failed == 0 {
        Status::Ok
    } else {
        Status::SomeFailed
    })
}
