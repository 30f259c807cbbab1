//! Extraction throughput (bytes/s): fixtures always, dev pages when `../shared` exists, and
//! pathological HTML at 1 and 4 MiB (linear time keeps MB/s flat).
#![allow(clippy::unwrap_used)]
use std::hint::black_box;

use article_benches::{dev_pages, fixtures};
use article_parse::{Extractor, InputFormat};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    for (format, ext) in [(InputFormat::Html, "html"), (InputFormat::Text, "txt")] {
        let extractor = Extractor::builder().format(format).build();
        for (name, page) in fixtures(ext) {
            g.throughput(Throughput::Bytes(page.len() as u64));
            g.bench_function(format!("fixture/{name}"), |b| {
                b.iter(|| extractor.extract(black_box(&page)))
            });
        }
        let suffix = if ext == "html" { ".html.gz" } else { ".txt" };
        if let Some(pages) = dev_pages(suffix) {
            let total: usize = pages.iter().map(Vec::len).sum();
            g.throughput(Throughput::Bytes(total as u64));
            g.bench_function(format!("dev/all-{ext}"), |b| {
                b.iter(|| {
                    for page in &pages {
                        let _ = black_box(extractor.extract(black_box(page)));
                    }
                })
            });
        } else {
            eprintln!("skipping dev pages: ../shared is absent");
        }
    }
    g.finish();
}

/// Pathological HTML at 1 and 4 MiB: linear time shows as equal MB/s at both sizes.
fn scaling(c: &mut Criterion) {
    type Generator = fn(usize) -> String;
    let gens: [(&str, Generator); 5] = [
        ("deep", |n| "<div>".repeat(n / 5)),
        ("attributes", |n| {
            format!("<div{}>", " a=\"1\"".repeat(n / 6))
        }),
        ("unclosed-comment", |n| format!("<!--{}", "-".repeat(n))),
        ("one-text-node", |n| {
            format!("<p>{}", "word, ".repeat(n / 6))
        }),
        ("paragraphs", |n| "<p>word word, word.".repeat(n / 19)),
    ];
    let extractor = Extractor::builder().format(InputFormat::Html).build();
    let mut g = c.benchmark_group("html-scaling");
    g.sample_size(10);
    for (name, make) in gens {
        for mib in [1usize, 4] {
            let page = make(mib << 20);
            g.throughput(Throughput::Bytes(page.len() as u64));
            g.bench_function(format!("{name}/{mib}MiB"), |b| {
                b.iter(|| extractor.extract(black_box(page.as_bytes())))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench, scaling);
criterion_main!(benches);
