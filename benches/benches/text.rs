//! Throughput of the text-dump pipeline (no NER) on 1, 10 and 100 MB of concatenated
//! dumps: the dev dumps of `../shared` when present, else the workspace's fixtures, so
//! the bench always runs. Time per MB should stay flat from 1 to 100 MB (linear time).
#![allow(clippy::unwrap_used)]
use std::hint::black_box;
use std::time::Duration;

use article_benches::{dev_pages, fixtures};
use article_parse::{Extractor, InputFormat, Limits};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// About `size` bytes of dumps, concatenated with blank lines between them.
fn concatenated(pages: &[Vec<u8>], size: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(size + (1 << 16));
    'fill: loop {
        for p in pages {
            if out.len() >= size {
                break 'fill;
            }
            out.extend_from_slice(p);
            out.extend_from_slice(b"\n\n");
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let (source, pages) = match dev_pages(".txt") {
        Some(p) if !p.is_empty() => ("dev", p),
        _ => {
            eprintln!("../shared is absent: using the fixtures");
            (
                "fixtures",
                fixtures("txt").into_iter().map(|(_, b)| b).collect(),
            )
        }
    };
    // One input is one page here, so the block limit is lifted.
    let extractor = Extractor::builder()
        .format(InputFormat::Text)
        .limits(Limits::default().with_max_blocks(usize::MAX))
        .build();
    let mut g = c.benchmark_group("text");
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    for mb in [1usize, 10, 100] {
        let input = concatenated(&pages, mb << 20);
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.measurement_time(Duration::from_secs(if mb >= 100 { 60 } else { 10 }));
        g.bench_with_input(
            BenchmarkId::new(source, format!("{mb}MB")),
            &input,
            |b, i| b.iter(|| extractor.extract(black_box(i)).unwrap()),
        );
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
