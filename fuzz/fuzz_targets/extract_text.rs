//! The whole text-dump pipeline: any bytes give an article that holds its invariants,
//! or an error; every body paragraph is the input's text at its source (only white space
//! and a leading bullet differ; control characters count as white space); the record round-trips through JSON.
#![no_main]
use article_model::Article;
use article_parse::{Extractor, InputFormat};

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !matches!(c, '\u{200b}' | '\u{200c}' | '\u{2060}' | '\u{feff}')
        })
        .collect()
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() > 1 << 20 {
        return;
    }
    let extractor = Extractor::builder().format(InputFormat::Text).build();
    if let Ok(article) = extractor.extract(data) {
        article
            .check_invariants()
            .expect("extract returned an article that breaks an invariant");
        for p in article.paragraphs() {
            let src = p.source().expect("text paragraphs have sources");
            let raw = data.get(src.range()).expect("paragraph source out of bounds");
            assert_eq!(
                squeeze(&String::from_utf8_lossy(raw)),
                squeeze(article.paragraph_text(p)),
                "paragraph is not the input's text at its source"
            );
        }
        for r in &article.removed {
            if let Some(src) = r.source {
                assert!(src.end() <= data.len(), "removed source out of bounds");
            }
        }
        let json = article.to_json().expect("a valid article serializes");
        let back = Article::from_json(&json).expect("a written record loads");
        assert_eq!(back, article, "json round trip changed the article");
    }
});
