//! Noun phrases next to a reporting verb: [`Np`] (a pronoun, a name run or a
//! description), read forwards or backwards from a token, and where a sentence's subject
//! starts.

use super::paragraph::Para;
use crate::names;
use crate::paragraph_words::Tok;
use crate::wordlists::{self, Pronoun};

/// A noun phrase found next to a reporting verb.
#[derive(Clone, Copy, Debug)]
pub(super) enum Np {
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

pub(super) fn np_end(np: Np) -> usize {
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
        || wordlists::is_reporting_verb(t.text)
}

/// A noun phrase starting at token `k` (before `hi`).
pub(super) fn np_forward(toks: &[Tok<'_>], k: usize, hi: usize) -> Option<Np> {
    let mut k = k;
    // Skip a time phrase right after the verb ("said Tuesday", "said on Monday").
    while k < hi
        && (wordlists::weekday(toks[k].text).is_some()
            || matches!(toks[k].text, "on" | "today" | "yesterday" | "Tuesday"))
    {
        k += 1;
    }
    let t = toks.get(k).filter(|_| k < hi)?;
    if let Some(p) = wordlists::pronoun(t.text) {
        return Some(Np::Pronoun(p, k));
    }
    let det = wordlists::is_determiner(t.text);
    if !det && (is_description_word(t) || is_clause_initial_person_noun(toks, k, k)) {
        if let Some(np) = bare_description_forward(toks, k, hi) {
            return Some(np);
        }
    }
    let start = k;
    let mut j = if det { k + 1 } else { k };
    // Descriptors before a name ("planetary geologist Rosaly Lopes"), at most 6 words.
    let mut described = 0;
    while j < hi && described < 6 {
        let w = &toks[j];
        if names::is_name_word(w) && !wordlists::is_capitalized_function_word(w.text) {
            let last = names::run_forward(toks, j, hi)?;
            if let Some(np) = possessive_description(toks, start, last, hi) {
                return Some(np);
            }
            // A capitalized modifier of a description ("a WeWork spokesperson").
            let after = toks.get(last + 1).filter(|_| last + 1 < hi);
            if det
                && after.is_some_and(|a| {
                    a.is_word() && !a.is_capitalized() && !is_np_stop(a) && !is_verb_like(a.text)
                })
            {
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
        return Some(extend_forward(toks, start, j - 1, hi));
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
        if wordlists::is_role_word(w.text) {
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
pub(super) fn np_backward(toks: &[Tok<'_>], k: usize, lo: usize) -> Option<Np> {
    let t = toks.get(k)?;
    if let Some(p) = wordlists::pronoun(t.text) {
        return Some(Np::Pronoun(p, k));
    }
    if is_clause_initial_person_noun(toks, k, lo) {
        return Some(Np::Description { first: k, last: k });
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
    if is_np_stop(t) || wordlists::is_determiner(t.text) {
        return None;
    }
    let mut j = k;
    // Where a description with no determiner would start ("former aides said").
    let mut bare = k;
    let mut bare_open = true;
    let mut found = None;
    for _ in 0..6 {
        if j == lo {
            break;
        }
        j -= 1;
        let w = &toks[j];
        if !w.is_word() {
            break;
        }
        if wordlists::is_determiner(w.text) {
            found = Some(j);
            break;
        }
        if bare_open && (is_description_word(w) || is_clause_initial_person_noun(toks, j, lo)) {
            bare = j;
        } else {
            bare_open = false;
        }
        let joined_roles = w.text == "and" && j > lo && wordlists::is_role_word(toks[j - 1].text);
        if is_np_stop(w) && !joined_roles {
            break;
        }
    }
    let first = match found {
        Some(first) => first,
        None if wordlists::is_person_noun(t.text) => bare,
        None => return None,
    };
    Some(extend_backward(toks, first, k, lo))
}

/// A description `first..=last` that is the object of a preposition after people
/// ("doctors at the hospital"): the people and the phrase.
fn extend_backward(toks: &[Tok<'_>], first: usize, last: usize, lo: usize) -> Np {
    let here = Np::Description { first, last };
    if first < lo + 2 {
        return here;
    }
    let prep = toks[first - 1].text;
    if !matches!(prep, "at" | "from" | "for" | "of" | "with" | "in") {
        return here;
    }
    let head = first - 2;
    if !wordlists::is_person_noun(toks[head].text) {
        return here;
    }
    match np_backward(toks, head, lo) {
        Some(Np::Description { first: f, .. }) => Np::Description { first: f, last },
        _ => here,
    }
}

/// The first noun phrase of the clause `lo..hi` that is a name or description, skipping
/// an introductory phrase ("In a letter in May, Jane Roe, the president of ...").
pub(super) fn first_np_of_clause(toks: &[Tok<'_>], lo: usize, hi: usize) -> Option<Np> {
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

/// Where the subject of the sentence `a..b` starts: after an introductory phrase
/// ("In May, ...", "But ...").
pub(super) fn subject_start(
    toks: &[Tok<'_>],
    a: usize,
    b: usize,
    para: &Para<'_>,
) -> Option<usize> {
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
        } else if wordlists::is_capitalized_function_word(&first)
            && !wordlists::is_determiner(&first)
            && wordlists::pronoun(&first).is_none()
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

/// Whether `t` is a lower-case word that may stand inside a description ("former", "local").
fn is_description_word(t: &Tok<'_>) -> bool {
    t.is_word() && !t.is_capitalized() && !is_np_stop(t) && !wordlists::is_determiner(t.text)
}

/// A capitalized person noun opening a clause ("Officials said"), not a name.
fn is_clause_initial_person_noun(toks: &[Tok<'_>], k: usize, lo: usize) -> bool {
    toks[k].is_capitalized()
        && wordlists::is_person_noun(toks[k].text)
        && (k == lo || !toks[k - 1].is_word())
}

/// A description `first..=last` extended by a phrase after it that says whose people they
/// are: "a series of residents", "analysts at the bank", "a spokesman for the ministry".
/// The phrase is a preposition, an optional determiner and at most four words, ending
/// before punctuation, a stop word or a verb.
fn extend_forward(toks: &[Tok<'_>], first: usize, last: usize, hi: usize) -> Np {
    let head = toks[last].text;
    let person = wordlists::is_person_noun(head);
    let collective = wordlists::is_collective_noun(head);
    let prep = toks.get(last + 1).filter(|_| last + 1 < hi).map(|t| t.text);
    let fits = match prep {
        Some("of") => person || collective,
        Some("at" | "from" | "for" | "with" | "in") => person,
        _ => false,
    };
    if !fits {
        return Np::Description { first, last };
    }
    let mut j = last + 2;
    if j < hi && wordlists::is_determiner(toks[j].text) {
        j += 1;
    }
    let mut end = None;
    while j < hi && j <= last + 6 {
        let t = &toks[j];
        if t.is_word() && !is_np_stop(t) && !wordlists::is_determiner(t.text) {
            end = Some(j);
            j += 1;
        } else {
            break;
        }
    }
    match end {
        // "a series of residents": the people must be people.
        Some(e) if prep != Some("of") || person || wordlists::is_person_noun(toks[e].text) => {
            Np::Description { first, last: e }
        }
        _ => Np::Description { first, last },
    }
}

/// A description of people with no determiner ("officers", "former aides", "analysts at
/// the bank") starting at `k`: lower-case words up to a person noun, at most four.
fn bare_description_forward(toks: &[Tok<'_>], k: usize, hi: usize) -> Option<Np> {
    let mut head = None;
    let mut j = k;
    while j < hi && j < k + 4 {
        let t = &toks[j];
        let initial = j == k && is_clause_initial_person_noun(toks, j, k);
        if !(is_description_word(t) || initial) {
            break;
        }
        if wordlists::is_person_noun(t.text) {
            head = Some(j);
        }
        j += 1;
    }
    let head = head?;
    // "study lead author Lucas Paganini", "judge Inaba": words before a name.
    if toks
        .get(head + 1)
        .is_some_and(|n| head + 1 < hi && names::is_name_word(n))
    {
        return None;
    }
    Some(extend_forward(toks, k, head, hi))
}

/// A word that is most likely the verb after a subject ("The Ministry of Health issued",
/// "The Harbour Council has"), not a noun after a capitalized modifier ("a WeWork
/// spokesperson").
fn is_verb_like(word: &str) -> bool {
    let w = word.to_lowercase();
    matches!(
        w.as_str(),
        "is" | "was"
            | "are"
            | "were"
            | "has"
            | "had"
            | "have"
            | "will"
            | "would"
            | "can"
            | "could"
            | "did"
            | "does"
            | "may"
            | "might"
            | "must"
            | "should"
            | "also"
            | "then"
    ) || (w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed"))
}

/// A description followed by a name in commas is that name ("Her deputy, Marcus Reid,
/// disagrees"); any other phrase is itself.
pub(super) fn appositive_name(toks: &[Tok<'_>], np: Np, hi: usize) -> Np {
    let Np::Description { last, .. } = np else {
        return np;
    };
    if !toks.get(last + 1).is_some_and(|t| t.is_punct(',')) {
        return np;
    }
    match np_forward(toks, last + 2, hi) {
        Some(name @ Np::Name { last: l, .. })
            if toks.get(l + 1).is_some_and(|t| t.is_punct(',')) =>
        {
            name
        }
        _ => np,
    }
}
