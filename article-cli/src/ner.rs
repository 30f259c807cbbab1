//! `article ner --conll FILE` and `article train-ner`.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};

use anyhow::Context;
use article_entities::Recognizer;

use crate::args::{NerArgs, TrainNerArgs};
use crate::{Fatal, Status};

/// One document of the input: its lines' text in one buffer, and what each line is.
#[derive(Default)]
struct Doc {
    text: String,
    lines: Vec<Line>,
}

/// One line of a document: a token (its range in [`Doc::text`]), or a line kept as it is
/// (blank, -DOCSTART-).
enum Line {
    Token(std::ops::Range<usize>),
    Blank,
    DocStart(std::ops::Range<usize>),
}

impl Doc {
    fn clear(&mut self) {
        self.text.clear();
        self.lines.clear();
    }

    fn push(&mut self, s: &str, make: fn(std::ops::Range<usize>) -> Line) {
        let start = self.text.len();
        self.text.push_str(s);
        self.lines.push(make(start..self.text.len()));
    }
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
    let mut input = BufReader::with_capacity(1 << 16, file);
    let mut doc = Doc::default();
    let mut work = Work::default();
    let mut line = String::new();
    loop {
        line.clear();
        let n = input
            .read_line(&mut line)
            .with_context(|| format!("cannot read {}", args.conll.display()))
            .map_err(Fatal::Output)?;
        if n == 0 {
            break;
        }
        match line.split_whitespace().next() {
            None => doc.lines.push(Line::Blank),
            Some("-DOCSTART-") => {
                write_doc(&recognizer, &doc, &mut work, &mut out).map_err(Fatal::Output)?;
                doc.clear();
                doc.push(line.trim_end(), Line::DocStart);
            }
            Some(tok) => doc.push(tok, Line::Token),
        }
    }
    write_doc(&recognizer, &doc, &mut work, &mut out).map_err(Fatal::Output)?;
    out.flush()
        .context("cannot write the output")
        .map_err(Fatal::Output)?;
    Ok(Status::Ok)
}

/// Buffers reused from one document to the next.
#[derive(Default)]
struct Work {
    sentences: Vec<std::ops::Range<usize>>,
}

/// Tags one document and writes its lines.
fn write_doc(
    r: &Recognizer,
    doc: &Doc,
    work: &mut Work,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let text = doc.text.as_str();
    let tokens: Vec<&str> = doc
        .lines
        .iter()
        .filter_map(|l| match l {
            Line::Token(t) => text.get(t.clone()),
            _ => None,
        })
        .collect();
    work.sentences.clear();
    let mut start = 0;
    let mut at = 0;
    for line in &doc.lines {
        if let Line::Token(_) = line {
            at += 1;
        } else {
            if at > start {
                work.sentences.push(start..at);
            }
            start = at;
        }
    }
    if at > start {
        work.sentences.push(start..at);
    }
    let tags = r.tag_tokens(&tokens, &work.sentences);
    let mut next = tokens.iter().zip(&tags);
    for line in &doc.lines {
        match line {
            Line::Token(_) => {
                if let Some((t, tag)) = next.next() {
                    out.write_all(t.as_bytes())?;
                    out.write_all(b" ")?;
                    out.write_all(tag.as_str().as_bytes())?;
                    out.write_all(b"\n")?;
                }
            }
            Line::Blank => out.write_all(b"\n")?,
            Line::DocStart(l) => {
                out.write_all(text.get(l.clone()).unwrap_or("").as_bytes())?;
                out.write_all(b"\n")?;
            }
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
