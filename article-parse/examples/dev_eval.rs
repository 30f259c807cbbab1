//! Runs the HTML extractor over the extraction dev set and writes what `score.py` reads.
//!
//! ```sh
//! cargo run --release -p article-parse --example dev_eval -- ../shared/data/extraction/dev OUT
//! python3 ../shared/data/extraction/score.py --truth ../shared/data/extraction/dev/truth.json --pred-dir OUT
//! python3 ../shared/data/extraction/score.py --truth ../shared/data/extraction/dev/truth.json --pred-dir OUT --ids OUT/heldout.ids
//! ```
//!
//! Writes `OUT/<id>.txt` (the body), `OUT/tuned.ids` and `OUT/heldout.ids` (every 4th id in
//! sorted order, index % 4 == 3, is held out), and prints metadata coverage: pages with a
//! title, and pages with a published date among those whose HTML carries one in JSON-LD
//! or `<meta>` tags.
#![allow(clippy::unwrap_used)]

use std::io::Read;

use article_parse::{Extractor, InputFormat};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dev), Some(out)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: dev_eval DEV_DIR OUT_DIR");
        std::process::exit(2);
    };
    let dev = std::path::Path::new(dev);
    let out = std::path::Path::new(out);
    std::fs::create_dir_all(out).unwrap();
    let ids = std::fs::read_to_string(dev.join("ids.txt")).unwrap();
    let ids: Vec<&str> = ids
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let extractor = Extractor::builder().format(InputFormat::Html).build();
    let (mut tuned, mut held) = (String::new(), String::new());
    let (mut titles, mut dated, mut declared, mut declared_dated) = (0, 0, 0, 0);
    let mut langs = 0;
    let mut authors = 0;
    for (i, id) in ids.iter().enumerate() {
        if i % 4 == 3 { &mut held } else { &mut tuned }.push_str(&format!("{id}\n"));
        let mut gz = flate2::read::GzDecoder::new(
            std::fs::File::open(dev.join("html").join(format!("{id}.html.gz"))).unwrap(),
        );
        let mut page = Vec::new();
        gz.read_to_end(&mut page).unwrap();
        let body = match extractor.extract(&page) {
            Ok(a) => {
                a.check_invariants().unwrap();
                let md = &a.metadata;
                titles += usize::from(md.title.is_some());
                dated += usize::from(md.published.is_some());
                langs += usize::from(md.language.is_some());
                authors += usize::from(!md.authors.is_empty());
                if declares_date(&page) {
                    declared += 1;
                    declared_dated += usize::from(md.published.is_some());
                }
                if std::env::var_os("SHOW_META").is_some() {
                    eprintln!(
                        "{id}\t{:?}\t{:?}\t{:?}\t{:?}",
                        md.title, md.authors, md.published, md.language
                    );
                }
                a.body().to_owned()
            }
            Err(e) => {
                eprintln!("{id}: {e}");
                String::new()
            }
        };
        std::fs::write(out.join(format!("{id}.txt")), body).unwrap();
    }
    std::fs::write(out.join("tuned.ids"), tuned).unwrap();
    std::fs::write(out.join("heldout.ids"), held).unwrap();
    let n = ids.len();
    println!("pages {n}");
    println!(
        "title {titles}/{n} = {:.1}%",
        100.0 * titles as f64 / n as f64
    );
    println!(
        "published {dated}/{n}; on pages declaring a date in JSON-LD or meta: {declared_dated}/{declared} = {:.1}%",
        100.0 * declared_dated as f64 / declared.max(1) as f64
    );
    println!("authors {authors}/{n}; language {langs}/{n}");
}

/// Whether the page carries a publication date in JSON-LD or a `<meta>` tag.
fn declares_date(page: &[u8]) -> bool {
    let lower = String::from_utf8_lossy(page).to_lowercase();
    [
        "\"datepublished\"",
        "article:published_time",
        "og:published_time",
        "itemprop=\"datepublished\" content",
        "name=\"pubdate\"",
        "name=\"date\"",
        "name=\"publish-date\"",
        "name=\"parsely-pub-date\"",
        "name=\"dc.date",
    ]
    .iter()
    .any(|k| lower.contains(k))
}
