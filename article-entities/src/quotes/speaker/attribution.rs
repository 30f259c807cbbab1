//! The reporting-verb patterns around a quotation. After the closing mark: `, said NP`
//! `, NP said` `, NP, APPOSITIVE, said` `, according to NP`; before the opening mark, in the
//! same sentence: `NP said: “` `NP, APPOSITIVE, said that “` `NP vowed that X will be “`
//! `NP branded X a “` `according to NP, … “`.

use super::noun_phrase::{Np, first_np_of_clause, np_backward, np_end, np_forward, subject_start};
use super::paragraph::Para;
use crate::paragraph_words::{self, Tok};
use crate::quotes::marks::Piece;
use crate::wordlists;

/// At most this many tokens of a sentence before a quotation are searched for its speaker.
const PRE_WINDOW_TOKENS: usize = 80;
/// At most this many tokens after a quotation are searched for its speaker.
const POST_WINDOW_TOKENS: usize = 60;

/// Whether a reporting verb (then perhaps `,` or `:`) stands right before `open`.
pub(super) fn verb_right_before(para: &Para<'_>, open: usize) -> bool {
    let (_, b) = para.range(0, open);
    let mut k = b;
    if k > 0 && (para.toks[k - 1].is_punct(',') || para.toks[k - 1].is_punct(':')) {
        k -= 1;
    }
    k > 0 && {
        let t = &para.toks[k - 1];
        t.is_word() && !t.is_capitalized() && wordlists::is_reporting_verb(t.text)
    }
}

fn is_skippable_punct(t: &Tok<'_>) -> bool {
    t.kind == paragraph_words::Kind::Punct && matches!(t.text, "," | ";" | "—" | "–" | "-" | ":")
}

/// The speaker phrase after the closing mark: `, said NP` or `, NP said`. The flag says
/// whether the attribution mentions a statement ("said in a statement").
pub(super) fn post_np(para: &Para<'_>, pieces: &[Piece], idx: usize) -> Option<(Np, bool)> {
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
    if t.is_word() && !t.is_capitalized() && wordlists::is_inverting_verb(t.text) {
        let mut k = a + 1;
        while k < b && (wordlists::is_verb_particle(toks[k].text) && toks[k].is_word()) {
            k += 1;
        }
        let np = np_forward(toks, k, b);
        // "said Canadiens spokesman Jean Roe": the person after the organisation's role.
        if let Some(Np::Name { last, .. }) = np {
            if let Some(person) = name_after_role(toks, last + 1, b) {
                return Some(person);
            }
        }
        // "wrote one reviewer, Jane Doe", "said another, John Roe": the name.
        let comma = match np {
            Some(Np::Description { last, .. }) => last + 1,
            None if k < b && wordlists::is_determiner(toks[k].text) => k + 1,
            _ => return np,
        };
        if comma < b && toks[comma].is_punct(',') {
            match np_forward(toks, comma + 1, b) {
                Some(name @ Np::Name { last, .. })
                    if toks
                        .get(last + 1)
                        .is_none_or(|t| last + 1 >= b || !t.is_word()) =>
                {
                    return Some(name);
                }
                // "said one, a retired nurse": the people, when the first phrase is none.
                Some(d @ Np::Description { last, .. })
                    if np.is_none() && wordlists::is_person_noun(toks[last].text) =>
                {
                    return Some(d);
                }
                _ => {}
            }
        }
        return np;
    }
    if t.text.eq_ignore_ascii_case("according") && toks.get(a + 1).is_some_and(|n| n.text == "to") {
        return np_forward(toks, a + 2, b);
    }
    let np = np_forward(toks, a, b)?;
    let after = np_end(np) + 1;
    let mut k = after;
    while k < b && toks[k].is_word() && wordlists::is_verb_filler(toks[k].text) {
        k += 1;
    }
    if k < b && toks[k].is_word() && wordlists::is_reporting_verb(toks[k].text) {
        return Some(np);
    }
    let appositive_head = match np {
        Np::Name { .. } => true,
        // "one resident, who asked not to be named, said"
        Np::Description { last, .. } => wordlists::is_person_noun(toks[last].text),
        Np::Pronoun(..) => false,
    };
    if k < b && toks[k].is_punct(',') && appositive_head {
        // Appositive: a reporting verb right after a later comma.
        let limit = b.min(k + 40);
        for j in k..limit {
            if toks[j].is_punct(',') {
                let mut v = j + 1;
                while v < limit && toks[v].is_word() && wordlists::is_verb_filler(toks[v].text) {
                    v += 1;
                }
                if v < limit && toks[v].is_word() && wordlists::is_reporting_verb(toks[v].text) {
                    return Some(np);
                }
            }
        }
    }
    None
}

/// A name run after one to three lower-case role words or person nouns from token `k`
/// ("spokesman Jean Roe", "chief executive John Doe"), ending the clause.
fn name_after_role(toks: &[Tok<'_>], k: usize, b: usize) -> Option<Np> {
    let mut j = k;
    while j < b
        && j < k + 3
        && toks[j].is_word()
        && !toks[j].is_capitalized()
        && (wordlists::is_role_word(toks[j].text) || wordlists::is_person_noun(toks[j].text))
    {
        j += 1;
    }
    if j == k {
        return None;
    }
    match np_forward(toks, j, b)? {
        name @ Np::Name { last, .. }
            if toks
                .get(last + 1)
                .is_none_or(|t| last + 1 >= b || !t.is_word()) =>
        {
            Some(name)
        }
        _ => None,
    }
}

/// The speaker phrase before the opening mark, in the same sentence.
pub(super) fn pre_np(para: &Para<'_>, pieces: &[Piece], idx: usize) -> Option<(Np, bool)> {
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
    let Some(v) = (a..b).rev().find(|&k| {
        let t = &toks[k];
        t.is_word()
            && !t.is_capitalized()
            && wordlists::is_reporting_verb(t.text)
            && !para.is_quoted(t.start)
    }) else {
        return introduction(para, a, b).map(|np| (np, statement));
    };
    let mut k = v;
    while k > a && toks[k - 1].is_word() && wordlists::is_verb_filler(toks[k - 1].text) {
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

/// A colon or dash introduction with no reporting verb: "Walton put it this way: “…",
/// "The answer came from Tom Baker: “…", "Walton had a simple answer — “…". The phrase
/// right before the mark when it is a name or people, else the sentence's subject.
/// `a..b` are the sentence's tokens before the opening mark.
fn introduction(para: &Para<'_>, a: usize, b: usize) -> Option<Np> {
    let toks = &para.toks;
    let mark = b.checked_sub(1).filter(|&m| m > a)?;
    if !(toks[mark].is_punct(':') || toks[mark].is_punct('—') || toks[mark].is_punct('–')) {
        return None;
    }
    let is_speaker = |np: &Np| match *np {
        Np::Name { .. } | Np::Pronoun(..) => true,
        Np::Description { last, .. } => wordlists::is_person_noun(toks[last].text),
    };
    if let Some(np) = np_backward(toks, mark - 1, a).filter(is_speaker) {
        if !matches!(np, Np::Pronoun(..)) {
            return Some(np);
        }
    }
    let start = subject_start(toks, a, mark, para)?;
    // Not a lone capital ("E ha aggiunto:"): an initial or a word of another language.
    np_forward(toks, start, mark)
        .filter(is_speaker)
        .filter(|np| !matches!(*np, Np::Name { first, last, .. } if first == last && toks[first].text.chars().count() <= 2))
}

/// The speaker of reported speech in the last sentence of a paragraph with no quotation
/// ("The leader of the group, Hamish Okafor-Lyle, told the meeting that ..."): the phrase
/// before its last reporting verb, when it is a name, a pronoun or people.
pub(super) fn reported_speaker(para: &Para<'_>) -> Option<Np> {
    let toks = &para.toks;
    let last = toks.last()?;
    let lo = para.sentence_start(last.start);
    let (a, b) = para.range(lo, usize::MAX);
    let a = a.max(b.saturating_sub(PRE_WINDOW_TOKENS));
    let v = (a..b).rev().find(|&k| {
        let t = &toks[k];
        t.is_word() && !t.is_capitalized() && wordlists::is_reporting_verb(t.text)
    })?;
    let mut k = v;
    while k > a && toks[k - 1].is_word() && wordlists::is_verb_filler(toks[k - 1].text) {
        k -= 1;
    }
    if k == a {
        return None;
    }
    let np = if toks[k - 1].is_punct(',') {
        first_np_of_clause(toks, a, k - 1)?
    } else {
        np_backward(toks, k - 1, a)?
    };
    match np {
        Np::Name { .. } | Np::Pronoun(..) => Some(np),
        Np::Description { last, .. } if wordlists::is_person_noun(toks[last].text) => Some(np),
        Np::Description { .. } => None,
    }
}
