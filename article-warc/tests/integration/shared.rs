//! Every file in `../shared/data/warc/` (skipped when absent): record counts by type, HTML
//! 200 responses and charsets as warcio 1.7 counts them (on the gunzipped stream for the
//! two files it refuses as gzip), the clipped file's error, each record's byte range
//! holding exactly that record, and the dev pages' payloads against their HTML files.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use article_warc::{ErrorKind, OffsetKind, Reader, Record, RecordType};

use crate::gunzip;

fn shared() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent()?;
    let dir = root.join("../shared/data/warc");
    dir.join("dev-pages.warc.gz").exists().then_some(dir)
}

/// What a file holds.
struct Want {
    file: &'static str,
    /// Records by `WARC-Type`.
    types: &'static [(&'static str, usize)],
    /// `response` records with status 200 and an HTML media type.
    html_200: usize,
    /// `charset` of every HTTP response (lowercase; `-` for none), with counts.
    charsets: &'static [(&'static str, usize)],
    /// The input ends inside a record: the last item is this error.
    truncated: bool,
    /// Every record shares one gzip member.
    one_member: bool,
}

const WANT: &[Want] = &[
    Want {
        file: "dev-pages.warc.gz",
        types: &[("request", 110), ("response", 115), ("warcinfo", 1)],
        html_200: 110,
        charsets: &[("-", 57), ("utf-8", 58)],
        truncated: false,
        one_member: false,
    },
    Want {
        file: "jwarc-cc.warc.gz",
        types: &[("response", 1)],
        html_200: 1,
        charsets: &[("utf-8", 1)],
        truncated: false,
        one_member: false,
    },
    Want {
        // warcio reads the cut member's first 74970 payload bytes without a word.
        file: "resiliparse-clipped.warc.gz",
        types: &[],
        html_200: 0,
        charsets: &[],
        truncated: true,
        one_member: false,
    },
    Want {
        file: "resiliparse-clueweb-quirk.warc.gz",
        types: &[("response", 29), ("warcinfo", 1)],
        html_200: 29,
        charsets: &[("euc-jp", 29)],
        truncated: false,
        one_member: false,
    },
    Want {
        file: "resiliparse-warcfile.warc.gz",
        types: &[
            ("metadata", 16),
            ("request", 17),
            ("response", 16),
            ("warcinfo", 1),
        ],
        html_200: 16,
        charsets: &[("-", 8), ("gb2312", 2), ("utf-8", 5), ("windows-1251", 1)],
        truncated: false,
        one_member: false,
    },
    Want {
        file: "warcio-example-bad-non-chunked.warc.gz",
        types: &[
            ("request", 2),
            ("response", 1),
            ("revisit", 1),
            ("warcinfo", 2),
        ],
        html_200: 1,
        charsets: &[("-", 1)],
        truncated: false,
        one_member: true,
    },
    Want {
        file: "warcio-example-iana.org-chunked.warc",
        types: &[("request", 1), ("response", 1), ("warcinfo", 1)],
        html_200: 1,
        charsets: &[("utf-8", 1)],
        truncated: false,
        one_member: false,
    },
    Want {
        // Cut between records: the records before the cut are whole.
        file: "warcio-example-trunc.warc",
        types: &[("request", 1), ("response", 1), ("warcinfo", 2)],
        html_200: 1,
        charsets: &[("-", 1)],
        truncated: false,
        one_member: false,
    },
    Want {
        // The response runs over two gzip members (warcio stops there).
        file: "warcio-example-wrong-chunks.warc.gz",
        types: &[("request", 1), ("response", 1)],
        html_200: 1,
        charsets: &[("utf-8", 1)],
        truncated: false,
        one_member: false,
    },
    Want {
        file: "warcio-example.warc.gz",
        types: &[
            ("request", 2),
            ("response", 1),
            ("revisit", 1),
            ("warcinfo", 2),
        ],
        html_200: 1,
        charsets: &[("-", 1)],
        truncated: false,
        one_member: false,
    },
];

/// The record a byte range holds, read on its own.
fn reread(range: &[u8]) -> Record {
    let items: Vec<_> = Reader::new(range).collect();
    assert_eq!(items.len(), 1, "{items:?}");
    items.into_iter().next().unwrap().unwrap()
}

fn check_file(path: &Path, want: &Want) {
    let file = std::fs::read(path).unwrap();
    let items: Vec<_> = Reader::new(file.as_slice()).collect();
    let name = want.file;
    let (mut types, mut charsets) = (BTreeMap::new(), BTreeMap::new());
    let mut html_200 = 0;
    let decompressed = file.starts_with(&[0x1f, 0x8b]).then(|| gunzip(&file));
    for (i, item) in items.iter().enumerate() {
        let record = match item {
            Ok(record) => record,
            Err(e) => {
                assert!(
                    want.truncated && i + 1 == items.len(),
                    "{name}: item {i}: {e}"
                );
                assert!(
                    matches!(e.kind(), ErrorKind::Truncated { .. }),
                    "{name}: {e}"
                );
                assert!(e.record_id().is_some(), "{name}: {e}");
                continue;
            }
        };
        *types.entry(record.record_type().as_str()).or_insert(0) += 1;
        // The record's range holds exactly this record.
        let start = usize::try_from(record.offset()).unwrap();
        let end = start + usize::try_from(record.length()).unwrap();
        let alone = match (record.offset_kind(), &decompressed) {
            (OffsetKind::File, _) => reread(&file[start..end]),
            (OffsetKind::Decompressed, Some(plain)) => reread(&plain[start..end]),
            (kind, _) => panic!("{name}: {kind:?} offsets in an uncompressed file"),
        };
        assert_eq!(alone.block(), record.block(), "{name}: record {i}");
        assert_eq!(alone.record_id(), record.record_id(), "{name}: record {i}");
        assert_eq!(
            record.offset_kind() == OffsetKind::Decompressed,
            want.one_member,
            "{name}: record {i}"
        );
        if record.record_type() != RecordType::Response {
            continue;
        }
        let http = record
            .http_response()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let charset = http
            .charset()
            .map_or("-".to_owned(), str::to_ascii_lowercase);
        *charsets.entry(charset).or_insert(0) += 1;
        if http.status() == 200 && http.is_html() {
            html_200 += 1;
            http.payload().unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    let want_types: BTreeMap<&str, usize> = want.types.iter().copied().collect();
    assert_eq!(types, want_types, "{name}");
    let want_charsets: BTreeMap<String, usize> = want
        .charsets
        .iter()
        .map(|&(c, n)| (c.to_owned(), n))
        .collect();
    assert_eq!(charsets, want_charsets, "{name}");
    assert_eq!(html_200, want.html_200, "{name}");
    assert_eq!(
        items.last().is_some_and(Result::is_err),
        want.truncated,
        "{name}"
    );
}

#[test]
fn every_shared_warc_file_reads_as_warcio_counts_it() {
    let Some(dir) = shared() else {
        eprintln!("skipping: ../shared/data/warc is absent");
        return;
    };
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "README.md" {
            continue;
        }
        let want = WANT.iter().find(|w| w.file == name).unwrap_or_else(|| {
            panic!("{name}: a new file in ../shared/data/warc needs its counts here")
        });
        check_file(&path, want);
        seen += 1;
    }
    assert_eq!(seen, WANT.len());
}

#[test]
fn a_record_split_over_two_members_spans_both() {
    let Some(dir) = shared() else {
        eprintln!("skipping: ../shared/data/warc is absent");
        return;
    };
    let file = std::fs::read(dir.join("warcio-example-wrong-chunks.warc.gz")).unwrap();
    let records = crate::records(&file);
    // Members at 0 (516 bytes), 516 (614) and 1130 (445), from zlib.
    let ranges: Vec<_> = records.iter().map(|r| (r.offset(), r.length())).collect();
    assert_eq!(ranges, [(0, 1130), (1130, 445)]);
    let payload = records[0]
        .http_response()
        .unwrap()
        .payload()
        .unwrap()
        .into_owned();
    assert!(payload.starts_with(b"<!doctype html>"));
}

/// The dev pages' HTML, by benchmark ID.
fn dev_pages(shared: &Path) -> BTreeMap<String, Vec<u8>> {
    let dir = shared.join("../extraction/dev/html");
    let mut pages = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(id) = name.strip_suffix(".html.gz") else {
            continue;
        };
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
            .read_to_end(&mut html)
            .unwrap();
        pages.insert(id.to_owned(), html);
    }
    pages
}

#[test]
fn dev_pages_warc_holds_the_110_dev_pages() {
    let Some(dir) = shared() else {
        eprintln!("skipping: ../shared/data/warc is absent");
        return;
    };
    let pages = dev_pages(&dir);
    assert_eq!(pages.len(), 110);
    let file = std::fs::File::open(dir.join("dev-pages.warc.gz")).unwrap();
    let mut found = BTreeMap::new();
    let mut other_responses = Vec::new();
    for record in Reader::new(file) {
        let record = record.unwrap();
        if record.record_type() != RecordType::Response {
            continue;
        }
        let http = record.http_response().unwrap();
        if !(http.status() == 200 && http.is_html()) {
            other_responses.push((http.status(), http.mime_type().map(str::to_owned)));
            continue;
        }
        // The payload is stored decoded (X-Crawler-Content-Encoding): given as it is.
        assert!(http.header("X-Crawler-Content-Encoding").is_some());
        assert_eq!(record.offset_kind(), OffsetKind::File);
        let id = record.header("X-Benchmark-Id").unwrap().to_owned();
        let payload = http.payload().unwrap();
        assert!(
            pages.get(&id).is_some_and(|html| payload[..] == html[..]),
            "{id}: payload differs from its dev page"
        );
        assert!(
            found
                .insert(id, record.target_uri().unwrap().to_owned())
                .is_none()
        );
    }
    assert_eq!(found.len(), 110);
    assert!(found.keys().eq(pages.keys()));
    // Robots.txt, a JPEG, a PDF, a 301 and a 404 are the other responses.
    other_responses.sort();
    assert_eq!(other_responses.len(), 5, "{other_responses:?}");
    assert!(other_responses.iter().any(|(s, _)| *s == 301));
    assert!(other_responses.iter().any(|(s, _)| *s == 404));
}

#[test]
fn real_files_read_the_same_uncompressed_and_as_one_member() {
    let Some(dir) = shared() else {
        eprintln!("skipping: ../shared/data/warc is absent");
        return;
    };
    for name in [
        "resiliparse-warcfile.warc.gz",
        "resiliparse-clueweb-quirk.warc.gz",
        "warcio-example.warc.gz",
    ] {
        let file = std::fs::read(dir.join(name)).unwrap();
        let members = crate::records(&file);
        let plain = gunzip(&file);
        let one_member = crate::writer::gzip(&plain);
        for (packing, bytes, kind) in [
            ("uncompressed", &plain, OffsetKind::File),
            ("one member", &one_member, OffsetKind::Decompressed),
        ] {
            let records = crate::records(bytes);
            assert_eq!(records.len(), members.len(), "{name} {packing}");
            let mut next = 0;
            for (got, want) in records.iter().zip(&members) {
                assert_eq!(
                    got.headers().collect::<Vec<_>>(),
                    want.headers().collect::<Vec<_>>()
                );
                assert_eq!(got.block(), want.block(), "{name} {packing}");
                assert_eq!(got.offset_kind(), kind, "{name} {packing}");
                // Ranges of the decompressed stream tile it.
                assert_eq!(got.offset(), next, "{name} {packing}");
                next = got.offset() + got.length();
            }
            assert_eq!(next, plain.len() as u64, "{name} {packing}");
        }
    }
}
