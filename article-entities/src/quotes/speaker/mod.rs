//! Who said a quotation: a learned ranker ([`rank`]) over its candidates. One candidate
//! is the answer of the rule chain, which also keeps the state (previous speaker, pronoun
//! referents): its rules in a fixed rank order, the first that gives a speaker winning: (1) reporting-verb patterns on either side of it ([`attribution`]),
//! the side of a verb right before the mark first; (2) a colon or dash introduction;
//! (3) for a quotation opening a paragraph, the speaker of the reported speech that ends
//! the paragraph before; (4) for a quotation alone in its sentence, the person who is the
//! subject of the sentence before; (5) the previous quotation's speaker, in the same or
//! the next paragraph.
//!
//! The patterns, after the closing mark: `, said NP`  `, NP said`
//! `, NP, APPOSITIVE, said`  `, according to NP`  `, said DESCRIPTION, NAME`; before the
//! opening mark, in the same sentence: `NP said: “`  `NP, APPOSITIVE, said that “`
//! `NP vowed that X will be “`  `NP branded X a “`  `according to NP, … “`  `NP … : “`.
//! NP ([`noun_phrase`]) is a name (roles and honorifics dropped), a pronoun, or a
//! description ("a WeWork spokesperson", "officers", "former aides", "the statement",
//! "the actor"); [`resolve`] turns it into a speaker.

mod attribution;
mod noun_phrase;
mod paragraph;
mod rank;
mod rank_weights;
mod resolve;
#[cfg(test)]
mod train;

use article_model::{Cluster, Entity};

use self::attribution::{post_np, pre_np, reported_speaker, verb_right_before};
use self::noun_phrase::Np;
use self::paragraph::Para;
use self::rank::F;
pub(crate) use self::resolve::Speaker;
use self::resolve::{
    Candidate, Candidates, Resolver, gender_clash, is_person_referent, pronoun_gender_at,
};
use super::marks::Piece;
use crate::names::NameKind;
use crate::paragraph_words::ParaWords;
use crate::wordlists::{Gender, Pronoun};

/// The speakers of the quotations: one entry per chain id (`None`: no speaker), and
/// whether the chain's attribution is direct (a reporting verb next to it).
pub(crate) struct Attributions {
    pub speakers: Vec<Option<Speaker>>,
    pub direct: Vec<bool>,
    /// The rule chain's speakers (the state the candidates of later quotations see).
    speakers_by_rules: Vec<Option<Speaker>>,
}

/// Whether the learned ranker ([`rank`]) picks the speaker; otherwise the rule chain's
/// answer stands.
const USE_RANKER: bool = true;

/// Attributes each chain of `pieces` (sorted, chain ids `0..n`). `scare[c]` marks chains
/// that are scare quotes (no speaker is searched for them).
pub(crate) fn attribute(
    body: &str,
    words: &[ParaWords<'_>],
    pieces: &[Piece],
    scare: &[bool],
    entities: &[Entity],
    clusters: &[Cluster],
) -> Attributions {
    let n_chains = pieces.iter().map(|p| p.chain + 1).max().unwrap_or(0);
    let mut out = Attributions {
        speakers: vec![None; n_chains],
        direct: vec![false; n_chains],
        speakers_by_rules: vec![None; n_chains],
    };
    // Pieces are in text order; the pieces of one chain are consecutive.
    let mut by_para: Vec<Vec<(usize, usize)>> = vec![Vec::new(); words.len()];
    for p in pieces {
        if let (Some(list), Some(w)) = (by_para.get_mut(p.paragraph), words.get(p.paragraph)) {
            list.push((p.open, p.close.unwrap_or(w.span.end())));
        }
    }
    let paras: Vec<Para<'_>> = words
        .iter()
        .zip(by_para)
        .map(|(w, quoted)| Para {
            toks: &w.toks,
            sentences: &w.sentences,
            quoted,
        })
        .collect();
    let resolver = Resolver::new(body, &paras, entities, clusters);
    let mut subjects = resolver.subjects();
    subjects.sort_by_key(|c| c.pos);
    let mut cands = Candidates {
        subjects,
        speakers: Vec::new(),
    };

    let mut last_attributed: Option<(usize, usize)> = None; // (chain, paragraph of its last piece)
    let mut i = 0;
    while i < pieces.len() {
        let chain = pieces[i].chain;
        let mut j = i + 1;
        while j < pieces.len() && pieces[j].chain == chain {
            j += 1;
        }
        let range = i..j;
        i = j;
        let (first, last) = (&pieces[range.start], &pieces[range.end - 1]);
        if scare.get(chain).copied().unwrap_or(false) {
            continue;
        }
        let mut found: Option<Speaker> = None;
        let mut stage = F::Rule;
        let mut matched = false;
        for idx in range.clone() {
            let piece = &pieces[idx];
            let Some(para) = paras.get(piece.paragraph) else {
                continue;
            };
            // `X said, “…”, the office said`: a verb right before the mark names who
            // spoke the words; otherwise the attribution after the quotation comes first.
            let np = if verb_right_before(para, piece.open) {
                pre_np(para, pieces, idx).or_else(|| post_np(para, pieces, idx))
            } else {
                post_np(para, pieces, idx).or_else(|| pre_np(para, pieces, idx))
            };
            if let Some((np, statement)) = np {
                matched = true;
                found = resolver.resolve(para, np, &cands, piece.paragraph, piece.open);
                if let Some(s) = &found {
                    if statement {
                        cands.add_speaker(Candidate {
                            pos: piece.open,
                            paragraph: piece.paragraph,
                            speaker: s.clone(),
                            author: true,
                        });
                    }
                }
                if found.is_some() {
                    stage = if verb_right_before(para, piece.open) {
                        F::RulePre
                    } else {
                        F::RulePost
                    };
                    break;
                }
            }
        }
        let direct = matched;
        let opens_paragraph = words
            .get(first.paragraph)
            .is_some_and(|w| w.span.start() == first.open);
        if found.is_none() && !matched && opens_paragraph && first.paragraph > 0 {
            // The paragraph before reports someone's words without quoting them ("X told
            // the meeting that ..."): the quotation opening this one is that voice.
            let before = first.paragraph - 1;
            if let Some(para) = paras.get(before).filter(|p| p.quoted.is_empty()) {
                if let Some(np) = reported_speaker(para) {
                    let end = para.toks.last().map_or(0, |t| t.end);
                    found = resolver.resolve(para, np, &cands, before, end);
                    stage = F::RuleReported;
                }
            }
        }
        // Whether nothing follows the quotation in its sentence: words after it that no
        // pattern reads are an attribution this layer cannot read ("„…“, sagte Greindl").
        let alone = paras.get(last.paragraph).is_some_and(|para| {
            let close = last.close.unwrap_or(usize::MAX);
            let (k, _) = para.range(close, usize::MAX);
            para.toks[k..]
                .iter()
                .find(|t| t.is_word())
                .is_none_or(|t| para.starts_sentence(t.start))
        });
        let unread_after = !matched
            && !alone
            && paras
                .get(first.paragraph)
                .is_some_and(|p| p.starts_sentence(first.open));
        if found.is_none() && !matched && !opens_paragraph {
            // A quotation opening a sentence after one whose subject is a person, in the
            // same paragraph: that person ("Walton shrugged. “He is right.”").
            // Only when nothing follows the quotation in its sentence.
            if let Some(para) = paras.get(first.paragraph).filter(|_| alone) {
                if para.starts_sentence(first.open) {
                    found = resolver.previous_subject(para, first.open);
                    stage = F::RulePrevSubject;
                }
            }
        }
        if found.is_none() && !matched {
            // A quotation with no attribution of its own continues the previous speaker's
            // when it follows it in the same paragraph, or opens the next paragraph(s).
            if let Some((prev, prev_para)) = last_attributed {
                let near = prev_para == first.paragraph
                    || (opens_paragraph && first.paragraph <= prev_para + 1);
                if near {
                    found = out.speakers_by_rules.get(prev).cloned().flatten();
                    stage = F::RuleCarry;
                }
            }
        }
        let ranked = {
            let ctx = RankContext {
                paras: &paras,
                pieces,
                range: range.clone(),
                resolver: &resolver,
                cands: &cands,
                rule: found.as_ref().map(|s| (s, stage)),
                matched,
                unread_after,
                opens_paragraph,
                previous: last_attributed.and_then(|(prev, para)| {
                    out.speakers_by_rules
                        .get(prev)
                        .cloned()
                        .flatten()
                        .map(|s| (s, para))
                }),
                clusters,
            };
            let candidates = ctx.candidates();
            #[cfg(test)]
            train::record(pieces, range.clone(), &candidates);
            candidates.best(&rank::WEIGHTS).map(|c| c.speaker.clone())
        };
        if let Some(slot) = out.speakers_by_rules.get_mut(chain) {
            slot.clone_from(&found);
        }
        if let Some(s) = &found {
            cands.add_speaker(Candidate {
                pos: first.open,
                paragraph: first.paragraph,
                speaker: s.clone(),
                author: false,
            });
            last_attributed = Some((chain, last.paragraph));
        }
        if let Some(slot) = out.speakers.get_mut(chain) {
            *slot = if USE_RANKER { ranked } else { found };
        }
        if let Some(slot) = out.direct.get_mut(chain) {
            *slot = direct;
        }
    }
    out
}

/// What the candidates of one quotation are collected from.
struct RankContext<'a, 'b> {
    paras: &'b [Para<'a>],
    pieces: &'b [Piece],
    /// The quotation's pieces in `pieces`.
    range: std::ops::Range<usize>,
    resolver: &'b Resolver<'a>,
    cands: &'b Candidates,
    /// The rule chain's answer and the rule that gave it.
    rule: Option<(&'b Speaker, F)>,
    /// Whether a reporting-verb pattern matched.
    matched: bool,
    /// The quotation opens its sentence and is followed by words no pattern reads: only
    /// an entity after it can be the speaker.
    unread_after: bool,
    opens_paragraph: bool,
    /// The previous attributed quotation's speaker (by the rules) and the paragraph of
    /// its last piece.
    previous: Option<(Speaker, usize)>,
    clusters: &'b [Cluster],
}

impl RankContext<'_, '_> {
    /// Every candidate speaker of the quotation, with its features.
    fn candidates(&self) -> rank::Candidates {
        let mut out = rank::Candidates::default();
        let first = &self.pieces[self.range.start];
        let last = &self.pieces[self.range.end - 1];
        // The gender of a "he"/"she" attribution.
        let mut gender: Option<Gender> = None;
        if let Some((s, stage)) = self.rule {
            out.add(s, F::Rule, 0);
            if stage != F::Rule {
                out.add(s, stage, 0);
            }
        }
        for idx in self.range.clone() {
            let piece = &self.pieces[idx];
            let Some(para) = self.paras.get(piece.paragraph) else {
                continue;
            };
            let later = idx != self.range.start;
            if let Some((np, statement)) = post_np(para, self.pieces, idx) {
                let s = self
                    .resolver
                    .resolve(para, np, self.cands, piece.paragraph, piece.open);
                gender = gender.or(self.pronoun_alternates(np, para, piece, s.as_ref(), &mut out));
                if let Some(s) = s {
                    out.add(&s, if later { F::PostLater } else { F::PostFirst }, 0);
                    if statement {
                        out.add(&s, F::Statement, 0);
                    }
                }
            }
            if let Some((np, statement)) = pre_np(para, self.pieces, idx) {
                let s = self
                    .resolver
                    .resolve(para, np, self.cands, piece.paragraph, piece.open);
                gender = gender.or(self.pronoun_alternates(np, para, piece, s.as_ref(), &mut out));
                if let Some(s) = s {
                    out.add(&s, if later { F::PreLater } else { F::PreFirst }, 0);
                    if !later && verb_right_before(para, piece.open) {
                        out.add(&s, F::PreVerbBefore, 0);
                    }
                    if statement {
                        out.add(&s, F::Statement, 0);
                    }
                }
            }
        }
        if let Some((s, prev_para)) = &self.previous {
            let f = if *prev_para == first.paragraph {
                F::PrevSamePara
            } else if self.opens_paragraph && first.paragraph == prev_para + 1 {
                F::PrevNextPara
            } else {
                F::PrevFar
            };
            out.add(s, f, 0);
            if !self.matched {
                out.add(s, F::NoPatternPrev, 0);
            }
        }
        if let Some(para) = self.paras.get(first.paragraph) {
            if !self.opens_paragraph && para.starts_sentence(first.open) {
                if let Some(s) = self.resolver.previous_subject(para, first.open) {
                    out.add(&s, F::PrevSubject, 0);
                }
            }
        }
        if self.opens_paragraph && first.paragraph > 0 {
            let before = first.paragraph - 1;
            if let Some(para) = self.paras.get(before) {
                if let Some(np) = reported_speaker(para) {
                    let end = para.toks.last().map_or(0, |t| t.end);
                    if let Some(s) = self.resolver.resolve(para, np, self.cands, before, end) {
                        out.add(&s, F::Reported, 0);
                        if !para.quoted.is_empty() {
                            out.add(&s, F::ReportedQuotedPara, 0);
                        }
                    }
                }
            }
        }
        let recent = [F::Recent1, F::Recent2, F::Recent3];
        let mut seen: Vec<&str> = Vec::new();
        for c in self.cands.recent(first.open, first.paragraph) {
            if seen.len() == recent.len() {
                break;
            }
            if seen.contains(&c.speaker.name.as_str()) {
                continue;
            }
            out.add(
                &c.speaker,
                recent[seen.len()],
                first.open - c.pos.min(first.open),
            );
            if seen.is_empty() && !self.matched {
                out.add(&c.speaker, F::NoPatternRecent1, 0);
            }
            seen.push(&c.speaker.name);
        }
        if let (Some(pf), Some(pl)) = (
            self.paras.get(first.paragraph),
            self.paras.get(last.paragraph),
        ) {
            let lo = pf.sentence_start(first.open);
            let close = last.close.unwrap_or(last.content.end());
            let para_end = pl.toks.last().map_or(close, |t| t.end);
            let hi = pl.next_sentence(close).min(para_end);
            let mut nearest_after = true;
            for (pos, end, s) in self.resolver.entities_in(lo, hi) {
                let Some(para) = self.paras[first.paragraph..=last.paragraph]
                    .iter()
                    .rev()
                    .find(|p| p.toks.first().is_some_and(|t| t.start <= pos))
                    .filter(|p| !p.is_quoted(pos))
                else {
                    continue;
                };
                if pos < first.open {
                    out.add(&s, F::SentenceBefore, first.open - pos);
                } else {
                    out.add(&s, F::SentenceAfter, pos.saturating_sub(close));
                    if nearest_after {
                        out.add(&s, F::NearestAfter, 0);
                        nearest_after = false;
                    }
                }
                if next_to_reporting_verb(para, pos, end) {
                    out.add(&s, F::VerbNext, 0);
                }
                if !self.matched {
                    out.add(&s, F::NoPatternSentence, 0);
                }
            }
        }
        self.said_before(&mut out);
        if self.unread_after {
            out.list
                .retain(|c| c.features[F::SentenceAfter as usize] != 0.0);
        }
        out.finish(|id| self.clusters.get(id).map_or(0, |c| c.mentions));
        for c in &mut out.list {
            if gender_clash(&c.speaker, gender) {
                c.features[F::GenderClash as usize] = 1.0;
            }
            if self.named_in_quote(&c.speaker) {
                c.features[F::NamedInQuote as usize] = 1.0;
            }
        }
        out
    }

    /// For a "he"/"she" attribution `np` of `piece`: its gender, and the compatible
    /// persons before it other than its referent `resolved` (two at most) as candidates.
    fn pronoun_alternates(
        &self,
        np: Np,
        para: &Para<'_>,
        piece: &Piece,
        resolved: Option<&Speaker>,
        out: &mut rank::Candidates,
    ) -> Option<Gender> {
        let Np::Pronoun(Pronoun::Person, k) = np else {
            return None;
        };
        let gender = pronoun_gender_at(para.toks, k);
        let mut seen: Vec<&str> = resolved.map(|r| r.name.as_str()).into_iter().collect();
        for c in self.cands.recent(piece.open, piece.paragraph) {
            if seen.len() >= 3 {
                break;
            }
            if seen.contains(&c.speaker.name.as_str()) || !is_person_referent(&c.speaker, gender) {
                continue;
            }
            out.add(
                &c.speaker,
                F::PronounAlt,
                piece.open - c.pos.min(piece.open),
            );
            seen.push(&c.speaker.name);
        }
        gender
    }

    /// Whether `s` is a person whose surname (the last word of its name) is a word of the
    /// quotation.
    fn named_in_quote(&self, s: &Speaker) -> bool {
        if s.kind != NameKind::Person {
            return false;
        }
        let Some(surname) = s.name.split_whitespace().last() else {
            return false;
        };
        self.pieces[self.range.clone()].iter().any(|p| {
            self.paras.get(p.paragraph).is_some_and(|para| {
                let (a, b) = para.range(p.content.start(), p.content.end());
                para.toks[a..b].iter().any(|t| t.bare() == surname)
            })
        })
    }

    /// The entities next to a reporting verb in the sentence before the quotation's (in
    /// its paragraph, or the last of the paragraph before when it opens one).
    fn said_before(&self, out: &mut rank::Candidates) {
        let first = &self.pieces[self.range.start];
        let Some(pf) = self.paras.get(first.paragraph) else {
            return;
        };
        let start = pf.sentence_start(first.open);
        let para_start = pf.toks.first().map_or(start, |t| t.start);
        let (para, lo, hi) = if start > para_start {
            (pf, pf.sentence_start(start - 1), start)
        } else if let Some(before) = first
            .paragraph
            .checked_sub(1)
            .and_then(|b| self.paras.get(b))
        {
            let Some(end) = before.toks.last().map(|t| t.end) else {
                return;
            };
            (before, before.sentence_start(end.saturating_sub(1)), end)
        } else {
            return;
        };
        for (pos, end, s) in self.resolver.entities_in(lo, hi) {
            if !para.is_quoted(pos) && next_to_reporting_verb(para, pos, end) {
                out.add(&s, F::SaidBefore, first.open.saturating_sub(pos));
            }
        }
    }
}

/// Whether a reporting verb (outside quotations) stands within three tokens before or
/// after the phrase `start..end` of `para` ("Roe said", "said Roe", "Roe, 56, told").
fn next_to_reporting_verb(para: &Para<'_>, start: usize, end: usize) -> bool {
    let (a, b) = para.range(start, end);
    let lo = a.saturating_sub(3);
    let hi = (b + 3).min(para.toks.len());
    (lo..a).chain(b..hi).any(|k| {
        let t = &para.toks[k];
        t.is_word()
            && !t.is_capitalized()
            && !para.is_quoted(t.start)
            && crate::wordlists::is_reporting_verb(t.text)
    })
}
