//! The WARC reader: any bytes give records and errors, never a panic or a hang; every
//! record's block is its Content-Length long, its file range lies in the input and, read
//! alone, gives the same record; HTTP heads and payloads parse or fail cleanly, within
//! the limit.
#![no_main]
use article_warc::{OffsetKind, Reader, ReaderBuilder};

const MAX: usize = 1 << 20;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() > 1 << 20 {
        return;
    }
    let mut items = 0;
    for item in ReaderBuilder::new().max_record_bytes(MAX).build(data) {
        items += 1;
        assert!(items <= data.len() + 1, "more items than input bytes");
        let Ok(record) = item else { continue };
        assert_eq!(record.block().len() as u64, record.content_length());
        assert!(record.block().len() <= MAX);
        if record.offset_kind() == OffsetKind::File {
            let start = usize::try_from(record.offset()).expect("offset fits");
            let end = start + usize::try_from(record.length()).expect("length fits");
            let range = data
                .get(start..end)
                .expect("a file range lies in the input");
            let alone: Vec<_> = Reader::new(range).collect();
            assert_eq!(alone.len(), 1, "a record's range holds one record");
            let again = alone[0].as_ref().expect("a record's range reads alone");
            assert_eq!(again.block(), record.block());
        }
        if let Ok(http) = record.http_response() {
            assert!(http.raw_body().len() <= record.block().len());
            if let Ok(payload) = http.payload() {
                assert!(payload.len() <= MAX);
            }
        }
    }
});
