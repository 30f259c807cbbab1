//! Audits the HTML extractor's removals on the tuned dev pages: for each removal reason,
//! how much of the removed text is article text (in the truth) and how much is not.
//!
//! ```sh
//! cargo run --release -p article-parse --example html_audit -- ../shared/data/extraction/dev
//! cargo run --release -p article-parse --example html_audit -- ../shared/data/extraction/dev --blocks
//! ```
//!
//! Only the tuned pages are read (sorted `ids.txt`, index % 4 != 3): the held-out quarter
//! stays unseen. A removed block counts as article text when at least 60% of its word
//! 4-grams are in the page's truth (the scorer's shingles). `--blocks` also prints every
//! removed block that is article text, with its reason; `--all` every removed block. `--fold K` reads one of four
//! folds of the tuned pages (every 4th tuned id from the K-th).
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, HashSet};
use std::io::Read;

use article_parse::{Extractor, InputFormat};

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect()
}

fn shingles(text: &str) -> Vec<Vec<&str>> {
    let w = words(text);
    if w.len() <= 4 {
        return if w.is_empty() { vec![] } else { vec![w] };
    }
    w.windows(4).map(<[&str]>::to_vec).collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dev) = args.get(1) else {
        eprintln!("usage: html_audit DEV_DIR [--blocks] [--fold K]");
        std::process::exit(2);
    };
    let show = args.iter().any(|a| a == "--blocks");
    let show_all = args.iter().any(|a| a == "--all");
    let fold: Option<usize> = args
        .iter()
        .position(|a| a == "--fold")
        .and_then(|i| args.get(i + 1))
        .and_then(|k| k.parse().ok());
    let dev = std::path::Path::new(dev);
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dev.join("truth.json")).unwrap()).unwrap();
    let ids = std::fs::read_to_string(dev.join("ids.txt")).unwrap();
    let mut ids: Vec<&str> = ids
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    ids.sort_unstable();
    let tuned: Vec<&str> = ids
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 4 != 3)
        .map(|(_, id)| *id)
        .enumerate()
        .filter(|(k, _)| fold.is_none_or(|f| k % 4 == f))
        .map(|(_, id)| id)
        .collect();
    let extractor = Extractor::builder().format(InputFormat::Html).build();
    // reason -> (blocks in truth, words in truth, blocks not, words not)
    let mut by_reason: BTreeMap<String, (usize, usize, usize, usize)> = BTreeMap::new();
    for id in tuned {
        let t = truth
            .get(id)
            .and_then(|v| v.get("articleBody"))
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let tset: HashSet<Vec<&str>> = shingles(t).into_iter().collect();
        let mut gz = flate2::read::GzDecoder::new(
            std::fs::File::open(dev.join("html").join(format!("{id}.html.gz"))).unwrap(),
        );
        let mut page = Vec::new();
        gz.read_to_end(&mut page).unwrap();
        let Ok(a) = extractor.extract(&page) else {
            continue;
        };
        for r in &a.removed {
            let sh = shingles(&r.text);
            let n = words(&r.text).len();
            if n < 8 {
                continue;
            }
            let hit = sh.iter().filter(|s| tset.contains(*s)).count();
            let inside = hit * 10 >= sh.len() * 6;
            let reason = r.reason.split(':').next().unwrap_or("").to_owned();
            let e = by_reason.entry(reason).or_default();
            if inside {
                e.0 += 1;
                e.1 += n;
                if show || show_all {
                    let text: String = r.text.chars().take(100).collect();
                    println!("{}\t{}\t{text}", &id[..8], r.reason);
                }
            } else {
                e.2 += 1;
                e.3 += n;
                if show_all {
                    let text: String = r.text.chars().take(100).collect();
                    println!("{}\t{}\tNOT ARTICLE\t{text}", &id[..8], r.reason);
                }
            }
        }
    }
    println!("reason\tarticle blocks\tarticle words\tother blocks\tother words");
    for (r, (a, aw, o, ow)) in &by_reason {
        println!("{r}\t{a}\t{aw}\t{o}\t{ow}");
    }
}
