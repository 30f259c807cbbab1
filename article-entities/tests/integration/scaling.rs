//! Pathological inputs: annotation time grows linearly with the text (HARDENING.md).
//!
//! Ignored by default (timing is noisy on a shared machine); run with
//! `cargo test --release -p article-entities --test integration -- --ignored scale`.

use article_entities::{Annotator, tokenize};
use article_model::{Article, BlockKind};

/// Units repeated to build an input: each stresses one scanner.
const UNITS: &[&str] = &[
    "\"",                     // a run of ASCII quotes
    "(",                      // a run of opening parentheses
    "“",                      // typographic openers
    "«",                      // guillemets
    "a,",                     // separators inside one long chunk
    "a,b@",                   // '@' far away: e-mail checks
    "http://x.y/",            // URLs glued together
    "word ",                  // plain words
    "Mr. A. B. ",             // abbreviations and initials
    "He said \"yes\" and ",   // quotations and speakers
    "Hulusi Akar said. ",     // one name, many mentions (clusters)
    "‘",                      // single openers
    "'",                      // apostrophes
    "... ",                   // ellipses
    "July 16, 2020, Monday ", // dates
    "ANKARA TURKEY ",         // all caps
    "\u{a0}\u{2009}",         // Unicode spaces only
    "x\u{301}",               // combining marks
];

fn article_of(text: &str) -> Article {
    let mut a = Article::new();
    let text = text.trim();
    if !text.is_empty() {
        a.push_paragraph(BlockKind::Paragraph, text, None);
    }
    a
}

fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

#[test]
#[ignore]
fn pathological_inputs_scale_linearly() {
    let annotator = Annotator::default();
    let time = |text: &str| {
        (0..3)
            .map(|_| {
                let mut a = article_of(text);
                let t = std::time::Instant::now();
                annotator.annotate(&mut a).unwrap();
                let _ = std::hint::black_box(tokenize(text).len());
                t.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min)
    };
    let mut worst = (0.0, "");
    for unit in UNITS {
        let small = time(&repeat(unit, 64 << 10));
        let large = time(&repeat(unit, 256 << 10));
        let ratio = large / small.max(1e-6);
        eprintln!("{unit:?}: 64 KiB {small:.4}s, 256 KiB {large:.4}s, ratio {ratio:.1}");
        if ratio > worst.0 {
            worst = (ratio, unit);
        }
    }
    // Linear is about 4x; quadratic would be about 16x.
    assert!(
        worst.0 < 8.0,
        "{:?}: ratio {:.1} looks superlinear",
        worst.1,
        worst.0
    );
}

/// The same inputs, small, in the default run: annotation holds the invariants.
#[test]
fn pathological_inputs_keep_invariants() {
    let annotator = Annotator::default();
    for unit in UNITS {
        let mut a = article_of(&repeat(unit, 4 << 10));
        annotator.annotate(&mut a).unwrap();
        a.check_invariants().unwrap();
    }
}
