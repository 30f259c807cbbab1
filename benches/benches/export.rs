//! Export throughput (bytes of output/s) per format on the fixtures, annotated (so the
//! entity layers are written too).
#![allow(clippy::unwrap_used)]
use std::hint::black_box;

use article_benches::fixtures;
use article_entities::Annotator;
use article_export::{Format, Options};
use article_model::OffsetUnit;
use article_parse::Extractor;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let extractor = Extractor::default();
    let articles: Vec<_> = fixtures("html")
        .iter()
        .map(|(_, page)| {
            let mut a = extractor.extract(page).unwrap();
            Annotator::default().annotate(&mut a).unwrap();
            a
        })
        .collect();
    let mut g = c.benchmark_group("export");
    let options = Options::default();
    for format in Format::ALL.into_iter().filter(|f| !f.is_per_document()) {
        let size: usize = articles
            .iter()
            .map(|a| {
                article_export::to_string(a, format, &options)
                    .unwrap()
                    .len()
            })
            .sum();
        g.throughput(Throughput::Bytes(size as u64));
        g.bench_function(format.name(), |b| {
            b.iter(|| {
                for a in &articles {
                    black_box(article_export::to_string(black_box(a), format, &options).unwrap());
                }
            })
        });
    }
    let size: usize = articles
        .iter()
        .map(|a| {
            article_export::to_brat(a, OffsetUnit::Char)
                .unwrap()
                .annotations()
                .len()
        })
        .sum();
    g.throughput(Throughput::Bytes(size as u64));
    g.bench_function("brat", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(article_export::to_brat(black_box(a), OffsetUnit::Char).unwrap());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
