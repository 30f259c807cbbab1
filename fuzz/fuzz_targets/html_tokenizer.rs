//! The HTML tokenizer: on any text, tokens tile the input (contiguous, non-empty, on char
//! boundaries, covering it) and attributes per tag stay bounded.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() > 1 << 20 {
        return;
    }
    let text = String::from_utf8_lossy(data);
    let tokens = article_parse::fuzzing::check_tokenizer(&text);
    assert!(tokens <= text.len(), "more tokens than bytes");
});
