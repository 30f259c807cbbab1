//! Loading records: any text either fails cleanly or gives an article that holds its
//! invariants and writes back to a record that loads to the same article.
#![no_main]
use article_model::Article;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() > 1 << 16 {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(article) = Article::from_json(text) {
        article.check_invariants().expect("a loaded article holds its invariants");
        let json = article.to_json().expect("a loaded article serializes");
        assert_eq!(Article::from_json(&json).expect("round trip"), article);
    }
});
