//! The whole HTML pipeline: any bytes give an article that holds its invariants, or an
//! error; body paragraphs' sources are in bounds of the input.
#![no_main]
use article_parse::{Extractor, InputFormat};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() > 1 << 20 {
        return;
    }
    let extractor = Extractor::builder().format(InputFormat::Html).build();
    if let Ok(article) = extractor.extract(data) {
        article
            .check_invariants()
            .expect("extract returned an article that breaks an invariant");
        for p in article.paragraphs() {
            if let Some(src) = p.source() {
                assert!(src.end() <= data.len(), "paragraph source out of bounds");
            }
        }
    }
});
