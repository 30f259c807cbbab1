//! What the training and measuring examples share: the benchmark's metric (4-word
//! shingles, per-page precision and recall averaged, as `score.py` computes them) and
//! the reading of a data folder (`ids.txt`, `truth.json`, `html/<id>.html.gz`).
//! Included by each example with `mod support;`; not an example itself.
#![allow(dead_code)] // each example uses a part

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

/// The words of `text`: runs of alphanumerics and `_`, as score.py splits them.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let w = c.is_alphanumeric() || c == '_';
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

fn shingles<'a>(toks: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut m = HashMap::new();
    if toks.is_empty() {
        return m;
    }
    if toks.len() <= 4 {
        *m.entry(toks.to_vec()).or_insert(0) += 1;
        return m;
    }
    for w in toks.windows(4) {
        *m.entry(w.to_vec()).or_insert(0) += 1;
    }
    m
}

/// (matched, extra, missed) of one page, as score.py counts them.
pub fn counts(truth: &str, pred: &str) -> (usize, usize, usize) {
    let t = shingles(&tokens(truth));
    let p = shingles(&tokens(pred));
    let matched: usize = p
        .iter()
        .map(|(k, &c)| c.min(t.get(k).copied().unwrap_or(0)))
        .sum();
    let np: usize = p.values().sum();
    let nt: usize = t.values().sum();
    (matched, np - matched, nt - matched)
}

/// F1, precision, recall over pages, as score.py computes them.
#[allow(clippy::cast_precision_loss)]
pub fn score(rows: &[(usize, usize, usize)]) -> (f64, f64, f64) {
    let mean = |v: Vec<f64>| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let p = mean(
        rows.iter()
            .filter(|r| r.0 + r.1 > 0)
            .map(|r| r.0 as f64 / (r.0 + r.1) as f64)
            .collect(),
    );
    let r = mean(
        rows.iter()
            .filter(|r| r.0 + r.2 > 0)
            .map(|r| r.0 as f64 / (r.0 + r.2) as f64)
            .collect(),
    );
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (f, p, r)
}

/// The page ids of a data folder (`ids.txt`, one per line), in file order.
///
/// # Panics
/// When `ids.txt` cannot be read (is `../shared` there?).
pub fn read_ids(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join("ids.txt"))
        .expect("ids.txt (is ../shared there?)")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The truth of a data folder (`truth.json`: id -> {"articleBody": ...}).
///
/// # Panics
/// When `truth.json` cannot be read or parsed.
pub fn read_truth(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("truth.json")).unwrap()).unwrap()
}

/// A gzip file's bytes, `None` when it cannot be read.
pub fn read_gz(path: &Path) -> Option<Vec<u8>> {
    let mut gz = flate2::read::GzDecoder::new(std::fs::File::open(path).ok()?);
    let mut page = Vec::new();
    gz.read_to_end(&mut page).ok()?;
    Some(page)
}

/// The arguments of a trainer, `[DIR] [--write FILE]`: the data folder (default
/// `../shared/data/extraction/<default>` beside the workspace) and where to write weights.
pub fn trainer_args(default: &str) -> (std::path::PathBuf, Option<std::path::PathBuf>) {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/extraction")
        .join(default);
    let mut write = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--write" {
            write = it.next().map(std::path::PathBuf::from);
        } else {
            dir = std::path::PathBuf::from(a);
        }
    }
    (dir, write)
}
