//! Prints what the extractor made of each block of a page, in page order: `BODY` for
//! article text, or the removed kind and its reason; then the metadata and, for HTML,
//! how the article was found ([`Extractor::explain`]).
//!
//! ```sh
//! cargo run -p article-parse --example explain -- examples/harbour-strike.txt [--from text|html]
//! ```
#![allow(clippy::unwrap_used)]

use article_parse::{Extractor, InputFormat};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut format = InputFormat::Auto;
    let mut path = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--from" => {
                format = match it.next().map(String::as_str) {
                    Some("text") => InputFormat::Text,
                    Some("html") => InputFormat::Html,
                    _ => InputFormat::Auto,
                }
            }
            p => path = Some(p.to_owned()),
        }
    }
    let path = path.expect("usage: explain FILE [--from text|html]");
    let input = std::fs::read(&path).unwrap();
    let (article, explanation) = Extractor::builder()
        .format(format)
        .build()
        .explain(&input)
        .unwrap();
    let mut rows: Vec<(usize, String, String)> = Vec::new();
    for p in article.paragraphs() {
        let at = p.source().map_or(usize::MAX, |s| s.start());
        let kind = format!("BODY {}", p.kind().as_str());
        rows.push((at, kind, article.paragraph_text(p).to_owned()));
    }
    for r in &article.removed {
        let at = r.source.map_or(usize::MAX, |s| s.start());
        rows.push((
            at,
            format!("  {} ({})", r.kind.as_str(), r.reason),
            r.text.clone(),
        ));
    }
    rows.sort_by_key(|r| r.0);
    for (_, what, text) in rows {
        let short: String = text
            .chars()
            .take(90)
            .collect::<String>()
            .replace('\n', " / ");
        println!("{what:60} {short}");
    }
    let m = &article.metadata;
    println!(
        "\ntitle: {:?}\nsite: {:?}\nauthors: {:?}\npublished: {:?}\nlanguage: {:?}\ndateline: {:?}\ncaptions: {:?}",
        m.title, m.site_name, m.authors, m.published, m.language, m.dateline, article.captions
    );
    for (label, c) in [
        ("top", &explanation.top),
        ("container", &explanation.container),
    ] {
        if let Some(c) = c {
            println!(
                "{label}: <{}> class={:?} id={:?} depth={} score={} prose={} json={}",
                c.tag, c.class, c.id, c.depth, c.score, c.prose_chars, c.json_chars
            );
        }
    }
    println!(
        "article elements: {}; restored by the fallback: {}",
        explanation.container_elements, explanation.restored_by_fallback
    );
}
