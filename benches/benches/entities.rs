//! Annotation throughput (bytes of body/s) on the fixtures.
#![allow(clippy::unwrap_used)]
use std::hint::black_box;

use article_benches::fixtures;
use article_entities::Annotator;
use article_parse::Extractor;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let extractor = Extractor::default();
    let articles: Vec<_> = fixtures("html")
        .iter()
        .map(|(_, page)| extractor.extract(page).unwrap())
        .collect();
    let annotator = Annotator::default();
    let bytes: usize = articles.iter().map(|a| a.body().len()).sum();
    let mut g = c.benchmark_group("entities");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("annotate/fixtures", |b| {
        b.iter(|| {
            for a in &articles {
                let mut a = a.clone();
                annotator.annotate(black_box(&mut a)).unwrap();
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
