//! WARC inputs: which records become articles (HTTP 200 HTML responses), why the others
//! are skipped, the provenance each article carries, and the one-line summary of a run.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use article_model::Warc;
use article_warc::{Record, RecordType};

/// What to do with one record of a WARC file.
#[derive(Debug)]
pub(crate) enum Verdict {
    /// An HTTP response with status 200 and an HTML `Content-Type`: it becomes an article.
    Page,
    /// Not a page: skipped, counted under this reason.
    Skip(String),
    /// A response whose HTTP head cannot be parsed: a broken record.
    Broken(article_warc::Error),
}

/// Decides what a record is: [`Verdict::Page`] for HTTP 200 responses whose `Content-Type`
/// is HTML (`text/html`, `application/xhtml+xml`); otherwise the reason it is skipped: its
/// record type (`request`, `metadata`, `warcinfo`, `revisit`, ...), `not HTTP`, `status N`
/// (redirects, 404s), `robots.txt`, `not HTML` (images, PDFs, anything else).
pub(crate) fn verdict(record: &Record) -> Verdict {
    let kind = record.record_type();
    if kind != RecordType::Response {
        return Verdict::Skip(kind.as_str().to_owned());
    }
    if !record.is_http_response() {
        return Verdict::Skip("not HTTP".to_owned());
    }
    let http = match record.http_response() {
        Ok(http) => http,
        Err(e) => return Verdict::Broken(e),
    };
    if http.status() != 200 {
        return Verdict::Skip(format!("status {}", http.status()));
    }
    if record.target_uri().is_some_and(|u| {
        u.split(['?', '#'])
            .next()
            .unwrap_or(u)
            .ends_with("/robots.txt")
    }) {
        return Verdict::Skip("robots.txt".to_owned());
    }
    if !http.is_html() {
        return Verdict::Skip("not HTML".to_owned());
    }
    Verdict::Page
}

/// The provenance of a record of `file` (the WARC as named on the command line).
pub(crate) fn provenance(file: &str, record: &Record) -> Warc {
    let mut warc = Warc::new(
        file,
        record.record_id().unwrap_or_default(),
        record.offset(),
        record.length(),
    );
    warc.target_uri = record.target_uri().map(str::to_owned);
    warc.date = record.date().map(str::to_owned);
    warc
}

/// How a record is named in messages: `FILE: record ID at offset N`.
pub(crate) fn record_name(file: &str, id: Option<&str>, offset: u64) -> String {
    match id {
        Some(id) => format!("{file}: record {id} at offset {offset}"),
        None => format!("{file}: record at offset {offset}"),
    }
}

/// The counts of a run's WARC records, for its summary line.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    /// WARC files opened.
    pub files: usize,
    /// Records read (broken ones included).
    pub records: usize,
    /// HTTP 200 HTML responses (handed on to become articles).
    pub pages: usize,
    /// Records that could not be read.
    pub broken: usize,
    /// Skipped records by reason.
    pub skipped: BTreeMap<String, usize>,
}

impl Tally {
    /// Counts one record's verdict.
    pub fn count(&mut self, verdict: &Verdict) {
        self.records += 1;
        match verdict {
            Verdict::Page => self.pages += 1,
            Verdict::Skip(why) => *self.skipped.entry(why.clone()).or_default() += 1,
            Verdict::Broken(_) => self.broken += 1,
        }
    }

    /// Counts a record that could not be read at all.
    pub fn count_broken(&mut self) {
        self.records += 1;
        self.broken += 1;
    }

    /// The summary line: `WARC: 233 records in 1 file: 110 HTML responses, 123 skipped
    /// (111 request, 1 warcinfo, ...), 0 broken`; reasons by count, then name.
    pub fn summary(&self) -> String {
        let skipped: usize = self.skipped.values().sum();
        let mut reasons: Vec<(&String, &usize)> = self.skipped.iter().collect();
        reasons.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        let mut line = format!(
            "WARC: {} record{} in {} file{}: {} HTML response{}, {skipped} skipped",
            self.records,
            plural(self.records),
            self.files,
            plural(self.files),
            self.pages,
            plural(self.pages),
        );
        if !reasons.is_empty() {
            line.push_str(" (");
            for (i, (why, n)) in reasons.iter().enumerate() {
                let sep = if i == 0 { "" } else { ", " };
                let _ = write!(line, "{sep}{n} {why}");
            }
            line.push(')');
        }
        let _ = write!(line, ", {} broken", self.broken);
        line
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(warc_type: &str, uri: &str, http: &str) -> Record {
        let block = http.replace('\n', "\r\n");
        let warc = format!(
            "WARC/1.1\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
             WARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-14T09:30:00Z\r\n\
             Content-Type: application/http; msgtype={warc_type}\r\n\
             Content-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        );
        article_warc::Reader::new(warc.as_bytes())
            .next()
            .unwrap()
            .unwrap()
    }

    #[test]
    fn verdict_table() {
        let page = "HTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8\n\n<p>x</p>";
        let cases = [
            ("response", "https://a.example/x", page, Ok(())),
            (
                "request",
                "https://a.example/x",
                "GET /x HTTP/1.1\n\n",
                Err("request"),
            ),
            (
                "metadata",
                "https://a.example/x",
                "fetchTimeMs: 3\n",
                Err("metadata"),
            ),
            (
                "response",
                "https://a.example/x",
                "HTTP/1.1 301 Moved\nLocation: /y\n\n",
                Err("status 301"),
            ),
            (
                "response",
                "https://a.example/x",
                "HTTP/1.1 404 Not Found\nContent-Type: text/html\n\n<p>gone</p>",
                Err("status 404"),
            ),
            (
                "response",
                "https://a.example/i.jpg",
                "HTTP/1.1 200 OK\nContent-Type: image/jpeg\n\n\u{ff}",
                Err("not HTML"),
            ),
            (
                "response",
                "https://a.example/robots.txt",
                "HTTP/1.1 200 OK\nContent-Type: text/html\n\nUser-agent: *",
                Err("robots.txt"),
            ),
        ];
        for (kind, uri, http, want) in cases {
            let got = match verdict(&record(kind, uri, http)) {
                Verdict::Page => Ok(()),
                Verdict::Skip(why) => Err(why),
                Verdict::Broken(e) => panic!("{kind} {uri} {http:?}: {e}"),
            };
            assert_eq!(got, want.map_err(str::to_owned), "{kind} {uri} {http:?}");
        }
        let broken = record("response", "https://a.example/x", "HTTP/1.1 abc\n\n");
        assert!(matches!(verdict(&broken), Verdict::Broken(_)));
    }

    #[test]
    fn provenance_and_names() {
        let r = record("response", "https://a.example/x", "HTTP/1.1 200 OK\n\n");
        let w = provenance("crawl.warc.gz", &r);
        assert_eq!(w.file, "crawl.warc.gz");
        assert_eq!(w.record_id, "<urn:uuid:1>");
        assert_eq!(w.target_uri.as_deref(), Some("https://a.example/x"));
        assert_eq!(w.date.as_deref(), Some("2024-03-14T09:30:00Z"));
        assert_eq!((w.offset, w.length), (r.offset(), r.length()));
        assert_eq!(
            record_name("c.warc", Some("<urn:uuid:1>"), 7),
            "c.warc: record <urn:uuid:1> at offset 7"
        );
        assert_eq!(record_name("c.warc", None, 0), "c.warc: record at offset 0");
    }

    #[test]
    fn summary_orders_reasons_by_count() {
        let mut t = Tally {
            files: 1,
            ..Tally::default()
        };
        for v in [
            Verdict::Page,
            Verdict::Skip("request".into()),
            Verdict::Skip("request".into()),
            Verdict::Skip("not HTML".into()),
            Verdict::Skip("warcinfo".into()),
        ] {
            t.count(&v);
        }
        t.count_broken();
        assert_eq!(
            t.summary(),
            "WARC: 6 records in 1 file: 1 HTML response, 4 skipped \
             (2 request, 1 not HTML, 1 warcinfo), 1 broken"
        );
    }
}
