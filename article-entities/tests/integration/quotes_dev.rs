//! Quotations and speakers measured on hand-labelled real article bodies.
//!
//! The labels (`tests/data/quote-labels.json`) cover 39 English news bodies of
//! `../shared/data/extraction/dev/truth.json` (the `articleBody` texts, MIT-licensed
//! benchmark data). Only ids, char offsets into `articleBody` and speaker names are
//! committed, never article text; the test skips when `../shared` is absent. The first 31
//! were labelled before any quotation code existed; 8 more (split `fresh`) after tuning
//! had stopped (see the git history).
//!
//! # Labelling guideline
//!
//! - **Quotation**: words in quote marks that reproduce what someone said or wrote: full
//!   sentences, fragments inside reported speech (`called it “a security threat to
//!   Armenia”`), tweets and statements quoted in the text. The span is the text between the
//!   marks, without the marks and without surrounding spaces; punctuation inside the marks
//!   (`“…process,”`) is part of it. Quote marks nested inside a quotation do not make a
//!   quotation of their own.
//! - **Quotation over several paragraphs** (an opening mark at the start of each paragraph,
//!   the closing mark only at the end): one span per paragraph, each with the quotation's
//!   speaker.
//! - **Scare quote** (kind `scare`): one or two words in marks that are not a statement of
//!   their own (`the Armenian “aggression”`, `“phase one” deal`, `“bolt-on things,” Cook
//!   said`); a one- or two-word utterance that is a statement (`“No,” he said.`) is a
//!   quotation.
//! - **Title or name** (kind `title`): titles of works, slogans, names of campaigns or
//!   formulas in marks, of any length (`“Takin’ It To the Streets”`, `“one country, two
//!   systems”`). Neither scare quotes nor titles are quotations: a quotation predicted on
//!   one is a false positive.
//! - **Speaker**: who said or wrote the words (not who reports them): the fullest name the
//!   article gives that person or organisation ("Hulusi Akar" for a quote after "Akar
//!   said"), or the description when no name is given ("a WeWork spokesperson"). Several
//!   acceptable forms are listed as alternatives. `"*"`: the speaker cannot be told from
//!   the text (a heading quoting a claim); such quotations count for spans but not for
//!   speakers. `null` is never used for a quotation here.
//!
//! # Measures
//!
//! Span precision, recall and F1: predicted non-scare quotations against labelled
//! quotations, exact span match. Speaker accuracy: over the labelled quotations that were
//! found (with a speaker other than `"*"`), the share whose predicted speaker matches one
//! of the alternatives (case-insensitive, a leading "the", a possessive and typographic
//! apostrophes ignored). The set is split: of the first 31, every third article (by id)
//! was held out from tuning (its errors were never looked at); the 8 `fresh` ones were
//! never tuned on either. Figures are printed for the tuned part, the held-out part, the
//! fresh part, both untouched parts together, and all.
//!
//! More sets of `../shared/data/extraction/train/` bodies, labelled by the same guideline
//! for issue 14 (the loader, shared with the ranker's trainer, is
//! `tests/support/quote_labels.rs`): `unseen` (20 l3s-gn1 bodies) and `heldout` (20
//! l3s-gn1 and dragnet bodies) were each scored once as unseen data and are now training
//! data of the speaker ranker (their figures are fitted ones); `heldout2` (20 more) was
//! labelled before the ranker was changed for it and is scored once, never listed. The
//! ranker's leave-one-article-out figure over the training sets, as its trainer recorded
//! it, is printed too.
//!
//! Run: `cargo test -p article-entities --release --test integration quotes_dev -- --nocapture --test-threads 1`.

use std::collections::HashMap;

use article_entities::Annotator;

#[path = "../support/quote_labels.rs"]
mod quote_labels;

use quote_labels::{DEV, Gold, HELDOUT, HELDOUT2, LabelSet, UNSEEN, normalise};

#[derive(Default, Debug, Clone, Copy)]
struct Score {
    predicted: usize,
    gold: usize,
    matched: usize,
    speaker_judged: usize,
    speaker_right: usize,
    speaker_given: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.predicted += o.predicted;
        self.gold += o.gold;
        self.matched += o.matched;
        self.speaker_judged += o.speaker_judged;
        self.speaker_right += o.speaker_right;
        self.speaker_given += o.speaker_given;
    }

    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 { 0.0 } else { a as f64 / b as f64 }
    }

    fn precision(&self) -> f64 {
        Score::ratio(self.matched, self.predicted)
    }

    fn recall(&self) -> f64 {
        Score::ratio(self.matched, self.gold)
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn speaker_accuracy(&self) -> f64 {
        Score::ratio(self.speaker_right, self.speaker_judged)
    }

    fn line(&self, name: &str) -> String {
        format!(
            "{name:>9}: spans P {:.3} R {:.3} F1 {:.3} ({} found of {} labelled, {} predicted); \
             speaker accuracy {:.3} ({}/{}), speaker precision {:.3} ({}/{} given)",
            self.precision(),
            self.recall(),
            self.f1(),
            self.matched,
            self.gold,
            self.predicted,
            self.speaker_accuracy(),
            self.speaker_right,
            self.speaker_judged,
            Score::ratio(self.speaker_right, self.speaker_given),
            self.speaker_right,
            self.speaker_given,
        )
    }
}

/// Scores the labelled articles of `set` per split; `None` when its bodies are absent.
/// Error listings (for tuning, with `QUOTES_DEV_VERBOSE`) never show the split
/// `heldout2`, which is scored once.
fn score_labels(set: &LabelSet) -> Option<HashMap<String, Score>> {
    let verbose = std::env::var_os("QUOTES_DEV_VERBOSE").is_some();
    let annotator = Annotator::default();
    let mut by_split: HashMap<String, Score> = HashMap::new();
    for labelled in quote_labels::load(set)? {
        let quote_labels::Labelled {
            id,
            split,
            mut article,
            gold,
        } = labelled;
        let verbose = verbose && split != "heldout2";
        let id = format!("{}/{id}", set.name);
        annotator.annotate(&mut article).unwrap();
        article.check_invariants().unwrap();
        let mut s = Score::default();
        let labelled: Vec<&Gold> = gold.iter().filter(|g| g.kind == "quote").collect();
        s.gold = labelled.len();
        for q in article.quotes().iter().filter(|q| !q.scare) {
            s.predicted += 1;
            let hit = labelled
                .iter()
                .find(|g| g.start == q.span.start() && g.end == q.span.end());
            match hit {
                Some(g) => {
                    s.matched += 1;
                    if q.speaker.is_some() {
                        s.speaker_given += 1;
                    }
                    if let Some(alts) = &g.speakers {
                        s.speaker_judged += 1;
                        let ok = q
                            .speaker
                            .as_deref()
                            .is_some_and(|p| alts.contains(&normalise(p)));
                        if ok {
                            s.speaker_right += 1;
                        } else if verbose {
                            eprintln!(
                                "{}: speaker {:?} for {:?}, want {:?}",
                                short(&id),
                                q.speaker,
                                short(&q.text),
                                alts
                            );
                        }
                    } else if q.speaker.is_some() {
                        s.speaker_given -= 1;
                    }
                }
                None if verbose => {
                    let kind = gold
                        .iter()
                        .find(|g| g.start == q.span.start() && g.end == q.span.end())
                        .map_or("no label", |g| g.kind.as_str());
                    eprintln!("{}: extra quote ({kind}) {:?}", short(&id), short(&q.text));
                }
                None => {}
            }
        }
        if verbose {
            for g in &labelled {
                let found = article
                    .quotes()
                    .iter()
                    .any(|q| !q.scare && g.start == q.span.start() && g.end == q.span.end());
                if !found {
                    let text = &article.body()[g.start..g.end];
                    let near = article
                        .quotes()
                        .iter()
                        .find(|q| q.span.start() < g.end && g.start < q.span.end());
                    eprintln!(
                        "{}: missed {:?} (overlapping prediction: {:?})",
                        short(&id),
                        short(text),
                        near.map(|q| (short(&q.text), q.scare))
                    );
                }
            }
        }
        by_split.entry(split).or_default().add(&s);
    }
    Some(by_split)
}

#[test]
fn quotations_and_speakers_on_labelled_dev_bodies() {
    let Some(by_split) = score_labels(&DEV) else {
        return;
    };
    let tune = by_split.get("tune").copied().unwrap_or_default();
    let held = by_split.get("held_out").copied().unwrap_or_default();
    let fresh = by_split.get("fresh").copied().unwrap_or_default();
    let mut untouched = held;
    untouched.add(&fresh);
    let mut all = tune;
    all.add(&untouched);
    eprintln!("{}", tune.line("tuned"));
    eprintln!("{}", held.line("held-out"));
    eprintln!("{}", fresh.line("fresh"));
    eprintln!("{}", untouched.line("untouched"));
    eprintln!("{}", all.line("all"));
    // Regression floors (the bars are F1 >= 0.90 and speaker accuracy >= 0.80).
    assert!(all.f1() >= 0.90, "span F1 {:.3} under 0.90", all.f1());
    assert!(
        all.speaker_accuracy() >= 0.80,
        "speaker accuracy {:.3} under 0.80",
        all.speaker_accuracy()
    );
}

/// The 20 articles of `tests/data/quote-labels-unseen.json`: English news bodies of
/// `../shared/data/extraction/train/l3s-gn1/truth.json` (Google News pages of 2008),
/// labelled by the same guideline for issue 14 and scored once, after tuning had
/// stopped (split `unseen`); since then training data of the speaker ranker.
#[test]
fn quotations_and_speakers_on_unseen_train_bodies() {
    let Some(by_split) = score_labels(&UNSEEN) else {
        return;
    };
    let unseen = by_split.get("unseen").copied().unwrap_or_default();
    eprintln!("{}", unseen.line("unseen"));
    assert_eq!(unseen.gold, 168, "the unseen labels have 168 quotations");
}

/// The 20 articles of `tests/data/quote-labels-heldout.json`: English news bodies of
/// `../shared/data/extraction/train/{l3s-gn1,dragnet}/truth.json` (14 Google News pages
/// of 2008, 6 Dragnet news pages of 2012), labelled after the unseen set had become
/// training data, scored once as held-out (speaker accuracy 0.819, 68/83), and since then
/// training data of the speaker ranker too: its figure here is a fitted one.
#[test]
fn quotations_and_speakers_on_first_held_out_train_bodies() {
    let Some(by_split) = score_labels(&HELDOUT) else {
        return;
    };
    let held = by_split.get("heldout").copied().unwrap_or_default();
    eprintln!("{}", held.line("heldout"));
    assert_eq!(held.gold, 84, "the held-out labels have 84 quotations");
}

/// The ranker's leave-one-article-out figure over every set it is trained on, as its
/// trainer (`src/quotes/speaker/train.rs`) wrote it into the weights file, printed beside
/// the scored sets.
#[test]
fn quotations_and_speakers_loao_of_the_ranker() {
    let weights = include_str!("../../src/quotes/speaker/rank_weights.rs");
    let line = weights
        .lines()
        .skip_while(|l| !l.contains("leave-one-article-out"))
        .take(2)
        .map(|l| l.trim_start_matches("//!").trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(!line.is_empty(), "the weights file names its LOAO figure");
    eprintln!("     loao: {line}");
}

/// The 20 articles of `tests/data/quote-labels-heldout2.json`: English news bodies of
/// `../shared/data/extraction/train/{dragnet,l3s-gn1}/truth.json` (13 Dragnet pages of
/// 2012, 7 Google News pages of 2008; each article names its `source`), labelled by the
/// guideline above before the ranker was changed for them and never trained, tuned or
/// looked at per quotation (split `heldout2`; never listed with `QUOTES_DEV_VERBOSE`).
/// They are the first bodies by SHA-1 of the id, among those of 1,200 to 3,600 chars
/// with 6 to 16 double quote marks and not in the other label files, that are news
/// articles (blogs, opinion, how-tos and press releases skipped). The name sorts last,
/// so with `--test-threads 1` it prints last.
///
/// Run: `cargo test -p article-entities --release --test integration quotes_dev -- --nocapture --test-threads 1`.
#[test]
fn quotations_and_speakers_zz_on_second_held_out_train_bodies() {
    let Some(by_split) = score_labels(&HELDOUT2) else {
        return;
    };
    let held = by_split.get("heldout2").copied().unwrap_or_default();
    eprintln!("{}", held.line("heldout2"));
    assert_eq!(
        held.gold, 77,
        "the second held-out labels have 77 quotations"
    );
}

fn short(s: &str) -> String {
    if s.chars().count() <= 50 {
        return s.to_owned();
    }
    let head: String = s.chars().take(30).collect();
    let tail: String = s
        .chars()
        .rev()
        .take(15)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("{head}…{tail}")
}
