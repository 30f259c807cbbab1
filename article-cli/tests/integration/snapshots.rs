//! Golden snapshots of everything the pipeline gives for our own pages: the article record
//! (paragraphs with kinds and source ranges, removed blocks with kinds and reasons,
//! metadata, entities, clusters, quotes, dates) and every export format, for each page in
//! `examples/` and `tests/fixtures/pages/` (pages written for these tests; see the README
//! there). They guard refactors: any change to any output shows as a snapshot diff.
//!
//! A page goes through what `article extract` does (extract, name the source, annotate)
//! with the input format taken from the file extension. Review changes with
//! `cargo insta review`; never update snapshots by hand or in CI.

use std::path::{Path, PathBuf};

use article_entities::Annotator;
use article_export::{CsvRows, Format, Options, to_brat, to_string};
use article_model::{Article, OffsetUnit};
use article_parse::{Extractor, InputFormat};

use crate::{examples, run, scratch};

/// `tests/fixtures/pages/`.
fn fixture_pages() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages")
}

/// Every page the suite covers, as (name shown in `source`, path), sorted.
fn pages() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for (prefix, dir) in [("examples", examples()), ("pages", fixture_pages())] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| format_of(p).is_some())
            .collect();
        files.sort();
        for path in files {
            let name = format!("{prefix}/{}", path.file_name().unwrap().to_str().unwrap());
            out.push((name, path));
        }
    }
    out
}

/// The input format a page's extension names (`.html`, `.txt`).
fn format_of(path: &Path) -> Option<InputFormat> {
    match path.extension()?.to_str()? {
        "html" => Some(InputFormat::Html),
        "txt" => Some(InputFormat::Text),
        _ => None,
    }
}

/// The article `article extract` gives for a page, or the error it reports.
fn process(name: &str, path: &Path, annotator: &Annotator) -> Result<Article, String> {
    let bytes = std::fs::read(path).unwrap();
    let extractor = Extractor::builder()
        .format(format_of(path).unwrap())
        .build();
    let mut article = extractor.extract(&bytes).map_err(|e| e.to_string())?;
    article.source = Some(name.to_owned());
    annotator
        .annotate(&mut article)
        .map_err(|e| e.to_string())?;
    Ok(article)
}

/// One page's snapshot: every output, each under a `=== ` heading.
fn render(article: &Article) -> String {
    let mut out = String::new();
    let mut section = |title: &str, body: &str| {
        out.push_str("=== ");
        out.push_str(title);
        out.push('\n');
        out.push_str(body);
        if !body.ends_with('\n') {
            out.push('\n');
        }
    };
    let chars = Options::default();
    for format in Format::ALL {
        if format.is_per_document() {
            continue;
        }
        section(format.name(), &to_string(article, format, &chars).unwrap());
    }
    let entity_rows = Options::default().csv_rows(CsvRows::Entity);
    section(
        "csv (a row per entity)",
        &to_string(article, Format::Csv, &entity_rows).unwrap(),
    );
    let utf16 = Options::default().offsets(OffsetUnit::Utf16);
    section(
        "jsonl (utf16 offsets)",
        &to_string(article, Format::Jsonl, &utf16).unwrap(),
    );
    let brat = to_brat(article, OffsetUnit::Char).unwrap();
    section("brat .txt", brat.text());
    section("brat .ann", brat.annotations());
    out
}

#[test]
fn every_page_every_format() {
    let pages = pages();
    assert!(
        pages.len() >= 26,
        "the suite covers the examples and at least 20 pages of our own; found {}",
        pages.len()
    );
    let annotator = Annotator::builder().build();
    for (name, path) in &pages {
        let rendered = match process(name, path, &annotator) {
            Ok(article) => {
                article.check_invariants().unwrap();
                render(&article)
            }
            Err(e) => format!("=== error\n{e}\n"),
        };
        insta::with_settings!({
            snapshot_path => "snapshots/pages",
            prepend_module_to_snapshot => false,
            omit_expression => true,
            description => name.as_str(),
        }, {
            insta::assert_snapshot!(name.replace('/', "__"), rendered);
        });
    }
}

/// Several articles in one stream: the wrappers and separators each format puts between
/// records (a JSON array or objects, TEI corpus, one CSV header, text separators).
#[test]
fn streams_of_several_articles() {
    let annotator = Annotator::builder().build();
    let articles: Vec<Article> = pages()
        .iter()
        .filter(|(name, _)| name.starts_with("examples/"))
        .take(3)
        .map(|(name, path)| process(name, path, &annotator).unwrap())
        .collect();
    assert_eq!(articles.len(), 3);
    let mut out = String::new();
    for format in Format::ALL {
        if format.is_per_document() {
            continue;
        }
        let mut writer = article_export::Writer::new(Vec::new(), format, Options::default());
        for article in &articles {
            writer.write(article).unwrap();
        }
        out.push_str(&format!("=== {}\n", format.name()));
        out.push_str(&String::from_utf8(writer.finish().unwrap()).unwrap());
        out.push('\n');
    }
    insta::with_settings!({
        snapshot_path => "snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("streams", out);
    });
}

/// `article ner` on the tokens of our pages (their CoNLL export with the tags cut off):
/// the CoNLL reader, document context and tagging of the binary.
#[test]
fn ner_command_on_our_tokens() {
    let annotator = Annotator::builder().build();
    let mut conll = String::new();
    for (name, path) in pages()
        .iter()
        .filter(|(name, _)| name.ends_with(".html") && !name.contains("deep"))
        .take(6)
    {
        let article = process(name, path, &annotator).unwrap();
        let tagged = to_string(&article, Format::Conll, &Options::default()).unwrap();
        for line in tagged.lines() {
            conll.push_str(line.split(' ').next().unwrap_or(""));
            conll.push('\n');
        }
    }
    let dir = scratch("snapshot-ner");
    let input = dir.join("tokens.conll");
    std::fs::write(&input, &conll).unwrap();
    let out = run(&["ner", "--conll", input.to_str().unwrap()], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    insta::with_settings!({
        snapshot_path => "snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("ner_command", String::from_utf8(out.stdout).unwrap());
    });
}
