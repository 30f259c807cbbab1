//! WARC input (`--from warc`, `auto` for `*.warc(.gz)`) and Parquet output (issue 15):
//! article-warc's small fixtures always; the files of `../shared/data/warc/` and the dev
//! pages when present.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::{examples, run, scratch};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// article-warc's fixtures (Apache-2.0 files of warcio and resiliparse, see its ATTRIBUTION).
fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../article-warc/tests/fixtures")
        .join(name)
}

fn records(stdout: &[u8]) -> Vec<serde_json::Value> {
    std::str::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The summary line of a run's stderr.
fn summary(err: &str) -> &str {
    err.lines()
        .find(|l| l.starts_with("article: WARC: "))
        .unwrap_or_else(|| panic!("no summary line in {err}"))
}

#[test]
fn issue_15_warc_responses_become_articles_with_provenance() {
    let warc = fixture("warcio-example.warc.gz");
    let out = run(
        &["extract", "--no-entities", "--to", "jsonl", s(&warc)],
        None,
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(
        summary(&err),
        "article: WARC: 6 records in 1 file: 1 HTML response, 5 skipped \
         (2 request, 2 warcinfo, 1 revisit), 0 broken"
    );
    let got = records(&out.stdout);
    assert_eq!(got.len(), 1);
    let r = &got[0];
    assert!(
        r["body"]
            .as_str()
            .unwrap()
            .contains("illustrative examples"),
        "{r}"
    );
    assert_eq!(r["source"], "http://example.com/");
    let w = &r["warc"];
    assert_eq!(w["file"], s(&warc));
    assert_eq!(w["target_uri"], "http://example.com/");
    assert!(w["date"].as_str().unwrap().starts_with("20"), "{w}");
    // offset and length are the record's own gzip member: gunzipped, it is the record
    let id = w["record_id"].as_str().unwrap();
    let (offset, length) = (w["offset"].as_u64().unwrap(), w["length"].as_u64().unwrap());
    let bytes = fs::read(&warc).unwrap();
    let member = &bytes[usize::try_from(offset).unwrap()..][..usize::try_from(length).unwrap()];
    let mut record = Vec::new();
    flate2::read::GzDecoder::new(member)
        .read_to_end(&mut record)
        .unwrap();
    let record = String::from_utf8_lossy(&record);
    assert!(record.starts_with("WARC/1.0\r\n"), "{record:.80}");
    assert!(
        record.contains(&format!("WARC-Record-ID: {id}")),
        "{record:.400}"
    );
    assert!(record.contains("WARC-Type: response"), "{record:.400}");
}

#[test]
fn issue_15_uncompressed_chunked_warc_and_stdin() {
    let warc = fixture("warcio-example-iana.org-chunked.warc");
    let out = run(&["extract", "--no-entities", s(&warc)], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        got["body"]
            .as_str()
            .unwrap()
            .contains("Root Zone trust anchor"),
        "{got}"
    );
    // stdin is WARC with --from warc; its file is "-"
    let bytes = fs::read(&warc).unwrap();
    let out = run(
        &["extract", "--no-entities", "--from", "warc"],
        Some(&bytes),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let piped: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(piped["warc"]["file"], "-");
    assert_eq!(piped["body"], got["body"]);
    // --from auto on stdin: a WARC by its content is named, not read as a page
    let out = run(&["extract", "--no-entities"], Some(&bytes));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--from warc"), "{}", stderr(&out));
}

#[test]
fn issue_15_truncated_warc_ends_with_a_clear_error() {
    let warc = fixture("resiliparse-clipped.warc.gz");
    let page = examples().join("harbour-strike.html");
    let out = run(
        &[
            "extract",
            "--no-entities",
            "--to",
            "jsonl",
            s(&warc),
            s(&page),
        ],
        None,
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("resiliparse-clipped.warc.gz: input ended inside a gzip member (at offset 0, record <urn:uuid:"), "{err}");
    assert!(summary(&err).ends_with(", 1 broken"), "{err}");
    // the page after it is still written
    assert_eq!(records(&out.stdout).len(), 1);
}

#[test]
fn issue_15_parquet_needs_a_file() {
    let page = examples().join("harbour-strike.html");
    let dir = scratch("warc-parquet-usage");
    for args in [
        vec!["extract", "--to", "parquet", s(&page)],
        vec!["extract", "--to", "parquet", "-o", "-", s(&page)],
        vec![
            "extract",
            "--to",
            "parquet",
            "--output-dir",
            s(&dir),
            s(&page),
        ],
    ] {
        let out = run(&args, None);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("--to parquet"), "{err}");
        assert!(out.stdout.is_empty());
    }
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 0);
}

#[cfg(feature = "parquet")]
#[test]
fn issue_15_parquet_rows_for_warc_records_pages_and_failures() {
    use arrow_array::{Array, StringArray};
    let dir = scratch("warc-parquet");
    let empty = dir.join("empty.html");
    fs::write(&empty, "").unwrap();
    let page = examples().join("harbour-strike.html");
    let warc = fixture("warcio-example.warc.gz");
    let out_file = dir.join("out.parquet");
    let out = run(
        &[
            "extract",
            "--no-entities",
            "--to",
            "parquet",
            "-o",
            s(&out_file),
            s(&warc),
            s(&empty),
            s(&page),
        ],
        None,
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}"); // the empty page failed
    assert!(err.contains("empty.html"), "{err}");
    let bytes = bytes::Bytes::from(fs::read(&out_file).unwrap());
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(bytes)
        .unwrap()
        .build()
        .unwrap();
    let batches: Vec<_> = reader.map(Result::unwrap).collect();
    let column = |name: &str| -> Vec<Option<String>> {
        batches
            .iter()
            .flat_map(|b| {
                let a = b.column_by_name(name).unwrap();
                let a = a.as_any().downcast_ref::<StringArray>().unwrap();
                (0..a.len())
                    .map(|i| a.is_valid(i).then(|| a.value(i).to_owned()))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let sources = column("source");
    assert_eq!(
        sources,
        [
            Some("http://example.com/".to_owned()),
            Some(s(&empty).to_owned()),
            Some(s(&page).to_owned())
        ]
    );
    let errors = column("error");
    assert!(errors[0].is_none() && errors[2].is_none(), "{errors:?}");
    assert!(errors[1].as_deref().is_some_and(|e| !e.is_empty()));
    let files = column("warc_file");
    assert_eq!(files, [Some(s(&warc).to_owned()), None, None]);
    let bodies = column("body");
    assert!(bodies[2].as_deref().unwrap().contains("Dock workers"));
    // no temporary file left beside it
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 2);
}

/// `../shared/data/warc`, when present.
fn shared_warc() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/warc");
    if dir.join("dev-pages.warc.gz").is_file() {
        Some(dir)
    } else {
        eprintln!("skipping: {} not found", dir.display());
        None
    }
}

#[test]
fn issue_15_bar_1_dev_warc_gives_the_110_pages_of_the_per_file_run() {
    let Some(dir) = shared_warc() else { return };
    let warc = dir.join("dev-pages.warc.gz");
    let html = dir.join("../extraction/dev/html");
    let out = run(
        &["extract", "--no-entities", "--to", "jsonl", s(&warc)],
        None,
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(
        summary(&err),
        "article: WARC: 226 records in 1 file: 110 HTML responses, 116 skipped \
         (110 request, 2 not HTML, 1 robots.txt, 1 status 301, 1 status 404, 1 warcinfo), 0 broken"
    );
    let from_warc = records(&out.stdout);
    assert_eq!(from_warc.len(), 110);

    // X-Benchmark-Id joins a response record to its page file
    let mut page_of: HashMap<String, String> = HashMap::new();
    for record in article_warc::Reader::new(fs::File::open(&warc).unwrap()) {
        let record = record.unwrap();
        if let (Some(id), Some(page)) = (record.record_id(), record.header("X-Benchmark-Id")) {
            page_of.insert(id.to_owned(), page.to_owned());
        }
    }
    let mut pages: Vec<PathBuf> = fs::read_dir(&html)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| s(p).ends_with(".html.gz"))
        .collect();
    pages.sort();
    assert_eq!(pages.len(), 110);
    let mut args = vec!["extract", "--no-entities", "--to", "jsonl"];
    args.extend(pages.iter().map(|p| s(p)));
    let out = run(&args, None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let body_of: HashMap<String, String> = records(&out.stdout)
        .into_iter()
        .map(|r| {
            let source = r["source"].as_str().unwrap();
            let id = Path::new(source).file_name().unwrap().to_str().unwrap();
            let id = id.split('.').next().unwrap().to_owned();
            (id, r["body"].as_str().unwrap().to_owned())
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    for r in &from_warc {
        let record_id = r["warc"]["record_id"].as_str().unwrap();
        let page = &page_of[record_id];
        assert!(seen.insert(page.clone()), "{page} twice");
        assert_eq!(
            r["body"].as_str(),
            body_of.get(page).map(String::as_str),
            "{page}"
        );
        assert_eq!(r["warc"]["file"], s(&warc));
        assert!(
            r["warc"]["target_uri"]
                .as_str()
                .unwrap()
                .starts_with("http")
        );
    }
}

#[test]
fn issue_15_bar_1_every_shared_warc_file_reads_without_panic() {
    let Some(dir) = shared_warc() else { return };
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| s(p).ends_with(".warc") || s(p).ends_with(".warc.gz"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{files:?}");
    for file in &files {
        let out = run(
            &["extract", "--no-entities", "--to", "jsonl", s(file)],
            None,
        );
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{}: {err}", file.display());
        let summary = summary(&err);
        if s(file).contains("clipped") {
            assert_eq!(out.status.code(), Some(1), "{}: {err}", file.display());
            assert!(err.contains("input ended inside"), "{err}");
            assert!(summary.ends_with(", 1 broken"), "{summary}");
        } else {
            assert_eq!(out.status.code(), Some(0), "{}: {err}", file.display());
            assert!(summary.ends_with(", 0 broken"), "{summary}");
            assert!(!out.stdout.is_empty(), "{}: no article", file.display());
        }
    }
}

/// Without --to, `-o FILE` names the format by its extension: `articles.parquet` is
/// Parquet (it was JSONL in a file called .parquet), `out.md.gz` Markdown, gzip-compressed.
#[test]
fn issue_15_output_extension_names_the_format() {
    let dir = scratch("warc-out-extension");
    let page = examples().join("harbour-strike.html");
    let parquet = dir.join("articles.parquet");
    let out = run(
        &["extract", "--no-entities", "-o", s(&parquet), s(&page)],
        None,
    );
    let err = stderr(&out);
    if cfg!(feature = "parquet") {
        assert_eq!(out.status.code(), Some(0), "{err}");
        let bytes = fs::read(&parquet).unwrap();
        assert!(
            bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"),
            "not Parquet"
        );
    } else {
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("parquet"), "{err}");
    }
    let md = dir.join("out.md.gz");
    let out = run(&["extract", "--no-entities", "-o", s(&md), s(&page)], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(fs::File::open(&md).unwrap()),
        &mut text,
    )
    .unwrap();
    assert!(text.starts_with("# "), "not Markdown: {text:.80}");
    // --to wins over the extension
    let json = dir.join("forced.parquet");
    let out = run(
        &[
            "extract",
            "--no-entities",
            "--to",
            "jsonl",
            "-o",
            s(&json),
            s(&page),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(fs::read(&json).unwrap().starts_with(b"{\"schema\""));
}

/// A WARC file of one HTML response fetched at `date`.
fn one_response_warc(html: &str, date: &str) -> String {
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
        html.len()
    );
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000013>\r\n\
         WARC-Date: {date}\r\nWARC-Target-URI: http://example.com/harbour\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
}

#[test]
fn issue_13_relative_dates_count_back_from_the_warc_date() {
    let body = "<p>The harbour reopened on a bright morning after a long winter of repairs to \
        the old sea wall, and the first boats came in before noon with their catch.</p>"
        .repeat(3);
    let dir = scratch("warc-relative");
    let mut got = Vec::new();
    for (line, date) in [
        ("vor 3 Tagen", "2019-11-20T08:30:00Z"),
        ("2 hours ago", "2019-11-20T01:00:00Z"),
    ] {
        let html = format!(
            "<html><body><article><h1>Harbour reopens</h1><p>{line}</p>{body}</article></body></html>"
        );
        let path = dir.join("one.warc");
        fs::write(&path, one_response_warc(&html, date)).unwrap();
        let out = run(
            &["extract", "--no-entities", "--to", "jsonl", s(&path)],
            None,
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let r = &records(&out.stdout)[0];
        got.push((r["published"].clone(), r["published_source"].clone()));
    }
    assert_eq!(
        got,
        [
            (serde_json::json!("2019-11-17"), serde_json::json!("text")),
            (serde_json::json!("2019-11-19"), serde_json::json!("text")),
        ]
    );
}
