//! WARC inputs: how records are named in messages and the one-line summary of a run
//! (which records become articles, and their provenance, are `article_warc`'s).

use std::collections::BTreeMap;
use std::fmt::Write as _;

pub(crate) use article_warc::Verdict;

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

    #[test]
    fn record_names() {
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
