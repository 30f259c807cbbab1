//! Direct quotations and their speakers.
//!
//! [`marks`] finds the quoted text in every quote-mark convention, [`speaker`] attributes
//! it. A quotation of one or two words that is not a statement of its own ("the Armenian
//! “aggression”"), or a title in title case with no speaker ("“Black Water”"), is kept
//! and marked `scare`.

mod marks;
mod speaker;

use std::collections::HashMap;

use article_model::{Cluster, Entity, Quote, Span, SpeakerKind};

use self::marks::Piece;
use crate::paragraph_words::ParaWords;

/// Finds the quotations of `body` (whose paragraphs are `paragraphs`) with their speakers.
/// `entities` and `clusters` are the entity layer, possibly empty.
pub(crate) fn find(
    body: &str,
    words: &[ParaWords<'_>],
    entities: &[Entity],
    clusters: &[Cluster],
) -> Vec<Quote> {
    let paragraphs: Vec<Span> = words.iter().map(|w| w.span).collect();
    let paragraphs = &paragraphs[..];
    let pieces = marks::scan(body, paragraphs);
    // The pieces of one chain are consecutive: ranges of `pieces` per chain.
    let n_chains = pieces.iter().map(|p| p.chain + 1).max().unwrap_or(0);
    let mut ranges = vec![0..0; n_chains];
    let mut i = 0;
    while i < pieces.len() {
        let mut j = i + 1;
        while j < pieces.len() && pieces[j].chain == pieces[i].chain {
            j += 1;
        }
        if let Some(r) = ranges.get_mut(pieces[i].chain) {
            *r = i..j;
        }
        i = j;
    }
    let scare: Vec<bool> = ranges
        .iter()
        .map(|r| is_scare(body, paragraphs, &pieces[r.clone()]))
        .collect();
    let attributions = speaker::attribute(body, words, &pieces, &scare, entities, clusters);
    let named = ClusterNames::new(clusters);
    // Once per chain, not per piece: a chain may have a piece in every paragraph.
    let title: Vec<bool> = ranges
        .iter()
        .enumerate()
        .map(|(chain, r)| {
            let direct = attributions.direct.get(chain).copied().unwrap_or(false);
            is_title_like(body, &pieces[r.clone()], direct)
        })
        .collect();
    let mut out = Vec::with_capacity(pieces.len());
    for piece in &pieces {
        let Some(text) = piece.content.get(body) else {
            continue;
        };
        let chain = piece.chain;
        let speaker = attributions.speakers.get(chain).cloned().flatten();
        let title = title.get(chain).copied().unwrap_or(false);
        let scare = scare.get(chain).copied().unwrap_or(false) || title;
        let mut speaker = if scare { None } else { speaker };
        // A speaker found in the text whose name is a cluster's is that cluster.
        if let Some(sp) = speaker.as_mut() {
            if sp.cluster.is_none() {
                sp.cluster = named.get(&sp.name);
                if sp.cluster.is_some() && sp.given == SpeakerKind::Description {
                    sp.given = SpeakerKind::Entity;
                }
            }
        }
        out.push(Quote {
            span: piece.content,
            text: text.to_owned(),
            speaker_cluster: speaker.as_ref().and_then(|s| s.cluster),
            speaker_kind: speaker.as_ref().map(|s| s.given),
            speaker: speaker.map(|s| s.name),
            scare,
        });
    }
    out
}

/// Where the quotations of a body lie, for cutting it into windows that [`find`] gives the
/// same quotations in.
pub(crate) struct Layout {
    /// Per paragraph: whether a quotation goes on from it into the next.
    pub continued: Vec<bool>,
    /// The byte ranges of the quotations' pieces (opening mark to closing mark, or to the
    /// end of the paragraph), in text order.
    pub quoted: Vec<(usize, usize)>,
}

impl Layout {
    /// The layout of `body`, whose paragraphs are `paragraphs` (byte spans into it).
    pub(crate) fn of(body: &str, paragraphs: &[Span]) -> Layout {
        let mut continued = vec![false; paragraphs.len()];
        let pieces = marks::scan(body, paragraphs);
        for w in pieces.windows(2) {
            if w[0].chain == w[1].chain {
                for c in continued
                    .get_mut(w[0].paragraph..w[1].paragraph)
                    .unwrap_or(&mut [])
                {
                    *c = true;
                }
            }
        }
        let quoted = pieces
            .iter()
            .map(|p| {
                let end = paragraphs.get(p.paragraph).map_or(p.open, |s| s.end());
                (p.open, p.close.unwrap_or(end))
            })
            .collect();
        Layout { continued, quoted }
    }

    /// Whether byte offset `at` is inside a quotation (after its opening mark, before
    /// its end).
    pub(crate) fn is_quoted(&self, at: usize) -> bool {
        let k = self.quoted.partition_point(|&(open, _)| open < at);
        k > 0 && self.quoted[k - 1].1 > at
    }
}

/// Clusters by canonical name ("the " and case aside), for speakers found in the text.
struct ClusterNames(HashMap<String, Option<usize>>);

impl ClusterNames {
    fn key(s: &str) -> String {
        let s = s.trim().to_lowercase().replace('’', "'");
        s.strip_prefix("the ").map(str::to_owned).unwrap_or(s)
    }

    fn new(clusters: &[Cluster]) -> ClusterNames {
        let mut map: HashMap<String, Option<usize>> = HashMap::new();
        for c in clusters {
            map.entry(ClusterNames::key(&c.canonical))
                .and_modify(|v| *v = None)
                .or_insert(Some(c.id));
        }
        ClusterNames(map)
    }

    /// The cluster whose canonical name is `name`, if exactly one.
    fn get(&self, name: &str) -> Option<usize> {
        self.0.get(&ClusterNames::key(name)).copied().flatten()
    }
}

fn chain_text<'a>(body: &'a str, pieces: &[Piece]) -> Vec<&'a str> {
    crate::work_meter::step(pieces.len());
    pieces.iter().filter_map(|p| p.content.get(body)).collect()
}

/// One or two words, and not a statement of its own: a statement opens its sentence
/// (or follows a colon) and ends with punctuation inside the marks ("“No,” he said").
/// `pieces` are the pieces of one chain.
fn is_scare(body: &str, paragraphs: &[Span], pieces: &[Piece]) -> bool {
    let texts = chain_text(body, pieces);
    let words: usize = texts
        .iter()
        .map(|t| {
            t.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        })
        .sum();
    if words > 2 {
        return false;
    }
    let Some(first) = pieces.first() else {
        return false;
    };
    let para_start = paragraphs.get(first.paragraph).map_or(0, |s| s.start());
    let before = body.get(para_start..first.open).unwrap_or("").trim_end();
    let after_colon = before.ends_with(':');
    let opens_sentence = before.is_empty()
        || before.ends_with(['.', '!', '?', '…'])
        || before.ends_with(['”', '"'])
            && before
                .trim_end_matches(['”', '"'])
                .ends_with(['.', '!', '?', ',']);
    let last = texts.last().copied().unwrap_or("");
    let ends_punct = last.ends_with([',', '.', '!', '?', '…']);
    !(after_colon || (opens_sentence && ends_punct))
}

/// Every word capitalized except small words, no sentence inside: a title or name.
/// A quotation with a speaker of its own is a title only with three capitalized words or
/// more ("Listen To The Music").
fn is_title_like(body: &str, pieces: &[Piece], direct: bool) -> bool {
    let texts = chain_text(body, pieces);
    if texts.len() != 1 {
        return false;
    }
    let text = texts[0].trim_end_matches([',', '.', '!', '?']);
    if text.contains(['.', '!', '?', ';', ':', ',']) {
        return false;
    }
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "to", "in", "on", "and", "with", "for", "at", "by", "from", "or",
        "is", "vs", "de", "la", "le",
    ];
    let mut capitalized = 0;
    for w in text.split_whitespace() {
        let first = w.chars().find(|c| c.is_alphanumeric());
        match first {
            Some(c) if c.is_uppercase() || c.is_numeric() => capitalized += 1,
            Some(_) if SMALL.contains(&w.to_lowercase().as_str()) => {}
            Some(_) => return false,
            None => {}
        }
    }
    capitalized >= if direct { 3 } else { 1 }
}

#[cfg(test)]
mod tests;
