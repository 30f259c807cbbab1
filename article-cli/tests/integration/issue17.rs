//! Issue 17: the language gate. Pages of `../shared/data/extraction` (dev and the three
//! training sets; skipped when absent) whose body reads as German, French, Spanish (or
//! Portuguese, which the oracle must tell from Spanish) get
//! no English-model entities, quotes or dates, and their records say so; English pages
//! are annotated. "Reads as" is judged here by an oracle of our own, independent of the
//! parser's detector: the share of each language's commonest function words.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::run;

/// The commonest function words of each language the oracle knows.
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "in", "is", "that", "for", "was", "with", "on",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "sich", "auf", "für",
            "im", "eine",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "des", "et", "est", "une", "du", "dans", "pour", "que", "qui",
            "sur", "au", "pas",
        ],
    ),
    (
        "es",
        &[
            "el", "la", "los", "las", "de", "que", "y", "en", "una", "por", "con", "para", "es",
            "del", "se",
        ],
    ),
    (
        "pt",
        // no one-letter words: "a" is also HTML's, in pages whose text is their source
        &[
            "os", "as", "de", "que", "em", "um", "uma", "para", "com", "não", "do", "da", "ao",
            "dos", "das",
        ],
    ),
];

/// The language whose function words make up the largest share of `body`'s words, when
/// that share is at least 8% and twice the runner-up's (else no verdict); at least 50
/// words, nine letters in ten Latin.
fn oracle(body: &str) -> Option<&'static str> {
    // only bodies in Latin script (a page in Japanese has few space-separated words, and
    // those are often English)
    let letters = body.chars().filter(|c| c.is_alphabetic()).count();
    let latin = body
        .chars()
        .filter(|&c| c.is_alphabetic() && c < '\u{250}')
        .count();
    if latin * 10 < letters * 9 {
        return None;
    }
    let words: Vec<String> = body
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < 50 {
        return None;
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in &words {
        *counts.entry(w.as_str()).or_default() += 1;
    }
    let mut shares: Vec<(f64, &'static str)> = FUNCTION_WORDS
        .iter()
        .map(|(lang, list)| {
            let n: usize = list
                .iter()
                .map(|w| counts.get(w).copied().unwrap_or(0))
                .sum();
            #[allow(clippy::cast_precision_loss)]
            let share = n as f64 / words.len() as f64;
            (share, *lang)
        })
        .collect();
    shares.sort_by(|a, b| b.0.total_cmp(&a.0));
    (shares[0].0 >= 0.08 && shares[0].0 >= 2.0 * shares[1].0).then_some(shares[0].1)
}

#[test]
fn oracle_tells_the_languages_apart() {
    let de =
        "Die Digitalisierung ist ein Treiber, der sich durch fast alle Branchen zieht. ".repeat(8);
    let en =
        "The minister said on Monday that the talks were going well for both sides. ".repeat(8);
    assert_eq!(oracle(&de), Some("de"));
    assert_eq!(oracle(&en), Some("en"));
    assert_eq!(oracle("Die Digitalisierung ist da."), None, "too short");
    let ja = format!(
        "{}{en}",
        "東京都知事は月曜日に記者会見を開いた。".repeat(40)
    );
    assert_eq!(oracle(&ja), None, "not Latin script");
}

#[test]
fn issue_17_non_english_pages_get_no_english_entities() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/extraction");
    let sets = [
        "dev/html",
        "train/cleaneval-dev/html",
        "train/dragnet/html",
        "train/l3s-gn1/html",
    ];
    if !data.join(sets[0]).is_dir() {
        eprintln!("skipping: {} is absent", data.display());
        return;
    }
    let (mut foreign, mut english) = (Vec::new(), 0usize);
    for set in sets {
        let dir = data.join(set);
        if !dir.is_dir() {
            eprintln!("skipping {set}: absent");
            continue;
        }
        let out = run(&["extract", "--to", "jsonl", dir.to_str().unwrap()], None);
        for line in out.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let r: serde_json::Value = serde_json::from_slice(line).unwrap();
            let source = r["source"].as_str().unwrap().to_owned();
            let status = r["annotations"]["entities"].as_str().unwrap().to_owned();
            match oracle(r["body"].as_str().unwrap()) {
                Some("en") => {
                    english += 1;
                    assert_eq!(status, "annotated", "{source}");
                }
                Some(lang) => {
                    assert_eq!(r["language"], lang, "{source}");
                    assert_eq!(r["entities"].as_array().unwrap().len(), 0, "{source}");
                    assert_eq!(r["quotes"].as_array().unwrap().len(), 0, "{source}");
                    assert_eq!(r["dates"].as_array().unwrap().len(), 0, "{source}");
                    assert_eq!(status, format!("skipped: no model for {lang}"), "{source}");
                    assert_eq!(r["annotations"]["quotes"], status, "{source}");
                    assert_eq!(r["annotations"]["dates"], status, "{source}");
                    foreign.push(source);
                }
                None => {}
            }
        }
    }
    eprintln!(
        "{} pages read as German, French, Spanish or Portuguese, all skipped; {english} English pages annotated: {foreign:?}",
        foreign.len()
    );
    // the German page of dev (declared `lang="en"`), in its HTML and text forms
    assert!(foreign.len() >= 2, "{foreign:?}");
    assert!(english > 1000, "{english}");
}

#[test]
fn issue_17_annotate_any_language_forces_the_english_model() {
    let page = "<html lang=\"de\"><body><article><p>„Wir sind bereit“, sagte Angela Merkel am \
                Montag in Berlin vor Journalisten. Die Regierung habe sich auf einen Plan \
                geeinigt, der die Wirtschaft stärken soll, und der Bundestag werde in der \
                kommenden Woche darüber abstimmen. Die Opposition kritisierte das Vorhaben \
                als zu spät und zu klein, die Gewerkschaften begrüßten es dagegen.</p>\
                </article></body></html>";
    let record = |args: &[&str]| -> serde_json::Value {
        let out = run(args, Some(page.as_bytes()));
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let gated = record(&["extract", "--from", "html"]);
    assert_eq!(gated["language"], "de");
    assert_eq!(gated["entities"].as_array().unwrap().len(), 0);
    assert_eq!(gated["annotations"]["entities"], "skipped: no model for de");
    let forced = record(&["extract", "--from", "html", "--annotate-any-language"]);
    assert!(!forced["entities"].as_array().unwrap().is_empty());
    assert_eq!(
        forced["annotations"]["entities"],
        "annotated: forced, no model for de"
    );
    let bare = record(&["extract", "--from", "html", "--no-entities"]);
    assert!(bare.get("annotations").is_none());
}
