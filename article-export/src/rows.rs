//! CSV (RFC 4180): one row per article, or one row per entity.

use std::io::Write;

use article_model::{Article, OffsetIndex, OffsetUnit};

use crate::error::{Error, ErrorKind, Result};

/// What one CSV row stands for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CsvRows {
    /// One row per article: `article,source,title,authors,published,language,body`.
    #[default]
    Article,
    /// One row per entity mention: `article,source,text,label,start,end,cluster`, with
    /// `start`/`end` offsets into the article's body (the `body` of the per-article rows
    /// and of the JSON record).
    Entity,
}

/// The separator between authors in the `authors` column (a comma would be ambiguous
/// with "Doe, Jane").
pub(crate) const AUTHOR_SEPARATOR: &str = "; ";

const ARTICLE_HEADER: [&str; 7] = [
    "article",
    "source",
    "title",
    "authors",
    "published",
    "language",
    "body",
];
const ENTITY_HEADER: [&str; 7] = [
    "article", "source", "text", "label", "start", "end", "cluster",
];

fn csv_writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(out)
}

fn csv_error(e: csv::Error) -> Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::from(io),
        other => Error::new(ErrorKind::Io(std::io::Error::other(format!("{other:?}")))),
    }
}

/// Writes the header row for `rows`.
pub(crate) fn write_header<W: Write>(out: W, rows: CsvRows) -> Result<()> {
    let header: &[&str] = match rows {
        CsvRows::Article => &ARTICLE_HEADER,
        CsvRows::Entity => &ENTITY_HEADER,
    };
    let mut w = csv_writer(out);
    w.write_record(header).map_err(csv_error)?;
    w.flush()?;
    Ok(())
}

/// Writes the rows of article number `number` (from 0 in the stream).
pub(crate) fn write_rows<W: Write>(
    out: W,
    rows: CsvRows,
    number: usize,
    article: &Article,
    unit: OffsetUnit,
) -> Result<()> {
    let mut w = csv_writer(out);
    let number = number.to_string();
    let source = article.source.as_deref().unwrap_or("");
    match rows {
        CsvRows::Article => {
            let m = &article.metadata;
            let authors = m.authors.join(AUTHOR_SEPARATOR);
            w.write_record([
                number.as_str(),
                source,
                m.title.as_deref().unwrap_or(""),
                &authors,
                m.published.as_deref().unwrap_or(""),
                m.language.as_deref().unwrap_or(""),
                article.body(),
            ])
            .map_err(csv_error)?;
        }
        CsvRows::Entity => {
            let index = OffsetIndex::new(article.body());
            for e in article.entities() {
                let start = index.convert(e.span.start(), unit)?.to_string();
                let end = index.convert(e.span.end(), unit)?.to_string();
                let cluster = e.cluster.map(|c| c.to_string()).unwrap_or_default();
                w.write_record([
                    number.as_str(),
                    source,
                    &e.text,
                    e.label.as_str(),
                    &start,
                    &end,
                    &cluster,
                ])
                .map_err(csv_error)?;
            }
        }
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_model::{BlockKind, Entity, Label, Span};

    #[test]
    fn rows_are_rfc_4180() {
        let mut a = Article::new();
        a.source = Some("a,b.html".into());
        a.metadata.title = Some("Say \"hi\"".into());
        a.metadata.authors = vec!["Doe, Jane".into(), "Roe".into()];
        a.push_paragraph(BlockKind::Paragraph, "😀 Zürich.", None);
        a.push_paragraph(BlockKind::Paragraph, "Two", None);
        let z = a.body().find('Z').unwrap();
        a.try_set_entities(
            vec![Entity {
                span: Span::new(z, z + "Zürich".len()),
                label: Label::Loc,
                text: "Zürich".into(),
                cluster: None,
            }],
            vec![],
        )
        .unwrap();
        let mut out = Vec::new();
        write_header(&mut out, CsvRows::Article).unwrap();
        write_rows(&mut out, CsvRows::Article, 0, &a, OffsetUnit::Char).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "article,source,title,authors,published,language,body\r\n\
             0,\"a,b.html\",\"Say \"\"hi\"\"\",\"Doe, Jane; Roe\",,,\"😀 Zürich.\n\nTwo\"\r\n"
        );
        let mut out = Vec::new();
        write_rows(&mut out, CsvRows::Entity, 3, &a, OffsetUnit::Utf16).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "3,\"a,b.html\",Zürich,LOC,3,9,\r\n"
        );
    }
}
