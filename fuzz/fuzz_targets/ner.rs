//! Tokenizer, sentence splitter and tagger over any text: tokens cover the non-space text
//! in order, sentences partition the tokens, mentions lie on token boundaries within one
//! sentence and one line, and annotating an article keeps its invariants.
#![no_main]
use article_entities::{Annotator, Recognizer, is_separator, sentences, tokenize};
use article_model::{Article, BlockKind};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() > 1 << 16 {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let tokens = tokenize(text);
    let mut last = 0;
    for t in &tokens {
        let s = t.span();
        assert!(s.start() >= last && s.start() < s.end(), "token spans out of order");
        let gap = text.get(last..s.start()).expect("token starts on a char boundary");
        assert!(gap.chars().all(is_separator), "a token skipped text");
        assert!(!t.text(text).is_empty());
        last = s.end();
    }
    assert!(text[last..].chars().all(is_separator), "text after the last token");
    let sents = sentences(text, &tokens);
    let mut next = 0;
    for s in &sents {
        assert_eq!(s.tokens().start, next, "sentences do not partition the tokens");
        next = s.tokens().end;
    }
    assert_eq!(next, tokens.len());
    for m in Recognizer::default().recognize_tokens(text, &tokens, &sents) {
        let r = m.tokens();
        assert!(r.start < r.end && r.end <= tokens.len());
        assert!(sents.iter().any(|s| s.tokens().start <= r.start && r.end <= s.tokens().end));
        assert!(tokens[r.start + 1..r.end].iter().all(|t| !t.line_break_before()));
        assert_eq!(m.span().start(), tokens[r.start].span().start());
        assert_eq!(m.span().end(), tokens[r.end - 1].span().end());
    }
    let mut article = Article::new();
    for p in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let _ = article.try_push_paragraph(BlockKind::Paragraph, p, None);
    }
    Annotator::default()
        .annotate(&mut article)
        .expect("annotation keeps the invariants");
    article.check_invariants().expect("invariants hold");
});
