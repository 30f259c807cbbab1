//! Decoding and the block builder: on any bytes, every block is trimmed non-empty text with
//! no blank line, its ranges in bounds and on char boundaries, at most the block limit of
//! them, even with a tiny depth limit.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() > 1 << 20 {
        return;
    }
    let depth = usize::from(data.first().copied().unwrap_or(0) % 16) + 1;
    let blocks = article_parse::fuzzing::check_blocks(data, depth, 64);
    assert!(blocks.len() <= 64);
    let _ = article_parse::fuzzing::check_blocks(data, 512, 1_000_000);
});
