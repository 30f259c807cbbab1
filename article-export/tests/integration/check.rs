//! Independent checks of every format: each output is read back by a parser that is not
//! ours (serde_json + the JSON Schema, the csv crate, roxmltree, pulldown-cmark) or, for
//! CoNLL and brat, by a few lines that follow the format's own rules, and every exported
//! offset must slice the exported text to the annotation's text.

use std::sync::OnceLock;

use article_export::{CsvRows, DirWriter, Format, Options, Reader, Writer, to_brat, to_string};
use article_model::{Article, BlockKind, OffsetUnit};

pub type Check = Result<(), String>;

macro_rules! ensure {
    ($cond:expr, $($fmt:tt)+) => {
        if !$cond {
            return Err(format!($($fmt)+));
        }
    };
}

/// The chars Python's `str.split()` splits on (what CoNLL readers use).
pub fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `body[start..end]` with offsets in `unit`.
pub fn slice(body: &str, start: usize, end: usize, unit: OffsetUnit) -> Option<String> {
    if start > end {
        return None;
    }
    match unit {
        OffsetUnit::Utf16 => {
            let units: Vec<u16> = body.encode_utf16().collect();
            String::from_utf16(units.get(start..end)?).ok()
        }
        OffsetUnit::Byte => body.get(start..end).map(str::to_owned),
        _ => {
            let chars: Vec<char> = body.chars().collect();
            Some(chars.get(start..end)?.iter().collect())
        }
    }
}

fn schema_validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        let schema: serde_json::Value =
            serde_json::from_str(article_export::JSON_SCHEMA).expect("schema is JSON");
        jsonschema::meta::validate(&schema).expect("schema is a valid JSON Schema");
        jsonschema::validator_for(&schema).expect("schema compiles")
    })
}

/// Validates one record against the committed JSON Schema.
pub fn validate_record(value: &serde_json::Value) -> Check {
    let errors: Vec<String> = schema_validator()
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    ensure!(errors.is_empty(), "schema: {errors:?}");
    Ok(())
}

/// json and jsonl: valid against the schema, read back to the same article, written
/// back to the same bytes, every offset slicing the body to the item's text.
pub fn check_json(a: &Article, unit: OffsetUnit) -> Check {
    let options = Options::default().offsets(unit);
    let json = to_string(a, Format::Json, &options).map_err(|e| e.to_string())?;
    let value: serde_json::Value = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    validate_record(&value)?;
    let back = Article::from_json(&json).map_err(|e| format!("json reads back: {e}"))?;
    ensure!(&back == a, "json round trip changed the article");
    let again = to_string(&back, Format::Json, &options).map_err(|e| e.to_string())?;
    ensure!(again == json, "json -> Article -> json is not identity");

    let body = value["body"].as_str().unwrap_or_default();
    for layer in ["entities", "quotes", "dates"] {
        for item in value[layer].as_array().into_iter().flatten() {
            let (s, e) = (item["start"].as_u64(), item["end"].as_u64());
            let (Some(s), Some(e)) = (s, e) else {
                return Err(format!("{layer}: offsets missing"));
            };
            let got = slice(body, to_usize(s), to_usize(e), unit);
            ensure!(
                got.as_deref() == item["text"].as_str(),
                "json {layer}: [{s}, {e}] slices to {got:?}, not {:?}",
                item["text"]
            );
        }
    }

    let mut w = Writer::new(Vec::new(), Format::Jsonl, options);
    w.write(a).map_err(|e| e.to_string())?;
    w.write(a).map_err(|e| e.to_string())?;
    let jsonl = w.finish().map_err(|e| e.to_string())?;
    let text = String::from_utf8(jsonl.clone()).map_err(|e| e.to_string())?;
    ensure!(
        text.lines().count() == 2,
        "jsonl is not one record per line"
    );
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        validate_record(&v)?;
    }
    let back: Vec<Article> = Reader::new(jsonl.as_slice())
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    ensure!(
        back == [a.clone(), a.clone()],
        "jsonl reads back differently"
    );
    Ok(())
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// csv: both row kinds parse with the csv crate; entity offsets slice the body column.
pub fn check_csv(a: &Article, unit: OffsetUnit) -> Check {
    let options = Options::default().offsets(unit);
    let csv_text = to_string(a, Format::Csv, &options).map_err(|e| e.to_string())?;
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header = reader.headers().map_err(|e| e.to_string())?.clone();
    ensure!(
        header.iter().collect::<Vec<_>>()
            == [
                "article",
                "source",
                "title",
                "authors",
                "published",
                "language",
                "body"
            ],
        "csv header {header:?}"
    );
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    ensure!(rows.len() == 1, "csv: {} rows for one article", rows.len());
    let row = &rows[0];
    let m = &a.metadata;
    let want = [
        "0".to_owned(),
        a.source.clone().unwrap_or_default(),
        m.title.clone().unwrap_or_default(),
        m.authors.join("; "),
        m.published.clone().unwrap_or_default(),
        m.language.clone().unwrap_or_default(),
        a.body().to_owned(),
    ];
    ensure!(
        row.iter().collect::<Vec<_>>() == want.iter().map(String::as_str).collect::<Vec<_>>(),
        "csv row differs: {row:?}"
    );
    let body = row.get(6).unwrap_or_default();

    let options = options.csv_rows(CsvRows::Entity);
    let csv_text = to_string(a, Format::Csv, &options).map_err(|e| e.to_string())?;
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    ensure!(
        rows.len() == a.entities().len(),
        "csv: {} entity rows for {} entities",
        rows.len(),
        a.entities().len()
    );
    for (row, e) in rows.iter().zip(a.entities()) {
        let num = |i: usize| row.get(i).and_then(|s| s.parse::<usize>().ok());
        let (Some(s), Some(end)) = (num(4), num(5)) else {
            return Err(format!("csv entity offsets: {row:?}"));
        };
        let got = slice(body, s, end, unit);
        ensure!(
            got.as_deref() == Some(e.text.as_str()) && row.get(2) == Some(e.text.as_str()),
            "csv entity [{s}, {end}] slices to {got:?}, not {:?}",
            e.text
        );
        ensure!(row.get(3) == Some(e.label.as_str()), "csv label {row:?}");
        let cluster = e.cluster.map(|c| c.to_string()).unwrap_or_default();
        ensure!(row.get(6) == Some(cluster.as_str()), "csv cluster {row:?}");
    }
    Ok(())
}

/// brat: every T line's offsets slice the .txt to its text, which is the annotation's.
pub fn check_brat(a: &Article, unit: OffsetUnit) -> Check {
    let brat = to_brat(a, unit).map_err(|e| e.to_string())?;
    ensure!(
        brat.text() == format!("{}\n", a.body()),
        "brat .txt is not the body"
    );
    let flat = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if matches!(c, '\t' | '\n' | '\r') {
                    ' '
                } else {
                    c
                }
            })
            .collect()
    };
    let mut want: Vec<(String, String)> = a
        .entities()
        .iter()
        .map(|e| (e.label.as_str().to_owned(), e.text.clone()))
        .collect();
    want.extend(
        a.quotes()
            .iter()
            .map(|q| ("Quotation".to_owned(), q.text.clone())),
    );
    want.extend(
        a.dates()
            .iter()
            .map(|d| ("Date".to_owned(), d.text.clone())),
    );
    let mut got = Vec::new();
    for line in brat.annotations().lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        ensure!(fields.len() >= 2, "brat line {line:?}");
        if !fields[0].starts_with('T') {
            continue;
        }
        ensure!(
            fields.len() == 3,
            "brat T line has {} fields: {line:?}",
            fields.len()
        );
        let parts: Vec<&str> = fields[1].split(' ').collect();
        ensure!(parts.len() == 3, "brat T line is not contiguous: {line:?}");
        let (Ok(s), Ok(e)) = (parts[1].parse::<usize>(), parts[2].parse::<usize>()) else {
            return Err(format!("brat offsets {line:?}"));
        };
        let text = slice(brat.text(), s, e, unit);
        ensure!(
            text.as_deref().map(flat).as_deref() == Some(fields[2]),
            "brat [{s}, {e}] slices to {text:?}, the line says {:?}",
            fields[2]
        );
        got.push((parts[0].to_owned(), text.unwrap_or_default()));
    }
    ensure!(got == want, "brat T lines {got:?}, want {want:?}");
    Ok(())
}

/// The text TEI holds for `s`: chars XML forbids become U+FFFD.
fn xml_text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t'
            | '\n'
            | '\r'
            | '\u{20}'..='\u{D7FF}'
            | '\u{E000}'..='\u{FFFD}'
            | '\u{10000}'.. => c,
            _ => '\u{FFFD}',
        })
        .collect()
}

/// The paragraphs of the body that inline markup may not cross (cells for table rows).
fn segments(a: &Article) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for p in a.paragraphs() {
        let (s, e) = (p.span().start(), p.span().end());
        if p.kind() == BlockKind::TableRow {
            let mut start = s;
            for (i, _) in a.paragraph_text(p).match_indices('\t') {
                out.push((start, s + i));
                start = s + i + 1;
            }
            out.push((start, e));
        } else {
            out.push((s, e));
        }
    }
    out
}

/// tei: well-formed; the blocks' text is the paragraphs'; every entity within one block
/// is marked with its text and label; every quote and date marked has its text.
pub fn check_tei(a: &Article) -> Check {
    let xml = to_string(a, Format::Tei, &Options::default()).map_err(|e| e.to_string())?;
    let doc = roxmltree::Document::parse(&xml).map_err(|e| format!("tei is not XML: {e}"))?;
    let text_of = |n: roxmltree::Node| -> String {
        n.descendants()
            .filter(|d| d.is_text())
            .filter_map(|d| d.text())
            .collect()
    };
    let entry = doc
        .descendants()
        .find(|n| n.has_tag_name("div") && n.attribute("type") == Some("entry"))
        .ok_or("tei: no entry div")?;
    let mut blocks = Vec::new();
    for n in entry.descendants() {
        match n.tag_name().name() {
            "p" | "head" | "item" | "quote" | "ab" => {
                if n.ancestors().skip(1).any(|p| p.has_tag_name("figure")) {
                    continue;
                }
                blocks.push(text_of(n));
            }
            "row" => {
                let cells: Vec<String> = n
                    .children()
                    .filter(|c| c.has_tag_name("cell"))
                    .map(text_of)
                    .collect();
                blocks.push(cells.join("\t"));
            }
            _ => {}
        }
    }
    let want: Vec<String> = a
        .paragraphs()
        .iter()
        .map(|p| xml_text(a.paragraph_text(p)))
        .collect();
    ensure!(blocks == want, "tei blocks {blocks:?}, want {want:?}");

    let title = doc
        .descendants()
        .find(|n| n.has_tag_name("title") && n.attribute("type") == Some("main"))
        .map(text_of);
    ensure!(
        title == Some(xml_text(a.metadata.title.as_deref().unwrap_or(""))),
        "tei title {title:?}"
    );
    let authors: Vec<String> = doc
        .descendants()
        .filter(|n| {
            n.has_tag_name("author") && n.parent().is_some_and(|p| p.has_tag_name("titleStmt"))
        })
        .map(text_of)
        .collect();
    let want_authors: Vec<String> = a.metadata.authors.iter().map(|s| xml_text(s)).collect();
    ensure!(authors == want_authors, "tei authors {authors:?}");

    let segs = segments(a);
    let within = |s: usize, e: usize| segs.iter().any(|&(a, b)| a <= s && e <= b);
    let marked: Vec<(String, String)> = entry
        .descendants()
        .filter_map(|n| {
            let label = match n.tag_name().name() {
                "persName" => "PER",
                "orgName" => "ORG",
                "placeName" => "LOC",
                "name" if n.attribute("type") == Some("misc") => "MISC",
                _ => return None,
            };
            Some((label.to_owned(), text_of(n)))
        })
        .collect();
    let want_marked: Vec<(String, String)> = a
        .entities()
        .iter()
        .filter(|e| within(e.span.start(), e.span.end()))
        .map(|e| (e.label.as_str().to_owned(), xml_text(&e.text)))
        .collect();
    ensure!(
        marked == want_marked,
        "tei entities {marked:?}, want {want_marked:?}"
    );
    let quotes: Vec<String> = a.quotes().iter().map(|q| xml_text(&q.text)).collect();
    let dates: Vec<String> = a.dates().iter().map(|d| xml_text(&d.text)).collect();
    for n in entry.descendants() {
        let (pool, what) = match n.tag_name().name() {
            "q" => (&quotes, "quote"),
            "date" => (&dates, "date"),
            _ => continue,
        };
        let t = text_of(n);
        ensure!(
            pool.contains(&t),
            "tei {what} {t:?} is not one of the article's"
        );
    }
    Ok(())
}

/// conll: tokens are non-empty with no whitespace; they cover the body's non-space text
/// in order; IOB2 chunks are exactly the entities (those with non-space text).
pub fn check_conll(a: &Article) -> Result<String, String> {
    let conll = to_string(a, Format::Conll, &Options::default()).map_err(|e| e.to_string())?;
    let mut lines = conll.split('\n');
    ensure!(
        lines.next() == Some("-DOCSTART- O"),
        "conll starts {conll:?}"
    );
    ensure!(
        lines.next() == Some(""),
        "conll: no blank line after -DOCSTART-"
    );
    let mut tokens = String::new();
    let mut chunks: Vec<(String, String)> = Vec::new();
    let mut open = false;
    for line in lines {
        if line.is_empty() {
            open = false;
            continue;
        }
        let fields: Vec<&str> = line.split(' ').collect();
        ensure!(fields.len() == 2, "conll line {line:?}");
        ensure!(
            line.split(is_python_space).count() == 2 && !fields[0].is_empty(),
            "conll token {:?} is empty or holds whitespace",
            fields[0]
        );
        ensure!(
            fields[0] != "-DOCSTART-",
            "conll token looks like -DOCSTART-"
        );
        tokens.push_str(fields[0]);
        match fields[1].split_once('-') {
            Some(("B", label)) => {
                chunks.push((label.to_owned(), fields[0].to_owned()));
                open = true;
            }
            Some(("I", label)) => {
                ensure!(open, "conll: I- tag without B- at {line:?}");
                let last = chunks.last_mut().ok_or("I- tag first")?;
                ensure!(last.0 == label, "conll: I-{label} continues {}", last.0);
                last.1.push_str(fields[0]);
            }
            None if fields[1] == "O" => open = false,
            _ => return Err(format!("conll tag {:?}", fields[1])),
        }
    }
    let squeeze = |s: &str| {
        s.chars()
            .filter(|c| !is_python_space(*c))
            .collect::<String>()
    };
    ensure!(
        tokens == squeeze(a.body()),
        "conll tokens do not cover the body"
    );
    let want: Vec<(String, String)> = a
        .entities()
        .iter()
        .filter(|e| !e.text.chars().all(is_python_space))
        .map(|e| (e.label.as_str().to_owned(), squeeze(&e.text)))
        .collect();
    ensure!(chunks == want, "conll chunks {chunks:?}, want {want:?}");
    Ok(conll)
}

/// markdown: parsed by pulldown-cmark, its text is the title, byline, date, paragraphs
/// and captions (whitespace aside), with the title as a level-1 heading.
pub fn check_markdown(a: &Article) -> Check {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag};
    let md = to_string(a, Format::Markdown, &Options::default()).map_err(|e| e.to_string())?;
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_TABLES);
    let mut text = String::new();
    let mut h1 = 0;
    for event in Parser::new_ext(&md, options) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => h1 += 1,
            Event::Html(t) | Event::InlineHtml(t) => {
                return Err(format!("markdown has HTML {t:?}"));
            }
            _ => {}
        }
    }
    let m = &a.metadata;
    let has_title = m.title.as_deref().is_some_and(|t| !t.trim().is_empty());
    ensure!(
        h1 == usize::from(has_title),
        "markdown has {h1} level-1 headings"
    );
    let mut want = String::new();
    want.push_str(m.title.as_deref().unwrap_or(""));
    let authors: Vec<&String> = m.authors.iter().filter(|s| !s.trim().is_empty()).collect();
    match authors.as_slice() {
        [] => {}
        [one] => want.push_str(&format!("By {one}")),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(|s| s.as_str()).collect();
            want.push_str(&format!("By {} and {last}", init.join(", ")));
        }
    }
    want.push_str(m.published.as_deref().unwrap_or(""));
    for p in a.paragraphs() {
        want.push_str(a.paragraph_text(p));
    }
    for c in &a.captions {
        want.push_str(c);
    }
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| !is_python_space(*c))
            .map(|c| if c == '\0' { '\u{FFFD}' } else { c })
            .collect()
    };
    ensure!(
        norm(&text) == norm(&want),
        "markdown text differs:\n{text:?}\nwant\n{want:?}"
    );
    Ok(())
}

/// text: the body and a newline.
pub fn check_text(a: &Article) -> Check {
    let text = to_string(a, Format::Text, &Options::default()).map_err(|e| e.to_string())?;
    ensure!(text == format!("{}\n", a.body()), "text is not the body");
    Ok(())
}

/// Every format, both offset units.
pub fn check_all(a: &Article) -> Check {
    for unit in [OffsetUnit::Char, OffsetUnit::Utf16] {
        check_json(a, unit)?;
        check_csv(a, unit)?;
        check_brat(a, unit)?;
    }
    check_tei(a)?;
    check_conll(a)?;
    check_markdown(a)?;
    check_text(a)?;
    Ok(())
}

/// Writes `a` with a [`DirWriter`] into a fresh directory and checks the pair.
pub fn check_brat_dir(a: &Article, dir: &std::path::Path) -> Check {
    let mut w = DirWriter::new(dir, Format::Brat, Options::default()).map_err(|e| e.to_string())?;
    let name = w.write(a).map_err(|e| e.to_string())?;
    w.finish().map_err(|e| e.to_string())?;
    let txt =
        std::fs::read_to_string(dir.join(format!("{name}.txt"))).map_err(|e| e.to_string())?;
    ensure!(txt == format!("{}\n", a.body()), "brat dir .txt");
    ensure!(dir.join("annotation.conf").exists(), "no annotation.conf");
    Ok(())
}
