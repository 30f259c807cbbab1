//! Runs the text pipeline (no NER) on about `MB` megabytes of concatenated dev dumps
//! (fixtures when `../shared` is absent), `REPS` times, and prints the CPU-time
//! throughput. The input is the one of `benches/text.rs`; this example is for profilers,
//! whose counts do not depend on the machine's load:
//!
//! ```sh
//! cargo build --release -p article-benches --example text_once
//! valgrind --tool=callgrind target/release/examples/text_once 1 1
//! perf record -g target/release/examples/text_once 10 5
//! ```
#![allow(clippy::unwrap_used)]
use std::hint::black_box;

use article_benches::{dev_pages, fixtures};
use article_parse::{Extractor, InputFormat, Limits};

fn main() {
    let mut args = std::env::args().skip(1);
    let mb: usize = args.next().map_or(1, |a| a.parse().unwrap());
    let reps: usize = args.next().map_or(1, |a| a.parse().unwrap());
    let pages = match dev_pages(".txt") {
        Some(p) if !p.is_empty() => p,
        _ => fixtures("txt").into_iter().map(|(_, b)| b).collect(),
    };
    let mut input = Vec::with_capacity((mb << 20) + (1 << 16));
    'fill: loop {
        for p in &pages {
            if input.len() >= mb << 20 {
                break 'fill;
            }
            input.extend_from_slice(p);
            input.extend_from_slice(b"\n\n");
        }
    }
    let extractor = Extractor::builder()
        .format(InputFormat::Text)
        .limits(Limits::default().with_max_blocks(usize::MAX))
        .build();
    let start = cpu_time::ProcessTime::now();
    let mut paragraphs = 0;
    for _ in 0..reps {
        let article = extractor.extract(black_box(&input)).unwrap();
        paragraphs += article.paragraphs().len();
    }
    let secs = start.elapsed().as_secs_f64();
    let mb_done = (input.len() * reps) as f64 / 1e6;
    println!(
        "{:.1} MB x {reps}: {:.3} s CPU, {:.1} MB/s ({paragraphs} paragraphs)",
        input.len() as f64 / 1e6,
        secs,
        mb_done / secs
    );
}
