//! The whole text-dump pipeline: any bytes give an article that holds its invariants,
//! or an error; the record round-trips through JSON.
#![no_main]
use article_model::Article;
use article_parse::{Extractor, InputFormat};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() > 1 << 20 {
        return;
    }
    let extractor = Extractor::builder().format(InputFormat::Text).build();
    if let Ok(article) = extractor.extract(data) {
        article
            .check_invariants()
            .expect("extract returned an article that breaks an invariant");
        let json = article.to_json().expect("a valid article serializes");
        let back = Article::from_json(&json).expect("a written record loads");
        assert_eq!(back, article, "json round trip changed the article");
    }
});
