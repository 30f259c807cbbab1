//! Trains the text-dump block classifier on the dev set and writes its weights.
//!
//! ```sh
//! cargo run --release -p article-parse --features training --example train_text -- \
//!     [DEV_DIR] [--write article-parse/src/classify/weights.rs]
//! ```
//!
//! DEV_DIR defaults to `../shared/data/extraction/dev` (beside the workspace). Every 4th
//! page id (sorted `ids.txt` order, index % 4 == 3) is held out: weights are fitted and
//! the switch cost tuned on the other three quarters only, and the score (the dev set's
//! metric: 4-word shingles, per-page precision and recall averaged) is reported on the
//! tuned part, the held-out part and all pages.
//!
//! Labels: a block of four or more words is article text when at least half of its
//! 4-word shingles occur in the page's truth; a shorter block when its words occur in the
//! truth in order and it lies between the first and last longer article block.
//!
//! The model is a logistic regression over the features of `classify/features.rs`
//! (standardised, Adam, L2), each block weighted by its share of the page's words so
//! that every page counts the same, as in the metric.
#![allow(clippy::unwrap_used, clippy::cast_possible_truncation)]
#![allow(deprecated)] // the training hooks read the blocks of `text_blocks` (deprecated public API)

use std::collections::HashSet;
use std::fmt::Write as _;

use article_parse::{Block, text_blocks, training};
use support::{counts, score, tokens};

mod support;

struct Page {
    id: String,
    truth: String,
    blocks: Vec<Block<'static>>,
    x: Vec<Vec<f32>>,
    y: Vec<bool>,
    w: Vec<f32>,
}

fn labels(truth: &str, blocks: &[Block]) -> (Vec<bool>, Vec<f32>) {
    let tt = tokens(truth);
    let s4: HashSet<&[&str]> = tt.windows(4).collect();
    let mut short: HashSet<&[&str]> = HashSet::new();
    for n in 1..=3 {
        short.extend(tt.windows(n));
    }
    let mut y = Vec::new();
    let mut long = Vec::new();
    let mut sizes = Vec::new();
    for b in blocks {
        let bt = tokens(b.text());
        sizes.push(bt.len());
        if bt.len() >= 4 {
            let hit = bt.windows(4).filter(|w| s4.contains(w)).count();
            let pos = hit * 2 >= bt.len() - 3;
            y.push(pos);
            long.push(pos);
        } else {
            y.push(!bt.is_empty() && short.contains(bt.as_slice()));
            long.push(false);
        }
    }
    let first = long.iter().position(|&b| b).unwrap_or(usize::MAX);
    let last = long.iter().rposition(|&b| b).unwrap_or(0);
    for (k, v) in y.iter_mut().enumerate() {
        if sizes[k] < 4 && (k < first || k > last) {
            *v = false;
        }
    }
    let total: f32 = sizes.iter().map(|&n| n as f32 + 2.0).sum();
    let w = sizes.iter().map(|&n| (n as f32 + 2.0) / total).collect();
    (y, w)
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// Logistic regression on standardised features; returns raw-feature weights.
fn train(pages: &[&Page], dim: usize) -> Vec<f32> {
    let rows: Vec<(&Vec<f32>, bool, f32)> = pages
        .iter()
        .flat_map(|p| {
            p.x.iter()
                .zip(&p.y)
                .zip(&p.w)
                .map(|((x, &y), &w)| (x, y, w))
        })
        .collect();
    let wsum: f32 = rows.iter().map(|r| r.2).sum();
    let mut mean = vec![0.0f32; dim];
    let mut sd = vec![0.0f32; dim];
    for (x, _, w) in &rows {
        for j in 0..dim {
            mean[j] += w * x[j] / wsum;
        }
    }
    for (x, _, w) in &rows {
        for j in 0..dim {
            sd[j] += w * (x[j] - mean[j]).powi(2) / wsum;
        }
    }
    for j in 0..dim {
        sd[j] = sd[j].sqrt();
        if j == 0 || sd[j] < 1e-6 {
            mean[j] = 0.0;
            sd[j] = 1.0;
        }
    }
    let z: Vec<Vec<f32>> = rows
        .iter()
        .map(|(x, _, _)| (0..dim).map(|j| (x[j] - mean[j]) / sd[j]).collect())
        .collect();
    let mut w = vec![0.0f32; dim];
    let (mut m, mut v) = (vec![0.0f32; dim], vec![0.0f32; dim]);
    let (lr, b1, b2, l2) = (0.05f32, 0.9f32, 0.999f32, 1e-4f32);
    for t in 1..=1500 {
        let mut g = vec![0.0f32; dim];
        for (zi, (_, y, wi)) in z.iter().zip(&rows) {
            let s: f32 = zi.iter().zip(&w).map(|(a, b)| a * b).sum();
            let err = sigmoid(s) - if *y { 1.0 } else { 0.0 };
            for j in 0..dim {
                g[j] += wi * err * zi[j] / wsum;
            }
        }
        for j in 1..dim {
            g[j] += l2 * w[j];
        }
        for j in 0..dim {
            m[j] = b1 * m[j] + (1.0 - b1) * g[j];
            v[j] = b2 * v[j] + (1.0 - b2) * g[j] * g[j];
            let mh = m[j] / (1.0 - b1.powi(t));
            let vh = v[j] / (1.0 - b2.powi(t));
            w[j] -= lr * mh / (vh.sqrt() + 1e-8);
        }
    }
    // Back to raw features: w·(x-mean)/sd = Σ (w/sd) x - Σ w mean/sd.
    let mut raw = vec![0.0f32; dim];
    for j in 1..dim {
        raw[j] = w[j] / sd[j];
        raw[0] -= w[j] * mean[j] / sd[j];
    }
    raw[0] += w[0];
    raw
}

fn evaluate(pages: &[&Page], weights: &[f32], switch: f32) -> (f64, f64, f64) {
    let rows: Vec<_> = pages
        .iter()
        .map(|p| {
            let a = training::extract_with(&p.blocks, weights, switch);
            counts(&p.truth, a.body())
        })
        .collect();
    score(&rows)
}

/// The source of `classify/weights.rs`: plain constants, formatted as rustfmt leaves them
/// (trailing comments aligned one column past the longest value), so a run on the same
/// dev set writes the same bytes.
fn weights_file(names: &[&str], weights: &[f32], switch: f32) -> String {
    let mut out = String::new();
    out.push_str(
        "//! @generated by `cargo run --release -p article-parse --features training --example\n\
         //! train_text -- --write article-parse/src/classify/weights.rs` from the dev set (every\n\
         //! 4th page held out). Do not edit by hand.\n\n\
         /// One weight per feature, in `FEATURE_NAMES` order (the first is the bias).\n",
    );
    writeln!(
        out,
        "pub(crate) const WEIGHTS: [f32; {}] = [",
        weights.len()
    )
    .unwrap();
    let values: Vec<String> = weights.iter().map(|w| format!("{w:?},")).collect();
    let width = values.iter().map(String::len).max().unwrap_or(0);
    for (n, v) in names.iter().zip(&values) {
        writeln!(out, "    {v:width$} // {n}").unwrap();
    }
    out.push_str(
        "];\n\n/// Cost of a switch between body and boilerplate in the smoothing pass.\n",
    );
    writeln!(out, "pub(crate) const SWITCH_COST: f32 = {switch:?};").unwrap();
    out
}

fn main() {
    let (dev, write) = support::trainer_args("dev");
    let ids = support::read_ids(&dev);
    let truth = support::read_truth(&dev);
    let names = training::feature_names();
    let dim = names.len();
    let mut pages = Vec::new();
    for id in &ids {
        let raw = std::fs::read(dev.join("html").join(format!("{id}.txt"))).unwrap();
        let text = String::from_utf8_lossy(&raw);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let blocks: Vec<Block<'static>> = text_blocks(text)
            .into_iter()
            .map(Block::into_owned)
            .collect();
        let x = training::page_features(&blocks);
        let t = truth[id]["articleBody"].as_str().unwrap_or("").to_owned();
        let (y, w) = labels(&t, &blocks);
        pages.push(Page {
            id: id.clone(),
            truth: t,
            blocks,
            x,
            y,
            w,
        });
    }
    let tuned: Vec<&Page> = pages
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 4 != 3)
        .map(|(_, p)| p)
        .collect();
    let held: Vec<&Page> = pages
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 4 == 3)
        .map(|(_, p)| p)
        .collect();
    let all: Vec<&Page> = pages.iter().collect();
    let (shipped_w, shipped_s) = training::shipped();
    for (name, set) in [("tuned", &tuned), ("held-out", &held), ("all", &all)] {
        let (f, p, r) = evaluate(set, &shipped_w, shipped_s);
        println!(
            "shipped  {name:9} F1 {f:.4} precision {p:.4} recall {r:.4} n {}",
            set.len()
        );
    }
    let mut weights = train(&tuned, dim);
    // Tune the switch cost and a bias shift on the tuned part.
    let mut best = (f64::MIN, 0.0f32, 0.0f32);
    for &shift in &[-1.5f32, -1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 1.0] {
        let mut w = weights.clone();
        w[0] += shift;
        for &s in &[0.5f32, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0] {
            let (f, _, _) = evaluate(&tuned, &w, s);
            if f > best.0 {
                best = (f, shift, s);
            }
        }
    }
    weights[0] += best.1;
    let switch = best.2;
    println!("chosen bias shift {} switch cost {}", best.1, switch);
    for (name, set) in [("tuned", &tuned), ("held-out", &held), ("all", &all)] {
        let (f, p, r) = evaluate(set, &weights, switch);
        println!(
            "trained  {name:9} F1 {f:.4} precision {p:.4} recall {r:.4} n {}",
            set.len()
        );
    }
    for (n, w) in names.iter().zip(&weights) {
        println!("  {n:18} {w:+.3}");
    }
    if std::env::var_os("TRAIN_PER_PAGE").is_some() {
        for p in &all {
            let a = training::extract_with(&p.blocks, &weights, switch);
            let (m, e, s) = counts(&p.truth, a.body());
            let prec = m as f64 / (m + e).max(1) as f64;
            let rec = m as f64 / (m + s).max(1) as f64;
            println!("page {} P {prec:.3} R {rec:.3}", &p.id[..8]);
        }
    }
    if let Some(path) = write {
        std::fs::write(&path, weights_file(names, &weights, switch)).unwrap();
        println!("wrote {}", path.display());
    }
}
