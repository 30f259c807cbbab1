//! Who said a quotation: its candidates in a fixed rank order, the first that gives a
//! speaker winning: (1) reporting-verb patterns on either side of it ([`attribution`]),
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
mod resolve;

use article_model::{Cluster, Entity};

use self::attribution::{post_np, pre_np, reported_speaker, verb_right_before};
use self::paragraph::Para;
pub(crate) use self::resolve::Speaker;
use self::resolve::{Candidate, Candidates, Resolver};
use super::marks::Piece;
use crate::paragraph_words::ParaWords;

/// The speakers of the quotations: one entry per chain id (`None`: no speaker), and
/// whether the chain's attribution is direct (a reporting verb next to it).
pub(crate) struct Attributions {
    pub speakers: Vec<Option<Speaker>>,
    pub direct: Vec<bool>,
}

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
        let mut matched = false;
        for idx in range {
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
                }
            }
        }
        if found.is_none() && !matched && !opens_paragraph {
            // A quotation opening a sentence after one whose subject is a person, in the
            // same paragraph: that person ("Walton shrugged. “He is right.”").
            // Only when nothing follows the quotation in its sentence: words after it
            // are an attribution this layer cannot read ("„…“, sagte Greindl").
            let alone = paras.get(last.paragraph).is_some_and(|para| {
                let close = last.close.unwrap_or(usize::MAX);
                let (k, _) = para.range(close, usize::MAX);
                para.toks[k..]
                    .iter()
                    .find(|t| t.is_word())
                    .is_none_or(|t| para.starts_sentence(t.start))
            });
            if let Some(para) = paras.get(first.paragraph).filter(|_| alone) {
                if para.starts_sentence(first.open) {
                    found = resolver.previous_subject(para, first.open);
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
                    found = out.speakers.get(prev).cloned().flatten();
                }
            }
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
            *slot = found;
        }
        if let Some(slot) = out.direct.get_mut(chain) {
            *slot = direct;
        }
    }
    out
}
