//! NER throughput in tokens/s: tokenize + split + tag over CoNLL-2003 dev text (when
//! `../shared` is present) and over the fixtures; model load time. Measured in CPU time of
//! the benchmarking thread (see `cpu.rs`); run pinned to one core:
//! `taskset -c 0 cargo bench -p article-benches --bench ner`.
#![allow(clippy::unwrap_used, clippy::cast_precision_loss)]
mod cpu;

use std::hint::black_box;

use article_benches::{fixtures, workspace};
use article_entities::{Recognizer, conll, tokenize};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The dev documents as text: tokens joined by spaces, one sentence per line.
fn dev_texts() -> Option<Vec<String>> {
    let path = workspace().join("../shared/data/ner/conll2003/dev.conll");
    let text = std::fs::read_to_string(path).ok()?;
    let docs = conll::documents(&text)
        .iter()
        .map(|d| {
            let mut doc = String::new();
            for s in d.sentences() {
                doc.push_str(&d.tokens()[s.clone()].join(" "));
                doc.push('\n');
            }
            doc
        })
        .collect();
    Some(docs)
}

fn bench(c: &mut Criterion<cpu::ThreadCpu>) {
    let recognizer = Recognizer::default();
    let mut g = c.benchmark_group("ner");
    g.sample_size(20);
    if let Some(docs) = dev_texts() {
        let tokens: usize = docs.iter().map(|d| tokenize(d).len()).sum();
        g.throughput(Throughput::Elements(tokens as u64));
        g.bench_function("tokenize+tag/conll-dev", |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(recognizer.recognize(black_box(d)));
                }
            })
        });
        g.bench_function("tokenize/conll-dev", |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(tokenize(black_box(d)));
                }
            })
        });
    } else {
        eprintln!("skipping the CoNLL dev bench: ../shared is absent");
    }
    let texts: Vec<String> = fixtures("txt")
        .into_iter()
        .map(|(_, b)| String::from_utf8_lossy(&b).into_owned())
        .collect();
    let tokens: usize = texts.iter().map(|t| tokenize(t).len()).sum();
    g.throughput(Throughput::Elements(tokens as u64));
    g.bench_function("tokenize+tag/fixtures", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(recognizer.recognize(black_box(t)));
            }
        })
    });
    g.finish();
    // the committed (compressed) model file: decompression and the in-place load, as the
    // embedded model's first use (except that the allocator reuses the buffer's pages
    // between iterations, which a fresh process must fault in)
    let bytes = std::fs::read(workspace().join("article-entities/model/ner.model.lz4")).unwrap();
    let mut g = c.benchmark_group("ner-model");
    g.sample_size(10);
    g.bench_function("load", |b| {
        b.iter(|| black_box(Recognizer::from_bytes(black_box(&bytes)).unwrap()))
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(cpu::ThreadCpu);
    targets = bench
}
criterion_main!(benches);
