//! Which records are web pages to extract: [`Record::verdict`], and, with the `model`
//! feature, the provenance an article carries ([`Record::provenance`]).

use crate::error::Error;
use crate::record::{Record, RecordType};

/// What a record is to a page extractor.
#[derive(Debug)]
pub enum Verdict {
    /// An HTTP response with status 200 and an HTML `Content-Type`: a page.
    Page,
    /// Not a page, and why: its record type (`request`, `metadata`, `warcinfo`,
    /// `revisit`, ...), `not HTTP`, `status N` (redirects, 404s), `robots.txt`, or
    /// `not HTML` (images, PDFs, anything else).
    Skip(String),
    /// A response whose HTTP head cannot be parsed: a broken record.
    Broken(Error),
}

impl Record {
    /// Whether this record is a page: an HTTP 200 `response` whose `Content-Type` is HTML
    /// (`text/html`, `application/xhtml+xml`) and whose target is not a `robots.txt`;
    /// otherwise why it is skipped, or the error of an unreadable HTTP head.
    ///
    /// ```
    /// use article_warc::{Reader, Verdict};
    ///
    /// let warc = b"WARC/1.0\r\nWARC-Type: request\r\nContent-Length: 0\r\n\r\n\r\n\r\n";
    /// let record = Reader::new(&warc[..]).next().unwrap()?;
    /// assert!(matches!(record.verdict(), Verdict::Skip(why) if why == "request"));
    /// # Ok::<(), article_warc::Error>(())
    /// ```
    #[must_use]
    pub fn verdict(&self) -> Verdict {
        let kind = self.record_type();
        if kind != RecordType::Response {
            return Verdict::Skip(kind.as_str().to_owned());
        }
        if !self.is_http_response() {
            return Verdict::Skip("not HTTP".to_owned());
        }
        let http = match self.http_response() {
            Ok(http) => http,
            Err(e) => return Verdict::Broken(e),
        };
        if http.status() != 200 {
            return Verdict::Skip(format!("status {}", http.status()));
        }
        if self.target_uri().is_some_and(is_robots_txt) {
            return Verdict::Skip("robots.txt".to_owned());
        }
        if !http.is_html() {
            return Verdict::Skip("not HTML".to_owned());
        }
        Verdict::Page
    }

    /// The provenance of this record, read from the file named `file` (as the caller
    /// names it): record ID, target URI, date, and offset and length of its bytes.
    #[cfg(feature = "model")]
    #[must_use]
    pub fn provenance(&self, file: &str) -> article_model::Warc {
        let mut warc = article_model::Warc::new(
            file,
            self.record_id().unwrap_or_default(),
            self.offset(),
            self.length(),
        );
        warc.target_uri = self.target_uri().map(str::to_owned);
        warc.date = self.date().map(str::to_owned);
        warc
    }
}

/// Whether a URI's path ends in `/robots.txt` (query and fragment aside).
fn is_robots_txt(uri: &str) -> bool {
    uri.split(['?', '#'])
        .next()
        .unwrap_or(uri)
        .ends_with("/robots.txt")
}

#[cfg(test)]
mod tests {
    use super::{Verdict, is_robots_txt};
    use crate::Record;

    fn record(warc_type: &str, uri: &str, http: &str) -> Record {
        let block = http.replace('\n', "\r\n");
        let warc = format!(
            "WARC/1.1\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
             WARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-14T09:30:00Z\r\n\
             Content-Type: application/http; msgtype={warc_type}\r\n\
             Content-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        );
        crate::Reader::new(warc.as_bytes()).next().unwrap().unwrap()
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
            let got = match record(kind, uri, http).verdict() {
                Verdict::Page => Ok(()),
                Verdict::Skip(why) => Err(why),
                Verdict::Broken(e) => panic!("{kind} {uri} {http:?}: {e}"),
            };
            assert_eq!(got, want.map_err(str::to_owned), "{kind} {uri} {http:?}");
        }
        let broken = record("response", "https://a.example/x", "HTTP/1.1 abc\n\n");
        assert!(matches!(broken.verdict(), Verdict::Broken(_)));
    }

    #[cfg(feature = "model")]
    #[test]
    fn provenance() {
        let r = record("response", "https://a.example/x", "HTTP/1.1 200 OK\n\n");
        let w = r.provenance("crawl.warc.gz");
        assert_eq!(w.file, "crawl.warc.gz");
        assert_eq!(w.record_id, "<urn:uuid:1>");
        assert_eq!(w.target_uri.as_deref(), Some("https://a.example/x"));
        assert_eq!(w.date.as_deref(), Some("2024-03-14T09:30:00Z"));
        assert_eq!((w.offset, w.length), (r.offset(), r.length()));
    }

    #[test]
    fn robots_txt_by_path() {
        assert!(is_robots_txt("https://example.com/robots.txt"));
        assert!(is_robots_txt("https://example.com/robots.txt?x=1"));
        assert!(!is_robots_txt("https://example.com/robots.txt.html"));
        assert!(!is_robots_txt("https://example.com/news/robots"));
    }
}
