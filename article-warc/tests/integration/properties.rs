//! Properties: any bytes read without a panic and the reader ends; records written by the
//! test writer read back the same, with the offsets the writer saw, in every packing, also
//! from a reader that gives a few bytes at a time; a written file with bytes changed or
//! cut still reads without a panic.

use article_warc::{OffsetKind, Reader};
use proptest::prelude::*;

use crate::writer::{Packing, TestRecord, http_response, write_warc};

/// Reads everything; the count of items is bounded by the input (each item consumes
/// input), so a reader that loops forever fails here.
fn read_to_end(bytes: &[u8]) -> usize {
    let mut items = 0;
    for item in Reader::new(bytes) {
        items += 1;
        assert!(items <= bytes.len() + 1, "more items than input bytes");
        if let Ok(record) = item
            && let Ok(http) = record.http_response()
        {
            let _ = http.payload();
        }
    }
    items
}

/// A reader that gives a few bytes at a time, and sometimes `Interrupted`.
struct Trickle<'a> {
    bytes: &'a [u8],
    step: usize,
}

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.step += 1;
        if self.step % 5 == 0 {
            return Err(std::io::ErrorKind::Interrupted.into());
        }
        let n = (self.step % 7 + 1).min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

fn block() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![any::<u8>(), Just(b'\n'), Just(b'\r'), Just(b'W')];
    prop_oneof![
        proptest::collection::vec(byte, 0..600),
        Just(b"WARC/1.0\r\nContent-Length: 5\r\n\r\n".to_vec()),
        Just(b"\r\n\r\n".to_vec()),
        Just(Vec::new()),
        "[ -~]{0,200}".prop_map(|s| http_response(
            200,
            &[("Content-Type", "text/html")],
            s.as_bytes()
        )),
    ]
}

fn record() -> impl Strategy<Value = TestRecord> {
    let warc_type = prop_oneof![
        Just("warcinfo"),
        Just("response"),
        Just("resource"),
        Just("request"),
        Just("metadata"),
        Just("revisit"),
        Just("conversion"),
        Just("x-custom"),
    ];
    let field = ("X-[A-Za-z0-9-]{1,12}", "[!-~]([ -~]{0,30}[!-~])?");
    (
        warc_type,
        any::<u32>(),
        block(),
        proptest::collection::vec(field, 0..4),
        any::<bool>(),
    )
        .prop_map(|(t, id, block, fields, old)| {
            let mut r = TestRecord::new(t, id, &block);
            if old {
                r.version = "WARC/1.0";
            }
            for (name, value) in fields {
                r = r.field(&name, &value);
            }
            r
        })
}

fn packing() -> impl Strategy<Value = Packing> {
    prop_oneof![
        Just(Packing::Plain),
        Just(Packing::Members),
        Just(Packing::OneMember)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        read_to_end(&bytes);
    }

    #[test]
    fn any_bytes_after_a_gzip_magic_read_without_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..4096),
    ) {
        let mut input = vec![0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0xff];
        input.extend_from_slice(&bytes);
        read_to_end(&input);
    }

    #[test]
    fn written_records_read_back_the_same(
        records in proptest::collection::vec(record(), 0..6),
        packing in packing(),
    ) {
        let (file, ranges) = write_warc(&records, packing);
        let read = crate::records(&file);
        prop_assert_eq!(read.len(), records.len());
        // Read a few bytes at a time, the same records.
        let trickled: Vec<_> = Reader::new(Trickle { bytes: &file, step: 0 })
            .collect::<Result<_, _>>()
            .unwrap();
        prop_assert_eq!(&trickled, &read);
        for ((got, want), range) in read.iter().zip(&records).zip(&ranges) {
            prop_assert_eq!(got.version(), want.version);
            let mut fields: Vec<(String, String)> = want.fields.clone();
            fields.push(("Content-Length".into(), want.block.len().to_string()));
            let got_fields: Vec<(String, String)> =
                got.headers().map(|(n, v)| (n.to_owned(), v.to_owned())).collect();
            prop_assert_eq!(got_fields, fields);
            prop_assert_eq!(got.block(), &want.block[..]);
            prop_assert_eq!(got.content_length(), want.block.len() as u64);
            prop_assert_eq!((got.offset(), got.length()), *range);
            let kind = if packing == Packing::OneMember && records.len() > 1 {
                OffsetKind::Decompressed
            } else {
                OffsetKind::File
            };
            prop_assert_eq!(got.offset_kind(), kind);
        }
    }

    #[test]
    fn changed_or_cut_files_read_without_panic(
        records in proptest::collection::vec(record(), 1..4),
        packing in packing(),
        changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
        cut in any::<prop::sample::Index>(),
    ) {
        let (mut file, _) = write_warc(&records, packing);
        for (at, byte) in changes {
            let i = at.index(file.len());
            file[i] = byte;
        }
        let len = cut.index(file.len() + 1);
        read_to_end(&file[..len]);
    }
}
