//! Writes the HTML 200 responses of a WARC file as Parquet (and JSONL), for the Python
//! read-back check and the memory measurement of issue 15 (bar 2).
//!
//! ```text
//! cargo run --release -p article-export --features parquet --example parquet_dump -- \
//!     WARC PARQUET [--jsonl FILE] [--copies N] [--row-group ROWS]
//! ```
//!
//! Each response is extracted and annotated once (with its WARC provenance; responses that
//! give no article become error rows), then the whole set is written `N` times (default 1)
//! to `PARQUET`, so peak RSS between `--copies 1` and `--copies 20` shows what the writer
//! adds as rows grow. `--jsonl` writes the articles once, as `article extract --to jsonl`
//! would, for comparison.
use std::fs::File;
use std::io::BufWriter;

use article_export::{Format, Options, ParquetOptions, ParquetWriter, Writer};
use article_model::{Article, Warc};

enum Row {
    Article(Box<Article>),
    Error(Option<String>, Box<Warc>, String),
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(warc_path), Some(out)) = (args.next(), args.next()) else {
        return Err(
            "usage: parquet_dump WARC PARQUET [--jsonl FILE] [--copies N] [--row-group ROWS]"
                .into(),
        );
    };
    let (mut jsonl, mut copies, mut options) = (None, 1, ParquetOptions::default().warc(true));
    while let Some(flag) = args.next() {
        let value = args.next().ok_or("a flag without its value")?;
        match flag.as_str() {
            "--jsonl" => jsonl = Some(value),
            "--copies" => copies = value.parse()?,
            "--row-group" => options = options.row_group_size(value.parse()?),
            other => return Err(format!("unknown flag {other}").into()),
        }
    }

    let extractor = article_parse::Extractor::default();
    let annotator = article_entities::Annotator::default();
    let mut rows = Vec::new();
    for item in article_warc::Reader::new(File::open(&warc_path)?) {
        let record = item?;
        if record.record_type() != article_warc::RecordType::Response || !record.is_http_response()
        {
            continue;
        }
        let Ok(http) = record.http_response() else {
            continue;
        };
        if http.status() != 200 || !http.is_html() {
            continue;
        }
        let mut warc = Warc::new(
            &warc_path,
            record.record_id().unwrap_or_default(),
            record.offset(),
            record.length(),
        );
        warc.target_uri = record.target_uri().map(str::to_owned);
        warc.date = record.date().map(str::to_owned);
        let source = warc.target_uri.clone();
        let extracted = http
            .payload()
            .map_err(|e| e.to_string())
            .and_then(|page| extractor.extract(&page).map_err(|e| e.to_string()));
        match extracted {
            Ok(mut a) => {
                a.source = source;
                a.warc = Some(warc);
                annotator.annotate(&mut a)?;
                rows.push(Row::Article(Box::new(a)));
            }
            Err(e) => rows.push(Row::Error(source, Box::new(warc), e)),
        }
    }

    if let Some(path) = jsonl {
        let mut w = Writer::new(
            BufWriter::new(File::create(path)?),
            Format::Jsonl,
            Options::default(),
        );
        for row in &rows {
            if let Row::Article(a) = row {
                w.write(a)?;
            }
        }
        w.finish()?;
    }
    let mut w = ParquetWriter::new(BufWriter::new(File::create(&out)?), options)?;
    for _ in 0..copies {
        for row in &rows {
            match row {
                Row::Article(a) => w.write(a)?,
                Row::Error(source, warc, e) => w.write_error(source.as_deref(), Some(warc), e)?,
            }
        }
    }
    let written = w.written();
    w.finish()?;
    let errors = rows.iter().filter(|r| matches!(r, Row::Error(..))).count();
    eprintln!(
        "{out}: {written} rows ({copies} x {} inputs, {errors} of them errors)",
        rows.len()
    );
    Ok(())
}
