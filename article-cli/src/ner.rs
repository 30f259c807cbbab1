//! `article ner --conll FILE` and `article train-ner`.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};

use anyhow::Context;
use article_entities::Recognizer;

use crate::args::{NerArgs, TrainNerArgs};
use crate::{Fatal, Status};

/// One line of the input: a token, or a line kept as it is (blank, -DOCSTART-).
enum Line {
    Token(String),
    Blank,
    DocStart(String),
}

pub(crate) fn run(args: &NerArgs) -> Result<Status, Fatal> {
    let recognizer = match &args.model {
        Some(path) => Recognizer::from_path(path).map_err(|e| Fatal::Usage(format!("{e}")))?,
        None => Recognizer::default(),
    };
    let file = File::open(&args.conll)
        .map_err(|e| Fatal::Usage(format!("cannot read {}: {e}", args.conll.display())))?;
    let out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(
            File::create(p)
                .with_context(|| format!("cannot create {}", p.display()))
                .map_err(Fatal::Output)?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let mut doc: Vec<Line> = Vec::new();
    for line in BufReader::new(file).lines() {
        let line = line
            .with_context(|| format!("cannot read {}", args.conll.display()))
            .map_err(Fatal::Output)?;
        let first = line.split_whitespace().next();
        match first {
            None => doc.push(Line::Blank),
            Some("-DOCSTART-") => {
                write_doc(&recognizer, &doc, &mut out).map_err(Fatal::Output)?;
                doc.clear();
                doc.push(Line::DocStart(line.trim_end().to_string()));
            }
            Some(tok) => doc.push(Line::Token(tok.to_string())),
        }
    }
    write_doc(&recognizer, &doc, &mut out).map_err(Fatal::Output)?;
    out.flush()
        .context("cannot write the output")
        .map_err(Fatal::Output)?;
    Ok(Status::Ok)
}

/// Tags one document and writes its lines.
fn write_doc(r: &Recognizer, doc: &[Line], out: &mut impl Write) -> anyhow::Result<()> {
    let mut sentences: Vec<Vec<&str>> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in doc {
        match line {
            Line::Token(t) => cur.push(t),
            _ => {
                if !cur.is_empty() {
                    sentences.push(std::mem::take(&mut cur));
                }
            }
        }
    }
    if !cur.is_empty() {
        sentences.push(cur);
    }
    let tags = r.tag_document(&sentences);
    let mut flat = tags.iter().flatten();
    for line in doc {
        match line {
            Line::Token(t) => {
                let tag = flat.next().copied().unwrap_or(article_entities::IobTag::O);
                writeln!(out, "{t} {tag}")?;
            }
            Line::Blank => writeln!(out)?,
            Line::DocStart(l) => writeln!(out, "{l}")?,
        }
    }
    Ok(())
}

pub(crate) fn train(args: &TrainNerArgs) -> Result<Status, Fatal> {
    let opts = article_entities::train::TrainOptions {
        train: args.train.clone(),
        dev: args.dev.clone(),
        lexical: args.lexical.clone(),
        clusters_cache: args.clusters_cache.clone(),
        epochs: args.epochs,
        ensemble: args.ensemble,
        folds: args.folds,
        min_count: args.min_count,
        prune: args.prune,
    };
    let started = std::time::Instant::now();
    let mut log = |msg: &str| eprintln!("[{:>6.1}s] {msg}", started.elapsed().as_secs_f64());
    let (bytes, _info) = article_entities::train::train(&opts, &mut log)
        .map_err(|e| Fatal::Usage(format!("{e}")))?;
    std::fs::write(&args.output, &bytes)
        .with_context(|| format!("cannot write {}", args.output.display()))
        .map_err(Fatal::Output)?;
    eprintln!("wrote {} ({} bytes)", args.output.display(), bytes.len());
    Ok(Status::Ok)
}
