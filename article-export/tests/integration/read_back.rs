//! Every format read back by an independent parser: the seed article and 20 dev pages (10
//! as HTML, 10 as text dumps) written in every format and read by serde_json and the JSON
//! Schema, the csv crate, roxmltree, pulldown-cmark and the CoNLL scorer of `../shared`,
//! with entity texts matching their offsets in every format. Entities come from
//! `article-entities`; layers a page leaves empty get synthetic ones (quotations between
//! curly quotes, month and weekday names; capitalised word runs as entities if it found
//! none) so that every layer is exercised.
//!
//! Skips when `../shared` is absent.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use article_export::{CsvRows, DirWriter, Format, Options, Reader, Writer};
use article_model::{Article, Cluster, DateMention, Entity, Label, Quote, Span, SpeakerKind};

use crate::check;

fn shared() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent()?;
    let shared = root.join("../shared");
    shared
        .join("data/extraction/dev/ids.txt")
        .exists()
        .then_some(shared)
}

fn read_input(path: &Path) -> Vec<u8> {
    let raw = std::fs::read(path).unwrap();
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(raw.as_slice())
            .read_to_end(&mut out)
            .unwrap();
        out
    } else {
        raw
    }
}

/// The inputs of the bar: the seed, then 20 dev pages spread over the id list,
/// alternately the HTML page and the text dump; with `ARTICLE_EXPORT_BAR_ALL=1`, every
/// dev page in both forms (220 inputs).
fn inputs(shared: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(shared.join("data/seed"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    out.sort();
    let ids = std::fs::read_to_string(shared.join("data/extraction/dev/ids.txt")).unwrap();
    let ids: Vec<&str> = ids.lines().filter(|l| !l.is_empty()).collect();
    if std::env::var_os("ARTICLE_EXPORT_BAR_ALL").is_some() {
        for id in &ids {
            for ext in ["html.gz", "txt"] {
                out.push(shared.join(format!("data/extraction/dev/html/{id}.{ext}")));
            }
        }
        return out;
    }
    let step = (ids.len() / 20).max(1);
    for (n, id) in ids.iter().step_by(step).take(20).enumerate() {
        let ext = if n % 2 == 0 { "html.gz" } else { "txt" };
        out.push(shared.join(format!("data/extraction/dev/html/{id}.{ext}")));
    }
    out
}

/// Synthetic annotations for the layers `article-entities` left empty: capitalised word
/// runs as entities (clustered by text), text between “ and ” in one paragraph as quotes
/// (spoken by the nearest entity before), month and weekday names and years as dates.
pub fn synthetic(a: &mut Article) {
    let body = a.body().to_owned();
    let words: Vec<(usize, &str)> = body.split_word_bound_indices();
    if a.entities().is_empty() {
        let mut entities = Vec::new();
        let mut clusters: Vec<Cluster> = Vec::new();
        let mut i = 0;
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase) && w.len() > 1;
        while i < words.len() {
            let (start, w) = words[i];
            if !capital(w) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < words.len()
                && capital(words[j].1)
                && body[words[j - 1].0 + words[j - 1].1.len()..words[j].0] == *" "
            {
                j += 1;
            }
            let end = words[j - 1].0 + words[j - 1].1.len();
            let text = body[start..end].to_owned();
            let label = Label::ALL[text.len() % 4];
            let id = match clusters
                .iter_mut()
                .find(|c| c.canonical == text && c.label == label)
            {
                Some(c) => {
                    c.mentions += 1;
                    c.id
                }
                None => {
                    clusters.push(Cluster {
                        id: clusters.len(),
                        canonical: text.clone(),
                        label,
                        mentions: 1,
                        first: Span::new(start, end),
                        role: None,
                        affiliation: None,
                    });
                    clusters.len() - 1
                }
            };
            entities.push(Entity {
                span: Span::new(start, end),
                label,
                text,
                cluster: Some(id),
            });
            i = j;
        }
        a.try_set_entities(entities, clusters).unwrap();
    }
    if a.dates().is_empty() {
        const DATE_WORDS: &[&str] = &[
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let mut dates = Vec::new();
        for (start, w) in &words {
            let year = w.len() == 4 && w.starts_with("20") && w.chars().all(|c| c.is_ascii_digit());
            if DATE_WORDS.contains(w) || year {
                dates.push(DateMention {
                    span: Span::new(*start, start + w.len()),
                    text: (*w).to_owned(),
                    value: year.then(|| (*w).to_owned()),
                });
            }
        }
        a.try_set_dates(dates).unwrap();
    }
    if a.quotes().is_empty() {
        let mut quotes = Vec::new();
        let mut from = 0;
        while let Some(open) = body[from..].find('“').map(|i| from + i + '“'.len_utf8()) {
            let Some(close) = body[open..].find('”').map(|i| open + i) else {
                break;
            };
            from = close + '”'.len_utf8();
            if close == open || body[open..close].contains("\n\n") {
                continue;
            }
            let speaker = a.entities().iter().rev().find(|e| e.span.end() <= open);
            quotes.push(Quote {
                span: Span::new(open, close),
                text: body[open..close].to_owned(),
                speaker: speaker.map(|e| e.text.clone()),
                speaker_cluster: speaker.and_then(|e| e.cluster),
                speaker_kind: speaker.map(|_| SpeakerKind::Entity),
                scare: body[open..close].split_whitespace().count() <= 2,
            });
        }
        a.try_set_quotes(quotes).unwrap();
    }
}

/// Word-boundary split good enough for synthetic entities: runs of alphanumerics.
trait WordBounds {
    fn split_word_bound_indices(&self) -> Vec<(usize, &str)>;
}

impl WordBounds for String {
    fn split_word_bound_indices(&self) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in self.char_indices() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push((s, &self[s..i]));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push((s, &self[s..]));
        }
        out
    }
}

#[test]
fn seed_and_dev_pages_read_back_in_every_format() {
    let Some(shared) = shared() else {
        eprintln!("skipping: ../shared is absent");
        return;
    };
    let extractor = article_parse::Extractor::default();
    let annotator = article_entities::Annotator::default();
    let mut articles = Vec::new();
    let mut from_ner = 0;
    let (mut quotes, mut dates) = (0, 0);
    for path in inputs(&shared) {
        let mut a = extractor.extract(&read_input(&path)).unwrap();
        a.source = Some(path.display().to_string());
        annotator.annotate(&mut a).unwrap();
        if !a.entities().is_empty() {
            from_ner += 1;
        }
        synthetic(&mut a);
        quotes += a.quotes().len();
        dates += a.dates().len();
        articles.push(a);
    }
    assert!(
        articles.len() == 21 || articles.len() == 221,
        "{}",
        articles.len()
    );

    let mut entities = 0;
    for a in &articles {
        entities += a.entities().len();
        if let Err(e) = check::check_all(a) {
            panic!("{}: {e}", a.source.as_deref().unwrap_or("?"));
        }
    }

    // Streams of all 21 articles, read back whole.
    let stream = |format: Format, options: Options| -> Vec<u8> {
        let mut w = Writer::new(Vec::new(), format, options);
        for a in &articles {
            w.write(a).unwrap();
        }
        w.finish().unwrap()
    };
    let jsonl = stream(Format::Jsonl, Options::default());
    let back: Vec<Article> = Reader::new(jsonl.as_slice()).map(Result::unwrap).collect();
    assert_eq!(back, articles);
    let json = stream(Format::Json, Options::default());
    let back: Vec<Article> = Reader::new(json.as_slice()).map(Result::unwrap).collect();
    assert_eq!(back, articles);

    let csv_rows = csv::Reader::from_reader(stream(Format::Csv, Options::default()).as_slice())
        .records()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    assert_eq!(csv_rows.len(), articles.len());
    let entity_rows = csv::Reader::from_reader(
        stream(Format::Csv, Options::default().csv_rows(CsvRows::Entity)).as_slice(),
    )
    .records()
    .collect::<Result<Vec<_>, _>>()
    .unwrap();
    assert_eq!(entity_rows.len(), entities);
    for row in &entity_rows {
        let n: usize = row[0].parse().unwrap();
        let body = &csv_rows[n][6];
        let (s, e) = (row[4].parse().unwrap(), row[5].parse().unwrap());
        assert_eq!(
            check::slice(body, s, e, article_model::OffsetUnit::Char).as_deref(),
            Some(&row[2])
        );
    }

    let tei = String::from_utf8(stream(Format::Tei, Options::default())).unwrap();
    let doc = roxmltree::Document::parse(&tei).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "teiCorpus");
    assert_eq!(
        doc.root_element()
            .children()
            .filter(|n| n.has_tag_name("TEI"))
            .count(),
        articles.len()
    );

    let dir = std::env::temp_dir().join(format!("article-export-bar-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut w = DirWriter::new(&dir, Format::Brat, Options::default()).unwrap();
    for a in &articles {
        w.write(a).unwrap();
    }
    w.finish().unwrap();
    let anns = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "ann")
        })
        .count();
    assert_eq!(anns, articles.len());
    std::fs::remove_dir_all(&dir).unwrap();

    // The CoNLL scorer reads the file: scored against itself, every entity is found.
    let conll = stream(Format::Conll, Options::default());
    let path =
        std::env::temp_dir().join(format!("article-export-bar-{}.conll", std::process::id()));
    std::fs::write(&path, &conll).unwrap();
    let scorer = shared.join("data/ner/score.py");
    match Command::new("python3")
        .arg(&scorer)
        .arg(&path)
        .arg(&path)
        .output()
    {
        Ok(out) => {
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success(),
                "score.py failed: {stdout}{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let first = stdout.lines().next().unwrap_or("");
            assert!(
                first.contains(&format!(
                    "with {entities} phrases; found: {entities} phrases; correct: {entities}."
                )),
                "{stdout}"
            );
            assert!(
                stdout
                    .trim_end()
                    .ends_with("F1 100.00 precision 100.00 recall 100.00"),
                "{stdout}"
            );
            eprintln!("score.py: {first}");
        }
        Err(e) => eprintln!("skipping the CoNLL scorer: python3 not runnable ({e})"),
    }
    std::fs::remove_file(&path).unwrap();
    eprintln!(
        "bar: {} articles ({from_ner} with NER entities, the rest synthetic), {entities} entities, \
         {quotes} quotes, {dates} dates (synthetic where the annotator gave none), every format \
         read back",
        articles.len()
    );
}
