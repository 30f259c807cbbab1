//! Trains the learned block model (`BlockModel::Learned`) shared by the HTML and text
//! front ends on the extraction training sets and writes its weights.
//!
//! ```sh
//! cargo run --release -p article-parse --features training --example train_blocks -- \
//!     [TRAIN_DIR] [--write article-parse/src/classify/learned_weights.rs]
//! ```
//!
//! TRAIN_DIR defaults to `../shared/data/extraction/train` beside the workspace; its
//! sources are `dragnet`, `l3s-gn1` and `cleaneval-dev`. The dev set is never read.
//!
//! Every block of every page becomes one row: a text dump's blocks have the shared
//! features (their HTML-only features are 0), an HTML page's blocks have both. Labels: a
//! block of four or more words is article text when at least half of its 4-word
//! shingles occur in the page's truth; a shorter one when its words occur in the truth
//! in order and it lies between the first and last longer article block. A block that
//! is the page's title or part of it (a dump's first line, the HTML `<title>`) is never
//! article text: the body never holds the title (the crate's contract), though some
//! sources' gold does. Each block
//! weighs its share of the page's words (every page counts the same, as in the metric);
//! article blocks weigh `recall_weight` times more (per front end: an empty body is the
//! worst answer, for text dumps most of all).
//!
//! The model is one L2-regularised logistic regression (standardised features, Newton's
//! method in f64, so the same data gives the same bytes), then a two-state Viterbi pass
//! per front end with its own switch cost and bias shift. Every setting (the recall
//! weights, the switch costs, the bias shifts) is chosen by leave-one-source-out: fit on
//! two sources, score the third with the metric of `score.py`, and take the setting with
//! the best mean over the three held-out sources. The report gives, per held-out source,
//! F1 / precision / recall of the chosen setting for both front ends. The weights written
//! are then fitted on all three sources with the chosen setting.
#![allow(clippy::unwrap_used, clippy::cast_possible_truncation)]
// Numerical loops (Cholesky, Hessian sums) read better with indices.
#![allow(clippy::needless_range_loop, clippy::type_complexity)]

use std::collections::HashSet;
use std::fmt::Write as _;

use article_parse::training::{self, HtmlPage, TextPage};
use support::{counts, read_gz, score, tokens};

mod support;

const SOURCES: [&str; 3] = ["dragnet", "l3s-gn1", "cleaneval-dev"];
const RECALL_TEXT: [f64; 3] = [1.0, 2.0, 4.0];
const RECALL_HTML: [f64; 2] = [1.0, 2.0];
const SWITCHES: [f32; 8] = [0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0];
const SHIFTS: [f32; 8] = [-1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0];
const L2: f64 = 1.0;
const NEWTON_STEPS: usize = 8;

/// Whether `text` (a block) is the page's title or a part of it (`title`: its tokens
/// joined by spaces): the body never holds the title, whatever a source's gold does.
fn echoes(text: &str, title: &str) -> bool {
    let t = tokens(text);
    (1..=30).contains(&t.len()) && !title.is_empty() && {
        let joined = t.join(" ");
        joined.len() >= 8 && format!(" {title} ").contains(&format!(" {joined} "))
    }
}

/// Labels and row weights of a page's blocks (see the module doc).
fn labels(truth: &str, texts: &[&str], title: &str) -> (Vec<bool>, Vec<f64>) {
    let title = tokens(title).join(" ");
    let tt = tokens(truth);
    let s4: HashSet<&[&str]> = tt.windows(4).collect();
    let mut short: HashSet<&[&str]> = HashSet::new();
    for n in 1..=3 {
        short.extend(tt.windows(n));
    }
    let mut y = Vec::new();
    let mut long = Vec::new();
    let mut sizes = Vec::new();
    for t in texts {
        let bt = tokens(t);
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
        if sizes[k] < 4 && (k < first || k > last) || echoes(texts[k], &title) {
            *v = false;
        }
    }
    let total: f64 = sizes.iter().map(|&n| n as f64 + 2.0).sum();
    let w = sizes
        .iter()
        .map(|&n| (n as f64 + 2.0) / total.max(1.0))
        .collect();
    (y, w)
}

struct Page {
    truth: String,
    text: Option<TextPage>,
    text_y: Vec<bool>,
    text_w: Vec<f64>,
    html: Option<HtmlPage>,
    html_y: Vec<bool>,
    html_w: Vec<f64>,
}

/// One training row: features, label, base weight, whether it is an HTML block.
struct Row<'a> {
    x: &'a [f32],
    y: bool,
    w: f64,
    html: bool,
}

/// All rows of `pages` (HTML blocks forced by a hand rule are left out: the model never
/// decides them).
fn rows<'a>(pages: &[&'a Page], html_x: &'a [Vec<Vec<f32>>], idx: &[usize]) -> Vec<Row<'a>> {
    let mut out = Vec::new();
    for (p, &i) in pages.iter().zip(idx) {
        if let Some(t) = &p.text {
            for (k, (&y, &w)) in p.text_y.iter().zip(&p.text_w).enumerate() {
                out.push(Row {
                    x: t.features(k),
                    y,
                    w,
                    html: false,
                });
            }
        }
        if let Some(h) = &p.html {
            for (k, (&y, &w)) in p.html_y.iter().zip(&p.html_w).enumerate() {
                if h.forced(k).is_none() {
                    out.push(Row {
                        x: &html_x[i][k],
                        y,
                        w,
                        html: true,
                    });
                }
            }
        }
    }
    out
}

/// Solves `a x = b` for a symmetric positive definite `a` (Cholesky).
fn solve(a: &[Vec<f64>], b: &[f64]) -> Vec<f64> {
    let n = b.len();
    let mut l = vec![vec![0.0f64; n]; n];
    for i in 0..n {
        for j in 0..=i {
            let mut s = a[i][j];
            for k in 0..j {
                s -= l[i][k] * l[j][k];
            }
            l[i][j] = if i == j {
                s.max(1e-12).sqrt()
            } else {
                s / l[j][j]
            };
        }
    }
    let mut y = vec![0.0f64; n];
    for i in 0..n {
        let mut s = b[i];
        for k in 0..i {
            s -= l[i][k] * y[k];
        }
        y[i] = s / l[i][i];
    }
    let mut x = vec![0.0f64; n];
    for i in (0..n).rev() {
        let mut s = y[i];
        for k in i + 1..n {
            s -= l[k][i] * x[k];
        }
        x[i] = s / l[i][i];
    }
    x
}

/// Fits the logistic model on `rows` (article rows of text dumps weigh `rt` times more,
/// of HTML pages `rh` times); returns raw-feature weights.
fn fit(rows: &[Row], dim: usize, rt: f64, rh: f64) -> Vec<f64> {
    let weight = |r: &Row| {
        r.w * if r.y {
            if r.html { rh } else { rt }
        } else {
            1.0
        }
    };
    // Features are scaled (not centred, so zeros stay zeros and the Hessian sums skip
    // them), each by its weighted root mean square.
    let wsum: f64 = rows.iter().map(weight).sum();
    let mut sd = vec![0.0f64; dim];
    for r in rows {
        let w = weight(r);
        for (j, v) in r.x.iter().enumerate().take(dim) {
            sd[j] += w * f64::from(*v) * f64::from(*v) / wsum;
        }
    }
    for (j, s) in sd.iter_mut().enumerate() {
        *s = s.sqrt();
        if j == 0 || *s < 1e-6 {
            *s = 1.0;
        }
    }
    let z = |r: &Row, j: usize| f64::from(r.x.get(j).copied().unwrap_or(0.0)) / sd[j];
    let mut beta = vec![0.0f64; dim];
    let mut zi = vec![0.0f64; dim];
    for _ in 0..NEWTON_STEPS {
        let mut grad = vec![0.0f64; dim];
        let mut hess = vec![vec![0.0f64; dim]; dim];
        for r in rows {
            for (j, v) in zi.iter_mut().enumerate() {
                *v = z(r, j);
            }
            let s: f64 = zi.iter().zip(&beta).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-s).exp());
            let w = weight(r);
            let err = p - if r.y { 1.0 } else { 0.0 };
            let h = w * p * (1.0 - p);
            for i in 0..dim {
                grad[i] += w * err * zi[i];
                if zi[i] != 0.0 {
                    let hz = h * zi[i];
                    for j in 0..=i {
                        hess[i][j] += hz * zi[j];
                    }
                }
            }
        }
        for i in 0..dim {
            for j in 0..i {
                hess[j][i] = hess[i][j];
            }
            if i > 0 {
                grad[i] += L2 * beta[i];
                hess[i][i] += L2;
            } else {
                hess[i][i] += 1e-9;
            }
        }
        let step = solve(&hess, &grad);
        for j in 0..dim {
            beta[j] -= step[j];
        }
    }
    beta.iter().zip(&sd).map(|(b, s)| b / s).collect()
}

/// Scores of the text front end on `pages` with shared weights `w` shifted by `shift`.
fn eval_text(pages: &[&Page], w: &[f32], shift: f32, switch: f32) -> (f64, f64, f64) {
    let mut w = w.to_vec();
    w[0] += shift;
    let rows: Vec<_> = pages
        .iter()
        .map(|p| {
            let body = p
                .text
                .as_ref()
                .map_or(String::new(), |t| t.body_with(&w, switch));
            counts(&p.truth, &body)
        })
        .collect();
    score(&rows)
}

/// Scores of the HTML front end; the shift moves the HTML-only bias (`html` feature).
fn eval_html(
    pages: &[&Page],
    w: &[f32],
    html_at: usize,
    shift: f32,
    switch: f32,
) -> (f64, f64, f64) {
    let mut w = w.to_vec();
    w[html_at] += shift;
    let rows: Vec<_> = pages
        .iter()
        .map(|p| {
            let body = p.html.as_ref().map_or(String::new(), |h| {
                let keep = h.keep_with(&w, switch);
                let kept: Vec<&str> = h
                    .texts()
                    .iter()
                    .zip(&keep)
                    .filter(|(t, k)| **k && !t.is_empty())
                    .map(|(t, _)| t.as_str())
                    .collect();
                kept.join("\n\n")
            });
            counts(&p.truth, &body)
        })
        .collect();
    score(&rows)
}

/// The generated source of `classify/learned_weights.rs`, formatted as rustfmt leaves it.
fn weights_file(
    names: &[&str],
    shared: usize,
    w: &[f32],
    text_switch: f32,
    html_switch: f32,
    setting: &str,
) -> String {
    let mut out = String::new();
    out.push_str(
        "//! @generated by `cargo run --release -p article-parse --features training --example\n\
         //! train_blocks -- --write article-parse/src/classify/learned_weights.rs` from\n\
         //! `../shared/data/extraction/train/` (settings chosen by leave-one-source-out).\n\
         //! Do not edit by hand.\n",
    );
    writeln!(out, "//!\n//! Chosen: {setting}.\n").unwrap();
    let block =
        |out: &mut String, doc: &str, name: &str, len: &str, names: &[&str], vals: &[f32]| {
            writeln!(out, "/// {doc}").unwrap();
            writeln!(out, "pub(crate) const {name}: [f32; {len}] = [").unwrap();
            let values: Vec<String> = vals.iter().map(|w| format!("{w:?},")).collect();
            let width = values.iter().map(String::len).max().unwrap_or(0);
            for (n, v) in names.iter().zip(&values) {
                writeln!(out, "    {v:width$} // {n}").unwrap();
            }
            out.push_str("];\n\n");
        };
    block(
        &mut out,
        "One weight per shared feature, in `FEATURE_NAMES` order (the first is the bias).",
        "SHARED",
        "super::features::N_FEATURES",
        &names[..shared],
        &w[..shared],
    );
    block(
        &mut out,
        "One weight per HTML-only feature, in `EXTRA_NAMES` order.",
        "EXTRA",
        // a literal (`learned` checks it by type): no module loop with `learned`
        &(names.len() - shared).to_string(),
        &names[shared..],
        &w[shared..],
    );
    out.push_str("/// Cost of a switch between body and boilerplate over a text dump's blocks.\n");
    writeln!(
        out,
        "pub(crate) const TEXT_SWITCH: f32 = {text_switch:?};\n"
    )
    .unwrap();
    out.push_str("/// Cost of a switch between body and boilerplate over an HTML page's blocks.\n");
    writeln!(out, "pub(crate) const HTML_SWITCH: f32 = {html_switch:?};").unwrap();
    out
}

fn main() {
    let (train, write) = support::trainer_args("train");
    let names = training::learned_feature_names();
    let dim = names.len();
    let shared = training::shared_len();
    let html_at = shared; // the `html` feature, first of the HTML-only ones
    // Pages per source, features computed once.
    let mut by_source: Vec<Vec<Page>> = Vec::new();
    for src in SOURCES {
        let dir = train.join(src);
        let ids = support::read_ids(&dir);
        let truth = support::read_truth(&dir);
        let mut pages = Vec::new();
        for id in &ids {
            let t = truth[id.as_str()]["articleBody"]
                .as_str()
                .unwrap_or("")
                .to_owned();
            let text = std::fs::read(dir.join("html").join(format!("{id}.txt")))
                .ok()
                .and_then(|b| training::text_page(&b));
            let html = read_gz(&dir.join("html").join(format!("{id}.html.gz")))
                .and_then(|b| training::html_page(&b));
            // The title: a dump's first line, an HTML page's `<title>`.
            let (text_y, text_w) = text.as_ref().map_or((vec![], vec![]), |p| {
                let texts = p.texts();
                let title = texts.first().copied().unwrap_or("");
                labels(&t, &texts, title)
            });
            let (html_y, html_w) = html.as_ref().map_or((vec![], vec![]), |p| {
                let texts: Vec<&str> = p.texts().iter().map(String::as_str).collect();
                labels(&t, &texts, p.title().unwrap_or(""))
            });
            pages.push(Page {
                truth: t,
                text,
                text_y,
                text_w,
                html,
                html_y,
                html_w,
            });
        }
        eprintln!("{src}: {} pages", pages.len());
        by_source.push(pages);
    }
    // HTML feature vectors, once (index: page order over all sources).
    let all: Vec<&Page> = by_source.iter().flatten().collect();
    let html_x: Vec<Vec<Vec<f32>>> = all
        .iter()
        .map(|p| {
            p.html.as_ref().map_or(vec![], |h| {
                (0..h.texts().len()).map(|k| h.features(k)).collect()
            })
        })
        .collect();
    let mut offsets = vec![0usize];
    for s in &by_source {
        offsets.push(offsets.last().unwrap() + s.len());
    }
    let source_pages = |s: usize| -> (Vec<&Page>, Vec<usize>) {
        (
            by_source[s].iter().collect(),
            (offsets[s]..offsets[s + 1]).collect(),
        )
    };
    // Leave-one-source-out: per recall setting and held-out source, the scores of every
    // (shift, switch) of each front end.
    type Grid = Vec<Vec<(f64, f64, f64)>>; // [shift][switch]
    let mut results: Vec<((f64, f64), Vec<(Grid, Grid)>)> = Vec::new();
    for &rt in &RECALL_TEXT {
        for &rh in &RECALL_HTML {
            let mut folds = Vec::new();
            for held in 0..SOURCES.len() {
                let (mut fit_pages, mut fit_idx) = (Vec::new(), Vec::new());
                for s in (0..SOURCES.len()).filter(|&s| s != held) {
                    let (p, i) = source_pages(s);
                    fit_pages.extend(p);
                    fit_idx.extend(i);
                }
                let r = rows(&fit_pages, &html_x, &fit_idx);
                let w: Vec<f32> = fit(&r, dim, rt, rh).iter().map(|&v| v as f32).collect();
                let (test, _) = source_pages(held);
                let text: Grid = SHIFTS
                    .iter()
                    .map(|&sh| {
                        SWITCHES
                            .iter()
                            .map(|&sw| eval_text(&test, &w, sh, sw))
                            .collect()
                    })
                    .collect();
                let html: Grid = SHIFTS
                    .iter()
                    .map(|&sh| {
                        SWITCHES
                            .iter()
                            .map(|&sw| eval_html(&test, &w, html_at, sh, sw))
                            .collect()
                    })
                    .collect();
                eprintln!(
                    "recall weights text {rt} html {rh}, held out {}: text F1 {:.4} html F1 {:.4} (shift 0, switch 2)",
                    SOURCES[held], text[2][2].0, html[2][2].0
                );
                folds.push((text, html));
            }
            results.push(((rt, rh), folds));
        }
    }
    // The best setting: recall weights by the sum of both front ends' best mean F1, then
    // each front end's (shift, switch) by its mean F1 over the held-out sources.
    let best_of = |folds: &[(Grid, Grid)], html: bool| -> (f64, usize, usize) {
        let mut best = (f64::MIN, 0, 0);
        for a in 0..SHIFTS.len() {
            for b in 0..SWITCHES.len() {
                let m: f64 = folds
                    .iter()
                    .map(|(t, h)| if html { h[a][b].0 } else { t[a][b].0 })
                    .sum::<f64>()
                    / folds.len() as f64;
                if m > best.0 {
                    best = (m, a, b);
                }
            }
        }
        best
    };
    let mut chosen = 0;
    let mut chosen_total = f64::MIN;
    for (i, (_, folds)) in results.iter().enumerate() {
        let total = best_of(folds, false).0 + best_of(folds, true).0;
        if total > chosen_total {
            chosen_total = total;
            chosen = i;
        }
    }
    let ((rt, rh), folds) = &results[chosen];
    let (tm, ta, tb) = best_of(folds, false);
    let (hm, ha, hb) = best_of(folds, true);
    let setting = format!(
        "recall weight text {rt} html {rh}; text shift {} switch {}; html shift {} switch {}",
        SHIFTS[ta], SWITCHES[tb], SHIFTS[ha], SWITCHES[hb]
    );
    println!("chosen by leave-one-source-out: {setting}");
    println!("leave-one-source-out (fit on the other two sources):");
    println!("source          front  F1     precision recall");
    for (held, (t, h)) in folds.iter().enumerate() {
        let (f, p, r) = h[ha][hb];
        println!("{:15} html   {f:.4} {p:.4}    {r:.4}", SOURCES[held]);
        let (f, p, r) = t[ta][tb];
        println!("{:15} text   {f:.4} {p:.4}    {r:.4}", SOURCES[held]);
    }
    println!("mean            html   {hm:.4}");
    println!("mean            text   {tm:.4}");
    // Final weights: all sources, the chosen setting, shifts folded into the weights.
    let idx: Vec<usize> = (0..all.len()).collect();
    let r = rows(&all, &html_x, &idx);
    let mut w: Vec<f32> = fit(&r, dim, *rt, *rh).iter().map(|&v| v as f32).collect();
    w[0] += SHIFTS[ta];
    w[html_at] += SHIFTS[ha] - SHIFTS[ta];
    for (n, v) in names.iter().zip(&w) {
        println!("  {n:24} {v:+.3}");
    }
    if let Some(path) = write {
        std::fs::write(
            &path,
            weights_file(&names, shared, &w, SWITCHES[tb], SWITCHES[hb], &setting),
        )
        .unwrap();
        println!("wrote {}", path.display());
    }
}
