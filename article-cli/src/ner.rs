//! `article ner --conll FILE`.

use std::io::{self, Read, Write};

use anyhow::Context;
use article_entities::Recognizer;
use article_entities::conll::{self, Line};

use crate::args::NerArgs;
use crate::output::{Identity, Output};
use crate::status::{Fatal, Status};

pub(crate) fn run(args: &NerArgs) -> Result<Status, Fatal> {
    let stdin = args.conll.as_os_str() == "-";
    let shown = if stdin {
        "stdin".to_owned()
    } else {
        args.conll.display().to_string()
    };
    if let (Some(out), false) = (&args.output, stdin) {
        if let (Some(a), Some(b)) = (Identity::of(out), Identity::of(&args.conll)) {
            if a.same(&b) {
                return Err(Fatal::Usage(format!(
                    "the output {} is also the input: inputs are never overwritten",
                    out.display()
                )));
            }
        }
    }
    let recognizer = match &args.model {
        Some(path) => Recognizer::from_path(path).map_err(|e| {
            Fatal::Output(anyhow::anyhow!(
                "cannot load the model {}: {e}",
                path.display()
            ))
        })?,
        None => Recognizer::default(),
    };
    // the whole file at once: one read, one UTF-8 check, tokens borrowed from it
    let bytes = if stdin {
        let mut buf = Vec::new();
        io::stdin().lock().read_to_end(&mut buf).map(|_| buf)
    } else {
        std::fs::read(&args.conll)
    }
    .with_context(|| format!("cannot read {shown}"))
    .map_err(Fatal::Output)?;
    let text = String::from_utf8(bytes)
        .with_context(|| format!("cannot read {shown}: not UTF-8"))
        .map_err(Fatal::Output)?;
    if let Some(warning) = column_warning(&text) {
        eprintln!("article: warning: {shown}: {warning}");
    }
    let mut out = Output::open(args.output.as_deref()).map_err(Fatal::Output)?;
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
    out.commit().map_err(Fatal::Output)?;
    Ok(Status::Ok)
}

/// A warning when the token lines do not all have the same number of columns, as every
/// CoNLL file has: a file of plain text (several words a line) gets only its first word
/// per line tagged.
fn column_warning(text: &str) -> Option<String> {
    let mut first: Option<(usize, usize)> = None;
    for (n, line) in text.lines().enumerate() {
        let columns = line.split_whitespace().count();
        if columns == 0 || line.trim_start().starts_with("-DOCSTART-") {
            continue;
        }
        match first {
            None => first = Some((n + 1, columns)),
            Some((at, want)) if columns != want => {
                return Some(format!(
                    "line {} has {columns} columns and line {at} {want}: is this plain text? \
                     Only the first column of each line is tagged (one token per line)",
                    n + 1
                ));
            }
            Some(_) => {}
        }
    }
    None
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
