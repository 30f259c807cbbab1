//! Extraction throughput (bytes/s): fixtures always, dev pages when `../shared` exists.
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

criterion_group!(benches, bench);
criterion_main!(benches);
