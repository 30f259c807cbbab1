//! Writing: any loaded record is written in every format without error, and the
//! records reader never panics. CoNLL tokens never hold whitespace; TEI never holds a
//! char XML forbids; JSON round-trips.
#![no_main]
use article_export::{CsvRows, Format, Options, Reader, to_brat, to_string};
use article_model::{Article, OffsetUnit};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() > 1 << 16 {
        return;
    }
    for result in Reader::new(data) {
        if let Ok(article) = result {
            article.check_invariants().expect("a read article holds its invariants");
        }
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(article) = Article::from_json(text) else {
        return;
    };
    for unit in [OffsetUnit::Char, OffsetUnit::Utf16] {
        let options = Options::default().offsets(unit);
        for format in Format::ALL {
            if format.is_per_document() {
                to_brat(&article, unit).expect("a valid article writes as brat");
                continue;
            }
            let out = to_string(&article, format, &options).expect("a valid article writes");
            match format {
                Format::Conll => {
                    for line in out.lines().filter(|l| !l.is_empty()) {
                        assert_eq!(line.split_whitespace().count(), 2, "conll line {line:?}");
                    }
                }
                Format::Tei => assert!(
                    !out.chars().any(|c| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}'
                        | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')),
                    "tei holds a char XML forbids"
                ),
                Format::Jsonl => {
                    let back = Article::from_json(out.trim_end()).expect("jsonl loads");
                    assert_eq!(back, article, "jsonl round trip");
                }
                _ => {}
            }
        }
        let rows = options.csv_rows(CsvRows::Entity);
        to_string(&article, Format::Csv, &rows).expect("entity rows write");
    }
});
