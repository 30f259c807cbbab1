//! The annotation layers (entities, clusters, quotations, speakers, dates) on any text:
//! the annotated article holds every invariant, with and without an anchor date.
#![no_main]
use std::sync::OnceLock;

use article_entities::Annotator;
use article_model::{Article, BlockKind};

static ANNOTATOR: OnceLock<Annotator> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() > 1 << 16 {
        return;
    }
    let text = String::from_utf8_lossy(data);
    let mut article = Article::new();
    for line in text.split('\n') {
        let line = line.trim();
        if !line.is_empty() {
            article
                .try_push_paragraph(BlockKind::Paragraph, line, None)
                .expect("a trimmed non-blank line is a valid paragraph");
        }
    }
    // The first byte picks the anchor: none, a date, or a published date-time.
    match data.first().map(|b| b % 3) {
        Some(1) => article.metadata.published = Some("2020-07-16".into()),
        Some(2) => article.metadata.published = Some("2021-01-01T10:00:00+03:00".into()),
        _ => {}
    }
    let annotator = ANNOTATOR.get_or_init(|| {
        Annotator::builder()
            .anchor_date(Some("2019-12-31".parse().expect("a valid date")))
            .build()
    });
    annotator
        .annotate(&mut article)
        .expect("annotations keep the article's invariants");
    article
        .check_invariants()
        .expect("annotate returned an article that breaks an invariant");
});
