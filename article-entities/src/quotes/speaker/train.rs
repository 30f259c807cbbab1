//! The trainer of the speaker ranker ([`super::rank`]), a test: it annotates the
//! hand-labelled bodies of `tests/data/quote-labels.json` (dev) and
//! `tests/data/quote-labels-unseen.json` (l3s-gn1), records the candidates of every
//! quotation, learns a conditional logit model (softmax over a quotation's candidates,
//! L2, full-batch gradient descent with a fixed number of steps: deterministic), chooses
//! the feature set and the L2 strength by leave-one-article-out accuracy, reports it
//! against the rules', and writes the final weights to `rank_weights.rs`.
//!
//! Rebuild (byte for byte) and check:
//! `cargo test -p article-entities --release --lib quotes::speaker::train -- --ignored --nocapture`
//! then `git diff --exit-code article-entities/src/quotes/speaker/rank_weights.rs`.
//! Needs `../shared`; skips without it.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

use super::rank::{self, Candidates, F, N_FEATURES, NAMES};
use crate::quotes::marks::Piece;

#[path = "../../../tests/support/quote_labels.rs"]
mod labels;

/// One quotation as the ranker saw it: its pieces' content spans and its candidates.
#[derive(Clone, Debug)]
pub(super) struct Record {
    spans: Vec<(usize, usize)>,
    candidates: Vec<(String, [f64; N_FEATURES])>,
}

thread_local! {
    static RECORDS: RefCell<Option<Vec<Record>>> = const { RefCell::new(None) };
}

/// Keeps the candidates of the quotation `pieces[range]` when recording is on.
pub(super) fn record(pieces: &[Piece], range: std::ops::Range<usize>, c: &Candidates) {
    RECORDS.with(|r| {
        if let Some(list) = r.borrow_mut().as_mut() {
            list.push(Record {
                spans: pieces[range]
                    .iter()
                    .map(|p| (p.content.start(), p.content.end()))
                    .collect(),
                candidates: c
                    .list
                    .iter()
                    .map(|c| (c.speaker.name.clone(), c.features))
                    .collect(),
            });
        }
    });
}

/// One labelled quotation: its candidates and which are right.
struct Example {
    article: usize,
    /// The label set and `split/id` of its article.
    set: &'static str,
    id: String,
    /// The candidates' names, the right names and the quotation's start (for listings).
    names: Vec<String>,
    gold: Vec<String>,
    quote: String,
    features: Vec<[f64; N_FEATURES]>,
    right: Vec<bool>,
}

/// The labelled quotations of `set`, with the candidates the annotator gives them,
/// numbered from article `first_article`. `None` without `../shared`.
fn collect_examples(
    set: &labels::LabelSet,
    first_article: usize,
    out: &mut Vec<Example>,
) -> Option<usize> {
    let annotator = crate::Annotator::default();
    let mut n = 0;
    for labelled in labels::load(set)? {
        let mut article = labelled.article;
        RECORDS.with(|r| *r.borrow_mut() = Some(Vec::new()));
        annotator.annotate(&mut article).unwrap();
        let records = RECORDS.with(|r| r.borrow_mut().take()).unwrap_or_default();
        for g in labelled.gold.iter().filter(|g| g.kind == "quote") {
            let Some(alts) = &g.speakers else {
                continue;
            };
            let span = (g.start, g.end);
            let Some(rec) = records.iter().find(|r| r.spans.contains(&span)) else {
                continue;
            };
            let quote: String = article.body()[span.0..span.1].chars().take(40).collect();
            out.push(Example {
                article: first_article + n,
                set: set.name,
                id: format!("{}/{}", labelled.split, labelled.id),
                names: rec.candidates.iter().map(|c| c.0.clone()).collect(),
                gold: alts.clone(),
                quote,
                features: rec.candidates.iter().map(|c| c.1).collect(),
                right: rec
                    .candidates
                    .iter()
                    .map(|c| alts.contains(&labels::normalise(&c.0)))
                    .collect(),
            });
        }
        n += 1;
    }
    Some(n)
}

/// Trains weights on `train` with features outside `mask` off.
fn fit(train: &[&Example], mask: &[bool; N_FEATURES], l2: f64) -> [f64; N_FEATURES] {
    let steps: usize = std::env::var("SPEAKER_RANK_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(400);
    const RATE: f64 = 0.5;
    let mut w = [0.0; N_FEATURES];
    let useful: Vec<&&Example> = train
        .iter()
        .filter(|e| e.right.iter().any(|&r| r) && e.right.iter().any(|&r| !r))
        .collect();
    if useful.is_empty() {
        return w;
    }
    #[allow(clippy::cast_precision_loss)]
    let n = useful.len() as f64;
    for _ in 0..steps {
        let mut grad = [0.0; N_FEATURES];
        for e in &useful {
            let scores: Vec<f64> = e.features.iter().map(|x| rank::score(x, &w)).collect();
            let max = scores.iter().copied().fold(f64::MIN, f64::max);
            let exp: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
            let total: f64 = exp.iter().sum();
            let right_total: f64 = exp
                .iter()
                .zip(&e.right)
                .filter(|(_, r)| **r)
                .map(|(p, _)| p)
                .sum();
            for ((x, p), r) in e.features.iter().zip(&exp).zip(&e.right) {
                let mut g = p / total;
                if *r {
                    g -= p / right_total;
                }
                for k in 0..N_FEATURES {
                    grad[k] += g * x[k];
                }
            }
        }
        for k in 0..N_FEATURES {
            if mask[k] {
                w[k] -= RATE * (grad[k] / n + l2 * w[k]);
            }
        }
    }
    w
}

/// Whether the weights pick a right candidate for `e` (first of equal scores, as
/// [`Candidates::best`]).
fn picks_right(e: &Example, w: &[f64; N_FEATURES]) -> bool {
    let mut best: Option<(usize, f64)> = None;
    for (i, x) in e.features.iter().enumerate() {
        let s = rank::score(x, w);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.is_some_and(|(i, _)| e.right[i])
}

fn rule_right(e: &Example) -> bool {
    e.features
        .iter()
        .zip(&e.right)
        .any(|(x, r)| *r && x[F::Rule as usize] != 0.0)
}

/// Leave-one-article-out: whether each example is picked right by the weights fitted
/// on the other articles.
fn loao(examples: &[Example], n_articles: usize, mask: &[bool; N_FEATURES], l2: f64) -> Vec<bool> {
    let mut right = vec![false; examples.len()];
    for a in 0..n_articles {
        let test: Vec<usize> = (0..examples.len())
            .filter(|&i| examples[i].article == a)
            .collect();
        if test.is_empty() {
            continue;
        }
        let train: Vec<&Example> = examples.iter().filter(|e| e.article != a).collect();
        let w = fit(&train, mask, l2);
        for &i in &test {
            right[i] = picks_right(&examples[i], &w);
        }
        let test: Vec<&Example> = test.iter().map(|&i| &examples[i]).collect();
        if std::env::var_os("SPEAKER_RANK_VERBOSE").is_some() {
            for e in test.iter().filter(|e| !picks_right(e, &w)) {
                let mut c: Vec<(f64, &str, String)> = e
                    .features
                    .iter()
                    .zip(&e.names)
                    .map(|(x, name)| {
                        let on: Vec<&str> = (0..N_FEATURES)
                            .filter(|&k| x[k] != 0.0)
                            .map(|k| NAMES[k])
                            .collect();
                        (rank::score(x, &w), name.as_str(), on.join(","))
                    })
                    .collect();
                c.sort_by(|a, b| b.0.total_cmp(&a.0));
                eprintln!("MISS {} {:?} want {:?}", e.id, e.quote, e.gold);
                for (s, name, on) in c {
                    eprintln!("    {s:7.3} {name:?} [{on}]");
                }
            }
        }
    }
    right
}

#[test]
#[ignore = "trains the speaker ranker and rewrites rank_weights.rs; needs ../shared"]
fn train_speaker_ranker() {
    // Every labelled set but `heldout2`, which is scored once by `quotes_dev`.
    let mut examples = Vec::new();
    let mut n_articles = 0;
    for set in [&labels::DEV, &labels::UNSEEN, &labels::HELDOUT] {
        let Some(n) = collect_examples(set, n_articles, &mut examples) else {
            return;
        };
        n_articles += n;
    }
    let scored_once: Value = serde_json::from_str(labels::HELDOUT2.labels).unwrap();
    for art in scored_once["articles"].as_array().unwrap() {
        assert!(
            !examples
                .iter()
                .any(|e| e.id.ends_with(&format!("/{}", art["id"].as_str().unwrap()))),
            "a heldout2 article is in the training data"
        );
    }
    let total = examples.len();
    let rules = examples.iter().filter(|e| rule_right(e)).count();
    let oracle = examples
        .iter()
        .filter(|e| e.right.iter().any(|&r| r))
        .count();
    eprintln!(
        "{n_articles} articles, {total} labelled quotations found: rules right {rules} \
         ({:.3}), a right candidate among the candidates {oracle} ({:.3})",
        ratio(rules, total),
        ratio(oracle, total)
    );
    // SPEAKER_RANK_DROP=name,name: features left out of every setting (for ablations).
    let mut all = [true; N_FEATURES];
    if let Some(drop) = std::env::var_os("SPEAKER_RANK_DROP") {
        for name in drop.to_string_lossy().split(',') {
            let k = NAMES
                .iter()
                .position(|n| *n == name)
                .expect("a feature name");
            all[k] = false;
        }
    }
    let mut no_rule = all;
    for f in [
        F::Rule,
        F::RulePre,
        F::RulePost,
        F::RuleReported,
        F::RulePrevSubject,
        F::RuleCarry,
    ] {
        no_rule[f as usize] = false;
    }
    let mut no_interactions = all;
    for f in [F::NoPatternPrev, F::NoPatternRecent1, F::NoPatternSentence] {
        no_interactions[f as usize] = false;
    }
    let mut no_distance = all;
    for f in [F::Near, F::Mid, F::Sources] {
        no_distance[f as usize] = false;
    }
    let masks = [
        ("all", all),
        ("no rule features", no_rule),
        ("no interactions", no_interactions),
        ("no distance or source count", no_distance),
    ];
    // SPEAKER_RANK_VERBOSE: one setting only, listing its misses.
    let verbose = std::env::var_os("SPEAKER_RANK_VERBOSE").is_some();
    let (masks, l2s) = if verbose {
        (&masks[..1], &[0.01][..])
    } else {
        (&masks[..], &[0.001, 0.01, 0.1][..])
    };
    // (right, setting name, mask, L2, the picks)
    type Setting<'a> = (usize, &'a str, [bool; N_FEATURES], f64, Vec<bool>);
    let mut best: Option<Setting<'_>> = None;
    for (name, mask) in masks {
        for &l2 in l2s {
            let picks = loao(&examples, n_articles, mask, l2);
            let right = picks.iter().filter(|&&r| r).count();
            eprintln!(
                "leave-one-article-out, {name}, l2 {l2}: {right}/{total} ({:.3})",
                ratio(right, total)
            );
            if best.as_ref().is_none_or(|(b, ..)| right > *b) {
                best = Some((right, name, *mask, l2, picks));
            }
        }
    }
    let (right, name, mask, l2, picks) = best.unwrap();
    for set in [&labels::DEV, &labels::UNSEEN, &labels::HELDOUT] {
        let of_set: Vec<bool> = examples
            .iter()
            .zip(&picks)
            .filter(|(e, _)| e.set == set.name)
            .map(|(_, &r)| r)
            .collect();
        let r = of_set.iter().filter(|&&r| r).count();
        eprintln!(
            "  of which {}: {r}/{} ({:.3})",
            set.name,
            of_set.len(),
            ratio(r, of_set.len())
        );
    }
    eprintln!(
        "chosen: {name}, l2 {l2}: leave-one-article-out {right}/{total} ({:.3}) against the \
         rules' {rules}/{total} ({:.3})",
        ratio(right, total),
        ratio(rules, total)
    );
    let refs: Vec<&Example> = examples.iter().collect();
    let w = fit(&refs, &mask, l2);
    let w = w.map(|x| (x * 1e6).round() / 1e6);
    let fitted = examples.iter().filter(|e| picks_right(e, &w)).count();
    eprintln!(
        "on the training data: {fitted}/{total} ({:.3})",
        ratio(fitted, total)
    );
    let mut file = String::new();
    file.push_str(
        "//! @generated by the speaker ranker's trainer (`train.rs`); do not edit. Rebuild with\n\
         //! `cargo test -p article-entities --release --lib quotes::speaker::train -- --ignored`.\n",
    );
    writeln!(
        file,
        "//! Chosen by leave-one-article-out over {n_articles} articles ({total} quotations): \
         {name}, L2 {l2};\n//! {right} right ({:.3}), the rules {rules} ({:.3}).\n",
        ratio(right, total),
        ratio(rules, total)
    )
    .unwrap();
    // the length as a literal (`rank` checks it by type): no module loop with `rank`
    file.push_str("/// Weights of the speaker ranker's features (see `rank::F`).\n");
    writeln!(
        file,
        "#[rustfmt::skip]\npub(super) const WEIGHTS: [f64; {N_FEATURES}] = ["
    )
    .unwrap();
    for (k, x) in w.iter().enumerate() {
        writeln!(file, "    {x:.6}, // {}", NAMES[k]).unwrap();
    }
    file.push_str("];\n");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/quotes/speaker/rank_weights.rs");
    std::fs::write(&out, file).unwrap();
    eprintln!("wrote {}", out.display());
}

fn ratio(a: usize, b: usize) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}
