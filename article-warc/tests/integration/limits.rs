//! Limits at `limit` and `limit + 1`, and recovery: after a broken record the reader goes
//! on with the next one.

use article_warc::{ErrorKind, MAX_HEADER_BYTES, OffsetKind, Reader, ReaderBuilder, RecordType};

use crate::writer::{Packing, TestRecord, gzip, http_response, write_warc};

/// `Ok(block)` or `Err(kind name)` per item.
fn outcomes(file: &[u8], max: usize) -> Vec<Result<Vec<u8>, String>> {
    ReaderBuilder::new()
        .max_record_bytes(max)
        .build(file)
        .map(|item| match item {
            Ok(record) => Ok(record.into_block()),
            Err(e) => Err(match e.kind() {
                ErrorKind::TooLarge { .. } => "too large".to_owned(),
                ErrorKind::Truncated { .. } => "truncated".to_owned(),
                ErrorKind::Gzip(_) => "gzip".to_owned(),
                ErrorKind::Header(_) => "header".to_owned(),
                other => format!("{other}"),
            }),
        })
        .collect()
}

fn three(middle: &[u8]) -> Vec<TestRecord> {
    vec![
        TestRecord::new("resource", 1, b"first"),
        TestRecord::new("resource", 2, middle),
        TestRecord::new("resource", 3, b"last"),
    ]
}

#[test]
fn a_block_at_the_limit_is_read_and_one_over_is_skipped() {
    let max = 1000;
    for packing in [Packing::Plain, Packing::Members, Packing::OneMember] {
        let (file, _) = write_warc(&three(&vec![b'x'; max]), packing);
        let got = outcomes(&file, max);
        assert_eq!(got.len(), 3, "{packing:?}");
        assert!(got.iter().all(Result::is_ok), "{packing:?}: {got:?}");

        let (file, _) = write_warc(&three(&vec![b'x'; max + 1]), packing);
        let got = outcomes(&file, max);
        assert_eq!(
            got,
            [
                Ok(b"first".to_vec()),
                Err("too large".into()),
                Ok(b"last".to_vec())
            ],
            "{packing:?}"
        );
    }
}

#[test]
fn the_too_large_error_names_its_record() {
    let (file, ranges) = write_warc(&three(&[b'x'; 11]), Packing::Members);
    let items: Vec<_> = ReaderBuilder::new()
        .max_record_bytes(10)
        .build(&file[..])
        .collect();
    let err = items[1].as_ref().unwrap_err();
    assert_eq!(err.offset(), ranges[1].0);
    assert_eq!(
        err.record_id(),
        Some("<urn:uuid:00000000-0000-0000-0000-000000000002>")
    );
    assert_eq!(
        err.to_string(),
        format!(
            "record block of 11 bytes is over the limit of 10 (at offset {}, record \
             <urn:uuid:00000000-0000-0000-0000-000000000002>)",
            ranges[1].0
        )
    );
    assert!(!err.is_fatal());
}

#[test]
fn a_header_over_its_limit_is_an_error_then_the_next_record_reads() {
    // The header, its blank line included, is MAX_HEADER_BYTES long, then one more.
    let header_len = |r: &TestRecord| r.to_bytes().len() - r.block.len() - 4;
    let short = TestRecord::new("resource", 1, b"first").field("X-Long", "v");
    let fill = MAX_HEADER_BYTES - header_len(&short) + 1;
    for (extra, ok) in [(0, true), (1, false)] {
        let first =
            TestRecord::new("resource", 1, b"first").field("X-Long", &"v".repeat(fill + extra));
        assert_eq!(header_len(&first), MAX_HEADER_BYTES + extra);
        let records = vec![first, TestRecord::new("resource", 2, b"second")];
        let (file, _) = write_warc(&records, Packing::Plain);
        let got = outcomes(&file, 1 << 20);
        if ok {
            assert_eq!(got, [Ok(b"first".to_vec()), Ok(b"second".to_vec())]);
        } else {
            assert_eq!(got, [Err("header".into()), Ok(b"second".to_vec())]);
        }
    }
}

#[test]
fn a_decoded_payload_at_the_limit_is_given_and_one_over_is_an_error() {
    let page = vec![b'a'; 5000];
    let block = http_response(200, &[("Content-Encoding", "gzip")], &gzip(&page));
    let record = TestRecord::new("response", 1, &block)
        .field("Content-Type", "application/http; msgtype=response");
    let (file, _) = write_warc(&[record], Packing::Plain);
    let read = |max| {
        ReaderBuilder::new()
            .max_record_bytes(max)
            .build(&file[..])
            .next()
            .unwrap()
            .unwrap()
    };
    let at = read(5000);
    assert_eq!(at.http_response().unwrap().payload().unwrap().len(), 5000);
    let over = read(4999);
    let err = over.http_response().unwrap().payload().unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::TooLarge {
                what: "decoded payload",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn a_corrupt_member_is_an_error_and_the_next_members_read() {
    let records: Vec<TestRecord> = (1..=4)
        .map(|i| TestRecord::new("resource", i, format!("block {i} ").repeat(50).as_bytes()))
        .collect();
    let (mut file, ranges) = write_warc(&records, Packing::Members);
    // Spoil the deflate data of the second member (after its 10-byte header).
    let start = usize::try_from(ranges[1].0).unwrap();
    for b in &mut file[start + 12..start + 40] {
        *b ^= 0x5a;
    }
    let got = outcomes(&file, 1 << 20);
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(got[1], Err("gzip".into()));
    for i in [0, 2, 3] {
        assert_eq!(got[i].as_ref().unwrap(), &records[i].block, "record {i}");
    }
}

#[test]
fn bytes_between_members_are_one_error_and_padding_none() {
    let records = three(b"middle");
    let (file, ranges) = write_warc(&records, Packing::Members);
    let second = usize::try_from(ranges[1].0).unwrap();
    for (gap, error) in [(&b"garbage!"[..], true), (b"\0\0\r\n", false)] {
        let mut spoilt = file[..second].to_vec();
        spoilt.extend_from_slice(gap);
        spoilt.extend_from_slice(&file[second..]);
        let got = outcomes(&spoilt, 1 << 20);
        let blocks: Vec<&[u8]> = got.iter().filter_map(|r| r.as_deref().ok()).collect();
        assert_eq!(blocks, [&b"first"[..], b"middle", b"last"]);
        assert_eq!(got.len(), 3 + usize::from(error), "{got:?}");
    }
}

#[test]
fn a_header_without_content_length_is_an_error_then_the_next_record_reads() {
    let mut file =
        b"WARC/1.0\r\nWARC-Type: resource\r\n\r\nWARC/ inside\r\nno record\r\n\r\n".to_vec();
    let (good, _) = write_warc(&[TestRecord::new("resource", 2, b"second")], Packing::Plain);
    file.extend_from_slice(&good);
    let got = outcomes(&file, 1 << 20);
    assert_eq!(got, [Err("header".into()), Ok(b"second".to_vec())]);
    // Not a WARC file at all: one error, then the end.
    assert_eq!(
        outcomes(b"<html>not a warc</html>\n", 1 << 20),
        [Err("header".into())]
    );
}

#[test]
fn a_wrong_content_length_in_a_member_is_reported_and_the_next_member_reads() {
    let records = three(b"middle block");
    let mut members: Vec<Vec<u8>> = records.iter().map(|r| r.to_bytes()).collect();
    let plain = String::from_utf8(members[1].clone()).unwrap();
    for (wrong, want_middle) in [
        ("Content-Length: 6\r\n", Ok(b"middle".to_vec())),
        ("Content-Length: 99\r\n", Err("header".to_owned())),
    ] {
        members[1] = plain.replace("Content-Length: 12\r\n", wrong).into_bytes();
        let file: Vec<u8> = members.iter().flat_map(|m| gzip(m)).collect();
        let got = outcomes(&file, 1 << 20);
        assert_eq!(got.first(), Some(&Ok(b"first".to_vec())));
        assert_eq!(got.get(1), Some(&want_middle), "{got:?}");
        assert_eq!(got.last(), Some(&Ok(b"last".to_vec())), "{got:?}");
    }
}

#[test]
fn warc_0_18_quirks_read() {
    // LF line ends, a continuation line, an empty field, a line without a colon, NUL
    // bytes before the next record.
    let file = b"WARC/0.18\nWARC-Type: response\nWARC-Target-URI: <http://example.com/a>\n\
        WARC-Identified-Payload-Type: \nX-Folded: one\n  two\nnot a field\n\
        Content-Type: application/http;msgtype=response\nContent-Length: 47\n\n\
        HTTP/1.1 200 OK\nContent-Encoding: gzip\n\n<html>\n\0\0\n\n\
        WARC/0.18\nWARC-Type: warcinfo\nContent-Length: 0\n\n";
    let records = crate::records(file);
    assert_eq!(records.len(), 2);
    let r = &records[0];
    assert_eq!(r.version(), "WARC/0.18");
    assert_eq!(r.target_uri(), Some("http://example.com/a"));
    assert_eq!(r.identified_payload_type(), None);
    assert_eq!(r.header("x-folded"), Some("one two"));
    assert_eq!(r.offset_kind(), OffsetKind::File);
    let http = r.http_response().unwrap();
    // `Content-Encoding: gzip` on a body that is no gzip: given as it is.
    assert_eq!(&http.payload().unwrap()[..], b"<html>\n");
    assert_eq!(records[1].record_type(), RecordType::Warcinfo);
    assert_eq!(records[1].offset(), r.offset() + r.length());
}

#[test]
fn empty_input_has_no_records() {
    assert_eq!(Reader::new(&b""[..]).count(), 0);
    assert_eq!(Reader::new(&b"\r\n\r\n"[..]).count(), 0);
    assert_eq!(Reader::new(&gzip(b"")[..]).count(), 0);
}

#[test]
fn pathological_inputs_end_with_few_items() {
    const LEN: usize = 4 << 20;
    let cases: [(&str, Vec<u8>, usize); 4] = [
        ("blank lines", vec![b'\n'; LEN], 0),
        ("version lines", b"WARC/1.0\r\n".repeat(LEN / 10), 5),
        ("gzip magics", [0x1f, 0x8b, 0x08].repeat(LEN / 3), 80),
        ("one long line", vec![b'W'; LEN], 1),
    ];
    for (name, input, most) in cases {
        let items: Vec<_> = Reader::new(&input[..]).collect();
        assert!(items.len() <= most, "{name}: {} items", items.len());
        assert!(items.iter().all(Result::is_err), "{name}");
    }
}

/// Gives its bytes, then fails.
struct Failing<'a>(&'a [u8]);

impl std::io::Read for Failing<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.0.is_empty() {
            return Err(std::io::Error::other("disk on fire"));
        }
        let n = buf.len().min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

#[test]
fn a_failed_read_is_a_fatal_error() {
    for packing in [Packing::Plain, Packing::Members] {
        let (file, ranges) = write_warc(&three(b"middle"), packing);
        let cut = usize::try_from(ranges[1].0).unwrap() + 3;
        let items: Vec<_> = Reader::new(Failing(&file[..cut])).collect();
        assert_eq!(items.len(), 2, "{packing:?}: {items:?}");
        assert!(items[0].is_ok());
        let err = items[1].as_ref().unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Io(_)), "{err}");
        assert!(err.is_fatal());
        assert!(
            err.to_string().starts_with("read failed: disk on fire"),
            "{err}"
        );
    }
}

#[test]
fn a_block_takes_the_memory_its_length_says() {
    // past the first MiB reserved, the block grows to its declared length, not to the
    // next power of two (a 1.25 MiB block held in 2 MiB)
    let len = (1 << 20) + (1 << 18);
    for packing in [Packing::Plain, Packing::Members, Packing::OneMember] {
        let (file, _) = write_warc(&three(&vec![b'x'; len]), packing);
        let blocks: Vec<Vec<u8>> = Reader::new(&file[..])
            .map(|r| r.unwrap().into_block())
            .collect();
        assert_eq!(blocks[1].len(), len, "{packing:?}");
        assert_eq!(blocks[1].capacity(), len, "{packing:?}");
    }
}
