//! The learned speaker ranker: every candidate speaker of a quotation (the rule chain's
//! answer, each reporting-verb pattern before, inside and after it, the previous
//! quotation's speaker, the subject of the sentence before, the voice of the paragraph
//! before, recent sentence subjects and speakers, entities in the quotation's sentence)
//! becomes one [`Candidate`] per distinct name, with the features of every source that
//! proposed it. A linear score ([`WEIGHTS`], trained by `train.rs` with
//! leave-one-article-out cross-validation) picks the best.
//!
//! The rule chain of [`super::attribute`] keeps the state (previous speaker, pronoun
//! referents), so the candidates of a quotation do not depend on the ranker's choices
//! before it: training data and run time see the same features.

use article_model::SpeakerKind;

use super::resolve::Speaker;
use crate::names::NameKind;

pub(super) use super::rank_weights::WEIGHTS;

/// Which source proposed a candidate, or a property of it: the feature indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
pub(super) enum F {
    /// The rule chain's answer.
    Rule,
    /// ... found by a pattern before the quotation.
    RulePre,
    /// ... found by a pattern after the quotation.
    RulePost,
    /// ... the voice of reported speech in the paragraph before.
    RuleReported,
    /// ... the subject of the sentence before.
    RulePrevSubject,
    /// ... the previous quotation's speaker.
    RuleCarry,
    /// A pattern after the first piece (`“…,” X said`).
    PostFirst,
    /// A pattern after a later piece of a split or multi-paragraph quotation.
    PostLater,
    /// A pattern before the first piece (`X said: “…`).
    PreFirst,
    /// ... with the reporting verb right before the mark.
    PreVerbBefore,
    /// A pattern before a later piece (inside a split quotation).
    PreLater,
    /// The attribution mentions a statement.
    Statement,
    /// The previous quotation's speaker, in the same paragraph.
    PrevSamePara,
    /// ... the quotation opening the next paragraph.
    PrevNextPara,
    /// ... further away.
    PrevFar,
    /// The person subject of the sentence before, in the same paragraph.
    PrevSubject,
    /// The voice of reported speech ending the paragraph before.
    Reported,
    /// ... that paragraph has quotations of its own.
    ReportedQuotedPara,
    /// The most recent sentence subject or speaker before the quotation.
    Recent1,
    /// The second most recent.
    Recent2,
    /// The third most recent.
    Recent3,
    /// A person or organisation entity before the quotation in its sentence.
    SentenceBefore,
    /// ... after it.
    SentenceAfter,
    /// ... the first after it.
    NearestAfter,
    /// ... with a reporting verb within three tokens.
    VerbNext,
    /// Given by a name.
    GivenEntity,
    /// Given by a description.
    GivenDescription,
    /// Given by a pronoun.
    GivenPronoun,
    /// A person.
    Person,
    /// An organisation.
    Org,
    /// A cluster of the entity layer.
    HasCluster,
    /// ln(1 + mentions of its cluster) / 3.
    ClusterMentions,
    /// A name of two words or more.
    Multiword,
    /// Sources proposing it, / 4.
    Sources,
    /// Nearest mention within 100 bytes before or after the quotation.
    Near,
    /// ... within 400 bytes.
    Mid,
    /// No pattern found for the quotation, and this is the previous speaker.
    NoPatternPrev,
    /// No pattern, and this is the most recent subject or speaker.
    NoPatternRecent1,
    /// No pattern, and this is an entity of the quotation's sentence.
    NoPatternSentence,
    /// The attribution is "he"/"she" and this person's first name is of the other sex.
    GenderClash,
    /// The attribution is "he"/"she" and this is a compatible earlier person other than
    /// the pronoun's referent (the second or third most recent).
    PronounAlt,
    /// A person whose surname is a word of the quotation: talked about, not talking.
    NamedInQuote,
    /// Next to a reporting verb in the sentence before the quotation's ("X said on
    /// Friday the coach would be free. “…,” he said").
    SaidBefore,
}

/// Number of features.
pub(super) const N_FEATURES: usize = F::SaidBefore as usize + 1;

/// The names of the features, in index order (for the trainer's report and the weights
/// file).
#[cfg(test)]
pub(super) const NAMES: [&str; N_FEATURES] = [
    "rule",
    "rule_pre",
    "rule_post",
    "rule_reported",
    "rule_prev_subject",
    "rule_carry",
    "post_first",
    "post_later",
    "pre_first",
    "pre_verb_before",
    "pre_later",
    "statement",
    "prev_same_para",
    "prev_next_para",
    "prev_far",
    "prev_subject",
    "reported",
    "reported_quoted_para",
    "recent_1",
    "recent_2",
    "recent_3",
    "sentence_before",
    "sentence_after",
    "nearest_after",
    "verb_next",
    "given_entity",
    "given_description",
    "given_pronoun",
    "person",
    "org",
    "has_cluster",
    "cluster_mentions",
    "multiword",
    "sources",
    "near",
    "mid",
    "no_pattern_prev",
    "no_pattern_recent_1",
    "no_pattern_sentence",
    "gender_clash",
    "pronoun_alt",
    "named_in_quote",
    "said_before",
];

/// One candidate speaker of a quotation with its features.
#[derive(Clone, Debug)]
pub(super) struct Candidate {
    pub(super) speaker: Speaker,
    pub(super) features: [f64; N_FEATURES],
    /// Smallest distance in bytes between a mention of it and the quotation.
    distance: usize,
    sources: usize,
}

/// The candidates of one quotation, merged by name.
#[derive(Default, Debug)]
pub(super) struct Candidates {
    pub(super) list: Vec<Candidate>,
}

/// The key two proposals of one speaker share: lower case, no leading "the".
fn key(name: &str) -> String {
    let s = name.trim().to_lowercase().replace('’', "'");
    s.strip_prefix("the ").map(str::to_owned).unwrap_or(s)
}

impl Candidates {
    /// Adds the proposal of `speaker` by `source` at `distance` bytes from the
    /// quotation; a speaker already proposed gets the source's feature.
    pub(super) fn add(&mut self, speaker: &Speaker, source: F, distance: usize) {
        let k = key(&speaker.name);
        let at = self.list.iter().position(|c| key(&c.speaker.name) == k);
        let c = match at {
            Some(i) => &mut self.list[i],
            None => {
                self.list.push(Candidate {
                    speaker: speaker.clone(),
                    features: [0.0; N_FEATURES],
                    distance,
                    sources: 0,
                });
                let last = self.list.len() - 1;
                &mut self.list[last]
            }
        };
        let f = &mut c.features[source as usize];
        if *f == 0.0 {
            *f = 1.0;
            c.sources += 1;
        }
        c.distance = c.distance.min(distance);
    }

    /// Fills the properties of each candidate; `mentions` gives a cluster's mention count.
    pub(super) fn finish(&mut self, mentions: impl Fn(usize) -> usize) {
        for c in &mut self.list {
            let f = &mut c.features;
            let given = match c.speaker.given {
                SpeakerKind::Description => F::GivenDescription,
                SpeakerKind::Pronoun => F::GivenPronoun,
                _ => F::GivenEntity,
            };
            f[given as usize] = 1.0;
            match c.speaker.kind {
                NameKind::Person => f[F::Person as usize] = 1.0,
                NameKind::Org => f[F::Org as usize] = 1.0,
                NameKind::Unknown => {}
            }
            if let Some(cl) = c.speaker.cluster {
                f[F::HasCluster as usize] = 1.0;
                #[allow(clippy::cast_precision_loss)]
                let m = mentions(cl) as f64;
                f[F::ClusterMentions as usize] = (1.0 + m).ln() / 3.0;
            }
            if c.speaker.name.split_whitespace().count() >= 2 {
                f[F::Multiword as usize] = 1.0;
            }
            #[allow(clippy::cast_precision_loss)]
            let sources = c.sources as f64;
            f[F::Sources as usize] = sources / 4.0;
            if c.distance < 100 {
                f[F::Near as usize] = 1.0;
            } else if c.distance < 400 {
                f[F::Mid as usize] = 1.0;
            }
        }
    }

    /// The candidate with the highest score under `weights` (the first of equals).
    pub(super) fn best(&self, weights: &[f64; N_FEATURES]) -> Option<&Candidate> {
        let mut best: Option<(&Candidate, f64)> = None;
        for c in &self.list {
            let s = score(&c.features, weights);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((c, s));
            }
        }
        best.map(|(c, _)| c)
    }
}

/// The linear score of `features`.
pub(super) fn score(features: &[f64; N_FEATURES], weights: &[f64; N_FEATURES]) -> f64 {
    features.iter().zip(weights).map(|(f, w)| f * w).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Speaker {
        Speaker {
            name: name.to_owned(),
            cluster: None,
            kind: NameKind::Person,
            given: SpeakerKind::Entity,
        }
    }

    #[test]
    fn proposals_of_one_name_merge_and_keep_every_source() {
        let mut c = Candidates::default();
        c.add(&person("Jane Roe"), F::PostFirst, 0);
        c.add(&person("the Council"), F::Recent1, 300);
        c.add(&person("jane roe"), F::Recent2, 50);
        c.finish(|_| 0);
        assert_eq!(c.list.len(), 2);
        let jane = &c.list[0].features;
        assert_eq!(jane[F::PostFirst as usize], 1.0);
        assert_eq!(jane[F::Recent2 as usize], 1.0);
        assert_eq!(jane[F::Sources as usize], 0.5);
        assert_eq!(jane[F::Near as usize], 1.0);
        assert_eq!(c.list[1].features[F::Mid as usize], 1.0);
    }

    #[test]
    fn the_trained_weights_prefer_a_pattern_to_a_recent_subject() {
        // A name right after the quotation ("…,” Roe said) against the subject of the
        // sentence before, when the rules took the pattern.
        let mut c = Candidates::default();
        c.add(&person("Jane Roe"), F::Rule, 0);
        c.add(&person("Jane Roe"), F::RulePost, 0);
        c.add(&person("Jane Roe"), F::PostFirst, 0);
        c.add(&person("John Doe"), F::Recent1, 200);
        c.add(&person("John Doe"), F::PrevSubject, 200);
        c.finish(|_| 0);
        assert_eq!(
            c.best(&WEIGHTS).map(|c| c.speaker.name.as_str()),
            Some("Jane Roe")
        );
    }
}
