//! Property tests: random articles (with entities, clusters, quotes and dates on valid
//! spans, and text full of emoji, combining marks, CJK, controls and markup characters)
//! survive every format.

use article_model::{
    Article, BlockKind, Cluster, DateMention, Dateline, Entity, Label, Quote, Removed, RemovedKind,
    Span, SpeakerKind,
};
use proptest::prelude::*;

use crate::check;

/// Pieces random texts are made of: words, spaces of every kind, punctuation that means
/// something in JSON, CSV, XML, Markdown or CoNLL, and text outside ASCII and the BMP.
const PIECES: &[&str] = &[
    "Akar",
    "Lavrov",
    "Ankara",
    "the",
    "U.S.",
    "Mr.",
    "said",
    "’s",
    "don't",
    "-DOCSTART-",
    " ",
    " ",
    " ",
    "\n",
    "\t",
    "\r",
    "\u{a0}",
    "\u{1c}",
    "\u{3000}",
    "\u{2028}",
    ".",
    ",",
    "?",
    "“",
    "”",
    "\"",
    "'",
    "<b>",
    "&amp;",
    "]]>",
    "*",
    "_",
    "#",
    "|",
    "`",
    "1.",
    "-",
    "=",
    ">",
    "[x](y)",
    "\\",
    "😀",
    "👍🏽",
    "e\u{301}",
    "東京",
    "에서",
    "שלום",
    "\u{0}",
    "\u{1}",
    "\u{FFFE}",
    "\u{200d}",
    "\u{feff}",
];

fn raw_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..max).prop_map(|v| v.concat())
}

/// A valid paragraph text: trimmed, non-empty, no blank line.
fn paragraph(raw: &str) -> String {
    let mut t = raw.trim().to_owned();
    while t.contains("\n\n") {
        t = t.replace("\n\n", "\n");
    }
    if t.is_empty() { "x".to_owned() } else { t }
}

const KINDS: [BlockKind; 6] = [
    BlockKind::Paragraph,
    BlockKind::Heading,
    BlockKind::ListItem,
    BlockKind::Quote,
    BlockKind::Preformatted,
    BlockKind::TableRow,
];

/// Seeds of one annotation: start (any), length in chars, and a byte for its details.
type Seeds = Vec<(u16, u8, u8)>;

fn seeds() -> impl Strategy<Value = Seeds> {
    prop::collection::vec((any::<u16>(), 1..16u8, any::<u8>()), 0..10)
}

/// Sorted, disjoint, non-empty char-boundary spans from `seeds`, each with its detail byte.
fn spans(body: &str, seeds: &Seeds) -> Vec<(Span, u8)> {
    let bounds: Vec<usize> = body
        .char_indices()
        .map(|(i, _)| i)
        .chain([body.len()])
        .collect();
    let chars = bounds.len() - 1;
    if chars == 0 {
        return Vec::new();
    }
    let mut all: Vec<(usize, usize, u8)> = seeds
        .iter()
        .map(|&(s, len, b)| {
            let start = usize::from(s) % chars;
            (start, (start + usize::from(len)).min(chars), b)
        })
        .collect();
    all.sort_unstable();
    let mut out = Vec::new();
    let mut end = 0;
    for (s, e, b) in all {
        if s >= end && e > s {
            out.push((Span::new(bounds[s], bounds[e]), b));
            end = e;
        }
    }
    out
}

#[derive(Debug, Clone)]
struct Meta {
    source: Option<String>,
    title: Option<String>,
    authors: Vec<String>,
    published: Option<&'static str>,
    language: Option<&'static str>,
    site: Option<String>,
    captions: Vec<String>,
    removed: Vec<String>,
}

fn meta() -> impl Strategy<Value = Meta> {
    (
        prop::option::of(raw_text(4)),
        prop::option::of(raw_text(8)),
        prop::collection::vec(raw_text(3), 0..3),
        prop::option::of(prop::sample::select(
            &["2020-07-16", "2020-07-16T10:05:00+03:00"][..],
        )),
        prop::option::of(prop::sample::select(&["en", "hy", "ja"][..])),
        prop::option::of(raw_text(3)),
        prop::collection::vec(raw_text(6), 0..3),
        prop::collection::vec(raw_text(6), 0..2),
    )
        .prop_map(
            |(source, title, authors, published, language, site, captions, removed)| Meta {
                source,
                title,
                authors,
                published,
                language,
                site,
                captions,
                removed,
            },
        )
}

fn build(
    paragraphs: &[(usize, String)],
    meta: &Meta,
    ents: &Seeds,
    quotes: &Seeds,
    dates: &Seeds,
) -> Article {
    let mut a = Article::new();
    for (kind, raw) in paragraphs {
        a.push_paragraph(KINDS[kind % KINDS.len()], &paragraph(raw), None);
    }
    a.source = meta.source.clone();
    a.metadata.title = meta.title.clone();
    a.metadata.authors = meta.authors.clone();
    a.metadata.published = meta.published.map(str::to_owned);
    a.metadata.language = meta.language.map(str::to_owned);
    a.metadata.site_name = meta.site.clone();
    a.metadata.url = meta
        .site
        .as_ref()
        .map(|s| format!("https://example.org/{s}"));
    a.metadata.dateline = meta.site.as_ref().map(|s| Dateline {
        place: s.clone(),
        text: format!("{s} —"),
        agency: None,
    });
    a.captions = meta.captions.clone();
    a.removed = meta
        .removed
        .iter()
        .map(|t| {
            Removed::new(
                RemovedKind::Share,
                "share bar",
                t.clone(),
                Some(Span::new(1, 9)),
            )
        })
        .collect();

    let body = a.body().to_owned();
    let mut entities = Vec::new();
    let mut clusters: Vec<Cluster> = Vec::new();
    for (span, b) in spans(&body, ents) {
        let label = Label::ALL[usize::from(b % 4)];
        let text = span.get(&body).expect("span on boundaries").to_owned();
        let cluster = (b & 4 != 0).then(|| {
            match clusters
                .iter_mut()
                .find(|c| c.label == label && c.canonical == text)
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
                        first: span,
                        role: (b & 8 != 0).then(|| "Minister".to_owned()),
                        affiliation: None,
                    });
                    clusters.len() - 1
                }
            }
        });
        entities.push(Entity {
            span,
            label,
            text,
            cluster,
        });
    }
    a.try_set_entities(entities, clusters)
        .expect("valid entities");
    let n_clusters = a.clusters().len();
    let quotes = spans(&body, quotes)
        .into_iter()
        .map(|(span, b)| Quote {
            span,
            text: span.get(&body).expect("boundaries").to_owned(),
            speaker: (b % 2 == 0).then(|| "the \"Ministry\"\t<x>".to_owned()),
            speaker_cluster: (n_clusters > 0 && b % 3 == 0)
                .then(|| usize::from(b) % n_clusters.max(1)),
            speaker_kind: [
                None,
                Some(SpeakerKind::Entity),
                Some(SpeakerKind::Description),
                Some(SpeakerKind::Pronoun),
            ][usize::from(b >> 5) % 4],
            scare: b & 16 != 0,
        })
        .collect();
    a.try_set_quotes(quotes).expect("valid quotes");
    let values = [Some("2020-07-16"), Some("2020-07"), Some("2020"), None];
    let dates = spans(&body, dates)
        .into_iter()
        .map(|(span, b)| DateMention {
            span,
            text: span.get(&body).expect("boundaries").to_owned(),
            value: values[usize::from(b % 4)].map(str::to_owned),
        })
        .collect();
    a.try_set_dates(dates).expect("valid dates");
    a.check_invariants().expect("valid article");
    a
}

fn article() -> impl Strategy<Value = Article> {
    (
        prop::collection::vec((0..6usize, raw_text(24)), 0..6),
        meta(),
        seeds(),
        seeds(),
        seeds(),
    )
        .prop_map(|(paragraphs, meta, e, q, d)| build(&paragraphs, &meta, &e, &q, &d))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_format_reads_back_with_exact_offsets(a in article()) {
        if let Err(e) = check::check_all(&a) {
            prop_assert!(false, "{e}\narticle: {a:?}");
        }
    }
}
