//! `article ner --conll FILE`.

use std::fs::File;
use std::io::{self, BufWriter, Write};

use anyhow::Context;
use article_entities::Recognizer;
use article_entities::conll::{self, Line};

use crate::args::NerArgs;
use crate::status::{Fatal, Status};

pub(crate) fn run(args: &NerArgs) -> Result<Status, Fatal> {
    let recognizer = match &args.model {
        Some(path) => Recognizer::from_path(path).map_err(|e| Fatal::Usage(format!("{e}")))?,
        None => Recognizer::default(),
    };
    // the whole file at once: one read, one UTF-8 check, tokens borrowed from it
    let bytes = std::fs::read(&args.conll)
        .map_err(|e| Fatal::Usage(format!("cannot read {}: {e}", args.conll.display())))?;
    let text = String::from_utf8(bytes)
        .with_context(|| format!("cannot read {}: not UTF-8", args.conll.display()))
        .map_err(Fatal::Output)?;
    let out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(
            File::create(p)
                .with_context(|| format!("cannot create {}", p.display()))
                .map_err(Fatal::Output)?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let mut doc: Vec<Line<'_>> = Vec::new();
    let mut work = Work::default();
    for line in conll::lines(&text) {
        if let Line::DocStart(_) = line {
            write_doc(&recognizer, &doc, &mut work, &mut out).map_err(Fatal::Output)?;
            doc.clear();
        }
        doc.push(line);
    }
    write_doc(&recognizer, &doc, &mut work, &mut out).map_err(Fatal::Output)?;
    out.flush()
        .context("cannot write the output")
        .map_err(Fatal::Output)?;
    Ok(Status::Ok)
}

/// Buffers reused from one document to the next.
#[derive(Default)]
struct Work<'a> {
    tokens: Vec<&'a str>,
    sentences: Vec<std::ops::Range<usize>>,
    text: Vec<u8>,
}

/// Tags one document and writes its lines.
fn write_doc<'a>(
    r: &Recognizer,
    doc: &[Line<'a>],
    work: &mut Work<'a>,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    work.tokens.clear();
    work.sentences.clear();
    let mut start = 0;
    for line in doc {
        if let Line::Token { token, .. } = line {
            work.tokens.push(token);
        } else {
            if work.tokens.len() > start {
                work.sentences.push(start..work.tokens.len());
            }
            start = work.tokens.len();
        }
    }
    if work.tokens.len() > start {
        work.sentences.push(start..work.tokens.len());
    }
    let tags = r.tag_tokens(&work.tokens, &work.sentences);
    let mut next = work.tokens.iter().zip(&tags);
    let buf = &mut work.text;
    buf.clear();
    for line in doc {
        match line {
            Line::Token { .. } => {
                if let Some((t, tag)) = next.next() {
                    buf.extend_from_slice(t.as_bytes());
                    buf.push(b' ');
                    buf.extend_from_slice(tag.as_str().as_bytes());
                    buf.push(b'\n');
                }
            }
            Line::Blank => buf.push(b'\n'),
            Line::DocStart(l) => {
                buf.extend_from_slice(l.as_bytes());
                buf.push(b'\n');
            }
        }
    }
    out.write_all(buf)?;
    Ok(())
}
