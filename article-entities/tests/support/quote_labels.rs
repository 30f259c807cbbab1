//! The hand-labelled quotation files of `tests/data/` and the bodies they label: one
//! loader for the scorer (`tests/integration/quotes_dev.rs`, which documents the
//! labelling guideline) and the speaker ranker's trainer (`src/quotes/speaker/train.rs`),
//! both of which include this file by `#[path]`. Only ids, char offsets and speakers are
//! committed; the bodies are read from `../shared/data/extraction/` and a set is skipped
//! (`None`) when they are absent.

use std::path::Path;

use article_model::{Article, BlockKind};
use serde_json::Value;

/// One label file and where its bodies are.
pub struct LabelSet {
    /// Short name for reports.
    pub name: &'static str,
    /// The JSON of the label file.
    pub labels: &'static str,
    /// The `truth.json` of articles without a `source` key (relative to the crate).
    pub truth: Option<&'static str>,
}

/// The truth files of `../shared/data/extraction/train/`: articles that name their
/// `source` are read from `TRAIN_DIR/<source>/truth.json`.
const TRAIN_DIR: &str = "../../shared/data/extraction/train";

/// 39 bodies of `../shared/data/extraction/dev/` (splits `tune`, `held_out`, `fresh`).
pub const DEV: LabelSet = LabelSet {
    name: "dev",
    labels: include_str!("../data/quote-labels.json"),
    truth: Some("../../shared/data/extraction/dev/truth.json"),
};

/// 20 bodies of `train/l3s-gn1` (split `unseen`; training data of the ranker).
pub const UNSEEN: LabelSet = LabelSet {
    name: "unseen",
    labels: include_str!("../data/quote-labels-unseen.json"),
    truth: Some("../../shared/data/extraction/train/l3s-gn1/truth.json"),
};

/// 20 bodies of `train/{l3s-gn1,dragnet}` (split `heldout`; scored once, then folded
/// into the ranker's training data).
pub const HELDOUT: LabelSet = LabelSet {
    name: "heldout",
    labels: include_str!("../data/quote-labels-heldout.json"),
    truth: None,
};

/// 20 more bodies of `train/{l3s-gn1,dragnet}` (split `heldout2`): never trained or
/// tuned on.
pub const HELDOUT2: LabelSet = LabelSet {
    name: "heldout2",
    labels: include_str!("../data/quote-labels-heldout2.json"),
    truth: None,
};

/// A labelled span, in body byte offsets.
pub struct Gold {
    pub start: usize,
    pub end: usize,
    /// `quote`, `scare` or `title`.
    pub kind: String,
    /// The acceptable speakers, normalised ([`normalise`]); `None`: any (`"*"`).
    pub speakers: Option<Vec<String>>,
}

/// One labelled body, not yet annotated.
pub struct Labelled {
    pub id: String,
    pub split: String,
    pub article: Article,
    pub gold: Vec<Gold>,
}

/// The scorer's name comparison: case, a leading "the", a possessive, typographic
/// apostrophes and a trailing full stop or comma ignored.
pub fn normalise(s: &str) -> String {
    let s = s.replace(['’', '‘'], "'").to_lowercase();
    let s = s.trim().trim_end_matches(['.', ',']);
    let s = s.strip_prefix("the ").unwrap_or(s);
    let s = s.strip_suffix("'s").unwrap_or(s);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Builds the article of `raw` (one paragraph per non-blank line) and maps `raw` char
/// offsets to body byte offsets.
fn article_of(raw: &str) -> (Article, Vec<Option<usize>>) {
    let mut article = Article::new();
    let mut map = vec![None; raw.chars().count() + 1];
    let mut char_pos = 0;
    for line in raw.split('\n') {
        let lead = line.chars().take_while(|c| c.is_whitespace()).count();
        let text = line.trim();
        if !text.is_empty() {
            let span = article
                .try_push_paragraph(BlockKind::Paragraph, text, None)
                .unwrap();
            for (k, (b, _)) in text.char_indices().enumerate() {
                map[char_pos + lead + k] = Some(span.start() + b);
            }
            map[char_pos + lead + text.chars().count()] = Some(span.end());
        }
        char_pos += line.chars().count() + 1;
    }
    (article, map)
}

fn read_json(truth: &str) -> Option<Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(truth);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} not found", path.display());
        return None;
    };
    Some(serde_json::from_str(&text).unwrap())
}

/// The labelled bodies of `set`, in file order; `None` when a truth file is absent.
/// Panics when a body's length differs from the labels' `body_chars`.
pub fn load(set: &LabelSet) -> Option<Vec<Labelled>> {
    let default_truth = match set.truth {
        Some(truth) => read_json(truth)?,
        None => Value::Null,
    };
    let labels: Value = serde_json::from_str(set.labels).unwrap();
    let mut by_source: Vec<(String, Value)> = Vec::new();
    let mut out = Vec::new();
    for art in labels["articles"].as_array().unwrap() {
        let id = art["id"].as_str().unwrap();
        let truth = match art["source"].as_str() {
            Some(source) => {
                if !by_source.iter().any(|(s, _)| s == source) {
                    let truth = read_json(&format!("{TRAIN_DIR}/{source}/truth.json"))?;
                    by_source.push((source.to_owned(), truth));
                }
                &by_source.iter().find(|(s, _)| s == source).unwrap().1
            }
            None => &default_truth,
        };
        let raw = truth[id]["articleBody"].as_str().unwrap();
        assert_eq!(
            raw.chars().count() as u64,
            art["body_chars"].as_u64().unwrap(),
            "{id}: the shared body changed; the labels no longer apply"
        );
        let (article, map) = article_of(raw);
        let gold = art["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| {
                let at = |k: &str| map[usize::try_from(q[k].as_u64().unwrap()).unwrap()].unwrap();
                Gold {
                    start: at("start"),
                    end: at("end"),
                    kind: q["kind"].as_str().unwrap().to_owned(),
                    speakers: match &q["speaker"] {
                        Value::Array(a) => {
                            Some(a.iter().map(|s| normalise(s.as_str().unwrap())).collect())
                        }
                        _ => None,
                    },
                }
            })
            .collect();
        out.push(Labelled {
            id: id.to_owned(),
            split: art["split"].as_str().unwrap().to_owned(),
            article,
            gold,
        });
    }
    Some(out)
}
