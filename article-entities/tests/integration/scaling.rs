//! Pathological inputs: annotation time grows linearly with the text (HARDENING.md).
//!
//! Ignored by default (timing is noisy on a shared machine); run with
//! `cargo test --release -p article-entities --test integration -- --ignored scale --nocapture`.
//! The crate's unit test `annotate::tests::annotation_work_grows_linearly` checks the same
//! shapes deterministically, by counting the steps of the scans that could grow.

use article_entities::{Annotator, tokenize};
use article_model::{Article, BlockKind};

use crate::shapes::{UNITS, paragraphs_of, text_of};

fn article_of(text: &str) -> Article {
    let mut a = Article::new();
    for p in paragraphs_of(text) {
        a.push_paragraph(BlockKind::Paragraph, p, None);
    }
    a
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
        let small = time(&text_of(unit, 64 << 10));
        let large = time(&text_of(unit, 256 << 10));
        let ratio = large / small.max(1e-6);
        eprintln!("{unit:?}: 64 KiB {small:.4}s, 256 KiB {large:.4}s, ratio {ratio:.1}");
        if ratio > worst.0 {
            worst = (ratio, unit);
        }
    }
    eprintln!("worst: {:?}, ratio {:.1}", worst.1, worst.0);
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
        let mut a = article_of(&text_of(unit, 4 << 10));
        annotator.annotate(&mut a).unwrap();
        a.check_invariants().unwrap();
    }
}
