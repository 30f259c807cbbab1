//! The text-dump grammar alone: any text gives blocks whose texts are trimmed, free of
//! blank lines and made of the input's text at their sources (only white space and a
//! leading bullet differ; control characters count as white space), in order and without overlap.
#![no_main]
#![allow(deprecated)] // the grammar is reached through `text_blocks` (deprecated public API)
use article_parse::text_blocks;

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
    let text = String::from_utf8_lossy(data);
    let blocks = text_blocks(&text);
    let mut prev_end = 0;
    for b in &blocks {
        let t = b.text();
        assert!(!t.is_empty(), "empty block");
        assert_eq!(t.trim(), t, "block text has edge white space");
        assert!(!t.contains("\n\n"), "block text has a blank line");
        let src = b.source().expect("dump blocks have sources");
        assert!(src.start() >= prev_end, "blocks overlap or are out of order");
        assert!(src.end() <= text.len(), "source out of bounds");
        let raw = text.get(src.range()).expect("source on char boundaries");
        assert_eq!(squeeze(raw), squeeze(t), "block text is not the text at its source");
        prev_end = src.end();
    }
});
