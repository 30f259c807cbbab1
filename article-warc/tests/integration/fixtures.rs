//! The crate's own fixtures (`tests/fixtures/`, see `ATTRIBUTION`): counts, types and
//! offsets as warcio 1.7 gives them, payloads, and every prefix of each file.

use article_warc::{ErrorKind, OffsetKind, Reader, Record, RecordType};

use crate::{read_all, records};

const EXAMPLE: &[u8] = include_bytes!("../fixtures/warcio-example.warc.gz");
const CHUNKED: &[u8] = include_bytes!("../fixtures/warcio-example-iana.org-chunked.warc");
const CLIPPED: &[u8] = include_bytes!("../fixtures/resiliparse-clipped.warc.gz");

fn types(records: &[Record]) -> Vec<RecordType> {
    records.iter().map(Record::record_type).collect()
}

/// Each record's byte range, read on its own, gives the same record.
fn assert_ranges_reread(file: &[u8], records: &[Record]) {
    for record in records {
        assert_eq!(record.offset_kind(), OffsetKind::File);
        let start = usize::try_from(record.offset()).unwrap();
        let end = start + usize::try_from(record.length()).unwrap();
        let alone = crate::records(&file[start..end]);
        assert_eq!(alone.len(), 1, "{:?}", record.record_id());
        assert_eq!(
            alone[0].headers().collect::<Vec<_>>(),
            record.headers().collect::<Vec<_>>()
        );
        assert_eq!(alone[0].block(), record.block());
        assert_eq!((alone[0].offset(), alone[0].length()), (0, record.length()));
    }
}

#[test]
fn gzip_members_give_their_offsets() {
    let records = records(EXAMPLE);
    use RecordType::*;
    assert_eq!(
        types(&records),
        [Warcinfo, Warcinfo, Response, Request, Revisit, Request]
    );
    let ranges: Vec<(u64, u64)> = records.iter().map(|r| (r.offset(), r.length())).collect();
    // warcio's get_record_offset() / get_record_length().
    assert_eq!(
        ranges,
        [
            (0, 353),
            (353, 431),
            (784, 1228),
            (2012, 609),
            (2621, 586),
            (3207, 609)
        ]
    );
    assert_ranges_reread(EXAMPLE, &records);
    assert_eq!(records[2].target_uri(), Some("http://example.com/"));
    assert_eq!(records[2].date(), Some("2017-03-06T04:02:06Z"));
    assert_eq!(
        records[2].record_id(),
        Some("<urn:uuid:a9c51e3e-0221-11e7-bf66-0242ac120005>")
    );
    assert_eq!(
        records[2].content_type(),
        Some("application/http; msgtype=response")
    );
    assert_eq!(records[2].version(), "WARC/1.0");
    let http = records[2].http_response().unwrap();
    assert_eq!(
        (http.status(), http.mime_type(), http.charset()),
        (200, Some("text/html"), None)
    );
    assert_eq!(http.header("content-encoding"), Some("gzip"));
    // The body is gzip; the payload is the page (warcio: 1270 bytes).
    assert!(http.raw_body().starts_with(&[0x1f, 0x8b]));
    let payload = http.payload().unwrap();
    assert_eq!(payload.len(), 1270);
    assert!(
        payload.starts_with(b"<!doctype html>"),
        "{:?}",
        &payload[..20]
    );
    // A revisit has the HTTP head only.
    let revisit = records[4].http_response().unwrap();
    assert_eq!(revisit.status(), 200);
    assert!(revisit.raw_body().is_empty());
    // Requests are no HTTP responses.
    let err = records[3].http_response().unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::NotHttp), "{err}");
}

#[test]
fn uncompressed_files_give_record_offsets_and_chunked_bodies_decode() {
    let records = records(CHUNKED);
    use RecordType::*;
    assert_eq!(types(&records), [Warcinfo, Response, Request]);
    // warcio gives offsets 0, 405, 8379 (its lengths leave out the blank lines after a
    // record; ours keep them, so the ranges tile the file).
    let ranges: Vec<(u64, u64)> = records.iter().map(|r| (r.offset(), r.length())).collect();
    assert_eq!(ranges, [(0, 405), (405, 7974), (8379, 452)]);
    assert_eq!(8379 + 452, CHUNKED.len());
    assert_ranges_reread(CHUNKED, &records);
    let http = records[1].http_response().unwrap();
    assert_eq!(http.header("Transfer-Encoding"), Some("chunked"));
    assert_eq!(http.charset(), Some("UTF-8"));
    assert!(http.is_html());
    let payload = http.payload().unwrap();
    // warcio's content_stream(): 7223 bytes, a page without chunk-size lines.
    assert_eq!(payload.len(), 7223);
    assert!(payload.starts_with(b"<!doctype html>"));
    assert!(payload.trim_ascii_end().ends_with(b"</html>"));
    assert!(http.raw_body().len() > payload.len());
}

#[test]
fn a_clipped_member_ends_with_an_error_for_its_record() {
    let items = read_all(CLIPPED);
    assert_eq!(items.len(), 1);
    let err = items[0].as_ref().unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::Truncated {
                what: "a gzip member"
            }
        ),
        "{err}"
    );
    assert!(err.is_fatal());
    assert_eq!(err.offset(), 0);
    assert_eq!(
        err.record_id(),
        Some("<urn:uuid:f3dfa8fa-f031-4a38-90cc-1dcee3d07bb5>")
    );
    assert_eq!(
        err.to_string(),
        "input ended inside a gzip member (at offset 0, record \
         <urn:uuid:f3dfa8fa-f031-4a38-90cc-1dcee3d07bb5>)"
    );
}

/// Where a record's bytes end, leaving out the blank lines after an uncompressed one: a
/// cut at or after it leaves the record whole.
fn essential_end(file: &[u8], record: &Record) -> usize {
    let start = usize::try_from(record.offset()).unwrap();
    if file.starts_with(&[0x1f, 0x8b]) {
        return start + usize::try_from(record.length()).unwrap();
    }
    let head = file[start..]
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap()
        + 4;
    start + head + usize::try_from(record.content_length()).unwrap()
}

/// Every prefix of a file: the records read are the file's first ones; a cut inside a
/// record ends with one error for it (and nothing after it); a cut between records ends
/// cleanly.
fn assert_prefixes(file: &[u8]) {
    let full = records(file);
    for cut in 0..=file.len() {
        let items: Vec<_> = Reader::new(&file[..cut]).collect();
        let ok: Vec<&Record> = items.iter().filter_map(|i| i.as_ref().ok()).collect();
        let whole = full
            .iter()
            .filter(|r| essential_end(file, r) <= cut)
            .count();
        assert_eq!(ok.len(), whole, "cut at {cut}");
        for (got, want) in ok.iter().zip(&full) {
            assert_eq!(got.block(), want.block(), "cut at {cut}");
        }
        let inside = full
            .iter()
            .any(|r| usize::try_from(r.offset()).unwrap() < cut && cut < essential_end(file, r));
        let errors = items.iter().filter(|i| i.is_err()).count();
        assert_eq!(errors, usize::from(inside), "cut at {cut}: {items:?}");
        if inside {
            let last = items.last().unwrap().as_ref().unwrap_err();
            assert!(
                matches!(last.kind(), ErrorKind::Truncated { .. }),
                "cut at {cut}: {last}"
            );
        }
    }
}

#[test]
fn every_prefix_of_a_gzip_file_reads_its_whole_records_then_an_error() {
    assert_prefixes(EXAMPLE);
}

#[test]
fn every_prefix_of_an_uncompressed_file_reads_its_whole_records_then_an_error() {
    assert_prefixes(CHUNKED);
}
