//! Issue 16: annotating a long body holds memory linear in it, with a small factor (the
//! annotations and the tables of words kept between windows), not the whole body's
//! per-token arrays (which cost about 60 bytes of heap per byte of text).
//!
//! A test binary of its own: it counts every allocation of the process with a global
//! allocator, so no other test may run beside it. Counts bytes, does not time anything.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns

use article_entities::Annotator;
use article_model::{Article, BlockKind};

#[path = "../integration/synthetic.rs"]
mod synthetic;

#[global_allocator]
static HEAP: peak_alloc::PeakAlloc = peak_alloc::PeakAlloc;

/// Peak heap bytes above the live heap while annotating an article of `bytes` of text.
fn annotation_peak(annotator: &Annotator, bytes: usize) -> (usize, usize) {
    let mut article = Article::new();
    for p in synthetic::paragraphs(bytes) {
        article.push_paragraph(BlockKind::Paragraph, &p, None);
    }
    let len = article.body().len();
    let before = HEAP.current_usage();
    HEAP.reset_peak_usage();
    annotator.annotate(&mut article).unwrap();
    let peak = HEAP.peak_usage().saturating_sub(before);
    assert!(!article.entities().is_empty() && !article.quotes().is_empty());
    drop(article);
    (len, peak)
}

#[test]
fn issue_16_annotation_memory_is_linear_with_a_small_factor() {
    // Windows of 32 KiB: the bodies below are 16 and 64 windows long.
    let annotator = Annotator::builder().window_bytes(32 << 10).build();
    // warm up: the embedded model is loaded once, on first use
    annotation_peak(&annotator, 4 << 10);
    let (small_len, small) = annotation_peak(&annotator, 512 << 10);
    let (large_len, large) = annotation_peak(&annotator, 2 << 20);
    eprintln!("annotation peak: {small} B for {small_len} B of body, {large} B for {large_len} B");
    // k * N + c: the annotations themselves (entity, quotation and date texts, about 4x
    // the text here) plus one window's arrays and the word tables.
    let bound = |n: usize| 8 * n + (16 << 20);
    assert!(small <= bound(small_len), "{small} B for {small_len} B");
    assert!(large <= bound(large_len), "{large} B for {large_len} B");
    // linear: four times the text, at most about four times the memory
    assert!(
        large <= 5 * small,
        "{small} B for {small_len} B, {large} B for {large_len} B"
    );
}
