//! Prints each block's body score under the shipped weights, with its largest feature
//! contributions (needs `--features training`).
#![allow(clippy::unwrap_used)]
#![allow(deprecated)] // the training hooks read the blocks of `text_blocks` (deprecated public API)
use article_parse::{text_blocks, training};

fn main() {
    let path = std::env::args().nth(1).expect("usage: debug_scores FILE");
    let raw = std::fs::read(path).unwrap();
    let text = String::from_utf8_lossy(&raw);
    let blocks = text_blocks(&text);
    let xs = training::page_features(&blocks);
    let (w, switch) = training::shipped();
    let names = training::feature_names();
    println!("switch cost {switch}");
    for (b, x) in blocks.iter().zip(&xs) {
        let mut contrib: Vec<(f32, &str)> = x
            .iter()
            .zip(&w)
            .zip(names)
            .map(|((x, w), n)| (x * w, *n))
            .collect();
        let score: f32 = contrib.iter().map(|c| c.0).sum();
        contrib.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
        let top: Vec<String> = contrib
            .iter()
            .take(5)
            .map(|(v, n)| format!("{n}{v:+.1}"))
            .collect();
        let t: String = b.text().chars().take(40).collect();
        println!("{score:+6.2} {t:40} {}", top.join(" "));
    }
}
