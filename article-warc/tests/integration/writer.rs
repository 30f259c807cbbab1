//! A WARC writer for the tests only: records as the reader should read them back, packed
//! uncompressed, as one gzip member per record, or as one gzip member for the whole file.

use std::io::Write;

/// A record to write.
#[derive(Clone, Debug)]
pub struct TestRecord {
    pub version: &'static str,
    /// Named fields before `Content-Length` (which the writer adds).
    pub fields: Vec<(String, String)>,
    pub block: Vec<u8>,
}

impl TestRecord {
    pub fn new(warc_type: &str, id: u32, block: &[u8]) -> TestRecord {
        TestRecord {
            version: "WARC/1.1",
            fields: vec![
                ("WARC-Type".into(), warc_type.into()),
                (
                    "WARC-Record-ID".into(),
                    format!("<urn:uuid:00000000-0000-0000-0000-{id:012}>"),
                ),
                ("WARC-Date".into(), "2020-07-16T06:00:00Z".into()),
            ],
            block: block.to_vec(),
        }
    }

    pub fn field(mut self, name: &str, value: &str) -> TestRecord {
        self.fields.push((name.into(), value.into()));
        self
    }

    /// The record's bytes: version line, fields, `Content-Length`, blank line, block, and
    /// the two line ends after it.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(self.version.as_bytes());
        out.extend_from_slice(b"\r\n");
        for (name, value) in &self.fields {
            out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
        }
        out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", self.block.len()).as_bytes());
        out.extend_from_slice(&self.block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }
}

/// How records are packed into a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Packing {
    Plain,
    Members,
    OneMember,
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// The file and, per record, the `(offset, length)` the reader should give: the record's
/// member, or (records sharing one member) its range in the decompressed stream, or the
/// record in an uncompressed file.
pub fn write_warc(records: &[TestRecord], packing: Packing) -> (Vec<u8>, Vec<(u64, u64)>) {
    let mut file = Vec::new();
    let mut ranges = Vec::new();
    let mut plain = Vec::new();
    for record in records {
        let bytes = record.to_bytes();
        let start = if packing == Packing::Members {
            file.len()
        } else {
            plain.len()
        } as u64;
        match packing {
            Packing::Members => file.extend_from_slice(&gzip(&bytes)),
            Packing::Plain | Packing::OneMember => plain.extend_from_slice(&bytes),
        }
        let end = if packing == Packing::Members {
            file.len()
        } else {
            plain.len()
        } as u64;
        ranges.push((start, end - start));
    }
    match packing {
        Packing::Plain => file = plain,
        Packing::OneMember => {
            file = gzip(&plain);
            // A record alone in the member has the member's range.
            if let [range] = ranges.as_mut_slice() {
                *range = (0, file.len() as u64);
            }
        }
        Packing::Members => {}
    }
    (file, ranges)
}

/// An HTTP response block.
pub fn http_response(status: u16, head: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status} OK\r\n").into_bytes();
    for (name, value) in head {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}
