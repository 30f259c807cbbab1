//! Counts the records of WARC files and times the reading (records, bytes, seconds).
//!
//! `cargo run --release -p article-warc --example count -- FILE...`
//!
//! For each file: records per type, errors (each printed), HTML 200 responses and their
//! decoded payload bytes, the file's size, the records' block bytes (decompressed) and the
//! seconds spent reading, parsing HTTP and decoding payloads.
use std::collections::BTreeMap;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        return Err("usage: count FILE...".into());
    }
    for path in paths {
        let bytes = std::fs::metadata(&path)?.len();
        let started = Instant::now();
        let file = std::fs::File::open(&path)?;
        let (mut records, mut errors, mut html, mut payload_bytes) = (0u64, 0u64, 0u64, 0u64);
        let mut block_bytes = 0u64;
        let mut types: BTreeMap<&'static str, u64> = BTreeMap::new();
        for item in article_warc::Reader::new(file) {
            let record = match item {
                Ok(record) => record,
                Err(e) => {
                    errors += 1;
                    eprintln!("{path}: {e}");
                    continue;
                }
            };
            records += 1;
            block_bytes += record.content_length();
            *types.entry(record.record_type().as_str()).or_default() += 1;
            if record.record_type() != article_warc::RecordType::Response
                || !record.is_http_response()
            {
                continue;
            }
            match record.http_response() {
                Ok(http) if http.status() == 200 && http.is_html() => match http.payload() {
                    Ok(payload) => {
                        html += 1;
                        payload_bytes += payload.len() as u64;
                    }
                    Err(e) => eprintln!("{path}: {e}"),
                },
                Ok(_) => {}
                Err(e) => eprintln!("{path}: {e}"),
            }
        }
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "{path}: {records} records {types:?}, {errors} errors, {html} HTML 200 responses \
             ({payload_bytes} payload bytes); {bytes} bytes ({block_bytes} block bytes) in \
             {seconds:.3} s: {:.1} MB/s of file, {:.1} MB/s of blocks",
            bytes as f64 / seconds / 1e6,
            block_bytes as f64 / seconds / 1e6
        );
    }
    Ok(())
}
