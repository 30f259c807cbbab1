//! Extracts every page of one or more extraction sources with both front ends and writes
//! what `score.py --pred` reads.
//!
//! ```sh
//! cargo run --release -p article-parse --features training --example eval_sources -- \
//!     OUT ../shared/data/extraction/train/dragnet ../shared/data/extraction/dev
//! python3 ../shared/data/extraction/score.py \
//!     --truth ../shared/data/extraction/train/dragnet/truth.json --pred OUT/dragnet.html.json
//! ```
//!
//! A source is a folder in the layout of the extraction sets (`ids.txt`, `truth.json`,
//! `html/<id>.html.gz`, `html/<id>.txt`). For each, writes `OUT/<name>.html.json` (the
//! HTML front end on the page) and `OUT/<name>.text.json` (the text front end on the
//! dump), each `{id: {"articleBody": body}}`, `<name>` being the folder's name. With
//! `--blocks learned`, the extractor uses the learned block model
//! (`BlockModel::Learned`) instead of the default.
//!
//! Prints per source and front end the pages, the extraction time (CPU of this process,
//! reading and gunzip excluded) and bar 3: the pages whose truth is longer than 500
//! characters but whose extracted body is empty, by id.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use article_parse::{BlockModel, Extractor, InputFormat};

mod support;

fn read_page(dir: &Path, id: &str) -> Vec<u8> {
    support::read_gz(&dir.join("html").join(format!("{id}.html.gz"))).unwrap()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next().map(PathBuf::from) else {
        eprintln!("usage: eval_sources OUT [--blocks rules|learned] SOURCE_DIR...");
        std::process::exit(2);
    };
    let mut blocks = BlockModel::default();
    let mut sources = Vec::new();
    while let Some(a) = args.next() {
        if a == "--blocks" {
            blocks = match args.next().as_deref() {
                Some("learned") => BlockModel::Learned,
                Some("rules") => BlockModel::Rules,
                other => {
                    eprintln!("unknown block model {other:?}");
                    std::process::exit(2);
                }
            };
        } else {
            sources.push(PathBuf::from(a));
        }
    }
    std::fs::create_dir_all(&out).unwrap();
    for dir in &sources {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let ids = support::read_ids(dir);
        let truth = support::read_truth(dir);
        for (format, ext) in [(InputFormat::Html, "html"), (InputFormat::Text, "text")] {
            let extractor = Extractor::builder()
                .format(format)
                .block_model(blocks)
                .build();
            let mut preds = serde_json::Map::new();
            let mut empty = Vec::new();
            let mut secs = 0.0f64;
            for id in &ids {
                let input = if format == InputFormat::Html {
                    read_page(dir, id)
                } else {
                    std::fs::read(dir.join("html").join(format!("{id}.txt"))).unwrap()
                };
                let t = Instant::now();
                let body = match extractor.extract(&input) {
                    Ok(a) => {
                        a.check_invariants().unwrap();
                        a.body().to_owned()
                    }
                    Err(_) => String::new(),
                };
                secs += t.elapsed().as_secs_f64();
                let truth_chars = truth[id.as_str()]["articleBody"]
                    .as_str()
                    .map_or(0, |s| s.chars().count());
                if truth_chars > 500 && body.trim().is_empty() {
                    empty.push(id.clone());
                }
                preds.insert(id.clone(), serde_json::json!({ "articleBody": body }));
            }
            let path = out.join(format!("{name}.{ext}.json"));
            std::fs::write(&path, serde_json::to_string(&preds).unwrap()).unwrap();
            println!(
                "{name} {ext}: {} pages in {secs:.3} s; empty body with truth > 500 chars: {} {:?}",
                ids.len(),
                empty.len(),
                empty
            );
        }
    }
}
