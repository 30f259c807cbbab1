//! Who said a quotation: reporting-verb patterns on either side of it, pronouns and
//! "the statement" resolved to earlier speakers and subjects, quotations without their own
//! attribution continuing the previous speaker's.
//!
//! Patterns, after the closing mark:  `, said NP`  `, NP said`  `, NP, APPOSITIVE, said`
//! `, according to NP`; before the opening mark, in the same sentence: `NP said: “`
//! `NP, APPOSITIVE, said that “`  `NP vowed that X will be “`  `NP branded X a “`
//! `according to NP, … “`. NP is a name (roles and honorifics dropped), a pronoun, or a
//! description ("a WeWork spokesperson", "the statement", "the actor").

use std::collections::HashSet;

use article_model::{Cluster, Entity, Label};

use super::marks::Piece;
use crate::lexicon::{self, Pronoun};
use crate::names::{self, Name, NameIndex, NameKind};
use crate::paragraph_words::{self, ParaWords, Tok};
use crate::work;

/// A resolved speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Speaker {
    /// The speaker's name as given in the quote layer.
    pub name: String,
    /// The speaker's cluster, when the speaker is a recognised entity.
    pub cluster: Option<usize>,
    /// Person, organisation or unknown.
    pub kind: NameKind,
}

/// How far back (in paragraphs) pronouns and "the statement" look for their referent.
const REFERENT_PARAGRAPHS: usize = 4;

/// A noun phrase found next to a reporting verb.
#[derive(Clone, Copy, Debug)]
enum Np {
    /// He, she, they, it, ...
    Pronoun(Pronoun, usize),
    /// A name run `first..=last` (token indices), with a determiner before it or not.
    Name {
        first: usize,
        last: usize,
        det: bool,
    },
    /// A description `first..=last` ("a WeWork spokesperson", "the statement").
    Description { first: usize, last: usize },
}

/// A possible referent for pronouns: a sentence subject or an earlier speaker.
#[derive(Clone, Debug)]
struct Candidate {
    pos: usize,
    paragraph: usize,
    speaker: Speaker,
    /// Whether it is the author of a statement, release or letter.
    author: bool,
}

/// What the layer knows about one paragraph.
struct Para<'a> {
    toks: &'a [Tok<'a>],
    sentences: &'a [usize],
    /// Byte ranges covered by quotations (marks included).
    quoted: Vec<(usize, usize)>,
}

impl Para<'_> {
    /// Whether `pos` is inside a quotation (ranges sorted and disjoint).
    fn is_quoted(&self, pos: usize) -> bool {
        let k = self.quoted.partition_point(|&(s, _)| s <= pos);
        k > 0 && pos < self.quoted[k - 1].1
    }

    /// Whether a sentence starts at `pos`.
    fn starts_sentence(&self, pos: usize) -> bool {
        self.sentences.binary_search(&pos).is_ok()
    }

    /// Start of the sentence containing `pos`.
    fn sentence_start(&self, pos: usize) -> usize {
        let k = self.sentences.partition_point(|&s| s <= pos);
        if k == 0 { 0 } else { self.sentences[k - 1] }
    }

    /// Start of the sentence after the one containing `pos`, or `usize::MAX`.
    fn next_sentence(&self, pos: usize) -> usize {
        let k = self.sentences.partition_point(|&s| s <= pos);
        self.sentences.get(k).copied().unwrap_or(usize::MAX)
    }

    /// Token indices of the tokens whose start is in `lo..hi`.
    fn range(&self, lo: usize, hi: usize) -> (usize, usize) {
        let a = self.toks.partition_point(|t| t.start < lo);
        let b = self.toks.partition_point(|t| t.start < hi);
        (a, b.max(a))
    }
}

/// At most this many tokens of a sentence before a quotation are searched for its speaker.
const PRE_WINDOW_TOKENS: usize = 80;
/// At most this many tokens after a quotation are searched for its speaker.
const POST_WINDOW_TOKENS: usize = 60;
/// At most this many earlier candidates are looked at for a pronoun.
const REFERENT_CANDIDATES: usize = 64;

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
        if found.is_none() && !matched {
            // A quotation with no attribution of its own continues the previous speaker's
            // when it follows it in the same paragraph, or opens the next paragraph(s).
            if let Some((prev, prev_para)) = last_attributed {
                let opens_paragraph = words
                    .get(first.paragraph)
                    .is_some_and(|w| w.span.start() == first.open);
                let near = prev_para == first.paragraph
                    || (opens_paragraph && first.paragraph <= prev_para + 2);
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

/// Referent candidates: sentence subjects and organisations (fixed), and speakers found so
/// far; each list sorted by position.
struct Candidates {
    subjects: Vec<Candidate>,
    speakers: Vec<Candidate>,
}

impl Candidates {
    fn add_speaker(&mut self, c: Candidate) {
        let at = self.speakers.partition_point(|x| x.pos <= c.pos);
        self.speakers.insert(at, c);
    }

    /// The most recent candidates before `pos` within `REFERENT_PARAGRAPHS` of
    /// `paragraph`, most recent first.
    fn recent(&self, pos: usize, paragraph: usize) -> Vec<&Candidate> {
        let mut out: Vec<&Candidate> = Vec::new();
        for list in [&self.subjects, &self.speakers] {
            let end = list.partition_point(|c| c.pos < pos);
            out.extend(
                list[..end]
                    .iter()
                    .rev()
                    .take(REFERENT_CANDIDATES)
                    .filter(|c| c.paragraph + REFERENT_PARAGRAPHS >= paragraph),
            );
        }
        work::step(out.len());
        // Most recent first; at one position, a speaker before a subject.
        out.sort_by_key(|c| std::cmp::Reverse(c.pos));
        out
    }
}

/// A capitalized word that is a common word: written in lower case elsewhere, or a
/// sentence-initial "-ing"/"-ed" form never capitalized mid-sentence ("Hosting Cook").
fn is_common_word(t: &Tok<'_>, lower: &HashSet<String>, mid_caps: &HashSet<String>) -> bool {
    lower.contains(&t.text.to_lowercase())
        || (!mid_caps.contains(t.text) && (t.text.ends_with("ing") || t.text.ends_with("ed")))
}

/// Whether a reporting verb (then perhaps `,` or `:`) stands right before `open`.
fn verb_right_before(para: &Para<'_>, open: usize) -> bool {
    let (_, b) = para.range(0, open);
    let mut k = b;
    if k > 0 && (para.toks[k - 1].is_punct(',') || para.toks[k - 1].is_punct(':')) {
        k -= 1;
    }
    k > 0 && {
        let t = &para.toks[k - 1];
        t.is_word() && !t.is_capitalized() && lexicon::is_reporting_verb(t.text)
    }
}

fn is_opening_mark(t: &Tok<'_>) -> bool {
    t.kind == paragraph_words::Kind::Punct
        && matches!(t.text, "“" | "\"" | "‘" | "'" | "«" | "„" | "(")
}

fn is_skippable_punct(t: &Tok<'_>) -> bool {
    t.kind == paragraph_words::Kind::Punct && matches!(t.text, "," | ";" | "—" | "–" | "-" | ":")
}

/// The speaker phrase after the closing mark: `, said NP` or `, NP said`. The flag says
/// whether the attribution mentions a statement ("said in a statement").
fn post_np(para: &Para<'_>, pieces: &[Piece], idx: usize) -> Option<(Np, bool)> {
    let piece = pieces.get(idx)?;
    let close = piece.close?;
    let next_open = pieces
        .get(idx + 1)
        .filter(|p| p.paragraph == piece.paragraph)
        .map_or(usize::MAX, |p| p.open);
    // “Can I?” Brooke asked: a sentence break right after the mark does not count.
    let (first_after, _) = para.range(close, usize::MAX);
    let from = para.toks.get(first_after).map_or(close, |t| t.end);
    let end = para.next_sentence(from).min(next_open);
    let (mut a, b) = para.range(close, end);
    let b = b.min(a + POST_WINDOW_TOKENS);
    let toks = &para.toks;
    while a < b && is_skippable_punct(&toks[a]) {
        a += 1;
    }
    if a >= b {
        return None;
    }
    let statement = mentions_statement(&toks[a..b]);
    if let Some(np) = attribution_at(toks, a, b) {
        return Some((np, statement));
    }
    // "… “getting longer by the week” and hurts every port, Noem said."
    for k in a..b {
        if toks[k].is_punct(',') {
            if let Some(np) = attribution_at(toks, k + 1, b) {
                if matches!(np, Np::Name { .. } | Np::Pronoun(..)) {
                    return Some((np, statement));
                }
            }
        }
    }
    None
}

/// `said NP`, `according to NP`, `NP said` or `NP, appositive, said` starting at `a`.
fn attribution_at(toks: &[Tok<'_>], a: usize, b: usize) -> Option<Np> {
    let t = toks.get(a).filter(|_| a < b)?;
    if t.is_word() && !t.is_capitalized() && lexicon::is_inverting_verb(t.text) {
        let mut k = a + 1;
        while k < b && (lexicon::is_verb_particle(toks[k].text) && toks[k].is_word()) {
            k += 1;
        }
        return np_forward(toks, k, b);
    }
    if t.text.eq_ignore_ascii_case("according") && toks.get(a + 1).is_some_and(|n| n.text == "to") {
        return np_forward(toks, a + 2, b);
    }
    let np = np_forward(toks, a, b)?;
    let after = np_end(np) + 1;
    let mut k = after;
    while k < b && toks[k].is_word() && lexicon::is_verb_filler(toks[k].text) {
        k += 1;
    }
    if k < b && toks[k].is_word() && lexicon::is_reporting_verb(toks[k].text) {
        return Some(np);
    }
    if k < b && toks[k].is_punct(',') && matches!(np, Np::Name { .. }) {
        // Appositive: a reporting verb right after a later comma.
        let limit = b.min(k + 40);
        for j in k..limit {
            if toks[j].is_punct(',') {
                let mut v = j + 1;
                while v < limit && toks[v].is_word() && lexicon::is_verb_filler(toks[v].text) {
                    v += 1;
                }
                if v < limit && toks[v].is_word() && lexicon::is_reporting_verb(toks[v].text) {
                    return Some(np);
                }
            }
        }
    }
    None
}

/// The speaker phrase before the opening mark, in the same sentence.
fn pre_np(para: &Para<'_>, pieces: &[Piece], idx: usize) -> Option<(Np, bool)> {
    let piece = pieces.get(idx)?;
    // The window starts after the previous quotation in the sentence, unless that was a
    // short (scare) quote: `called Omar a “terrorist” and said, “…`.
    let prev_close = pieces[..idx]
        .iter()
        .rev()
        .take(8)
        .filter(|p| p.paragraph == piece.paragraph)
        .find(|p| {
            let (a, b) = para.range(p.content.start(), p.content.end());
            (a..b).filter(|&k| para.toks[k].is_word()).nth(2).is_some()
        })
        .and_then(|p| p.close)
        .unwrap_or(0);
    let lo = para.sentence_start(piece.open).max(prev_close);
    let (a, b) = para.range(lo, piece.open);
    let a = a.max(b.saturating_sub(PRE_WINDOW_TOKENS));
    if a >= b {
        return None;
    }
    let toks = &para.toks;
    let statement = mentions_statement(&toks[a..b]);
    // "according to NP" anywhere before.
    for k in a..b {
        if toks[k].text.eq_ignore_ascii_case("according")
            && toks.get(k + 1).is_some_and(|n| n.text == "to")
        {
            if let Some(np) = np_forward(toks, k + 2, b) {
                return Some((np, statement));
            }
        }
    }
    // The last reporting verb outside quotations.
    let v = (a..b).rev().find(|&k| {
        let t = &toks[k];
        t.is_word()
            && !t.is_capitalized()
            && lexicon::is_reporting_verb(t.text)
            && !para.is_quoted(t.start)
    })?;
    let mut k = v;
    while k > a && toks[k - 1].is_word() && lexicon::is_verb_filler(toks[k - 1].text) {
        k -= 1;
    }
    if k == a {
        return None;
    }
    let before = &toks[k - 1];
    let participle = toks[v].text.ends_with("ing");
    if before.text.eq_ignore_ascii_case("and") || (before.is_punct(',') && participle) {
        // "X accused … and warned that “", "X said …, warning: “": the clause's subject.
        let start = subject_start(toks, a, k, para)?;
        return np_forward(toks, start, k).map(|np| (np, statement));
    }
    if before.is_punct(',') {
        // `NP, appositive, said`: the first phrase of the clause that is a name.
        return first_np_of_clause(toks, a, k - 1).map(|np| (np, statement));
    }
    if matches!(before.text, "that" | "which" | "who") {
        return None;
    }
    np_backward(toks, k - 1, a).map(|np| (np, statement))
}

fn mentions_statement(toks: &[Tok<'_>]) -> bool {
    toks.iter().any(|t| {
        matches!(
            t.text.to_lowercase().as_str(),
            "statement" | "release" | "communique" | "communiqué"
        )
    })
}

fn np_end(np: Np) -> usize {
    match np {
        Np::Pronoun(_, k) => k,
        Np::Name { last, .. } | Np::Description { last, .. } => last,
    }
}

fn is_np_stop(t: &Tok<'_>) -> bool {
    !t.is_word()
        || matches!(
            t.text.to_lowercase().as_str(),
            "of" | "from"
                | "at"
                | "in"
                | "on"
                | "who"
                | "whom"
                | "which"
                | "that"
                | "when"
                | "with"
                | "for"
                | "as"
                | "after"
                | "before"
                | "during"
                | "to"
                | "by"
                | "and"
                | "but"
                | "while"
                | "since"
                | "because"
                | "if"
                | "where"
                | "about"
        )
        || lexicon::is_reporting_verb(t.text)
}

/// A noun phrase starting at token `k` (before `hi`).
fn np_forward(toks: &[Tok<'_>], k: usize, hi: usize) -> Option<Np> {
    let mut k = k;
    // Skip a time phrase right after the verb ("said Tuesday", "said on Monday").
    while k < hi
        && (lexicon::weekday(toks[k].text).is_some()
            || matches!(toks[k].text, "on" | "today" | "yesterday" | "Tuesday"))
    {
        k += 1;
    }
    let t = toks.get(k).filter(|_| k < hi)?;
    if let Some(p) = lexicon::pronoun(t.text) {
        return Some(Np::Pronoun(p, k));
    }
    let det = lexicon::is_determiner(t.text);
    let start = k;
    let mut j = if det { k + 1 } else { k };
    // Descriptors before a name ("planetary geologist Rosaly Lopes"), at most 6 words.
    let mut described = 0;
    while j < hi && described < 6 {
        let w = &toks[j];
        if names::is_name_word(w) && !lexicon::is_capitalized_function_word(w.text) {
            let last = names::run_forward(toks, j, hi)?;
            if let Some(np) = possessive_description(toks, start, last, hi) {
                return Some(np);
            }
            // A capitalized modifier of a description ("a WeWork spokesperson").
            let after = toks.get(last + 1).filter(|_| last + 1 < hi);
            if det && after.is_some_and(|a| a.is_word() && !a.is_capitalized() && !is_np_stop(a)) {
                j = last + 1;
                described += 1;
                continue;
            }
            return Some(if det || described > 0 {
                if det && described == 0 {
                    Np::Name {
                        first: j,
                        last,
                        det: true,
                    }
                } else {
                    Np::Name {
                        first: j,
                        last,
                        det: false,
                    }
                }
            } else {
                Np::Name {
                    first: start,
                    last,
                    det: false,
                }
            });
        }
        if is_np_stop(w) || w.is_capitalized() {
            break;
        }
        j += 1;
        described += 1;
    }
    if det && j > start + 1 {
        return Some(Np::Description {
            first: start,
            last: j - 1,
        });
    }
    None
}

/// "China’s ambassador to Britain": a name with a possessive, then lower-case words up to a
/// role noun, then "to/of/at NAME".
fn possessive_description(toks: &[Tok<'_>], start: usize, last: usize, hi: usize) -> Option<Np> {
    if toks[last].bare() == toks[last].text {
        return None;
    }
    let mut j = last + 1;
    let mut head = None;
    while j < hi && j < last + 5 {
        let w = &toks[j];
        if !w.is_word() || w.is_capitalized() || is_np_stop(w) {
            break;
        }
        if lexicon::is_role_word(w.text) {
            head = Some(j);
        }
        j += 1;
    }
    let mut end = head?;
    if toks
        .get(end + 1)
        .is_some_and(|t| matches!(t.text, "to" | "of" | "at" | "for"))
        && end + 2 < hi
    {
        if let Some(name_end) = names::run_forward(toks, end + 2, hi) {
            end = name_end;
        }
    }
    Some(Np::Description {
        first: start,
        last: end,
    })
}

/// A noun phrase ending at token `k` (not before `lo`).
fn np_backward(toks: &[Tok<'_>], k: usize, lo: usize) -> Option<Np> {
    let t = toks.get(k)?;
    if let Some(p) = lexicon::pronoun(t.text) {
        return Some(Np::Pronoun(p, k));
    }
    if names::is_name_word(t) {
        let first = names::run_back(toks, k, lo)?;
        let det = first > lo
            && toks[first - 1].is_word()
            && toks[first - 1].text.eq_ignore_ascii_case("the");
        return Some(Np::Name {
            first,
            last: k,
            det,
        });
    }
    if !t.is_word() {
        return None;
    }
    // A description: look back for its determiner over at most 5 words ("the source",
    // "a WeWork spokesperson", "the singer and guitarist").
    if is_np_stop(t) || lexicon::is_determiner(t.text) {
        return None;
    }
    let mut j = k;
    for _ in 0..6 {
        if j == lo {
            return None;
        }
        j -= 1;
        let w = &toks[j];
        if !w.is_word() {
            return None;
        }
        if lexicon::is_determiner(w.text) {
            return Some(Np::Description { first: j, last: k });
        }
        let joined_roles = w.text == "and" && j > lo && lexicon::is_role_word(toks[j - 1].text);
        if is_np_stop(w) && !joined_roles {
            return None;
        }
    }
    None
}

/// The first noun phrase of the clause `lo..hi` that is a name or description, skipping
/// an introductory phrase ("In a letter in May, Jane Roe, the president of ...").
fn first_np_of_clause(toks: &[Tok<'_>], lo: usize, hi: usize) -> Option<Np> {
    let mut seg_start = lo;
    for k in lo..=hi {
        if k == hi || toks[k].is_punct(',') {
            if seg_start < k {
                if let Some(np) = np_forward(toks, seg_start, k) {
                    if matches!(np, Np::Name { .. } | Np::Pronoun(..)) && np_end(np) + 1 == k {
                        return Some(np);
                    }
                }
            }
            seg_start = k + 1;
        }
    }
    None
}

/// Turns noun phrases into speakers.
struct Resolver<'a> {
    body: &'a str,
    paras: &'a [Para<'a>],
    entities: &'a [Entity],
    clusters: &'a [Cluster],
    index: NameIndex,
    /// Indices of `entities` sorted by start.
    by_start: Vec<usize>,
    /// Capitalized words seen other than at a sentence start: names, not sentence-initial
    /// common words.
    mid_caps: HashSet<String>,
    /// Capitalized words used alone somewhere.
    standalone: HashSet<String>,
}

impl<'a> Resolver<'a> {
    fn new(
        body: &'a str,
        paras: &'a [Para<'a>],
        entities: &'a [Entity],
        clusters: &'a [Cluster],
    ) -> Resolver<'a> {
        // Words written in lower case somewhere are common words, not names, when they
        // open a capitalized run ("Hosting Cook at Dreamforce").
        let mut lower = HashSet::new();
        let mut mid_caps = HashSet::new();
        for para in paras {
            for (k, t) in para.toks.iter().enumerate() {
                if t.is_word() && t.text.chars().next().is_some_and(char::is_lowercase) {
                    if !lower.contains(t.text) {
                        lower.insert(t.text.to_owned());
                    }
                } else if t.is_capitalized()
                    && !para.starts_sentence(t.start)
                    && k > 0
                    && !is_opening_mark(&para.toks[k - 1])
                    && !mid_caps.contains(t.bare())
                {
                    mid_caps.insert(t.bare().to_owned());
                }
            }
        }
        // Capitalized words used alone, not next to another name word ("Swift said"):
        // the last word of a full name used so marks a person.
        let mut standalone = HashSet::new();
        for para in paras {
            let toks = &para.toks;
            for (k, t) in toks.iter().enumerate() {
                if names::is_name_word(t)
                    && (k == 0 || !names::is_name_word(&toks[k - 1]))
                    && toks.get(k + 1).is_none_or(|n| !names::is_name_word(n))
                    && !standalone.contains(t.bare())
                {
                    standalone.insert(t.bare().to_owned());
                }
            }
        }
        let mut index = NameIndex::default();
        for para in paras {
            let toks = &para.toks;
            let mut k = 0;
            while k < toks.len() {
                if names::is_name_word(&toks[k]) && !para.is_quoted(toks[k].start) {
                    if let Some(last) = names::run_forward(toks, k, toks.len()) {
                        let mut first = k;
                        while first < last && is_common_word(&toks[first], &lower, &mid_caps) {
                            first += 1;
                        }
                        if let Some(name) = names::split_run(body, toks, first, last) {
                            if name.kind != NameKind::Org {
                                index.add(&name.text, name.start);
                            }
                        }
                        k = last + 1;
                        continue;
                    }
                }
                k += 1;
            }
        }
        let mut by_start: Vec<usize> = (0..entities.len()).collect();
        by_start.sort_by_key(|&i| entities[i].span.start());
        Resolver {
            body,
            paras,
            entities,
            clusters,
            index,
            by_start,
            mid_caps,
            standalone,
        }
    }

    /// Sentence subjects outside quotations, and every organisation named outside them,
    /// as referent candidates.
    fn subjects(&self) -> Vec<Candidate> {
        let mut out = self.organisations();
        for (pi, para) in self.paras.iter().enumerate() {
            let toks = &para.toks;
            let mut starts = para.sentences.to_vec();
            starts.push(usize::MAX);
            for w in starts.windows(2) {
                let (a, b) = para.range(w[0], w[1]);
                let Some(k) = subject_start(toks, a, b, para) else {
                    continue;
                };
                let Some(np) = np_forward(toks, k, b) else {
                    continue;
                };
                if let Np::Name { first, last, det } = np {
                    let one_word = first == last;
                    if one_word
                        && !self.mid_caps.contains(toks[first].bare())
                        && self
                            .index
                            .full_name(toks[first].bare(), toks[first].start)
                            .is_none()
                    {
                        continue;
                    }
                    if let Some(s) = self.name_speaker(toks, first, last, det) {
                        let author = toks[a..b].iter().any(|t| {
                            lexicon::is_document_noun(t.text)
                                && matches!(
                                    t.text.to_lowercase().as_str(),
                                    "statement" | "release" | "letter" | "communique"
                                )
                        });
                        out.push(Candidate {
                            pos: toks[first].start,
                            paragraph: pi,
                            speaker: s,
                            author,
                        });
                    }
                }
            }
        }
        out
    }

    /// Organisation names outside quotations ("the Spanish Tennis Federation").
    fn organisations(&self) -> Vec<Candidate> {
        let mut out = Vec::new();
        for (pi, para) in self.paras.iter().enumerate() {
            let toks = &para.toks;
            let mut k = 0;
            while k < toks.len() {
                if names::is_name_word(&toks[k]) && !para.is_quoted(toks[k].start) {
                    if let Some(last) = names::run_forward(toks, k, toks.len()) {
                        if lexicon::is_org_head(toks[last].bare())
                            && !para.starts_sentence(toks[k].start)
                        {
                            let det = k > 0 && toks[k - 1].text.eq_ignore_ascii_case("the");
                            if let Some(s) = self.name_speaker(toks, k, last, det) {
                                out.push(Candidate {
                                    pos: toks[k].start,
                                    paragraph: pi,
                                    speaker: s,
                                    author: false,
                                });
                            }
                        }
                        k = last + 1;
                        continue;
                    }
                }
                k += 1;
            }
        }
        out
    }

    /// The speaker for a name run.
    fn name_speaker(
        &self,
        toks: &[Tok<'_>],
        first: usize,
        last: usize,
        det: bool,
    ) -> Option<Speaker> {
        let name: Name = names::split_run(self.body, toks, first, last)?;
        // An entity of the NER inside the name: its cluster decides.
        if let Some(s) = self.entity_speaker(toks[first].start, toks[last].end) {
            return Some(s);
        }
        let mut kind = name.kind;
        let mut text = name.text.clone();
        if kind != NameKind::Org {
            if let Some(full) = self.index.full_name(&text, toks[first].start) {
                text = full.to_owned();
                kind = NameKind::Person;
            } else if text.split_whitespace().count() >= 2
                && text
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| self.standalone.contains(w))
            {
                kind = NameKind::Person;
            }
        }
        if det && kind != NameKind::Person {
            let the = toks
                .get(first.wrapping_sub(1))
                .map_or("the", |t| if t.text == "The" { "the" } else { t.text });
            text = format!("{the} {text}");
            if kind == NameKind::Unknown {
                kind = NameKind::Org;
            }
        }
        Some(Speaker {
            name: text,
            cluster: None,
            kind,
        })
    }

    /// The cluster of the last PER (else ORG) entity inside `start..end`.
    fn entity_speaker(&self, start: usize, end: usize) -> Option<Speaker> {
        // The entities starting in `start..end`, by position (a binary search, not a scan).
        let from = self
            .by_start
            .partition_point(|&i| self.entities[i].span.start() < start);
        let inside = self.by_start[from..]
            .iter()
            .inspect(|_| work::step(1))
            .take_while(|&&i| self.entities[i].span.start() < end)
            .filter(|&&i| self.entities[i].span.end() <= end);
        // The last in the entity list, as a scan of the list would find.
        let last_with = |label: Label| {
            inside
                .clone()
                .filter(|&&i| self.entities[i].label == label)
                .max()
                .map(|&i| &self.entities[i])
        };
        let pick = last_with(Label::Per).or_else(|| last_with(Label::Org))?;
        let cluster = pick.cluster.and_then(|c| self.clusters.get(c));
        let kind = if pick.label == Label::Per {
            NameKind::Person
        } else {
            NameKind::Org
        };
        Some(Speaker {
            name: cluster.map_or_else(|| pick.text.clone(), |c| c.canonical.clone()),
            cluster: cluster.map(|c| c.id),
            kind,
        })
    }

    fn resolve(
        &self,
        para: &Para<'_>,
        np: Np,
        candidates: &Candidates,
        paragraph: usize,
        pos: usize,
    ) -> Option<Speaker> {
        let toks = &para.toks;
        match np {
            Np::Pronoun(p, _) => self.referent(p, candidates, paragraph, pos),
            Np::Name { first, last, det } => self.name_speaker(toks, first, last, det),
            Np::Description { first, last } => {
                let head = toks[last].text;
                // "a report from Kotak Institutional Equities"
                if lexicon::is_document_noun(head) {
                    if let Some(from) = toks.get(last + 1) {
                        if matches!(from.text, "from" | "by" | "of") {
                            if let Some(Np::Name { first, last, det }) =
                                np_forward(toks, last + 2, toks.len())
                            {
                                return self.name_speaker(toks, first, last, det);
                            }
                        }
                    }
                    return self.referent(Pronoun::Thing, candidates, paragraph, pos);
                }
                // "the actor", "the company": an earlier person or organisation, else the
                // description itself.
                let definite = toks[first].text.eq_ignore_ascii_case("the");
                let referent =
                    if definite && (lexicon::is_role_word(head) || head.ends_with("-old")) {
                        self.referent(Pronoun::Person, candidates, paragraph, pos)
                    } else if definite && lexicon::is_org_anaphor(head) {
                        self.referent(Pronoun::Group, candidates, paragraph, pos)
                    } else {
                        None
                    };
                if referent.is_some() {
                    return referent;
                }
                let text = self.body.get(toks[first].start..toks[last].end)?;
                let mut text = text.to_owned();
                if let Some(rest) = text.strip_prefix("The ") {
                    text = format!("the {rest}");
                } else if let Some(rest) = text.strip_prefix("A ") {
                    text = format!("a {rest}");
                } else if let Some(rest) = text.strip_prefix("An ") {
                    text = format!("an {rest}");
                }
                Some(Speaker {
                    name: text,
                    cluster: None,
                    kind: NameKind::Unknown,
                })
            }
        }
    }

    /// The most recent compatible candidate before `pos`.
    fn referent(
        &self,
        p: Pronoun,
        candidates: &Candidates,
        paragraph: usize,
        pos: usize,
    ) -> Option<Speaker> {
        let recent = candidates.recent(pos, paragraph);
        let recent = recent.iter().copied();
        let person_like = |c: &&Candidate| {
            c.speaker.kind == NameKind::Person
                || (c.speaker.kind == NameKind::Unknown
                    && c.speaker.name.split_whitespace().count() >= 2)
        };
        let pick = match p {
            Pronoun::Person => recent.clone().find(person_like),
            Pronoun::Group => recent
                .clone()
                .find(|c| c.speaker.kind == NameKind::Org)
                .or_else(|| recent.clone().find(|c| c.speaker.kind != NameKind::Person)),
            Pronoun::Thing => recent
                .clone()
                .find(|c| c.author)
                .or_else(|| recent.clone().find(|c| c.speaker.kind == NameKind::Org)),
            Pronoun::Other => None,
        }?;
        Some(pick.speaker.clone())
    }
}

/// Where the subject of the sentence `a..b` starts: after an introductory phrase
/// ("In May, ...", "But ...").
fn subject_start(toks: &[Tok<'_>], a: usize, b: usize, para: &Para<'_>) -> Option<usize> {
    let mut k = a;
    while k < b && !toks[k].is_word() {
        k += 1;
    }
    if k >= b || para.is_quoted(toks[k].start) {
        return None;
    }
    for _ in 0..3 {
        let t = toks.get(k).filter(|_| k < b)?;
        let first = t.text.to_lowercase();
        if matches!(
            first.as_str(),
            "but"
                | "and"
                | "so"
                | "yet"
                | "still"
                | "now"
                | "also"
                | "meanwhile"
                | "however"
                | "then"
        ) {
            k += 1;
            if k < b && toks[k].is_punct(',') {
                k += 1;
            }
        } else if lexicon::is_capitalized_function_word(&first)
            && !lexicon::is_determiner(&first)
            && lexicon::pronoun(&first).is_none()
        {
            // An introductory phrase up to its comma.
            let comma = (k..b.min(k + 15)).find(|&j| toks[j].is_punct(','))?;
            k = comma + 1;
        } else {
            break;
        }
    }
    (k < b).then_some(k)
}
